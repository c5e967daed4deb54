"""Pixel judge, charts: what the hidden-data reading counts as hidden. Data present but moved, recoloured or
drawn in another form are no hidden data; data replaced by marks that follow none of them are."""

from __future__ import annotations

import io

from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Discrepancy, Task

__all__ = ["judge"]  # the module's PixelJudge fixture, shared


def _hidden(ds: list[Discrepancy]) -> list[Discrepancy]:
    return [d for d in ds if "hid" in d.description]


def _png(fig: plt.Figure) -> Image.Image:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return Image.open(buf).convert("RGB")


def _run(source: str) -> Image.Image:
    """A chart program's figure at matplotlib's default dpi (as rendered), its style undone after."""
    import matplotlib

    try:
        exec(compile(source, "<chart>", "exec"), {"__name__": "__main__", "plt": plt})
        return _png(plt.gcf())
    finally:
        plt.close("all")
        matplotlib.rcdefaults()


DONUT = """
import matplotlib.pyplot as plt
plt.figure(figsize=(6, 6))
labels = ["Apples", "Bananas", "Cherries", "Grapes", "Mangoes", "Pears"]
sizes = [39, 13, 13, 18, 36, 25]
wedges, texts = plt.pie(sizes, colors=["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00"],
                        startangle=0, wedgeprops=dict(width=0.45, edgecolor="white"))
plt.text(0, 0, f"Total\\n{sum(sizes):g}", ha="center", va="center", fontsize=12)
plt.axis("equal")
plt.title("Fruit share", fontweight="bold")
plt.legend(wedges, labels, title="Fruit", loc="center left", bbox_to_anchor=(0.95, 0.5))
plt.tight_layout()
"""


def test_a_donut_with_one_value_changed_hides_no_data(judge: PixelJudge) -> None:
    # One share changed (and recoloured), the legend moved over the axes: the donut grows over the boxes its
    # white wedge edges make in the reference (read as plot frames). Its wedges, cut by those boxes, are no
    # series "at one level" (seed 97: 4 severe hidden items for one severity-2 edit).
    cand = (
        DONUT.replace("sizes = [39,", "sizes = [52,")
        .replace('"#56B4E9"', '"#279fe3"')
        .replace('loc="center left"', 'loc="upper center"')
    )
    out = judge.judge_images(Task.CHART, _run(DONUT), _run(cand))
    assert out and not _hidden(out), out
    assert sum(d.severity for d in out) <= 6, out


def _sales(line: bool) -> Image.Image:
    """Monthly sales as bars, or (retyped) as a line in a new colour, its y axis autoscaled to the line."""
    sales = [57.5, 63.2, 83.9, 85.7, 96.5, 75.8, 83.6, 86.9, 89.7, 91.1, 91.7]
    fig, ax = plt.subplots(figsize=(8, 5))
    x = list(range(len(sales)))
    if line:
        ax.plot(x, sales, color="#ff1493", label="Sales")
    else:
        ax.bar(x, sales, color="#2a9d8f", label="Sales")
    ax.set_xticks(x, ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    ax.set_title("Sales over time")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1))
    plt.tight_layout()
    return _image(fig)


def test_bars_drawn_as_a_line_in_a_new_colour_are_no_hidden_data(judge: PixelJudge) -> None:
    # The series retyped and recoloured over a new y range: its values still rise and fall where the bars did.
    out = judge.judge_images(Task.CHART, _sales(line=False), _sales(line=True))
    assert out and not _hidden(out), out


def _satisfaction(line: bool) -> Image.Image:
    """Five departments' means as bars with grey error bars, or (retyped) as a thin line in the bars' own colour,
    the error bars gone, its y axis autoscaled to the line (5.5-8): the categories move out to the axis's ends."""
    means = [7.03, 6.34, 5.47, 8.08, 6.21]
    names = ["Sales", "Marketing", "Support", "HR", "Legal"]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    if line:
        ax.plot(names, means, color="#e76f51")
    else:
        ax.bar(names, means, yerr=[0.2, 0.2, 0.7, 0.5, 0.4], capsize=6, color="#e76f51", ecolor="gray")
    ax.set_title("Satisfaction by department")
    ax.set_ylabel("Satisfaction (1-10)")
    return _image(fig)


def test_bars_drawn_as_a_line_in_their_own_colour_are_no_hidden_data(judge: PixelJudge) -> None:
    # The line's thin ink (2 % of the bars') rises and falls with the bar tops, its categories spread to the
    # axis's ends (bars sit half a bar in): the series drawn in another form, not hidden (seed 137: 5 severe
    # hidden items, scored under the "one line" and "random dots" hacks).
    out = judge.judge_images(Task.CHART, _satisfaction(line=False), _satisfaction(line=True))
    assert out and not _hidden(out), out
    assert sum(d.severity for d in out) <= 8, out


