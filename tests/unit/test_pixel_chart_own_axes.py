"""Pixel judge, charts: where the data are read, and what is no data there.

Round 19's split (READ after its measurement) left twelve pixel hacks at or above an honest candidate. Each
came from the marks or frames the hidden-data rules read, not from the rules themselves:

- a point-and-figure chart's columns of X and O glyphs, on a grid denser than the dash gap, closed into
  "dashed grid lines" and set aside: the empty axes hid 9 % of the plot ink, one item;
- a box of grey bars' edges beside the y axis read as a subplot of its own, and a radar's translucent polygons
  as its plot frame: a diagonal line drawn over them stood in for the data;
- a fresh axes drawn smaller (the "diagonal line" hack) put its tick labels, and its grey figure (matplotlib's
  grayscale style), where the reference's data are: marks of its own, or the data's light grey kept;
- dots at random over despined scatter panels, in the series' colours, read as the panels laid out anew;
- the texts alone on the grayscale style's grey canvas read as noise, five items at most.
"""

from __future__ import annotations

import numpy as np
import pytest
from tests.unit.test_pixel_chart_rules import judge

from verm.bench.hacks import HACK_KINDS, hack_sources
from verm.corpus import generate_chart_program
from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart_bare import BARE_PARTS
from verm.judge.pixel.chart_frames import _cut_from, _y_ticks_changed
from verm.judge.pixel.chart_marks import _long_runs
from verm.judge.pixel.chart_redrawn import _ruler
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.hidden import HIDDEN_PARTS
from verm.render.chart import ChartRenderer
from verm.types import Discrepancy, Rendering, Task

__all__ = ["judge"]  # the shared PixelJudge fixture

_Rendered = dict[str, tuple[Rendering, Rendering]]

#: A point-and-figure chart: columns of X and O glyphs on a grid one box apart, a dashed trend line.
_POINT_AND_FIGURE = """
import matplotlib.pyplot as plt
import numpy as np
plt.style.use("grayscale")
rng = np.random.default_rng(3)
fig, ax = plt.subplots(figsize=(10, 6.5))
low = 100
for col in range(18):
    n = int(rng.integers(3, 9))
    up = col % 2 == 0
    for k in range(n):
        ax.text(col, low + 2 * k, "X" if up else "O", ha="center", va="center", family="monospace",
                color="black" if up else "0.45")
    low += 2 * (n - 3) if up else -2 * (n - 4)
ax.plot([0.5, 17.5], [{trend}], "k--", lw=1)
ax.set_xlim(-1, 18)
ax.set_ylim(90, 150)
ax.set_yticks(np.arange(90, 151, 2), minor=True)
ax.grid(which="both", axis="y", color="0.7", lw=0.6)
ax.grid(which="major", axis="x", color="0.5", lw=0.6)
ax.set_title("Point & figure, box 2 x 3 reversal")
"""

#: Grey hatched bars with black edges, grouped by benchmark, in the grayscale style.
_HATCHED_BARS = """
import matplotlib.pyplot as plt
import numpy as np
plt.style.use("grayscale")
names = ["MNIST-C", "CIFAR-10-C", "ImageNet-R", "ObjectNet", "WILDS"]
acc = np.array([[91, 92, 93, 94], [64, 67, 72, 76], [36, 38, 41, 45], [28, 29, 30, 33], [61, 62, 64, 67]])
fig, ax = plt.subplots(figsize=(7, 3.2))
x = np.arange(5)
for k, (fill, hatch, label) in enumerate(zip(["white", "0.85", "0.6", "0.35"], ["", "//", "xx", ".."],
                                             ["ERM", "Mixup", "AugMix", "Ours"])):
    ax.bar(x + (k - 1.5) * 0.2, acc[:, k], 0.2, color=fill, edgecolor="black", hatch=hatch, lw=0.6, label=label)
ax.set_xticks(x, names)
ax.set_ylabel("Top-1 accuracy (%)")
ax.set_ylim(0, 100)
ax.legend(ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
"""

