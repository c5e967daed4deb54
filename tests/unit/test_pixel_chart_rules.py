"""Pixel judge, charts: one change is one item however many places or subplots it shows in."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from verm.judge.pixel import PixelJudge
from verm.types import Discrepancy, Task

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def _image(fig: plt.Figure) -> Image.Image:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96)
    plt.close(fig)
    return Image.open(buf).convert("RGB")


@pytest.fixture(scope="module")
def judge() -> PixelJudge:
    return PixelJudge()


def _grid(bars: bool) -> Image.Image:
    """Six subplots, each a grey reference line and a red series (bars instead of a line when ``bars``)."""
    fig, axs = plt.subplots(2, 3, figsize=(9, 6), sharex=True, sharey=True)
    x = np.arange(8)
    for k, ax in enumerate(axs.flat):
        ax.plot(x, 5 + np.sin(x + k), color="0.4")
        temps = 3 + np.cos(x / 2 + k)
        if bars:
            ax.bar(x, temps, color="#d62728")
        else:
            ax.plot(x, temps, color="#d62728")
        ax.set_title(f"site {k + 1}")
    return _image(fig)


def _data_items(ds: list[Discrepancy]) -> list[Discrepancy]:
    return [d for d in ds if d.category in ("data_error", "structure_error")]


def test_one_series_changed_in_every_subplot_is_one_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _grid(bars=False), _grid(bars=True))
    data = _data_items(ds)
    assert len(data) == 1, ds
    assert data[0].severity == 3, ds  # drawn as bars over the whole of every subplot


def _heatmap(scale: float) -> Image.Image:
    """A frameless heatmap (axes off): a grid of coloured cells."""
    fig, ax = plt.subplots(figsize=(5, 5))
    values = np.add.outer(np.arange(6), np.arange(6)) % 7 / 7.0
    ax.imshow(np.clip(values * scale, 0, 1), cmap="Greens", vmin=0, vmax=1)
    ax.axis("off")
    return _image(fig)


def test_a_frameless_heatmap_with_other_values_is_one_data_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _heatmap(1.0), _heatmap(1.6))
    assert len(ds) == 1, ds
    assert ds[0].category == "data_error" and ds[0].severity == 3, ds


def _grouped(colours: tuple[str, str, str]) -> Image.Image:
    fig, ax = plt.subplots(figsize=(7, 5))
    x = np.arange(4)
    for k, colour in enumerate(colours):
        ax.bar(x + 0.25 * k, [3 + k, 5, 2 + k, 6], width=0.25, color=colour, label=f"s{k}")
    ax.legend(loc="upper left")
    return _image(fig)


def test_bars_of_several_colours_redrawn_in_one_colour_are_one_recolouring(judge: PixelJudge) -> None:
    ref = _grouped(("#1f77b4", "#ff7f0e", "#2ca02c"))
    ds = judge.judge_images(Task.CHART, ref, _grouped(("#1f77b4", "#7f7f7f", "#7f7f7f")))
    assert len(ds) == 1, ds
    assert ds[0].category == "style_error", ds


def _scatter(scale: float) -> Image.Image:
    rng = np.random.default_rng(3)
    x, y = rng.uniform(1, 10, 40), rng.uniform(1, 10, 40)
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.scatter(x * scale, y * scale, color="#1f77b4")
    ax.set_xlabel("size")
    ax.set_ylabel("weight")
    return _image(fig)


def test_x_limits_that_follow_the_data_are_part_of_its_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _scatter(1.0), _scatter(2.5))
    assert len(_data_items(ds)) == 1, ds


def _framed_heatmap(values: np.ndarray, cmap: str) -> Image.Image:
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.imshow(values, cmap=cmap, vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(values.shape[1]))
    ax.set_yticks(range(values.shape[0]))
    return _image(fig)


def test_a_heatmap_whose_values_change_is_a_data_change_and_its_colour_map_a_style_change(
    judge: PixelJudge,
) -> None:
    values = np.linspace(0, 1, 48).reshape(6, 8)
    ref = _framed_heatmap(values, "viridis")
    # Half the cells take other values of the same scale: the palette is kept, the data changed.
    moved = values.copy()
    moved[:3] = moved[:3][:, ::-1]
    data = _data_items(judge.judge_images(Task.CHART, ref, _framed_heatmap(moved, "viridis")))
    assert len(data) == 1 and data[0].severity >= 2, data
    # Every cell in a colour the plot never showed: another colour map, a style change.
    ds = judge.judge_images(Task.CHART, ref, _framed_heatmap(values, "autumn"))
    assert not _data_items(ds), ds
    assert any(d.category == "style_error" for d in ds), ds


def _stacked(loc: str) -> Image.Image:
    fig, ax = plt.subplots(figsize=(7, 4))
    x = np.arange(6)
    low, high = np.array([5, 6, 7, 6, 8, 7]), np.array([7, 6, 5, 6, 4, 5])
    ax.bar(x, low, color="#1f77b4", label="base", width=0.95)
    ax.bar(x, high, bottom=low, color="#ff7f0e", label="extra", width=0.95)
    ax.set_ylim(0, 12)  # the bars fill the plot: the legend covers bars wherever it goes
    ax.legend(loc=loc)
    return _image(fig)


def test_a_translucent_legend_moved_over_bars_is_one_minor_move(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _stacked("upper right"), _stacked("lower left"))
    assert len(ds) == 1, ds
    assert ds[0].category == "style_error" and ds[0].severity == 1, ds
