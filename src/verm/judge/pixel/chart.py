"""Charts: the region steps with the chart's own between them.

Blocks moved over plotted marks are moved blocks; colours trading places in the plot are marks
moving; a series redrawn in a new colour is one recolouring; tick labels changed on one axis are one
axis change (`chart_axis`); axis labels are read on their own; what is left inside the plot frame is
one data change (or another chart type, or a marker/line style). Rules in full: docs/judges.md.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from verm.judge.grouping import DisjointSets
from verm.judge.pixel.chart_axis import (
    AXIS_WIDENED,
    _axis_change,
    _axis_fit,
    _subplot_scale_change,
    same_labels_moved,
)
from verm.judge.pixel.chart_axis import tick_axis as _tick_axis
from verm.judge.pixel.chart_axis_labels import _axis_label_items
from verm.judge.pixel.chart_dropped import dropped_series_items
from verm.judge.pixel.chart_frames import _colour_box
from verm.judge.pixel.chart_legend import legend_entries_of_series
from verm.judge.pixel.chart_missing import _hidden_plot_items
from verm.judge.pixel.chart_palette import _palette_kept
from verm.judge.pixel.chart_pie import pie_changes
from verm.judge.pixel.chart_reading import graded_by_reading, values_read_anew
from verm.judge.pixel.chart_recolour import (
    _legend_entry_of_change,
    _main_colours,
    _one_recolouring,
    _palette_changes,
    _plot_colours,
    _recoloured_only,
    _series_dropped,
    _values_recoloured,
)
from verm.judge.pixel.chart_relayout import (
    LEGEND_MOVE,
    _cartesian_axes,
    _occluded_by_moves,
    _one_block,
    _refit_items,
    _swapped_labels,
)
from verm.judge.pixel.chart_resized import _drawn_resized
from verm.judge.pixel.chart_shared import shared_recolourings
from verm.judge.pixel.chart_style import _line_style_changed, dashes_changed, markers_changed
from verm.judge.pixel.chart_words import text_blocks_gone, words_over_marks
from verm.judge.pixel.classify import _looks_like_text, _presence
from verm.judge.pixel.colour import _dominant, _hex, _rgb_de
from verm.judge.pixel.context import _Ctx, _Item, _pad_box
from verm.judge.pixel.difference import Region
from verm.judge.pixel.explain import _skipped, _unexplained
from verm.judge.pixel.geometry import PxBox, _box_area, _box_iou, _box_overlap, _covers, _grid_word, _inside, _union
from verm.judge.pixel.grade import _recolouring_severity
from verm.judge.pixel.group import (
    _colour_groups,
    _moved_block_items,
    _moved_pairs,
    _recolouring_item,
    _region_item,
    _text_items,
)
from verm.judge.pixel.layout import (
    _long_lines,
    colour_bars,
    subplot_frames,
)
from verm.judge.pixel.text import _fold_tick_labels

#: Normalised correlation at which a changed block of the reference is found again elsewhere.
MOVED_MATCH = 0.85


def _chart_items(c: _Ctx, regions: list[Region], skip: list[PxBox], max_ocr: int) -> list[_Item]:
    """A chart's diff regions as items: the steps every task shares (`verm.judge.pixel.group`) with
    the chart's own between them (see the module docstring)."""
    h, w = c.h, c.w
    # (words changed over a mark, before a tint or a recolouring takes them)
    words, regions = words_over_marks(c, [r for r in regions if not _skipped(c, r.bbox, skip)], max_ocr)
    todo = _unexplained(c, regions, skip)

    # 1. Moved blocks (a legend placed elsewhere, a shifted element): one item for both places.
    # Tick labels that moved belong to an axis change (grouped below), not to a moved block.
    movable = [k for k, r in enumerate(todo) if _tick_axis(c, r) is None]
    moved = [(movable[i], movable[j]) for i, j in _chart_moved_pairs(c, [todo[k] for k in movable])]
    if c.frame is not None:
        # Several blocks moving inside the plot are marks that moved (a data change), not a legend.
        in_plot = [(i, j) for i, j in moved if _inside(todo[i].bbox, c.frame, 2) and _inside(todo[j].bbox, c.frame, 2)]
        if len({j for _, j in in_plot}) >= 2 and not _one_block(c, [(todo[i], todo[j]) for i, j in in_plot]):
            moved = [m for m in moved if m not in in_plot]
    items, done = _moved_block_items(c, todo, moved)
    items.extend(words)

    # 1b. One colour change shared by many separate patches (a bracket's boxes, a calendar's edges): one item;
    # what else changed in those regions (a line dashed through them) is read on as regions of its own.
    shared, taken, left = shared_recolourings(c, todo, done)
    items.extend(shared)
    done |= taken
    todo = [*todo, *left]

    # 2. Colour-only changes, grouped by (old colour, new colour): a bar and its legend swatch are one edit.
    colour_groups, rest = _colour_groups(todo, done)
    plot_colours = _plot_colours(c) if c.frame is not None else []

    def traded(key: Region) -> bool:
        # A→B beside B→A inside the plot: marks moved over one another; a recolouring is one way.
        return any(
            _rgb_de(k.ref_colour, key.cand_colour) < 12 and _rgb_de(k.cand_colour, key.ref_colour) < 12
            for k, _ in colour_groups
        )

    recolourings: list[tuple[_Item, bool]] = []
    added: _Item | None = None  # new marks drawn over the old ones: one added series
    legend_box: PxBox | None = None  # where a translucent legend left or covered marks
    found: list[list[PxBox]] = []

    def subplots() -> list[PxBox]:
        if not found:
            found.append(subplot_frames(c.ref, c.ref_ink))
        return found[0]

    for key, members in colour_groups:
        box = _union([m.bbox for m in members])
        in_plot = c.frame is not None and all(_inside(m.bbox, c.frame) for m in members)
        if in_plot and (
            traded(key)
            or (
                any(_rgb_de(key.cand_colour, pc) < 10 for pc in plot_colours)
                and any(_rgb_de(key.ref_colour, pc) < 10 for pc in plot_colours)
            )
        ):
            # One plotted colour now shows where another was: marks moved (stacked bars, a series
            # added or dropped), which the data change reports; not a recolouring.
            rest.extend(members)
            continue
        if _palette_kept(c, key.ref_colour, key.cand_colour, [(k.ref_colour, k.cand_colour) for k, _ in colour_groups]):
            rest.extend(members)  # the palette kept, the old colour still drawn: marks moved (a wedge grew)
            continue
        over = _drawn_over(c, key, members) if in_plot else None
        if over == "moved":
            rest.extend(members)  # marks of a colour the plot shows moved over others: the data change
            continue
        if over == "added":
            if added is not None:  # the same added series over marks of another colour (or its edges' shade)
                added.box, added.parts = _union([added.box, box]), [*added.pieces, *(m.bbox for m in members)]
                continue
            added = _Item(
                "data_error", 3, box,
                f"Marks in {_hex(key.cand_colour)} are drawn over part of the reference's {_hex(key.ref_colour)} "
                "ones (an added series).", "plot", parts=[m.bbox for m in members],
            )  # fmt: skip
            items.append(added)
            continue
        if in_plot and legend_box is None and _legend_tint(key):
            # The legend's translucent box left these marks (or came over them): half a legend move.
            legend_box = box
            items.append(
                _Item(
                    "style_error", 1, box, "The legend moved: its translucent box no longer covers the same marks.",
                    "moved", parts=[m.bbox for m in members],
                )
            )  # fmt: skip
            continue
        # (without one plot frame, inside a subplot's is inside the plot for grouping them)
        in_subplot = c.frame is None and all(any(_inside(m.bbox, f, 2) for f in subplots()) for m in members)
        # (a colour bar's recolouring is its colour map's, as the plot's is: one change together)
        in_bar = all(any(_inside(m.bbox, b, 2) for b in colour_bars(c.ref, c.ref_ink)) for m in members)
        # (no frame at all: inside the box of the chart's coloured data, a heatmap's cells on white lines)
        data = _colour_box(c) if c.frame is None and not in_subplot else None
        in_data = data is not None and all(_inside(m.bbox, data, 2) for m in members)
        recolourings.append((_recolouring_item(c, key, members), in_plot or in_subplot or in_bar or in_data))
    recolour_pairs = [it.colours for it, _ in recolourings if it.colours]
    for it, in_plot in _one_recolouring(recolourings):
        if in_plot and c.frame is not None:
            it = _values_recoloured(c, it, plot_colours)
            if it.category == "style_error":
                it.severity = _recolouring_severity(c, it, plot_colours)
        items.append(it)

    # 3. Tick labels: several changed on one axis is one axis change, not many text errors.
    axis_groups: dict[str, list[Region]] = {}
    for r in rest:
        ax = _tick_axis(c, r) if not _upright_stroke(r, w, h) else None
        if ax:
            axis_groups.setdefault(ax, []).append(r)
    # Glyphs in the same places drawn a little differently (resampling) are no new tick labels.
    # (one region is a group when it is a column of them: only the y tick labels reach that tall)
    axis_groups = {
        k: v
        for k, v in axis_groups.items()
        if (len(v) >= 2 or v[0].height >= 0.2 * h) and not all(_same_ink(r) for r in v)
    }
    grouped = {id(r) for v in axis_groups.values() for r in v}

    # 4. Text read by OCR (largest regions first, within the OCR budget).
    text, geometry = _text_items(c, [r for r in rest if id(r) not in grouped], max_ocr)
    items.extend(text)

    # 5. What changed inside the plot is one data change (or the axis change that moved it).
    if c.frame is not None:
        inner = [r for r in geometry if _inside(r.bbox, c.frame, 2)]
        geometry = [r for r in geometry if not _inside(r.bbox, c.frame, 2)]
        if legend_box is not None:
            # The legend's other place: the one plot region of the legend's size (its box, text and
            # swatches over other marks), the rest of the same move.
            lw, lh = legend_box[2] - legend_box[0], legend_box[3] - legend_box[1]
            other = [
                r for r in inner if 0.7 < r.width / max(lw, 1) < 1.4 and 0.7 < r.height / max(lh, 1) < 1.4
            ]  # fmt: skip
            if len(other) == 1:
                move = next(it for it in items if it.box == legend_box and it.kind == "moved")
                move.box, move.parts = _union([legend_box, other[0].bbox]), [*move.pieces, other[0].bbox]
                inner = [r for r in inner if r is not other[0]]
        # The axes re-fitted around a legend moved out of (or into) them: the same data drawn in a
        # larger or smaller plot. Its marks stretched, its tick labels re-spaced for the new length
        # and the plot's edges moved are that one layout change (`_refit_items`).
        resized = bool(inner or axis_groups or geometry) and _drawn_resized(c) and _cartesian_axes(c)
        refit: _Item | None = None
        if resized:
            refit, inner, geometry = _refit_items(c, inner, geometry)
            items.append(refit)
        # (words: thin strokes in several glyphs, a legend's one or two lines of them)
        words = [
            todo[i].bbox
            for i, j in moved
            if todo[i].stroke_ratio >= 0.35 and todo[i].ink_blobs >= 2 and _moved_far(c, todo[i], todo[j])
        ]
        inner = _occluded_by_moves(c, inner, items, words)
        # The plot's data replaced by marks that follow none of them cost what they hide, whatever the y axes
        # did: no axis change takes the plot's changes then (random dots over new limits). (New x tick labels
        # move the marks sideways, where the marks are not compared: that axis takes them, as before.)
        hidden = _hidden_plot_items(c, inner, replaced=True) if inner and "x" not in axis_groups else []
        if hidden:
            inner = []
        data_item: _Item | None = None  # the item that took the plot's change
        swap: _Item | None = None  # two tick labels swapped
        rescaled: _Item | None = None  # the first axis change that took the plot's changes (not by words)
        # (the x-axis last: its new limits may be the value axis's change's doing)
        for ax, members in sorted(axis_groups.items(), key=lambda kv: kv[0] == "x"):
            swapped = _swapped_labels(c, members)
            for i, j in swapped:
                a, b = members[i], members[j]
                if swap is not None:
                    # The same categories swapped on both axes (a matrix's rows and columns): one edit.
                    swap.box, swap.parts = _union([swap.box, a.bbox, b.bbox]), [*swap.pieces, a.bbox, b.bbox]
                    continue
                swap = _Item(
                    "text_error", 3, _union([a.bbox, b.bbox]),
                    f"Two {ax}-axis tick labels are swapped (each is drawn where the other was).", "text",
                    parts=[a.bbox, b.bbox],
                )  # fmt: skip
                items.append(swap)
            members = [m for k, m in enumerate(members) if all(k not in pair for pair in swapped)]
            if not members:
                continue
            box = _union([m.bbox for m in members])
            change = _axis_change(c, box, ax)
            if change is None:
                continue
            cat, sev, note = change
            parts = [m.bbox for m in members]
            if cat == "text_error" and swap is not None:
                # The same categories swapped on both axes (a matrix's rows and columns), read by OCR: one edit.
                swap.box, swap.parts = _union([swap.box, box]), [*swap.pieces, *parts]
                continue
            if refit is not None and cat == "data_error" and sev < 3:
                # Tick labels re-spaced along a longer or shorter axis (a 5-step axis now in 2.5
                # steps), not new limits: the data are drawn alike in the re-fitted plot. (A
                # narrower range, a new scale or labels swapped are read as before.)
                refit.box, refit.parts = _union([refit.box, box]), [*refit.pieces, *parts]
                continue
            if (
                data_item is not None
                and cat == "data_error"
                and sev < 3
                and ax == "x"
                and ("numbers" in note or same_labels_moved(c, box))
            ):
                # New x limits beside the data change follow the data (the histogram's values grew,
                # its x range follows; bars retyped as a line lose their margins, the same category
                # labels moving sideways): one change to an annotator. (A twin axis is its own series';
                # a narrower range may clip data: its own change.)
                data_item.box = _union([data_item.box, box])
                data_item.parts = [*data_item.pieces, *parts]
                continue
            # (tick labels renamed or swapped move no mark: the plot's changes are an edit of their own)
            took = bool(inner) and cat != "text_error"
            if took:
                fit = _axis_fit(c)
                # A data change beside the axis is its own item when the axis turned log or its
                # limits were set by hand; limits that follow the data are that change's doing.
                if fit and fit.item and (cat == "structure_error" or fit.limits_set):
                    # The axis turned log, or its limits were set by hand, and the marks changed
                    # beyond it too: both over the same marks (the new axis moved every one of
                    # them), one change to an annotator as the ground truth merges overlapping
                    # edits; the worse of the two.
                    box = _union([box, fit.item.box])
                    parts = [*parts, *fit.item.pieces]
                    if fit.item.severity > sev:
                        cat, sev = fit.item.category, fit.item.severity
                    note = f"{note}; {fit.item.description[:-1].lower()}"
                else:
                    box = _union([box, *(m.bbox for m in inner)])
                    if (
                        cat == "data_error"
                        and ax == "y"
                        and fit
                        and fit.item is None
                        and not fit.limits_set
                        and fit.in_place < 0.8
                        and "widened" in note
                    ):
                        # A wider range the marks moved to follow, its margins kept (bars from 0; limits
                        # set by hand are graded below): values read the same (chart_axis).
                        sev = 1
                    elif cat == "data_error" and not (fit and fit.item is None and fit.limits_set):
                        # The data moved with the axis: as severe as the marks' change, at least
                        # (unless limits set by hand moved them, all of them alike).
                        sev = max(sev, _plot_item(c, inner).severity)
                    elif cat == "data_error" and fit:
                        # Limits set by hand, every mark following them: graded by how much wider the
                        # range is, the perturbation rule's steps (narrowed 3, under 1.5 times 1, else 2).
                        sev = 3 if fit.widened < 0.95 else (1 if fit.widened < AXIS_WIDENED else 2)
                    if cat == "data_error":
                        # What the marks read on the new ticks says whether the values changed (chart_reading).
                        sev, note, y_range = graded_by_reading(c, ax, sev, fit, note)
                        if y_range is not None:
                            items.append(y_range)
                    if cat == "data_error" and sev < 3 and _series_dropped(c, plot_colours):
                        # One of the plot's series is gone beside the new range: marks that follow the
                        # axis do not say the data are the same (a series dropped is a severe change).
                        sev, note = 3, f"{note}; a series' colour is gone from the plot"
                inner = []
            elif cat == "data_error" and not inner:
                # New ticks over marks that stayed (a scatter scaled under an autoscaled axis) may read
                # other values: a data change.
                sev, note = values_read_anew(c, ax, sev, note)
            if cat != "text_error" and rescaled is not None and not skip:
                # A second axis rescaled beside the first, which took the plot's changes (a twin axis, the x range
                # after a retype): one change, as the truth merges the edits under one place, graded by the worse.
                # (Not beside data hidden, ``skip``: axes emptied or drawn afresh, a hack's, stay items of their own.)
                if sev > rescaled.severity:
                    rescaled.category, rescaled.severity = cat, sev
                rescaled.box, rescaled.parts = _union([rescaled.box, box]), [*rescaled.pieces, *parts]
                continue
            items.append(
                _Item(cat, sev, box, f"The {ax}-axis tick labels changed ({note}).", f"{ax}-axis", parts=parts)
            )
            if cat != "text_error" and took:
                rescaled = items[-1]  # (an axis that took the plot's changes: its marks moved with it)
            if cat == "text_error" and swap is None:
                swap = items[-1]  # (labels swapped: the other axis's swap of the same categories joins it)
            if data_item is None and (took or cat == "data_error"):
                data_item = items[-1]  # (the data's own change, or its values' new range)
        hidden = hidden or (_hidden_plot_items(c, inner) if inner else [])
        if not hidden:
            # (a legend or a note gone inside the plot is a change of its own, after the readings of data hidden,
            # whose regions it may be the only one of)
            gone, inner = text_blocks_gone(c, inner, max_ocr)
            items.extend(gone)
        plot_item = _plot_item(c, inner) if inner and not hidden else None
        items.extend(hidden)
        if plot_item is not None:
            items.append(plot_item)
            items.extend(dropped_series_items(c, inner, plot_item))
        if any(it.kind == "y-axis" for it in items):
            # The y-axis changed: what is left beside it, reaching the frame, is its tick labels re-drawn.
            fx0, fy0, _, fy1 = c.frame
            geometry = [
                r
                for r in geometry
                if not (
                    r.bbox[2] >= fx0 - 0.02 * w
                    and r.bbox[0] < fx0
                    and fy0 - 0.03 * h < (r.bbox[1] + r.bbox[3]) / 2 < fy1 + 0.03 * h
                )
            ]
        items.extend(_palette_changes(c, items, plot_colours))
        if plot_item is not None and _recoloured_only(
            inner, recolour_pairs + [it.colours for it in items if it.colours]
        ):
            # The plot's changes are a recolouring already reported (by identity: an equal item may stand).
            items = [it for it in items if it is not plot_item]
        items.extend(_axis_label_items(c, todo, items, max_ocr))
    # (Without a frame no region is a tick label: `_tick_axis` needs the frame, so no axis groups.)

    # 6. Everything else, one item per region; in a grid of subplots (no one plot frame), what
    # changed inside each subplot is one change, and so is the same change repeated across them.
    if c.frame is None:
        repeated, geometry = _subplot_changes(c, geometry)
        items.extend(repeated)
        cells = [r for r in geometry if _ink_in_place(r) and not _looks_like_text(r, h)]
        if len(cells) >= 3:
            # Marks recoloured in place, each a cell of a colour grid (a heatmap without a frame):
            # the values changed, one change, graded by the share of the chart it recolours.
            # Colour-only changes among those cells are cells of the same grid.
            geometry = [r for r in geometry if all(r is not k for k in cells)]
            grid = _union([r.bbox for r in cells])
            among = [it for it in items if it.kind == "colour" and _inside(it.box, grid, 2)]
            items = [it for it in items if all(it is not k for k in among)]
            share = (sum(r.area for r in cells) + sum(_box_area(p) for it in among for p in it.pieces)) / float(h * w)
            items.append(
                _Item(
                    "data_error", 1 if share < 0.005 else (2 if share < 0.04 else 3), grid,
                    f"{len(cells)} marks drawn in other colours in their places ({100 * share:.1f}% of the image).",
                    "plot", parts=[r.bbox for r in cells] + [p for it in among for p in it.pieces],
                )
            )  # fmt: skip
        # Lines drawn dashed or dotted along their paths, no plot frame round them (spines hidden: a bump chart):
        # one line-style change, as inside a frame (`_plot_change`), not ink missing region by region.
        strokes = [r for r in geometry if not _looks_like_text(r, h)]
        if len(strokes) >= 2 and _line_style_changed(c, strokes):
            geometry = [r for r in geometry if all(r is not k for k in strokes)]
            items.append(
                _Item(
                    "style_error", 1, _union([r.bbox for r in strokes]),
                    "Lines are drawn otherwise along the same paths (line style).", "plot",
                    parts=[r.bbox for r in strokes],
                )
            )  # fmt: skip
    if c.frame is not None:
        geometry = [r for r in geometry if not _legend_entry_of_change(c, r, items, plot_colours)]
    items.extend(_region_item(c, r) for r in geometry)
    items = legend_entries_of_series(c, _fold_tick_labels(c, items, skip))
    return pie_changes(c, _subplot_scale_change(c, items))


