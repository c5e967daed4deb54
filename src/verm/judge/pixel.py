"""A CPU pixel judge: align two renderings, find where they differ, and say so
in the task's vocabulary with boxes a person can check.

Pipeline (all on numpy/OpenCV, well under 250 ms for 1000x1000 images):

1. Both images RGB on white; the candidate is resized to the reference's size
   (an aspect-ratio change of more than 5 % is itself reported, severity 2).
   Images larger than ``work_side`` px are analysed downscaled: boxes are
   fractions, so they do not change.
2. A global shift of up to ``max_shift`` px is estimated by brute force
   (sum of absolute grey-level differences over the 7x7 shifts) and removed.
3. Both images are blurred slightly (sigma 0.7 px) so that anti-aliasing and
   JPEG ringing do not count, then compared with CIE76 ΔE in Lab (OpenCV's
   conversion, ~10 ms for two 768x768 images; skimage's rgb2lab plus
   deltaE_ciede2000 took ~1 s on the same pair). Pixels with ΔE > ``de_threshold``
   are "changed"; a 2x2 opening and a minimum component size drop speckle.
4. Changed pixels are dilated by ~1 % of the image side so nearby changes form
   one region; connected components are the regions; tiny ones are dropped
   and only the ``max_regions`` largest are kept (the rest are merged into one).
   A region whose box covers more than a quarter of the image is split again
   with a 1 px dilation, so a blank or broken candidate lists its parts
   (title, axes, labels) instead of one box around everything.

Classification of a region (``ink`` = pixels that differ from the image's own
background colour by ΔE > 15):

- colour-only: the ink masks of both images in the region nearly coincide
  (IoU >= 0.8), most changed ink pixels are ink in both and the dominant inks
  differ by ΔE > 30 — or >= 70 % of the changed pixels are ink in neither
  image (a background tint) -> ``style_error`` (chart, svg); tables have no
  style category: ``text_error`` if the region looks like text, else
  ``layout_error``.
- text-like: the region is short (height <= 7 % of the image), its ink is made
  of thin strokes, and it is wide or made of several glyphs -> ``text_error``
  (chart, table) / ``text_symbol_error`` (svg). Without OCR a table cell's
  numeric change cannot be told from a text change, so tables never get
  ``numeric_error`` here.
- ink present in one image and absent in the other (>= 75 % of the changed
  ink pixels are ink on one side only): ``structure_error`` (chart, svg) /
  ``layout_error`` (table) when the region covers >= 8 % of the image, else
  ``data_error`` (chart) / ``shape_error`` (svg) / ``layout_error`` (table).
- anything else is a geometry change: ``data_error`` (chart),
  ``shape_error`` (svg), ``layout_error`` (table).

Severity rule, from the region's box area as a fraction of the image area
(``cover``) and the fraction of the region's ink that changed:

- cover < 0.5 % -> 1; cover < 4 % -> 2; otherwise 3;
- ink missing or extra over a region covering >= 8 % of the image -> 3;
- colour-only changes are capped at 2 (they rarely mislead on their own);
- when less than 15 % of the region's ink changed (a long line nudged, thin
  scattered changes) the severity is lowered by one, never below 1;
- a region whose changed pixels are all low-contrast (mean ΔE < 15) and that
  covers < 1 % of the image is 1.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from typing import ClassVar

import cv2
import numpy as np
from PIL import Image

from verm.errors import ContractError, InputError
from verm.judge.base import Judge
from verm.types import Discrepancy, Judgment, Rendering, Status, Task

log = logging.getLogger(__name__)

#: ΔE (CIE76) from an image's background colour above which a pixel is "ink".
INK_DE = 15.0


@dataclass(frozen=True)
class Region:
    """One region where the (aligned) images differ; pixel units of the reference frame."""

    #: (x0, y0, x1, y1), end-exclusive, tight around the changed pixels.
    bbox: tuple[int, int, int, int]
    #: Number of changed pixels.
    area: int
    #: Mean ΔE over the changed pixels.
    mean_de: float
    #: Ink pixels in the box, in the reference, in the candidate, in both.
    ref_ink: int
    cand_ink: int
    both_ink: int
    #: Changed pixels that are ink in both / only in the reference / only in the candidate.
    changed_both_ink: int
    changed_ref_only: int
    changed_cand_only: int
    #: Changed pixels that are ink in neither image (a background tint, a faint fill).
    changed_no_ink: int
    #: Fraction of the union ink lying on a stroke boundary (thin strokes such as glyphs: high).
    stroke_ratio: float
    #: Connected ink blobs in the box (union of both images).
    ink_blobs: int
    #: Dominant colours of the changed pixels, as RGB.
    ref_colour: tuple[int, int, int]
    cand_colour: tuple[int, int, int]
    #: How many raw regions were merged into this one (the cap on the number of regions).
    merged: int = 1

    @property
    def width(self) -> int:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> int:
        return self.bbox[3] - self.bbox[1]

    @property
    def box_area(self) -> int:
        return self.width * self.height

    @property
    def ink_iou(self) -> float:
        union = self.ref_ink + self.cand_ink - self.both_ink
        return self.both_ink / union if union else 1.0

    @property
    def ink_union(self) -> int:
        return self.ref_ink + self.cand_ink - self.both_ink


@dataclass(frozen=True)
class Diff:
    """The full comparison of two images: regions plus the maps they came from."""

    regions: list[Region]
    #: ΔE per pixel in the reference frame (float32, H x W) at the working scale.
    delta_e: np.ndarray
    #: (dx, dy) such that candidate[y + dy, x + dx] matches reference[y, x], at the working scale.
    shift: tuple[int, int]
    #: Working-scale size (width, height).
    size: tuple[int, int]


# --------------------------------------------------------------------------- helpers


def _as_array(img: Image.Image | np.ndarray) -> np.ndarray:
    if isinstance(img, Image.Image):
        return np.asarray(img.convert("RGB"), dtype=np.uint8)
    arr = np.asarray(img)
    if arr.ndim == 2:
        arr = np.stack([arr] * 3, axis=2)
    if arr.ndim != 3 or arr.shape[2] < 3:
        raise InputError(f"expected an RGB image array (H x W x 3), got shape {arr.shape}")
    return np.ascontiguousarray(arr[:, :, :3], dtype=np.uint8)


def _lab(rgb: np.ndarray) -> np.ndarray:
    # OpenCV's float Lab: L in [0, 100], a/b in about [-127, 127] — real CIE units, so ΔE is meaningful.
    return cv2.cvtColor(np.multiply(rgb, np.float32(1.0 / 255.0), dtype=np.float32), cv2.COLOR_RGB2Lab)


def _sq_norm(d: np.ndarray) -> np.ndarray:
    """Squared Euclidean norm over the last axis of an H x W x 3 float32 array (OpenCV: fast)."""
    return cv2.transform(d * d, np.ones((1, 3), np.float32))


def _delta_e(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    return cv2.sqrt(_sq_norm(cv2.subtract(lab1, lab2)))


def _background(rgb: np.ndarray) -> np.ndarray:
    """The most common colour (quantised to 4 bits per channel, then refined by a median)."""
    flat = rgb.reshape(-1, 3)[:: max(1, rgb.shape[0] * rgb.shape[1] // 40000)]
    q = (flat >> 4).astype(np.int32)
    keys = (q[:, 0] << 8) | (q[:, 1] << 4) | q[:, 2]
    mode = np.bincount(keys, minlength=4096).argmax()
    members = flat[keys == mode]
    return np.median(members, axis=0).astype(np.float32)


def _ink(lab: np.ndarray, rgb: np.ndarray) -> np.ndarray:
    """Pixels that differ from the image's own background colour by more than INK_DE."""
    bg = _background(rgb)
    bg_lab = cv2.cvtColor((bg / 255.0).reshape(1, 1, 3).astype(np.float32), cv2.COLOR_RGB2Lab)[0, 0]
    d = cv2.subtract(lab, (float(bg_lab[0]), float(bg_lab[1]), float(bg_lab[2]), 0.0))
    return _sq_norm(d) > INK_DE * INK_DE


