"""Red-team reward hacks (round 14): opt-in kinds built only when named (`EXTRA_HACK_KINDS`).

Each keeps much of the reference's look and changes or drops what an honest attempt has to get
right, the way a policy that sees the reference image could emit cheap code:

Charts (code appended to the reference, limits frozen as first drawn where the data change):

======================= ===================================================================
kind                    what is left of the reference
======================= ===================================================================
axes and legend         axes, texts and the legend; every data artist hidden
texts in empty figure   every visible text at its place on an empty figure (no axes)
one point per series    each line, scatter and bar series cut to its first point or bar
one bar per series      data hidden; each series drawn as one bar at its mean, in its colour
random values           every series' values drawn uniformly in the series' own range
reversed data           every series' values in reverse order
sorted data             every series' values sorted ascending
wrong chart kind        lines drawn as bars, bars as a line, scatter points as a line
no texts                the data and frames; titles, labels, tick labels and legend texts gone
double series           every line and scatter series drawn a second time, shifted up 10 %
clipped off axes        every series moved above the axes' top: nothing of it shows
many tiny artists       axes without data plus 2000 one-point lines (hostile to scene caps)
noise image in plot     axes without data plus an image of noise filling each axes
======================= ===================================================================

Tables: shuffled cells, same text everywhere, first row repeated, reversed rows, header as
every row, cells shifted by one, digits zeroed.
SVGs: union box, first element only, fill none, off-canvas viewbox, reversed order, half the
elements, bounding boxes, all black.
"""

from __future__ import annotations

import copy
import math
import random
import re
from typing import Any

from verm.errors import InputError

__all__ = ["CHART_EXTRA", "SVG_EXTRA_KINDS", "TABLE_EXTRA_KINDS", "svg_extra_hacks", "table_extra_hacks"]

# --------------------------------------------------------------------------- charts

_FREEZE = """
for _ax in _all_axes:
    if _ax.name == 'rectilinear':
        _ax.set_xlim(_ax.get_xlim())
        _ax.set_ylim(_ax.get_ylim())
"""
_HIDE_DATA_KEEP_LEGEND = """
for _ax in _all_axes:
    for _a in [*_ax.lines, *_ax.patches, *_ax.collections, *_ax.images, *_ax.tables]:
        _a.set_visible(False)
    for _a in list(_ax.artists):
        _a.remove()
"""
# Series of every rectilinear axes: (axes, kind, artist, ys) with kind line | bars | scatter.
_SERIES = """
from matplotlib.collections import PathCollection as _PC
from matplotlib.container import BarContainer as _BC
def _series(_ax):
    _out = []
    _in_c = {id(_b) for _c in _ax.containers for _b in _c.get_children()}
    for _c in _ax.containers:
        if isinstance(_c, _BC) and len(_c.patches) >= 1:
            _h = _c.orientation == 'horizontal'
            _out.append((_ax, 'bars', _c, _np.array([_b.get_width() if _h else _b.get_height() for _b in _c.patches], dtype=float)))
    for _l in _ax.lines:
        if id(_l) in _in_c or _l.get_transform() != _ax.transData or len(_l.get_xydata()) < 2:
            continue
        try:
            _out.append((_ax, 'line', _l, _np.asarray(_l.get_ydata(), dtype=float)))
        except (TypeError, ValueError):
            pass
    for _c in _ax.collections:
        if isinstance(_c, _PC) and len(_c.get_offsets()) >= 1 and id(_c) not in _in_c:
            _out.append((_ax, 'scatter', _c, _np.asarray(_c.get_offsets(), dtype=float)[:, 1]))
    return _out
def _set(_kind, _a, _ys):
    if _kind == 'bars':
        _h = _a.orientation == 'horizontal'
        for _b, _v in zip(_a.patches, _ys):
            (_b.set_width if _h else _b.set_height)(float(_v))
    elif _kind == 'line':
        _a.set_ydata(_ys)
    else:
        _o = _np.asarray(_a.get_offsets(), dtype=float).copy()
        _o[:, 1] = _ys
        _a.set_offsets(_o)
def _colour(_kind, _a):
    if _kind == 'bars':
        return _a.patches[0].get_facecolor()
    if _kind == 'line':
        return _a.get_color()
    _fc = _a.get_facecolor()
    return _fc[0] if len(_fc) else 'C0'
_all_series = [_s for _ax in _all_axes if _ax.name == 'rectilinear' for _s in _series(_ax)]
"""


