"""Charts: plotted data the candidate hides (empty axes, a title only, one line where there were many).

The reference's data are its marks by colour: its chromatic ink (long axis and grid lines aside)
in colour classes, one per series colour or colour-scale step, blends of two colours aside
(`_series_classes`); a chart with little colour has one class, the dark marks inside its plot
frame. A class is kept when half its ink has candidate ink within 2 px, or the candidate draws
marks at the class's edges (its top or bottom in half its columns, or its ends in half its rows: a
series drawn as a line instead of bars, marks recoloured and moved a little), or marks that carry its
values (`chart_follows.carries`: in its colour across its extent, or in no kept series' colour: a
series retyped and recoloured over a new y range; or, in its colour, one line whose heights at its
categories spread over its extent rank with the bars' tops, `chart_follows.carries_as_line`; dots at random
carry none). When over half the
classes are gone (per subplot) and the candidate draws under a quarter of the reference's ink where the data are
(inside the subplots' frames), the hidden data are reported by the share hidden (`hidden.hidden_parts`:
one severity-3 item, one more per 20 % of the marks hidden, up to five; a candidate that draws nothing of
its own there pays them in full, `chart_bare`), unless the candidate draws
half as much anew elsewhere (a new layout). A straight line across the plot is no data drawn
(`_ruler`). A candidate that draws as much there draws the data in another form: its changes are
reported one by one, unless, in small multiples, over half the subplots (holding 40 % of the marks) have
their data gone or replaced by marks that follow none of them (`_hidden_panels`). The plot's own changes hiding its data (`_hidden_plot_items`, called by
`chart`) follow the same series rule. Data drawn in place but flattened (every series at one
level) are hidden too (`chart_flattened`). Noise over the whole canvas hides everything
(`elements._noise_items`); so does a flat canvas over it with the texts alone, graded as bare axes, and a
nearly blank candidate, keeping under a fifth of the reference's ink, under half of it round the plot and
drawing nothing of its own (`_nearly_blank`). Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise

import cv2
import numpy as np

from verm.judge.pixel.chart_axis import relabelled, tick_axis, turned_log
from verm.judge.pixel.chart_bare import BARE_PARTS, BARE_STEP, bare, bare_parts, kept_only
from verm.judge.pixel.chart_flattened import flattened
from verm.judge.pixel.chart_follows import carries, spearman
from verm.judge.pixel.chart_frames import (
    WHOLE_CANVAS,
    _blank_filled,
    _data_frames,
    _frames_hold_no_data,
    _joined_frames,
    _with_data_outside,
    _y_ticks_changed,
)
from verm.judge.pixel.chart_kept import _gone_classes, _moved_in_colour
from verm.judge.pixel.chart_marks import (
    CHROMA,
    CLASS_DE,
    FACE_DE,
    KEPT,
    MIN_COLOUR_INK,
    _both_marks,
    _BothMarks,
    _chromatic,
    _colour_classes,
    _far,
    _outlines_joined,
    _per_frame,
    _series_classes,
    _unmatched,
    figure_background,
)
from verm.judge.pixel.chart_redrawn import (
    STROKED_CLASS,
    _distinct_colours,
    _off_other_marks,
    _redrawn,
    _retyped_as_line,
    _ruler,
    _straight,
    _stroked,
    _strokes_apart,
    _worn_across,
)
from verm.judge.pixel.chart_rescale import _new_value_ticks, _y_ticks_changed_beside_plot
from verm.judge.pixel.chart_resized import _drawn_resized, _refit_to_frame
from verm.judge.pixel.chart_standin import _dots, stands_in
from verm.judge.pixel.colour import _sq_norm
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.elements import _noise_items, _Survey, _survey, noise_round_items
from verm.judge.pixel.geometry import PxBox, _box_area, _mask_box, _union
from verm.judge.pixel.hidden import _graded_hidden_items
from verm.judge.pixel.layout import subplot_frames

#: A candidate drawing at least this share of the reference's ink where the data are (inside the
#: subplots' frames, else the data's box) draws the data in another form: no data are hidden.
DRAWN = 0.25


#: Data the candidate hides are drawn elsewhere (another layout) when it draws at least this share of
#: their ink anew anywhere (ink with no reference ink within 3 px).
MOVED_AWAY = 0.5


def _chart_element_items(c: _Ctx, regions: list[Region]) -> tuple[list[_Item], list[PxBox]]:
    """Items for hidden data (see the module docstring) and noise painted round the reference's content
    (`elements.noise_round_items`), and the boxes they cover (regions inside them are not reported again);
    nothing when the candidate draws the data."""
    s = _survey(c, regions)
    if s is None:
        return [], []
    if (s.noise or _blank_filled(c)) and _many_colours(c.cand):
        return _noise_items(c, s, "structure_error")
    noise = noise_round_items(c, "structure_error")
    items, covered = _data_items(c, regions, s)
    return noise + items, [it.box for it in noise] + covered


def _data_items(c: _Ctx, regions: list[Region], s: _Survey) -> tuple[list[_Item], list[PxBox]]:
    """Items for hidden data and the boxes they cover; nothing when the candidate draws the data."""
    items, boxes = _read_data_items(c, regions, s)
    blank = _nearly_blank(c, s) if not items else None
    if blank is None:
        return items, boxes
    # Most of the reference's ink gone and nothing drawn instead (the title alone), where the data reading found
    # none hidden: bare all the same (a timeline's stems and axis line close no plot frame round its data).
    kept, hidden = blank
    why = f"it keeps {100 * kept:.0f}% of the reference's ink and draws nothing of its own"
    n_items = max(1, min(BARE_PARTS, 1 + int((1 - kept) / BARE_STEP)))
    return _graded_hidden_items(c, hidden, n_items, "data_error", "content", why), [(0, 0, c.w, c.h)]


def _read_data_items(c: _Ctx, regions: list[Region], s: _Survey) -> tuple[list[_Item], list[PxBox]]:
    if (s.noise or _blank_filled(c)) and float(c.cand_ink.mean()) < BLANK_OWN_INK:
        # A flat canvas over the reference's, with little ink of its own (the texts alone): it draws nothing of
        # its own and hides everything, graded in full as `chart_bare` grades bare axes.
        why = "a flat canvas covers it; it draws nothing of its own"
        return _graded_hidden_items(c, c.ref_ink, BARE_PARTS, "structure_error", "content", why), [(0, 0, c.w, c.h)]
    frames = _data_frames(c)
    pm = _both_marks(c, frames)
    # (the data outside the frames found are read too, in boxes of their own, when the frames hold almost none
    # of them; the subplot-by-subplot readings keep the frames found)
    wide = _with_data_outside(c, frames)
    pm_wide = pm if wide == frames else _both_marks(c, wide)
    hidden, ruler, why, moved = _hidden_data(c, pm_wide)
    # (a candidate keeping the reference's axes in place and drawing nothing of its own where the data are, dots
    # aside, drew no new layout: dots at random in the series' colours over the reference's axes)
    anew = (
        hidden is not None
        and _drawn_anew(c, pm_wide, hidden, ruler)
        and not (_axes_kept(c, pm_wide.area) and bare(c, hidden, pm_wide.area, ruler))
    )
    # (the data drawn anew elsewhere: a new layout, unless drawn anew at one level, thin step curves at their mean
    # leaving their places: flattened, read as below; no panel reading then)
    if hidden is None or anew:
        panels = _hidden_panels(c, pm) if not anew else None
        flat = flattened(pm) if panels is None else None
        # (marks squeezed to one level under new tick labels of the axis they run along went with it: its
        # change, graded by the axis reading; data flattened under new value ticks, autoscaled, are not)
        # (nor are series flattened that a resized plot draws alike, stretched back onto the reference's frame:
        # their rows or columns moved with the frame, their values did not; a pie's disk is alike whatever its
        # shares, and is read by its wedges)
        if (
            (panels or flat) is None
            or _axis_took_marks(c, regions)
            or (flat and _axis_took_marks(c, regions, relabelled, flat[3]))
            or (flat and flat[3] and _drawn_resized(c))
        ):
            return [], []
        panels = panels or flat[:3]
        hidden, share, why = panels
        items = _hidden_data_items(c, hidden, share, why, pm)
        return items, [it.box for it in items]
    found = _plot_marks_hidden(pm_wide, moved[0] if moved else None)
    share = found[1] if found is not None else 1.0
    if _axis_took_marks(c, regions):
        return [], []  # the marks went with the new scale (off the axis, squeezed): the axis change's
    items = _hidden_data_items(c, hidden, share, why, pm_wide, ruler, moved[1] if moved else None)
    return items, [it.box for it in items]


def _hidden_data_items(
    c: _Ctx,
    hidden: np.ndarray,
    share: float,
    why: str,
    pm: _BothMarks,
    set_aside: np.ndarray | None = None,
    drawn: np.ndarray | None = None,
) -> list[_Item]:
    """The hidden data's items, graded by the share hidden; in full when the candidate draws nothing of its
    own (`chart_bare`; ``drawn``: the reference's series it draws moved, its own)."""
    n_items, bare = bare_parts(c, hidden, share, pm.ref & pm.area, pm.ref_lab, pm.cand, pm.area, set_aside, drawn)
    why = f"{why}; it draws nothing of its own" if bare else why
    return _graded_hidden_items(c, hidden, n_items, "data_error", "plotted data", why)


#: The reference's marks fill its plot when they cover this share of the plot frames at least (`_hidden_data`).
FILLED_PLOT = 0.5
#: The candidate keeps the reference's axes when this share of the reference's ink outside the plot frames has
#: candidate ink within 2 px.
AXES_KEPT = 0.8


def _axes_kept(c: _Ctx, area: np.ndarray) -> bool:
    """The reference's ink outside the plot frames (``area``, 3 px out; its axes, tick labels and titles) is kept in
    place (`AXES_KEPT`): the same axes, not a new layout."""
    if not area.any():
        return False
    outside = c.ref_ink & ~(cv2.dilate(area.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0)
    n = int(outside.sum())
    near = cv2.dilate(c.cand_ink.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    return n > 0 and int((outside & near).sum()) >= AXES_KEPT * n


def _drawn_anew(c: _Ctx, pm: _BothMarks, hidden: np.ndarray, ruler: np.ndarray | None) -> bool:
    """The hidden data are drawn again: the candidate draws as much anew elsewhere (`_moved_away`, against all the
    hidden data's ink: bars read as frames of their own leave few marks inside them; a chart without frames, pies,
    has its hidden data only), or every hidden colour again, smaller or elsewhere (`_colours_drawn_elsewhere`)."""
    found = _plot_marks_hidden(pm)
    lost = max(int(found[0].sum()) if found is not None else 0, int(hidden.sum()))
    return _moved_away(c, pm, hidden, ruler, lost) or _colours_drawn_elsewhere(c, pm, hidden)


#: Noise paints this many distinct colours at least (4 bits a channel): bars grown over the canvas (a twin axis's
#: line redrawn as bars over the other's) leave no background either, in a few flat colours. A candidate of
#: one flat colour, painting over the reference's (the texts alone on white over a grey face), is read so too:
#: its own ink (against its own background) is under `BLANK_OWN_INK` of it.
NOISE_COLOURS, BLANK_OWN_INK = 512, 0.1


#: A candidate is nearly blank (`_nearly_blank`) when under this share of the reference's ink, and of its long lines
#: (axes, grid), has candidate ink within 2 px, and its ink with no reference ink within 3 px is under `BLANK_OWN`
#: of the reference's ink.
NEARLY_BLANK_KEPT, BLANK_OWN = 0.2, 0.1
#: ... and under this share of its ink outside the plot frames (texts, ticks, labels).
OUTSIDE_KEPT = 0.5


def _nearly_blank(c: _Ctx, s: _Survey) -> tuple[float, np.ndarray] | None:
    """The share of the reference's ink a nearly blank candidate keeps (`NEARLY_BLANK_KEPT`) and the ink it hides,
    else None: a reader sees the chart gone, axes and all, however its frames read."""
    ref = int(c.ref_ink.sum())
    if ref == 0 or s.extra_ink >= BLANK_OWN * ref:
        return None
    # (its axes gone too: bars redrawn as a thin line in their colour keep little of the ink, beside the axes)
    if int(s.cand_lines.sum()) >= NEARLY_BLANK_KEPT * int(s.ref_lines.sum()) > 0:
        return None
    near = cv2.dilate(c.cand_ink.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    kept = int((c.ref_ink & near).sum()) / ref
    if kept >= NEARLY_BLANK_KEPT:
        return None
    # (its texts and axes round the plot gone too: pale bars retyped as a thin line on a tinted plot keep a
    # tenth of the ink, and every tick label)
    outside = c.ref_ink.copy()
    for x0, y0, x1, y1 in _data_frames(c) or ([c.frame] if c.frame is not None else []):
        outside[y0 + 3 : y1 - 3, x0 + 3 : x1 - 3] = False
    n_out = int(outside.sum())
    if n_out and int((outside & near).sum()) >= OUTSIDE_KEPT * n_out:
        return None
    return kept, c.ref_ink & ~near


def _many_colours(rgb: np.ndarray) -> bool:
    """The image holds `NOISE_COLOURS` distinct colours, quantised to 4 bits a channel (noise, a photograph)."""
    q = (rgb[::2, ::2] >> 4).astype(np.int32)
    return len(np.unique((q[..., 0] << 8) | (q[..., 1] << 4) | q[..., 2])) >= NOISE_COLOURS


def _axis_took_marks(
    c: _Ctx,
    regions: list[Region],
    test: Callable[[_Ctx, PxBox, str], bool] = turned_log,
    axes: Iterable[str] = ("y", "x"),
) -> bool:
    """An axis among ``axes`` whose changed tick labels pass ``test`` took the marks with it (by default, turned
    log: `chart_axis.turned_log`; or relabelled, for marks squeezed to one level): the marks gone from their places
    went with the new scale (values <= 0 drop off a log axis, the rest squeezed together), one change the
    axis reading grades with what it leaves unexplained, not data hidden one item per fifth (a Gantt
    chart's y axis turned log, its bars gone off it, read as 5 severe hidden items beside the scale)."""
    for ax in axes:
        boxes = [r.bbox for r in regions if tick_axis(c, r) == ax]
        if boxes and test(c, _union(boxes), ax):
            return True
    return False


def _moved_away(c: _Ctx, pm: _BothMarks, hidden: np.ndarray, ruler: np.ndarray | None, lost: int) -> bool:
    """The candidate draws as much ink anew as the data it hides (`MOVED_AWAY`; no reference ink within 3 px,
    as `elements._survey` counts it; a straight line across the plot, ``ruler``, aside): a new layout, holding
    data. When the hidden data are coloured, some of the new ink is coloured too (`REDRAWN` of ``lost``): the
    black spines, ticks and tick labels of fresh axes drawn elsewhere without data (the "diagonal line"
    hack's) are no data moved."""
    new = c.cand_ink & ~(cv2.dilate(c.ref_ink.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0)
    if ruler is not None:
        new &= ~ruler
    # (nor are a fresh axes' face, in the reference's face colour, and its figure's background round it: a white
    # plot on a grey figure is ink, and no data)
    new &= ~figure_background(pm.cand_lab, c.cand_ink)
    for face in pm.faces:
        if face is not None:
            new &= _far(pm.cand_lab, face, FACE_DE)
    if int(new.sum()) < MOVED_AWAY * lost:
        return False
    if 2 * int((hidden & _chromatic(pm.ref_lab)).sum()) < int(hidden.sum()):
        return True
    new_col = new & _chromatic(pm.cand_lab)
    if int(new_col.sum()) < REDRAWN * lost:
        return False
    # (the new coloured ink draws the hidden data's colours, those holding half their ink: dots scattered in one
    # series' default colour over a chart of several colours move none of it)
    classes = _colour_classes(pm.ref_lab, hidden & _chromatic(pm.ref_lab), min_share=0.05)
    drawn = sum(
        int(m.sum())
        for m in classes
        if int((new_col & ~_far(pm.cand_lab, np.median(pm.ref_lab[m], axis=0), CLASS_DE)).sum())
        >= REDRAWN / 2 * int(m.sum())
    )
    return 2 * drawn >= sum(int(m.sum()) for m in classes)


#: Hidden data are drawn elsewhere when each of their colours (two at least) shows in the candidate with
#: this share of its hidden ink, in filled marks (a subplot shrunk to a third of its side keeps a ninth).
REDRAWN = 0.1


def _colours_drawn_elsewhere(c: _Ctx, pm: _BothMarks, hidden: np.ndarray) -> bool:
    """The hidden data's colours (two or more, `REDRAWN`) all show in the candidate again: subplots laid out
    anew and shrunk (pies stacked where they stood side by side), not data gone. Cheap hacks draw none of
    them, or one (dots, a line)."""
    solid = np.ones((3, 3), np.uint8)  # (filled marks: text in a series' colour, a tick label, is too thin)
    # (a class with no solid core in the reference either, the blend of dots' fill and dark edges, says nothing)
    classes = [
        m
        for m in _colour_classes(pm.ref_lab, hidden & _chromatic(pm.ref_lab), min_share=0.05)
        if cv2.erode(m.astype(np.uint8), solid).any()
    ]
    if len(classes) < 2:
        return False
    cand = c.cand_ink & _chromatic(pm.cand_lab)
    for m in classes:
        same = (cand & ~_far(pm.cand_lab, np.median(pm.ref_lab[m], axis=0), CLASS_DE)).astype(np.uint8)
        if int(cv2.erode(same, solid).sum()) < REDRAWN * int(m.sum()):
            return False
    return True


_NoHidden = (None, None, "", None)


def _hidden_data(
    c: _Ctx, pm: _BothMarks
) -> tuple[np.ndarray | None, np.ndarray | None, str, tuple[np.ndarray, np.ndarray] | None]:
    """The reference's data ink the candidate hides, when it hides most of it (else None), the
    candidate's marks drawn instead that carry no data (a straight line across the plot, `_ruler`, or marks where
    the data are that neither cover nor follow them, `_drawn_there`; None without any), why, and the reference's
    series it draws moved in their colours with the marks that draw them (`_moved_in_colour`; None without any)."""
    frames, ref_lab, cand_lab, faces, ref_marks, cand_marks = (
        pm.frames,
        pm.ref_lab,
        pm.cand_lab,
        pm.faces,
        pm.ref,
        pm.cand,
    )
    new = cand_marks & ~(cv2.dilate(ref_marks.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0)
    if pm.area.any() and int((ref_marks & pm.area).sum()) >= FILLED_PLOT * int(pm.area.sum()):
        # (over a plot the reference fills with marks, a Marimekko's tiles, a line drawn across has reference marks
        # near everywhere: new there is what differs from the reference's colour in place; not over thin marks,
        # where a series kept and moved by a new range, straight on log axes, differs in place too)
        new |= cand_marks & (_sq_norm(cv2.subtract(ref_lab, cand_lab)) > CLASS_DE * CLASS_DE)
    # (the line is sought among the new marks inside the plot: new tick labels and spines of fresh axes beside
    # it are no part of it)
    line = _ruler(new & pm.area if pm.area.any() else new, cand_marks, frames) if frames else None
    ruler = None
    if line is not None:
        # A straight line across the plot carries no data; its anti-aliased fringe (beyond the 2 px the line is
        # read in) is part of it: left behind, it spans the plot in the line's colour and rises with it.
        ruler = cand_marks & (cv2.dilate(line.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0)
        cand_marks = cand_marks & ~ruler
    ref_col, cand_col = ref_marks & _chromatic(ref_lab), cand_marks & _chromatic(cand_lab)
    area = pm.area.copy()  # (grown to the data's box below when there is no frame)
    if area.any() and int((ref_marks & area).sum()) < MIN_COLOUR_INK:
        area[:] = False  # "frames" holding none of the data (a stem plot's lines closing a box): no frame
    # (what it draws there may be the reference's own, part of it kept: one line of many is no data drawn)
    kept = bool(area.any()) and kept_only(c, ref_marks & area, cand_marks & area, ref_lab)
    if area.any() and not kept and _drawn_there(c, ref_marks & area, cand_marks & area, ref_lab, cand_lab):
        return _NoHidden  # drawn where the data are (checked first: the colour classes cost time)
    if int(ref_col.sum()) >= MIN_COLOUR_INK:
        classes, what, cand_kind = _colour_classes(ref_lab, ref_col, min_share=0.003), "mark colours", cand_col
    elif area.any() and int((ref_marks & area).sum()) >= MIN_COLOUR_INK:
        classes, what, cand_kind = [ref_marks & area], "plotted marks", cand_marks
    else:
        return _NoHidden
    classes = _per_frame(_outlines_joined(_series_classes(classes, ref_lab, faces), ref_lab), frames)
    if not classes:
        return _NoHidden
    framed = bool(area.any())
    if not framed:
        data = np.zeros_like(ref_marks)
        for m, _ in classes:
            data |= m
        x0, y0, x1, y1 = _mask_box(data, 0, 0)
        area[y0:y1, x0:x1] = True
    drawn, cand_drawn = int((ref_marks & area).sum()), int((cand_marks & area).sum())
    kept = kept if framed else kept_only(c, ref_marks & area, cand_marks & area, ref_lab)
    if not kept and _drawn_there(c, ref_marks & area, cand_marks & area, ref_lab, cand_lab):
        return _NoHidden  # drawn where the data are: the data in another form, changes reported one by one
    # As much ink where the data are, neither covering them, carrying their values nor keeping their colours
    # (dots scattered over emptied axes): no data, set aside with the ruler (no data drawn anew, `_moved_away`).
    # (the reference's own series kept in its colour and moved, under a new y range, is no stand-in)
    ref_moved, cand_moved = _moved_in_colour(pm, cand_marks & area, area)
    moved = (ref_moved, cand_moved) if cand_moved.any() else None
    stand_in = cand_marks & area & ~cand_moved if cand_drawn >= DRAWN * drawn else None
    gone, kept_colours = _gone_classes(c, pm, classes, cand_marks, cand_kind, area)
    if 2 * len(gone) <= len(classes):
        return _NoHidden
    where = cv2.dilate(area.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    # A series drawn in another form and colour (bars drawn as a line in a new colour, over a new y scale) is
    # drawn still: the candidate's marks where the data are, in no kept series' colour, carry its values
    # (`chart_follows.carries`). Dots drawn at random carry none.
    # (the reference's own marks kept carry no other series' values, however alike their courses)
    gone = [
        (m, sl)
        for m, sl in gone
        if kept or not _carried(m[sl] & where[sl], cand_kind[sl] & where[sl], cand_lab[sl], kept_colours)
    ]
    if 2 * len(gone) <= len(classes) or (
        not kept and _retyped_as_line([(m & where, sl) for m, sl in gone], cand_kind & where, cand_lab, kept_colours)
    ):
        return _NoHidden
    if not kept and _all_stroked(pm, gone, cand_marks):
        return _NoHidden  # every gone series a stroke in its colour across its extent: retyped, not gone
    hidden = np.zeros_like(ref_marks)
    for m, _ in gone:
        hidden |= m
    if stand_in is not None:
        ruler = stand_in if ruler is None else ruler | stand_in
    why = (
        f"{len(gone)} of its {len(classes)} {what} are gone and it draws {100 * cand_drawn / max(drawn, 1):.0f}% "
        "of the reference's ink where the data are"
    )
    return hidden, ruler, why, moved


def _drawn_there(
    c: _Ctx, ref_marks: np.ndarray, cand_marks: np.ndarray, ref_lab: np.ndarray, cand_lab: np.ndarray
) -> bool:
    """The candidate draws the data where they are: `DRAWN` of their ink, standing in for them
    (`chart_standin.stands_in`: dots scattered over emptied axes do not)."""
    if int(cand_marks.sum()) < DRAWN * int(ref_marks.sum()):
        return False
    return stands_in(c, ref_marks, cand_marks, ref_lab, cand_lab, REDRAWN)


def _carried(unit: np.ndarray, marks: np.ndarray, lab: np.ndarray, kept_colours: list[np.ndarray]) -> bool:
    """The candidate's ``marks`` in none of the kept series' colours (`CLASS_DE`) carry the values of the series
    ``unit`` (`chart_follows.carries`), and are no one straight line across it unless the series is one: a
    diagonal line drawn on fresh axes rises with any rising series, and carries none of its values."""
    others = marks.copy()
    for colour in kept_colours:
        others &= _far(lab, colour, CLASS_DE)
    return carries(unit, others) is True and not (_straight(others) and not _straight(unit))


#: Small multiples: a subplot's data are gone when this share of its marks has no candidate mark
#: within 2 px and what the candidate draws there anew follows none of them (`_follows_data`); the
#: chart's data are hidden when over half the subplots are gone, holding `HIDDEN_PLOT` of the marks of all subplots.
PANEL_GONE = 0.5


def _hidden_panels(c: _Ctx, pm: _BothMarks) -> tuple[np.ndarray, float, str] | None:
    """Small multiples (two subplots or more) whose data are gone subplot by subplot (`PANEL_GONE`),
    while the candidate draws ink where they were (random dots or one line over every panel, which
    `_hidden_data` reads as the data drawn in another form): the hidden marks of the gone subplots,
    their share of all the subplots' marks, and why; None when at most half the subplots are gone or
    they hold under `HIDDEN_PLOT` of the marks (one subplot emptied of two or four is one change,
    reported by its region)."""
    frames = _joined_frames(c, pm.frames)
    if len(frames) < 2:
        return None
    owner = np.full(pm.ref.shape, -1, np.int32)
    for k, (fx0, fy0, fx1, fy1) in enumerate(frames):  # largest first: an inset owns its own marks
        owner[fy0 + 3 : fy1 - 3, fx0 + 3 : fx1 - 3] = k
    ref_marks, cand_marks = pm.ref & pm.area, pm.cand & pm.area
    total = int(ref_marks.sum())
    if total < MIN_COLOUR_INK:
        return None
    hidden, new = _unmatched(ref_marks, cand_marks)
    n_ref, n_cand, n_hid, n_new = (
        np.bincount(owner[m], minlength=len(frames)) for m in (ref_marks, cand_marks, hidden, new)
    )
    # New tick labels beside any subplot (a shared axis has them beside one column only): the marks
    # cannot be compared in place (the data rescaled): a subplot is gone only when it is left empty.
    plots = np.zeros_like(ref_marks)
    for fx0, fy0, fx1, fy1 in frames:  # (their spines too: marks clipped at a frame may reach it)
        plots[max(0, fy0 - 4) : fy1 + 4, max(0, fx0 - 4) : fx1 + 4] = True
    if any(_y_ticks_changed(c, f, plots) for f in frames):
        # (or nearly gone, under dots scattered where its marks were none: "random dots" re-laid out by the
        # hidden artists moves every tick label; a scatter's own dots, rescaled, are kept)
        gone = [
            k
            for k in range(len(frames))
            if n_ref[k] >= 20
            and (
                n_cand[k] < DRAWN * n_ref[k]
                or (n_hid[k] >= SCATTERED_GONE * n_ref[k] and _dots_for_marks(pm, ref_marks, cand_marks, owner == k))
            )
        ]
    else:
        changed = _changed(c)
        gone = [
            k
            for k, f in enumerate(frames)
            if n_ref[k] >= 20
            and n_hid[k] >= PANEL_GONE * n_ref[k]
            and (n_new[k] < HIDDEN_DRAWN * n_ref[k] or not _follows_data(c, ref_marks, cand_marks, [f], changed))
        ]
    share = sum(int(n_hid[k]) for k in gone) / total
    panels = int((n_ref >= 20).sum())
    if 2 * len(gone) <= panels or share < HIDDEN_PLOT:
        return None  # (one subplot of two or three emptied, however large: one change)
    out = hidden & np.isin(owner, gone)
    why = f"the data of {len(gone)} of its {panels} subplots are gone or drawn where none were, {100 * share:.0f}% of its marks"
    return out, share, why


#: ... a subplot under new tick labels is gone when this share of its marks is hidden and the candidate draws
#: scattered dots there where the reference drew no dots (`_dots_for_marks`).
SCATTERED_GONE = 0.8


def _dots_for_marks(pm: _BothMarks, ref_marks: np.ndarray, cand_marks: np.ndarray, where: np.ndarray) -> bool:
    """The candidate's marks ``where`` are scattered dots (`chart_standin._dots`) of a chromatic colour (`CHROMA`)
    under `DOTS_OWN` of the reference's marks there wear (`CLASS_DE`): no series of the reference's re-laid out
    (its markers in its colour), nor a scatter's own dots rescaled, nor the words of a new layout."""
    cand, ref = cand_marks & where, ref_marks & where
    if not _dots(cand):
        return False
    colour = np.median(pm.cand_lab[cand], axis=0)
    if float(np.hypot(colour[1], colour[2])) < CHROMA:
        return False  # (grey pieces: tick labels and words of the new layout, no dots drawn)
    return int((ref & ~_far(pm.ref_lab, colour, CLASS_DE)).sum()) < DOTS_OWN * int(ref.sum())


#: ... a colour of the dots' own (`_dots_for_marks`).
DOTS_OWN = 0.1


def _plot_marks_hidden(pm: _BothMarks, moved: np.ndarray | None = None) -> tuple[np.ndarray, float, float] | None:
    """The reference's marks inside its plot frames (3 px in) with no candidate mark within 2 px;
    their share of the reference's marks there; and the share the candidate draws there anew (its
    marks with no reference mark within 2 px, over the reference's). None without a frame or marks.
    ``moved``: the reference's marks the candidate draws moved (`_moved_in_colour`), none hidden.)"""
    if not pm.frames:
        return None
    ref_marks, cand_marks = pm.ref & pm.area, pm.cand & pm.area
    n = int(ref_marks.sum())
    if n < MIN_COLOUR_INK:
        return None
    hidden, extra = _unmatched(ref_marks, cand_marks)
    if moved is not None:
        hidden = hidden & ~moved
    return hidden, int(hidden.sum()) / n, int(extra.sum()) / n


#: The plot's changes hide its data when they take this share of the reference's plot marks away
#: (one colour class: `HIDDEN_PLOT_ONE`) while the candidate draws under `HIDDEN_DRAWN` of them anew.
HIDDEN_PLOT, HIDDEN_PLOT_ONE, HIDDEN_DRAWN = 0.4, 0.6, 0.25


def _hidden_plot_items(c: _Ctx, inner: list[Region], replaced: bool = False) -> list[_Item]:
    """The plot's changes take its data away: over half its mark colours gone (colour classes, per
    subplot; a class is gone when half its ink has no candidate mark within 2 px), holding over half their ink,
    at least `HIDDEN_PLOT` of its marks hidden (`HIDDEN_PLOT_ONE` for a one-colour plot) and under
    `HIDDEN_DRAWN` drawn anew unless the new marks follow none of its data (`_follows_data`; a
    straight line across the plot is no data, `_ruler`): the hidden
    marks graded by the share hidden (`hidden.hidden_parts`), so that the cost piles up with what is
    hidden; else nothing (one change, reported by the plot's data item). ``replaced``: only data
    replaced by as much drawn anew that follows none of them (marks at random), which no axis change
    explains (asked before the axes' changes take the plot's)."""
    whole = c.frame is None or _box_area(c.frame) >= WHOLE_CANVAS * c.h * c.w
    frames = (subplot_frames(c.ref, c.ref_ink) if whole else []) or [c.frame or (0, 0, c.w, c.h)]
    if c.frame is not None and whole and (frames == [c.frame] or _frames_hold_no_data(c, frames)):
        frames = _data_frames(c) or frames  # (the canvas's edge read as a frame: the data's own box)
    pm = _both_marks(c, frames)
    ref_lab, ref_marks, cand_marks = pm.ref_lab, pm.ref & pm.area, pm.cand & pm.area
    data = int(ref_marks.sum())
    if data < MIN_COLOUR_INK:
        return []
    hidden, new = _unmatched(ref_marks, cand_marks)
    extra = int(new.sum())
    if replaced and extra < HIDDEN_DRAWN * data:
        return []  # (little drawn anew: the marks may have moved with a new axis, read with the axes)
    ruler = _ruler(new, cand_marks, frames) if extra else None
    if ruler is not None:
        extra, cand_marks = 0, cand_marks & ~ruler  # a straight line across the plot carries no data
    share = int(hidden.sum()) / data
    if share < HIDDEN_PLOT:
        return []
    refit = _refit_to_frame(c, pm.cand) if not whole else None
    if refit is not None and int(_unmatched(ref_marks, refit)[0].sum()) < HIDDEN_PLOT * data:
        return []  # the plot was resized (a legend moved out, new tick labels): its data are drawn, smaller
    if extra < HIDDEN_DRAWN * data and replaced:
        return []  # (a ruler line is no mark drawn anew)
    # (drawn anew against what it hides: bars squeezed into a narrower band by new axis limits hide most of
    # their old ink and redraw under a quarter of the plot's, yet as much again of what they left)
    if extra >= HIDDEN_DRAWN * min(data, int(hidden.sum())) and _follows_data(c, ref_marks, cand_marks, frames):
        # Much drawn anew, following the reference's data (another chart type, the data rescaled): a change,
        # not data gone. New marks that follow nothing (dots or bars drawn at random) still leave it empty.
        return []
    # Most of the marks' colours gone too: one heavy series dropped beside a kept one is one change.
    classes = _per_frame(_colour_classes(ref_lab, ref_marks, min_share=0.003), frames)
    lost = [
        int((m & hidden).sum()) >= KEPT * int(m.sum())
        and not _redrawn(pm, m, sl, _off_other_marks(ref_marks, m, cand_marks))
        for m, sl in classes
    ]
    if any(lost) and _new_value_ticks(c, frames):
        # (under new y tick labels the marks cannot be compared in place: a class whose colour the candidate
        # still draws across its extent moved with the new scale, retyped or rescaled, not gone)
        lost = [g and not _worn_across(pm, m, sl, cand_marks) for (m, sl), g in zip(classes, lost, strict=True)]
    # (series of their own: classes holding `STROKED_CLASS` of the gone ink, a line's anti-aliased fringe aside)
    gone_classes = [(m, sl) for (m, sl), g in zip(classes, lost, strict=True) if g]
    if _all_stroked(pm, gone_classes, cand_marks):
        return []  # every gone series drawn as a stroke in its colour across its extent: retyped (stacked bars
        # drawn as lines, whose values are no segment's top), not gone; cheap hacks draw one colour at most
    gone_ink = sum(int(m.sum()) for m, _ in gone_classes)
    if _colours_kept(c, pm, [(m, sl) for m, sl in gone_classes if int(m.sum()) >= STROKED_CLASS * gone_ink]):
        return []  # the plot drawn smaller or elsewhere, every series in its colour: rescaled or re-laid out
    gone = sum(lost)
    # (and most of the marks' ink: tiny classes, a label's blend or a legend's box, gone beside a series
    # still drawn, rescaled, do not outvote it)
    gone_ink = sum(int(m.sum()) for (m, _), g in zip(classes, lost, strict=True) if g)
    if 2 * gone <= len(classes) or 2 * gone_ink <= sum(int(m.sum()) for m, _ in classes):
        return []
    if len(classes) <= 1 and share < HIDDEN_PLOT_ONE:
        return []
    why = f"{gone} of its {len(classes)} mark colours are gone, {100 * share:.0f}% of its marks, {100 * extra / data:.0f}% drawn anew"
    return _hidden_data_items(c, hidden, share, why, pm, ruler)


#: The gone series are drawn again (`_colours_kept`) when each chromatic one's colour (`CHROMA`, two colours at
#: least) shows in the candidate's marks where the data are with this share of its ink, over this share of its
#: extent along both axes at least.
COLOURS_KEPT_INK, COLOURS_KEPT_SPAN = 0.15, 0.25
#: ... and the plot was re-laid out: under this share of the reference's ink that is no mark (axes, ticks, labels)
#: has candidate ink within 2 px.
LAYOUT_KEPT = 0.7


def _colours_kept(c: _Ctx, pm: _BothMarks, gone: list[tuple[np.ndarray, tuple[slice, slice]]]) -> bool:
    """Every gone series (two of them of distinct chromatic colours, `CHROMA`, at least) is drawn again where the
    data are: the candidate's marks in its colour (`CLASS_DE`) hold `COLOURS_KEPT_INK` of its ink
    and span `COLOURS_KEPT_SPAN` of its extent both across and down. The plot drawn smaller or moved (new axis
    limits shrinking a ternary plot, an equal-aspect map's y range widened) keeps its series' colours and shapes
    in proportion, and its axes, ticks and labels move with it (`LAYOUT_KEPT`); cheap hacks draw one colour at most
    (dots, one line) or keep the reference's axes (dots in every series' colour), noise every colour (read first),
    and a series set to its mean collapses to a line (no extent across it) or to one point (no ink)."""
    if not gone or _many_colours(c.cand):
        return False
    colour_of = [np.median(pm.ref_lab[m], axis=0) for m, _ in gone]
    chroma = [_chromatic_colour(col) for col in colour_of]
    if _distinct_colours(pm, [m for (m, _), ch in zip(gone, chroma, strict=True) if ch]) < 2:
        return False
    # (the plot re-laid out: its axes, ticks and labels moved too; dots drawn at random in the series' colours
    # over the reference's own axes keep every colour, and the layout)
    frame_ink = c.ref_ink & ~pm.ref
    near = cv2.dilate(c.cand_ink.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    if int((frame_ink & near).sum()) >= LAYOUT_KEPT * int(frame_ink.sum()):
        return False
    cand = pm.cand & (cv2.dilate(pm.area.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0)
    for (m, _), col in zip(gone, colour_of, strict=True):
        same = cand & ~_far(pm.cand_lab, col, CLASS_DE)
        if int(same.sum()) < COLOURS_KEPT_INK * int(m.sum()):
            return False
        rbox, cbox = _extent(m), _extent(same)
        rw, rh, cw, ch = rbox[2] - rbox[0], rbox[3] - rbox[1], cbox[2] - cbox[0], cbox[3] - cbox[1]
        if cw < COLOURS_KEPT_SPAN * rw or ch < COLOURS_KEPT_SPAN * rh:
            return False
    return True


def _extent(mask: np.ndarray) -> tuple[float, float, float, float]:
    """A mask's box between the 2nd and 98th percentiles of its pixels' places (stray anti-aliased pixels of a
    colour aside): x0, y0, x1, y1 (exclusive)."""
    ys, xs = np.nonzero(mask)
    (x0, x1), (y0, y1) = np.percentile(xs, (2, 98)), np.percentile(ys, (2, 98))
    return float(x0), float(y0), float(x1) + 1.0, float(y1) + 1.0


def _all_stroked(pm: _BothMarks, gone: list[tuple[np.ndarray, tuple[slice, slice]]], cand_marks: np.ndarray) -> bool:
    """The gone series (classes holding `STROKED_CLASS` of the gone ink at least, a line's anti-aliased fringe
    aside), of two distinct chromatic colours at least, are drawn as strokes of their own in their colours across their extent
    (`_stroked`, `_strokes_apart`): retyped (stacked bars drawn as lines, whose values are no segment's top), not
    gone; cheap hacks draw one colour at most."""
    gone_ink = sum(int(m.sum()) for m, _ in gone)
    gone = [(m, sl) for m, sl in gone if int(m.sum()) >= STROKED_CLASS * gone_ink]
    # (chromatic ones only: a grey class, a spy plot's pale fringe or dark edge, is stroked by any grey ink left)
    stroked = [(m, sl) for m, sl in gone if _tinted_class(pm, m) and _stroked(pm, m, sl, cand_marks)]
    # (a line of several crossing and running over another's stretch of equal values may be broken under it: the
    # stroked series hold `STROKED_INK` of the gone ink, none of them a cheap hack's one colour)
    return (
        _distinct_colours(pm, [m for m, _ in stroked]) >= 2
        and sum(int(m.sum()) for m, _ in stroked) >= STROKED_INK * sum(int(m.sum()) for m, _ in gone)
        and _strokes_apart(pm, stroked, cand_marks) >= 2
    )


def _tinted_class(pm: _BothMarks, m: np.ndarray) -> bool:
    """The class's median colour is chromatic (`CHROMA`)."""
    return _chromatic_colour(np.median(pm.ref_lab[m], axis=0))


def _chromatic_colour(lab: np.ndarray) -> bool:
    """One Lab colour's chroma is `CHROMA` or more (`_chromatic` reads every pixel)."""
    return float(np.hypot(lab[1], lab[2])) >= CHROMA


#: ... the gone series drawn as strokes hold this share of the gone ink at least (`_all_stroked`).
STROKED_INK = 0.6


#: Each plot frame is cut into this many columns, in which the ends of the marks are compared (`_follows_data`).
ENVELOPE_BINS = 48
#: A column's end (the top or bottom of its changed marks) is kept when the candidate's is within this
#: share of the frame's height; new marks follow the data when they keep the ends of `ENVELOPE_KEPT` of
#: the columns, or when their ends rise and fall with the reference's (Spearman >= `ENVELOPE_RANK` over
#: at least `ENVELOPE_MIN` columns: the data rescaled under the same axes).
ENVELOPE_TOL, ENVELOPE_KEPT, ENVELOPE_RANK, ENVELOPE_MIN = 0.03, 0.5, 0.8, 8


def _column_ends(marks: np.ndarray, frame: PxBox) -> np.ndarray:
    """The top and bottom row of ``marks`` in each of `ENVELOPE_BINS` columns of ``frame`` (2 x bins), as
    shares of its height from its top; NaN where a column has no mark."""
    fx0, fy0, fx1, fy1 = frame
    sub = marks[fy0:fy1, fx0:fx1]
    ends = np.full((2, ENVELOPE_BINS), np.nan)
    for k, (a, b) in enumerate(pairwise(np.linspace(0, sub.shape[1], ENVELOPE_BINS + 1).round().astype(int))):
        ys = np.flatnonzero(sub[:, a:b].any(axis=1))
        if len(ys):
            ends[:, k] = ys[0], ys[-1]
    return ends / max(1, fy1 - fy0)


def _changed(c: _Ctx) -> np.ndarray:
    """Where the two images differ in grey (by over 25), grown by a pixel: the marks that changed."""
    return cv2.dilate((np.abs(c.ref_grey - c.cand_grey) > 25).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0


def _follows_data(
    c: _Ctx,
    ref_marks: np.ndarray,
    cand_marks: np.ndarray,
    frames: list[PxBox],
    changed: np.ndarray | None = None,
) -> bool:
    """The candidate's new marks carry the reference's data. An annotator reads an honest redraw by
    the same x places and values: column by column across the plot, the candidate's marks end where
    the reference's did (bars for a line: their tops on the line; a line for bars: through their
    tops), or rise and fall as they did (values rescaled). Marks drawn at random over the reference's
    axes (dots, bars or lines, in its colours or not) keep few of those ends and follow none of it.
    Under a new y scale or limits (the tick labels beside the frame changed) the marks cannot be
    compared in place: the old reading (a change, not data gone) stands."""
    # (given ``changed``, the caller judged the tick labels, beside every subplot)
    if changed is None and _y_ticks_changed_beside_plot(c, frames, ref_marks, cand_marks):
        return True
    # Only the marks that changed: those left as they were (dotted grid lines, a kept series) say nothing.
    changed = _changed(c) if changed is None else changed
    wide = [f for f in frames if f[2] - f[0] >= 2 * ENVELOPE_BINS and f[3] - f[1] >= 20]
    if not wide:
        return True
    ref_ends = np.concatenate([_column_ends(ref_marks & changed, f) for f in wide], axis=1)
    cand_ends = np.concatenate([_column_ends(cand_marks & changed, f) for f in wide], axis=1)
    drawn = ~np.isnan(ref_ends[0])
    if int(drawn.sum()) < 4:
        return True  # too few columns to tell
    kept = (np.abs(cand_ends - ref_ends) <= ENVELOPE_TOL).any(axis=0) & drawn
    if int(kept.sum()) >= ENVELOPE_KEPT * int(drawn.sum()):
        return True
    both = drawn & ~np.isnan(cand_ends[0])
    if int(both.sum()) < ENVELOPE_MIN:
        return False
    return any(
        np.ptp(ref_end) > ENVELOPE_TOL
        and np.ptp(cand_end) > ENVELOPE_TOL
        and spearman(ref_end, cand_end) >= ENVELOPE_RANK
        for ref_end, cand_end in zip(ref_ends[:, both], cand_ends[:, both], strict=True)
    )
