"""Scene judge, charts: one input drawn by several series is one change. A value that moved alike in several
series of a plot (a station's distance every train passes, a trajectory's start and the marker on it), or
replicate dots shifted by what their mean bar moved, is one discrepancy; data that moved no value as any other
series did (random lines) still costs what it hides. A scatter's marker turned to line art ('x') draws in its
fill colour: its edge colour follows the marker change, no edit of its own."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


HUBS = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter([1, 2, 3, 4, 5], [3, 1, 4, 1, 5], s=80, c="#dfe6e9", edgecolors="black")
for code, colour in {"OSL": "#ff6b6b", "BGO": "#4ecdc4", "TRD": "#ffd93d"}.items():
    ax.scatter([], [], s=90, c=colour, edgecolors="black", label=f"{code} hub"MARKER)
ax.legend(loc="lower right")
ax.set_title("Route network")
"""


def test_a_marker_turned_to_line_art_is_one_change_not_an_edge_colour_each() -> None:
    found = _judge(HUBS.replace("MARKER", ""), HUBS.replace("MARKER", ', marker="x"'))
    assert not any("edge colour" in d.description for d in found), found
    assert len(found) == 1 and found[0].category == "style_error", found


TIMETABLE = """
import matplotlib.pyplot as plt
import numpy as np
km = np.array([0, 2.9, 22.4, 29.6, KM, 40.6, 48.1, 57.9, 62.4, 75.6])
fig, ax = plt.subplots(figsize=(10, 6))
for depart in range(360, 600, 30):
    t, prev, times, dists = depart, 0.0, [], []
    for d in km:  # southbound locals dwell at every station: two points each
        t += d - prev + 1.0
        times += [t, t + 0.8]
        dists += [d, d]
        prev = d
    ax.plot(times, dists, color="#1f77b4", lw=1.0)
    north = depart + 12 + (km[-1] - km[::-1]) / 0.95 + np.arange(len(km))
    ax.plot(north, km[::-1], color="0.55", lw=0.8, ls="--")
ax.invert_yaxis()
ax.set_xlim(360, 720)
ax.set_title("Weekday morning services", loc="left")
"""


def test_one_distance_every_train_passes_is_one_change() -> None:
    found = _judge(TIMETABLE.replace("KM", "32.6"), TIMETABLE.replace("KM", "45.5"))
    data = [d for d in found if d.category == "data_error"]
    assert len(data) == 1, found


ASSAY = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(404)
means = np.array([[100, 62], [MEANS], [94, 58]])
reps = {(g, t): rng.normal(means[g, t], 9, 6) for g in range(3) for t in range(2)}
fig, ax = plt.subplots(figsize=(6.5, 5))
x = np.arange(3)
for t, colour in enumerate(["#9ecae1", "#3182bd"]):
    xs = x + (t - 0.5) * 0.36
    ax.bar(xs, [reps[(g, t)].mean() for g in range(3)], 0.36, color=colour, label=f"treatment {t}")
    for g in range(3):
        ax.scatter(xs[g] + rng.uniform(-0.07, 0.07, 6), reps[(g, t)], s=14, color="white", edgecolors="black")
ax.set_xticks(x, ["WT", "dkinA", "dkinA + p"])
ax.set_ylim(0, 130)
ax.legend()
"""


def test_replicate_dots_shifted_with_their_mean_bar_are_one_change() -> None:
    found = _judge(ASSAY.replace("MEANS", "41, 38"), ASSAY.replace("MEANS", "52, 38"))
    data = [d for d in found if d.category == "data_error"]
    assert len(data) == 1, found


ORBITS = """
import matplotlib.pyplot as plt
import numpy as np

def orbit(y0, n=400):
    out = np.empty((n, 2))
    p = np.array([4.0, y0])
    for i in range(n):
        out[i] = p
        x, y = p
        p = p + 0.02 * np.array([1.1 * x - 0.4 * x * y, 0.1 * x * y - 0.4 * y])
    return out

fig, ax = plt.subplots(figsize=(7, 5))
for y0, col in zip(STARTS, ["#7570b3", "#e7298a", "#66a61e", "#e6ab02"]):
    tr = TRACK
    ax.plot(tr[:, 0], tr[:, 1], color=col, lw=1.8)
    ax.plot(*tr[0], "o", color=col, ms=5)
ax.set_xlim(0, 16)
ax.set_ylim(0, 9)
ax.set_title("Phase portrait")
"""
REF_STARTS = "[0.5, 1.1, 1.7, 2.3]"


def _orbits(starts: str = REF_STARTS, track: str = "orbit(y0)") -> str:
    return ORBITS.replace("STARTS", starts).replace("TRACK", track)


def test_trajectories_from_starts_that_moved_are_one_change_not_data_lost() -> None:
    found = _judge(_orbits(), _orbits("[1.0, 2.2, 3.3, 4.5]"))
    assert not any("shows none of what it should" in d.description for d in found), found
    assert sum(d.severity for d in found) <= 3, found


def test_random_lines_beside_their_start_markers_still_cost_what_they_hide() -> None:
    # The same start markers, lines of made-up points: no value moved as another series' did.
    made_up = (
        "np.column_stack([np.r_[4.0, np.random.default_rng(int(y0 * 10)).uniform(1, 15, 399)],"
        " np.r_[y0, np.random.default_rng(int(y0 * 10) + 1).uniform(0.5, 8, 399)]])"
    )
    found = _judge(_orbits(), _orbits(track=made_up))
    assert sum(d.severity for d in found) >= 9, found
