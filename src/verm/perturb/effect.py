"""What an edit visibly changed, measured between two renderings of the edit chain.

`measure_effect` compares the rendering before an edit with the one after it
and returns an `Effect` (None when nothing shows). The perturbers grade an
edit from it (`BasePerturber.grade`); `verm.perturb.truth` merges the effects
of edits that overlap on the image (`merge_effects`).

Visible. Two same-size renderings differ visibly where
`verm.judge.pixel.diff_regions` finds a region (ΔE > 10 after a light blur,
speckle removed). A change too thin for it (a minus sign, an i/l typo: a
1-px stroke) counts when at least 4 pixels differ by more than
`SOLID_DIFF` on a channel, a solid stroke; anti-aliasing that shifts when a
circle turns about its centre stays under it and is not a change. In a table
whose pixels differ at all, a cell that reads another text (the renderer's
scene) counts too: a wide table drawn small sets its text a few pixels high. Renderings
of different sizes (a table that lost a row) always differ.

Measures, on same-size renderings (a table whose size changed has its box only):

- ``mask``: the changed pixels (channel difference > 24 inside the regions found);
- ``moved``: how far the changed pixels' colours moved, in pixels. Both
  renderings are snapped to their solid colours (anti-aliasing blends go to
  the nearest one); for each pixel whose snapped colour changed, the distance
  to the nearest pixel of its new colour in the earlier rendering (where that
  colour came from), and apart the distance to the nearest pixel of its old
  colour in the later rendering (where that colour went); the larger of the
  two 98th percentiles. One way alone misses a shrink: ink that turns to
  canvas has canvas right beside it. A recoloured pixel, whose colour is
  nowhere in the other rendering, is left out: it did not move; so is a pixel
  nearer the canvas edge than its colour (it may have come from beyond the
  edge). A shape shifted by 5 px moves 5; a point of a path moved
  by 50 px whose outline shifts by 7 moves about 7;
- ``share(region)``: the changed pixels as a share of the ink (pixels away
  from the background colour) in both renderings, inside a region (the whole
  image by default);
- ``delta_e``: the mean CIE76 ΔE of the changed pixels (how strong a
  recolouring is).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from verm.types import Rendering, Task

#: Box (x0, y0, x1, y1) as fractions of the image.
Box = tuple[float, float, float, float]

#: A changed pixel: some channel differs by more than this (0..255).
PIXEL_DIFF = 24
#: A thin change that diff_regions misses counts when this many pixels differ by more than SOLID_DIFF.
SOLID_DIFF = 96
MIN_SOLID_PIXELS = 4
#: Renderings of different sizes: rows (columns) that differ by at most this are the same.
BAND_DIFF = 40
#: Ink: a pixel whose channels differ from the background colour by more than this.
INK_DIFF = 40
#: The percentile of the changed pixels' displacement that ``moved`` reports.
MOVED_PERCENTILE = 98
#: ``moved`` snaps both images to their solid colours: at most this many colour classes (16 levels a
#: channel), each holding at least this share of an image.
MAX_COLOUR_CLASSES = 16
PALETTE_SHARE = 0.001
#: A colour within this RGB distance of the segment between two more frequent solid colours is their blend.
BLEND_RGB = 12.0
#: Two edits overlap when at least this share of the smaller one's changed pixels lies on the other's
#: (grown by ``TOUCH_PX``: an anti-aliased edge row between them changes too little to count as changed).
#: Edits that merely touch (a recoloured shape beside a moved one, a square recoloured and its border
#: grown) are told apart by an annotator; edits that change the same pixels are not.
OVERLAP_SHARE = 0.5
TOUCH_PX = 2


def as_array(r: Rendering) -> np.ndarray:
    return np.asarray(r.image(), dtype=np.uint8)


def fraction_box(box: tuple[float, float, float, float], w: int, h: int) -> Box:
    """A pixel box as clipped fractions of a w x h image (rounded to 4 places)."""
    x0, y0, x1, y1 = box
    c = [round(min(1.0, max(0.0, v)), 4) for v in (x0 / w, y0 / h, x1 / w, y1 / h)]
    return c[0], c[1], max(c[0], c[2]), max(c[1], c[3])


def union_box(boxes: Sequence[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def inside_share(a: Box, b: Box) -> float:
    """The share of the smaller of two boxes that lies inside the other."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / smaller if smaller > 0 else 0.0


