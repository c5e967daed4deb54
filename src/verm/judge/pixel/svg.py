"""SVGs: the changed regions grouped by the drawn shape they lie on, then each group's changes by kind.

Per group: mirrored (text_symbol_error 2; also a reference-only and a candidate-only group apart, the
one the other mirrored), recoloured (one per colour pair), an outline moved
(shape_error by how far), a drawing moved, resized or turned as a whole (one similarity transform),
or shapes missing / extra (structure_error by the share of the drawing they hold). Missing (extra)
pieces holding under half the reference's (candidate's) ink are one element gone (drawn), but whole
drawings erased that matter alone count each. Rules in full: docs/judges.md, "Pixel judge", "SVGs".
"""

from __future__ import annotations

import math
from dataclasses import replace

import cv2
import numpy as np

from verm.judge.grouping import DisjointSets
from verm.judge.pixel.classify import _CATS, _looks_like_text, classify, describe
from verm.judge.pixel.colour import INK_DE, _dominant, _hex, _rgb_de
from verm.judge.pixel.context import _Ctx, _Item, _pad_box
from verm.judge.pixel.difference import Region
from verm.judge.pixel.elements import _noise_items, _survey
from verm.judge.pixel.explain import _unexplained
from verm.judge.pixel.geometry import PxBox, _box_area, _box_iou, _box_overlap, _grid_word, _mask_box, _union
from verm.judge.pixel.grade import severity
from verm.judge.pixel.ocr import _Ocr
from verm.judge.pixel.svg_both import _colour_moved, _moved_over_fill, _on_canvas
from verm.judge.pixel.svg_merge import (
    SVG_OUTLINE_READING,
    _merge_same_transform,
    _merge_slight_outlines,
    _only_slivers,
)
from verm.judge.pixel.svg_mirror import (
    _ink_side,
    _mirror_axis,
    _mirror_rest,
    _mirrored_across,
    _mirrored_apart,
)
from verm.judge.pixel.svg_redrawn import _svg_redrawn_items
from verm.judge.pixel.svg_transform import (
    SVG_DETAIL,
    SVG_INK_SEVERITY,
    SVG_MOVE_SEVERITY,
    SVG_PAINT_DIFF,
    _paint,
    _svg_outline_grade,
    _svg_transformed,
)
from verm.judge.pixel.svg_whole import _svg_whole_transformed
from verm.judge.pixel.text import _text_candidate, _text_item

#: SVG: the global shift `difference.compare` may align the candidate by (px): none. An icon renders on
#: the reference's canvas, and a shift that aligns one large shape moved a little (a badge's letters)
#: misaligns every other one (its frame), read as slivers all round; a whole drawing shifted is one
#: shape moved (`_svg_transformed`).
SVG_MAX_SHIFT = 0


#: SVG: a changed region of which this share is ink in neither image is a fill changed (a shape's fill
#: in the image's most common colour is no ink: an icon's large light fill gone), read as a region when
#: its group finds no change in the few ink pixels it touches (`_svg_items`).
SVG_FILL_CHANGE = 0.9
#: SVG: the ring (px) around a changed fill whose paint tells what lay around it (`_fill_changed`).
SVG_FILL_RING = 3


#: SVG: ink gained (lost) beside a part lost (gained) is a change of its own from this share of the
#: group's one-sided ink, when it lies off the other image's ink (not a shrunk shape's new outline).
SVG_OTHER_SIDE = 0.06


#: Missing pieces holding under this share of the reference's drawing (ink and paint) together are one
#: element gone (shapes drawn: of the candidate's ink).
SVG_PIECES = 0.5


#: SVG: a changed region is read on every drawing holding this share of its changed ink (`_svg_items`).
SVG_REGION_SHARE = 0.05


#: SVG: a drawing's changed ink is one-sided (erased or drawn, not shifted) from this share on one side.
SVG_ONE_SIDED = 0.8


def _one_sided(c: _Ctx, changed: np.ndarray, drawing: np.ndarray, box: PxBox) -> bool:
    """Whether the changed ink of ``drawing`` in ``box`` is mostly (`SVG_ONE_SIDED`) on one side only:
    a drawing erased (reference only) or drawn (candidate only) beside the region's main change, a change
    of its own; a drawing shifted beside it loses and gains alike (a letter shifted with its neighbour,
    read alone, is its own mirror image)."""
    x0, y0, x1, y1 = box
    sl = (slice(y0, y1), slice(x0, x1))
    here = changed[sl] & drawing[sl]
    ri, ci = c.ref_ink[sl], c.cand_ink[sl]
    lost, gained, total = int((here & ri & ~ci).sum()), int((here & ci & ~ri).sum()), int((here & (ri | ci)).sum())
    return max(lost, gained) >= SVG_ONE_SIDED * max(1, total)


#: SVG: changes on one connected drawing further apart than this fraction of the side are separate.
SVG_CLUSTER_GAP = 0.08


def _svg_element_items(c: _Ctx, regions: list[Region]) -> tuple[list[_Item], list[PxBox]]:
    """The whole drawing transformed as one (`svg_whole`), or per-element items for a noise candidate,
    and the hidden drawing of an icon redrawn as one plain shape (`svg_redrawn`, beside the groups' items); an SVG's missing shapes are otherwise its groups'
    (`_svg_items`), one per shape."""
    whole = _svg_whole_transformed(c)
    if whole is not None:
        # The whole drawing resized, turned or moved at once: one change, whatever its pieces would read
        # (a shape missing per stroke, a plain shape redrawn); it explains every region.
        return [whole], [(0, 0, c.w, c.h)]
    s = _survey(c, regions, gutted_allowed=False)
    if s is None or not s.noise:
        redrawn = _svg_redrawn_items(c)
        return ([_drawn_instead(c), *redrawn] if redrawn else []), []
    return _noise_items(c, s, _CATS[c.task]["structure"])