def _map_values(expr: str) -> str:
    """Code setting every series' values to ``expr`` of ``_ys`` (limits frozen first)."""
    return (
        _FREEZE
        + _SERIES
        + "_r = _np.random.default_rng(0)\n"
        + "for _ax, _kind, _a, _ys in _all_series:\n"
        + "    _ok = _np.isfinite(_ys)\n"
        + "    if _ok.sum() == 0:\n"
        + "        continue\n"
        + f"    _new = _ys.copy()\n    _new[_ok] = {expr}\n"
        + "    _set(_kind, _a, _new)\n"
    )


CHART_EXTRA: dict[str, str] = {
    "axes and legend": _HIDE_DATA_KEEP_LEGEND,
    "texts in empty figure": (
        "from matplotlib.text import Text as _T\n"
        "_f.canvas.draw()\n"
        "_W, _H = _f.bbox.width, _f.bbox.height\n"
        "_keep = []\n"
        "for _t in _f.findobj(_T):\n"
        "    if _t.get_visible() and _t.get_text().strip():\n"
        "        _b = _t.get_window_extent()\n"
        "        _keep.append((_b.x0 / _W, _b.y0 / _H, _t.get_text(), _t.get_fontsize(), _t.get_color(),"
        " _t.get_rotation(), _t.get_fontweight()))\n"
        "_f.clf()\n"
        "for _x, _y, _s, _fs, _c, _rot, _fw in _keep:\n"
        "    _f.text(_x, _y, _s, fontsize=_fs, color=_c, rotation=_rot, fontweight=_fw, ha='left', va='bottom')\n"
    ),
    "one point per series": (
        _FREEZE
        + _SERIES
        + "for _ax, _kind, _a, _ys in _all_series:\n"
        + "    if _kind == 'bars':\n"
        + "        for _b in _a.patches[1:]:\n"
        + "            _b.set_visible(False)\n"
        + "    elif _kind == 'line':\n"
        + "        _a.set_data(_np.asarray(_a.get_xdata())[:1], _np.asarray(_a.get_ydata())[:1])\n"
        + "        _a.set_marker('o')\n"
        + "    else:\n"
        + "        _a.set_offsets(_np.asarray(_a.get_offsets())[:1])\n"
    ),
    "one bar per series": (
        _FREEZE
        + _SERIES
        + _HIDE_DATA_KEEP_LEGEND
        + "_by_ax = {}\n"
        + "for _ax, _kind, _a, _ys in _all_series:\n"
        + "    _by_ax.setdefault(id(_ax), (_ax, []))[1].append((_colour(_kind, _a), _np.nanmean(_ys)))\n"
        + "for _ax, _items in _by_ax.values():\n"
        + "    _x0, _x1 = _ax.get_xlim()\n"
        + "    _w = (_x1 - _x0) / (len(_items) + 1)\n"
        + "    for _i, (_c, _m) in enumerate(_items):\n"
        + "        _ax.bar(_x0 + (_i + 1) * _w, _m, width=_w * 0.6, color=_c)\n"
    ),
    "random values": _map_values("_r.uniform(_np.nanmin(_ys), _np.nanmax(_ys), int(_ok.sum()))"),
    "reversed data": _map_values("_ys[_ok][::-1]"),
    "sorted data": _map_values("_np.sort(_ys[_ok])"),
    "wrong chart kind": (
        _FREEZE
        + _SERIES
        + "for _ax, _kind, _a, _ys in _all_series:\n"
        + "    _c = _colour(_kind, _a)\n"
        + "    if _kind != 'bars':\n"
        + "        _a.set_visible(False)\n"
        + "    if _kind == 'line':\n"
        + "        _x = _np.asarray(_a.get_xdata(), dtype=float)\n"
        + "        _w = float(_np.nanmin(_np.diff(_np.sort(_x)))) * 0.8 if len(_x) > 1 else 0.8\n"
        + "        _ax.bar(_x, _ys, width=_w if _w > 0 else 0.8, color=_c)\n"
        + "    elif _kind == 'bars':\n"
        + "        for _b in _a.patches:\n"
        + "            _b.set_visible(False)\n"
        + "        _h = _a.orientation == 'horizontal'\n"
        + "        _pos = [(_b.get_y() + _b.get_height() / 2) if _h else (_b.get_x() + _b.get_width() / 2)"
        " for _b in _a.patches]\n"
        + "        _ax.plot(_ys, _pos, color=_c) if _h else _ax.plot(_pos, _ys, color=_c)\n"
        + "    else:\n"
        + "        _o = _np.asarray(_a.get_offsets(), dtype=float)\n"
        + "        _o = _o[_np.argsort(_o[:, 0])]\n"
        + "        _ax.plot(_o[:, 0], _o[:, 1], color=_c)\n"
    ),
    "no texts": (
        "from matplotlib.text import Text as _T\n"
        "for _ax in _all_axes:\n"
        "    _ax.set_title('')\n"
        "    _ax.set_title('', loc='left')\n"
        "    _ax.set_title('', loc='right')\n"
        "    _ax.set_xlabel('')\n"
        "    _ax.set_ylabel('')\n"
        "    _ax.tick_params(which='both', labelbottom=False, labeltop=False, labelleft=False, labelright=False)\n"
        "    if _ax.name == '3d':\n"
        "        _ax.set_zlabel('')\n"
        "        _ax.set_zticklabels([])\n"
        "    if _ax.name == 'polar':\n"
        "        _ax.set_xticklabels([])\n"
        "        _ax.set_yticklabels([])\n"
        "    for _t in _ax.texts:\n"
        "        _t.set_visible(False)\n"
        "    if _ax.get_legend() is not None:\n"
        "        for _t in _ax.get_legend().get_texts():\n"
        "            _t.set_visible(False)\n"
        "        _ax.get_legend().set_title('')\n"
        "for _lg in _f.legends:\n"
        "    for _t in _lg.get_texts():\n"
        "        _t.set_visible(False)\n"
        "for _t in _f.texts:\n"
        "    _t.set_visible(False)\n"
        "if getattr(_f, '_suptitle', None) is not None:\n"
        "    _f._suptitle.set_visible(False)\n"
        "for _t in _f.findobj(_T):\n"
        "    if _t.get_visible() and not any(_t is _x for _ax in _all_axes"
        " for _x in [*_ax.get_xticklabels(), *_ax.get_yticklabels()]):\n"
        "        _t.set_text('')\n"
    ),
    "double series": (
        _FREEZE
        + _SERIES
        + "for _ax, _kind, _a, _ys in _all_series:\n"
        + "    _y0, _y1 = _ax.get_ylim()\n"
        + "    _d = (_y1 - _y0) * 0.1\n"
        + "    if _kind == 'line':\n"
        + "        _ax.plot(_a.get_xdata(), _ys + _d, color=_a.get_color(), lw=_a.get_linewidth(),"
        " ls=_a.get_linestyle(), marker=_a.get_marker())\n"
        + "    elif _kind == 'scatter':\n"
        + "        _o = _np.asarray(_a.get_offsets(), dtype=float)\n"
        + "        _ax.scatter(_o[:, 0], _o[:, 1] + _d, color=_colour(_kind, _a))\n"
    ),
    "clipped off axes": _map_values("(_ax.get_ylim()[1] + 10 * abs(_ax.get_ylim()[1] - _ax.get_ylim()[0]) + 1)"),
    "many tiny artists": (
        _HIDE_DATA_KEEP_LEGEND
        + "_r = _np.random.default_rng(0)\n"
        + "_ax0 = _all_axes[0] if _all_axes else _f.add_subplot()\n"
        + "for _i in range(2000):\n"
        + "    _ax0.plot([_r.random()], [_r.random()], ',', color='0.5', transform=_ax0.transAxes)\n"
    ),
    "noise image in plot": (
        _FREEZE
        + _HIDE_DATA_KEEP_LEGEND
        + "_r = _np.random.default_rng(0)\n"
        + "for _ax in _all_axes:\n"
        + "    if _ax.name == 'rectilinear':\n"
        + "        _ax.imshow(_r.random((60, 80, 3)), extent=(*_ax.get_xlim(), *_ax.get_ylim()), aspect='auto',"
        " zorder=0)\n"
    ),
}

