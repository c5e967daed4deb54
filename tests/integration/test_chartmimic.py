"""ChartMimic's low-level scores on real renders (sandboxed, traced), each worked out
by hand from the definitions (P = matched / |gen|, R = matched / |ref|, F1 = 2PR / (P + R)).

The reference: two subplots of a 2x2 grid, at (0, 0) and (1, 1); a bar chart
titled "Sales" (one colour) and a line titled "Trend" with the x label "Year".
"""

from __future__ import annotations

import pytest
from skimage.color import deltaE_ciede2000

from verm.judge import get_judge
from verm.judge.baselines.chartmimic import ChartMimicJudge, _lab, color_score, type_score
from verm.render.chart import ChartRenderer
from verm.types import Status, Task

REFERENCE = """
import matplotlib.pyplot as plt
fig = plt.figure(figsize=(8, 6))
left = fig.add_subplot(2, 2, 1)
left.bar(["A", "B", "C"], [3, 5, 2], color="#1f77b4")
left.set_title("Sales")
right = fig.add_subplot(2, 2, {slot})
right.plot([1, 2, 3], [2, 4, 3], color="{line}")
right.set_title("Trend")
right.set_xlabel("Year")
"""


def program(slot: int = 4, line: str = "#d62728", title: str = "Sales", bar: bool = True) -> str:
    src = REFERENCE.replace("{slot}", str(slot)).replace("{line}", line).replace('"Sales"', f'"{title}"')
    if not bar:
        src = src.replace(
            'left.bar(["A", "B", "C"], [3, 5, 2], color="#1f77b4")',
            'left.plot(["A", "B", "C"], [3, 5, 2], color="#1f77b4")',
        )
    return src


