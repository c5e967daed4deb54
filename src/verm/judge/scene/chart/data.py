"""Charts, the data of two paired axes: chart type, series missing, extra or retyped, and each pair of series.

Main kinds only on one side each: a chart-type change (structure_error 3). A
series missing or extra: data_error 3 (what its call drew, error bars and
stems included, goes with it); the missing series' weight goes to the figure's
missing share (`grade.missing_items`). A series drawn as another kind:
structure_error 3, and not a colour change of the later series that took its
colour. An unlabelled band whose data changed with the line it surrounds
follows that line; so do short constant lines (connectors) that moved with the
series they lie in; later artists recoloured like another reference artist,
and an unlabelled fill, follow a dropped series. Error bars or stems not drawn
are part of a series lost (their share of its values and ink). Each paired series goes to its kind's comparison
(`values`, `patches`).
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np

from verm.judge.scene.boxes import box_area, box_iou, clean_box, union_box
from verm.judge.scene.chart.anew import values_lost
from verm.judge.scene.chart.coords import AxCtx
from verm.judge.scene.chart.grade import SAME_SERIES_DE, VISIBLE, columns_alike, reading_severity
from verm.judge.scene.chart.looks import UNIT_NOUNS
from verm.judge.scene.chart.panels import shares_move, values_key
from verm.judge.scene.chart.patches import compare_boxes, compare_line_boxes, is_histogram
from verm.judge.scene.chart.series import (
    AUX_KINDS,
    KIND_WORDS,
    NOLINE,
    NOMARKER,
    SERIES_NOUNS,
    Series,
    first_values,
    kind_word,
    labelled,
    marker_name,
    match_series,
    retype_score,
    series_by_kind,
    series_words,
)
from verm.judge.scene.chart.sketch import Sketch
from verm.judge.scene.chart.stacks import follow_stacks, layers_follow, outline_pairs, whole_stacks
from verm.judge.scene.chart.values import compare_series
from verm.judge.scene.colour import delta_e, lab_of
from verm.judge.scene.findings import Finding, Findings, Unit
from verm.judge.scene.matching import greedy_pairs


@dataclass
class AxesData:
    """What the data comparison of one axes pair found beyond its findings."""

    missing: set[str] = field(default_factory=set)
    extra: set[str] = field(default_factory=set)
    #: Series drawn as another kind: a legend that lists only some kinds' handles lost their entries with them.
    retyped: set[str] = field(default_factory=set)
    #: Bars were drawn as another kind (their zero baseline left, so autoscaled limits moved).
    lost_baseline: bool = False
    #: The reference's data weight, and the part of it the candidate does not draw.
    weight: float = 0.0
    lost: float = 0.0
    lost_words: list[str] = field(default_factory=list)
    #: The reference's data ink (image fractions, `estimate_ink`), and the ink of what the candidate does not draw.
    ink: float = 0.0
    lost_ink: float = 0.0
    #: The candidate's data ink (a series retyped to bars fills what the lost line left).
    cand_ink: float = 0.0
    #: How many series (or their error bars) are not drawn.
    pieces: int = 0
    #: Stacks lost whole count as one series each by the count of series: their layers' weight beyond one.
    stacked_extra: float = 0.0
    #: Series drawn with values that show none of the reference's (flattened or drawn anew): their names, and
    #: their candidate partners (whose ink shows no data of the reference's).
    replaced: list[str] = field(default_factory=list)
    replaced_by: list[Series] = field(default_factory=list)
    #: Series names that traded places over their data (`series._names_swapped`): the legend says so even when
    #: the data changed too.
    relabelled: bool = False
    #: The axes pair's marks painted, for where each change shows (`sketch.Sketch`; the findings carry it too).
    sketch: Sketch | None = None

    def lose(self, words: str, weight: float, ink: float) -> None:
        """A series, or a part of one (``weight`` and ``ink`` of it), is not drawn."""
        self.lost += weight
        self.lost_ink += ink
        self.lost_words.append(words)
        self.pieces += 1

    def replace(self, a: Series, b: Series) -> None:
        """Series ``a`` is drawn as ``b`` with values that show none of its own (lost already, `lose`)."""
        self.replaced.append(a.name or "")
        self.replaced_by.append(b)


def _retyped_values(
    out: Findings, res: AxesData, a: Series, b: Series, siblings: list[Series], where: str, ctx: AxCtx
) -> None:
    """A series drawn as another kind whose values all changed too (a line turned to bars, and scaled): the
    values read wrong on their own, a change of their own beside the new kind (graded by the reading rule).
    Values that show none of the reference's (`anew.values_lost`) are the series lost, for the pile-up."""
    va, vb = first_values(a), _rotated_to(first_values(a), first_values(b))
    if va and len(vb) < len(va) / 2:
        # Drawn with under half of its values (a line of eight points drawn as one bar): it shows none of its data.
        res.lose(series_words(a, siblings), a.weight, a.ink)
        return
    if not va or len(va) != len(vb):
        return
    axis = "x" if "barh" in (a.kind, b.kind) else "y"
    changes = [
        ctx.reading(axis, float(x), float(y))
        for x, y in zip(va, vb, strict=True)
        if isinstance(x, (int, float)) and isinstance(y, (int, float)) and abs(x - y) > out.opts.rtol * abs(x)
    ]
    others = any(d.category == "data_error" and d.location.startswith(where) for d in out.items)
    if values_lost(va, vb, len(changes)):
        res.lose(series_words(a, siblings), a.weight, a.ink)  # its new kind's ink is drawn in its place
    # Every value changed alike (the series scaled or replaced), not by data it follows (a trend line fitted to
    # points that changed) nor one value of it (one change with the new kind where it lies).
    if len(changes) == len(va) >= 3 and max(changes) >= VISIBLE and not others:
        out.add("data_error", reading_severity(max(changes)), f"{where} {series_words(a, siblings)}",
                f"{len(changes)} of {len(va)} values of {series_words(a, siblings)} differ too", b.bbox,
                Unit("values", None, "changed too", "series", where))  # fmt: skip


