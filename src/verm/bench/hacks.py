"""Reward hacks: cheap candidates a policy could emit instead of an honest attempt.

A reward is optimised against, so each of these must score below every honest
candidate of the same reference (design notes, "What a reward must never do").
`hack_sources` builds them from a reference source; `as_completion` wraps one the
way a policy's completion would carry it. `benchmarks/hacks.py` counts how many
win against a bench's honest candidates; `tests/integration/test_judge_hacks.py`
asserts that none does.

Chart hacks run the reference program and then change its figure (code appended
to the reference), so they keep its size, style, axes and texts exactly:

================== ==================================================================
kind               what is left of the reference
================== ==================================================================
blank canvas       nothing (the figure is cleared)
random noise       noise over the whole figure
only the title     titles and figure texts; axes turned off, every data artist hidden
axes without data  axes, ticks, labels and titles; every data artist and legend hidden
text only          texts, labels and tick labels; axes frames, grids and data hidden
diagonal line      one diagonal line on fresh axes
random dots        axes without data, plus 40 random dots over each 2D axes
one line           the axes, texts and the reference's first line; every other data
                   artist hidden. Where the reference has under three series (a container
                   such as an errorbar's line, caps and bars counts once, as does each other
                   line, collection and image) or no line, a straight line across its first
                   axes instead: one of two series kept is an honest series drop
flattened data     every artist, text and legend, with each series' values set to their
                   mean (lines, bars, scatter points, images, pie shares; fills, violins and
                   polygons collapse to a line): the chart's look with made-up data. Built
                   only when named (`EXTRA_HACK_KINDS`)
================== ==================================================================

Table hacks edit the reference's own table (Markdown made HTML as the renderer does), so
its spans, header cells and cell places stay; SVG hacks keep the reference's ``<svg>`` tag
(its viewBox and inherited styles).
"""

from __future__ import annotations

import copy
import json
import os
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verm.bench.hacks_more import CHART_EXTRA, SVG_EXTRA_KINDS, TABLE_EXTRA_KINDS, svg_extra_hacks, table_extra_hacks
from verm.errors import InputError
from verm.types import Task

if TYPE_CHECKING:
    from verm.render import Renderer

__all__ = ["EXTRA_HACK_KINDS", "HACK_KINDS", "add_hack_pairs", "as_completion", "hack_sources"]

# --------------------------------------------------------------------------- charts (code appended)

