"""Pixel judge: marks drawn at random over the reference's emptied axes carry none of its data and cost
what empty axes cost; an honest redraw in another chart type keeps the data readable and is not read
as data hidden. Hacks are built as a policy would write them (code appended to the reference, as
`verm.bench.hacks` does) and every chart is rendered in the sandbox (`verm.render`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from verm.bench.hacks import hack_sources
from verm.judge.pixel import PixelJudge
from verm.render.chart import ChartRenderer
from verm.types import Discrepancy, Rendering, Task

_LINE = """import matplotlib.pyplot as plt
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
sales = [12, 15, 14, 19, 23, 21, 26, 30, 27, 24, 18, 16]
fig, ax = plt.subplots(figsize=(6, 4))
{draw}
ax.set_ylim(0, 35)
ax.set_title("Monthly sales")
ax.set_ylabel("Units (k)")
ax.grid(axis="y", alpha=0.4)
"""
_ERRORBAR = """import matplotlib.pyplot as plt
dose = [1, 2, 3, 4, 5]
score = [45.6, 45.2, 49.4, 51.6, 60.6]
err = [3.5, 5.1, 2.0, 2.7, 4.6]
fig, ax = plt.subplots(figsize=(6, 4))
{draw}
ax.set_ylim(38, 67)
ax.set_title("Score vs. dose")
ax.set_xlabel("Dose (mg)")
ax.grid(alpha=0.4)
"""
_STACKED = """import matplotlib.pyplot as plt
import numpy as np
teams = ["North", "South", "East", "West", "Central", "Online"]
q1 = np.array([20, 35, 30, 35, 27, 40])
q2 = np.array([25, 32, 34, 20, 25, 30])
q3 = np.array([15, 12, 20, 18, 22, 25])
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(teams, q1, label="Q1")
ax.bar(teams, q2, bottom=q1, label="Q2")
ax.bar(teams, q3, bottom=q1 + q2, label="Q3")
ax.set_ylim(0, 110)
ax.set_title("Orders by team")
ax.legend(loc="upper left")
"""
REFERENCES = {
    "line": _LINE.format(draw='ax.plot(months, sales, marker="o", color="tab:green")'),
    "errorbar": _ERRORBAR.format(draw='ax.errorbar(dose, score, yerr=err, fmt="D", capsize=4)'),
    "stacked": _STACKED,
}
#: The same data drawn as another chart type, the axes kept as they were (the case where a redraw and
#: marks drawn at random are told apart by the marks alone).
HONEST = {
    ("line", "bars"): _LINE.format(draw='ax.bar(months, sales, color="tab:green")'),
    ("line", "values scaled"): _LINE.format(
        draw='ax.plot(months, [0.7 * v for v in sales], marker="o", color="tab:green")'
    ),
    ("errorbar", "bars"): _ERRORBAR.format(draw="ax.bar(dose, score, yerr=err, capsize=4, width=0.5)"),
    ("errorbar", "values shifted"): _ERRORBAR.format(
        draw='ax.errorbar(dose, [v - 6 for v in score], yerr=err, fmt="D", capsize=4)'
    ),
}

# The reference's colours, read before its data are hidden (a policy copying its palette).
_COLOURS = """
import matplotlib.colors as _mc
_cols = [_mc.to_hex(_a.get_facecolor() if hasattr(_a, "get_width") else _a.get_color())
         for _ax in _all_axes for _a in [*_ax.lines, *_ax.patches]] or ["C0"]
_cols = list(dict.fromkeys(_cols))
"""
#: Marks drawn at random over the emptied axes, appended after `hack_sources`' "axes without data".
JUNK = {
    "dots in its colours": (
        "_r = _np.random.default_rng(1)\n"
        "for _ax in _all_axes:\n"
        "    for _c in _cols[:4]:\n"
        "        _ax.plot(_r.random(12), _r.random(12), 'o', ms=5, color=_c, transform=_ax.transAxes)\n"
    ),
    "random bars": (
        "_r = _np.random.default_rng(2)\n"
        "for _ax in _all_axes:\n"
        "    _ax.bar(_np.linspace(0.1, 0.9, 6), _r.random(6) * 0.8, width=0.08, color=_cols[0], transform=_ax.transAxes)\n"
    ),
    "random line": (
        "_r = _np.random.default_rng(3)\n"
        "for _ax in _all_axes:\n"
        "    _ax.plot(_np.linspace(0, 1, 12), _r.random(12), color=_cols[0], transform=_ax.transAxes)\n"
    ),
}


def _junk(ref: str, kind: str) -> str:
    empty = hack_sources(Task.CHART, ref, ["axes without data"])["axes without data"]
    # The colours are read before the appended hiding code runs: insert them ahead of it.
    head, sep, tail = empty.partition("\nfor _ax in _all_axes:\n    for _a in")
    return f"{head}{_COLOURS}{sep}{tail}\n{JUNK[kind]}"


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[tuple[str, str], Rendering]]:
    plan: dict[tuple[str, str], str] = {}
    for name, ref in REFERENCES.items():
        plan[name, "reference"] = ref
        for kind, source in hack_sources(Task.CHART, ref, ["axes without data", "random dots"]).items():
            plan[name, kind] = source
        for kind in JUNK:
            plan[name, kind] = _junk(ref, kind)
    for (name, edit), source in HONEST.items():
        plan[name, edit] = source
    with ChartRenderer(workers=2) as renderer:
        rendered = renderer.render_many(list(plan.values()))
    out = dict(zip(plan, rendered, strict=True))
    assert all(r.png for r in out.values()), [k for k, r in out.items() if not r.png]
    yield out


def _judge(charts: dict[tuple[str, str], Rendering], name: str, kind: str) -> list[Discrepancy]:
    ref, cand = charts[name, "reference"], charts[name, kind]
    return PixelJudge().judge_images(Task.CHART, ref.image(), cand.image())


def _total(found: list[Discrepancy]) -> int:
    return sum(d.severity for d in found)


@pytest.mark.parametrize("name", list(REFERENCES))
@pytest.mark.parametrize("kind", ["random dots", *JUNK])
def test_marks_drawn_at_random_cost_what_empty_axes_cost(
    charts: dict[tuple[str, str], Rendering], name: str, kind: str
) -> None:
    empty = _total(_judge(charts, name, "axes without data"))
    found = _judge(charts, name, kind)
    assert _total(found) >= min(empty, 9), (name, kind, empty, [(d.severity, d.description) for d in found])


@pytest.mark.parametrize(("name", "edit"), list(HONEST))
def test_the_data_redrawn_under_the_same_axes_is_no_data_hidden(
    charts: dict[tuple[str, str], Rendering], name: str, edit: str
) -> None:
    found = _judge(charts, name, edit)
    assert not any("hides the reference's plotted data" in d.description for d in found), found
    assert _total(found) <= 6, [(d.severity, d.description) for d in found]