def _rotated_to(va: list[Any], vb: list[Any]) -> list[Any]:
    """``vb`` read from where ``va`` starts, when it holds ``va``'s values in ``va``'s cycle from another start (a
    radar's closed loop retyped to polar bars, which the bars list by angle); else ``vb`` as it is."""
    n = len(vb)
    if n < 3 or len(va) != n or va == vb or Counter(map(repr, va)) != Counter(map(repr, vb)):
        return vb
    return next((vb[k:] + vb[:k] for k in range(1, n) if vb[k:] + vb[:k] == va), vb)


def data_weight(kinds: dict[str, list[Series]]) -> float:
    return sum(s.weight for ss in kinds.values() for s in ss)


#: Points to pixels at the renderer's 100 dpi.
_PX = 100 / 72


def _inside(p: tuple[float, float], box: Any) -> tuple[float, float]:
    """A polygon's vertex moved onto its plot where it lies past the plot's edges (the drawing is cut there)."""
    return min(max(p[0], box[0]), box[2]), min(max(p[1], box[1]), box[3])


def _clipped(p: tuple[float, float], q: tuple[float, float], box: Any) -> tuple[float, float, float, float] | None:
    """The part of segment p-q inside ``box`` (Liang-Barsky), or None."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for d, lo, hi, v in ((dx, box[0], box[2], p[0]), (dy, box[1], box[3], p[1])):
        if d == 0:
            if not lo <= v <= hi:
                return None
            continue
        a, b = (lo - v) / d, (hi - v) / d
        t0, t1 = max(t0, min(a, b)), min(t1, max(a, b))
        if t0 > t1:
            return None
    return p[0] + t0 * dx, p[1] + t0 * dy, p[0] + t1 * dx, p[1] + t1 * dy


def _polyline(ctx: AxCtx, xs: list[Any], ys: list[Any], ref: bool = True) -> float:
    """The length in pixels of the part of a polyline its plot shows (one side's limits): a segment that leaves
    the plot counts up to the plot's edge, as it is drawn."""
    w, h = ctx.size
    box = clean_box((ctx.r if ref else ctx.c).get("bbox"))
    if box is None:
        return 0.0
    total, last = 0.0, None
    for x, y in zip(xs, ys, strict=False):
        p = ctx.plot_point(x, y, ref)
        if p is not None and last is not None and (seg := _clipped(last, p, box)) is not None:
            total += math.hypot((seg[2] - seg[0]) * w, (seg[3] - seg[1]) * h)
        last = p
    return total


def _lines_ink(ctx: AxCtx, lines: list[dict[str, Any]], ref: bool = True) -> float:
    """Lines' ink (image fractions): length x width, and their markers."""
    w, h = ctx.size
    ink = 0.0
    for ln in lines:
        xs, ys = ln.get("x") or [], ln.get("y") or []
        if ln.get("linestyle") not in NOLINE:
            ink += _polyline(ctx, xs, ys, ref) * (ln.get("linewidth") or 1.0) * _PX / (w * h)
        if marker_name(ln.get("marker")) not in NOMARKER:
            ink += len(ys) * ((ln.get("markersize") or 6.0) * _PX) ** 2 * 0.6 / (w * h)
    return ink


def _segments_ink(ctx: AxCtx, colls: list[dict[str, Any]], ref: bool = True) -> float:
    """Line collections' ink (image fractions): their paths' length x a 1.5 pt width."""
    w, h = ctx.size
    length = sum(_polyline(ctx, p[0::2], p[1::2], ref) for c in colls for p in c.get("paths") or [])
    return length * 1.5 * _PX / (w * h)


#: A container's parts and the share of its series' values they show: an error bar's two ends are two values
#: a point (its caps draw those ends), a stem shows its point's value again.
PART_SHARES = {"bars": 2 / 3, "stems": 0.25}


def lost_parts(r: Series, c: Series, ctx: AxCtx) -> tuple[float, float, list[str]]:
    """(share of the series' values, ink, names) of the parts of ``r`` its candidate ``c`` does not draw."""
    share, ink, names = 0.0, 0.0, []
    for part, part_share in PART_SHARES.items():
        if r.parts.get(part) and not c.parts.get(part):
            share += part_share
            names.append("error bars" if part == "bars" else part)
            ink += _segments_ink(ctx, r.parts[part])
            if part == "bars" and not c.parts.get("caps"):
                ink += _lines_ink(ctx, r.parts.get("caps", []))
    return min(share, 1.0), min(ink, r.ink), names


def estimate_ink(s: Series, ctx: AxCtx, ref: bool = True) -> float:
    """A series' ink as a share of the image's area, from the scene and the limits of its side (``ref``: the
    reference's): lines by the length their plot shows x width (and their markers), bars and shapes by their
    boxes, areas by their polygons, scatter by marker area, images by box."""
    w, h = ctx.size
    px = 1.0 / (w * h)
    if s.kind in ("line", "points", "boxline", "stem"):
        ink = _lines_ink(ctx, s.items + s.parts.get("caps", []) + s.parts.get("baseline", []), ref)
        return ink + _segments_ink(ctx, s.parts.get("bars", []) + s.parts.get("stems", []), ref)
    if s.kind in ("bar", "barh", "shapes", "box", "stairs"):
        return sum(box_area(p.get("bbox")) for p in s.items)
    if s.kind == "pie":
        return sum(box_area(p.get("bbox")) * 0.7 for p in s.items)
    if s.kind == "scatter":
        it = s.items[0]
        sizes = it.get("sizes") or [36.0]
        return len(it.get("y") or []) * (sum(sizes) / len(sizes)) * _PX**2 * px
    if s.kind in ("area", "segments", "errorbar") and ctx.r.get("name") != "3d":
        box = clean_box((ctx.r if ref else ctx.c).get("bbox"))
        total = 0.0
        for coll in s.items:
            for p in coll.get("paths") or []:
                if s.kind == "area":
                    pts = [ctx.plot_point(x, y, ref) for x, y in zip(p[0::2], p[1::2], strict=False)]
                    pts = [_inside(q, box) for q in pts if q is not None and box is not None]
                    if len(pts) >= 3:
                        total += abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(pts, pts[1:] + pts[:1],
                                                                                   strict=True))) / 2  # fmt: skip
                        continue
                total += _polyline(ctx, p[0::2], p[1::2], ref) * 1.5 * _PX * px
        return total
    return sum(box_area(it.get("bbox")) for it in s.items) * 0.5