def _drawn_instead(c: _Ctx) -> _Item:
    """The plain shape itself, drawn where the reference draws otherwise: a shape the reference does
    not have, graded by the share of the paint (either image's) it changes, as a shape drawn is
    (`SVG_INK_SEVERITY`); it stands beside the groups' extra shapes only when they found none
    (`_svg_drawn_instead`)."""
    ref_paint, cand_paint = _paint(c)
    changed = cand_paint & (np.abs(c.ref.astype(np.int16) - c.cand.astype(np.int16)).max(axis=2) > SVG_PAINT_DIFF)
    share = int(changed.sum()) / max(1, int((ref_paint | cand_paint).sum()))
    lo, hi = SVG_INK_SEVERITY
    return _Item(
        _CATS[c.task]["structure"], 3 if share >= hi else (2 if share >= lo else 1), _mask_box(c.cand_ink, 0, 0),
        f"The candidate's plain shape is drawn where the reference draws otherwise ({100 * share:.0f}% of the "
        "paint).", "drawn instead",
    )  # fmt: skip


def _svg_drawn_instead(c: _Ctx, items: list[_Item], regional: list[_Item]) -> list[_Item]:
    """The plain shape an icon is redrawn as (`_drawn_instead`) counts once: dropped when the
    groups read the candidate's drawing themselves (``regional`` holds more than shapes missing: a shape
    drawn anew, recoloured or reshaped). Their shapes drawn are then the plain shape, drawn anew as a
    whole: graded by all its paint (in the shape's box), also where it lies over the reference's paint,
    which it hides rather than keeps (read one-sided, a square over an anvil held 24.5 % of the paint)."""
    if not any(it.kind == "drawn instead" for it in items):
        return items
    if not any(it.kind != "missing" for it in regional):
        return items
    if any((it.kind == "mirrored" and not _own_mirror_image(c, it)) or it.motion is not None for it in regional):
        # The groups find one of the reference's own shapes in the candidate, resized, turned or
        # mirrored: the plain shape is that shape kept (its outline drawn, elsewhere), not a drawing
        # put in the icon's place. The groups read the edit whole (the shape transformed, the rest
        # missing); the hidden outline would count the kept shape a second time.
        return [it for it in items if it.kind not in ("drawn instead", "hidden")]
    cand_paint = _paint(c)[1]
    union = max(1, int((_paint(c)[0] | cand_paint).sum()))
    lo, hi = SVG_INK_SEVERITY
    for it in regional:
        if it.kind in ("extra", "mirrored") or it.description.startswith(SVG_SHOWN_READING):
            # A neighbour's colour shown (`_svg_shape_items`) is the plain shape's paint over the icon's
            # own (a square filling a card's holes), and so is a mirroring read on a shape that is its own
            # mirror image (`_own_mirror_image`; any other returned above): a shape drawn over what lay
            # there, which it hides.
            if it.kind != "extra":
                it.category, it.kind = _CATS[c.task]["structure"], "extra"
                it.description = "The candidate's plain shape is drawn over the reference's drawing, hiding it."
                it.colours = None
            x0, y0, x1, y1 = it.box
            share = int(cand_paint[y0:y1, x0:x1].sum()) / union
            it.severity = max(it.severity, 3 if share >= hi else (2 if share >= lo else 1))
    return [it for it in items if it.kind != "drawn instead"]


#: The reading of changed ink that took a neighbour's colour (`_svg_shape_items`).
SVG_SHOWN_READING = "A shape moved over another"


#: A candidate's paint whose mirror image about its own centroid covers this share of their union (IoU)
#: is its own mirror image (`_own_mirror_image`).
SVG_OWN_MIRROR = 0.9


def _own_mirror_image(c: _Ctx, mirrored: _Item) -> bool:
    """Whether the candidate's paint is its own mirror image across the axis ``mirrored`` names
    (`SVG_OWN_MIRROR`): a plain shape (a square, a disc) mirrored shows nothing of a mirroring, so a group's
    mirroring read on it finds no shape of the reference kept (the one-shape square over a waffle read
    "mirrored vertically and recoloured", 2, and hid nothing)."""
    cand_paint = _paint(c)[1].astype(np.uint8)
    m = cv2.moments(cand_paint, True)
    if m["m00"] < 50:
        return False
    axis = 1 if "horizontally" in mirrored.description else 0
    centre = (m["m10"] if axis == 1 else m["m01"]) / m["m00"]
    size = c.w if axis == 1 else c.h
    shift = np.float32(
        [[1, 0, 2 * centre - (size - 1)], [0, 1, 0]] if axis == 1 else [[1, 0, 0], [0, 1, 2 * centre - (size - 1)]]
    )
    flipped = cv2.warpAffine(
        np.ascontiguousarray(np.flip(cand_paint, axis)), shift, (c.w, c.h), flags=cv2.INTER_NEAREST
    )
    inter, union = int((flipped & cand_paint).sum()), int((flipped | cand_paint).sum())
    return inter >= SVG_OWN_MIRROR * max(1, union)


def _svg_location(box: PxBox, w: int, h: int) -> str:
    cx, cy = (box[0] + box[2]) / 2 / w, (box[1] + box[3]) / 2 / h
    if (box[2] - box[0]) * (box[3] - box[1]) >= 0.6 * w * h:
        return "whole icon"
    return f"{_grid_word(cx, cy)} shape"


