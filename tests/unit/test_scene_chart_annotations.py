"""Scene judge, charts: an annotation's arrow, and a 3-D plot's limits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

ANNOTATED = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot([1, 2, 3, 4, 5], [3.0, 5.0, 9.0, 4.0, 6.0], color="#4c72b0")
ax.annotate("peak", xy=(3, 9.0), xytext=(4, 8.5), arrowprops=dict(arrowstyle="->", color="black"))
"""

SURFACE = """
import matplotlib.pyplot as plt
import numpy as np
x, y = np.meshgrid(np.linspace(-5, 5, 24), np.linspace(-5, 5, 24))
fig = plt.figure(figsize=(6, 5))
ax = fig.add_subplot(projection="3d")
ax.plot_surface(x, y, np.sin(np.hypot(x, y)), cmap="coolwarm")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "annotated": ANNOTATED,
            "arrow_orange": ANNOTATED.replace('color="black"', 'color="#ff7f0e"'),
            "surface": SURFACE,
            "surface_narrow": SURFACE + "ax.set_ylim(-5, 1)\n",
        }
    )


def test_an_annotation_arrow_recoloured_is_a_style_change(charts: dict[str, Rendering]) -> None:
    arrow = charts["annotated"].scene["axes"][0]["texts"][0]["arrow"]  # type: ignore[index]
    assert arrow["color"] == "#000000" and arrow["bbox"] is not None
    [d] = SceneJudge().judge(Task.CHART, charts["annotated"], charts["arrow_orange"]).discrepancies
    assert (d.category, d.severity) == ("style_error", 2), d
    assert "arrow" in d.description


def test_a_3d_plot_draws_past_narrowed_limits_so_nothing_is_cut_off(charts: dict[str, Rendering]) -> None:
    # matplotlib does not clip 3-D artists at the axes' limits: the surface keeps its shape, moved (not 3, nothing
    # cut off); its middle moved by over a third of the plot: 2.
    [d] = SceneJudge().judge(Task.CHART, charts["surface"], charts["surface_narrow"]).discrepancies
    assert (d.category, d.severity) == ("data_error", 2), d


LABELLED = """
import matplotlib.pyplot as plt
vals = [12.0, 30.0, 18.0, 35.0, 8.0]
fig, ax = plt.subplots(figsize=(6, 4))
mean = sum(vals) / len(vals)
ax.bar(range(5), vals, color=["#08306b" if v > mean else "#c6dbef" for v in vals])
for i, v in enumerate(vals):
    ax.text(i, v / 2, f"{v:.0f}", ha="center", color="white" if v > mean else "#333333")
"""


def test_a_value_label_that_took_the_other_contrast_colour_follows_the_data() -> None:
    charts = render_charts(
        {
            "bars": LABELLED,
            # Bar 4 shrinks: the mean falls below bar 3, whose bar darkens and whose label (still '18') turns
            # white, as the code colours them.
            "grown": LABELLED.replace("35.0, 8.0", "5.0, 8.0"),
            # Every label painted black: a recolouring of its own.
            "black": LABELLED.replace('color="white" if v > mean else "#333333"', 'color="black"'),
        }
    )
    grown = SceneJudge().judge(Task.CHART, charts["bars"], charts["grown"]).discrepancies
    assert not any("text colour" in d.description for d in grown), grown
    black = SceneJudge().judge(Task.CHART, charts["bars"], charts["black"]).discrepancies
    assert any(d.category == "style_error" for d in black), black


FLOWS = """
import matplotlib.pyplot as plt
names = ["Delivered", "Losses"]
fig, ax = plt.subplots(figsize=(6, 4))
ax.barh([0, 1], [375, 50], color=["#4c72b0", "#c44e52"])
ax.text(380, 0, f"{names[0]}\\n375 MWh", va="center")
ax.text(55, 1, f"{names[1]}\\n50 MWh", va="center")
ax.set_xlim(0, 500)
"""

CLASSES = """
import matplotlib.pyplot as plt
import numpy as np
names = ["cat", "dog", "bird", "truck"]
acc = [0.81, 0.86, 0.74, 0.92]
fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 4))
order = np.argsort(acc)
a1.bar(range(4), [acc[i] for i in order], color="#4c72b0")
a1.set_xticks(range(4), [names[i] for i in order])
a2.imshow(np.eye(4) * 0.8 + 0.05, cmap="Blues")
a2.set_xticks(range(4), names)
a2.set_yticks(range(4), names)
"""


def test_two_labels_that_traded_names_are_one_swap() -> None:
    # Two names swapped in one list: the two texts each show the other's name (their numbers kept), the two
    # panels each list them in their own order: one text change of 3 (values misattributed), not one a place.
    charts = render_charts(
        {
            "flows": FLOWS,
            "flows_swapped": FLOWS.replace('["Delivered", "Losses"]', '["Losses", "Delivered"]'),
            "classes": CLASSES,
            "classes_swapped": CLASSES.replace('["cat", "dog", "bird", "truck"]', '["truck", "dog", "bird", "cat"]'),
        }
    )
    judge = SceneJudge()
    for ref, cand in (("flows", "flows_swapped"), ("classes", "classes_swapped")):
        found = judge.judge(Task.CHART, charts[ref], charts[cand]).discrepancies
        assert [(d.category, d.severity) for d in found] == [("text_error", 3)], (cand, found)
