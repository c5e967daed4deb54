"""SVGs: a drawing moved, resized, turned or mirrored as a whole, read as one similarity transform
(`_svg_transformed`) and graded by how far its outline moves, as the perturbation rules grade it
(`_svg_outline_grade`); each image's paint off the white canvas (`_paint`). Rules in full:
docs/judges.md, "Pixel judge", "SVGs"."""

from __future__ import annotations

import math

import cv2
import numpy as np

from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import PxBox, _mask_box
from verm.judge.pixel.memo import once

#: SVG outline changes: how far the changed ink lies from the other image's ink (98th percentile: how
#: far the outline moved at most, stray anti-aliasing left out; a fraction of the side): below the
#: first -> 1, below the second -> 2, else 3.
SVG_MOVE_SEVERITY = (0.04, 0.10)


#: SVG: an outline moved further than the move steps is one drawing transformed when the moved
#: reference drawing and the candidate's lie within the second value (a fraction of the side) of each
#: other, at the first value's percentile both ways (a sub-element gone or added stays further), and
#: at most half as far apart as left in place.
SVG_TRANSFORM = (98.0, 0.03)


#: SVG: a shift under this share of the side (about a pixel and a half at 336 px) is no move: a drawing
#: "moved by 0 %" (`_svg_transformed`) is unchanged in place; its change is read otherwise (missing, extra).
SVG_NO_MOVE = 0.005


#: SVG: at most this many transform searches a judgment (the rest stay a missing and an extra shape).
SVG_TRANSFORM_SEARCHES = 4


#: Paint: a pixel with a channel this far below the white canvas (the perturbation rules' ink).
SVG_PAINT_DIFF = 40


#: SVG missing or extra shapes: the one-sided ink as a share of the drawing (either image's ink) from
#: the first -> 2, from the second -> 3 (an outline icon's stroke spans a large box but holds little ink).
SVG_INK_SEVERITY = (0.05, 0.25)


#: A change holding under this share of the paint is a detail: a recolouring 1, a shape moved one step less.
SVG_DETAIL = 0.05


