"""SVGs: one change read twice, merged (`svg._svg_items`' readings): one transform read in two places, a
transform and another reading on one place, slight outline changes over one box, or only slivers."""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np

from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import _box_area, _box_overlap, _union
from verm.judge.pixel.svg_transform import SVG_MOVE_SEVERITY

#: SVG: the readings of one transform of a whole drawing (`_svg_transformed`, `_mirror_axis`): an
#: element's transform read twice (at its old and its new place, or at its two ends) reads alike.
SVG_TRANSFORM_READINGS = ("A shape is mirrored ", "A shape is drawn at ", "A shape is turned by ", "A shape moved by ")


#: SVG: an outline moved as far (`_svg_shape_items`' outline readings, the same words and number) in
#: separate places is one element resized or turned, its separate subpaths (a document's text lines, two
#: eyes) each read, from the first outline step (`SVG_MOVE_SEVERITY`): nearer, a few pixels' outline slivers
#: of separate edits often read alike.
SVG_OUTLINE_READING = re.compile(r"A shape's outline moved by up to (\d+)% of the image")


def _same_change_reading(description: str) -> bool:
    """Whether two items reading ``description`` alike are one change read in several places."""
    if description.startswith(SVG_TRANSFORM_READINGS):
        return True
    outline = SVG_OUTLINE_READING.match(description)
    return outline is not None and int(outline.group(1)) >= 100 * SVG_MOVE_SEVERITY[0]


def _merge_same_transform(items: list[_Item]) -> list[_Item]:
    """Items that read the same transform (the same words and numbers: mirrored about one axis, drawn at
    one scale, turned or moved as far; an outline moved as far from the first step, `SVG_OUTLINE_READING`)
    are one element transformed, read in two places: one item (an edit transforms one element; two
    elements given the very same transform are rare). So are a transform and another transform or
    outline reading on one place (`_one_element_transformed`)."""
    out: list[_Item] = []
    for it in items:
        reading = _same_change_reading(it.description)
        same = next((o for o in out if reading and o.description == it.description and o.kind == it.kind), None)
        if same is None:
            out.append(it)
        else:
            same.box, same.severity = _union([same.box, it.box]), max(same.severity, it.severity)
    return _one_element_transformed(out)


#: SVG: a transform reading and another transform or outline reading are one element's change when this
#: share of the smaller one's box lies inside the other's (the annotator's rule: edits whose changes
#: overlap by half the smaller one's are one change, `verm.perturb.truth`).
SVG_SAME_ELEMENT = 0.5


def _one_element_transformed(items: list[_Item]) -> list[_Item]:
    """A transform read (`SVG_TRANSFORM_READINGS`, from severity 2) and, on the same place
    (`SVG_SAME_ELEMENT`), another transform or an outline moved are one element's change read twice, not
    two edits: a path scaled read as resized at its outline and as moved at its hole, a mirrored path's
    bar read as moved too, a shape moved and its outline's slivers. One item, as severe as the worse
    reading (whose words it keeps), holding the transform's matrix for `_fold_into_motion`."""

    def transform(it: _Item) -> bool:
        # A drawing moved under the first step (severity 1: "moved by 0%") is a shade or slivers read as
        # a motion, not an element's transform: it stays its own item.
        return it.description.startswith(SVG_TRANSFORM_READINGS) and it.severity >= 2

    def reshaped(it: _Item) -> bool:
        return transform(it) or SVG_OUTLINE_READING.match(it.description) is not None

    out: list[_Item] = []
    for it in items:
        k = next(
            (
                k
                for k, o in enumerate(out)
                if reshaped(it) and reshaped(o) and (transform(it) or transform(o)) and _one_place(o, it)
            ),
            None,
        )
        if k is None:
            out.append(it)
            continue
        same = out[k]
        worse, other = (it, same) if (it.severity, transform(it)) > (same.severity, transform(same)) else (same, it)
        motion = worse.motion if worse.motion is not None else other.motion
        pixels = same.pixels | it.pixels if same.pixels is not None and it.pixels is not None else None
        out[k] = replace(worse, box=_union([same.box, it.box]), motion=motion, pixels=pixels)
    return out


def _one_place(a: _Item, b: _Item) -> bool:
    """Whether two readings lie on one place (`SVG_SAME_ELEMENT`): by their groups' changed pixels when both
    have them (within 2 px, as the truth's overlap: a diagonal line's box holds a ring in the icon's corner
    that none of its pixels touch, a percent sign's circle shrunk beside its bar resized), else by boxes."""
    if a.pixels is not None and b.pixels is not None:
        pa, pb = a.pixels, b.pixels
        na, nb = int(pa.sum()), int(pb.sum())
        if na and nb:
            grow = np.ones((5, 5), np.uint8)
            near_a, near_b = cv2.dilate(pa.astype(np.uint8), grow) > 0, cv2.dilate(pb.astype(np.uint8), grow) > 0
            shared = max(int((near_a & pb).sum()) / nb, int((near_b & pa).sum()) / na)
            return shared >= SVG_SAME_ELEMENT
    return _box_overlap(a.box, b.box) >= SVG_SAME_ELEMENT * min(_box_area(a.box), _box_area(b.box))


#: SVG: two slight outline changes (shape_error 1), this share of the smaller one's box inside the other's, are one change.
SVG_SAME_SLIGHT = 0.6


def _merge_slight_outlines(c: _Ctx, items: list[_Item]) -> list[_Item]:
    """Slight outline changes (shape_error 1: an outline shifted under `SVG_MOVE_SEVERITY`'s first
    step, a shape moved that little) over about the same box (`SVG_SAME_SLIGHT`) are one change read
    twice (its outline's slivers and its fill's shift): one item."""
    geometry = _CATS[c.task]["geometry"]

    def slight(it: _Item) -> bool:
        return it.kind in ("geometry", "moved") and it.severity == 1 and it.category == geometry

    out: list[_Item] = []
    for it in items:
        same = next(
            (
                o
                for o in out
                if slight(it)
                and slight(o)
                and _box_overlap(o.box, it.box) >= SVG_SAME_SLIGHT * min(_box_area(o.box), _box_area(it.box))
            ),
            None,
        )
        if same is None:
            out.append(it)
        else:
            same.box = _union([same.box, it.box])
    return out


#: SVG: this many readings or more, every one a slight outline change or move (severity 1), are one change
#: shown in slivers (`_only_slivers`).
SVG_SLIVER_READINGS = 4


def _only_slivers(c: _Ctx, items: list[_Item]) -> list[_Item]:
    """Four or more readings (`SVG_SLIVER_READINGS`), each a slight outline change or move and nothing else
    changed: one change of the drawing shown in slivers (a filled icon scaled by 0.92 reads at each of its
    edges and holes, two items and "further scattered differences"), one item over all their boxes. Two or
    three slight readings in separate places stay apart: they are as often separate slight edits."""
    geometry = _CATS[c.task]["geometry"]
    slight = [it.kind in ("geometry", "moved") and it.severity == 1 and it.category == geometry for it in items]
    if len(items) < SVG_SLIVER_READINGS or not all(slight):
        return items
    first = max(items, key=lambda it: _box_area(it.box))
    first.box = _union([it.box for it in items])
    return [first]
