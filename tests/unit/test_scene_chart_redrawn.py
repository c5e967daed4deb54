"""Scene judge, charts: one data set drawn in several panels changes once, wherever it shows."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

# A scatter matrix of three groups: each column of the data is drawn along x in its column's panels and along y
# in its row's, so the same values show in four panels.
MATRIX = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(SEED)
means = {"A": [39, 18, 190], "B": [49, 18, 196], "C": [47, 15, 217]}
data = {k: rng.normal(m, [2.0, 1.0, 6.0], size=(25, 3)) for k, m in means.items()}
EDIT
fig, axes = plt.subplots(3, 3, figsize=(7, 7))
for i in range(3):
    for j in range(3):
        if i != j:
            for (name, rows), colour in zip(data.items(), ["C0", "C1", "C2"]):
                axes[i, j].scatter(rows[:, j], rows[:, i], s=8, color=colour, label=name)
        else:
            axes[i, j].set_axis_off()
"""


def _data_items(found: list) -> list:
    """The data items, without the pile-up of content shown none of (`ChartDiff.pile_up`)."""
    return [d for d in found if d.category == "data_error" and "shows none of what it should" not in d.description]


def test_a_data_set_regenerated_across_a_scatter_matrix_is_one_change() -> None:
    charts = render_charts(
        {
            "ref": MATRIX.replace("SEED", "5").replace("EDIT", ""),
            "cand": MATRIX.replace("SEED", "6").replace("EDIT", ""),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    data = _data_items(found)
    assert len(data) == 1 and "the same data drawn in 6 subplots" in data[0].description, found


def test_a_redrawn_data_set_scores_above_the_matrix_without_its_data() -> None:
    # Every value is new, yet the candidate draws the reference's data set as it is made: it must not cost as
    # much as the empty panels a policy can emit for free.
    empty = MATRIX.replace("SEED", "5").replace("EDIT", "").replace("axes[i, j].scatter(", "(lambda *a, **k: None)(")
    charts = render_charts(
        {
            "ref": MATRIX.replace("SEED", "5").replace("EDIT", ""),
            "cand": MATRIX.replace("SEED", "6").replace("EDIT", ""),
            "empty": empty,
        }
    )
    judge = SceneJudge()
    redrawn = judge.judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    hack = judge.judge(Task.CHART, charts["ref"], charts["empty"]).discrepancies
    assert sum(d.severity for d in redrawn) < sum(d.severity for d in hack), (redrawn, hack)


def test_one_group_shifted_along_one_column_is_one_change() -> None:
    source = MATRIX.replace("SEED", "5")
    charts = render_charts(
        {"ref": source.replace("EDIT", ""), "cand": source.replace("EDIT", 'data["B"][:, 0] += rng.normal(0, 3, 25)')}
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].category == "data_error", found


# Two panels of unrelated data: an edit of each is its own change.
TWO_PANELS = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(8)
left, right = rng.normal(10, 2, 30), rng.normal(50, 5, 30)
EDIT
fig, (a, b) = plt.subplots(1, 2, figsize=(8, 3.5))
a.plot(left, marker="o")
b.plot(right, marker="s", color="C1")
"""


def test_edits_of_two_data_sets_in_two_panels_stay_two_changes() -> None:
    edit = "left = left + rng.normal(0, 4, 30); right = right + rng.normal(0, 9, 30)"
    charts = render_charts({"ref": TWO_PANELS.replace("EDIT", ""), "cand": TWO_PANELS.replace("EDIT", edit)})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(_data_items(found)) == 2, found


# An inset zooms on the main plot: the same line drawn twice.
INSET = """
import matplotlib.pyplot as plt
import numpy as np
t = np.linspace(0, 10, 80)
y = np.sin(t) * np.exp(-t / 6) + 0.05 * np.cos(7 * t)
EDIT
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(t, y)
inset = ax.inset_axes([0.55, 0.55, 0.4, 0.4])
inset.plot(t, y)
inset.set_xlim(0, 3)
"""


def test_a_line_changed_in_the_main_plot_and_its_inset_is_one_change() -> None:
    charts = render_charts({"ref": INSET.replace("EDIT", ""), "cand": INSET.replace("EDIT", "y = y * 1.3 + 0.2")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(_data_items(found)) == 1, found


# One correlated cloud: another sample of it shows the same data; made-up or reordered values do not.
CLOUD = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(SEED)
x = rng.normal(50, 10, 80)
y = 0.8 * x + rng.normal(0, 5, 80)
EDIT
fig, ax = plt.subplots(figsize=(5, 4))
ax.scatter(x, y, s=10)
ax.set_title("Height against weight")
"""


def test_another_sample_of_a_scatter_is_a_change_and_made_up_points_are_lost() -> None:
    base = CLOUD.replace("SEED", "1")
    charts = render_charts(
        {
            "ref": base.replace("EDIT", ""),
            "another sample": CLOUD.replace("SEED", "2").replace("EDIT", ""),
            "uniform": base.replace(
                "EDIT", "x, y = rng.uniform(x.min(), x.max(), 80), rng.uniform(y.min(), y.max(), 80)"
            ),
            "sorted": base.replace("EDIT", "x, y = np.sort(x), np.sort(y)"),
        }
    )
    judge = SceneJudge()
    sample = judge.judge(Task.CHART, charts["ref"], charts["another sample"]).discrepancies
    assert len(sample) == 1 and "another sample of the data" in sample[0].description, sample
    for hack in ("uniform", "sorted"):
        found = judge.judge(Task.CHART, charts["ref"], charts[hack]).discrepancies
        assert any("shows none of what it should" in d.description for d in found), (hack, found)
        assert sum(d.severity for d in found) > sum(d.severity for d in sample), (hack, found)


# Small multiples drawn by a loop over the data: each panel highlights one country against the others in grey.
MULTIPLES = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(12)
growth = {name: np.round(rng.normal(2, 2, 14), 1) for name in ["US", "Germany", "Japan", "India", "Brazil", "Chile"]}
DROP
fig, axes = plt.subplots(2, 3, figsize=(10, 6), sharex=True, sharey=True)
for ax, (country, values) in zip(axes.flat, growth.items()):
    for other, vals in growth.items():
        if other != country:
            ax.plot(range(2010, 2024), vals, color="0.7", lw=0.8)
    ax.plot(range(2010, 2024), values, color="#c0392b", lw=2.2)
    ax.set_title(country)
for ax in axes[:, 0]:
    ax.set_ylabel("Real GDP growth (%)")
"""


def test_a_panel_dropped_from_small_multiples_is_the_panel_and_its_context_line() -> None:
    # The later panels move one place on and pair by their titles; India's grey line, gone from each of the
    # others, is one thing missing.
    charts = render_charts(
        {"ref": MULTIPLES.replace("DROP", ""), "cand": MULTIPLES.replace("DROP", 'del growth["India"]')}
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 2 and any("('India') is missing" in d.description for d in found), found


def test_titles_that_traded_places_do_not_move_the_panels() -> None:
    # Two titles swapped are a text change over panels that kept their data, not panels dropped and shifted.
    swapped = MULTIPLES.replace("DROP", "").replace(
        "ax.set_title(country)", 'ax.set_title({"US": "Japan", "Japan": "US"}.get(country, country))'
    )
    charts = render_charts({"ref": MULTIPLES.replace("DROP", ""), "cand": swapped})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].category == "text_error", found