_CHART_PRELUDE = (
    "\nimport matplotlib.pyplot as _p\nimport numpy as _np\n_f = _p.gcf()\n"
    # Inset axes are children of an axes, not in fig.axes.
    "_all_axes = [_a for _x in _f.axes for _a in (_x, *_x.child_axes)]\n"
)
_HIDE_DATA = """
for _ax in _all_axes:
    for _a in [*_ax.lines, *_ax.patches, *_ax.collections, *_ax.images, *_ax.texts, *_ax.tables]:
        _a.set_visible(False)
    for _a in list(_ax.artists):  # removed, not hidden: some (an inset's zoom indicator) draw while hidden
        _a.remove()
    if _ax.get_legend() is not None:
        _ax.get_legend().set_visible(False)
for _lg in _f.legends:
    _lg.set_visible(False)
"""
CHART_HACKS: dict[str, str] = {
    "blank canvas": "_f.clf()\n",
    "random noise": (
        "_n = _f.add_axes([0, 0, 1, 1])\n"
        "_n.imshow(_np.random.default_rng(0).random((120, 160, 3)), aspect='auto')\n"
        "_n.set_axis_off()\n"
    ),
    "only the title": _HIDE_DATA + "for _ax in _all_axes:\n    _ax.set_axis_off()\n",
    "axes without data": _HIDE_DATA,
    "text only": _HIDE_DATA
    + (
        "for _ax in _all_axes:\n"
        "    _ax.patch.set_visible(False)\n"
        "    _ax.grid(False)\n"
        "    _ax.tick_params(length=0)\n"
        "    for _s in _ax.spines.values():\n"
        "        _s.set_visible(False)\n"
    ),
    "diagonal line": "_f.clf()\n_d = _f.add_subplot()\n_d.plot([0, 1], [0, 1])\n",
    "random dots": _HIDE_DATA
    + (
        "_r = _np.random.default_rng(0)\n"
        "for _ax in _all_axes:\n"
        "    if _ax.name == 'rectilinear':\n"
        "        _ax.plot(_r.random(40), _r.random(40), 'o', ms=4, transform=_ax.transAxes)\n"
    ),
    # A line is kept only where the reference has three or more series (a container counts once):
    # with one or two, keeping one is the picture of an honest one-edit candidate, not a hack.
    "one line": (
        "_in_c = {id(_a) for _ax in _all_axes for _c in _ax.containers for _a in _c.get_children()}\n"
        "_n_data = sum(len(_ax.containers) + len(_ax.images) + len([_a for _a in [*_ax.lines, *_ax.collections]"
        " if id(_a) not in _in_c and (not hasattr(_a, 'get_xydata') or len(_a.get_xydata()) >= 2)])"
        " for _ax in _all_axes)\n"
    )
    + _HIDE_DATA
    + (
        "_keep = next((_l for _ax in _all_axes for _l in _ax.lines if len(_l.get_xydata()) >= 2), None)\n"
        "if _keep is not None and _n_data >= 3:\n"
        "    _keep.set_visible(True)\n"
        "else:\n"
        "    _ax0 = _all_axes[0] if _all_axes else _f.add_subplot()\n"
        "    _x0, _y0 = _ax0.get_xlim(), _ax0.get_ylim()\n"
        "    _ax0.plot(_x0, _y0)\n"
        "    _ax0.set_xlim(_x0)\n"
        "    _ax0.set_ylim(_y0)\n"
    ),
    # Limits are autoscaled from the data as first drawn, so the axes stay the reference's. A
    # series kind with no value to flatten (a violin, a fill, segments) collapses to its mean line,
    # a field (contours, arrows) to one value; 3D data, with no one height, is hidden; a colour bar,
    # the scale, stays; a figure with nothing flattened loses its data, as "axes without data".
    "flattened data": (
        "from matplotlib.collections import LineCollection as _LC, PathCollection as _PC, PolyCollection as _PolyC\n"
        "from matplotlib.collections import QuadMesh as _QM\n"
        "from matplotlib.container import BarContainer as _BC\n"
        "from matplotlib.contour import ContourSet as _CS\n"
        "from matplotlib.quiver import Quiver as _Q\n"
        "from matplotlib.patches import Polygon as _Pg, Wedge as _W\n"
        "def _flat(_v):\n"
        "    try:\n"
        "        _a = _np.ma.masked_invalid(_np.asarray(_v, dtype=float))\n"
        "    except (TypeError, ValueError):\n"
        "        return None\n"
        "    return None if _a.size < 2 or _a.count() == 0 else _np.full(_a.shape, float(_a.mean()))\n"
        "_n_flat = 0\n"
        "for _ax in _all_axes:\n"
        "    if getattr(_ax, '_colorbar', None) is not None:\n"
        "        continue  # a colour bar draws the scale, not data: flattening it alone leaves the data\n"
        "    if _ax.name == '3d':\n"
        "        for _a in [*_ax.lines, *_ax.collections, *_ax.patches]:\n"
        "            _a.set_visible(False)  # 3D data has no one height to flatten to: it goes\n"
        "            _n_flat += 1\n"
        "        continue\n"
        "    for _c in _ax.containers:\n"
        "        if isinstance(_c, _BC) and len(_c.patches) >= 2:\n"
        "            _h = _c.orientation == 'horizontal'\n"
        "            _m = _flat([_b.get_width() if _h else _b.get_height() for _b in _c.patches])\n"
        "            for _b in _c.patches if _m is not None else ():\n"
        "                (_b.set_width if _h else _b.set_height)(_m[0])\n"
        "                _n_flat += 1\n"
        "    for _l in _ax.lines:\n"
        "        if _l.get_transform() != _ax.transData:\n"
        "            continue  # an axvline's y runs over the axes, not the data\n"
        "        _m = _flat(_l.get_ydata())\n"
        "        if _m is not None and _np.ptp(_np.asarray(_l.get_ydata(), dtype=float)) > 0:\n"
        "            _l.set_ydata(_m)\n"
        "            _n_flat += 1\n"
        "    for _c in _ax.collections:\n"
        "        if isinstance(_c, _Q):\n"
        "            _c.set_UVC(_np.full(_np.shape(_c.U), _np.mean(_c.U)), _np.full(_np.shape(_c.V), _np.mean(_c.V)))\n"
        "            _n_flat += 1\n"
        "        elif isinstance(_c, _CS):\n"
        "            if _c.filled and len(_c.get_paths()) >= 2:  # one value everywhere: one colour\n"
        "                _c.set_array(_np.full(len(_c.get_paths()), _np.mean(_c.levels)))\n"
        "            else:  # a field of one value has no contour lines\n"
        "                _c.set_visible(False)\n"
        "            _n_flat += 1\n"
        "        elif isinstance(_c, _LC) and len(_c.get_segments()) >= 1:\n"
        "            _ys = _np.concatenate([_s[:, 1] for _s in _c.get_segments() if len(_s)] or [_np.zeros(1)])\n"
        "            _c.set_segments([_np.column_stack([_s[:, 0], _np.full(len(_s), _np.nanmean(_ys))])"
        " for _s in _c.get_segments()])\n"
        "            _n_flat += 1\n"
        "        elif isinstance(_c, _PC) and len(_c.get_offsets()) >= 2:\n"
        "            _o = _np.asarray(_c.get_offsets(), dtype=float)\n"
        "            _o[:, 1] = _np.nanmean(_o[:, 1])\n"
        "            _c.set_offsets(_o)\n"
        "            _n_flat += 1\n"
        "        elif isinstance(_c, _PolyC) and _c.get_paths():\n"
        "            _ys = _np.concatenate([_q.vertices[:, 1] for _q in _c.get_paths()])\n"
        "            _c.set_verts([_np.column_stack([_q.vertices[:, 0], _np.full(len(_q.vertices), _np.nanmean(_ys))])"
        " for _q in _c.get_paths()])\n"
        "            _n_flat += 1\n"
        "        elif isinstance(_c, _QM) and _flat(_c.get_array()) is not None:\n"
        "            _c.set_array(_flat(_c.get_array()))\n"
        "            _n_flat += 1\n"
        "    for _im in _ax.images:\n"
        "        _m = _flat(_im.get_array())\n"
        "        if _m is not None and _m.ndim == 2:\n"
        "            _im.set_data(_m)\n"
        "            _n_flat += 1\n"
        "    for _p in _ax.patches:\n"
        "        if isinstance(_p, _Pg) and len(_p.get_xy()) >= 3:\n"
        "            _xy = _np.array(_p.get_xy(), dtype=float)\n"
        "            _xy[:, 1] = _np.nanmean(_xy[:, 1])\n"
        "            _p.set_xy(_xy)\n"
        "            _n_flat += 1\n"
        "    _wedges = [_p for _p in _ax.patches if isinstance(_p, _W)]\n"
        "    if len(_wedges) >= 2:\n"
        "        _t0, _span = _wedges[0].theta1, sum(_w.theta2 - _w.theta1 for _w in _wedges) / len(_wedges)\n"
        "        for _i, _w in enumerate(_wedges):\n"
        "            _w.set_theta1(_t0 + _i * _span)\n"
        "            _w.set_theta2(_t0 + (_i + 1) * _span)\n"
        "        _n_flat += 1\n"
        "if not _n_flat:\n"
    )
    + "\n".join("    " + _line for _line in _HIDE_DATA.strip("\n").splitlines())
    + "\n",
}


