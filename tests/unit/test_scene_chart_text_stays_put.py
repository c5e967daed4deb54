"""Scene judge, charts: two texts traded places only where each left its own place for the other's; a label
that moved with its data under a wide text that stayed put (a fishbone's cause label beside its title) traded
with nothing."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


FISHBONE = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(10, 5))
ax.set_xlim(0, 12)
ax.set_ylim(0, 10)
ax.axis("off")
ax.plot([0.5, 11], [5, 5], color="#34495e", lw=3)
ax.plot([X, X + 1.5], [8.5, 5], color="#34495e", lw=2)
ax.text(X, 8.7, "rain and snow", ha="center", fontsize=14)
ax.text(3.6, 9.6, "Root-cause analysis", ha="left", fontsize=14)
"""


def test_a_label_moved_under_a_text_that_stayed_put_is_no_swap() -> None:
    found = _judge(FISHBONE.replace("X", "4.0"), FISHBONE.replace("X", "5.4"))
    assert not any("traded" in d.description for d in found), found