def _svg_transformed(c: _Ctx, mask: np.ndarray, box: PxBox) -> _Item | None:
    """One drawing moved, scaled, turned or mirrored as a whole (see `SVG_TRANSFORM`), graded by the
    perturbation rules' steps; None when no one simple similarity transform (one part: mirrored,
    resized, turned or moved) maps the old drawing onto the new.

    The drawings are the connected ink (either image) in ``box`` that the changed pixels (``mask``)
    touch. The transform comes from image moments, of the whole drawings and of their changed ink
    alone: the centroids, the size from the radius of gyration (which grows with the drawing for
    filled shapes and strokes alike: a stroke of fixed width gains area with its length only), the
    turn from the principal axes, each tried mirrored about the centroid or not; when none fits, the
    closest guesses off the changed ink are refined by aligning that ink itself (`_refined`).
    """
    if c.transform_searches >= SVG_TRANSFORM_SEARCHES:
        return None  # a drawing of many far-moved parts: each search costs up to ~40 ms
    c.transform_searches += 1
    x0, y0, _, _ = box
    sl = (slice(y0, box[3]), slice(x0, box[2]))
    ri, ci = c.ref_ink[sl], c.cand_ink[sl]
    _, labels = cv2.connectedComponents((ri | ci).astype(np.uint8), connectivity=8)
    touched = np.unique(labels[mask & (ri | ci)])
    drawn = np.isin(labels, touched[touched > 0])
    a, b = ri & drawn, ci & drawn
    q, tolerance = SVG_TRANSFORM
    size = (a.shape[1], a.shape[0])
    to_b = cv2.distanceTransform((~b).astype(np.uint8), cv2.DIST_L2, 3)

    def apart(moved: np.ndarray, moved_part: np.ndarray, b_part: np.ndarray) -> float:
        """How far the moved drawing and the candidate's lie apart (px, the q-th percentile both ways)."""
        if not moved_part.any() or not b_part.any():
            return math.inf
        to_moved = cv2.distanceTransform((~moved).astype(np.uint8), cv2.DIST_L2, 3)
        return max(float(np.percentile(to_b[moved_part], q)), float(np.percentile(to_moved[b_part], q)))

    def moments(m: np.ndarray) -> dict[str, float]:
        return cv2.moments(m.astype(np.uint8), True)

    def axis(m: dict[str, float]) -> float:
        return 0.5 * math.atan2(2 * m["mu11"], m["mu20"] - m["mu02"])

    def warp(img: np.ndarray, m: np.ndarray) -> np.ndarray:
        return cv2.warpAffine(img.astype(np.uint8), m, size, flags=cv2.INTER_NEAREST).astype(bool)

    still = apart(a, a, b)
    # (how far apart, mirrored, turn, scale, shift of the centre, the centre turned about)
    best = (still, "", 0.0, 1.0, (0.0, 0.0), (0.0, 0.0))
    # Per mirroring ("" none) and whether turned at its own size: the closest guess off the changed ink
    # (how far, the source drawing, its changed ink, the matrix, the centroid), for `_refined`.
    guesses: dict[tuple[str, bool], tuple[float, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}
    # The transform is read off the whole drawings, then off their changed ink alone (an untouched
    # part joined to the changed one, an arrow's head beside its resized shaft, pulls the moments).
    for a_part, b_part in ((a, b), (a & ~ci, b & ~ri)):
        whole = a_part is a
        ma, mb = moments(a_part), moments(b_part)
        if min(ma["m00"], mb["m00"]) < 50:
            continue
        ca = np.array([ma["m10"] / ma["m00"], ma["m01"] / ma["m00"]])
        cb = np.array([mb["m10"] / mb["m00"], mb["m01"] / mb["m00"]])
        scale = math.sqrt((mb["mu20"] + mb["mu02"]) / mb["m00"]) / math.sqrt(
            max(1e-6, (ma["mu20"] + ma["mu02"]) / ma["m00"])
        )
        for flip in ("", "horizontally", "vertically"):
            src, src_part = a, a_part
            if flip:  # mirrored about the drawing's centroid
                k = 1 if flip == "horizontally" else 0
                back = 2 * ca[1 - k] - (a.shape[k] - 1)
                shift = np.float32([[1, 0, back if k == 1 else 0], [0, 1, back if k == 0 else 0]])
                src = warp(np.flip(a, k), shift)
                src_part = src if whole else warp(np.flip(a_part, k), shift)
            turn = axis(mb) - axis(moments(src_part))
            for rot in {0.0, *(turn + k * math.pi / 2 for k in range(4))}:  # an axis is known up to a half turn
                rot = (rot + math.pi) % (2 * math.pi) - math.pi
                sized = scale
                if not flip and abs(math.degrees(rot)) >= 10 and abs(scale - 1) >= 0.1:
                    # Turned at its own size: the canvas clips a line turned off its old place (or a part
                    # joins it), and the size off the gyration is only noise.
                    sized = 1.0
                if bool(flip) + (abs(sized - 1) >= 0.1) + (abs(math.degrees(rot)) >= 10) > 1:
                    continue  # mirrored and turned, or resized too, fits many a reshaped drawing
                m = cv2.getRotationMatrix2D((float(ca[0]), float(ca[1])), -math.degrees(rot), sized)
                m[:, 2] += cb - ca
                moved = warp(src, m)
                d = apart(moved, moved if whole else warp(src_part, m), b_part)
                if d < best[0]:
                    best = (d, flip, rot, sized, tuple(cb - ca), tuple(ca))
                # A turn at its own size is a guess of its own: it may be the closer one and refine no further.
                key = (flip, sized != scale)
                if not whole and d < guesses.get(key, (math.inf,))[0]:
                    guesses[key] = (d, src, src_part, m, ca)
    # Moments of the changed ink alone are biased when the old and the new drawing overlap (a shape
    # scaled about its centre keeps little of its outline) or the canvas clips one: the closest guesses
    # (plain, and mirrored when closer) are refined on the changed ink itself (`_refined`) before giving up.
    plain = min(guesses.get(("", turned), (math.inf,))[0] for turned in (False, True))
    for (flip, _), (guessed, src, src_part, m, ca) in sorted(guesses.items(), key=lambda kv: kv[1][0]):
        if best[0] <= tolerance * min(c.h, c.w) or (flip and guessed >= plain):
            continue
        refined = _refined(src_part, b & ~ri, m, ca, min(c.h, c.w))
        if refined is None:
            continue
        m, rot, scale = refined
        if not flip and abs(math.degrees(rot)) >= 10 and abs(scale - 1) >= 0.1:
            # Turned at its own size (as the guesses): the centre kept where the fit sends it.
            turn = np.array([[math.cos(rot), -math.sin(rot)], [math.sin(rot), math.cos(rot)]])
            m = np.hstack([turn, (m @ np.array([ca[0], ca[1], 1.0]) - turn @ ca).reshape(2, 1)])
            scale = 1.0
        if bool(flip) + (abs(scale - 1) >= 0.1) + (abs(math.degrees(rot)) >= 10) > 1:
            continue
        d = apart(warp(src, m), warp(src_part, m), b & ~ri)
        if d < best[0]:
            shift = m @ np.array([ca[0], ca[1], 1.0]) - ca
            best = (d, flip, rot, scale, (float(shift[0]), float(shift[1])), tuple(ca))
    # A drawing moved partly off the canvas loses ink at the edge, which pulls its centroid, and a
    # filled icon's ink is taken against its fill: the plain shift is also read off both images' paint
    # (off the white canvas) by phase correlation, which the clipped edge barely moves.
    pa, pb = (p[sl] for p in _paint(c))
    if pa.any() and pb.any():
        (sx, sy), response = cv2.phaseCorrelate(pa.astype(np.float32), pb.astype(np.float32))
        to_pb = cv2.distanceTransform((~pb).astype(np.uint8), cv2.DIST_L2, 3)

        def paint_apart(m: np.ndarray) -> float:
            to_m = cv2.distanceTransform((~m).astype(np.uint8), cv2.DIST_L2, 3)
            return max(float(np.percentile(to_pb[m], q)), float(np.percentile(to_m[pb], q))) if m.any() else math.inf

        moved = warp(pa, np.float32([[1, 0, sx], [0, 1, sy]]))
        d = paint_apart(moved)
        shifted = math.hypot(sx, sy) >= SVG_NO_MOVE * min(c.h, c.w)  # a shift of nothing explains nothing
        if shifted and response >= 0.1 and d < best[0] and paint_apart(pa) >= 2 * d:
            best = (d, "", 0.0, 1.0, (sx, sy), (0.0, 0.0))
            still = max(still, paint_apart(pa))
    d, flip, rot, scale, (dx, dy), centre = best
    side = min(c.h, c.w)
    if d > tolerance * side or still < 2 * d:
        return None
    where = _mask_box(a | b, x0, y0)
    cats = _CATS[c.task]
    turned = abs(math.degrees(rot))
    if flip:
        return _Item(cats["text"], 2, where, f"A shape is mirrored {flip}.", "mirrored")
    # The transform in image pixels: turned and scaled about the centre, then shifted.
    motion = cv2.getRotationMatrix2D((centre[0] + x0, centre[1] + y0), -math.degrees(rot), scale)
    motion[:, 2] += (dx, dy)
    # Graded as the perturbation rules grade a transform: by how far its outline moves (a point at the
    # drawing's reach, the 98th percentile of its ink's distance from its centroid, moves |scale - 1|
    # times that, or a chord of the turn), one step less for a detail (`_svg_outline_grade`).
    ma = moments(a)
    ys, xs = np.nonzero(a)
    reach = (
        float(np.percentile(np.hypot(xs - ma["m10"] / ma["m00"], ys - ma["m01"] / ma["m00"]), 98)) if len(xs) else 0.0
    )
    paint = _paint(c)
    share = int(mask.sum()) / max(1, int((paint[0] | paint[1]).sum()))
    if abs(scale - 1) >= 0.1:
        sev = _svg_outline_grade(abs(scale - 1) * reach / side, share)
        return _Item(
            cats["geometry"], sev, where, f"A shape is drawn at {scale:.2f} times its size.", "geometry", motion=motion
        )
    if turned >= 10:
        sev = _svg_outline_grade(2 * math.sin(abs(rot) / 2) * reach / side, share)
        return _Item(cats["structure"], sev, where, f"A shape is turned by {turned:.0f}°.", "geometry", motion=motion)
    # (A drawing resized or turned about its box's centre moves its centroid too: no move then.)
    moved = math.hypot(dx, dy) / side
    if moved < SVG_NO_MOVE:
        return None  # the drawing stays where it was: the change is something else
    cat = cats["geometry"] if moved < SVG_SHIFT_STRUCTURE else cats["structure"]
    sev = _svg_outline_grade(moved, share)
    return _Item(cat, sev, where, f"A shape moved by {100 * moved:.0f}% of the image.", "moved", motion=motion)


#: SVG transform refinement (`_refined`): the changed ink blurred by these sigmas (shares of the
#: image's side: 10 and 3 px at 336 px), coarse (the alignment drawn in from afar) then fine; at most
#: the second value's ECC iterations a stage, on the masks shrunk to at most the third value's px a side.
SVG_REFINE = ((0.03, 0.009), 60, 192)


def _refined(
    a_part: np.ndarray, b_part: np.ndarray, guess: np.ndarray, centre: np.ndarray, image_side: int
) -> tuple[np.ndarray, float, float] | None:
    """The similarity transform (matrix, turn in radians, scale) mapping the reference's changed ink
    ``a_part`` onto the candidate's ``b_part``, refined from ``guess`` (a 2x3 matrix) by ECC alignment of
    the two blurred masks (an affine fit, then its nearest similarity about ``centre``); None when ECC
    does not converge."""
    sigmas, iterations, side = SVG_REFINE
    # Aligned at most `side` px a side (ECC's cost grows with the pixels; the fit needs no more), the
    # guess and the result taken to and from that size.
    f = min(1.0, side / max(a_part.shape))
    size = (max(1, round(a_part.shape[1] * f)), max(1, round(a_part.shape[0] * f)))
    a_small = cv2.resize(a_part.astype(np.float32), size, interpolation=cv2.INTER_AREA)
    b_small = cv2.resize(b_part.astype(np.float32), size, interpolation=cv2.INTER_AREA)
    small_guess = guess.astype(np.float64).copy()
    small_guess[:, 2] *= f
    # ECC's warp maps the template's (candidate's) pixels onto the moving image's: the guess inverted.
    warp = cv2.invertAffineTransform(small_guess).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, iterations, 1e-4)
    converged = False
    # Coarse (drawn in from afar, the shift alone first) to fine; a stage that does not converge
    # leaves the warp as it was.
    for sigma, motion in ((sigmas[0], cv2.MOTION_TRANSLATION), *((s, cv2.MOTION_AFFINE) for s in sigmas)):
        template = cv2.GaussianBlur(b_small, (0, 0), sigma * image_side * f)
        moving = cv2.GaussianBlur(a_small, (0, 0), sigma * image_side * f)
        try:
            _, fitted = cv2.findTransformECC(template, moving, warp.copy(), motion, criteria, None, 1)
        except cv2.error:
            continue
        warp, converged = fitted, True
    if not converged:
        return None
    fwd = cv2.invertAffineTransform(warp).astype(np.float64)
    fwd[:, 2] /= f
    lin = fwd[:, :2]
    # The nearest similarity: the mean of the linear part's rotation-like terms; the centre goes where
    # the affine fit sends it.
    cos_s, sin_s = (lin[0, 0] + lin[1, 1]) / 2, (lin[1, 0] - lin[0, 1]) / 2
    scale, rot = math.hypot(cos_s, sin_s), math.atan2(sin_s, cos_s)
    if not 0.2 < scale < 5:
        return None
    sim = np.array([[cos_s, -sin_s], [sin_s, cos_s]])
    target = fwd @ np.array([centre[0], centre[1], 1.0])
    m = np.hstack([sim, (target - sim @ centre).reshape(2, 1)])
    return m, rot, scale


