"""Scene judge, charts: one curve whose x and y values both changed (an orbit computed anew) is one change of
its points, not one per axis; two curves each changed on one axis stay two."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

ORBITS = """
import matplotlib.pyplot as plt
import numpy as np
t = np.linspace(0, 2 * np.pi, 400)
fig, ax = plt.subplots(figsize=(5, 5))
for k, (r, wobble) in enumerate([(1.0, 3), (1.6, WOBBLE), (2.2, 5)]):
    ax.plot(r * np.cos(t) * (1 + 0.15 * np.sin(wobble * t)), r * np.sin(t) * (1 + 0.15 * np.cos(wobble * t)))
ax.set_aspect("equal")
"""


def test_an_orbit_changed_along_both_axes_is_one_change() -> None:
    charts = render_charts({"ref": ORBITS.replace("WOBBLE", "4"), "cand": ORBITS.replace("WOBBLE", "7")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "values differ too" in found[0].description, found
    assert "line 2" in found[0].description, found


def test_two_curves_each_changed_along_one_axis_stay_two() -> None:
    shifted = ORBITS.replace("WOBBLE", "4").replace(
        "ax.set_aspect",
        "ax.lines[0].set_xdata(ax.lines[0].get_xdata() * 1.3)\nax.lines[2].set_ydata("
        "ax.lines[2].get_ydata() + 0.4)\nax.set_aspect",
    )
    charts = render_charts({"ref": ORBITS.replace("WOBBLE", "4"), "cand": shifted})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 2 and not any("differ too" in d.description for d in found), found