def _chart_hacks(source: str) -> dict[str, str]:
    return {name: f"{source.rstrip()}\n{_CHART_PRELUDE}{code}" for name, code in {**CHART_HACKS, **CHART_EXTRA}.items()}


# --------------------------------------------------------------------------- tables (markdown in, HTML out)


def _reference_table(source: str) -> Any:
    """The reference's first table as an lxml element (Markdown turned into HTML as the renderer does)."""
    import lxml.html

    from verm.render.table import detect_table_lang, markdown_to_html

    html = markdown_to_html(source) if detect_table_lang(source) == "markdown" else source
    table = next(lxml.html.document_fromstring(html or "<p></p>").iter("table"), None)
    if table is None:
        raise InputError("the table reference has no table to build hacks from")
    return table


def _table_variant(reference: Any, edit: Callable[[Any, list[Any], list[Any]], None]) -> str:
    """A copy of the reference's table with ``edit(table, header rows, body rows)`` applied, as HTML:
    spans, header cells and the cells' places stay the reference's."""
    import lxml.html

    table = copy.deepcopy(reference)
    rows = [tr for tr in table.iter("tr") if next(tr.iterancestors("table")) is table]
    head = [tr for tr in rows if tr.getparent().tag == "thead"] or rows[:1]
    edit(table, head, [tr for tr in rows if tr not in head])
    return lxml.html.tostring(table, encoding="unicode", with_tail=False)


def _cells(rows: list[Any]) -> list[Any]:
    return [cell for tr in rows for cell in tr if cell.tag in ("td", "th")]


def _set_text(cell: Any, text: str) -> None:
    for child in list(cell):
        cell.remove(child)
    cell.text = text


