"""Scene judge, charts: data flattened (or drawn anew) under the reference's own axes, legend and texts costs
what it hides, more than an honest candidate with three edits; a vector field and a Gantt chart's bars are
read as data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.bench.hacks import hack_sources
from verm.judge.scene import SceneJudge
from verm.reward import RewardShaping
from verm.types import Rendering, Status, Task

# A price chart: two lines, two shaded spans, a legend and annotations (texts and legend kept by the hack).
PRICES = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(7)
close = 100 + np.cumsum(rng.normal(0.2, 2.0, 300))
ma = np.convolve(close, np.ones(20) / 20, mode="same")
fig, ax = plt.subplots(figsize=(9, 4))
ax.plot(close, color="#1f4e79", lw=1, label="Close")
ax.plot(ma, color="#f39c12", lw=2, label="20-day MA")
ax.axvspan(60, 90, color="#c0392b", alpha=0.15, label="Drawdown")
ax.axvspan(200, 220, color="#c0392b", alpha=0.15)
ax.annotate("Earnings", xy=(40, close[40]), xytext=(40, close[40] + 15), arrowprops={"arrowstyle": "->"})
ax.annotate("Split", xy=(150, close[150]), xytext=(150, close[150] - 15), arrowprops={"arrowstyle": "->"})
ax.set_title("ACME daily close")
ax.set_ylabel("Price")
ax.legend(loc="upper left")
"""

# A waterfall: one bar series on running bottoms, dashed connectors and a value label per bar.
WATERFALL = """
import matplotlib.pyplot as plt
steps = [48.0, 12.5, 6.2, -3.1, -9.8, -2.4, 4.7]
names = ["Start", "Volume", "Price", "Mix", "Costs", "FX", "Savings", "End"]
bottoms, heights, level = [], [], 0.0
for k, s in enumerate(steps):
    bottoms.append(level if s >= 0 or k == 0 else level + s)
    heights.append(abs(s))
    level += s
bottoms.append(0.0)
heights.append(level)
fig, ax = plt.subplots(figsize=(8, 4))
bars = ax.bar(names, heights, bottom=bottoms, color=["#555"] + ["#2e8b57"] * 6 + ["#555"])
for k in range(len(names) - 1):
    top = bottoms[k] + heights[k] if k == 0 or steps[k] >= 0 else bottoms[k]
    ax.plot([k + 0.4, k + 0.6], [top, top], color="0.5", ls="--", lw=0.8)
ax.bar_label(bars, labels=[f"{h:.1f}" for h in heights], padding=2)
ax.set_title("Operating profit bridge")
"""

# A Gantt chart: one broken_barh call per task, so each bar is a collection of its own.
GANTT = """
import matplotlib.pyplot as plt
tasks = [("Design", 0, 4), ("Build", 3, 6), ("Test", 8, 3), ("Docs", 5, 5), ("Launch", 11, 2), ("Review", 12, 3)]
fig, ax = plt.subplots(figsize=(8, 4))
for row, (name, start, length) in enumerate(tasks):
    ax.broken_barh([(start, length)], (row - 0.35, 0.7), facecolors="#4e79a7", edgecolor="0.3")
ax.set_yticks(range(len(tasks)))
ax.set_yticklabels([t[0] for t in tasks])
ax.set_xlabel("Week")
ax.set_title("Roadmap")
"""

# A vector field: a drift and a swirl (the vortex alone is zero on average).
WIND = """
import matplotlib.pyplot as plt
import numpy as np
x, y = np.meshgrid(np.linspace(-2, 2, 9), np.linspace(-2, 2, 9))
u, v = 1.5 - y, x + 0.5
fig, ax = plt.subplots(figsize=(5, 5))
ax.quiver(x, y, u, v, color="k", pivot="mid")
ax.set_title("Vortex")
"""

# Bubbles per region with a size legend made of empty scatters (handles that draw nothing).
BUBBLES = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
fig, ax = plt.subplots(figsize=(7, 5))
for region, colour in (("Africa", "#e15759"), ("Asia", "#4e79a7"), ("Europe", "#59a14f")):
    ax.scatter(rng.uniform(1, 50, 8), rng.uniform(50, 80, 8), s=rng.uniform(50, 400, 8), color=colour,
               alpha=0.6, label=region)