def estimate_shift(ref_gray: np.ndarray, cand_gray: np.ndarray, max_shift: int = 3) -> tuple[int, int]:
    """(dx, dy) in [-max_shift, max_shift] minimising the grey-level L1 distance.

    Brute force on the interior (same pixel count for every shift). Zero shift
    wins ties and near-ties, so unrelated images do not get a spurious shift.
    """
    h, w = ref_gray.shape
    m = max_shift
    if h <= 4 * m or w <= 4 * m:
        return (0, 0)
    ref_c = ref_gray[m : h - m, m : w - m]
    best = (0, 0)
    base = cv2.norm(ref_c, cand_gray[m : h - m, m : w - m], cv2.NORM_L1)
    if base == 0:
        return best
    best_cost = base
    for dy in range(-m, m + 1):
        for dx in range(-m, m + 1):
            if dx == 0 and dy == 0:
                continue
            cost = cv2.norm(ref_c, cand_gray[m + dy : h - m + dy, m + dx : w - m + dx], cv2.NORM_L1)
            if cost < best_cost:
                best, best_cost = (dx, dy), cost
    # A shift must explain a real part of the difference, not shave off noise.
    if best != (0, 0) and best_cost > 0.9 * base:
        return (0, 0)
    return best


def _shift_image(img: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """out[y, x] = img[y + dy, x + dx], edges replicated."""
    if dx == 0 and dy == 0:
        return img
    m = max(abs(dx), abs(dy))
    padded = cv2.copyMakeBorder(img, m, m, m, m, cv2.BORDER_REPLICATE)
    h, w = img.shape[:2]
    return np.ascontiguousarray(padded[m + dy : m + dy + h, m + dx : m + dx + w])


def _dominant(rgb_pixels: np.ndarray) -> tuple[int, int, int]:
    if len(rgb_pixels) == 0:
        return (255, 255, 255)
    px = rgb_pixels[:: max(1, len(rgb_pixels) // 5000)].astype(np.int32)
    keys = (px[:, 0] << 16) | (px[:, 1] << 8) | px[:, 2]
    vals, counts = np.unique(keys, return_counts=True)
    k = int(vals[counts.argmax()])
    return ((k >> 16) & 255, (k >> 8) & 255, k & 255)


def _merge(regions: list[Region]) -> Region:
    x0 = min(r.bbox[0] for r in regions)
    y0 = min(r.bbox[1] for r in regions)
    x1 = max(r.bbox[2] for r in regions)
    y1 = max(r.bbox[3] for r in regions)
    area = sum(r.area for r in regions)
    biggest = max(regions, key=lambda r: r.area)
    return Region(
        bbox=(x0, y0, x1, y1),
        area=area,
        mean_de=sum(r.mean_de * r.area for r in regions) / max(area, 1),
        ref_ink=sum(r.ref_ink for r in regions),
        cand_ink=sum(r.cand_ink for r in regions),
        both_ink=sum(r.both_ink for r in regions),
        changed_both_ink=sum(r.changed_both_ink for r in regions),
        changed_ref_only=sum(r.changed_ref_only for r in regions),
        changed_cand_only=sum(r.changed_cand_only for r in regions),
        changed_no_ink=sum(r.changed_no_ink for r in regions),
        stroke_ratio=sum(r.stroke_ratio * r.ink_union for r in regions) / max(1, sum(r.ink_union for r in regions)),
        ink_blobs=sum(r.ink_blobs for r in regions),
        ref_colour=biggest.ref_colour,
        cand_colour=biggest.cand_colour,
        merged=sum(r.merged for r in regions),
    )


# --------------------------------------------------------------------------- the diff


def _components(changed: np.ndarray, radius: int, min_area: int) -> list[tuple[int, int, np.ndarray]]:
    """Group changed pixels closer than ~2*radius: (x, y, mask) per group, mask tight around its pixels."""
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    grouped = cv2.dilate(changed, kernel)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grouped, connectivity=8)
    out: list[tuple[int, int, np.ndarray]] = []
    for i in range(1, n):
        x, y, bw, bh, _ = (int(v) for v in stats[i])
        ch = (changed[y : y + bh, x : x + bw] > 0) & (labels[y : y + bh, x : x + bw] == i)
        if int(ch.sum()) < min_area:
            continue
        ys, xs = np.nonzero(ch)
        x0, x1, y0, y1 = int(xs.min()), int(xs.max()) + 1, int(ys.min()), int(ys.max()) + 1
        out.append((x + x0, y + y0, ch[y0:y1, x0:x1]))
    return out


def _region_stats(
    x0: int,
    y0: int,
    ch: np.ndarray,
    de: np.ndarray,
    ref: np.ndarray,
    cand: np.ndarray,
    ref_lab: np.ndarray,
    cand_lab: np.ndarray,
    ref_ink: np.ndarray,
    cand_ink: np.ndarray,
    de_threshold: float,
) -> Region:
    """Measure one region: ``ch`` is its changed-pixel mask with top-left corner (x0, y0)."""
    y1, x1 = y0 + ch.shape[0], x0 + ch.shape[1]
    sl = (slice(y0, y1), slice(x0, x1))
    area = int(ch.sum())
    ri, ci = ref_ink[sl], cand_ink[sl]
    both = ri & ci
    union_u8 = (ri | ci).astype(np.uint8)
    n_union = int(union_u8.sum())
    if n_union:
        eroded = cv2.erode(union_u8, np.ones((3, 3), np.uint8), borderType=cv2.BORDER_CONSTANT, borderValue=0)
        stroke_ratio = float(n_union - int(eroded.sum())) / n_union
        blobs = cv2.connectedComponents(union_u8, connectivity=8)[0] - 1
    else:
        stroke_ratio, blobs = 0.0, 0
    # Detection used blurred images; the blur spreads a change over a 1-2 px halo of pixels that
    # did not change. Characterise the region by the pixels whose unblurred colours differ too.
    core = ch & (_delta_e(ref_lab[sl], cand_lab[sl]) > de_threshold)
    if not core.any():
        core = ch
    ch_both = core & both
    ch_ref = core & ri & ~ci
    ch_cand = core & ci & ~ri
    ch_none = core & ~(ri | ci)
    n_both, n_none, n_core = int(ch_both.sum()), int(ch_none.sum()), int(core.sum())
    if n_none >= 0.7 * n_core:  # mostly background that changed tint: its colours
        ref_pick = cand_pick = ch_none
    elif n_both >= 0.2 * n_core:
        ref_pick = cand_pick = ch_both
    else:
        ref_pick = (core & ri) if (core & ri).any() else core
        cand_pick = (core & ci) if (core & ci).any() else core
    return Region(
        bbox=(x0, y0, x1, y1),
        area=area,
        mean_de=float(de[sl][ch].mean()),
        ref_ink=int(ri.sum()),
        cand_ink=int(ci.sum()),
        both_ink=int(both.sum()),
        changed_both_ink=n_both,
        changed_ref_only=int(ch_ref.sum()),
        changed_cand_only=int(ch_cand.sum()),
        changed_no_ink=n_none,
        stroke_ratio=stroke_ratio,
        ink_blobs=int(blobs),
        ref_colour=_dominant(ref[sl][ref_pick]),
        cand_colour=_dominant(cand[sl][cand_pick]),
    )


def compare(
    ref_img: Image.Image | np.ndarray,
    cand_img: Image.Image | np.ndarray,
    *,
    de_threshold: float = 10.0,
    max_shift: int = 3,
    max_regions: int = 12,
    blur_sigma: float = 0.7,
) -> Diff:
    """Align, compare and segment two same-size RGB images (see the module docstring)."""
    ref = _as_array(ref_img)
    cand = _as_array(cand_img)
    if ref.shape != cand.shape:
        raise InputError(f"compare() needs images of the same size, got {ref.shape[:2]} and {cand.shape[:2]}")
    h, w = ref.shape[:2]
    if np.array_equal(ref, cand):
        return Diff([], np.zeros((h, w), np.float32), (0, 0), (w, h))

    ref_gray = cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY)
    cand_gray = cv2.cvtColor(cand, cv2.COLOR_RGB2GRAY)
    dx, dy = estimate_shift(ref_gray, cand_gray, max_shift)
    cand = _shift_image(cand, dx, dy)

    ref_lab, cand_lab = _lab(ref), _lab(cand)
    # Blur only for the difference, not for the ink masks: thin strokes must stay ink.
    # Blurring in Lab rather than RGB is not exactly the same, but close and half the conversions.
    if blur_sigma > 0:
        de = _delta_e(cv2.GaussianBlur(ref_lab, (0, 0), blur_sigma), cv2.GaussianBlur(cand_lab, (0, 0), blur_sigma))
    else:
        de = _delta_e(ref_lab, cand_lab)
    changed = (de > de_threshold).astype(np.uint8)
    # A 2x2 opening removes isolated pixels and one-pixel seams (JPEG blocks, sub-pixel edges)
    # but keeps any two-pixel-wide stroke — a missing axis line still counts.
    if min(h, w) >= 16:  # on a thumbnail every pixel matters
        changed = cv2.morphologyEx(changed, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))

    if not changed.any():
        return Diff([], de, (dx, dy), (w, h))

    ref_ink = _ink(ref_lab, ref)
    cand_ink = _ink(cand_lab, cand)

    side = min(h, w)
    radius = max(2, round(0.012 * side))
    min_area = max(1, min(12, round(0.002 * h * w)), round(2e-5 * h * w))
    pieces: list[tuple[int, int, np.ndarray]] = []
    for x, y, ch in _components(changed, radius, min_area):
        # A region over a quarter of the image says little about *where*; split it on a
        # fine scale so that a blank or badly broken candidate lists its missing parts.
        if ch.shape[0] * ch.shape[1] > 0.25 * h * w:
            parts = [(x + px, y + py, pch) for px, py, pch in _components(ch.astype(np.uint8), 1, min_area)]
            if len(parts) > 1:
                pieces.extend(parts)
                continue
        pieces.append((x, y, ch))
    regions = [
        _region_stats(x, y, ch, de, ref, cand, ref_lab, cand_lab, ref_ink, cand_ink, de_threshold)
        for x, y, ch in pieces
    ]

    regions.sort(key=lambda r: r.area, reverse=True)
    if len(regions) > max_regions:
        regions = [*regions[: max_regions - 1], _merge(regions[max_regions - 1 :])]
    return Diff(regions, de, (dx, dy), (w, h))


