"""Ground truth graded by what shows, on real renderings: edits whose parameter and visible effect
disagree, and overlapping edits merged into one item while edits apart stay apart."""

from __future__ import annotations

from typing import Any

import pytest

from verm.perturb import Edit, PerturbResult, get_perturber, ground_truth_many, measure_many
from verm.render import get_renderer

BARS = """import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
values = {values}
ax.bar(["North", "South", "East", "West"], values, color=["#1f77b4", "#1f77b4", "#ff7f0e", "#2ca02c"])
ax.set_title("Revenue by region")
{extra}"""
SPREAD = BARS.format(values="[100, 90, 2, 80]", extra="")
ZOOMED = BARS.format(values="[100, 101, 99, 100]", extra="ax.set_ylim(95, 105)\n")

ICON = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect x="5" y="5" width="90" height="90" fill="#2a9d8f"/>
  <circle cx="30" cy="30" r="12" fill="#e76f51"/>
  <circle cx="75" cy="75" r="1.5" fill="#264653"/>
</svg>"""

TABLE = """<table>
<thead><tr><th>City</th><th>Region</th><th>Sales</th><th>Note</th></tr></thead>
<tbody>
<tr><td>Oslo</td><td>North</td><td>12k</td><td></td></tr>
<tr><td>Rome</td><td>South</td><td>31k</td><td>busy</td></tr>
<tr><td>Lima</td><td>West</td><td>27k</td><td>quiet</td></tr>
<tr><td>Pune</td><td>East</td><td>19k</td><td>new</td></tr>
<tr><td>Kyiv</td><td>North</td><td>22k</td><td>old</td></tr>
</tbody>
</table>"""


def _chain(task: str, source: str, *steps: tuple[str, dict[str, Any]]) -> tuple[str, PerturbResult]:
    """The pair (reference, result) made by replaying ``steps`` (op, choices) one after the other."""
    perturber = get_perturber(task)
    current, edits = source, []
    for op, params in steps:
        out = perturber.replay(current, op, params)
        assert out is not None, f"{op} {params} does not apply"
        current, edit = out
        edits.append(edit)
    return source, PerturbResult(current, edits)


def _one(measured: list[Any]) -> tuple[Edit, int]:
    [m] = measured
    assert m.status == "ok", m.reason
    return m.edit, m.discrepancy.severity


@pytest.fixture(scope="module")
def chart_renderer():  # type: ignore[no-untyped-def]
    with get_renderer("chart", workers=2) as r:
        yield r


def test_chart_severity_follows_the_reading_not_the_parameter(chart_renderer) -> None:  # type: ignore[no-untyped-def]
    items = [
        # A small value doubled: 80 % by the parameter, under 2 % of the axis for the reader.
        _chain("chart", SPREAD, ("data_point", {"kind": "list", "factor": 1.8, "target": 0, "index": 2})),
        # 3 % by the parameter, but the axis shows 95-105: the bar reads 30 % of the axis higher.
        _chain("chart", ZOOMED, ("data_point", {"kind": "list", "factor": 1.03, "target": 0, "index": 1})),
        # Another distinct colour: the series stay apart (minor) ...
        _chain("chart", SPREAD, ("color", {"target": 0, "strong": True, "colour": "#9467bd"})),
        # ... the colour of another series: two series look alike.
        _chain("chart", SPREAD, ("color", {"target": 0, "strong": True, "colour": "#ff7f0e"})),
    ]
    measured = measure_many("chart", items, chart_renderer)
    big_param, graded = _one(measured[0])
    assert (big_param.severity, graded) == (3, 1)
    small_param, graded = _one(measured[1])
    assert (small_param.severity, graded) == (1, 3)
    distinct, graded = _one(measured[2])
    assert (distinct.severity, graded) == (2, 1)
    alike, graded = _one(measured[3])
    assert (alike.severity, graded) == (2, 2)


def test_chart_edits_on_the_same_pixels_are_one_item_and_edits_beside_or_apart_are_two(chart_renderer) -> None:  # type: ignore[no-untyped-def]
    bar = ("data_point", {"kind": "list", "factor": 0.7, "target": 0, "index": 0})
    purple = ("color", {"target": 0, "strong": True, "colour": "#9467bd"})
    items = [
        # The series recoloured twice: the same pixels change, one recolouring to an annotator.
        _chain("chart", SPREAD, purple, ("color", {"target": 0, "strong": True, "colour": "#8c564b"})),
        # A bar cut by 30 % and its series recoloured: the lost top lies beside the recoloured bars.
        _chain("chart", SPREAD, bar, purple),
        _chain("chart", SPREAD, bar, ("title_text", {"target": 0, "kind": "typo", "text": "Revenue by regoin"})),
    ]
    same, beside, apart = ground_truth_many("chart", items, chart_renderer)
    [item] = same
    assert item.category == "style_error" and "on the same place" in item.description
    assert sorted((d.category, d.severity) for d in beside)[0] == ("data_error", 3)  # read 30 % of the axis lower
    assert sorted(d.category for d in beside) == ["data_error", "style_error"]
    assert sorted(d.category for d in apart) == ["data_error", "text_error"]
    a, b = apart
    assert a.bbox[3] <= b.bbox[1] or b.bbox[3] <= a.bbox[1]  # the title lies above the bars


LINES = """import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot([1, 2, 3, 4, 5], [3, 5, 4, 6, 7], label="north")
ax.plot([1, 2, 3, 4, 5], [40, 55, 48, 62, 70], label="south")
ax.set_title("Sales")
ax.legend()
"""


def _statuses(measured: list[Any]) -> list[tuple[str, str]]:
    return [(m.edit.op, m.status) for m in measured]


def test_a_chart_edit_a_later_edit_erased_is_not_an_item(chart_renderer) -> None:  # type: ignore[no-untyped-def]
    perturber = get_perturber("chart")
    # The series turned to bars, then dropped: the candidate lacks the series, and no bar shows.
    to_bars = ("chart_type", {"target": 1})
    drop = ("series_drop", {"target": 1})
    ref, result = _chain("chart", LINES, to_bars, drop)
    assert perturber.replay(LINES, *drop) is not None  # the drop applies without the bars as well
    [measured] = measure_many("chart", [(ref, result)], chart_renderer)
    assert _statuses(measured) == [("chart_type", "overwritten"), ("series_drop", "ok")]
    [item] = ground_truth_many("chart", [(ref, result)], chart_renderer)[0]
    assert (item.category, item.severity) == ("data_error", 3) and "bars" not in item.description
    # Two edits that undo each other: the candidate looks like the reference, nothing is true.
    up = ("data_point", {"kind": "list", "factor": 2.0, "target": 3, "index": 2})
    down = ("data_point", {"kind": "list", "factor": 0.5, "target": 3, "index": 2})
    ref, undone = _chain("chart", LINES, up, down)
    assert undone.source == LINES
    assert ground_truth_many("chart", [(ref, undone)], chart_renderer) == [[]]


def test_chart_items_do_not_depend_on_the_order_of_the_edits(chart_renderer) -> None:  # type: ignore[no-untyped-def]
    drop = ("series_drop", {"target": 0})
    log = ("axis_scale", {"mode": "insert", "axes": 0})
    to_bars = ("chart_type", {"target": 1})
    # Either order makes the same candidate image (the sources differ only in where a line was inserted).
    pairs = [_chain("chart", LINES, drop, log), _chain("chart", LINES, log, drop)]
    pairs += [_chain("chart", LINES, to_bars, log), _chain("chart", LINES, log, to_bars)]
    images = [r.png for r in chart_renderer.render_many([res.source for _, res in pairs])]
    assert images[0] == images[1] and images[2] == images[3]
    truths = ground_truth_many("chart", pairs, chart_renderer)

    def read(items: list[Any]) -> list[tuple[str, int, tuple[float, ...]]]:
        return sorted((d.category, d.severity, tuple(d.bbox)) for d in items)

    assert read(truths[0]) == read(truths[1])
    assert read(truths[2]) == read(truths[3])


def test_svg_severity_follows_the_outline_not_the_parameter() -> None:
    items = [
        # A circle turned about its centre: a large transform that shows nothing.
        _chain("svg", ICON, ("transform", {"target": 1, "kind": "rotate", "small": False, "amount": 60.0})),
        # A tiny dot doubled: "scaled by more than 50 %", its outline moves 1.5 % of the side.
        _chain("svg", ICON, ("shape_size", {"target": 2, "factor": 2.0})),
        # The icon's body shrunk by 12 %: "within 12 %", yet its outline moves 5.4 % of the side.
        _chain("svg", ICON, ("shape_size", {"target": 0, "factor": 0.88})),
    ]
    with get_renderer("svg", workers=2) as r:
        measured = measure_many("svg", items, r)
        truth = ground_truth_many("svg", items[:1], r)
    [turned] = measured[0]
    assert turned.edit.severity >= 2 and turned.status == "invisible"
    assert truth == [[]]
    dot, graded = _one(measured[1])
    assert (dot.severity, graded) == (3, 1)
    body, graded = _one(measured[2])
    assert (body.severity, graded) == (1, 2)


def test_svg_edits_on_one_shape_merge_and_edits_apart_do_not() -> None:
    grow = ("shape_size", {"target": 1, "factor": 1.3})
    items = [
        _chain("svg", ICON, grow, ("fill_color", {"target": 1, "strong": True, "colour": "#1d3557"})),
        _chain("svg", ICON, grow, ("fill_color", {"target": 2, "strong": True, "colour": "#ffd700"})),
    ]
    with get_renderer("svg", workers=2) as r:
        measured = measure_many("svg", items, r)
        same, apart = ground_truth_many("svg", items, r)
    assert [m.item for m in measured[0]] == [0, 0]
    [item] = same
    severities = [m.discrepancy.severity for m in measured[0]]
    assert item.severity >= max(severities)
    assert item.category == max(measured[0], key=lambda m: m.discrepancy.severity).edit.category
    boxes = [m.discrepancy.bbox for m in measured[0]]
    assert item.bbox == tuple(min(b[k] for b in boxes) if k < 2 else max(b[k] for b in boxes) for k in range(4))
    assert [m.item for m in measured[1]] == [0, 1]
    assert len(apart) == 2


@pytest.fixture(scope="module")
def table_renderer():  # type: ignore[no-untyped-def]
    try:
        renderer = get_renderer("table")
    except Exception as exc:  # no Chromium on this machine
        pytest.skip(f"table renderer unavailable: {exc}")
    with renderer as r:
        yield r


def test_table_severity_follows_what_is_read(table_renderer) -> None:  # type: ignore[no-untyped-def]
    items = [
        # A merge of a value with an empty cell: only a rule goes, nothing reads differently.
        _chain("table", TABLE, ("cell_merge", {"cell": [1, 2]})),
        # A merge of two filled cells: their texts run together.
        _chain("table", TABLE, ("cell_merge", {"cell": [2, 0]})),
        # One glyph: 31k -> 31M, the value reads a thousand times off.
        _chain("table", TABLE, ("cell_unit", {"cell": [2, 2]})),
    ]
    measured = measure_many("table", items, table_renderer)
    assert [_one(ms)[1] for ms in measured] == [1, 2, 3]
    assert "31M" in measured[2][0].edit.description


def test_table_edits_inside_one_change_merge_and_crossing_ones_do_not(table_renderer) -> None:  # type: ignore[no-untyped-def]
    swap = ("row_swap", {"rows": [2, 3]})
    items = [
        # Two cells merged inside the swapped rows: one change to the eye.
        _chain("table", TABLE, swap, ("cell_merge", {"cell": [2, 0]})),
        # A digit changed inside the swapped rows: a number that reads wrong is its own error.
        _chain("table", TABLE, swap, ("cell_digit", {"cell": [2, 2], "pos": 0, "digit": "9"})),
        # A duplicated column that only crosses the swapped rows, and a cell apart: three changes.
        _chain(
            "table",
            TABLE,
            swap,
            ("col_duplicate", {"col": 0}),
            ("cell_text", {"cell": [5, 4], "kind": "typo", "text": "odl"}),
        ),
    ]
    measured = measure_many("table", items, table_renderer)
    truth = ground_truth_many("table", items, table_renderer)
    assert [m.status for ms in measured for m in ms] == ["ok"] * 7
    [item] = truth[0]
    assert item.category == "layout_error" and "on the same place" in item.description
    assert [m.item for m in measured[1]] == [0, 1]
    assert sorted((d.category, d.severity) for d in truth[1]) == [("layout_error", 2), ("numeric_error", 3)]
    assert [m.item for m in measured[2]] == [0, 1, 2]
    assert sorted(d.category for d in truth[2]) == ["layout_error", "layout_error", "text_error"]


def test_table_row_and_column_edits_only_cross(table_renderer) -> None:  # type: ignore[no-untyped-def]
    # Columns 1 and 4 swapped span the whole table, and so do rows 2 and 3 swapped: an annotator sees
    # two changes where they cross; a row and a wide column dropped likewise.
    items = [
        _chain("table", TABLE, ("row_swap", {"rows": [2, 3]}), ("col_swap", {"cols": [0, 3]})),
        _chain("table", TABLE, ("row_drop", {"row": 2}), ("col_drop", {"col": 0})),
    ]
    truth = ground_truth_many("table", items, table_renderer)
    assert sorted((d.severity, d.location) for d in truth[0]) == [(2, "columns 1 and 4"), (2, "rows 3 and 4")]
    assert sorted((d.severity, d.location) for d in truth[1]) == [(3, "column 1"), (3, "row 3")]
    assert not any("on the same place" in d.description for ts in truth for d in ts)


OUTLINE = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <path d="M10 10 H90 V90 H10 Z M20 20 H80 V80 H20 Z M30 30 H70 V70 H30 Z M40 40 H60 V60 H40 Z"
        fill="none" stroke="#264653" stroke-width="2"/>
</svg>"""


