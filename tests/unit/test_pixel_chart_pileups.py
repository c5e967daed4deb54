"""Pixel judge, charts: one honest change is not read as the data hidden or as several axis changes (bars whose edges are a darker shade of their fill, a retype rescaling
both y axes, a Gantt chart's plot re-fitted around its legend)."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image

import verm
from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart_marks import _colour_classes, _outlines_joined, _series_classes
from verm.judge.pixel.colour import _lab_ink
from verm.types import Task

matplotlib.use("Agg")
import matplotlib.pyplot as plt

MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"]
VISITORS = [26.3, 26.2, 32.0, 31.6, 21.2, 22.8, 20.5]
SCORE = [60.9, 65.8, 72.8, 71.4, 79.9, 81.5, 81.6]


@pytest.fixture(scope="module")
def judge() -> PixelJudge:
    return PixelJudge()


def _twin(bars: bool) -> Image.Image:
    """Bars on the left axis (or none) and a line with markers on a twin axis."""
    fig, ax = plt.subplots(figsize=(8, 4.5))
    if bars:
        ax.bar(MONTHS, VISITORS, color="#4C72B0", alpha=0.8, label="Visitors")
    ax.set_ylabel("Visitors (k)", color="#4C72B0")
    ax2 = ax.twinx()
    ax2.plot(MONTHS, SCORE, color="tab:red", marker="o", linewidth=2, label="Score")
    ax2.set_ylabel("Score", color="tab:red")
    ax.set_title("Visitors and score")
    if bars:
        ax.legend(loc="upper left")
    ax2.legend(loc="upper right")
    fig.tight_layout()
    return _image(fig)


def test_empty_twin_axes_still_hide_the_data(judge: PixelJudge) -> None:
    # Both series gone: the data are hidden, at their full cost.
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.set_ylim(0, 33)
    ax.set_xlim(-0.5, 6.5)
    ax.set_xticks(range(7), MONTHS)
    ax.set_ylabel("Visitors (k)", color="#4C72B0")
    ax2 = ax.twinx()
    ax2.set_ylim(59, 83)
    ax2.set_ylabel("Score", color="tab:red")
    ax.set_title("Visitors and score")
    fig.tight_layout()
    ds = judge.judge_images(Task.CHART, _twin(True), _image(fig))
    assert sum(d.severity for d in ds) >= 15, [(d.severity, d.description) for d in ds]


def test_bars_edges_drawn_a_shade_darker_are_one_series_with_their_fill() -> None:
    # A bar's outline in a darker shade of its fill is no series of its own: with it, one series dropped of two
    # read as two of three colours gone, the data hidden (split239 Pareto chart).
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.bar(range(8), [9, 7, 6, 4, 3, 2, 2, 1], color="#6f9fd8", edgecolor="#2f5f98", linewidth=2.5)
    ax.plot(range(8), np.linspace(2, 9, 8), color="tab:red", marker="o")
    fig.tight_layout()
    rgb = np.asarray(_image(fig))
    lab, ink = _lab_ink(rgb)
    chroma = np.hypot(lab[..., 1], lab[..., 2]) >= 20
    classes = _colour_classes(lab, ink & chroma, min_share=0.003)
    assert len(classes) >= 3  # fill, edge and line apart by colour
    assert len(_outlines_joined(_series_classes(classes, lab, [None]), lab)) == 2


def _retyped() -> Image.Image:
    """`_twin`'s chart with its series retyped: the bars as a line, the line as bars (both y axes rescale)."""
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.plot(MONTHS, VISITORS, color="#4C72B0", marker="s", label="Visitors")
    ax.set_ylabel("Visitors (k)", color="#4C72B0")
    ax2 = ax.twinx()
    ax2.bar(MONTHS, SCORE, color="tab:red", alpha=0.5, width=0.4, label="Score")
    ax2.set_ylabel("Score", color="tab:red")
    ax.set_title("Visitors and score")
    ax.legend(loc="upper left")
    ax2.legend(loc="upper right")
    fig.tight_layout()
    return _image(fig)


def test_both_y_axes_rescaled_by_a_retype_are_one_axis_change(judge: PixelJudge) -> None:
    # Both series retyped over the same plot: both y axes take new limits. The truth merges what changed on one
    # place: one axis change, graded by the worse, not one item per axis (split233 twin axes, 3 axis items).
    ds = judge.judge_images(Task.CHART, _twin(True), _retyped())
    axes = [d for d in ds if "tick labels changed" in d.description and d.category != "text_error"]
    assert len(axes) == 1, [(d.severity, d.description) for d in ds]
    assert axes[0].severity == 3


def _render(source: str) -> Image.Image:
    plt.close("all")
    exec(compile(source.replace("plt.show()", ""), "chart", "exec"), {})
    buf = io.BytesIO()
    plt.gcf().savefig(buf, format="png", dpi=100)
    plt.close("all")
    return Image.open(buf).convert("RGB")


def test_bars_of_a_plot_refitted_around_its_legend_are_not_flattened(judge: PixelJudge) -> None:
    # The legend below the axes set on the other side of its anchor: tight layout re-fits the plot, every bar
    # row moves with the frame. Stretched back, the marks are the reference's: no series "at one level", no data
    # hidden (a timeline read as 2 of 3 series flattened, 5 severe items, heldout3).
    path = Path(verm.__file__).parent / "corpus" / "gallery" / "heldout3" / "server_maintenance_timeline.py"
    source = path.read_text(encoding="utf-8")
    moved = source.replace('loc="upper center", bbox_to_anchor', 'loc="lower center", bbox_to_anchor')
    assert moved != source
    ds = judge.judge_images(Task.CHART, _render(source), _render(moved))
    assert not any("hid" in d.description for d in ds), [d.description for d in ds]
    assert sum(d.severity for d in ds) <= 3, [(d.severity, d.description) for d in ds]