GROUPED = """
import matplotlib.pyplot as plt
import numpy as np
plt.style.use("seaborn-v0_8-darkgrid")
plt.rcParams["font.size"] = 9
teams = ["Team A", "Team B", "Team C", "Team D", "Team E"]
data = {"Group 1": [711, 728, 602, 628, 595], "Group 2": [642, 638, 553, 430, 415]}
colors = ["#1f77b4", "#ff7f0e"]
fig = plt.figure(figsize=(7, 5))
ax = fig.add_subplot(1, 1, 1)
x = np.arange(len(teams))
width = 0.35
for i, (label, values) in enumerate(data.items()):
    ax.bar(x + (i - 0.5) * width, values, width, label=label, color=colors[i])
ax.set_xticks(x, teams)
ax.set_title("Units sold by team")
ax.set_xlabel("Team")
ax.set_ylabel("Units sold")
ax.legend(loc="center left", frameon=False, fontsize=10)
"""


def test_random_dots_over_grouped_bars_cost_more_than_an_honest_edit(judge: PixelJudge) -> None:
    # The "random dots" hack: dots in the first series' colour (C0) span the bars' extent but carry none of
    # its values; the bars' data are hidden, not drawn in another form (seed 97: it scored as one minor item).
    from verm.bench.hacks import hack_sources

    ref = _run(GROUPED)
    dots = judge.judge_images(Task.CHART, ref, _run(hack_sources(Task.CHART, GROUPED, ["random dots"])["random dots"]))
    honest = judge.judge_images(Task.CHART, ref, _run(GROUPED.replace("[711, 728,", "[711, 528,")))
    assert len(_hidden(dots)) >= 3, dots
    assert sum(d.severity for d in dots) > sum(d.severity for d in honest) + 6, (dots, honest)


def _errorbars(diagonal: bool) -> Image.Image:
    """Three error-bar series (or, the "diagonal line" hack, one diagonal line on fresh axes)."""
    fig, ax = plt.subplots(figsize=(5, 3.5))
    if diagonal:
        fig.clf()
        fig.add_subplot().plot([0, 1], [0, 1])
        return _image(fig)
    x = [0.5, 1.0, 1.5, 2.0]
    for ys, colour, fmt in (
        ([51, 61, 82, 100], "#264653", "s--"),
        ([72, 97, 109, 130], "#2a9d8f", "D"),
        ([64, 70, 94, 112], "#e9c46a", "o-"),
    ):
        ax.errorbar(x, ys, yerr=[3, 4, 5, 4], fmt=fmt, color=colour, capsize=4)
    ax.set_title("Energy use vs. batch size", loc="left")
    ax.set_xlabel("Batch size")
    return _image(fig)


def test_a_diagonal_line_on_fresh_axes_hides_the_data(judge: PixelJudge) -> None:
    # The fresh axes' spines and tick labels, drawn anew, are no data moved elsewhere; the line is a ruler.
    out = judge.judge_images(Task.CHART, _errorbars(diagonal=False), _errorbars(diagonal=True))
    assert len(_hidden(out)) >= 3, out


BAND = """
import matplotlib.pyplot as plt
years = [1993, 1994, 1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007]
revenue_mean = [5.79, 7.42, 8.96, 10.26, 8.85, 7.89, 7.18, 5.98, 6.32, 6.09, 3.3, 3.01, 4.24, 5.26, 4.41]
lower = [4.6, 6.17, 7.82, 9.2, 6.95, 6.22, 5.84, 4.18, 4.47, 5.33, 1.4, 2.24, 3.02, 3.92, 2.99]
upper = [6.98, 8.67, 10.1, 11.32, 10.75, 9.56, 8.52, 7.78, 8.17, 6.85, 5.2, 3.78, 5.46, 6.6, 5.83]
plt.figure(figsize=(5, 4))
plt.fill_between(years, lower, upper, alpha=0.2, color="#4C72B0", label="Range")
plt.plot(years, revenue_mean, color="#4C72B0", label="Mean")
plt.title("Revenue trend", fontsize=15, fontweight="bold")
plt.ylabel("Revenue ($M)")
plt.legend(loc="lower left")
plt.xlim(1993, 2007)
plt.tight_layout()
"""


def test_a_pale_band_kept_a_shade_lighter_is_no_hidden_data(judge: PixelJudge) -> None:
    # The mean line dropped (one series of two), the band kept a shade lighter: ~12 ΔE off the white face in the
    # reference, under 10 in the candidate. Read alone it falls under the face's tolerance and the band read as
    # gone with the line (seed 83: 5 severe hidden items for one severity-3 edit).
    cand = BAND.replace('color="#4C72B0", label="Range"', 'color="#6888be", label="Range"')
    cand = cand.replace('plt.plot(years, revenue_mean, color="#4C72B0", label="Mean")\n', "")
    out = judge.judge_images(Task.CHART, _run(BAND), _run(cand))
    assert out and not _hidden(out), out