def _table_hacks(source: str) -> dict[str, str]:
    reference = _reference_table(source)
    rng = random.Random(0)

    def noise(table: Any, head: list[Any], body: list[Any]) -> None:
        for cell in _cells(head + body):
            _set_text(cell, "".join(rng.choice("@%*$!?0123456789") for _ in range(rng.randint(1, 12))))

    def title_only(table: Any, head: list[Any], body: list[Any]) -> None:
        for tr in body:
            tr.getparent().remove(tr)

    def empty_body(table: Any, head: list[Any], body: list[Any]) -> None:
        for cell in _cells(body):
            _set_text(cell, "")

    def borderless(table: Any, head: list[Any], body: list[Any]) -> None:
        for el in [table, *_cells(head + body)]:
            for attr in ("border", "rules", "frame"):
                el.attrib.pop(attr, None)
            el.set("style", f"{el.get('style', '').rstrip('; ')};border:0".lstrip(";"))

    return {
        "blank canvas": "<table><tr><td style='border:0'></td></tr></table>",
        "random noise": _table_variant(reference, noise),
        "only the title": _table_variant(reference, title_only),
        "axes without data": _table_variant(reference, empty_body),
        "text only": _table_variant(reference, borderless),
        **table_extra_hacks(reference, _table_variant, _cells, _set_text),
    }


# --------------------------------------------------------------------------- svg


def _svg_hacks(source: str) -> dict[str, str]:
    m = re.search(r"<svg\b[^>]*>", source, re.DOTALL)
    if not m:
        raise InputError("the SVG reference has no <svg> tag to build hacks from")
    open_tag = m.group(0)
    vb = re.search(r'viewBox="([^"]+)"', open_tag)
    x0, y0, w, h = (float(v) for v in vb.group(1).replace(",", " ").split()) if vb else (0.0, 0.0, 24.0, 24.0)
    rng = random.Random(0)
    cells = []
    for i in range(24):
        for j in range(24):
            colour = f"#{rng.randrange(1 << 24):06x}"
            cells.append(
                f'<rect x="{x0 + j * w / 24:.3f}" y="{y0 + i * h / 24:.3f}" width="{w / 24:.3f}" '
                f'height="{h / 24:.3f}" fill="{colour}" stroke="none"/>'
            )
    texts = "".join(re.findall(r"<text\b.*?</text>", source, re.DOTALL))
    titles = "".join(re.findall(r"<title\b.*?</title>", source, re.DOTALL))
    # One square of two thirds of the canvas, drawn with the styles the <svg> tag passes down.
    square = f'<rect x="{x0 + w / 6:.3f}" y="{y0 + h / 6:.3f}" width="{w * 2 / 3:.3f}" height="{h * 2 / 3:.3f}"/>'
    return {
        "blank canvas": f"{open_tag}</svg>",
        "random noise": f"{open_tag}{''.join(cells)}</svg>",
        "only the title": f"{open_tag}{titles}</svg>",
        "text only": f"{open_tag}{texts}</svg>",
        "one shape": f"{open_tag}{square}</svg>",
        **svg_extra_hacks(source),
    }


# --------------------------------------------------------------------------- the API

_BUILDERS: dict[Task, Callable[[str], dict[str, str]]] = {
    Task.CHART: _chart_hacks,
    Task.TABLE: _table_hacks,
    Task.SVG: _svg_hacks,
}
#: Hacks built only when asked for by name: "flattened data" keeps the reference's whole look, so under a
#: judge of pixels alone data that lay near their mean are close to honest (measured apart, not in the default set).
#: The red-team kinds of `verm.bench.hacks_more` are opt-in too.
EXTRA_HACK_KINDS: dict[Task, tuple[str, ...]] = {
    Task.CHART: ("flattened data", *CHART_EXTRA),
    Task.TABLE: TABLE_EXTRA_KINDS,
    Task.SVG: SVG_EXTRA_KINDS,
}
#: Hack kinds per task, in a fixed order: what `hack_sources` builds by default.
HACK_KINDS: dict[Task, tuple[str, ...]] = {
    Task.CHART: tuple(k for k in CHART_HACKS if k not in EXTRA_HACK_KINDS[Task.CHART]),
    Task.TABLE: ("blank canvas", "random noise", "only the title", "axes without data", "text only"),
    Task.SVG: ("blank canvas", "random noise", "only the title", "text only", "one shape"),
}