def _upright_stroke(r: Region, w: int, h: int) -> bool:
    """One upright stroke (one blob, three times as tall as wide, taller than a line of text, thin): a mark, a
    target tick beside a frame found too small, not a tick label; its change is the plot's, not the axis's (read
    by OCR with the labels around it, the same labels, it would go unreported). A column of tick labels joined
    to the spine by its ticks is one blob too, and wide."""
    return (
        r.ink_blobs == 1 and r.height >= 3 * r.width and r.height > UPRIGHT_STROKE * h and r.width <= UPRIGHT_THIN * w
    )


#: An upright stroke (`_upright_stroke`) is taller than this share of the image (a line of tick-label text is
#: shorter) and at most this share of its width wide.
UPRIGHT_STROKE, UPRIGHT_THIN = 0.04, 0.015


def _moved_far(c: _Ctx, a: Region, b: Region) -> bool:
    """``a`` moved to ``b`` (a piece of the same size, not the marks a moved piece landed on) by
    `LEGEND_MOVE` of the image at least: a legend placed elsewhere, not nudged."""
    if not (0.6 < b.width / max(a.width, 1) < 1.6 and 0.6 < b.height / max(a.height, 1) < 1.6):
        return False
    dx = (a.bbox[0] + a.bbox[2] - b.bbox[0] - b.bbox[2]) / 2 / c.w
    dy = (a.bbox[1] + a.bbox[3] - b.bbox[1] - b.bbox[3]) / 2 / c.h
    return math.hypot(dx, dy) >= LEGEND_MOVE


