"""Scene judge, charts: vertical lines (two points each, the same y from 0 to 1) pair by their place, so a series
dropped before them does not shift every one of them onto its neighbour's place."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

PANEL = """
import matplotlib.pyplot as plt
import numpy as np
hours = np.arange(0, 120, 3)
fig, ax = plt.subplots(figsize=(8, 3))
ax.plot(hours, 6 + 3 * np.sin(hours / 9), color="#1f77b4", label="Mean wind")
GUST
for day in range(0, 120, 24):
    ax.axvline(day, color="0.75", lw=0.8)
ax.legend(loc="upper right")
"""
GUST = 'ax.plot(hours, 10 + 4 * np.sin(hours / 9 + 0.4), color="#9467bd", ls="--", label="Gust")'


def test_a_series_dropped_before_day_lines_is_one_missing_series() -> None:
    charts = render_charts({"ref": PANEL.replace("GUST", GUST), "cand": PANEL.replace("GUST", "pass")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "'Gust' is missing" in found[0].description, found


def test_a_day_line_moved_is_still_told() -> None:
    moved = PANEL.replace("GUST", GUST).replace("ax.axvline(day,", "ax.axvline(day + (6 if day == 48 else 0),")
    charts = render_charts({"ref": PANEL.replace("GUST", GUST), "cand": moved})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "54" in found[0].description, found
