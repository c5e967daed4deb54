"""Stage 1, normalise: both images RGB, the reference's size, content rescale undone.

The candidate is resized to the reference's size (analysed at most ``work_side`` px). A uniform
rescale of the content (content-box ratios agreeing within 1.5 %, at most ±15 %) is undone, refined
on a ±0.6 % grid and kept only when it brings the images closer. Another aspect ratio is stretched
(the judge reports it), except for tables: placed top-left at the reference's scale.
Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from verm.judge.pixel.colour import _as_array, _background
from verm.judge.pixel.geometry import PxBox
from verm.types import Task

#: The largest content rescale tolerated (±15 %): a re-render at another size, not another picture.
MAX_LOG_RESCALE = math.log(1.15)


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
        if (
            abs(math.log(sx / sy)) < 0.015
            and abs(math.log(sx)) <= MAX_LOG_RESCALE
            and abs(sx - 1) >= 0.01
            and not (same_canvas and _clipped(rb, cb, (w, h)))
        ):
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


def _clipped(rb: tuple[int, int, int, int], cb: tuple[int, int, int, int], size: tuple[int, int]) -> bool:
    """The candidate's content box (``cb``, on the reference's canvas) reaches an edge of the canvas that the
    reference's (``rb``) stays off: content moved partly off the canvas, cut there, whose box no longer gives
    its size (a frame shifted up and left by 13 %, cut at the edge, read as shrunk by 1.3 % and placed back at
    the reference's origin)."""
    w, h = size
    at_edge = (cb[0] <= 0, cb[1] <= 0, cb[2] >= w, cb[3] >= h)
    off_edge = (rb[0] > 0, rb[1] > 0, rb[2] < w, rb[3] < h)
    return any(a and b for a, b in zip(at_edge, off_edge, strict=True))


def _content_box(rgb: np.ndarray) -> tuple[int, int, int, int] | None:
    """Tight box (x0, y0, x1, y1) around everything that is not the image's background colour."""
    # A channel difference of 24 is about ΔE 10-15: cheaper than Lab and enough for a bounding box.
    bg = _background(rgb).astype(np.uint8)
    # (the colour as OpenCV's scalar: numpy fills an image with a 3-vector slowly, milliseconds)
    d0, d1, d2 = cv2.split(cv2.absdiff(rgb, (float(bg[0]), float(bg[1]), float(bg[2]), 0.0)))
    ink = cv2.max(cv2.max(d0, d1), d2) > 24
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if len(rows) == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


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


def _resize_to(arr: np.ndarray, w: int, h: int) -> np.ndarray:
    if arr.shape[1] == w and arr.shape[0] == h:
        return arr
    shrinking = arr.shape[1] * arr.shape[0] > w * h
    return cv2.resize(arr, (w, h), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)
