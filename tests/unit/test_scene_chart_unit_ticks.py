"""Scene judge, charts: tick labels printed as one number with a unit ('4.60 V') follow the axis range, as
plain numbers do; category labels with a number in them ('Q1') are still read as labels."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

VOLTS = """
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FormatStrFormatter
t = np.linspace(0, 3, 50)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(t, 4.2 - 0.3 * t, color="C0")
ax.yaxis.set_major_formatter(FormatStrFormatter("%.2f V"))
ax.set_ylim(3.2, TOP)
"""


def test_unit_tick_labels_follow_a_wider_range() -> None:
    charts = render_charts({"ref": VOLTS.replace("TOP", "4.3"), "cand": VOLTS.replace("TOP", "4.8")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "range" in found[0].description, found


QUARTERS = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(range(4), [3, 5, 4, 6], color="C2")
ax.set_xticks(range(4), LABELS)
"""


def test_quarter_labels_traded_are_still_a_text_change() -> None:
    charts = render_charts({"ref": QUARTERS.replace("LABELS", '["Q1", "Q2", "Q3", "Q4"]'),
                            "cand": QUARTERS.replace("LABELS", '["Q1", "Q3", "Q2", "Q4"]')})  # fmt: skip
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert any(d.category == "text_error" for d in found), found
