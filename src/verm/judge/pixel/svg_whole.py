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
    _moments_map,
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


#: The whole drawing moved leaves little of its outline in place (under 15 % on the seed-127 split, 45 %
#: and more with an element erased): at least the second share of either image's outline within the
#: first value (a share of the side: 1 px searched) of the other's, in place, is a drawing partly kept (an element erased, copied or
#: reshaped beside others left alone); the search (up to ~100 ms) is not tried.
SVG_WHOLE_KEPT = (0.006, 0.25)


#: Mirrored, and resized by under the first share and turned by under the second value (degrees), is
#: mirrored alone (the mirror readings'): the perturbation rules' small transforms start at 4 % and 4°
#: (a map mirrored and scaled 0.905 is no mirror in place: it read as a shape gone and one drawn).
SVG_WHOLE_MIRROR_ONLY = (0.04, 4.0)


#: A plain shift within this share of the side (0.5 px searched) of the best fit is read instead.
SVG_WHOLE_SAME = 0.003


#: A whole drawing mirrored: the perturbation rules' mirror (a drawing far from symmetric), at least.
SVG_WHOLE_MIRROR_SEVERITY = 2


#: The search runs on both images' paint shrunk to at most this many px a side.
SVG_WHOLE_SIDE = 168


#: The sizes swept when the moments miss (the canvas clips a drawing grown past it, pulling them): a
#: geometric series from a third to twice the size, each shift found by phase correlation at half size.
SVG_WHOLE_SCALES = tuple(round(0.3 * 1.1**k, 3) for k in range(22))
#: ... the best size then refined by this factor, this many steps either way.
SVG_WHOLE_FINE = (1.025, 3)
#: ... and, when the best sweep's paint overlaps the candidate's by this share (IoU) yet lies further
#: apart than the tolerance, aligned by ECC (`svg_transform._refined`, ~35 ms: only then).
SVG_WHOLE_ALIGN = 0.6


def _padded(g: np.ndarray) -> np.ndarray:
    """Zero mean, zero-padded to twice the size, for phase correlation: no wrap-around (a shift of half
    the side is no longer its opposite) and no peak at no shift from the paint's mean."""
    return cv2.copyMakeBorder(g - float(g.mean()), 0, g.shape[0], 0, g.shape[1], cv2.BORDER_CONSTANT)


