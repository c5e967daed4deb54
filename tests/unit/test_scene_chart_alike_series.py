"""Scene judge, charts: unnamed series of one look added or dropped together are one change."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

# Significance brackets drawn in a loop: one line a comparison, all in one colour, none named.
BRACKETS = """
import matplotlib.pyplot as plt
import numpy as np
means = [100, 82, 64, 51, 40, 33]
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(range(6), means, color="0.7")
for k, (i, j) in enumerate([(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)]):
    y, h = 110 + 9 * k, 3
    ax.plot([i, i, j, j], [y, y + h, y + h, y], color="#8c564b", lw=1)
    EXTRA
ax.set_ylim(0, 170)
"""


def test_a_line_added_at_every_turn_of_a_loop_is_one_change() -> None:
    extra = 'ax.plot([i, i, j, j], [y, y + h, y + h, y], color="#8c564b", marker="v")'
    charts = render_charts({"ref": BRACKETS.replace("EXTRA", "pass"), "cand": BRACKETS.replace("EXTRA", extra)})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "5 unnamed lines" in found[0].description, found


# Box plots with jittered points: one unnamed scatter a box, all dark grey.
JITTER = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(4)
groups = [rng.normal(m, 6, 30) for m in (40, 55, 47, 62)]
SHOWN
fig, ax = plt.subplots(figsize=(6, 4))
ax.boxplot(groups, positions=range(len(groups)))
for k, g in enumerate(groups):
    if k in shown:
        ax.scatter(k + rng.uniform(-0.15, 0.15, len(g)), g, s=8, color=COLOUR)
"""


def test_jittered_points_dropped_from_every_box_are_one_change() -> None:
    source = JITTER.replace("COLOUR", '"#262626"')
    charts = render_charts(
        {"ref": source.replace("SHOWN", "shown = range(4)"), "cand": source.replace("SHOWN", "shown = []")}
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "4 unnamed scatter series" in found[0].description, found


def test_unnamed_series_of_other_colours_dropped_stay_apart() -> None:
    source = JITTER.replace("COLOUR", '["C0", "C1", "C2", "C3"][k]')
    charts = render_charts(
        {"ref": source.replace("SHOWN", "shown = range(4)"), "cand": source.replace("SHOWN", "shown = [0, 1]")}
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert sum("is missing" in d.description for d in found) == 2, found
