"""The scene judge reports semantic units: one change shared by many artists is one discrepancy, containers
(error bars, stems, bar calls) are read as one series, markers by name, and nothing past a scene cap is lost;
what follows another change is not its own discrepancy (a dropped series' fill and the colour shift after it, a
waterfall's connectors). Charts are rendered in the sandbox, so the scenes are the renderer's own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from verm.judge.scene import SceneJudge
from verm.render.chart import ChartRenderer
from verm.types import Discrepancy, Rendering, Task

GRID = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 5))
for r in range(20):
    for c in range(25):
        colour = "{odd}" if (r, c) == (7, 11) else "#4c72b0"
        ax.add_patch(plt.Rectangle((c, r), 0.8, 0.8, facecolor=colour, edgecolor="white"))
ax.set_xlim(0, 25)
ax.set_ylim(0, 20)
ax.set_title("500 cells")
"""

HINTON = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(7)
weights = rng.normal(0, 0.6, size=(8, 8))
fig, ax = plt.subplots(figsize=(5, 5))
ax.patch.set_facecolor("gray")
for (row, col), w in np.ndenumerate(weights):
    color = "white" if w > 0 else "black"
    size = np.sqrt(min(1.0, abs(w) / 2))
    ax.add_patch(plt.Rectangle([col - size / 2, row - size / 2], size, size, facecolor=color, edgecolor={edge}))
ax.autoscale_view()
ax.set_title("Hinton")
"""

FOUR = """
import matplotlib.pyplot as plt
fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 4))
a1.bar(["a", "b", "c", "d"], [3, {b}, 5, 2], color="#4c72b0")
a1.set_ylabel("{ylabel}")
a2.plot([1, 2, 3, 4, 5], [2, 4, 3, 5, 4], color="{line}")
a2.set_xlabel("step")
fig.suptitle("{title}")
"""

LINES = """
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0, 6, 50)
fig, axs = plt.subplots(1, 2, figsize=(9, 4))
for ax in axs:
    for k in range(8):
        ax.plot(x, np.sin(x + k / 2) + k, color={colour})
    ax.set_title("panel")
"""

ERRORBAR = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(1, 9)
fig, ax = plt.subplots(figsize=(6, 4))
ax.errorbar(x, x ** 1.5, yerr=0.1 * x ** 1.5, fmt="{fmt}", capsize=3, label="run A")
ax.errorbar(x, x ** 1.2 + 2, yerr=0.5, {limits}=True, label="run B")
ax.legend()
{extra}
"""

COLOURED = """
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
x = np.linspace(0, 3 * np.pi, 300)
y = np.sin(x) * {scale}
points = np.array([x, y]).T.reshape(-1, 1, 2)
segments = np.concatenate([points[:-1], points[1:]], axis=1)
fig, ax = plt.subplots(figsize=(6, 4))
lc = LineCollection(segments, cmap="viridis", norm=plt.Normalize(-1, 1))
lc.set_array(np.cos(x[:-1]))
ax.add_collection(lc)
ax.set_xlim(0, 10)
ax.set_ylim(-1.5, 1.5)
"""

LONG = """
import matplotlib.pyplot as plt
import numpy as np
y = np.sin(np.linspace(0, 20, 3000))
y[2500] = {v}
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(y)
ax.set_ylim(-3, 3)
"""

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
    "grid": GRID.replace("{odd}", "#4c72b0"),
    "grid_one": GRID.replace("{odd}", "#dd8452"),
    "hinton": HINTON.replace("{edge}", "color"),
    "hinton_edges": HINTON.replace("{edge}", '"red"'),
    "four": FOUR.format(b=4, ylabel="count", line="#4c72b0", title="Two panels"),
    "four_changed": FOUR.format(b=7, ylabel="amount", line="#c44e52", title="Two pannels"),
    "lines": LINES.replace("{colour}", 'f"C{k}"'),
    "lines_one_colour": LINES.replace("{colour}", '"black"'),
    "lines_shifted": LINES.replace("{colour}", 'f"C{(k + 1) % 8}"'),
    "errorbar": ERRORBAR.format(fmt="o", limits="uplims", extra=""),
    "errorbar_marker": ERRORBAR.format(fmt="s", limits="uplims", extra=""),
    "errorbar_limits": ERRORBAR.format(fmt="o", limits="lolims", extra=""),
    "errorbar_log": ERRORBAR.format(fmt="o", limits="uplims", extra='ax.set_yscale("log")'),
    "coloured": COLOURED.replace("{scale}", "1.0"),
    "coloured_scaled": COLOURED.replace("{scale}", "1.2"),
    "long": LONG.replace("{v}", "0.0"),
    "long_changed": LONG.replace("{v}", "2.5"),
    # The four-panel chart cleared and redrawn as one diagonal line; and with every image hidden.
    "four_diagonal": FOUR.format(b=4, ylabel="count", line="#4c72b0", title="Two panels")
    + "fig.clf()\nfig.add_subplot().plot([0, 1], [0, 1])\n",
    "heatmap": "import matplotlib.pyplot as plt\nimport numpy as np\nfig, ax = plt.subplots()\n"
    "ax.imshow(np.arange(49).reshape(7, 7))\nax.set_title('heat')\n{hide}",
}
SOURCES["radar"] = RADAR.replace("{SCORES}", THREE).replace("{COLOUR}", "color")
SOURCES["radar_one_colour"] = RADAR.replace("{SCORES}", THREE).replace("{COLOUR}", '"#ff7f0e"')
SOURCES["radar_first_dropped"] = RADAR.replace("{SCORES}", TWO).replace("{COLOUR}", "color")
SOURCES["waterfall"] = WATERFALL.replace("{FACTOR}", "1.0")
SOURCES["waterfall_scaled"] = WATERFALL.replace("{FACTOR}", "1.8")
SOURCES["heatmap_hidden"] = SOURCES["heatmap"].replace("{hide}", "ax.images[0].set_visible(False)")
SOURCES["heatmap"] = SOURCES["heatmap"].replace("{hide}", "")


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


