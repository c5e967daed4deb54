"""Charts: the words of subplots laid out anew (titles, axis and colour-bar labels) read where they went.

A new arrangement moves every subplot with its words: each of the reference's text lines outside the
axes is looked for in the candidate (the same pixels, anywhere: unchanged), and a line not found is
read at the place it moved to with its subplot (the same offset from the nearest side of the axes
found again there) and compared word by word. Rules in full: docs/judges.md, "Pixel judge", "Charts"."""

from __future__ import annotations

import re

import cv2
import numpy as np

from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import PxBox, _box_overlap
from verm.judge.pixel.ocr import _last_conf, _levenshtein, _q, read_text
from verm.judge.pixel.text import MIN_OCR_CONF

#: A text line's glyphs are this share of the image's short side tall at least, at most `LINE_MAX`
#: (a colour bar or a filled mark is thicker), and the line is `LINE_ASPECT` times longer than tall.
LINE_MIN, LINE_MAX, LINE_ASPECT = 0.012, 0.05, 3.0
#: Glyphs and words closer than this share of the image's short side are one line.
WORD_GAP = 0.02
#: A reference line is drawn again unchanged when its pixels are found in the candidate at this
#: normalised correlation at least (moved anywhere: its subplot went elsewhere; one glyph changed in a
#: title scores under it).
FOUND = 0.93
#: OCR calls the words of subplots laid out anew may spend (two a line not found).
REARRANGED_OCR_CALLS = 8
#: A word: three letters in a row (tick labels, read as numbers, are no words).
_WORD = re.compile(r"[^\W\d_]{3,}")


def text_lines(ink: np.ndarray, frames: list[PxBox]) -> list[tuple[PxBox, bool]]:
    """The lines of text outside ``frames`` (the axes: their marks are no words), each with whether
    it runs upright (a y-axis or colour-bar label), longest first (titles and labels before tick labels)."""
    h, w = ink.shape
    outside = ink.copy()
    for x0, y0, x1, y1 in frames:
        outside[max(0, y0 - 2) : y1 + 2, max(0, x0 - 2) : x1 + 2] = False  # (spines and tick marks too)
    u8 = outside.astype(np.uint8)
    short = min(h, w)
    gap = max(3, int(WORD_GAP * short))
    out: list[tuple[PxBox, bool]] = []
    for upright, kernel in ((False, np.ones((1, gap), np.uint8)), (True, np.ones((gap, 1), np.uint8))):
        n, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(u8, kernel), connectivity=8)
        for k in range(1, n):
            x, y, bw, bh, _ = (int(v) for v in stats[k])
            thick, long = (bw, bh) if upright else (bh, bw)
            if LINE_MIN * short <= thick <= LINE_MAX * short and long >= LINE_ASPECT * thick:
                out.append(((x, y, x + bw, y + bh), upright))
    out.sort(key=lambda line: -_length(line[0]))
    # (a run across a longer line of the other way is glyphs of it: a rotated label's letters)
    return [
        (box, up) for i, (box, up) in enumerate(out) if not any(u != up and _box_overlap(box, b) for b, u in out[:i])
    ]


def _length(box: PxBox) -> int:
    return max(box[2] - box[0], box[3] - box[1])


#: A reference line is drawn again where it went when this share of its ink, at the best offset near
#: that place, is the candidate's ink too (other ink drawn over it, a tick label of the subplot above a
#: title, hides no word; a word changed leaves its glyphs uncovered), the candidate inking at most
#: `COVERED_INK` times as many pixels there (not a plot's marks, which cover any words).
COVERED = 0.99
COVERED_INK = 1.6


