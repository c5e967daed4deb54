"""Scene judge, charts: data drawn anew (made-up, shuffled or sorted values; a series cut to one mark; a line
drawn as one bar at its mean) shows none of the reference's data and costs what it hides, like missing data;
a series scaled as a whole (its numbers rounded as they are written) stays one change."""

from __future__ import annotations

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.judge.scene.chart.anew import follows_affine, values_lost
from verm.types import Task

BARS = """
import matplotlib.pyplot as plt
quarters = ["Q1", "Q2", "Q3", "Q4"]
means = MEANS
fig, ax = plt.subplots(figsize=(7, 4))
ax.bar(quarters, means, color=COLOUR)
ax.set_title(TITLE, loc="left")
ax.set_ylabel("Active users (k)")
ax.set_ylim(0, 60)
"""
REF_MEANS = "[32.28, 47.97, 25.55, 20.35]"

LINES = """
import matplotlib.pyplot as plt
import numpy as np
years = np.arange(2015, 2023)
men = np.array([14.27, 23.92, 30.1, 35.71, 41.0, 44.2, 46.5, 48.44])
women = np.array([22.08, 27.5, 31.2, 36.0, 40.3, 43.1, 48.0, 49.01])
fig, ax = plt.subplots(figsize=(7, 4))
ax.set_xlim(2014.5, 2022.5)
ax.set_ylim(0, 55)
DRAW
ax.set_title("Share of graduates")
ax.legend()
"""


def _bars(means: str = REF_MEANS, colour: str = '"seagreen"', title: str = '"Active users per quarter"') -> str:
    return BARS.replace("MEANS", means).replace("COLOUR", colour).replace("TITLE", title)


def _severity(ref: str, cand: str) -> tuple[int, list]:
    charts = render_charts({"ref": ref, "cand": cand})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    return sum(d.severity for d in found), found


def test_values_lost_reads_values_following_no_map_of_the_reference() -> None:
    ref = [32.28, 47.97, 25.55, 20.35]
    assert values_lost(ref, [37.94, 27.80, 21.48, 20.81], 4)  # made up in the same range, rank kept mostly
    assert not values_lost(ref, [round(v * 1.31, 1) for v in ref], 4)  # scaled, rounded as written
    assert not values_lost(ref, [v * 0.8 + 3 for v in ref], 4)  # an affine map (normalised values)
    eight = [14.27, 23.92, 30.1, 35.71, 41.0, 44.2, 46.5, 48.44]
    assert not follows_affine(list(zip(eight, sorted(eight, key=lambda v: (v * 7.3) % 10), strict=True)))
    scaled_one_edited = [v * 1.2 for v in eight]
    scaled_one_edited[3] = 80.0
    assert not values_lost(eight, scaled_one_edited, 8)  # a series scaled and one of its points edited


def test_made_up_bar_values_cost_more_than_three_honest_edits() -> None:
    ref = _bars()
    hack, found = _severity(ref, _bars("[37.94, 27.80, 21.48, 20.81]"))
    # Three honest edits: the series scaled (rounded as written), its colour, a word of the title.
    honest, honest_found = _severity(
        ref, _bars("[42.29, 62.84, 33.47, 26.66]", '"darkorange"', '"Active visitors per quarter"')
    )
    assert hack > honest, (found, honest_found)
    assert any("shows none of what it should" in d.description for d in found), found


def test_a_series_scaled_and_rounded_as_written_is_one_change() -> None:
    _sev, found = _severity(_bars(), _bars("[29.05, 43.17, 23.0, 18.32]"))
    assert len(found) == 1 and found[0].category == "data_error", found


@pytest.mark.parametrize(
    ("draw", "what"),
    [
        (
            "ax.plot(years, men, color='C0', label='Men', visible=False)\n"
            "ax.plot(years, women, color='C1', label='Women', visible=False)\n"
            "ax.bar(2016.5, men.mean(), width=1.5, color='C0')\nax.bar(2020.5, women.mean(), width=1.5, color='C1')",
            "each line drawn as one bar at its mean",
        ),
        (
            "ax.plot(years, men[::-1], color='C0', label='Men')\nax.plot(years, women[::-1], color='C1', label='Women')",
            "every line reversed",
        ),
    ],
)
def test_lines_drawn_anew_cost_more_than_three_honest_edits(draw: str, what: str) -> None:
    honest_draw = "ax.plot(years, men * 1.3, color='C0', label='Men')\nax.plot(years, women, color='C2', label='Women')"
    ref = LINES.replace("DRAW", "ax.plot(years, men, color='C0', label='Men')\n"
                        "ax.plot(years, women, color='C1', label='Women')")  # fmt: skip
    honest, honest_found = _severity(ref, ref.replace("Share of graduates", "Share of gradutes").replace(
        "ax.plot(years, men, color='C0', label='Men')\nax.plot(years, women, color='C1', label='Women')", honest_draw))  # fmt: skip
    hack, found = _severity(ref, LINES.replace("DRAW", draw))
    assert hack > honest, (what, found, honest_found)


def test_bars_cut_to_one_bar_cost_what_they_hide() -> None:
    ref = _bars()
    cut = ref + "for b in ax.patches[1:]:\n    b.set_visible(False)\n"
    sev, found = _severity(ref, cut)
    assert sev >= 12 and any("shows none of what it should" in d.description for d in found), found


# A shot chart: the court drawn as outline patches and lines, the shots as two scatters.
COURT = """
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Arc, Circle, Rectangle
rng = np.random.default_rng(23)
x, y = rng.uniform(-22, 22, 160), rng.uniform(-4, 28, 160)
made = rng.uniform(0, 1, 160) < 0.45
FLAT
fig, ax = plt.subplots(figsize=(6, 6))
for patch in (Circle((0, 0), 0.75, fill=False), Rectangle((-8, -5.25), 16, 19, fill=False),
              Arc((0, 13.75), 12, 12, theta1=0, theta2=180), Arc((0, 0), 47.5, 47.5, theta1=22, theta2=158)):
    ax.add_patch(patch)
ax.plot([-3, 3], [-1.25, -1.25], color="k")
ax.plot([-22, -22], [-5.25, 8.95], color="k")
ax.scatter(x[~made], y[~made], marker="x", color="#c0392b", label="Missed")
ax.scatter(x[made], y[made], marker="o", facecolors="none", edgecolors="#1e8449", label="Made")
ax.set_xlim(-25, 25)
ax.set_ylim(-6, 42)
ax.legend(loc="upper left")
"""


def test_two_series_flattened_on_one_place_are_two_series_lost() -> None:
    # Each series that shows none of its data is one thing lost, as each missing one is: they lie on one
    # place, yet folding them into one item would let a policy flatten all of a plot's data for the cost of one.
    charts = render_charts({"ref": COURT.replace("FLAT", ""), "cand": COURT.replace("FLAT", "y = np.full(160, 10.0)")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    lost = [d for d in found if d.category == "data_error" and d.severity == 3]
    assert len(lost) == 2, found
