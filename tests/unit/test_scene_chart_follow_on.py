"""Scene judge, charts: changes that follow another change are that change (round 26, `chart.follows`). Styles
handed out from a list by series order shift past a dropped series; one scale on axes that share the axis is one
change, whether it hides data in one panel or not; contour labels gone with their levels are the relabelling."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

STACK = """
import matplotlib.pyplot as plt
import numpy as np
sectors = {"Energy": [412, 388, 351, 298], "Industry": [286, 244, 205, 190], "Transport": [163, 181, 172, 168],
           "Buildings": [210, 178, 159, 131], "Agriculture": [88, 79, 72, 71]}
EDIT
hatches = ["", "///", "...", "xx", "++"]
faces = ["0.25", "white", "0.75", "#fdae6b", "0.55"]
x = np.arange(4)
fig, ax = plt.subplots(figsize=(6, 4))
bottom = np.zeros(4)
for (name, values), hatch, face in zip(sectors.items(), hatches, faces):
    ax.bar(x, values, 0.6, bottom=bottom, label=name, hatch=hatch, facecolor=face, edgecolor="black")
    bottom += values
ax.legend()
"""


def _judge(program: str, edit: str) -> list:
    charts = render_charts({"ref": program.replace("EDIT", ""), "cand": program.replace("EDIT", edit)})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_styles_from_a_list_shift_past_a_dropped_series() -> None:
    found = _judge(STACK, 'del sectors["Transport"]')
    assert len(found) == 1 and found[0].severity == 3, found
    assert "'Transport' is missing" in found[0].description, found


def test_a_restyled_series_beside_a_dropped_one_stays_a_change() -> None:
    cand = STACK.replace("EDIT", 'del sectors["Transport"]').replace('"xx", "++"]', '"oo", "++"]')
    charts = render_charts({"ref": STACK.replace("EDIT", ""), "cand": cand})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert any("hatch" in d.description and "oo" in d.description for d in found), found


MARGINAL = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
d = rng.gamma(2.0, 1.6, 3000) + 0.3
fare = 3.0 + 2.5 * d + rng.normal(0, 1.2, 3000)
fig = plt.figure(figsize=(6, 6))
gs = fig.add_gridspec(1, 2, width_ratios=(4, 1), wspace=0.05)
ax = fig.add_subplot(gs[0, 0])
ax_right = fig.add_subplot(gs[0, 1], sharey=ax)
ax.hexbin(d, fare, gridsize=30, cmap="viridis", mincnt=1, extent=(0, 20, -40, 70))
ax_right.hist(fare, bins=np.linspace(-40, 70, 40), orientation="horizontal", color="#21918c")
ax_right.tick_params(labelleft=False)
ax.set_ylim(-40, 70)
EDIT
"""


def test_one_scale_on_shared_axes_is_one_change() -> None:
    found = _judge(MARGINAL, 'ax.set_yscale("log")')
    assert len(found) == 1 and found[0].category == "data_error" and found[0].severity == 3, found
    assert "shared axis" in found[0].description, found


CONTOURS = """
import matplotlib.pyplot as plt
import numpy as np
xf, yf = np.meshgrid(np.linspace(-3, 3, 200), np.linspace(-2.25, 2.25, 150))
Vf = 1 / np.sqrt(np.maximum((xf + 1) ** 2 + yf ** 2, 0.01)) - 1 / np.sqrt(np.maximum((xf - 1) ** 2 + yf ** 2, 0.01))
levels = LEVELS
fig, ax = plt.subplots(figsize=(8, 6))
cs = ax.contour(xf, yf, Vf, levels=levels, cmap="coolwarm", linewidths=1)
ax.clabel(cs, fmt="%g", fontsize=8)
ax.plot([-1, 1], [0, 0], "o", color="k")
ax.set_aspect("equal")
ax.set_title("Dipole potential")
"""


def test_contour_labels_gone_with_their_levels_are_the_relabelling() -> None:
    # Levels scaled: the labels read other numbers, and fewer or more of them fit: one relabelling.
    ref = CONTOURS.replace("LEVELS", "[-4, -2, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 2, 4]")
    cand = CONTOURS.replace("LEVELS", "[-3.78, -1.89, -0.95, -0.47, -0.24, 0.0, 0.24, 0.47, 0.95, 1.89, 3.78]")
    charts = render_charts({"ref": ref, "cand": cand})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "value labels differ" in found[0].description, found
    assert "'-2' is missing" in found[0].description, found


SECTION = """
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0, 400, 401)
ground = 12 - 9 * np.exp(-(((x - 200) / 45) ** 2)) + 1.2 * np.sin(x / 30)
fig, ax = plt.subplots(figsize=(8, 4))
ax.fill_between(x, -3, ground - 4, facecolor="0.75", edgecolor="black", hatch="xx", label="bedrock")
wet = ground < 4.4
EDIT
ax.plot(x, ground, color="black", lw=2, label="ground")
ax.legend(loc="upper center", ncols=3)
"""

FLOW = (
    'ax.fill(np.r_[x[wet], x[wet][::-1]], np.r_[ground[wet], np.full(wet.sum(), 4.4)], facecolor="0.55", '
    'edgecolor="black", label="normal flow")'
)


def test_a_legend_entry_goes_with_its_unnamed_shape() -> None:
    # A shape drawn by ``fill`` with a label: read without a series name, its legend entry still goes with it.
    charts = render_charts({"ref": SECTION.replace("EDIT", FLOW), "cand": SECTION.replace("EDIT", "")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].severity == 3 and "missing" in found[0].description, found