def prepare(ctx: AxCtx, kr: dict[str, list[Series]], kc: dict[str, list[Series]]) -> None:
    """What the axes hold, for units: the reference's data weight, ink and nouns, the candidate's colours."""
    ctx.weight = data_weight(kr) or 1.0
    for ss in kr.values():
        for s in ss:
            s.ink = estimate_ink(s, ctx)
    # The plot's other ink: grid lines and texts inside it.
    frame = clean_box(ctx.r.get("bbox"))
    other = sum(box_area(t.get("bbox")) * 0.2 for t in ctx.r.get("texts") or [])
    if ctx.r.get("grid") and frame is not None:
        w, h = ctx.size
        n = len(ctx.r.get("xticklabels") or []) + len(ctx.r.get("yticklabels") or [])
        other += n * max((frame[2] - frame[0]) * w, (frame[3] - frame[1]) * h) * 0.8 / (w * h)
    ctx.ink = sum(s.ink for ss in kr.values() for s in ss) + other
    for kind, ss in kr.items():
        for s in ss:
            ctx.counts[UNIT_NOUNS.get(kind, "series")] += 1
            if kind in ("bar", "barh"):
                ctx.counts["bar"] += len(s.items)
            elif kind == "shapes":
                ctx.counts[s.noun] += len(s.items)
            elif kind == "pie":
                ctx.counts["slice"] += len(s.items)
    # What a recoloured series may be mistaken for: the candidate's series (and bars) that kept their
    # reference colour, paired in order as they were drawn; a recoloured one is not "another series".
    kept: list[tuple[Any, Any]] = []
    for kind, ss in kc.items():
        for sr, sc in zip(kr.get(kind, []), ss, strict=False):
            kept.append((sr.colour, sc.colour))
            if kind in ("bar", "barh"):
                kept += [(a.get("facecolor"), b.get("facecolor")) for a, b in zip(sr.items, sc.items, strict=False)]
    ctx.colours_c = [b for a, b in kept if a and b and delta_e(a, b) <= SAME_SERIES_DE]
    if ctx.c.get("facecolor"):
        ctx.colours_c.append(ctx.c["facecolor"])


