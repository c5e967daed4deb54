"""Scene judge, charts: what one edit moves elsewhere is that edit. A secondary axis (``secondary_yaxis`` with
functions) follows its parent's range: one range change, not two."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


POWER = """
import matplotlib.pyplot as plt
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
fig, ax = plt.subplots(figsize=(8, 4))
ax.bar(months, [610, 640, 620, 700, 720, 760], color="#3d5a80")
limit = 1100.0
ax.axhline(limit, color="#c1121f", ls="--")
ax.set_ylim(0, TOP)
sec = ax.secondary_yaxis("right", functions=(lambda e: e / limit * 100, lambda p: p * limit / 100))
sec.set_ylabel("% of connection limit")
ax.set_ylabel("Energy (MWh)")
"""


def test_a_secondary_axis_follows_its_parents_range() -> None:
    found = _judge(POWER.replace("TOP", "1200"), POWER.replace("TOP", "1920"))
    assert len(found) == 1, found
    assert found[0].category == "data_error" and "range" in found[0].description, found
