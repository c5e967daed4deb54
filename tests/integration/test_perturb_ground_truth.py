"""Ground truth measured on real renderings: charts and SVG through the sandbox pool, tables in Chromium."""

from __future__ import annotations

import random

import pytest

from verm.corpus import generate_chart_programs
from verm.perturb import Edit, PerturbResult, get_perturber, ground_truth_many, measure_many, perturb
from verm.render import get_renderer
from verm.types import CATEGORIES, Task

BARS = """import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(["North", "South", "East", "West"], [12.5, 17.0, 9.5, 14.0], color=["#1f77b4", "#1f77b4", "#1f77b4", "#1f77b4"])
ax.set_title("Revenue by region")
ax.set_ylabel("Revenue (M$)")
"""
HIDDEN_TITLE = """import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 3))
ax.plot([1, 2, 3], [2, 4, 3])
ax.set_title("Hidden caption", visible=False)
"""

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect x="10" y="10" width="30" height="30" fill="#2a9d8f"/>
  <circle cx="70" cy="70" r="20" fill="#e76f51"/>
</svg>"""

TABLE = """| Name | Team | Points |
|---|---|---:|
| Ada | Red | 31 |
| Ben | Blue | 27 |
| Cy | Green | 25 |
| Dee | Red | 19 |
| Eve | Blue | 12 |
"""


def _contains(outer: tuple[float, ...], inner: list[float], tol: float = 0.01) -> bool:
    return (
        outer[0] <= inner[0] + tol
        and outer[1] <= inner[1] + tol
        and outer[2] >= inner[2] - tol
        and outer[3] >= inner[3] - tol
    )


@pytest.fixture(scope="module")
def chart_renderer():  # type: ignore[no-untyped-def]
    with get_renderer("chart", workers=2) as r:
        yield r


def test_chart_ground_truth(chart_renderer) -> None:  # type: ignore[no-untyped-def]
    P = get_perturber("chart")
    # Third bar turns red: the box must cover that bar's patch in the scene.
    red = Edit(
        "color", "style_error", 2, "colour of bar()", "bar 3 is red", {"target": 2, "strong": True, "colour": "#d62728"}
    )
    bar_src = P.apply(BARS, red)
    assert bar_src is not None
    # The same colour spelled differently: the source changes, the picture does not.
    same = Edit(
        "color", "style_error", 1, "colour of bar()", "no change", {"target": 0, "strong": False, "colour": "#1F77B4"}
    )
    same_src = P.apply(BARS, same)
    assert same_src is not None and same_src != BARS
    hidden = P.propose(HIDDEN_TITLE, random.Random(0), "title_text")
    assert hidden is not None
    program = generate_chart_programs(1, seed=3)[0].code
    multi = perturb("chart", program, random.Random(1), n_edits=3)
    items = [
        (BARS, PerturbResult(bar_src, [red])),
        (BARS, PerturbResult(same_src, [same])),
        (HIDDEN_TITLE, PerturbResult(hidden[0], [hidden[1]])),
        (program, multi),
    ]
    measured = measure_many("chart", items, chart_renderer)
    ref = chart_renderer.render(BARS)
    bar_box = ref.scene["axes"][0]["patches"][2]["bbox"]

    [m] = measured[0]
    assert m.status == "ok"
    assert _contains(m.discrepancy.bbox, bar_box)
    # ... and not much more than the bar (the other bars did not change)
    others = ref.scene["axes"][0]["patches"][1]["bbox"]
    assert m.discrepancy.bbox[0] > others[2] - 0.01

    assert [x.status for x in measured[1]] == ["invisible"]
    assert [x.status for x in measured[2]] == ["invisible"]
    kept = [x.discrepancy for x in measured[3] if x.discrepancy]
    assert len(measured[3]) == len(multi.edits)
    for d in kept:
        assert d.category in CATEGORIES[Task.CHART] and d.bbox is not None


def test_svg_ground_truth() -> None:
    P = get_perturber("svg")
    fill = Edit(
        "fill_color", "style_error", 2, "circle", "circle is blue", {"target": 1, "strong": True, "colour": "#1d3557"}
    )
    circle_src = P.apply(SVG, fill)
    assert circle_src is not None and "#1d3557" in circle_src
    same = Edit("fill_color", "style_error", 1, "rect", "same", {"target": 0, "strong": False, "colour": "#2A9D8F"})
    same_src = P.apply(SVG, same)
    assert same_src is not None and same_src != SVG
    drop = P.propose(SVG, random.Random(0), "element_drop")
    assert drop is not None
    with get_renderer("svg", workers=2) as r:
        out = ground_truth_many(
            "svg",
            [
                (SVG, PerturbResult(circle_src, [fill])),
                (SVG, PerturbResult(same_src, [same])),
                (SVG, PerturbResult(drop[0], [drop[1]])),
            ],
            r,
        )
    [d] = out[0]
    # circle: cx 70 cy 70 r 20 of 100 -> [0.5, 0.5, 0.9, 0.9]
    assert _contains(d.bbox, [0.5, 0.5, 0.9, 0.9], tol=0.02)
    assert d.bbox[0] > 0.4 and d.bbox[1] > 0.4
    assert out[1] == []
    [dropped] = out[2]
    assert dropped.category == "structure_error"


def test_table_ground_truth() -> None:
    P = get_perturber("table")
    drop = P.propose(TABLE, random.Random(0), "row_drop")
    assert drop is not None
    new, edit = drop
    row = edit.params["row"]  # grid row (header = 0)
    digit = P.propose(TABLE, random.Random(1), "cell_digit")
    assert digit is not None
    try:
        renderer = get_renderer("table")
    except Exception as exc:  # no Chromium on this machine
        pytest.skip(f"table renderer unavailable: {exc}")
    with renderer as r:
        ref, cand = r.render_many([TABLE, new])
        measured = measure_many(
            "table", [(TABLE, PerturbResult(new, [edit])), (TABLE, PerturbResult(digit[0], [digit[1]]))], r
        )
    assert ref.ok and cand.ok
    [m] = measured[0]
    assert m.status == "ok"
    box = m.discrepancy.bbox
    ref_row = next(c["bbox"] for c in ref.scene["cells"] if c["row"] == row and c["col"] == 0)
    ref_h, cand_h = ref.image().height, cand.image().height
    # The box sits where the dropped row was (pixels from the top; both images are trimmed the same way).
    assert abs(box[1] * cand_h - ref_row[1] * ref_h) <= 3
    assert box[0] < 0.1 and box[2] > 0.9  # the whole row
    [dm] = measured[1]
    assert dm.status == "ok" and dm.discrepancy.category == "numeric_error"
    r_, c_ = digit[1].params["cell"]
    cell = next(c["bbox"] for c in ref.scene["cells"] if c["row"] == r_ and c["col"] == c_)
    assert _contains(dm.discrepancy.bbox, cell, tol=0.03)
