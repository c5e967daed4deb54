"""Scene judge, charts: many series of one panel whose data changed at once (a layout or curves computed from
one input) are one change; a few lines changed each their own way stay apart."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

# A dendrogram drawn by hand, merging the nearest clusters first: two leaves' profiles traded relink the tree.
TREE = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
profiles = rng.normal(0, 1, (8, 5)) + np.repeat(np.arange(4), 2)[:, None] * 1.5
EDIT
clusters = {k: (float(k), 0.0) for k in range(8)}
fig, ax = plt.subplots(figsize=(7, 4))
members = {k: [k] for k in range(8)}
nxt = 8
while len(clusters) > 1:
    keys = sorted(clusters)
    best = min(((np.linalg.norm(profiles[members[a]].mean(0) - profiles[members[b]].mean(0)), a, b)
                for i, a in enumerate(keys) for b in keys[i + 1:]))
    d, a, b = best
    (xa, ha), (xb, hb) = clusters.pop(a), clusters.pop(b)
    ax.plot([xa, xa, xb, xb], [ha, d, d, hb], color="C0" if d < 3 else "0.35", lw=1.2)
    clusters[nxt] = ((xa + xb) / 2, d)
    members[nxt] = members.pop(a) + members.pop(b)
    nxt += 1
ax.set_xticks(range(8), [f"s{k}" for k in range(8)])
ax.set_ylabel("distance")
"""


def test_a_tree_relinked_by_two_leaves_traded_is_one_change() -> None:
    charts = render_charts(
        {"ref": TREE.replace("EDIT", "pass"), "cand": TREE.replace("EDIT", "profiles[[1, 4]] = profiles[[4, 1]]")}
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "series of the plot changed together" in found[0].description, found


# Three traces, three edits: each trace changed its own way.
TRACES = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(12)
ys = [np.sin(x / 2) + k for k in range(6)]
EDIT
fig, ax = plt.subplots(figsize=(6, 4))
for y in ys:
    ax.plot(x, y, color="0.3")
"""


def test_three_unnamed_lines_each_edited_are_not_a_layout_drawn_anew() -> None:
    edit = "ys[0] = ys[0] * 1.5; ys[2][3] += 2; ys[4][8] -= 2"
    charts = render_charts({"ref": TRACES.replace("EDIT", "pass"), "cand": TRACES.replace("EDIT", edit)})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    words = " ".join(d.description for d in found)
    assert "scaled by 1.5" in words and "point 4 of line 3" in words and "point 9 of line 5" in words, found
    assert "changed together" not in words, found


# Extinction spectra of particles of five sizes, each computed from its size: the sizes scaled move every curve.
SPECTRA = """
import matplotlib.pyplot as plt
import numpy as np
wl = np.linspace(400, 700, 120)
sizes = np.array([10, 20, 40, 60, 80]) * FACTOR
fig, ax = plt.subplots(figsize=(6, 4))
for d in sizes:
    peak = 520 + 0.4 * d
    ax.plot(wl, np.exp(-((wl - peak) / (30 + 0.3 * d)) ** 2) * (0.3 + d / 200), label=f"{d:.0f} nm")
ax.legend(title="diameter")
"""


def test_named_curves_computed_from_one_changed_input_are_one_change() -> None:
    charts = render_charts({"ref": SPECTRA.replace("FACTOR", "1"), "cand": SPECTRA.replace("FACTOR", "1.07")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    data = [d for d in found if d.category == "data_error"]
    assert len(data) == 1 and "5 series of the plot changed together" in data[0].description, found


# Five teams' league positions after each round, ranked from points drawn by strength: the strengths changed,
# every position after it was ranked anew, and the end labels (numbered by rank) with them.
BUMP = """
import matplotlib.pyplot as plt
import numpy as np
teams = ["Ajax", "Lazio", "Porto", "Celtic", "Brugge"]
strength = np.array([2.0, 1.7, 1.4, 1.1, 0.8]) * FACTOR
rng = np.random.default_rng(5)
points = np.cumsum(rng.poisson(strength[:, None], (5, 8)), axis=1) + np.arange(5)[::-1, None] * 0.01
ranks = np.argsort(np.argsort(-points, axis=0), axis=0) + 1
fig, ax = plt.subplots(figsize=(7, 4))
for i, team in enumerate(teams):
    ax.plot(range(1, 9), ranks[i], "-o", lw=2)
    ax.text(8.3, ranks[i, -1], f"{ranks[i, -1]}. {team}", va="center")
ax.invert_yaxis()
ax.set_xlim(0.5, 10)
"""


def test_ranks_recomputed_from_changed_strengths_are_one_change_with_their_labels() -> None:
    charts = render_charts({"ref": BUMP.replace("FACTOR", "1"), "cand": BUMP.replace("FACTOR", "1.4")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "traded values" in found[0].description, found


def test_lines_drawn_anew_with_other_values_stay_apart() -> None:
    # The hack's shape: every line of the panel drawn again with values of its own, not the reference's traded.
    cand = BUMP.replace("FACTOR", "1").replace("ranks[i], ", "(ranks[i] * 1.7 + i) % 7, ")
    charts = render_charts({"ref": BUMP.replace("FACTOR", "1"), "cand": cand})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    data = [d for d in found if d.category == "data_error"]
    assert len(data) >= 4 and not any("traded values" in d.description for d in data), found
