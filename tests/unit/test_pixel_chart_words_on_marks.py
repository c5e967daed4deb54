"""Pixel judge, charts: words drawn over a bar are read (not taken for a tint, nor blanked with the bar)."""

from __future__ import annotations

import numpy as np
import pytest
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge, chart
from verm.judge.pixel.chart_words import _words_differ
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


def _visitors(labels: list[str], scale: float):
    fig, ax = plt.subplots(figsize=(8, 5))
    x = np.arange(6)
    ax.plot(x, [3, 5, 4, 6, 5, 7], marker="o")
    ax.plot(x, scale * np.array([2, 2.5, 3, 2.8, 3.5, 3.2]), marker="s")
    ax.set_xticks(x, labels, fontsize=17)
    ax.set_ylim(0, 8)
    ax.set_title("Visitors")
    return _image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_tick_labels_swapped_take_no_change_of_the_marks(judge: PixelJudge, monkeypatch: pytest.MonkeyPatch) -> None:
    # Read by OCR as the same labels in another order (as when the two swapped labels' regions join
    # the ones between them): labels swapped move no mark, so the series scaled is a change of its own.
    monkeypatch.setattr(chart, "_swapped_labels", lambda c, members: [])
    months = ["July", "Augu", "Sept", "Octo", "Nove", "Dece"]
    swapped = ["Nove", "Augu", "Sept", "Octo", "July", "Dece"]
    ds = judge.judge_images(Task.CHART, _visitors(months, 1.0), _visitors(swapped, 1.6))
    assert any(d.category == "text_error" and "swapped" in d.description for d in ds), ds
    assert any(d.category != "text_error" for d in ds), ds


def test_words_over_marks_differ_by_a_word_not_by_values_or_noise() -> None:
    assert _words_differ("Rair fall", "Traffic")
    # A heatmap's row read with its label: values over the cells follow the data.
    assert not _words_differ("lettuce- 1.1 2.4 08 4 19 4.4", "lettuce- 1.1 2.4 08 43 19 4.4")
    assert not _words_differ("Nairobl", "Nairobi")  # a letter in five: OCR's noise over a mark


def _scatter(colour: str, title: str):
    fig, ax = plt.subplots(figsize=(8, 6))
    rng = np.random.default_rng(3)
    ax.scatter(rng.uniform(0, 10, 40), rng.uniform(0, 10, 40), s=120, color=colour, edgecolor="white")
    ax.set_title(title, fontsize=14)
    return _image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_recoloured_markers_leave_the_title_to_be_read(judge: PixelJudge) -> None:
    # Markers with a rim are no words over a mark, and reading them must not spend the OCR budget
    # the title's typo needs.
    ds = judge.judge_images(
        Task.CHART, _scatter("mediumpurple", "Life expectancy vs. GDP"), _scatter("#17becf", "Rife expectancy vs. GDP")
    )
    assert any(d.category == "text_error" and "Rife" in d.description for d in ds), ds
