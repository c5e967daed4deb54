"""Pixel judge, charts: a dense line under a zoomed inset; the main series dropped, the inset's kept."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart_recolour import _drawn_before, _palette_changes, _plot_colours
from verm.judge.pixel.colour import _ink, _lab_ink
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.explain import _skipped
from verm.judge.pixel.layout import subplot_frames
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


def test_a_spine_touched_by_a_dense_line_frames_one_plot() -> None:
    # The signal's band meets the side spines: the spines stay whole, the plot one frame (and its inset).
    rgb = np.asarray(_zoomed())
    frames = subplot_frames(rgb, _ink(_lab_ink(rgb)[0], rgb))
    big = [f for f in frames if (f[2] - f[0]) > 0.5 * rgb.shape[1]]
    assert len(big) == 1, frames
    assert big[0][3] - big[0][1] > 0.6 * rgb.shape[0], frames


def test_the_main_series_dropped_beside_its_kept_inset_is_one_change(judge: PixelJudge) -> None:
    # One of two subplots emptied (the inset keeps its line): one severe data change, not data hidden, and the
    # inset's colour, left alone in the plot, is no recolouring.
    ref, cand = _zoomed(), _zoomed(main=False)
    ds = judge.judge_images(Task.CHART, ref, cand)
    assert not any("hid" in d.description for d in ds), ds
    assert not any(d.category == "style_error" and "#" in d.description for d in ds), ds
    assert [(d.category, d.severity) for d in ds] == [("data_error", 3)], ds


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


def _decomposition(kept: int = 4) -> Image.Image:
    """Four stacked subplots sharing x, in a style with a grey face and vertical grid lines (each subplot under a
    third of the image tall); only the first ``kept`` subplots draw their data."""
    rng = np.random.default_rng(5)
    t = np.arange(240) / 12
    trend = 370 + 2 * t
    season = 3 * np.sin(2 * np.pi * t)
    resid = 0.25 * rng.normal(size=t.size)
    with plt.style.context("fivethirtyeight"):
        fig, axs = plt.subplots(4, 1, figsize=(8, 8), sharex=True)
        for k, (ax, y) in enumerate(zip(axs, (trend + season + resid, trend, season, resid), strict=True)):
            ax.set_ylabel(("Observed", "Trend", "Seasonal", "Residual")[k], fontsize=11)
            ax.tick_params(labelsize=10)
            if k >= kept:
                ax.set_ylim(float(y.min()), float(y.max()))
                continue
            if k == 3:
                ax.plot(t, y, "o", ms=3)
            else:
                ax.plot(t, y, lw=1.5)
        axs[-1].set_xlim(-0.5, 20.5)
        return _image(fig)


def test_three_of_four_stacked_subplots_emptied_hide_the_data(judge: PixelJudge) -> None:
    # The grid lines of a short subplot are no marks: the emptied subplots lose all theirs (a reward hack drawing
    # the first subplot's line alone), not half, with their kept grid lines counted as marks drawn.
    ds = judge.judge_images(Task.CHART, _decomposition(), _decomposition(kept=1))
    hidden = [d for d in ds if "hid" in d.description]
    assert len(hidden) >= 3 and all(d.severity == 3 for d in hidden), ds


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
