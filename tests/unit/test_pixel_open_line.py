"""`geometry.open_line`, the long-line opening every chart reading starts from, is OpenCV's to the pixel."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from verm.judge.pixel.geometry import open_line


@pytest.mark.parametrize("seed", range(4))
def test_open_line_is_opencvs_opening(seed: int) -> None:
    """Random masks of every density, lengths odd and even (OpenCV's centred anchor shifts the runs of an even
    length by a pixel) and longer than the image (only runs through the border survive), both directions."""
    rng = np.random.default_rng(seed)
    for _ in range(300):
        h, w = (int(v) for v in rng.integers(1, 90, 2))
        mask = (rng.random((h, w)) < rng.random()).astype(np.uint8)
        mask[int(rng.integers(0, h)), :] = 1  # (a full row and column: runs that reach both borders)
        mask[:, int(rng.integers(0, w))] = 1
        length = int(rng.integers(1, 120))
        for kernel, axis in (((1, length), 1), ((length, 1), 0)):
            expected = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones(kernel, np.uint8))
            got = open_line(mask, length, axis)
            assert got.dtype == expected.dtype and np.array_equal(got, expected), (h, w, length, axis)


def test_open_line_reads_bool_masks() -> None:
    """A boolean mask reads as its 0/1 image: a grid line of a third of the width is kept, a shorter run is not."""
    mask = np.zeros((20, 90), bool)
    mask[5, 10:70] = True
    mask[12, 10:30] = True
    out = open_line(mask, 31, 1)
    assert out[5, 10:70].all() and not out[12].any() and int(out.sum()) == 60
