"""Scene judge, charts: an axes drawn without its axis (an infographic of boxes and texts placed in data units)
whose range changed moved every shape and text: one range change when that moved them far, none when it moved
them a little (no tick label says so)."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

CARDS = """
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch
fig = plt.figure(figsize=(7, 5))
ax = fig.add_axes([0, 0, 1, 1])
ax.set_xlim(0, 100)
ax.set_ylim(0, TOP)
ax.axis("off")
for k, (name, value) in enumerate([("north", 41), ("south", 27), ("east", 19), ("west", 13)]):
    x0, y0 = 5 + (k % 2) * 48, 55 - (k // 2) * 30
    ax.add_patch(FancyBboxPatch((x0, y0), 42, 22, boxstyle="round,pad=0.5", facecolor="white", edgecolor="C0"))
    ax.text(x0 + 4, y0 + 13, name, fontsize=13)
    ax.text(x0 + 4, y0 + 5, f"{value}%", fontsize=16)
"""


def _judge(top: int) -> list:
    charts = render_charts({"ref": CARDS.replace("TOP", "100"), "cand": CARDS.replace("TOP", str(top))})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_an_axis_off_range_doubled_is_one_range_change() -> None:
    found = _judge(200)
    assert len(found) == 1 and "y-axis range is 0 to 200" in found[0].description, found


def test_an_axis_off_range_nudged_is_no_change() -> None:
    assert _judge(104) == []


def test_an_axis_off_range_narrowed_a_little_cuts_off_no_data() -> None:
    # Shapes place no values the scene reads: the old limits are no data the new range cuts off (3).
    assert not any(d.category == "data_error" and d.severity == 3 for d in _judge(88))


def test_an_axis_off_range_narrowed_past_the_cards_is_one_range_change() -> None:
    # The top cards left the image (their boxes cut at its edge): they left the view with the range, not moved.
    found = _judge(60)
    assert len(found) == 1 and "y-axis range is 0 to 60" in found[0].description, found
    assert found[0].category == "data_error" and found[0].severity == 2, found