def _svg_items(c: _Ctx, regions: list[Region], skip: list[PxBox], changed: np.ndarray, max_ocr: int) -> list[_Item]:
    """SVG: the changed regions grouped by the drawn shape they touch, then each group's changes by kind.

    One edit of an icon (a path scaled, a point moved) breaks into many slivers along the shape's
    outline; grouping by the connected ink (reference or candidate) they lie on makes it one change.
    """
    # No moved-block pairing (template matching across the icon, `group._moved_pairs`): in an icon it
    # pairs a frame's left side with its right side shifted a few pixels (a "block moved by 110 %");
    # a drawing moved as a whole is read per group (`_svg_transformed`).
    todo = _unexplained(c, regions, skip)
    items: list[_Item] = []
    dist, paint = _ink_distances(c), _paint(c)
    rest: list[Region] = []
    for r in todo:
        if _looks_like_text(r, c.h) and _text_candidate(c, r) and c.ocr_calls < max_ocr and _Ocr.available():
            it = _text_item(c, r)
            if it is not None:
                items.append(it)
                continue
        rest.append(r)
    union = c.ref_ink | c.cand_ink
    _, labels = cv2.connectedComponents(cv2.dilate(union.astype(np.uint8), np.ones((3, 3), np.uint8)), connectivity=8)
    groups: dict[int, list[Region]] = {}
    least = max(4, round(2e-4 * c.h * c.w))  # `_svg_shape_items`' least changed ink
    for k, r in enumerate(rest):
        x0, y0, x1, y1 = r.bbox
        on_ink = labels[y0:y1, x0:x1][changed[y0:y1, x0:x1] & union[y0:y1, x0:x1]]
        counts = np.bincount(on_ink) if on_ink.size else np.zeros(1, np.int64)
        key = int(counts.argmax())
        groups.setdefault(key if key > 0 else -1 - k, []).append(r)  # no ink touched: a group of its own
        # A region that spans separate drawings (a frame erased beside a square drawn over the icon's
        # middle) changes each: every drawing erased or drawn there (`_one_sided`) that holds a share of
        # its changed ink is read too, not only the largest (each group reads its own drawing's pixels).
        for other in np.flatnonzero(counts >= max(least, SVG_REGION_SHARE * on_ink.size)):
            if other > 0 and other != key and _one_sided(c, changed, labels == other, r.bbox):
                # Boxed around that drawing's own changed pixels (the region's box spans the others).
                own = changed[y0:y1, x0:x1] & (labels[y0:y1, x0:x1] == other)
                groups.setdefault(int(other), []).append(replace(r, bbox=_mask_box(own, x0, y0)))
    parts: list[tuple[PxBox, np.ndarray, list[Region]]] = []
    gap = SVG_CLUSTER_GAP * min(c.h, c.w)
    for key, all_members in groups.items():
        # Changes far apart on one connected drawing are separate edits (a point moved at one end,
        # a part scaled at the other); one edit's changes run along the outline it moved.
        for members in _clusters(all_members, gap):
            box = _union([m.bbox for m in members])
            sl = (slice(box[1], box[3]), slice(box[0], box[2]))
            mask = np.zeros_like(changed)
            mask[sl] = changed[sl] & (labels[sl] == key) if key > 0 else changed[sl]
            parts.append((box, mask, members))
    items.extend(_mirrored_apart(c, parts, dist))
    items.extend(_mirrored_across(c, parts, paint))
    fills: list[_Item] = []
    for box, mask, members in _pair_moved_outlines(c, parts):
        sl = (slice(box[1], box[3]), slice(box[0], box[2]))
        found = _recoloured_and_moved(c, mask[sl], box, _svg_shape_items(c, mask[sl], box, dist, paint))
        for it in found:
            it.pixels = mask
        r = members[0]
        if not found and len(members) == 1:
            if not union[sl][mask[sl]].any():
                category, kind = classify(c.task, r, c.h, c.w)  # no ink touched: a background tint or a faint fill
                found = [_Item(category, severity(r, kind, c.h, c.w), r.bbox, describe(r, kind, c.h, c.w), kind)]
            elif r.changed_no_ink >= SVG_FILL_CHANGE * r.area:
                # Hardly any ink touched: a fill in the image's most common colour is no ink (`_lab_ink`),
                # and one recoloured or gone touches only its edge's ink. Read unless another reading
                # holds its place (the element's own change, read where its outline is ink).
                fills.append(_fill_changed(c, r, changed, paint))
        items.extend(found)
    items.extend(f for f in fills if not any(_box_overlap(f.box, it.box) >= 0.5 * _box_area(f.box) for it in items))
    items = _merge_slight_outlines(c, _merge_same_transform(_merge_recolourings(items)))
    items = _fold_into_motion(c, items, paint)
    items = _merge_pieces(c, _merge_pieces(c, items, paint, "missing"), paint, "extra")
    return _only_slivers(c, items)


