"""Pixels as colours: RGB arrays, CIE Lab and ΔE (CIE76), an image's background colour, its ink.

A pixel is ink when it lies more than `INK_DE` (ΔE 15) from the image's own background colour (the
most common colour). Lab and ink are computed once per judgment (`_lab_ink`, memo set by the judge).
"""

from __future__ import annotations

import contextvars

import cv2
import numpy as np
from PIL import Image

from verm.errors import InputError
from verm.judge.pixel.memo import once

#: ΔE (CIE76) from an image's background colour above which a pixel is "ink".
INK_DE = 15.0


def _as_array(img: Image.Image | np.ndarray) -> np.ndarray:
    if isinstance(img, Image.Image):
        return np.asarray(img.convert("RGB"), dtype=np.uint8)
    arr = np.asarray(img)
    if arr.ndim == 2:
        arr = np.stack([arr] * 3, axis=2)
    if arr.ndim != 3 or arr.shape[2] < 3:
        raise InputError(f"expected an RGB image array (H x W x 3), got shape {arr.shape}")
    if arr.shape[2] == 3 and arr.dtype == np.uint8 and arr.flags.c_contiguous:
        return arr  # the array itself: the judgment's memos (`_lab_ink`) know it by its identity
    return np.ascontiguousarray(arr[:, :, :3], dtype=np.uint8)


def _lab(rgb: np.ndarray) -> np.ndarray:
    # OpenCV's float Lab: L in [0, 100], a/b in about [-127, 127] — real CIE units, so ΔE is meaningful.
    return cv2.cvtColor(np.multiply(rgb, np.float32(1.0 / 255.0), dtype=np.float32), cv2.COLOR_RGB2Lab)


def _channels(px: np.ndarray) -> np.ndarray:
    """The three channels of Lab pixels (N x 3, or H x W x 3) as one contiguous 3 x ... array: `_lab_distance`
    reads them channel by channel, where numpy's reductions over a 3-wide last axis are slow."""
    return np.ascontiguousarray(np.moveaxis(px, -1, 0))


def _lab_distance(channels: np.ndarray, colour: np.ndarray) -> np.ndarray:
    """ΔE of pixels (as `_channels` gives them) from one Lab ``colour``: the very floats of
    ``np.linalg.norm(px - colour, axis=-1)`` (same dtypes, squares added in its order), several times faster."""
    c = np.asarray(colour)
    d0, d1, d2 = channels[0] - c[0], channels[1] - c[1], channels[2] - c[2]
    return np.sqrt(d0 * d0 + d1 * d1 + d2 * d2)


def _sq_norm(d: np.ndarray) -> np.ndarray:
    """Squared Euclidean norm over the last axis of an H x W x 3 float32 array (OpenCV: fast)."""
    return cv2.transform(cv2.multiply(d, d), np.ones((1, 3), np.float32))