def compare_data(out: Findings, r: dict[str, Any], c: dict[str, Any], ctx: AxCtx) -> AxesData:
    """Compare the data artists of two paired axes (module docstring)."""
    where = ctx.where
    res = AxesData()
    kr, kc = series_by_kind(r), series_by_kind(c)
    n_bars = [sum(len(x.items) for k in ("bar", "barh") for x in kinds.get(k, [])) for kinds in (kr, kc)]
    if n_bars[0] == n_bars[1] and any(len(kr.get(k, [])) != len(kc.get(k, [])) for k in ("bar", "barh")):
        # The bars were drawn in other calls (or a series is gone): group them as a reader sees them.
        kr, kc = series_by_kind(r, bars_by_colour=True), series_by_kind(c, bars_by_colour=True)
    prepare(ctx, kr, kc)
    res.sketch = Sketch(r, c, ctx.size, kr, kc)
    start = len(out.items)
    # Error bars a bar call drew (``yerr=``) are part of its bars' series, not a series of their own: what the
    # bars lose (flattened, dropped) is all of that series.
    own_bars = kr.get("bar", []) + kr.get("barh", [])
    res.weight = data_weight(kr) - sum(s.weight for s in kr.get("errorbar", []) if _bars_own(s, own_bars))
    res.ink = sum(s.ink for ss in kr.values() for s in ss)
    skip: set[str] = set()
    lost_all: list[tuple[Series, list[Series]]] = []
    added_all: list[tuple[Series, list[Series]]] = []
    series_items: list[tuple[Series, Series, list[Finding]]] = []
    if "box" in kr and "box" in kc:
        compare_boxes(out, kr, kc, where, ctx)
        skip |= {"box", "boxline"}
    elif "boxline" in kr and "boxline" in kc:
        compare_line_boxes(out, kr["boxline"], kc["boxline"], where, ctx)
        skip.add("boxline")
    area_match: tuple[list[tuple[int, int]], list[int], list[int]] | None = None
    moved = _moved_kind(kr, kc, skip)
    for kind in sorted(set(kr) | set(kc)):
        if kind in skip:
            continue
        sr, sc = kr.get(kind, []), kc.get(kind, [])
        if moved:  # a series its name shows drawn as another kind is retyped, not its kind's other series' partner
            lost_all.extend((s, sr) for s in sr if id(s) in moved)
            added_all.extend((s, sc) for s in sc if id(s) in moved)
            sr, sc = [s for s in sr if id(s) not in moved], [s for s in sc if id(s) not in moved]
        if kind == "line" and area_match is not None:
            # Lines outlining stacked layers pair through their layers; those of a layer lost or added go with it.
            pairs, lost, added = outline_pairs(sr, sc, kr.get("area", []), kc.get("area", []), *area_match)
        else:
            pairs, lost, added = match_series(sr, sc)
            names_r, names_c = Counter(s.name for s in sr if s.name), Counter(s.name for s in sc if s.name)
            # Series paired against their names, every name still there: names that traded places.
            res.relabelled |= names_r == names_c and any(
                sr[i].name and sc[j].name and sr[i].name != sc[j].name for i, j in pairs
            )
        if kind == "area":
            area_match = (pairs, lost, added)
        lost_all.extend((sr[i], sr) for i in lost)
        added_all.extend((sc[j], sc) for j in added)
        if kind == "area":
            ctx.followers = {id(sr[i]) for i in layers_follow(sr, sc, pairs, lost, added)}
        for i, j in pairs:
            before = len(out.items)
            compare_series(out, sr[i], sc[j], sr, ctx)
            series_items.append((sr[i], sc[j], out.items[before:]))
    for sa, sb, items in series_items:
        for d in items:
            d.tags.setdefault("drawn", [(sa, sb, "looks" if d.category == "style_error" else "values")])
    _bands_follow_lines(out, series_items)
    follow_stacks(out, series_items, kr.get("area", []), kc.get("area", []))
    _normalised_alike(series_items)
    _recomputed_alike(series_items)
    for sa, sb, items in series_items:
        if any(d.tags.get("replaced") for d in items):  # its data replaced by other data: lost, as if missing
            res.lose(series_words(sa, kr.get(sa.kind, [])), sa.weight, sa.ink)
            res.replace(sa, sb)
        else:
            share, ink, parts = lost_parts(sa, sb, ctx)  # error bars or stems not drawn: what they show is lost
            if share > 0:
                res.lose(f"the {' and '.join(parts)} of {series_words(sa, kr.get(sa.kind, []))}", share * sa.weight,
                         ink)  # fmt: skip
            # Bars not drawn (categories dropped): no edit of values takes bars away, what they showed is lost.
            gone = sum(1 for d in items if d.unit is not None and d.unit.attribute == "bars missing")
            if gone and sa.items:
                part = min(1.0, gone / len(sa.items))
                res.lose(f"{gone} bars of {series_words(sa, kr.get(sa.kind, []))}", part * sa.weight, part * sa.ink)
    # A series that left one kind and joined another under the same name (or colour) changed chart type.
    retyped, lost_idx, added_idx = greedy_pairs(
        [x[0] for x in lost_all], [x[0] for x in added_all], retype_score, minimum=2.5
    )
    shifted: set[int] = set()
    for i, j in retyped:
        (a, siblings), (b, _) = lost_all[i], added_all[j]
        res.lost_baseline |= a.kind in ("bar", "barh")
        res.retyped.add(a.name or "")
        # The series left its kind's colour cycle: the later series of that kind take the colours one
        # place earlier (the previous series' colour), which is not their own change.
        for sa, sb, items in series_items:
            if sa.kind == a.kind and sa.index > a.index and delta_e(kr[sa.kind][sa.index - 1].colour, sb.colour) <= 8:
                shifted |= {id(d) for d in items if d.category == "style_error" and "colour" in d.description}
        out.add("structure_error", 3, f"{where} {series_words(a, siblings)}",
                f"{series_words(a, siblings)} is drawn as {KIND_WORDS.get(b.kind, b.kind)}, should be "
                f"{KIND_WORDS.get(a.kind, a.kind)}", b.bbox,
                Unit("chart type", KIND_WORDS.get(a.kind, a.kind), KIND_WORDS.get(b.kind, b.kind), "series", where),
                drawn=[(a, b)])  # fmt: skip
        _retyped_values(out, res, a, b, siblings, where, ctx)
    if shifted:
        out.items[:] = [d for d in out.items if id(d) not in shifted]
    # Error bars a bar call drew (``yerr=``) go with its bars: retyped, dropped or added, one change (their ink
    # is gone with the bars; they are part of the bars' series, not a series of their own to count).
    gone_bars = [lost_all[i][0] for i, _ in retyped] + [lost_all[i][0] for i in lost_idx]
    for i in [i for i in lost_idx if _bars_own(lost_all[i][0], gone_bars)]:
        lost_idx.remove(i)
        res.lost_ink += lost_all[i][0].ink
    new_bars = [added_all[j][0] for _, j in retyped] + [added_all[j][0] for j in added_idx]
    added_idx = [j for j in added_idx if not _bars_own(added_all[j][0], new_bars)]
    # Series of one kind and colour drawn by one loop all turned into the kind one of them was retyped to.
    for i in list(lost_idx):
        s, siblings = lost_all[i]
        for a, b in ((lost_all[k][0], added_all[m][0]) for k, m in retyped):
            if a.kind == s.kind and delta_e(a.colour, s.colour) <= 8 and delta_e(b.colour, s.colour) <= 8:
                lost_idx.remove(i)
                out.add("structure_error", 3, f"{where} {series_words(s, siblings)}",
                        f"{series_words(s, siblings)} is drawn as {KIND_WORDS.get(b.kind, b.kind)}, should be "
                        f"{KIND_WORDS.get(s.kind, s.kind)}", b.bbox,
                        Unit("chart type", KIND_WORDS.get(s.kind, s.kind), KIND_WORDS.get(b.kind, b.kind), "series",
                             where))  # fmt: skip
                break
    # A stack not drawn at all (its every layer lost) is one series missing: one item and one piece (by the
    # count of series, one series: `missing.hidden_share`), all of its layers' weight and ink lost.
    areas_r = kr.get("area", [])
    at = {id(lost_all[i][0]): i for i in lost_idx}
    lost_areas = [k for k, a in enumerate(areas_r) if id(a) in at]
    stacks_gone: list[Series] = []
    for layers in whole_stacks(areas_r, lost_areas) if len(lost_areas) >= 2 else []:
        gone = [areas_r[k] for k in layers]
        stacks_gone += gone
        lost_idx = [i for i in lost_idx if id(lost_all[i][0]) not in {id(a) for a in gone}]
        res.missing |= {a.name or "" for a in gone}
        names = ", ".join(f"'{a.name}'" for a in gone if a.name)
        words = f"the stacked areas{f' ({names})' if names else ''}"
        res.lose(words, sum(a.weight for a in gone), sum(a.ink for a in gone))
        res.stacked_extra += sum(a.weight for a in gone) - 1.0
        out.add("data_error", 3, f"{where} area", f"{words} are missing", union_box([a.bbox for a in gone]),
                missing=True, drawn=[(a, None) for a in gone])  # fmt: skip
    cut = cut_off(c)
    lost_idx = [i for i in lost_idx if not _past_cap(lost_all[i][0], cut)]
    added_idx = [j for j in added_idx if not _past_cap(added_all[j][0], cut_off(r))]
    for group in _alike(lost_idx, lost_all).values():
        gone = [lost_all[i] for i in group]
        for s, siblings in gone:
            res.missing.add(s.name or "")
            # A series read without a name of its own (shapes drawn by ``fill``) still carries its artists'
            # labels: their legend entries went with it.
            res.missing |= {n for it in s.items if (n := labelled(it.get("label")))}
            res.lose(series_words(s, siblings), s.weight, s.ink)
        res.pieces -= len(gone) - 1  # one thing missing
        # A series drawn in several panels (context lines in small multiples) and missing from each is one
        # thing missing (`panels.merge_redrawn`).
        key = values_key((gone[0][0].items[0].get("y") or []) if gone[0][0].items else [])
        out.add("data_error", 3, f"{where} {kind_word(gone[0][0].kind)}",
                f"{_words(group, lost_all)} {'is' if len(group) == 1 else 'are'} missing",
                union_box([g[0].bbox for g in gone]), missing=True, drawn=[(g[0], None) for g in gone],
                **({"ref_values": key} if key is not None and len(group) == 1 else {}))  # fmt: skip
    if lost_idx or stacks_gone or added_idx:
        _follow_dropped(out, [lost_all[i][0] for i in lost_idx] + stacks_gone, kr, series_items)
    if res.lost_ink > 0:  # only then does the candidate's ink matter (`missing.hidden_share`)
        # Ink drawn in place of a replaced series shows none of the reference's data: it fills nothing lost.
        shown = {id(s) for s in res.replaced_by}
        res.cand_ink = sum(estimate_ink(s, ctx, ref=False) for ss in kc.values() for s in ss if id(s) not in shown)
    shown_added = []
    for j in added_idx:
        s, siblings = added_all[j]
        res.extra.add(s.name or "")
        if not s.name and res.sketch.hidden(s):
            continue  # drawn wholly over marks of its own colour, with no legend entry: nothing shows
        shown_added.append(j)
    for group in _alike(shown_added, added_all).values():
        s = added_all[group[0]][0]
        drawn = [added_all[j][0] for j in group]
        out.add("data_error", 3, f"{where} {kind_word(s.kind)}", f"{_words(group, added_all)} should not be there",
                union_box([d.bbox for d in drawn]), marks=s.kind, drawn=[(None, d) for d in drawn])  # fmt: skip
    for d in out.items[start:]:
        if "drawn" in d.tags:
            d.tags["sketch"] = res.sketch
    return res


