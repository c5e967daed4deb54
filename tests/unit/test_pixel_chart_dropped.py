"""Pixel judge, charts: several series dropped count one by one (one line kept where there were many)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture

COLOURS = ("#440154", "#2a788e", "#22a884", "#7ad151")


def _lines(kept: int) -> Image.Image:
    """Four close series in viridis colours, the first a heavy line (over half the plot's ink, so the one line
    kept covers most of the data's place); only the first ``kept`` are drawn."""
    x = np.linspace(0, 10, 60)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for k in range(kept):
        ax.plot(x, 8 - 0.5 * x + 0.6 * k + 0.2 * np.sin(x + k), color=COLOURS[k], lw=5 if k == 0 else 1.2)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 12)
    ax.set_title("Four series")
    return _image(fig)


@pytest.mark.parametrize(("kept", "severity"), [(3, 3), (2, 6), (1, 9)])
def test_each_series_dropped_costs_a_severe_data_item(judge: PixelJudge, kept: int, severity: int) -> None:
    # The ground truth grades every dropped series 3: keeping one line of four is three changes, not one.
    found = judge.judge_images(Task.CHART, _lines(4), _lines(kept))
    data = [d for d in found if d.category == "data_error"]
    assert sum(d.severity for d in data) == severity, found
    assert all(d.severity == 3 for d in data), found