def diff_regions(
    ref_img: Image.Image | np.ndarray,
    cand_img: Image.Image | np.ndarray,
    *,
    de_threshold: float = 10.0,
    max_shift: int = 3,
    max_regions: int = 12,
) -> list[Region]:
    """Regions where two same-size images differ, largest first (reference pixel frame)."""
    return compare(ref_img, cand_img, de_threshold=de_threshold, max_shift=max_shift, max_regions=max_regions).regions


def difference_map(ref_img: Image.Image, cand_img: Image.Image) -> np.ndarray:
    """Per-pixel ΔE (H x W, reference size) after resizing and aligning the candidate; for reports."""
    ref = _as_array(ref_img)
    cand = _resize_to(_as_array(cand_img), ref.shape[1], ref.shape[0])
    return compare(ref, cand).delta_e


def _resize_to(arr: np.ndarray, w: int, h: int) -> np.ndarray:
    if arr.shape[1] == w and arr.shape[0] == h:
        return arr
    shrinking = arr.shape[1] * arr.shape[0] > w * h
    return cv2.resize(arr, (w, h), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)


# --------------------------------------------------------------------------- words


def _hex(c: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*c)


def _rgb_de(c1: tuple[int, int, int], c2: tuple[int, int, int]) -> float:
    lab = _lab(np.array([[c1, c2]], dtype=np.uint8))
    return float(np.linalg.norm(lab[0, 0] - lab[0, 1]))


