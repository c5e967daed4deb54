"""A CPU pixel judge: two images in, discrepancies in the task's vocabulary out.

Pipeline (numpy/OpenCV plus Tesseract on the changed regions only):

1. Normalise. Both images RGB on white. The candidate is resized to the
   reference's size; images over ``work_side`` px are analysed downscaled
   (boxes are fractions, so they do not change). A uniform rescale of the
   content (content boxes whose width and height ratios agree within 1.5 %,
   by at most ±15 %) is undone: the scale is refined on a ±0.6 % grid and kept
   only when it brings the images closer. A different aspect ratio is reported
   (severity 2) and stretched, except for tables: trimmed screenshots that
   gain or lose a row are placed top-left at the reference's scale instead.
2. Align: a global shift of up to ``max_shift`` px (brute force over grey L1).
3. Difference: CIE76 ΔE in Lab after a light blur (sigma 0.7 px, 1.2 after a
   rescale) so anti-aliasing and JPEG ringing do not count; ΔE > 10 is
   changed; a 2x2 opening drops speckle; changed pixels closer than ~2.4 % of
   the side form one region (`compare`, `diff_regions`: unchanged API; the
   perturbation ground truth uses them).
4. Explain away: a region that is the same content moved by at most 2 % of
   the side (4 % outside a chart's plot frame) is layout re-flow, not an
   error; so is, in a chart, a region outside the plot whose ink is the
   same in both images wherever it sits in the region (one ink box size,
   pixels alike once centred on the grid: a title or a row of tick labels
   the layout moved further), or whose words (ink joined across gaps under
   0.8 % of the width) each match a word of the other image of one size and
   ink, moved by at most 10 % across and 4 % up or down, in the same order
   along rows and columns, and to the place on the axis they label where the
   frame's own move maps them (a row of tick labels squeezed with a plot that
   wider y tick labels narrowed; tick labels moving along an unchanged axis
   are new limits, not layout); beside a frame that moved, wordless bits (its
   tick marks) moved with it; the same ink in nearly the same colour
   (dominant colours ΔE < 12 with a mean change < 40 — two colours trading
   places change more —, or mean ΔE < 13) is a re-encoding tint.
5. Classify and group (the reference's layout first: a chart's plot frame is
   the box of its long axis/grid lines, or in a style without spines of its
   faint grid, lines ΔE > 2.5 from the background; a table's grid is its
   full-width rules and the columns inked in >= 60 % of rows):
   - moved block (what the reference shows in one region, the candidate shows
     in another: template NCC >= 0.7; in a chart, a block the candidate shows
     elsewhere over its plotted marks, found by searching the whole candidate
     for it, NCC >= 0.85) -> chart style_error 1 (legend moved),
     svg shape_error 1 / structure_error 2-3 (moved >= 5 %), table layout_error 2;
   - colour only (same ink, dominant colours ΔE > 30, or a background tint)
     grouped by (old, new) colour -> style_error, severity 1 if the colours
     are shades (ΔE < 25) else 2; in a chart, a swap between two colours the
     plot already uses, or two colours trading places inside the plot (A->B
     beside B->A), is marks moving, not a recolouring; and in a chart of at
     most 8 main plot colours (each >= 2 % of the plot's ink), one main colour
     gone (ΔE > 15 from all of the candidate's) and one new is a series drawn
     in another colour, although its marks moved too (beside an axis or data
     change no region is colour-only), unless a colour item already has it,
     and a plot change whose regions all keep their ink in place (<= 10 % of
     their pixels gain or lose ink) and turn a reported recolouring's old
     colour into its new one (ΔE < 15 each: a close shade, whose edges moved
     too much for a colour-only region) is that recolouring, no data change;
     a chart's colour-only change that covers under 80 % of the marks it
     touches, their old colour still in the candidate's plot, is new marks
     drawn over part of the old ones (an added series): data_error 3;
   - tick labels: two or more changed on one axis are one axis change (so is
     one changed region that is a column of y tick labels reaching the frame,
     a fifth of the image tall: a log axis's minor tick marks join its labels),
     and the plot-area changes move with it: structure_error 2 when the OCR'd
     ticks turn logarithmic (10^k, among the words holding a digit: the axis
     label's letters may join the read) or back; text_error 3 when they read the same characters
     in another order (labels swapped); else data_error, 3 when the numeric ticks
     span a narrower range (< 90 %: data may be clipped), otherwise 2 or the
     severity of the plot change it carries, whichever is higher (not when
     limits set by hand, see below, moved all the marks alike: then graded by
     how much wider the range is, the share of the plot's height the marks
     span before over after: marks now cut at the frame or a range under
     0.95 times as wide 3, under 1.5 times 1, else 2, the perturbation
     rule's steps). Unless the
     data changed beside the axis: the reference's marks are mapped onto the
     candidate's row by row (the best monotone map, by dynamic time warping:
     a linear or log axis moves every mark along y alike); when >= 8 % of the
     marks are left more than 3 px from the other's, and the axis turned log
     or its limits were set by hand (the empty margin above or below the marks
     changed by > 8 % of the plot, or the marks are now cut at the frame where
     they had room; limits that follow the data are the data change's doing), the leftover is a data_error of its own (severity 1 / 2
     / 3 under 10 / 30 % / more of the marks). Once the y-axis changed, regions
     left of the frame and reaching it are its tick labels re-drawn;
   - text (thin strokes in a short band, or a narrow column for rotated
     labels): both images are read with Tesseract over the whole text line
     (upscaled to ~40 px a line; beside a chart's plot, a line that runs down
     the image, as a y-axis label does, is grown and read that way, and a
     line left or right of the plot stops short of its tick mark; text on a
     slant, its ink's principal axis 20-70° off level and twice as long as
     wide, is turned level first: tick labels set at 45°); different words -> text_error
     (text_symbol_error for SVG), a change confined to digits, signs,
     currency and units -> numeric_error for tables; reads below confidence
     55 or with < 2 letters/digits are not trusted (the region falls through);
     a side with no ink in the line is not read (Tesseract makes up text on a
     blank crop); text on one side only must hold a word of >= 3 letters or
     digits, and is no change of its own when its glyphs' cores are drawn
     somewhere in the other image (it moved: a label carried with its slice);
     in a chart, filled patches in the line (a 5x5 erosion keeps a third of
     them: legend swatches, bar ends) are blanked before reading;
   - chart axis labels: the x-axis label (the words below the row of x tick
     labels) and the y-axis label (the column of words left of the y tick
     labels, which end at their tick marks) are read on their own when a
     changed region touches them and no text item has them yet (beside changed
     tick labels, their changes join the axis change's region);
   - chart plot area: the remaining changes inside the frame are one data
     change (data_error), or structure_error 3 when >= 35 % of the plot's ink
     is gone and >= 35 % is new (another chart type; structure_error 2 when
     the marks all map onto the candidate's along y, as below: a new y scale
     whose tick labels were not told apart), or style_error 1 when
     >= 4 small places change with < 5 % ink lost or gained (markers, line style);
   - anything else, per region: ink on one side only -> missing / extra
     (structure_error when it covers >= 8 % of the image), otherwise a
     geometry change (data_error / shape_error / layout_error); in a chart a
     small one (< 1 %) outside the plot is style_error (legend swatches).
     Two or more blocks moving inside a chart's plot are marks that moved (the
     data change), not moved blocks; the other pieces of a moved block (a
     legend's swatches and labels, separate regions where it was) found
     where the block's move takes them (NCC >= 0.85, within 6 px) belong to
     its move, with the regions they land on. Charts keep at most 4 items and SVGs 3
     (largest first); the rest is one "further scattered differences" item of
     severity 1, so one edit seen as many regions does not pile up severity
     (the largest items carry the edits; the rest is mostly their slivers).
   - SVGs instead group the regions by the drawn shape they lie on (the
     connected ink of either image), so a scaled or reshaped path is one
     change, not a sliver per stretch of outline, while changes on one drawing
     more than 8 % of the side apart (chained) are separate groups (a point
     moved at one end, a part scaled at the other); a group of reference-only ink
     and one of candidate-only ink over about the same box (box IoU >= 0.25:
     a shape grown past its old outline) are one group. Per group: the
     candidate's ink is the reference's mirrored in the changed box (IoU >= 0.7,
     0.2 better than unmirrored), or the ink that vanished, mirrored, is the ink
     that appeared (IoU >= 0.6 after a 1 px dilation: other shapes cross the
     box) -> text_symbol_error 2; recoloured ink (>= 10 % of the changed ink,
     also beside a mirroring) -> style_error 1 for shades (ΔE < 25), else 2,
     one per (old, new) colour pair over all groups (an element drawn in
     separate pieces is recoloured once), and when the dominant colours before and after are the same (over >= 30 %
     of the changed ink: colours traded places, a mark
     moved over a filled shape) the shift found by phase correlation over the
     changed box, graded like a moved block (< 5 % of the side shape_error 1,
     else structure_error 2, 3 over 10 % of the image);
     ink lost on one side and gained on the other -> shape_error with severity
     by how far the outline moved (98th percentile of the changed ink's
     distance to the other image's ink: < 4 % of the side -> 1, < 10 % -> 2,
     the perturbation rule's point-move steps); moved further, it is no
     longer one outline adjusted but a shape gone from one place and one
     drawn in another: a missing and an extra shape, unless one similarity
     transform maps the reference's drawings there onto the candidate's
     (from the image moments of the drawings, or of their changed ink alone:
     centroids, radius of gyration, principal axes, mirrored or not; 98 % of
     each (changed) ink within 3 % of the side of the other drawing, and at
     most half as far apart as left in place; one part only, as a mirrored
     and turned or resized fit suits many a reshaped drawing; at most 4 such
     searches a judgment, each up to ~40 ms at 768 px): one item by the
     perturbation rules' steps — mirrored text_symbol_error 2, drawn at
     another size shape_error (within 12 % 1, within 50 % 2, else 3), turned
     by >= 10° structure_error (3 over 10 % of the image, else 2), otherwise
     moved (as a moved shape); ink on one side only, all
     of it within 4 % of the side of the other image's ink -> a filled shape
     shrank or grew a little, shape_error 1; other ink on one side only ->
     a missing or extra shape, structure_error by its box (> 10 % of the image
     -> 3, > 1 % -> 2, else 1, the rule for dropped elements), and the other
     side's ink, when >= 6 % of the one-sided ink and lying off (90 % of it
     >= 4 % of the side from) the first image's ink, is a second such shape.
     Shapes missing in separate places that together hold under half of the
     reference's ink are one element gone (a path drawn in several pieces,
     its subpaths), graded by the largest and boxed around all; when more is
     gone, each piece counts, so a hollow drawing piles up severity. (Two
     separate small shapes gone read as one: pixels cannot tell them from
     one path's subpaths, and icon sets draw many shapes as one path.)
6. Tables with readable grids: rows and columns are aligned by content.
   Every cell's ink gets a content class (same size within 1 px and the same
   pixels once moved by under a pixel to put the ink's centroid on the grid
   and blurred by 1 px, up to a 1 px offset: mean grey difference < 10,
   which a table re-flowed by a pixel or two — its text at other sub-pixel
   offsets — stays within, 13 when the candidate was resampled); a column is
   the multiset of its cells' classes (plus a tenth for cells in the same
   row, which tells apart two columns holding the same values one row
   apart), a row its cells compared through the aligned columns (rare
   contents weigh more). An order-keeping alignment (dynamic programming)
   pairs most lines; of the rest, a candidate line like a left-over
   reference line moved, one like an aligned line repeats it; copies of one
   line keep their order (a cycle among copies shows nothing). Each dropped
   row/column is one layout_error 3, each repeated one a layout_error 2,
   each swap (a cycle of the order) a layout_error 2. A row whose cells
   before one column read as before, whose next two cells are new, and whose
   later cells all read one column to the right had a cell split in two:
   layout_error 2, 3 when the row's last cell is lost (no new column holds
   it). A candidate whose rows are another height by over 1 % (a wider table
   shrunk onto the canvas by another factor) is scaled to the reference's
   row pitch first, and its cells are read from the unscaled pixels. Then
   the cells of aligned rows and columns are compared: two neighbours with
   no rule between them are merged (layout_error 2), a row or column with
   most cells of another class one layout_error 2 (more than three such
   lines: one re-flow item; cells whose ink is alike after all, at a looser
   tolerance, do not count, OCR decides), other changed cells are read with
   OCR: text_error / numeric_error at "row r, column c" (a number read alike
   whose ink grew or shrank on the left is a sign flip, on the right a unit
   added or removed). Reads Tesseract is unsure of (word confidence < 60:
   half-lines cut by a spanning cell, a shrunk table's small text) and reads
   that differ only in characters OCR confuses (0/O, 1/l/I, 5/S, [/{, a
   decimal point or a quote mark) report nothing.
   Cells that trade contents (column j reads what column k read in the same
   row and the other way round, or two rows in one column; reads compared up
   to case, punctuation and one wrong letter in five, digits exact, two
   characters at least) are one swap: layout_error 2 per swapped pair, which
   replaces their cell and line items. When the lines do not align
   (another table) the older rules apply: one or two rows/columns more or
   fewer is one layout_error per dimension, and same-shape grids are compared
   cell by cell in place.
7. Missing elements, one discrepancy each. The reference's elements are its
   connected ink groups (glyphs of a word merged by a ~0.6 % dilation; long
   thin lines — axes, grid, rules — one element). An element is missing when
   >= 85 % of its ink has no candidate ink within 1 px. Per-element
   discrepancies replace the regions they cover when the candidate is
   *noise* (its background covers < 30 % of it and at least 30 points less
   than the reference's; plus one per 4x4 cell the noise fills), *gutted* (>= half the
   elements missing, and less than half the non-line ink left; charts and tables: an
   SVG's missing shapes are its groups, above; a chart still plotting coloured marks of the
   reference in place, across 30 % of the plot, is neither gutted nor hollow, nor is one
   whose own axes hold plotted ink over >= 0.2 % of their area — a line across the plot is
   about 0.5 %), *hollow* (a chart whose plot interior has < 5 % of the reference's data
   ink and < 0.2 % of its area inked: one per missing mark), or a table lost its grid (one
   per row). So an empty answer
   piles up severity as the paper's model would.

Severity rule for a region without a more specific rule above, from its box
area as a fraction of the image (``cover``): < 0.5 % -> 1, < 4 % -> 2, else 3;
missing/extra over >= 8 % -> 3; colour-only at most 2; lowered by one when
< 15 % of the region's ink changed; 1 when all changed pixels are faint
(mean ΔE < 15) over < 1 % of the image. Texts: a one-character typo (one
insertion, deletion, substitution or swap) -> 1, other changed words -> 2;
numbers: a sign flip or a change of more than 50 % -> 3, else 2. Plot data:
changed ink / the ink of the reference's marks it touches (connected ink inside
the frame, grid and axis lines aside; a bar grown by a third changed a third of
its old ink: the perturbation rule's relative value change; the changed places'
own ink when they touch no mark) < 10 % -> 1, < 50 % -> 2, else 3;
a series missing or added (>= 75 % of the change on one side, >= 10 % of the
plot's ink) -> 3. Missing element: box >= 2 % of the image -> 3, >= 0.2 % -> 2,
else 1.

Location words: charts name title, "x-axis tick labels", "y-axis label",
"legend (right of the plot)", "plot area, upper-left" from the plot frame;
tables "row r, column c" from the grid; SVGs "upper-left shape" etc.

OCR is Tesseract through tesserocr (one engine per thread, ~10-25 ms a crop);
without tesserocr or Tesseract's English data (``pip install 'verm[ocr]'``,
``apt-get install tesseract-ocr-eng``) the judge logs one warning and
classifies text by its shape alone. OCR calls are capped per judgment
(``max_ocr_calls``).
"""

from __future__ import annotations

import contextvars
import glob
import logging
import math
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

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
    #: Ink masks of the reference and of the aligned candidate, and the aligned candidate (None: no change).
    ref_ink: np.ndarray | None = None
    cand_ink: np.ndarray | None = None
    cand: np.ndarray | None = None
    #: The changed pixels (ΔE over the threshold, speckle removed) the regions were made of (None: no change).
    changed: np.ndarray | None = None


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


#: Lab and ink of the arrays one judgment has seen (keyed by identity; the array is kept, so its id
#: stays its own): the table path reads the same images in several steps. Set by `judge_images`.
_LAB_INK: contextvars.ContextVar[dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] | None] = contextvars.ContextVar(
    "verm_pixel_lab_ink", default=None
)


def _lab_ink(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(Lab, ink mask) of an image, computed once per judgment."""
    memo = _LAB_INK.get()
    hit = memo.get(id(rgb)) if memo is not None else None
    if hit is not None and hit[0] is rgb:
        return hit[1], hit[2]
    lab = _lab(rgb)
    ink = _ink(lab, rgb)
    if memo is not None:
        memo[id(rgb)] = (rgb, lab, ink)
    return lab, ink


def _ink(lab: np.ndarray, rgb: np.ndarray, de: float = INK_DE) -> np.ndarray:
    """Pixels that differ from the image's own background colour by more than ``de``."""
    bg = _background(rgb)
    bg_lab = cv2.cvtColor((bg / 255.0).reshape(1, 1, 3).astype(np.float32), cv2.COLOR_RGB2Lab)[0, 0]
    d = cv2.subtract(lab, (float(bg_lab[0]), float(bg_lab[1]), float(bg_lab[2]), 0.0))
    return _sq_norm(d) > de * de


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

    (ref_lab, ref_ink), (cand_lab, cand_ink) = _lab_ink(ref), _lab_ink(cand)
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
    return Diff(regions, de, (dx, dy), (w, h), ref_ink, cand_ink, cand, changed.astype(bool))


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


# --------------------------------------------------------------------------- OCR

#: Where Debian/Ubuntu (tesseract-ocr-eng), Fedora and Homebrew keep ``eng.traineddata``.
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
TESSDATA_GLOB = "/usr/share/tesseract-ocr/*/tessdata"


class _Ocr:
    """Tesseract in-process through tesserocr, one engine per thread (the C API is not thread-safe).

    Missing tesserocr or missing English data is logged once and OCR is off:
    the judge then classifies text by shape alone.
    """

    _local = threading.local()
    _checked: ClassVar[bool] = False
    _path: ClassVar[str | None] = None

    @classmethod
    def available(cls) -> bool:
        if not cls._checked:
            cls._checked = True
            try:
                import tesserocr  # noqa: F401
            except ImportError:
                log.warning("pixel judge: tesserocr is not installed, OCR is off (pip install 'verm[ocr]')")
                return False
            dirs = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS, *sorted(glob.glob(TESSDATA_GLOB))]
            for d in dirs:
                if d and os.path.exists(os.path.join(d, "eng.traineddata")):
                    cls._path = d
                    break
            else:
                log.warning(
                    "pixel judge: no eng.traineddata in %s, OCR is off (apt-get install tesseract-ocr-eng)", dirs
                )
        return cls._path is not None

    @classmethod
    def api(cls) -> Any:
        api = getattr(cls._local, "api", None)
        if api is None:
            import tesserocr

            api = tesserocr.PyTessBaseAPI(path=cls._path, lang="eng", oem=tesserocr.OEM.LSTM_ONLY)
            cls._local.api = api
        return api


def ocr_available() -> bool:
    """True when the pixel judge can read text (tesserocr and English data are installed)."""
    return _Ocr.available()


def read_text(grey: np.ndarray, *, vertical: bool = False, block: bool = False, slant: float = 0.0) -> str | None:
    """Text in a grey crop (dark or light text on a plain background); None when OCR is off.

    The crop is made dark-on-light, upscaled so that a line is ~40 px tall
    (Tesseract reads 10 px glyphs poorly), padded, and read as one line, or as
    a block of lines (``block``). ``vertical`` text (a y-axis label) is turned
    upright first; ``slant`` text (degrees, counter-clockwise: tick labels set
    at 45°) is turned level.
    """
    if not _Ocr.available() or grey.size == 0:
        return None
    import tesserocr

    g = grey
    if vertical:
        g = np.rot90(g, k=-1)
    elif slant:
        h, w = g.shape
        m = cv2.getRotationMatrix2D((w / 2, h / 2), slant, 1.0)
        side = math.ceil(math.hypot(h, w))  # room for the turned crop
        m[:, 2] += ((side - w) / 2, (side - h) / 2)
        g = cv2.warpAffine(g, m, (side, side), flags=cv2.INTER_CUBIC, borderValue=int(np.median(grey)))
        ys = np.nonzero((np.abs(g.astype(np.int16) - int(np.median(grey))) > 40).any(axis=1))[0]
        if ys.size:
            g = g[max(0, ys[0] - 2) : ys[-1] + 3]  # one line tall again, so the upscaling below fits it
    if float(np.median(g)) < 128:  # light text on a dark fill (heatmap cells)
        g = 255 - g
    h = g.shape[0]
    line_h = h if not block else min(h, 24)
    scale = min(4.0, max(1.0, 40.0 / max(line_h, 1)))
    if scale > 1.01:
        g = cv2.resize(g, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    g = cv2.copyMakeBorder(np.ascontiguousarray(g), 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)
    api = _Ocr.api()
    api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK if block else tesserocr.PSM.SINGLE_LINE)
    api.SetImage(Image.fromarray(g))
    text = api.GetUTF8Text() or ""
    _Ocr._local.conf = int(api.MeanTextConf())
    return " ".join(text.replace("|", " ").split()).strip(" _—-~.,'‘’\"")


def _last_conf() -> int:
    """Tesseract's mean word confidence (0-100) for the last `read_text` call on this thread."""
    return int(getattr(_Ocr._local, "conf", 0))


def _levenshtein(a: str, b: str) -> int:
    """Edit distance where swapping two neighbouring characters is one edit (a typo)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


_NUMERIC = re.compile(r"^[+\-−–]?\s?[$€£¥]?\s?[+\-−–]?[\d][\d.,\s]*\s?(%|[A-Za-zµ°]{1,3}\.?)?$")
_NUMBER = re.compile(r"[+\-−–]?\d[\d,]*(?:\.\d+)?")


def is_numeric_change(ref: str, cand: str) -> bool:
    """A difference confined to digits, decimal marks, signs, currency and short units."""
    a, b = ref.strip(), cand.strip()
    if not a or not b or a == b:
        return False
    return bool(_NUMERIC.match(a) and _NUMERIC.match(b))


def _number(s: str) -> float | None:
    m = _NUMBER.search(s)
    if not m:
        return None
    try:
        return float(m.group().replace(",", "").replace("−", "-").replace("–", "-"))
    except ValueError:
        return None


def _text_severity(ref: str, cand: str, numeric: bool) -> int:
    """A typo (up to two characters: one swapped pair) or a read alike up to OCR noise -> 1, a changed
    word -> 2; numbers: sign flip or > 50 % change -> 3, else 2."""
    if numeric:
        a, b = _number(ref), _number(cand)
        if a is not None and b is not None:
            if (a < 0) != (b < 0) and a != 0 and b != 0:
                return 3
            if abs(b - a) > 0.5 * max(abs(a), 1e-9):
                return 3
        return 2
    if not ref or not cand:
        return 2
    return 1 if _levenshtein(ref, cand) <= 2 or _same_read(ref, cand) else 2


# --------------------------------------------------------------------------- normalisation


def _content_box(rgb: np.ndarray) -> tuple[int, int, int, int] | None:
    """Tight box (x0, y0, x1, y1) around everything that is not the image's background colour."""
    # A channel difference of 24 is about ΔE 10-15: cheaper than Lab and enough for a bounding box.
    bg = _background(rgb).astype(np.uint8)
    d0, d1, d2 = cv2.split(cv2.absdiff(rgb, np.full_like(rgb, bg)))
    ink = cv2.max(cv2.max(d0, d1), d2) > 24
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if len(rows) == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