# --------------------------------------------------------------------------- tables

TABLE_EXTRA_KINDS = (
    "shuffled cells",
    "same text everywhere",
    "first row repeated",
    "reversed rows",
    "header as every row",
    "cells shifted by one",
    "digits zeroed",
    "rows as one cell",
    "body in one cell",
    "one row",
    "first column only",
)


def table_extra_hacks(reference: Any, variant: Any, cells: Any, set_text: Any) -> dict[str, str]:
    """The extra table kinds, built with hacks.py's table helpers (``variant(reference, edit)``)."""
    import lxml.html

    rng = random.Random(0)

    def text_of(cell: Any) -> str:
        return cell.text_content()

    def shuffled(table: Any, head: list[Any], body: list[Any]) -> None:
        cs = cells(body)
        texts = [text_of(c) for c in cs]
        rng.shuffle(texts)
        for c, t in zip(cs, texts, strict=True):
            set_text(c, t)

    def same(table: Any, head: list[Any], body: list[Any]) -> None:
        cs = cells(body)
        t = next((text_of(c) for c in cs if text_of(c).strip()), "x")
        for c in cells(head + body):
            set_text(c, t)

    def first_repeated(table: Any, head: list[Any], body: list[Any]) -> None:
        if not body:
            return
        for tr in body[1:]:
            new = copy.deepcopy(body[0])
            new.tail = tr.tail
            tr.getparent().replace(tr, new)

    def reversed_rows(table: Any, head: list[Any], body: list[Any]) -> None:
        texts = [[text_of(c) for c in tr if c.tag in ("td", "th")] for tr in body]
        for tr, row in zip(body, reversed(texts), strict=True):
            for c, t in zip([c for c in tr if c.tag in ("td", "th")], row, strict=False):
                set_text(c, t)

    def header_rows(table: Any, head: list[Any], body: list[Any]) -> None:
        if not head:
            return
        for tr in body:
            new = copy.deepcopy(head[-1])
            new.tail = tr.tail
            tr.getparent().replace(tr, new)

    def shifted(table: Any, head: list[Any], body: list[Any]) -> None:
        cs = cells(body)
        texts = [text_of(c) for c in cs]
        for c, t in zip(cs, texts[1:] + texts[:1], strict=True):
            set_text(c, t)

    def zeroed(table: Any, head: list[Any], body: list[Any]) -> None:
        for c in cells(body):
            set_text(c, re.sub(r"[1-9]", "0", text_of(c)))

    def width(tr: Any) -> int:
        return sum(int(c.get("colspan") or 1) for c in tr if c.tag in ("td", "th"))

    def rows_one_cell(table: Any, head: list[Any], body: list[Any]) -> None:
        for tr in body:
            cs = [c for c in tr if c.tag in ("td", "th")]
            if not cs:
                continue
            n, joined = width(tr), " ".join(text_of(c) for c in cs)
            for c in cs[1:]:
                tr.remove(c)
            set_text(cs[0], joined)
            cs[0].set("colspan", str(n))
            cs[0].attrib.pop("rowspan", None)

    def body_one_cell(table: Any, head: list[Any], body: list[Any]) -> None:
        if not body:
            return
        n = max(width(tr) for tr in head + body)
        joined = " ".join(text_of(c) for c in cells(body))
        for tr in body[1:]:
            tr.getparent().remove(tr)
        first = body[0]
        cs = [c for c in first if c.tag in ("td", "th")]
        for c in cs[1:]:
            first.remove(c)
        set_text(cs[0], joined)
        cs[0].set("colspan", str(n))
        cs[0].attrib.pop("rowspan", None)

    def one_row(table: Any, head: list[Any], body: list[Any]) -> None:
        for tr in body[1:]:
            tr.getparent().remove(tr)

    def first_column(table: Any, head: list[Any], body: list[Any]) -> None:
        for tr in head + body:
            cs = [c for c in tr if c.tag in ("td", "th")]
            for c in cs[1:]:
                tr.remove(c)
            if cs:
                cs[0].attrib.pop("colspan", None)

    del lxml
    edits = {
        "shuffled cells": shuffled,
        "same text everywhere": same,
        "first row repeated": first_repeated,
        "reversed rows": reversed_rows,
        "header as every row": header_rows,
        "cells shifted by one": shifted,
        "digits zeroed": zeroed,
        "rows as one cell": rows_one_cell,
        "body in one cell": body_one_cell,
        "one row": one_row,
        "first column only": first_column,
    }
    return {k: variant(reference, e) for k, e in edits.items()}