def hack_sources(task: Task | str, source: str, kinds: Sequence[str] | None = None) -> dict[str, str]:
    """Hack candidates for one reference source: kind -> candidate source (chart: Python,
    table: HTML, SVG: SVG), for ``kinds`` (default: every kind of the task, `HACK_KINDS`)."""
    task = Task.parse(task)
    wanted = list(kinds) if kinds is not None else list(HACK_KINDS[task])
    known = (*HACK_KINDS[task], *EXTRA_HACK_KINDS[task])
    unknown = [k for k in wanted if k not in known]
    if unknown:
        raise InputError(f"unknown {task.value} hack kinds {unknown}; known: {', '.join(known)}")
    made = _BUILDERS[task](source)
    return {k: made[k] for k in wanted}


def as_completion(task: Task | str, source: str) -> str:
    """A candidate source as a policy's completion carries it: charts in a fenced Python
    block; tables and SVGs as bare markup (extraction finds ``<table>`` and ``<svg>``)."""
    return f"```python\n{source}\n```" if Task.parse(task) is Task.CHART else source


# --------------------------------------------------------------------------- hack rows in a bench


def add_hack_pairs(
    bench: str | Path,
    out: str | Path,
    kinds: Sequence[str] | None = None,
    renderer: Renderer | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Path, int, list[str]]:
    """Write a bench at ``out``: every record of ``bench``, then one reward-hack record per
    reference (a ``group`` with a reference source) and hack kind, so `verm bench eval` and
    `verm bench compare` can rank the hacks against the honest candidates of the same reference.

    A hack record has the group's reference image, the hack's rendering as its candidate, the
    hack source as ``cand_source``, ``"hack": "<kind>"`` and no ground truth. A hack that does
    not render is left out and named in the returned notes. Running again over the same ``out``
    keeps the hacks already written (resumable). Returns (bench file, hacks written, notes).
    """
    from verm.bench.dataset import BENCH_FILE, JsonlWriter, load_bench, merge_benches, read_jsonl
    from verm.render import get_renderer

    out_dir = Path(out)
    src = load_bench(bench)
    path = out_dir / BENCH_FILE
    done: set[str] = set()
    if path.is_file():
        rows = read_jsonl(path)
        done = {str(r.get("id")) for r in rows if r.get("hack")}
        honest = {str(r.get("id")) for r in rows if not r.get("hack")}
        if honest != {r.id for r in src.records if not r.hack}:
            raise InputError(f"{path} holds another bench's pairs; choose a new --out")
    else:
        merge_benches([bench], out_dir)
    groups: dict[str, Any] = {}
    for rec in src.records:
        if rec.hack is None and rec.ref_source and rec.group_key() not in groups:
            groups[rec.group_key()] = rec
    jobs: list[tuple[str, Any, str, str]] = []
    for rec in groups.values():
        for kind, code in hack_sources(rec.task, rec.ref_source or "", kinds).items():
            slug = re.sub(r"[^a-z0-9]+", "_", kind.lower()).strip("_")
            hack_id = f"{rec.id}-hack-{slug}"
            if hack_id not in done:
                jobs.append((hack_id, rec, kind, code))
    notes: list[str] = []
    written = 0
    images = out_dir / "images"
    images.mkdir(parents=True, exist_ok=True)
    by_task: dict[Task, list[tuple[str, Any, str, str]]] = {}
    for job in jobs:
        by_task.setdefault(job[1].task, []).append(job)
    with JsonlWriter(path) as writer:
        for task, task_jobs in by_task.items():
            own = renderer is None
            r = renderer if renderer is not None else get_renderer(task)
            try:
                renderings = r.render_many([code for *_, code in task_jobs])
            finally:
                if own:
                    r.close()
            for (hack_id, rec, kind, code), rendering in zip(task_jobs, renderings, strict=True):
                if not rendering.ok or rendering.png is None:
                    notes.append(f"{hack_id}: the {kind!r} hack did not render ({rendering.reason})")
                else:
                    (images / f"{hack_id}.png").write_bytes(rendering.png)
                    gt = src.image_path(rec, "gt").resolve()
                    row = {
                        "id": hack_id,
                        "category": task.value,
                        "gt_img_path": os.path.relpath(gt, out_dir.resolve()),
                        "pred_img_path": f"images/{hack_id}.png",
                        "human_errors": [],
                        "group": rec.group_key(),
                        "source_name": rec.source_name,
                        "ref_source": rec.ref_source,
                        "cand_source": code,
                        "hack": kind,
                    }
                    writer.write_line(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
                    written += 1
                if progress is not None:
                    progress(written, len(jobs))
    return path, written, notes
