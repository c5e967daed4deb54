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


_WEEKS = np.arange(90)
_ILI = 1.2 + 6 * np.exp(-(((_WEEKS - 12) / 5.0) ** 2)) + 3.5 * np.exp(-(((_WEEKS - 68) / 6.0) ** 2))


def _season(flat: bool = False, scale: float = 1.0) -> Image.Image:
    """A curve over the weeks with a threshold line across the plot and shaded bands from edge to edge (classes
    whose ends sit at one level whatever the data); the curve and its fill above the threshold at its mean when
    ``flat``."""
    y = np.full_like(_ILI, _ILI.mean()) if flat else _ILI * scale
    fig, ax = plt.subplots(figsize=(12, 4))
    for x0 in (10, 30, 62, 80):
        ax.axvspan(x0, x0 + 2, color="#9ecae1", alpha=0.6)
    ax.axvspan(40, 50, color="#c7e9c0", alpha=0.8)
    ax.axhline(2.5, color="#e6550d", ls="--", lw=1.5)
    ax.axhline(5.5, color="#756bb1", ls=":", lw=1.5)
    ax.axhline(7, color="#31a354", ls="-.", lw=1.5)
    ax.fill_between(_WEEKS, 2.5, y, where=y > 2.5, color="#fcbba1", alpha=0.8)
    ax.plot(_WEEKS, y, color="#08519c", lw=2)
    ax.set_ylim(0, 8)
    ax.set_xlim(0, 89)
    ax.set_title("Influenza-like illness")
    return _png(fig)


def test_a_curve_flattened_beside_level_bands_and_lines_is_hidden_data(judge: PixelJudge) -> None:
    found = judge.judge_images(Task.CHART, _season(), _season(flat=True))
    assert [d for d in found if _FLAT in d.description]
    honest = judge.judge_images(Task.CHART, _season(), _season(scale=0.8))
    assert not [d for d in honest if "hides" in d.description]


_BUDGET = [1450, 620, 380, 210, 500, 260, 150, 130]


def _exploded_pie(flat: bool = False, change: bool = False) -> Image.Image:
    """A budget pie, its two largest wedges exploded, with a shadow (every wedge of one size when ``flat``; one
    share changed when ``change``)."""
    values = [float(np.mean(_BUDGET))] * len(_BUDGET) if flat else list(_BUDGET)
    if change:
        values[4] = 800
    fig, ax = plt.subplots(figsize=(8, 5.5))
    explode = [0.08, 0.06, 0, 0, 0, 0, 0, 0]
    ax.pie(values, explode=explode, shadow=True, startangle=90, colors=plt.cm.Set3.colors[: len(values)],
           wedgeprops={"edgecolor": "white"})  # fmt: skip
    ax.set_title("Where the money goes")
    ax.axis("equal")
    return _png(fig)


def test_an_exploded_pie_flattened_is_hidden_data(judge: PixelJudge) -> None:
    ref = _exploded_pie()
    found = judge.judge_images(Task.CHART, ref, _exploded_pie(flat=True))
    assert [d for d in found if "wedge of one size" in d.description]
    honest = judge.judge_images(Task.CHART, ref, _exploded_pie(change=True))
    assert not [d for d in honest if "hides" in d.description]


_MONTHS = np.linspace(0, 40, 60)


def _survival(flat: bool = False) -> Image.Image:
    """Two thin step curves falling over the months, censoring ticks on them (each artist at its own mean when
    ``flat``: the curves leave their places, drawn anew as level lines)."""
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for rate, colour in ((0.06, "#d95f02"), (0.035, "#1b9e77")):
        y = np.exp(-rate * _MONTHS)
        ticks = _MONTHS[5::7]
        ty = np.exp(-rate * ticks)
        if flat:
            y, ty = np.full_like(y, y.mean()), np.full_like(ty, ty.mean())
        ax.step(_MONTHS, y, where="post", color=colour, lw=1.8)
        ax.plot(ticks, ty, "|", color=colour, ms=8, mew=1.5)
    ax.set_ylim(0, 1.02)
    ax.set_xlim(0, 48)
    ax.grid(alpha=0.3)
    ax.set_xlabel("Months since randomisation")
    ax.set_ylabel("Overall survival probability")
    return _png(fig)


def test_step_curves_flattened_out_of_their_places_are_hidden_data(judge: PixelJudge) -> None:
    found = judge.judge_images(Task.CHART, _survival(), _survival(flat=True))
    assert [d for d in found if _FLAT in d.description]
