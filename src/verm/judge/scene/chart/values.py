"""Charts, values of one series pair: lines, points, scatter, areas, error bars, heatmap grids.

A value differing by more than ``rtol`` is data_error graded by its relative
change (`grade.rel_severity`); three or more changed values of a series are one
discrepancy (`grade.series_severity`); a constant line that moved is one value.
A different number of points is data_error 2 (3 below half). Error bars are
graded by the change relative to the error; an area's extent by its move in
data coordinates; heatmaps cell by cell, colour map and colour scale as style.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from verm.judge.scene.boxes import clean_box, union_box
from verm.judge.scene.chart.coords import AxCtx
from verm.judge.scene.chart.grade import rel_severity, series_severity
from verm.judge.scene.chart.patches import compare_bars, compare_wedges
from verm.judge.scene.chart.series import NOLINE, NOMARKER, Series, kind_word, series_words
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Findings
from verm.judge.scene.text import fmt_number


def compare_series(out: Findings, r: Series, c: Series, all_r: Sequence[Series], where: str, ctx: AxCtx) -> None:
    name = series_words(r, all_r)
    loc = f"{where} {kind_word(r.kind)}" + (f" '{r.name}'" if r.name else "")
    kind = r.kind
    if kind in ("line", "points", "boxline", "caps"):
        a, b = r.items[0], c.items[0]
        compare_values(
            out, name, "point", a.get("y") or [], b.get("y") or [], a.get("x") or [], ctx, loc, b.get("bbox"), "y"
        )
        xa, xb = tuple(a.get("x") or []), tuple(b.get("x") or [])
        if len(a.get("y") or []) == len(b.get("y") or []) and (xa, xb) not in ctx.seen_x:
            ctx.seen_x.add((xa, xb))  # series sharing one x list: one discrepancy for the list
            compare_values(out, name, "point", xa, xb, xa, ctx, loc, b.get("bbox"), "x")
        out.colour("style_error", f"the colour of {name}", loc, a.get("color"), b.get("color"), b.get("bbox"))
        if a.get("linestyle") != b.get("linestyle"):
            out.add("style_error", 1, loc, f"{name} is drawn with line style {b.get('linestyle')!r}, "
                    f"should be {a.get('linestyle')!r}", b.get("bbox"))  # fmt: skip
        ma, mb = str(a.get("marker")), str(b.get("marker"))
        if ma != mb and not (ma in NOMARKER and mb in NOMARKER):
            out.add("style_error", 1, loc, f"{name} has marker {mb!r}, should be {ma!r}", b.get("bbox"))
        wa, wb = a.get("linewidth") or 0, b.get("linewidth") or 0
        if wa > 0 and wb > 0 and max(wa, wb) / min(wa, wb) >= 1.5 and a.get("linestyle") not in NOLINE:
            out.add("style_error", 1, loc, f"{name} has line width {wb:g}, should be {wa:g}", b.get("bbox"))
    elif kind in ("bar", "barh"):
        compare_bars(out, r, c, name, loc, ctx)
    elif kind == "pie":
        compare_wedges(out, r, c, loc)
    elif kind == "scatter":
        a, b = r.items[0], c.items[0]
        compare_values(
            out, name, "point", a.get("y") or [], b.get("y") or [], a.get("x") or [], ctx, loc, b.get("bbox"), "y"
        )
        if len(a.get("y") or []) == len(b.get("y") or []):
            compare_values(
                out, name, "point", a.get("x") or [], b.get("x") or [], a.get("x") or [], ctx, loc, b.get("bbox"), "x"
            )
        compare_colours(out, a, b, name, loc)
        sa, sb = a.get("sizes") or [], b.get("sizes") or []
        one_size = sa and sb and len(set(sa)) == 1 and len(set(sb)) == 1 and sa[0] and sb[0]
        if one_size and max(sa[0], sb[0]) / min(sa[0], sb[0]) >= 1.5:
            out.add("style_error", 1, loc, f"{name} has marker size {sb[0]:g}, should be {sa[0]:g}", b.get("bbox"))
    elif kind in ("area", "segments"):
        a, b = r.items[0], c.items[0]
        na, nb = a.get("n_paths"), b.get("n_paths")
        if na is not None and nb is not None and na != nb:
            out.add("data_error", 2, loc, f"{name} has {nb} parts, should have {na}", b.get("bbox") or a.get("bbox"))
        elif not (kind == "area" and ctx.area_changed):
            # Areas are stacked more often than not: those above a changed one move with it.
            ctx.area_changed = compare_extent(out, a.get("bbox"), b.get("bbox"), f"the extent of {name}", loc, ctx)
        compare_colours(out, a, b, name, loc)
    elif kind in ("image", "mesh"):
        compare_grid(out, r.items[0], c.items[0], name, loc)


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
) -> None:
    if len(ra) != len(ca):
        sev = 3 if len(ca) < len(ra) / 2 or len(ra) < len(ca) / 2 else 2
        out.add("data_error", sev, loc, f"{name} has {len(ca)} {unit}s, should have {len(ra)}", box)
        return
    scale = max((abs(v) for v in ra if v is not None), default=0.0)
    span = ctx.span(axis)
    diffs: list[tuple[int, float, float | None, float | None]] = []
    for k, (x, y) in enumerate(zip(ra, ca, strict=True)):
        if x is None and y is None:
            continue
        if x is None or y is None:
            diffs.append((k, 1.0, x, y))
            continue
        tol = max(out.opts.rtol * abs(x), 1e-6 * span, 1e-12)
        if abs(x - y) > tol:
            rel = abs(x - y) / (abs(x) or 0.05 * scale or 1.0)
            diffs.append((k, rel, x, y))
    if not diffs:
        return
    if len(diffs) == len(ra) >= 2 and len(set(ra)) == 1 and len(set(ca)) == 1:
        # A constant line (axhline, axvline: a mean, a threshold) moved: one value.
        _, rel, x, y = diffs[0]
        out.add("data_error", rel_severity(rel), loc, f"{name} is at {fmt_number(y)}, should be at {fmt_number(x)}"
                + ("" if axis == "y" else f" ({axis} value)"), ctx.with_ticks(box, axis))  # fmt: skip
        return
    if len(diffs) >= 3:
        worst = max(d[1] for d in diffs)
        k, _, x, y = max(diffs, key=lambda d: d[1])
        out.add("data_error", series_severity(worst), loc,
                f"{len(diffs)} of {len(ra)} {unit}s of {name} differ ({axis} values), e.g. {unit} "
                f"{k + 1}{ctx.at(xs, k)} is {fmt_number(y)}, should be {fmt_number(x)}", ctx.with_ticks(box, axis))  # fmt: skip
        return
    for k, rel, x, y in diffs:
        xk = xs[k] if k < len(xs) and axis == "y" else None
        # The change shows between the old and the new place of the point.
        pbox = union_box([ctx.point_box(xk, y if axis == "y" else None), ctx.point_box(xk, x if axis == "y" else None)])
        pbox = pbox or box
        out.add("data_error", rel_severity(rel), loc,
                f"{unit} {k + 1}{ctx.at(xs, k)} of {name} is {fmt_number(y)}, should be {fmt_number(x)}"
                + ("" if axis == "y" else f" ({axis} value)"), pbox)  # fmt: skip


def compare_caps(out: Findings, sr: list[Series], sc: list[Series], where: str, ctx: AxCtx) -> None:
    """Error bars (their caps): one discrepancy per point whose error differs."""
    if len(sr) != len(sc):
        out.add("data_error", 2, f"{where} error bars", f"the plot has {len(sc)} sets of error-bar caps, "
                     f"should have {len(sr)}", union_box([s.bbox for s in sc]))  # fmt: skip
        return
    seen: set[tuple[Any, int]] = set()
    found: list[tuple[float, str, Any]] = []
    for a, b in zip(sr, sc, strict=True):
        la, lb = a.items[0], b.items[0]
        ya, yb, xs = la.get("y") or [], lb.get("y") or [], la.get("x") or []
        if len(ya) != len(yb):
            continue
        for k, (x, y) in enumerate(zip(ya, yb, strict=True)):
            if x is None or y is None or abs(x - y) <= max(out.opts.rtol * abs(x), 1e-9):
                continue
            key = (tuple(xs), k)
            if key in seen:
                continue  # the other cap of the same error bar
            seen.add(key)
            err = _error_size(sr, la, k)
            rel = abs(x - y) / err if err else abs(x - y) / max(abs(x), 1e-9)
            xk = xs[k] if k < len(xs) else None
            found.append((rel, f"the error bar of point {k + 1}{ctx.at(xs, k)} ends at {fmt_number(y)}, should end at "
                          f"{fmt_number(x)}", union_box([ctx.point_box(xk, y), ctx.point_box(xk, x)]) or lb.get("bbox")))  # fmt: skip
    if len(found) >= 3:  # the errors of a whole series changed: one discrepancy (the series rule)
        rel = max(f[0] for f in found)
        out.add("data_error", series_severity(rel), f"{where} error bars",
                     f"{len(found)} error bars differ, e.g. {found[0][1]}",
                     union_box([f[2] for f in found] + [s.bbox for s in sc]))  # fmt: skip
        return
    for rel, desc, box in found:
        out.add("data_error", rel_severity(rel), f"{where} error bars", desc, box)


def _error_size(caps: list[Series], line: dict[str, Any], k: int) -> float:
    """Half the distance between the two caps of point k (the error), from the reference caps."""
    xs = line.get("x") or []
    ys = [s.items[0].get("y") or [] for s in caps if (s.items[0].get("x") or []) == xs]
    vals = [y[k] for y in ys if k < len(y) and y[k] is not None]
    return (max(vals) - min(vals)) / 2 if len(vals) >= 2 else 0.0


def compare_extent(out: Findings, a: Any, b: Any, what: str, loc: str, ctx: AxCtx) -> bool:
    """Report an element whose box, in data coordinates, moved (its values changed); True when reported."""
    shift = ctx.box_shift(a, b)
    if shift <= 0.01:
        return False
    sev = 1 if shift < 0.05 else 2 if shift < 0.2 else 3
    out.add("data_error", sev, loc, f"{what} differs (by {shift:.0%} of the axis range)", b or a)
    return True


def compare_colours(out: Findings, a: dict[str, Any], b: dict[str, Any], name: str, loc: str) -> None:
    for key, word in (("facecolors", "fill colour"), ("edgecolors", "edge colour")):
        ca, cb = a.get(key) or [], b.get(key) or []
        if not ca and not cb:
            continue
        if len(ca) == 1 or len(cb) == 1 or len(ca) != len(cb):
            if out.colour("style_error", f"the {word} of {name}", loc, ca[0] if ca else None,
                               cb[0] if cb else None, b.get("bbox")):  # fmt: skip
                return
            continue
        bad = [k for k, (x, y) in enumerate(zip(ca, cb, strict=True)) if delta_e(x, y) > out.opts.colour_de]
        if bad:
            de = max(delta_e(ca[k], cb[k]) for k in bad)
            out.add("style_error", 2 if de > out.opts.strong_de else 1, loc,
                         f"the {word}s of {name} differ ({len(bad)} of {len(ca)})", b.get("bbox"))  # fmt: skip
            return


def compare_grid(out: Findings, a: dict[str, Any], b: dict[str, Any], name: str, loc: str) -> None:
    va, vb = a.get("values") or [], b.get("values") or []
    sa, sb = a.get("shape"), b.get("shape")
    if (sa and sb and list(sa) != list(sb)) or len(va) != len(vb):
        out.add("data_error", 3, loc, f"{name} has shape {sb or len(vb)}, should be {sa or len(va)}", b.get("bbox"))
        return
    scale = max((abs(v) for v in va if v is not None), default=0.0)
    diffs = []
    for k, (x, y) in enumerate(zip(va, vb, strict=True)):
        if x is None or y is None:
            if (x is None) != (y is None):
                diffs.append((k, 1.0, x, y))
            continue
        if abs(x - y) > max(out.opts.rtol * abs(x), 1e-9 * max(scale, 1.0)):
            diffs.append((k, abs(x - y) / (abs(x) or 0.05 * scale or 1.0), x, y))
    ncols = int(sa[1]) if sa and len(sa) >= 2 else 0

    def cell(k: int) -> str:
        return f"cell ({k // ncols + 1}, {k % ncols + 1})" if ncols else f"value {k + 1}"

    def cell_box(k: int) -> Any:
        bb = clean_box(b.get("bbox"))
        if not bb or not ncols or not sa:
            return bb
        nrows = int(sa[0])
        rr, cc = k // ncols, k % ncols
        w, h = (bb[2] - bb[0]) / ncols, (bb[3] - bb[1]) / nrows
        return (bb[0] + cc * w, bb[1] + rr * h, bb[0] + (cc + 1) * w, bb[1] + (rr + 1) * h)

    if len(diffs) >= 3:
        k, rel, x, y = max(diffs, key=lambda d: d[1])
        out.add("data_error", series_severity(rel), loc,
                f"{len(diffs)} of {len(va)} values of {name} differ, e.g. {cell(k)} is {fmt_number(y)}, "
                f"should be {fmt_number(x)}", union_box([cell_box(d[0]) for d in diffs]))  # fmt: skip
    else:
        for k, rel, x, y in diffs:
            out.add("data_error", rel_severity(rel), loc, f"{cell(k)} of {name} is {fmt_number(y)}, should be {fmt_number(x)}",
                    cell_box(k))  # fmt: skip
    if a.get("cmap") and b.get("cmap") and a.get("cmap") != b.get("cmap"):
        out.add("style_error", 2, loc, f"{name} uses colour map {b['cmap']!r}, should be {a['cmap']!r}", b.get("bbox"))
    ca, cb = a.get("clim") or [], b.get("clim") or []
    if not diffs and len(ca) == 2 and len(cb) == 2 and None not in ca + cb:
        span = abs(ca[1] - ca[0]) or 1.0
        if max(abs(ca[0] - cb[0]), abs(ca[1] - cb[1])) / span > 0.02:
            out.add("style_error", 1, loc, f"the colour scale of {name} runs {fmt_number(cb[0])} to {fmt_number(cb[1])}, "
                    f"should be {fmt_number(ca[0])} to {fmt_number(ca[1])}", b.get("bbox"))  # fmt: skip
