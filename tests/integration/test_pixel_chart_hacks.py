"""Chart hacks that keep a little of the reference rank below honest edits under the pixel judge.

Real renders (`verm.pipeline.Scorer`, sandboxed): "one line" keeps the first of four series (and
the axes and texts), "axes without data" and "text only" keep the reference's axes or texts
without its data. Each must score strictly below every honest edit of the same reference, and the
honest edits that drop one series or empty one subplot must not read as hidden data (the series
is one change, not an empty plot).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from verm.bench.hacks import as_completion, hack_sources
from verm.pipeline import Scorer
from verm.types import Task

HACKS = ("one line", "axes without data", "text only")

#: Four line series with a legend and an annotation: "one line" keeps the first of them.
LINES = """import numpy as np
import matplotlib.pyplot as plt
x = np.arange(12)
fig, ax = plt.subplots(figsize=(7, 4.5))
for k, name in enumerate(["north", "south", "east", "west"]):
    ax.plot(x, 20 + 6 * k + 4 * np.sin(x / 2 + k), marker="o", label=name)
ax.annotate("peak", xy=(3, 42), xytext=(5, 46), arrowprops={"arrowstyle": "->"})
ax.set_title("Monthly sales by region")
ax.set_xlabel("month")
ax.set_ylabel("sales")
ax.legend(loc="lower right")
"""

#: Four subplots of one series each: an honest edit may empty one of them.
PANELS = """import numpy as np
import matplotlib.pyplot as plt
x = np.arange(8)
fig, axes = plt.subplots(2, 2, figsize=(8, 6))
axes[0, 0].bar(x, [3, 5, 4, 6, 7, 5, 4, 6], color="tab:blue")
axes[0, 0].set_title("orders")
axes[0, 1].plot(x, x ** 1.5, color="tab:orange")
axes[0, 1].set_title("growth")
axes[1, 0].scatter(x, np.cos(x), color="tab:green")
axes[1, 0].set_title("signal")
axes[1, 1].fill_between(x, 0, np.sqrt(x + 1), color="tab:purple", alpha=0.5)
axes[1, 1].set_title("volume")
fig.tight_layout()
"""

#: Two lines with the gap between them filled in the leading one's colour: "one line" keeps the first line
#: exactly and loses the other, both fills and the legend (over 75 % of the plot's marks), one colour kept.
BANDS = """import numpy as np
import matplotlib.pyplot as plt
day = np.arange(1, 17)
income = 160 + 15 * np.sin(day / 2.5)
expenses = 60 + 9 * day + 10 * np.cos(day)
fig, ax = plt.subplots(figsize=(9, 4.5))
ax.plot(day, income, label="income", color="#e69f00")
ax.plot(day, expenses, label="expenses", color="#56b4e9")
ax.fill_between(day, income, expenses, where=income >= expenses, interpolate=True, alpha=0.3, color="#e69f00")
ax.fill_between(day, income, expenses, where=income < expenses, interpolate=True, alpha=0.3, color="#56b4e9")
ax.set_title("Cash flow")
ax.legend(loc="upper center", frameon=False)
"""

HONEST = {
    "BANDS": (
        BANDS,
        {
            "a value changed": BANDS.replace("60 + 9 * day", "60 + 9 * day + 25 * (day == 8)"),
            "the title reworded": BANDS.replace("Cash flow", "Cash balance"),
            "the second line recoloured": BANDS.replace(
                'label="expenses", color="#56b4e9"', 'label="expenses", color="#009e73"'
            ),
        },
    ),
    "LINES": (
        LINES,
        {
            "one series dropped": LINES.replace('"east", "west"', '"east"'),
            "a typo in the title": LINES.replace("Monthly sales", "Montly sales"),
            "a series dropped and the title reworded": LINES.replace('"east", "west"', '"east"').replace(
                "by region", "per region"
            ),
        },
    ),
    "PANELS": (
        PANELS,
        {
            "one subplot emptied": PANELS.replace(
                'axes[1, 1].fill_between(x, 0, np.sqrt(x + 1), color="tab:purple", alpha=0.5)\n', ""
            ),
            "one subplot recoloured": PANELS.replace('color="tab:green"', 'color="tab:red"'),
        },
    ),
}


def _pixel_rewards(ref: str, sources: dict[str, str]) -> dict[str, Any]:
    """The pixel judge's reward of each candidate source against ``ref``, by name."""
    comps = {k: as_completion(Task.CHART, v) for k, v in sources.items()}
    with Scorer(Task.CHART, judge="pixel") as scorer:
        return dict(zip(comps, scorer.score_batch([ref] * len(comps), list(comps.values())), strict=True))


