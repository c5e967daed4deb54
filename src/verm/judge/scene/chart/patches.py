"""Charts, patch marks of one series pair: bars, pie wedges, box plots.

Bars pair by position; a few lost or new bars each count (data_error 2), many
are one change of the series; a histogram whose total is kept had a value move
bins. A colour shared by the whole series is one discrepancy, else one per bar.
A pie's changed slice is the one whose share does not scale like the others;
slice labels that traded places are text_error 3. A box plot is one
discrepancy per box whose statistics moved.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from verm.judge.scene.boxes import centre_distance, clean_box, union_box
from verm.judge.scene.chart.anew import LOST_CHANGED, lost_reason, uniform_change, values_lost
from verm.judge.scene.chart.coords import IN_PLACE, AxCtx
from verm.judge.scene.chart.grade import CONFUSABLE_DE, VISIBLE, outline_shows, reading_severity
from verm.judge.scene.chart.looks import MAP_COLOURS, MAP_SOME, another_colour_map
from verm.judge.scene.chart.panels import value_moves
from verm.judge.scene.chart.series import NOLINE, Series, labelled
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Findings, Unit
from verm.judge.scene.matching import greedy_pairs
from verm.judge.scene.text import fmt_number, text_severity


def compare_bars(out: Findings, r: Series, c: Series, name: str, loc: str, ctx: AxCtx, tag: dict[str, Any]) -> None:
    horizontal = r.kind == "barh"
    pos, val = ("y", "width") if horizontal else ("x", "height")
    size = "height" if horizontal else "width"
    axis = "x" if horizontal else "y"

    def centre(p: dict[str, Any]) -> float:
        return float(p.get(pos) or 0) + float(p.get(size) or 0) / 2

    ra = sorted(r.items, key=centre)
    ca = sorted(c.items, key=centre)
    if len(ra) == len(ca):
        pairs = _moved_with_names(ra, ca, ctx, "y" if horizontal else "x", centre, val)
        lost: list[int] = []
        added: list[int] = []
    elif (named := _pairs_by_category(ra, ca, ctx, "y" if horizontal else "x", centre)) is not None:
        pairs, lost, added = named
    else:
        width = max((abs(float(p.get(size) or 0)) for p in ra), default=1.0) or 1.0
        pairs, lost, added = greedy_pairs(ra, ca, lambda i, a, j, b: -abs(centre(a) - centre(b)) / width, minimum=-0.5)
    if len(lost) + len(added) > 2:
        # Many bars gone or new (a histogram re-binned because its data changed): one change of the series. Under
        # half of them left shows none of its data (no edit of values takes bars away): lost, for the pile-up.
        few = {"replaced": True} if len(ca) < len(ra) / 2 else {}
        out.add("data_error", 3 if len(lost) + len(added) > len(ra) / 2 else 2, loc,
                f"{name} has {len(ca)} bars, should have {len(ra)}", c.bbox or r.bbox, **tag, **few)  # fmt: skip
        return
    # Bars gone or new at one place in several series (a category dropped or added to stacked or grouped
    # bars) are one discrepancy: their units share the place.
    for i in lost:
        at = f"{round(centre(ra[i]), 3):g}{ctx.bar_at(centre(ra[i]), horizontal)}"
        out.add("data_error", 2, loc, f"bar {i + 1}{ctx.bar_at(centre(ra[i]), horizontal)} of {name} is missing",
                ra[i].get("bbox"), Unit("bars missing", None, at, "bar", ctx.where), **tag)  # fmt: skip
    for j in added:
        at = f"{round(centre(ca[j]), 3):g}{ctx.bar_at(centre(ca[j]), horizontal)}"
        out.add("data_error", 2, loc, f"bar {j + 1}{ctx.bar_at(centre(ca[j]), horizontal)} of {name} should not "
                "be there", ca[j].get("bbox"), Unit("bars added", None, at, "bar", ctx.where), **tag)  # fmt: skip
    scale = max((abs(float(p.get(val) or 0)) for p in ra), default=0.0)
    span = ctx.span(axis)
    diffs = []
    for i, j in pairs:
        x, y = float(ra[i].get(val) or 0), float(ca[j].get(val) or 0)
        if abs(x - y) > max(out.opts.rtol * abs(x), 1e-9 * max(1.0, scale)):
            base = float(ra[i].get(axis) or 0)
            change = ctx.reading(axis, base + x, base + y) if ctx.r.get(f"{axis}scale") == "log" else abs(x - y) / span
            diffs.append((i, j, change, x, y))
    if diffs and ctx.drove_limits(
        [float(ra[i].get(axis) or 0) + float(ra[i].get(val) or 0) for i, _ in pairs],
        [float(ca[j].get(axis) or 0) + float(ca[j].get(val) or 0) for _, j in pairs], axis,
    ):  # fmt: skip
        tag = {**tag, "rescaled": True}
    looks_tag = tag
    tag = {**tag, "moves": value_moves(axis, [(d[3], d[4]) for d in diffs])}  # (`panels.merge_shared_moves`)
    if within_old([(ra[d[0]].get("bbox"), ca[d[1]].get("bbox")) for d in diffs]):
        tag = {**tag, "off_marks": True}
    if len(diffs) == 2 and _touching(ra, pos, size) and abs(sum(d[4] - d[3] for d in diffs)) <= 1e-9 * max(1, scale):
        # A histogram whose total is kept: one sample moved from one bin to another (one changed value).
        (_i, j, rel, x, y), (_i2, j2, rel2, x2, y2) = diffs
        out.add("data_error", reading_severity(max(rel, rel2)), loc,
                f"bins {j + 1} and {j2 + 1} of {name} hold {fmt_number(y)} and {fmt_number(y2)}, should hold {fmt_number(x)} and "
                f"{fmt_number(x2)} (a value falls in the wrong bin)",
                union_box([ca[j].get("bbox"), ca[j2].get("bbox")]), **tag)  # fmt: skip
        diffs = []
    if len(diffs) >= 3:
        i, j, rel, x, y = max(diffs, key=lambda d: d[2])
        vals_a = [float(ra[i2].get(val) or 0) for i2, _ in pairs]
        vals_b = [float(ca[j2].get(val) or 0) for _, j2 in pairs]
        how = uniform_change(vals_a, vals_b)
        histogram = _touching(ra, pos, size)
        if (len(set(vals_b)) == 1 or not histogram) and values_lost(vals_a, vals_b, len(diffs)):
            # Flattened or drawn anew: the bars show none of their data (lost, for the pile-up), their own item. A
            # histogram's bins in no order of the reference's are not lost: one value re-bins a whole histogram.
            how, tag = None, {**tag, "replaced": True}
        out.add("data_error", reading_severity(rel), loc,
                f"{len(diffs)} of {len(ra)} bars of {name} differ{' (' + how + ')' if how else ''}, e.g. bar {j + 1}"
                f"{ctx.bar_at(centre(ca[j]), horizontal)} is {fmt_number(y)}, should be {fmt_number(x)}",
                ctx.with_ticks(union_box([ca[d[1]].get("bbox") for d in diffs]), axis),
                Unit("values", None, f"{how} ({axis})", "series", ctx.where) if how else None, **tag)  # fmt: skip
    else:
        for i, j, rel, x, y in diffs:
            # The change shows where the old and the new bar differ: box both. Segments of one stacked bar
            # changed in several series are one change of that stack (a row of the data edited).
            at = f"{round(centre(ra[i]), 3):g}{ctx.bar_at(centre(ra[i]), horizontal)}"
            scaled = {}
            if _stacked(ctx.r, ra[i], horizontal):
                unit: Unit | None = Unit("stack values", None, at, "stacked bar", ctx.where)
                # By what factor, so that segments of several stacks scaled alike join (`grade.merge_units`).
                scaled = {"scaled": f"{y / x:.4g}"} if x and y else {}
            else:
                # The same bar scaled alike in several series (a loop drawing one bar a call, its values edited
                # by one factor: a Gantt chart's progress bars) is one change, as for points (`values`).
                how = f"bar {i + 1} scaled by {y / x:.4g} ({axis})" if x and y else None
                unit = Unit("values", None, how, "series", ctx.where) if how else None
            out.add("data_error", reading_severity(rel), loc,
                    f"bar {j + 1}{ctx.bar_at(centre(ca[j]), horizontal)} of {name} is {fmt_number(y)}, should be {fmt_number(x)}",
                    union_box([ca[j].get("bbox"), ra[i].get("bbox")]), unit, **tag, **scaled)  # fmt: skip
    patch_looks(out, r, c, [(ra[i], ca[j]) for i, j in pairs], name, loc, ctx, looks_tag, "bar")
    wa = [abs(float(ra[i].get(size) or 0)) for i, _ in pairs]
    wb = [abs(float(ca[j].get(size) or 0)) for _, j in pairs]
    if wa and wb and min(wa) > 0 and min(wb) > 0:
        ratio = (sum(wb) / len(wb)) / (sum(wa) / len(wa))
        if ratio > 1.2 or ratio < 1 / 1.2:
            out.add("style_error", 1, loc, f"the bars of {name} are {ratio:.0%} as wide as they should be", c.bbox,
                    Unit("bar width", None, f"{ratio:.2f}", "bar series", ctx.where), **looks_tag)  # fmt: skip


def patch_looks(
    out: Findings, r: Series, c: Series, pairs: list[tuple[dict[str, Any], dict[str, Any]]], name: str, loc: str,
    ctx: AxCtx, tag: dict[str, Any], noun: str,
) -> None:  # fmt: skip
    """Colours and hatches of paired patches: one finding per (attribute, old, new), counting the patches. Shapes
    whose faces encode values (a colour map: `MAP_COLOURS` colours or more) recoloured on some of them along the
    same map are values that moved (data_error by the share changed), as a collection's members are
    (`looks.compare_colours`)."""
    groups: dict[tuple[str, Any, Any], list[dict[str, Any]]] = {}
    keys = (("facecolor", "colour"), ("edgecolor", "edge colour"), ("hatch", "hatch"))
    if r.kind == "shapes" and _values_recoloured(out, pairs, noun, loc, tag):
        keys = keys[1:]
    for a, b in pairs:
        for key, word in keys:
            x, y = a.get(key), b.get(key)
            changed = (x or "") != (y or "") if key == "hatch" else delta_e(x, y) > out.opts.colour_de
            if changed:
                groups.setdefault((word, x, y), []).append(b)
    n = max(1, len(pairs))
    for (word, x, y), members in groups.items():
        share = (r.ink / ctx.ink if ctx.ink > 0 else r.weight / max(ctx.weight, 1e-9)) * len(members) / n
        unit = Unit(word, None if x is None else str(x), None if y is None else str(y), noun, ctx.where, len(members),
                    max(len(members), ctx.counts.get(noun, len(members))), share,
                    word != "hatch" and ctx.confusable(x, y), ctx.frame)  # fmt: skip
        if len(members) == n:
            what = f"the {word} of {name}"
        elif r.kind == "shapes":
            what = f"the {word} of {len(members)} of the {n} {noun}s"
        else:
            what = f"the {word} of {len(members)} of {n} {noun}s of {name}"
        sev = 1 if word != "colour" else out.colour_severity(x, y)
        out.add("style_error", sev, loc, f"{what} is {y or 'none'}, should be {x or 'none'}",
                union_box([m.get("bbox") for m in members]), unit, **tag)  # fmt: skip


def _values_recoloured(
    out: Findings, pairs: list[tuple[dict[str, Any], dict[str, Any]]], noun: str, loc: str, tag: dict[str, Any]
) -> bool:
    """Shapes coloured by a colour map (a periodic table's cells) whose faces changed on some of them, to colours
    the map holds: the values they encode differ. True when reported."""
    faces = [a.get("facecolor") for a, _ in pairs]
    bad = [(a, b) for a, b in pairs if delta_e(a.get("facecolor"), b.get("facecolor")) > out.opts.colour_de]
    if len(set(faces)) < MAP_COLOURS or not 0 < len(bad) < MAP_SOME * len(pairs):
        return False
    olds, news = [a.get("facecolor") for a, _ in bad], [b.get("facecolor") for _, b in bad]
    if None in olds or None in news or another_colour_map(olds, news, faces, out.opts.colour_de):
        return False
    out.add("data_error", reading_severity(len(bad) / len(pairs)), loc,
            f"{len(bad)} of the {len(pairs)} {noun}s are coloured differently (the values their colours encode differ)", union_box([b.get("bbox") for _, b in bad]), **tag)  # fmt: skip
    return True


def within_old(boxes: list[tuple[Any, Any]]) -> bool:
    """Whether each changed patch's new box (image fractions) lies inside its old one, give or take
    ``IN_PLACE``: shrunk, or drawn in place under limits that scaled with the values. Its change then shows
    where the old patch was (or on the axis' tick labels), not on the new patch's pixels, so a look change of
    the patches lies apart from it."""
    if not boxes:
        return False
    for old, new in boxes:
        a, b = clean_box(old), clean_box(new)
        if a is None or b is None:
            return False
        if b[0] < a[0] - IN_PLACE or b[1] < a[1] - IN_PLACE or b[2] > a[2] + IN_PLACE or b[3] > a[3] + IN_PLACE:
            return False
    return True


def compare_shapes(out: Findings, r: Series, c: Series, name: str, loc: str, ctx: AxCtx, tag: dict[str, Any]) -> None:
    """Patches drawn one by one (add_patch, spans): paired in order, or by place when their number differs;
    moved or resized shapes are one discrepancy (graded by the largest move), colours one per change."""
    ra, ca = r.items, c.items
    if len(ra) == len(ca):
        pairs = list(zip(range(len(ra)), range(len(ca)), strict=True))
        lost: list[int] = []
        added: list[int] = []
    else:
        pairs, lost, added = greedy_pairs(
            ra, ca, lambda i, a, j, b: -centre_distance(a.get("bbox"), b.get("bbox")) - 1e-3 * abs(i - j), minimum=-0.05
        )  # fmt: skip
    noun = r.noun or "shape"
    if lost or added:
        n = len(lost) + len(added)
        sev = 3 if n > len(ra) / 2 else 2
        words = []
        if lost:
            words.append(f"{len(lost)} of the {len(ra)} {noun}s are missing")
        if added:
            words.append(f"{len(added)} {noun}s should not be there")
        out.add("data_error", sev, loc, f"{name}: " + "; ".join(words),
                union_box([ra[i].get("bbox") for i in lost] + [ca[j].get("bbox") for j in added]), **tag)  # fmt: skip
    moved = []
    for i, j in pairs:
        a, b = ra[i], ca[j]
        if all(isinstance(p.get(k), (int, float)) for p in (a, b) for k in ("x", "y", "width", "height")):
            # A rectangle's own numbers (a span's height is in axes units, so not its box in data units).
            shift = max(
                ctx.reading("x", a["x"], b["x"]), ctx.reading("x", a["x"] + a["width"], b["x"] + b["width"]),
                ctx.reading("y", a["y"], b["y"]), ctx.reading("y", a["y"] + a["height"], b["y"] + b["height"]),
            )  # fmt: skip
        else:
            shift = ctx.box_shift(a.get("bbox"), b.get("bbox"))
        if shift > VISIBLE and not (on_bar_ends(ctx.r, a.get("bbox")) and on_bar_ends(ctx.c, b.get("bbox"))):
            moved.append((shift, j))
    if moved:
        worst, j = max(moved)
        desc = (
            f"{len(moved)} of {len(ra)} {noun}s moved or changed size"
            if len(moved) > 1
            else f"{noun} {j + 1} moved or changed size"
        )
        if sum(_collapsed(ra[i], ca[j]) for i, j in pairs) >= LOST_CHANGED * len(ra):
            # Flattened to lines (a histogram drawn as one outline collapsed): they show none of their data.
            tag = {**tag, "replaced": True}
        boxes = {j: ra[i].get("bbox") for i, j in pairs}
        how = {"off_marks": True} if within_old([(boxes[k], ca[k].get("bbox")) for _, k in moved]) else {}
        if len(moved) > 1 and 2 * len(moved) >= len(ra):
            how["broad"] = True  # most of them moved (`panels.merge_looped`)
        out.add("data_error", reading_severity(worst), loc, f"{desc} (by up to {worst:.0%} of the axis range)",
                union_box([ca[k].get("bbox") for _, k in moved]), **tag, **how)  # fmt: skip
    patch_looks(out, r, c, [(ra[i], ca[j]) for i, j in pairs], name, loc, ctx, tag, noun)


#: Two box sides (image fractions) this close are one edge (a shape drawn on a bar's end).
EDGE = 0.002


def on_bar_ends(ax: dict[str, Any], box: Any) -> bool:
    """Whether a shape spans between the axes' bars, each side of its box on a side of a bar's box (a funnel's
    connector joins one bar's ends to the next's): drawn from the bars' values, it moves with them, their
    change."""
    b = clean_box(box)
    if b is None:
        return False
    bars = [
        q
        for p in ax.get("patches") or []
        if p.get("type") == "Rectangle"
        and all(isinstance(p.get(k), (int, float)) for k in ("x", "y", "width", "height"))
        and (q := clean_box(p.get("bbox"))) is not None
        and max(abs(u - v) for u, v in zip(q, b, strict=True)) > EDGE  # not the shape itself
    ]
    xs = [v for q in bars for v in (q[0], q[2])]
    ys = [v for q in bars for v in (q[1], q[3])]
    return len(bars) >= 2 and all(any(abs(v - e) <= EDGE for e in edges) for v, edges in
                                  ((b[0], xs), (b[2], xs), (b[1], ys), (b[3], ys)))  # fmt: skip


def _collapsed(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """A shape drawn as a line: under a tenth of the reference's height or width (where that shows, 2 % of the
    figure)."""
    ba, bb = clean_box(a.get("bbox")), clean_box(b.get("bbox"))
    if not ba or not bb:
        return False
    return any(
        ra > 0.02 and rb < 0.1 * ra for ra, rb in ((ba[3] - ba[1], bb[3] - bb[1]), (ba[2] - ba[0], bb[2] - bb[0]))
    )


def is_histogram(s: Series) -> bool:
    """A bar series whose bars stand side by side with no gap: the bins of a histogram."""
    if s.kind not in ("bar", "barh"):
        return False
    pos, size = ("y", "height") if s.kind == "barh" else ("x", "width")
    return len(s.items) >= 3 and _touching(sorted(s.items, key=lambda p: float(p.get(pos) or 0)), pos, size)


def _touching(bars: list[dict[str, Any]], pos: str, size: str) -> bool:
    """Bars side by side with no gap (a histogram)."""
    if len(bars) < 2:
        return False
    for p, q in itertools.pairwise(bars):
        end = float(p.get(pos) or 0) + float(p.get(size) or 0)
        if abs(end - float(q.get(pos) or 0)) > 1e-6 * max(1.0, abs(end)):
            return False
    return True


#: A slice's edge moved this far at the pie's rim (pixels) shows: its anti-aliased edge changes colour.
RIM_SHIFT_PX = 0.5


def _slices_nudged(out: Findings, ra: list[dict[str, Any]], ca: list[dict[str, Any]], loc: str, ctx: AxCtx) -> None:
    """Shares changed by under half a percentage point (values scaled, then rounded) move the slices' edges a
    little: it shows when an edge moves half a pixel or more at the rim. One change, read as the largest move."""
    try:
        # Measured from the first slice's start: a pie turned as a whole (another start angle) keeps its shares.
        turn = float(ca[0]["theta1"]) - float(ra[0]["theta1"])
        shift = max(
            abs(float(b[k]) - turn - float(a[k])) for a, b in zip(ra, ca, strict=True) for k in ("theta1", "theta2")
        )
    except (KeyError, TypeError, ValueError, IndexError):
        return
    box = union_box([a.get("bbox") for a in ra])
    if box is None or shift <= 0:
        return
    radius = min((box[2] - box[0]) * ctx.size[0], (box[3] - box[1]) * ctx.size[1]) / 2
    if radius * math.radians(shift) < RIM_SHIFT_PX:
        return
    out.add("data_error", reading_severity(shift / 360), loc,
            f"the slices' edges moved by up to {shift:.2f} degrees (their shares changed slightly)",
            union_box([b.get("bbox") for b in ca]))  # fmt: skip


def _stacked(ax: dict[str, Any], bar: dict[str, Any], horizontal: bool) -> bool:
    """Whether the bar is a segment of a stack: another bar at its place starts where it ends or ends where it
    starts (``bottom=``/``left=`` the running total)."""
    pos, size, base, val = ("y", "height", "x", "width") if horizontal else ("x", "width", "y", "height")
    if not all(isinstance(bar.get(k), (int, float)) for k in (pos, size, base, val)):
        return False
    at, start, end = bar[pos] + bar[size] / 2, bar[base], bar[base] + bar[val]
    tol = 1e-6 * max(1.0, abs(start), abs(end))
    for b in ax.get("patches") or []:
        if (
            b is bar
            or b.get("type") != "Rectangle"
            or not all(isinstance(b.get(k), (int, float)) for k in (pos, size, base, val))
        ):
            continue
        if abs(b[pos] + b[size] / 2 - at) > 1e-6 * max(1.0, abs(at)):
            continue
        if abs(b[base] - end) <= tol or abs(b[base] + b[val] - start) <= tol:
            return True
    return False


def _moved_with_names(
    ra: list[dict[str, Any]], ca: list[dict[str, Any]], ctx: AxCtx, axis: str, centre: Any, val: str
) -> list[tuple[int, int]]:
    """Bars of two categorical axes, as many on each side, in place order; paired by their category's name where
    the names were reordered and every bar kept its value with its name (a list of names swapped that the data
    are computed from: the bars moved with their names, the readings are right, the tick labels' change says
    it); else by place."""
    by_place = list(zip(range(len(ra)), range(len(ca)), strict=True))
    named = _pairs_by_category(ra, ca, ctx, axis, centre)
    if named is None or named[1] or named[2] or all(i == j for i, j in named[0]):
        return by_place
    same = all(
        abs(float(ra[i].get(val) or 0) - float(ca[j].get(val) or 0)) <= 1e-9 * max(1.0, abs(float(ra[i].get(val) or 0)))
        for i, j in named[0]
    )
    return sorted(named[0]) if same else by_place


def _pairs_by_category(
    ra: list[dict[str, Any]], ca: list[dict[str, Any]], ctx: AxCtx, axis: str, centre: Any,
) -> tuple[list[tuple[int, int]], list[int], list[int]] | None:  # fmt: skip
    """Bars of a categorical axis with a category dropped or added pair by their category's name, not by
    place: the categories after it move up one place (a row of stacked bars gone would otherwise read as every
    later bar changed, in every series). A renamed category pairs by its place between categories that kept
    their names. None unless every bar names one category on both sides and most kept their names."""

    def names(bars: list[dict[str, Any]], ax: dict[str, Any]) -> list[str] | None:
        ticks = [t.get("text", "") for t in ax.get(f"{axis}ticklabels") or []]
        out = []
        for p in bars:
            v = centre(p)
            k = round(v)
            if abs(v - k) >= 0.45 or not 0 <= k < len(ticks) or not ticks[k]:
                return None
            out.append(ticks[k])
        return out if len(set(out)) == len(out) else None

    if not ctx.categorical(axis):
        return None
    nr, nc = names(ra, ctx.r), names(ca, ctx.c)
    if nr is None or nc is None:
        return None
    order_r = sorted(range(len(ra)), key=lambda i: centre(ra[i]))
    order_c = sorted(range(len(ca)), key=lambda j: centre(ca[j]))
    at_c = {nc[j]: j for j in order_c}
    pairs = [(i, at_c[nr[i]]) for i in order_r if nr[i] in at_c]
    if 2 * len(pairs) < min(len(ra), len(ca)) or not pairs:
        return None

    def places(order: list[int], kept_rank: dict[int, int]) -> dict[int, tuple[tuple[int, int], tuple[int, int]]]:
        """Each renamed bar's place: (the kept pair after it, how far) and (the kept pair before it, how far)."""
        out: dict[int, tuple[tuple[int, int], tuple[int, int]]] = {}
        kept_at = [k for k, i in enumerate(order) if i in kept_rank]
        for k, i in enumerate(order):
            if i in kept_rank:
                continue
            after = min((m for m in kept_at if m > k), default=None)
            before = max((m for m in kept_at if m < k), default=None)
            out[i] = ((-1, 0) if after is None else (kept_rank[order[after]], after - k),
                      (-1, 0) if before is None else (kept_rank[order[before]], k - before))  # fmt: skip
        return out

    left_r = places(order_r, {i: n for n, (i, _) in enumerate(pairs)})
    left_c = places(order_c, {j: n for n, (_, j) in enumerate(pairs)})
    for i, (after_r, before_r) in left_r.items():
        for j, (after_c, before_c) in left_c.items():
            same = (after_r == after_c and after_r[0] >= 0) or (before_r == before_c and before_r[0] >= 0)
            if same and all(j != q for _, q in pairs):
                pairs.append((i, j))
                break
    paired_r, paired_c = {i for i, _ in pairs}, {j for _, j in pairs}
    return pairs, [i for i in range(len(ra)) if i not in paired_r], [j for j in range(len(ca)) if j not in paired_c]


def compare_wedges(out: Findings, r: Series, c: Series, loc: str, ctx: AxCtx) -> None:
    ra, ca = r.items, c.items
    total_r = sum(float(p.get("theta2", 0)) - float(p.get("theta1", 0)) for p in ra) or 360.0
    total_c = sum(float(p.get("theta2", 0)) - float(p.get("theta1", 0)) for p in ca) or 360.0

    def share(p: dict[str, Any], total: float) -> float:
        return (float(p.get("theta2", 0)) - float(p.get("theta1", 0))) / total * 100

    def label(k: int, p: dict[str, Any]) -> str:
        lab = labelled(p.get("label"))
        return f"slice {k + 1}" + (f" ({lab!r})" if lab else "")

    if len(ra) != len(ca):
        _, lost, added = greedy_pairs(
            ra, ca, lambda i, a, j, b: 2.0 * (a.get("label") == b.get("label") and bool(labelled(a.get("label"))))
            + (delta_e(a.get("facecolor"), b.get("facecolor")) <= out.opts.colour_de) + 1 / (1 + abs(i - j))
        )  # fmt: skip
        for i in lost:
            out.add("data_error", 3, loc, f"{label(i, ra[i])} of the pie is missing", ra[i].get("bbox"))
        for j in added:
            out.add("data_error", 3, loc, f"{label(j, ca[j])} of the pie should not be there", ca[j].get("bbox"))
        return  # every share changes when a slice is missing; the missing slice is the error
    shares = [(share(a, total_r), share(b, total_c)) for a, b in zip(ra, ca, strict=True)]
    if any(abs(x - y) > 100 * VISIBLE for x, y in shares):  # half a percentage point: what shows
        # Changing one value changes every share. The slices whose values did not change all scale by the
        # same factor (old total / new total); the slices off that factor are the changed values.
        ratios = [y / x if x > 0 else math.inf for x, y in shares]
        clusters = [[k for k, q in enumerate(ratios) if abs(q - p) <= 2e-3 * max(p, 1e-9)] for p in ratios]
        base = max(clusters, key=len)
        if len(base) >= 2:
            changed = [k for k in range(len(ratios)) if k not in base]
        else:  # two slices, or everything changed: name the slice that changed most
            changed = [max(range(len(ratios)), key=lambda k: abs(ratios[k] - 1))]
        # Every share made equal, or drawn anew in no order of the reference's: the pie shows none of its data.
        # Counted by values, not shares: one value changed moves every share, and may turn their order (a three
        # slice donut's smallest made its largest) while the other values keep theirs.
        n_changed = len(changed) if len(base) >= 2 else sum(abs(x - y) > 100 * VISIBLE for x, y in shares)
        reason = lost_reason([x for x, _ in shares], [y for _, y in shares], n_changed)
        lost = {"replaced": True} if reason else {}
        if reason == "flattened":
            # Every share made one: nothing of the pie's data shows, whichever slice moved most (as a series
            # flattened to one value, `values.py`).
            out.add("data_error", 3, loc, f"the {len(ra)} slices of the pie are each {shares[0][1]:.1f}%, flattened "
                    f"to one value; they should be {', '.join(f'{x:.1f}' for x, _ in shares)}%",
                    union_box([b.get("bbox") for b in ca]), **lost)  # fmt: skip
            changed = []
        for k in changed:
            x, y = shares[k]
            # How differently it reads: its share of the circle.
            change = abs(y - x) / 100 if math.isfinite(ratios[k]) else 1.0
            if change < VISIBLE:
                continue
            out.add("data_error", reading_severity(change), loc,
                    f"{label(k, ca[k])} of the pie is {y:.1f}%, should be {x:.1f}%", ca[k].get("bbox"), **lost)  # fmt: skip
    else:
        _slices_nudged(out, ra, ca, loc, ctx)
    for k, (a, b) in enumerate(zip(ra, ca, strict=True)):
        x, y = a.get("facecolor"), b.get("facecolor")
        out.colour("style_error", f"the colour of {label(k, b)}", loc, x, y, b.get("bbox"),
                   Unit("colour", x, y, "slice", ctx.where, 1, len(ra), 1 / len(ra), any(
                       delta_e(o.get("facecolor"), y) < CONFUSABLE_DE for o in ca if o is not b), ctx.frame))  # fmt: skip
    # The slices' outlines (a donut's white separators) recoloured alike: one change, thin, by the colour rule.
    edges: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for a, b in zip(ra, ca, strict=True):
        x, y = a.get("edgecolor"), b.get("edgecolor")
        if delta_e(x, y) > out.opts.colour_de and outline_shows(x, y):
            edges.setdefault((a.get("edgecolor"), b.get("edgecolor")), []).append(b)
    for (x, y), members in edges.items():
        what = "the slices" if len(members) == len(ra) else f"{len(members)} of the {len(ra)} slices"
        out.add("style_error", out.colour_severity(x, y), loc, f"the edge colour of {what} is {y or 'none'}, should "
                f"be {x or 'none'}", union_box([m.get("bbox") for m in members]),
                Unit("edge colour", x, y, "slice", ctx.where, len(members), len(ra), 0.0, False, ctx.frame),
                footprint="series")  # the outlines of whole slices, not the place of a slice's value  # fmt: skip
    # Slice labels: traded places (values misattributed) -> 3, else each changed label is a text change.
    la, lb = [str(p.get("label") or "") for p in ra], [str(p.get("label") or "") for p in ca]
    # Labels drawn as texts beside the slices are read (and reported) as texts; the same texts beside other
    # slices read the same as texts, yet misattribute the values: the slices' labels tell.
    drawn = {str(t.get("text")) for ax in (ctx.r, ctx.c) for t in ax.get("texts") or []}
    if la != lb and all(labelled(x) for x in la + lb) and (not set(la + lb) <= drawn or sorted(la) == sorted(lb)):
        if sorted(la) == sorted(lb):
            moved = [k for k in range(len(la)) if la[k] != lb[k]]
            what = "; ".join(f"{lb[k]!r} instead of {la[k]!r}" for k in moved[:4])
            out.add("text_error", 3, loc, f"the slice labels traded places: {what}",
                    union_box([ca[k].get("bbox") for k in moved]))  # fmt: skip
        else:
            for k in range(len(la)):
                if la[k] != lb[k]:
                    out.add("text_error", text_severity(la[k], lb[k]), loc,
                            f"{label(k, ca[k])} is labelled {lb[k]!r}, should be {la[k]!r}", ca[k].get("bbox"))  # fmt: skip
    # Exploded slices: the wedge centre's offset from the pie centre, as a fraction of the radius.
    for k, (a, b) in enumerate(zip(ra, ca, strict=True)):
        try:
            ea = math.hypot(*map(float, a.get("center") or (0, 0))) / float(a.get("r") or 1)
            eb = math.hypot(*map(float, b.get("center") or (0, 0))) / float(b.get("r") or 1)
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if abs(ea - eb) > 0.01:
            # The slice's angle, what a reader reads its share by, is the same: 1; 2 when pulled far (a quarter
            # of the radius), the pie's outline broken.
            out.add("data_error", 1 if abs(eb - ea) < 0.25 else 2, loc,
                    f"{label(k, b)} is pulled out by {eb:.2f}, should be {ea:.2f} (explode)", b.get("bbox"))  # fmt: skip
    rr, rc = ra[0].get("r"), ca[0].get("r")
    if rr and rc and abs(rr - rc) / rr > 0.05:
        out.add("style_error", 1, loc, f"the pie radius is {rc:g}, should be {rr:g}", c.bbox)


#: Boxes of a box plot changed at once, at least this many: one change (an edit changes one box's sample).
BOXES_ALIKE = 3


def compare_boxes(
    out: Findings, kr: dict[str, list[Series]], kc: dict[str, list[Series]], where: str, ctx: AxCtx
) -> None:
    """Box plots: one discrepancy per box whose box or whisker/median lines moved (`_say_boxes`)."""
    loc = f"{where} box plot"
    ra = [p for s in kr["box"] for p in s.items]
    ca = [p for s in kc["box"] for p in s.items]
    if len(ra) != len(ca):
        out.add("data_error", 3, loc, f"the plot has {len(ca)} boxes, should have {len(ra)}",
                union_box([p.get("bbox") for p in ca]) or union_box([p.get("bbox") for p in ra]))  # fmt: skip
        return
    lr = [s.items[0] for s in kr.get("boxline", [])]
    lc = [s.items[0] for s in kc.get("boxline", [])]
    worst: dict[int, float] = {}

    def owner(line: dict[str, Any]) -> int | None:
        b = clean_box(line.get("bbox"))
        if b is None:
            return None
        cx = (b[0] + b[2]) / 2
        return min(range(len(ra)), key=lambda k: abs(cx - sum((clean_box(ra[k].get("bbox")) or (0, 0, 0, 0))[::2]) / 2))

    if len(lr) == len(lc):
        for a, b in zip(lr, lc, strict=True):
            ya, yb = a.get("y") or [], b.get("y") or []
            k = owner(a)
            if k is None:
                continue
            if len(ya) != len(yb):
                # A flier or two more or fewer (one sample pushed past a whisker) is a point or two: the least
                # change that shows; other lines that changed their number of points are a changed box.
                few = abs(len(ya) - len(yb)) <= 2 and a.get("linestyle") in NOLINE
                worst[k] = max(worst.get(k, 0.0), VISIBLE if few else 1.0)
                continue
            for x, y in zip(ya, yb, strict=True):
                if x is not None and y is not None and abs(x - y) > max(out.opts.rtol * abs(x), 1e-9):
                    worst[k] = max(worst.get(k, 0.0), ctx.reading("y", x, y))
    for k, (a, b) in enumerate(zip(ra, ca, strict=True)):
        shift = ctx.box_shift(a.get("bbox"), b.get("bbox"))
        if shift > 0.002:
            worst[k] = max(worst.get(k, 0.0), shift)
        out.colour("style_error", f"the colour of box {k + 1}", loc, a.get("facecolor"), b.get("facecolor"),
                   b.get("bbox"), Unit("colour", a.get("facecolor"), b.get("facecolor"), "box", ctx.where, 1, len(ra),
                                       1 / len(ra), frame=ctx.frame))  # fmt: skip
    _say_boxes(
        out,
        loc,
        [
            (f"{k + 1}{ctx.at_box(ra[k])}", reading_severity(rel), rel, ca[k].get("bbox"))
            for k, rel in sorted(worst.items())
        ],
    )


def _say_boxes(out: Findings, loc: str, changed: list[tuple[str, int, float, Any]]) -> None:
    """Boxes whose statistics differ, each (its name, severity, largest relative change, box): one discrepancy a
    box; one for all from `BOXES_ALIKE` on (most edits change one box's sample; boxes changed three at a time were
    moved or redrawn by one: their positions scaled, the data set drawn again)."""
    if len(changed) >= BOXES_ALIKE:
        names = [name for name, _, _, _ in changed]
        out.add("data_error", max(sev for _, sev, _, _ in changed), loc,
                f"boxes {', '.join(names[:-1])} and {names[-1]} show different statistics (quartiles, median or "
                f"whiskers differ by up to {max(rel for _, _, rel, _ in changed):.0%})",
                union_box([box for _, _, _, box in changed]))  # fmt: skip
        return
    for name, sev, rel, box in changed:
        out.add("data_error", sev, loc,
                f"box {name} shows different statistics (quartiles, median or whiskers differ by up to {rel:.0%})",
                box)  # fmt: skip


def compare_line_boxes(out: Findings, sr: list[Series], sc: list[Series], where: str, ctx: AxCtx) -> None:
    """Box plots drawn with lines only: one discrepancy per box position whose lines moved (`_say_boxes`)."""
    loc = f"{where} box plot"
    gr, gc = _by_position([s.items[0] for s in sr]), _by_position([s.items[0] for s in sc])
    if len(gr) != len(gc):
        out.add("data_error", 3, loc, f"the plot has {len(gc)} boxes, should have {len(gr)}",
                     union_box([s.bbox for s in sc]))  # fmt: skip
        return
    changed: list[tuple[str, int, float, Any]] = []
    for k, (a, b) in enumerate(zip(gr, gc, strict=True)):
        # Fliers (one sample pushed past a whisker, or back) are a point or two: read the box's lines alone.
        fliers = _few_fliers(a, b)
        if fliers:
            a, b = (
                [line for line in a if line.get("linestyle") not in NOLINE],
                [line for line in b if line.get("linestyle") not in NOLINE],
            )
        ya = [v for line in a for v in line.get("y") or []] + [v for line in a for v in line.get("x") or []]
        yb = [v for line in b for v in line.get("y") or []] + [v for line in b for v in line.get("x") or []]
        if fliers and ya == yb:
            out.add(
                "data_error", 1, loc, f"box {k + 1} shows other outliers", union_box([line.get("bbox") for line in b])
            )
            continue
        if len(ya) != len(yb):
            rel = 1.0
        else:
            rels = [
                abs(x - y) / max(abs(x), 1e-9) for x, y in zip(ya, yb, strict=True) if x is not None and y is not None
            ]
            rel = max(rels, default=0.0)
        if rel > out.opts.rtol:
            change = max((ctx.reading("y", x, y) for line_a, line_b in zip(a, b, strict=False)
                          for x, y in zip(line_a.get("y") or [], line_b.get("y") or [], strict=False)), default=1.0)  # fmt: skip
            sev = reading_severity(change if len(ya) == len(yb) else 1.0)
            changed.append((str(k + 1), sev, rel, union_box([line.get("bbox") for line in b])))
    _say_boxes(out, loc, changed)


def _few_fliers(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> bool:
    """Whether two boxes' flier lines (markers only) differ by one or two points while their other lines keep
    their number of points."""
    fa = [len(line.get("y") or []) for line in a if line.get("linestyle") in NOLINE]
    fb = [len(line.get("y") or []) for line in b if line.get("linestyle") in NOLINE]
    rest_a = [len(line.get("y") or []) for line in a if line.get("linestyle") not in NOLINE]
    rest_b = [len(line.get("y") or []) for line in b if line.get("linestyle") not in NOLINE]
    return rest_a == rest_b and 0 < abs(sum(fa) - sum(fb)) <= 2  # an empty flier line may sit elsewhere


def _by_position(lines: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group box-plot lines by the box they belong to (the rounded position on the category axis)."""

    def centre(line: dict[str, Any], key: str) -> float:
        vals = [v for v in line.get(key) or [] if v is not None]
        return sum(vals) / len(vals) if vals else 0.0

    kx = {round(centre(line, "x")) for line in lines}
    ky = {round(centre(line, "y")) for line in lines}
    key = "x" if len(kx) <= len(ky) else "y"
    groups: dict[int, list[dict[str, Any]]] = {}
    for line in lines:
        groups.setdefault(round(centre(line, key)), []).append(line)
    return [groups[k] for k in sorted(groups)]
