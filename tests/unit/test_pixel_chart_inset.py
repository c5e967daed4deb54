"""Pixel judge, charts: a dense line under a zoomed inset; the main series dropped, the inset's kept."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart_marks import plot_marks
from verm.judge.pixel.chart_recolour import _drawn_before, _palette_changes, _plot_colours
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.explain import _skipped
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _zoomed(main: bool = True) -> Image.Image:
    """A noisy signal over the whole plot (touching both side spines) with a zoomed inset of part of it
    (the inset's line in another colour); ``main``: the main plot's line drawn (else dropped)."""
    rng = np.random.default_rng(7)
    t = np.linspace(0, 10, 4000)
    signal = 0.6 * np.sin(2 * np.pi * 0.8 * t) + 0.15 * rng.normal(size=t.size)
    fig, ax = plt.subplots(figsize=(8, 4.2))
    if main:
        ax.plot(t, signal, lw=0.7, color="#34495e")
    ax.set_xlim(0, 10)
    ax.set_ylim(-3.5, 4.5)
    ax.set_title("Impact event")
    axins = ax.inset_axes([0.06, 0.62, 0.38, 0.33])
    axins.plot(t, signal, lw=0.9, color="#e67e22")
    axins.set_xlim(6.0, 6.5)
    axins.set_ylim(-2.4, 2.8)
    axins.tick_params(labelsize=7)
    ax.indicate_inset_zoom(axins, edgecolor="0.5")
    return _image(fig)


def test_the_main_series_dropped_beside_its_kept_inset_is_counted_once(judge: PixelJudge) -> None:
    # The plot's lost line is reported by the hidden-data items alone: no residual plot item over the same ink,
    # and the inset's colour, left alone in the plot, is no recolouring.
    ref, cand = _zoomed(), _zoomed(main=False)
    ds = judge.judge_images(Task.CHART, ref, cand)
    assert ds and all(d.category == "data_error" and d.severity == 3 for d in ds), ds
    assert not any("Plotted data differ" in d.description for d in ds), ds
    assert not any(d.category == "style_error" for d in ds), ds


def _ctx(ref: np.ndarray, cand: np.ndarray, frame: tuple[int, int, int, int]) -> _Ctx:
    ref_ink, cand_ink = (img.min(axis=2) < 200 for img in (ref, cand))
    return _Ctx(Task.CHART, ref, cand, ref_ink, cand_ink, frame, None)


def test_a_region_of_hidden_ink_spanning_the_hidden_parts_is_reported_once() -> None:
    # Hidden data cut in four parts along x; one region of the lost line spans them all, a spike of it past their
    # rows: the same ink, skipped. A region of ink away from the parts is not.
    ref = np.full((100, 200, 3), 255, np.uint8)
    ref[40:60, 10:190] = 50  # the band of the lost line
    ref[20:80, 100:102] = 50  # its spike, past the parts' rows
    ref[85:95, 10:40] = 50  # something else
    cand = np.full_like(ref, 255)
    c = _ctx(ref, cand, (0, 0, 200, 100))
    parts = [(10, 40, 55, 60), (55, 40, 100, 60), (100, 40, 145, 60), (145, 40, 190, 60)]
    assert _skipped(c, (10, 20, 190, 80), parts)
    assert not _skipped(c, (10, 85, 40, 95), parts)
    assert not _skipped(c, (10, 20, 190, 80), [])


def test_a_colour_the_reference_plot_draws_already_is_not_new() -> None:
    # The inset's orange, left alone in the plot once the main line went, was drawn there before; a colour the
    # reference never drew is new.
    ref = np.full((100, 200, 3), 255, np.uint8)
    ref[10:50, 10:190] = (52, 73, 94)  # the main series
    ref[60:62, 10:70] = (230, 126, 34)  # the inset's line, under 2 % of the plot's ink
    cand = np.full_like(ref, 255)
    cand[60:62, 10:70] = (230, 126, 34)
    c = _ctx(ref, cand, (0, 0, 200, 100))
    assert _drawn_before(c, (230, 126, 34), (52, 73, 94))
    assert not _drawn_before(c, (40, 160, 60), (52, 73, 94))
    assert _palette_changes(c, [], _plot_colours(c)) == []


def test_a_grid_line_of_a_short_subplot_is_no_mark() -> None:
    # A vertical grid line across a frame a fifth of the image tall (one of four stacked subplots) spans under a
    # third of the image: long for its frame all the same, no mark; the steep line beside it (half the frame) is.
    rgb = np.full((800, 800, 3), 240, np.uint8)
    rgb[300:460, 100:700] = 250  # the face
    rgb[303:457, 400] = 200  # the grid line, across the frame's inside
    rgb[340:420, 200:203] = 40  # a steep stretch of data
    lab = _lab_ink(rgb)[0]
    ink = np.abs(rgb.astype(int) - 240).sum(axis=2) > 15
    marks = plot_marks(ink, lab, [(100, 300, 700, 460)], [lab[380, 300]])
    assert not marks[320:440, 398:403].any()
    assert marks[350:410, 200:203].all()


def _long_labels(widened: bool = False) -> Image.Image:
    """Sorted horizontal bars with long category labels (reaching far left of the frame), no left spine, value
    labels at the bars' ends; ``widened``: the y range widened by a factor 1.2 (the bars squeezed down, the
    labels moved with them)."""
    labels = [
        "Other",
        "Compute costs (GPUs, cloud spend)",
        "Model monitoring and drift after launch",
        "Legacy infrastructure that does not scale",
        "Data privacy and regulatory constraints",
        "Unclear return on investment for leadership",
        "Not enough people with the right skills",
        "Difficulty deploying models to production",
        "Lack of clean, labelled training data",
    ]
    values = np.array([0.04, 0.15, 0.17, 0.22, 0.28, 0.31, 0.35, 0.39, 0.46])
    fig, ax = plt.subplots(figsize=(9.4, 5.4))
    bars = ax.barh(labels, values, color=["#bdbdbd"] * 8 + ["#2c7fb8"], height=0.65)
    if widened:
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo, lo + 1.2 * (hi - lo))
    ax.bar_label(bars, labels=[f"{v:.0%}" for v in values], padding=3, fontsize=9)
    ax.set_xlim(0, 0.55)
    ax.set_xlabel("Share of respondents (multiple answers allowed)")
    ax.set_title("What is the biggest obstacle to using ML in your organisation?", loc="left", fontsize=12)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    fig.tight_layout()
    return _image(fig)


def test_long_category_labels_moved_with_a_widened_range_are_no_text_changes(judge: PixelJudge) -> None:
    # The labels reach past 15 % of the width left of the frame: still the y axis's, moved with its range, not
    # one label reading as another.
    ds = judge.judge_images(Task.CHART, _long_labels(), _long_labels(widened=True))
    assert not any(d.category == "text_error" for d in ds), ds