def _delta_e(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    return cv2.sqrt(_sq_norm(cv2.subtract(lab1, lab2)))


def _background(rgb: np.ndarray) -> np.ndarray:
    """The most common colour (quantised to 4 bits per channel, then refined by a median; once a judgment)."""
    return once("background", (rgb,), None, lambda: _find_background(rgb))


#: Another common colour is the background over the most common one when it leaves this many times
#: fewer pixels as ink (its near shades count with it: a white figure round a light grey face).
BACKGROUND_LEAD = 1.25
#: ... near shades: within this ΔE (a white figure and a light grey face, 6 apart, are one backdrop).
BACKGROUND_DE = 8.0


def _find_background(rgb: np.ndarray) -> np.ndarray:
    flat = rgb.reshape(-1, 3)[:: max(1, rgb.shape[0] * rgb.shape[1] // 40000)]
    q = (flat >> 4).astype(np.int32)
    keys = (q[:, 0] << 8) | (q[:, 1] << 4) | q[:, 2]
    counts = np.bincount(keys, minlength=4096)
    common = np.argsort(counts)[::-1][:3]
    colours = [np.median(flat[keys == k], axis=0).astype(np.float32) for k in common if counts[k]]
    if len(colours) == 1:
        return colours[0]
    # The background is what the chart is drawn on: a bar colour can outnumber the white figure and
    # the light face, split between two quantised bins; the colour within `BACKGROUND_DE` of the most pixels wins.
    # Counted over the distinct colours (a chart has a few hundred): the same counts, a tenth of the Lab work.
    packed = (flat[:, 0].astype(np.int32) << 16) | (flat[:, 1].astype(np.int32) << 8) | flat[:, 2]
    distinct, counts_of = np.unique(packed, return_counts=True)
    rgb_of = np.stack([distinct >> 16, (distinct >> 8) & 255, distinct & 255], axis=1).astype(np.uint8)
    lab = _lab(rgb_of.reshape(-1, 1, 3)).reshape(-1, 3)
    near = []
    for col in colours:
        c_lab = _lab(col.reshape(1, 1, 3).astype(np.uint8)).reshape(3)
        near.append(int(counts_of[((lab - c_lab) ** 2).sum(axis=1) <= BACKGROUND_DE * BACKGROUND_DE].sum()))
    best = int(np.argmax(near))
    best = best if near[best] >= BACKGROUND_LEAD * near[0] else 0
    # (a data colour's fill over most of the plot, an area chart's, outnumbers the figure round it: the colour
    # the image's edge is drawn in, when it holds `BORDER_SHARE` of it and `BORDER_MIN` of the pixels, is what it
    # is drawn on; a face of a grey or faint tint, `FILL_CHROMA`, stays the background, as the rules read it)
    if EDGE_BACKGROUND.get() and _chroma(colours[best]) >= FILL_CHROMA:
        edge = _border_colour(rgb, colours)
        if edge is not None and edge != best and near[edge] >= BORDER_MIN * len(flat):
            return colours[edge]
    return colours[best]


#: Charts only (set by the judge; a judgment's memo keys the answer by the image alone): an SVG icon's fill over
#: most of its canvas, a table's shaded cells, are read against their most common colour, as their rules expect.
EDGE_BACKGROUND: contextvars.ContextVar[bool] = contextvars.ContextVar("verm_pixel_edge_background", default=False)
#: The most common colour, when of this chroma at least (a data colour's fill; faces are grey or faintly
#: tinted, Solarize_Light2's 10), gives way to the colour of the image's edge (its outermost `BORDER_PX` rows
#: and columns) when one of the common colours holds this share of the edge (within `BACKGROUND_DE`) and
#: `BORDER_MIN` of the image.
FILL_CHROMA, BORDER_SHARE, BORDER_MIN, BORDER_PX = 14.0, 0.9, 0.25, 2


def _chroma(rgb: np.ndarray) -> float:
    lab = _lab(rgb.reshape(1, 1, 3).astype(np.uint8)).reshape(3)
    return float(np.hypot(lab[1], lab[2]))


def _border_colour(rgb: np.ndarray, colours: list[np.ndarray]) -> int | None:
    """Index of the common colour the image's edge is drawn in (`BORDER_SHARE` of its pixels), if any."""
    b = BORDER_PX
    if rgb.shape[0] <= 4 * b or rgb.shape[1] <= 4 * b:
        return None
    edge = np.concatenate(
        [rgb[:b].reshape(-1, 3), rgb[-b:].reshape(-1, 3), rgb[b:-b, :b].reshape(-1, 3), rgb[b:-b, -b:].reshape(-1, 3)]
    )
    lab = _lab(edge.reshape(-1, 1, 3)).reshape(-1, 3)
    for i, col in enumerate(colours):
        c_lab = _lab(col.reshape(1, 1, 3).astype(np.uint8)).reshape(3)
        if float((((lab - c_lab) ** 2).sum(axis=1) <= BACKGROUND_DE * BACKGROUND_DE).mean()) >= BORDER_SHARE:
            return i
    return None


def _lab_ink(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(Lab, ink mask) of an image, computed once per judgment (the table path reads the same images in
    several steps)."""

    def compute() -> tuple[np.ndarray, np.ndarray]:
        lab = _lab(rgb)
        return lab, _ink(lab, rgb)

    return once("lab_ink", (rgb,), None, compute)


def _ink(lab: np.ndarray, rgb: np.ndarray, de: float = INK_DE) -> np.ndarray:
    """Pixels that differ from the image's own background colour by more than ``de`` (once a judgment)."""
    return once("ink", (lab, rgb), de, lambda: _find_ink(lab, rgb, de))


def _find_ink(lab: np.ndarray, rgb: np.ndarray, de: float) -> np.ndarray:
    bg = _background(rgb)
    bg_lab = cv2.cvtColor((bg / 255.0).reshape(1, 1, 3).astype(np.float32), cv2.COLOR_RGB2Lab)[0, 0]
    d = cv2.subtract(lab, (float(bg_lab[0]), float(bg_lab[1]), float(bg_lab[2]), 0.0))
    return _sq_norm(d) > de * de


def _dominant(rgb_pixels: np.ndarray) -> tuple[int, int, int]:
    if len(rgb_pixels) == 0:
        return (255, 255, 255)
    px = rgb_pixels[:: max(1, len(rgb_pixels) // 5000)].astype(np.int32)
    keys = (px[:, 0] << 16) | (px[:, 1] << 8) | px[:, 2]
    vals, counts = np.unique(keys, return_counts=True)
    k = int(vals[counts.argmax()])
    return ((k >> 16) & 255, (k >> 8) & 255, k & 255)


def _hex(c: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*c)


def _rgb_de(c1: tuple[int, int, int], c2: tuple[int, int, int]) -> float:
    lab = _lab(np.array([[c1, c2]], dtype=np.uint8))
    return float(np.linalg.norm(lab[0, 0] - lab[0, 1]))
