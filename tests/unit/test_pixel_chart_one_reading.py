"""Pixel judge, charts: one honest change read as one item, not a pile of severe ones (issue 15's
severity r: a few pairs read as 10+ severity for 2-3 true dominate it)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart_axis import _logish
from verm.types import Task

matplotlib.use("Agg")
import matplotlib.pyplot as plt


@pytest.fixture(scope="module")
def judge() -> PixelJudge:
    return PixelJudge()


def _gantt(log: bool) -> Image.Image:
    """Five tasks as horizontal bars on category rows 0..4; ``log``: the y axis turned log (row 0 drops off
    it, the others squeezed out of view)."""
    fig, ax = plt.subplots(figsize=(8, 4))
    if log:
        ax.set_yscale("log")
    ax.barh(range(5), [5, 7, 11, 8, 3], left=[0, 4, 9, 18, 24], color=["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3"], edgecolor="black")  # fmt: skip
    ax.set_yticks(range(5), labels=["Plan", "Design", "Build", "Test", "Ship"])
    ax.invert_yaxis()
    ax.set_xlabel("week")
    ax.set_title("Project schedule")
    ax.grid(axis="x", alpha=0.4)
    return _image(fig)


def test_an_axis_turned_log_that_takes_the_bars_away_is_one_scale_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _gantt(False), _gantt(True))
    # (read before: 5 severe "hidden data" items beside the scale change, 17 severity for 2)
    assert len(ds) == 1, ds
    assert ds[0].category == "structure_error" and ds[0].severity == 2, ds


def _errorbars(log: bool, scale: float = 1.0) -> Image.Image:
    """Error bars at a 14 pt font; ``log``: the y axis log, its wide "4x10^1" labels crowding the
    axis label to the image's edge."""
    with plt.rc_context({"font.size": 14}):
        fig, ax = plt.subplots(figsize=(5, 4))
        if log:
            ax.set_yscale("log")
        y = scale * np.array([45.7, 62.3, 51.4, 60.6, 59.8])
        ax.errorbar([1, 2, 4, 8, 16], y, yerr=[11.0, 8.7, 10.9, 7.2, 2.3], fmt="^-", color="darkorange")
        ax.set_title("Energy use vs. dose", fontweight="bold")
        ax.set_xlabel("Dose (mg)")
        ax.set_ylabel("Energy use (MWh)")
        ax.grid(True, alpha=0.3)
        return _image(fig)


def test_log_tick_labels_joined_by_their_crowded_axis_label_are_the_axis_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _errorbars(False), _errorbars(True, 0.588))
    # (read before: the tick labels and axis label as one region too wide for a tick column, the plot's
    # marks "another chart type" 3, and the labels a shape change 3)
    assert not any("another chart type" in d.description for d in ds), ds
    scale = [d for d in ds if d.category in ("structure_error", "data_error")]
    assert len(scale) == 1 and "y-axis tick labels changed (scale" in scale[0].description, ds
    assert sum(d.severity for d in ds) <= 5, ds


def _small_multiples(rows: int, cols: int, seed: int = 3) -> Image.Image:
    """Six regions' monthly curves and bands, axes shared, laid out ``rows`` x ``cols``."""
    rng = np.random.default_rng(seed)
    fig, axs = plt.subplots(rows, cols, sharex=True, sharey=True, figsize=(9, 5))
    months = np.arange(1, 13)
    for ax, name in zip(axs.flat, ["North", "South", "East", "West", "Central", "Coast"], strict=True):
        y = 50 + 10 * np.sin(months / 2 + rng.uniform(0, 3)) + rng.normal(0, 2, 12)
        ax.plot(months, y, color="#1f77b4")
        ax.fill_between(months, y - 4, y + 4, color="#1f77b4", alpha=0.2)
        ax.set_title(name, fontsize=10)
    fig.suptitle("Monthly sales by region")
    return _image(fig)


def test_a_grid_of_subplots_transposed_is_one_layout_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _small_multiples(2, 3), _small_multiples(3, 2))
    assert len(ds) == 1, ds
    assert ds[0].category == "structure_error" and ds[0].severity == 2, ds
    assert "3x2 instead of 2x3" in ds[0].description, ds