def _fill_changed(c: _Ctx, r: Region, changed: np.ndarray, paint: tuple[np.ndarray, np.ndarray]) -> _Item:
    """A fill changed that is ink in neither image (`SVG_FILL_CHANGE`): a shape gone when the candidate now
    shows there the colour the reference paints around it (what lay beneath shows: a rugby ball's light
    panel erased shows the ball's blue), a shape drawn when the reference showed there the colour the
    candidate paints around it (nearer it than the fill's other colour), graded by its share of the paint
    (`SVG_INK_SEVERITY`); else the region as read (a colour changed)."""
    x0, y0, x1, y1 = _pad_box(r.bbox, SVG_FILL_RING, c)
    own = changed[y0:y1, x0:x1]
    ring = (cv2.dilate(own.astype(np.uint8), np.ones((2 * SVG_FILL_RING + 1,) * 2, np.uint8)) > 0) & ~own
    ref_paint, cand_paint = paint
    share = r.area / max(1, int((ref_paint | cand_paint | changed).sum()))
    lo, hi = SVG_INK_SEVERITY
    grade = 3 if share >= hi else (2 if share >= lo else 1)
    where = f"({100 * _box_area(r.bbox) / (c.h * c.w):.1f}% of the image)"
    for img, ring_paint, colour, was, missing in (
        (c.ref, ref_paint, r.cand_colour, r.ref_colour, True),
        (c.cand, cand_paint, r.ref_colour, r.cand_colour, False),
    ):
        around = ring & ring_paint[y0:y1, x0:x1]
        if not around.any():
            continue
        beside = _dominant(img[y0:y1, x0:x1][around])
        # ... and nearer that colour than the fill's own other one: a fill in a shade of the paint
        # around it (a filled icon's black turned #252525) matches both, a recolouring, no shape gone.
        if _rgb_de(beside, colour) < min(INK_DE, _rgb_de(beside, was)):
            desc = (
                f"A shape of the reference is missing in the candidate {where}: what lay beneath shows."
                if missing
                else f"The candidate draws a shape the reference does not have {where}, over what lay there."
            )
            return _Item(_CATS[c.task]["structure"], grade, r.bbox, desc, "missing" if missing else "extra")
    category, kind = classify(c.task, r, c.h, c.w)
    if kind == "colour":
        # A fill recoloured, graded as the groups grade one (the perturbation rule: a shade under ΔE 25 or a
        # detail 1, else 2), not as a plain region's colour (2 for a filled icon's black turned #252525).
        de = _rgb_de(r.ref_colour, r.cand_colour)
        return _Item(
            category, 1 if de < 25 or share < SVG_DETAIL else 2, r.bbox,
            f"Colour changed from {_hex(r.ref_colour)} to {_hex(r.cand_colour)} (ΔE {de:.0f}).", kind,
            colours=(r.ref_colour, r.cand_colour),
        )  # fmt: skip
    return _Item(category, severity(r, kind, c.h, c.w), r.bbox, describe(r, kind, c.h, c.w), kind)


#: SVG: a shape missing and one drawn are the two halves of a transform read elsewhere when, over the
#: box of both, the reference's paint moved by it differs from the candidate's in at most this share of
#: the pixels the two images' paint differs in where they stand.
SVG_MOTION_FOLD = 0.25


def _fold_into_motion(c: _Ctx, items: list[_Item], paint: tuple[np.ndarray, np.ndarray]) -> list[_Item]:
    """A shape missing and one drawn that one transform read in another group (`_svg_transformed`'s
    matrix) maps onto each other are that transform's old and new place: one edit moved, turned or resized
    the element (one path's outline and its hole change in separate groups, and the canvas clips the
    outline too much for its own fit). Folded into the transform's item (`SVG_MOTION_FOLD`); so is an
    outline moved that the transform explains alike (another subpath of the element moved)."""
    motions = [it for it in items if it.motion is not None]
    # An outline moved (another subpath of the element moved, apart from the one the transform was read
    # on: a glyph's triangle beside its bars) is folded alike, alone.
    sides = [
        it
        for it in items
        if it.kind in ("missing", "extra")
        or (it.kind == "geometry" and it.motion is None and SVG_OUTLINE_READING.match(it.description))
    ]
    if not motions or not sides:
        return items
    ref_paint, cand_paint = (p.astype(np.uint8) for p in paint)
    # A shape gone with one drawn (its old and new place) first, then either alone (the other half
    # clipped by the canvas or read in the transform's own group).
    pairs = [(m, e) for m in sides if m.kind == "missing" for e in sides if e.kind == "extra"]
    folded: set[int] = set()  # ids: items alike in every field are still separate reads
    for motion in motions:
        moved = cv2.warpAffine(ref_paint, motion.motion, (c.w, c.h), flags=cv2.INTER_NEAREST)
        for halves in [*pairs, *((it,) for it in sides)]:
            if any(id(h) in folded for h in halves):
                continue
            # Where the halves stand and where the transform takes them or brings them from: an element
            # gone is explained only by its paint found at its new place, not by its box left bare.
            x0, y0, x1, y1 = _union([b for h in halves for b in _moved_boxes(c, h.box, motion.motion)])
            sl = (slice(y0, y1), slice(x0, x1))
            still = int((ref_paint[sl] != cand_paint[sl]).sum())
            if int((moved[sl] != cand_paint[sl]).sum()) <= SVG_MOTION_FOLD * still and all(
                _lands_on_paint(c, h, motion.motion, paint) for h in halves
            ):
                folded.update(id(h) for h in halves)
                motion.box = _union([motion.box, *(h.box for h in halves)])
                # The element's change holds its parts' (a transform read on a detail, its hole, grades
                # one step less than the whole drawing it moved): graded again as the perturbation rules
                # grade a transform, by how far it moves the paint it now explains (98th percentile).
                ys, xs = np.nonzero(ref_paint[sl])
                pts = np.stack([xs + x0, ys + y0, np.ones_like(xs)], axis=1).astype(np.float64)
                reach = np.hypot(*(pts @ motion.motion.T - pts[:, :2]).T) if len(xs) else np.zeros(1)
                share = still / max(1, int((ref_paint | cand_paint).sum()))
                grade = _svg_outline_grade(float(np.percentile(reach, 98)) / min(c.h, c.w), share)
                motion.severity = max(motion.severity, grade, *(h.severity for h in halves))
    return [it for it in items if id(it) not in folded]


#: SVG: a shape missing (drawn) is a transform's old (new) place when at least this share of its
#: one-sided paint, taken by the transform (back), lands on the other image's paint.
SVG_FOLD_LANDS = 0.5


