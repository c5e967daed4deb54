"""SVGs: a shape mirrored, read off the changed pixels: about the changed box's centre or an axis near it
(`_mirror_axis`), its old and new ink apart (`_mirrored_apart`) or its changes in two groups
(`_mirrored_across`), and what the mirroring does not explain beside it (`_mirror_rest`). Rules in full:
docs/judges.md, "Pixel judge", "SVGs"."""

from __future__ import annotations

import itertools
import math

import cv2
import numpy as np

from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import PxBox, _iou, _mask_box, _union
from verm.judge.pixel.svg_transform import (
    SVG_DETAIL,
    SVG_MOVE_SEVERITY,
    SVG_SHIFT_STRUCTURE,
    _paint,
    _svg_outline_grade,
)

#: SVG missing or extra shapes: box area as a fraction of the image above the first -> 2, the second -> 3.
SVG_AREA_SEVERITY = (0.01, 0.10)


def _ink_side(c: _Ctx, mask: np.ndarray) -> str | None:
    """'ref' / 'cand' when nearly all changed ink of ``mask`` is on that side only."""
    n_ref = int((mask & c.ref_ink & ~c.cand_ink).sum())
    n_cand = int((mask & c.cand_ink & ~c.ref_ink).sum())
    if n_ref + n_cand == 0:
        return None
    return "ref" if n_ref >= 0.85 * (n_ref + n_cand) else ("cand" if n_cand >= 0.85 * (n_ref + n_cand) else None)


#: SVG: ink lost in one place and gained in another is one shape mirrored when the gained ink is the
#: lost ink mirrored within the box of both (a shape mirrored about its own centre: both are mirror
#: images about it): at least the first share of each lies within the second value (a share of the
#: side) of the other, mirrored, and the unmirrored fit is worse.
SVG_MIRRORED_APART = (0.7, 0.01)


#: SVG: a shape mirrored apart is itself moved when this share of its ink, mirrored about its own box's
#: centre line, lies within `SVG_MIRRORED_APART`'s reach of it both ways (symmetric: a bar, a dot).
SVG_SELF_SYMMETRIC = 0.95


