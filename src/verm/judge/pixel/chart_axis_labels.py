"""Charts: axis labels read on their own (a stage of `chart._chart_items`): an axis label that changed beside tick
labels that changed too joins their region, which the axis change takes; read apart, it is one text change.
Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

from dataclasses import replace

from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.explain import _word_moves, _Words
from verm.judge.pixel.geometry import PxBox, _box_overlap, _union
from verm.judge.pixel.ocr import _Ocr
from verm.judge.pixel.text import _text_item


def _axis_label_boxes(c: _Ctx, words: _Words) -> dict[str, PxBox]:
    """One image's axis labels from its words outside the frame: the x-axis label is the words
    below the row of x tick labels, the y-axis label the upright column left of the y tick labels."""
    assert c.frame is not None
    fx0, fy0, fx1, fy1 = c.frame
    out: dict[str, PxBox] = {}
    below = [b for b in words.boxes if b[1] >= fy1 and fx0 - 0.02 * c.w <= (b[0] + b[2]) / 2 <= fx1 + 0.02 * c.w]
    if below:
        top = min(below, key=lambda b: b[1])  # the row of tick labels: words level with the topmost
        ticks_end = max(b[3] for b in below if b[1] < (top[1] + top[3]) / 2)
        label = [b for b in below if b[1] > ticks_end]
        if label:
            out["x"] = _union(label)
    left = [b for b in words.boxes if b[2] <= fx0 and fy0 - 0.03 * c.h < (b[1] + b[3]) / 2 < fy1 + 0.03 * c.h]
    if left:
        ticks = [b for b in left if b[2] >= fx0 - max(12, 0.02 * c.w)]  # end at their tick marks
        gap = max(6, 0.014 * c.w)

        def level(a: PxBox, b: PxBox) -> bool:  # one row of text: they overlap over half of each's height
            return min(a[3], b[3]) - max(a[1], b[1]) >= 0.5 * max(a[3] - a[1], b[3] - b[1])

        grown = True
        while grown:  # the rest of a wide tick label ("6 × 10¹"): words close before one, level with it
            more = [b for b in left if b not in ticks and any(0 <= t[0] - b[2] <= gap and level(t, b) for t in ticks)]
            ticks.extend(more)
            grown = bool(more)
        start = min((b[0] for b in ticks), default=fx0)
        label = [b for b in left if b[2] < start - 1]  # (set upright, its letters may not join up)
        if label:
            u = _union(label)
            if u[3] - u[1] > 1.5 * (u[2] - u[0]):  # an upright column
                out["y"] = u
    return out


def _axis_label_items(c: _Ctx, regions: list[Region], items: list[_Item], max_ocr: int) -> list[_Item]:
    """An axis label that changed, read on its own: beside tick labels that changed too, its changed
    pixels join theirs in one region, which the axis change takes, or in a block of two text lines
    that OCR reads poorly."""
    if c.frame is None or not _Ocr.available():
        return []
    ref_words, cand_words = _word_moves(c)
    ref_boxes, cand_boxes = _axis_label_boxes(c, ref_words), _axis_label_boxes(c, cand_words)
    out: list[_Item] = []
    for ax in ("x", "y"):
        boxes = [b for b in (ref_boxes.get(ax), cand_boxes.get(ax)) if b is not None]
        if len(boxes) < 2 or c.ocr_calls >= max_ocr:
            continue  # found on one side only: other words (a wider tick label) may stand where it was
        box = _union(boxes)
        if any(it.kind == "text" and _box_overlap(it.box, box) for it in items):
            continue  # read already
        if not any(_box_overlap(r.bbox, box) for r in regions):
            continue  # unchanged
        it = _text_item(c, replace(regions[0], bbox=box))
        if it is not None:
            out.append(it)
    return out