def _grid_word(cx: float, cy: float) -> str:
    row = "upper" if cy < 1 / 3 else ("lower" if cy > 2 / 3 else "")
    col = "left" if cx < 1 / 3 else ("right" if cx > 2 / 3 else "")
    if row and col:
        return f"{row}-{col}"
    if row:
        return "top" if row == "upper" else "bottom"
    return col or "centre"


def _chart_location(cx: float, cy: float, fx0: float, fx1: float) -> str:
    if (cy < 0.12 and fx0 < 0.5 < fx1) or (cy < 0.1 and 0.25 < cx < 0.75):
        return "top centre (title area)"
    if cy > 0.88:
        return "bottom (x-axis area)"
    if cx < 0.13:
        return "left edge (y-axis area)"
    if cx > 0.87:
        return "right side (legend area)"
    return f"plot area, {_grid_word(cx, cy)}"


def _svg_location(cx: float, cy: float) -> str:
    word = _grid_word(cx, cy)
    return "centre" if word == "centre" else f"{word} part"


@dataclass(frozen=True)
class _TableGrid:
    rows: list[float]  # y of horizontal rules, reference pixels
    cols: list[float]


def _rules(ink: np.ndarray, axis: int, min_fill: float = 0.5) -> list[float]:
    """Positions of long straight rules (table borders) along an axis: 0 -> horizontal rules."""
    fill = ink.mean(axis=1 - axis)
    idx = np.nonzero(fill >= min_fill)[0]
    if len(idx) == 0:
        return []
    groups: list[list[int]] = [[int(idx[0])]]
    for i in idx[1:]:
        if i - groups[-1][-1] <= 2:
            groups[-1].append(int(i))
        else:
            groups.append([int(i)])
    return [sum(g) / len(g) for g in groups]


