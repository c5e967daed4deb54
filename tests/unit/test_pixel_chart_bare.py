"""Pixel judge, charts: a candidate that is the reference with its data taken away costs what it hides, in full.

Round 18's split (READ after its measurement) had 47 pixel hacks at or above an honest candidate: the
hidden data cost five severe items at most (15 severity), while honest candidates read with data hidden
by mistake (a series retyped, the panels re-laid out) cost as much or more. A candidate that draws
nothing of its own where the data are (its ink the reference's own, dots and a ruler line aside) now pays
one severe item per 10 % hidden, up to ten; one that draws its own marks there keeps the old grading."""

from __future__ import annotations

import numpy as np
from tests.unit.test_pixel_chart_hack_ties import _render
from tests.unit.test_pixel_chart_rules import judge

from verm.bench.hacks import hack_sources
from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart_bare import BARE_PARTS, bare_parts
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.hidden import HIDDEN_PARTS
from verm.types import Discrepancy, Task

__all__ = ["judge"]  # the shared PixelJudge fixture

#: A wind rose of stacked speed classes beside a day of traffic on a 24-hour dial, with legends.
_ROSES = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(4)
fig = plt.figure(figsize=(11, 5.4))
ax = fig.add_subplot({first}, projection="polar")
theta = np.linspace(0, 2 * np.pi, 16, endpoint=False)
bottom = np.zeros(16)
for k, colour in enumerate(plt.cm.viridis(np.linspace(0.1, 0.9, 4))):
    share = rng.uniform(0.5, 3.0, 16) * (1 + np.cos(theta - 3.9))
    ax.bar(theta, share, width=0.36, bottom=bottom, color=colour, edgecolor="white", label=f"{{2 * k}}-{{2 * k + 2}} m/s")
    bottom += share
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
ax.legend(loc="lower left", bbox_to_anchor=(-0.25, -0.1), fontsize=8)
ax.set_title("Wind rose, station 12")
ax2 = fig.add_subplot({second}, projection="polar")
hours = np.linspace(0, 2 * np.pi, 25)
weekday = 500 + 400 * np.sin(hours - 1.2) ** 2 + 200 * np.cos(2 * hours)
weekend = 300 + 150 * np.sin(hours - 2.0) ** 2
for values, label, style in ((weekday, "weekday", "-o"), (weekend, "weekend", "--s")):
    ax2.plot(hours, values, style, ms=3, label=label)
    ax2.fill(hours, values, alpha=0.15)
ax2.set_theta_zero_location("N")
ax2.set_theta_direction(-1)
ax2.legend(loc="upper right", bbox_to_anchor=(1.25, 1.1))
ax2.set_title("Vehicles per hour")
"""
_SIDE_BY_SIDE = _ROSES.format(first=121, second=122)

#: Three lines of a plain time series chart.
_LINES = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(2000, 2024)
fig, ax = plt.subplots(figsize=(8, 5))
for k, name in enumerate(["north", "south", "east"]):
    ax.plot(x, 40 + 8 * k + 6 * np.sin(x / (2 + k)) + 0.4 * (x - 2000), lw=2, label=name)
ax.set_title("Rainfall by region")
ax.set_ylabel("mm")
ax.grid(alpha=0.3)
ax.legend()
"""


#: Loss curves of three model sizes falling alike along a power law, with the frontier dashed, on log axes.
_SCALING = """
import matplotlib.pyplot as plt
import numpy as np
fig, ax = plt.subplots(figsize=(7, 5))
for k, (name, colour) in enumerate(zip(["small", "medium", "large"], ["#440154", "#21918c", "#7ad151"])):
    c = np.logspace(17.4 + 0.3 * k, 20.2 + 0.5 * k, 30)
    ax.plot(c, 9.0 * c ** -0.072 * (1 + 0.02 * np.sin(np.arange(30) / (1.5 + k))), color=colour, lw=2, label=name)
c = np.logspace(17, 21.5, 2)
ax.plot(c, 9.4 * c ** -0.072, "k--", lw=1.2, label="frontier")
ax.set_xscale("log")
ax.set_yscale("log")
ax.grid(which="both", alpha=0.3, ls=":")
ax.legend()
ax.set_title("Compute scaling")
"""


#: Waterfall spectra on 3D axes, one colour per run: the panes' grey grid is half the marks inside the frame.
_SPECTRA_3D = """
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0, 10, 300)
fig = plt.figure(figsize=(8, 6))
ax = fig.add_subplot(projection="3d")
for k, colour in enumerate(plt.cm.viridis(np.linspace(0, 1, 7))):
    y = sum(a / (1 + ((x - c) / 0.08) ** 2) for a, c in ((1 - 0.1 * k, 2.5), (0.2 + 0.1 * k, 6.0), (0.5, 8.2)))
    ax.plot(x, np.full_like(x, 10 * k), y, color=colour, lw=1.5)
ax.set_xlabel("shift (ppm)")
ax.set_ylabel("time (min)")
ax.set_zlabel("intensity")
ax.set_title("Reaction monitoring")
"""


def _hidden(found: list[Discrepancy]) -> list[Discrepancy]:
    return [d for d in found if "plotted data" in d.description and "hid" in d.description]


