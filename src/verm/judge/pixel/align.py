"""Stage 2, align: one global shift of up to ``max_shift`` px (brute force over grey L1; a shift must
explain a real part of the difference, zero wins near-ties).
"""

from __future__ import annotations

import cv2
import numpy as np


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
