"""The red-team hack kinds of `verm.bench.hacks_more` (opt-in: built only when named)."""

from __future__ import annotations

import ast

import pytest

from verm.bench.hacks import EXTRA_HACK_KINDS, HACK_KINDS, hack_sources
from verm.bench.hacks_more import CHART_EXTRA
from verm.types import Task

CHART = """import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, (a, b) = plt.subplots(1, 2)
a.bar(["p", "q", "r", "s"], [4, 9, 2, 6], label="bars")
a.plot([0, 1, 2, 3], [1, 5, 3, 8], label="line")
a.legend()
a.set_title("Left")
b.scatter([0, 1, 2, 3], [3, 1, 4, 1], label="dots")
b.set_xlabel("x")
fig.suptitle("Both")
"""
TABLE = "| Region | Sales | Share |\n|---|---:|---:|\n| North | 12 | 0.4 |\n| South | 7 | 0.3 |\n| East | 5 | 0.3 |\n"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor">'
    '<path d="M2 2L10 10"/><circle cx="16" cy="16" r="4" fill="red"/><rect x="3" y="14" width="4" height="6"/></svg>'
)


def test_red_team_kinds_are_opt_in():
    for task in Task:
        assert not set(EXTRA_HACK_KINDS[task]) & set(HACK_KINDS[task])
    assert set(CHART_EXTRA) <= set(EXTRA_HACK_KINDS[Task.CHART])


@pytest.mark.parametrize("kind", list(CHART_EXTRA))
def test_every_red_team_chart_hack_runs_and_draws(kind):
    import matplotlib.pyplot as plt
    from matplotlib.text import Text

    code = hack_sources(Task.CHART, CHART, [kind])[kind]
    ast.parse(code)
    try:
        exec(code, {"__name__": "__main__"})
        fig = plt.gcf()
        fig.canvas.draw()
        texts = {t.get_text() for t in fig.findobj(Text) if t.get_visible()}
        if kind == "no texts":
            assert not {"Left", "Both", "x", "bars"} & texts
        if kind == "texts in empty figure":
            assert not fig.axes and {"Left", "Both", "x"} <= texts
    finally:
        plt.close("all")


def test_value_kinds_change_the_values_and_keep_the_limits():
    import matplotlib.pyplot as plt

    for kind, want in (("reversed data", [8, 3, 5, 1]), ("sorted data", [1, 3, 5, 8])):
        try:
            exec(hack_sources(Task.CHART, CHART, [kind])[kind], {"__name__": "__main__"})
            a = plt.gcf().axes[0]
            assert list(a.lines[0].get_ydata()) == want
            assert a.get_ylim()[1] >= 9
        finally:
            plt.close("all")


def test_table_red_team_kinds():
    made = hack_sources(Task.TABLE, TABLE, list(EXTRA_HACK_KINDS[Task.TABLE]))
    assert made["first row repeated"].count("North") == 3 and "South" not in made["first row repeated"]
    assert made["same text everywhere"].count("North") == 12
    rev = made["reversed rows"]
    assert rev.index("East") < rev.index("North")
    assert "12" not in made["digits zeroed"] and "00" in made["digits zeroed"]
    assert made["header as every row"].count("Region") == 4
    assert (
        made["shuffled cells"] != made["cells shifted by one"]
        and "<td>North</td><td>12</td>" not in made["cells shifted by one"]
    )


def test_svg_red_team_kinds():
    made = hack_sources(Task.SVG, SVG, list(EXTRA_HACK_KINDS[Task.SVG]))
    assert 'viewBox="240 240 24 24"' in made["off-canvas viewbox"]
    assert "<circle" not in made["first element only"] and "<path" in made["first element only"]
    assert made["union box"].count("<path") == 1 and 'd="M2.000 2.000H20.000V20.000H2.000Z"' in made["union box"]
    assert made["bounding boxes"].count("<rect") == 3
    assert 'fill="red"' not in made["fill none"] and 'fill="red"' not in made["all black"]
    rev = made["reversed order"]
    assert rev.index("<rect") < rev.index("<circle") < rev.index("<path")
    assert "<rect" not in made["half the elements"] and "<circle" in made["half the elements"]


def test_more_table_and_svg_kinds():
    made = hack_sources(Task.TABLE, TABLE, ["rows as one cell", "body in one cell", "one row", "first column only"])
    assert made["rows as one cell"].count('colspan="3"') == 3 and "North 12 0.4" in made["rows as one cell"]
    assert made["body in one cell"].count("<td") == 1 and "North 12 0.4 South 7 0.3" in made["body in one cell"]
    assert "North" in made["one row"] and "South" not in made["one row"]
    assert "Sales" not in made["first column only"] and "East" in made["first column only"]
    hull = hack_sources(Task.SVG, SVG, ["convex hull"])["convex hull"]
    assert hull.count("<path") == 1 and "<circle" not in hull and "<rect" not in hull
