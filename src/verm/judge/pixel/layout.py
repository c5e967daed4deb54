"""The reference's layout, found before classifying: a chart's plot frame, a table's grid.

A chart's plot frame is the box of its long axis/grid lines (>= 30 % of the side), or in a style
without spines the box of its faint grid (lines ΔE > 2.5 from the background); a table's grid is its
rules half the image wide or through its left border, and the columns inked in >= 60 % of rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from verm.judge.pixel.colour import _ink, _lab_ink, _sq_norm
from verm.judge.pixel.geometry import PxBox, open_line
from verm.judge.pixel.memo import once


def plot_frame(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """The plot area: the box spanned by the long axis lines (spines, grid), or None (a pie, an icon)."""
    h, w = ink.shape
    u8 = ink.astype(np.uint8) & ~_margin(ink)
    hor = open_line(u8, max(3, int(0.3 * w)), 1)
    ver = open_line(u8, max(3, int(0.3 * h)), 0)
    hr = _line_rows(hor.sum(axis=1), 0.3 * w)
    vc = _line_rows(ver.sum(axis=0), 0.3 * h)
    if len(hr) == 0 and len(vc) == 0:
        return None
    if len(hr):
        y0, y1 = int(hr[0]), int(hr[-1]) + 1
        xs = np.nonzero(hor[hr].any(axis=0))[0]
        x0, x1 = int(xs[0]), int(xs[-1]) + 1
    if len(vc):
        vx0, vx1 = int(vc[0]), int(vc[-1]) + 1
        ys = np.nonzero(ver[:, vc].any(axis=1))[0]
        vy0, vy1 = int(ys[0]), int(ys[-1]) + 1
        if not len(hr):
            x0, x1, y0, y1 = vx0, vx1, vy0, vy1
        else:
            x0, x1 = min(x0, vx0), max(x1, vx1)
            y0, y1 = min(y0, vy0), max(y1, vy1)
    if (x1 - x0) < 0.2 * w or (y1 - y0) < 0.2 * h:
        return None
    return x0, y0, x1, y1


#: A filled block of ink reaching the image's edge over at least this share of the image is the
#: figure's margin (a tinted face's background leaves the white figure around it as ink).
MARGIN_SHARE = 0.02


def _margin(ink: np.ndarray) -> np.ndarray:
    """The inside of the figure's margin as a 0/1 mask: filled blocks of ink (solid over 7 x 7
    pixels) that reach the image's edge and hold `MARGIN_SHARE` of it, less their inner edge. The
    image's edges are no lines of the plot's frame; the margin's inner edge, a tinted face's, is."""
    h, w = ink.shape
    solid = cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN, np.ones((7, 7), np.uint8))
    edge = np.concatenate([solid[0], solid[-1], solid[:, 0], solid[:, -1]])
    if not edge.any():
        return np.zeros((h, w), np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=4)
    edge_labels = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    keep = np.zeros(n, np.uint8)
    for k in edge_labels[edge_labels > 0]:
        if stats[k, cv2.CC_STAT_AREA] >= MARGIN_SHARE * h * w:
            keep[k] = 1
    if not keep.any():
        return np.zeros((h, w), np.uint8)
    # (its inside only: where it meets a tinted face, its inner edge is the face's, the frame)
    return cv2.erode(keep[labels], np.ones((5, 5), np.uint8))


#: Colour difference from the background of faint lines: a style's light grid on a tinted face.
FAINT_DE = 2.5


def chart_frame(rgb: np.ndarray, ink: np.ndarray) -> PxBox | None:
    """A chart's plot area (`plot_frame`); in a style without spines, the box of its faint grid."""
    face = _face(rgb)
    if face is not None:
        # (no spines: the long straight edges of filled marks, a histogram's bars, a violin's or a
        # pie's chord, are no axes; the plot is the face)
        return face
    frame = plot_frame(ink)
    if frame is None:
        frame = plot_frame(_ink(_lab_ink(rgb)[0], rgb, FAINT_DE))
    return frame


#: A tinted face: its piece of one light colour spans under this share of the image (the figure's
#: margin around it in another colour), ...
FACE_MAX = 0.9
#: ... over this share of it at least, ...
FACE_MIN = 0.15
#: ... filling this share of its box at least (the marks over it aside), ...
FACE_FILLED = 0.5
#: ... and no other piece of it is this large beside it (a grid of subplots has several faces).
FACE_SECOND = 0.3


