"""SVGs: the whole drawing moved, resized and turned at once (one element that is the icon, or every
element alike), read as one item before the groups read its pieces. A drawing shrunk away from its old
outline leaves no group with ink on both sides (the groups read a shape missing per stroke and a
recolouring), and one shrunk and turned is a convex blob the plain-shape reading takes for a hack. Rules
in full: docs/judges.md, "Pixel judge", "SVGs"."""

from __future__ import annotations

import math
from collections.abc import Callable

import cv2
import numpy as np

from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.colour import INK_DE, _dominant, _hex, _rgb_de
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import _mask_box
from verm.judge.pixel.svg_transform import (
    SVG_DETAIL,
    SVG_NO_MOVE,
    SVG_SHIFT_STRUCTURE,
    SVG_TRANSFORM,
    _paint,
    _refined,
    _svg_outline_grade,
)

#: The whole drawing: at least this many painted pixels in either image (a speck maps onto anything).
SVG_WHOLE_MIN_PAINT = 200


#: A recolouring of the whole drawing under this ΔE is a shade (the perturbation rules' 1), else 2.
SVG_WHOLE_SHADE_DE = 25.0


def _rim(paint: np.ndarray) -> np.ndarray:
    """The paint's outline: painted pixels beside unpainted ones (the canvas border is no outline: a
    drawing clipped by it is clipped alike in both images)."""
    u = paint.astype(np.uint8)
    return (u - cv2.erode(u, np.ones((3, 3), np.uint8))) > 0


#: The sizes swept when the moments miss (the canvas clips a drawing grown past it, pulling them): a
#: geometric series from a third to twice the size, each shift found by phase correlation at half size.
SVG_WHOLE_SCALES = tuple(round(0.3 * 1.05**k, 3) for k in range(42))