def test_an_outline_shrunk_far_is_graded_by_how_far_its_ink_went() -> None:
    # Nested squares shrunk to half: each new square lies a few pixels from an old one, so "where the new
    # ink came from" reads a short move (severity 2); the outer squares' ink went 20 % of the side.
    items = [_chain("svg", OUTLINE, ("shape_size", {"target": 0, "factor": 0.5}))]
    with get_renderer("svg", workers=1) as r:
        measured = measure_many("svg", items, r)
    _, graded = _one(measured[0])
    assert graded == 3


AREA = """import matplotlib.pyplot as plt
years = [2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008]
supply = [30.8, 30.2, 31.3, 27.8, 26.8, 22.7, 27.1, 30.5]
demand = [24.6, 32.1, 22.8, 18.6, 23.4, 20.8, 18.4, 18.7]
fig, ax = plt.subplots(figsize=(5, 3.5))
ax.plot(years, supply, label="Supply")
ax.plot(years, demand, label="Demand")
ax.set_xlim(2001, 2008)
"""


def test_chart_data_pushed_out_of_fixed_limits_reads_as_data_missing(chart_renderer) -> None:  # type: ignore[no-untyped-def]
    # Years scaled by 1.032 (2001 -> 2065) with the x range fixed: the plot shows empty axes.
    gone = _chain("chart", AREA, ("data_series", {"kind": "list", "factor": 1.032, "target": 0}))
    # Supply scaled by 1.032 within an autoscaled y range: a small change of values, nothing hidden.
    kept = _chain("chart", AREA, ("data_series", {"kind": "list", "factor": 1.032, "target": 1}))
    hidden, scaled = ground_truth_many("chart", [gone, kept], chart_renderer)
    [item] = hidden
    assert (item.category, item.severity) == ("data_error", 3)
    assert item.description.startswith("all of the plotted data is out of view")
    [item] = scaled
    assert "out of view" not in item.description