def _swept(pa: np.ndarray, pb: np.ndarray, centre: np.ndarray) -> list[tuple[float, np.ndarray]]:
    """The two best unturned guesses (overlap, matrix) of `SVG_WHOLE_SCALES`, the best then refined in
    finer steps (`SVG_WHOLE_FINE`): the paint ``pa`` resized about ``centre`` and shifted onto the
    candidate's ``pb`` by phase correlation (on both halved, scored by the overlap of the paint)."""
    half = (pa.shape[1] // 2, pa.shape[0] // 2)
    a_small = cv2.resize(pa.astype(np.float32), half, interpolation=cv2.INTER_AREA)
    b_small = cv2.resize(pb.astype(np.float32), half, interpolation=cv2.INTER_AREA)
    at = (float(centre[0]) / 2, float(centre[1]) / 2)

    b_padded = _padded(b_small)

    def placed(scale: float) -> tuple[float, np.ndarray]:
        m = cv2.getRotationMatrix2D(at, 0.0, scale)
        moved = cv2.warpAffine(a_small, m, half, flags=cv2.INTER_LINEAR)
        (sx, sy), _ = cv2.phaseCorrelate(_padded(moved), b_padded)
        m[:, 2] += (sx, sy)
        moved = cv2.warpAffine(a_small, m, half, flags=cv2.INTER_LINEAR)
        overlap = float(np.minimum(moved, b_small).sum()) / max(1e-6, float(np.maximum(moved, b_small).sum()))
        m[:, 2] *= 2  # back to full size
        return overlap, m

    scored = sorted(((*placed(s), s) for s in SVG_WHOLE_SCALES), key=lambda g: -g[0])
    step, count = SVG_WHOLE_FINE
    best = scored[0][2]
    fine = [(*placed(best * step**k), 0.0) for k in range(-count, count + 1) if k]
    return [(ov, m) for ov, m, _ in sorted([*scored[:2], *fine], key=lambda g: -g[0])[:2]]


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


def _outline_apart(pb: np.ndarray) -> Callable[[np.ndarray], float]:
    """How far a moved paint's outline and ``pb``'s lie apart (px, `SVG_TRANSFORM`'s percentile both ways)."""
    q = SVG_TRANSFORM[0]
    rim_b = _rim(pb)
    to_b = cv2.distanceTransform((~rim_b).astype(np.uint8), cv2.DIST_L2, 3)

    def apart(moved_paint: np.ndarray) -> float:
        rim = _rim(moved_paint)
        if not rim.any() or not rim_b.any():
            return math.inf
        to_moved = cv2.distanceTransform((~rim).astype(np.uint8), cv2.DIST_L2, 3)
        return max(float(np.percentile(to_b[rim], q)), float(np.percentile(to_moved[rim_b], q)))

    return apart


def _warp(src: np.ndarray, m: np.ndarray) -> np.ndarray:
    return cv2.warpAffine(src.astype(np.uint8), m, (src.shape[1], src.shape[0]), flags=cv2.INTER_NEAREST) > 0


def _search(pa: np.ndarray, pb: np.ndarray) -> tuple[np.ndarray, str] | None:
    """The similarity (a 2x3 matrix, mirrored first: "" none, "horizontally", "vertically") that best maps
    the paint ``pa`` onto ``pb`` (both at the search size), within `SVG_TRANSFORM`'s tolerance; None when
    the outline stays (mostly) in place or none maps it. Image moments guess it (centroids, radius of
    gyration, principal axes up to quarter turns, mirrored about the centroid or not); when the canvas
    clips the drawing (pulling the moments), sizes are swept (`_swept`) and the best aligned by ECC."""
    side = min(pa.shape)
    limit = SVG_TRANSFORM[1] * side
    apart = _outline_apart(pb)
    still = apart(pa)
    if still <= 2 * limit:
        return None  # the outline stays within twice the tolerance: no whole drawing moved
    rim_a, rim_b = _rim(pa), _rim(pb)
    to_a = cv2.distanceTransform((~rim_a).astype(np.uint8), cv2.DIST_L2, 3)
    to_b = cv2.distanceTransform((~rim_b).astype(np.uint8), cv2.DIST_L2, 3)
    near, most = SVG_WHOLE_KEPT
    if max(float((to_a[rim_b] <= near * side).mean()), float((to_b[rim_a] <= near * side).mean())) >= most:
        return None  # much of an outline stays in place: a part changed, not the whole drawing moved
    ma, mb = cv2.moments(pa.astype(np.uint8), True), cv2.moments(pb.astype(np.uint8), True)
    if min(ma["m00"], mb["m00"]) < 1:
        return None
    ca, cb, scale = _moments_map(ma, mb)
    axis_a = 0.5 * math.atan2(2 * ma["mu11"], ma["mu20"] - ma["mu02"])
    axis_b = 0.5 * math.atan2(2 * mb["mu11"], mb["mu20"] - mb["mu02"])
    # Per mirroring (flipped about the image's middle: lossless, no paint pushed off the canvas): the
    # mirror's matrix, the source paint and its centroid. Guesses: (how far apart, matrix, mirroring).
    h, w = pa.shape
    mirrors = {
        "": np.float64([[1, 0, 0], [0, 1, 0]]),
        "horizontally": np.float64([[-1, 0, w - 1], [0, 1, 0]]),
        "vertically": np.float64([[1, 0, 0], [0, -1, h - 1]]),
    }
    sources = {"": pa, "horizontally": np.flip(pa, 1), "vertically": np.flip(pa, 0)}
    centres = {flip: f @ np.array([ca[0], ca[1], 1.0]) for flip, f in mirrors.items()}
    guesses: list[tuple[float, np.ndarray, str]] = []
    for flip, src in sources.items():
        at = centres[flip]
        turn = axis_b - (-axis_a if flip else axis_a)  # a mirror negates the axis
        for rot in {0.0, *(turn + k * math.pi / 2 for k in range(4))}:  # an axis is known up to a half turn
            m = cv2.getRotationMatrix2D((float(at[0]), float(at[1])), -math.degrees(rot), scale)
            m[:, 2] += cb - at
            guesses.append((apart(_warp(src, m)), m, flip))
    # A plain shift, by phase correlation of the paint (the canvas clipping a drawing moved past it
    # pulls its gyration: a disc shifted 18 % read as resized by 1.01 too).
    (sx, sy), _ = cv2.phaseCorrelate(_padded(pa.astype(np.float32)), _padded(pb.astype(np.float32)))
    shifted = np.float64([[1, 0, sx], [0, 1, sy]])
    shift_guess = (apart(_warp(pa, shifted)), shifted, "")
    guesses.append(shift_guess)
    if min(g[0] for g in guesses) > limit:
        # Moments are pulled by the canvas clipping a drawing grown past it: sizes swept.
        swept = [(ov, m, flip) for flip, src in sources.items() for ov, m in _swept(src, pb, centres[flip])]
        swept.sort(key=lambda g: -g[0])
        guesses.extend((apart(_warp(sources[flip], m)), m, flip) for _, m, flip in swept[:2])
        overlap, m, f = swept[0]
        if overlap >= SVG_WHOLE_ALIGN and min(g[0] for g in guesses) > limit:
            # A size step off at a clipped edge: the best sweep refined by aligning the paint itself (ECC).
            refined = _refined(sources[f], pb, m, centres[f], side)
            if refined is not None:
                guesses.append((apart(_warp(sources[f], refined[0])), refined[0], f))
    # Unmirrored when that fits: a symmetric drawing's mirror image is itself (a bookmark turned 6°
    # fits mirrored and turned 174° as well).
    plain = [g for g in guesses if not g[2] and g[0] <= limit]
    best, motion, flip = min(plain or guesses, key=lambda g: g[0])
    # The plain shift when it fits about as well (within `SVG_WHOLE_SAME` of the side): the simpler reading.
    if shift_guess[0] <= min(limit, best + SVG_WHOLE_SAME * side):
        best, motion, flip = shift_guess
    if best > limit or still < 2 * best:
        return None
    # The whole motion: mirrored first, then turned, resized and moved.
    lin, mirror = motion[:, :2], mirrors[flip]
    return np.hstack([lin @ mirror[:, :2], (lin @ mirror[:, 2] + motion[:, 2]).reshape(2, 1)]), flip


def _svg_whole_transformed(c: _Ctx) -> _Item | None:
    """The candidate's paint is the reference's paint under one similarity transform (resized, turned
    and moved, any of them at once: one element edited twice in the same place is one change), outline
    for outline: the two outlines (holes included: a plain shape has none where the icon has a glyph cut
    out) lie within `SVG_TRANSFORM`'s tolerance of each other at its percentile, both ways, and at most
    half as far apart as left in place (`_search`, at `SVG_WHOLE_SIDE`; checked again full size). None
    otherwise, or when the drawing hardly moved (the groups read a small change better), or when it is
    only mirrored (the mirror readings). Graded as the perturbation rules grade a transform: by how far
    the paint moves (98th percentile), one step less for a detail; a recolouring of the drawing at the
    same time is the same element's change (severity 2 unless a shade)."""
    pa, pb = _paint(c)
    if min(int(pa.sum()), int(pb.sum())) < SVG_WHOLE_MIN_PAINT:
        return None
    # Searched small (its cost does not grow with the image), checked full size.
    f = min(1.0, SVG_WHOLE_SIDE / max(c.h, c.w))
    small = (max(1, round(c.w * f)), max(1, round(c.h * f)))
    pa_s, pb_s = (cv2.resize(p.astype(np.float32), small, interpolation=cv2.INTER_AREA) > 0.3 for p in (pa, pb))
    found = _search(pa_s, pb_s)
    if found is None:
        return None
    motion, flip = found
    motion = motion.copy()
    motion[:, 2] /= f
    side = min(c.h, c.w)
    apart = _outline_apart(pb)
    best = apart(_warp(pa, motion))
    if best > SVG_TRANSFORM[1] * side or apart(pa) < 2 * best:
        return None
    lin = motion[:, :2]
    scale = math.sqrt(abs(float(np.linalg.det(lin))))
    # The turn, the mirror taken out (mirrored horizontally first: the first column negated).
    rot = math.atan2(-lin[0, 1], lin[1, 1]) if flip == "horizontally" else math.atan2(lin[1, 0], lin[0, 0])
    if flip and abs(rot) > math.pi / 2:
        # Mirrored one way and turned a half turn is mirrored the other way: named by the smaller turn.
        flip = "vertically" if flip == "horizontally" else "horizontally"
        rot = (rot % (2 * math.pi)) - math.pi
    # The shift: of the drawing's box centre, which a resize, turn or mirror about that centre keeps (its
    # centroid moves under a mirror: a yin-yang mirrored in place).
    bx0, by0, bx1, by1 = _mask_box(pa, 0, 0)
    centre = np.array([(bx0 + bx1 - 1) / 2, (by0 + by1 - 1) / 2])
    shift = math.hypot(*(motion @ np.array([centre[0], centre[1], 1.0]) - centre)) / side
    least_scale, least_turn = SVG_WHOLE_MIRROR_ONLY
    if flip and abs(scale - 1) < least_scale and abs(math.degrees(rot)) < least_turn and shift < SVG_SHIFT_STRUCTURE:
        # Mirrored in place (its box centre moved under 5 % of the side) and no more: the mirror
        # readings (`svg_mirror`) read it, part by part.
        return None
    size = (c.w, c.h)
    if _part_pushed_off(pa, motion, size):
        return None
    ys, xs = np.nonzero(pa)
    pts = np.stack([xs, ys, np.ones_like(xs)], axis=1).astype(np.float64)
    # How far the paint moves: from where a mirror in place (about the box centre) puts it, when
    # mirrored (the perturbation rules grade a mirror 2 whatever it moves; the rest of the change by its
    # own move: a map mirrored and scaled 0.905 moves 4 % beyond its mirror image).
    start = pts[:, :2]
    if flip:
        k = 0 if flip == "horizontally" else 1
        start = start.copy()
        start[:, k] = 2 * centre[k] - start[:, k]
    moved = float(np.percentile(np.hypot(*(pts @ motion.T - start).T), 98)) / side
    if not flip and abs(scale - 1) < 0.1 and abs(math.degrees(rot)) < 10 and moved < SVG_NO_MOVE:
        return None
    changed = (np.abs(c.ref.astype(np.int16) - c.cand.astype(np.int16)).max(axis=2) > 24) & (pa | pb)
    share = int(changed.sum()) / max(1, int((pa | pb).sum()))
    sev = _svg_outline_grade(moved, share)
    if flip:
        sev = max(sev, SVG_WHOLE_MIRROR_SEVERITY)
    cats = _CATS[c.task]
    parts = [f"mirrored {flip}"] if flip else []
    # Named from a few per cent or degrees (grading goes by how far the paint moves, not by these).
    if abs(scale - 1) >= 0.03:
        parts.append(f"drawn at {scale:.2f} times its size")
    if abs(math.degrees(rot)) >= 3:
        parts.append(f"turned by {abs(math.degrees(rot)):.0f}°")
    if shift >= SVG_NO_MOVE or not parts:
        parts.append(f"moved by {100 * shift:.0f}% of the image")
    # As the single transforms (`_svg_transformed`): resized a shape_error, turned a structure_error,
    # moved by how far.
    if abs(scale - 1) >= 0.1 or (not flip and abs(math.degrees(rot)) < 10 and shift < SVG_SHIFT_STRUCTURE):
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