def _alike(indices: Sequence[int], found: Sequence[tuple[Series, Sequence[Series]]]) -> dict[tuple, list[int]]:
    """Missing (or extra) series grouped: unnamed series of one kind and colour are one thing (one loop's marks,
    which a reader cannot tell apart: the jittered points of a group at every position, a bracket drawn again
    at every comparison); any other series is its own."""
    groups: dict[tuple, list[int]] = {}
    for i in indices:
        s = found[i][0]
        groups.setdefault((s.kind, s.colour) if not s.name and s.colour else (i,), []).append(i)
    return groups


def _words(group: list[int], found: Sequence[tuple[Series, Sequence[Series]]]) -> str:
    """ "line 'a'" or "5 unnamed lines (#8c564b)": the subject of a missing (extra) group's sentence."""
    s, siblings = found[group[0]]
    if len(group) == 1:
        return series_words(s, siblings)
    noun = SERIES_NOUNS.get(s.kind, "series")
    return f"{len(group)} unnamed {noun}{'' if noun.endswith('series') else 's'} ({s.colour})"


#: Kinds drawn as patches: a scene that records only its first patches (`artists_more`) may hold more of them.
PATCH_KINDS = ("bar", "barh", "shapes", "pie", "box", "stairs")


def cut_off(ax: dict[str, Any]) -> set[str | None] | None:
    """What an axes' scene cut off past its cap of patches (the renderer records the first 5000): None when it
    recorded them all, else the names of the bar calls whose patches all lie past the cap (none recorded)."""
    if "patches" not in (ax.get("artists_more") or {}):
        return None
    n = len(ax.get("patches") or [])
    return {
        labelled(cont.get("label"))
        for cont in ax.get("containers") or []
        if cont.get("type") == "bar" and not [i for i in cont.get("patches") or [] if isinstance(i, int) and i < n]
    }