#: The largest content rescale tolerated (±15 %): a re-render at another size, not another picture.
MAX_LOG_RESCALE = math.log(1.15)


def _place(
    src: np.ndarray, rb: PxBox, cbf: tuple[float, ...], f: float, same_canvas: bool, scale: float, size: tuple[int, int]
) -> tuple[np.ndarray, float, float, float]:
    """The candidate's content rescaled by 1/scale and put at the reference's content origin."""
    k = 1.0 / (scale / f) if not same_canvas else 1.0 / scale
    cx0, cy0 = cbf[0] * (f if same_canvas else 1.0), cbf[1] * (f if same_canvas else 1.0)
    m = np.float32([[k, 0, rb[0] - cx0 * k], [0, k, rb[1] - cy0 * k]])
    bg = tuple(float(v) for v in _background(src))
    out = cv2.warpAffine(src, m, size, flags=cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR, borderValue=bg)
    return out, k, cx0, cy0


def _refine_scale(
    ref: np.ndarray, src: np.ndarray, rb: PxBox, cbf: tuple[float, ...], f: float, same_canvas: bool, scale: float
) -> float:
    """Content boxes give the scale to a pixel or two; try ±0.6 % around it and keep the closest fit."""
    size = (ref.shape[1], ref.shape[0])
    best, best_cost = scale, math.inf
    for step in range(-6, 7):
        s = scale * (1 + 0.001 * step)
        placed, *_ = _place(src, rb, cbf, f, same_canvas, s, size)
        cost = _grey_l1(ref, placed)
        if cost < best_cost:
            best, best_cost = s, cost
    return best


def _grey_l1(a: np.ndarray, b: np.ndarray) -> float:
    return float(cv2.norm(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY), cv2.cvtColor(b, cv2.COLOR_RGB2GRAY), cv2.NORM_L1))


@dataclass(frozen=True)
class _Normalised:
    """Both images in the reference's working frame, and how to map boxes back to the candidate."""

    ref: np.ndarray
    cand: np.ndarray
    #: candidate fraction = a * working px + b, per axis (x, then y).
    ax: float
    bx: float
    ay: float
    by: float
    #: Uniform scale applied to the candidate's content (1.0: none), for the log and descriptions.
    scale: float
    stretched: bool


def normalise(
    task: Task, ref_img: Image.Image | np.ndarray, cand_img: Image.Image | np.ndarray, work_side: int = 1024
) -> _Normalised:
    """RGB on white, same size, content trimmed and rescaled (see the module docstring)."""
    ref_full, cand_full = _as_array(ref_img), _as_array(cand_img)
    rh, rw = ref_full.shape[:2]
    ch, cw = cand_full.shape[:2]
    f = min(1.0, work_side / max(rw, rh))
    w, h = max(1, round(rw * f)), max(1, round(rh * f))
    ref = _resize_to(ref_full, w, h)
    same_canvas = abs(cw - rw) <= 1 and abs(ch - rh) <= 1
    same_aspect = abs(math.log((cw / ch) / (rw / rh))) < 0.02
    rb, cb = _content_box(ref), _content_box(_resize_to(cand_full, w, h) if same_canvas else cand_full)
    scale = 1.0
    if rb is not None and cb is not None and not (same_aspect and not same_canvas):
        # Content boxes in original pixels: a uniform ratio of their sizes is a rescale of the content.
        cbf = cb if not same_canvas else tuple(v / f for v in cb)
        sx = (cbf[2] - cbf[0]) / max((rb[2] - rb[0]) / f, 1)
        sy = (cbf[3] - cbf[1]) / max((rb[3] - rb[1]) / f, 1)
        if abs(math.log(sx / sy)) < 0.015 and abs(math.log(sx)) <= MAX_LOG_RESCALE and abs(sx - 1) >= 0.01:
            scale = _refine_scale(
                ref, _resize_to(cand_full, w, h) if same_canvas else cand_full, rb, cbf, f, same_canvas, (sx + sy) / 2
            )
            # Place the candidate's content, rescaled, at the reference's content origin.
            src = cand_full if not same_canvas else _resize_to(cand_full, w, h)
            cand, k, cx0, cy0 = _place(src, rb, cbf, f, same_canvas, scale, (w, h))
            # working px x -> source px (x - tx) / k -> candidate fraction.
            sw, sh = src.shape[1], src.shape[0]
            plain = _resize_to(cand_full, w, h)
            if _grey_l1(ref, plain) <= _grey_l1(ref, cand):
                # Content boxes of unrelated content (noise, a different image) can scale alike by chance:
                # keep the rescale only when it brings the images closer.
                return _Normalised(ref, plain, 1 / w, 0.0, 1 / h, 0.0, 1.0, not same_aspect)
            return _Normalised(
                ref, cand, 1 / (k * sw), -(rb[0] - cx0 * k) / (k * sw), 1 / (k * sh), -(rb[1] - cy0 * k) / (k * sh),
                scale, False,
            )  # fmt: skip
    if same_canvas or same_aspect or task is not Task.TABLE:
        # Same canvas, a plain resize, or (charts, SVG) a stretch that is reported as an aspect change.
        return _Normalised(ref, _resize_to(cand_full, w, h), 1 / w, 0.0, 1 / h, 0.0, 1.0, not same_aspect)
    # Tables are trimmed screenshots: a row or column more or less changes the size. Never stretch;
    # put the candidate at the reference's scale on a canvas of the reference's size, top-left aligned.
    cand_s = _resize_to(cand_full, max(1, round(cw * f)), max(1, round(ch * f)))
    canvas = np.empty_like(ref)
    canvas[:] = _background(cand_s).astype(np.uint8)
    hh, ww = min(h, cand_s.shape[0]), min(w, cand_s.shape[1])
    canvas[:hh, :ww] = cand_s[:hh, :ww]
    return _Normalised(ref, canvas, 1 / cand_s.shape[1], 0.0, 1 / cand_s.shape[0], 0.0, 1.0, False)


# --------------------------------------------------------------------------- layout of the reference


def _long_lines(ink: np.ndarray, frac: float) -> tuple[np.ndarray, np.ndarray]:
    """Masks of thin horizontal and vertical ink lines at least ``frac`` of the image side long.

    Thin: a filled area (a tall bar) has long runs too, but is also thick the other way.
    """
    h, w = ink.shape
    u8 = ink.astype(np.uint8)
    hor = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((1, max(3, int(frac * w))), np.uint8))
    ver = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((max(3, int(frac * h)), 1), np.uint8))
    thick_v = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((7, 1), np.uint8))
    thick_h = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((1, 7), np.uint8))
    return (hor > 0) & (thick_v == 0), (ver > 0) & (thick_h == 0)


def _line_rows(counts: np.ndarray, min_len: float) -> np.ndarray:
    """Indices whose run count is long and which are an edge (a line), not the inside of a filled block."""
    n = len(counts)
    idx = np.nonzero(counts >= min_len)[0]
    keep = []
    for i in idx:
        above = counts[max(0, i - 3)] if i >= 3 else 0
        below = counts[i + 3] if i + 3 < n else 0
        if min(above, below) < 0.5 * counts[i]:
            keep.append(int(i))
    return np.asarray(keep, dtype=np.int64)


def plot_frame(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """The plot area: the box spanned by the long axis lines (spines, grid), or None (a pie, an icon)."""
    h, w = ink.shape
    u8 = ink.astype(np.uint8)
    hor = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((1, max(3, int(0.3 * w))), np.uint8))
    ver = cv2.morphologyEx(u8, cv2.MORPH_OPEN, np.ones((max(3, int(0.3 * h)), 1), np.uint8))
    hr = _line_rows(hor.sum(axis=1), 0.3 * w)
    vc = _line_rows(ver.sum(axis=0), 0.3 * h)
    if len(hr) == 0 and len(vc) == 0:
        return None
    if len(hr):
        y0, y1 = int(hr[0]), int(hr[-1]) + 1
        xs = np.nonzero(hor[hr].any(axis=0))[0]
        x0, x1 = int(xs[0]), int(xs[-1]) + 1
    if len(vc):
        vx0, vx1 = int(vc[0]), int(vc[-1]) + 1
        ys = np.nonzero(ver[:, vc].any(axis=1))[0]
        vy0, vy1 = int(ys[0]), int(ys[-1]) + 1
        if not len(hr):
            x0, x1, y0, y1 = vx0, vx1, vy0, vy1
        else:
            x0, x1 = min(x0, vx0), max(x1, vx1)
            y0, y1 = min(y0, vy0), max(y1, vy1)
    if (x1 - x0) < 0.2 * w or (y1 - y0) < 0.2 * h:
        return None
    return x0, y0, x1, y1


#: Colour difference from the background of faint lines: a style's light grid on a tinted face.
FAINT_DE = 2.5


def chart_frame(rgb: np.ndarray, ink: np.ndarray) -> PxBox | None:
    """A chart's plot area (`plot_frame`); in a style without spines, the box of its faint grid."""
    frame = plot_frame(ink)
    if frame is None:
        frame = plot_frame(_ink(_lab_ink(rgb)[0], rgb, FAINT_DE))
    return frame


@dataclass(frozen=True)
class TableGrid:
    """Row and column rule positions of a bordered table, in working pixels."""

    rows: list[float]
    cols: list[float]

    def row_of(self, y: float) -> int:
        return min(max(int(np.searchsorted(self.rows, y)), 1), len(self.rows) - 1)

    def col_of(self, x: float) -> int:
        return min(max(int(np.searchsorted(self.cols, x)), 1), len(self.cols) - 1)


def _rules(ink: np.ndarray, axis: int, min_fill: float = 0.5) -> list[float]:
    """Positions of long straight rules (table borders) along an axis: 0 -> horizontal rules."""
    fill = ink.mean(axis=1 - axis)
    return _group_positions(np.nonzero(fill >= min_fill)[0])


def _with_edges(rules: list[float], size: int) -> list[float]:
    """Treat the image edges as the outer border when a trimmed screenshot cut it off."""
    if not rules:
        return rules
    if rules[0] > 3:
        rules = [0.0, *rules]
    if rules[-1] < size - 4:
        rules = [*rules, float(size)]
    return rules