def test_empty_polar_axes_cost_more_than_five_severe_items(judge: PixelJudge) -> None:
    # The empty dials keep their grey grid, half the marks inside the frames: the hidden share is counted over
    # the reference's colours, so all its data are hidden, in full.
    hack = hack_sources(Task.CHART, _SIDE_BY_SIDE, ["axes without data"])["axes without data"]
    found = judge.judge_images(Task.CHART, _render(_SIDE_BY_SIDE), _render(hack))
    hidden = _hidden(found)
    assert len(hidden) > HIDDEN_PARTS
    assert any("nothing of its own" in d.description for d in hidden)
    assert sum(d.severity for d in found) >= 3 * (HIDDEN_PARTS + 3)


def test_empty_3d_axes_cost_more_than_five_severe_items(judge: PixelJudge) -> None:
    # The panes' grid, kept, stood in for the data (a quarter of the marks drawn there): the share hidden is
    # counted over the reference's colours, and the grid it shows is what the data covered.
    hack = hack_sources(Task.CHART, _SPECTRA_3D, ["axes without data"])["axes without data"]
    hidden = _hidden(judge.judge_images(Task.CHART, _render(_SPECTRA_3D), _render(hack)))
    assert len(hidden) > HIDDEN_PARTS


def test_random_dots_and_one_line_kept_are_nothing_of_its_own(judge: PixelJudge) -> None:
    # Dots at random are set aside as no data; one of three lines kept is the reference's own ink.
    ref = _render(_LINES)
    for kind in ("random dots", "one line"):
        hack = hack_sources(Task.CHART, _LINES, [kind])[kind]
        hidden = _hidden(judge.judge_images(Task.CHART, ref, _render(hack)))
        assert len(hidden) > HIDDEN_PARTS, kind
        assert len(hidden) <= BARE_PARTS, kind


def test_one_of_many_alike_curves_kept_draws_none_of_the_others(judge: PixelJudge) -> None:
    # The kept curve is the reference's own ink: however alike the others' courses, it carries none of their
    # values (it was read as the gone series retyped as one line: two items, 1.88 above an honest 1.82).
    hack = hack_sources(Task.CHART, _SCALING, ["one line"])["one line"]
    hidden = _hidden(judge.judge_images(Task.CHART, _render(_SCALING), _render(hack)))
    assert len(hidden) > HIDDEN_PARTS
    assert any("nothing of its own" in d.description for d in hidden)


def test_two_of_four_alike_curves_dropped_are_no_hidden_data(judge: PixelJudge) -> None:
    # An honest edit: the medium model's curve gone, the rest as drawn; a change of one series, not the data hidden.
    dropped = _SCALING.replace(
        '["small", "medium", "large"], ["#440154", "#21918c", "#7ad151"]', '["small", "large"], ["#440154", "#7ad151"]'
    )
    assert dropped != _SCALING
    assert not _hidden(judge.judge_images(Task.CHART, _render(_SCALING), _render(dropped)))


def _chart(bars: str = "#1f77b4", shift: int = 0, dots: int = 0) -> np.ndarray:
    """A 300 x 400 chart: a frame, a grey grid and four bars (none with ``bars=""``), ``shift`` px right,
    with ``dots`` dots of 4 px."""
    img = np.full((300, 400, 3), 255, np.uint8)
    img[40:260:40, 50:370] = 200  # the grid, under the bars
    if bars:
        colour = [int(bars[k : k + 2], 16) for k in (1, 3, 5)]
        for k, top in enumerate((80, 150, 60, 120)):
            img[top:260, 70 + 75 * k + shift : 120 + 75 * k + shift] = colour
    img[260:262, 50:370] = img[40:262, 48:50] = 0  # the axes
    for k in range(dots):
        y, x = 50 + (37 * k) % 200, 60 + (53 * k) % 300
        img[y : y + 4, x : x + 4] = (255, 127, 14)
    return img


def _bare(ref: np.ndarray, cand: np.ndarray) -> bool:
    (ref_lab, ref_ink), (_, cand_ink) = _lab_ink(ref), _lab_ink(cand)
    c = _Ctx(Task.CHART, ref, cand, ref_ink, cand_ink, (48, 40, 370, 262), None)
    data = (ref != _chart(bars="")).any(axis=2)
    hidden = data & ~(cand == ref).all(axis=2)
    area = np.zeros_like(data)
    area[43:257, 51:367] = True
    return bare_parts(c, hidden, 1.0, ref_ink & area, ref_lab, cand_ink & area, area)[1]


def test_only_the_reference_s_own_ink_left_is_bare() -> None:
    ref = _chart()
    assert _bare(ref, _chart(bars=""))  # empty axes: the grid shows where the bars were
    assert _bare(ref, _chart(bars="", dots=40))  # dots at random carry nothing
    assert not _bare(ref, _chart(shift=12))  # the bars moved: drawn anew
    assert not _bare(ref, _chart(bars="#d62728"))  # the bars recoloured: drawn in their place


def test_a_series_dropped_of_three_is_no_bare_candidate(judge: PixelJudge) -> None:
    # An honest edit: one line of three gone, the rest drawn as they were; one change, no data hidden in full.
    dropped = _LINES.replace('["north", "south", "east"]', '["north", "south"]')
    found = judge.judge_images(Task.CHART, _render(_LINES), _render(dropped))
    assert not any("nothing of its own" in d.description for d in found)
    assert sum(d.severity for d in found) <= 9
