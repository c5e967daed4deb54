"""SVG perturbations on the lxml tree.

The SVG is parsed with lxml (no entities, no network), one element is edited
and the tree is serialised back; the prolog before ``<svg`` (XML declaration,
comments) is kept as written. Path data is read into absolute segments
(relative commands resolved, ``H``/``V`` as ``L``) so that moving one point or
scaling a path changes only that point or path. Element areas for the
severity rules come from `verm.render.svg.svg_scene` (boxes as fractions of a
336x336 rendering); ``area`` below is the element's box area as a fraction of
the canvas.

Ops and categories, and the severity each edit gets by what shows (measured
between the renderings before and after it, `verm.perturb.effect`; "ink" is
every pixel of either rendering that is not the white canvas, "moved" how far
the changed pixels' colours moved, as a share of the canvas side):

===============  ======================  =================================================================
op               category                severity by what shows
===============  ======================  =================================================================
fill_color       style_error             1 when the changed pixels' mean ΔE76 < 25 (a shade of the same
stroke_color                             colour) or they hold < 5 % of the ink (a detail); else 2
path_coords      shape_error             the outline moved < 4 % of the side -> 1, < 10 % -> 2, more -> 3;
                                         one step less (not below 1) when the changed pixels hold < 5 %
                                         of the ink (a detail reshaped)
shape_size       shape_error             same rule as path_coords
transform        shape_error when small  same rule as path_coords (a circle turned about its centre shows
                 (rotate < 10°, scale    nothing and is dropped)
                 within ±8 %, shift
                 < 5 %), else
                 structure_error
element_drop     structure_error         the ink gone holds >= 25 % of the ink -> 3, >= 5 % -> 2, else 1
element_dup      structure_error         same rule, for the ink the shifted copy adds
stacking_order   structure_error         >= 5 % of the ink changes -> 2, else 1
text_change      text_symbol_error       typo -> 1; a word or digit changed -> 2 (text is read whatever
                                         its size)
symbol_change    text_symbol_error       another symbol (``<use>``) -> 2; mirrored -> 2, or 1 when its
                                         outline moves < 2 % of the side (a near-symmetric shape)
===============  ======================  =================================================================

Each op also grades itself from the source when it is proposed (`Edit.severity`:
the old rules by the parameter, e.g. a point moved by < 4 % of the canvas -> 1),
for callers that do not render; ground truth uses the table above.
"""

from __future__ import annotations

import copy
import logging
import math
import random
import re
from typing import Any, ClassVar

from lxml import etree

from verm.perturb.base import BasePerturber, Edit, NotApplicable, OpSpec, Params
from verm.perturb.effect import Effect
from verm.perturb.mutate import (
    colour_severity,
    hex_rgb,
    mutate_text,
    new_colour,
    reword,
    text_severity,
)
from verm.types import Task

logger = logging.getLogger(__name__)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
DRAWN = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "use", "image"})
SHAPES = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"})
HIDDEN = frozenset(
    {"defs", "clipPath", "mask", "symbol", "marker", "pattern", "linearGradient", "radialGradient", "filter",
     "metadata", "title", "desc", "style", "script", "font", "foreignObject"}
)  # fmt: skip
SCENE_SIZE = (336, 336)
_NUM = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
_PLAIN = re.compile(r"^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*(px)?\s*$")


#: The renderer's canvas: anything else is the icon's ink.
CANVAS = (255, 255, 255)
#: Severity steps of the table in the module docstring.
SHADE_DE = 25.0
DETAIL_SHARE = 0.05
MOVED_STEPS = (0.04, 0.10)
INK_STEPS = (0.05, 0.25)
SYMMETRIC_MOVED = 0.02
GEOMETRY_OPS = frozenset({"path_coords", "shape_size", "transform"})


def _local(el: Any) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _fmt(v: float) -> str:
    s = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


# --------------------------------------------------------------------------- path data


