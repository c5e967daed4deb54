"""The scene judge on real scenes: charts rendered in the sandbox, SVG icons and tables parsed by the renderers."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from tests.conftest import bar_chart, render_charts
from tests.corpora import CORPORA
from tests.judge_contract import check_judge_contract

from verm.errors import JudgeUnavailableError
from verm.judge import get_judge
from verm.judge.scene import SceneJudge, delta_e, is_numeric_change
from verm.render.svg import SvgOptions, prepare_svg, svg_scene
from verm.render.table import table_scene
from verm.types import Discrepancy, Judgment, Rendering, Task

LINES = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
x = [1, 2, 3, 4, 5]
ax.plot(x, [1, 4, 9, 16, 25], label="Squares", color="tab:blue")
ax.plot(x, [1, 2, 3, 4, 5], label="Linear", color="tab:orange", linestyle="--")
ax.plot(x, [2, 3, 5, 7, 11], label="Primes", color="tab:green", marker="o")
ax.set_title("Growth")
ax.legend(loc="upper left")
"""

# The same figure written with a loop over a dict and hex colours instead of literal calls and names.
LINES_LOOP = """
import matplotlib.pyplot as plt
series = {
    "Squares": ([1, 4, 9, 16, 25], "#1f77b4", "-", "None"),
    "Linear": ([1, 2, 3, 4, 5], "#ff7f0e", "--", "None"),
    "Primes": ([2, 3, 5, 7, 11], "#2ca02c", "-", "o"),
}
fig, ax = plt.subplots(figsize=(6, 4))
for name, (ys, colour, style, marker) in series.items():
    ax.plot(range(1, 6), ys, label=name, color=colour, linestyle=style, marker=marker)
ax.set_title("Growth")
ax.legend(loc="upper left")
"""

DROPPED = LINES.replace('ax.plot(x, [1, 2, 3, 4, 5], label="Linear", color="tab:orange", linestyle="--")\n', "")
# Colours from the cycles: a line turned into bars leaves the line cycle, so the next line takes its colour.
CYCLE = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
x = [1, 2, 3, 4, 5]
ax.plot(x, [1, 4, 9, 16, 25], label="Squares")
ax.plot(x, [1, 2, 3, 4, 5], label="Linear")
ax.plot(x, [2, 3, 5, 7, 11], label="Primes")
ax.axhline(10.0, color="grey", linestyle="--", label="Mean: 10.0")
ax.legend()
"""
BAR = bar_chart()
BAR_LOOP = """
import matplotlib.pyplot as plt
regions = {"North": (12.5, "#1f77b4"), "South": (17.0, "#ff7f0e"), "East": (9.5, "#2ca02c"), "West": (14.0, "#d62728")}
fig, ax = plt.subplots(figsize=(6, 4))
for region, (value, colour) in regions.items():
    ax.bar(region, value, color=colour)
ax.set_title("Quarterly revenue by region")
ax.set_ylabel("Revenue (M$)")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    """Every chart program of this module, rendered once through the sandbox pool."""
    sources = {
        "bar": BAR,
        "bar_loop": BAR_LOOP,
        "bar_colour": bar_chart(c0="#9467bd"),
        "bar_title": bar_chart(title="Quarterly sales by region"),
        "bar_value": BAR.replace("17.0", "19.0"),
        "bar_h": BAR.replace("ax.bar(", "ax.barh("),
        "lines": LINES,
        "lines_loop": LINES_LOOP,
        "lines_dropped": DROPPED,
        "lines_legend": LINES.replace("upper left", "lower right"),
        "cycle": CYCLE,
        "cycle_bars": CYCLE.replace(
            'ax.plot(x, [1, 2, 3, 4, 5], label="Linear")', 'ax.bar(x, [1, 2, 3, 4, 5], label="Linear")'
        ),
        "cycle_mean": CYCLE.replace("10.0", "12.0").replace("[1, 4, 9, 16, 25]", "[1, 4, 9, 16, 29]"),
    }
    yield render_charts(sources)


@pytest.fixture(scope="module")
def judge() -> SceneJudge:
    return SceneJudge()


def run(judge: SceneJudge, task: Task, ref: Rendering, cand: Rendering) -> list[Discrepancy]:
    judgment = check_judge_contract(judge, task, ref, cand)
    assert judgment.status.value == "ok", judgment.reason
    return judgment.discrepancies


