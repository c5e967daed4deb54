"""Pixel judge, charts: markers drawn otherwise in place are one style change (`chart_style.markers_changed`),
while a value moved with its marker stays a data change."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture

SCORES = np.array([61.0, 64.5, 63.2, 68.9, 71.4, 70.2, 74.8, 77.1, 76.0, 79.3])


def _line(marker: str, values: np.ndarray = SCORES) -> Image.Image:
    """A line of ten yearly values with ``marker`` ("" for none) on each point."""
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.plot(np.arange(2014, 2024), values, color="#2a6fb0", marker=marker or None, ms=7)
    ax.set_title("Exam score by year")
    ax.set_ylabel("Score")
    ax.set_ylim(55, 85)
    return _image(fig)


def _style_only(ds: list) -> bool:
    return bool(ds) and all(d.category == "style_error" and d.severity == 1 for d in ds)


def test_markers_of_another_shape_in_place_are_one_style_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _line("o"), _line("x"))
    assert _style_only(ds), ds


def test_markers_added_along_a_line_still_drawn_are_a_style_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _line(""), _line("s"))
    assert _style_only(ds), ds


def test_a_value_moved_with_its_marker_stays_a_data_change(judge: PixelJudge) -> None:
    moved = SCORES.copy()
    moved[4] = 62.0
    ds = judge.judge_images(Task.CHART, _line("o"), _line("o", moved))
    assert any(d.category == "data_error" for d in ds), ds