def test_the_same_grid_with_other_data_is_no_layout_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _small_multiples(2, 3), _small_multiples(2, 3, seed=4))
    assert ds, "the curves changed"
    assert not any("arranged" in d.description for d in ds), ds


def test_log_reads() -> None:
    assert _logish("4x10} 3x10! 2x10}")
    assert _logish("10? 10! 107")
    assert not _logish("70 60 50 40")
    assert not _logish("Plan Design Build")


def _groups(extra: bool, typo: bool = False) -> Image.Image:
    """Four groups' lines with a legend at the lower centre; ``extra``: a projected copy of group 2 drawn
    after it (its legend entry between groups 2 and 3, the entries below shifting); ``typo``: group 3's
    label misspelt."""
    fig, ax = plt.subplots(figsize=(9, 6))
    x = np.arange(7)
    rows = [[23, 37, 47, 54, 66, 67, 72], [29, 32, 20, 23, 46, 44, 43], [16, 27, 31, 33, 31, 32, 34]]
    ax.plot(x, rows[0], color="#264653", lw=2, label="Group 1")
    ax.plot(x, rows[1], ":v", color="#2a9d8f", label="Group 2")
    if extra:
        ax.plot(x, 0.72 * np.array(rows[1]), ":v", color="#8b0000", label="Projected")
    ax.plot(x, rows[2], color="#e9c46a", label="Gruop 3" if typo else "Group 3")
    ax.plot(x, [41, 41, 48, 66, 72, 77, 58], ".-", color="#f4a261", label="Group 4")
    ax.set_title("Visitors over time")
    ax.legend(loc="lower center", fontsize=9)
    return _image(fig)


def test_a_legend_entry_added_with_its_series_is_part_of_the_data_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _groups(False), _groups(True))
    # (read before: the shifted entries' labels, "Group 2" read where "Group 1" stood, as text changes
    # beside the added series)
    labels = [d for d in ds if d.category == "text_error" and any(w in d.description for w in ("Group", "Projected"))]
    assert not labels, ds
    assert any(d.category in ("data_error", "structure_error") and d.severity == 3 for d in ds), ds


def test_a_legend_label_misspelt_beside_the_same_swatch_stays_a_text_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _groups(False), _groups(False, typo=True))
    assert [d for d in ds if d.category == "text_error"], ds


def _harvest(black_labels: bool) -> Image.Image:
    """An annotated heatmap without spines (cells on white lines) and its colour bar, its labels white on
    dark cells; ``black_labels``: every label black."""
    rng = np.random.default_rng(5)
    grid = np.round(rng.uniform(0.0, 6.5, (7, 7)) * (rng.uniform(size=(7, 7)) > 0.3), 1)
    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    im = ax.imshow(grid, cmap="YlGn")
    fig.colorbar(im, ax=ax, shrink=0.8)
    for (i, j), v in np.ndenumerate(grid):
        colour = "black" if black_labels or v <= 3.5 else "white"
        ax.text(j, i, f"{v:.1f}", ha="center", va="center", color=colour)
    ax.set_xticks(range(7), labels=list("ABCDEFG"))
    ax.set_yticks(range(7), labels=list("tuvwxyz"))
    ax.spines[:].set_visible(False)
    ax.set_xticks(np.arange(8) - 0.5, minor=True)
    ax.set_yticks(np.arange(8) - 0.5, minor=True)
    ax.grid(which="minor", color="w", linewidth=3)
    ax.tick_params(which="minor", bottom=False, left=False)
    ax.set_title("Harvest of local farmers (in tons/year)")
    fig.tight_layout()
    return _image(fig)


def test_a_frameless_heatmaps_labels_recoloured_are_one_recolouring(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _harvest(False), _harvest(True))
    recoloured = [d for d in ds if d.description.startswith("Colour changed")]
    # (read before: the labels over each shade of cell a recolouring of its own, 2 severity each)
    assert len(recoloured) == 1, ds
