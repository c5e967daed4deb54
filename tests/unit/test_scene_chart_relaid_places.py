"""Scene judge, charts: where a grid's ratios changed and where hollow bars went, as the truth measures the same
place (the changed pixels of one lie on the other's)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

# An order book: cumulative depth on top, the size at each level below on a log axis.
DEPTH = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(7)
bid_px, ask_px = 100 - np.arange(40) * 0.5, 100.5 + np.arange(40) * 0.5
bid_sz, ask_sz = rng.lognormal(0, 1.2, 40), rng.lognormal(0, 1.2, 40)
fig, (ax, lv) = plt.subplots(2, 1, figsize=(8, 5.5), sharex=True, gridspec_kw={"height_ratios": RATIOS})
ax.step(bid_px, np.cumsum(bid_sz), where="post", color="#26a69a", label="bids")
ax.step(ask_px, np.cumsum(ask_sz), where="pre", color="#ef5350", label="asks")
EXTRA
ax.legend(loc="upper center")
lv.bar(bid_px, bid_sz, width=0.45, color="#26a69a")
lv.bar(ask_px, ask_sz, width=0.45, color="#ef5350")
lv.set_yscale(SCALE)
"""

# Plan bars drawn hollow (white on white) behind the actual bars, the forecast's last months hatched.
BUDGET = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(12)
plan = np.array([410, 395, 450, 470, 480, 505, 490, 470, 520, 540, 585, 640], dtype=float)
actual = plan * np.linspace(0.95, 1.05, 12)
fig, ax = plt.subplots(figsize=(8, 4))
PLAN
ax.bar(x[:9] - 0.06, actual[:9], width=0.6, color="#404040", label="actual")
ax.bar(x[9:] - 0.06, plan[9:] * 1.02, width=0.6, color=FORECAST, edgecolor="#404040", hatch="////", label="forecast")
ax.set_ylim(0, 760)
"""
PLAN = 'ax.bar(x + 0.12, plan, width=0.6, facecolor="white", edgecolor="0.3", lw=1, label="plan")'


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    extra = 'ax.step(ask_px, np.cumsum(ask_sz) * 0.63, where="pre", color="#8b0000", label="projected")'
    yield render_charts(
        {
            "depth": DEPTH.replace("RATIOS", "[3, 1]").replace("EXTRA", "").replace("SCALE", '"log"'),
            "depth_cand": DEPTH.replace("RATIOS", "[6, 1]").replace("EXTRA", extra).replace("SCALE", '"linear"'),
            "budget": BUDGET.replace("PLAN", PLAN).replace("FORECAST", '"white"'),
            "budget_cand": BUDGET.replace("PLAN", "").replace("FORECAST", '"#2ca02c"'),
        }
    )


def test_grid_ratios_are_one_place_with_a_line_added_to_the_grown_panel_only(charts: dict[str, Rendering]) -> None:
    # The panels' new heights moved every mark of the top panel, over the new line's pixels; the axis turned
    # linear below squeezed its bars onto the bottom edge the new ratios left in place: two changes.
    found = SceneJudge().judge(Task.CHART, charts["depth"], charts["depth_cand"]).discrepancies
    assert len(found) == 2, found
    merged = next(d for d in found if "on the same place" in d.description)
    assert "projected" in merged.description and "ratios" in merged.description, found
    assert not any("ratios" in d.description and "log" in d.description for d in found), found


def test_hollow_bars_dropped_stay_apart_from_other_bars_filled(charts: dict[str, Rendering]) -> None:
    # The plan's white bars showed only their outlines: gone, they changed few pixels of the forecast's bars.
    found = SceneJudge().judge(Task.CHART, charts["budget"], charts["budget_cand"]).discrepancies
    assert len(found) == 2 and not any("on the same place" in d.description for d in found), found