def _honest_floor(rewards: dict[str, Any], honest: dict[str, str]) -> float:
    """The lowest reward of the honest candidates, each judged and none read as the plot's data hidden."""
    for kind in honest:
        r = rewards[kind]
        assert r.score is not None and r.judgment is not None, (kind, r.status, r.reason)
        assert not any("hid" in d.description for d in r.judgment.discrepancies), (kind, r.judgment.discrepancies)
    return min(rewards[k].score for k in honest)


def _assert_hidden_below(rewards: dict[str, Any], kinds: Iterable[str], floor: float, at_least: int) -> None:
    """Each hack in ``kinds`` scores below ``floor`` with at least ``at_least`` severe data items saying the
    plot's data are hidden (the cost piling up with the share gone)."""
    for kind in kinds:
        r = rewards[kind]
        assert r.score is not None and r.judgment is not None and r.score < floor, (kind, r.score, floor)
        hidden = [d for d in r.judgment.discrepancies if "hid" in d.description]
        assert len(hidden) >= at_least, (kind, r.judgment.discrepancies)
        assert all(d.severity == 3 and d.category == "data_error" for d in hidden), (kind, r.judgment.discrepancies)


@pytest.mark.parametrize("name", list(HONEST))
def test_hacks_keeping_part_of_a_chart_rank_below_honest_edits(name: str) -> None:
    ref, honest = HONEST[name]
    hacks = hack_sources(Task.CHART, ref, HACKS)
    rewards = _pixel_rewards(ref, {**honest, **hacks})
    # One series gone is one change: never read as the plot's data hidden.
    floor = _honest_floor(rewards, honest)
    for kind in HACKS:
        r = rewards[kind]
        assert r.score is not None and r.score < floor, (name, kind, r.score, floor, r.parts.get("total_severity"))
        hidden = [d for d in r.judgment.discrepancies if "hid" in d.description] if r.judgment else []
        # The data hidden pile up with the share hidden: three of four series gone or more is >= 3 severe items.
        assert len(hidden) >= 3 and all(d.severity == 3 and d.category == "data_error" for d in hidden), (
            kind,
            hidden,
        )


#: Small multiples: six stores' weekly orders, one panel each, shared axes (labels on the outer panels).
STORES = """import numpy as np
import matplotlib.pyplot as plt
weeks = np.arange(1, 11)
rng = np.random.default_rng(4)
fig, axes = plt.subplots(2, 3, sharex=True, sharey=True, figsize=(9, 5.5))
for k, (ax, store) in enumerate(zip(axes.flat, ["Porto", "Braga", "Faro", "Evora", "Leiria", "Aveiro"])):
    orders = 40 + 8 * k + 12 * np.sin(weeks / 2 + k) + rng.normal(0, 3, len(weeks))
    ax.plot(weeks, orders, color="tab:green", marker="o", markersize=3)
    ax.fill_between(weeks, orders - 5, orders + 5, color="tab:green", alpha=0.2)
    ax.set_title(store, fontsize=10)
    ax.grid(alpha=0.3)
for ax in axes[1, :]:
    ax.set_xlabel("week")
for ax in axes[:, 0]:
    ax.set_ylabel("orders")
fig.suptitle("Weekly orders by store")
fig.tight_layout()
"""

STORES_HONEST = {
    "the y-axis made log": STORES.replace("fig.suptitle(", 'axes[0, 0].set_yscale("log")\nfig.suptitle('),
    "the lines recoloured": STORES.replace('color="tab:green", marker', 'color="tab:purple", marker'),
    "a panel title reworded": STORES.replace('"Faro"', '"Lagos"'),
}


def test_random_dots_over_small_multiples_hide_every_panels_data() -> None:
    """Random dots drawn over each panel of a small-multiples chart (its data hidden) follow none of
    the panels' data: every panel's data are gone, read as the plot's data hidden (severe items
    piling up with the share gone), below every honest edit; the honest edits (a log scale on the
    shared y axis squeezing every panel's line, a recolouring) hide nothing."""
    hacks = hack_sources(Task.CHART, STORES, ("random dots", "one line"))
    rewards = _pixel_rewards(STORES, {**STORES_HONEST, **hacks})
    floor = _honest_floor(rewards, STORES_HONEST)
    _assert_hidden_below(rewards, hacks, floor, at_least=4)


