"""Pixel judge, charts: a legend placed elsewhere (its axes re-fitted around it, or its swatches
moving apart from its words) and tick labels swapped, read as one change each."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _lines(outside: bool, labels: list[str] = MONTHS) -> Image.Image:
    """Two lines over slanted month labels; ``outside``: the legend right of the axes (tight_layout
    narrows them to make room), else inside them."""
    plan = [212, 201, 191, 219, 230, 207, 189, 246, 196, 223, 128, 188]
    actual = [131, 129, 130, 252, 226, 165, 163, 195, 236, 271, 248, 222]
    fig, ax = plt.subplots(figsize=(9, 5))
    ax.plot(labels, plan, "-v", color="#2a6a8a", lw=2, label="Plan")
    ax.plot(labels, actual, color="#e0d81c", lw=2, label="Actual")
    ax.set_title("Orders trend")
    ax.set_xlabel("Month")
    ax.set_ylabel("Orders")
    ax.tick_params(axis="x", labelrotation=45)
    if outside:
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    else:
        ax.legend(loc="center right")
    fig.tight_layout()
    return _image(fig)


def test_a_legend_moved_into_the_axes_is_a_minor_layout_change(judge: PixelJudge) -> None:
    # The axes grow into the room the legend left: the same data, stretched, and the tick labels
    # re-placed are that re-fit's doing, not a new scale nor new limits.
    ds = judge.judge_images(Task.CHART, _lines(outside=True), _lines(outside=False))
    assert ds, "the legend moved"
    assert sum(d.severity for d in ds) <= 2, ds
    assert not any(d.category in ("data_error", "structure_error") for d in ds), ds


def _scatter(legend_at: str) -> Image.Image:
    """Two groups of dots with a frameless legend (its swatches are dots too) at ``legend_at``."""
    rng = np.random.default_rng(3)
    fig, ax = plt.subplots(figsize=(7, 4))
    for colour, label, shift in (("#1f77b4", "Men", 0.0), ("#ff7f0e", "Women", 12.0)):
        x = rng.uniform(0, 12, 20)
        ax.scatter(x, 30 + 5 * x + shift + rng.normal(0, 3, 20), color=colour, alpha=0.8, label=label)
    ax.legend(loc=legend_at, frameon=False)
    ax.set_title("Exam score vs study hours")
    fig.tight_layout()
    return _image(fig)


def test_a_frameless_legend_moved_over_dots_is_no_data_change(judge: PixelJudge) -> None:
    # Its swatches, dots like the data's, move with its words: no data change where they were or went.
    ds = judge.judge_images(Task.CHART, _scatter("upper center"), _scatter("lower right"))
    assert ds, "the legend moved"
    assert not any(d.category == "data_error" for d in ds), ds


def test_two_slanted_tick_labels_swapped_are_one_severe_text_change(judge: PixelJudge) -> None:
    # Slanted labels defeat OCR: each label is found, in the pixels, where the other one was.
    swapped = list(MONTHS)
    swapped[2], swapped[8] = swapped[8], swapped[2]
    ref, cand = _lines(outside=True), _lines(outside=True, labels=swapped)
    # (the same values at the same places: only the two labels differ)
    ds = judge.judge_images(Task.CHART, ref, cand)
    swaps = [d for d in ds if "swapped" in d.description]
    assert len(swaps) == 1 and swaps[0].severity == 3 and swaps[0].category == "text_error", ds
