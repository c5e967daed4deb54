"""Charts: words inside the plot, which the plot's data change would otherwise take.

Words drawn over plotted marks (a series' name at its bar's end, a value in a cell): the mark is ink
and so are the words on it, both images ink the changed place alike, so its changed pixels read as a
recolouring or a rendering tint, and never as text, whose test wants thin strokes of ink on the
backdrop. Against the mark's own colour the words are thin strokes again: read them there
(`words_over_marks`). A block of words inside the plot the candidate left blank, drawn nowhere else (a
legend, a note), is gone: a change of its own beside the data's (`text_blocks_gone`).
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from verm.judge.pixel.context import _Ctx, _Item, _pad_box
from verm.judge.pixel.difference import Region
from verm.judge.pixel.ocr import _Ocr, _q, _same_read
from verm.judge.pixel.text import MIN_OCR_CONF, _drawn_elsewhere, _read_pair, _text_item

#: A pixel stands out from the mark it is drawn on by this much (largest RGB channel difference).
ON_MARK_CONTRAST = 60
#: A word: three letters in a row.
_WORD = re.compile(r"[^\W\d_]{3}")
#: OCR calls words over marks may spend (two reads of both images).
WORDS_OCR_CALLS = 4
#: Words: at least this many separate glyphs stand out from the mark, in a row longer than tall.
MIN_GLYPHS = 3
#: Both images ink this share of the region's inked pixels alike at least (the mark under the words).
ON_MARK_IOU = 0.8


def words_over_marks(c: _Ctx, regions: list[Region], max_ocr: int) -> tuple[list[_Item], list[Region]]:
    """Text items for the regions whose change is words over a mark (`_strokes_on_mark`) that OCR
    reads otherwise in the two images; the other regions are returned for the usual steps."""
    items: list[_Item] = []
    rest: list[Region] = []
    # (a share of the OCR budget: the labels outside the plot are read after these)
    budget = min(max_ocr, c.ocr_calls + WORDS_OCR_CALLS)
    for r in regions:
        if (
            c.ocr_calls < budget
            and _Ocr.available()
            and r.ink_iou >= ON_MARK_IOU
            and r.height <= 0.1 * c.h
            and _strokes_on_mark(c, r)
        ):
            it = _text_item(c, r, on_marks=True)
            if it is not None and it.reads is not None and _words_differ(*it.reads):
                # Other words on both sides: a label renamed. (Numbers over marks are values, which
                # follow the data's change; a label gone on one side moved with its mark.)
                items.append(it)
                continue
        rest.append(r)
    return items, rest


def _words_differ(a: str, b: str) -> bool:
    """Each read has a word the other lacks (three letters in a row: a row's label beside the values
    read alike is no change of words), and the reads are more than OCR's noise apart (a letter in five)."""
    wa, wb = set(a.split()), set(b.split())
    return any(_WORD.search(t) for t in wa - wb) and any(_WORD.search(t) for t in wb - wa) and not _same_read(a, b)


def _strokes_on_mark(c: _Ctx, r: Region) -> bool:
    """In both images the inked pixels that stand out from the region's main colour
    (`ON_MARK_CONTRAST`) are thin strokes (a 3 x 3 erosion keeps under a third of them, and they
    cover under half the ink) in `MIN_GLYPHS` pieces at least, in a row 1.5 times longer than tall."""
    x0, y0, x1, y1 = _pad_box(r.bbox, 2, c)
    found = 0
    for rgb, ink in ((c.ref, c.ref_ink), (c.cand, c.cand_ink)):
        crop = rgb[y0:y1, x0:x1].reshape(-1, 3)
        inked = ink[y0:y1, x0:x1].reshape(-1)
        if inked.sum() < 20:
            return False  # no mark under the place
        keys, counts = np.unique(crop[inked] >> 3, axis=0, return_counts=True)
        main = keys[counts.argmax()].astype(np.int16) * 8 + 4
        far = (np.abs(crop.astype(np.int16) - main).max(axis=1) >= ON_MARK_CONTRAST) & inked
        n = int(far.sum())
        if n < 10:
            return False  # only the mark: words gone (moved with their mark), or none
        if n >= 0.5 * inked.sum():
            return False
        mask = far.reshape(y1 - y0, x1 - x0).astype(np.uint8)
        if int(cv2.erode(mask, np.ones((3, 3), np.uint8)).sum()) >= n / 3:
            return False  # filled, not strokes
        _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        big = stats[1:][stats[1:, cv2.CC_STAT_AREA] >= 3]
        if len(big) < MIN_GLYPHS:
            return False  # a marker's rim, a line's edge: no word
        gx0, gy0 = big[:, 0].min(), big[:, 1].min()
        gx1, gy1 = (big[:, 0] + big[:, 2]).max(), (big[:, 1] + big[:, 3]).max()
        if gx1 - gx0 < 1.5 * (gy1 - gy0):
            return False  # not a row of glyphs
        found += 1
    return found == 2


#: A block of words inside the plot is left blank when the candidate inks under this share of what the reference
#: inks in its box (`text_blocks_gone`); it spends this many OCR calls at most (two reads of both images).
BLANK_BLOCK, BLOCK_OCR_CALLS = 0.05, 4
#: ... and it is a block, not the plot: under these shares of the image's height and width.
BLOCK_HEIGHT, BLOCK_WIDTH = 0.3, 0.5


def text_blocks_gone(c: _Ctx, inner: list[Region], max_ocr: int) -> tuple[list[_Item], list[Region]]:
    """Text items for the plot's regions (``inner``) that hold a block of words (two words of three letters
    at least, read confidently) the candidate left blank and draws nowhere else: a legend or a note gone,
    which a reader counts apart from the data (a chart reduced to one line loses its legend too). The other
    regions are returned for the data change."""
    items: list[_Item] = []
    rest: list[Region] = []
    budget = min(max_ocr, c.ocr_calls + BLOCK_OCR_CALLS)
    for r in sorted(inner, key=lambda r: -r.area):
        x0, y0, x1, y1 = r.bbox
        ref_ink = int(c.ref_ink[y0:y1, x0:x1].sum())
        if (
            c.ocr_calls >= budget
            or not _Ocr.available()
            or r.height > BLOCK_HEIGHT * c.h
            or r.width > BLOCK_WIDTH * c.w
            or ref_ink < 50
            or int(c.cand_ink[y0:y1, x0:x1].sum()) >= BLANK_BLOCK * ref_ink
        ):
            rest.append(r)
            continue
        pair = _read_pair(c, r.bbox, block=True)
        if (
            pair is None
            or pair[1]
            or c.last_conf < MIN_OCR_CONF
            or len(_WORD.findall(pair[0])) < 2
            or _drawn_elsewhere(c, r.bbox, in_ref=True)
        ):
            rest.append(r)
            continue
        desc = f"The text {_q(pair[0])} inside the plot (a legend or a note) is missing in the candidate."
        items.append(_Item("text_error", 2, r.bbox, desc, "text"))
    return items, rest