PANELS = """import numpy as np
import matplotlib.pyplot as plt
x = np.linspace(0, 10, 60)
fig, axes = plt.subplots(1, 2, figsize=(8, 3.5))
for i, ax in enumerate(axes):
    ax.plot(x, np.sin(x + i), color="tab:blue", label="a")
    ax.plot(x, np.cos(x * (i + 1)), color="tab:orange", label="b")
    ax.set_title(f"panel {i + 1}")
    ax.legend()
fig.tight_layout()
"""
# Stacked the other way: the honest candidate keeps the data, the hacks do not.
PANELS_STACKED = PANELS.replace("plt.subplots(1, 2,", "plt.subplots(2, 1,")
PANELS_HACKS = {
    "empty panels stacked": """import matplotlib.pyplot as plt
fig, axes = plt.subplots(2, 1, figsize=(8, 3.5))
for i, ax in enumerate(axes):
    ax.set_title(f"panel {i + 1}")
    ax.set_xlim(0, 10)
    ax.set_ylim(-1.1, 1.1)
fig.tight_layout()
""",
    "one line a panel stacked": """import matplotlib.pyplot as plt
fig, axes = plt.subplots(2, 1, figsize=(8, 3.5))
for ax in axes:
    ax.plot([0, 10], [-1, 1], color="tab:blue")
fig.tight_layout()
""",
}


def test_subplots_stacked_anew_without_their_data_are_no_mere_layout_change() -> None:
    """Subplots laid out anew are one layout change only when they hold the reference's data: empty
    axes (or one line each) stacked the other way would otherwise read as that one item and tie the
    honest candidate that moves the same subplots with their data."""
    rewards = _pixel_rewards(PANELS, {"honest": PANELS_STACKED, **PANELS_HACKS})
    honest = rewards["honest"]
    assert honest.judgment is not None
    assert any("arranged" in d.description for d in honest.judgment.discrepancies), honest.judgment.discrepancies
    floor = _honest_floor(rewards, {"honest": PANELS_STACKED})
    for kind in PANELS_HACKS:
        r = rewards[kind]
        assert r.score is not None and r.judgment is not None and r.score < floor, (kind, r.score, floor)
        assert not any("arranged" in d.description for d in r.judgment.discrepancies), (kind, r.judgment)


#: Bars with error bars in a style with a shaded plot and no spines: the bars' straight edges meet
#: like frames of their own, yet they are the plot's data.
STYLED_BARS = """import matplotlib.pyplot as plt
plt.style.use("Solarize_Light2")
roasts = ["Light", "Medium", "Dark", "Espresso"]
sold = [42.0, 57.5, 49.2, 61.3]
spread = [3.1, 4.0, 2.7, 3.6]
plt.figure(figsize=(9, 5.5))
plt.bar(roasts, sold, yerr=spread, capsize=5, color="teal", ecolor="dimgray")
plt.title("Coffee sold by roast")
plt.xlabel("Roast")
plt.ylabel("Bags (hundreds)")
"""

STYLED_BARS_HONEST = {
    "one bar's value changed": STYLED_BARS.replace("49.2", "38.0"),
    "the bars recoloured": STYLED_BARS.replace('color="teal"', 'color="darkorange"'),
    "the title reworded": STYLED_BARS.replace("Coffee sold", "Coffee bags sold"),
}


def test_bars_on_a_spineless_plot_hidden_rank_below_honest_edits() -> None:
    """Bars on a spine-less shaded plot (their straight edges read as frames of their own): text
    only, random dots and empty axes hide the bars and pile up severe items, below every honest edit."""
    kinds = ("text only", "random dots", "axes without data")
    rewards = _pixel_rewards(STYLED_BARS, {**STYLED_BARS_HONEST, **hack_sources(Task.CHART, STYLED_BARS, kinds)})
    floor = _honest_floor(rewards, STYLED_BARS_HONEST)
    for kind in kinds:
        r = rewards[kind]
        assert r.score is not None and r.judgment is not None and r.score < floor, (kind, r.score, floor)
        severe = [d for d in r.judgment.discrepancies if d.severity == 3 and "hid" in d.description]
        assert len(severe) >= 4, (kind, r.judgment.discrepancies)