def inside(box: tuple[float, float, float, float] | None, outer: list[float] | None) -> bool:
    assert box is not None and outer is not None
    return (
        box[0] <= outer[0] + 0.01
        and box[1] <= outer[1] + 0.01
        and box[2] >= outer[2] - 0.01
        and box[3] >= outer[3] - 0.01
    )


# --------------------------------------------------------------------------- charts


def test_registry_creates_the_scene_judge() -> None:
    judge = get_judge("scene")
    assert isinstance(judge, SceneJudge) and judge.needs_sources


def test_identical_charts_have_no_discrepancy(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    for name in ("bar", "lines"):
        assert run(judge, Task.CHART, charts[name], charts[name]) == []


@pytest.mark.parametrize(("ref", "cand"), [("bar", "bar_loop"), ("lines", "lines_loop")])
def test_refactored_equivalent_code_has_nothing_above_severity_1(
    judge: SceneJudge, charts: dict[str, Rendering], ref: str, cand: str
) -> None:
    found = run(judge, Task.CHART, charts[ref], charts[cand])
    assert all(d.severity <= 1 for d in found), found


def test_one_bar_value(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    [d] = run(judge, Task.CHART, charts["bar"], charts["bar_value"])
    assert (d.category, d.severity) == ("data_error", 2)  # 17 -> 19 is 12 %
    assert "bar 2 (South)" in d.description and "is 19, should be 17" in d.description
    bar = charts["bar_value"].scene["axes"][0]["patches"][1]  # type: ignore[index]
    assert inside(d.bbox, bar["bbox"])


def test_bar_colour(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    [d] = run(judge, Task.CHART, charts["bar"], charts["bar_colour"])
    # Blue -> purple is a strong change, but of one bar of four and to a colour no other bar has: 1.
    assert (d.category, d.severity) == ("style_error", 1)
    assert "#9467bd" in d.description and "#1f77b4" in d.description


def test_title_text(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    [d] = run(judge, Task.CHART, charts["bar"], charts["bar_title"])
    assert (d.category, d.severity, d.location) == ("text_error", 2, "plot title")
    assert "'Quarterly sales by region'" in d.description
    title = charts["bar_title"].scene["axes"][0]["title"]["center"]["bbox"]  # type: ignore[index]
    assert d.bbox == pytest.approx(tuple(title))


def test_chart_type_change_is_one_structure_error(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    [d] = run(judge, Task.CHART, charts["bar"], charts["bar_h"])
    assert (d.category, d.severity) == ("structure_error", 3)
    assert "horizontal bars" in d.description


def test_line_drawn_as_bars_is_one_structure_error(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    # Not a missing line plus extra bars, nor a colour change of the line after it (the cycle moved on).
    [d] = run(judge, Task.CHART, charts["cycle"], charts["cycle_bars"])
    assert (d.category, d.severity) == ("structure_error", 3)
    assert "'Linear' is drawn as vertical bars" in d.description


def test_moved_constant_line_is_one_value(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    # The mean line moved with the data: one discrepancy for it, and its legend entry quoting the value follows.
    # The point moved the autoscaled limits, so every line moved with it, the mean's pixels among them: one place
    # (as ground truth measures these two edits), graded by the point (4 on a y-axis spanning about 26).
    found = run(judge, Task.CHART, charts["cycle"], charts["cycle_mean"])
    assert [(d.category, d.severity) for d in found] == [("data_error", 3)]
    assert "10" in found[0].description and "12" in found[0].description, found[0].description


def test_dropped_series(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    [d] = run(judge, Task.CHART, charts["lines"], charts["lines_dropped"])
    assert (d.category, d.severity) == ("data_error", 3)
    assert "'Linear' is missing" in d.description
    line = charts["lines"].scene["axes"][0]["lines"][1]  # type: ignore[index]
    assert d.bbox == pytest.approx(tuple(line["bbox"]))  # the reference's box for a missing element


def test_legend_position(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    [d] = run(judge, Task.CHART, charts["lines"], charts["lines_legend"])
    assert (d.category, d.severity) == ("style_error", 1)
    assert "lower right" in d.description and "upper left" in d.description


def test_a_pair_takes_well_under_20_ms(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    pairs = [("bar", "bar_value"), ("lines", "lines_dropped"), ("lines", "lines_loop"), ("bar", "bar_h")]
    judge.judge(Task.CHART, charts["bar"], charts["bar"])  # warm caches
    t0 = time.perf_counter()
    for _ in range(10):
        for a, b in pairs:
            judge.judge(Task.CHART, charts[a], charts[b])
    per_pair_ms = (time.perf_counter() - t0) * 1000 / (10 * len(pairs))
    assert per_pair_ms < 20, per_pair_ms


def test_png_reference_makes_the_judge_unavailable(judge: SceneJudge, charts: dict[str, Rendering]) -> None:
    png_only = Rendering(task=Task.CHART, png=charts["bar"].png)
    with pytest.raises(JudgeUnavailableError, match="reference"):
        judge.judge(Task.CHART, png_only, charts["bar"])
    assert judge.unavailable(Task.CHART, png_only, charts["bar"])
    assert judge.unavailable(Task.CHART, charts["bar"], charts["bar"]) is None
    broken = Rendering(task=Task.CHART, png=charts["bar"].png, scene={"error": "ValueError: boom"}, source=BAR)
    with pytest.raises(JudgeUnavailableError, match="boom"):
        judge.judge(Task.CHART, charts["bar"], broken)


# --------------------------------------------------------------------------- svg


def icon(name: str) -> str:
    path = CORPORA / "svg" / name
    if not path.is_file():
        pytest.skip(f"shared corpora not found at {CORPORA}")
    return path.read_text(encoding="utf-8")


def svg(text: str) -> Rendering:
    prepared = prepare_svg(text, SvgOptions())
    return Rendering(task=Task.SVG, scene=svg_scene(prepared, (336, 336)), source=text)


def test_identical_svg_has_no_discrepancy(judge: SceneJudge) -> None:
    text = icon("icons8-flat-color/bar_chart.svg")
    assert run(judge, Task.SVG, svg(text), svg(text)) == []


def test_svg_fill_change(judge: SceneJudge) -> None:
    text = (
        icon("twemoji/1f600.svg")
        if (CORPORA / "svg/twemoji/1f600.svg").is_file()
        else icon("icons8-flat-color/bar_chart.svg")
    )
    fills = list(re.finditer(r'fill="(#[0-9A-Fa-f]{3,6})"', text))
    assert fills
    m = fills[-1]
    changed = text[: m.start(1)] + "#00aa00" + text[m.end(1) :]
    [d] = run(judge, Task.SVG, svg(text), svg(changed))
    assert d.category == "style_error" and "#00aa00" in d.description
    assert d.bbox is not None


def test_svg_dropped_element(judge: SceneJudge) -> None:
    text = icon("icons8-flat-color/bar_chart.svg")
    elements = list(re.finditer(r"<(rect|path|circle|polygon)\b[^>]*/>", text))
    m = elements[-1]
    dropped = text[: m.start()] + text[m.end() :]
    [d] = run(judge, Task.SVG, svg(text), svg(dropped))
    assert d.category == "structure_error" and "is missing" in d.description
    ref = svg(text).scene["elements"]  # type: ignore[index]
    assert d.bbox == pytest.approx(tuple(ref[-1]["bbox"]))


def test_svg_stacking_swap_is_one_discrepancy(judge: SceneJudge) -> None:
    text = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        '<rect x="10" y="10" width="50" height="50" fill="#ff0000"/>'
        '<circle cx="50" cy="50" r="30" fill="#0000ff"/></svg>'
    )
    swapped = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        '<circle cx="50" cy="50" r="30" fill="#0000ff"/>'
        '<rect x="10" y="10" width="50" height="50" fill="#ff0000"/></svg>'
    )
    [d] = run(judge, Task.SVG, svg(text), svg(swapped))
    assert (d.category, d.severity) == ("structure_error", 2)  # they overlap: the order is visible


# --------------------------------------------------------------------------- tables

TABLE = """| Item | Weight | Price |
|---|---|---|
| Apples | 1.8 kg | $3.20 |
| Pears | 0.9 kg | $2.10 |
| Plums | 1.2 kg | $4.00 |
| Figs | 0.4 kg | $5.50 |
"""


def table(text: str) -> Rendering:
    return Rendering(task=Task.TABLE, scene=table_scene(text), source=text)


def test_identical_table_has_no_discrepancy(judge: SceneJudge) -> None:
    assert run(judge, Task.TABLE, table(TABLE), table(TABLE)) == []


def test_table_number_change_is_numeric(judge: SceneJudge) -> None:
    [d] = run(judge, Task.TABLE, table(TABLE), table(TABLE.replace("1.8 kg", "1.3 kg")))
    assert (d.category, d.severity, d.location) == ("numeric_error", 2, "row 2, column 2")
    assert d.description == "cell (2, 2) reads '1.3 kg', should be '1.8 kg'"


def test_table_dropped_row_is_one_layout_error(judge: SceneJudge) -> None:
    [d] = run(judge, Task.TABLE, table(TABLE), table(TABLE.replace("| Pears | 0.9 kg | $2.10 |\n", "")))
    assert (d.category, d.severity) == ("layout_error", 3)
    assert "row 3" in d.description and "missing" in d.description


def test_table_dropped_column_is_one_layout_error(judge: SceneJudge) -> None:
    def drop_weight(text: str) -> str:
        return "\n".join("|".join(p for k, p in enumerate(line.split("|")) if k != 2) for line in text.splitlines())

    [d] = run(judge, Task.TABLE, table(TABLE), table(drop_weight(TABLE)))
    assert (d.category, d.severity, d.location) == ("layout_error", 3, "column 2")


def test_table_swapped_rows_is_one_layout_error(judge: SceneJudge) -> None:
    swapped = TABLE.replace(
        "| Pears | 0.9 kg | $2.10 |\n| Plums | 1.2 kg | $4.00 |",
        "| Plums | 1.2 kg | $4.00 |\n| Pears | 0.9 kg | $2.10 |",
    )
    [d] = run(judge, Task.TABLE, table(TABLE), table(swapped))
    assert (d.category, d.severity) == ("layout_error", 2)


def test_table_header_change_is_text(judge: SceneJudge) -> None:
    [d] = run(judge, Task.TABLE, table(TABLE), table(TABLE.replace("| Price |", "| Cost |")))
    assert (d.category, d.severity, d.location) == ("text_error", 2, "row 1, column 3")


def test_table_merged_cells(judge: SceneJudge) -> None:
    ref = "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>"
    merged = "<table><tr><th colspan='2'>A</th></tr><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>"
    [d] = run(judge, Task.TABLE, table(ref), table(merged))
    assert (d.category, d.severity) == ("layout_error", 2) and "merged" in d.description


@pytest.mark.parametrize(
    ("ref", "cand", "numeric"),
    [
        ("1.8 kg", "1.3 kg", True),  # digits
        ("1.8 kg", "1.8 g", True),  # unit
        ("-4.2", "4.2", True),  # sign
        ("12%", "21%", True),
        ("Population 1,234", "Population 1,243", True),
        ("Apples", "Apricots", False),
        ("Won in 2019", "Lost in 2019", False),
        ("n/a", "12", False),
    ],
)
def test_numeric_rule(ref: str, cand: str, numeric: bool) -> None:
    assert is_numeric_change(ref, cand) is numeric


def test_near_identical_colours_are_not_different() -> None:
    assert delta_e("#1f77b4", "#1f77b5") < 1
    assert delta_e("#1f77b4", "#d62728") > 30
    assert delta_e(None, "none") == 100.0 or delta_e(None, None) == 0.0


def test_a_strange_scene_is_a_judge_error_not_an_exception(judge: SceneJudge) -> None:
    ref = table(TABLE)
    weird = Rendering(task=Task.TABLE, scene={"cells": [{"row": "x"}]}, source="?")
    judgment: Judgment = check_judge_contract(judge, Task.TABLE, ref, weird)
    assert judgment.status.value == "judge_error" and judgment.reason


# -- rules of the perturbation engine, on hand-written scenes -------------------------------------------------


def _table(rows: list[list[str]]) -> dict:
    """A table scene: one header row, cells boxed on a regular grid."""
    n, m = len(rows), max(len(r) for r in rows)
    cells = [
        {"row": r, "col": c, "rowspan": 1, "colspan": 1, "text": t, "header": r == 0,
         "bbox": [c / m, r / n, (c + 1) / m, (r + 1) / n]}
        for r, row in enumerate(rows) for c, t in enumerate(row)
    ]  # fmt: skip
    return {"rows": n, "cols": m, "header_rows": 1, "cells": cells}


REF_TABLE = [["Name", "Score", "Rank", "Team"], ["Ann", "12", "1", "Red"], ["Bob", "9", "2", "Blue"],
             ["Cid", "7", "3", "Red"], ["Dee", "5", "4", "Blue"]]  # fmt: skip


def test_table_swap_with_a_changed_cell_is_one_swap_and_one_cell() -> None:
    cand = [[r[0], r[2], r[1], r[3]] for r in REF_TABLE]  # columns 2 and 3 swapped
    cand[2][2] = "-9"  # and a sign flipped in the moved column
    found = SceneJudge().compare(Task.TABLE, _table(REF_TABLE), _table(cand))
    assert sorted((d.category, d.severity) for d in found) == [("layout_error", 2), ("numeric_error", 3)]
    swap = next(d for d in found if d.category == "layout_error")
    assert "swapped" in swap.description and swap.bbox is not None and swap.bbox[0] < 0.26 < 0.74 < swap.bbox[2]


def test_table_merge_after_a_dropped_column_is_not_a_cascade() -> None:
    cand = [[r[0], r[1], r[3]] for r in REF_TABLE]  # column 3 dropped
    cand[3] = ["Cid 7", "Red", ""]  # then cells 1 and 2 of row 4 written as one (Markdown pads the row)
    found = SceneJudge().compare(Task.TABLE, _table(REF_TABLE), _table(cand))
    assert sorted((d.category, d.severity) for d in found) == [("layout_error", 2), ("layout_error", 3)]
    drop = next(d for d in found if d.severity == 3)
    # Boxed where the column was: the candidate column now in its place (the last one here).
    assert drop.bbox is not None and drop.bbox[0] > 0.6


def test_table_rows_and_columns_changed_across_each_other_are_two_changes() -> None:
    # Columns 1 and 4 swapped span the whole table, as rows 2 and 3 swapped do: they only cross.
    cand = [[r[3], r[1], r[2], r[0]] for r in REF_TABLE]
    cand[1], cand[2] = cand[2], cand[1]
    found = SceneJudge().compare(Task.TABLE, _table(REF_TABLE), _table(cand))
    assert sorted(d.description for d in found) == ["columns 1 and 4 are swapped", "rows 2 and 3 are swapped"]
    # A row and a column dropped: two fields of what the table says are gone, 3 each.
    dropped = [[r[1], r[2], r[3]] for k, r in enumerate(REF_TABLE) if k != 2]
    found = SceneJudge().compare(Task.TABLE, _table(REF_TABLE), _table(dropped))
    assert sorted((d.severity, d.location) for d in found) == [(3, "column 1"), (3, "row 3")]


def test_table_markdown_link_cut_in_two_is_one_split() -> None:
    # '[Bob Ray](https://b.example)' split between its words shows its markup in both halves.
    ref = [list(r) for r in REF_TABLE]
    ref[2][0] = "Bob Ray"
    cand = [list(r) for r in ref]
    cand[2] = ["[Bob", "Ray](https://b.example)", "9", "2"]  # Markdown keeps the row's 4 cells: 'Blue' is lost
    found = SceneJudge().compare(Task.TABLE, _table(ref), _table(cand))
    assert [(d.category, d.severity) for d in found] == [("layout_error", 3)]
    assert "split in two" in found[0].description and "last cell is lost" in found[0].description


def test_table_html_split_that_pushes_a_cell_past_the_grid_loses_nothing() -> None:
    # An HTML row grown by a split: its last cell is drawn in a fifth column the other rows do not have.
    ref = [list(r) for r in REF_TABLE]
    ref[2][0] = "Bob Ray"
    cand = [list(r) for r in ref]
    cand[2] = ["Bob", "Ray", "9", "2", "Blue"]
    found = SceneJudge().compare(Task.TABLE, _table(ref), _table(cand))
    assert [(d.category, d.severity) for d in found] == [("layout_error", 2)]
    assert "split in two" in found[0].description and "lost" not in found[0].description


def _ruled(scene: dict, sides: int) -> dict:
    for cell in scene["cells"]:
        cell["rules"] = sides
    return scene


def test_table_without_its_rules_is_missing_content() -> None:
    # The same cells drawn as loose text: costs more than a missing row, and the items pile up.
    loose = SceneJudge().compare(Task.TABLE, _ruled(_table(REF_TABLE), 4), _ruled(_table(REF_TABLE), 0))
    assert loose and all(d.category == "layout_error" and d.severity == 3 for d in loose)
    assert "without its rules" in loose[0].description
    assert len(loose) == 8  # all of the rules gone: findings.MISSING_ITEMS_ALL
    # Rules recorded on one side only (an old scene) say nothing.
    assert SceneJudge().compare(Task.TABLE, _ruled(_table(REF_TABLE), 4), _table(REF_TABLE)) == []


def test_table_rows_gone_pile_up_with_the_share_missing() -> None:
    def cost(cand: list[list[str]]) -> int:
        return sum(d.severity for d in SceneJudge().compare(Task.TABLE, _table(REF_TABLE), _table(cand)))

    one_row = cost([r for k, r in enumerate(REF_TABLE) if k != 2])
    header_only = cost(REF_TABLE[:1])
    assert one_row == 3  # one row of four: one item
    assert header_only >= 8 * 3  # every data row gone: as much as missing content costs
    assert one_row < cost(REF_TABLE[:2]) < header_only


def test_table_duplicate_row_is_the_later_copy() -> None:
    cand = [list(r) for r in REF_TABLE]
    cand.insert(3, list(REF_TABLE[2]))
    found = SceneJudge().compare(Task.TABLE, _table(REF_TABLE), _table(cand))
    assert [(d.category, d.severity, d.location) for d in found] == [("layout_error", 2, "row 4")]


def _svg(d: str, transform: str | None = None) -> dict:
    el = {"tag": "path", "id": None, "fill": "#000000", "stroke": "none", "stroke_width": 1.0, "transform": transform,
          "text": None, "d": d, "bbox": [0.1, 0.1, 0.6, 0.6]}  # fmt: skip
    return {"viewBox": [0.0, 0.0, 24.0, 24.0], "elements": [el]}


def test_svg_appended_transforms_on_one_element_are_one_discrepancy() -> None:
    # A mirror and a small turn of one path change the same pixels: one item (as the bench's truth merges
    # them), led by the mirror (the higher severity), naming both.
    mirror = "translate(12 12) scale(-1 1) translate(-12 -12)"
    found = SceneJudge().compare(
        Task.SVG, _svg("M2 2 L10 2 L10 10 Z"), _svg("M2 2 L10 2 L10 10 Z", f"{mirror} rotate(6 6 6)")
    )
    assert [(d.category, d.severity) for d in found] == [("text_symbol_error", 2)]
    assert "mirrored" in found[0].description and "rotate(6" in found[0].description


def test_svg_resize_and_a_point_moved_far_are_both_read_and_listed_apart() -> None:
    # Scaled by 1.3 about (6, 6), then one point moved by 3 units (12 % of the canvas): both read. The point's
    # wedge lies off the band the resize changes, so the ground truth (edits merge where they change the same
    # pixels) lists them apart, as the seed-67 SVG bench does (a point moved 6 % or 15 % on a resized path:
    # two items; 2 %: one): two items.
    found = SceneJudge().compare(
        Task.SVG, _svg("M2 2 L10 2 L10 10 L2 10 Z"), _svg("M0.8 0.8 L11.2 0.8 L14.2 11.2 L0.8 11.2 Z")
    )
    assert [(d.category, d.severity) for d in found] == [("shape_error", 3), ("shape_error", 3)]
    assert "scaled by 1.3" in found[0].description and "point moved" in found[1].description


def _svg_doc(body: str) -> dict:
    return svg_scene(
        prepare_svg(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{body}</svg>'), (336, 336)
    )


def test_svg_polygon_resize_and_moved_point_are_read_as_a_paths() -> None:
    ref = _svg_doc('<polygon points="2,2 10,2 10,10 2,10" fill="red"/>')
    assert ref["elements"][0]["points"] == [[2.0, 2.0], [10.0, 2.0], [10.0, 10.0], [2.0, 10.0]]
    cand = _svg_doc('<polygon points="0.8,0.8 11.2,0.8 14.2,11.2 0.8,11.2" fill="red"/>')
    found = SceneJudge().compare(Task.SVG, ref, cand)
    # Read as a path's are: the resize and the point moved far, apart (see the test above).
    assert [(d.category, d.severity) for d in found] == [("shape_error", 3), ("shape_error", 3)]
    assert "scaled by 1.3" in found[0].description and "point moved" in found[1].description


def test_svg_pattern_over_the_icon_is_one_item_and_the_icon_piles_up() -> None:
    icon = '<path d="M2 2 L10 2 L10 10 Z" fill="red"/><circle cx="16" cy="16" r="5" fill="blue"/>'
    grid = "".join(f'<rect x="{x}" y="{y}" width="2" height="2" fill="#{x:02d}{y:02d}99"/>'
                   for x in range(0, 24, 2) for y in range(0, 24, 2))  # fmt: skip
    found = SceneJudge().compare(Task.SVG, _svg_doc(icon), _svg_doc(grid))
    assert sum(1 for d in found if "should not be there" in d.description) == 1  # 144 squares: one change
    assert len(found) <= 10
    assert sum(d.severity for d in found) >= 8 * 3  # none of the icon shows: missing content piles up


def test_svg_edited_shifted_copy_reports_the_copy_and_its_edit() -> None:
    ref = _svg_doc('<path d="M2 2 L10 2 L10 10 Z" fill="red"/><circle cx="18" cy="18" r="3" fill="blue"/>')
    cand = _svg_doc(
        '<path d="M2 2 L10 2 L10 10 Z" fill="red"/>'
        '<path d="M2 2 L10 2 L10 10 Z" fill="red" transform="translate(3 0) rotate(40 6 6)"/>'
        '<circle cx="18" cy="18" r="3" fill="blue"/>'
    )
    found = SceneJudge().compare(Task.SVG, ref, cand)
    # The copy and its edit are one item (they change the same pixels), naming both.
    assert [d.category for d in found] == ["structure_error"]
    assert "shifted copy" in found[0].description and "rotate(40" in found[0].description


def test_chart_pie_explode_and_swapped_labels() -> None:
    def scene(labels: list[str], centres: list[list[float]]) -> dict:
        angles = [(0.0, 90.0), (90.0, 300.0), (300.0, 360.0)]
        wedges = [{"type": "Wedge", "label": lab, "facecolor": "#1f77b4", "theta1": a, "theta2": b, "r": 1.0,
                   "center": c, "bbox": [0.3, 0.3, 0.7, 0.7]}
                  for lab, (a, b), c in zip(labels, angles, centres, strict=True)]  # fmt: skip
        ax = {"bbox": [0.1, 0.1, 0.9, 0.9], "xlim": [-1, 1], "ylim": [-1, 1], "xscale": "linear", "yscale": "linear",
              "patches": wedges, "texts": []}  # fmt: skip
        return {"axes": [ax], "texts": [], "legends": []}

    flat = [[0.0, 0.0]] * 3
    ref = scene(["A", "B", "C"], flat)
    # A slice pulled out by a tenth of the radius: its angle, its share, reads the same -> 1; pulled far -> 2.
    found = SceneJudge().compare(Task.CHART, ref, scene(["A", "B", "C"], [[0.0, 0.0], [0.1, 0.0], [0.0, 0.0]]))
    assert [(d.category, d.severity) for d in found] == [("data_error", 1)]
    found = SceneJudge().compare(Task.CHART, ref, scene(["A", "B", "C"], [[0.0, 0.0], [0.3, 0.0], [0.0, 0.0]]))
    assert [(d.category, d.severity) for d in found] == [("data_error", 2)]
    found = SceneJudge().compare(Task.CHART, ref, scene(["C", "B", "A"], flat))
    assert [(d.category, d.severity) for d in found] == [("text_error", 3)]


def test_chart_texts_recoloured_alike_are_one_discrepancy() -> None:
    def scene(colours: list[str]) -> dict:
        texts = [{"text": f"{k}.0", "color": c, "fontsize": 10.0, "bbox": [0.1 * k, 0.5, 0.1 * k + 0.05, 0.55]}
                 for k, c in enumerate(colours)]  # fmt: skip
        ax = {"bbox": [0.1, 0.1, 0.9, 0.9], "xlim": [0, 1], "ylim": [0, 1], "xscale": "linear", "yscale": "linear",
              "texts": texts}  # fmt: skip
        return {"axes": [ax], "texts": [], "legends": []}

    # A recoloured text reads the same (1), unless it took its background's colour.
    found = SceneJudge().compare(Task.CHART, scene(["#000000", "#ffffff", "#000000"]), scene(["#1f77b4"] * 3))
    assert [(d.category, d.severity) for d in found] == [("style_error", 1)]
    assert found[0].bbox == (0.0, 0.5, 0.25, 0.55)  # the union of the three texts