def parse_path(d: str) -> list[tuple[str, list[float]]]:
    """Path data as absolute segments (M L C S Q T A Z; H/V become L). Raises ValueError on junk."""
    i, n = 0, len(d)
    out: list[tuple[str, list[float]]] = []
    cx = cy = sx = sy = 0.0
    cmd: str | None = None

    def skip() -> None:
        nonlocal i
        while i < n and d[i] in " \t\r\n,":
            i += 1

    def number() -> float:
        nonlocal i
        skip()
        m = _NUM.match(d, i)
        if not m:
            raise ValueError(f"number expected at {i}")
        i = m.end()
        return float(m.group())

    def flag() -> float:
        nonlocal i
        skip()
        if i < n and d[i] in "01":
            i += 1
            return float(d[i - 1])
        raise ValueError(f"arc flag expected at {i}")

    while True:
        skip()
        if i >= n:
            break
        if d[i].isalpha():
            cmd = d[i]
            i += 1
            if cmd.upper() not in _ARGS:
                raise ValueError(f"unknown path command {cmd!r}")
        elif cmd is None or cmd in "Zz":
            raise ValueError("numbers without a command")
        elif cmd in "Mm":
            cmd = "L" if cmd == "M" else "l"  # implicit lineto after a moveto
        u, rel = cmd.upper(), cmd.islower()
        ox, oy = (cx, cy) if rel else (0.0, 0.0)
        if u == "Z":
            out.append(("Z", []))
            cx, cy = sx, sy
            continue
        if u == "A":
            rx, ry, rot = number(), number(), number()
            la, sw = flag(), flag()
            x, y = ox + number(), oy + number()
            out.append(("A", [rx, ry, rot, la, sw, x, y]))
        elif u == "H":
            x, y = ox + number(), cy
            out.append(("L", [x, y]))
        elif u == "V":
            x, y = cx, oy + number()
            out.append(("L", [x, y]))
        else:
            vals = []
            for _ in range(_ARGS[u] // 2):
                vals += [ox + number(), oy + number()]
            out.append((u, vals))
            x, y = vals[-2], vals[-1]
        cx, cy = x, y
        if u == "M":
            sx, sy = x, y
    if not out or out[0][0] != "M":
        raise ValueError("path does not start with a moveto")
    return out


def format_path(segs: list[tuple[str, list[float]]]) -> str:
    return " ".join(c + " ".join(_fmt(v) for v in vals) for c, vals in segs)


def _points(segs: list[tuple[str, list[float]]]) -> list[tuple[float, float]]:
    pts = []
    for c, v in segs:
        if c == "A":
            pts.append((v[5], v[6]))
        else:
            pts += list(zip(v[0::2], v[1::2], strict=False))
    return pts


def _box(pts: list[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    if not pts:
        return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _f(el: Any, name: str) -> float | None:
    v = el.get(name)
    if v is None:
        return 0.0 if name in ("x", "y", "cx", "cy", "x1", "y1", "x2", "y2") else None
    return float(v.strip().removesuffix("px")) if _PLAIN.match(v) else None


def _local_box(el: Any) -> tuple[float, float, float, float] | None:
    """An element's box in its own user units (no transform), or None."""
    tag = _local(el)
    try:
        if tag == "path":
            return _box(_points(parse_path(el.get("d", ""))))
        if tag in ("polygon", "polyline"):
            nums = [float(x) for x in _NUM.findall(el.get("points", ""))]
            return _box(list(zip(nums[0::2], nums[1::2], strict=False)))
        if tag == "rect":
            x, y, w, h = (_f(el, k) for k in ("x", "y", "width", "height"))
            return None if None in (x, y, w, h) else (x, y, x + w, y + h)  # type: ignore[operator]
        if tag == "circle":
            cx, cy, r = (_f(el, k) for k in ("cx", "cy", "r"))
            return None if None in (cx, cy, r) else (cx - r, cy - r, cx + r, cy + r)  # type: ignore[operator]
        if tag == "ellipse":
            cx, cy, rx, ry = (_f(el, k) for k in ("cx", "cy", "rx", "ry"))
            return None if None in (cx, cy, rx, ry) else (cx - rx, cy - ry, cx + rx, cy + ry)  # type: ignore[operator]
        if tag == "line":
            x1, y1, x2, y2 = (_f(el, k) for k in ("x1", "y1", "x2", "y2"))
            return None if None in (x1, y1, x2, y2) else (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))  # type: ignore[type-var]
    except (ValueError, TypeError):
        return None
    return None


# --------------------------------------------------------------------------- document


class _Doc:
    def __init__(self, source: str) -> None:
        m = re.search(r"<svg[\s/>]", source)
        if not m:
            raise NotApplicable("no <svg>")
        self.prefix = source[: m.start()]
        self.suffix = source[len(source.rstrip()) :]
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
        try:
            self.root = etree.fromstring(source[m.start() :].encode("utf-8"), parser)
        except etree.XMLSyntaxError as exc:
            raise NotApplicable(f"cannot parse SVG: {exc}") from None
        vb = [float(x) for x in _NUM.findall(self.root.get("viewBox") or "")]
        if len(vb) == 4 and vb[2] > 0 and vb[3] > 0:
            self.vw, self.vh = vb[2], vb[3]
        else:
            w, h = _f(self.root, "width"), _f(self.root, "height")
            self.vw, self.vh = (w or 100.0), (h or 100.0)
        self.size = max(self.vw, self.vh)
        self._areas: dict[int, list[float] | None] | None = None

    def dump(self) -> str:
        return self.prefix + etree.tostring(self.root, encoding="unicode") + self.suffix

    def drawn(self) -> list[Any]:
        """Drawable elements outside defs/clipPath/..., in document order."""
        out = []

        def walk(el: Any) -> None:
            for child in el:
                tag = _local(child)
                if not tag or tag in HIDDEN or (child.get("display") or "").strip() == "none":
                    continue
                if tag in DRAWN:
                    out.append(child)
                elif tag in ("g", "svg", "a", "switch"):
                    walk(child)

        walk(self.root)
        return out

    def bboxes(self) -> dict[int, list[float] | None]:
        """Rendered box (fractions of the canvas) per index in `drawn()`, from svg_scene; {} when unknown."""
        if self._areas is not None:
            return self._areas
        from verm.render.svg import svg_scene

        clone = copy.deepcopy(self.root)
        cels = _Doc._drawn_of(clone)
        for k, ce in enumerate(cels):
            if not ce.get("id"):
                ce.set("id", f"verm-perturb-{k}")
        try:
            scene = svg_scene(etree.tostring(clone, encoding="unicode"), SCENE_SIZE)
        except Exception as exc:  # a refused or odd SVG: severities fall back to the default
            logger.debug("svg_scene failed: %s", exc)
            self._areas = {}
            return self._areas
        by_id = {e["id"]: e.get("bbox") for e in scene.get("elements", []) if e.get("id")}
        self._areas = {k: by_id.get(ce.get("id")) for k, ce in enumerate(cels)}
        return self._areas

    @staticmethod
    def _drawn_of(root: Any) -> list[Any]:
        d = _Doc.__new__(_Doc)
        d.root = root
        return d.drawn()

    def area(self, k: int) -> float | None:
        b = self.bboxes().get(k)
        return None if not b else max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])

    def element(self, tag: str) -> Any:
        ns = etree.QName(self.root).namespace
        return etree.Element(f"{{{ns}}}{tag}" if ns else tag)


