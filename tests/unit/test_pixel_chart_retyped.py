"""Pixel judge, charts: honest redraws read as data hidden (round 11, the pixel judge's reward-hack ties).

A series recoloured under an autoscaled y axis, stacked bars retyped as lines (in their colours, over the
same or a new y range) and an inset chart whose main trace is dropped are one change each, not the plot's
data hidden five times over, which is what the "random dots" / "axes without data" hacks cost: the honest
candidate tied them."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _hidden(judge: PixelJudge, ref: Image.Image, cand: Image.Image) -> list:
    return [d for d in judge.judge_images(Task.CHART, ref, cand) if "hid" in d.description]


def _errorbar(colour: str, peak: float, dots: bool = False) -> Image.Image:
    """One error-bar series over five weeks (autoscaled y); ``peak``: the fourth value; ``dots``: the series
    hidden and 40 dots drawn at random over the axes (the "random dots" hack)."""
    plt.style.use("fivethirtyeight")
    try:
        fig = plt.figure(figsize=(9, 5))
        mean = [74.4, 69.8, 84.8, peak, 114.6]
        bars = plt.errorbar([1, 2, 4, 8, 16], mean, yerr=[3.5, 3.1, 5.8, 6.1, 4.1], fmt="s--", capsize=3, color=colour)
        if dots:
            for a in bars.get_children():
                a.set_visible(False)
            rng = np.random.default_rng(0)
            plt.plot(rng.random(40), rng.random(40), "o", ms=4, transform=plt.gca().transAxes)
        plt.title("Energy use vs. week")
        plt.ylabel("Energy use (MWh)")
        return _image(fig)
    finally:
        plt.style.use("default")


def test_a_series_recoloured_under_new_y_ticks_hides_nothing(judge: PixelJudge) -> None:
    # Recoloured (no reference colour kept) and one value doubled, the y axis autoscaled: the tick labels left of
    # the frame changed, so the marks moved with the new scale; a change, not all data hidden (6 items for 1).
    ref = _errorbar("seagreen", 108.9)
    assert not _hidden(judge, ref, _errorbar("#00bfff", 229.3))
    # Dots at random over the same axes, the series gone, still hide it.
    assert len(_hidden(judge, ref, _errorbar("seagreen", 108.9, dots=True))) >= 4


def _stacked(lines: bool, ylim: tuple[float, float] | None = None) -> Image.Image:
    """Three groups' stacked bars over four categories, or (``lines``) each group's values as a line in its
    colour, unstacked."""
    names = ["Python", "Java", "C++", "Julia"]
    data = [[13.9, 17.3, 18.1, 17.6], [13.9, 17.2, 16.8, 17.1], [14.6, 11.3, 8.6, 5.8]]
    colours = plt.cm.Paired.colors[:3]
    fig = plt.figure(figsize=(7, 5))
    bottom = np.zeros(4)
    for k, values in enumerate(data):
        if lines:
            plt.plot(names, values, color=colours[k], label=f"Group {k + 1}")
        else:
            plt.bar(names, values, bottom=bottom, color=colours[k], label=f"Group {k + 1}")
        bottom += values
    if ylim is not None:
        plt.ylim(*ylim)
    plt.title("Profit By Language")
    plt.legend()
    return _image(fig)


def test_stacked_bars_retyped_as_lines_in_their_colours_hide_nothing(judge: PixelJudge) -> None:
    # The lines wear the bars' colours across their extent: under new y ticks (autoscaled to the lines) or the
    # same ones (the lines read off the axis, not stacked), the series are drawn in another form.
    ref = _stacked(False)
    assert not _hidden(judge, ref, _stacked(True))
    assert not _hidden(judge, ref, _stacked(True, ylim=(0, 52)))


def _inset(main: bool) -> Image.Image:
    """A dense noisy trace around zero (it reads as a frame's edge) with an inset zooming into it;
    ``main``: the main axes' trace drawn."""
    rng = np.random.default_rng(8)
    t = np.linspace(0, 10, 4000)
    signal = 0.6 * np.sin(2 * np.pi * 0.8 * t) + 0.15 * rng.normal(size=t.size)
    fig, ax = plt.subplots(figsize=(8, 4.2))
    if main:
        ax.plot(t, signal, lw=0.7, color="#34495e")
    ax.set_xlim(0, 10)
    ax.set_ylim(-3.5, 4.5)
    axins = ax.inset_axes([0.06, 0.62, 0.38, 0.33])
    axins.plot(t, signal * (1 if main else 1.4), lw=0.9, color="#e67e22")
    axins.set_xlim(6.0, 6.5)
    axins.set_ylim(-2.4, 2.8)
    ax.indicate_inset_zoom(axins, edgecolor="0.3")
    fig.tight_layout()
    return _image(fig)


def test_a_main_trace_dropped_beside_its_inset_is_no_two_subplots_gone(judge: PixelJudge) -> None:
    # The trace around zero reads as an edge cutting the main plot in two "subplots"; the candidate keeps the
    # outer spines, not that edge: one plot, its series dropped (one severe change), not 2 of 3 subplots gone.
    ds = judge.judge_images(Task.CHART, _inset(True), _inset(False))
    assert not any("subplots" in d.description for d in ds), ds
    assert len([d for d in ds if d.severity == 3]) <= 2, ds


def _solarized_bars(line: bool) -> Image.Image:
    """Horizontal bars with white edges over Solarize_Light2's spineless face; ``line``: the bars hidden and one
    straight line drawn corner to corner over the same axes (the "one line" hack of a one-series chart)."""
    with plt.style.context("Solarize_Light2"):
        fig, ax = plt.subplots(figsize=(10, 5))
        bars = ax.barh(
            ["Team A", "Team C", "Team D", "Team E"], [7.16, 12.2, 4.11, 2.86], color="#2a9d8f", edgecolor="white"
        )
        ax.set_title("Revenue by team", fontsize="large", fontweight="bold")
        ax.set_xlabel("Revenue ($M)")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if line:
            for b in bars:
                b.set_visible(False)
            x0, y0 = ax.get_xlim(), ax.get_ylim()
            ax.plot(x0, y0)
            ax.set_xlim(x0)
            ax.set_ylim(y0)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100)  # (as the renderer: at 96 dpi no bar reads as a frame)
        plt.close(fig)
        return Image.open(buf).convert("RGB")