def _table_grid(ref: np.ndarray) -> _TableGrid:
    ink = _ink(_lab(ref), ref)
    h, w = ink.shape
    return _TableGrid(rows=_with_edges(_rules(ink, 0), h), cols=_with_edges(_rules(ink, 1), w))


def _with_edges(rules: list[float], size: int) -> list[float]:
    """Treat the image edges as the outer border when a trimmed screenshot cut it off."""
    if not rules:
        return rules
    if rules[0] > 3:
        rules = [0.0, *rules]
    if rules[-1] < size - 4:
        rules = [*rules, float(size)]
    return rules


def _table_location(grid: _TableGrid, cx_px: float, cy_px: float, h: int, w: int) -> str:
    if len(grid.rows) >= 2:
        n = len(grid.rows) - 1
        k = min(max(int(np.searchsorted(grid.rows, cy_px)), 1), n)
        row = f"row {k} of {n}"
    else:
        n = 5
        row = f"row band {min(int(cy_px / max(h, 1) * n) + 1, n)} of {n}"
    if len(grid.cols) >= 2:
        m = len(grid.cols) - 1
        k = min(max(int(np.searchsorted(grid.cols, cx_px)), 1), m)
        col = f"column {k} of {m}"
    else:
        fx = cx_px / max(w, 1)
        col = "left column area" if fx < 1 / 3 else ("right column area" if fx > 2 / 3 else "middle column area")
    return f"{row}, {col}"