def table_grid(rgb: np.ndarray) -> TableGrid | None:
    """Detect a table's grid: horizontal rules span most of the width; vertical rules are the columns
    whose ink runs through most row bands (merged cells break a vertical rule in one row only)."""
    ink = _lab_ink(rgb)[1]
    h, w = ink.shape
    # Rules are unbroken runs; a bold text line can ink half the columns of a row, but with gaps.
    runs = cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN, np.ones((1, max(3, w // 4)), np.uint8)) > 0
    rows = _with_edges(_rules(runs, 0, 0.5), h)
    # A column rule: ink in >= 60 % of the rows, in a thin column (not text: text columns are broken).
    vfill = cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN, np.ones((7, 1), np.uint8)).mean(axis=0)
    cols = _with_edges(_group_positions(np.nonzero(vfill >= 0.6)[0]), w)
    if len(rows) < 2 and len(cols) < 2:
        return None
    if len(rows) < 2:
        rows = [0.0, float(h)]
    if len(cols) < 2:
        cols = [0.0, float(w)]
    return TableGrid(rows=rows, cols=cols)


def _group_positions(idx: np.ndarray) -> list[float]:
    """Centres of runs of indices at most 2 apart (one rule drawn over a few pixel rows)."""
    if len(idx) == 0:
        return []
    groups: list[list[int]] = [[int(idx[0])]]
    for i in idx[1:]:
        if i - groups[-1][-1] <= 2:
            groups[-1].append(int(i))
        else:
            groups.append([int(i)])
    return [sum(g) / len(g) for g in groups]


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


PxBox = tuple[int, int, int, int]


def _chart_location(box: PxBox, frame: PxBox | None, w: int, h: int) -> str:
    """Words for a place in a chart, relative to the plot frame (title, legend, axis, tick labels)."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if frame is None:
        if cy < 0.1 * h:
            return "title"
        return f"{_grid_word(cx / w, cy / h)} of the chart"
    fx0, fy0, fx1, fy1 = frame
    if fx0 <= cx <= fx1 and fy0 <= cy <= fy1:
        return f"plot area, {_grid_word((cx - fx0) / max(fx1 - fx0, 1), (cy - fy0) / max(fy1 - fy0, 1))}"
    if cy < fy0:
        return "title" if (x0 < (fx0 + fx1) / 2 < x1 or abs(cx - (fx0 + fx1) / 2) < 0.15 * w) else "above the plot"
    if cy > fy1 and fx0 - 0.02 * w <= cx <= fx1 + 0.02 * w:
        return "x-axis tick labels" if y0 < fy1 + 0.045 * h else "x-axis label"
    if cx < fx0:
        # Tick labels end at the tick marks; the axis label sits further left, past the widest of them.
        return "y-axis tick labels" if x1 > fx0 - 0.035 * w else "y-axis label"
    if cx > fx1:
        return "legend (right of the plot)"
    return "below the plot"


def _svg_location(box: PxBox, w: int, h: int) -> str:
    cx, cy = (box[0] + box[2]) / 2 / w, (box[1] + box[3]) / 2 / h
    if (box[2] - box[0]) * (box[3] - box[1]) >= 0.6 * w * h:
        return "whole icon"
    return f"{_grid_word(cx, cy)} shape"


def _table_location(grid: TableGrid | None, box: PxBox, w: int, h: int) -> str:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    if grid is None:
        return f"{_grid_word(cx / w, cy / h)} of the table"
    r0, r1 = grid.row_of(box[1] + 1), grid.row_of(box[3] - 1)
    c0, c1 = grid.col_of(box[0] + 1), grid.col_of(box[2] - 1)
    rows = f"row {r0}" if r0 == r1 else f"rows {r0}-{r1}"
    cols = f"column {c0}" if c0 == c1 else f"columns {c0}-{c1}"
    if r0 == 1 and r1 == len(grid.rows) - 1 and r1 > 1:
        return f"{cols} (all rows)"
    if c0 == 1 and c1 == len(grid.cols) - 1 and c1 > 1:
        return f"{rows} (all columns)"
    _ = cy, cx
    return f"{rows}, {cols}"


# --------------------------------------------------------------------------- classification


_CATS: dict[Task, dict[str, str]] = {
    Task.CHART: {
        "style": "style_error",
        "text": "text_error",
        "numeric": "text_error",
        "structure": "structure_error",
        "small_presence": "data_error",
        "geometry": "data_error",
        "aspect": "structure_error",
        "moved": "style_error",
    },
    Task.SVG: {
        "style": "style_error",
        "text": "text_symbol_error",
        "numeric": "text_symbol_error",
        "structure": "structure_error",
        "small_presence": "structure_error",
        "geometry": "shape_error",
        "aspect": "structure_error",
        "moved": "shape_error",
    },
    Task.TABLE: {
        "style": "layout_error",
        "text": "text_error",
        "numeric": "numeric_error",
        "structure": "layout_error",
        "small_presence": "layout_error",
        "geometry": "layout_error",
        "aspect": "layout_error",
        "moved": "layout_error",
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


def _colour_only(r: Region) -> bool:
    inked = r.changed_both_ink + r.changed_ref_only + r.changed_cand_only
    colour_diff = _rgb_de(r.ref_colour, r.cand_colour)
    if r.changed_no_ink >= 0.7 * (inked + r.changed_no_ink):
        # Mostly pixels that are ink in neither image: a background or faint fill changed tint.
        return colour_diff > INK_DE / 2
    return r.ink_iou >= 0.8 and r.changed_both_ink >= 0.6 * inked and colour_diff > 2 * INK_DE


def _presence(r: Region) -> str | None:
    """'missing' or 'extra' when most changed ink is on one side only."""
    inked = r.changed_both_ink + r.changed_ref_only + r.changed_cand_only
    if inked and max(r.changed_ref_only, r.changed_cand_only) >= 0.75 * inked:
        return "missing" if r.changed_ref_only > r.changed_cand_only else "extra"
    return None


def classify(task: Task, r: Region, h: int, w: int) -> tuple[str, str]:
    """(category, kind) of a region by its pixels alone; kind is colour | text | missing | extra | geometry.

    The judge refines this with OCR, the plot frame, moved blocks and grouping.
    """
    cats = _CATS[task]
    cover = r.box_area / float(h * w)
    text = _looks_like_text(r, h)
    if _colour_only(r):
        if task is Task.TABLE:
            return (cats["text"] if text else cats["style"]), "colour"
        return cats["style"], "colour"
    if text:
        return cats["text"], "text"
    kind = _presence(r)
    if kind:
        return (cats["structure"] if cover >= 0.08 else cats["small_presence"]), kind
    return cats["geometry"], "geometry"


def severity(r: Region, kind: str, h: int, w: int) -> int:
    """Severity of an unexplained region by its size (rule in the module docstring)."""
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
    """One sentence about a region by its pixels."""
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


def _area_severity(box: PxBox, h: int, w: int) -> int:
    """Missing/extra element: box >= 2 % of the image -> 3, >= 0.2 % -> 2, else 1."""
    cover = (box[2] - box[0]) * (box[3] - box[1]) / float(h * w)
    return 3 if cover >= 0.02 else (2 if cover >= 0.002 else 1)


def _union(boxes: list[PxBox]) -> PxBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _inside(box: PxBox, frame: PxBox | None, margin: int = 0) -> bool:
    if frame is None:
        return False
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return frame[0] - margin <= cx <= frame[2] + margin and frame[1] - margin <= cy <= frame[3] + margin


@dataclass
class _Item:
    """One discrepancy in the making (working pixels, reference frame)."""

    category: str
    severity: int
    box: PxBox
    description: str
    kind: str
    location: str = ""
    colours: tuple[tuple[int, int, int], tuple[int, int, int]] | None = None  # a recolouring's (old, new)


@dataclass
class _Ctx:
    task: Task
    ref: np.ndarray
    cand: np.ndarray  # aligned to the reference
    ref_ink: np.ndarray
    cand_ink: np.ndarray
    frame: PxBox | None
    grid: TableGrid | None
    ocr_calls: int = 0
    transform_searches: int = 0  # `_svg_transformed` runs, bounded by SVG_TRANSFORM_SEARCHES
    last_conf: int = 0
    ref_grey: np.ndarray = None  # type: ignore[assignment]
    cand_grey: np.ndarray = None  # type: ignore[assignment]
    axis_fit: Any = field(default=None, repr=False)  # `_axis_fit`'s answer, once asked (a 1-tuple)
    word_moves: Any = field(default=None, repr=False)  # `_word_moves`' answer, once asked
    cand_frame: Any = field(default=None, repr=False)  # `_cand_frame`'s answer, once asked (a 1-tuple)

    def __post_init__(self) -> None:
        self.ref_grey = cv2.cvtColor(self.ref, cv2.COLOR_RGB2GRAY).astype(np.float32)
        self.cand_grey = cv2.cvtColor(self.cand, cv2.COLOR_RGB2GRAY).astype(np.float32)

    @property
    def h(self) -> int:
        return self.ref.shape[0]

    @property
    def w(self) -> int:
        return self.ref.shape[1]


# --------------------------------------------------------------------------- elements (missing parts, hacks)


@dataclass(frozen=True)
class _Element:
    box: PxBox
    ink: int
    missing: float  # fraction of its ink with no candidate ink within 1 px


def _elements(c: _Ctx) -> list[_Element]:
    """The reference's elements: connected groups of ink (glyphs of a word, a bar, a line, the grid)."""
    side = min(c.h, c.w)
    r = max(2, round(0.006 * side))
    # Long straight lines (axes, grid, table rules) are one element of their own; without them
    # tick labels, bars and words do not all hang together through the frame.
    hor, ver = _long_lines(c.ref_ink, 0.3)
    lines = hor | ver
    rest = (c.ref_ink & ~lines).astype(np.uint8)
    grouped = cv2.dilate(rest, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1)))
    grouped[lines] = 0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grouped, connectivity=8)
    if lines.any():
        labels[lines] = n
        ys, xs = np.nonzero(lines)
        # Same layout as connectedComponentsWithStats' stats: x, y, width, height, area (the dilation
        # margin r is added, as for the other components, and taken off below).
        line_stat = [xs.min() - r, ys.min() - r, xs.max() - xs.min() + 1 + 2 * r, ys.max() - ys.min() + 1 + 2 * r, 0]
        stats = np.vstack([stats, np.array(line_stat, dtype=stats.dtype)])
        n += 1
    if n <= 1:
        return []
    cand_ink = c.cand_ink
    if c.task is Task.TABLE:
        # A table's rules cross where the reference had text when rows collapse: rules reproduce no text.
        h_c, v_c = _long_lines(cand_ink, 0.3)
        cand_ink = cand_ink & ~(h_c | v_c)
    near_cand = cv2.dilate(cand_ink.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    ink_count = np.bincount(labels[c.ref_ink], minlength=n)
    miss_count = np.bincount(labels[c.ref_ink & ~near_cand], minlength=n)
    min_ink = max(4, round(2e-5 * c.h * c.w))
    out = []
    for i in range(1, n):
        if ink_count[i] < min_ink:
            continue
        x, y, bw, bh, _ = (int(v) for v in stats[i])
        # The dilation grew the box by r on each side; give the element its own extent back.
        box = (
            min(x + r, x + bw // 2),
            min(y + r, y + bh // 2),
            max(x + bw - r, x + bw // 2 + 1),
            max(y + bh - r, y + bh // 2 + 1),
        )
        out.append(_Element(box, int(ink_count[i]), float(miss_count[i]) / float(ink_count[i])))
    return out


def _element_item(c: _Ctx, e: _Element, why: str) -> _Item:
    cats = _CATS[c.task]
    x0, y0, x1, y1 = e.box
    # A text line: short against the image (a chart) or a line of text in absolute terms (a table row).
    short = (y1 - y0) <= max(0.05 * c.h, 24) or (x1 - x0) <= max(0.05 * c.w, 24)
    big = (x1 - x0) * (y1 - y0) >= 0.3 * c.h * c.w
    if c.task is Task.CHART:
        if _inside(e.box, c.frame) and not big:
            cat = "data_error"
        elif short and not big:
            cat = "text_error"
        else:
            cat = "structure_error"
    elif c.task is Task.TABLE:
        cat = "text_error" if short and not big else "layout_error"
    else:
        cat = cats["structure"]
    return _Item(cat, _area_severity(e.box, c.h, c.w), e.box, why, "element")


def _table_rows_missing(c: _Ctx, e: _Element) -> list[_Item]:
    """The grid of a table is one element; a candidate without it lost every row's borders: one per row."""
    g = c.grid
    if g is None or len(g.rows) < 3:
        return [_element_item(c, e, "The table's grid lines are missing in the candidate.")]
    out = []
    for k in range(1, len(g.rows)):
        box = (e.box[0], int(g.rows[k - 1]), e.box[2], max(int(g.rows[k - 1]) + 1, int(g.rows[k])))
        out.append(_Item("layout_error", 2, box, f"The borders of row {k} are missing in the candidate.", "element"))
    return out


# --------------------------------------------------------------------------- OCR of regions


def _line_box(c: _Ctx, box: PxBox, pad: int = 3) -> PxBox:
    """Grow a text region to the whole text line (so a changed letter is read with its word)."""
    x0, y0, x1, y1 = box
    ink = c.ref_ink | c.cand_ink
    if c.grid is None and _beside_plot(c, box):
        # A rotated label (a y-axis label) runs down the image: grown that way, it is a tall column.
        ty0, tx0, ty1, tx1 = _grow_line(ink.T, (y0, x0, y1, x1), 0, c.h)
        if (y1 - y0) > 1.6 * (x1 - x0) or ty1 - ty0 > 1.6 * (tx1 - tx0):
            return max(0, tx0 - pad), max(0, ty0 - pad), min(c.w, tx1 + pad), min(c.h, ty1 + pad)
    limit_l, limit_r = 0, c.w
    if c.grid is not None:  # stay inside the cell
        k = c.grid.col_of((x0 + x1) / 2)
        limit_l, limit_r = int(c.grid.cols[k - 1]) + 2, int(c.grid.cols[k]) - 1
    elif c.frame is not None and _inside(box, c.frame):
        limit_l, limit_r = c.frame[0] + 2, c.frame[2] - 2
    elif c.frame is not None and x1 <= c.frame[0]:
        limit_r = max(x1, c.frame[0] - 3)  # a y tick label: not on through its tick mark into the plot
    elif c.frame is not None and x0 >= c.frame[2]:
        limit_l = min(x0, c.frame[2] + 3)
    nx0, ny0, nx1, ny1 = _grow_line(ink, box, limit_l, limit_r)
    if c.grid is not None:
        k = c.grid.row_of((y0 + y1) / 2)
        ny0, ny1 = max(ny0 - pad, int(c.grid.rows[k - 1]) + 2), min(ny1 + pad, int(c.grid.rows[k]) - 1)
        return max(nx0 - pad, limit_l), ny0, min(nx1 + pad, limit_r), max(ny1, ny0 + 1)
    return max(0, nx0 - pad), max(0, ny0 - pad), min(c.w, nx1 + pad), min(c.h, ny1 + pad)


def _beside_plot(c: _Ctx, box: PxBox) -> bool:
    """A narrow box left or right of a chart's plot frame, where axis labels are set rotated."""
    if c.frame is None or box[2] - box[0] > 0.06 * c.w:
        return False
    return box[2] <= c.frame[0] + 2 or box[0] >= c.frame[2] - 2


def _grow_line(ink: np.ndarray, box: PxBox, limit_l: int, limit_r: int) -> PxBox:
    """``box`` grown along x over ink gaps under 0.8 of its height (between ``limit_l`` and
    ``limit_r``: the line's words), then along y while the rows stay inked (by at most its height)."""
    x0, y0, x1, y1 = box
    h = ink.shape[0]
    bh = max(y1 - y0, 4)
    gap = max(4, int(0.8 * bh))
    cols = ink[max(0, y0 - 1) : y1 + 1].any(axis=0)
    x = x0
    while x > limit_l:
        seg = cols[max(limit_l, x - gap) : x]
        hits = np.nonzero(seg)[0]
        if len(hits) == 0:
            break
        x = max(limit_l, x - gap) + int(hits[0])
    nx0 = x
    x = x1
    while x < limit_r:
        seg = cols[x : min(limit_r, x + gap)]
        hits = np.nonzero(seg)[0]
        if len(hits) == 0:
            break
        x = x + int(hits[-1]) + 1
    nx1 = x
    rows = ink[:, nx0:nx1].any(axis=1)
    ny0, ny1 = y0, y1
    while ny0 > 0 and rows[ny0 - 1] and y0 - ny0 < bh:
        ny0 -= 1
    while ny1 < h and rows[ny1] and ny1 - y1 < bh:
        ny1 += 1
    return nx0, ny0, nx1, ny1


def _read_pair(c: _Ctx, box: PxBox, block: bool = False) -> tuple[str, str] | None:
    x0, y0, x1, y1 = box
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    vertical = (y1 - y0) > 1.6 * (x1 - x0) and not block
    slant = 0.0 if vertical or block else _slant((c.ref_ink | c.cand_ink)[y0:y1, x0:x1])
    rg = cv2.cvtColor(np.ascontiguousarray(c.ref[y0:y1, x0:x1]), cv2.COLOR_RGB2GRAY)
    cg = cv2.cvtColor(np.ascontiguousarray(c.cand[y0:y1, x0:x1]), cv2.COLOR_RGB2GRAY)
    if c.task is Task.CHART:
        # A legend swatch (or a bar's end) beside the words: Tesseract reads a filled patch as junk and
        # loses confidence in the whole line. Patches thicker than any glyph stroke are blanked.
        for g, ink in ((rg, c.ref_ink), (cg, c.cand_ink)):
            solid = _solid_patches(ink[y0:y1, x0:x1])
            if solid.any():
                g[solid] = int(np.median(g))
    # A side with no ink in the box has no text: Tesseract, given a blank crop, makes some up.
    inked = [int(ink[y0:y1, x0:x1].sum()) >= 5 for ink in (c.ref_ink, c.cand_ink)]
    a = read_text(rg, vertical=vertical, block=block, slant=slant) if inked[0] else ""
    if a is None or not _Ocr.available():
        return None
    conf_a = _last_conf() if a else 100
    b = (read_text(cg, vertical=vertical, block=block, slant=slant) or "") if inked[1] else ""
    conf_b = _last_conf() if b else 100
    c.ocr_calls += 2
    c.last_conf = min(conf_a, conf_b)
    return a, b


def _slant(ink: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise) of text set on a slant, from its ink's principal axis;
    0 for level or upright text, or ink not drawn out along one line."""
    mo = cv2.moments(ink.astype(np.uint8), binaryImage=True)
    if mo["m00"] < 20:
        return 0.0
    mu20, mu02, mu11 = mo["mu20"] / mo["m00"], mo["mu02"] / mo["m00"], mo["mu11"] / mo["m00"]
    spread = math.hypot(mu20 - mu02, 2 * mu11)
    major, minor = (mu20 + mu02 + spread) / 2, (mu20 + mu02 - spread) / 2
    # A line of text is long and thin: its ink spreads > 2 times as far along it as across.
    if minor <= 0 or major < 2.0**2 * minor:
        return 0.0
    theta = math.degrees(0.5 * math.atan2(2 * mu11, mu20 - mu02))  # image axes: y grows down
    return theta if 20 <= abs(theta) <= 70 else 0.0


#: Tesseract's mean word confidence below which a read is not trusted as text.
MIN_OCR_CONF = 55


def _alnum(s: str) -> int:
    return sum(ch.isalnum() for ch in s)


def _shift_explained(c: _Ctx, r: Region) -> bool:
    """True when the region is the same content moved by a few pixels (a layout reflow, not an error).

    The reference patch is searched in the candidate within ±2 % of the image side, and the
    candidate patch in the reference: both must match far better than in place.
    """
    if r.box_area > 0.1 * c.h * c.w:
        return False
    if c.task is Task.CHART and not _inside(r.bbox, c.frame, 2) and (_same_ink_moved(c, r) or _words_moved(c, r)):
        return True  # a label the layout moved; a mark moved inside the plot is a data change
    # Labels outside the plot move further when the plot is resized than marks inside it.
    R = max(3, round((0.02 if _inside(r.bbox, c.frame) else 0.04) * min(c.h, c.w)))
    x0, y0, x1, y1 = r.bbox
    x0, y0, x1, y1 = max(0, x0 - 1), max(0, y0 - 1), min(c.w, x1 + 1), min(c.h, y1 + 1)
    sx0, sy0, sx1, sy1 = max(0, x0 - R), max(0, y0 - R), min(c.w, x1 + R), min(c.h, y1 + R)
    for a, b in ((c.ref_grey, c.cand_grey), (c.cand_grey, c.ref_grey)):
        t = a[y0:y1, x0:x1]
        if float(t.std()) < 8:  # a flat patch matches anywhere: nothing to locate
            return False
        res = cv2.matchTemplate(b[sy0:sy1, sx0:sx1], t, cv2.TM_SQDIFF)
        in_place = float(res[y0 - sy0, x0 - sx0])
        best = float(res.min())
        if best > 0.15 * in_place or best / t.size > 150:
            return False
    return True


def _same_ink_moved(c: _Ctx, r: Region) -> bool:
    """The region holds the same ink in both images, placed elsewhere within it: a label (a title, a
    row of tick labels) the layout moved, however far. Both ink boxes have one size (within 1 px)
    and their pixels agree once each is centred on the pixel grid."""
    x0, y0, x1, y1 = r.bbox
    ra, ca = _cell_ink_box(c.ref_ink[y0:y1, x0:x1]), _cell_ink_box(c.cand_ink[y0:y1, x0:x1])
    if ra is None or ca is None or ra[:2] == ca[:2]:
        return False
    if abs((ra[2] - ra[0]) - (ca[2] - ca[0])) > 1 or abs((ra[3] - ra[1]) - (ca[3] - ca[1])) > 1:
        return False
    a = c.ref_grey[y0 + ra[1] : y0 + ra[3], x0 + ra[0] : x0 + ra[2]].astype(np.uint8)
    b = c.cand_grey[y0 + ca[1] : y0 + ca[3], x0 + ca[0] : x0 + ca[2]].astype(np.uint8)
    return min(a.shape) >= 4 and _shifted_diff(_canonical_crop(a), _canonical_crop(b)) < SAME_INK_MOVED


@dataclass(frozen=True)
class _Words:
    """One image's words outside the plot frame (ink joined across gaps under ~0.8 % of the width)."""

    labels: np.ndarray  # word id per ink pixel, 0 elsewhere
    ids: list[int]
    boxes: list[PxBox]  # each word's ink box
    moved: set[int] = field(default_factory=set)  # positions in `ids` of words the layout moved


def _outside_words(c: _Ctx, ink: np.ndarray) -> _Words:
    kw = max(3, round(0.008 * c.w))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(
        cv2.dilate(ink.astype(np.uint8), np.ones((3, kw), np.uint8)), connectivity=8
    )
    labels[~ink] = 0  # a word is its ink, not the dilation's margin
    inner = _pad_box(c.frame, -3, c) if c.frame is not None else None
    ids, boxes = [], []
    for k in range(1, n):
        x, y, w, h = (int(v) for v in stats[k, :4])
        if inner is not None and _box_overlap((x, y, x + w, y + h), inner) > 0:
            continue  # marks, grid and the frame itself (with its tick marks) are not words
        mine = labels[y : y + h, x : x + w] == k
        if mine.any():
            ids.append(k)
            boxes.append(_mask_box(mine, x, y))
    return _Words(labels, ids, boxes)


def _cand_frame(c: _Ctx) -> PxBox | None:
    """The candidate's own plot frame (once per judgment)."""
    if c.cand_frame is None:
        c.cand_frame = (chart_frame(c.cand, c.cand_ink),)
    return c.cand_frame[0]  # type: ignore[no-any-return]


def _box_area(b: PxBox | None) -> int:
    return 0 if b is None else (b[2] - b[0]) * (b[3] - b[1])


def _box_overlap(a: PxBox, b: PxBox) -> int:
    return max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))


def _word_moves(c: _Ctx) -> tuple[_Words, _Words]:
    """Words outside the plot that the layout moved, per image (once per judgment).

    A word matches one of the other image's words of the same size (within 1 px) and ink, moved by
    at most 10 % of the side across and 4 % up or down (the nearest such word). Along the axis it
    labels, it must move as the plot frame moved: a word above or below the plot keeps its place on
    the x-axis (the reference frame's x span mapped onto the candidate's, within 2 px), a word left
    or right of it its place on the y-axis, so tick labels moving along an unchanged axis (new
    limits) stay changes. Matches also keep their order along each row and column: two labels that
    traded places stay changes.
    """
    if c.word_moves is not None:
        return c.word_moves  # type: ignore[no-any-return]
    ref, cand = _outside_words(c, c.ref_ink), _outside_words(c, c.cand_ink)
    c.word_moves = (ref, cand)
    rf = c.frame
    if rf is None or max(len(ref.ids), len(cand.ids)) > 400:
        return c.word_moves  # no frame, or noise rather than words: the matching below is quadratic
    cf = _cand_frame(c) or rf
    side = min(c.h, c.w)

    def keeps_axis_place(a: PxBox, b: PxBox) -> bool:
        for lo, hi in ((0, 2), (1, 3)):  # x, then y
            mid = (a[lo] + a[hi]) / 2
            if rf[lo] <= mid <= rf[hi]:
                mapped = cf[lo] + (mid - rf[lo]) * (cf[hi] - cf[lo]) / max(1, rf[hi] - rf[lo])
                if abs((b[lo] + b[hi]) / 2 - mapped) > 2:
                    return False
        return True

    def crop(grey: np.ndarray, box: PxBox) -> np.ndarray:
        return _canonical_crop(grey[box[1] : box[3], box[0] : box[2]].astype(np.uint8))

    cand_crops: dict[int, np.ndarray] = {}
    pairs: list[tuple[int, int]] = []
    taken: set[int] = set()
    for i, a in enumerate(ref.boxes):
        aw, ah = a[2] - a[0], a[3] - a[1]
        if min(aw, ah) < 4:
            continue
        near = sorted(
            (abs(b[0] - a[0]) + abs(b[1] - a[1]), j)
            for j, b in enumerate(cand.boxes)
            if j not in taken
            and abs((b[2] - b[0]) - aw) <= 1 and abs((b[3] - b[1]) - ah) <= 1
            and abs(b[0] - a[0]) <= 0.1 * side and abs(b[1] - a[1]) <= 0.04 * side
            and b[:2] != a[:2]  # a word that did not move is no move (its ink may have changed)
            and keeps_axis_place(a, b)
        )  # fmt: skip
        if not near:
            continue
        ca = crop(c.ref_grey, a)
        for _, j in near:
            if j not in cand_crops:
                cand_crops[j] = crop(c.cand_grey, cand.boxes[j])
            if _shifted_diff(ca, cand_crops[j]) < SAME_INK_MOVED:
                pairs.append((i, j))
                taken.add(j)
                break
    bad: set[tuple[int, int]] = set()
    for p in pairs:
        for q in pairs:
            a, b, a2, b2 = ref.boxes[p[0]], ref.boxes[q[0]], cand.boxes[p[1]], cand.boxes[q[1]]
            same_row = min(a[3], b[3]) > max(a[1], b[1])
            same_col = min(a[2], b[2]) > max(a[0], b[0])
            if (same_row and (a[0] < b[0]) != (a2[0] < b2[0])) or (same_col and (a[1] < b[1]) != (a2[1] < b2[1])):
                bad.update((p, q))
    for i, j in pairs:
        if (i, j) not in bad:
            ref.moved.add(i)
            cand.moved.add(j)
    return c.word_moves


def _words_moved(c: _Ctx, r: Region) -> bool:
    """Every word the region touches (either image) is a word the layout moved (`_word_moves`): a
    row of tick labels spread or squeezed with the plot that the layout resized, a title re-centred
    over it."""
    x0, y0, x1, y1 = r.bbox
    seen = 0
    for words in _word_moves(c):
        touched = np.unique(words.labels[y0:y1, x0:x1])
        for pos, k in enumerate(words.ids):
            if k in touched:
                if pos not in words.moved:
                    return False
                seen += 1
    if seen == 0 and c.frame is not None and r.box_area < 1e-3 * c.h * c.w:
        # No word, just beside the frame: tick marks, which move with a frame the layout moved.
        cf = _cand_frame(c)
        return cf is not None and cf != c.frame and _inside(r.bbox, _pad_box(c.frame, round(0.015 * c.w), c))
    return seen > 0


def _q(s: str, limit: int = 60) -> str:
    return repr(s if len(s) <= limit else s[: limit - 1] + "…")


# --------------------------------------------------------------------------- regions -> items


def _moved_pairs(c: _Ctx, regions: list[Region]) -> list[tuple[int, int]]:
    """Pairs (i, j): what the reference shows at region i, the candidate shows at region j (a moved block)."""
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    rg = cv2.cvtColor(c.ref, cv2.COLOR_RGB2GRAY)
    cg = cv2.cvtColor(c.cand, cv2.COLOR_RGB2GRAY)
    for i, a in enumerate(regions):
        if i in used or a.changed_ref_only < 0.3 * max(a.area, 1) or a.ref_ink < 20:
            continue
        for j, b in enumerate(regions):
            if j == i or j in used or b.changed_cand_only < 0.3 * max(b.area, 1):
                continue
            if not (0.6 < b.width / max(a.width, 1) < 1.6 and 0.6 < b.height / max(a.height, 1) < 1.6):
                continue
            # Compare the union-size windows centred on each box: the same block, elsewhere?
            bw, bh = max(a.width, b.width) + 4, max(a.height, b.height) + 4
            ca = ((a.bbox[0] + a.bbox[2]) // 2, (a.bbox[1] + a.bbox[3]) // 2)
            cb = ((b.bbox[0] + b.bbox[2]) // 2, (b.bbox[1] + b.bbox[3]) // 2)
            wa = _window(rg, ca, bw, bh)
            wb = _window(cg, cb, bw, bh)
            if wa is None or wb is None:
                continue
            res = cv2.matchTemplate(_pad_to(wb, 6), wa, cv2.TM_CCOEFF_NORMED)
            if float(res.max()) >= 0.7:
                out.append((i, j))
                used.update((i, j))
                break
    if c.task is Task.CHART:
        out.extend(_moved_over_marks(c, regions, used, rg, cg))
        out.extend((k, j) for i, j in list(out) for k in _moved_along(c, regions, used, i, j, cg))
    return out


def _moved_over_marks(
    c: _Ctx, regions: list[Region], used: set[int], rg: np.ndarray, cg: np.ndarray
) -> list[tuple[int, int]]:
    """Blocks (a legend) moved over plotted marks: the changed region at either end mixes the block
    with the marks it now hides or no longer hides, so the two regions differ in size. The block
    itself, searched for in the whole candidate, is found at the other region."""
    out: list[tuple[int, int]] = []
    side = min(c.h, c.w)
    for i, a in enumerate(regions):
        if i in used or a.changed_ref_only < 0.3 * max(a.area, 1) or a.ref_ink < 20 or min(a.width, a.height) < 12:
            continue
        x0, y0, x1, y1 = a.bbox
        tpl = np.ascontiguousarray(rg[y0:y1, x0:x1])
        if float(tpl.std()) < 3:
            continue
        res = cv2.matchTemplate(cg, tpl, cv2.TM_CCOEFF_NORMED)
        _, score, _, (mx, my) = cv2.minMaxLoc(res)
        if score < MOVED_MATCH or math.hypot(mx - x0, my - y0) < 0.05 * side:
            continue
        dest = (mx, my, mx + (x1 - x0), my + (y1 - y0))
        for j, b in enumerate(regions):
            if j != i and j not in used and _box_iou(dest, b.bbox) > 0.0 and _covers(b.bbox, _pad_box(dest, -2, c)):
                out.append((i, j))
                used.update((i, j))
                break
    return out


def _moved_along(c: _Ctx, regions: list[Region], used: set[int], i: int, j: int, cg: np.ndarray) -> list[int]:
    """Other pieces of the block that moved from region i to region j: a legend's swatches and labels
    can be separate regions where it was and where it went (there, maybe merged with the marks it
    now covers). A piece is found where the block's move takes it (within 6 px); the regions it
    lands on are returned too."""
    a, b = regions[i].bbox, _pad_box(regions[j].bbox, 6, c)
    piece = c.ref_grey[a[1] : a[3], a[0] : a[2]].astype(np.uint8)
    if piece.shape[0] > b[3] - b[1] or piece.shape[1] > b[2] - b[0]:
        return []
    _, _, _, (mx, my) = cv2.minMaxLoc(cv2.matchTemplate(cg[b[1] : b[3], b[0] : b[2]], piece, cv2.TM_CCOEFF_NORMED))
    dx, dy = b[0] + mx - a[0], b[1] + my - a[1]  # the block's move
    out: list[int] = []
    for k, r in enumerate(regions):
        if k in used or r.changed_ref_only < 0.3 * max(r.area, 1) or r.ref_ink < 5:
            continue
        rx0, ry0, rx1, ry1 = r.bbox
        x0, y0, x1, y1 = _pad_box((rx0 + dx, ry0 + dy, rx1 + dx, ry1 + dy), 6, c)
        tpl = c.ref_grey[ry0:ry1, rx0:rx1].astype(np.uint8)
        if x1 - x0 < rx1 - rx0 or y1 - y0 < ry1 - ry0 or float(tpl.std()) < 3:
            continue
        _, score, _, (mx, my) = cv2.minMaxLoc(cv2.matchTemplate(cg[y0:y1, x0:x1], tpl, cv2.TM_CCOEFF_NORMED))
        if score < MOVED_MATCH:
            continue
        there = (x0 + mx, y0 + my, x0 + mx + rx1 - rx0, y0 + my + ry1 - ry0)
        landed = [m for m, q in enumerate(regions) if m not in used and m != k and _box_iou(there, q.bbox) > 0]
        out += [k, *landed]
        used.update([k, *landed])
    return out


def _window(g: np.ndarray, centre: tuple[int, int], bw: int, bh: int) -> np.ndarray | None:
    x0, y0 = centre[0] - bw // 2, centre[1] - bh // 2
    if x0 < 0 or y0 < 0 or x0 + bw > g.shape[1] or y0 + bh > g.shape[0]:
        x0, y0 = min(max(x0, 0), max(g.shape[1] - bw, 0)), min(max(y0, 0), max(g.shape[0] - bh, 0))
    win = g[y0 : y0 + bh, x0 : x0 + bw]
    if win.size == 0 or float(win.std()) < 3:
        return None
    return np.ascontiguousarray(win)


def _pad_to(g: np.ndarray, m: int) -> np.ndarray:
    return cv2.copyMakeBorder(g, m, m, m, m, cv2.BORDER_REPLICATE)


def _tick_axis(c: _Ctx, r: Region) -> str | None:
    """'x' or 'y' when a region sits where that axis's tick labels are (just outside the frame)."""
    if c.frame is None:
        return None
    fx0, fy0, fx1, fy1 = c.frame
    x0, y0, x1, y1 = r.bbox
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if cy > fy1 and y0 <= fy1 + 0.06 * c.h and fx0 - 0.04 * c.w < cx < fx1 + 0.04 * c.w and r.height < 0.08 * c.h:
        return "x"
    short = r.height < 0.2 * c.h
    # A column of y tick labels changed as one region (a log axis: every label new), reaching the frame.
    column = r.width < 0.12 * c.w and y0 >= fy0 - 0.03 * c.h and y1 <= fy1 + 0.08 * c.h and x1 >= fx0 - 0.02 * c.w
    if cx < fx0 and x0 >= fx0 - 0.15 * c.w and fy0 - 0.03 * c.h < cy < fy1 + 0.03 * c.h and (short or column):
        return "y"
    if cx > fx1 and x1 <= fx1 + 0.15 * c.w and fy0 - 0.03 * c.h < cy < fy1 + 0.03 * c.h and short:
        return "y2"
    return None


def _text_candidate(c: _Ctx, r: Region) -> bool:
    """Worth reading: thin strokes in a short band (or a narrow column, for rotated labels)."""
    if r.ink_union == 0 or r.stroke_ratio < 0.3:
        return False
    if c.task is Task.CHART and _inside(r.bbox, c.frame, -3) and not _looks_like_text(r, c.h):
        return False
    short = r.height <= 0.1 * c.h
    narrow = r.width <= 0.06 * c.w and r.height <= 0.5 * c.h
    return short or narrow


def _solid_patches(ink: np.ndarray) -> np.ndarray:
    """The ink of the connected pieces that a 5x5 erosion leaves a third of: filled patches, not
    glyphs (whose strokes are a few pixels wide), grown by 1 px to take their anti-aliased rims."""
    u8 = ink.astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(u8, connectivity=8)
    if n <= 1:
        return np.zeros_like(ink)
    kept = np.bincount(labels[cv2.erode(u8, np.ones((5, 5), np.uint8)).astype(bool)], minlength=n)
    solid_ids = np.nonzero(kept[1:] >= stats[1:, cv2.CC_STAT_AREA] / 3)[0] + 1
    if solid_ids.size == 0:
        return np.zeros_like(ink)
    return cv2.dilate(np.isin(labels, solid_ids).astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)


def _text_item(c: _Ctx, r: Region) -> _Item | None:
    """OCR both images over the region's text line; an item when the words differ, else None."""
    box = _line_box(c, r.bbox, pad=0)
    pair = _read_pair(c, _pad_box(box, 3, c) if c.grid is None else _line_box(c, r.bbox))
    if pair is None:
        return None
    a, b = pair
    if a == b or (not a and not b):
        return None
    # Tesseract reads lines, markers and bar edges as junk words: trust only confident, wordy reads.
    if c.last_conf < MIN_OCR_CONF or max(_alnum(a), _alnum(b)) < 2:
        return None
    if not (a and b):
        if max((_alnum(t) for t in (a or b).split()), default=0) < 3:
            return None  # text on one side only must hold a word: markers and bar edges read as "e e", "es"
        if _drawn_elsewhere(c, box, in_ref=bool(a)):
            return None  # not text gone or new but text moved (a label that moved with its legend or slice)
    if _levenshtein(a.lower(), b.lower()) == 0:
        sev, numeric = 1, False
    else:
        numeric = c.task is Task.TABLE and is_numeric_change(a, b)
        sev = _text_severity(a, b, numeric)
    cat = _CATS[c.task]["numeric" if numeric else "text"]
    if not a:
        desc = f"The candidate has text {_q(b)} where the reference has none."
    elif not b:
        desc = f"The text {_q(a)} is missing in the candidate."
    else:
        what = "number" if numeric else "text"
        desc = f"The {what} reads {_q(b)} in the candidate instead of {_q(a)}."
    return _Item(cat, sev, box, desc, "text")


def _drawn_elsewhere(c: _Ctx, box: PxBox, in_ref: bool) -> bool:
    """The ink one image shows in ``box`` is drawn somewhere in the other image: it moved rather
    than appeared or vanished. Compared on the glyphs' cores only (a label moved over plotted marks
    keeps its glyphs, not their background): mean squared grey difference under 35² over them."""
    x0, y0, x1, y1 = box
    ink = (c.ref_ink if in_ref else c.cand_ink)[y0:y1, x0:x1]
    ib = _cell_ink_box(ink)
    if ib is None or min(ib[2] - ib[0], ib[3] - ib[1]) < 4:
        return False
    grey, other = (c.ref_grey, c.cand_grey) if in_ref else (c.cand_grey, c.ref_grey)
    crop = grey[y0 + ib[1] : y0 + ib[3], x0 + ib[0] : x0 + ib[2]]
    # The glyphs' cores only: their anti-aliased rims take the colour of whatever lies beneath.
    # (Pixels the glyphs cover nearly whole: within a quarter of the way from the text's extreme
    # grey to the background.)
    bg = float(np.median(crop))
    extreme = float(crop.min() if abs(float(crop.min()) - bg) >= abs(float(crop.max()) - bg) else crop.max())
    if abs(extreme - bg) < 100:
        return False  # faint text: no core to compare
    core = np.abs(crop - extreme) < 0.25 * abs(bg - extreme)
    glyphs = (ink[ib[1] : ib[3], ib[0] : ib[2]] & core).astype(np.float32)
    if glyphs.sum() < 10:
        return False
    # The same glyph set at another sub-pixel offset moves a thin stroke's core by up to a pixel:
    # the other image gives each core pixel its darkest (lightest, for light text) neighbour.
    dark = extreme < bg
    spread = (cv2.erode if dark else cv2.dilate)(other, np.ones((3, 3), np.uint8))
    sq = cv2.matchTemplate(spread, crop, cv2.TM_SQDIFF, mask=glyphs)
    return float(sq.min()) / float(glyphs.sum()) < 35.0**2


def _moved_item(c: _Ctx, a: Region, b: Region) -> _Item:
    """What the reference shows at ``a`` the candidate shows at ``b``: one item for both places."""
    h, w = c.h, c.w
    dist = math.hypot(
        (a.bbox[0] + a.bbox[2] - b.bbox[0] - b.bbox[2]) / 2 / w,
        (a.bbox[1] + a.bbox[3] - b.bbox[1] - b.bbox[3]) / 2 / h,
    )
    cat, sev = _CATS[c.task]["moved"], 1
    if c.task is Task.SVG:
        cat, sev = _svg_move_grade(dist, a.box_area / float(h * w))
    elif c.task is Task.TABLE:
        sev = 2
    return _Item(cat, sev, _union([a.bbox, b.bbox]), f"A block moved by {100 * dist:.0f}% of the image.", "moved")


def _svg_move_grade(dist: float, area: float) -> tuple[str, int]:
    """An SVG shape moved by ``dist`` (fraction of the side), its box ``area`` (fraction of the image):
    the perturbation rule's shift steps — under 5 % shape_error 1, else structure_error 2, 3 when big."""
    if dist < 0.05:
        return "shape_error", 1
    return "structure_error", 3 if area >= 0.1 else 2


def _unexplained(c: _Ctx, regions: list[Region], skip: list[PxBox]) -> list[Region]:
    """The regions left once re-encoding tints and small layout shifts are explained away."""
    todo = [r for r in regions if not any(_covers(s, r.bbox) for s in skip)]
    # The same ink in (nearly) the same colour: a JPEG or resampling tint, not a change anyone sees.
    todo = [
        r
        for r in todo
        if not (
            r.ink_iou >= 0.9
            and r.changed_no_ink < 0.5 * r.area
            # (the same dominant colour with a large mean change: two colours traded places)
            and ((_rgb_de(r.ref_colour, r.cand_colour) < 12 and r.mean_de < TINT_MAX_DE) or r.mean_de < 13)
        )
    ]
    # Content that only moved a few pixels (a longer tick label re-flowed the layout) is no error.
    return [r for r in todo if _colour_only(r) or not _shift_explained(c, r)]


def _items_from_regions(c: _Ctx, regions: list[Region], skip: list[PxBox], max_ocr: int) -> list[_Item]:
    """Classify and group the diff regions (see the module docstring)."""
    task, h, w = c.task, c.h, c.w
    cats = _CATS[task]
    items: list[_Item] = []
    todo = _unexplained(c, regions, skip)

    # 1. Moved blocks (a legend placed elsewhere, a shifted element): one item for both places.
    # Tick labels that moved belong to an axis change (grouped below), not to a moved block.
    movable = [k for k, r in enumerate(todo) if c.task is not Task.CHART or _tick_axis(c, r) is None]
    moved = [(movable[i], movable[j]) for i, j in _moved_pairs(c, [todo[k] for k in movable])]
    if task is Task.CHART and c.frame is not None:
        # Several blocks moving inside the plot are marks that moved (a data change), not a legend.
        in_plot = [(i, j) for i, j in moved if _inside(todo[i].bbox, c.frame, 2) and _inside(todo[j].bbox, c.frame, 2)]
        if len({j for _, j in in_plot}) >= 2:
            moved = [m for m in moved if m not in in_plot]
    done: set[int] = set()
    for i, j in moved:
        if j not in done:  # further pieces of one moved block (`_moved_along`) add no item
            items.append(_moved_item(c, todo[i], todo[j]))
        done.update((i, j))

    # 2. Colour-only changes, grouped by (old colour, new colour): a bar and its legend swatch are one edit.
    colour_groups: list[tuple[Region, list[Region]]] = []
    rest: list[Region] = []
    for k, r in enumerate(todo):
        if k in done:
            continue
        if _colour_only(r):
            for key, members in colour_groups:
                if _rgb_de(key.ref_colour, r.ref_colour) < 12 and _rgb_de(key.cand_colour, r.cand_colour) < 12:
                    members.append(r)
                    break
            else:
                colour_groups.append((r, [r]))
        else:
            rest.append(r)
    plot_colours = _plot_colours(c) if task is Task.CHART and c.frame is not None else []

    def traded(key: Region) -> bool:
        # A→B beside B→A inside the plot: marks moved over one another; a recolouring is one way.
        return any(
            _rgb_de(k.ref_colour, key.cand_colour) < 12 and _rgb_de(k.cand_colour, key.ref_colour) < 12
            for k, _ in colour_groups
        )

    for key, members in colour_groups:
        box = _union([m.bbox for m in members])
        in_plot = c.frame is not None and all(_inside(m.bbox, c.frame) for m in members)
        if (
            task is Task.CHART
            and in_plot
            and (
                traded(key)
                or (
                    any(_rgb_de(key.cand_colour, pc) < 10 for pc in plot_colours)
                    and any(_rgb_de(key.ref_colour, pc) < 10 for pc in plot_colours)
                )
            )
        ):
            # One plotted colour now shows where another was: marks moved (stacked bars, a series
            # added or dropped), which the data change reports; not a recolouring.
            rest.extend(members)
            continue
        de = _rgb_de(key.ref_colour, key.cand_colour)
        if task is Task.CHART and in_plot and _drawn_over(c, key, members):
            items.append(
                _Item(
                    "data_error", 3, box,
                    f"Marks in {_hex(key.cand_colour)} are drawn over part of the reference's {_hex(key.ref_colour)} "
                    "ones (an added series).", "plot",
                )
            )  # fmt: skip
            continue
        if task is Task.TABLE:
            cat, sev = (cats["text"] if all(_looks_like_text(m, h) for m in members) else "layout_error"), 1
        else:
            cat, sev = cats["style"], (1 if de < 25 else 2)
        items.append(
            _Item(
                cat, sev, box,
                f"Colour changed from {_hex(key.ref_colour)} to {_hex(key.cand_colour)} (ΔE {de:.0f}).", "colour",
                colours=(key.ref_colour, key.cand_colour),
            )
        )  # fmt: skip

    # 3. Tick labels: several changed on one axis is one axis change, not many text errors.
    axis_groups: dict[str, list[Region]] = {}
    if task is Task.CHART:
        for r in rest:
            ax = _tick_axis(c, r)
            if ax:
                axis_groups.setdefault(ax, []).append(r)
        # Glyphs in the same places drawn a little differently (resampling) are no new tick labels.
        # (one region is a group when it is a column of them: only the y tick labels reach that tall)
        axis_groups = {
            k: v
            for k, v in axis_groups.items()
            if (len(v) >= 2 or v[0].height >= 0.2 * h) and not all(_same_ink(r) for r in v)
        }
    grouped = {id(r) for v in axis_groups.values() for r in v}

    # 4. Text read by OCR (largest regions first, within the OCR budget).
    geometry: list[Region] = []
    for r in sorted((r for r in rest if id(r) not in grouped), key=lambda r: -r.area):
        if _text_candidate(c, r) and c.ocr_calls < max_ocr and _Ocr.available():
            it = _text_item(c, r)
            if it is not None:
                items.append(it)
                continue
            if task is Task.TABLE:
                continue  # OCR reads the same words: rendering noise in a cell, not an error
        elif _text_candidate(c, r) and not _Ocr.available() and _looks_like_text(r, h):
            items.append(_Item(cats["text"], severity(r, "text", h, w), r.bbox, describe(r, "text", h, w), "text"))
            continue
        geometry.append(r)

    # 5. Charts: what changed inside the plot is one data change (or the axis change that moved it).
    if task is Task.CHART and c.frame is not None:
        inner = [r for r in geometry if _inside(r.bbox, c.frame, 2)]
        geometry = [r for r in geometry if not _inside(r.bbox, c.frame, 2)]
        for ax, members in axis_groups.items():
            box = _union([m.bbox for m in members])
            change = _axis_change(c, box, ax)
            if change is None:
                continue
            cat, sev, note = change
            if inner:
                fit = _axis_fit(c)
                # A data change beside the axis is its own item when the axis turned log or its
                # limits were set by hand; limits that follow the data are that change's doing.
                if fit and fit.item and (cat == "structure_error" or fit.limits_set):
                    items.append(fit.item)
                else:
                    box = _union([box, *(m.bbox for m in inner)])
                    if cat == "data_error" and not (fit and fit.item is None and fit.limits_set):
                        # The data moved with the axis: as severe as the marks' change, at least
                        # (unless limits set by hand moved them, all of them alike).
                        sev = max(sev, _plot_item(c, inner).severity)
                    elif cat == "data_error" and fit:
                        # Limits set by hand, every mark following them: graded by how much wider the
                        # range is, the perturbation rule's steps (narrowed 3, under 1.5 times 1, else 2).
                        sev = 3 if fit.widened < 0.95 else (1 if fit.widened < AXIS_WIDENED else 2)
                inner = []
            items.append(_Item(cat, sev, box, f"The {ax}-axis tick labels changed ({note}).", f"{ax}-axis"))
        plot_item = _plot_item(c, inner) if inner else None
        if plot_item is not None:
            items.append(plot_item)
        if any(it.kind == "y-axis" for it in items):
            # The y-axis changed: what is left beside it, reaching the frame, is its tick labels re-drawn.
            fx0, fy0, _, fy1 = c.frame
            geometry = [
                r
                for r in geometry
                if not (
                    r.bbox[2] >= fx0 - 0.02 * w
                    and r.bbox[0] < fx0
                    and fy0 - 0.03 * h < (r.bbox[1] + r.bbox[3]) / 2 < fy1 + 0.03 * h
                )
            ]
        items.extend(_palette_changes(c, items, plot_colours))
        if plot_item is not None and _recoloured_only(inner, items):
            items.remove(plot_item)  # the plot's changes are a recolouring already reported
        items.extend(_axis_label_items(c, todo, items, max_ocr))
    else:
        for members in axis_groups.values():
            geometry.extend(members)

    # 6. Everything else, one item per region.
    for r in geometry:
        category, kind = classify(task, r, h, w)
        if kind == "text":
            kind = _presence(r) or "geometry"
            category = cats["small_presence"] if kind != "geometry" else cats["geometry"]
        if task is Task.CHART and kind in ("geometry", "missing", "extra") and r.box_area < 0.01 * h * w:
            category = "style_error"  # legend markers, line-style swatches outside the plot
        items.append(_Item(category, severity(r, kind, h, w), r.bbox, describe(r, kind, h, w), kind))
    return items


#: SVG outline changes: how far the changed ink lies from the other image's ink (98th percentile: how
#: far the outline moved at most, stray anti-aliasing left out; a fraction of the side): below the
#: first -> 1, below the second -> 2, else 3.
SVG_MOVE_SEVERITY = (0.04, 0.10)
#: SVG: an outline moved further than the move steps is one drawing transformed when the moved
#: reference drawing and the candidate's lie within the second value (a fraction of the side) of each
#: other, at the first value's percentile both ways (a sub-element gone or added stays further), and
#: at most half as far apart as left in place.
SVG_TRANSFORM = (98.0, 0.03)
#: SVG: at most this many transform searches a judgment (the rest stay a missing and an extra shape).
SVG_TRANSFORM_SEARCHES = 4
#: SVG: ink gained (lost) beside a part lost (gained) is a change of its own from this share of the
#: group's one-sided ink, when it lies off the other image's ink (not a shrunk shape's new outline).
SVG_OTHER_SIDE = 0.06
#: Missing pieces holding under this share of the reference's ink together are one element gone.
SVG_PIECES = 0.5
#: SVG: changes on one connected drawing further apart than this fraction of the side are separate.
SVG_CLUSTER_GAP = 0.08
#: SVG missing or extra shapes: box area as a fraction of the image above the first -> 2, the second -> 3.
SVG_AREA_SEVERITY = (0.01, 0.10)
#: Mean grey difference under which two centred, blurred text crops are the same ink (as for table cells).
SAME_INK_MOVED = 10.0
#: Normalised correlation at which a changed block of the reference is found again elsewhere.
MOVED_MATCH = 0.85


def _svg_items(c: _Ctx, regions: list[Region], skip: list[PxBox], changed: np.ndarray, max_ocr: int) -> list[_Item]:
    """SVG: the changed regions grouped by the drawn shape they touch, then each group's changes by kind.

    One edit of an icon (a path scaled, a point moved) breaks into many slivers along the shape's
    outline; grouping by the connected ink (reference or candidate) they lie on makes it one change.
    """
    todo = _unexplained(c, regions, skip)
    items: list[_Item] = []
    done: set[int] = set()
    for i, j in _moved_pairs(c, todo):
        items.append(_moved_item(c, todo[i], todo[j]))
        done.update((i, j))
    rest: list[Region] = []
    for k, r in enumerate(todo):
        if k in done:
            continue
        if _looks_like_text(r, c.h) and _text_candidate(c, r) and c.ocr_calls < max_ocr and _Ocr.available():
            it = _text_item(c, r)
            if it is not None:
                items.append(it)
                continue
        rest.append(r)
    union = c.ref_ink | c.cand_ink
    _, labels = cv2.connectedComponents(cv2.dilate(union.astype(np.uint8), np.ones((3, 3), np.uint8)), connectivity=8)
    groups: dict[int, list[Region]] = {}
    for k, r in enumerate(rest):
        x0, y0, x1, y1 = r.bbox
        on_ink = labels[y0:y1, x0:x1][changed[y0:y1, x0:x1] & union[y0:y1, x0:x1]]
        key = int(np.bincount(on_ink).argmax()) if on_ink.size else 0
        groups.setdefault(key if key > 0 else -1 - k, []).append(r)  # no ink touched: a group of its own
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
    dist = _ink_distances(c)
    for box, mask, members in _pair_moved_outlines(c, parts):
        sl = (slice(box[1], box[3]), slice(box[0], box[2]))
        found = _svg_shape_items(c, mask[sl], box, dist)
        if not found and len(members) == 1 and not union[sl][mask[sl]].any():
            r = members[0]  # no ink touched: a background tint or a faint fill
            category, kind = classify(c.task, r, c.h, c.w)
            found = [_Item(category, severity(r, kind, c.h, c.w), r.bbox, describe(r, kind, c.h, c.w), kind)]
        items.extend(found)
    return _merge_missing_pieces(c, _merge_recolourings(items))


def _merge_missing_pieces(c: _Ctx, items: list[_Item]) -> list[_Item]:
    """Shapes missing in separate places that together hold under `SVG_PIECES` of the reference's
    ink are one element gone (a path drawn in several pieces: its subpaths), graded by the largest;
    when more is gone, each piece counts, so a hollow drawing piles up severity."""
    missing = [it for it in items if it.kind == "missing"]
    if len(missing) < 2:
        return items
    lost = np.zeros_like(c.ref_ink)
    for it in missing:
        x0, y0, x1, y1 = it.box
        lost[y0:y1, x0:x1] = True
    lost &= c.ref_ink & ~c.cand_ink
    if int(lost.sum()) >= SVG_PIECES * max(1, int(c.ref_ink.sum())):
        return items
    first = max(missing, key=lambda it: (it.severity, _box_area(it.box)))
    first.box = _union([it.box for it in missing])
    first.description = f"A shape of the reference, drawn in {len(missing)} pieces, is missing in the candidate."
    return [it for it in items if it.kind != "missing" or it is first]


def _clusters(regions: list[Region], gap: float) -> list[list[Region]]:
    """Regions whose boxes lie within ``gap`` px of one another, chained, as clusters."""
    n = len(regions)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        a = regions[i].bbox
        for j in range(i + 1, n):
            b = regions[j].bbox
            dx = max(0, max(a[0], b[0]) - min(a[2], b[2]))
            dy = max(0, max(a[1], b[1]) - min(a[3], b[3]))
            if max(dx, dy) <= gap:
                parent[find(i)] = find(j)
    out: dict[int, list[Region]] = {}
    for i, r in enumerate(regions):
        out.setdefault(find(i), []).append(r)
    return list(out.values())


def _merge_recolourings(items: list[_Item]) -> list[_Item]:
    """One recolouring per (old, new) colour pair: a recoloured element drawn in separate pieces is
    one change, not one per piece."""
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
        else:
            same.box, same.severity = _union([same.box, it.box]), max(same.severity, it.severity)
    return out


def _ink_side(c: _Ctx, mask: np.ndarray) -> str | None:
    """'ref' / 'cand' when nearly all changed ink of ``mask`` is on that side only."""
    n_ref = int((mask & c.ref_ink & ~c.cand_ink).sum())
    n_cand = int((mask & c.cand_ink & ~c.ref_ink).sum())
    if n_ref + n_cand == 0:
        return None
    return "ref" if n_ref >= 0.85 * (n_ref + n_cand) else ("cand" if n_cand >= 0.85 * (n_ref + n_cand) else None)


def _box_iou(a: PxBox, b: PxBox) -> float:
    inter = _box_overlap(a, b)
    union = _box_area(a) + _box_area(b) - inter
    return inter / union if union else 0.0


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


def _moved_over_fill(c: _Ctx, both: np.ndarray, box: PxBox) -> _Item | None:
    """The shift (phase correlation of the two images over the changed box) of a mark that moved over
    a filled shape, where ink covers both places and only the colours trade places."""
    x0, y0, _, _ = box
    bx0, by0, bx1, by1 = _mask_box(both, x0, y0)
    if min(bx1 - bx0, by1 - by0) < 4:
        return None

    def centred(g: np.ndarray) -> np.ndarray:
        # Zero mean, zero-padded to twice the size: no DC peak and no wrap-around at the borders.
        crop = g[by0:by1, bx0:bx1]
        return cv2.copyMakeBorder(crop - float(crop.mean()), 0, crop.shape[0], 0, crop.shape[1], cv2.BORDER_CONSTANT)

    (dx, dy), response = cv2.phaseCorrelate(centred(c.ref_grey), centred(c.cand_grey))
    if response < 0.1:
        return None
    dist = math.hypot(dx, dy) / min(c.h, c.w)
    area = (bx1 - bx0) * (by1 - by0) / float(c.h * c.w)
    cat, sev = _svg_move_grade(dist, area)
    return _Item(cat, sev, (bx0, by0, bx1, by1), f"A shape moved by {100 * dist:.0f}% of the image.", "moved")


def _ink_distances(c: _Ctx) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel, the distance (px) to the nearest reference ink and to the nearest candidate ink."""
    return tuple(  # type: ignore[return-value]
        cv2.distanceTransform((~ink).astype(np.uint8), cv2.DIST_L2, 3) for ink in (c.ref_ink, c.cand_ink)
    )


def _mask_box(mask: np.ndarray, x0: int, y0: int) -> PxBox:
    ys, xs = np.nonzero(mask)
    return (x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()) + 1, y0 + int(ys.max()) + 1)


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    union = int((a | b).sum())
    return int((a & b).sum()) / union if union else 1.0


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
    # What vanished, mirrored, is what appeared (other shapes' ink in the box, unchanged, aside).
    grow = np.ones((3, 3), np.uint8)
    gone = cv2.dilate((a & ~b).astype(np.uint8), grow).astype(bool)
    came = cv2.dilate((b & ~a).astype(np.uint8), grow).astype(bool)
    for axis, name in ((1, "horizontally"), (0, "vertically")):
        flipped = _iou(np.flip(a, axis), b)
        if flipped >= 0.7 and flipped >= plain + 0.2:
            return name
        if min(int(gone.sum()), int(came.sum())) >= 30 and _iou(np.flip(gone, axis), came) >= 0.6:
            return name
    return None


def _svg_shape_items(c: _Ctx, mask: np.ndarray, box: PxBox, dist: tuple[np.ndarray, np.ndarray]) -> list[_Item]:
    """The changes of one group (``mask``: its changed pixels in ``box``): recoloured, reshaped, missing, extra."""
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
    if n_both >= max(min_px, 0.1 * inked):
        rc, cc = _dominant(c.ref[sl][both]), _dominant(c.cand[sl][both])
        de = _rgb_de(rc, cc)
        if de > 2 * INK_DE:
            recoloured = _Item(
                cats["style"], 1 if de < 25 else 2, _mask_box(both, x0, y0),
                f"Colour changed from {_hex(rc)} to {_hex(cc)} (ΔE {de:.0f}).", "colour", colours=(rc, cc),
            )  # fmt: skip
    if n_ref >= min_px and n_cand >= min_px:
        axis = _mirror_axis(c, mask, x0, y0)
        if axis:
            where = _mask_box(ref_only | cand_only, x0, y0)
            mirrored = _Item(cats["text"], 2, where, f"A shape is mirrored {axis}.", "mirrored")
            return [mirrored] if recoloured is None else [recoloured, mirrored]
    if recoloured is not None:
        out.append(recoloured)
    elif n_both >= max(min_px, 0.3 * inked):
        # The same colours before and after, in other places: a mark moved over a filled shape.
        moved = _moved_over_fill(c, both, box)
        if moved is not None:
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
            out.extend(_svg_side_item(c, m, x0, y0, missing) for m, missing in ((ref_only, True), (cand_only, False)))
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
    out.append(_svg_side_item(c, one, x0, y0, n_ref > n_cand))
    # The other side's ink, when it is more than slivers and lies off the reference's (candidate's)
    # ink, is a change of its own: a part gone beside one drawn elsewhere on the same drawing.
    other = cand_only if n_ref > n_cand else ref_only
    if int(other.sum()) >= max(min_px, SVG_OTHER_SIDE * moved_px):
        off = float(np.percentile((d_ref if n_ref > n_cand else d_cand)[sl][other], 90)) / side
        if off >= SVG_MOVE_SEVERITY[0]:
            out.append(_svg_side_item(c, other, x0, y0, n_ref <= n_cand))
    return out


def _svg_transformed(c: _Ctx, mask: np.ndarray, box: PxBox) -> _Item | None:
    """One drawing moved, scaled, turned or mirrored as a whole (see `SVG_TRANSFORM`), graded by the
    perturbation rules' steps; None when no one simple similarity transform (one part: mirrored,
    resized, turned or moved) maps the old drawing onto the new.

    The drawings are the connected ink (either image) in ``box`` that the changed pixels (``mask``)
    touch. The transform comes from image moments, of the whole drawings and of their changed ink
    alone: the centroids, the size from the radius of gyration (which grows with the drawing for
    filled shapes and strokes alike: a stroke of fixed width gains area with its length only), the
    turn from the principal axes, each tried mirrored about the centroid or not.
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
    best = (still, "", 0.0, 1.0, (0.0, 0.0))
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
                if bool(flip) + (abs(scale - 1) >= 0.1) + (abs(math.degrees(rot)) >= 10) > 1:
                    continue  # mirrored and turned, or resized too, fits many a reshaped drawing
                m = cv2.getRotationMatrix2D((float(ca[0]), float(ca[1])), -math.degrees(rot), scale)
                m[:, 2] += cb - ca
                moved = warp(src, m)
                d = apart(moved, moved if whole else warp(src_part, m), b_part)
                if d < best[0]:
                    best = (d, flip, rot, scale, tuple(cb - ca))
    d, flip, rot, scale, (dx, dy) = best
    side = min(c.h, c.w)
    if d > tolerance * side or still < 2 * d:
        return None
    where = _mask_box(a | b, x0, y0)
    area = _box_area(where) / float(c.h * c.w)
    cats = _CATS[c.task]
    turned = abs(math.degrees(rot))
    if flip:
        return _Item(cats["text"], 2, where, f"A shape is mirrored {flip}.", "mirrored")
    if abs(scale - 1) >= 0.1:  # the size rule's steps: within 12 % -> 1, within 50 % -> 2, else 3
        sev = 1 if abs(scale - 1) <= 0.12 else (2 if abs(scale - 1) <= 0.5 else 3)
        return _Item(cats["geometry"], sev, where, f"A shape is drawn at {scale:.2f} times its size.", "geometry")
    if turned >= 10:  # a large turn, graded by the drawing's box (as a transform's)
        sev = 3 if area > 0.1 else 2
        return _Item(cats["structure"], sev, where, f"A shape is turned by {turned:.0f}°.", "geometry")
    # (A drawing resized or turned about its box's centre moves its centroid too: no move then.)
    moved = math.hypot(dx, dy) / side
    cat, sev = _svg_move_grade(moved, area)
    return _Item(cat, sev, where, f"A shape moved by {100 * moved:.0f}% of the image.", "moved")


def _svg_side_item(c: _Ctx, ink: np.ndarray, x0: int, y0: int, missing: bool) -> _Item:
    """Ink on one side only: a missing (reference only) or an extra (candidate only) shape, by its box."""
    side_box = _mask_box(ink, x0, y0)
    cover = (side_box[2] - side_box[0]) * (side_box[3] - side_box[1]) / float(c.h * c.w)
    lo, hi = SVG_AREA_SEVERITY
    sev = 3 if cover > hi else (2 if cover > lo else 1)
    if missing:
        desc = f"A shape of the reference is missing in the candidate ({100 * cover:.1f}% of the image)."
    else:
        desc = f"The candidate draws a shape the reference does not have ({100 * cover:.1f}% of the image)."
    return _Item(_CATS[c.task]["structure"], sev, side_box, desc, "missing" if missing else "extra")


def _keeps_a_series(c: _Ctx, cand_data: np.ndarray, interior: tuple[slice, slice]) -> bool:
    """The candidate's plot still draws coloured marks of the reference where they were, in their colour,
    across at least 30 % of the plot's width or height (>= 150 px): a series dropped beside a heavier one
    (bars and a thin line on twin axes), not empty axes (a legend swatch left in the plot is compact)."""
    ref, cand = c.ref[interior].astype(np.int16), c.cand[interior].astype(np.int16)
    chromatic = ref.max(axis=2) - ref.min(axis=2) >= 40  # series colours, not black text or grey frames
    kept = cand_data & c.ref_ink[interior] & chromatic & (np.abs(ref - cand).max(axis=2) <= 24)
    if int(kept.sum()) < 150:
        return False
    ys, xs = np.nonzero(kept)
    h, w = kept.shape
    return bool(xs.max() - xs.min() >= 0.3 * w or ys.max() - ys.min() >= 0.3 * h)


def _plot_colours(c: _Ctx, cand: bool = False) -> list[tuple[int, int, int]]:
    """The reference's (or the candidate's, in its own frame) main ink colours inside the plot frame
    (each >= 2 % of its ink)."""
    frame = (_cand_frame(c) or c.frame) if cand else c.frame
    assert frame is not None
    fx0, fy0, fx1, fy1 = frame
    img, ink = (c.cand, c.cand_ink) if cand else (c.ref, c.ref_ink)
    px = img[fy0:fy1, fx0:fx1][ink[fy0:fy1, fx0:fx1]]
    if len(px) == 0:
        return []
    px = px[:: max(1, len(px) // 20000)].astype(np.int32)
    keys = ((px[:, 0] >> 3) << 10) | ((px[:, 1] >> 3) << 5) | (px[:, 2] >> 3)
    vals, counts = np.unique(keys, return_counts=True)
    out = []
    for k, n in zip(vals, counts, strict=True):
        if n >= 0.02 * len(px):
            out.append((int((k >> 10) << 3) + 4, int(((k >> 5) & 31) << 3) + 4, int((k & 31) << 3) + 4))
    return out


def _drawn_over(c: _Ctx, key: Region, members: list[Region]) -> bool:
    """New marks in another colour drawn over part of the reference's marks (an added series, its
    bars shorter than the old ones): a recolouring turns whole marks, and leaves no old colour
    behind; here the marks' other part keeps the old colour."""
    marks = _touched_mark_ink(c, members)
    if marks == 0 or sum(m.area for m in members) >= 0.8 * marks:
        return False
    return any(_rgb_de(key.ref_colour, pc) < 12 for pc in _plot_colours(c, cand=True))


def _axis_label_boxes(c: _Ctx, words: _Words) -> dict[str, PxBox]:
    """One image's axis labels from its words outside the frame: the x-axis label is the words
    below the row of x tick labels, the y-axis label the upright column left of the y tick labels."""
    assert c.frame is not None
    fx0, fy0, fx1, fy1 = c.frame
    out: dict[str, PxBox] = {}
    below = [b for b in words.boxes if b[1] >= fy1 and fx0 - 0.02 * c.w <= (b[0] + b[2]) / 2 <= fx1 + 0.02 * c.w]
    if below:
        top = min(below, key=lambda b: b[1])  # the row of tick labels: words level with the topmost
        ticks_end = max(b[3] for b in below if b[1] < (top[1] + top[3]) / 2)
        label = [b for b in below if b[1] > ticks_end]
        if label:
            out["x"] = _union(label)
    left = [b for b in words.boxes if b[2] <= fx0 and fy0 - 0.03 * c.h < (b[1] + b[3]) / 2 < fy1 + 0.03 * c.h]
    if left:
        ticks = [b for b in left if b[2] >= fx0 - max(12, 0.02 * c.w)]  # end at their tick marks
        gap = max(6, 0.014 * c.w)

        def level(a: PxBox, b: PxBox) -> bool:  # one row of text: they overlap over half of each's height
            return min(a[3], b[3]) - max(a[1], b[1]) >= 0.5 * max(a[3] - a[1], b[3] - b[1])

        grown = True
        while grown:  # the rest of a wide tick label ("6 × 10¹"): words close before one, level with it
            more = [b for b in left if b not in ticks and any(0 <= t[0] - b[2] <= gap and level(t, b) for t in ticks)]
            ticks.extend(more)
            grown = bool(more)
        start = min((b[0] for b in ticks), default=fx0)
        label = [b for b in left if b[2] < start - 1]  # (set upright, its letters may not join up)
        if label:
            u = _union(label)
            if u[3] - u[1] > 1.5 * (u[2] - u[0]):  # an upright column
                out["y"] = u
    return out


def _axis_label_items(c: _Ctx, regions: list[Region], items: list[_Item], max_ocr: int) -> list[_Item]:
    """An axis label that changed, read on its own: beside tick labels that changed too, its changed
    pixels join theirs in one region, which the axis change takes, or in a block of two text lines
    that OCR reads poorly."""
    if c.frame is None or not _Ocr.available():
        return []
    ref_words, cand_words = _word_moves(c)
    ref_boxes, cand_boxes = _axis_label_boxes(c, ref_words), _axis_label_boxes(c, cand_words)
    out: list[_Item] = []
    for ax in ("x", "y"):
        boxes = [b for b in (ref_boxes.get(ax), cand_boxes.get(ax)) if b is not None]
        if len(boxes) < 2 or c.ocr_calls >= max_ocr:
            continue  # found on one side only: other words (a wider tick label) may stand where it was
        box = _union(boxes)
        if any(it.kind == "text" and _box_overlap(it.box, box) for it in items):
            continue  # read already
        if not any(_box_overlap(r.bbox, box) for r in regions):
            continue  # unchanged
        it = _text_item(c, replace(regions[0], bbox=box))
        if it is not None:
            out.append(it)
    return out


def _palette_changes(c: _Ctx, items: list[_Item], ref_cols: list[tuple[int, int, int]]) -> list[_Item]:
    """A series drawn in another colour while its marks also moved (an axis or data change beside
    it): no region is a colour-only change, but one of the plot's main colours (``ref_cols``, the
    reference's) is gone and a new one came. Only for plots of a few colours (not colour maps), one
    gone and one new."""
    cand_cols = _plot_colours(c, cand=True)
    if not ref_cols or len(ref_cols) > 8:
        return []

    def distinct(cols: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        kept: list[tuple[int, int, int]] = []  # one colour may fill neighbouring quantisation bins
        for col in cols:
            if all(_rgb_de(col, k) > 15 for k in kept):
                kept.append(col)
        return kept

    gone = [a for a in distinct(ref_cols) if min((_rgb_de(a, b) for b in cand_cols), default=99) > 15]
    new = [b for b in distinct(cand_cols) if min((_rgb_de(a, b) for a in ref_cols), default=99) > 15]
    if len(gone) != 1 or len(new) != 1:
        return []
    old_c, new_c = gone[0], new[0]
    if any(it.colours and _rgb_de(it.colours[1], new_c) < 15 for it in items):
        return []  # already reported as a recolouring
    de = _rgb_de(old_c, new_c)
    assert c.frame is not None
    return [
        _Item(
            "style_error", 1 if de < 25 else 2, c.frame,
            f"Marks drawn in {_hex(new_c)} where the reference draws {_hex(old_c)} (ΔE {de:.0f}).", "colour",
            colours=(old_c, new_c),
        )
    ]  # fmt: skip


def _recoloured_only(regions: list[Region], items: list[_Item]) -> bool:
    """Every region keeps its ink in place (at most a tenth of its changed pixels gained or lost ink)
    and turns from the old to the new colour of a reported recolouring (ΔE < 15 each)."""
    pairs = [it.colours for it in items if it.colours]
    return bool(pairs) and all(
        r.changed_ref_only + r.changed_cand_only <= 0.1 * max(1, r.area)
        and any(_rgb_de(r.ref_colour, old) < 15 and _rgb_de(r.cand_colour, new) < 15 for old, new in pairs)
        for r in regions
    )


def _same_ink(r: Region) -> bool:
    """The ink is where it was in both images; only its rendering differs."""
    inked = r.changed_both_ink + r.changed_ref_only + r.changed_cand_only
    return r.ink_iou >= 0.8 and r.changed_both_ink >= 0.6 * max(inked, 1)


def _covers(outer: PxBox, inner: PxBox) -> bool:
    iw = max(0, min(outer[2], inner[2]) - max(outer[0], inner[0]))
    ih = max(0, min(outer[3], inner[3]) - max(outer[1], inner[1]))
    area = max(1, (inner[2] - inner[0]) * (inner[3] - inner[1]))
    return iw * ih >= 0.7 * area


def _tick_span(text: str) -> float | None:
    """max - min of the numbers among OCR'd tick labels (None: fewer than two numbers)."""
    nums = [v for v in (_number(t) for t in text.split()) if v is not None]
    return max(nums) - min(nums) if len(nums) >= 2 else None


def _axis_change(c: _Ctx, box: PxBox, ax: str) -> tuple[str, int, str] | None:
    """(category, severity, note) of a tick-label change; None: the same labels, re-rendered.

    structure_error 2 for a scale change (log ticks read '10...'); the same characters in another
    order (OCR may drop a glyph of a pair but not of both): labels swapped, text_error 3 (values
    misattributed); numeric ticks spanning a narrower range: data_error
    3 (data may be clipped); other new limits: data_error 2.
    """
    pair = _read_pair(c, _pad_box(box, 3, c), block=ax != "x") if _Ocr.available() else None
    if pair is None:
        return "structure_error", 2, "scale or limits"
    a, b = pair
    if a == b and a:
        return None  # the same tick labels, only re-rendered
    if len(a.split()) >= 2 and sorted(filter(str.isalnum, a)) == sorted(filter(str.isalnum, b)):
        return "text_error", 3, f"labels swapped: {_q(a, 40)} -> {_q(b, 40)}"

    def logish(s: str) -> bool:
        # Log ticks are "10" with a superscript, which Tesseract reads as 10?, 10!, 107, 6x10! ...,
        # and minor ones "2×10^1", read as 2x, 16x: the superscript lost.
        toks = [t for t in s.split() if any(ch.isdigit() for ch in t)]  # not the axis label's letters
        return bool(toks) and (
            "x10" in s
            or sum("10" in t for t in toks) >= 0.4 * len(toks)
            or any(re.fullmatch(r"\d+(\.\d+)?[x×]\W*", t) for t in toks)  # trailing junk: "2x:"
        )

    if logish(a) != logish(b):
        return "structure_error", 2, f"scale: {_q(a, 40)} -> {_q(b, 40)}"
    span_a, span_b = _tick_span(a), _tick_span(b)
    narrower = span_a is not None and span_b is not None and 0 < span_b < 0.9 * span_a
    return "data_error", 3 if narrower else 2, f"limits: {_q(a, 40)} -> {_q(b, 40)}"


def _plot_marks(ink: np.ndarray, frame: PxBox) -> np.ndarray:
    """The plotted marks inside a frame, for mapping along y: its ink less thin horizontal lines (grid
    lines sit at tick values, which do not move with the data), 2 px in from the frame and clear of
    tick marks drawn inwards from the side spines."""
    fx0, fy0, fx1, fy1 = frame
    side = _marks_inset(ink.shape[1])
    inside = ink[fy0 + 2 : fy1 - 2, fx0 + side : fx1 - side]
    # Lines 30 % of the image wide, as `plot_frame` finds them, looked for in the plot only.
    hor, _ = _long_lines(inside, min(1.0, 0.3 * ink.shape[1] / max(inside.shape[1], 1)))
    return inside & ~hor


def _marks_inset(width: int) -> int:
    """How far in from the side spines `_plot_marks` starts (clear of inward tick marks)."""
    return 2 + round(0.015 * width)


def _row_warp(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The monotone map of a's rows onto b's rows under which their ink patterns agree best (dynamic
    time warping; a row's cost is its ink with no ink within 1 px across in the other row).
    Returns the warping path: rows of ``a`` and the rows of ``b`` they map to, pair by pair."""
    af, bf = a.astype(np.float32), b.astype(np.float32)
    k = np.ones((1, 3), np.uint8)
    ad = cv2.dilate(a.astype(np.uint8), k).astype(np.float32)
    bd = cv2.dilate(b.astype(np.uint8), k).astype(np.float32)
    cost = af.sum(1)[:, None] - af @ bd.T + bf.sum(1)[None, :] - ad @ bf.T
    n, m = cost.shape
    acc = np.empty((n, m), np.float64)
    steps = np.empty((n, m), np.int8)  # 0: diagonal, 1: from the row above, 2: from the left
    prev = np.full(m, np.inf)
    prev_diag = np.full(m, np.inf)
    for i in range(n):
        if i == 0:
            up, diag = np.full(m, np.inf), np.full(m, np.inf)
            diag[0] = 0.0
        else:
            up, diag = prev, prev_diag
        from_prev = np.minimum(up, diag)
        steps[i] = np.where(diag <= up, 0, 1)
        e = cost[i] + from_prev
        run = np.cumsum(cost[i])
        best = np.minimum.accumulate(e - run)
        acc[i] = run + best
        steps[i] = np.where(acc[i] < e, 2, steps[i])
        prev = acc[i]
        prev_diag = np.concatenate(([np.inf], acc[i][:-1]))
    pairs = []
    i, j = n - 1, m - 1
    while i >= 0 and j >= 0:
        pairs.append((i, j))
        st = steps[i, j]
        if st == 0:
            i, j = i - 1, j - 1
        elif st == 1:
            i -= 1
        else:
            j -= 1
    path = np.asarray(pairs[::-1], dtype=np.int64)
    return path[:, 0], path[:, 1]


def _in_place(ink: np.ndarray, other_near: np.ndarray, share: float = 0.9) -> np.ndarray:
    """The connected pieces of ``ink`` that lie, nearly whole, on the other image's ink."""
    n, labels = cv2.connectedComponents(ink.astype(np.uint8), connectivity=8)
    if n <= 1:
        return np.zeros_like(ink)
    total = np.bincount(labels.ravel(), minlength=n)
    on = np.bincount(labels[other_near], minlength=n)
    keep = on >= share * np.maximum(total, 1)
    keep[0] = False
    return keep[labels]


def _rescaled_marks_residual(
    c: _Ctx,
) -> tuple[np.ndarray, PxBox, int, tuple[float, float], tuple[float, float]] | None:
    """What of the plotted marks an axis's new limits or scale do not explain.

    Each image's marks are taken inside its own frame (new tick labels resize the plot), the
    candidate's stretched across to the reference's width; the reference's marks are then moved row
    by row onto the candidate's by the best monotone map (a linear or log axis moves every mark
    along y alike), and what is left is ink of either more than 3 px from the other's (a straight
    segment between two marks bends a little under a new scale). Returns (that ink's mask over the
    candidate's plot, the candidate's frame, all mark ink, and the empty margins above and below the
    marks of the reference and of the candidate), or None when either plot has no frame or no marks."""
    cand_frame = _cand_frame(c)
    if c.frame is None or cand_frame is None:
        return None
    ref_m, cand_m = _plot_marks(c.ref_ink, c.frame), _plot_marks(c.cand_ink, cand_frame)
    if not ref_m.any() or not cand_m.any() or min(ref_m.shape) < 8 or min(cand_m.shape) < 8:
        return None
    margins = _mark_margins(ref_m), _mark_margins(cand_m)
    if cand_m.shape[1] != ref_m.shape[1]:
        size = (ref_m.shape[1], cand_m.shape[0])
        cand_m = cv2.resize(cand_m.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST).astype(bool)
    # The two frames are found to a pixel or two: line the marks up across by their column profiles.
    a, b = ref_m.sum(0).astype(np.float64), cand_m.sum(0).astype(np.float64)
    dx = max(range(-4, 5), key=lambda d: float(a[max(0, d) : len(a) + min(0, d)] @ b[max(0, -d) : len(b) + min(0, -d)]))
    cand_m = np.roll(cand_m, dx, axis=1)
    near = np.ones((7, 7), np.uint8)

    def close_to(m: np.ndarray) -> np.ndarray:
        return cv2.dilate(m.astype(np.uint8), near).astype(bool)

    # Whole pieces of ink that stayed in place (a legend, a note) are not mapped: only the marks moved.
    stay_ref, stay_cand = np.zeros_like(ref_m), np.zeros_like(cand_m)
    if ref_m.shape == cand_m.shape:
        stay_ref, stay_cand = _in_place(ref_m, close_to(cand_m)), _in_place(cand_m, close_to(ref_m))
        # Both sides of a piece stayed (a filled shape that grew keeps the old one inside it).
        stay_ref = _in_place(stay_ref, close_to(stay_cand))
        stay_cand = _in_place(stay_cand, close_to(stay_ref))
    rows_ref, rows_cand = _row_warp(ref_m, cand_m)
    moved = np.zeros_like(cand_m)
    np.logical_or.at(moved, rows_cand, (ref_m & ~stay_ref)[rows_ref])
    residual = (cand_m & ~stay_cand & ~close_to(moved)) | (moved & ~close_to(cand_m))
    return residual, cand_frame, int(max(ref_m.sum(), cand_m.sum())), *margins


def _mark_margins(marks: np.ndarray) -> tuple[float, float]:
    """Empty shares of a plot above and below its marks."""
    rows = np.nonzero(marks.any(axis=1))[0]
    return rows[0] / len(marks), 1 - (rows[-1] + 1) / len(marks)


@dataclass(frozen=True)
class _AxisFit:
    """How far a changed axis explains the plot (`_axis_fit`)."""

    share: float  # of the marks left over once mapped along y
    limits_set: bool  # the empty margin above or below the marks changed: limits set by hand
    item: _Item | None  # the leftover as a data change
    #: How many times wider the y range is: the share of the plot's height the marks span in the
    #: reference over that share in the candidate; 0 when the marks are now cut at the frame.
    widened: float = 1.0


def _axis_fit(c: _Ctx) -> _AxisFit | None:
    if c.axis_fit is None:
        c.axis_fit = (_fit_axis(c),)
    return c.axis_fit[0]


def _fit_axis(c: _Ctx) -> _AxisFit | None:
    """Map the reference's marks onto the candidate's along y (`_rescaled_marks_residual`) and
    judge what the axis change leaves over; None when either plot has no frame or no marks.

    The leftover is a data change of its own (`_AxisFit.item`) when it is at least `AXIS_RESIDUAL`
    of the marks; severity from its share: under 10 % -> 1, under 30 % -> 2, else 3. Limits are set
    by hand when the empty margin above or below the marks changed by over `AXIS_MARGIN` of the
    plot, or the marks are now cut at the frame where they had room; limits that follow the data
    (matplotlib's autoscale, which leaves a margin) are a data change's doing.
    """
    found = _rescaled_marks_residual(c)
    if found is None or c.frame is None:
        return None
    residual, cand_frame, ink, (ref_top, ref_bottom), (cand_top, cand_bottom) = found
    share = float(residual.sum()) / max(ink, 1)
    # Marks now cut at the frame that had room: limits narrowed by hand (autoscale leaves a margin).
    cut = (cand_top < 0.005 < 0.02 < ref_top) or (cand_bottom < 0.005 < 0.02 < ref_bottom)
    limits_set = max(abs(cand_top - ref_top), abs(cand_bottom - ref_bottom)) > AXIS_MARGIN or cut
    # Marks that follow the new limits span a share of the plot's height shrunk by the range's factor.
    cand_span = 1 - cand_top - cand_bottom
    widened = 0.0 if cut else ((1 - ref_top - ref_bottom) / cand_span if cand_span > 0 else 1.0)
    if share < AXIS_RESIDUAL:
        return _AxisFit(share, limits_set, None, widened)
    x0, y0, x1, y1 = _mask_box(residual, 0, 0)
    fx0, fy0, fx1, _ = cand_frame
    side = _marks_inset(c.w)
    across = (fx1 - fx0 - 2 * side) / residual.shape[1]  # the candidate's marks were stretched to the reference's
    box = (
        fx0 + side + int(x0 * across),
        fy0 + 2 + y0,
        min(c.w, fx0 + side + math.ceil(x1 * across)),
        min(c.h, fy0 + 2 + y1),
    )
    item = _Item(
        "data_error", 1 if share < 0.1 else (2 if share < 0.3 else 3), box,
        f"Plotted data differ beyond the new axis: {100 * share:.0f}% of the marks do not follow it.", "plot",
    )  # fmt: skip
    return _AxisFit(share, limits_set, item, widened)


def _pad_box(box: PxBox, p: int, c: _Ctx) -> PxBox:
    return max(0, box[0] - p), max(0, box[1] - p), min(c.w, box[2] + p), min(c.h, box[3] + p)


def _touched_mark_ink(c: _Ctx, regions: list[Region]) -> int:
    """Ink of the reference's marks (connected ink inside the plot frame, grid and axis lines left out)
    that the regions touch; 0 when they touch none (something drawn where there was nothing)."""
    assert c.frame is not None
    fx0, fy0, fx1, fy1 = c.frame
    hor, ver = _long_lines(c.ref_ink, 0.3)
    marks = (c.ref_ink & ~(hor | ver))[fy0:fy1, fx0:fx1].astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(marks, connectivity=8)
    touched: set[int] = set()
    for r in regions:
        x0, y0, x1, y1 = r.bbox
        x0, y0, x1, y1 = max(x0 - fx0 - 1, 0), max(y0 - fy0 - 1, 0), max(x1 - fx0 + 1, 0), max(y1 - fy0 + 1, 0)
        touched.update(int(v) for v in np.unique(labels[y0:y1, x0:x1]))
    touched.discard(0)
    return int(sum(stats[k, cv2.CC_STAT_AREA] for k in touched))


def _plot_item(c: _Ctx, inner: list[Region]) -> _Item:
    """One data (or chart-type) change over the plot area, severity from how much of the data moved."""
    box = _union([r.bbox for r in inner])
    ref_only = sum(r.changed_ref_only for r in inner)
    cand_only = sum(r.changed_cand_only for r in inner)
    fx0, fy0, fx1, fy1 = c.frame or (0, 0, c.w, c.h)
    plot_ink = max(1, int(c.ref_ink[fy0 + 2 : fy1 - 2, fx0 + 2 : fx1 - 2].sum()))
    if ref_only >= 0.35 * plot_ink and cand_only >= 0.35 * plot_ink:
        fit = _axis_fit(c)
        if fit is not None and fit.item is None:
            # Every mark moved along y alike: a new y scale whose tick labels were not told apart.
            return _Item(
                "structure_error", 2, box, "The plotted marks all moved along y alike (a new y-axis scale).", "y-axis"
            )
        return _Item(
            "structure_error", 3, box, "The plotted marks changed throughout the plot (another chart type).", "plot"
        )
    changed = sum(r.area for r in inner)
    small = all(r.box_area < 0.003 * c.h * c.w for r in inner)
    if len(inner) >= 4 and small and max(ref_only, cand_only) < 0.05 * plot_ink:
        # The same marks in the same places, drawn differently: markers or line style.
        return _Item("style_error", 1, box, f"Marks differ in {len(inner)} places (marker or line style).", "plot")
    # Relative to the whole marks the change touches (a bar that grew by a third changes a third
    # of the old bar's ink): the perturbation rule's relative value change.
    marks = _touched_mark_ink(c, inner)
    rel = changed / (marks or max(1, sum(max(r.ref_ink, r.cand_ink) for r in inner)))
    sev = 1 if rel < 0.1 else (2 if rel < 0.5 else 3)
    if max(ref_only, cand_only) >= 0.75 * max(1, ref_only + cand_only) and changed >= 0.1 * plot_ink:
        sev = 3  # a series missing or added
    return _Item(
        "data_error", sev, box,
        f"Plotted data differ over {len(inner)} place(s) ({100 * ref_only / plot_ink:.0f}% of the reference's "
        f"plot ink missing, {100 * cand_only / plot_ink:.0f}% extra).", "plot",
    )  # fmt: skip


# --------------------------------------------------------------------------- tables: cell by cell


def _cell_ink_box(ink: np.ndarray) -> PxBox | None:
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if len(rows) == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def table_cell_items(ref: np.ndarray, cand: np.ndarray, max_ocr: int) -> list[tuple[_Item, PxBox]] | None:
    """Compare two tables cell by cell when their grids have the same shape.

    A changed cell is read in both images; different words are a text_error (numeric_error
    when the change is confined to digits, signs and units) at "row r, column c". Returns
    (item in reference px, box in candidate px) pairs, or None when the grids differ in shape
    (rows or columns added, dropped or merged: the region diff reports those).
    """
    g_ref, g_cand = table_grid(ref), table_grid(cand)
    if g_ref is None or g_cand is None:
        return None
    if len(g_ref.rows) != len(g_cand.rows) or len(g_ref.cols) != len(g_cand.cols) or len(g_ref.rows) < 3:
        return None
    ref_ink, cand_ink = _lab_ink(ref)[1], _lab_ink(cand)[1]
    ref_grey, cand_grey = cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY), cv2.cvtColor(cand, cv2.COLOR_RGB2GRAY)
    out: list[tuple[_Item, PxBox]] = []
    changed: list[tuple[int, int, PxBox, PxBox, PxBox | None, PxBox | None]] = []
    filled = 0
    for i in range(1, len(g_ref.rows)):
        for k in range(1, len(g_ref.cols)):
            rb = (
                int(g_ref.cols[k - 1]) + 3,
                int(g_ref.rows[i - 1]) + 3,
                int(g_ref.cols[k]) - 2,
                int(g_ref.rows[i]) - 2,
            )
            cb = (
                int(g_cand.cols[k - 1]) + 3, int(g_cand.rows[i - 1]) + 3, int(g_cand.cols[k]) - 2, int(g_cand.rows[i]) - 2,
            )  # fmt: skip
            if rb[2] <= rb[0] or rb[3] <= rb[1] or cb[2] <= cb[0] or cb[3] <= cb[1]:
                continue
            ri = ref_ink[rb[1] : rb[3], rb[0] : rb[2]]
            ci = cand_ink[cb[1] : cb[3], cb[0] : cb[2]]
            ra, ca = _cell_ink_box(ri), _cell_ink_box(ci)
            if ra is None and ca is None:
                continue
            filled += 1
            if ra is not None and ca is not None:
                rw_, rh_ = ra[2] - ra[0], ra[3] - ra[1]
                cw_, ch_ = ca[2] - ca[0], ca[3] - ca[1]
                if abs(rw_ - cw_) <= 1 and abs(rh_ - ch_) <= 1:
                    w_, h_ = min(rw_, cw_), min(rh_, ch_)
                    a = ref_grey[rb[1] + ra[1] : rb[1] + ra[1] + h_, rb[0] + ra[0] : rb[0] + ra[0] + w_]
                    b = cand_grey[cb[1] + ca[1] : cb[1] + ca[1] + h_, cb[0] + ca[0] : cb[0] + ca[0] + w_]
                    if float(cv2.absdiff(a, b).mean()) < 12:
                        continue  # the same content, maybe placed differently in a wider cell

            changed.append((i, k, rb, cb, ra, ca))

    n_rows, n_cols = len(g_ref.rows) - 1, len(g_ref.cols) - 1
    # Row signatures (each cell's ink size): a changed row that equals another reference row moved.
    ref_sig, cand_sig = _row_signatures(g_ref, ref_ink), _row_signatures(g_cand, cand_ink)
    changed_rows = sorted({i for i, *_ in changed})
    moved_rows = [i for i in changed_rows if cand_sig[i - 1] in ref_sig and cand_sig[i - 1] != ref_sig[i - 1]]
    if len(moved_rows) >= 2 and len(moved_rows) >= 0.5 * len(changed_rows):
        rbox = _union([x[2] for x in changed if x[0] in moved_rows])
        cbox = _union([x[3] for x in changed if x[0] in moved_rows])
        desc = (
            f"Rows {moved_rows[0]}-{moved_rows[-1]} hold other rows of the reference (rows moved, dropped or repeated)."
        )
        return [(_Item("layout_error", 2, rbox, desc, "layout", f"rows {moved_rows[0]}-{moved_rows[-1]}"), cbox)]
    if len(changed) >= 0.6 * filled and filled >= 6 and _mostly_different_words(changed, ref_grey, cand_grey):
        # Nearly every cell differs: not one edit but another table; one item per cell.
        for i, k, rb, cb, _ra, _ca in changed[:MAX_ELEMENTS]:
            desc = f"The content of row {i}, column {k} differs (most of the table does)."
            out.append((_Item("text_error", 1, rb, desc, "text", f"row {i}, column {k}"), cb))
        return out
    grouped: set[int] = set()
    out = _changed_lines(out, changed, grouped, {}, {}, n_rows, n_cols)

    calls = 0
    reads: list[_CellRead] = []
    for n, (i, k, rb, cb, ra, ca) in enumerate(changed):
        if n in grouped or calls >= max_ocr or not _Ocr.available():
            continue
        multi = max((b[3] - b[1]) for b in (ra, ca) if b is not None) > 30
        ta, tb, conf = _read_cells(
            None if ra is None else _cell_crop(ref_grey, rb, ra),
            None if ca is None else _cell_crop(cand_grey, cb, ca),
            multi,
        )
        calls += 2
        if ta == tb or max(_alnum(ta), _alnum(tb)) == 0 or conf < MIN_READ_CONF or _ocr_same(ta, tb):
            continue  # the same words (a rendering difference, an OCR confusion), nothing legible, or unsure
        reads.append(_CellRead(len(out), i, k, ta, tb))
        out.append(_cell_text_item(ta, tb, rb, cb, f"row {i}, column {k}"))
    return _collapse_exchanges(out, reads)


def _read_cells(ref_crop: np.ndarray | None, cand_crop: np.ndarray | None, multi: bool) -> tuple[str, str, int]:
    """Both reads of a changed cell (crops of the ink box, padded so glyphs are whole; None and ""
    for an empty cell) and the lower of their OCR confidences (100 for an empty cell)."""
    ta = (read_text(ref_crop, block=multi) or "") if ref_crop is not None else ""
    conf = _last_conf() if ta else 100
    tb = (read_text(cand_crop, block=multi) or "") if cand_crop is not None else ""
    return ta, tb, min(conf, _last_conf() if tb else 100)


def _changed_lines(
    out: list[tuple[_Item, PxBox]],
    changed: Sequence[tuple[Any, ...]],
    grouped: set[int],
    filled_rows: dict[int, int],
    filled_cols: dict[int, int],
    n_rows: int,
    n_cols: int,
    skip: Collection[int] = (),
    moved: tuple[Collection[int], Collection[int]] = ((), ()),
) -> list[tuple[_Item, PxBox]]:
    """A row (column) where most cells changed was moved, replaced or reordered: one layout item for it,
    and many such lines are one re-flow of the table. Updates ``grouped``; returns the new item list."""
    by_row: dict[int, list[int]] = {}
    by_col: dict[int, list[int]] = {}
    for n, (i, k, *_rest) in enumerate(changed):
        if n in skip:
            continue
        by_row.setdefault(i, []).append(n)
        by_col.setdefault(k, []).append(n)
    for key, members, n_other, what in (
        *((i, m, filled_rows.get(i, n_cols), "row") for i, m in by_row.items()),
        *((k, m, filled_cols.get(k, n_rows), "column") for k, m in by_col.items()),
    ):
        members = [m for m in members if m not in grouped]
        if len(members) >= 2 and len(members) >= 0.5 * n_other:
            if key in moved[0 if what == "row" else 1]:
                grouped.update(members)  # a moved line: its move is reported, its re-wrapped cells are not
                continue
            rbox = _union([changed[m][2] for m in members])
            cbox = _union([changed[m][3] for m in members])
            desc = f"Most cells of {what} {key} differ (the {what} was moved, replaced or reordered)."
            out.append((_Item("layout_error", 2, rbox, desc, "layout", f"{what} {key}"), cbox))
            grouped.update(members)
    if len(out) > MAX_CHANGED_LINES:
        # Many whole rows or columns differ: one re-flow of the table (column widths, wrapping), not many edits.
        rbox, cbox = _union([it.box for it, _ in out]), _union([b for _, b in out])
        desc = f"{len(out)} rows or columns differ in most cells (the table re-flowed or was rebuilt)."
        out = [(_Item("layout_error", 2, rbox, desc, "layout", "many rows"), cbox)]
    return out


def _cell_text_item(ta: str, tb: str, rb: PxBox, cb: PxBox, where: str) -> tuple[_Item, PxBox]:
    """The discrepancy for one cell whose OCR'd reads differ: numeric or text, severity by the written rule."""
    numeric = is_numeric_change(ta, tb)
    sev = _text_severity(ta, tb, numeric)
    if not tb:
        desc = f"The cell {_q(ta)} is empty in the candidate."
    elif not ta:
        desc = f"The candidate's cell has {_q(tb)} where the reference's is empty."
    else:
        desc = f"The {'number' if numeric else 'text'} reads {_q(tb)} in the candidate instead of {_q(ta)}."
    return _Item("numeric_error" if numeric else "text_error", sev, rb, desc, "text", where), cb


def _cell_crop(grey: np.ndarray, box: PxBox, inner: PxBox) -> np.ndarray:
    """A cell's ink box, padded by 2 px, from a grey image (``inner`` is relative to ``box``)."""
    x0, y0 = box[0] + max(inner[0] - 2, 0), box[1] + max(inner[1] - 2, 0)
    return np.ascontiguousarray(grey[y0 : box[1] + inner[3] + 2, x0 : box[0] + inner[2] + 2])


def _mostly_different_words(changed: list[Any], ref_grey: np.ndarray, cand_grey: np.ndarray) -> bool:
    """Read up to 6 changed cells: do most say something else (not the same words re-wrapped)?"""
    if not _Ocr.available():
        return True
    sample = [x for x in changed if x[4] is not None and x[5] is not None][:6]
    if not sample:
        return True
    differ = 0
    for _i, _k, rb, cb, ra, ca in sample:
        ta = " ".join((read_text(_cell_crop(ref_grey, rb, ra), block=True) or "").split())
        tb = " ".join((read_text(_cell_crop(cand_grey, cb, ca), block=True) or "").split())
        # A table re-rendered at another scale reads alike but not letter for letter.
        differ += _levenshtein(ta, tb) > max(1, 0.2 * max(len(ta), len(tb)))
    return differ >= 0.6 * len(sample)


def _row_signatures(g: TableGrid, ink: np.ndarray) -> list[tuple[tuple[int, int], ...]]:
    """Per row, the size of each cell's ink (rounded to 3 px): equal rows have equal signatures."""
    out = []
    for i in range(1, len(g.rows)):
        sig = []
        for k in range(1, len(g.cols)):
            y0, y1 = int(g.rows[i - 1]) + 3, int(g.rows[i]) - 2
            x0, x1 = int(g.cols[k - 1]) + 3, int(g.cols[k]) - 2
            b = _cell_ink_box(ink[y0:y1, x0:x1]) if y1 > y0 and x1 > x0 else None
            sig.append((0, 0) if b is None else ((b[2] - b[0]) // 3, (b[3] - b[1]) // 3))
        out.append(tuple(sig))
    return out


# --------------------------------------------------------------------------- tables: rows and columns aligned by content


def _cell_inner(g: TableGrid, i: int, k: int) -> PxBox:
    """Cell (row i, column k; 1-based) inside its rules."""
    return int(g.cols[k - 1]) + 3, int(g.rows[i - 1]) + 3, int(g.cols[k]) - 2, int(g.rows[i]) - 2


def _shifted_diff(a: np.ndarray, b: np.ndarray) -> float:
    """Mean grey difference of two crops placed top-left, the best of shifts by up to 1 px
    (the same text set at another sub-pixel offset gains or loses a faint edge row)."""
    mh, mw = min(a.shape[0], b.shape[0]) - 2, min(a.shape[1], b.shape[1]) - 2
    if mh < 1 or mw < 1:
        mh, mw = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
        return float(cv2.absdiff(a[:mh, :mw], b[:mh, :mw]).mean())
    core = np.ascontiguousarray(a[1 : 1 + mh, 1 : 1 + mw])
    n = float(mh * mw)
    return min(
        cv2.norm(core, np.ascontiguousarray(b[1 + dy : 1 + dy + mh, 1 + dx : 1 + dx + mw]), cv2.NORM_L1) / n
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        if 1 + dy + mh <= b.shape[0] and 1 + dx + mw <= b.shape[1]
    )


#: A table cell: (content class, 0 for an empty cell; box; ink box within it, None when empty).
_Cell = tuple[int, PxBox, PxBox | None]


def _canonical_crop(crop: np.ndarray) -> np.ndarray:
    """A text crop blurred (sigma 1 px) and moved by under a pixel so that its ink's centroid sits on
    the pixel grid: the same text set at two sub-pixel offsets then agrees far more closely."""
    mo = cv2.moments(255 - crop)
    if mo["m00"] <= 0:
        return cv2.GaussianBlur(crop, (0, 0), 1.0)
    cx, cy = mo["m10"] / mo["m00"], mo["m01"] / mo["m00"]
    m = np.float32([[1, 0, round(cx) - cx], [0, 1, round(cy) - cy]])
    moved = cv2.warpAffine(
        crop, m, (crop.shape[1], crop.shape[0]), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return cv2.GaussianBlur(moved, (0, 0), 1.0)


class _CellClasses:
    """Content classes of table cells: two cells are one class when their ink boxes have the same
    size (within 1 px) and their pixels agree (`_canonical_crop`, mean grey difference below the
    tolerance: 10, 13 for a resampled candidate; the closest class wins), wherever the cell sits."""

    def __init__(self, tolerance: float) -> None:
        self.tolerance = tolerance
        self.reps: list[np.ndarray] = []
        #: Ink box size -> the classes of that size (a crop is compared with sizes within 1 px only).
        self.by_size: dict[tuple[int, int], list[int]] = {}
        #: Exact pixels -> class: most candidate cells are pixel copies of reference cells.
        self.exact: dict[tuple[int, int, bytes], int] = {}

    def classify(self, grey: np.ndarray, ink: np.ndarray, box: PxBox) -> tuple[int, PxBox | None]:
        if box[2] <= box[0] or box[3] <= box[1]:
            return 0, None
        inner = _cell_ink_box(ink[box[1] : box[3], box[0] : box[2]])
        if inner is None:
            return 0, None
        w, h = inner[2] - inner[0], inner[3] - inner[1]
        crop = grey[box[1] + inner[1] : box[1] + inner[3], box[0] + inner[0] : box[0] + inner[2]]
        key = (w, h, crop.tobytes())
        if key in self.exact:
            return self.exact[key], inner
        cls = self._classify(crop, w, h)
        self.exact[key] = cls
        return cls, inner

    def _classify(self, crop: np.ndarray, w: int, h: int) -> int:
        # Small text set at another sub-pixel offset differs by tens of grey levels pixel by pixel;
        # centred and blurred it agrees within a few. Too coarse for a typo: cells are compared
        # again, unblurred, once aligned (`_same_cell`).
        crop = _canonical_crop(crop)
        best, best_d = 0, self.tolerance
        for dw in (-1, 0, 1):
            for dh in (-1, 0, 1):
                for n in self.by_size.get((w + dw, h + dh), ()):
                    d = _shifted_diff(self.reps[n], crop)
                    if d < best_d or (d == best_d and best and n + 1 < best):
                        best, best_d = n + 1, d
        if best:
            return best
        self.reps.append(crop)
        self.by_size.setdefault((w, h), []).append(len(self.reps) - 1)
        return len(self.reps)


def _same_cell(ref_grey: np.ndarray, cand_grey: np.ndarray, rb: PxBox, cb: PxBox, ra: PxBox, ca: PxBox) -> bool:
    """Two cells' ink, placed top-left, the same size within 1 px and mean grey difference < 12."""
    rw_, rh_, cw_, ch_ = ra[2] - ra[0], ra[3] - ra[1], ca[2] - ca[0], ca[3] - ca[1]
    if abs(rw_ - cw_) > 1 or abs(rh_ - ch_) > 1:
        return False
    w_, h_ = min(rw_, cw_), min(rh_, ch_)
    a = ref_grey[rb[1] + ra[1] : rb[1] + ra[1] + h_, rb[0] + ra[0] : rb[0] + ra[0] + w_]
    b = cand_grey[cb[1] + ca[1] : cb[1] + ca[1] + h_, cb[0] + ca[0] : cb[0] + ca[0] + w_]
    d = cv2.absdiff(a, b)
    # Mean < 12, and no glyph's worth of strongly different pixels (two letters swapped in a long cell).
    return float(d.mean()) < 12 and int(np.count_nonzero(d > 80)) < 6


def _multiset_sim(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    if not a and not b:
        return 1.0
    ca: dict[int, int] = {}
    for x in a:
        ca[x] = ca.get(x, 0) + 1
    common = 0
    for x in b:
        if ca.get(x, 0) > 0:
            ca[x] -= 1
            common += 1
    return common / max(len(a), len(b))


@dataclass
class _Alignment:
    """How the candidate's rows (or columns) map onto the reference's (0-based indices)."""

    pairs: list[tuple[int, int]]  # (ref, cand) kept one-to-one
    dropped: list[int]  # reference indices with no candidate counterpart
    repeated: list[tuple[int, int]]  # (ref, cand): a further copy of a reference line
    cycles: list[list[int]]  # candidate indices of lines out of order, one list per permutation cycle


def _align_core(sim: np.ndarray, min_sim: float = 0.5) -> _Alignment | None:
    """Map candidate lines (rows or columns) onto reference lines from a similarity matrix (ref x cand).

    First an order-keeping alignment (dynamic programming, the most total similarity over pairs
    with ``sim >= min_sim``); then the lines left over: a candidate line like a left-over
    reference line is that line moved, one like an aligned reference line repeats it, left-over
    lines on both sides are paired in order (the same line, edited), and a reference line still
    left was dropped. The order of all pairs is a permutation whose cycles are the swaps. None
    when under half the lines align.
    """
    n_ref, n_cand = sim.shape
    ok = sim >= min_sim
    score = np.zeros((n_ref + 1, n_cand + 1))
    for i in range(n_ref):
        for j in range(n_cand):
            take = score[i, j] + sim[i, j] if ok[i, j] else -1.0
            score[i + 1, j + 1] = max(score[i, j + 1], score[i + 1, j], take)
    pairs: list[tuple[int, int]] = []
    i, j = n_ref, n_cand
    while i > 0 and j > 0:
        # On ties the later candidate line stays unmatched: the first of two equal copies is the original.
        if score[i, j] == score[i, j - 1]:
            j -= 1
        elif ok[i - 1, j - 1] and score[i, j] == score[i - 1, j - 1] + sim[i - 1, j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        else:
            i -= 1
    if len(pairs) < 0.5 * max(n_ref, n_cand) and len(pairs) < max(n_ref, n_cand) - 2:
        return None
    left_ref = [i for i in range(n_ref) if i not in {p[0] for p in pairs}]
    left_cand = [j for j in range(n_cand) if j not in {p[1] for p in pairs}]
    for j in list(left_cand):  # moved
        cands = [i for i in left_ref if ok[i, j]]
        if cands:
            i = max(cands, key=lambda i: sim[i, j])
            pairs.append((i, j))
            left_ref.remove(i)
            left_cand.remove(j)
    repeated: list[tuple[int, int]] = []
    for j in list(left_cand):  # repeated
        if ok[:, j].any() and sim[:, j].max() >= 0.9:
            repeated.append((int(sim[:, j].argmax()), j))
            left_cand.remove(j)
    for j in list(left_cand):  # edited beyond recognition: a left-over reference line in the same gap
        before = [i for i, jj in pairs if jj < j]
        after = [i for i, jj in pairs if jj > j]
        lo, hi = max(before, default=-1), min(after, default=n_ref)
        gap = [i for i in left_ref if lo < i < hi]
        if gap:
            pairs.append((gap[0], j))
            left_ref.remove(gap[0])
            left_cand.remove(j)
    # Still left on both sides: the same lines moved and edited (a swap of columns that re-wrapped).
    n_pair = min(len(left_ref), len(left_cand))
    pairs.extend(zip(left_ref[:n_pair], left_cand[:n_pair], strict=True))
    dropped = left_ref[n_pair:]
    repeated.extend((int(sim[:, j].argmax()), j) for j in left_cand[n_pair:])
    # Reference lines the similarities cannot tell apart (copies) take their partners in order:
    # a cycle among copies is no visible reorder.
    copies: dict[bytes, list[int]] = {}
    for n, (i, _) in enumerate(pairs):
        copies.setdefault(sim[i].tobytes(), []).append(n)
    for members in copies.values():
        if len(members) > 1:
            refs, cands = sorted(pairs[n][0] for n in members), sorted(pairs[n][1] for n in members)
            for n, i, j in zip(members, refs, cands, strict=True):
                pairs[n] = (i, j)
    pairs.sort(key=lambda p: p[1])
    order = [i for i, _ in pairs]
    rank = {i: r for r, i in enumerate(sorted(order))}
    perm = [rank[i] for i in order]  # position -> rank
    seen = [False] * len(perm)
    cycles: list[list[int]] = []
    for start in range(len(perm)):
        if seen[start] or perm[start] == start:
            seen[start] = True
            continue
        cyc, p = [], start
        while not seen[p]:
            seen[p] = True
            cyc.append(pairs[p][1])
            p = perm[p]
        cycles.append(cyc)
    return _Alignment(pairs, dropped, repeated, cycles)


def _align_lines(sim: np.ndarray, ref_live: list[bool], cand_live: list[bool]) -> _Alignment | None:
    """`_align_core` over the non-empty lines only (an empty margin band is no row), indices mapped back."""
    ri = [i for i, v in enumerate(ref_live) if v]
    ci = [j for j, v in enumerate(cand_live) if v]
    if not ri or not ci:
        return None
    al = _align_core(sim[np.ix_(ri, ci)])
    if al is None:
        return None
    return _Alignment(
        [(ri[i], ci[j]) for i, j in al.pairs],
        [ri[i] for i in al.dropped],
        [(ri[i], ci[j]) for i, j in al.repeated],
        [[ci[j] for j in cyc] for cyc in al.cycles],
    )


def _row_pitch(g: TableGrid) -> float:
    """Height of a table's one-line rows: the mean of the inner row bands within 1.5 px of their
    median (the edge bands may be margins; wrapped rows are taller). Rules sit at sub-pixel
    centres, so the mean resolves a downscaled table's scale to a fraction of a per cent."""
    d = np.diff(np.asarray(g.rows[1:-1])) if len(g.rows) > 3 else np.diff(np.asarray(g.rows))
    if not len(d):
        return 0.0
    med = float(np.median(d))
    near = d[np.abs(d - med) <= 1.5]
    # Two bands far apart (e.g. one wrapped row of two) have no one-line rows to average: use the median.
    return float(near.mean()) if len(near) else med


def table_aligned_items(
    ref: np.ndarray, cand: np.ndarray, max_ocr: int, g_ref: TableGrid | None = None
) -> list[tuple[_Item, PxBox]] | None:
    """Compare two tables after aligning their rows and columns by content.

    Every cell gets a content class (`_CellClasses`); a row is the multiset of its cells' classes,
    a column likewise, so a row keeps its identity when columns move and vice versa. Rows and
    columns are aligned (`_align_lines`): a dropped one is one layout_error 3, a repeated one or
    a swap (a cycle of the order) one layout_error 2. Then the cells of aligned rows and columns
    are compared (`_changed_cell_items`); a row whose later cells all sit one column to the
    right had a cell split (`_split_rows`). A candidate whose rows are another height by over
    1 % (a wider table shrunk to the same canvas: at 3 % most text of a table shrunk by 2 % fell
    into new content classes) is scaled to the reference's row pitch first. Returns (item
    in reference px, box in candidate px) pairs, or None when the grids cannot be read or the
    tables do not align (another table).
    """
    g_ref, g_cand = g_ref or table_grid(ref), table_grid(cand)
    if g_ref is None or g_cand is None or len(g_ref.rows) < 3 or len(g_cand.rows) < 3:
        return None
    pr, pc = _row_pitch(g_ref), _row_pitch(g_cand)
    scale = pr / pc if pr > 0 and pc > 0 else 1.0
    cand_original = cand
    if abs(scale - 1.0) > 0.01 and 0.5 < scale < 2.0:
        ch, cw = cand.shape[:2]
        cand = cv2.resize(
            cand,
            (max(1, round(cw * scale)), max(1, round(ch * scale))),
            interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC,
        )
        g_cand = table_grid(cand)
        if g_cand is None or len(g_cand.rows) < 3:
            return None
    else:
        scale = 1.0
    out = _aligned_items(ref, cand, max_ocr, g_ref, g_cand, original=(cand_original, scale) if scale != 1.0 else None)
    if out is None or scale == 1.0:
        return out
    return [
        (it, (int(b[0] / scale), int(b[1] / scale), math.ceil(b[2] / scale), math.ceil(b[3] / scale))) for it, b in out
    ]


def _aligned_items(
    ref: np.ndarray,
    cand: np.ndarray,
    max_ocr: int,
    g_ref: TableGrid,
    g_cand: TableGrid,
    original: tuple[np.ndarray, float] | None = None,
) -> list[tuple[_Item, PxBox]] | None:
    """`table_aligned_items` on grids of the same scale. A resampled candidate (``original``: the
    image before resampling and the scale applied) has its cells classed with more tolerance, not
    compared pixel by pixel, and read by OCR from the original pixels."""
    resampled = original is not None
    ref_ink, cand_ink = _lab_ink(ref)[1], _lab_ink(cand)[1]
    ref_grey, cand_grey = cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY), cv2.cvtColor(cand, cv2.COLOR_RGB2GRAY)
    # Text of a table re-flowed by a pixel or two sits at other sub-pixel offsets; centred on the pixel
    # grid and blurred (`_canonical_crop`) it agrees within 10 grey levels, different words do not.
    # Typos are caught unblurred by `_same_cell`.
    classes = _CellClasses(13.0 if resampled else 10.0)

    def cells(g: TableGrid, grey: np.ndarray, ink: np.ndarray) -> list[list[_Cell]]:
        out = []
        for i in range(1, len(g.rows)):
            row = []
            for k in range(1, len(g.cols)):
                box = _cell_inner(g, i, k)
                cls, inner = classes.classify(grey, ink, box)
                row.append((cls, box, inner))
            out.append(row)
        return out

    rc, cc = cells(g_ref, ref_grey, ref_ink), cells(g_cand, cand_grey, cand_ink)
    n_rr, n_rc, n_cr, n_cc = len(rc), len(rc[0]), len(cc), len(cc[0])
    if n_rr * n_rc < 4:
        return None
    # Columns compare as multisets (rows may move), with a tenth for cells in the same place: two
    # columns holding the same values one row apart ("start year", "end year") are told apart.
    n_r = min(n_rr, n_cr)
    col_sim = np.array(
        [
            [
                0.9 * _multiset_sim(tuple(rc[i][k][0] for i in range(n_rr)), tuple(cc[i][m][0] for i in range(n_cr)))
                + 0.1 * sum(rc[i][k][0] == cc[i][m][0] for i in range(n_r)) / max(n_rr, n_cr)
                for m in range(n_cc)
            ]
            for k in range(n_rc)
        ]
    )
    live_rc = [any(rc[i][k][0] for i in range(n_rr)) for k in range(n_rc)]
    live_cc = [any(cc[i][k][0] for i in range(n_cr)) for k in range(n_cc)]
    live_rr = [any(x[0] for x in r) for r in rc]
    live_cr = [any(x[0] for x in r) for r in cc]
    col_al = _align_lines(col_sim, live_rc, live_cc)
    if col_al is None:
        return None
    # Rows compare cell by cell through the aligned columns, each cell weighted by how rare its
    # content is in its column (many rows share a "Yes", an "N/A" or an empty cell).
    cnt_r = [Counter(rc[i][k][0] for i in range(n_rr)) for k in range(n_rc)]
    cnt_c = [Counter(cc[i][m][0] for i in range(n_cr)) for m in range(n_cc)]
    row_sim = np.zeros((n_rr, n_cr))
    for i in range(n_rr):
        for j in range(n_cr):
            num = den = 0.0
            for k, m in col_al.pairs:
                a, b = rc[i][k][0], cc[j][m][0]
                if a or b:
                    wgt = 1.0 / max(cnt_r[k][a], cnt_c[m][b], 1)
                    den += wgt
                    num += wgt * (a == b)
            row_sim[i, j] = num / den if den else 0.0
    row_al = _align_lines(row_sim, live_rr, live_cr)
    if row_al is None or col_al is None:
        return None
    ch, cw = cand.shape[:2]
    rh, rw = ref.shape[:2]

    def cand_band(axis: int, j: int) -> PxBox:
        g = g_cand.rows if axis == 0 else g_cand.cols
        j = min(max(j, 0), len(g) - 2)
        a, b = int(g[j]), int(g[j + 1])
        return (0, a, cw, b) if axis == 0 else (a, 0, b, ch)

    def ref_band(axis: int, i: int) -> PxBox:
        g = g_ref.rows if axis == 0 else g_ref.cols
        i = min(max(i, 0), len(g) - 2)
        a, b = int(g[i]), int(g[i + 1])
        return (0, a, rw, b) if axis == 0 else (a, 0, b, rh)

    out: list[tuple[_Item, PxBox]] = []

    def alike(a: _Cell, b: _Cell) -> bool:
        """The same class, or the same ink up to the blur of a new sub-pixel offset (looser than a class)."""
        if a[0] == b[0] or not a[0] or not b[0] or a[2] is None or b[2] is None:
            return a[0] == b[0]
        ca, cb = _cell_crop(ref_grey, a[1], a[2]), _cell_crop(cand_grey, b[1], b[2])
        if abs(ca.shape[0] - cb.shape[0]) > 1 or abs(ca.shape[1] - cb.shape[1]) > 1:
            return False
        return _shifted_diff(_canonical_crop(ca), _canonical_crop(cb)) < 20.0

    splits = _split_rows(rc, cc, row_al, col_al, alike)
    split_rows = {cj for cj, *_ in splits}
    split_extra = {m for *_, m in splits if m is not None}
    for ri, cj, k, m, lost, _extra in splits:
        rbox = _union([rc[ri][kk][1] for kk in range(k, n_rc)])
        cbox = _union([cc[cj][mm][1] for mm in range(m, n_cc)])
        tail = "its last cell is lost" if lost else "a column was added for it"
        desc = f"Cell {k + 1} of row {ri + 1} is split in two in the candidate (the later cells moved right; {tail})."
        out.append(
            (_Item("layout_error", 3 if lost else 2, rbox, desc, "layout", f"row {cj + 1}, column {m + 1}"), cbox)
        )
    for axis, al, what in ((0, row_al, "row"), (1, col_al, "column")):
        for i in al.dropped:
            # The candidate line now in its place (the last one when it was the last).
            j = next((cj for ri, cj in sorted(al.pairs) if ri > i), None)
            cbox = cand_band(axis, j if j is not None else 10**6)
            desc = f"The reference's {what} {i + 1} is missing in the candidate."
            out.append((_Item("layout_error", 3, ref_band(axis, i), desc, "layout", f"{what} {i + 1}"), cbox))
        for i, j in al.repeated:
            if axis == 1 and j in split_extra:
                continue  # the column a split cell pushed its row's last cell into
            desc = f"The candidate's {what} {j + 1} repeats the reference's {what} {i + 1}."
            out.append(
                (_Item("layout_error", 2, ref_band(axis, i), desc, "layout", f"{what} {j + 1}"), cand_band(axis, j))
            )
        for cyc in al.cycles:
            boxes = [cand_band(axis, j) for j in cyc]
            cbox = _union(boxes)
            names = ", ".join(str(j + 1) for j in sorted(cyc))
            desc = f"The candidate's {what}s {names} are in another order than the reference's."
            for _ in range(len(cyc) - 1):
                out.append((_Item("layout_error", 2, cbox, desc, "layout", f"{what}s {names}"), cbox))

    changed: list[tuple[int, int, PxBox, PxBox, PxBox | None, PxBox | None]] = []
    weak: set[int] = set()
    filled = 0
    filled_rows: dict[int, int] = {}
    filled_cols: dict[int, int] = {}
    for ri, cj in row_al.pairs:
        if cj in split_rows:
            continue
        for rk, cl in col_al.pairs:
            a, b = rc[ri][rk], cc[cj][cl]
            if a[0] == 0 and b[0] == 0:
                continue
            filled += 1
            filled_rows[cj + 1] = filled_rows.get(cj + 1, 0) + 1
            filled_cols[cl + 1] = filled_cols.get(cl + 1, 0) + 1
            if a[0] != b[0]:
                if alike(a, b):
                    weak.add(len(changed))  # the same ink blurred by a new offset or scale: OCR decides
                changed.append((cj + 1, cl + 1, a[1], b[1], a[2], b[2]))
            elif (
                not resampled
                and a[2] is not None
                and b[2] is not None
                and not _same_cell(ref_grey, cand_grey, a[1], b[1], a[2], b[2])
            ):
                weak.add(len(changed))  # the same class blurred: maybe a typo, OCR decides
                changed.append((cj + 1, cl + 1, a[1], b[1], a[2], b[2]))
    strong = [x for n, x in enumerate(changed) if n not in weak]
    if len(strong) >= 0.6 * filled and filled >= 6 and _mostly_different_words(strong, ref_grey, cand_grey):
        return None  # nearly every cell differs: another table (the caller's fallbacks handle it)
    out.extend(
        _changed_cell_items(
            changed, len(row_al.pairs), len(col_al.pairs), g_cand, cand_ink, ref_grey, cand_grey, max_ocr,
            weak, filled_rows, filled_cols,
            ({j + 1 for c in row_al.cycles for j in c}, {j + 1 for c in col_al.cycles for j in c}),
            None if original is None else (cv2.cvtColor(original[0], cv2.COLOR_RGB2GRAY), original[1]),
        )
    )  # fmt: skip
    return out


def _split_rows(
    rc: list[list[_Cell]],
    cc: list[list[_Cell]],
    row_al: _Alignment,
    col_al: _Alignment,
    alike: Callable[[_Cell, _Cell], bool],
) -> list[tuple[int, int, int, int, bool, int | None]]:
    """Rows where one cell was split in two: (ref row, cand row, ref column, cand column, last cell lost,
    cand column added for the row or None), all 0-based.

    In such a row the cells before the split read as in the reference, the split cell's two halves
    (new content) follow, and every later cell reads one column to the right; the row's last cell
    goes into a column of its own (a new column, empty in every other row) or is lost. ``alike``
    compares two cells: the later cells sit at new sub-pixel offsets. Only tables whose aligned
    columns keep their order are checked.
    """
    cols = sorted(col_al.pairs)
    if not cols or [m for _, m in cols] != sorted(m for _, m in cols):
        return []
    last = cols[-1][1]
    paired = {m for _, m in cols}
    extra_cols = [m for m in range(last + 1, len(cc[0])) if m not in paired]
    out: list[tuple[int, int, int, int, bool, int | None]] = []
    for ri, cj in row_al.pairs:
        ref_row = [rc[ri][k] for k, _ in cols]
        cand_row = [cc[cj][m] for _, m in cols]
        extra = next((m for m in extra_cols if cc[cj][m][0]), None)
        if extra is not None:
            if any(cc[j][extra][0] for j in range(len(cc)) if j != cj):
                extra = None  # a column other rows use too: not this row's overflow
            else:
                cand_row.append(cc[cj][extra])
        n = len(ref_row)
        for p in range(n):
            if alike(ref_row[p], cand_row[p]):
                continue
            halves = cand_row[p : p + 2]
            if len(halves) < 2 or not all(h[0] for h in halves) or any(alike(r, h) for h in halves for r in ref_row):
                break  # a split cell's halves are new content (two cells trading places are not)
            # Within the aligned columns: a cell pushed into a new column sits on that column's partial rules.
            tail = [(ref_row[t], cand_row[t + 1], cand_row[t]) for t in range(p + 1, n - 1)]
            shifted = sum(1 for r, c, _ in tail if r[0] and alike(r, c))
            direct = sum(1 for r, _, c in tail if r[0] and alike(r, c))
            if all(alike(r, c) for r, c, _ in tail) and (shifted > direct or (not tail and extra is not None)):
                out.append((ri, cj, cols[p][0], cols[p][1], extra is None, extra))
            break
    return out


def _merged_in_candidate(g: TableGrid, ink: np.ndarray, i: int, k: int) -> bool:
    """Does the candidate's rule between columns k and k+1 (1-based) break in row i (a merged cell)?"""
    if k >= len(g.cols) - 1:
        return False
    x = round(g.cols[k])
    y0, y1 = int(g.rows[i - 1]) + 3, int(g.rows[i]) - 2
    if y1 <= y0:
        return False
    band = ink[y0:y1, max(0, x - 1) : x + 2]
    return float(band.any(axis=1).mean()) < 0.5


def _extra_side(a: np.ndarray, b: np.ndarray) -> str | None:
    """Where the wider of two crops of one line has extra ink: "left", "right" or None (unclear)."""
    small, big = (a, b) if a.shape[1] <= b.shape[1] else (b, a)
    h = min(small.shape[0], big.shape[0])
    small, big = small[:h], big[:h]
    if big.shape[1] - small.shape[1] < 2 or small.shape[1] < 4:
        return None
    res = cv2.matchTemplate(big.astype(np.float32), small.astype(np.float32), cv2.TM_SQDIFF_NORMED)[0]
    x = int(res.argmin())
    span = len(res) - 1
    return "right" if x <= 0.25 * span else ("left" if x >= 0.75 * span else None)


_OCR_CONFUSABLE = str.maketrans(
    {"I": "l", "i": "l", "1": "l", "|": "l", "/": "l", "!": "l", "0": "O", "o": "O", "S": "5"}
    | {"[": "(", "{": "(", "]": ")", "}": ")"}
    | dict.fromkeys(".,'\"`‘’“”", None)
)


def _ocr_same(a: str, b: str) -> bool:
    """Reads that differ only in characters OCR confuses or loses at small sizes (N/A vs NIA, 0 vs O,
    7S vs 75, [ vs {, a decimal point or a quote mark)."""
    return a.translate(_OCR_CONFUSABLE) == b.translate(_OCR_CONFUSABLE)


def _changed_cell_items(
    changed: list[tuple[int, int, PxBox, PxBox, PxBox | None, PxBox | None]],
    n_rows: int,
    n_cols: int,
    g_cand: TableGrid | None,
    cand_ink: np.ndarray | None,
    ref_grey: np.ndarray,
    cand_grey: np.ndarray,
    max_ocr: int,
    weak: set[int] | None = None,
    filled_rows: dict[int, int] | None = None,
    filled_cols: dict[int, int] | None = None,
    moved: tuple[set[int], set[int]] = (set(), set()),
    cand_original: tuple[np.ndarray, float] | None = None,
) -> list[tuple[_Item, PxBox]]:
    """Items for changed cells (row i, column k in the candidate's grid): merged cells, rows or
    columns with most cells changed (layout_error 2 each), then each remaining cell read by OCR.

    ``weak`` changes (same content class, pixels differ: a typo or a sub-pixel offset) do not
    count towards a changed row or column; ``filled_rows``/``filled_cols`` are the non-empty
    cells per row/column (default: ``n_cols``/``n_rows``). ``cand_original`` (grey image, scale):
    read the candidate's cells there, not in the resampled ``cand_grey``."""
    weak = weak or set()

    def cand_crop(cb: PxBox, ca: PxBox) -> np.ndarray:
        if cand_original is None:
            return _cell_crop(cand_grey, cb, ca)
        grey, s = cand_original
        x0, y0 = int((cb[0] + ca[0]) / s), int((cb[1] + ca[1]) / s)
        x1, y1 = math.ceil((cb[0] + ca[2]) / s), math.ceil((cb[1] + ca[3]) / s)
        return _cell_crop(grey, (x0, y0, x1, y1), (0, 0, x1 - x0, y1 - y0))

    out: list[tuple[_Item, PxBox]] = []
    grouped: set[int] = set()
    if g_cand is not None and cand_ink is not None:
        # Two neighbouring changed cells with no rule between them in the candidate: merged.
        pos = {(i, k): n for n, (i, k, *_r) in enumerate(changed)}
        for n, (i, k, *_r) in enumerate(changed):
            m = pos.get((i, k + 1))
            if m is None or n in grouped or m in grouped or not _merged_in_candidate(g_cand, cand_ink, i, k):
                continue
            rbox, cbox = _union([changed[n][2], changed[m][2]]), _union([changed[n][3], changed[m][3]])
            desc = f"Cells {k} and {k + 1} of row {i} are one cell in the candidate."
            out.append((_Item("layout_error", 2, rbox, desc, "layout", f"row {i}, columns {k}-{k + 1}"), cbox))
            grouped.update((n, m))
    out = _changed_lines(out, changed, grouped, filled_rows or {}, filled_cols or {}, n_rows, n_cols, weak, moved)

    calls = weak_calls = 0
    reads: list[_CellRead] = []
    # Cells that differ in content first; then those only pixels tell apart (a typo, or a sub-pixel
    # offset: OCR decides), under a smaller cap.
    order = sorted(range(len(changed)), key=lambda n: n in weak)
    for n in order:
        i, k, rb, cb, ra, ca = changed[n]
        if n in grouped or calls >= max_ocr or not _Ocr.available():
            continue
        if n in weak:
            if weak_calls >= WEAK_OCR:
                continue
            weak_calls += 2
        multi = max((b[3] - b[1]) for b in (ra, ca) if b is not None) > 30
        ta, tb, conf = _read_cells(
            None if ra is None else _cell_crop(ref_grey, rb, ra), None if ca is None else cand_crop(cb, ca), multi
        )
        calls += 2
        if conf < MIN_READ_CONF:
            continue  # an unsure read: OCR noise is no evidence of an edit
        if ta == tb and n not in weak and ra is not None and ca is not None and _number(ta) is not None:
            # The same number read twice, but the ink differs: OCR drops a small leading minus
            # sign or a trailing unit. Where the narrower ink sits in the wider says which.
            grew = (ca[2] - ca[0]) - (ra[2] - ra[0])
            if abs(grew) >= 3:
                side = _extra_side(_cell_crop(ref_grey, rb, ra), _cell_crop(cand_grey, cb, ca))
                if side == "left":
                    tb = ("-" + ta) if grew > 0 else ta.lstrip("-−")
                    ta = ta if grew > 0 else ("-" + ta.lstrip("-−"))
                elif side == "right":
                    unit = "added after" if grew > 0 else "removed from"
                    desc = (
                        f"A unit or symbol was {unit} the number {_q(ta)} (the ink is wider or narrower on the right)."
                    )
                    out.append((_Item("numeric_error", 2, rb, desc, "text", f"row {i}, column {k}"), cb))
                    continue
        if ta == tb or max(_alnum(ta), _alnum(tb)) == 0 or _ocr_same(ta, tb):
            continue  # the same words (a rendering difference, an OCR confusion) or nothing legible
        reads.append(_CellRead(len(out), i, k, ta, tb))
        out.append(_cell_text_item(ta, tb, rb, cb, f"row {i}, column {k}"))
    return _collapse_exchanges(out, reads)


@dataclass(frozen=True)
class _CellRead:
    """A cell whose text changed: its item's index in the item list, its place, and both reads."""

    item: int
    row: int
    col: int
    ref: str
    cand: str


def _same_read(a: str, b: str) -> bool:
    """The same cell text up to OCR noise: case, spacing, punctuation, a wrong letter in five (digits exact).

    Texts under two letters or digits never match: single characters trade places by chance.
    """
    a, b = re.sub(r"\W", "", a.lower()), re.sub(r"\W", "", b.lower())
    if min(len(a), len(b)) < 2 or re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False
    return _levenshtein(a, b) <= len(max(a, b, key=len)) // 5


def _collapse_exchanges(items: list[tuple[_Item, PxBox]], reads: list[_CellRead]) -> list[tuple[_Item, PxBox]]:
    """Cells that trade contents are one swap: two columns (same row) or two rows (same column).

    A swap of columns of different widths re-wraps the table, so the grid alignment may miss it;
    the cell reads then show it: column k reads what column j read and the other way round.
    One layout_error 2 per swapped pair replaces the cell items and the line items of those lines.
    """
    swaps: dict[tuple[str, int, int], set[int]] = {}
    # A cell that reads as before up to OCR noise took no one's contents.
    reads = [r for r in reads if not _same_read(r.ref, r.cand)]
    for n, a in enumerate(reads):
        for b in reads[n + 1 :]:
            if not (_same_read(a.ref, b.cand) and _same_read(a.cand, b.ref)):
                continue
            if a.row == b.row and a.col != b.col:
                key = ("columns", min(a.col, b.col), max(a.col, b.col))
            elif a.col == b.col and a.row != b.row:
                key = ("rows", min(a.row, b.row), max(a.row, b.row))
            else:
                continue
            swaps.setdefault(key, set()).update((a.item, b.item))
    if not swaps:
        return items
    # Once two lines are known to be swapped, their other cells that trade contents join the swap,
    # however short ('0' and '4': single characters alone prove nothing).
    for a in reads:
        for b in reads:
            if a.item >= b.item or not (_ocr_same(a.ref, b.cand) and _ocr_same(a.cand, b.ref)):
                continue
            for key in (("columns", *sorted((a.col, b.col))), ("rows", *sorted((a.row, b.row)))):
                same_line = a.row == b.row if key[0] == "columns" else a.col == b.col
                if same_line and key in swaps:
                    swaps[key].update((a.item, b.item))
    drop: set[int] = set()
    out: list[tuple[_Item, PxBox]] = []
    lines = {f"{what[:-1]} {j}" for what, *pair in swaps for j in pair}
    for (what, j, k), members in swaps.items():
        rbox = _union([items[m][0].box for m in members])
        cbox = _union([items[m][1] for m in members])
        desc = f"{what.capitalize()} {j} and {k} are swapped ({len(members)} cells hold each other's contents)."
        out.append((_Item("layout_error", 2, rbox, desc, "layout", f"{what} {j} and {k}"), cbox))
        drop.update(members)
    for n, (it, cb) in enumerate(items):
        if n in drop or it.location in lines:
            continue  # the swap's cells, or a line item for a swapped line
        out.append((it, cb))
    return out


def table_shape_items(ref: np.ndarray, cand: np.ndarray, max_change: int = 2) -> list[tuple[_Item, PxBox]] | None:
    """A table with more or fewer rows or columns: one layout item per changed dimension.

    Everything after an inserted or dropped row (column) moves, so a pixel diff would list
    every later cell; the change is one structural error, boxed from the first row (column)
    that differs to the end. Returns None when the grids cannot be read.
    """
    g_ref, g_cand = table_grid(ref), table_grid(cand)
    if g_ref is None or g_cand is None:
        return None
    d_rows, d_cols = len(g_cand.rows) - len(g_ref.rows), len(g_cand.cols) - len(g_ref.cols)
    if (d_rows == 0 and d_cols == 0) or abs(d_rows) + abs(d_cols) > max_change:
        return None  # the same shape, or another table altogether (the element check reports that)
    out: list[tuple[_Item, PxBox]] = []
    h, w = min(ref.shape[0], cand.shape[0]), min(ref.shape[1], cand.shape[1])
    rg = cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY)[:h, :w].astype(np.int16)
    cg = cv2.cvtColor(cand, cv2.COLOR_RGB2GRAY)[:h, :w].astype(np.int16)
    diff = np.abs(rg - cg) > 40
    if d_rows:
        rows_changed = np.nonzero(diff.any(axis=1))[0]
        y0 = int(rows_changed[0]) if len(rows_changed) else 0
        i = g_cand.row_of(y0 + 1) if d_rows > 0 else g_ref.row_of(y0 + 1)
        n = abs(d_rows)
        what = f"{n} row{'s' if n > 1 else ''} {'more' if d_rows > 0 else 'fewer'}"
        rbox = (0, int(g_ref.rows[min(i, len(g_ref.rows) - 1) - 1]), ref.shape[1], ref.shape[0])
        cbox = (0, int(g_cand.rows[min(i, len(g_cand.rows) - 1) - 1]), cand.shape[1], cand.shape[0])
        desc = f"The candidate table has {what} than the reference ({len(g_cand.rows) - 1} vs {len(g_ref.rows) - 1}), from row {i} on."
        out.append((_Item("layout_error", 3 if d_rows < 0 else 2, rbox, desc, "layout", f"row {i}"), cbox))
    if d_cols:
        cols_changed = np.nonzero(diff.any(axis=0))[0]
        x0 = int(cols_changed[0]) if len(cols_changed) else 0
        k = g_cand.col_of(x0 + 1) if d_cols > 0 else g_ref.col_of(x0 + 1)
        n = abs(d_cols)
        what = f"{n} column{'s' if n > 1 else ''} {'more' if d_cols > 0 else 'fewer'}"
        rbox = (int(g_ref.cols[min(k, len(g_ref.cols) - 1) - 1]), 0, ref.shape[1], ref.shape[0])
        cbox = (int(g_cand.cols[min(k, len(g_cand.cols) - 1) - 1]), 0, cand.shape[1], cand.shape[0])
        desc = f"The candidate table has {what} than the reference ({len(g_cand.cols) - 1} vs {len(g_ref.cols) - 1}), from column {k} on."
        out.append((_Item("layout_error", 3 if d_cols < 0 else 2, rbox, desc, "layout", f"column {k}"), cbox))
    return out


# --------------------------------------------------------------------------- whole-candidate checks


def _bg_share(ink: np.ndarray) -> float:
    return 1.0 - float(ink.mean())


def _element_items(c: _Ctx, regions: list[Region]) -> tuple[list[_Item], list[PxBox]]:
    """Per-element items when the candidate is noise, gutted, or (charts) has empty axes.

    Returns the items and the boxes they cover (regions inside them are not reported again).
    """
    if not regions:
        return [], []
    elements = _elements(c)
    if not elements:
        return [], []
    # Noise: the candidate has no background to speak of while the reference does.
    ref_bg, cand_bg = _bg_share(c.ref_ink), _bg_share(c.cand_ink)
    if cand_bg < 0.3 and ref_bg > cand_bg + 0.3:
        items = [_element_item(c, e, "The candidate does not reproduce this element (noise).") for e in elements]
        # What covers the canvas is content the reference does not have: one item per cell of a 4x4 grid
        # it fills (unstructured extra content has no elements to count).
        for gy in range(4):
            for gx in range(4):
                box = (gx * c.w // 4, gy * c.h // 4, (gx + 1) * c.w // 4, (gy + 1) * c.h // 4)
                if float(c.cand_ink[box[1] : box[3], box[0] : box[2]].mean()) >= 0.5:
                    cat = _CATS[c.task]["structure"]
                    items.append(_Item(cat, 2, box, "The candidate fills this part with content (noise).", "element"))
        return items, [(0, 0, c.w, c.h)]
    missing = [e for e in elements if e.missing >= MISSING_ELEMENT]
    near_ref = cv2.dilate(c.ref_ink.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    extra_ink = int((c.cand_ink & ~near_ref).sum())
    missing_ink = sum(e.ink for e in missing)
    hor_r, ver_r = _long_lines(c.ref_ink, 0.3)
    hor_c, ver_c = _long_lines(c.cand_ink, 0.3)
    ref_lines, cand_lines = hor_r | ver_r, hor_c | ver_c
    # Gutted: most elements gone *and* most of the ink gone (a re-flowed honest table keeps its ink).
    gutted = (
        c.task is not Task.SVG  # an SVG's missing shapes are counted by `_svg_items`, one per shape
        and len(elements) >= 4
        and len(missing) >= 0.5 * len(elements)
        and extra_ink < 0.5 * max(missing_ink, 1)
        and int((c.cand_ink & ~cand_lines).sum()) < 0.5 * int((c.ref_ink & ~ref_lines).sum())
    )
    if gutted and c.task is Task.CHART and c.frame is not None:
        # A chart that still plots one of the reference's series was re-drawn (a series dropped, the
        # axes re-flowed), not gutted: its changes are reported one by one below.
        fx0, fy0, fx1, fy1 = c.frame
        interior = (slice(fy0 + 3, fy1 - 3), slice(fx0 + 3, fx1 - 3))
        gutted = not _keeps_a_series(c, c.cand_ink[interior] & ~cand_lines[interior], interior)
        cand_frame = _cand_frame(c)
        if gutted and cand_frame is not None:
            # Nor is one that plots data in axes of its own (a series dropped and the rest re-scaled:
            # nothing is where it was). A line is data, however little ink beside dropped bars.
            gx0, gy0, gx1, gy1 = cand_frame
            own = c.cand_ink[gy0 + 3 : gy1 - 3, gx0 + 3 : gx1 - 3] & ~cand_lines[gy0 + 3 : gy1 - 3, gx0 + 3 : gx1 - 3]
            gutted = int(own.sum()) < EMPTY_PLOT * own.size
    if (
        not gutted
        and c.task is Task.TABLE
        and int(ref_lines.sum()) >= 200
        and int(cand_lines.sum()) < 0.2 * int(ref_lines.sum())
    ):
        # The table lost its grid: every row lost its borders.
        grid_el = [e for e in elements if (e.box[2] - e.box[0]) * (e.box[3] - e.box[1]) >= 0.3 * c.h * c.w]
        if grid_el:
            items = _table_rows_missing(c, max(grid_el, key=lambda e: e.ink))
            return items, []
    hollow: list[_Element] = []
    if not gutted and c.task is Task.CHART and c.frame is not None:
        fx0, fy0, fx1, fy1 = c.frame
        interior = (slice(fy0 + 3, fy1 - 3), slice(fx0 + 3, fx1 - 3))
        ref_data = c.ref_ink[interior] & ~ref_lines[interior]
        cand_data = c.cand_ink[interior] & ~cand_lines[interior]
        if (
            int(ref_data.sum()) >= 200
            and int(cand_data.sum()) < 0.05 * int(ref_data.sum())
            # A line across the plot is little ink beside filled bars, yet it is data.
            and int(cand_data.sum()) < EMPTY_PLOT * cand_data.size
            and not _keeps_a_series(c, cand_data, interior)
        ):
            hollow = [e for e in missing if _inside(e.box, c.frame, -3)]
    chosen = missing if gutted else hollow
    if not chosen:
        return [], []
    chosen = sorted(chosen, key=lambda e: -e.ink)[:MAX_ELEMENTS]
    items: list[_Item] = []
    for e in chosen:
        big = (e.box[2] - e.box[0]) * (e.box[3] - e.box[1]) >= 0.3 * c.h * c.w
        if c.task is Task.TABLE and big:
            items.extend(_table_rows_missing(c, e))
        else:
            items.append(_element_item(c, e, "An element of the reference is missing in the candidate."))
    covered = [e.box for e in chosen]
    return items, covered


#: More rows/columns than this with most cells changed are reported as one re-flow.
MAX_CHANGED_LINES = 3
#: OCR reads left for table cells whose pixels, not content classes, differ.
WEAK_OCR = 8
#: Tesseract's word confidence under which a cell's read is noise (half-lines cut by a spanning
#: cell, a shrunk table's small text); such reads do not report a change.
MIN_READ_CONF = 60
#: Charts and SVGs: regional items beyond this many are reported as one scattered difference of
#: severity 1 (one edit often shows as several diff regions; counting each piles up severity).
SCATTER_LIMIT = {Task.CHART: 4, Task.SVG: 3}
#: Charts, after an axis change: the share of the plotted marks left unexplained by the new axis
#: that makes a data change of its own, and the change of empty margin that says limits were set.
AXIS_RESIDUAL = 0.08
AXIS_MARGIN = 0.08
#: Charts: limits set by hand that make the y range at least this many times wider are data_error 2,
#: less 1 (the perturbation rule's step).
AXIS_WIDENED = 1.5
#: A re-encoding tint's mean colour change over its changed pixels stays under this (two plotted
#: colours trading places change by far more).
TINT_MAX_DE = 40.0
#: Cap on per-element discrepancies (a noise image against a dense chart).
MAX_ELEMENTS = 60
#: Plotted ink (axis and grid lines left out) under this share of the plot area is an empty plot:
#: a line across the plot is about 0.5 %.
EMPTY_PLOT = 0.002
#: An element is missing when this share of its ink has no candidate ink within 1 px.
MISSING_ELEMENT = 0.85


# --------------------------------------------------------------------------- the judge


_warm = False


def _warm_up() -> None:
    """OpenCV builds its Lab tables on the first conversion (~100 ms): pay that when the judge is made."""
    global _warm
    if not _warm:
        cv2.cvtColor(np.zeros((1, 1, 3), np.float32), cv2.COLOR_RGB2Lab)
        _warm = True


class PixelJudge(Judge):
    """Two images in, discrepancies out; see the module docstring for the rules."""

    name: ClassVar[str] = "pixel"

    def __init__(
        self,
        de_threshold: float = 10.0,
        max_shift: int = 3,
        max_regions: int = 12,
        work_side: int = 1024,
        aspect_tolerance: float = 0.05,
        ocr: bool = True,
        max_ocr_calls: int = 16,
    ) -> None:
        self.de_threshold = de_threshold
        self.max_shift = max_shift
        self.max_regions = max_regions
        self.work_side = work_side
        self.aspect_tolerance = aspect_tolerance
        self.max_ocr_calls = max_ocr_calls if ocr else 0
        _warm_up()
        if ocr:
            _Ocr.available()  # log once, at construction, when OCR is off

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
        token = _LAB_INK.set({})
        try:
            return self._judge_images(task, ref_img, cand_img)
        finally:
            _LAB_INK.reset(token)

    def _judge_images(self, task: Task, ref_img: Image.Image, cand_img: Image.Image) -> list[Discrepancy]:
        task = Task.parse(task)
        cats = _CATS[task]
        out: list[Discrepancy] = []
        rw, rh = ref_img.size
        cw, ch = cand_img.size
        if rw == 0 or rh == 0 or cw == 0 or ch == 0:
            raise InputError("cannot judge an empty (0-pixel) image")
        norm = normalise(task, ref_img, cand_img, self.work_side)
        if norm.stretched and abs(math.log((cw / ch) / (rw / rh))) > math.log1p(self.aspect_tolerance):
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
        ref = norm.ref
        h, w = ref.shape[:2]
        diff = compare(
            ref, norm.cand, de_threshold=self.de_threshold, max_shift=self.max_shift, max_regions=4 * self.max_regions,
            # A resampled candidate is blurred by the interpolation: blur the reference alike.
            blur_sigma=0.7 if norm.scale == 1.0 else 1.2,
        )  # fmt: skip
        if not diff.regions:
            return out
        dx, dy = diff.shift
        cand, ref_ink, cand_ink = diff.cand, diff.ref_ink, diff.cand_ink
        assert cand is not None and ref_ink is not None and cand_ink is not None  # compare() found changes
        frame = chart_frame(ref, ref_ink) if task is Task.CHART else None
        grid = table_grid(ref) if task is Task.TABLE else None
        c = _Ctx(task, ref, cand, ref_ink, cand_ink, frame, grid)

        items, covered = _element_items(c, diff.regions)
        if task is Task.TABLE and norm.scale == 1.0 and not norm.stretched:
            # A row or column or two more or fewer is one structural error each, whatever it moved;
            # with the same grid shape, compare cell by cell (a wider column shifts no cell after it).
            f = w / rw
            cand_s = _resize_to(_as_array(cand_img), max(1, round(cw * f)), max(1, round(ch * f)))
            cells = table_aligned_items(ref, cand_s, self.max_ocr_calls * 2, grid) if not items else None
            if cells is None:
                cells = table_shape_items(ref, cand_s, max_change=2)
            if cells is None and not items:
                cells = table_cell_items(ref, cand_s, self.max_ocr_calls * 2)
            if cells is not None:
                sh, sw = cand_s.shape[:2]
                for it, (x0, y0, x1, y1) in cells:
                    out.append(
                        Discrepancy(
                            category=it.category, severity=it.severity, location=it.location,
                            description=it.description, bbox=(x0 / sw, y0 / sh, min(1.0, x1 / sw), min(1.0, y1 / sh)),
                        )
                    )  # fmt: skip
                return out
        if task is Task.SVG:
            assert diff.changed is not None  # compare() found changes
            regional = _svg_items(c, diff.regions, covered, diff.changed, self.max_ocr_calls)
        else:
            regional = _items_from_regions(c, diff.regions, covered, self.max_ocr_calls)
        regional.sort(key=lambda it: -(it.box[2] - it.box[0]) * (it.box[3] - it.box[1]))
        limit = self.max_regions if task is Task.TABLE else min(self.max_regions, SCATTER_LIMIT[task])
        if len(regional) > limit:
            extra = regional[limit - 1 :]
            regional = regional[: limit - 1]
            regional.append(
                _Item(
                    cats["geometry"], 1, _union([i.box for i in extra]),
                    f"{len(extra)} further scattered differences.", "merged",
                )
            )  # fmt: skip
        items.extend(regional)

        for it in items:
            x0, y0, x1, y1 = it.box
            bbox = (
                min(max(norm.ax * (x0 + dx) + norm.bx, 0.0), 1.0),
                min(max(norm.ay * (y0 + dy) + norm.by, 0.0), 1.0),
                min(max(norm.ax * (x1 + dx) + norm.bx, 0.0), 1.0),
                min(max(norm.ay * (y1 + dy) + norm.by, 0.0), 1.0),
            )
            if bbox[2] < bbox[0] or bbox[3] < bbox[1]:
                bbox = (bbox[0], bbox[1], max(bbox[0], bbox[2]), max(bbox[1], bbox[3]))
            if (x1 - x0) * (y1 - y0) >= 0.8 * h * w:
                location = "whole image"
            elif task is Task.CHART:
                location = _chart_location(it.box, frame, w, h)
            elif task is Task.TABLE:
                location = _table_location(grid, it.box, w, h)
            else:
                location = _svg_location(it.box, w, h)
            out.append(
                Discrepancy(
                    category=it.category, severity=it.severity, location=location, description=it.description, bbox=bbox
                )
            )
        log.debug(
            "pixel judge: %d regions -> %d discrepancies, shift %s, scale %.3f, %d OCR reads, size %dx%d",
            len(diff.regions), len(out), diff.shift, norm.scale, c.ocr_calls, w, h,
        )  # fmt: skip
        return out