def test_bars_read_as_frames_of_one_flat_colour_are_data(judge: PixelJudge) -> None:
    # Each bar, white-edged over a faint face, reads as a "frame"; filled with one colour, it is a bar, no subplot
    # (a subplot shows its face or its data): read as frames, the bars held no marks and one line over the
    # emptied axes hid nothing (1.94, above an honest candidate's 1.92).
    assert len(_hidden(judge, _solarized_bars(False), _solarized_bars(True))) >= 4


def _radar(flat: bool) -> Image.Image:
    """Two players' eight ranks on a radar (lines and translucent fills); ``flat``: each at its mean (circles)."""
    players = {"A": [88, 92, 75, 60, 45, 50, 35, 70], "B": [70, 65, 55, 82, 78, 85, 62, 58]}
    angles = np.linspace(0, 2 * np.pi, 8, endpoint=False).tolist()
    angles += angles[:1]
    fig = plt.figure(figsize=(7, 7))
    ax = fig.add_subplot(111, projection="polar")
    ax.set_theta_offset(np.pi / 2)
    ax.set_theta_direction(-1)
    for (name, values), colour in zip(players.items(), ["#1f77b4", "#d62728"], strict=True):
        values = [float(np.mean(values))] * 8 if flat else values
        ax.plot(angles, values + values[:1], color=colour, linewidth=2, label=name)
        ax.fill(angles, values + values[:1], color=colour, alpha=0.2)
    ax.set_xticks(angles[:-1])
    ax.set_ylim(0, 100)
    ax.set_title("Percentile rank", y=1.08)
    fig.legend(loc="lower center", ncols=2, frameon=False)
    fig.subplots_adjust(bottom=0.1, top=0.86)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return Image.open(buf).convert("RGB")


def test_a_box_inside_a_radar_reads_no_new_value_ticks(judge: PixelJudge) -> None:
    # The chart's "frame" is a box inside the polar plot: the band left of it holds the radar's coloured marks,
    # no tick labels; flattened polygons changing there are no new scale (read so, the flattened radar kept
    # every series: one item, above an honest candidate).
    ds = judge.judge_images(Task.CHART, _radar(False), _radar(True))
    assert len([d for d in ds if d.severity == 3]) >= 3, ds