def _mirrored_apart(
    c: _Ctx, parts: list[tuple[PxBox, np.ndarray, list[Region]]], dist: tuple[np.ndarray, np.ndarray]
) -> list[_Item]:
    """A shape mirrored about its own centre whose old and new ink lie apart (an arm flipped to the
    other side): a group of reference-only ink and one of candidate-only ink, the one the other
    mirrored in the box of both, are one text_symbol_error 2. The pair leaves ``parts`` (in place).
    Both must be shapes gone and drawn (off the other image's ink, as `_svg_shape_items` tells a shape
    missing from an outline adjusted), not the slivers a resized outline leaves."""
    side_px = min(c.h, c.w)
    sides = [_ink_side(c, m) for _, m, _ in parts]

    def off(k: int) -> bool:
        one = parts[k][1] & (c.ref_ink & ~c.cand_ink if sides[k] == "ref" else c.cand_ink & ~c.ref_ink)
        if int(one.sum()) < max(30, 0.2 * SVG_AREA_SEVERITY[0] * c.h * c.w):
            return False
        to_other = dist[1] if sides[k] == "ref" else dist[0]
        return float(np.percentile(to_other[one], 90)) >= SVG_MOVE_SEVERITY[0] * side_px

    sides = [sd if sd is not None and off(k) else None for k, sd in enumerate(sides)]
    least, near = SVG_MIRRORED_APART
    grow = np.ones((2 * max(1, round(near * min(c.h, c.w))) + 1,) * 2, np.uint8)

    def fit(a: np.ndarray, b: np.ndarray) -> float:
        if not a.any() or not b.any():
            return 0.0
        ga, gb = cv2.dilate(a.astype(np.uint8), grow) > 0, cv2.dilate(b.astype(np.uint8), grow) > 0
        return min(float(gb[a].mean()), float(ga[b].mean()))

    out: list[_Item] = []
    used: set[int] = set()
    for i in [k for k in range(len(parts)) if sides[k] == "ref"]:
        for j in [k for k in range(len(parts)) if sides[k] == "cand" and k not in used]:
            x0, y0, x1, y1 = box = _union([parts[i][0], parts[j][0]])
            sl = (slice(y0, y1), slice(x0, x1))
            a = parts[i][1][sl] & c.ref_ink[sl] & ~c.cand_ink[sl]
            b = parts[j][1][sl] & c.cand_ink[sl] & ~c.ref_ink[sl]
            if min(int(a.sum()), int(b.sum())) < 30 or fit(a, b) >= least:
                continue
            for axis, name in ((1, "horizontally"), (0, "vertically")):
                if fit(np.flip(a, axis), b) >= least:
                    ys, xs = np.nonzero(a)
                    own = a[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
                    if fit(np.flip(own, axis), own) >= SVG_SELF_SYMMETRIC:
                        # A shape symmetric about its own axis, mirrored elsewhere, is itself moved there:
                        # the move is what an annotator sees (an exclamation mark shifted, not flipped).
                        out.append(_moved_apart(c, a, b, box))
                    else:
                        out.append(_Item(_CATS[c.task]["text"], 2, box, f"A shape is mirrored {name}.", "mirrored"))
                    used.update((i, j))
                    break
            if i in used:
                break
    for k in sorted(used, reverse=True):
        del parts[k]
    return out


def _moved_apart(c: _Ctx, a: np.ndarray, b: np.ndarray, box: PxBox) -> _Item:
    """The shape whose ink ``a`` (reference only, in ``box``) lies again, moved, at ``b`` (candidate
    only): a shape moved by the shift of its ink's centroid, graded as `_svg_transformed` grades a move."""
    (ay, ax), (by, bx) = (np.argwhere(m).mean(axis=0) for m in (a, b))
    dx, dy = float(bx - ax), float(by - ay)
    moved = math.hypot(dx, dy) / min(c.h, c.w)
    paint = _paint(c)
    share = int(a.sum() + b.sum()) / max(1, int((paint[0] | paint[1]).sum()))
    cat = _CATS[c.task]["geometry" if moved < SVG_SHIFT_STRUCTURE else "structure"]
    motion = np.array([[1.0, 0.0, dx], [0.0, 1.0, dy]])
    desc = f"A shape moved by {100 * moved:.0f}% of the image."
    return _Item(cat, _svg_outline_grade(moved, share), box, desc, "moved", motion=motion)


def _mirrored_across(
    c: _Ctx, parts: list[tuple[PxBox, np.ndarray, list[Region]]], paint: tuple[np.ndarray, np.ndarray]
) -> list[_Item]:
    """A shape mirrored whose changes fall in two groups (a book's outline flipped left to right changes
    both its sides, far apart, and not its middle): two groups that each lose and gain ink, whose changes
    together are the one mirrored in the box of both (`_mirror_axis`), are one text_symbol_error 2 (and
    what the mirroring does not explain, `_mirror_rest`). The pair leaves ``parts`` (in place)."""
    min_px = max(4, round(2e-4 * c.h * c.w))

    def two_sided(m: np.ndarray) -> bool:
        return min(int((m & c.ref_ink & ~c.cand_ink).sum()), int((m & c.cand_ink & ~c.ref_ink).sum())) >= min_px

    cands = [k for k, (_, m, _) in enumerate(parts) if two_sided(m)]
    out: list[_Item] = []
    used: set[int] = set()
    for i, j in itertools.combinations(cands, 2):
        if i in used or j in used:
            continue
        both = parts[i][1] | parts[j][1]
        axis = _mirror_axis(c, both, 0, 0)
        if axis is None:
            continue
        box = _union([parts[i][0], parts[j][0]])
        out.append(_Item(_CATS[c.task]["text"], 2, box, f"A shape is mirrored {axis}.", "mirrored"))
        out.extend(_mirror_rest(c, both, 0, 0, axis, paint))
        used.update((i, j))
    for k in sorted(used, reverse=True):
        del parts[k]
    return out


#: A shape mirrored keeps its ink: the box's ink mirrored whole (`_mirror_axis`) only when either image's
#: ink in the changed box holds at least this share of the other's (its ink gone and come, which a shape
#: partly covered or also reshaped changes, are compared apart).
SVG_MIRROR_SAME_INK = 0.82


def _mirror_axis(c: _Ctx, mask: np.ndarray, x0: int, y0: int) -> str | None:
    """'horizontally' / 'vertically' when the candidate's ink is the reference's mirrored in the box of
    the changed pixels (``mask``, placed at x0, y0).

    A shape mirrored about its own centre changes a set of pixels symmetric about that centre, so the
    box of the changed pixels has the shape's centre on the mirror axis.
    """
    bx0, by0, bx1, by1 = _mask_box(mask, x0, y0)
    a, b = c.ref_ink[by0:by1, bx0:bx1], c.cand_ink[by0:by1, bx0:bx1]
    if min(int(a.sum()), int(b.sum())) < 30:
        return None
    plain = _iou(a, b)
    # The box's ink mirrored whole: a mirror moves ink, it adds none. A shape that grew over its own
    # mirror image (a bar drawn wider and longer about a point beside it) is no mirroring.
    same_ink = min(int(a.sum()), int(b.sum())) >= SVG_MIRROR_SAME_INK * max(int(a.sum()), int(b.sum()))
    # What vanished, mirrored, is what appeared (other shapes' ink in the box, unchanged, aside).
    grow = np.ones((3, 3), np.uint8)
    gone = cv2.dilate((a & ~b).astype(np.uint8), grow).astype(bool)
    came = cv2.dilate((b & ~a).astype(np.uint8), grow).astype(bool)
    for axis, name in ((1, "horizontally"), (0, "vertically")):
        flipped = _iou(np.flip(a, axis), b)
        if flipped >= 0.7 and flipped >= plain + 0.2 and same_ink and not _slid(a, b, axis, min(c.h, c.w)):
            return name
        if min(int(gone.sum()), int(came.sum())) >= 30:
            flipped = _iou(np.flip(gone, axis), came)
            if flipped >= 0.6 and not _slid(a, b, axis, min(c.h, c.w)):
                return name
    if min(int(gone.sum()), int(came.sum())) >= 30:
        # The box's centre is the shape's only when every change shows: where other shapes cover part of
        # the mirrored shape (a badge over a plane's tip) or it runs off the canvas, the changed box is
        # lopsided. The axis nearby (`SVG_MIRROR_AXIS_REACH`) that maps the ink gone onto the ink come.
        reach = max(1, round(SVG_MIRROR_AXIS_REACH * min(c.h, c.w)))
        for axis, name in ((1, "horizontally"), (0, "vertically")):
            flipped = _best_flip(gone, came, axis, reach)[0]
            # A shape moved along the axis is its own mirror image about some axis too: the mirror must
            # fit better than the ink gone, moved (`SVG_MIRROR_OVER_MOVE`).
            if (
                flipped >= 0.6
                and flipped >= _best_shift(gone, came, axis, 2 * reach) + SVG_MIRROR_OVER_MOVE
                and not _slid(a, b, axis, min(c.h, c.w))
            ):
                return name
    return None


#: SVG: ink come that lies farther than this share of the side from the ink gone, mirrored, is a change
#: beside the mirroring (a point of the mirrored shape moved) when it holds the second share of the ink come.
SVG_MIRROR_REST = (0.01, 0.1)


def _mirror_rest(
    c: _Ctx, mask: np.ndarray, x0: int, y0: int, name: str, paint: tuple[np.ndarray, np.ndarray]
) -> list[_Item]:
    """What a mirroring does not explain: the ink come (candidate only) far from the ink gone mirrored about
    the best axis (`_best_flip`), when enough (`SVG_MIRROR_REST`), is an outline moved beside the mirroring
    (a mirrored shape's point moved: the perturbation rules grade it apart, by how far its outline moved)."""
    bx0, by0, bx1, by1 = _mask_box(mask, x0, y0)
    a, b = c.ref_ink[by0:by1, bx0:bx1], c.cand_ink[by0:by1, bx0:bx1]
    gone, came = a & ~b, b & ~a
    side = min(c.h, c.w)
    near, least = SVG_MIRROR_REST
    axis = 1 if name == "horizontally" else 0
    reach = max(1, round(SVG_MIRROR_AXIS_REACH * side))
    _, offset = _best_flip(gone, came, axis, reach)
    # Both ways: the ink come far from the reference's ink mirrored, and the ink gone far from the
    # candidate's ink mirrored back (the same axis maps each onto the other; the whole ink, as a part of
    # the mirrored shape may lie under another shape); the larger rest.
    # The whole image is mirrored (the mirrored shape may reach past the changed box) about the same axis:
    # the box's centre line moved by offset / 2.
    whole = offset + (by0 + by1 if axis == 0 else bx0 + bx1) - (c.h if axis == 0 else c.w)
    best: tuple[int, np.ndarray, np.ndarray] | None = None
    for src, dst in ((c.ref_ink, came), (c.cand_ink, gone)):
        flipped = _flip_about(src, axis, whole)[by0:by1, bx0:bx1]
        to_src = cv2.distanceTransform((~flipped).astype(np.uint8), cv2.DIST_L2, 3)
        d = to_src[dst]
        far = d > near * side
        if int(far.sum()) >= max(30, least * len(d)) and (best is None or int(far.sum()) > best[0]):
            best = (int(far.sum()), d, np.argwhere(dst)[far])
    if best is None:
        return []
    n_far, d, where = best
    moved = float(np.percentile(d, 98)) / side
    lo, hi = SVG_MOVE_SEVERITY
    step = 1 if moved < lo else (2 if moved < hi else 3)
    ref_paint, cand_paint = paint
    share = n_far / max(1, int((ref_paint | cand_paint).sum()))
    rest = np.zeros_like(came)
    rest[where[:, 0], where[:, 1]] = True
    return [
        _Item(
            _CATS[c.task]["geometry"], max(1, step - 1) if share < SVG_DETAIL else step, _mask_box(rest, bx0, by0),
            f"Beside the mirroring, a shape's outline moved by up to {100 * moved:.0f}% of the image.", "geometry",
        )
    ]  # fmt: skip


#: SVG: a mirror axis is looked for up to this share of the side from the changed box's centre.
SVG_MIRROR_AXIS_REACH = 0.1


def _flip_about(m: np.ndarray, axis: int, offset: int) -> np.ndarray:
    """``m`` mirrored along ``axis`` about an axis ``offset`` / 2 px from its centre (zero-filled)."""
    f = np.flip(m, axis)
    if offset == 0:
        return f
    out = np.zeros_like(f)
    n = f.shape[axis]
    if abs(offset) >= n:
        return out
    src = [slice(None)] * 2
    dst = [slice(None)] * 2
    src[axis], dst[axis] = (
        (slice(0, n - offset), slice(offset, n)) if offset > 0 else (slice(-offset, n), slice(0, n + offset))
    )
    out[tuple(dst)] = f[tuple(src)]
    return out


#: SVG: a mirror axis looked for away from the changed box's centre counts when the mirror maps the ink
#: gone onto the ink come by this much IoU better than a move along the axis does.
SVG_MIRROR_OVER_MOVE = 0.1


def _best_shift(gone: np.ndarray, came: np.ndarray, axis: int, reach: int) -> float:
    """The best IoU of ``gone`` moved along ``axis`` by up to ``reach`` px with ``came``."""
    return max(_iou(_flip_about(np.flip(gone, axis), axis, k), came) for k in range(-reach, reach + 1, 2))


def _best_flip(gone: np.ndarray, came: np.ndarray, axis: int, reach: int) -> tuple[float, int]:
    """The best IoU of ``gone`` mirrored along ``axis`` about an axis within ``reach`` px of the box's centre
    with ``came``, and its offset (`_flip_about`): every second offset (half a pixel of the axis each), then
    the best one's neighbours."""
    scores = {k: _iou(_flip_about(gone, axis, k), came) for k in range(-2 * reach, 2 * reach + 1, 2)}
    best = max(scores, key=lambda k: scores[k])
    for k in (best - 1, best + 1):
        scores[k] = _iou(_flip_about(gone, axis, k), came)
    best = max(scores, key=lambda k: scores[k])
    return scores[best], best


#: SVG: ink whose extent slid this far (a share of the side; both ends alike within 2 px) moved.
SVG_SLID = 0.015


def _slid(a: np.ndarray, b: np.ndarray, axis: int, side: int) -> bool:
    """Whether the ink ``b`` is the ink ``a`` slid along ``axis`` (1: x, 0: y): both ends of its extent
    moved the same way by `SVG_SLID` of the ``side``. A shape symmetric about its own axis (a straight
    stroke) moved sideways is its own mirror image too; mirrored about its own centre (the mirror op),
    a shape keeps its extent up to a few pixels."""
    ea, eb = np.nonzero(a.any(axis=1 - axis))[0], np.nonzero(b.any(axis=1 - axis))[0]
    if not len(ea) or not len(eb):
        return False
    lo, hi = int(eb[0] - ea[0]), int(eb[-1] - ea[-1])
    return abs(lo - hi) <= 2 and abs(lo + hi) / 2 >= SVG_SLID * side