#: A radar of three models, translucent fills, no spines.
_RADAR = """
import matplotlib.pyplot as plt
import numpy as np
axes = ["Reasoning", "Coding", "Math", "Knowledge", "Safety", "Multilingual", "Long context"]
scores = {"A": [78, 66, 70, 82, 88, 52, 47], "B": [70, 83, 63, 74, 74, 65, 81], "C": [62, 58, 48, 85, 80, 84, 62]}
theta = np.linspace(0, 2 * np.pi, len(axes), endpoint=False)
fig, ax = plt.subplots(figsize=(6.5, 6.5), subplot_kw={"projection": "polar"})
for (name, values), colour in zip(scores.items(), ["#e41a1c", "#377eb8", "#4daf4a"]):
    v = np.r_[values, values[:1]]
    t = np.r_[theta, theta[:1]]
    ax.plot(t, v, "-o", color=colour, lw=2, ms=4, label=f"Model {name}")
    ax.fill(t, v, color=colour, alpha=0.12)
ax.set_theta_offset(np.pi / 2)
ax.set_theta_direction(-1)
ax.set_xticks(theta, axes)
ax.set_ylim(0, 100)
ax.legend(loc="upper right", bbox_to_anchor=(1.25, 1.1))
ax.set_title("Benchmark profile")
"""

#: (reference, candidate kind): the programs, rendered once by the sandboxed renderer, as the bench renders them.
_PAIRS: dict[str, tuple[str, str]] = {
    "point and figure, empty": (_POINT_AND_FIGURE.format(trend="94, 134"), "axes without data"),
    "point and figure, trend moved": (
        _POINT_AND_FIGURE.format(trend="94, 134"),
        _POINT_AND_FIGURE.format(trend="94, 160"),
    ),
    "hatched bars, diagonal": (_HATCHED_BARS, "diagonal line"),
    "hatched bars, texts": (_HATCHED_BARS, "text only"),
    "radar, diagonal": (_RADAR, "diagonal line"),
    "scatter panels, dots": (generate_chart_program(617000060).code, "random dots"),
}


@pytest.fixture(scope="module")
def rendered() -> _Rendered:
    sources: list[str] = []
    for ref, kind in _PAIRS.values():
        cand = hack_sources(Task.CHART, ref, [kind])[kind] if kind in HACK_KINDS[Task.CHART] else kind
        sources += [ref, cand]
    with ChartRenderer(workers=2) as renderer:
        out = renderer.render_many(sources)
    assert all(r.png for r in out), [r.reason for r in out if not r.png]
    return {name: (out[2 * k], out[2 * k + 1]) for k, name in enumerate(_PAIRS)}


def _judge(judge: PixelJudge, rendered: _Rendered, name: str) -> list[Discrepancy]:
    ref, cand = rendered[name]
    return judge.judge_images(Task.CHART, ref.image(), cand.image())


def _hidden(found: list[Discrepancy]) -> list[Discrepancy]:
    return [
        d for d in found if "hid" in d.description and ("plotted data" in d.description or "content" in d.description)
    ]


def test_x_and_o_glyphs_on_a_dense_grid_are_the_data(judge: PixelJudge, rendered: _Rendered) -> None:
    # The empty axes hide every glyph, not 9 % of the plot ink.
    assert len(_hidden(_judge(judge, rendered, "point and figure, empty"))) > HIDDEN_PARTS
    # An honest edit, the trend line steeper: the glyphs are all there.
    found = _judge(judge, rendered, "point and figure, trend moved")
    assert not _hidden(found)
    assert sum(d.severity for d in found) <= 6


def test_a_diagonal_line_over_grey_hatched_bars_hides_them(judge: PixelJudge, rendered: _Rendered) -> None:
    # The bars' edges beside the y axis closed a "subplot" of the first group; the fresh axes' grey figure and
    # tick labels stood where the bars were; the line's fit, tilted by those labels, found no ruler.
    assert len(_hidden(_judge(judge, rendered, "hatched bars, diagonal"))) > HIDDEN_PARTS


def test_the_texts_alone_on_a_grey_canvas_hide_everything(judge: PixelJudge, rendered: _Rendered) -> None:
    hidden = _hidden(_judge(judge, rendered, "hatched bars, texts"))
    assert len(hidden) == BARE_PARTS
    assert "draws nothing of its own" in hidden[0].description