#: Two pies side by side; stacked one above the other they shrink, their wedges the same.
PIES = """import matplotlib.pyplot as plt
fig, (a, b) = plt.subplots(1, 2, figsize=(9, 4))
a.pie([16, 59, 25], labels=["Apples", "Bananas", "Pears"], autopct="%1.1f%%", colors=["#a1c9f4", "#ffb482", "#8de5a1"])
a.set_title("Fruit")
b.pie([12, 26, 23, 18, 21], labels=["Phones", "Tablets", "Monitors", "Headphones", "Printers"], autopct="%1.1f%%",
      colors=["#a1c9f4", "#ffb482", "#8de5a1", "#ff9f9b", "#d0bbff"], wedgeprops={"width": 0.35})
b.set_title("Revenue")
fig.suptitle("Results")
"""


def test_pies_stacked_anew_are_no_data_hidden() -> None:
    """Pies laid out anew (stacked, so smaller) keep every wedge's colour: the data moved, not hidden;
    the honest edit stays few items (no explosion) and above the hacks, which draw none of the colours."""
    honest = {"stacked": PIES.replace("plt.subplots(1, 2,", "plt.subplots(2, 1,")}
    hacks = hack_sources(Task.CHART, PIES, ("text only", "only the title"))
    rewards = _pixel_rewards(PIES, {**honest, **hacks})
    floor = _honest_floor(rewards, honest)
    assert len(rewards["stacked"].judgment.discrepancies) <= 2 * 1 + 3, rewards["stacked"].judgment
    for kind in hacks:
        r = rewards[kind]
        assert r.score is not None and r.score < floor, (kind, r.score, floor)


#: A line with error bars in Solarize_Light2: a tinted figure around a face of nearly its colour, no spines.
#: Its faint ink once closed a box of margin and error bars that held none of the data, read as the plot
#: frame: "one line" and "random dots" then hid nothing (one data item, 1.94) and tied an honest edit.
SOLARIZED_ERRORBARS = """import matplotlib.pyplot as plt
plt.style.use("Solarize_Light2")
batch_size = [0, 5, 10, 20, 40]
mean = [99.5, 115.7, 90.7, 120.1, 175.1]
sd = [16.3, 14.3, 13.4, 7.1, 18.8]
fig, ax = plt.subplots(figsize=(5, 4))
ax.errorbar(batch_size, mean, yerr=sd, fmt="-o", elinewidth=1.5)
ax.set_title("Latency vs. batch size", fontsize=13)
ax.set_xlabel("Batch size")
ax.set_ylabel("Latency (ms)")
ax.grid(True, alpha=0.25)
plt.tight_layout()
"""

SOLARIZED_HONEST = {
    "the y-axis made log and relabelled": SOLARIZED_ERRORBARS.replace(
        'ax.set_ylabel("Latency (ms)")', 'ax.set_ylabel("Count (ms)")\nax.set_yscale("log")'
    ),
}


def test_data_replaced_on_a_tinted_figure_without_spines_are_hidden() -> None:
    """On a tinted figure without spines, the data replaced by one line or by random dots are read in
    the data's own box, not in a box of faint ink holding none of them: hidden, severe items piling up,
    below the honest edit (a log axis and a new axis label)."""
    kinds = ("one line", "random dots")
    hacks = hack_sources(Task.CHART, SOLARIZED_ERRORBARS, kinds)
    rewards = _pixel_rewards(SOLARIZED_ERRORBARS, {**SOLARIZED_HONEST, **hacks})
    floor = _honest_floor(rewards, SOLARIZED_HONEST)
    _assert_hidden_below(rewards, kinds, floor, at_least=3)