def test_500_artists_with_one_change_is_one_discrepancy(charts: dict[str, Rendering]) -> None:
    assert len(charts["grid"].scene["axes"][0]["patches"]) == 500  # type: ignore[index]
    assert judge(charts, "grid", "grid") == []
    [d] = judge(charts, "grid", "grid_one")
    assert d.category == "style_error" and "#dd8452" in d.description


def test_four_separate_changes_are_four_discrepancies(charts: dict[str, Rendering]) -> None:
    found = judge(charts, "four", "four_changed")
    assert sorted(d.category for d in found) == ["data_error", "style_error", "text_error", "text_error"]
    assert any("'Two pannels'" in d.description for d in found)
    assert any("'amount'" in d.description for d in found)
    assert any("#c44e52" in d.description for d in found)
    assert any("is 7, should be 4" in d.description for d in found)


def test_hinton_edges_recoloured_is_one_discrepancy(charts: dict[str, Rendering]) -> None:
    [d] = judge(charts, "hinton", "hinton_edges")
    assert d.category == "style_error"
    assert "edge colour" in d.description and "#ff0000" in d.description
    assert "every rectangle" in d.description  # the scope: all 64 squares


@pytest.mark.parametrize("cand", ["lines_one_colour", "lines_shifted"])
def test_lines_recoloured_across_two_subplots(charts: dict[str, Rendering], cand: str) -> None:
    found = judge(charts, "lines", cand)
    assert 1 <= len(found) <= 2, [d.description for d in found]
    assert all(d.category == "style_error" for d in found)
    assert "every line" in found[0].description


def test_errorbar_marker_is_read_by_name(charts: dict[str, Rendering]) -> None:
    [d] = judge(charts, "errorbar", "errorbar_marker")
    assert d.category == "style_error"
    assert "'square'" in d.description and "'circle'" in d.description
    assert "run A" in d.description


def test_errorbar_limit_markers_are_named(charts: dict[str, Rendering]) -> None:
    found = judge(charts, "errorbar", "errorbar_limits")
    assert found, "the limit carets flipped"
    text = " ".join(d.description for d in found)
    assert "caretdownbase" in text and "caretupbase" in text
    assert not any(ch.isdigit() for ch in text.split("are")[-1].split("should")[0].strip(" ,"))


def test_errorbar_log_axis_is_one_scale_change(charts: dict[str, Rendering]) -> None:
    found = judge(charts, "errorbar", "errorbar_log")
    assert [d.category for d in found] == ["structure_error"]
    assert "log" in found[0].description
    assert not any(w in d.description for d in found for w in ("boxline", "caps", "drawn as"))


def test_value_coloured_line_collection_scaled(charts: dict[str, Rendering]) -> None:
    [d] = judge(charts, "coloured", "coloured_scaled")
    assert d.category == "data_error"


def test_a_change_past_the_scene_cap_is_seen(charts: dict[str, Rendering]) -> None:
    line = charts["long"].scene["axes"][0]["lines"][0]  # type: ignore[index]
    assert len(line["y"]) < 3000 and line["y_more"]["n"] == 3000
    [d] = judge(charts, "long", "long_changed")
    assert d.category == "data_error"


def test_missing_content_is_not_folded_into_a_layout_change(charts: dict[str, Rendering]) -> None:
    # Both panels gone, one line on fresh axes: the layout change must not absorb the missing panels' items.
    found = judge(charts, "four", "four_diagonal")
    assert sum(1 for d in found if "missing" in d.description) >= 2
    assert sum(d.severity for d in found) >= 8 * 3


def test_a_hidden_image_is_missing(charts: dict[str, Rendering]) -> None:
    assert charts["heatmap_hidden"].scene["axes"][0]["images"] == []  # type: ignore[index]
    found = judge(charts, "heatmap", "heatmap_hidden")
    assert found and all(d.category == "data_error" and d.severity == 3 for d in found)
    assert sum(d.severity for d in found) >= 8 * 3  # all of the chart's data gone


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
