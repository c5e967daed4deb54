"""Changed text, read: a region grown to its text line, both images read by OCR, one item when the
words differ.

Reads below confidence 55 or with < 2 letters/digits are not trusted; a side with no ink is not
read; text on one side only must hold a word of >= 3 characters and is no change when its glyphs
are drawn elsewhere in the other image (it moved). Rotated and slanted labels are turned first.
"""

from __future__ import annotations

import math
import re

import cv2
import numpy as np

from verm.judge.pixel.classify import _CATS, _looks_like_text
from verm.judge.pixel.context import _Ctx, _Item, _pad_box
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import PxBox, _box_area, _box_overlap, _cell_ink_box, _inside, _union
from verm.judge.pixel.grade import _text_severity
from verm.judge.pixel.layout import colour_bars, subplot_frames
from verm.judge.pixel.ocr import _alnum, _last_conf, _levenshtein, _Ocr, _ocr_same, _q, is_numeric_change, read_text
from verm.types import Task

#: Tesseract's mean word confidence below which a read is not trusted as text.
MIN_OCR_CONF = 55


def _text_candidate(c: _Ctx, r: Region) -> bool:
    """Worth reading: thin strokes in a short band (or a narrow column, for rotated labels)."""
    if r.ink_union == 0 or r.stroke_ratio < 0.3:
        return False
    if c.task is Task.CHART and _inside(r.bbox, c.frame, -3) and not _looks_like_text(r, c.h):
        return False
    short = r.height <= 0.1 * c.h
    narrow = r.width <= 0.06 * c.w and r.height <= 0.5 * c.h
    return short or narrow


def _text_item(c: _Ctx, r: Region, alike: list[Region] | None = None, on_marks: bool = False) -> _Item | None:
    """OCR both images over the region's text line; an item when the words differ, else None (and
    the region appended to ``alike`` when both read the same words, confidently: the same text).
    ``on_marks``: words drawn over a mark, which blanking the mark must leave (`_read_pair`)."""
    box = _line_box(c, r.bbox, pad=0)
    pair = _read_pair(c, _pad_box(box, 3, c) if c.grid is None else _line_box(c, r.bbox), on_marks=on_marks)
    if pair is None:
        return None
    a, b = pair
    if a == b or (not a and not b) or (c.task is Task.CHART and (_shifted_words(a, b) or _same_number(a, b))):
        if alike is not None and a and b and c.last_conf >= MIN_OCR_CONF and min(_alnum(a), _alnum(b)) >= 2:
            alike.append(r)
        return None  # (a table's cell holds its own text: a word fewer there is a change)
    # Tesseract reads lines, markers and bar edges as junk words: trust only confident, wordy reads.
    if c.last_conf < MIN_OCR_CONF or max(_alnum(a), _alnum(b)) < 2:
        return None
    if not (a and b):
        if max((_alnum(t) for t in (a or b).split()), default=0) < 3:
            return None  # text on one side only must hold a word: markers and bar edges read as "e e", "es"
        if _drawn_elsewhere(c, box, in_ref=bool(a)):
            return None  # not text gone or new but text moved (a label that moved with its legend or slice)
    if _levenshtein(a.lower(), b.lower()) == 0:
        sev, numeric = 1, False
    else:
        numeric = c.task is Task.TABLE and is_numeric_change(a, b)
        sev = _text_severity(a, b, numeric)
    cat = _CATS[c.task]["numeric" if numeric else "text"]
    if not a:
        desc = f"The candidate has text {_q(b)} where the reference has none."
    elif not b:
        desc = f"The text {_q(a)} is missing in the candidate."
    else:
        what = "number" if numeric else "text"
        desc = f"The {what} reads {_q(b)} in the candidate instead of {_q(a)}."
    # A chart's tick labels changed: kind "ticks", so the change they label may take them.
    kind = "ticks" if c.task is Task.CHART and _tick_reads(a) and _tick_reads(b) else "text"
    return _Item(cat, sev, box, desc, kind, reads=(a, b) if a and b else None)


def _same_number(a: str, b: str) -> bool:
    """Two reads of a chart's short label (a number: digits on one side at least, `SHORT_LABEL` letters or
    digits at most) that differ only by what OCR confuses at small sizes, case aside ("50" read "so", "60"
    read "6o", "70{" read "70 {" beside a line recoloured next to a tick label): the same label, the region
    changed around it (`ocr._ocr_same`). Words keep their case: a title's case changed is an edit."""
    return (
        any(ch.isdigit() for ch in a + b)
        and max(_alnum(a), _alnum(b)) <= SHORT_LABEL
        and _ocr_same(a.upper(), b.upper())
    )