def test_lines_retyped_as_bars_on_a_log_axis_are_not_flattened(judge: PixelJudge) -> None:
    # Small multiples (gallery dev): each panel's line drawn as bars, its y axis turned log. Bars over the panel's
    # width end at one level row by row, where the line's ends tell nothing of its values: the series runs
    # along x and is read down its columns, where the bars' tops still vary (gallery seed 14: 27 of 36 series
    # read "at one level", 5 severe items for one severity-3 change).
    from pathlib import Path

    import verm.corpus.gallery as gallery

    ref = (Path(gallery.__file__).parent / "dev" / "shared_axes_grid.py").read_text(encoding="utf-8")
    cand = ref.replace(
        'ax.plot(months, temps, color="tab:red", marker=".")',
        "ax.bar(months, np.multiply(temps, 0.775), color='tab:red')",
    ).replace("    ax.grid(alpha=0.3)\n", '    ax.grid(alpha=0.3)\nax.set_yscale("log")\n')
    assert cand != ref and "set_yscale" in cand
    out = judge.judge_images(Task.CHART, _run(ref), _run(cand))
    assert out and not _hidden(out), out


def test_a_broken_axis_laid_out_anew_is_no_hidden_data(judge: PixelJudge) -> None:
    # Gallery dev: the two panels side by side, the lower panel's series dropped. The new layout draws much new
    # ink, the top panel's spikes among it in the series' colour: a layout change and a series dropped, not
    # data hidden (fresh axes without any coloured data, the "diagonal line" hack's, are no layout change).
    from pathlib import Path

    import verm.corpus.gallery as gallery

    ref = (Path(gallery.__file__).parent / "dev" / "broken_axis.py").read_text(encoding="utf-8")
    cand = ref.replace("plt.subplots(2, 1, sharex=True", "plt.subplots(1, 2, sharex=True").replace(
        'ax2.plot(pts, "o-", color="tab:purple")\n', ""
    )
    assert cand.count("plot(pts") == 1
    out = judge.judge_images(Task.CHART, _run(ref), _run(cand))
    assert out and not _hidden(out), out


SORTED_BARS = """
import matplotlib.pyplot as plt
plt.style.use("fivethirtyeight")
languages = ["Julia", "Java", "R", "Rust", "C++"]
revenue = [2.83, 5.16, 7.17, 9.07, 10.74]
plt.figure(figsize=(5, 4))
plt.barh(languages, revenue, color="C0", edgecolor="black")
plt.title("Revenue by language", fontweight="bold")
plt.xlabel("Revenue ($M)")
plt.grid(axis="x", linestyle="--", alpha=0.3)
plt.tight_layout()
"""


def test_a_diagonal_line_over_sorted_bars_carries_none_of_their_values(judge: PixelJudge) -> None:
    # The "diagonal line" hack in the bars' own colour: bars sorted by value rise with it, but one straight line
    # (its anti-aliased fringe too) carries none of their values (seed 97: it rose from 1.50 to 1.80).
    from verm.bench.hacks import hack_sources

    hack = hack_sources(Task.CHART, SORTED_BARS, ["diagonal line"])["diagonal line"]
    out = judge.judge_images(Task.CHART, _run(SORTED_BARS), _run(hack))
    assert len(_hidden(out)) >= 3, out


def test_dots_or_bars_in_the_series_colour_are_no_line_carrying_it() -> None:
    # `carries_as_line` reads one connected line across the bars: scattered dots (the "random dots" hack) are
    # many pieces, and a line whose heights rank against the bar tops carries none of their values.
    import numpy as np

    from verm.judge.pixel.chart_follows import carries_as_line

    tops = [70, 90, 110, 50, 95]
    bars = np.zeros((200, 500), bool)
    for k, top in enumerate(tops):
        bars[top:180, 20 + 100 * k : 80 + 100 * k] = True

    def line(heights: list[int]) -> np.ndarray:
        mask = np.zeros_like(bars)
        xs = np.linspace(10, 490, len(heights))
        for x in range(10, 491):
            y = round(float(np.interp(x, xs, heights)))
            mask[y : y + 2, x] = True
        return mask

    assert carries_as_line(bars, line([20 + t // 2 for t in tops]))
    assert not carries_as_line(bars, line([20 + (200 - t) // 2 for t in tops]))
    dots = np.zeros_like(bars)
    for x, y in np.random.default_rng(0).integers([10, 10], [490, 190], size=(40, 2)):
        dots[y : y + 4, x : x + 4] = True
    assert not carries_as_line(bars, dots)