def _face(rgb: np.ndarray) -> PxBox | None:
    """The box of a tinted plot face (seaborn's darkgrid: a light colour, no spines) inside a margin of
    another colour: the image's background colour, or else the commonest faint one (`FAINT_DE` to
    `INK_DE` off the background: a face beside a subplot on white), whose largest piece (within
    `FAINT_DE`, closed over the grid lines) spans `FACE_MIN` to `FACE_MAX` of the image, fills half its
    box, and is the only piece that large. None otherwise (a white chart's background is its whole
    canvas)."""
    h, w = rgb.shape[:2]
    lab = _lab_ink(rgb)[0]
    faint = _ink(lab, rgb, FAINT_DE)
    # (a white chart's background runs round the canvas's edge: no face there, and no need to look)
    face = _face_piece(~faint) if _edge_share(faint) > 0.5 else None
    if face is None:
        tinted = faint & ~_ink(lab, rgb)
        if np.count_nonzero(tinted) >= FACE_MIN * h * w:
            idx = np.flatnonzero(tinted)
            tint = np.median(lab.reshape(-1, 3)[idx[:: max(1, len(idx) // 20000)]], axis=0)
            face = _face_piece(_sq_norm(cv2.subtract(lab, (*map(float, tint), 0.0))) < FAINT_DE**2)
    return face


def _face_piece(mask: np.ndarray) -> PxBox | None:
    """`_face`'s test of one colour's ``mask``: its largest piece's box, or None."""
    h, w = mask.shape
    if _edge_share(mask) >= 0.5:
        return None  # (the colour runs round the canvas's edge: its piece is the canvas, no face)
    closed = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=4)
    if n < 2:
        return None
    order = 1 + np.argsort(-(stats[1:, 2] * stats[1:, 3]))
    x, y, bw, bh, area = (int(v) for v in stats[order[0]])
    if not (
        FACE_MIN * h * w <= bw * bh <= FACE_MAX * h * w
        and area >= FACE_FILLED * bw * bh
        and (len(order) < 2 or stats[order[1], 2] * stats[order[1], 3] < FACE_SECOND * bw * bh)
    ):
        return None
    if sorted(_sides_filled(labels[y : y + bh, x : x + bw] == order[0]))[1] < FACE_SIDE:
        return None
    return x, y, x + bw, y + bh


def _edge_share(mask: np.ndarray) -> float:
    """The share of the canvas's edge pixels ``mask`` holds."""
    return float(np.concatenate((mask[0], mask[-1], mask[:, 0], mask[:, -1])).mean())


#: A face is a rectangle: three of its box's sides at least lie on the face along this share of them
#: (marks may stand on the fourth: a histogram's bars); a light fill under a curve is no face.
FACE_SIDE = 0.8


def _sides_filled(piece: np.ndarray) -> tuple[float, float, float, float]:
    """How much of each side of ``piece``'s box (top, bottom, left, right) the piece covers, the best of
    the 3 px along it."""
    return (
        float(piece[:3].mean(axis=1).max()),
        float(piece[-3:].mean(axis=1).max()),
        float(piece[:, :3].mean(axis=0).max()),
        float(piece[:, -3:].mean(axis=0).max()),
    )


#: `_long_lines`' last answers, by the identity of the ink mask (kept, so its id stays its own) and
#: ``frac``: one judgment asks for the same image's lines from several steps. Ink masks are not
#: written to once made.
_LINES_MEMO: dict[tuple[int, float], tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]] = {}
_LINES_MEMO_SIZE = 8


def _long_lines(ink: np.ndarray, frac: float) -> tuple[np.ndarray, np.ndarray]:
    """Masks of thin horizontal and vertical ink lines at least ``frac`` of the image side long
    (callers must not write to them: they are shared).

    Thin: a filled area (a tall bar) has long runs too, but is also thick the other way.
    """
    key = (id(ink), frac)
    hit = _LINES_MEMO.get(key)
    if hit is not None and hit[0] is ink:
        return hit[1]
    lines = _find_long_lines(ink, frac)
    if len(_LINES_MEMO) >= _LINES_MEMO_SIZE:
        _LINES_MEMO.pop(next(iter(_LINES_MEMO)), None)
    _LINES_MEMO[key] = (ink, lines)
    return lines


def _find_long_lines(ink: np.ndarray, frac: float) -> tuple[np.ndarray, np.ndarray]:
    h, w = ink.shape
    u8 = ink.astype(np.uint8)
    hor = open_line(u8, max(3, int(frac * w)), 1)
    ver = open_line(u8, max(3, int(frac * h)), 0)
    thick_v = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((7, 1), np.uint8))
    thick_h = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((1, 7), np.uint8))
    return (hor > 0) & (thick_v == 0), (ver > 0) & (thick_h == 0)