#: A label of at most this many letters or digits is a short one, a number (`_same_number`).
SHORT_LABEL = 6


#: Two letters in a row: a word, not a tick label (log ticks read "10?", "8x10!", "2×10¹").
_LETTERS = re.compile(r"[^\W\d_]{2}")


def _tick_reads(s: str) -> bool:
    """A read of tick labels: every word holds a digit and no two letters in a row."""
    words = s.split()
    return bool(words) and all(any(ch.isdigit() for ch in t) and not _LETTERS.search(t) for t in words)


def _tick_count(it: _Item) -> int:
    """How many tick labels a "ticks" item reads beyond one (both reads hold one at least): 1 for one
    label changed, more for several."""
    return sum(any(ch.isdigit() for ch in t) for t in " ".join(it.reads or ()).split()) - 1


def _fold_tick_labels(c: _Ctx, items: list[_Item], hidden: list[PxBox]) -> list[_Item]:
    """Tick labels that changed with what they label are that change, not text errors of their
    own: an emptied or re-limited subplot re-draws its tick labels (reset to 0-1), an axis turned
    log re-writes them, a colour bar re-drawn in another colour map re-draws its own. A "ticks"
    item (`_text_item`: tick labels read on both sides) goes into the change it labels: in the tick
    band of a subplot's frame (`_tick_frame`), when that subplot's changed tick labels are >= 2
    (one label alone changed beside a data change is a text edit of its own), into that subplot's
    data or structure change (an item whose changed places lie mostly in the frame or its bands,
    or whose box covers half the frame) or its hidden data (``hidden``: the boxes of the
    hidden-data items); in a colour bar's tick band (`_in_bar_band`), into any change over the bar.
    Then the same words changed the same way in several places, or two labels swapped, are one
    change (`_same_text_changes`). Rules in full: docs/judges.md."""
    ticks = [it for it in items if it.kind == "ticks"]
    if not ticks:
        return _same_text_changes(items)
    frames = subplot_frames(c.ref, c.ref_ink) or ([c.frame] if c.frame is not None else [])
    bars = colour_bars(c.ref, c.ref_ink)
    folded: list[_Item] = []
    for f in [*frames, *bars]:
        bar = f in bars
        left = [t for t in ticks if all(t is not k for k in folded)]
        if bar:
            mine = [t for t in left if _in_bar_band(c, t.box, f)]
        else:
            mine = [t for t in left if _tick_frame(c, t.box, frames) == f]
            if sum(_tick_count(t) for t in mine) < 2:
                mine = []
        if not mine:
            continue
        reach = f if bar else _pad_box_xy(c, f)
        owner = next(
            (
                it
                for it in items
                if it.kind != "ticks"
                and (bar or it.category in ("data_error", "structure_error"))
                and (
                    any(_box_overlap(p, reach) >= (1 if bar else 0.5 * max(1, _box_area(p))) for p in it.pieces)
                    # (an axis change takes the plot's changes into its box, not its parts)
                    or (not bar and _box_overlap(it.box, f) >= 0.5 * max(1, _box_area(f)))
                )
            ),
            None,
        )
        if owner is None and (bar or not any(_box_overlap(b, f) >= 0.5 * max(1, _box_area(b)) for b in hidden)):
            continue
        if owner is not None:
            owner.parts = [*owner.pieces, *(t.box for t in mine)]
            owner.box = _union([owner.box, *(t.box for t in mine)])
            owner.description += " Its labels changed with it: " + " ".join(t.description for t in mine)
        folded.extend(mine)
    return _same_text_changes([it for it in items if all(it is not k for k in folded)])


def _same_text_changes(items: list[_Item]) -> list[_Item]:
    """Text items that read the same change (the same words before and after) in several places are
    one edit (a category renamed on both axes of a matrix, a label and its legend entry), and so
    are two that read each other's words (two labels swapped): one item, its box spanning them."""
    first: dict[tuple[str, str], _Item] = {}
    out: list[_Item] = []
    for it in items:
        pair = it.reads if it.kind in ("text", "ticks") else None
        if pair is None:
            out.append(it)
            continue
        same = first.get(pair) or first.get((pair[1], pair[0]))
        if same is None:
            first[pair] = it
            out.append(it)
            continue
        same.parts = [*same.pieces, *it.pieces]
        same.box = _union([same.box, it.box])
        if pair not in first:  # the other half of a swap: values misattributed (as `_axis_change` grades it)
            same.severity = 3
            same.description = f"{same.description} Swapped with it: {it.description}"
    return out


