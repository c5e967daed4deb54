"""Image baselines: pixel MSE, PSNR and SSIM.

They compare the reference with the candidate resized to the reference's size
(bilinear), on RGB (MSE, PSNR) or grey (SSIM) values in [0, 1]:

* ``mse``:  similarity = 1 - sqrt(MSE)  (1 - RMSE; RMSE is in [0, 1]).
* ``psnr``: similarity = clip(PSNR / 50 dB, 0, 1), PSNR = 10 log10(1 / MSE);
  identical images (MSE = 0) give 1. 50 dB is where 8-bit images stop
  differing visibly (RMSE ~ 0.8 grey levels).
* ``ssim``: similarity = clip(SSIM, 0, 1) (skimage, grey, 7x7 window, data range 1).

MSE and PSNR are monotone in each other, so their rank-based figures agree;
their rewards differ.
"""

from __future__ import annotations

import math
import time
from typing import ClassVar

import numpy as np
from PIL import Image

from verm.errors import InputError
from verm.judge.base import Judge
from verm.types import Judgment, Rendering, Status, Task

PSNR_CAP_DB = 50.0


def _pair_arrays(reference: Rendering, candidate: Rendering, grey: bool) -> tuple[np.ndarray, np.ndarray]:
    ref, cand = reference.image(), candidate.image()
    if cand.size != ref.size:
        cand = cand.resize(ref.size, Image.Resampling.BILINEAR)
    mode = "L" if grey else "RGB"
    a = np.asarray(ref.convert(mode), dtype=np.float64) / 255.0
    b = np.asarray(cand.convert(mode), dtype=np.float64) / 255.0
    return a, b


def mse(reference: Rendering, candidate: Rendering) -> float:
    a, b = _pair_arrays(reference, candidate, grey=False)
    return float(np.mean((a - b) ** 2))


def mse_similarity(value: float) -> float:
    """1 - RMSE, in [0, 1]."""
    return float(min(1.0, max(0.0, 1.0 - math.sqrt(max(0.0, value)))))


def psnr_similarity(value: float, cap_db: float = PSNR_CAP_DB) -> float:
    """PSNR / cap, clipped to [0, 1]; MSE = 0 gives 1."""
    if value <= 0:
        return 1.0
    return float(min(1.0, max(0.0, 10.0 * math.log10(1.0 / value) / cap_db)))


def ssim(reference: Rendering, candidate: Rendering) -> float:
    from skimage.metrics import structural_similarity

    a, b = _pair_arrays(reference, candidate, grey=True)
    side = min(a.shape)
    if side < 3:
        return 1.0 if np.array_equal(a, b) else 0.0
    win = min(7, side if side % 2 else side - 1)
    return float(structural_similarity(a, b, data_range=1.0, win_size=win))


class SimilarityBaseline(Judge):
    """Shared shape of the baselines: similarity in [0, 1], no discrepancies.

    Subclasses implement `similarity` (raising `InputError` with the reason when
    they cannot judge); ``only_task`` restricts a baseline to one task (``what``
    says what it compares), ``needs_images`` asks for both images.
    """

    name: ClassVar[str] = "baseline"
    only_task: ClassVar[Task | None] = None
    what: ClassVar[str] = "compares images"
    needs_images: ClassVar[bool] = True

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        raise NotImplementedError

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        task = Task.parse(task)
        started = time.perf_counter()
        try:
            if self.only_task is not None and task is not self.only_task:
                raise InputError(f"{self.name} {self.what}; it cannot judge a {task.value}")
            if self.needs_images and (not reference.ok or not candidate.ok):
                raise InputError("both renderings need an image (status ok)")
            sim, raw = self.similarity(reference, candidate)
        except InputError as exc:
            return Judgment(task=task, judge=self.name, status=Status.JUDGE_ERROR, reason=str(exc))
        ms = (time.perf_counter() - started) * 1000
        return Judgment(task=task, judge=self.name, similarity=sim, raw=raw, elapsed_ms=ms)


class MseJudge(SimilarityBaseline):
    """Pixel mean squared error on RGB; similarity = 1 - RMSE."""

    name: ClassVar[str] = "mse"

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        v = mse(reference, candidate)
        return mse_similarity(v), f"mse={v:.6g}"


class PsnrJudge(SimilarityBaseline):
    """Peak signal-to-noise ratio on RGB; similarity = clip(PSNR / 50 dB, 0, 1)."""

    name: ClassVar[str] = "psnr"

    def __init__(self, cap_db: float = PSNR_CAP_DB) -> None:
        self.cap_db = cap_db

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        v = mse(reference, candidate)
        db = math.inf if v <= 0 else 10.0 * math.log10(1.0 / v)
        return psnr_similarity(v, self.cap_db), f"psnr_db={db:.4g}"


class SsimJudge(SimilarityBaseline):
    """Structural similarity on grey levels; similarity = clip(SSIM, 0, 1)."""

    name: ClassVar[str] = "ssim"

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        v = ssim(reference, candidate)
        return float(min(1.0, max(0.0, v))), f"ssim={v:.6g}"