def _past_cap(s: Series, cut: set[str | None] | None) -> bool:
    """Whether series ``s``, not found on a side whose scene ``cut`` off patches past its cap, may be drawn there
    past the cap: a series of patches, or one named as a container whose patches lie past the cap (a line
    retyped to bars). It cannot be read as missing (nor as extra, the other way round)."""
    return cut is not None and (s.kind in PATCH_KINDS or (s.name is not None and s.name in cut))


def _moved_kind(kr: dict[str, list[Series]], kc: dict[str, list[Series]], skip: set[str]) -> set[int]:
    """Series (ids, of both sides) that left their kind for another: the reference's series of kind K and the
    candidate's of kind L that share a name (or, unnamed, the very same values), when only the reference draws
    it as K and only the candidate as L. A reader follows the legend's name (or the same bars' heights) to the
    new kind (a line turned bars); pairing the line by order with another line instead (one added beside it)
    reads a retype and an addition as a line's every value and colour changed, a series added, and legend
    entries swapped."""

    def key(s: Series) -> tuple[Any, ...] | None:
        if s.name:
            return ("name", s.name)
        values = first_values(s)
        if len(values) < 3 or not all(isinstance(v, (int, float)) and math.isfinite(v) for v in values):
            return None
        return ("values", *(float(f"{v:.6g}") for v in values))

    def kinds_of(kinds: dict[str, list[Series]]) -> dict[tuple[Any, ...], dict[str, list[Series]]]:
        out: dict[tuple[Any, ...], dict[str, list[Series]]] = {}
        for kind, ss in kinds.items():
            if kind in skip or kind in AUX_KINDS or kind == "area":
                continue  # stacked layers pair through their outlines (`stacks.outline_pairs`), by index
            for s in ss:
                if (k := key(s)) is not None:
                    out.setdefault(k, {}).setdefault(kind, []).append(s)
        return out

    kr_of, kc_of = kinds_of(kr), kinds_of(kc)
    moved: set[int] = set()
    for k in set(kr_of) & set(kc_of):
        was, now = kr_of[k], kc_of[k]
        if len(was) != 1 or len(now) != 1 or set(was) == set(now):
            continue  # drawn as the same kind on both sides (or as several): pairs within its kind
        [a], [b] = list(was.values()), list(now.values())
        if len(a) == 1 and len(b) == 1:
            moved |= {id(a[0]), id(b[0])}
    return moved


def _normalised_alike(series_items: list[tuple[Series, Series, list[Finding]]]) -> None:
    """Series whose values follow no map of their own (`anew.lost_reason`) but one affine map a column with
    the other changed series of the axes (`grade.columns_alike`: a parallel-coordinates plot scaled to each
    column's range, one raw value moved) are not drawn anew: their data shows, rescaled."""
    by_axis: dict[str, list[Finding]] = {}
    for _, _, items in series_items:
        for d in items:
            col = d.tags.get("column")
            if col and col[2] and d.unit is None and d.category == "data_error":
                by_axis.setdefault(col[0], []).append(d)
    for members in by_axis.values():
        if sum(bool(d.tags.get("anew_map")) for d in members) == 0:
            continue
        for d in columns_alike(members):
            if d.tags.pop("anew_map", None):
                d.tags.pop("replaced", None)


