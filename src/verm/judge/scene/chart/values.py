"""Charts, one series pair: the values of lines, points, error bars, stems, stairs, scatter, areas, segments,
marks and heatmap grids (bars, pies and shapes: `patches`; looks and colours: `looks`).

A value differing by more than ``rtol`` is data_error graded by how differently
it reads (`grade.reading_severity`); a series with three or more changed values
is one discrepancy graded by its largest change (a constant line that moved is
one value; a whole series scaled or shifted alike says so). A different number
of points is data_error 2 (3 below half). Error bars are compared segment by
segment, areas and segments vertex by vertex, heatmap grids cell by cell (a
cell whose colour does not move does not show).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from verm.chart_view import hidden_severity
from verm.judge.scene.boxes import clean_box, union_box
from verm.judge.scene.chart.anew import lost_reason, resampled, uniform_change, values_lost
from verm.judge.scene.chart.coords import AxCtx
from verm.judge.scene.chart.grade import VISIBLE, reading_severity
from verm.judge.scene.chart.looks import (
    colour_of,
    compare_colours,
    line_art_swap,
    line_looks,
    mesh_colours,
    style_unit,
)
from verm.judge.scene.chart.panels import value_moves, values_key
from verm.judge.scene.chart.patches import compare_bars, compare_shapes, compare_wedges
from verm.judge.scene.chart.series import Series, kind_word, marker_name, series_words
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Findings, Unit
from verm.judge.scene.text import fmt_number


def compare_series(out: Findings, r: Series, c: Series, all_r: Sequence[Series], ctx: AxCtx) -> None:
    name = series_words(r, all_r)
    loc = f"{ctx.where} {kind_word(r.kind)}" + (f" '{r.name}'" if r.name else "")
    tag = {"series": (ctx.where, r.kind, r.index)}
    kind = r.kind
    if kind in ("line", "points", "boxline", "stem"):
        a, b = r.items[0], c.items[0]
        xa, xb = tuple(a.get("x") or []), tuple(b.get("x") or [])
        ya, yb = a.get("y") or [], b.get("y") or []
        moved = _changed_at(out, xa, xb) if (xa, xb) in ctx.seen_x and len(ya) == len(yb) else set()
        # Points of an x list another series shares moved there (reported once, with that series): this series'
        # values changed at those points only are the same edit (values computed from the x list).
        if not moved or not _changed_at(out, ya, yb) <= moved:
            compare_values(out, name, "point", ya, yb, a.get("x") or [], ctx, loc, b.get("bbox"), "y", tag)
        if len(a.get("y") or []) == len(b.get("y") or []) and (xa, xb) not in ctx.seen_x:
            ctx.seen_x.add((xa, xb))  # series sharing one x list: one discrepancy for the list
            compare_values(out, name, "point", xa, xb, xa, ctx, loc, b.get("bbox"), "x", tag)
        compare_more(out, a, b, ("x", "y"), name, loc, tag)
        line_looks(out, r, c, name, loc, ctx, tag)
        if r.parts.get("bars") or c.parts.get("bars"):
            compare_error_bars(out, r, c, name, loc, ctx, tag)
    elif kind == "errorbar":
        compare_error_bars(out, r, c, name, loc, ctx, tag)
        colour_of(out, r, c, "colour", r.colour, c.colour, name, loc, ctx, tag)
    elif kind == "stairs":
        a, b = r.items[0], c.items[0]
        compare_values(out, name, "step", a.get("values") or [], b.get("values") or [], a.get("edges") or [], ctx,
                       loc, b.get("bbox"), "y", tag)  # fmt: skip
        for key, word in (("edgecolor", "colour"), ("facecolor", "fill colour")):
            colour_of(out, r, c, word, a.get(key), b.get(key), name, loc, ctx, tag)
    elif kind in ("bar", "barh"):
        compare_bars(out, r, c, name, loc, ctx, tag)
    elif kind == "shapes":
        compare_shapes(out, r, c, name, loc, ctx, tag)
    elif kind == "pie":
        compare_wedges(out, r, c, loc, ctx)
    elif kind == "scatter":
        a, b = r.items[0], c.items[0]
        if (a.get("x") != b.get("x") or a.get("y") != b.get("y")) and resampled(a, b):
            tag = {**tag, "resampled": True}
        compare_values(out, name, "point", a.get("y") or [], b.get("y") or [], a.get("x") or [], ctx, loc,
                       b.get("bbox"), "y", tag)  # fmt: skip
        if len(a.get("y") or []) == len(b.get("y") or []):
            compare_values(out, name, "point", a.get("x") or [], b.get("x") or [], a.get("x") or [], ctx, loc,
                           b.get("bbox"), "x", tag)  # fmt: skip
        compare_more(out, a, b, ("x", "y"), name, loc, tag)
        compare_colours(out, r, c, name, loc, ctx, tag, edges=not line_art_swap(a, b))
        if a.get("marker") and b.get("marker") and a["marker"] != b["marker"]:
            out.add("style_error", 1, loc, f"the marker of {name} has another shape", b.get("bbox"),
                    style_unit(ctx, r, "marker", a["marker"], b["marker"]), **tag)  # fmt: skip
        sa, sb = a.get("sizes") or [], b.get("sizes") or []
        one_size = sa and sb and len(set(sa)) == 1 and len(set(sb)) == 1 and sa[0] and sb[0]
        if one_size and max(sa[0], sb[0]) / min(sa[0], sb[0]) >= 1.5:
            out.add("style_error", 1, loc, f"{name} has marker size {sb[0]:g}, should be {sa[0]:g}", b.get("bbox"),
                    style_unit(ctx, r, "marker size", f"{sa[0]:g}", f"{sb[0]:g}"), **tag)  # fmt: skip
    elif kind in ("area", "segments", "marks"):
        a, b = r.items[0], c.items[0]
        na, nb = a.get("n_paths"), b.get("n_paths")
        if na is not None and nb is not None and na != nb:
            out.add("data_error", 2, loc, f"{name} has {nb} parts, should have {na}", b.get("bbox") or a.get("bbox"),
                    **tag)  # fmt: skip
        elif ctx.r.get("name") == "3d" or ctx.c.get("name") == "3d":
            pass  # 3D collections hold projected, depth-sorted polygons: only their colours compare
        elif kind == "area" and id(r) in ctx.followers:
            pass  # kept its thickness: it moved with the layers it stands on, their change is reported
        elif kind == "area" and ctx.area_changed:
            # Areas are stacked more often than not: those above a changed one move with it, unless flattened.
            flattened(out, a, b, name, loc, tag)
        else:
            changed = compare_paths(out, a, b, name, loc, ctx, tag)
            if not changed and kind == "marks":
                changed = compare_extent(out, a.get("bbox"), b.get("bbox"), f"the extent of {name}", loc, ctx, tag)
            ctx.area_changed |= changed and kind == "area"
        compare_colours(out, r, c, name, loc, ctx, tag)
    elif kind in ("image", "mesh"):
        compare_grid(out, r.items[0], c.items[0], name, loc, ctx, tag)


def _changed_at(out: Findings, ra: Sequence[Any], ca: Sequence[Any]) -> set[int]:
    """The places where two value lists of one length differ (beyond the judge's relative tolerance)."""
    if len(ra) != len(ca):
        return set()
    found = set()
    for k, (x, y) in enumerate(zip(ra, ca, strict=True)):
        if (x is None) != (y is None):
            found.add(k)
        elif isinstance(x, (int, float)) and isinstance(y, (int, float)):
            if abs(x - y) > max(out.opts.rtol * abs(x), 1e-12):
                found.add(k)
        elif x != y:
            found.add(k)
    return found


def compare_values(
    out: Findings,
    name: str,
    unit: str,
    ra: Sequence[float | None],
    ca: Sequence[float | None],
    xs: Sequence[float | None],
    ctx: AxCtx,
    loc: str,
    box: Any,
    axis: str,
    tag: dict[str, Any],
) -> None:
    key = values_key(ra)
    if key is not None:
        tag = {**tag, "ref_values": key}
    if len(ra) != len(ca):
        sev = 3 if len(ca) < len(ra) / 2 or len(ra) < len(ca) / 2 else 2
        # Under half (or twice) the points: the series shows none of its data (it is lost, for the pile-up).
        out.add("data_error", sev, loc, f"{name} has {len(ca)} {unit}s, should have {len(ra)}", box,
                **tag, **({"replaced": True} if sev == 3 else {}))  # fmt: skip
        return
    # The floor of the tolerance is a millionth of the axis' span in its units: on a log axis the span in
    # data units is its largest value's, which would hide a change of its small values (they read in decades,
    # `AxCtx.reading`); there the relative tolerance alone holds.
    floor = 0.0 if ctx.r.get(f"{axis}scale") == "log" else 1e-6 * ctx.span(axis)
    diffs: list[tuple[int, float, float | None, float | None]] = []
    for k, (x, y) in enumerate(zip(ra, ca, strict=True)):
        if x is None and y is None:
            continue
        if x is None or y is None:
            diffs.append((k, 1.0, x, y))
            continue
        tol = max(out.opts.rtol * abs(x), floor, 1e-12)
        if abs(x - y) > tol and ctx.shown(axis, x, y):
            diffs.append((k, ctx.reading(axis, x, y), x, y))
    if not diffs or max(d[1] for d in diffs) < VISIBLE:
        return  # nothing a reader can see moved
    if ctx.drove_limits(ra, ca, axis):
        tag = {**tag, "rescaled": True}
    # Each changed value as it read and reads: one input that changed shows alike in every series drawn from it
    # (`panels.merge_shared_moves`).
    tag = {**tag, "moves": value_moves(axis, [(x, y) for _, _, x, y in diffs])}
    sev = reading_severity(max(d[1] for d in diffs))
    suffix = "" if axis == "y" else f" ({axis} value)"
    if len(diffs) == len(ra) >= 2 and len(set(ra)) == 1 and len(set(ca)) == 1:
        # A constant line (axhline, axvline: a mean, a threshold) moved: one value.
        _, _, x, y = diffs[0]
        # The same line moved alike in several plots, or lines at several heights scaled alike (an edit inside
        # the loop that draws them: a ridgeline's baselines), is one change.
        if x is None or y is None:
            shift = None
        elif x != 0 and y != 0:  # as a series scaled as a whole reads (`anew.uniform_change`)
            shift = f"scaled by {y / x:.3g} ({axis})"
        else:
            shift = f"constant line shifted by {fmt_number(round(y - x, 6))} ({axis})"
        out.add("data_error", sev, loc, f"{name} is at {fmt_number(y)}, should be at {fmt_number(x)}{suffix}",
                ctx.with_ticks(box, axis), Unit("values", None, shift, "series", ctx.where) if shift else None,
                **tag)  # fmt: skip
        return
    if len(diffs) >= 3 or (len(diffs) == len(ra) == 2 and values_lost(ra, ca, 2)):
        k, _, x, y = max(diffs, key=lambda d: d[1])
        how = uniform_change(ra, ca)
        reason = lost_reason(ra, ca, len(diffs))
        if reason and tag.get("resampled"):
            # Another sample of the data (`anew.resampled`): its values changed, its data still shows.
            how, reason = "another sample of the data", None
        if reason:
            # Flattened or drawn anew: the series shows none of its data (lost, for the pile-up), its own item.
            # Values that follow no map of their own may follow one a column with other series' (`data.py`).
            how, tag = None, {**tag, "replaced": True, **({"anew_map": True} if reason == "no map" else {})}
            if reason == "flattened":
                sev = 3  # nothing of its data shows: as a series missing, whatever the distance its values moved
        unit_ = Unit("values", None, f"{how} ({axis})", "series", ctx.where) if how else None
        words = how or ("flattened to one value" if reason == "flattened" else None)
        if ctx.in_place(ra, ca, axis):
            tag = {**tag, "off_marks": True}
        # Each changed point as it read and reads, for series normalised alike (`grade._merge_normalised`); whether
        # the series changed its own way (no one scale or shift, its data not lost).
        free = how is None and (not tag.get("replaced") or bool(tag.get("anew_map")))
        tag = {
            **tag,
            "column": (axis, tuple((k, x, y) for k, _, x, y in diffs if x is not None and y is not None), free),
        }
        out.add("data_error", sev, loc,
                f"{len(diffs)} of {len(ra)} {unit}s of {name} differ ({axis} values{', ' + words if words else ''}), "
                f"e.g. {unit} {k + 1}{ctx.at(xs, k)} is {fmt_number(y)}, should be {fmt_number(x)}",
                ctx.with_ticks(box, axis), unit_, **tag)  # fmt: skip
        return
    # One or two changed points; two neighbours (whose line segments touch) are one change.
    groups: list[list[tuple[int, float, float | None, float | None]]] = []
    for d in diffs:
        if groups and d[0] - groups[-1][-1][0] <= 2 and unit == "point":
            groups[-1].append(d)
        else:
            groups.append([d])
    for g in groups:
        boxes = []
        for k, _, x, y in g:
            xk = xs[k] if k < len(xs) and axis == "y" else None
            # The change shows between the old and the new place of the point.
            boxes += [ctx.point_box(xk, y if axis == "y" else None), ctx.point_box(xk, x if axis == "y" else None)]
        k, _, x, y = max(g, key=lambda d: d[1])
        desc = f"{unit} {k + 1}{ctx.at(xs, k)} of {name} is {fmt_number(y)}, should be {fmt_number(x)}{suffix}"
        if len(g) > 1:
            desc = f"{unit}s {', '.join(str(d[0] + 1) for d in g)} of {name} differ, e.g. " + desc
        # The same point changed alike in several series (an edit inside the loop that draws them) is one change.
        how = f"{unit} {k + 1} scaled by {y / x:.4g}" if len(g) == 1 and x and y is not None else None
        sev = reading_severity(max(d[1] for d in g))
        if unit == "point" and len(ra) >= POINTS_MANY and all(_left_view(ctx, axis, x, y) for _, _, x, y in g):
            # A point of many pushed out of the view shows only as its mark gone: what it hides, a sliver of the
            # data (`hidden_severity`), not how far its value went.
            sev = max(1, min(sev, hidden_severity(len(g) / len(ra))))
            desc += " (out of view)"
        out.add("data_error", sev, loc, desc, union_box(boxes) or box,
                Unit("values", None, f"{how} ({axis})", "series", ctx.where) if how else None, footprint="local",
                **tag)  # fmt: skip


#: A scatter of at least this many points: one of them pushed out of view hides a sliver of its data.
POINTS_MANY = 20


def _left_view(ctx: AxCtx, axis: str, x: float | None, y: float | None) -> bool:
    """A value shown in the reference that the candidate puts outside its shown range."""
    return x is not None and y is not None and ctx.in_view(axis, x, ref=True) and not ctx.in_view(axis, y)


def compare_more(
    out: Findings, a: dict[str, Any], b: dict[str, Any], keys: Sequence[str], name: str, loc: str,
    tag: dict[str, Any],
) -> None:  # fmt: skip
    """Values past the scene's cap (their count and digest): a change there is a change too."""
    for key in keys:
        ma, mb = a.get(f"{key}_more"), b.get(f"{key}_more")
        if (ma or mb) and ma != mb and (a.get(key) == b.get(key)):
            out.add("data_error", 2, loc, f"{name} differs past its first {len(a.get(key) or [])} {key} values",
                    b.get("bbox"), **tag)  # fmt: skip
            return


def _segments(coll: dict[str, Any]) -> list[tuple[float, ...]]:
    """A LineCollection's segments as (x0, y0, x1, y1), from its paths' first and last vertex."""
    out = []
    for p in coll.get("paths") or []:
        if len(p) >= 4 and None not in (p[0], p[1], p[-2], p[-1]):
            out.append((p[0], p[1], p[-2], p[-1]))
    return out


def compare_error_bars(
    out: Findings, r: Series, c: Series, name: str, loc: str, ctx: AxCtx, tag: dict[str, Any]
) -> None:
    """An error bar series' bars (segment ends, by how they read), their colour and limit markers."""
    ba, bb = r.parts.get("bars") or [], c.parts.get("bars") or []
    if r.kind == "errorbar":
        ba, bb = r.items, c.items
    where = f"{loc} error bars"
    if bool(ba) != bool(bb):
        verb = "are missing" if ba else "should not be there"
        out.add("data_error", 2, where, f"the error bars of {name} {verb}", union_box([x.get("bbox") for x in ba + bb]),
                **tag)  # fmt: skip
        return
    sa = [s for coll in ba for s in _segments(coll)]
    sb = [s for coll in bb for s in _segments(coll)]
    if len(sa) != len(sb):
        out.add("data_error", 2, where, f"{name} has {len(sb)} error bars, should have {len(sa)}",
                union_box([x.get("bbox") for x in bb]), **tag)  # fmt: skip
    else:
        diffs = []
        for k, (p, q) in enumerate(zip(sa, sb, strict=True)):
            vertical = abs(p[0] - p[2]) <= abs(p[1] - p[3])
            axis, i0, i1 = ("y", 1, 3) if vertical else ("x", 0, 2)
            change = max(ctx.reading(axis, p[i0], q[i0]), ctx.reading(axis, p[i1], q[i1]))
            moved_along = max(
                ctx.reading("x" if vertical else "y", p[j], q[j]) for j in ((0, 2) if vertical else (1, 3))
            )
            tol = out.opts.rtol * max(abs(v) for v in p + q) + 1e-9
            if max(abs(p[j] - q[j]) for j in range(4)) > tol:
                diffs.append((k, max(change, moved_along), p, q, axis))
        # Error bars that moved with their changed points are that change, not their own.
        own = [d for d in diffs if not _follows_points(r, c, d[2], d[3]) and not _follows_bars(ctx, d[2], d[3])]
        if own:
            k, worst, p, q, axis = max(own, key=lambda d: d[1])
            i0, i1 = (1, 3) if axis == "y" else (0, 2)
            desc = (f"the error bar of point {k + 1} of {name} spans {fmt_number(q[i0])} to {fmt_number(q[i1])}, "
                    f"should span {fmt_number(p[i0])} to {fmt_number(p[i1])}")  # fmt: skip
            if len(own) > 1:
                desc = f"{len(own)} of {len(sa)} error bars of {name} differ, e.g. " + desc
            # The same error bars changed in several plots (an edit inside the loop that draws them): one change.
            same = f"error bars {','.join(str(d[0] + 1) for d in own)} changed" if len(own) <= 8 else None
            out.add("data_error", reading_severity(worst), where, desc, union_box([x.get("bbox") for x in bb]),
                    Unit("values", None, same, "error-bar series", ctx.where) if same else None, **tag)  # fmt: skip
    # The bars' own colour when the series kept its colour (``ecolor``).
    if r.kind != "errorbar" and delta_e(r.colour, c.colour) <= out.opts.colour_de:
        ca = (ba[0].get("edgecolors") or [None])[0] if ba else None
        cb = (bb[0].get("edgecolors") or [None])[0] if bb else None
        colour_of(out, r, c, "error-bar colour", ca, cb, name, where, ctx, tag)
    caps_a = sorted(marker_name(x.get("marker")) for x in r.parts.get("caps") or [])
    caps_b = sorted(marker_name(x.get("marker")) for x in c.parts.get("caps") or [])
    if caps_a != caps_b:
        out.add("style_error", 1, where, f"the error-bar ends of {name} are {', '.join(caps_b) or 'plain'}, should be "
                f"{', '.join(caps_a) or 'plain'}", union_box([x.get("bbox") for x in c.parts.get("caps") or []]) or c.bbox,
                style_unit(ctx, r, "error-bar ends", ",".join(caps_a), ",".join(caps_b)), **tag)  # fmt: skip


def _bar_end(ax: dict[str, Any], at: float, mid: float, vertical: bool) -> bool:
    """Whether one of the axes' bars ends at ``mid`` (its top; its right end when horizontal) and is centred on
    ``at``."""
    for b in ax.get("patches") or []:
        if b.get("type") != "Rectangle" or not all(
            isinstance(b.get(k), (int, float)) for k in ("x", "y", "width", "height")
        ):
            continue
        pos, size, base, val = ("x", "width", "y", "height") if vertical else ("y", "height", "x", "width")
        centre, end = b[pos] + b[size] / 2, b[base] + b[val]
        tol = 1e-6 * max(1.0, abs(end), abs(mid))
        if abs(centre - at) <= 1e-6 * max(1.0, abs(at)) and abs(end - mid) <= tol:
            return True
    return False


def _follows_bars(ctx: AxCtx, p: tuple[float, ...], q: tuple[float, ...]) -> bool:
    """An error bar drawn on a bar's end (its own ``errorbar`` call on the bars' values) that moved with the bar's
    changed value, its span kept: the bar's change, one array drawn twice."""
    vertical = abs(p[0] - p[2]) <= abs(p[1] - p[3])
    a, i, j = (0, 1, 3) if vertical else (1, 0, 2)
    if abs((q[j] - q[i]) - (p[j] - p[i])) > 1e-6 * max(1.0, abs(p[j] - p[i])):
        return False
    return _bar_end(ctx.r, p[a], (p[i] + p[j]) / 2, vertical) and _bar_end(ctx.c, q[a], (q[i] + q[j]) / 2, vertical)


def _follows_points(r: Series, c: Series, p: tuple[float, ...], q: tuple[float, ...]) -> bool:
    """An error bar moved by exactly as much as its data point (the point's value changed, not its error)."""
    if r.kind == "errorbar" or not r.items:
        return False
    ya, yb = r.items[0].get("y") or [], c.items[0].get("y") or []
    xa = r.items[0].get("x") or []
    for k, x in enumerate(xa):
        if k < len(ya) and k < len(yb) and x is not None and abs(x - (p[0] + p[2]) / 2) <= 1e-9 * max(1.0, abs(x)):
            if ya[k] is None or yb[k] is None:
                return False
            d = yb[k] - ya[k]
            return all(abs((q[j] - p[j]) - d) <= 1e-6 * max(1.0, abs(p[j])) for j in (1, 3)) and d != 0
    return False


def compare_paths(
    out: Findings, a: dict[str, Any], b: dict[str, Any], name: str, loc: str, ctx: AxCtx, tag: dict[str, Any]
) -> bool:
    """Areas and segment groups vertex by vertex (one discrepancy, graded by the largest move); by their extent
    when the vertices do not line up. True when reported."""
    pa, pb = a.get("paths") or [], b.get("paths") or []
    if flattened(out, a, b, name, loc, tag):
        return True
    if a.get("type") == b.get("type") == "Quiver" and len(pa) == len(pb):
        return _compare_arrows(out, a, b, name, loc, ctx, tag)
    if pa and len(pa) == len(pb) and all(len(x) == len(y) for x, y in zip(pa, pb, strict=True)):
        worst, moved, where = 0.0, 0, []
        for i, (x, y) in enumerate(zip(pa, pb, strict=True)):
            for k in range(0, len(x) - 1, 2):
                if None in (x[k], x[k + 1], y[k], y[k + 1]):
                    continue
                change = max(ctx.reading("x", x[k], y[k]), ctx.reading("y", x[k + 1], y[k + 1]))
                if change > 1e-4:
                    moved += 1
                    worst = max(worst, change)
                    where.append(f"{i}:{k // 2}")
        if moved:
            # The same vertices moved in several plots (an edit inside the loop that draws them) are one change.
            same = f"moved at vertices {','.join(where[:8])}" if moved <= 8 else None
            # Past the few vertices a unit names, or most of them: a broad change (`panels.merge_looped`).
            broad = {"broad": True} if same is None or 2 * moved >= sum(len(x) // 2 for x in pa) else {}
            out.add("data_error", reading_severity(worst), loc,
                    f"{name} differs ({moved} vertices moved, by up to {worst:.0%} of the axis range)", b.get("bbox"),
                    Unit("values", None, same, "area", ctx.where) if same else None, **tag, **broad)  # fmt: skip
            return True
        more_a, more_b = a.get("paths_more"), b.get("paths_more")
        if (more_a or more_b) and more_a != more_b:
            out.add("data_error", 2, loc, f"{name} differs past its first {len(pa)} parts", b.get("bbox"), **tag)
            return True
        return False
    return compare_extent(out, a.get("bbox"), b.get("bbox"), f"the extent of {name}", loc, ctx, tag)


def flattened(out: Findings, a: dict[str, Any], b: dict[str, Any], name: str, loc: str, tag: dict[str, Any]) -> bool:
    """Paths collapsed to one height where the reference's vary (a fill or a violin drawn as a line): they show
    none of their data, lost for the pile-up. True when reported."""
    if a.get("type") == b.get("type") == "Quiver":
        return _arrows_alike(out, a, b, name, loc, tag)
    heights_a = {x[k] for x in a.get("paths") or [] for k in range(1, len(x), 2) if x[k] is not None}
    heights_b = {y[k] for y in b.get("paths") or [] for k in range(1, len(y), 2) if y[k] is not None}
    if len(heights_b) != 1 or len(heights_a) < 2:
        return False
    # Several flattened alike in one axes (each bar of a Gantt chart its own collection) are one change; in
    # several subplots each is its own series lost, as a series missing from each would be (keyed by the axes).
    scope = tag["series"][0] if "series" in tag else None
    unit = Unit("values", str(scope), "flattened to a line", "series", scope) if scope is not None else None
    out.add("data_error", 3, loc, f"{name} is flattened to a line", b.get("bbox"), unit, **{**tag, "replaced": True})
    return True


def _compare_arrows(
    out: Findings, a: dict[str, Any], b: dict[str, Any], name: str, loc: str, ctx: AxCtx, tag: dict[str, Any]
) -> bool:
    """A vector field: its anchors (moved: by the reading rule) and its arrows as seen (on the screen, so an axis
    rescaled leaves them), each field in units of its longest arrow: a reader reads directions and lengths
    against each other (all arrows longer alike follow the axes' size or the quiver's scale, not the data).
    True when reported."""
    va, vb = _seen(a), _seen(b)
    if len(va) != len(vb):
        return False
    size_a = max((math.hypot(*p) for p in va if None not in p), default=0.0)
    size_b = max((math.hypot(*q) for q in vb if None not in q), default=0.0)
    worst, moved = 0.0, 0
    for p, q in zip(va, vb, strict=True):
        if None in p or None in q or size_a <= 0 or size_b <= 0:
            continue
        change = math.hypot(q[0] / size_b - p[0] / size_a, q[1] / size_b - p[1] / size_a)
        if change > 1e-3:
            moved, worst = moved + 1, max(worst, change)
    xa, xb = a.get("anchors") or [], b.get("anchors") or []
    shifted = [
        max(ctx.reading("x", xa[k], xb[k]), ctx.reading("y", xa[k + 1], xb[k + 1]))
        for k in range(0, min(len(xa), len(xb)) - 1, 2)
        if None not in (xa[k], xa[k + 1], xb[k], xb[k + 1])
    ]
    far = max(shifted, default=0.0)
    if not moved and far < VISIBLE:
        return False
    words = []
    if moved:
        words.append(f"{moved} of {len(va)} arrows point or reach otherwise (by up to {worst:.0%} of the longest)")
    if far >= VISIBLE:
        words.append(f"its arrows sit elsewhere (by up to {far:.0%} of the axis range)")
    out.add("data_error", reading_severity(max(worst, far)), loc, f"{name} differs: " + "; ".join(words),
            b.get("bbox"), **tag)  # fmt: skip
    return True


def _seen(item: dict[str, Any]) -> list[tuple[float | None, float | None]]:
    """A quiver's arrows as seen: (dx, dy) each, in fractions of the image."""
    flat = item.get("arrows") or []
    return [(flat[k], flat[k + 1]) for k in range(0, len(flat) - 1, 2)]


def _arrows_alike(
    out: Findings, a: dict[str, Any], b: dict[str, Any], name: str, loc: str, tag: dict[str, Any]
) -> bool:
    """A vector field whose arrows all point alike (or none is drawn) where the reference's vary: it shows none
    of its data."""

    va = [(u, v) for u, v in _seen(a) if u is not None and v is not None]
    vb = [(u, v) for u, v in _seen(b) if u is not None and v is not None]
    if len(va) >= 3 and not vb:  # every arrow of no length (the field zero everywhere): none is drawn
        out.add("data_error", 3, loc, f"no arrow of {name} is drawn", b.get("bbox") or a.get("bbox"),
                **{**tag, "replaced": True})  # fmt: skip
        return True
    if len(va) < 3 or len(vb) < 2:
        return False
    # Alike to a thousandth of the longest (rounded as the scene keeps them).
    size = max(max(abs(u), abs(v)) for u, v in va) or 1.0
    spread = max(max(u for u, _ in vb) - min(u for u, _ in vb), max(v for _, v in vb) - min(v for _, v in vb))
    if spread > 1e-3 * size or len({(round(u / size, 2), round(v / size, 2)) for u, v in va}) < 3:
        return False
    out.add("data_error", 3, loc, f"every arrow of {name} points alike", b.get("bbox"), **{**tag, "replaced": True})
    return True


def compare_extent(out: Findings, a: Any, b: Any, what: str, loc: str, ctx: AxCtx, tag: dict[str, Any]) -> bool:
    """Report an element whose box, in data coordinates, moved (its values changed); True when reported. Two
    series of one axes whose boxes were one and are one again (filled contours and their lines, drawn from one
    grid) changed as one: the second is that change, reported once."""
    shift = ctx.box_shift(a, b)
    if shift <= 0.01:
        return False
    ba, bb = clean_box(a), clean_box(b)
    if ba is not None and bb is not None:
        if (ba, bb) in ctx.seen_extents:
            return True
        ctx.seen_extents.add((ba, bb))
    out.add("data_error", reading_severity(shift), loc, f"{what} differs (by {shift:.0%} of the axis range)", b or a,
            **tag)  # fmt: skip
    return True


def _cells_show(diffs: Sequence[tuple[int, float, Any, Any]], a: dict[str, Any], b: dict[str, Any], de: float) -> bool:
    """Whether a changed cell of an image shows: its colour (the reference's colour map and scale) moves by more
    than ΔE ``de``. True when the colours cannot be told (no named colour map, or the scale changed)."""
    ca, cb = a.get("clim") or [], b.get("clim") or []
    name = a.get("cmap")
    if not name or len(ca) != 2 or None in ca or ca[0] == ca[1] or list(ca) != list(cb):
        return True  # a colour scale that moved recolours every cell: not this rule's
    try:
        import matplotlib

        cmap = matplotlib.colormaps[name]
    except (ImportError, KeyError, ValueError):
        return True

    def colour(v: Any, lim: Sequence[float]) -> str | None:
        if v is None:
            return None
        r, g, bl, _ = cmap(min(1.0, max(0.0, (float(v) - lim[0]) / (lim[1] - lim[0]))))
        return f"#{round(r * 255):02x}{round(g * 255):02x}{round(bl * 255):02x}"

    return any(x is None or y is None or delta_e(colour(x, ca), colour(y, cb)) > de for _, _, x, y in diffs)


def _texts_changed(ctx: AxCtx, box: Any) -> bool:
    """Whether a text drawn on ``box`` (a heatmap's cell labels) reads otherwise: then a value shows there."""
    inside = clean_box(box)
    if inside is None:
        return True

    def on(ax: dict[str, Any]) -> list[str]:
        out = []
        for t in ax.get("texts") or []:
            tb = clean_box(t.get("bbox"))
            if (
                tb is not None
                and tb[0] >= inside[0]
                and tb[2] <= inside[2]
                and tb[1] >= inside[1]
                and tb[3] <= inside[3]
            ):
                out.append(str(t.get("text")))
        return sorted(out)

    return on(ctx.r) != on(ctx.c)


def _grid_diffs(out: Findings, va: Sequence[Any], vb: Sequence[Any], span: float) -> list[tuple[int, float, Any, Any]]:
    """The cells of two grids of one size that differ: (index, change as a share of ``span``, old, new)."""
    diffs = []
    for k, (x, y) in enumerate(zip(va, vb, strict=True)):
        if x is None or y is None:
            if (x is None) != (y is None):
                diffs.append((k, 1.0, x, y))
            continue
        if abs(x - y) > max(out.opts.rtol * abs(x), 1e-9 * max(span, 1.0)):
            diffs.append((k, abs(x - y) / span, x, y))
    return diffs


def compare_grid(
    out: Findings, a: dict[str, Any], b: dict[str, Any], name: str, loc: str, ctx: AxCtx, tag: dict[str, Any]
) -> None:
    va, vb = a.get("values") or [], b.get("values") or []
    sa, sb = a.get("shape"), b.get("shape")
    if (sa and sb and list(sa) != list(sb)) or len(va) != len(vb):
        out.add("data_error", 3, loc, f"{name} has shape {sb or len(vb)}, should be {sa or len(va)}", b.get("bbox"),
                replaced=True, **tag)  # fmt: skip
        return
    clim = a.get("clim") or []
    finite = [v for v in va if v is not None]
    lo, hi = (clim[0], clim[1]) if len(clim) == 2 and None not in clim else (min(finite or [0]), max(finite or [1]))
    span = abs(hi - lo) or max((abs(v) for v in finite), default=1.0) or 1.0

    def shown(diffs: list[tuple[int, float, Any, Any]]) -> list[tuple[int, float, Any, Any]]:
        # A heatmap's value shows as its colour: within the colour tolerance (and unlabelled) it does not.
        if diffs and not _cells_show(diffs, a, b, out.opts.colour_de) and not _texts_changed(ctx, b.get("bbox")):
            return []
        return diffs

    diffs = shown(_grid_diffs(out, va, vb, span))
    block = None
    ga, gb = a.get("coarse"), b.get("coarse")
    if ga and gb and ga.get("shape") == gb.get("shape") and ga.get("block") == gb.get("block"):
        # Past the scene's cap the first cells are one corner of the grid: its block means tell where and how
        # much the whole grid changed (a cell changed in that corner alone may vanish in its block's mean).
        coarse = shown(_grid_diffs(out, ga.get("values") or [], gb.get("values") or [], span))
        if coarse:
            diffs, va, vb, sa, block = coarse, ga.get("values") or [], gb.get("values") or [], ga["shape"], ga["block"]
    ncols = int(sa[1]) if sa and len(sa) >= 2 else 0

    def cell(k: int) -> str:
        r, c = k // ncols if ncols else 0, k % ncols if ncols else k
        if block:
            return (
                f"the block of cells ({r * block[0] + 1}-{(r + 1) * block[0]}, {c * block[1] + 1}-{(c + 1) * block[1]})"
            )
        return f"cell ({r + 1}, {c + 1})" if ncols else f"value {k + 1}"

    def cell_box(k: int) -> Any:
        bb = clean_box(b.get("bbox"))
        if not bb or not ncols or not sa:
            return bb
        nrows = int(sa[0])
        rr, cc = k // ncols, k % ncols
        w, h = (bb[2] - bb[0]) / ncols, (bb[3] - bb[1]) / nrows
        return (bb[0] + cc * w, bb[1] + rr * h, bb[0] + (cc + 1) * w, bb[1] + (rr + 1) * h)

    is_ = "averages" if block else "is"
    if len(diffs) >= 3:
        k, rel, x, y = max(diffs, key=lambda d: d[1])
        if values_lost(va, vb, len(diffs)):  # one colour all over, or cells in no order of the reference's
            tag = {**tag, "replaced": True}
        out.add("data_error", reading_severity(rel), loc,
                f"{len(diffs)} of {len(va)} {'blocks' if block else 'values'} of {name} differ, e.g. {cell(k)} "
                f"{is_} {fmt_number(y)}, should be {fmt_number(x)}", union_box([cell_box(d[0]) for d in diffs]),
                **tag)  # fmt: skip
    else:
        for k, rel, x, y in diffs:
            out.add("data_error", reading_severity(rel), loc,
                    f"{cell(k)} of {name} {is_} {fmt_number(y)}, should be {fmt_number(x)}", cell_box(k), **tag)  # fmt: skip
    if a.get("cmap") and b.get("cmap") and a.get("cmap") != b.get("cmap"):
        out.add("style_error", 2, loc, f"{name} uses colour map {b['cmap']!r}, should be {a['cmap']!r}", b.get("bbox"),
                Unit("colour map", a["cmap"], b["cmap"], "heatmap", ctx.where), **tag)  # fmt: skip
    elif not diffs and not (a.get("cmap") or b.get("cmap")) and a.get("clim") == b.get("clim"):
        mesh_colours(out, a, b, name, loc, ctx, tag)
    ca, cb = a.get("clim") or [], b.get("clim") or []
    if not diffs and len(ca) == 2 and len(cb) == 2 and None not in ca + cb:
        span = abs(ca[1] - ca[0]) or 1.0
        if max(abs(ca[0] - cb[0]), abs(ca[1] - cb[1])) / span > 0.02:
            out.add("style_error", 1, loc, f"the colour scale of {name} runs {fmt_number(cb[0])} to {fmt_number(cb[1])}, "
                    f"should be {fmt_number(ca[0])} to {fmt_number(ca[1])}", b.get("bbox"), **tag)  # fmt: skip
