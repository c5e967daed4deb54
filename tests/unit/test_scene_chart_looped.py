"""Scene judge, charts: one edit seen in many places is one discrepancy. A change made inside the loop that
draws every panel, labels that quote the data and move with it, one list of names reordered under two axes,
curves computed from one input that changed, and a line coloured outside the colour cycle (the lines after it
move on); separate edits in separate panels stay apart."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.judge.scene.chart.texts import _rank_factor
from verm.types import Discrepancy, Task


def judge(ref: str, cand: str) -> list[Discrepancy]:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


# A KPI table of sparklines: each row's area is filled down to its own series' minimum.
SPARKLINES = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(4)
fig, axes = plt.subplots(6, 2, figsize=(7, 6), gridspec_kw={"width_ratios": [1, 3]})
for k, (name_ax, ax) in enumerate(axes):
    series = 50 + k * 10 + np.cumsum(rng.normal(0, 2, 30))
    name_ax.axis("off")
    name_ax.text(0, 0.5, f"KPI {k + 1}", va="center")
    ax.plot(series, color="C0")
    ax.fill_between(np.arange(30), series, BASE, color="C0", alpha=0.2)
    ax.set_xticks([]); ax.set_yticks([])
    EDIT
"""


def test_an_edit_inside_the_loop_over_panels_is_one_change() -> None:
    found = judge(
        SPARKLINES.replace("BASE", "series.min()").replace("EDIT", "pass"),
        SPARKLINES.replace("BASE", "series.min() * 0.9").replace("EDIT", "pass"),
    )
    assert len(found) == 1, found
    assert found[0].category == "data_error" and "6 subplots changed alike" in found[0].description, found


def test_single_values_edited_in_three_panels_stay_three_changes() -> None:
    edit = (
        "ax.lines[0].set_ydata(np.where(np.arange(30) == 3 * k + 2, series + 15, series)) if k in (0, 2, 4) else None"
    )
    found = judge(
        SPARKLINES.replace("BASE", "series.min()").replace("EDIT", "pass"),
        SPARKLINES.replace("BASE", "series.min()").replace("EDIT", edit),
    )
    assert len(found) == 3 and all(d.category == "data_error" for d in found), found
    assert not any("changed alike" in d.description for d in found), found


# A checkout funnel: each bar labelled with its step's name and its count.
FUNNEL = """
import matplotlib.pyplot as plt
steps = NAMES
users = [48200, 21950, 7310, 4120, 2870, 2240]
users = [u * SCALE for u in users]
fig, ax = plt.subplots(figsize=(7, 4.5))
ax.barh(range(6), users, color="#4c72b0")
for k, (step, n) in enumerate(zip(steps, users)):
    ax.text(n * 0.5, k, f"{step}\\n{n:,.0f}", ha="center", va="center", color="white", fontsize=8)
ax.set_yscale(AXIS)
ax.invert_yaxis()
ax.set_yticks([])
"""
NAMES = ["Visited site", "Viewed product", "Added to cart", "Started checkout", "Entered payment", "Purchased"]


def funnel(names: list[str], scale: float, yscale: str = "linear") -> str:
    return FUNNEL.replace("NAMES", repr(names)).replace("SCALE", str(scale)).replace("AXIS", repr(yscale))


def test_bar_labels_quoting_scaled_values_follow_them() -> None:
    found = judge(funnel(NAMES, 1), funnel(NAMES, 1.8, "log"))
    assert found and not any(d.category == "text_error" for d in found), found


def test_bar_labels_that_traded_names_where_the_category_axis_turned_log_are_one_change() -> None:
    # The log axis moves every label (the first bar's, at 0, off the canvas): their order, not their places,
    # tells the two names that traded.
    found = judge(funnel(NAMES, 1), funnel([*NAMES[:2], NAMES[3], NAMES[2], *NAMES[4:]], 1.8, "log"))
    texts = [d for d in found if d.category == "text_error"]
    assert len(texts) == 1 and texts[0].severity == 3, found
    assert "'Added to cart' and 'Started checkout' traded places" in texts[0].description, found


# Lines labelled at their ends with their last value: a series scaled reorders the labels with its data.
ENDS = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(20)
fig, ax = plt.subplots(figsize=(7, 4))
for k, name in enumerate(["North", "Wales", "South", "East"]):
    y = 100 + 10 * k + x * (1 + 0.2 * k)
    if name == "Wales":
        y = y * SCALE
    ax.plot(x, y)
    ax.text(19.3, y[-1], f"{name} {y[-1]:.0f}", va="center")