# --------------------------------------------------------------------------- classification


_CATS: dict[Task, dict[str, str]] = {
    Task.CHART: {
        "style": "style_error",
        "text": "text_error",
        "structure": "structure_error",
        "small_presence": "data_error",
        "geometry": "data_error",
        "aspect": "structure_error",
    },
    Task.SVG: {
        "style": "style_error",
        "text": "text_symbol_error",
        "structure": "structure_error",
        "small_presence": "shape_error",
        "geometry": "shape_error",
        "aspect": "structure_error",
    },
    Task.TABLE: {
        "style": "layout_error",
        "text": "text_error",
        "structure": "layout_error",
        "small_presence": "layout_error",
        "geometry": "layout_error",
        "aspect": "layout_error",
    },
}


def _looks_like_text(r: Region, h: int) -> bool:
    """Short band of thin strokes, wide or made of several glyphs."""
    if r.ink_union == 0:
        return False
    short = r.height <= 0.07 * h
    thin = r.stroke_ratio >= 0.35
    wordish = r.width >= 1.5 * r.height or r.ink_blobs >= 2
    return short and thin and wordish


def classify(task: Task, r: Region, h: int, w: int) -> tuple[str, str]:
    """(category, kind) for a region; kind is colour | text | missing | extra | geometry."""
    cats = _CATS[task]
    cover = r.box_area / float(h * w)
    # Ink-based tests count only changed pixels that are ink somewhere; the rest is background or halo.
    inked = r.changed_both_ink + r.changed_ref_only + r.changed_cand_only
    colour_diff = _rgb_de(r.ref_colour, r.cand_colour)
    if r.changed_no_ink >= 0.7 * (inked + r.changed_no_ink):
        # Mostly pixels that are ink in neither image: a background or faint fill changed tint.
        colour_only = colour_diff > INK_DE / 2
    else:
        colour_only = (
            r.ink_iou >= 0.8
            and r.changed_both_ink >= 0.6 * inked
            and colour_diff > 2 * INK_DE  # the dominant inks really differ, not a blur halo
        )
    text = _looks_like_text(r, h)
    if colour_only:
        if task is Task.TABLE:
            return (cats["text"] if text else cats["style"]), "colour"
        return cats["style"], "colour"
    if text:
        return cats["text"], "text"
    # Presence is judged on the changed pixels: ink on one side only, for most of them.
    if inked and max(r.changed_ref_only, r.changed_cand_only) >= 0.75 * inked:
        kind = "missing" if r.changed_ref_only > r.changed_cand_only else "extra"
        return (cats["structure"] if cover >= 0.08 else cats["small_presence"]), kind
    return cats["geometry"], "geometry"