NO_CALLS = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.set_title("Sales")
"""

SHIFTED = "#c23a2f"  # the line's red, shifted


@pytest.fixture(scope="module")
def rendered():
    sources = {
        "reference": program(),
        "text": program(title="Revenue"),
        "moved": program(slot=2),
        "bar_to_line": program(bar=False),
        "colour": program(line=SHIFTED),
        "no_calls": NO_CALLS,
    }
    with ChartRenderer(workers=2) as r:
        out = dict(zip(sources, r.render_many(list(sources.values())), strict=True))
    for name, rendering in out.items():
        assert rendering.ok, (name, rendering.reason)
    return out


def test_the_trace_holds_what_the_definitions_need(rendered):
    trace = rendered["reference"].scene["trace"]
    assert trace["calls"] == {"bar": 1, "plot": 1}
    assert sorted(trace["texts"]) == ["Sales", "Trend", "Year"]  # tick labels (A, B, C, numbers) excluded
    assert sorted(map(tuple, trace["layout"])) == [(2, 2, 0, 0, 0, 0), (2, 2, 1, 1, 1, 1)]
    assert trace["colors"] == {"bar": ["#1f77b4"], "plot": ["#d62728"]}


def judge(rendered, name: str):
    j = ChartMimicJudge().judge(Task.CHART, rendered["reference"], rendered[name])
    assert j.status is Status.OK, j.reason
    scores = dict(part.split("=") for part in j.raw.split())
    return j, {k: float(v) for k, v in scores.items()}


def test_identical_programs_score_one(rendered):
    j, s = judge(rendered, "reference")
    assert s == {"chartmimic": 1.0, "text": 1.0, "layout": 1.0, "type": 1.0, "color": 1.0}
    assert j.similarity == 1.0


def test_text_changed(rendered):
    # texts: gen {Revenue, Trend, Year}, ref {Sales, Trend, Year}: 2 matched, P = R = 2/3, F1 = 2/3.
    j, s = judge(rendered, "text")
    assert s["text"] == pytest.approx(2 / 3, abs=1e-4)
    assert (s["layout"], s["type"], s["color"]) == (1.0, 1.0, 1.0)
    assert j.similarity == pytest.approx((2 / 3 + 3) / 4)


def test_subplot_moved(rendered):
    # layout: gen {(2,2,0,0,0,0), (2,2,0,0,1,1)}, ref {(2,2,0,0,0,0), (2,2,1,1,1,1)}: 1 matched of 2 -> F1 = 1/2.
    j, s = judge(rendered, "moved")
    assert s["layout"] == pytest.approx(0.5)
    assert (s["text"], s["type"], s["color"]) == (1.0, 1.0, 1.0)
    assert j.similarity == pytest.approx(3.5 / 4)


def test_bar_became_line(rendered):
    # type: gen {plot: 2}, ref {bar: 1, plot: 1}: Σ min = 1, P = 1/2, R = 1/2, F1 = 1/2.
    # colour: gen {plot: [#1f77b4, #d62728]}, ref {bar: [#1f77b4], plot: [#d62728]}: only the plot group
    # matches (#d62728 with itself, S = 1): P = 1/2, R = 1/2, F1 = 1/2. Texts and layout unchanged.
    j, s = judge(rendered, "bar_to_line")
    assert s["type"] == pytest.approx(0.5)
    assert s["color"] == pytest.approx(0.5)
    assert (s["text"], s["layout"]) == (1.0, 1.0)
    assert j.similarity == pytest.approx(0.75)


def test_one_colour_shifted(rendered):
    # colour: bar group S = 1; plot group S = 1 - ΔE00(#c23a2f, #d62728) / 100; P = R = (1 + S) / 2,
    # so F1 = 1 - ΔE00 / 200.
    de = float(deltaE_ciede2000(*_lab(["#c23a2f", "#d62728"])))
    assert 2.0 < de < 20.0  # a visible shift, far from the 100 cap
    j, s = judge(rendered, "colour")
    assert s["color"] == pytest.approx(1 - de / 200, abs=1e-4)
    assert (s["text"], s["layout"], s["type"]) == (1.0, 1.0, 1.0)
    assert j.similarity == pytest.approx((3 + 1 - de / 200) / 4, abs=1e-4)


def test_ciede2000_is_the_published_formula():
    # Sharma, Wu & Dalal (2005), test pairs 1 and 17 of their CIEDE2000 data set.
    import numpy as np

    pairs = [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ]
    for lab1, lab2, expected in pairs:
        assert float(deltaE_ciede2000(np.array(lab1), np.array(lab2))) == pytest.approx(expected, abs=1e-4)


def test_no_traced_calls_is_defined_and_independent_of_the_previous_pair(rendered):
    # Judged right after a full match, the empty program still gets its own numbers (ChartMimic's code
    # would keep the previous sample's): type and colour have one empty side -> 0; texts: gen {Sales},
    # ref {Sales, Trend, Year}: P = 1, R = 1/3, F1 = 1/2; layout: gen {(1,1,0,0,0,0)} -> 0.
    assert judge(rendered, "reference")[0].similarity == 1.0
    j, s = judge(rendered, "no_calls")
    assert (s["type"], s["color"], s["layout"]) == (0.0, 0.0, 0.0)
    assert s["text"] == pytest.approx(0.5)
    assert j.similarity == pytest.approx(0.125)
    # Two programs that both draw nothing agree on type and colour.
    assert type_score({}, {}) == 1.0 and color_score({}, {}) == 1.0


def test_colour_assignment_is_polynomial():
    # 60 colours a side: factorial brute force could never finish; the Hungarian solver pairs each with itself.
    import matplotlib

    colours = sorted(
        {
            matplotlib.colors.to_hex(c)
            for c in matplotlib.colormaps["tab20"].colors
            + matplotlib.colormaps["tab20b"].colors
            + matplotlib.colormaps["tab20c"].colors
        }
    )
    assert len(colours) >= 55
    assert color_score({"bar": colours}, {"bar": list(reversed(colours))}) == pytest.approx(1.0)


def test_failures_say_why(rendered):
    from verm.types import Rendering

    image_only = Rendering(task=Task.CHART, png=rendered["reference"].png)
    j = get_judge("chartmimic").judge(Task.CHART, image_only, rendered["text"])
    assert j.status is Status.JUDGE_ERROR and "reference" in j.reason and "no scene" in j.reason
    j = get_judge("chartmimic").judge(Task.SVG, rendered["reference"], rendered["text"])
    assert j.status is Status.JUDGE_ERROR and "svg" in j.reason