def _lands_on_paint(c: _Ctx, half: _Item, motion: np.ndarray, paint: tuple[np.ndarray, np.ndarray]) -> bool:
    """Whether the paint a shape missing (``half``; drawn: the transform taken back) holds is found where
    ``motion`` takes it (`SVG_FOLD_LANDS`): a drawing shrunk covers a fraction of its old box, so over the
    box of both the shrunk paint differs little from a candidate that dropped everything there (an
    element erased beside one resized is no part of the resize)."""
    ref_paint, cand_paint = paint
    own, other = (ref_paint & ~cand_paint, cand_paint) if half.kind != "extra" else (cand_paint & ~ref_paint, ref_paint)
    m = motion if half.kind != "extra" else cv2.invertAffineTransform(motion)
    x0, y0, x1, y1 = half.box
    inside = np.zeros_like(own)
    inside[y0:y1, x0:x1] = own[y0:y1, x0:x1]
    n = int(inside.sum())
    if n == 0:
        return True
    taken = cv2.warpAffine(inside.astype(np.uint8), m, (c.w, c.h), flags=cv2.INTER_NEAREST) > 0
    return int((taken & other).sum()) >= SVG_FOLD_LANDS * max(1, int(taken.sum()))


def _moved_boxes(c: _Ctx, box: PxBox, motion: np.ndarray) -> list[PxBox]:
    """``box``, and the boxes (clipped to the canvas) the transform ``motion`` takes it to and brings it from."""
    x0, y0, x1, y1 = box
    corners = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], dtype=np.float64)
    out = [box]
    for m in (motion, cv2.invertAffineTransform(motion)):
        pts = corners @ np.asarray(m, dtype=np.float64).T
        bx0, by0 = max(0, int(pts[:, 0].min())), max(0, int(pts[:, 1].min()))
        bx1, by1 = min(c.w, math.ceil(pts[:, 0].max())), min(c.h, math.ceil(pts[:, 1].max()))
        if bx1 > bx0 and by1 > by0:
            out.append((bx0, by0, bx1, by1))
    return out


def _merge_pieces(c: _Ctx, items: list[_Item], paint: tuple[np.ndarray, np.ndarray], kind: str) -> list[_Item]:
    """Shapes missing (``kind`` "missing"; "extra": drawn) in separate places that together hold under
    `SVG_PIECES` of the reference's drawing, ink and paint (the candidate's ink) are one element gone (drawn): a path in several
    pieces, its subpaths, or a copy of one; graded by the paint of all. When more is gone, each piece
    counts, so a hollow drawing piles up severity."""
    own, other = (c.ref_ink, c.cand_ink) if kind == "missing" else (c.cand_ink, c.ref_ink)
    pieces = [it for it in items if it.kind == kind]
    if kind == "missing" and len(pieces) >= 2:
        # Whole drawings of the reference erased (three separate bars) are elements of their own, when
        # each holds enough of the drawing to matter alone (severity 2 by its share, `SVG_INK_SEVERITY`);
        # specks (three dots, a path's subpaths) stay one element in pieces.
        whole = _whole_drawings_erased(c, [it.box for it in pieces], paint[1])
        for it, w in zip(pieces, whole, strict=True):
            it.apart = w and it.severity >= 2  # an element erased: no scattered rest folds it either
        _pile_up_erased(c, [it for it in pieces if it.apart], paint)
        pieces = [it for it in pieces if not it.apart]
    if len(pieces) < 2:
        return items
    where = np.zeros_like(own)
    for it in pieces:
        x0, y0, x1, y1 = it.box
        where[y0:y1, x0:x1] = True
    if kind == "missing":
        # Measured against the reference's whole drawing, its paint as well as its ink: a filled icon's
        # ink is only its holes (a glyph cut out of a card), and a glyph filled in, however many strokes,
        # is a small part of the drawing: one element (read per stroke, a card's glyph piled up 3-4 items).
        lost = (own & ~other) | (paint[0] & ~paint[1])  # its ink or its paint no longer drawn there
        gone, whole = int((where & lost).sum()), int((own | paint[0]).sum())
    else:
        gone, whole = int((where & own & ~other).sum()), int(own.sum())
    if gone >= SVG_PIECES * max(1, whole):
        return items
    first = max(pieces, key=lambda it: (it.severity, _box_area(it.box)))
    first.box = _union([it.box for it in pieces])
    # One element: graded by the paint all its pieces hold.
    ref_paint, cand_paint = paint
    one_sided = ref_paint & ~cand_paint if kind == "missing" else cand_paint & ~ref_paint
    share = int((where & one_sided).sum()) / max(1, int((ref_paint | cand_paint).sum()))
    lo, hi = SVG_INK_SEVERITY
    first.severity = max(first.severity, 3 if share >= hi else (2 if share >= lo else 1))
    if kind == "missing":
        first.description = f"A shape of the reference, drawn in {len(pieces)} pieces, is missing in the candidate."
    else:
        first.description = f"The candidate draws a shape, in {len(pieces)} pieces, the reference does not have."
    return [it for it in items if it not in pieces or it is first]


def _pile_up_erased(c: _Ctx, erased: list[_Item], paint: tuple[np.ndarray, np.ndarray]) -> None:
    """Two or more whole drawings erased that together hold the top step of `SVG_INK_SEVERITY` of the
    drawing make the largest of them severity 3, as the scene judge grades them: missing content costs what
    it hides (a frame kept, its two bars erased, 2 + 2, tied an honest bar dropped beside another moved far)."""
    if len(erased) < 2:
        return
    ref_paint, cand_paint = paint
    where = np.zeros_like(ref_paint)
    for it in erased:
        x0, y0, x1, y1 = it.box
        where[y0:y1, x0:x1] = True
    share = int((where & ref_paint & ~cand_paint).sum()) / max(1, int((ref_paint | cand_paint).sum()))
    if share >= SVG_INK_SEVERITY[1]:
        max(erased, key=lambda it: (it.severity, _box_area(it.box))).severity = 3