# --------------------------------------------------------------------------- svg

SVG_EXTRA_KINDS = (
    "union box",
    "first element only",
    "fill none",
    "off-canvas viewbox",
    "reversed order",
    "half the elements",
    "bounding boxes",
    "all black",
    "convex hull",
)
_SHAPES = ("path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "use", "image")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _num(v: Any, default: float = 0.0) -> float:
    m = re.match(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)", str(v or ""))
    return float(m.group(1)) if m else default


def _points(el: Any) -> list[tuple[float, float]]:
    """Points on ``el``'s outline in its own units (transforms not applied): a path's outline, a shape's corners."""
    from verm.svg_path import path_outline

    tag, g = _local(el.tag), el.get
    pts: list[tuple[float, float]] = []
    if tag == "path" and g("d"):
        try:
            pts = [(float(x), float(y)) for x, y in path_outline(g("d"))]
        except (ValueError, IndexError):
            pts = []
    elif tag == "rect":
        x, y, w, h = _num(g("x")), _num(g("y")), _num(g("width")), _num(g("height"))
        pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    elif tag in ("circle", "ellipse"):
        cx, cy = _num(g("cx")), _num(g("cy"))
        rx = _num(g("rx"), _num(g("r")))
        ry = _num(g("ry"), _num(g("r")))
        pts = [(cx + rx * math.cos(k * math.pi / 8), cy + ry * math.sin(k * math.pi / 8)) for k in range(16)]
    elif tag == "line":
        pts = [(_num(g("x1")), _num(g("y1"))), (_num(g("x2")), _num(g("y2")))]
    elif tag in ("polyline", "polygon"):
        vs = [float(v) for v in re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", g("points") or "")]
        pts = list(zip(vs[0::2], vs[1::2], strict=False))
    return pts


def _hull(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull of ``pts`` (monotone chain), counter-clockwise."""
    p = sorted(set(pts))
    if len(p) < 3:
        return p

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for q in p:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], q) <= 0:
            lower.pop()
        lower.append(q)
    for q in reversed(p):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], q) <= 0:
            upper.pop()
        upper.append(q)
    return lower[:-1] + upper[:-1]


def _bbox(el: Any) -> tuple[float, float, float, float] | None:
    pts = _points(el)
    if not pts:
        return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def svg_extra_hacks(source: str) -> dict[str, str]:
    from lxml import etree

    parser = etree.XMLParser(recover=True, remove_comments=True)
    try:
        root = etree.fromstring(source.encode("utf-8"), parser)
    except etree.XMLSyntaxError as e:
        raise InputError(f"the SVG reference does not parse: {e}") from e
    if root is None or _local(root.tag) != "svg":
        raise InputError("the SVG reference has no <svg> root to build hacks from")

    def out(r: Any) -> str:
        return etree.tostring(r, encoding="unicode")

    def shapes(r: Any) -> list[Any]:
        return [
            e
            for e in r.iter()
            if _local(e.tag) in _SHAPES and not any(_local(a.tag) == "defs" for a in e.iterancestors())
        ]

    vb = (root.get("viewBox") or "").replace(",", " ").split()
    x0, y0, w, h = (
        (float(v) for v in vb)
        if len(vb) == 4
        else (0.0, 0.0, _num(root.get("width"), 24), _num(root.get("height"), 24))
    )
    ns = root.nsmap.get(None, "http://www.w3.org/2000/svg")
    made: dict[str, str] = {}

    def bare() -> Any:
        r = copy.deepcopy(root)
        for child in list(r):
            if _local(child.tag) not in ("defs", "style"):
                r.remove(child)
        return r

    boxes = [b for b in (_bbox(e) for e in shapes(root)) if b is not None]
    r = bare()
    if boxes:
        bx0, by0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        bx1, by1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    else:
        bx0, by0, bx1, by1 = x0 + w / 6, y0 + h / 6, x0 + w * 5 / 6, y0 + h * 5 / 6
    etree.SubElement(r, f"{{{ns}}}path", d=f"M{bx0:.3f} {by0:.3f}H{bx1:.3f}V{by1:.3f}H{bx0:.3f}Z")
    made["union box"] = out(r)

    r = copy.deepcopy(root)
    sh = shapes(r)
    for e in sh[1:]:
        e.getparent().remove(e)
    made["first element only"] = out(r)

    r = copy.deepcopy(root)
    for e in [r, *r.iter()]:
        if isinstance(e.tag, str):
            e.set("fill", "none")
            if "style" in e.attrib:
                e.set("style", re.sub(r"fill\s*:[^;]*;?", "", e.get("style")))
    made["fill none"] = out(r)

    r = copy.deepcopy(root)
    r.set("viewBox", f"{x0 + 10 * w:g} {y0 + 10 * h:g} {w:g} {h:g}")
    made["off-canvas viewbox"] = out(r)

    r = copy.deepcopy(root)
    for parent in list(r.iter()):
        kids = [k for k in parent if isinstance(k.tag, str) and _local(k.tag) not in ("defs", "style", "title")]
        if len(kids) >= 2:
            tails = [k.tail for k in kids]
            for k in kids:
                parent.remove(k)
            for k, t in zip(reversed(kids), tails, strict=True):
                k.tail = t
                parent.append(k)
    made["reversed order"] = out(r)

    r = copy.deepcopy(root)
    sh = shapes(r)
    for e in sh[(len(sh) + 1) // 2 :]:
        e.getparent().remove(e)
    made["half the elements"] = out(r)

    r = bare()
    for b in boxes:
        etree.SubElement(
            r,
            f"{{{ns}}}rect",
            x=f"{b[0]:.3f}",
            y=f"{b[1]:.3f}",
            width=f"{b[2] - b[0]:.3f}",
            height=f"{b[3] - b[1]:.3f}",
        )
    made["bounding boxes"] = out(r)

    r = copy.deepcopy(root)
    for e in [r, *r.iter()]:
        if not isinstance(e.tag, str):
            continue
        for attr in ("fill", "stroke"):
            v = e.get(attr)
            if v and v != "none":
                e.set(attr, "#000000")
        if "style" in e.attrib:
            e.set("style", re.sub(r"((?:fill|stroke)\s*:\s*)(?!none)[^;]+", r"\g<1>#000000", e.get("style")))
    made["all black"] = out(r)

    hull = _hull([p for e in shapes(root) for p in _points(e)])
    r = bare()
    if len(hull) >= 3:
        etree.SubElement(r, f"{{{ns}}}path", d="M" + "L".join(f"{x:.3f} {y:.3f}" for x, y in hull) + "Z")
    made["convex hull"] = out(r)
    return made
