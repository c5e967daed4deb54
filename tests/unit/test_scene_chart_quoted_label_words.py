"""Scene judge, charts: a label quoting the data whose words changed too ('Nov 176' -> 'oNv 368', the data
scaled) is one text change graded by its words (a typo: 1), paired with the label of its call's turn even
where the scaled data pushed other labels off the canvas (a radial bar chart's labels at the bars' ends):
not one text missing and one added."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


RADIAL = """
import matplotlib.pyplot as plt
import numpy as np
months = MONTHS
rain = np.array([183, 137, 121, 82, 74, 71, 79, 94, 110, 163, 176, 198]) * SCALE
theta = np.linspace(0, 2 * np.pi, 12, endpoint=False)
fig = plt.figure(figsize=(7, 7))
ax = fig.add_subplot(projection="polar")
ax.bar(theta, rain, width=0.45, bottom=40, color="#4c78a8")
ax.set_ylim(0, 260)
ax.set_xticks([])
ax.set_yticks([])
for t, r, m in zip(theta, rain, months):
    ax.text(t, 40 + r + 25, f"{m}\\n{r:.0f}", ha="center", va="center", fontsize=9)
"""


def test_a_quoting_label_with_a_typo_is_one_text_change_graded_by_its_words() -> None:
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    typo = [*months[:10], "oNv", "Dec"]
    found = _judge(
        RADIAL.replace("MONTHS", repr(months)).replace("SCALE", "1"),
        RADIAL.replace("MONTHS", repr(typo)).replace("SCALE", "1.7"),
    )
    texts = [d for d in found if d.category == "text_error"]
    assert len(texts) == 1 and texts[0].severity == 1, found