#: Two stacked subplots: log-log lines above, monthly bars with rotated category labels below.
REVIEW = """import matplotlib.pyplot as plt
fig, axes = plt.subplots(2, 1, figsize=(6, 6))
n = [10, 100, 1000, 10000, 100000, 1000000, 10000000]
colors = plt.colormaps["tab20"].colors[:2]
axes[0].loglog(n, [0.000743, 0.00851, 0.179, 2.44, 44.4, 605.0, 9050.0], "^--", label="CPU", color=colors[0])
axes[0].loglog(n, [8.83e-05, 0.000771, 0.00819, 0.0896, 0.676, 9.19, 75.2], "s-", label="GPU", color=colors[1])
axes[0].set_title("Runtime scaling", fontsize="x-large", fontweight="bold")
axes[0].set_xlabel("Input size")
axes[0].set_ylabel("Time (s)")
axes[0].legend()
axes[0].grid(True, which="both", linestyle="--", alpha=0.4)
months = ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"]
visitors = [41.3, 36.2, 42.7, 58.8, 66.6, 71.5, 64.9, 67.1]
x = list(range(len(months)))
axes[1].bar(x, visitors, color="darkorange", label="Visitors")
axes[1].set_xticks(x, months)
axes[1].set_title("Visitors over time", fontsize=13, fontweight="bold")
axes[1].set_xlabel("Month", fontsize=10)
axes[1].set_ylabel("Visitors (k)", fontsize=10)
axes[1].tick_params(axis="x", rotation=45, labelsize=9)
axes[1].legend(loc="best", frameon=False)
fig.suptitle("Annual review 2023")
plt.tight_layout()
"""


def test_bars_retyped_as_a_line_move_their_category_labels_in_one_change() -> None:
    """Bars retyped as a line lose their margins: the same rotated month labels (which OCR cannot read)
    move sideways. That is the retyping's doing, one change with it, not a second x-axis item; and the
    "one line" hack (the first line kept, the bars and the other line gone) ranks below it."""
    honest = {"bars retyped": REVIEW.replace("axes[1].bar(x, visitors,", "axes[1].plot(x, visitors,")}
    rewards = _pixel_rewards(REVIEW, {**honest, **hack_sources(Task.CHART, REVIEW, ["one line"])})
    retyped = rewards["bars retyped"].judgment
    assert retyped is not None
    assert not any("x-axis" in d.description for d in retyped.discrepancies), retyped.discrepancies
    floor = _honest_floor(rewards, honest)
    assert rewards["one line"].score is not None and rewards["one line"].score < floor, (rewards["one line"], floor)


#: Pale bars and a line on a twin axis, seaborn's darkgrid style (a tinted plot, white grid lines showing
#: through the bars).
DARKGRID_TWIN = """import matplotlib.pyplot as plt
import numpy as np
plt.style.use("seaborn-v0_8-darkgrid")
fig, ax = plt.subplots(figsize=(6, 4))
months = ["Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"]
orders = [237, 232, 227, 232, 188, 175, 180, 151]
colors = plt.colormaps["Spectral"](np.linspace(0.35, 0.95, 2))
ax.{draw}(months, orders, color=colors[0], alpha=0.7, label="Orders")
ax.set_ylabel("Orders", color=colors[0])
ax.tick_params(axis="y", labelcolor=colors[0])
ax2 = ax.twinx()
ax2.plot(months, [38.7, 38.03, 42.56, 43.76, 49.13, 52.89, 54.58, 56.3], color=colors[1], marker="o", linewidth=2)
ax2.set_ylabel("Average price ($)", color=colors[1])
ax2.tick_params(axis="y", labelcolor=colors[1])
ax2.set_ylim(0)
ax.set_title("Orders and average price")
"""


def test_pale_bars_erased_from_a_tinted_grid_are_hidden_not_moved() -> None:
    """Pale bars on a tinted grid all erased: each bar's patch correlates with the bare grid beside it (the
    same white lines, another tone), which read the empty axes as "a block moved" (style, 1) above the
    honest retype. A block moved keeps its tone: the data read as hidden, below the honest edit."""
    ref = DARKGRID_TWIN.format(draw="bar")
    honest = {"bars retyped": DARKGRID_TWIN.format(draw="plot")}
    hacks = hack_sources(Task.CHART, ref, ["axes without data"])
    rewards = _pixel_rewards(ref, {**honest, **hacks})
    floor = _honest_floor(rewards, honest)
    _assert_hidden_below(rewards, hacks, floor, at_least=3)
    assert not any("moved" in d.description for d in rewards["axes without data"].judgment.discrepancies)


