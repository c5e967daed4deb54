"""What follows another change is not its own discrepancy (issue 15, severity by what shows): a dropped series
shifts the colours of the later ones and takes its fill with it; a waterfall's connectors move with its bars;
one colour argument recolouring two of three lines is one change. Charts are rendered in the sandbox, so the
scenes are the renderer's own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from verm.judge.scene import SceneJudge
from verm.render.chart import ChartRenderer
from verm.types import Discrepancy, Rendering, Task

RADAR = """
import matplotlib.pyplot as plt
import numpy as np
criteria = ["price", "speed", "battery", "camera", "screen", "weight", "support"]
angles = np.linspace(0, 2 * np.pi, len(criteria), endpoint=False).tolist()
angles += angles[:1]
scores = {SCORES}
fig, ax = plt.subplots(figsize=(6, 6), subplot_kw=dict(polar=True))
for (name, values), color in zip(scores.items(), ["#1f77b4", "#ff7f0e", "#2ca02c"]):
    values = values + values[:1]
    ax.plot(angles, values, color={COLOUR}, linewidth=2, label=name)
    ax.fill(angles, values, color=color, alpha=0.2)
ax.set_xticks(angles[:-1], criteria)
ax.legend(loc="upper right", bbox_to_anchor=(1.25, 1.1))
"""
THREE = '{"Model X": [7, 8, 9, 6, 5, 7, 8], "Model Y": [9, 5, 6, 7, 8, 6, 5], "Model Z": [5, 9, 7, 9, 6, 8, 7]}'
TWO = '{"Model Y": [9, 5, 6, 7, 8, 6, 5], "Model Z": [5, 9, 7, 9, 6, 8, 7]}'

WATERFALL = """
import matplotlib.pyplot as plt
steps = ["Revenue 2023", "Price", "Volume", "Mix", "FX", "Costs", "Revenue 2024"]
deltas = [412.0, 38.5, 20.1, -17.3, -15.2, -18.0]
deltas = [d * {FACTOR} for d in deltas]
levels, bottoms, heights = [], [], []
level = 0.0
for i, d in enumerate(deltas):
    bottoms.append(0.0 if i == 0 else min(level, level + d))
    heights.append(abs(d))
    level = d if i == 0 else level + d
    levels.append(level)
bottoms.append(0.0)
heights.append(level)
colors = ["#4c72b0"] + ["#55a868" if d > 0 else "#c44e52" for d in deltas[1:]] + ["#4c72b0"]
fig, ax = plt.subplots(figsize=(9, 4.8))
ax.bar(steps, heights, bottom=bottoms, color=colors, edgecolor="black", linewidth=0.6, width=0.6)
for i, level in enumerate(levels):
    ax.plot([i + 0.3, i + 0.7], [level, level], color="black", linewidth=0.8)
ax.set_title("Profit bridge")
"""

SOURCES = {
    "radar": RADAR.replace("{SCORES}", THREE).replace("{COLOUR}", "color"),
    "radar_one_colour": RADAR.replace("{SCORES}", THREE).replace("{COLOUR}", '"#ff7f0e"'),
    "radar_first_dropped": RADAR.replace("{SCORES}", TWO).replace("{COLOUR}", "color"),
    "waterfall": WATERFALL.replace("{FACTOR}", "1.0"),
    "waterfall_scaled": WATERFALL.replace("{FACTOR}", "1.8"),
}


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    with ChartRenderer(workers=2) as renderer:
        rendered = renderer.render_many(list(SOURCES.values()))
    out = dict(zip(SOURCES, rendered, strict=True))
    for name, r in out.items():
        assert r.ok and r.scene is not None and "error" not in r.scene, f"{name}: {r.reason}"
    yield out


def judge(charts: dict[str, Rendering], ref: str, cand: str) -> list[Discrepancy]:
    return SceneJudge().compare(Task.CHART, charts[ref].scene or {}, charts[cand].scene or {})


def test_one_colour_argument_on_two_of_three_lines_is_one_discrepancy(charts: dict[str, Rendering]) -> None:
    [d] = judge(charts, "radar", "radar_one_colour")
    assert d.category == "style_error"


def test_a_dropped_series_takes_its_fill_and_colour_shift_with_it(charts: dict[str, Rendering]) -> None:
    found = judge(charts, "radar", "radar_first_dropped")
    assert [d.category for d in found if d.category != "text_error"] == ["data_error"], found
    assert "Model X" in found[0].description


def test_waterfall_connectors_follow_the_bars(charts: dict[str, Rendering]) -> None:
    [d] = judge(charts, "waterfall", "waterfall_scaled")
    assert d.category == "data_error" and d.severity == 3
