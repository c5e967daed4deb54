"""Pixel judge, charts: severities by what shows (recolourings, marks drawn over others, texts read alike)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from tests.unit.test_pixel_chart_rules import _image, judge

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the module's PixelJudge fixture, shared

_LINES = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]


def _lines(colours: list[str]) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(6, 4))
    x = np.arange(12)
    for k, col in enumerate(colours):
        ax.plot(x, 2 * k + np.sin(x / 2 + k), color=col, lw=1.5)
    ax.set_title("Six series")
    return fig


def _style(ds: list) -> list:
    return [d for d in ds if d.category == "style_error"]


def test_a_strong_recolouring_of_one_line_among_six_is_minor(judge: PixelJudge) -> None:
    # One thin line of six in a new colour no other series wears: under half the plot's ink, told
    # apart from the rest: the bench's truth grades it 1.
    ref = _image(_lines(_LINES))
    ds = judge.judge_images(Task.CHART, ref, _image(_lines([*_LINES[:5], "#e6d800"])))
    assert [d.severity for d in _style(ds)] == [1], ds
    assert not [d for d in ds if d.category == "data_error"], ds


def test_a_line_recoloured_like_another_series_is_medium(judge: PixelJudge) -> None:
    # Now it looks like the first series: a reader can no longer tell them apart.
    ref = _image(_lines(_LINES))
    ds = judge.judge_images(Task.CHART, ref, _image(_lines([*_LINES[:5], "#3570c0"])))
    assert max(d.severity for d in _style(ds)) == 2, ds


def _bars(colour: str) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.bar(range(6), [3, 5, 2, 6, 4, 5], color=colour)
    ax.set_title("Sales")
    return fig


def test_bars_filling_the_plot_recoloured_are_medium(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _image(_bars("#1f77b4")), _image(_bars("#e377c2")))
    assert [d.severity for d in _style(ds)] == [2], ds


def _annotated_heatmap(text_colour: str) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(5, 5))
    values = (np.add.outer(np.arange(5), np.arange(5)) % 5) / 4.0
    ax.imshow(values, cmap="RdBu_r", vmin=0, vmax=1)
    for i in range(5):
        for j in range(5):
            ax.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center", color=text_colour, fontsize=9)
    ax.set_title("Correlations")
    return fig


def test_value_labels_recoloured_on_their_cells_are_no_added_series(judge: PixelJudge) -> None:
    # The labels' new colour covers part of each cell, whose other part keeps its colour: still the
    # labels recoloured (their cells are of another colour than the labels were), not marks drawn
    # over the cells.
    ds = judge.judge_images(Task.CHART, _image(_annotated_heatmap("black")), _image(_annotated_heatmap("#ff1493")))
    assert not [d for d in ds if "added series" in d.description], ds
    assert _style(ds), ds


def _stacked(extra: bool) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(6, 4))
    x = np.arange(6)
    ax.bar(x, [6, 7, 5, 8, 6, 7], color="#1f77b4")
    if extra:  # a new series in a new colour, over the lower part of the old bars
        ax.bar(x, [2, 3, 2, 3, 2, 3], color="#ff7f0e")
    ax.set_title("Orders")
    return fig


def test_a_series_drawn_over_part_of_the_bars_in_a_new_colour_is_an_added_series(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _image(_stacked(False)), _image(_stacked(True)))
    data = [d for d in ds if d.category == "data_error"]
    assert [d.severity for d in data] == [3], ds


def _titled(antialiased: bool) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(range(8), [3, 4, 2, 5, 4, 6, 5, 7], color="#1f77b4")
    ax.set_title("Monthly visitors by region", antialiased=antialiased, fontsize=14)
    ax.set_xlabel("Month", antialiased=antialiased)
    return fig


def test_labels_drawn_otherwise_that_read_the_same_are_no_change(judge: PixelJudge) -> None:
    # Anti-aliasing turned off: every glyph's edge differs, the words are the same.
    ds = judge.judge_images(Task.CHART, _image(_titled(True)), _image(_titled(False)))
    assert ds == [], ds