def _recomputed_alike(series_items: list[tuple[Series, Series, list[Finding]]]) -> None:
    """A series whose values follow no map of their own but which moved a value exactly as another changed
    series of the axes that still shows its data (`panels.shares_move`: a trajectory integrated from a start
    that moved, and the start's marker) is computed from the input that changed, not drawn anew: its data
    shows, recomputed. Random data shares no moved value with the reference's other series."""
    kept = [
        (id(sa), d) for sa, _, items in series_items if not any(d.tags.get("replaced") for d in items)
        for d in items if d.category == "data_error" and d.tags.get("moves")
    ]  # fmt: skip
    for sa, _, items in series_items:
        anew = [d for d in items if d.tags.get("replaced")]
        if not anew or any(len({y for _, y in (d.tags.get("moves") or ("", ()))[1]}) < 2 for d in anew):
            continue  # flattened to one value (or no values told): nothing of its data shows
        if any(shares_move(d, e) for d in anew for other, e in kept if other != id(sa)):
            for d in items:
                d.tags.pop("replaced", None)
                d.tags.pop("anew_map", None)


def _bars_own(err: Series, bars: Sequence[Series]) -> bool:
    """Whether error bars drawn without a data line (``err``) are a bar call's own (``yerr=``, ``xerr=``): every
    segment lies on the end of one of ``bars``' rectangles, centred across it."""
    if err.kind != "errorbar":
        return False
    rects = [p for b in bars if b.kind in ("bar", "barh") for p in b.items]
    segs = [q for coll in err.items for q in coll.get("paths") or []]
    if not rects or not segs:
        return False
    return all(len(q) == 4 and None not in q and _on_a_bar_end(q, rects) for q in segs)


def _on_a_bar_end(q: Sequence[float], rects: Sequence[dict[str, Any]]) -> bool:
    """Whether segment ``q`` (x0, y0, x1, y1) is centred across one rectangle's far end (its top, or its right
    end when horizontal)."""
    vertical = abs(q[0] - q[2]) <= abs(q[1] - q[3])
    at, mid = ((q[0] + q[2]) / 2, (q[1] + q[3]) / 2) if vertical else ((q[1] + q[3]) / 2, (q[0] + q[2]) / 2)
    pos, size, base, val = ("x", "width", "y", "height") if vertical else ("y", "height", "x", "width")
    for p in rects:
        if not all(isinstance(p.get(k), (int, float)) for k in (pos, size, base, val)):
            continue
        centre, end = p[pos] + p[size] / 2, p[base] + p[val]
        if abs(centre - at) <= 1e-6 * max(1.0, abs(at)) and abs(end - mid) <= 1e-6 * max(1.0, abs(end), abs(mid)):
            return True
    return False


def _follow_dropped(
    out: Findings, dropped: list[Series], kr: dict[str, list[Series]],
    series_items: list[tuple[Series, Series, list[Finding]]],
) -> None:  # fmt: skip
    """What follows a dropped series is not its own change: the later artists take the colours one place earlier
    in the colour list (another reference artist's colour), and an unlabelled fill drawn with it (a radar
    chart's polygon) goes with it. With a series dropped or added (``dropped`` empty), a colour map sampled once
    per series gives the others new colours on its way (`_on_colour_path`)."""
    colours = [s.colour for ss in kr.values() for s in ss if s.colour]
    colours += [p.get(k) for ss in kr.values() for s in ss if s.kind in ("shapes", "area", "bar", "barh")
                for p in s.items for k in ("facecolor", "edgecolor") if p.get(k)]  # fmt: skip

    def follows(sa: Series, d: Finding) -> bool:
        u = d.unit
        if d.category == "style_error" and u is not None and u.attribute.endswith("colour"):
            if dropped and any(delta_e(c, u.new) <= 8 and delta_e(c, u.old) > 8 for c in colours):
                return True
            # A colour map sampled once per series (pandas' ``colormap=``) gives every series a new colour when
            # their count changes: one on the way between the reference's colours of that kind, in their order.
            # One colour given to all of them is a recolouring (a loop's colours replaced by one constant).
            kin = [sb.colour for a, sb, _ in series_items if a.kind == sa.kind and sb.colour]
            if len(kin) >= 2 and all(delta_e(c, u.new) <= 8 for c in kin):
                return False
            path = [lab_of(s.colour) for s in kr.get(sa.kind, []) if s.colour]
            return _on_colour_path(lab_of(u.new), [p for p in path if p is not None])
        return (d.category == "data_error" and not sa.name and sa.kind in ("shapes", "area")
                and any(_within(d.bbox, s.bbox) for s in dropped))  # fmt: skip

    drop = {id(d) for sa, _, items in series_items for d in items if follows(sa, d)}
    if drop:
        out.items[:] = [d for d in out.items if id(d) not in drop]


#: How far (ΔE76) a colour may lie from the path through a colour map's samples and still be one of its colours.
ON_COLOUR_PATH_DE = 8.0


def _on_colour_path(new: Any, path: Sequence[tuple[float, float, float]]) -> bool:
    """Whether Lab colour ``new`` lies on the polyline through ``path`` (three samples or more of a colour map)."""
    if new is None or len(path) < 3:
        return False
    q = np.asarray(new, dtype=float)
    for a, b in pairwise(path):
        pa, pb = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        seg = pb - pa
        t = float(np.clip(np.dot(q - pa, seg) / max(float(np.dot(seg, seg)), 1e-9), 0.0, 1.0))
        if float(np.linalg.norm(q - (pa + t * seg))) <= ON_COLOUR_PATH_DE:
            return True
    return False


