"""Pixel judge, charts: a line's dash pattern redrawn where it was is a line style, not a data change."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the module's PixelJudge fixture, shared


def _spaghetti(ref_style: str, *, zero_style: str = ":", bars: bool = False, scale: float = 1.0) -> Image.Image:
    """A station-anomaly chart: 12 thin grey lines, one red mean, a zero line in ``zero_style`` (the
    edited one), spines trimmed; with ``bars``, a histogram under two dashed median lines instead."""
    rng = np.random.default_rng(3)
    fig, ax = plt.subplots(figsize=(8, 3.6))
    if bars:
        ax.bar(np.arange(20), 10 + 8 * np.sin(np.arange(20) / 3), color="#e7a1c4", width=1.0)
        for x in (6.2, 13.7):
            ax.axvline(x, color="#c51b7d", linestyle=ref_style, linewidth=1.0)
    else:
        t = np.linspace(0, 10, 200)
        for _ in range(12):
            ax.plot(t, np.sin(t + rng.uniform(0, 6)) * rng.uniform(0.5, 1.5), color="#bbbbbb", linewidth=0.8)
        ax.plot(t, scale * 0.8 * np.sin(t), color="crimson", linewidth=2, linestyle=ref_style)
        ax.axhline(0, color="black", linewidth=0.8, linestyle=zero_style)
        ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Station anomalies")
    return _image(fig)


@pytest.mark.parametrize(
    ("ref", "cand"),
    [
        (dict(ref_style="-", zero_style=":"), dict(ref_style="-", zero_style="--")),  # dotted to dashed, 1 px
        (dict(ref_style="--"), dict(ref_style="-.")),  # the mean's dashes: dash-dot, 2 px
        (dict(ref_style="--", bars=True), dict(ref_style=":", bars=True)),  # dashes over bars
    ],
)
def test_a_dash_pattern_redrawn_is_one_line_style(judge: PixelJudge, ref: dict, cand: dict) -> None:
    ds = judge.judge_images(Task.CHART, _spaghetti(**ref), _spaghetti(**cand))
    assert [(d.category, d.severity) for d in ds] == [("style_error", 1)], [d.description for d in ds]


def test_a_dashed_line_scaled_is_still_a_data_change(judge: PixelJudge) -> None:
    # The same dashes on a path that moved: the line's values changed, whatever its dashes do.
    ds = judge.judge_images(Task.CHART, _spaghetti("--"), _spaghetti("--", scale=1.15))
    assert any(d.category == "data_error" for d in ds), [d.description for d in ds]
    assert not any(d.category == "style_error" for d in ds), [d.description for d in ds]
