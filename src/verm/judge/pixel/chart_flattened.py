"""Charts: the data flattened, every value read the same (bars of one height, markers on one row, a pie's
wedges of one size).

The "flattened data" hack keeps the reference's whole look (its marks' colours and places, texts,
legend) with each series set to its mean. What an annotator reads from a bar chart is its
values' variation; with it gone the data are as good as hidden, and cost what hidden data cost
(`hidden.hidden_parts`); so does a pie of equal wedges, whose shares are all it shows. Honest
edits change some values, or scale them all, and keep the variation. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.chart_follows import value_readings
from verm.judge.pixel.chart_marks import (
    CHROMA,
    CLASS_DE,
    FACE_DE,
    KEPT,
    MIN_COLOUR_INK,
    OUTLINE_COS,
    OUTLINE_NEAR,
    _BothMarks,
    _chromatic,
    _colour_classes,
    _far,
    _pack,
    _per_frame,
    _series_classes,
    _tinted,
    _unpack,
)
from verm.judge.pixel.colour import INK_DE
from verm.judge.pixel.memo import once

#: Flattened data: a series' marks sit at one level when this share of their columns (rows, for
#: horizontal marks) end within `FLAT_TOL` of the median end, at both ends; the reference's series
#: varies when under `LEVEL_SHARE` of its columns end within `LEVEL_TOL` of theirs at one end at least.
#: Values set to one level end on one pixel row, give or take anti-aliasing: the candidate's marks are read
#: where their ends moved (when half of them did), `FLAT_SHARE` of those within the tighter `FLAT_TOL`
#: (honest values that vary little, 3 % of the axis, are no level; a legend over one bar hides its top).
LEVEL_SHARE, LEVEL_TOL, FLAT_SHARE, FLAT_TOL = 0.8, 0.01, 0.7, 0.005


def flattened(pm: _BothMarks) -> tuple[np.ndarray, float, str, frozenset[str]] | None:
    """The reference's data drawn in place, flattened: series at one level (`_series_flattened`), or pies
    with every wedge of one size (`_pies_flattened`; a pie's box may read as a frame too). Also the axes the
    flattened series run along ("x" for columns read down, "y" for rows read across; none for pies)."""
    found = _series_flattened(pm)
    if found is not None:
        return found
    pies = _pies_flattened(pm) or _painted_flat(pm)
    return None if pies is None else (*pies, frozenset())


#: A plot painted in one colour (`_painted_flat`): the reference's marks (at least `PAINTED_MIN_INK` px) hold
#: no colour over `PAINTED_VARIED` of them (cells of a heatmap, an image's shades), the candidate's marks cover
#: `PAINTED_ONE` of them and its pixels over them are one colour (`CLASS_DE`) in as many (the cells' numbers
#: written over it aside).
PAINTED_MIN_INK, PAINTED_VARIED, PAINTED_ONE = 2000, 0.5, 0.8
#: ... a tiled image (`_tiled`): its pieces hold this share of the marks, each a cell of `PAINTED_PIECE` of them
#: at least.
PAINTED_TILED, PAINTED_PIECE = 0.8, 0.01


def _painted_flat(pm: _BothMarks) -> tuple[np.ndarray, float, str] | None:
    """A heatmap or image flattened: every cell set to the mean paints the plot in one colour where the
    reference's colours vary; what it shows, its values' colours, is gone (the whole of it: share 1). Honest
    edits change some cells, or every one (a new colormap, values scaled under a new colour scale), and keep
    colours apart. (Cheap tests first: most candidates fail the one colour.)"""
    marks = pm.ref & pm.area
    if int(marks.sum()) < PAINTED_MIN_INK:
        return None
    # (painted: the candidate's marks cover them; marks moved away leave the face there, one colour too)
    if int((pm.cand & marks).sum()) < PAINTED_ONE * int(marks.sum()):
        return None
    if _one_colour_share(pm.ref_lab[marks]) > PAINTED_VARIED or _one_colour_share(pm.cand_lab[marks]) < PAINTED_ONE:
        return None
    # (a tiled image, whose colours are its values: one piece holding most of the marks and filling its box, or
    # cells apart by thin gaps, rectangles of one size; bars recoloured alike, an honest edit, keep their
    # heights, grouped bars joined leave the face above the shorter ones)
    # (or the candidate's paint is one such piece: a 2D histogram's sparse cells, no tiling, set to their mean
    # paint the whole plot, and that paint is read as ink against the figure round it, `colour._border_colour`)
    painted = _tiled(marks) or _tiled(pm.cand & pm.area)
    return (marks, 1.0, "its plot is painted in one colour where the reference's colours vary") if painted else None


def _tiled(marks: np.ndarray) -> bool:
    """The marks are a tiled image (`PAINTED_TILED`): their largest connected piece holds that share of them and
    of its box, or pieces that each fill their box so and are of one size (within `CELL_SIZES` of their median
    area) hold it, four at least (a heatmap's cells drawn apart)."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(marks.astype(np.uint8), connectivity=8)
    if n < 2:
        return False
    total = int(marks.sum())
    areas = stats[1:, cv2.CC_STAT_AREA].astype(float)
    fill = areas / np.maximum(1, stats[1:, cv2.CC_STAT_WIDTH] * stats[1:, cv2.CC_STAT_HEIGHT])
    k = int(areas.argmax())
    if areas[k] >= PAINTED_TILED * total and fill[k] >= PAINTED_TILED:
        return True
    cells = (fill >= CELL_FILL) & (areas >= PAINTED_PIECE * total)
    if int(cells.sum()) < 4:
        return False
    med = float(np.median(areas[cells]))
    cells &= np.abs(areas - med) <= CELL_SIZES * med
    # (in a grid: rows and columns of cells, where bars of one height stand in one row)
    # (a row below another: tops apart by half a cell's height at least; stacks of bars near one height are none)
    tops, lefts = stats[1:, cv2.CC_STAT_TOP][cells], stats[1:, cv2.CC_STAT_LEFT][cells]
    hs, ws = stats[1:, cv2.CC_STAT_HEIGHT][cells], stats[1:, cv2.CC_STAT_WIDTH][cells]
    grid = len(tops) and np.ptp(tops) > 0.5 * np.median(hs) and np.ptp(lefts) > 0.5 * np.median(ws)
    return bool(grid) and int(cells.sum()) >= 4 and float(areas[cells].sum()) >= PAINTED_TILED * total


#: A heatmap's cell drawn apart fills this share of its box at least (its number written in it is a mark too).
CELL_FILL = 0.9
#: ... and its area is within this share of the cells' median area.
CELL_SIZES = 0.2


def _one_colour_share(px: np.ndarray) -> float:
    """The share of Lab pixels ``px`` within `CLASS_DE` of their most common colour (quantised by 4 ΔE)."""
    step = max(1, len(px) // 20000)
    px = px[::step]
    keys, counts = np.unique(_pack(np.round(px / 4.0).astype(np.int32)), return_counts=True)
    top = _unpack(keys[counts.argmax()]) * 4.0
    return float((np.sum((px - top) ** 2, axis=1) <= CLASS_DE * CLASS_DE).mean())


def _series_flattened(pm: _BothMarks) -> tuple[np.ndarray, float, str, frozenset[str]] | None:
    """The reference's series drawn in their colours and places but every mark at one level (bars of one
    height, markers on one row), where the reference's vary: the values' reading is gone, as if hidden.
    Over half the series (colour classes per subplot, holding over half their ink) flattened: their ink,
    its share of all the series' ink, and why; else None. Honest edits change some values or scale them
    all, and keep the marks' variation."""
    ref_col = pm.ref & pm.area & _chromatic(pm.ref_lab)
    if not pm.frames:
        return None
    if int(ref_col.sum()) < MIN_COLOUR_INK:
        # (pale marks, translucent histograms under `CHROMA`: no colour class to read, the plot's marks together)
        return _plot_flattened(pm)
    # (the candidate's coloured ink, not its marks only: a line flattened across the plot is a long straight line,
    # which the marks leave out as a grid line, `_in_colour`; its markers alone, beside the legend's keys and
    # labels in the series' colours, end in too many bands)
    cand_col = pm.area & _chromatic(pm.cand_lab)
    if not any(_few_levels(cand_col, f) or _few_levels(cand_col & pm.cand, f) for f in pm.frames):
        return None  # (checked first, cheaply: the colour classes cost time)
    if _tiled(pm.ref & pm.area):
        return None  # (a heatmap's colour classes are no series: its cells of a colour sit in rows; `_painted_flat`)
    classes = _per_frame(
        _series_classes(_colour_classes(pm.ref_lab, ref_col, min_share=0.003), pm.ref_lab, pm.faces), pm.frames
    )
    # (only series with values to flatten: a threshold line across the plot, shaded bands from edge to edge, whose
    # ends sit at one level in the reference already, are drawn alike flattened or not, and outvoted the one
    # series flattened beside them: a flu season's curve at its mean, 2 of 6 classes, heldout5)
    classes = [(m, sl) for m, sl in classes if _varies(m[sl], pm.area[sl])]
    if len(classes) == 0:
        return _plot_flattened(pm)
    flat = np.zeros_like(ref_col)
    n_flat, total, along = 0, sum(int(m.sum()) for m, _ in classes), set()
    by_frame: dict[tuple[int | None, ...], list[tuple[np.ndarray, np.ndarray]]] = {}
    # (a line's anti-aliased fringe, a paler shade of it, is a class of its own the candidate's level line, drawn
    # crisp, need not draw: one series with its line, flattened or not with it, `_shades`)
    shade_of = _shades(classes, pm.ref_lab)
    shades = [(m, shade_of[k]) for k, (m, _) in enumerate(classes) if shade_of[k] is not None]
    classes = [cl for k, cl in enumerate(classes) if shade_of[k] is None]
    n_in_place = 0  # (classes drawn again where they were, pixel for pixel)
    for m, sl in classes:
        same = _in_colour(pm, sl, np.median(pm.ref_lab[m], axis=0))
        if runs := _flat(m[sl], same, pm.area[sl]):
            along |= runs
            flat |= m
            n_flat += 1
            continue
        near = cv2.dilate(same.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
        n_in_place += int((m[sl] & near).sum()) >= IN_PLACE * int(m[sl].sum())
        if _one_mark(m):
            by_frame.setdefault((sl[0].start, sl[0].stop, sl[1].start, sl[1].stop), []).append((m, same))
    # One bar per colour (a colour per category): the series an annotator reads is the plot's bars together,
    # flattened when they all end at one level where the reference's do not. (Only classes that are one mark
    # each: pooling a series of bars with a highlighted band reads the band's edges as the bars' ends.)
    for key, rest in by_frame.items():
        sl = (slice(key[0], key[1]), slice(key[2], key[3]))
        if len(rest) >= POOLED_MIN and (
            runs := _flat(
                np.logical_or.reduce([m for m, _ in rest])[sl], np.logical_or.reduce([s for _, s in rest]), pm.area[sl]
            )
        ):
            along |= runs
            for m, _ in rest:
                flat |= m
            n_flat += len(rest)
    for m, parent in shades:
        if (flat & parent).any():
            flat |= m
    share = int(flat.sum()) / max(1, total)
    # (two series flattened or more, no honest edit's picture: the classes drawn again in place beside them, arrows
    # and boxes of annotations in colour, are no series the values were read from; they still count in the ink)
    counted = len(classes) - (n_in_place if n_flat >= 2 else 0)
    if 2 * n_flat >= counted and 2 * share >= 1:
        why = f"{n_flat} of its {len(classes)} series are drawn at one level where the reference's values vary"
        return flat, share, why, frozenset(along)
    return _plot_flattened(pm)


def _shades(classes: list[tuple[np.ndarray, tuple[slice, slice]]], lab: np.ndarray) -> list[np.ndarray | None]:
    """For each class (per frame), the bigger class of its frame it is a shade or outline of (`OUTLINE_NEAR` of its
    ink within 3 px of that class's, their hues alike, `OUTLINE_COS`: a line's anti-aliased fringe), else None."""
    sizes = [int(m.sum()) for m, _ in classes]
    hues: list[np.ndarray | None] = []
    for m, _ in classes:
        ab = np.median(lab[m], axis=0)[1:].astype(np.float64)
        n = float(np.hypot(ab[0], ab[1]))
        hues.append(ab / n if n >= CHROMA else None)
    grown: dict[int, np.ndarray] = {}
    out: list[np.ndarray | None] = []
    for k, (m, sl) in enumerate(classes):
        parent = None
        for j in sorted(range(len(classes)), key=lambda i: -sizes[i]):
            hk, hj = hues[k], hues[j]
            if sizes[j] <= sizes[k] or classes[j][1] != sl or hk is None or hj is None:
                continue
            if float(np.dot(hk, hj)) < OUTLINE_COS:
                continue
            if j not in grown:
                grown[j] = cv2.dilate(classes[j][0].astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
            if int((m & grown[j]).sum()) >= OUTLINE_NEAR * sizes[k]:
                parent = classes[j][0]
                break
        out.append(parent)
    return out


def _plot_flattened(pm: _BothMarks) -> tuple[np.ndarray, float, str, frozenset[str]] | None:
    """Every plot's marks read together, whatever their colours: in each frame the candidate's marks end at one
    level where the reference's vary (`_flat`): bars of pale colours (under `CHROMA`, no colour class) or of a
    colour each too few to pool, their error bars shrunk to caps at one height. The whole of the marks is gone
    (share 1) when every frame holding `MIN_COLOUR_INK` of them is flattened."""
    marks, found, along = pm.ref & pm.area, np.zeros_like(pm.ref), set()
    for fx0, fy0, fx1, fy1 in pm.frames:
        sl = (slice(fy0, fy1), slice(fx0, fx1))
        unit = marks[sl]
        if int(unit.sum()) < MIN_COLOUR_INK:
            continue
        runs = _flat(unit, pm.cand[sl] & pm.area[sl], pm.area[sl])
        if not runs:
            return None
        along |= runs
        found[sl] |= unit
    if not found.any():
        return None
    return found, 1.0, "its marks are drawn at one level where the reference's values vary", frozenset(along)


def _in_colour(pm: _BothMarks, sl: tuple[slice, slice], colour: np.ndarray) -> np.ndarray:
    """The candidate's marks in a series' ``colour`` (`CLASS_DE`) inside the area read, over ``sl``: its plot
    marks, and its ink in that colour which the marks leave out as long straight lines (a series flattened
    into one line across the plot reads as a grid line), unless the reference draws such a line there too
    (its own rule or guide line in that colour, kept)."""
    inside = pm.area[sl]
    near = inside & ~_far(pm.cand_lab[sl], colour, CLASS_DE)
    marks = pm.cand[sl]
    lines = near & ~marks
    if not lines.any():
        return near & marks
    ref_lines = ~_far(pm.ref_lab[sl], colour, CLASS_DE) & ~pm.ref[sl]
    off_face = np.ones_like(lines)
    for (fx0, fy0, fx1, fy1), face in zip(pm.frames, pm.faces, strict=True):
        if face is not None:
            box = np.zeros_like(pm.area)
            box[fy0:fy1, fx0:fx1] = True
            off_face &= ~box[sl] | _far(pm.cand_lab[sl], face, FACE_DE)
    # (thin: a line, not a block of cells in one colour, which the marks keep)
    u8 = lines.astype(np.uint8)
    thin = (cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((THIN_LINE, 1), np.uint8)) == 0) | (
        cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((1, THIN_LINE), np.uint8)) == 0
    )
    return near & (marks | (off_face & thin & ~ref_lines))


#: A line is under this many px thick (`_in_colour`).
THIN_LINE = 7


#: A class is drawn again in place when this share of its ink has the candidate's ink in its colour within 1 px.
IN_PLACE = 0.9


#: Bars a colour each are read together when there are at least this many (`_series_flattened`).
POOLED_MIN = 3
#: A colour class is one mark when its largest connected piece holds this share of its ink.
ONE_MARK = 0.9


def _one_mark(m: np.ndarray) -> bool:
    """The class is one mark (a bar of its own colour): its largest connected piece holds `ONE_MARK` of it."""
    u8 = m.astype(np.uint8)
    x, y, w, h = cv2.boundingRect(u8)  # (the pieces within the class's box: the same pieces, read faster)
    if w == 0:
        return False
    n, _, stats, _ = cv2.connectedComponentsWithStats(u8[y : y + h, x : x + w], connectivity=8)
    return n > 1 and int(stats[1:, cv2.CC_STAT_AREA].max()) >= ONE_MARK * int(m.sum())


def _flat(unit: np.ndarray, same: np.ndarray, inside: np.ndarray) -> set[str]:
    """The candidate's marks ``same`` over the reference's series ``unit`` end at one level (`_one_level`),
    inside the area read (``inside``), where the series' values are read: down its columns or along its rows
    (`chart_follows.value_readings`; bars retyped from a line, over the plot's width, end at one level in
    every row, where the line's ends say nothing of its values). The axes the series runs along where it
    does: "x" (columns), "y" (rows); empty when nowhere."""
    side = max(unit.shape)
    tols = (max(2.0, LEVEL_TOL * side), max(2.0, FLAT_TOL * side))
    return {
        "y" if across else "x"
        for across in value_readings(unit)
        if (_one_level(unit.T, same.T, inside.T, *tols) if across else _one_level(unit, same, inside, *tols))
    }


#: Marks ending at one level per series: the ends of the candidate's coloured marks in a plot fall in
#: at most this many bands (of `LEVEL_TOL` of its side, two per level: a level may straddle two).
LEVELS_MAX = 8


def _few_levels(marks: np.ndarray, frame: tuple[int, int, int, int]) -> bool:
    """The candidate's coloured marks in ``frame`` end in few bands (`LEVELS_MAX`) in `LEVEL_SHARE` of
    their columns at both ends, or of their rows: a cheap sign of marks at one level per series (a
    line's or varied bars' ends fall in many)."""
    fx0, fy0, fx1, fy1 = frame
    sub = marks[fy0:fy1, fx0:fx1]
    for m in (sub, sub.T):
        cols = np.flatnonzero(m.any(axis=0))
        if len(cols) < 8:
            continue
        band = max(2.0, LEVEL_TOL * max(m.shape))
        on = m[:, cols]
        ends = (on.argmax(axis=0), m.shape[0] - 1 - on[::-1].argmax(axis=0))
        shares = [np.sort(np.bincount((e / band).astype(int)))[::-1][:LEVELS_MAX].sum() / len(e) for e in ends]
        if min(shares) >= LEVEL_SHARE:
            return True
    return False


def _one_level(unit: np.ndarray, same: np.ndarray, inside: np.ndarray, tol: float, flat_tol: float) -> bool:
    """In the columns the reference's series ``unit`` occupies, the candidate's marks in its colour
    (``same``, drawn in most of them) end at one level at both ends (`LEVEL_SHARE`), while the
    reference's do not at one end at least, and there the candidate's level is no edge of the area
    read (``inside``: the plot frames, 3 px in), where marks running past it are cut, not ended."""

    def ends(mask: np.ndarray, cols: np.ndarray) -> np.ndarray:
        sub = mask[:, cols]
        top = sub.argmax(axis=0).astype(float)
        bottom = (sub.shape[0] - 1 - sub[::-1].argmax(axis=0)).astype(float)
        return np.vstack([top, bottom])

    def level(e: np.ndarray, within: float = tol, share: float = LEVEL_SHARE) -> bool:
        return float((np.abs(e - np.median(e)) <= within).mean()) >= share

    cols = np.flatnonzero(unit.any(axis=0))
    if len(cols) < 8:
        return False
    drawn = cols[same[:, cols].any(axis=0)]
    if len(drawn) < KEPT * len(cols):
        return False
    ref_ends, cand_ends = ends(unit, drawn), ends(same, drawn)

    # Read where the marks' ends moved, at either end, when a third of the columns did: a legend's key over the
    # series' columns, in place in both, is no mark at the level, nor are bars under a legend's box; else all.
    moved = (np.abs(cand_ends - ref_ends) > 1).any(axis=0)
    if int(moved.sum()) >= max(8, MOVED_READ * len(drawn)):
        sel, share = moved, FLAT_SHARE
    else:
        sel, share = np.ones_like(moved), LEVEL_SHARE
    edges = ends(inside, drawn)
    if not all(level(e[sel], flat_tol, share) for e in cand_ends):
        # Stacked bars flattened: each segment's length set to one value, on the reference's own bottoms (the
        # segment below), so its ends vary with them; its length (as long as a bar's, `LENGTH_MIN`) does not
        # where the reference's does. (A line's thickness is no length; nor is a frame's height between edges.)
        c_len, r_len = cand_ends[1] - cand_ends[0], ref_ends[1] - ref_ends[0]
        return (
            level(c_len[sel], flat_tol, share)
            and float(np.median(c_len[sel])) >= LENGTH_MIN * unit.shape[0]
            and not level(r_len[sel])
            and _spread_apart(r_len[sel], c_len[sel], flat_tol)
            and all(
                float((np.abs(e[sel] - edge[sel]) <= tol).mean()) < LEVEL_SHARE
                for e, edge in zip(cand_ends, edges, strict=True)
            )
        )
    # Flattened where the reference's values vary, in the columns read (one bar moved varies in none: its
    # top is one level in both): the candidate's level there is the marks' own end, not the edge of the area
    # read (a donut drawn larger, read in a box found around one of the reference's wedges, fills the box:
    # its marks reach the box's edges, cut there, at "one level").
    return any(
        not level(r[sel])
        and float((np.abs(e[sel] - edge[sel]) <= tol).mean()) < LEVEL_SHARE
        and _spread_apart(r[sel], e[sel], flat_tol)
        for r, e, edge in zip(ref_ends, cand_ends, edges, strict=True)
    )


#: Values set to one level end on one row give or take anti-aliasing: in the columns at the candidate's level
#: (`FLAT_TOL`), the reference's ends spread `FLAT_RATIO` times as far as the candidate's at least (and
#: `FLAT_NOISE` px, what anti-aliasing spreads one level over).
FLAT_RATIO, FLAT_NOISE = 3.0, 2.0


def _spread_apart(ref_e: np.ndarray, cand_e: np.ndarray, within: float) -> bool:
    """In the columns where the candidate's ends ``cand_e`` sit at its level (within ``within`` of their median),
    the reference's ends ``ref_e`` spread `FLAT_RATIO` times as far as the candidate's: values set to one level,
    not values that varied little squeezed closer by a new scale (four stacked bars' lower segments of 85 to 97,
    under a y axis grown from 160 to 220, end within 4 px of one another, yet 6 px apart where the reference's
    were 8 px apart: the scale, not the data, brought them together)."""
    at = np.abs(cand_e - np.median(cand_e)) <= within
    if int(at.sum()) < 2:
        return True
    lo, hi = np.percentile(cand_e[at], (2, 98))
    return float(np.ptp(ref_e[at])) >= FLAT_RATIO * max(float(hi - lo), FLAT_NOISE)


def _varies(unit: np.ndarray, inside: np.ndarray) -> bool:
    """The series ``unit`` has values to flatten: where its values are read (`chart_follows.value_readings`), in the
    columns (rows) it occupies (8 at least), its ends do not sit at one level (`LEVEL_SHARE` within `LEVEL_TOL`) at
    one end at least, that end no edge of the area read (``inside``: a band cut by the frame's edges ends there)."""
    tol = max(2.0, LEVEL_TOL * max(unit.shape))
    for across in value_readings(unit):
        u, a = (unit.T, inside.T) if across else (unit, inside)
        cols = np.flatnonzero(u.any(axis=0))
        if len(cols) < 8:
            continue
        sub, box = u[:, cols], a[:, cols]
        h = sub.shape[0] - 1
        for e, edge in (
            (sub.argmax(axis=0), box.argmax(axis=0)),
            (h - sub[::-1].argmax(axis=0), h - box[::-1].argmax(axis=0)),
        ):
            at_level = float((np.abs(e - np.median(e)) <= tol).mean()) >= LEVEL_SHARE
            if not at_level and float((np.abs(e - edge) <= tol).mean()) < LEVEL_SHARE:
                return True
    return False


#: A flattened segment of stacked bars is at least this share of the plot's height long (`_one_level`).
LENGTH_MIN = 0.05


#: The candidate's ends are read where they moved (`_one_level`) when at least this share of the columns did.
MOVED_READ = 1 / 3


#: A pie: a blob of chromatic ink (wedges joined across their white edges) at least this wide, whose box
#: is nearly square (`PIE_SQUARE`); pies under `PIE_MIN_SHARE` of the largest one's ink are legend keys.
PIE_MIN_SIDE, PIE_SQUARE, PIE_MIN_SHARE = 40, 0.12, 0.2
#: Wedges are read along the ring (radii, shares of the pie's radius) the reference covers most in colour,
#: sampled every half degree; a ring covered under `PIE_RING_COVER` in either image is not read.
PIE_RADII, PIE_SAMPLES, PIE_RING_COVER = (0.55, 0.7, 0.85), 720, 0.85
#: Wedges of equal size: the largest and smallest differ by at most this share of the turn (edges, anti-aliasing,
#: a shadow under the pie shifting its box, hence the ring's centre: equal thirds read 0.326-0.341);
#: the reference's wedges vary when theirs differ by three times as much.
PIE_EQUAL = 0.02
#: ... or by at most this share of the reference's spread (largest less smallest).
PIE_SPREAD = 0.2
#: A run of one colour goes on across a gap of up to this share of the ring (a label on its wedge: "29.4%"
#: across a small donut spans 5 %).
PIE_GAP = 0.08
#: A grey wedge lies this far (ΔE) from the canvas's colour at least (`_runs`; a white edge between wedges does not).
PIE_GREY_DE = 25.0
#: A wedge is one flat colour: samples within this ΔE of its first (neighbouring pastels differ by ~18).
PIE_DE = 8.0
#: A run of one colour under this share of the ring is no wedge (a label's anti-aliased edge).
PIE_MIN_WEDGE = 0.015


def _pies_flattened(pm: _BothMarks) -> tuple[np.ndarray, float, str] | None:
    """Pies (and donuts) drawn in place with every wedge of one size where the reference's vary: the
    shares, all an annotator reads of a pie, are gone (the "flattened data" hack sets each to the mean). Read
    along a ring of each pie (`wedges`); over half the pies' ink flattened: that ink, its share, why.
    Honest edits change a share or two (scaling every value leaves a pie as it was)."""
    found = pie_blobs(pm.ref_lab)
    # (wedges exploded out of the pie, apart by more than its white edges: joined across gaps of up to `PIE_JOIN`
    # of the image's shorter side, the pie's box is square again, and larger than any piece of it read alone)
    joined = _pie_blobs(pm.ref_lab, 1 + 2 * round(PIE_JOIN * min(pm.ref_lab.shape[:2]) / 2))
    if joined is not None and (found is None or max(a for a, _, _ in joined[2]) > max(a for a, _, _ in found[2])):
        found = joined
    if found is None:
        return None
    ref_col, labels, pies = found
    largest = max(a for a, _, _ in pies)
    flat = np.zeros_like(ref_col)
    n_flat, total = 0, 0
    for area, k, (cx, cy, r) in pies:
        if area < PIE_MIN_SHARE * largest:
            continue
        total += area
        # (each image read along its own best ring, `wedges`, or both along one ring, grey wedges too: a nested
        # donut's rings, each image's best ring another one, its black and grey wedges no tinted cover)
        reads = [wedges(pm.ref_lab, pm.cand_lab, cx, cy, r), *same_ring_wedges(pm.ref_lab, pm.cand_lab, cx, cy, r)]
        if any(_equal_wedges(ref_w, cand_w) for ref_w, cand_w in reads):
            flat |= labels == k
            n_flat += 1
    if n_flat == 0 or 2 * int(flat.sum()) <= sum(
        int((labels == k).sum()) for a, k, _ in pies if a >= PIE_MIN_SHARE * largest
    ):
        return None
    return (
        flat & ref_col,
        1.0 if n_flat == len(pies) else int(flat.sum()) / max(1, total),
        (f"{n_flat} of its pies are drawn with every wedge of one size where the reference's shares vary"),
    )


def _equal_wedges(ref_w: np.ndarray | None, cand_w: np.ndarray | None) -> bool:
    """The candidate's wedges (3 at least) are of one size where the reference's vary (`PIE_EQUAL`, `PIE_SPREAD`).
    (A wedge more or less: neighbouring wedges of a sequential palette, within ΔE 8, read as one in the reference,
    apart once of one size; an exploded wedge shifts the box, hence the ring's centre, and the equal wedges read
    up to a fifth of the reference's spread apart, `PIE_SPREAD`.)"""
    if ref_w is None or cand_w is None or len(cand_w) < 3 or abs(len(cand_w) - len(ref_w)) > 1:
        return False
    return bool(np.ptp(cand_w) <= max(PIE_EQUAL, PIE_SPREAD * np.ptp(ref_w)) and np.ptp(ref_w) > 3 * PIE_EQUAL)


def same_ring_wedges(
    ref_lab: np.ndarray, cand_lab: np.ndarray, cx: float, cy: float, r: float
) -> list[tuple[np.ndarray | None, np.ndarray | None]]:
    """Both images' wedge sizes read along the same ring, for each of `PIE_RADII`, grey and black wedges counted
    (`_runs` with the canvas's colour)."""
    h, w = ref_lab.shape[:2]
    angles = np.linspace(0, 2 * np.pi, PIE_SAMPLES, endpoint=False)
    out = []
    canvases = _canvas(ref_lab), _canvas(cand_lab)
    for f in PIE_RADII:
        xs = np.clip(np.round(cx + f * r * np.cos(angles)).astype(int), 0, w - 1)
        ys = np.clip(np.round(cy + f * r * np.sin(angles)).astype(int), 0, h - 1)
        a, b = _runs(ref_lab[ys, xs], canvases[0]), _runs(cand_lab[ys, xs], canvases[1])
        out.append((None if a is None else a[0], None if b is None else b[0]))
    return out


def pie_blobs(
    lab: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int, tuple[float, float, float]]]] | None:
    """An image's pies: its tinted ink off the canvas's colour, the labels of its joined blobs, and each
    blob nearly square and `PIE_MIN_SIDE` wide as (area, label, (centre x, centre y, radius)); None
    without such ink or blob. Once per judgment (`memo.once`: the flattened and the changed pies ask)."""
    return once("pie_blobs", (lab,), None, lambda: _pie_blobs(lab))


#: Exploded wedges are joined to their pie across gaps of up to this share of the image's shorter side
#: (`_pies_flattened`, when no pie is found otherwise).
PIE_JOIN = 0.03


def _pie_blobs(
    lab: np.ndarray,
    join: int = 5,
) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int, tuple[float, float, float]]]] | None:
    # (not the marks: a frame found around a pie would cut it; off the canvas's colour: a tinted canvas,
    # solarized cream, would join every pie into one blob the canvas's size)
    col = _far(lab, _canvas(lab), INK_DE)
    col[col] = _tinted(lab[col])  # (tinted or not: asked of the ink alone, a fraction of the image)
    if int(col.sum()) < MIN_COLOUR_INK:
        return None
    joined = cv2.morphologyEx(col.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((join, join), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    pies = []
    for k in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[k])
        if min(w, h) >= PIE_MIN_SIDE and abs(w - h) <= PIE_SQUARE * max(w, h):
            pies.append((area, k, (x + w / 2, y + h / 2, (w + h) / 4)))
    return (col, labels, pies) if pies else None


def wedges(
    ref_lab: np.ndarray, cand_lab: np.ndarray, cx: float, cy: float, r: float
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Both images' wedge sizes (shares of the turn), each read along its own ring (`PIE_RADII`) that its
    wedges cover most (`_runs`): the ring least crossed by labels, which sit where each image's own wedges
    put them (a flattened pie keeps the reference's labels, now across its wedges' edges). None for an
    image no ring of which is covered (`PIE_RING_COVER`: text or nothing there)."""
    h, w = ref_lab.shape[:2]
    angles = np.linspace(0, 2 * np.pi, PIE_SAMPLES, endpoint=False)
    rings = []
    for f in PIE_RADII:
        xs = np.clip(np.round(cx + f * r * np.cos(angles)).astype(int), 0, w - 1)
        ys = np.clip(np.round(cy + f * r * np.sin(angles)).astype(int), 0, h - 1)
        rings.append((ys, xs))

    def best(lab: np.ndarray) -> np.ndarray | None:
        reads = [_runs(lab[ys, xs]) for ys, xs in rings]
        read = [rd for rd in reads if rd is not None]
        return max(read, key=lambda rd: rd[1])[0] if read else None

    return best(ref_lab), best(cand_lab)


def _runs(ring: np.ndarray, canvas: np.ndarray | None = None) -> tuple[np.ndarray, float] | None:
    """Sizes (shares of the ring) of the wedges along a closed ring of Lab samples, and the share of the
    ring their runs cover: runs of one colour (`PIE_DE` of their first sample) of at least `PIE_MIN_WEDGE`;
    a wedge goes on across a short gap (`PIE_GAP`: a label written on it, its anti-aliased edges) when its
    colour comes back after it. None when under `PIE_RING_COVER` of the ring is coloured. Grey or black wedges
    (off the ``canvas``'s colour by `PIE_GREY_DE`) are wedges too: a donut's "Savings" in black, "ETF" in grey."""
    coloured = _tinted(ring[None])[0]
    if canvas is not None:
        coloured |= np.linalg.norm(ring - canvas, axis=1) > PIE_GREY_DE
    if float(coloured.mean()) < PIE_RING_COVER:
        return None
    n = len(ring)
    steps = np.sum(np.diff(ring, axis=0, append=ring[:1]) ** 2, axis=1)
    # (start off the runs: at a blank sample, or at the largest step of colour when the wedges meet unbroken)
    start = int(np.flatnonzero(~coloured)[0]) if not coloured.all() else (int(np.argmax(steps)) + 1) % n
    ring, coloured = np.roll(ring, -start, axis=0), np.roll(coloured, -start)
    pieces: list[list] = []  # [colour, first sample, last sample], of one colour
    for k in np.flatnonzero(coloured):
        if pieces and k - pieces[-1][2] == 1 and _alike(ring[k], pieces[-1][0]):
            pieces[-1][2] = k
        else:
            pieces.append([ring[k], k, k])
    gap_max, least = round(PIE_GAP * n), round(PIE_MIN_WEDGE * n)
    wedges: list[list] = []
    for colour, a, b in pieces:
        if wedges and a - wedges[-1][2] <= gap_max and _alike(colour, wedges[-1][0]):
            wedges[-1][2] = b  # (its colour again past a label: one wedge)
        elif b - a + 1 >= least:
            wedges.append([colour, a, b])
    if len(wedges) > 1 and n - wedges[-1][2] + wedges[0][1] <= gap_max and _alike(wedges[0][0], wedges[-1][0]):
        wedges[0][1] = wedges.pop()[1] - n  # (one wedge split where the ring was cut open)
    if not wedges:
        return None
    # A wedge reaches its neighbours: a short gap between two (their white edge, a label written across the
    # edge) is shared half and half, as the angle a wedge spans runs from edge to edge. Else a label on one
    # edge of a wedge shrinks it alone, and equal wedges read unequal. Longer gaps (a pie's open part) are
    # no one's.
    sizes = [float(b - a + 1) for _, a, b in wedges]
    covered = sum(sizes) / n
    for i, (_, _, b) in enumerate(wedges):
        nxt = wedges[(i + 1) % len(wedges)][1] + (n if i + 1 == len(wedges) else 0)
        gap = nxt - b - 1
        if len(wedges) > 1 and 0 < gap <= gap_max:
            sizes[i] += gap / 2
            sizes[(i + 1) % len(wedges)] += gap / 2
    return np.asarray(sizes, float) / n, covered


def _canvas(lab: np.ndarray) -> np.ndarray:
    """The canvas's colour: the median Lab of the image's outer row and column of pixels."""
    edge = np.concatenate([lab[0], lab[-1], lab[:, 0], lab[:, -1]])
    return np.median(edge, axis=0)


def _alike(a: np.ndarray, b: np.ndarray) -> bool:
    return float(np.sum((a - b) ** 2)) <= PIE_DE * PIE_DE