def _line_rows(counts: np.ndarray, min_len: float) -> np.ndarray:
    """Indices whose run count is long and which are an edge (a line), not the inside of a filled block."""
    n = len(counts)
    idx = np.nonzero(counts >= min_len)[0]
    keep = []
    for i in idx:
        above = counts[max(0, i - 3)] if i >= 3 else 0
        below = counts[i + 3] if i + 3 < n else 0
        if min(above, below) < 0.5 * counts[i]:
            keep.append(int(i))
    return np.asarray(keep, dtype=np.int64)


@dataclass(frozen=True)
class TableGrid:
    """Row and column rule positions of a bordered table, in working pixels."""

    rows: list[float]
    cols: list[float]

    def row_of(self, y: float) -> int:
        return min(max(int(np.searchsorted(self.rows, y)), 1), len(self.rows) - 1)

    def col_of(self, x: float) -> int:
        return min(max(int(np.searchsorted(self.cols, x)), 1), len(self.cols) - 1)


def table_grid(rgb: np.ndarray) -> TableGrid | None:
    """Detect a table's grid: horizontal rules span half the width or run through the table's left
    border (`_partial_rules`); vertical rules are the columns whose ink runs through most row bands
    (merged cells break a vertical rule in one row only)."""
    ink = _lab_ink(rgb)[1]
    h, w = ink.shape
    # Rules are unbroken runs; a bold text line can ink half the columns of a row, but with gaps.
    runs = open_line(ink, max(3, w // 4), 1) > 0
    # A column rule: ink in >= 60 % of the rows, in a thin column (not text: text columns are broken).
    vfill = cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN, np.ones((7, 1), np.uint8)).mean(axis=0)
    col_rules = _group_positions(np.nonzero(vfill >= 0.6)[0])
    full = runs.mean(axis=1) >= 0.5
    rule_rows = full | _partial_rules(ink, runs, col_rules, full)
    rows = _with_edges(_group_positions(np.nonzero(rule_rows)[0]), h)
    cols = _with_edges(col_rules, w)
    if len(rows) < 2 and len(cols) < 2:
        return None
    if len(rows) < 2:
        rows = [0.0, float(h)]
    if len(cols) < 2:
        cols = [0.0, float(w)]
    return TableGrid(rows=rows, cols=cols)


#: A partial rule (`_partial_rules`) is at most this thick (px): a shaded cell is a block, not a rule.
PARTIAL_RULE_PX = 4


def _partial_rules(ink: np.ndarray, runs: np.ndarray, col_rules: list[float], full: np.ndarray) -> np.ndarray:
    """Pixel rows (a mask) of row rules under half the image wide that start at the table's left
    border (its first column rule) and run at least across its first cell (to the second column
    rule) or a quarter of the width. A table whose later columns are empty in most rows has rules
    under its first cells only, a share of the width that falls under half once one row grows a
    column (wtq-202-204: a split cell pushed a value into a fifth column, the candidate's grid lost
    six rows and its cells read as another table's); cells spanning rows beside the first column
    break the rules between the rows they span, leaving the first cell's. A spanning header's inner
    rule starts right of the first column; text and underlines keep off the border (padding). A
    band within 2 px of a rule half the width wide (``full``) is that rule's anti-aliased edge, left
    out so that the rule stays where it was."""
    mask = np.zeros(ink.shape[0], bool)
    if not col_rules:
        return mask
    x = round(col_rules[0])
    through = runs[:, max(0, x - 1) : x + 2].any(axis=1)
    if len(col_rules) >= 2 and round(col_rules[1]) - x > 4:
        first_cell = ink[:, max(0, x - 1) : round(col_rules[1]) + 2]
        through |= first_cell.mean(axis=1) >= FIRST_CELL_RULE
    start = None
    for y, t in enumerate([*through.tolist(), False]):
        if t and start is None:
            start = y
        elif not t and start is not None:
            if y - start <= PARTIAL_RULE_PX and not full[max(0, start - 2) : y + 2].any():
                mask[start:y] = True
            start = None
    return mask


#: Share of the first cell's width (its two column rules included) a row rule inks.
FIRST_CELL_RULE = 0.95


def _with_edges(rules: list[float], size: int) -> list[float]:
    """Treat the image edges as the outer border when a trimmed screenshot cut it off."""
    if not rules:
        return rules
    if rules[0] > 3:
        rules = [0.0, *rules]
    if rules[-1] < size - 4:
        rules = [*rules, float(size)]
    return rules


def _group_positions(idx: np.ndarray) -> list[float]:
    """Centres of runs of indices at most 2 apart (one rule drawn over a few pixel rows)."""
    if len(idx) == 0:
        return []
    groups: list[list[int]] = [[int(idx[0])]]
    for i in idx[1:]:
        if i - groups[-1][-1] <= 2:
            groups[-1].append(int(i))
        else:
            groups.append([int(i)])
    return [sum(g) / len(g) for g in groups]


#: A subplot's frame: connected straight lines spanning at least this share of the image both ways.
SUBPLOT_MIN = 0.12


def subplot_frames(rgb: np.ndarray, ink: np.ndarray, min_side: float = SUBPLOT_MIN) -> list[PxBox]:
    """Every axes' frame of a chart, largest first: connected horizontal and vertical straight lines
    (spines and the grid joined to them, each >= `SUBPLOT_MIN` of the image side long) whose box spans
    `SUBPLOT_MIN` (``min_side``) of the image both ways; in a style without spines, its faint grid. A frame inside
    another (an inset) is kept; colour bars and legends (narrow, or without straight corners) are not."""
    return list(once("subplot_frames", (rgb, ink), min_side, lambda: _subplot_frames(rgb, ink, min_side)))


def _subplot_frames(rgb: np.ndarray, ink: np.ndarray, min_side: float) -> list[PxBox]:
    frames = _line_frames(ink, min_side)
    if not frames:
        frames = _line_frames(_ink(_lab_ink(rgb)[0], rgb, FAINT_DE), min_side)
    return frames


#: A framed subplot: three of its frame's four sides are inked along at least this share of them.
BOXED_SIDE = 0.8


def boxed_frames(ink: np.ndarray, frames: list[PxBox]) -> list[PxBox]:
    """The ``frames`` (`subplot_frames`) drawn as a box: three of their sides at least are spines
    (`frame_sides`). An axes, not straight edges that happen to meet (a pie's wedges)."""
    # (three sides: a broken axis leaves one spine out)
    return [f for f in frames if sorted(frame_sides(ink, f))[1] >= BOXED_SIDE]


def frame_sides(ink: np.ndarray, frame: PxBox) -> tuple[float, float, float, float]:
    """How much of each side of ``frame`` (top, bottom, left, right) one straight line of ink covers,
    the best line near that side (a tick mark may widen a found frame a little)."""
    x0, y0, x1, y1 = frame
    dx, dy = max(4, int(0.06 * (x1 - x0))), max(4, int(0.06 * (y1 - y0)))
    rows, cols = ink[:, x0:x1].mean(axis=1), ink[y0:y1, :].mean(axis=0)
    return (
        float(rows[max(0, y0 - 2) : y0 + dy].max(initial=0.0)),
        float(rows[max(0, y1 - dy) : y1 + 2].max(initial=0.0)),
        float(cols[max(0, x0 - 2) : x0 + dx].max(initial=0.0)),
        float(cols[max(0, x1 - dx) : x1 + 2].max(initial=0.0)),
    )


def subplot_arrangement(frames: list[PxBox], w: int, h: int) -> tuple[int, int]:
    """How many rows and columns ``frames`` (`subplot_frames`) are laid out in: their centres'
    distinct heights and distinct places across (closer than 5 % of the image side are one)."""

    def distinct(values: list[float], tol: float) -> int:
        n, last = 0, None
        for v in sorted(values):
            if last is None or v - last > tol:
                n += 1
            last = v
        return n

    return (
        distinct([(f[1] + f[3]) / 2 for f in frames], 0.05 * h),
        distinct([(f[0] + f[2]) / 2 for f in frames], 0.05 * w),
    )


def _line_frames(ink: np.ndarray, min_side: float) -> list[PxBox]:
    h, w = ink.shape
    u8 = ink.astype(np.uint8)
    hor = open_line(u8, max(3, int(min_side * w)), 1)
    ver = open_line(u8, max(3, int(min_side * h)), 0)
    # Thin: a filled block (a bar, an image) has long runs too, but is thick the other way.
    hor &= cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((7, 1), np.uint8)) == 0
    ver &= cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((1, 7), np.uint8)) == 0
    lines = cv2.dilate(hor | ver, np.ones((3, 3), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    out: list[PxBox] = []
    for k in range(1, n):
        x, y, bw, bh, _ = (int(v) for v in stats[k])
        if bw < min_side * w or bh < min_side * h:
            continue
        comp = labels[y : y + bh, x : x + bw] == k
        if not (hor[y : y + bh, x : x + bw][comp].any() and ver[y : y + bh, x : x + bw][comp].any()):
            continue
        out.append((x + 1, y + 1, x + bw - 1, y + bh - 1))  # the dilation's margin off
    return sorted(out, key=lambda b: -(b[2] - b[0]) * (b[3] - b[1]))


#: A colour bar: a filled strip at least this many times longer than thick, ...
COLOUR_BAR_ASPECT = 5
#: ... whose colour runs along it by at least this much (the sum of ΔE between neighbouring
#: pixels), ...
COLOUR_BAR_TRAVEL = 80.0
#: ... never by this ΔE or more at one step (a stacked bar's segments, or a line or marker crossing
#: a bar, jump), ...
COLOUR_BAR_JUMP = 35.0
#: ... changing at this share of its pixels at least (a smooth colour map), or showing at least
#: `COLOUR_BAR_LEVELS` distinct flat colours (ΔE > 5 apart; a colour map of discrete levels: a bar
#: crossed by grid lines shows two).
COLOUR_BAR_MOVING = 0.25
COLOUR_BAR_LEVELS = 6


#: `colour_bars`' last answers, by the identity of the ink mask (kept, so its id stays its own): one
#: judgment asks for the same image's colour bars from several steps.
_BARS_MEMO: dict[int, tuple[np.ndarray, list[PxBox]]] = {}


def colour_bars(rgb: np.ndarray, ink: np.ndarray) -> list[PxBox]:
    """`_find_colour_bars`, once per ink mask (`_BARS_MEMO`)."""
    hit = _BARS_MEMO.get(id(ink))
    if hit is not None and hit[0] is ink:
        return list(hit[1])
    bars = _find_colour_bars(rgb, ink)
    if len(_BARS_MEMO) >= _LINES_MEMO_SIZE:
        _BARS_MEMO.pop(next(iter(_BARS_MEMO)), None)
    _BARS_MEMO[id(ink)] = (ink, bars)
    return list(bars)


def _find_colour_bars(rgb: np.ndarray, ink: np.ndarray) -> list[PxBox]:
    """A chart's colour bars: filled strips (>= 6 px thick, >= `COLOUR_BAR_ASPECT` times as long
    as thick and >= 15 % of the image side long, nearly solid) that stay one colour across and run
    through a colour map along their length (`COLOUR_BAR_TRAVEL` and the rest). A colour bar
    labels the plot beside it (`subplot_frames` leaves it out: it is no axes of data)."""
    h, w = ink.shape
    solid = cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=4)
    out: list[PxBox] = []
    for k in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[k])
        upright = bh > bw
        long, thick = (bh, bw) if upright else (bw, bh)
        if thick < 6 or long < COLOUR_BAR_ASPECT * thick or long < 0.15 * (h if upright else w):
            continue
        if area < 0.85 * bw * bh:
            continue
        strip = rgb[y : y + bh, x : x + bw]
        if not upright:
            strip = strip.transpose(1, 0, 2)  # rows run along the bar
        core = strip[2:-2, 2:-2].astype(np.float32) / 255.0
        # One colour across: each row's pixels within a few levels of the row's mean.
        if float(np.abs(core - core.mean(axis=1, keepdims=True)).mean()) > 6 / 255.0:
            continue
        lab = cv2.cvtColor(
            np.ascontiguousarray(core[:, core.shape[1] // 2 : core.shape[1] // 2 + 1]), cv2.COLOR_RGB2Lab
        )
        steps = np.linalg.norm(np.diff(lab[:, 0], axis=0), axis=1)
        if len(steps) == 0 or steps.max() >= COLOUR_BAR_JUMP or steps.sum() < COLOUR_BAR_TRAVEL:
            continue
        if (steps >= 0.5).mean() >= COLOUR_BAR_MOVING or _flat_levels(lab[:, 0], steps) >= COLOUR_BAR_LEVELS:
            out.append((max(0, x - 2), max(0, y - 2), min(w, x + bw + 2), min(h, y + bh + 2)))
    return out


def _flat_levels(lab: np.ndarray, steps: np.ndarray) -> int:
    """How many distinct colours (ΔE > 5 apart) a line of Lab colours holds flat over >= 3 pixels."""
    flat = np.r_[False, steps < 1.0]  # pixel i is level with pixel i - 1
    levels: list[np.ndarray] = []
    run = 0
    for i, level in enumerate(flat):
        run = run + 1 if level else 0
        if run == 2 and all(float(np.linalg.norm(lab[i] - c)) > 5 for c in levels):
            levels.append(lab[i])
    return len(levels)