def severity(r: Region, kind: str, h: int, w: int) -> int:
    """The written rule of the module docstring."""
    cover = r.box_area / float(h * w)
    if kind in ("missing", "extra") and cover >= 0.08:
        return 3
    sev = 1 if cover < 0.005 else (2 if cover < 0.04 else 3)
    if kind == "colour":
        sev = min(sev, 2)
    if r.ink_union and r.area / r.ink_union < 0.15:
        sev = max(1, sev - 1)
    if r.mean_de < 15 and cover < 0.01:
        sev = 1
    return sev


def describe(r: Region, kind: str, h: int, w: int) -> str:
    """One sentence about a region."""
    pct = 100.0 * r.box_area / (h * w)
    if kind == "colour":
        return f"Region differs in colour only (reference {_hex(r.ref_colour)}, candidate {_hex(r.cand_colour)})."
    if kind == "text":
        if r.cand_ink < 0.2 * r.ref_ink:
            return "Text present in the reference is missing in the candidate."
        if r.ref_ink < 0.2 * r.cand_ink:
            return "Candidate has text that the reference does not have."
        return f"Text-like content differs (ink overlap {100 * r.ink_iou:.0f}%)."
    if kind == "missing":
        return f"Ink missing in candidate over {pct:.1f}% of the image (reference colour {_hex(r.ref_colour)})."
    if kind == "extra":
        return f"Extra ink in candidate over {pct:.1f}% of the image (candidate colour {_hex(r.cand_colour)})."
    inked = max(r.changed_both_ink + r.changed_ref_only + r.changed_cand_only, 1)
    return (
        f"Shapes differ in position or size over {pct:.1f}% of the image (of the changed ink "
        f"{100 * r.changed_ref_only / inked:.0f}% is only in the reference, "
        f"{100 * r.changed_cand_only / inked:.0f}% only in the candidate, "
        f"{100 * r.changed_both_ink / inked:.0f}% recoloured)."
    )


# --------------------------------------------------------------------------- the judge


_warm = False


def _warm_up() -> None:
    """OpenCV builds its Lab tables on the first conversion (~100 ms): pay that when the judge is made."""
    global _warm
    if not _warm:
        cv2.cvtColor(np.zeros((1, 1, 3), np.float32), cv2.COLOR_RGB2Lab)
        _warm = True


