"""Scene judge, charts: the same point of many series changed, each by its own factor, is one change."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

# Parallel coordinates: every line scaled to each column's range (min-max), so one raw value that sets a
# column's minimum moves that point of every other line, each by its own factor.
PARALLEL = """
import matplotlib.pyplot as plt
import numpy as np
raw = np.array([[3.0, 40, 7, 900], [5, 55, 6, 1200], [4, 35, 9, 1000], [6, 60, 8, 1500], [2, 45, 5, LOW]])
lo, hi = raw.min(axis=0), raw.max(axis=0)
fig, ax = plt.subplots(figsize=(6, 4))
for row, colour in zip(raw, ["C0", "C1", "C2", "C3", "C4"]):
    ax.plot(range(4), (row - lo) / (hi - lo), color=colour)
"""


def test_one_value_that_rescales_a_column_of_every_line_is_one_change() -> None:
    charts = render_charts({"ref": PARALLEL.replace("LOW", "700"), "cand": PARALLEL.replace("LOW", "300")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].category == "data_error", found


def test_one_point_of_one_line_is_still_its_own_change() -> None:
    source = PARALLEL.replace("LOW", "700")
    charts = render_charts({"ref": source, "cand": source.replace("[5, 55, 6, 1200]", "[5, 55, 6.8, 1200]")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "line 2" in found[0].description, found


SPECIES = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(21)
means = {"A": [38.8, 18.3, 190, 3700, 6], "B": [48.8, 18.4, 196, 3730, 8], "C": [47.5, 15.0, 217, 5080, 7]}
data = {k: rng.normal(m, np.array(m) * 0.06, size=(8, 5)) for k, m in means.items()}
data["B"] = data["B"] * SCALE
stacked = np.vstack(list(data.values()))
lo, hi = stacked.min(axis=0), stacked.max(axis=0)
fig, ax = plt.subplots(figsize=(8, 4.5))
for (name, rows), colour in zip(data.items(), ["#ff7f0e", "#9467bd", "#17becf"]):
    for row in rows:
        ax.plot(range(5), (row - lo) / (hi - lo), color=colour, alpha=0.4)
"""


def test_one_series_scaled_under_a_per_column_normalisation_is_one_change() -> None:
    # Every line scaled to each column's range: one species' rows scaled move every column's extremes, so
    # each other line moves by one affine map a column, the scaled ones by their own. One edit, one item.
    charts = render_charts({"ref": SPECIES.replace("SCALE", "1.0"), "cand": SPECIES.replace("SCALE", "1.6")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].severity == 3 and "rescaled alike" in found[0].description, found


def test_three_lines_edited_apart_are_not_read_as_normalised() -> None:
    source = PARALLEL.replace("LOW", "700").replace("(row - lo) / (hi - lo)", "row / np.array([10, 100, 10, 2000])")
    edited = (
        source.replace("[3.0, 40, 7, 900]", "[3.6, 44, 9.1, 990]")
        .replace("[4, 35, 9, 1000]", "[3.2, 30, 6.3, 1000]")
        .replace("[2, 45, 5, 700]", "[2.8, 45, 3, 560]")
    )
    charts = render_charts({"ref": source, "cand": edited})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert found and not any("rescaled alike" in d.description for d in found), found


PAIRS = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
data = rng.normal([39, 18, 190], [2, 1, 6], size=(20, 3))
EDIT
fig, axes = plt.subplots(3, 3, figsize=(7, 7))
for i in range(3):
    for j in range(3):
        if i != j:
            axes[i, j].scatter(data[:, j], data[:, i], s=8, color="C0")
"""


def test_one_value_seen_along_x_and_along_y_in_a_scatter_matrix_is_one_change() -> None:
    # A scatter matrix plots each column against the others: one value edited moves its point along x in its
    # column's panels and along y in its row's. One edit, one item.
    charts = render_charts({"ref": PAIRS.replace("EDIT", ""), "cand": PAIRS.replace("EDIT", "data[5, 2] *= 1.08")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].category == "data_error", found


# A Gantt chart: one ``barh`` call a task, so each series holds one bar.
GANTT = """
import matplotlib.pyplot as plt
tasks = [("Design", 0, 14), ("Backend", 10, 25), ("Frontend", 20, 18), ("Testing", 35, 12), ("Launch", 46, 4)]
done = [1.0, 0.8, 0.55, 0.2, 0.0]
fig, ax = plt.subplots(figsize=(7, 3.5))
for k, ((name, start, dur), d) in enumerate(zip(tasks, done)):
    ax.barh(k, dur, left=start, color="#c7d7ea")
    ax.barh(k, dur * d * FACTOR, left=start, height=0.35, color="#333333")
ax.set_yticks(range(5), [t[0] for t in tasks])
"""


def test_one_bar_of_many_one_bar_series_scaled_alike_is_one_change() -> None:
    charts = render_charts({"ref": GANTT.replace("FACTOR", "1"), "cand": GANTT.replace("FACTOR", "0.9")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "scaled by 0.9" in found[0].description, found