#: A missing piece is whole drawings erased when every connected drawing of the reference its lost
#: ink lies on has at least this share of its ink on the candidate's bare canvas, and lies in its box.
SVG_WHOLE_GONE = 0.85


def _whole_drawings_erased(c: _Ctx, boxes: list[PxBox], cand_paint: np.ndarray) -> list[bool]:
    """Per box of a missing piece: whether the reference ink lost in it is whole drawings (connected
    ink of the reference) erased: `SVG_WHOLE_GONE` of each with no candidate paint within 1 px (bare
    canvas: erased, not covered by a shape drawn over it), each wholly inside the box. Separate
    elements erased are a change each; a shape moved, resized or covered leaves pieces of one."""
    ref = c.ref_ink
    near_paint = cv2.dilate(cand_paint.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ref.astype(np.uint8), connectivity=8)
    ink = np.bincount(labels[ref], minlength=n)
    lost = np.bincount(labels[ref & ~near_paint], minlength=n)
    out = []
    for x0, y0, x1, y1 in boxes:
        sl = (slice(y0, y1), slice(x0, x1))
        touched = np.unique(labels[sl][ref[sl] & ~near_paint[sl]])
        touched = [int(k) for k in touched if k > 0 and ink[k] >= 8]  # anti-aliasing specks decide nothing
        erased = bool(touched)
        for k in touched:
            bx, by, bw, bh = (int(v) for v in stats[k, :4])
            inside = bx >= x0 - 2 and by >= y0 - 2 and bx + bw <= x1 + 2 and by + bh <= y1 + 2
            if lost[k] < SVG_WHOLE_GONE * ink[k] or not inside:
                erased = False
                break
        out.append(erased)
    return out


def _clusters(regions: list[Region], gap: float) -> list[list[Region]]:
    """Regions whose boxes lie within ``gap`` px of one another, chained, as clusters."""
    n = len(regions)
    sets = DisjointSets(n)
    for i in range(n):
        a = regions[i].bbox
        for j in range(i + 1, n):
            b = regions[j].bbox
            dx = max(0, max(a[0], b[0]) - min(a[2], b[2]))
            dy = max(0, max(a[1], b[1]) - min(a[3], b[3]))
            if max(dx, dy) <= gap:
                sets.union(j, i)
    return [[regions[k] for k in members] for members in sets.groups()]


def _merge_recolourings(items: list[_Item]) -> list[_Item]:
    """One recolouring per (old, new) colour pair: a recoloured element drawn in separate pieces is
    one change, not one per piece (a mirrored and recoloured element's pieces: its mirroring)."""
    out: list[_Item] = []
    for it in items:
        same = next(
            (
                o
                for o in out
                if it.colours and o.colours
                and _rgb_de(it.colours[0], o.colours[0]) < 12 and _rgb_de(it.colours[1], o.colours[1]) < 12
            ),
            None,
        )  # fmt: skip
        if same is None:
            out.append(it)
        elif it.kind == "mirrored" and same.kind != "mirrored":
            # A piece of a mirrored and recoloured element: the element's item (the mirroring) stands.
            it.box, it.severity = _union([same.box, it.box]), max(same.severity, it.severity)
            out[out.index(same)] = it
        else:
            same.box, same.severity = _union([same.box, it.box]), max(same.severity, it.severity)
    return out


def _pair_moved_outlines(
    c: _Ctx, parts: list[tuple[PxBox, np.ndarray, list[Region]]]
) -> list[tuple[PxBox, np.ndarray, list[Region]]]:
    """A shape drawn larger, smaller or a little elsewhere no longer touches its old outline: a group of
    reference-only ink and a group of candidate-only ink over about the same box are one change."""
    sides = [_ink_side(c, m) for _, m, _ in parts]
    used: set[int] = set()
    out = []
    for i, (box_i, mask_i, mem_i) in enumerate(parts):
        if sides[i] != "ref":
            continue
        extras = [j for j in range(len(parts)) if j not in used and sides[j] == "cand"]
        best = max(extras, key=lambda j: _box_iou(box_i, parts[j][0]), default=None)
        if best is not None and _box_iou(box_i, parts[best][0]) >= 0.25:
            box_j, mask_j, mem_j = parts[best]
            used.update((i, best))
            out.append((_union([box_i, box_j]), mask_i | mask_j, mem_i + mem_j))
    out.extend(p for k, p in enumerate(parts) if k not in used)
    return out