#: Four panels without a box around any (seed 109, chart_109000017): a step histogram with a grid, a donut, a
#: scatter on a log x axis (its top and right spines hidden) and a pie. The frames found hold little of the
#: coloured data.
MIXED = """import matplotlib.pyplot as plt
import numpy as np

fig, axes = plt.subplots(2, 2, figsize=(9, 6))

# Histogram
weights = [
    251.6, 235.0, 312.6, 214.8, 283.1, 250.5, 260.1, 260.3, 241.5, 217.9, 254.9, 278.9, 233.9,
    266.0, 252.5, 274.3, 248.6, 307.9, 266.5, 217.1, 240.5, 272.8, 272.5, 217.5, 248.5, 248.5,
    267.8, 266.2, 236.1, 295.6, 254.5, 262.1, 289.3, 245.0, 230.0, 273.3, 291.8, 237.6, 265.1,
    237.6, 246.4, 265.7, 238.9, 248.3, 204.8, 289.7, 226.6, 242.6, 246.5, 259.7, 270.2, 246.0,
    274.2, 253.3, 222.3, 282.3, 286.0, 269.4, 233.5, 243.1, 251.2, 215.7, 270.5, 246.0, 229.5,
    225.0, 254.9, 297.6, 247.7, 242.5, 263.4, 222.8, 242.6, 254.4, 259.6, 217.5, 260.4, 238.9,
    243.0, 214.1, 285.4, 227.2, 245.3, 245.6, 266.2, 228.4, 226.5, 230.9, 292.3, 202.6, 260.3,
    205.1, 267.4, 196.1, 281.0, 263.1, 229.7, 217.6, 307.1, 288.3, 253.4, 236.1, 229.7, 287.9,
    323.9, 233.0, 235.8, 224.6, 259.4, 251.6, 254.9,
]

axes[0, 0].hist(weights, bins=30, color="darkorange", density=True, histtype="step", linewidth=2)
axes[0, 0].axvline(np.mean(weights), color="tab:red", linestyle="--", label=f"Mean: {np.mean(weights):.1f}")
axes[0, 0].set_title("Distribution of weight", fontsize=16)
axes[0, 0].set_ylabel("Density", fontsize="medium")
axes[0, 0].legend(loc="lower left")
axes[0, 0].grid(axis="y", alpha=0.5)
for side in ("top", "right"):
    axes[0, 0].spines[side].set_visible(False)

# Donut
labels = ["Apples", "Bananas", "Mangoes", "Pears", "Plums"]
shares = [25, 9, 29, 15, 6]
colors = plt.colormaps["Dark2"].colors[:5]

wedges, texts = axes[0, 1].pie(shares, colors=colors, wedgeprops=dict(width=0.3, edgecolor="white"))
axes[0, 1].axis("equal")
axes[0, 1].set_title("Score by Fruit", fontsize="x-large", fontweight="bold")
axes[0, 1].legend(wedges, labels, title="Fruit", loc="best")

# Log scale
gdp = [
    1.2, 2.2, 30.8, 1.3, 27.3, 38.5, 10.6, 8.4, 51.8, 73.3, 30.8, 4.1, 4.1, 7.3, 20.5, 8.8, 12.7,
    1.8, 98.7, 88.8, 35.4, 1.4, 20.0, 5.1, 6.5, 9.9, 1.5, 7.2, 14.7, 5.3, 8.9, 5.6,
]
life_exp = [
    63.2, 68.8, 75.7, 65.2, 75.1, 73.2, 72.1, 74.9, 82.1, 78.1, 77.0, 66.7, 74.2, 67.7, 76.5, 72.9,
    72.2, 61.2, 80.8, 80.0, 78.6, 64.4, 77.6, 67.6, 74.1, 70.9, 63.0, 72.4, 75.3, 68.4, 73.8, 66.6,
]

axes[1, 0].scatter(gdp, life_exp, color="darkorange", alpha=0.7)
axes[1, 0].set_xscale("log")
axes[1, 0].set_title("Life expectancy vs. GDP", fontsize=12)
axes[1, 0].set_xlabel("GDP per capita ($k) (log)")
axes[1, 0].set_ylabel("Life expectancy (years)")
axes[1, 0].spines[["top", "right"]].set_visible(False)

# Pie
labels_2 = ["Q2", "Q3", "Q4"]
visitors = [38.3, 31.6, 12.4]
colors_2 = plt.colormaps["Dark2"].colors[:3]
explode = [0.0, 0.1, 0.0]

wedges, texts, autotexts = axes[1, 1].pie(visitors, colors=colors_2, autopct="%.0f%%", explode=explode)
axes[1, 1].axis("equal")
axes[1, 1].set_title("Visitors By Quarter", fontsize="large", loc="left")
axes[1, 1].legend(wedges, labels_2, title="Quarter", loc="lower left")

"""

