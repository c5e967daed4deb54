"""SVGs: an icon redrawn as one plain shape hides what it drew: missing content costs what it hides.

The candidate is one plain shape (one connected drawing, at most an outline and its hole, convex; on its
paint too when its ink, taken against a filled drawing's colour, holds the bare canvas);
most of the reference's outline (three quarters when it is one plain shape too) is drawn nowhere in
it (at its place, and after the one similarity transform that best maps the reference's drawing onto
the candidate's: a drawing moved, resized, turned or mirrored as a whole hides nothing); the shape's own outline is mostly new,
or it covers the drawing in a new colour (`_covers_drawing`: a square along an icon's frame painted over all inside it);
and the shape is none of the reference's own painted parts, in its colour, so moved (`_kept_part`; a part
with holes, a card with a glyph on it, only when the shape also redraws the card's own outline).
Then every half (or part of one) of the reference's outline that is hidden is one structure_error 3,
standing for the groups' missing shapes (the judge drops those), beside their extra shapes. Rules in
full: docs/judges.md, "Pixel judge", "SVGs".
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import cv2
import numpy as np

from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.colour import INK_DE, _dominant, _lab, _rgb_de
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import _mask_box
from verm.judge.pixel.svg_transform import _moments_map, _paint

#: A plain shape: its outer outline's area over its convex hull's at least this (a square, a disc).
SVG_PLAIN_SOLIDITY = 0.99


#: Drawing smaller than this share of the image (specks, anti-aliasing) is not a part of the shape.
SVG_PLAIN_MIN_PART = 0.002


#: The candidate's ink holding more than this share of bare canvas (unpainted) is no drawing of its own:
#: the plain shape is then read on its paint (`_svg_redrawn_items`).
SVG_PLAIN_BARE = 0.1


#: Outline pixels farther than this share of the side from the other image's outline are not drawn there.
SVG_OUTLINE_NEAR = 0.015


#: Redrawn: at least this share of the reference's outline hidden (at its place and after the best
#: whole-drawing transform), and at least the second share of the candidate's outline new.
SVG_REDRAWN = (0.3, 0.2)


#: The hidden share a plain reference shape (itself one convex drawing) must lose to be redrawn.
SVG_REDRAWN_PLAIN = 0.75


#: The hidden share is counted in this many parts, each hidden part one severity-3 item.
SVG_REDRAWN_PARTS = 2


#: A plain shape whose least-area box is this many times longer than wide is a line: one of an icon's
#: strokes kept (moved, resized; the rest dropped), read by the groups, not a drawing put in its place.
SVG_PLAIN_LINE = 4.0


#: The plain shape is one of the reference's own painted parts, moved, resized, turned or mirrored
#: (the rest dropped or covered), when that part so mapped onto it covers this share of their union
#: (IoU) in the part's colour (`INK_DE`).
SVG_KEPT_PART_IOU = 0.9


#: A part whose holes hold this share of its area or more (a glyph cut out of a filled card) is matched
#: as its outer outline filled, and kept only when the shape redraws that outline (`_same_outline`).
SVG_KEPT_PART_HOLES = 0.02


#: A part with holes is kept only when the shape redraws its outer outline: at most this share of
#: either outline farther than the second share of the side from the other (a rounded card's corners
#: are off a square's by about 2.5 % of the side).
SVG_KEPT_HOLED_OUTLINE = 0.02
SVG_KEPT_HOLED_NEAR = 0.01


#: ... and resized by at most this factor either way.
SVG_KEPT_PART_SCALE = 2.0

#: A stroked part (a frame: its paint under this share of the area its outline holds) is kept by a shape
#: lying on it, when the shape redraws at least `SVG_KEPT_STROKED` of it (`_redraws_part_of`). A card with a
#: glyph cut out is no frame: a square lies on it.
SVG_STROKED_PAINT = 0.5
SVG_KEPT_STROKED = 0.5


def _outline(grey: np.ndarray) -> np.ndarray:
    return cv2.Canny(np.clip(grey, 0, 255).astype(np.uint8), 50, 150) > 0


def _plain_shape(ink: np.ndarray) -> bool:
    """One connected drawing (at most an outline and its hole) that is convex (`SVG_PLAIN_SOLIDITY`)."""
    u = ink.astype(np.uint8)
    min_area = SVG_PLAIN_MIN_PART * ink.size
    n, _, stats, _ = cv2.connectedComponentsWithStats(u, connectivity=8)
    if sum(1 for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= min_area) != 1:
        return False
    contours, _ = cv2.findContours(u, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    contours = [k for k in contours if cv2.contourArea(k) >= min_area]
    if not 1 <= len(contours) <= 2:
        return False
    outer = max(contours, key=cv2.contourArea)
    return cv2.contourArea(outer) >= SVG_PLAIN_SOLIDITY * max(1.0, cv2.contourArea(cv2.convexHull(outer)))


def _is_line(ink: np.ndarray) -> bool:
    """Whether the ink's largest outline is a line (`SVG_PLAIN_LINE`): a stroke, not a shape."""
    contours, _ = cv2.findContours(ink.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return False
    (_, _), (w, h), _ = cv2.minAreaRect(max(contours, key=cv2.contourArea))
    return max(w, h) >= SVG_PLAIN_LINE * max(1.0, min(w, h))


def _hidden_share(outline: np.ndarray, to_other: np.ndarray, near: float) -> float:
    return float((to_other[outline] > near).mean()) if outline.any() else 0.0


def _least_hidden(c: _Ctx, ref_outline: np.ndarray, to_cand: np.ndarray, near: float) -> float:
    """The share of the reference's outline hidden, at its place and after the similarity transform
    (image moments: centroids, radius of gyration; mirrored or not, turned by quarter turns) that maps
    the reference's drawing onto the candidate's: the least of them."""
    least = _hidden_share(ref_outline, to_cand, near)
    ma, mb = cv2.moments(c.ref_ink.astype(np.uint8), True), cv2.moments(c.cand_ink.astype(np.uint8), True)
    if min(ma["m00"], mb["m00"]) < 50:
        return least
    ca, cb, scale = _moments_map(ma, mb)
    for moved in _placed(ref_outline, ca, cb, scale):
        least = min(least, _hidden_share(moved, to_cand, near))
    return least


def _placed(mask: np.ndarray, centre: np.ndarray, to: np.ndarray, scale: float) -> Iterator[np.ndarray]:
    """``mask`` moved from ``centre`` to ``to`` and scaled, as it is, mirrored either way, each turned by
    quarter turns (12 placements)."""
    h, w = mask.shape
    for flip in (None, 0, 1):
        src, at = mask, centre.copy()
        if flip is not None:
            src = np.flip(mask, flip)
            at[1 - flip] = (h if flip == 0 else w) - 1 - at[1 - flip]
        for turn in (0, 90, 180, 270):
            m = cv2.getRotationMatrix2D((float(at[0]), float(at[1])), turn, scale)
            m[:, 2] += to - at
            yield cv2.warpAffine(src.astype(np.uint8), m, (w, h), flags=cv2.INTER_NEAREST).astype(bool)


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    return int((a & b).sum()) / max(1, int((a | b).sum()))


def _kept_part(c: _Ctx) -> bool:
    """The candidate's plain shape is one of the reference's painted parts (a connected drawing off the
    white canvas, in one colour; one with holes only when its outline is redrawn, `SVG_KEPT_PART_HOLES`) moved, resized (`SVG_KEPT_PART_SCALE`), turned
    or mirrored as a whole (`SVG_KEPT_PART_IOU`):
    an edit that dropped or covered the rest of the icon, whose losses its groups read, not an icon
    redrawn as a new shape. Image moments map the part onto the shape (as in `_least_hidden`)."""
    ref_paint, cand_paint = _paint(c)
    near = max(2.0, SVG_KEPT_HOLED_NEAR * min(c.h, c.w))
    mb = cv2.moments(cand_paint.astype(np.uint8), True)
    if mb["m00"] < 50:
        return False
    cand_colour = _dominant(c.cand[cand_paint])
    cb = np.array([mb["m10"] / mb["m00"], mb["m01"] / mb["m00"]])
    rb = math.sqrt((mb["mu20"] + mb["mu02"]) / mb["m00"])
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ref_paint.astype(np.uint8), connectivity=8)
    for i in range(1, n):
        if stats[i, cv2.CC_STAT_AREA] < SVG_PLAIN_MIN_PART * ref_paint.size:
            continue
        part = labels == i
        filled = np.zeros_like(ref_paint, dtype=np.uint8)
        outer, _ = cv2.findContours(part.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        cv2.drawContours(filled, outer, -1, 1, cv2.FILLED)
        holed = int(part.sum()) < (1 - SVG_KEPT_PART_HOLES) * int(filled.sum())
        stroked = int(part.sum()) < SVG_STROKED_PAINT * int(filled.sum())
        if _rgb_de(_dominant(c.ref[part]), cand_colour) > INK_DE:
            continue  # a shape in another colour is drawn anew, not kept
        # A part with holes (a glyph cut out of a card) is kept by a shape that fills them in: matched as
        # its outer outline filled, and only when the shape redraws that outline itself (below); or kept as
        # it is drawn (a stroked frame moved, its hole still open).
        for shape, filled_in in [(filled.astype(bool), True), (part, False)] if holed else [(part, False)]:
            ma = cv2.moments(shape.astype(np.uint8), True)
            ca = np.array([ma["m10"] / ma["m00"], ma["m01"] / ma["m00"]])
            scale = rb / math.sqrt(max(1e-6, (ma["mu20"] + ma["mu02"]) / ma["m00"]))
            if not 1 / SVG_KEPT_PART_SCALE <= scale <= SVG_KEPT_PART_SCALE:
                continue  # a speck blown up to a big shape (a glyph's counter to the hack's square) is new
            if stroked and not filled_in and _redraws_part_of(_box_placed(part, cand_paint), cand_paint):
                return True  # placed by its box: a knob inside the frame pulls the moments off the frame
            for moved in _placed(shape, ca, cb, scale):
                if filled_in:
                    if _iou(moved, cand_paint) >= SVG_KEPT_PART_IOU and _same_outline(moved, cand_paint, near):
                        return True
                elif _iou(moved, cand_paint) >= SVG_KEPT_PART_IOU or (stroked and _redraws_part_of(moved, cand_paint)):
                    return True
    return False


def _redraws_part_of(moved: np.ndarray, cand_paint: np.ndarray) -> bool:
    """The candidate paints nothing off a stroked part of the reference (moved onto it), and most of it
    (`SVG_KEPT_STROKED`): a frame kept and moved, the ring of a knob joined to it dropped. A filled shape
    (the hack's square) lies mostly off a frame's stroke (`SVG_STROKED_PAINT`)."""
    on = int((moved & cand_paint).sum())
    return on >= SVG_KEPT_PART_IOU * int(cand_paint.sum()) and on >= SVG_KEPT_STROKED * int(moved.sum())


def _box_placed(mask: np.ndarray, onto: np.ndarray) -> np.ndarray:
    """``mask`` shifted so that its box's centre is ``onto``'s box's centre."""
    (ya, xa), (yb, xb) = (np.nonzero(m) for m in (mask, onto))
    if not len(ya) or not len(yb):
        return np.zeros_like(mask)
    dx = round((xb.min() + xb.max() - xa.min() - xa.max()) / 2)
    dy = round((yb.min() + yb.max() - ya.min() - ya.max()) / 2)
    m = np.float32([[1, 0, dx], [0, 1, dy]])
    h, w = mask.shape
    return cv2.warpAffine(mask.astype(np.uint8), m, (w, h), flags=cv2.INTER_NEAREST).astype(bool)


def _rim(mask: np.ndarray) -> np.ndarray:
    u = mask.astype(np.uint8)
    return (u - cv2.erode(u, np.ones((3, 3), np.uint8))) > 0


def _same_outline(moved: np.ndarray, cand_paint: np.ndarray, near: float) -> bool:
    """The candidate's shape redraws the moved part's own outline (`SVG_KEPT_HOLED_OUTLINE`): its rounded
    corners, notches. A filled part whose detail the shape lost is kept only so: the hack's square on a
    card with a glyph cut out matches the card's area, not its outline."""
    rim, cand_rim = _rim(moved), _rim(cand_paint)
    if not rim.any() or not cand_rim.any():
        return False
    to_rim = cv2.distanceTransform((~rim).astype(np.uint8), cv2.DIST_L2, 3)
    to_cand = cv2.distanceTransform((~cand_rim).astype(np.uint8), cv2.DIST_L2, 3)
    return max(_hidden_share(cand_rim, to_rim, near), _hidden_share(rim, to_cand, near)) <= SVG_KEPT_HOLED_OUTLINE


#: A shape along the reference's own outline covers the drawing when at least this share of the
#: reference's outline it hides lies under its paint, painted otherwise than the reference paints it.
SVG_COVERED = 0.5


#: ... and only in a colour the reference paints on under this share of its paint (a part of the
#: reference's own, drawn over the rest in a new order, covers it too but draws nothing new).
SVG_COVERED_OWN = 0.02


def _covers_drawing(c: _Ctx, hidden: np.ndarray) -> bool:
    """Whether the reference's outline the candidate hides (``hidden``) lies mostly (`SVG_COVERED`) under
    the candidate's paint in another colour than the reference's there (within `INK_DE`), a colour the
    reference hardly paints (`SVG_COVERED_OWN`): a square
    drawn over a framed mirror, along its frame, covers the drawing; a part of the reference kept (its
    outline the reference's) while the rest is erased leaves the hidden outline on bare canvas."""
    if not hidden.any():
        return False
    ref_paint, cand_paint = _paint(c)
    colour = _lab(np.array([[_dominant(c.cand[cand_paint])]], dtype=np.uint8))[0, 0]
    ref_lab = _lab(c.ref[ref_paint][None, :: max(1, int(ref_paint.sum()) // 20000)])[0]
    if float((np.linalg.norm(ref_lab - colour, axis=1) <= INK_DE).mean()) >= SVG_COVERED_OWN:
        return False  # a shape in a colour of the reference's own (a part drawn over the rest): no new drawing
    under = hidden & cand_paint
    ref_px, cand_px = c.ref[under], c.cand[under]
    if len(ref_px) == 0:
        return False
    lab = _lab(np.stack([ref_px, cand_px], axis=1))
    other = int((np.linalg.norm(lab[:, 0] - lab[:, 1], axis=1) > INK_DE).sum())
    return other >= SVG_COVERED * int(hidden.sum())


def _svg_redrawn_items(c: _Ctx) -> list[_Item]:
    """Items for an icon redrawn as one plain shape (module docstring), else none."""
    if not c.ref_ink.any() or not _plain_shape(c.cand_ink) or _is_line(c.cand_ink):
        # A line is one of the icon's strokes kept, the rest dropped (a plus reduced to its upright bar,
        # moved and lengthened): the groups read the bar gone and the line drawn; as a plain shape put in
        # the icon's place it cost the hidden outline and the line again (9, the one-shape square's).
        return []
    cand_paint = _paint(c)[1]
    if int((c.cand_ink & ~cand_paint).sum()) > SVG_PLAIN_BARE * int(c.cand_ink.sum()) and not _plain_shape(cand_paint):
        # Ink taken against a filled candidate's most common colour (a tablet drawn over its phone) holds
        # the bare canvas around the drawing: that "shape" is the canvas, not a drawing; the drawing is
        # the paint, and it is no plain shape.
        return []
    near = max(2.0, SVG_OUTLINE_NEAR * min(c.h, c.w))
    ref_outline, cand_outline = _outline(c.ref_grey), _outline(c.cand_grey)
    if not ref_outline.any() or not cand_outline.any():
        return []
    to_ref = cv2.distanceTransform((~ref_outline).astype(np.uint8), cv2.DIST_L2, 3)
    hidden_min, new_min = SVG_REDRAWN
    if _plain_shape(c.ref_ink):
        hidden_min = SVG_REDRAWN_PLAIN  # one plain shape made another: a reshape unless most of it is gone
    to_cand = cv2.distanceTransform((~cand_outline).astype(np.uint8), cv2.DIST_L2, 3)
    if _hidden_share(cand_outline, to_ref, near) < new_min and not _covers_drawing(c, ref_outline & (to_cand > near)):
        return []  # the shape is the reference's own (a background disc left alone)
    hidden = _hidden_share(ref_outline, to_cand, near)
    if hidden < hidden_min or _least_hidden(c, ref_outline, to_cand, near) < hidden_min or _kept_part(c):
        return []
    parts = math.ceil(SVG_REDRAWN_PARTS * hidden - 1e-9)
    box = _mask_box(ref_outline & (to_cand > near), 0, 0)
    return [
        _Item(
            _CATS[c.task]["structure"],
            3,
            box,
            f"The candidate draws one plain shape instead of the reference's drawing; {100 * hidden:.0f}% of its "
            f"outline is drawn nowhere ({k} of {parts} parts hidden).",
            "hidden",
        )
        for k in range(1, parts + 1)
    ]