"""


def test_end_labels_reordered_by_their_data_did_not_trade_places() -> None:
    found = judge(ENDS.replace("SCALE", "1"), ENDS.replace("SCALE", "1.3"))
    assert not any("traded" in d.description for d in found), found
    assert any(d.category == "data_error" for d in found), found


# A scatter matrix: each column's name labels the x axes below it and the y axes beside it.
MATRIX = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(2)
data = rng.normal(0, 1, (40, 3)) @ np.array([[1, 0.5, 0.2], [0, 1, 0.4], [0, 0, 1]])
names = NAMES
fig, axes = plt.subplots(3, 3, figsize=(6, 6))
for i in range(3):
    for j in range(3):
        ax = axes[i, j]
        if i == j:
            ax.hist(data[:, i], bins=8, color="0.6")
        else:
            ax.scatter(data[:, j], data[:, i], s=6)
        if i == 2:
            ax.set_xlabel(names[j])
        if j == 0:
            ax.set_ylabel(names[i])
"""


def test_names_reordered_under_both_axes_of_a_scatter_matrix_are_one_change() -> None:
    names = ["bill length", "flipper length", "body mass"]
    found = judge(MATRIX.replace("NAMES", repr(names)), MATRIX.replace("NAMES", repr([names[0], names[2], names[1]])))
    assert len(found) == 1 and found[0].category == "text_error" and found[0].severity == 3, found
    assert "x-axis labels" in found[0].description and "y-axis labels" in found[0].description, found


# Size distributions of five samples, drawn as density curves: every size scaled moves each curve its own way.
DENSITIES = """
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0, 200, 300)
fig, ax = plt.subplots(figsize=(6, 4))
for mean in np.array([10, 20, 40, 60, 80]) * SCALE:
    sd = 4 + 0.15 * mean
    ax.plot(x, np.exp(-0.5 * ((x - mean) / sd) ** 2) / sd, label=f"{mean:.0f} nm")
ax.legend()
"""


def test_density_curves_of_one_scaled_input_are_one_change() -> None:
    found = judge(DENSITIES.replace("SCALE", "1"), DENSITIES.replace("SCALE", "1.8"))
    data = [d for d in found if d.category == "data_error"]
    assert len(data) == 1 and "changed together" in data[0].description, found


# Five lines coloured by the axes' colour cycle.
CYCLE = """
import matplotlib.pyplot as plt
import numpy as np
plt.rcParams["axes.prop_cycle"] = plt.cycler(color=["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"])
x = np.linspace(-4, 4, 200)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(x, np.maximum(0, x), label="ReLU")
ax.plot(x, np.where(x > 0, x, 0.1 * x), label="Leaky ReLU"COLOUR)
ax.plot(x, np.tanh(x), label="tanh")
ax.plot(x, 1 / (1 + np.exp(-x)), label="sigmoid")
ax.plot(x, x / (1 + np.exp(-1.702 * x)), label="GELU")
ax.legend(loc="upper left")
"""


def test_a_line_coloured_outside_the_cycle_is_one_change_though_the_lines_after_it_move_on() -> None:
    found = judge(CYCLE.replace("COLOUR", ""), CYCLE.replace("COLOUR", ', color="#7f7f7f"'))
    assert len(found) == 1 and found[0].category == "style_error", found
    assert "Leaky ReLU" in found[0].description and "the 3 lines after it" in found[0].description, found


def test_two_lines_that_traded_colours_stay_two_changes() -> None:
    swapped = CYCLE.replace("COLOUR", ', color="#e9c46a"').replace('label="tanh"', 'label="tanh", color="#2a9d8f"')
    found = judge(CYCLE.replace("COLOUR", ""), swapped)
    assert len(found) == 2 and not any("cycle" in d.description for d in found), found


def test_labels_trade_by_order_only_where_every_rank_quotes_the_data_scaled_alike() -> None:
    # By rank: the numbers stayed with the places, scaled alike (a funnel's counts, the data scaled): names traded.
    assert _rank_factor(
        [("Visited 48,200", "Viewed 86,760"), ("Viewed 21,950", "Visited 39,510"), ("Cart 7,310", "Cart 13,158")]
    )
    # Numbers that stayed put are the places' own (a bump chart's '2. United', ranked anew with the data).
    assert not _rank_factor([("1. City", "1. City"), ("2. Rovers", "2. Wanderers"), ("3. Wanderers", "3. Rovers")])
    # Numbers that moved apart follow their marks (a line's end labels).
    assert not _rank_factor([("North 120", "North 120"), ("Wales 163", "Wales 212"), ("East 170", "East 170")])