def _covered(c: _Ctx, box: PxBox, place: PxBox) -> bool:
    """The reference's ink in ``box`` is inked in the candidate, shifted to near ``place``."""
    x0, y0, x1, y1 = box
    tpl = c.ref_ink[y0:y1, x0:x1].astype(np.float32)
    n = float(tpl.sum())
    reach = max(4, (y1 - y0) // 2, (x1 - x0) // 8)
    px0, py0 = max(0, place[0] - reach), max(0, place[1] - reach)
    px1, py1 = min(c.w, place[2] + reach), min(c.h, place[3] + reach)
    if n == 0 or py1 - py0 < tpl.shape[0] or px1 - px0 < tpl.shape[1]:
        return False
    ink = c.cand_ink[py0:py1, px0:px1].astype(np.uint8)
    area = cv2.dilate(ink, np.ones((3, 3), np.uint8)).astype(np.float32)
    hits = cv2.matchTemplate(area, tpl, cv2.TM_CCORR)
    # (the candidate's own ink in each window: a window of dense marks covers anything)
    own = cv2.matchTemplate(ink.astype(np.float32), np.ones_like(tpl), cv2.TM_CCORR)
    return bool(((hits >= COVERED * n) & (own <= COVERED_INK * n)).any())


def _found(c: _Ctx, box: PxBox) -> bool:
    """The reference's pixels in ``box`` are drawn somewhere in the candidate, unchanged."""
    x0, y0, x1, y1 = box
    tpl = c.ref_grey[y0:y1, x0:x1]
    if float(tpl.std()) < 3:
        return True  # (nothing to find: no words)
    score = cv2.minMaxLoc(cv2.matchTemplate(c.cand_grey, tpl, cv2.TM_CCOEFF_NORMED))[1]
    return float(score) >= FOUND


def _moved_to(box: PxBox, ref_frames: list[PxBox], cand_frames: list[PxBox | None]) -> PxBox | None:
    """Where ``box`` went with the nearest reference axes (to the candidate axes it is found again in):
    the same offset from the side it stands beside, the same place along that side."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2

    def distance(f: PxBox) -> float:
        return float(np.hypot(max(f[0] - cx, 0, cx - f[2]), max(f[1] - cy, 0, cy - f[3])))

    i = min(range(len(ref_frames)), key=lambda k: distance(ref_frames[k]))
    (rx0, ry0, rx1, ry1), to = ref_frames[i], cand_frames[i]
    if to is None:
        return None
    tx0, ty0, tx1, ty1 = to
    bw, bh = box[2] - box[0], box[3] - box[1]
    along_x = tx0 + (cx - rx0) * (tx1 - tx0) / max(1, rx1 - rx0)
    along_y = ty0 + (cy - ry0) * (ty1 - ty0) / max(1, ry1 - ry0)
    if cy < ry0:  # above (a title)
        nx, ny = along_x, ty0 - (ry0 - cy)
    elif cy > ry1:  # below (an x-axis label)
        nx, ny = along_x, ty1 + (cy - ry1)
    elif cx < rx0:  # left (a y-axis label)
        nx, ny = tx0 - (rx0 - cx), along_y
    else:  # right (a colour bar's label)
        nx, ny = tx1 + (cx - rx1), along_y
    return int(nx - bw / 2), int(ny - bh / 2), int(nx + bw / 2), int(ny + bh / 2)


def _words(s: str) -> list[str]:
    return [m.group(0).lower() for m in _WORD.finditer(s)]


def rearranged_text_items(c: _Ctx, ref_frames: list[PxBox], cand_frames: list[PxBox | None]) -> list[_Item]:
    """Text items for the reference's lines of words, outside its axes, that the candidate does not
    draw again anywhere (`FOUND`) and reads otherwise where the line went (`_moved_to`, or where it
    was: a figure title stays): a word of the reference gone and a word new in its place, the line
    holding as many words."""
    cand_lines = text_lines(c.cand_ink, [f for f in cand_frames if f is not None])
    budget = c.ocr_calls + REARRANGED_OCR_CALLS
    items: list[_Item] = []
    used: set[int] = set()
    for box, upright in text_lines(c.ref_ink, ref_frames):
        if c.ocr_calls + 2 > budget:
            break
        if _found(c, box):
            continue
        places = [box, _moved_to(box, ref_frames, cand_frames)]
        if any(place is not None and _covered(c, box, place) for place in places):
            continue
        # The candidate's line of the same run at the place the line went with its subplot.
        place = places[1] or box
        match = next(
            (
                k
                for k, (cbox, cup) in enumerate(cand_lines)
                if cup == upright and k not in used and _box_overlap(cbox, place) >= 0.3 * max(1, _area(place))
            ),
            None,
        )
        if match is None:
            continue
        cbox = cand_lines[match][0]
        a = read_text(_crop(c.ref_grey, box), vertical=upright) or ""
        conf = _last_conf()
        b = read_text(_crop(c.cand_grey, cbox), vertical=upright) or ""
        conf = min(conf, _last_conf())
        c.ocr_calls += 2
        gone, new = _words(a), _words(b)
        lost = [w for w in gone if w not in new]
        added = [w for w in new if w not in gone]
        if conf < MIN_OCR_CONF or not lost or not added or len(a.split()) != len(b.split()):
            # (tick labels, no words; the same words re-spaced; an unsure read; words read in place of
            # others but not as many: two texts laid over one another, an annotation across a title)
            continue
        used.add(match)
        same = next((k for k, it in enumerate(items) if it.reads and _words(it.reads[0]) == gone), None)
        if same is not None:
            # (one label changed alike in two subplots, a shared tick label: one change, read best once)
            if len(_words(items[same].reads[1])) > len(new):  # type: ignore[index]
                items.pop(same)
            else:
                continue
        typo = all(min(_levenshtein(w, v) for v in added) <= 2 for w in lost)
        items.append(
            _Item(
                "text_error", 1 if typo else 2, box,
                f"The text reads {_q(b)} in the candidate instead of {_q(a)}.", "text", reads=(a, b),
            )
        )  # fmt: skip
    return items


def _area(box: PxBox) -> int:
    return max(0, box[2] - box[0]) * max(0, box[3] - box[1])


def _crop(grey: np.ndarray, box: PxBox) -> np.ndarray:
    x0, y0, x1, y1 = box
    p = max(2, (min(x1 - x0, y1 - y0)) // 4)
    h, w = grey.shape
    crop = grey[max(0, y0 - p) : min(h, y1 + p), max(0, x0 - p) : min(w, x1 + p)]
    return np.ascontiguousarray(np.clip(crop, 0, 255).astype(np.uint8))
