"""Pixel judge, charts: small multiples whose panels' data are gone read as the plot's data hidden."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _panels(kind: str) -> Image.Image:
    """Four panels of one line each; ``kind``: "data" (the reference), "dots" (every line replaced by
    random dots over the same axes), "one gone" (the last panel's line removed)."""
    rng = np.random.default_rng(3)
    x = np.arange(12)
    fig, axs = plt.subplots(2, 2, figsize=(8, 6), sharex=True, sharey=True)
    for k, ax in enumerate(axs.flat):
        ax.set_title(f"region {k + 1}")
        if kind == "dots":
            ax.plot(rng.random(40) * 11, 5 + rng.random(40) * 20, "o", ms=4, color="tab:blue")
        elif kind == "data" or k < 3:
            ax.plot(x, 10 + 3 * k + 4 * np.sin(x / 2 + k), color="tab:blue", marker="o")
        ax.set_xlim(-0.5, 11.5)
        ax.set_ylim(4, 26)
    return _image(fig)


def _hidden(judge: PixelJudge, cand: Image.Image) -> list:
    return [d for d in judge.judge_images(Task.CHART, _panels("data"), cand) if "hid" in d.description]


def test_random_dots_over_every_panel_hide_the_data_by_the_share_gone(judge: PixelJudge) -> None:
    # Dots drawn over each panel follow none of its line: every panel's data are gone, severe items pile up.
    hidden = _hidden(judge, _panels("dots"))
    assert len(hidden) >= 4 and all(d.severity == 3 and d.category == "data_error" for d in hidden), hidden
    assert "4 of its 4 subplots" in hidden[0].description


def test_one_panel_emptied_of_four_is_no_hidden_data(judge: PixelJudge) -> None:
    assert _hidden(judge, _panels("one gone")) == []
