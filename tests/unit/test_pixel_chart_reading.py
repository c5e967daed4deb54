"""Pixel judge, charts: what the marks read on a numeric axis whose tick labels changed (`chart_reading`)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from tests.unit.test_pixel_chart_rules import _image, judge

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart_reading import _readings, _value_map
from verm.judge.pixel.ocr import ocr_available
from verm.types import Task

__all__ = ["judge"]  # the module's PixelJudge fixture, shared

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="tesseract not installed")


def test_tick_labels_on_a_line_give_the_value_map() -> None:
    slope, intercept = _value_map([0, 20, 40, 60], [100.0, 200.0, 300.0, 400.0])  # type: ignore[misc]
    assert slope == pytest.approx(0.2) and intercept == pytest.approx(-20)


def test_ticks_misread_or_miscounted_give_no_value_map() -> None:
    assert _value_map([0, 20, 90, 60], [100.0, 200.0, 300.0, 400.0]) is None  # one label misread
    assert _value_map([0, 20, 40], [100.0, 200.0, 300.0, 400.0]) is None  # a label unread


def test_marks_read_through_the_map() -> None:
    # A bar from column 0 to 99 along x: half its ink lies below column 50.
    marks = np.zeros((10, 200), bool)
    marks[:, :100] = True
    read = _readings(marks, "x", 0.0, (1.0, 0.0))
    assert read is not None and read[1] == pytest.approx(50, abs=1)


def _hbars(values: list[float], widen_y: float = 1.0) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(10, 6))
    ax.barh(["Mon", "Tue", "Wed", "Thu"], values, color=plt.cm.Pastel1.colors[:4])
    lo, hi = ax.get_ylim()
    ax.set_ylim(lo, lo + (hi - lo) * widen_y)
    ax.set_title("Visitors By Day", loc="left")
    ax.set_xlabel("Visitors (k)")
    ax.set_axisbelow(True)
    ax.grid(axis="x", alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


_VISITORS = [62.6, 41.3, 56.6, 77.3]


@needs_ocr
def test_bars_as_long_under_new_value_ticks_read_other_values(judge: PixelJudge) -> None:
    # Every value scaled by 1.3, the x axis autoscaled with it: the bars are drawn as long as before,
    # only the tick labels moved. The values read on them changed: a data change, severity 3.
    ref = _image(_hbars(_VISITORS))
    ds = judge.judge_images(Task.CHART, ref, _image(_hbars([1.3 * v for v in _VISITORS])))
    assert max(d.severity for d in ds if d.category == "data_error") == 3, ds


@needs_ocr
def test_bars_squeezed_and_scaled_are_two_changes(judge: PixelJudge) -> None:
    # The y range set twice as wide beside the values scaled by 1.17: the bars squeezed along y (a range
    # change) and reading other values along x (a data change), two edits.
    ref = _image(_hbars(_VISITORS))
    cand = _image(_hbars([1.17 * v for v in _VISITORS], widen_y=2.0))
    ds = judge.judge_images(Task.CHART, ref, cand)
    assert sorted(d.severity for d in ds if d.category == "data_error") == [2, 3], ds


def _scatter(scale: float) -> plt.Figure:
    rng = np.random.default_rng(3)
    x = rng.uniform(20, 70, 40)
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.scatter(x, scale * (200 + 3 * x + rng.normal(0, 15, 40)), color="#1f77b4")
    ax.set_title("Reaction time vs. age")
    return fig


@needs_ocr
def test_points_in_place_under_new_ticks_read_other_values(judge: PixelJudge) -> None:
    # Every y value scaled by 1.5 and the axis autoscaled: no point moved, the y tick labels did.
    ds = judge.judge_images(Task.CHART, _image(_scatter(1.0)), _image(_scatter(1.5)))
    assert max(d.severity for d in ds) == 3, ds


def _twin(right_axis: bool) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(6, 4))
    x = np.arange(8)
    ax.bar(x, [3, 5, 2, 6, 4, 5, 3, 4], color="#1f77b4")
    if right_axis:
        ax.twinx().plot(x, 100 + 10 * x, color="#d62728")
    return fig


def test_a_twin_axis_right_of_the_frame_is_told(judge: PixelJudge) -> None:
    # Its marks are read on two y axes: which are whose is not told, so the y readings are not taken.
    from verm.judge.pixel.chart_reading import _twin_axis
    from verm.judge.pixel.layout import chart_frame

    for twin in (True, False):
        ink = (np.asarray(_image(_twin(twin)).convert("L")) < 200).astype(bool)
        frame = chart_frame(np.asarray(_image(_twin(twin)).convert("RGB")), ink)
        assert frame is not None
        ctx = type("C", (), {"w": ink.shape[1], "h": ink.shape[0]})()
        assert _twin_axis(ctx, ink, frame) is twin  # type: ignore[arg-type]