def _in_bar_band(c: _Ctx, box: PxBox, b: PxBox) -> bool:
    """``box`` reaches where colour bar ``b``'s tick labels are: below a level bar (within 6 % of
    the image's height), right of an upright one (within 8 % of its width), along its length (a
    line of text grown over the bar's label reaches past it)."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    bx0, by0, bx1, by1 = b
    if bx1 - bx0 >= by1 - by0:
        return bx0 - 0.04 * c.w <= cx <= bx1 + 0.04 * c.w and y1 > by1 and y0 <= by1 + 0.06 * c.h
    return by0 - 0.03 * c.h <= cy <= by1 + 0.03 * c.h and x1 > bx1 and x0 <= bx1 + 0.08 * c.w


def _pad_box_xy(c: _Ctx, f: PxBox) -> PxBox:
    """A subplot frame with its tick bands (`_in_tick_band`)."""
    return (
        max(0, int(f[0] - 0.15 * c.w)),
        max(0, int(f[1] - 0.03 * c.h)),
        min(c.w, int(f[2] + 0.15 * c.w)),
        min(c.h, int(f[3] + 0.08 * c.h)),
    )


def _tick_frame(c: _Ctx, box: PxBox, frames: list[PxBox]) -> PxBox | None:
    """The subplot frame whose tick labels ``box`` holds: the first whose bottom band holds it
    (`_below`), else the first whose left band does, else whose right band (a twin axis; the left
    band of a subplot on its right is that subplot's)."""
    for side in ("below", "left", "right"):
        for f in frames:
            if _in_tick_band(c, box, f, side):
                return f
    return None


def _in_tick_band(c: _Ctx, box: PxBox, f: PxBox, side: str) -> bool:
    """``box`` sits where frame ``f``'s tick labels are, on ``side``: below it (reaching past its
    bottom, starting within 6 % of the image's height of it), or left or right of it (within 15 %
    of its width, level with it); new labels of another width move the frame, so a box may reach
    5 % of the width into it. (A text line grows over the tick marks to the frame.)"""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    fx0, fy0, fx1, fy1 = f
    if side == "below":
        return y1 > fy1 + 2 and abs(y0 - fy1) <= 0.06 * c.h and fx0 - 0.04 * c.w <= cx <= fx1 + 0.04 * c.w
    if not fy0 - 0.03 * c.h <= cy <= fy1 + 0.03 * c.h:
        return False
    if side == "left":
        return cx < fx0 + 0.05 * c.w and fx0 - 0.15 * c.w <= x1 <= fx0 + 0.08 * c.w
    return cx > fx1 - 0.05 * c.w and fx1 - 0.08 * c.w <= x0 <= fx1 + 0.15 * c.w


def _shifted_words(a: str, b: str) -> bool:
    """The same line of text read through a window that moved along it: one read's words run on
    where the other's stop (>= 2 words in common at the seam), or one holds the other whole (>= 2
    words): a title re-centred over a new layout, a line box that took in a word beside it."""
    wa, wb = a.split(), b.split()
    for x, y in ((wa, wb), (wb, wa)):
        if len(y) >= 2 and any(x[i : i + len(y)] == y for i in range(len(x) - len(y) + 1)):
            return True
        if any(x[-k:] == y[:k] for k in range(2, min(len(x), len(y)) + 1)):
            return True
    return False


def _line_box(c: _Ctx, box: PxBox, pad: int = 3) -> PxBox:
    """Grow a text region to the whole text line (so a changed letter is read with its word)."""
    x0, y0, x1, y1 = box
    ink = c.ref_ink | c.cand_ink
    if c.grid is None and _beside_plot(c, box):
        # A rotated label (a y-axis label) runs down the image: grown that way, it is a tall column.
        ty0, tx0, ty1, tx1 = _grow_line(ink.T, (y0, x0, y1, x1), 0, c.h)
        if (y1 - y0) > 1.6 * (x1 - x0) or ty1 - ty0 > 1.6 * (tx1 - tx0):
            return max(0, tx0 - pad), max(0, ty0 - pad), min(c.w, tx1 + pad), min(c.h, ty1 + pad)
    limit_l, limit_r = 0, c.w
    if c.grid is not None:  # stay inside the cell
        k = c.grid.col_of((x0 + x1) / 2)
        limit_l, limit_r = int(c.grid.cols[k - 1]) + 2, int(c.grid.cols[k]) - 1
    elif c.frame is not None and _inside(box, c.frame):
        limit_l, limit_r = c.frame[0] + 2, c.frame[2] - 2
    elif c.frame is not None and x1 <= c.frame[0]:
        limit_r = max(x1, c.frame[0] - 3)  # a y tick label: not on through its tick mark into the plot
    elif c.frame is not None and x0 >= c.frame[2]:
        limit_l = min(x0, c.frame[2] + 3)
    nx0, ny0, nx1, ny1 = _grow_line(ink, box, limit_l, limit_r)
    if c.grid is not None:
        k = c.grid.row_of((y0 + y1) / 2)
        ny0, ny1 = max(ny0 - pad, int(c.grid.rows[k - 1]) + 2), min(ny1 + pad, int(c.grid.rows[k]) - 1)
        return max(nx0 - pad, limit_l), ny0, min(nx1 + pad, limit_r), max(ny1, ny0 + 1)
    return max(0, nx0 - pad), max(0, ny0 - pad), min(c.w, nx1 + pad), min(c.h, ny1 + pad)


def _beside_plot(c: _Ctx, box: PxBox) -> bool:
    """A narrow box left or right of a chart's plot frame, where axis labels are set rotated."""
    if c.frame is None or box[2] - box[0] > 0.06 * c.w:
        return False
    return box[2] <= c.frame[0] + 2 or box[0] >= c.frame[2] - 2


def _grow_line(ink: np.ndarray, box: PxBox, limit_l: int, limit_r: int) -> PxBox:
    """``box`` grown along x over ink gaps under 0.8 of its height (between ``limit_l`` and
    ``limit_r``: the line's words), then along y while the rows stay inked (by at most its height)."""
    x0, y0, x1, y1 = box
    h = ink.shape[0]
    bh = max(y1 - y0, 4)
    gap = max(4, int(0.8 * bh))
    cols = ink[max(0, y0 - 1) : y1 + 1].any(axis=0)
    x = x0
    while x > limit_l:
        seg = cols[max(limit_l, x - gap) : x]
        hits = np.nonzero(seg)[0]
        if len(hits) == 0:
            break
        x = max(limit_l, x - gap) + int(hits[0])
    nx0 = x
    x = x1
    while x < limit_r:
        seg = cols[x : min(limit_r, x + gap)]
        hits = np.nonzero(seg)[0]
        if len(hits) == 0:
            break
        x = x + int(hits[-1]) + 1
    nx1 = x
    rows = ink[:, nx0:nx1].any(axis=1)
    ny0, ny1 = y0, y1
    while ny0 > 0 and rows[ny0 - 1] and y0 - ny0 < bh:
        ny0 -= 1
    while ny1 < h and rows[ny1] and ny1 - y1 < bh:
        ny1 += 1
    return nx0, ny0, nx1, ny1


def _read_pair(c: _Ctx, box: PxBox, block: bool = False, on_marks: bool = False) -> tuple[str, str] | None:
    x0, y0, x1, y1 = box
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    vertical = (y1 - y0) > 1.6 * (x1 - x0) and not block
    slant = 0.0 if vertical or block else _slant((c.ref_ink | c.cand_ink)[y0:y1, x0:x1])
    rg = cv2.cvtColor(np.ascontiguousarray(c.ref[y0:y1, x0:x1]), cv2.COLOR_RGB2GRAY)
    cg = cv2.cvtColor(np.ascontiguousarray(c.cand[y0:y1, x0:x1]), cv2.COLOR_RGB2GRAY)
    if c.task is Task.CHART:
        # A legend swatch (or a bar's end) beside the words: Tesseract reads a filled patch as junk and
        # loses confidence in the whole line. Patches thicker than any glyph stroke are blanked.
        for g, ink in ((rg, c.ref_ink), (cg, c.cand_ink)):
            solid = _solid_patches(ink[y0:y1, x0:x1])
            if solid.any() and on_marks:
                # Words over a mark: the patch only, blanked to the grey around it (the words then stand
                # on the backdrop), the words kept.
                fill = int(np.median(g[~solid])) if not solid.all() else int(np.median(g))
                g[solid & ~_words_on_patch(g, solid)] = fill
            elif solid.any():
                g[solid] = int(np.median(g))
    # A side with no ink in the box has no text: Tesseract, given a blank crop, makes some up.
    inked = [int(ink[y0:y1, x0:x1].sum()) >= 5 for ink in (c.ref_ink, c.cand_ink)]
    a = read_text(rg, vertical=vertical, block=block, slant=slant) if inked[0] else ""
    if a is None or not _Ocr.available():
        return None
    conf_a = _last_conf() if a else 100
    b = (read_text(cg, vertical=vertical, block=block, slant=slant) or "") if inked[1] else ""
    conf_b = _last_conf() if b else 100
    c.ocr_calls += 2
    c.last_conf = min(conf_a, conf_b)
    return a, b


def _slant(ink: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise) of text set on a slant, from its ink's principal axis;
    0 for level or upright text, or ink not drawn out along one line."""
    mo = cv2.moments(ink.astype(np.uint8), binaryImage=True)
    if mo["m00"] < 20:
        return 0.0
    mu20, mu02, mu11 = mo["mu20"] / mo["m00"], mo["mu02"] / mo["m00"], mo["mu11"] / mo["m00"]
    spread = math.hypot(mu20 - mu02, 2 * mu11)
    major, minor = (mu20 + mu02 + spread) / 2, (mu20 + mu02 - spread) / 2
    # A line of text is long and thin: its ink spreads > 2 times as far along it as across.
    if minor <= 0 or major < 2.0**2 * minor:
        return 0.0
    theta = math.degrees(0.5 * math.atan2(2 * mu11, mu20 - mu02))  # image axes: y grows down
    return theta if 20 <= abs(theta) <= 70 else 0.0


def _solid_patches(ink: np.ndarray) -> np.ndarray:
    """The ink of the connected pieces that a 5x5 erosion leaves a third of: filled patches, not
    glyphs (whose strokes are a few pixels wide), grown by 1 px to take their anti-aliased rims."""
    u8 = ink.astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(u8, connectivity=8)
    if n <= 1:
        return np.zeros_like(ink)
    kept = np.bincount(labels[cv2.erode(u8, np.ones((5, 5), np.uint8)).astype(bool)], minlength=n)
    solid_ids = np.nonzero(kept[1:] >= stats[1:, cv2.CC_STAT_AREA] / 3)[0] + 1
    if solid_ids.size == 0:
        return np.zeros_like(ink)
    return cv2.dilate(np.isin(labels, solid_ids).astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)


#: A glyph drawn over a filled patch differs from the patch's grey around it by this much at least.
ON_PATCH_CONTRAST = 40


def _words_on_patch(grey: np.ndarray, solid: np.ndarray) -> np.ndarray:
    """The pixels inside ``solid`` patches (not on their rims) that stand out from the patch's grey
    around them (a 7 x 7 median) by `ON_PATCH_CONTRAST`: words drawn over a bar or a cell, which
    the patch's ink joins into one piece; blanking the patch must leave them to be read."""
    inner = cv2.erode(solid.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    around = cv2.medianBlur(grey, 7)
    return inner & (np.abs(grey.astype(np.int16) - around.astype(np.int16)) >= ON_PATCH_CONTRAST)


def _drawn_elsewhere(c: _Ctx, box: PxBox, in_ref: bool) -> bool:
    """The ink one image shows in ``box`` is drawn somewhere in the other image: it moved rather
    than appeared or vanished. Compared on the glyphs' cores only (a label moved over plotted marks
    keeps its glyphs, not their background): mean squared grey difference under 35² over them."""
    x0, y0, x1, y1 = box
    ink = (c.ref_ink if in_ref else c.cand_ink)[y0:y1, x0:x1]
    ib = _cell_ink_box(ink)
    if ib is None or min(ib[2] - ib[0], ib[3] - ib[1]) < 4:
        return False
    grey, other = (c.ref_grey, c.cand_grey) if in_ref else (c.cand_grey, c.ref_grey)
    crop = grey[y0 + ib[1] : y0 + ib[3], x0 + ib[0] : x0 + ib[2]]
    # The glyphs' cores only: their anti-aliased rims take the colour of whatever lies beneath.
    # (Pixels the glyphs cover nearly whole: within a quarter of the way from the text's extreme
    # grey to the background.)
    bg = float(np.median(crop))
    extreme = float(crop.min() if abs(float(crop.min()) - bg) >= abs(float(crop.max()) - bg) else crop.max())
    if abs(extreme - bg) < 100:
        return False  # faint text: no core to compare
    core = np.abs(crop - extreme) < 0.25 * abs(bg - extreme)
    glyphs = (ink[ib[1] : ib[3], ib[0] : ib[2]] & core).astype(np.float32)
    if glyphs.sum() < 10:
        return False
    # The same glyph set at another sub-pixel offset moves a thin stroke's core by up to a pixel:
    # the other image gives each core pixel its darkest (lightest, for light text) neighbour.
    dark = extreme < bg
    spread = (cv2.erode if dark else cv2.dilate)(other, np.ones((3, 3), np.uint8))
    sq = cv2.matchTemplate(spread, crop, cv2.TM_SQDIFF, mask=glyphs)
    return float(sq.min()) / float(glyphs.sum()) < 35.0**2