def _subplot_changes(c: _Ctx, regions: list[Region]) -> tuple[list[_Item], list[Region]]:
    """A chart of several subplots and no one plot frame: the regions inside each subplot's frame are
    one data change (as inside one plot), and subplots changed alike (the largest region of each of
    the same kind, missing, extra or moved, and the same colour, ΔE < 12: one series edited where
    every subplot draws it) are one change. Severity the highest of its regions'. Returns the items
    and the regions outside every subplot."""
    frames = subplot_frames(c.ref, c.ref_ink)
    if len(frames) < 2:
        return [], regions
    per: dict[int, list[Region]] = {}
    rest: list[Region] = []
    for r in regions:
        # (a region that spans two subplots, a change drawn across both, goes with the one it
        # covers most; one mostly outside every frame is no subplot's)
        over = [_box_overlap(r.bbox, f) for f in frames]
        k = int(np.argmax(over))
        if sum(over) < 0.5 * max(1, r.box_area):
            rest.append(r)
        else:
            per.setdefault(k, []).append(r)
    groups = list(per.values())
    leads = [max(g, key=lambda r: r.area) for g in groups]
    kinds = [_presence(r) or "moved" for r in leads]
    colours = [r.cand_colour if kind == "extra" else r.ref_colour for r, kind in zip(leads, kinds, strict=True)]
    sets = DisjointSets(len(groups))
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            if kinds[i] == kinds[j] and _rgb_de(colours[i], colours[j]) < 12:
                sets.union(j, i)
    out: list[_Item] = []
    for members in sets.groups():
        regs = [r for k in members for r in groups[k]]
        graded = [_region_item(c, r) for r in regs]
        lead = max(graded, key=lambda it: (it.severity, _box_area(it.box)))
        where = f" in {len(members)} subplots alike" if len(members) > 1 else ""
        out.append(
            _Item(
                "data_error", lead.severity, _union([r.bbox for r in regs]),
                f"Plotted data differ over {len(regs)} place(s){where}: {lead.description}", "plot",
                parts=[r.bbox for r in regs],
            )
        )  # fmt: skip
    return out, rest


