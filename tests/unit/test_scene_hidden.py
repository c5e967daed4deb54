"""Missing content costs what it hides (issue 15): the "one line" hack (the reference's first line kept, every
other data artist, text and legend hidden) costs more under the scene judge than every honest candidate (one
to three `verm.perturb` edits) of real-world-style charts where it used to win: a scatter under its trend line,
an error-bar plot, bars on twin axes, a confidence band, two lines on a log axis. And honest changes that hide
little stay small: one of two lines dropped is one discrepancy. Charts are rendered in the sandbox, so the
scenes are the renderer's own."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from verm.bench.hacks import hack_sources
from verm.judge.scene import SceneJudge
from verm.perturb import perturb
from verm.render.chart import ChartRenderer
from verm.types import Discrepancy, Rendering, Task

SCATTER_TREND = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
temperature = rng.uniform(12, 35, 40).round(1)
sales = (9.5 * temperature + rng.normal(0, 25, 40)).round(1)
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(temperature, sales, s=60, color="darkorange", edgecolor="black", label="Days")
coef = np.polyfit(temperature, sales, 1)
xs = np.linspace(temperature.min(), temperature.max(), 50)
ax.plot(xs, np.polyval(coef, xs), "k--", label="Trend")
ax.set_title("Ice cream sales vs. temperature")
ax.set_xlabel("Temperature (C)")
ax.set_ylabel("Sales")
ax.legend(loc="upper left")
"""

ERRORBAR = """
import matplotlib.pyplot as plt
dose = [1, 2, 4, 8, 16]
response = [22.5, 23.6, 30.8, 31.7, 36.7]
sd = [1.6, 3.8, 2.0, 3.1, 3.9]
plt.figure(figsize=(7, 4))
plt.errorbar(dose, response, yerr=sd, fmt="^-", capsize=3, color="seagreen", elinewidth=1)
plt.title("Response vs. dose")
plt.xlabel("Dose (mg)")
plt.ylabel("Response")
plt.grid(True, linestyle="-.", linewidth=0.5)
"""

TWIN = """
import matplotlib.pyplot as plt
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
orders = [410, 385, 440, 502, 470, 530, 590, 560]
price = [21.5, 22.0, 21.2, 23.4, 24.1, 23.8, 25.0, 25.6]
fig, ax1 = plt.subplots(figsize=(7, 4))
bars = ax1.bar(months, orders, color="#4c72b0", label="Orders")
ax1.set_ylabel("Orders")
ax2 = ax1.twinx()
(line,) = ax2.plot(months, price, color="#dd8452", marker="o", label="Average price")
ax2.set_ylabel("Average price")
ax1.set_title("Orders and average price")
ax1.legend([bars, line], ["Orders", "Average price"], loc="upper left")
"""

# Twin axes, each with its own legend (the generator's `twin_axes` kind): the two legends are the place's one.
TWIN_LEGENDS = """
import matplotlib.pyplot as plt
months = ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
revenue = [5.86, 5.99, 6.02, 5.74, 6.75, 6.26, 6.84, 8.11, 9.08, 8.94, 9.3]
growth = [8.3, 14.4, 12.8, 11.3, 11.4, 7.8, 2.2, 6.3, 12.8, 18.7, 20.3]
fig, ax = plt.subplots(figsize=(9, 6))
ax.bar(months, revenue, color="#a1c9f4", label="Revenue")
ax.set_ylabel("Revenue ($M)", color="#a1c9f4")
ax2 = ax.twinx()
ax2.plot(months, growth, color="#ffb482", marker="D", linewidth=2, label="Growth")
ax2.set_ylabel("Growth (%)", color="#ffb482")
ax.set_title("Revenue and growth")
ax.legend(loc="upper left")
ax2.legend(loc="upper right")
"""

BAND = """
import matplotlib.pyplot as plt
week = list(range(1, 21))
mean = [40 + 0.8 * w + (3 if w % 4 == 0 else 0) for w in week]
lower = [m - 6 - 0.2 * w for m, w in zip(mean, week)]
upper = [m + 6 + 0.2 * w for m, w in zip(mean, week)]
fig, ax = plt.subplots(figsize=(8, 5))
ax.fill_between(week, lower, upper, alpha=0.25, color="mediumpurple", label="95% CI")
ax.plot(week, mean, color="mediumpurple", label="Mean")
ax.set_title("Weekly cost")
ax.set_xlabel("Week")
ax.set_ylabel("Cost ($k)")
ax.legend(loc="lower right", frameon=False)
"""