def _style(el: Any) -> dict[str, str]:
    out = {}
    for decl in (el.get("style") or "").split(";"):
        k, sep, v = decl.partition(":")
        if sep:
            out[k.strip().lower()] = v.strip()
    return out


def _paint(el: Any, prop: str) -> str | None:
    """The element's own paint for ``prop`` (style wins over the attribute), or None."""
    return _style(el).get(prop) or el.get(prop)


def _set_paint(el: Any, prop: str, value: str) -> None:
    st = _style(el)
    if prop in st:
        decls = [d for d in (el.get("style") or "").split(";") if d.strip()]
        el.set(
            "style", ";".join(f"{prop}:{value}" if d.partition(":")[0].strip().lower() == prop else d for d in decls)
        )
    else:
        el.set(prop, value)


def _inherited(el: Any, prop: str) -> str | None:
    node = el
    while node is not None and isinstance(node.tag, str):
        v = _paint(node, prop)
        if v is not None and v.strip().lower() != "inherit":
            return v.strip()
        node = node.getparent()
    return "black" if prop in ("fill", "color") else None


def _rgb(el: Any, value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    v = value.strip()
    if v.lower() == "currentcolor":
        v = _inherited(el, "color") or "black"
    m = re.fullmatch(r"rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)", v)
    if m:
        return tuple(int(x) / 255 for x in m.groups())  # type: ignore[return-value]
    return hex_rgb(v)


def _visible_paint(v: str | None) -> bool:
    return v is not None and v.strip().lower() not in ("none", "transparent", "") and not v.strip().startswith("url(")


def _area_severity(area: float | None) -> int:
    if area is None:
        return 2
    return 3 if area > 0.10 else 2 if area > 0.01 else 1


def _describe(el: Any, k: int) -> str:
    tag = _local(el)
    ident = el.get("id")
    return f"<{tag}> #{ident}" if ident and not ident.startswith("verm-") else f"<{tag}> element {k + 1}"


# --------------------------------------------------------------------------- the perturber


class SvgPerturber(BasePerturber):
    """Colour, geometry, structure, transform and text edits on SVG (rules in the module docstring)."""

    task = Task.SVG
    SPECS: ClassVar[dict[str, OpSpec]] = {
        "fill_color": OpSpec("fill"),
        "stroke_color": OpSpec("stroke"),
        "path_coords": OpSpec("geometry"),
        "shape_size": OpSpec("size"),
        "element_drop": OpSpec("structure", 0),
        "element_duplicate": OpSpec("structure", 0),
        "stacking_order": OpSpec("structure", 0),
        "transform": OpSpec("transform"),
        "text_change": OpSpec("text"),
        "symbol_change": OpSpec("symbol"),
    }
    TEXT_OPS: ClassVar[frozenset[str]] = frozenset({"text_change"})
    OVERLAP_IN_CANDIDATE: ClassVar[bool] = True

    def check_source(self, source: str) -> bool:
        try:
            _Doc(source)
        except NotApplicable:
            return False
        return True

    def grade(self, edit: Edit, effect: Effect) -> int:
        """Severity by what shows (the table in the module docstring)."""
        w, h = effect.size
        moved = effect.moved / max(w, h)
        share = effect.share(background=CANVAS)
        op = edit.op
        if op in ("fill_color", "stroke_color"):
            return 1 if effect.delta_e < SHADE_DE or share < DETAIL_SHARE else 2
        if op in GEOMETRY_OPS:
            step = 1 if moved < MOVED_STEPS[0] else 2 if moved < MOVED_STEPS[1] else 3
            return max(1, step - 1) if share < DETAIL_SHARE else step  # a detail reshaped: one step less
        if op in ("element_drop", "element_duplicate"):
            return 1 if share < INK_STEPS[0] else 2 if share < INK_STEPS[1] else 3
        if op == "stacking_order":
            return 2 if share >= DETAIL_SHARE else 1
        if op == "symbol_change" and "axis" in edit.params:  # a mirror, not another <use> symbol
            return 1 if moved < SYMMETRIC_MOVED else 2
        return edit.severity  # texts: read whatever their size; another symbol: 2

    def _pick(self, p: Params, rng: random.Random | None, items: list[Any], key: str = "target") -> Any:
        if not items:
            raise NotApplicable("no target")
        return items[self.draw(p, key, rng, lambda r: r.randrange(len(items)))]

    # -- colour ---------------------------------------------------------------------------------------------

    def _colour(self, prop: str, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        doc = _Doc(source)
        drawn = doc.drawn()
        targets: list[tuple[Any, str | None]] = []
        for el in [doc.root, *doc.root.iter()]:
            if (
                not isinstance(el.tag, str)
                or _local(el) in HIDDEN
                or any(_local(a) in HIDDEN for a in el.iterancestors())
            ):
                continue
            own = _paint(el, prop)
            if own is not None and _visible_paint(own):
                targets.append((el, own))
            elif own is None and _local(el) in SHAPES and el in drawn and _visible_paint(_inherited(el, prop)):
                targets.append((el, None))  # inherits a visible paint: give it its own
        seen: set[int] = set()
        uniq = []
        for el, own in targets:
            if id(el) not in seen:
                seen.add(id(el))
                uniq.append((el, own))
        el, own = self._pick(p, rng, uniq)
        old_value = own if own is not None else _inherited(el, prop)
        old = _rgb(el, old_value)
        strong = self.draw(p, "strong", rng, lambda r: r.random() < 0.6)
        colour = self.draw(p, "colour", rng, lambda r: new_colour(old, r, strong or old is None))
        _set_paint(el, prop, colour)
        where = "whole image" if el is doc.root else _describe(el, drawn.index(el) if el in drawn else 0)
        return doc.dump(), self.edit(
            f"{prop}_color", "style_error", colour_severity(old, colour), f"{prop} of {where}",
            f"{prop} is {colour} instead of {old_value}", p,
        )  # fmt: skip

    def _op_fill_color(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        return self._colour("fill", source, p, rng)

    def _op_stroke_color(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        return self._colour("stroke", source, p, rng)

    # -- geometry -------------------------------------------------------------------------------------------

    def _op_path_coords(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        doc = _Doc(source)
        drawn = doc.drawn()
        targets = []
        for k, el in enumerate(drawn):
            tag = _local(el)
            if tag == "path":
                try:
                    segs = parse_path(el.get("d", ""))
                except ValueError:
                    continue
                targets += [(k, i) for i, (c, _) in enumerate(segs) if c != "Z"]
            elif tag in ("polygon", "polyline"):
                n = len(_NUM.findall(el.get("points", ""))) // 2
                targets += [(k, i) for i in range(n)]
            elif tag == "line" and _local_box(el) is not None:
                targets += [(k, 0), (k, 1)]
        k, i = self._pick(p, rng, targets)
        el = drawn[k]
        band = self.draw(p, "band", rng, lambda r: r.choice((0.025, 0.06, 0.15)))
        angle = self.draw(p, "angle", rng, lambda r: round(r.uniform(0, 2 * math.pi), 3))
        dx, dy = band * doc.size * math.cos(angle), band * doc.size * math.sin(angle)
        tag = _local(el)
        if tag == "path":
            segs = parse_path(el.get("d", ""))
            c, v = segs[i]
            v = list(v)
            if c == "A":
                v[5] += dx
                v[6] += dy
            else:
                v[-2] += dx
                v[-1] += dy
                if c in ("C", "S"):  # the curve's end tangent moves with its end point
                    v[-4] += dx
                    v[-3] += dy
            segs[i] = (c, v)
            el.set("d", format_path(segs))
        elif tag in ("polygon", "polyline"):
            nums = [float(x) for x in _NUM.findall(el.get("points", ""))]
            nums[2 * i] += dx
            nums[2 * i + 1] += dy
            el.set("points", " ".join(f"{_fmt(a)},{_fmt(b)}" for a, b in zip(nums[0::2], nums[1::2], strict=False)))
        else:
            for name, delta in ((f"x{i + 1}", dx), (f"y{i + 1}", dy)):
                el.set(name, _fmt((_f(el, name) or 0.0) + delta))
        sev = 1 if band < 0.04 else 2 if band < 0.10 else 3
        return doc.dump(), self.edit(
            "path_coords", "shape_error", sev, _describe(el, k),
            f"point {i + 1} of {_describe(el, k)} is moved by {band:.0%} of the canvas", p,
        )  # fmt: skip

    def _op_shape_size(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        doc = _Doc(source)
        drawn = doc.drawn()
        targets = [k for k, el in enumerate(drawn) if _local(el) in SHAPES and _local_box(el) is not None]
        k = self._pick(p, rng, targets)
        el = drawn[k]
        f = self.draw(p, "factor", rng, lambda r: round(r.choice((r.uniform(0.88, 0.94), r.uniform(1.06, 1.12), r.uniform(0.55, 0.8), r.uniform(1.25, 1.5), r.uniform(0.3, 0.45), r.uniform(1.6, 2.0))), 3))  # fmt: skip
        x0, y0, x1, y1 = _local_box(el)  # type: ignore[misc]
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2

        def sx(x: float) -> float:
            return cx + (x - cx) * f

        def sy(y: float) -> float:
            return cy + (y - cy) * f

        tag = _local(el)
        if tag == "path":
            segs = []
            for c, v in parse_path(el.get("d", "")):
                if c == "A":
                    v = [v[0] * f, v[1] * f, v[2], v[3], v[4], sx(v[5]), sy(v[6])]
                else:
                    v = [sx(a) if j % 2 == 0 else sy(a) for j, a in enumerate(v)]
                segs.append((c, v))
            el.set("d", format_path(segs))
        elif tag in ("polygon", "polyline"):
            nums = [float(x) for x in _NUM.findall(el.get("points", ""))]
            el.set(
                "points", " ".join(f"{_fmt(sx(a))},{_fmt(sy(b))}" for a, b in zip(nums[0::2], nums[1::2], strict=False))
            )
        elif tag == "rect":
            el.set("x", _fmt(sx(x0)))
            el.set("y", _fmt(sy(y0)))
            el.set("width", _fmt((x1 - x0) * f))
            el.set("height", _fmt((y1 - y0) * f))
        elif tag == "circle":
            el.set("r", _fmt((x1 - x0) / 2 * f))
        elif tag == "ellipse":
            el.set("rx", _fmt((x1 - x0) / 2 * f))
            el.set("ry", _fmt((y1 - y0) / 2 * f))
        else:
            for n in ("x1", "x2"):
                el.set(n, _fmt(sx(_f(el, n) or 0.0)))
            for n in ("y1", "y2"):
                el.set(n, _fmt(sy(_f(el, n) or 0.0)))
        d = abs(f - 1)
        sev = 1 if d <= 0.12 else 2 if d <= 0.5 else 3
        return doc.dump(), self.edit(
            "shape_size", "shape_error", sev, _describe(el, k), f"{_describe(el, k)} is scaled by {f:g}", p
        )

    # -- structure ------------------------------------------------------------------------------------------

    def _op_element_drop(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        doc = _Doc(source)
        drawn = doc.drawn()
        k = self._pick(p, rng, list(range(len(drawn))))
        el = drawn[k]
        sev = _area_severity(doc.area(k))
        what = _describe(el, k)
        parent = el.getparent()
        prev = el.getprevious()
        if el.tail and el.tail.strip():  # text after the element is not part of it (lxml's remove drops it)
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
        return doc.dump(), self.edit("element_drop", "structure_error", sev, what, f"{what} is missing", p)

    def _op_element_duplicate(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        doc = _Doc(source)
        drawn = doc.drawn()
        k = self._pick(p, rng, list(range(len(drawn))))
        el = drawn[k]
        angle = self.draw(p, "angle", rng, lambda r: round(r.uniform(0, 2 * math.pi), 3))
        dist = self.draw(p, "dist", rng, lambda r: round(r.uniform(0.08, 0.15), 3))
        dx, dy = dist * doc.size * math.cos(angle), dist * doc.size * math.sin(angle)
        dup = copy.deepcopy(el)
        for node in dup.iter():
            if isinstance(node.tag, str) and node.get("id"):
                del node.attrib["id"]  # ids must stay unique
        old = dup.get("transform")
        dup.set("transform", f"translate({_fmt(dx)} {_fmt(dy)})" + (f" {old}" if old else ""))
        el.addnext(dup)
        what = _describe(el, k)
        return doc.dump(), self.edit(
            "element_duplicate", "structure_error", _area_severity(doc.area(k)), what,
            f"a shifted copy of {what} is drawn", p,
        )  # fmt: skip

    def _op_stacking_order(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        doc = _Doc(source)
        drawn = doc.drawn()
        boxes = doc.bboxes()
        pairs = []
        for a in range(len(drawn)):
            for b in range(a + 1, len(drawn)):
                ea, eb = drawn[a], drawn[b]
                if ea.getparent() is not eb.getparent():
                    continue
                ba, bb = boxes.get(a), boxes.get(b)
                if not ba or not bb:
                    continue
                iw = min(ba[2], bb[2]) - max(ba[0], bb[0])
                ih = min(ba[3], bb[3]) - max(ba[1], bb[1])
                paints = [(_inherited(e, "fill"), _inherited(e, "stroke")) for e in (ea, eb)]
                if iw > 0 and ih > 0 and paints[0] != paints[1]:
                    pairs.append((a, b, iw * ih))
        a, b, overlap = self._pick(p, rng, pairs)
        ea, eb = drawn[a], drawn[b]
        ca, cb = copy.deepcopy(ea), copy.deepcopy(eb)
        ca.tail, cb.tail = eb.tail, ea.tail
        parent = ea.getparent()
        parent.replace(ea, cb)
        parent.replace(eb, ca)
        sev = 2 if overlap > 0.05 else 1
        return doc.dump(), self.edit(
            "stacking_order", "structure_error", sev, f"{_describe(ea, a)} and {_describe(eb, b)}",
            f"{_describe(ea, a)} and {_describe(eb, b)} are drawn in the wrong order", p,
        )  # fmt: skip

    def _op_transform(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        doc = _Doc(source)
        drawn = doc.drawn()
        targets = [k for k, el in enumerate(drawn) if _local(el) in SHAPES and _local_box(el) is not None]
        k = self._pick(p, rng, targets)
        el = drawn[k]
        kind = self.draw(p, "kind", rng, lambda r: r.choice(("rotate", "scale", "translate")))
        small = self.draw(p, "small", rng, lambda r: r.random() < 0.5)
        x0, y0, x1, y1 = _local_box(el)  # type: ignore[misc]
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if kind == "rotate":
            a = self.draw(p, "amount", rng, lambda r: round(r.uniform(4, 8) if small else r.uniform(20, 90), 1))
            t = f"rotate({_fmt(a)} {_fmt(cx)} {_fmt(cy)})"
            what = f"rotated by {a:g}°"
        elif kind == "scale":
            a = self.draw(
                p, "amount", rng,
                lambda r: round(r.choice((r.uniform(0.92, 0.96), r.uniform(1.04, 1.08))) if small
                                else r.choice((r.uniform(0.5, 0.7), r.uniform(1.3, 1.6))), 3),
            )  # fmt: skip
            t = f"translate({_fmt(cx)} {_fmt(cy)}) scale({_fmt(a)}) translate({_fmt(-cx)} {_fmt(-cy)})"
            what = f"scaled by {a:g}"
        else:
            a = self.draw(p, "amount", rng, lambda r: round(r.uniform(0.02, 0.04) if small else r.uniform(0.1, 0.2), 3))
            ang = self.draw(p, "angle", rng, lambda r: round(r.uniform(0, 2 * math.pi), 3))
            t = f"translate({_fmt(a * doc.size * math.cos(ang))} {_fmt(a * doc.size * math.sin(ang))})"
            what = f"shifted by {a:.0%} of the canvas"
        old = el.get("transform")
        # Appended, so it acts in the element's own coordinates (where cx, cy were measured).
        el.set("transform", f"{old} {t}" if old else t)
        if small:
            cat, sev = "shape_error", 1
        else:
            cat, sev = "structure_error", 3 if (doc.area(k) or 0.0) > 0.10 else 2
        return doc.dump(), self.edit("transform", cat, sev, _describe(el, k), f"{_describe(el, k)} is {what}", p)

    # -- text and symbols -----------------------------------------------------------------------------------

    @staticmethod
    def _slots(el: Any) -> list[tuple[Any, str]]:
        out = [(el, "text")]
        for child in el:
            if isinstance(child.tag, str):
                out += SvgPerturber._slots(child)
            out.append((child, "tail"))
        return out

    def _op_text_change(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        doc = _Doc(source)
        slots = [
            (node, attr)
            for el in doc.drawn()
            if _local(el) == "text"
            for node, attr in self._slots(el)
            if re.search(r"[A-Za-z0-9]", getattr(node, attr) or "")
        ]
        node, attr = self._pick(p, rng, slots)
        old = getattr(node, attr)
        has_digit = bool(re.search(r"\d", old))
        kinds = ["typo"] if re.search(r"[A-Za-z]", old) else []
        kinds += ["word"] if reword(old, random.Random(0)) else []
        kinds += ["digit"] if has_digit else []
        kind = self.draw(p, "kind", rng, lambda r: r.choice(kinds))

        def change(r: random.Random) -> str | None:
            if kind == "digit":
                pos = [i for i, ch in enumerate(old) if ch.isdigit()]
                i = r.choice(pos)
                return old[:i] + r.choice([d for d in "0123456789" if d != old[i]]) + old[i + 1 :]
            return mutate_text(old, r, kind)

        new = self.draw(p, "text", rng, change)
        if not new or new == old:
            raise NotApplicable("text cannot change")
        setattr(node, attr, new)
        sev = text_severity("typo" if kind == "typo" else "word")
        return doc.dump(), self.edit(
            "text_change", "text_symbol_error", sev, "text", f"text reads '{new.strip()}' instead of '{old.strip()}'", p
        )

    def _op_symbol_change(self, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit]:
        doc = _Doc(source)
        drawn = doc.drawn()
        ids = [
            el.get("id")
            for el in doc.root.iter()
            if isinstance(el.tag, str) and el.get("id") and _local(el) in SHAPES | {"symbol", "g"}
        ]
        targets: list[tuple[str, int]] = []
        for k, el in enumerate(drawn):
            if _local(el) == "use" and len(ids) >= 2:
                targets.append(("use", k))
            elif _local(el) in ("path", "polygon", "polyline") and _local_box(el) is not None:
                targets.append(("flip", k))
        kind, k = self._pick(p, rng, targets)
        el = drawn[k]
        if kind == "use":
            href_attr = f"{{{XLINK_NS}}}href" if el.get(f"{{{XLINK_NS}}}href") is not None else "href"
            old = (el.get(href_attr) or "").lstrip("#")
            new = self.draw(p, "href", rng, lambda r: r.choice([i for i in ids if i != old]))
            el.set(href_attr, f"#{new}")
            return doc.dump(), self.edit(
                "symbol_change", "text_symbol_error", 2, _describe(el, k), f"shows symbol #{new} instead of #{old}", p
            )
        axis = self.draw(p, "axis", rng, lambda r: r.choice(("horizontal", "vertical")))
        x0, y0, x1, y1 = _local_box(el)  # type: ignore[misc]
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        sx, sy = ("-1", "1") if axis == "horizontal" else ("1", "-1")
        t = f"translate({_fmt(cx)} {_fmt(cy)}) scale({sx} {sy}) translate({_fmt(-cx)} {_fmt(-cy)})"
        old_t = el.get("transform")
        el.set("transform", f"{old_t} {t}" if old_t else t)
        return doc.dump(), self.edit(
            "symbol_change", "text_symbol_error", 2, _describe(el, k), f"{_describe(el, k)} is mirrored ({axis})", p
        )