def test_a_diagonal_line_over_a_radar_hides_it(judge: PixelJudge, rendered: _Rendered) -> None:
    # A guard: the translucent polygons' box may read as the chart's "frame" (the gallery's radar did), and the line
    # drawn across it must not stand in for the data.
    assert len(_hidden(_judge(judge, rendered, "radar, diagonal"))) >= HIDDEN_PARTS


def test_dots_at_random_over_despined_scatters_are_no_new_layout(judge: PixelJudge, rendered: _Rendered) -> None:
    # The generator's scatter beside an errorbar panel, both despined (seed 617's slot 60): dots at random in the
    # series' colours were new ink enough to read as the panels laid out anew, one item. A candidate drawing
    # nothing of its own there (dots aside) lays nothing out anew.
    hidden = _hidden(_judge(judge, rendered, "scatter panels, dots"))
    assert len(hidden) > HIDDEN_PARTS
    assert "draws nothing of its own" in hidden[0].description


def _runs(img: np.ndarray, gap: int = 35) -> tuple[np.ndarray, np.ndarray]:
    h, w = img.shape
    return _long_runs(img.astype(np.uint8), gap, w, h, 0.8)


def test_long_runs_close_dashed_lines_not_glyph_columns_or_grid_rows() -> None:
    img = np.zeros((400, 600), np.uint8)
    img[200, 10:590:6] = 1  # a dotted horizontal line, 1 px on, 5 off, across the frame
    img[200, 11:590:6] = 1
    hor, _ = _runs(img)
    assert hor[200, 100:500].all()
    # A column of O glyphs over half the plot (their sides, 8 px of every 20) is no dashed line across it, nor
    # are grid rows 20 px apart closed across each other into one block.
    img = np.zeros((400, 600), np.uint8)
    img[20:380:20, :] = 1
    for top in range(110, 290, 20):
        img[top : top + 8, 300] = img[top : top + 8, 308] = 1
    _, ver = _runs(img)
    assert not ver[:, 250:350].any()
    # A solid vertical spine is a line all the same.
    img[:, 100] = 1
    _, ver = _runs(img)
    assert ver[50:350, 100].all()


def test_a_ruler_is_found_beside_a_fresh_axes_tick_labels() -> None:
    # A diagonal line across the plot, and beside its left end the tick labels of the fresh axes it was drawn on:
    # a Huber fit to both tilted by a few px a line, leaving a third of the line's ink within 2 px of it.
    new = np.zeros((300, 700), bool)
    for x in range(60, 660):
        y = round(280 - 0.42 * (x - 60))
        new[y : y + 2, x] = True
    for y in range(40, 290, 40):
        new[y : y + 6, 14:30] = True  # the labels
    ruler = _ruler(new, new, [(50, 10, 680, 295)])
    assert ruler is not None
    assert ruler[150:300, 60:300].any() and ruler[:150, 400:660].any()
    assert not ruler[:, :45].any()


def test_a_box_on_three_of_the_frame_s_sides_is_a_piece_of_it() -> None:
    frame = (68, 45, 686, 283)
    assert _cut_from((67, 44, 203, 284), frame)  # closed by a bar's edge beside the y axis
    assert not _cut_from((300, 100, 500, 250), frame)  # an inset
    assert not _cut_from((68, 45, 685, 283), frame)  # the frame itself


def _ticks_changed(cand_paint: tuple[int, int, int]) -> bool:
    ref = np.full((300, 400, 3), 255, np.uint8)
    ref[40:262, 80:82] = ref[260:262, 80:370] = 0  # the axes
    for y in range(50, 260, 50):
        ref[y : y + 6, 50:72] = 60  # tick labels
    cand = ref.copy()
    cand[172:180, 60:68] = cand_paint  # beside the y axis, between two labels
    (_, ref_ink), (_, cand_ink) = _lab_ink(ref), _lab_ink(cand)
    return _y_ticks_changed(
        _Ctx(Task.CHART, ref, cand, ref_ink, cand_ink, (80, 40, 370, 262), None), (80, 40, 370, 262)
    )


def test_a_dot_strayed_beside_the_y_axis_is_no_new_tick_label() -> None:
    # Dots at random over seaborn's face reach past the frame found: "new y ticks" kept the bars under them.
    assert not _ticks_changed((31, 119, 180))
    assert _ticks_changed((40, 40, 40))  # a grey label where there was none is one