def boxes_overlap(a: Box, b: Box) -> bool:
    """Whether two boxes share an area (boxes that only touch along an edge do not)."""
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _lab(rgb: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.cvtColor(rgb.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)


def most_common_colour(arr: np.ndarray) -> np.ndarray:
    flat = arr.reshape(-1, 3)
    codes = (flat[:, 0].astype(np.int32) << 16) | (flat[:, 1].astype(np.int32) << 8) | flat[:, 2]
    values, counts = np.unique(codes, return_counts=True)
    c = int(values[np.argmax(counts)])
    return np.array([(c >> 16) & 255, (c >> 8) & 255, c & 255], dtype=np.int16)


def ink_mask(arr: np.ndarray, background: np.ndarray | None = None) -> np.ndarray:
    """Pixels away from the background colour (the most common colour when not given)."""
    bg = most_common_colour(arr) if background is None else np.asarray(background, dtype=np.int16)
    return np.abs(arr.astype(np.int16) - bg).max(axis=2) > INK_DIFF


def _palette(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The drawings' solid colours: colour classes (16 levels a channel) holding at least
    `PALETTE_SHARE` of the images, as their mean colours, less the blends of two more frequent
    ones (anti-aliasing along an edge)."""
    both = np.concatenate([a.reshape(-1, 3), b.reshape(-1, 3)]).astype(np.int32)
    codes = ((both[:, 0] >> 4) << 8) | ((both[:, 1] >> 4) << 4) | (both[:, 2] >> 4)
    counts = np.bincount(codes, minlength=4096)
    keep = np.argsort(-counts)[:MAX_COLOUR_CLASSES]
    keep = keep[counts[keep] >= PALETTE_SHARE * a.shape[0] * a.shape[1]]
    sums = np.stack([np.bincount(codes, weights=both[:, c], minlength=4096) for c in range(3)], axis=1)
    solid: list[np.ndarray] = []
    for colour in sums[keep] / counts[keep][:, None]:  # most frequent first
        if not any(_on_segment(colour, p, q) for i, p in enumerate(solid) for q in solid[i + 1 :]):
            solid.append(colour)
    return np.array(solid)


def _on_segment(c: np.ndarray, p: np.ndarray, q: np.ndarray) -> bool:
    """Whether colour ``c`` is a blend of ``p`` and ``q`` (within `BLEND_RGB` of the segment between them)."""
    d = q - p
    t = float(np.clip(np.dot(c - p, d) / max(1e-9, float(np.dot(d, d))), 0.0, 1.0))
    return float(np.linalg.norm(c - (p + t * d))) <= BLEND_RGB


def _snap(arr: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Each pixel's nearest palette colour (its index)."""
    flat = arr.reshape(-1, 1, 3).astype(np.float32)
    return np.argmin(((flat - palette[None].astype(np.float32)) ** 2).sum(axis=2), axis=1).reshape(arr.shape[:2])


def _moved(a: np.ndarray, b: np.ndarray, mask: np.ndarray) -> float:
    """How far the changed pixels' colours moved (px): both images snapped to their solid colours, the
    distance from each changed pixel to the nearest pixel of its new colour in the earlier image (where it
    came from) and, apart, to the nearest pixel of its old colour in the later image (where it went); the
    larger 98th percentile of the two. One way alone misses a shrink: ink that turns to canvas has canvas
    right next to it."""
    import cv2

    palette = _palette(a, b)
    if len(palette) < 2:
        return 0.0
    sa, sb = _snap(a, palette), _snap(b, palette)
    moved = mask & (sa != sb)
    h, w = mask.shape
    ys, xs = np.mgrid[0:h, 0:w]
    edge = np.minimum(np.minimum(xs, w - 1 - xs), np.minimum(ys, h - 1 - ys)) + 1
    far = 0.0
    for labels_now, labels_then in ((sb, sa), (sa, sb)):
        dists: list[np.ndarray] = []
        for k in np.unique(labels_now[moved]):
            sel = moved & (labels_now == k)
            there = labels_then == k
            if not there.any():  # a colour the other image does not have: recoloured, not moved
                continue
            dist = cv2.distanceTransform((~there).astype(np.uint8), cv2.DIST_L2, 5)
            # Nearer the canvas edge than its colour, a pixel's colour may have come from beyond the edge.
            dists.append(dist[sel & (dist <= edge)])
        found = np.concatenate(dists) if dists else np.zeros(0)
        if len(found):
            far = max(far, float(np.percentile(found, MOVED_PERCENTILE)))
    return far


@dataclass
class Effect:
    """What one edit (or several that overlap) changed between two renderings."""

    #: Where it shows, as fractions of the later rendering.
    box: Box
    #: The renderings before and after (their scenes too, for the chart rules).
    before: Rendering
    after: Rendering
    #: The changed pixels (same-size renderings only).
    mask: np.ndarray | None = None
    #: Mean CIE76 ΔE of the changed pixels.
    delta_e: float = 0.0
    #: See the module docstring; px, on same-size renderings.
    moved: float = 0.0
    _arrays: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False)

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of the later rendering."""
        h, w = self.arrays()[1].shape[:2]
        return w, h

    @property
    def same_size(self) -> bool:
        return self.mask is not None

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        if self._arrays is None:
            self._arrays = (as_array(self.before), as_array(self.after))
        return self._arrays

    def changed(self) -> float:
        """Changed pixels as a share of the image (0 when the sizes differ)."""
        return float(self.mask.mean()) if self.mask is not None else 0.0

    def share(self, region: Box | None = None, background: Any = None) -> float:
        """Changed pixels as a share of the ink of both renderings inside ``region`` (fractions)."""
        if self.mask is None:
            return 1.0
        a, b = self.arrays()
        h, w = self.mask.shape
        x0, y0, x1, y1 = (0, 0, w, h) if region is None else _pixels(region, w, h)
        if x1 <= x0 or y1 <= y0:
            return 0.0
        a, b, m = a[y0:y1, x0:x1], b[y0:y1, x0:x1], self.mask[y0:y1, x0:x1]
        bg = most_common_colour(a) if background is None else background
        ink = ink_mask(a, bg) | ink_mask(b, bg)
        n = int(ink.sum())
        return min(1.0, float(m.sum()) / n) if n else float(m.any())


def _pixels(box: Box, w: int, h: int) -> tuple[int, int, int, int]:
    return (
        max(0, round(box[0] * w)),
        max(0, round(box[1] * h)),
        min(w, round(box[2] * w)),
        min(h, round(box[3] * h)),
    )


def _band(a: np.ndarray, b: np.ndarray) -> tuple[int, int, int, int]:
    """Box in ``b`` of what differs from ``a`` when the sizes differ (prefix/suffix bands on both axes)."""

    def axis_band(a: np.ndarray, b: np.ndarray) -> tuple[int, int]:
        # rows of a and b compared over the common width, aligned at the start, then at the end
        w = min(a.shape[1], b.shape[1])
        n = min(a.shape[0], b.shape[0])

        def same(ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
            diff = np.abs(ra[:, :w].astype(np.int16) - rb[:, :w].astype(np.int16)).max(axis=(1, 2))
            return (diff <= BAND_DIFF) & (a.shape[1] == b.shape[1])

        top = same(a[:n], b[:n])
        pre = int(np.argmin(top)) if not top.all() else n
        bot = same(a[a.shape[0] - n :][::-1], b[b.shape[0] - n :][::-1])
        suf = int(np.argmin(bot)) if not bot.all() else n
        lo = pre
        hi = b.shape[0] - suf
        if hi <= lo:  # b lost a band: box where it was, as tall as what a lost
            hi = lo + max(1, (a.shape[0] - suf) - pre)
        lo = max(0, min(lo, b.shape[0] - 1))
        return lo, max(lo + 1, min(hi, b.shape[0]))

    y0, y1 = axis_band(a, b)
    x0, x1 = axis_band(a.transpose(1, 0, 2), b.transpose(1, 0, 2))
    return x0, y0, x1, y1


def measure_effect(before: Rendering, after: Rendering) -> Effect | None:
    """The visible effect of going from ``before`` to ``after``; None when nothing visible changed."""
    from verm.judge.pixel import diff_regions

    a, b = as_array(before), as_array(after)
    h, w = b.shape[:2]
    if a.shape != b.shape:
        return Effect(fraction_box(_band(a, b), w, h), before, after, _arrays=(a, b))
    diff = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2)
    regions = diff_regions(a, b, max_shift=0)
    if regions:
        inside = np.zeros((h, w), dtype=bool)
        for r in regions:
            x0, y0, x1, y1 = r.bbox
            inside[y0:y1, x0:x1] = True
        mask = inside & (diff > PIXEL_DIFF)
        if not mask.any():  # a faint change spread thin: the regions themselves are what shows
            mask = inside & (diff > 0)
        de = sum(r.mean_de * r.area for r in regions) / max(1, sum(r.area for r in regions))
    else:
        # diff_regions blurs and opens its mask, which erases a hyphen or an i/l typo (1 px strokes);
        # the renders are deterministic, so a few solidly changed pixels are a real change, while
        # anti-aliasing that moved (a circle turned about its centre) stays under SOLID_DIFF.
        if not diff.any() or (
            int((diff > SOLID_DIFF).sum()) < MIN_SOLID_PIXELS and not _cell_text_changed(before, after)
        ):
            return None
        mask = diff > PIXEL_DIFF
        if not mask.any():  # a table's text drawn small: the pixels that moved at all are the change
            mask = diff > 0
        la, lb = _lab(a[mask][None]), _lab(b[mask][None])
        de = float(np.sqrt(((la - lb) ** 2).sum(axis=2)).mean())
    ys, xs = np.nonzero(mask)
    box = fraction_box((int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1), w, h)
    return Effect(box, before, after, mask, float(de), _moved(a, b, mask), _arrays=(a, b))


def _cell_text_changed(before: Rendering, after: Rendering) -> bool:
    """Tables: whether a cell reads another text (the renderers' scenes). A wide table drawn small sets its
    text a few pixels high, where a minus sign or a swapped letter changes under `MIN_SOLID_PIXELS` solid
    pixels, yet an annotator reads the cell."""

    def texts(r: Rendering) -> list[tuple[Any, ...]] | None:
        cells = (r.scene or {}).get("cells") if r.task is Task.TABLE else None
        if not cells:
            return None
        return sorted((c.get("row"), c.get("col"), c.get("shown_text", c.get("text"))) for c in cells)

    a, b = texts(before), texts(after)
    return a is not None and b is not None and a != b


def effects_overlap(x: Effect, y: Effect) -> bool:
    """Whether two effects overlap on the image: at least ``OVERLAP_SHARE`` of the smaller one's changed
    pixels lie on (within ``TOUCH_PX`` of) the other's (same-size renderings), else their boxes share an area."""
    if x.mask is not None and y.mask is not None and x.mask.shape == y.mask.shape:
        h, w = x.mask.shape
        pad = (TOUCH_PX + 1) / w, (TOUCH_PX + 1) / h
        grown_box = (x.box[0] - pad[0], x.box[1] - pad[1], x.box[2] + pad[0], x.box[3] + pad[1])
        if not boxes_overlap(grown_box, y.box):
            return False
        import cv2

        kernel = np.ones((2 * TOUCH_PX + 1, 2 * TOUCH_PX + 1), np.uint8)

        def on_other(small: np.ndarray, large: np.ndarray) -> bool:
            n = int(small.sum())
            grown = cv2.dilate(large.astype(np.uint8), kernel).astype(bool)
            return n > 0 and int((grown & small).sum()) >= OVERLAP_SHARE * n

        nx, ny = int(x.mask.sum()), int(y.mask.sum())
        if nx == ny:  # neither is the smaller: either way round, so the answer does not depend on the order
            return on_other(x.mask, y.mask) or on_other(y.mask, x.mask)
        return on_other(x.mask, y.mask) if nx < ny else on_other(y.mask, x.mask)
    return boxes_overlap(x.box, y.box)


def merge_effects(effects: Sequence[Effect], base: Effect | None = None) -> Effect:
    """One effect for edits that overlap: the union of their changed pixels and boxes, the largest
    displacement, the mean ΔE weighted by area; from ``base``'s ``before`` (the first one's by default)
    to the last one's ``after``."""
    if len(effects) == 1:
        return effects[0]
    box = union_box([e.box for e in effects])
    masks = [e.mask for e in effects]
    first, last = base or effects[0], effects[-1]
    if all(m is not None for m in masks) and len({m.shape for m in masks}) == 1:  # type: ignore[union-attr]
        mask = np.logical_or.reduce(masks)
        weights = [float(m.sum()) for m in masks]  # type: ignore[union-attr]
        de = sum(e.delta_e * wt for e, wt in zip(effects, weights, strict=True)) / max(1.0, sum(weights))
        arrays = (first.arrays()[0], last.arrays()[1])
        return Effect(box, first.before, last.after, mask, de, max(e.moved for e in effects), _arrays=arrays)
    return Effect(box, first.before, last.after, _arrays=(first.arrays()[0], last.arrays()[1]))