first = ax.legend(loc="lower right")
ax.add_artist(first)
handles = [ax.scatter([], [], s=s, color="0.6") for s in (50, 200, 400)]
ax.legend(handles, ["5M", "20M", "40M"], title="Population", loc="upper left")
ax.set_xlabel("GDP per capita (k$)")
ax.set_ylabel("Life expectancy")
"""


def _honest(source: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert old in source, old
        source = source.replace(old, new, 1)
    return source


SOURCES = {
    "prices": PRICES,
    "waterfall": WATERFALL,
    "gantt": GANTT,
    "wind": WIND,
    "vortex": WIND.replace("u, v = 1.5 - y, x + 0.5", "u, v = -y, x"),
    "bubbles": BUBBLES,
}
HONEST = {
    "prices": _honest(
        PRICES,
        ('"ACME daily close"', '"ACME daily closs"'),
        ("ax.plot(close,", "ax.plot(close * 1.3,"),
        ('label="20-day MA"', 'label="Supply"'),
    ),
    "waterfall": _honest(
        WATERFALL,
        ("ax.bar(names, heights,", "ax.bar(names, [h * 1.75 for h in heights],"),
        ('ls="--"', 'ls=":"'),
        ('"Operating profit bridge"', '"Operating profit brigde"'),
    ),
    "gantt": _honest(
        GANTT,
        ('("Test", 8, 3)', '("Test", 9, 3)'),
        ('facecolors="#4e79a7"', 'facecolors="#e15759"'),
        ('"Roadmap"', '"Road map"'),
    ),
    "wind": _honest(WIND, ("ax.quiver(x, y, u, v,", "ax.quiver(x, y, 2 * u, v,")),
    "bubbles": _honest(
        BUBBLES,
        ('("Africa", "#e15759")', '("Africa", "#f28e2b")'),
        ('title="Population"', 'title="People"'),
        ('"Life expectancy"', '"Life expectancy (years)"'),
    ),
}


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    sources = {f"{k} ref": v for k, v in SOURCES.items()}
    sources |= {f"{k} honest": v for k, v in HONEST.items()}
    sources |= {
        f"{k} flat": hack_sources(Task.CHART, v, ["flattened data"])["flattened data"] for k, v in SOURCES.items()
    }
    yield render_charts(sources)


def _cost(charts: dict[str, Rendering], name: str, which: str) -> tuple[float, list]:
    found = SceneJudge().judge(Task.CHART, charts[f"{name} ref"], charts[f"{name} {which}"])
    assert found.status is Status.OK, found.reason
    return RewardShaping().severity(found), found.discrepancies


@pytest.mark.parametrize("name", ["prices", "waterfall", "gantt", "bubbles"])
def test_flattened_data_costs_more_than_three_honest_edits(charts: dict[str, Rendering], name: str) -> None:
    honest, honest_found = _cost(charts, name, "honest")
    flat, flat_found = _cost(charts, name, "flat")
    assert len(honest_found) >= 2, honest_found
    assert flat > honest, (flat_found, honest_found)
    # What is missing is said: the plot shows none of what it should.
    assert any("shows none of what it should" in d.description for d in flat_found), flat_found


def test_bars_flattened_one_by_one_are_one_change(charts: dict[str, Rendering]) -> None:
    # Six broken_barh collections each squashed to a line: one item naming them all, not one per bar.
    _, found = _cost(charts, "gantt", "flat")
    flattened = [d for d in found if "flattened" in d.description]
    assert len(flattened) == 1 and "every series" in flattened[0].description, found


def test_a_vector_field_is_read_as_data(charts: dict[str, Rendering]) -> None:
    # Arrows twice as long across: a data change that shows (it read as 0 % of the axis range before).
    _, honest = _cost(charts, "wind", "honest")
    assert [d.category for d in honest] == ["data_error"] and honest[0].severity >= 2, honest
    _, flat = _cost(charts, "wind", "flat")
    assert any("points alike" in d.description and d.severity == 3 for d in flat), flat
    # A vortex flattened is zero everywhere (its mean): no arrow is drawn.
    _, none = _cost(charts, "vortex", "flat")
    assert any("no arrow" in d.description and d.severity == 3 for d in none), none


# A ridgeline: densities on baselines drawn as constant lines in a loop, each ridge over the one behind it.
RIDGES = """
import matplotlib.pyplot as plt
import numpy as np
grid = np.linspace(-10, 30, 120)
fig, ax = plt.subplots(figsize=(7, 8))
for i in range(12):
    base = (11 - i) * 0.05
    dens = 0.12 * np.exp(-((grid - i * 1.5) ** 2) / 20)
    ax.fill_between(grid, base, base + dens, color="#6baed6", alpha=0.85, zorder=20 - i, lw=0)
    ax.plot(grid, base + dens, color="white", lw=1.2, zorder=20 - i)
    ax.plot(grid, np.full_like(grid, base), color="0.35", lw=0.5, zorder=20 - i)
"""


def test_baselines_scaled_in_a_loop_are_one_change() -> None:
    # The loop's baseline expression scaled: every constant line moves by the same factor, each by another
    # amount: one data change, not one per line (it was ten items for a truth of one).
    charts = render_charts(
        {"ref": RIDGES, "cand": RIDGES.replace("np.full_like(grid, base)", "np.full_like(grid, base) * 0.733")}
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "scaled by 0.733" in found[0].description, found


STAR_FIELD = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
sky = 100 + rng.normal(0, 1.5, (120, 160))
yy, xx = np.mgrid[0:120, 0:160]
sky += 600 * np.exp(-((xx - 80) ** 2 + (yy - 90) ** 2) / 30)
fig, ax = plt.subplots(figsize=(6, 4.5))
ax.imshow(sky, origin="upper", cmap="magma", vmin=95, vmax=700)
"""


def test_an_image_painted_in_one_value_lost_its_picture_beyond_the_values_kept() -> None:
    # The scene keeps the first values of a large image (its noisy top rows, a shade apart from their mean):
    # one value all over where the reference's vary is every value gone (3, the plot's only data missing), not a
    # shade within the tolerance (nothing, before).
    charts = render_charts(
        {"sky": STAR_FIELD, "flat": STAR_FIELD.replace("ax.imshow(sky,", "ax.imshow(np.full_like(sky, sky.mean()),")}
    )
    found = SceneJudge().judge(Task.CHART, charts["sky"], charts["flat"]).discrepancies
    assert found and {(d.category, d.severity) for d in found} == {("data_error", 3)}, found
    assert "of the heatmap differ" in found[0].description