def _ink_distances(c: _Ctx) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel, the distance (px) to the nearest reference ink and to the nearest candidate ink."""
    return tuple(  # type: ignore[return-value]
        cv2.distanceTransform((~ink).astype(np.uint8), cv2.DIST_L2, 3) for ink in (c.ref_ink, c.cand_ink)
    )


#: SVG: a recoloured element's moved ink leaves about as much behind as it draws anew; ink lost beyond
#: this many times the new ink is another element gone.
SVG_LOST_APART = 2.0


def _recoloured_and_moved(c: _Ctx, mask: np.ndarray, box: PxBox, items: list[_Item]) -> list[_Item]:
    """A recolouring beside changes whose new ink (candidate only) is drawn in the new colour: the element
    recoloured is the element moved, resized or copied; its changes share its pixels and are one (the
    perturbation rules merge edits that change the same pixels), led by the highest severity (a tie: the
    recolouring, which changes the most pixels)."""
    colour = next((it for it in items if it.kind == "colour" and it.colours), None)
    if colour is None or len(items) < 2:
        return items
    x0, y0, x1, y1 = box
    sl = (slice(y0, y1), slice(x0, x1))
    new_ink = mask & c.cand_ink[sl] & ~c.ref_ink[sl]
    if int(new_ink.sum()) < 4 or _rgb_de(_dominant(c.cand[sl][new_ink]), colour.colours[1]) > 2 * INK_DE:
        return items
    # Ink lost beyond twice the ink drawn anew is more than the moved element's old place: another
    # element gone (a line dropped beside one recoloured and reshaped) stays a change of its own.
    lost = int((mask & c.ref_ink[sl] & ~c.cand_ink[sl]).sum())
    apart = [it for it in items if it.kind == "missing" and lost > SVG_LOST_APART * int(new_ink.sum())]
    one = [it for it in items if it not in apart]
    first = max(one, key=lambda it: (it.severity, it is colour))
    first.box = _union([it.box for it in one])
    return [first, *apart]


def _svg_shape_items(
    c: _Ctx,
    mask: np.ndarray,
    box: PxBox,
    dist: tuple[np.ndarray, np.ndarray],
    paint: tuple[np.ndarray, np.ndarray],
) -> list[_Item]:
    """The changes of one group (``mask``: its changed pixels in ``box``): recoloured, reshaped, missing,
    extra (a recoloured element also moved, resized or copied is then one change: `_recoloured_and_moved`)."""
    cats = _CATS[c.task]
    x0, y0, x1, y1 = box
    sl = (slice(y0, y1), slice(x0, x1))
    ri, ci = c.ref_ink[sl], c.cand_ink[sl]
    ref_only, cand_only, both = mask & ri & ~ci, mask & ci & ~ri, mask & ri & ci
    n_ref, n_cand, n_both = int(ref_only.sum()), int(cand_only.sum()), int(both.sum())
    inked = n_ref + n_cand + n_both
    min_px = max(4, round(2e-4 * c.h * c.w))
    if inked < min_px:
        return []
    side = min(c.h, c.w)
    out: list[_Item] = []
    # A recolouring shows where ink stays: looked for whenever a tenth of the changed ink is on both
    # sides (a shape recoloured and also moved or scaled keeps little ink in place), mirrored or not.
    recoloured: _Item | None = None
    shown: _Item | None = None  # a shape moved over, uncovered or covered: its neighbour's colour shows
    if n_both >= max(min_px, 0.1 * inked):
        rc, cc = _dominant(c.ref[sl][both]), _dominant(c.cand[sl][both])
        de = _rgb_de(rc, cc)
        if de > 2 * INK_DE:
            share = n_both / max(1, int((paint[0] | paint[1]).sum()))
            moved = _colour_moved(c, both, box, cc)
            bare = _on_canvas(c, both, x0, y0)
            if bare is not None:
                # Paint where the other image shows its bare canvas is a shape drawn (or gone), not a
                # recolouring: the canvas is no element's colour (a shape grown over it, `_on_canvas`).
                shown = _svg_side_item(c, both, x0, y0, bare == "cand", mask, paint)
            elif moved is None:
                # The perturbation rule: a shade (ΔE < 25) or a detail (under 5 % of the ink) -> 1, else 2.
                recoloured = _Item(
                    cats["style"], 1 if de < 25 or share < SVG_DETAIL else 2, _mask_box(both, x0, y0),
                    f"Colour changed from {_hex(rc)} to {_hex(cc)} (ΔE {de:.0f}).", "colour", colours=(rc, cc),
                )  # fmt: skip
            else:
                lo, hi = SVG_MOVE_SEVERITY
                step = 1 if moved < lo else (2 if moved < hi else 3)
                shown = _Item(
                    cats["geometry"], max(1, step - 1) if share < SVG_DETAIL else step, _mask_box(both, x0, y0),
                    f"{SVG_SHOWN_READING}: {_hex(rc)} turned {_hex(cc)}, the colour beside it "
                    f"({100 * moved:.0f}% of the image away).", "geometry",
                )  # fmt: skip
    if n_ref >= min_px and n_cand >= min_px:
        axis = _mirror_axis(c, mask, x0, y0)
        if axis:
            where = _mask_box(ref_only | cand_only, x0, y0)
            if recoloured is None:
                rest = _mirror_rest(c, mask, x0, y0, axis, paint)
                return [_Item(cats["text"], 2, where, f"A shape is mirrored {axis}.", "mirrored"), *rest]
            # The shape mirrored is the shape recoloured: one element changed in one place, one item.
            rc, cc = recoloured.colours or ((0, 0, 0), (0, 0, 0))
            desc = f"A shape is mirrored {axis} and recoloured from {_hex(rc)} to {_hex(cc)}."
            box = _union([where, recoloured.box])
            return [_Item(cats["text"], 2, box, desc, "mirrored", colours=recoloured.colours)]
    if recoloured is not None:
        out.append(recoloured)
    elif shown is not None:
        out.append(shown)
    elif n_both >= max(min_px, 0.3 * inked):
        # The same colours before and after, in other places: a mark moved over a filled shape.
        moved = _moved_over_fill(c, both, box)
        if isinstance(moved, list):
            out.extend(moved)
        elif moved is not None:
            out.append(moved)
    moved_px = n_ref + n_cand
    # Next to a recolouring, ink gained or lost is a change of its own when it is more than the
    # recoloured outline's anti-aliasing (a lighter colour passes the ink threshold on fewer edge pixels).
    if moved_px < max(min_px, (0.05 if out else 0.2) * inked):
        return out
    d_ref, d_cand = dist
    far = np.concatenate([d_cand[sl][ref_only], d_ref[sl][cand_only]])
    if out and float(np.percentile(far, 90)) < 2.0:
        return out
    where = _mask_box(ref_only | cand_only, x0, y0)
    if min(n_ref, n_cand) >= 0.15 * moved_px:
        move = float(np.percentile(far, 98)) / side
        lo, hi = SVG_MOVE_SEVERITY
        sev = 1 if move < lo else (2 if move < hi else 3)
        if move >= hi:
            # Moved that far, the ink is no longer one outline adjusted: what it drew is gone from
            # one place and something is drawn in another (often two or three edits on one drawing),
            # unless one similarity transform maps the old drawing onto the new.
            whole = _svg_transformed(c, mask, box)
            if whole is not None:
                return [*out, whole]
            out.extend(
                _svg_side_item(c, m, x0, y0, missing, mask, paint)
                for m, missing in ((ref_only, True), (cand_only, False))
                if not _drawn_alike(c, m, x0, y0, paint)
            )
            return out
        out.append(
            _Item(
                cats["geometry"], sev, where,
                f"A shape's outline moved by up to {100 * move:.0f}% of the image (scaled, rotated or reshaped).",
                "geometry",
            )
        )  # fmt: skip
        return out
    one = ref_only if n_ref > n_cand else cand_only
    near = float(np.percentile((d_cand if n_ref > n_cand else d_ref)[sl][one], 90)) / side
    if near < SVG_MOVE_SEVERITY[0]:
        # Ink lost (or gained) only along the other image's outline: a filled shape shrank (or grew)
        # a little, its new outline inside (or around) the old, not a shape gone.
        out.append(
            _Item(
                cats["geometry"], 1, where,
                f"A shape's outline moved by up to {100 * near:.0f}% of the image (it shrank or grew).", "geometry",
            )
        )  # fmt: skip
        return out
    if not _drawn_alike(c, one, x0, y0, paint):
        out.append(_svg_side_item(c, one, x0, y0, n_ref > n_cand, mask, paint))
    # The other side's ink, when it is more than slivers and lies off the reference's (candidate's)
    # ink, is a change of its own: a part gone beside one drawn elsewhere on the same drawing.
    other = cand_only if n_ref > n_cand else ref_only
    if int(other.sum()) >= max(min_px, SVG_OTHER_SIDE * moved_px):
        off = float(np.percentile((d_ref if n_ref > n_cand else d_cand)[sl][other], 90)) / side
        if off >= SVG_MOVE_SEVERITY[0] and not _drawn_alike(c, other, x0, y0, paint):
            out.append(_svg_side_item(c, other, x0, y0, n_ref <= n_cand, mask, paint))
    return out


#: SVG: one-sided ink (`_svg_side_item`) of which this share is paint in the other image too, in a
#: dominant colour alike (ΔE under `INK_DE`), is drawn alike there: no shape missing or drawn.
SVG_DRAWN_ALIKE = 0.9


def _drawn_alike(c: _Ctx, ink: np.ndarray, x0: int, y0: int, paint: tuple[np.ndarray, np.ndarray]) -> bool:
    """Whether ink on one side only (``ink``, in a box at x0, y0) is painted in the other image too, in
    the same colour (`SVG_DRAWN_ALIKE`): each image's ink is taken against its most common colour, and a
    candidate drawn mostly in the icon's colour (a cup grown or copied over the canvas) takes that colour
    as its background, its cup no ink: the reference's cup, painted there still, read as a shape missing."""
    n = int(ink.sum())
    if n == 0:
        return False
    sl = (slice(y0, y0 + ink.shape[0]), slice(x0, x0 + ink.shape[1]))
    if int((ink & paint[0][sl] & paint[1][sl]).sum()) < SVG_DRAWN_ALIKE * n:
        return False
    return _rgb_de(_dominant(c.ref[sl][ink]), _dominant(c.cand[sl][ink])) < INK_DE