def test_svg_items_do_not_depend_on_the_order_of_the_edits() -> None:
    # The icon's body shrunk and recoloured: stepwise, the recolour covers the whole old body or only the
    # shrunk one, so its overlap with the shrink changed with the chain's order.
    items = []
    for factor in (0.6, 1.3):
        shrink = ("shape_size", {"target": 0, "factor": factor})
        paint = ("fill_color", {"target": 0, "strong": True, "colour": "#1d3557"})
        items += [_chain("svg", ICON, shrink, paint), _chain("svg", ICON, paint, shrink)]
    with get_renderer("svg", workers=2) as r:
        truths = ground_truth_many("svg", items, r)

    # Boxes stay each edit's own step (where its pixels changed); which items there are does not.
    def read(items: list[Any]) -> list[tuple[str, int]]:
        return sorted((d.category, d.severity) for d in items)

    assert len(truths[0]) == 2 and read(truths[0]) == read(truths[1])
    assert len(truths[2]) == 1 and read(truths[2]) == read(truths[3])


def test_svg_footprints_in_the_candidate_only_where_leaving_the_edit_out_replays_the_others() -> None:
    # The rect dropped, then "<circle> element 1" recoloured: the second circle once the rect is gone, the
    # first without the drop (the same description, another element): that candidate is no measure of the
    # drop. Left out last, the recolour replays the rest as they were.
    shifted = _chain(
        "svg", ICON, ("element_drop", {"target": 0}), ("fill_color", {"target": 1, "strong": True, "colour": "#ffd700"})
    )
    faithful = _chain(
        "svg",
        ICON,
        ("shape_size", {"target": 1, "factor": 1.3}),
        ("fill_color", {"target": 1, "strong": True, "colour": "#1d3557"}),
    )
    with get_renderer("svg", workers=2) as r:
        measured = measure_many("svg", [shifted, faithful], r)
    assert all(m.status == "ok" for ms in measured for m in ms)
    assert [m.footprint is None for m in measured[0]] == [True, False]
    assert [m.footprint is None for m in measured[1]] == [False, False]