def _within(inner: Any, outer: Any, margin: float = 0.01) -> bool:
    """Whether box ``inner`` lies inside box ``outer`` grown by ``margin`` (a flat line's box has no area)."""
    a, b = clean_box(inner), clean_box(outer)
    if a is None or b is None:
        return False
    return a[0] >= b[0] - margin and a[1] >= b[1] - margin and a[2] <= b[2] + margin and a[3] <= b[3] + margin


def _step_outline(s: Series) -> bool:
    """An unfilled, unlabelled polygon: a histogram drawn with ``histtype="step"`` (its bins one outline)."""
    return (
        s.kind == "shapes"
        and not s.name
        and all(
            p.get("type") == "Polygon" and p.get("facecolor") in (None, "None", "none") and not labelled(p.get("label"))
            for p in s.items
        )
    )


#: Polynomial degrees a trend line is fitted with, and how close (a share of its values' span) it lies to the fit.
FIT_DEGREES = (1, 2, 3)
FIT_TOL = 1e-3


def fitted(line: Series, points: Series) -> bool:
    """Whether ``line`` is a least-squares polynomial (degree 1 to 3) fitted to the scatter ``points``: its
    values are the fit's at its x values (``np.polyfit`` over the points, as a trend line is drawn)."""
    lx, ly = line.items[0].get("x") or [], line.items[0].get("y") or []
    px, py = points.items[0].get("x") or [], points.items[0].get("y") or []
    ok = [(a, b) for a, b in zip(px, py, strict=False) if isinstance(a, (int, float)) and isinstance(b, (int, float))]
    if len(lx) != len(ly) or len(lx) < 3 or len(ok) < 5 or not all(isinstance(v, (int, float)) for v in [*lx, *ly]):
        return False
    xs, ys = np.array([a for a, _ in ok], float), np.array([b for _, b in ok], float)
    span = (max(ly) - min(ly)) or 1.0
    for deg in FIT_DEGREES:
        if len(ok) <= deg + 1:
            break
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")  # a poorly conditioned fit (np.RankWarning) is no fit
            try:
                fit = np.polyval(np.polyfit(xs, ys, deg), np.array(lx, float))
            except (np.linalg.LinAlgError, ValueError):
                return False
        if np.all(np.abs(fit - np.array(ly, float)) <= FIT_TOL * span + 1e-6):
            return True
    return False


def _bands_follow_lines(out: Findings, series_items: list[tuple[Series, Series, list[Finding]]]) -> None:
    """Unlabelled bands, fills and segments computed from another series follow it: a band or fill (an area, a
    polygon) whose data changed with a line it lies on (a confidence band, a radar chart's fill), segments (a
    violin's extrema and medians, stems, error bars drawn apart) whose data changed with any series they lie
    on. That series' change is the error."""
    # Where a series lies: its reference and candidate boxes (a band scaled up past the segments drawn from it).
    changed = [
        (sa, union_box([sa.bbox, sb.bbox]) or sa.bbox)
        for sa, sb, items in series_items
        if any(d.category == "data_error" for d in items)
    ]
    if len(changed) < 2:
        return
    drop: set[int] = set()
    # Short constant lines (a waterfall's connectors) that moved with a series they lie on are drawn from it.
    marks = [(sa, items) for sa, _, items in series_items
             if sa.kind == "line" and not sa.name and sa.weight < 1 and any(d.category == "data_error" for d in items)]  # fmt: skip
    if len(marks) >= 2:
        for sa, items in marks:
            if any(s.kind != "line" and _within(sa.bbox, b) for s, b in changed):
                drop |= {id(d) for d in items if d.category == "data_error"}
    # A constant line (a mean, a median: weight < 1) that moved while the histogram under it changed is drawn
    # from its samples: it follows them.
    if any(is_histogram(s) or _step_outline(s) for s, _ in changed):
        for sa, _, items in series_items:
            if sa.kind == "line" and sa.weight < 1:
                drop |= {id(d) for d in items if d.category == "data_error"}
    # A line fitted to a scatter's points (a trend line) moved with them: drawn from them.
    points = [(sa, sb) for sa, sb, items in series_items if sa.kind in ("scatter", "points") and items]
    for sa, sb, items in series_items:
        if sa.kind == "line" and any(fitted(sa, pa) and fitted(sb, pb) for pa, pb in points):
            drop |= {id(d) for d in items if d.category == "data_error"}
    # A series whose change was just read as following another (a histogram's quantile lines) leads nothing: the
    # outline they follow is not in turn drawn from them (each dropped for the other, nothing was left).
    followed = {
        id(sa)
        for sa, _, items in series_items
        if all(id(d) in drop for d in items if d.category == "data_error")
        and any(d.category == "data_error" for d in items)
    }
    for sa, sb, items in series_items:
        if sa.name or sa.kind not in ("area", "segments", "shapes"):
            continue
        leads = ("line", "points", "area", "bar", "barh", "scatter") if sa.kind == "segments" else ("line", "points")
        here = union_box([sa.bbox, sb.bbox]) or sa.bbox
        if any(s is not sa and s.kind in leads and id(s) not in followed and box_iou(here, b) > 0 for s, b in changed):
            drop |= {id(d) for d in items if d.category == "data_error"}
    if drop:
        out.items[:] = [d for d in out.items if id(d) not in drop]