def _svg_side_item(
    c: _Ctx, ink: np.ndarray, x0: int, y0: int, missing: bool, group: np.ndarray, paint: tuple[np.ndarray, np.ndarray]
) -> _Item:
    """Ink on one side only: a missing (reference only) or an extra (candidate only) shape, graded by
    the share of the drawing it holds (`SVG_INK_SEVERITY`): the paint on that side only (of the group's
    changed pixels ``group``, in the box at x0, y0, or in the shape's box) over the paint of both images."""
    side_box = _mask_box(ink, x0, y0)
    cover = (side_box[2] - side_box[0]) * (side_box[3] - side_box[1]) / float(c.h * c.w)
    ref_paint, cand_paint = paint
    one_sided = ref_paint & ~cand_paint if missing else cand_paint & ~ref_paint
    sl = (slice(y0, y0 + group.shape[0]), slice(x0, x0 + group.shape[1]))
    # A filled shape's inside is no one's ink when the fill is the image's most common colour: the
    # paint lost (gained) inside the shape's box counts too.
    painted = max(
        int((group & one_sided[sl]).sum()),
        int(one_sided[side_box[1] : side_box[3], side_box[0] : side_box[2]].sum()),
        int(ink.sum()),
    )
    share = painted / max(1, int((ref_paint | cand_paint).sum()))
    lo, hi = SVG_INK_SEVERITY
    sev = 3 if share >= hi else (2 if share >= lo else 1)
    if missing:
        desc = f"A shape of the reference is missing in the candidate ({100 * cover:.1f}% of the image)."
    else:
        desc = f"The candidate draws a shape the reference does not have ({100 * cover:.1f}% of the image)."
    return _Item(_CATS[c.task]["structure"], sev, side_box, desc, "missing" if missing else "extra")