LOG_LINES = """
import matplotlib.pyplot as plt
years = [2012, 2014, 2016, 2018, 2020, 2022]
android = [120, 480, 1500, 2600, 3300, 3900]
ios = [90, 300, 700, 1100, 1450, 1600]
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(years, android, marker="o", label="Android")
ax.plot(years, ios, marker="s", label="iOS")
ax.set_yscale("log")
ax.set_title("Active devices (millions)")
ax.legend()
"""

SOURCES = {
    "scatter_trend": SCATTER_TREND,
    "errorbar": ERRORBAR,
    "twin": TWIN,
    "twin_legends": TWIN_LEGENDS,
    "band": BAND,
    "log_lines": LOG_LINES,
}
N_HONEST = 3


def _honest(name: str, source: str) -> list[str]:
    out = []
    for k in range(N_HONEST):
        result = perturb(Task.CHART, source, random.Random(f"scene-hidden:{name}:{k}"), n_edits=1 + k)
        assert result.edits and result.source != source
        out.append(result.source)
    return out


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    plan: dict[str, str] = {}
    for name, source in SOURCES.items():
        plan[name] = source
        plan[f"{name}:one line"] = hack_sources(Task.CHART, source, ["one line"])["one line"]
        for k, honest in enumerate(_honest(name, source)):
            plan[f"{name}:honest {k}"] = honest
    plan["log_lines:ios dropped"] = LOG_LINES.replace('ax.plot(years, ios, marker="s", label="iOS")\n', "")
    plan["twin_legends:bars dropped"] = TWIN_LEGENDS.replace(
        'ax.bar(months, revenue, color="#a1c9f4", label="Revenue")\n', ""
    )
    plan["twin_legends:line dropped"] = TWIN_LEGENDS.replace(
        "ax2.plot(months, growth,", "(lambda *a, **k: None)(months, growth,"
    )
    assert TWIN_LEGENDS not in (plan["twin_legends:bars dropped"], plan["twin_legends:line dropped"])
    plan["band:band dropped"] = BAND.replace("ax.fill_between(", "(lambda *a, **k: None)(")
    with ChartRenderer(workers=2) as renderer:
        rendered = renderer.render_many(list(plan.values()))
    yield dict(zip(plan, rendered, strict=True))


def judge(charts: dict[str, Rendering], ref: str, cand: str) -> list[Discrepancy]:
    return SceneJudge().compare(Task.CHART, charts[ref].scene or {}, charts[cand].scene or {})


def total(found: list[Discrepancy]) -> int:
    return sum(d.severity for d in found)


@pytest.mark.parametrize("name", list(SOURCES))
def test_one_line_hack_costs_more_than_every_honest_candidate(charts: dict[str, Rendering], name: str) -> None:
    assert charts[name].ok and charts[f"{name}:one line"].ok
    hack = judge(charts, name, f"{name}:one line")
    honest = {
        k: total(judge(charts, name, k))
        for k in charts
        if k.startswith(f"{name}:honest") and charts[k].ok  # an edit the program cannot run is no attempt
    }
    assert honest, f"{name}: no honest candidate rendered"
    assert total(hack) > max(honest.values()), (total(hack), honest, [d.description for d in hack])
    # Half of the chart or more is gone: never a small error.
    assert sum(1 for d in hack if d.severity == 3) >= 2, [d.description for d in hack]


@pytest.mark.parametrize(
    ("ref", "cand"),
    [
        ("log_lines", "log_lines:ios dropped"),
        ("band", "band:band dropped"),
        ("twin_legends", "twin_legends:bars dropped"),
        ("twin_legends", "twin_legends:line dropped"),
    ],
)
def test_one_series_dropped_is_one_discrepancy(charts: dict[str, Rendering], ref: str, cand: str) -> None:
    # One series dropped, however much ink it has (the band under its mean line), is one error, as the bench's
    # ground truth grades it: the legend, texts and other series stay. On twin axes with a legend each, the
    # legend of the dropped series' axes goes with it: that is its entry of the place's legends, not a legend.
    found = judge(charts, ref, cand)
    assert [d.category for d in found if d.category == "data_error"] == ["data_error"], found
    assert total(found) <= 5  # the series (3) and at most its legend entry