def _chart_moved_pairs(c: _Ctx, regions: list[Region]) -> list[tuple[int, int]]:
    """`_moved_pairs`, then blocks moved over the plotted marks (`_moved_over_marks`) and the other
    pieces of each moved block (`_moved_along`)."""
    out = _moved_pairs(c, regions)
    used = {k for pair in out for k in pair}
    rg = cv2.cvtColor(c.ref, cv2.COLOR_RGB2GRAY)
    cg = cv2.cvtColor(c.cand, cv2.COLOR_RGB2GRAY)
    out.extend(_moved_over_marks(c, regions, used, rg, cg))
    out.extend((k, j) for i, j in list(out) for k in _moved_along(c, regions, used, i, j, cg))
    return out


#: A block moved keeps its tone: the candidate's match differs from it in mean grey level by at most this share
#: of the block's contrast (grey std; the marks it now covers or uncovers shift it a little). A correlation
#: ignores tone: pale bars over a tinted grid, all erased, each "matched" the bare grid beside them (the same
#: white lines; 3 x their contrast apart), reading the empty axes as a block moved.
MOVED_TONE = 0.5


def _moved_over_marks(
    c: _Ctx, regions: list[Region], used: set[int], rg: np.ndarray, cg: np.ndarray
) -> list[tuple[int, int]]:
    """Blocks (a legend) moved over plotted marks: the changed region at either end mixes the block
    with the marks it now hides or no longer hides, so the two regions differ in size. The block
    itself, searched for in the whole candidate, is found at the other region."""
    out: list[tuple[int, int]] = []
    for i, a in enumerate(regions):
        if i in used or a.changed_ref_only < 0.3 * max(a.area, 1) or a.ref_ink < 20 or min(a.width, a.height) < 12:
            continue
        x0, y0, x1, y1 = a.bbox
        found = _found_elsewhere(c, a.bbox, rg, cg)
        if found is None and (x1 >= c.w - 1 or x0 <= 0):
            # A block the canvas's edge cuts (a legend placed outside the axes) moved along it is cut
            # elsewhere in the candidate: its part away from the edge is found whole.
            half = (x0, y0, (x0 + x1) // 2, y1) if x1 >= c.w - 1 else ((x0 + x1) // 2, y0, x1, y1)
            at = _found_elsewhere(c, half, rg, cg)
            if at is not None:
                found = (at[0] - (half[0] - x0), at[1])
        if found is None:
            continue
        mx, my = found
        dest = (max(mx, 0), my, min(mx + (x1 - x0), c.w), my + (y1 - y0))
        landed = [
            j for j, b in enumerate(regions)
            if j != i and j not in used and _box_iou(dest, b.bbox) > 0.0 and _covers(b.bbox, _pad_box(dest, -2, c))
        ][:1]  # fmt: skip
        if not landed and dest != (mx, my, mx + (x1 - x0), my + (y1 - y0)):
            # (cut by the edge where it went: its pieces there, the swatches and the words, are regions
            # of their own, each inside where the block went)
            landed = [
                j for j, b in enumerate(regions)
                if j != i and j not in used and _inside(b.bbox, _pad_box(dest, 2, c), 0)
            ]  # fmt: skip
        if landed:
            # (one pair; the block's further pieces where it went pair with its first, adding no item)
            out.extend([(i, landed[0]), *((j, landed[0]) for j in landed[1:])])
            used.update((i, *landed))
    return out


def _found_elsewhere(c: _Ctx, box: PxBox, rg: np.ndarray, cg: np.ndarray) -> tuple[int, int] | None:
    """Where the candidate shows the reference's ``box`` again (top-left), moved by 5 % of the image side
    at least, at `MOVED_MATCH` and in its tone (`MOVED_TONE`); None when it does not."""
    x0, y0, x1, y1 = box
    tpl = np.ascontiguousarray(rg[y0:y1, x0:x1])
    if min(tpl.shape) < 12 or float(tpl.std()) < 3:
        return None
    res = cv2.matchTemplate(cg, tpl, cv2.TM_CCOEFF_NORMED)
    _, score, _, (mx, my) = cv2.minMaxLoc(res)
    if score < MOVED_MATCH or math.hypot(mx - x0, my - y0) < 0.05 * min(c.h, c.w):
        return None
    found = cg[my : my + (y1 - y0), mx : mx + (x1 - x0)]
    if abs(float(found.mean()) - float(tpl.mean())) > MOVED_TONE * float(tpl.std()):
        return None  # the same pattern in another tone (a correlation ignores tone): not the block
    return mx, my


def _moved_along(c: _Ctx, regions: list[Region], used: set[int], i: int, j: int, cg: np.ndarray) -> list[int]:
    """Other pieces of the block that moved from region i to region j: a legend's swatches and labels
    can be separate regions where it was and where it went (there, maybe merged with the marks it
    now covers). A piece is found where the block's move takes it (within 6 px); the regions it
    lands on are returned too."""
    a, b = regions[i].bbox, _pad_box(regions[j].bbox, 6, c)
    piece = c.ref_grey[a[1] : a[3], a[0] : a[2]].astype(np.uint8)
    if piece.shape[0] > b[3] - b[1] or piece.shape[1] > b[2] - b[0]:
        return []
    _, _, _, (mx, my) = cv2.minMaxLoc(cv2.matchTemplate(cg[b[1] : b[3], b[0] : b[2]], piece, cv2.TM_CCOEFF_NORMED))
    dx, dy = b[0] + mx - a[0], b[1] + my - a[1]  # the block's move
    out: list[int] = []
    for k, r in enumerate(regions):
        if k in used or r.changed_ref_only < 0.3 * max(r.area, 1) or r.ref_ink < 5:
            continue
        rx0, ry0, rx1, ry1 = r.bbox
        x0, y0, x1, y1 = _pad_box((rx0 + dx, ry0 + dy, rx1 + dx, ry1 + dy), 6, c)
        tpl = c.ref_grey[ry0:ry1, rx0:rx1].astype(np.uint8)
        if x1 - x0 < rx1 - rx0 or y1 - y0 < ry1 - ry0 or float(tpl.std()) < 3:
            continue
        _, score, _, (mx, my) = cv2.minMaxLoc(cv2.matchTemplate(cg[y0:y1, x0:x1], tpl, cv2.TM_CCOEFF_NORMED))
        if score < MOVED_MATCH:
            continue
        there = (x0 + mx, y0 + my, x0 + mx + rx1 - rx0, y0 + my + ry1 - ry0)
        landed = [m for m, q in enumerate(regions) if m not in used and m != k and _box_iou(there, q.bbox) > 0]
        out += [k, *landed]
        used.update([k, *landed])
    return out


def _chart_location(box: PxBox, frame: PxBox | None, w: int, h: int) -> str:
    """Words for a place in a chart, relative to the plot frame (title, legend, axis, tick labels)."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if frame is None:
        if cy < 0.1 * h:
            return "title"
        return f"{_grid_word(cx / w, cy / h)} of the chart"
    fx0, fy0, fx1, fy1 = frame
    if fx0 <= cx <= fx1 and fy0 <= cy <= fy1:
        return f"plot area, {_grid_word((cx - fx0) / max(fx1 - fx0, 1), (cy - fy0) / max(fy1 - fy0, 1))}"
    if cy < fy0:
        return "title" if (x0 < (fx0 + fx1) / 2 < x1 or abs(cx - (fx0 + fx1) / 2) < 0.15 * w) else "above the plot"
    if cy > fy1 and fx0 - 0.02 * w <= cx <= fx1 + 0.02 * w:
        return "x-axis tick labels" if y0 < fy1 + 0.045 * h else "x-axis label"
    if cx < fx0:
        # Tick labels end at the tick marks; the axis label sits further left, past the widest of them.
        return "y-axis tick labels" if x1 > fx0 - 0.035 * w else "y-axis label"
    if cx > fx1:
        return "legend (right of the plot)"
    return "below the plot"


def _drawn_over(c: _Ctx, key: Region, members: list[Region]) -> str | None:
    """Marks in another colour drawn over part of the reference's marks: a recolouring turns whole
    marks, and leaves no old colour behind; here the marks' other part keeps the old colour.
    "added" when the new colour is new to the plot (an added series, its bars shorter than the old
    ones), "moved" when the plot shows it already (its marks moved over others: a data change);
    None otherwise."""
    touched = _touched_marks(c, members)
    marks = int(touched.sum())
    if marks == 0 or sum(m.area for m in members) >= 0.8 * marks:
        return None
    if not any(_rgb_de(key.ref_colour, pc) < 12 for pc in _plot_colours(c, cand=True)):
        return None
    assert c.frame is not None
    fx0, fy0, fx1, fy1 = c.frame
    plot = c.ref[fy0:fy1, fx0:fx1]
    # The marks drawn over are of the old colour (text recoloured on a heatmap's cell is no series
    # drawn over it), and the new colour is new to the plot (marks of a colour the plot shows
    # that moved over others are a data change, `_plot_item`).
    if _rgb_de(_dominant(plot[touched]), key.ref_colour) >= 12:
        return None
    shown = _main_colours(plot[c.ref_ink[fy0:fy1, fx0:fx1]][::3], ADDED_COLOUR_SHARE)
    return "added" if all(_rgb_de(key.cand_colour, pc) >= 12 for pc in shown) else "moved"


#: matplotlib's legend box: white at this opacity over the marks.
LEGEND_ALPHA = 0.8


def _legend_tint(key: Region) -> bool:
    """The region's colour turned into its own tint under a translucent white box (`LEGEND_ALPHA`),
    or back, each channel within 8 levels: a legend's box came over marks or left them."""
    a, b = np.asarray(key.ref_colour, float), np.asarray(key.cand_colour, float)
    for under, over in ((a, b), (b, a)):
        if (
            np.abs(LEGEND_ALPHA * 255 + (1 - LEGEND_ALPHA) * under - over).max() <= 8
            and _rgb_de(key.ref_colour, key.cand_colour) > 15
        ):
            return True
    return False


def _ink_in_place(r: Region) -> bool:
    """The region's ink is where it was (at most a tenth of its inked changed pixels gained or lost
    ink): only its colour changed."""
    return r.changed_ref_only + r.changed_cand_only <= 0.1 * max(
        1, r.changed_both_ink + r.changed_ref_only + r.changed_cand_only
    )


def _same_ink(r: Region) -> bool:
    """The ink is where it was in both images; only its rendering differs."""
    inked = r.changed_both_ink + r.changed_ref_only + r.changed_cand_only
    return r.ink_iou >= 0.8 and r.changed_both_ink >= 0.6 * max(inked, 1)


#: A colour holding this share of the reference's plot ink is one the plot shows (not a new series').
ADDED_COLOUR_SHARE = 0.002


def _touched_mark_ink(c: _Ctx, regions: list[Region]) -> int:
    """Ink of the reference's marks (connected ink inside the plot frame, grid and axis lines left out)
    that the regions touch; 0 when they touch none (something drawn where there was nothing)."""
    return int(_touched_marks(c, regions).sum())


def _touched_marks(c: _Ctx, regions: list[Region]) -> np.ndarray:
    """The reference's marks the regions touch (`_touched_mark_ink`), a mask over the plot frame."""
    assert c.frame is not None
    fx0, fy0, fx1, fy1 = c.frame
    hor, ver = _long_lines(c.ref_ink, 0.3)
    marks = (c.ref_ink & ~(hor | ver))[fy0:fy1, fx0:fx1].astype(np.uint8)
    n, labels = cv2.connectedComponents(marks, connectivity=8)
    touched: set[int] = set()
    for r in regions:
        x0, y0, x1, y1 = r.bbox
        x0, y0, x1, y1 = max(x0 - fx0 - 1, 0), max(y0 - fy0 - 1, 0), max(x1 - fx0 + 1, 0), max(y1 - fy0 + 1, 0)
        touched.update(int(v) for v in np.unique(labels[y0:y1, x0:x1]))
    touched.discard(0)
    lut = np.zeros(n, bool)
    lut[list(touched)] = True
    return lut[labels]


#: A plot change that moves (adds or removes) under this share of the plot's ink is at most medium.
KEPT_INK = 0.01


def _plot_item(c: _Ctx, inner: list[Region]) -> _Item:
    """One data (or chart-type) change over the plot area, severity from how much of the data moved;
    its parts are the changed places."""
    it = _plot_change(c, inner)
    it.parts = [r.bbox for r in inner]
    return it


def _plot_change(c: _Ctx, inner: list[Region]) -> _Item:
    box = _union([r.bbox for r in inner])
    ref_only = sum(r.changed_ref_only for r in inner)
    cand_only = sum(r.changed_cand_only for r in inner)
    fx0, fy0, fx1, fy1 = c.frame or (0, 0, c.w, c.h)
    plot_ink = max(1, int(c.ref_ink[fy0 + 2 : fy1 - 2, fx0 + 2 : fx1 - 2].sum()))
    everywhere = ref_only >= 0.35 * plot_ink and cand_only >= 0.35 * plot_ink
    if everywhere:
        fit = _axis_fit(c)
        if fit is not None and fit.item is None:
            # Every mark moved along y alike: a new y scale whose tick labels were not told apart.
            return _Item(
                "structure_error", 2, box, "The plotted marks all moved along y alike (a new y-axis scale).", "y-axis"
            )
    if ref_only + cand_only >= 0.2 * plot_ink and _drawn_resized(c):
        # The axes were re-fitted (a legend moved out of them, wider tick labels): the same data, resized.
        return _Item("style_error", 1, box, "The plot was resized; its data are drawn alike.", "plot")
    if everywhere:
        return _Item(
            "structure_error", 3, box, "The plotted marks changed throughout the plot (another chart type).", "plot"
        )
    changed = sum(r.area for r in inner)
    small = all(r.box_area < 0.003 * c.h * c.w for r in inner)
    if len(inner) >= 4 and small and max(ref_only, cand_only) < 0.05 * plot_ink:
        # The same marks in the same places, drawn differently: markers or line style.
        return _Item("style_error", 1, box, f"Marks differ in {len(inner)} places (marker or line style).", "plot")
    if _line_style_changed(c, inner) or markers_changed(c, inner) or dashes_changed(c, inner):
        # Ink lost (or gained) along a line still drawn where it was: dashes or dots, not a series dropped.
        return _Item(
            "style_error", 1, box, "A line is drawn otherwise along the same path (line style or markers).", "plot"
        )
    # Relative to the whole marks the change touches (a bar that grew by a third changes a third
    # of the old bar's ink): the perturbation rule's relative value change.
    # (the changed ink: pixels ink in neither image, a faint fill or face tinted, move no mark)
    marks = _touched_mark_ink(c, inner)
    inked = sum(r.area - r.changed_no_ink for r in inner)
    rel = inked / (marks or max(1, sum(max(r.ref_ink, r.cand_ink) for r in inner)))
    sev = 1 if rel < 0.1 else (2 if rel < 0.5 else 3)
    if ref_only + cand_only < min(KEPT_INK * plot_ink, 0.5 * changed):
        # Ink where it was: what changed is mostly marks drawn otherwise in place, and under 1 % of
        # the plot's ink came or went: no mark's reading changes by much.
        sev = min(sev, 2)
    elif max(ref_only, cand_only) >= 0.75 * max(1, ref_only + cand_only) and changed >= 0.1 * plot_ink:
        sev = 3  # a series missing or added
    return _Item(
        "data_error", sev, box,
        f"Plotted data differ over {len(inner)} place(s) ({100 * ref_only / plot_ink:.0f}% of the reference's "
        f"plot ink missing, {100 * cand_only / plot_ink:.0f}% extra).", "plot",
    )  # fmt: skip