class PixelJudge(Judge):
    """Honest pixel differences, classified coarsely; see the module docstring for the rules."""

    name: ClassVar[str] = "pixel"

    def __init__(
        self,
        de_threshold: float = 10.0,
        max_shift: int = 3,
        max_regions: int = 12,
        work_side: int = 1024,
        aspect_tolerance: float = 0.05,
    ) -> None:
        self.de_threshold = de_threshold
        self.max_shift = max_shift
        self.max_regions = max_regions
        self.work_side = work_side
        self.aspect_tolerance = aspect_tolerance
        _warm_up()

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        t0 = time.perf_counter()
        task = Task.parse(task)

        def done(**kw: object) -> Judgment:
            return Judgment(task=task, judge=self.name, elapsed_ms=(time.perf_counter() - t0) * 1e3, **kw)

        for role, r in (("reference", reference), ("candidate", candidate)):
            if r.png is None:
                return done(
                    status=Status.JUDGE_ERROR,
                    reason=f"{role} has no image (status {r.status.value}: {r.reason or 'no reason given'})",
                )
        try:
            ref_img = reference.image()
            cand_img = candidate.image()
            discrepancies = self.judge_images(task, ref_img, cand_img)
        except (InputError, ContractError) as exc:
            return done(status=Status.JUDGE_ERROR, reason=f"cannot judge these images: {exc}")
        return done(discrepancies=discrepancies)

    def judge_images(self, task: Task, ref_img: Image.Image, cand_img: Image.Image) -> list[Discrepancy]:
        """The discrepancies between two PIL images (the core of `judge`)."""
        task = Task.parse(task)
        cats = _CATS[task]
        out: list[Discrepancy] = []
        rw, rh = ref_img.size
        cw, ch = cand_img.size
        if rw == 0 or rh == 0 or cw == 0 or ch == 0:
            raise InputError("cannot judge an empty (0-pixel) image")
        ref_aspect, cand_aspect = rw / rh, cw / ch
        if abs(math.log(cand_aspect / ref_aspect)) > math.log1p(self.aspect_tolerance):
            out.append(
                Discrepancy(
                    category=cats["aspect"],
                    severity=2,
                    location="whole image",
                    description=(
                        f"Aspect ratio differs (reference {rw}x{rh}, candidate {cw}x{ch}); "
                        "the candidate was stretched to compare."
                    ),
                    bbox=(0.0, 0.0, 1.0, 1.0),
                )
            )
        # Analyse at most work_side px on the long side: boxes are fractions, so scale does not matter.
        scale = min(1.0, self.work_side / max(rw, rh))
        w, h = max(1, round(rw * scale)), max(1, round(rh * scale))
        ref = _resize_to(_as_array(ref_img), w, h)
        cand = _resize_to(_as_array(cand_img), w, h)
        diff = compare(
            ref, cand, de_threshold=self.de_threshold, max_shift=self.max_shift, max_regions=self.max_regions
        )
        dx, dy = diff.shift
        grid = _table_grid(ref) if task is Task.TABLE and diff.regions else None
        for r in diff.regions:
            category, kind = classify(task, r, h, w)
            x0, y0, x1, y1 = r.bbox
            # Regions live in the reference frame; the candidate's content sits shifted by (dx, dy).
            bbox = (
                min(max((x0 + dx) / w, 0.0), 1.0),
                min(max((y0 + dy) / h, 0.0), 1.0),
                min(max((x1 + dx) / w, 0.0), 1.0),
                min(max((y1 + dy) / h, 0.0), 1.0),
            )
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if r.box_area >= 0.8 * h * w:
                location = "whole image"
            elif task is Task.CHART:
                location = _chart_location(cx / w, cy / h, x0 / w, x1 / w)
            elif grid is not None:
                location = _table_location(grid, cx, cy, h, w)
            else:
                location = _svg_location(cx / w, cy / h)
            desc = describe(r, kind, h, w)
            if r.merged > 1:
                desc = f"{r.merged} scattered small differences: " + desc[0].lower() + desc[1:]
            out.append(
                Discrepancy(
                    category=category,
                    severity=severity(r, kind, h, w),
                    location=location,
                    description=desc,
                    bbox=bbox,
                )
            )
        log.debug("pixel judge: %d regions, shift %s, size %dx%d", len(diff.regions), diff.shift, w, h)
        return out