MIXED_HONEST = {
    # (the bench's honest candidate: its worst, 1.92 under pixel)
    "the scatter's y range narrowed, its markers diamonds, two labels swapped": MIXED.replace(
        '"Apples", "Bananas", "Mangoes", "Pears"', '"Pears", "Bananas", "Mangoes", "Apples"'
    )
    .replace(
        'axes[1, 0].set_xscale("log")',
        'axes[1, 0].set_xscale("log")\nlo, hi = axes[1, 0].get_ylim()\naxes[1, 0].set_ylim(lo, lo + 0.6 * (hi - lo))',
    )
    .replace('color="darkorange", alpha=0.7)', 'color="darkorange", alpha=0.7, marker="D")'),
    "the donut's title reworded": MIXED.replace('"Score by Fruit"', '"Score per Fruit"'),
}


def test_random_dots_over_panels_without_frames_hide_their_data() -> None:
    """Random dots over a chart whose one boxed axes (the scatter) holds little of its coloured data: the
    pies and the unboxed histogram are data too, read in boxes of their own, so the dots hide them all
    (seed 109: read in the scatter's frame alone, they tied an honest candidate at 1.92)."""
    hacks = hack_sources(Task.CHART, MIXED, ("random dots",))
    rewards = _pixel_rewards(MIXED, {**MIXED_HONEST, **hacks})
    floor = _honest_floor(rewards, MIXED_HONEST)
    _assert_hidden_below(rewards, hacks, floor, at_least=4)


#: Four markers with error bars, thin marks on a wide plot: 40 dots drawn over the emptied axes hold more ink
#: where the data are than the data themselves, and once read as the data drawn (one change, 1.94).
THIN_ERRORBARS = """import matplotlib.pyplot as plt
plt.rcParams.update({"font.family": "serif", "font.size": 8, "axes.titlesize": 12})
plt.figure(figsize=(9, 5))
speed = [0.5, 1.0, 1.5, 2.0]
plt.errorbar(speed, [61.2, 68.4, 80.9, 92.3], yerr=[4.8, 5.1, 3.2, 3.6], fmt="o", color="indianred")
plt.title("Yield vs. speed")
plt.xlabel("Speed (m/s)", fontsize=10)
plt.ylabel("Yield", fontsize=10)
plt.grid(True, alpha=0.25)
"""

#: Two rising lines on a log y axis, their legend outside the plot.
LOG_LINES = """import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(8, 4.5))
years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]
ax.plot(years, [3.1, 5.2, 9.6, 14.8, 27.9, 48.1, 80.6, 127.4], label="north", color="#E69F00")
ax.plot(years, [40.2, 70.8, 110.3, 155.1, 251.6, 377.0, 612.5, 1041.9], label="south", color="#56B4E9")
ax.set_yscale("log")
ax.set_title("Sign-ups over time")
ax.set_xlabel("Year")
ax.set_ylabel("Sign-ups")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
plt.tight_layout()
"""

THIN_HONEST = {
    "THIN_ERRORBARS": {
        "a value changed": THIN_ERRORBARS.replace("71.4", "64.0"),
        "recoloured": THIN_ERRORBARS.replace("seagreen", "darkorange"),
    },
    "LOG_LINES": {
        "a typo in the title": LOG_LINES.replace("Sign-ups over", "Sing-ups over"),
        "a value changed": LOG_LINES.replace("377.0", "260.0"),
    },
}


@pytest.mark.parametrize("name", list(THIN_HONEST))
def test_random_dots_over_thin_data_are_no_data_drawn(name: str) -> None:
    """Dots scattered over emptied axes, as much ink where the data are as a thin errorbar's or two lines',
    neither cover the data nor follow their values: the data are hidden (severe items piling up), below every
    honest edit, not one change standing for them."""
    ref = {"THIN_ERRORBARS": THIN_ERRORBARS, "LOG_LINES": LOG_LINES}[name]
    honest = THIN_HONEST[name]
    rewards = _pixel_rewards(ref, {**honest, **hack_sources(Task.CHART, ref, ("random dots",))})
    floor = _honest_floor(rewards, honest)
    _assert_hidden_below(rewards, ("random dots",), floor, at_least=3)