#: SVG: a drawing shifted this far (a share of the side) is a structure_error, nearer a shape_error
#: (the perturbation rules' transform).
SVG_SHIFT_STRUCTURE = 0.05


def _moments_map(ma: dict[str, float], mb: dict[str, float]) -> tuple[np.ndarray, np.ndarray, float]:
    """From two masks' image moments (`cv2.moments`, both with area): their centroids and the scale from the
    first to the second (the ratio of their radii of gyration), the similarity transform's first guess."""
    ca = np.array([ma["m10"] / ma["m00"], ma["m01"] / ma["m00"]])
    cb = np.array([mb["m10"] / mb["m00"], mb["m01"] / mb["m00"]])
    scale = math.sqrt((mb["mu20"] + mb["mu02"]) / mb["m00"]) / math.sqrt(
        max(1e-6, (ma["mu20"] + ma["mu02"]) / ma["m00"])
    )
    return ca, cb, scale


def _svg_outline_grade(moved: float, share: float) -> int:
    """The perturbation rules' outline steps: moved (a share of the side) under `SVG_MOVE_SEVERITY`'s
    first -> 1, second -> 2, else 3; one step less (not below 1) when the change holds under
    `SVG_DETAIL` of the paint (a detail reshaped)."""
    lo, hi = SVG_MOVE_SEVERITY
    step = 1 if moved < lo else (2 if moved < hi else 3)
    return max(1, step - 1) if share < SVG_DETAIL else step


def _paint(c: _Ctx) -> tuple[np.ndarray, np.ndarray]:
    """Each image's paint: pixels off the white canvas (`SVG_PAINT_DIFF`). An image's own ink is taken
    against its most common colour, which in a mostly filled icon is the fill: only its holes are ink."""

    def compute() -> tuple[np.ndarray, np.ndarray]:
        out = tuple((img < 255 - SVG_PAINT_DIFF).any(axis=2) for img in (c.ref, c.cand))
        for mask in out:
            mask.setflags(write=False)  # shared by every rule of the judgment
        return out  # type: ignore[return-value]

    # Asked for by most SVG rules (~6 ms each time at 336 px): made once a judgment.
    return once("svg_paint", (c.ref, c.cand), None, compute)
