"""Pixel judge, charts: words drawn over a bar are read (not taken for a tint, nor blanked with the bar)."""

from __future__ import annotations

import numpy as np
import pytest
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.ocr import ocr_available
from verm.judge.pixel.text import _words_on_patch
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def test_a_dark_stroke_inside_a_filled_patch_is_kept() -> None:
    grey = np.full((40, 80), 255, np.uint8)
    grey[5:35, 5:75] = 120  # a bar
    grey[15:25, 30:32] = 0  # a glyph's stroke over it
    solid = grey < 200
    words = _words_on_patch(grey, solid)
    assert words[15:25, 30:32].all()
    assert not words[5:35, 5:20].any() and not words[5:35, 50:75].any()


def _bars_labelled(label: str):
    fig, ax = plt.subplots(figsize=(9, 5))
    ax.bar(range(8), [60, 80, 95, 70, 85, 75, 90, 88], color="#2a9d8f", width=0.8)
    # The series' name over the last bar: the bar and the words on it are one piece of ink.
    ax.text(7.5, 78, label, ha="right", va="center", fontsize=11)
    ax.set_title("Monthly totals")
    return _image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_a_label_over_a_bar_that_changed_is_read(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _bars_labelled("Rainfall"), _bars_labelled("Traffic"))
    assert any(d.category == "text_error" and "Traffic" in d.description for d in ds), ds