def _swept(
    pa: np.ndarray,
    pb: np.ndarray,
    centre: np.ndarray,
    apart: Callable[[np.ndarray], float],
    warp: Callable[[np.ndarray], np.ndarray],
) -> list[tuple[float, np.ndarray]]:
    """The two best unturned guesses (how far apart, matrix) of `SVG_WHOLE_SCALES`: the reference's paint
    resized about ``centre`` and shifted onto the candidate's by phase correlation (on both halved, by
    the overlap of the paint), then measured full size."""
    half = (pa.shape[1] // 2, pa.shape[0] // 2)
    a_small = cv2.resize(pa.astype(np.float32), half, interpolation=cv2.INTER_AREA)
    b_small = cv2.resize(pb.astype(np.float32), half, interpolation=cv2.INTER_AREA)
    at = (float(centre[0]) / 2, float(centre[1]) / 2)
    scored: list[tuple[float, np.ndarray]] = []
    for scale in SVG_WHOLE_SCALES:
        m = cv2.getRotationMatrix2D(at, 0.0, scale)
        moved = cv2.warpAffine(a_small, m, half, flags=cv2.INTER_LINEAR)
        (sx, sy), _ = cv2.phaseCorrelate(moved, b_small)
        m[:, 2] += (sx, sy)
        moved = cv2.warpAffine(a_small, m, half, flags=cv2.INTER_LINEAR)
        overlap = float(np.minimum(moved, b_small).sum()) / max(1e-6, float(np.maximum(moved, b_small).sum()))
        full = m.copy()
        full[:, 2] *= 2
        scored.append((overlap, full))
    scored.sort(key=lambda g: -g[0])
    return [(apart(warp(m)), m) for _, m in scored[:2]]


#: A separate part of the drawing (connected paint of at least the first share of the image) that lands
#: on the canvas with under the second share of the image is pushed off it: an element gone, not moved
#: (a drawing grown past the canvas shows its frame's corners: 0.3 % of a cpu's ink, 0.26 % of the image).
SVG_WHOLE_OFF = (0.002, 0.0005)


def _part_pushed_off(pa: np.ndarray, motion: np.ndarray, size: tuple[int, int]) -> bool:
    """Whether ``motion`` pushes a separate part of the reference's paint (`SVG_WHOLE_OFF`) off the
    canvas: three dots shifted by one's spacing lose the last off the edge and match two dots left, one
    erased; the edit erased a dot (a drawing grown past the canvas keeps some of each part)."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(pa.astype(np.uint8), connectivity=8)
    least, kept = SVG_WHOLE_OFF
    w, h = size
    for k in range(1, n):
        if stats[k, cv2.CC_STAT_AREA] < least * pa.size:
            continue
        ys, xs = np.nonzero(labels == k)
        to = np.stack([xs, ys, np.ones_like(xs)], axis=1).astype(np.float64) @ motion.T
        on = (to[:, 0] >= 0) & (to[:, 0] < w) & (to[:, 1] >= 0) & (to[:, 1] < h)
        if int(on.sum()) < kept * pa.size:
            return True
    return False


def _svg_whole_transformed(c: _Ctx) -> _Item | None:
    """The candidate's paint is the reference's paint under one similarity transform (resized, turned
    and moved, any of them at once: one element edited twice in the same place is one change), outline
    for outline: the two outlines (holes included: a plain shape has none where the icon has a glyph cut
    out) lie within `SVG_TRANSFORM`'s tolerance of each other at its percentile, both ways, and at most
    half as far apart as left in place. None otherwise, or when the drawing hardly moved (the groups read
    a small change better). Graded as the perturbation rules grade a transform: by how far the paint
    moves (98th percentile), one step less for a detail; a recolouring of the drawing at the same time
    is the same element's change (severity 2 unless a shade)."""
    pa, pb = _paint(c)
    if min(int(pa.sum()), int(pb.sum())) < SVG_WHOLE_MIN_PAINT:
        return None
    q, tolerance = SVG_TRANSFORM
    side = min(c.h, c.w)
    limit = tolerance * side
    rim_b = _rim(pb)
    to_b = cv2.distanceTransform((~rim_b).astype(np.uint8), cv2.DIST_L2, 3)
    size = (c.w, c.h)

    def apart(moved_paint: np.ndarray) -> float:
        rim = _rim(moved_paint)
        if not rim.any():
            return math.inf
        to_moved = cv2.distanceTransform((~rim).astype(np.uint8), cv2.DIST_L2, 3)
        return max(float(np.percentile(to_b[rim], q)), float(np.percentile(to_moved[rim_b], q)))

    def warp(m: np.ndarray) -> np.ndarray:
        return cv2.warpAffine(pa.astype(np.uint8), m, size, flags=cv2.INTER_NEAREST).astype(bool)

    still = apart(pa)
    if still <= 2 * limit:
        return None  # the outline stays within twice the tolerance: no whole drawing moved
    ma, mb = cv2.moments(pa.astype(np.uint8), True), cv2.moments(pb.astype(np.uint8), True)
    ca = np.array([ma["m10"] / ma["m00"], ma["m01"] / ma["m00"]])
    cb = np.array([mb["m10"] / mb["m00"], mb["m01"] / mb["m00"]])
    scale = math.sqrt((mb["mu20"] + mb["mu02"]) / mb["m00"]) / math.sqrt(
        max(1e-6, (ma["mu20"] + ma["mu02"]) / ma["m00"])
    )
    turn = 0.5 * (
        math.atan2(2 * mb["mu11"], mb["mu20"] - mb["mu02"]) - math.atan2(2 * ma["mu11"], ma["mu20"] - ma["mu02"])
    )
    guesses: list[tuple[float, np.ndarray]] = []
    for rot in {0.0, *(turn + k * math.pi / 2 for k in range(4))}:  # an axis is known up to a half turn
        m = cv2.getRotationMatrix2D((float(ca[0]), float(ca[1])), -math.degrees(rot), scale)
        m[:, 2] += cb - ca
        guesses.append((apart(warp(m)), m))
    if min(g[0] for g in guesses) > limit:
        guesses.extend(_swept(pa, pb, ca, apart, warp))
    guesses.sort(key=lambda g: g[0])
    best, motion = guesses[0]
    # Moments are pulled by the canvas clipping a drawing grown past it: the closest guesses refined by
    # aligning the paint itself, when they are near enough to converge.
    for _, m in guesses[:2]:
        if best <= limit:
            break
        refined = _refined(pa, pb, m, ca, side)
        if refined is None:
            continue
        d = apart(warp(refined[0]))
        if d < best:
            best, motion = d, refined[0]
    if best > limit or still < 2 * best:
        return None
    if _part_pushed_off(pa, motion, size):
        return None
    lin = motion[:, :2]
    scale, rot = math.hypot(lin[0, 0], lin[1, 0]), math.atan2(lin[1, 0], lin[0, 0])
    ys, xs = np.nonzero(pa)
    pts = np.stack([xs, ys, np.ones_like(xs)], axis=1).astype(np.float64)
    moved = float(np.percentile(np.hypot(*(pts @ motion.T - pts[:, :2]).T), 98)) / side
    if abs(scale - 1) < 0.1 and abs(math.degrees(rot)) < 10 and moved < SVG_NO_MOVE:
        return None
    changed = (np.abs(c.ref.astype(np.int16) - c.cand.astype(np.int16)).max(axis=2) > 24) & (pa | pb)
    share = int(changed.sum()) / max(1, int((pa | pb).sum()))
    sev = _svg_outline_grade(moved, share)
    cats = _CATS[c.task]
    parts = []
    # Named from a few per cent or degrees (grading goes by how far the paint moves, not by these).
    if abs(scale - 1) >= 0.03:
        parts.append(f"drawn at {scale:.2f} times its size")
    if abs(math.degrees(rot)) >= 3:
        parts.append(f"turned by {abs(math.degrees(rot)):.0f}°")
    shift = math.hypot(*(motion @ np.array([ca[0], ca[1], 1.0]) - ca)) / side
    if shift >= SVG_NO_MOVE or not parts:
        parts.append(f"moved by {100 * shift:.0f}% of the image")
    # As the single transforms (`_svg_transformed`): resized a shape_error, turned a structure_error,
    # moved by how far.
    if abs(scale - 1) >= 0.1 or (abs(math.degrees(rot)) < 10 and shift < SVG_SHIFT_STRUCTURE):
        category = cats["geometry"]
    else:
        category = cats["structure"]
    rc, cc = _dominant(c.ref[pa]), _dominant(c.cand[pb])
    de = _rgb_de(rc, cc)
    colours = None
    if de > 2 * INK_DE:
        # The drawing recoloured as it moved: the same element changed in the same place, one item.
        sev = max(sev, 1 if de < SVG_WHOLE_SHADE_DE or share < SVG_DETAIL else 2)
        parts.append(f"recoloured from {_hex(rc)} to {_hex(cc)}")
        colours = (rc, cc)
    return _Item(
        category, sev, _mask_box(pa | pb, 0, 0), "The whole drawing is " + " and ".join(parts) + ".", "geometry",
        motion=motion, colours=colours,
    )  # fmt: skip
