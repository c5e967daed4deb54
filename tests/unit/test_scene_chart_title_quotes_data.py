"""Scene judge, charts: a title that prints a figure of the data follows the data when it changes; its
number changed over data that did not is a text change."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

BARS = """
import matplotlib.pyplot as plt
import numpy as np
values = np.array([12.0, 30.0, 21.0, 9.0, 18.0])
EDIT
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(["N", "E", "S", "W", "C"], values, color="#4e79a7")
ax.set_title(f"Orders by region, top share {values.max() / values.sum():.0%}")
fig.suptitle(f"Total {values.sum():.0f} orders")
"""


def _judge(edit: str) -> list:
    charts = render_charts({"ref": BARS.replace("EDIT", "pass"), "cand": BARS.replace("EDIT", edit)})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_titles_quoting_the_data_follow_a_data_change() -> None:
    found = _judge("values[1] *= 1.8")
    assert len(found) == 1 and found[0].category == "data_error", found


def test_a_number_changed_in_a_title_over_the_same_data_is_a_text_change() -> None:
    typo = BARS.replace("EDIT", "pass").replace("{values.max() / values.sum():.0%}", "35%")
    charts = render_charts({"ref": BARS.replace("EDIT", "pass"), "cand": typo})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].category == "text_error" and "35%" in found[0].description, found
