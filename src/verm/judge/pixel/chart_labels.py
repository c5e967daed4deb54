"""Charts: a value label that changed with the value it labels (a bar's number, a donut's total).

A lone number read differently (one number on each side, `text._tick_reads`) that is no axis tick
label (it stands in no frame's left or bottom tick band, `text._in_tick_band`), beside a change of
the plotted data, is that value's label: the data changed and its label follows (matplotlib's
``bar_label`` and ``autopct`` write the values), one change to an annotator, as the bench's truth
grades a value edit. It goes into the data change (not into hidden data: content hidden counts by
its extent alone). Rules in full: docs/judges.md, "Pixel judge", "Charts".
"""

from __future__ import annotations

from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import _box_area, _union
from verm.judge.pixel.layout import subplot_frames
from verm.judge.pixel.text import _in_tick_band, _tick_count


def _fold_value_labels(c: _Ctx, items: list[_Item]) -> list[_Item]:
    """Lone number changes off the tick bands go into the chart's largest data change (see the module
    docstring); the other items as they are."""
    data = [it for it in items if it.category == "data_error" and it.kind not in ("text", "ticks", "hidden")]
    if not data:
        return items
    owner = max(data, key=lambda it: _box_area(it.box))
    frames = subplot_frames(c.ref, c.ref_ink) or ([c.frame] if c.frame is not None else [])
    labels = [
        it
        for it in items
        if it.kind == "ticks"
        and _tick_count(it) == 1  # (one number on each side)
        and not any(_in_tick_band(c, it.box, f, side) for f in frames for side in ("below", "left"))
    ]
    if not labels:
        return items
    owner.parts = [*owner.pieces, *(it.box for it in labels)]
    owner.box = _union([owner.box, *(it.box for it in labels)])
    owner.description += " Its value labels changed with it: " + " ".join(it.description for it in labels)
    return [it for it in items if all(it is not k for k in labels)]