# Reaction times of four conditions as box plots.
BOXES = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(8)
data = [rng.normal(400 + 40 * k, 30, 60) for k in range(4)]
EDIT
fig, ax = plt.subplots(figsize=(6, 4))
ax.boxplot(data)
ax.set_xticks(range(1, 5), ["calm", "neutral", "tense", "alarm"])
"""


def test_boxes_changed_three_at_a_time_are_one_change() -> None:
    found = judge(
        BOXES.replace("EDIT", "pass"), BOXES.replace("EDIT", "data = [d * (1 + 0.1 * k) for k, d in enumerate(data)]")
    )
    assert len(found) == 1 and found[0].category == "data_error" and "boxes 2, 3 and 4" in found[0].description, found


def test_two_boxes_edited_each_are_two_changes() -> None:
    edit = "data[1] = data[1] + 60; data[3] = data[3] - 60"
    found = judge(BOXES.replace("EDIT", "pass"), BOXES.replace("EDIT", edit))
    assert len(found) == 2 and all("box " in d.description for d in found), found


# Minutes in each sleep stage, the bars drawn in the order of a list of stage names.
STAGES = """
import matplotlib.pyplot as plt
minutes = {"Wake": 17, "N1": 34, "N2": 125.5, "N3": 88, "REM": 96}
order = ORDER
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(range(5), [minutes[s] for s in order], color="#41b6c4")
ax.set_xticks(range(5), order)
"""
ORDER = ["Wake", "N1", "N2", "N3", "REM"]


def test_bars_that_moved_with_their_swapped_names_read_right_the_labels_are_the_change() -> None:
    swapped = ["N2", "N1", "Wake", "N3", "REM"]
    found = judge(STAGES.replace("ORDER", repr(ORDER)), STAGES.replace("ORDER", repr(swapped)))
    assert [d.category for d in found] == ["text_error"] and found[0].severity == 3, found


def test_bars_that_traded_values_under_kept_names_read_wrong() -> None:
    edit = (
        STAGES.replace("ORDER", repr(ORDER)).replace('"Wake": 17,', '"Wake": 125.5,').replace('"N2": 125.5', '"N2": 17')
    )
    found = judge(STAGES.replace("ORDER", repr(ORDER)), edit)
    assert [d.category for d in found] == ["data_error"], found


# A bump chart: six teams ranked week by week; one team's strength recomputes the ranks at some weeks.
BUMP = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(5)
strength = np.array([1.0, 0.8, STRONG, 0.5, 0.3, 0.6])
points = np.cumsum(strength[:, None] + rng.normal(0, 0.25, (6, 10)), axis=1)
ranks = (-points).argsort(axis=0).argsort(axis=0) + 1
fig, ax = plt.subplots(figsize=(7, 4))
for k in range(6):
    ax.plot(range(10), ranks[k], marker="o")
ax.invert_yaxis()
"""


def test_ranks_traded_at_a_few_weeks_are_one_change() -> None:
    found = judge(BUMP.replace("STRONG", "0.7"), BUMP.replace("STRONG", "0.45"))
    assert len(found) == 1 and "traded values" in found[0].description, found


def test_a_loop_of_lines_drawn_as_bars_beside_kept_mean_lines_scores_above_every_hack() -> None:
    # Held-out heldout6's parallel-coordinates plot (fresh seed 773, read after its measurement): its class lines
    # drawn as bars and one value of a class edited (its thick mean line moves). The mean lines must pair with
    # the reference's mean lines (not with a thin class line of their colour), or the honest candidate reads as
    # most of the data lost and every hack outscores it.
    from verm.bench.hacks import HACK_KINDS, as_completion, hack_sources
    from verm.corpus import gallery_dir
    from verm.pipeline import Scorer

    ref = (gallery_dir("heldout6") / "penguin_parallel_coordinates.py").read_text(encoding="utf-8")
    honest = ref.replace("[2.6, 1.2, 6.5, 450, 2.5]", "[2.6, 0.9, 6.5, 450, 2.5]").replace(
        "ax.plot(xs, (row - lo) / (hi - lo), color=color, alpha=0.35, lw=1)",
        "ax.bar(xs, (row - lo) / (hi - lo), color=color, alpha=0.35)",
    )
    assert honest.count("ax.bar(") == 1 and "0.9, 6.5" in honest
    hacks = hack_sources(Task.CHART, ref, HACK_KINDS[Task.CHART])
    with Scorer(Task.CHART, judge="scene") as scorer:
        rewards = scorer.score_batch(
            [ref] * (1 + len(hacks)), [as_completion(Task.CHART, s) for s in [honest, *hacks.values()]]
        )
    assert rewards[0].score is not None, rewards[0].reason
    for name, r in zip(hacks, rewards[1:], strict=True):
        assert r.score is not None and r.score < rewards[0].score, (name, r.score, rewards[0].score)
