"""Pixel judge, charts: data flattened are read where the data are (round 15, split 269's flattened-data wins).

A small grouped-bar chart without top and right spines: a box closed by the first group's edge and a grid
line was taken for the one subplot, and its data read in that box alone (three bars filling it: "a tiled
image", no series), so every series set to its mean kept its reading. Pale translucent histograms have no
colour class at all: their flattening was never asked about. Both cost what hidden data cost now."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture

_FLAT = "drawn at one level"


def _png(fig: plt.Figure) -> Image.Image:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return Image.open(buf).convert("RGB")


_FRUITS = ["Apples", "Bananas", "Cherries", "Grapes", "Mangoes", "Pears"]
_SCORES = {
    "2021": [63.4, 69.9, 72.9, 76.9, 66.4, 56.3],
    "2022": [76.9, 82.8, 79.1, 70.2, 69.7, 71.0],
    "2023": [66.0, 66.8, 66.8, 75.1, 71.7, 74.5],
}


def _grouped(flat: bool = False, bump: bool = False) -> Image.Image:
    """Scores by fruit, three years as grouped bars (each year at its mean when ``flat``; one bar raised by a
    fifth when ``bump``), legend inside the axes, no top or right spine."""
    plt.rcParams["font.size"] = 8
    try:
        fig, ax = plt.subplots(figsize=(4, 3), layout="constrained")
        x = np.arange(len(_FRUITS))
        for i, (label, values) in enumerate(_SCORES.items()):
            v = np.array(values)
            if flat:
                v = np.full_like(v, v.mean())
            if bump and i == 0:
                v[2] *= 1.2
            ax.bar(x + (i - 1) * 0.25, v, 0.25, label=label, color=["#E69F00", "#56B4E9", "#009E73"][i])
        ax.set_xticks(x, _FRUITS)
        ax.set_title("Score By Fruit")
        ax.set_xlabel("Fruit")
        ax.set_ylabel("Score")
        ax.legend(loc="lower center", ncol=3, title="Series")
        ax.grid(axis="y", alpha=0.3)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        return _png(fig)
    finally:
        plt.rcParams["font.size"] = plt.rcParamsDefault["font.size"]


def test_grouped_bars_flattened_are_hidden_data(judge: PixelJudge) -> None:
    ref = _grouped()
    flat = judge.judge_images(Task.CHART, ref, _grouped(flat=True))
    assert [d for d in flat if _FLAT in d.description]
    honest = judge.judge_images(Task.CHART, ref, _grouped(bump=True))
    assert not [d for d in honest if "hides" in d.description]
    assert sum(d.severity for d in honest) < sum(d.severity for d in flat)


_RNG = np.random.default_rng(7)
_ONLINE = _RNG.normal(170, 9, 150)
_STORE = _RNG.normal(175, 7, 90)


def _histograms(flat: bool = False) -> Image.Image:
    """Two translucent pastel histograms over each other (each bin at the mean count when ``flat``)."""
    fig, ax = plt.subplots(figsize=(7, 5))
    ax.set_facecolor("#ebebeb")
    for data, colour, label in ((_ONLINE, "#8fd3b6", "Online"), (_STORE, "#f6c28b", "In-store")):
        counts, edges = np.histogram(data, bins=20)
        heights = np.full(len(counts), counts.mean()) if flat else counts
        ax.bar(edges[:-1], heights, width=np.diff(edges), align="edge", color=colour, alpha=0.5, label=label)
    ax.grid(True, color="white")
    ax.set_axisbelow(True)
    ax.set_title("Distribution of height")
    ax.set_xlabel("Height (cm)")
    ax.set_ylabel("Number of samples")
    ax.legend(loc="upper right")
    return _png(fig)


def test_pale_histograms_flattened_are_hidden_data(judge: PixelJudge) -> None:
    found = judge.judge_images(Task.CHART, _histograms(), _histograms(flat=True))
    assert [d for d in found if _FLAT in d.description]
