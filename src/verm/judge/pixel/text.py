"""Changed text, read: a region grown to its text line, both images read by OCR, one item when the
words differ.

Reads below confidence 55 or with < 2 letters/digits are not trusted; a side with no ink is not
read; text on one side only must hold a word of >= 3 characters and is no change when its glyphs
are drawn elsewhere in the other image (it moved). Rotated and slanted labels are turned first.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from verm.judge.pixel.classify import _CATS, _looks_like_text
from verm.judge.pixel.context import _Ctx, _Item, _pad_box
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import PxBox, _cell_ink_box, _inside
from verm.judge.pixel.grade import _text_severity
from verm.judge.pixel.ocr import _alnum, _last_conf, _levenshtein, _Ocr, _q, is_numeric_change, read_text
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


def _text_item(c: _Ctx, r: Region) -> _Item | None:
    """OCR both images over the region's text line; an item when the words differ, else None."""
    box = _line_box(c, r.bbox, pad=0)
    pair = _read_pair(c, _pad_box(box, 3, c) if c.grid is None else _line_box(c, r.bbox))
    if pair is None:
        return None
    a, b = pair
    if a == b or (not a and not b):
        return None
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
    return _Item(cat, sev, box, desc, "text")


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


def _read_pair(c: _Ctx, box: PxBox, block: bool = False) -> tuple[str, str] | None:
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
            if solid.any():
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
