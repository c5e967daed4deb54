"""Pixel judge, charts: honest candidates read as hacks (round 13, split 199's reward-hack ties).

An area chart whose fill covers over half the image has the fill as its most common colour; read as the
background, the candidate without the fill "painted" the whole canvas (noise, 5 severe items, what the
hacks cost). And six series of stacked shares redrawn as crossing lines in their colours are one change of
chart type, not the plot's data hidden five times over."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.bench.hacks import hack_sources
from verm.judge.pixel import PixelJudge
from verm.judge.pixel.colour import EDGE_BACKGROUND, _as_array, _find_background
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture

_WEEKS = np.arange(1, 29)
_ENERGY = 100 + 30 * np.sin(_WEEKS / 4.0) + _WEEKS


def _area(fill: bool) -> Image.Image:
    """Energy use over 28 weeks as a line, filled down to zero (``fill``) over most of the figure."""
    fig, ax = plt.subplots(figsize=(10, 6))
    ax.plot(_WEEKS, _ENERGY, lw=2)
    if fill:
        ax.fill_between(_WEEKS, _ENERGY, alpha=0.4)
    ax.set_ylim(0, None)
    ax.set_title("Energy use over time")
    ax.set_xlabel("Week")
    ax.set_ylabel("Energy use (MWh)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.subplots_adjust(left=0.05, right=0.99, top=0.93, bottom=0.08)
    return _image(fig)


def test_background_is_the_colour_round_the_image_not_a_fill_over_half_of_it() -> None:
    rgb = _as_array(_area(True))
    fill = np.all(np.abs(rgb.astype(int) - rgb[300, 500].astype(int)) <= 8, axis=2)
    assert fill.mean() > 0.45  # (the fill is about as common as the white round it, or more)
    token = EDGE_BACKGROUND.set(True)  # (as the judge sets it for charts)
    try:
        assert np.allclose(_find_background(rgb), 255, atol=2)
    finally:
        EDGE_BACKGROUND.reset(token)


def test_an_area_chart_without_its_fill_is_no_noise(judge: PixelJudge) -> None:
    # The fill dropped (a series of the area chart gone): one change, not the canvas painted over.
    found = judge.judge_images(Task.CHART, _area(True), _area(False))
    assert not [d for d in found if "noise" in d.description]
    assert sum(d.severity for d in found) <= 6


_COUNTRIES = ["France", "Germany", "Poland", "Spain", "Norway", "Italy"]
_SHARES = np.array(
    [
        [63, 6, 0, 20, 0, 0],
        [1, 32, 69, 3, 0, 7],
        [9, 14, 8, 30, 1, 52],
        [10, 3, 1, 6, 88, 10],
        [13, 32, 18, 36, 10, 18],
        [4, 13, 4, 5, 1, 13],
    ],
    dtype=float,
)


def _shares(lines: bool, hide: bool = False) -> Image.Image:
    """Six sources' shares of six countries' generation, stacked to 100 %, or (``lines``) each source's shares as
    a line in its colour; ``hide``: the data hidden, the axes and legend kept (the "axes without data" hack)."""
    plt.style.use("seaborn-v0_8-whitegrid")
    try:
        return _drawn_shares(lines, hide)
    finally:
        plt.style.use("default")


def _drawn_shares(lines: bool, hide: bool) -> Image.Image:
    colours = ["#7b3294", "#404040", "#f4a582", "#4393c3", "#5aae61", "#bababa"]
    fig, ax = plt.subplots(figsize=(9, 5))
    bottom = np.zeros(len(_COUNTRIES))
    for k, values in enumerate(_SHARES):
        if lines:
            drawn = ax.plot(_COUNTRIES, values, color=colours[k], label=f"Source {k}")
        else:
            drawn = ax.bar(_COUNTRIES, values, bottom=bottom, color=colours[k], label=f"Source {k}", edgecolor="white")
        for a in drawn:
            a.set_visible(not hide)
        bottom += values
    ax.set_ylim(0, 100)
    ax.set_title("Electricity generation mix")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return _image(fig)


def test_stacked_shares_retyped_as_crossing_lines_hide_nothing(judge: PixelJudge) -> None:
    # Each source's colour runs across the countries as a line: the same series in another form. Crossing
    # lines blend off their colours where they meet and where they climb steeply (pieces, not one stroke).
    ref = _shares(False)
    found = judge.judge_images(Task.CHART, ref, _shares(True))
    assert not [d for d in found if "hid" in d.description]
    # The data hidden, axes and legend kept, still hide them.
    assert (
        len([d for d in judge.judge_images(Task.CHART, ref, _shares(False, hide=True)) if "hid" in d.description]) >= 4
    )


def _team_bars(flat: bool) -> Image.Image:
    """Three teams' revenue as pale bars (no colour class: under the chroma of one) with error bars, or
    (``flat``) each bar at the mean, the error bars collapsed to their caps at one height each (the "flattened
    data" hack)."""
    teams, values, errors = ["Team A", "Team D", "Team E"], np.array([7.65, 6.8, 9.9]), np.array([1.0, 1.6, 1.4])
    colours = ["#b3e2cd", "#fdcdac", "#cbd5e8"]
    fig, ax = plt.subplots(figsize=(5, 4))
    if flat:
        ax.bar(teams, [values.mean()] * 3, color=colours)
        ax.plot(teams, [(values + errors).mean()] * 3, "_", ms=14, mew=1.5, color="black")
        ax.plot(teams, [(values - errors).mean()] * 3, "_", ms=14, mew=1.5, color="black")
    else:
        ax.bar(teams, values, yerr=errors, capsize=6, color=colours)
    ax.set_ylim(0, 11.8)
    ax.grid(axis="y", color="#dddddd")
    ax.set_axisbelow(True)
    ax.set_title("Team revenue")
    ax.set_ylabel("Revenue ($M)")
    fig.tight_layout()
    return _image(fig)


def test_pale_bars_at_one_level_are_flattened_data(judge: PixelJudge) -> None:
    # Pale bars make no colour classes to read series by: the plot's marks read together end at one level
    # where the reference's vary, the data gone as if hidden (one "plotted data differ" item cost 2 and tied
    # the honest candidates).
    found = judge.judge_images(Task.CHART, _team_bars(False), _team_bars(True))
    assert sum(d.severity for d in found if d.category == "data_error") >= 12


#: Four subplots in constrained layout (split 199's chart 199000059, its source as generated): boxes, three
#: lines with a legend and an annotation, a filled area, log-log lines.
_FOUR_PANELS = """
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "monospace", "font.size": 9})

fig, axs = plt.subplots(2, 2, figsize=(9, 6), layout="constrained")
ax1, ax2, ax3, ax4 = axs.flatten()

# Box
phones = [
    6.7, 6.4, 6.2, 6.2, 7.2, 6.7, 5.8, 6.1, 6.0, 7.5, 7.1, 6.6, 6.0, 7.2, 6.3, 4.9, 6.9, 6.1, 6.3,
    7.6, 6.6,
]
tablets = [
    6.3, 6.5, 6.0, 5.9, 7.0, 6.1, 5.8, 6.8, 5.9, 5.0, 6.3, 5.7, 6.3, 6.0, 6.0, 5.7, 4.8, 6.6, 5.8,
    5.2, 4.7, 5.6, 6.9, 5.9, 6.5, 7.3, 6.2, 5.4, 6.7, 6.4, 5.9, 6.0,
]
monitors = [
    7.1, 5.2, 5.6, 5.9, 6.1, 6.0, 6.8, 4.2, 6.8, 6.7, 6.1, 6.2, 6.4, 6.1, 7.0, 6.4, 5.6, 6.4, 5.8,
    7.0, 6.2, 7.1, 5.5, 6.9, 6.5,
]
cameras = [
    7.1, 7.0, 6.2, 6.2, 7.0, 9.1, 7.6, 7.5, 7.4, 6.9, 7.6, 8.0, 7.5, 8.5, 8.5, 7.1, 7.8, 9.4, 6.4,
    7.4, 7.4,
]
printers = [7.6, 8.6, 7.6, 8.9, 8.4, 8.5, 7.6, 8.3, 8.6, 8.3, 8.8, 8.8, 8.4, 8.3, 7.9, 8.8, 8.4]
data = [phones, tablets, monitors, cameras, printers]

colors = plt.colormaps["Dark2"].colors[:5]
bp = ax1.boxplot(data, patch_artist=True, widths=0.5, notch=True, showmeans=True)
for patch, color in zip(bp["boxes"], colors):
    patch.set_facecolor(color)
ax1.set_xticks(range(1, len(data) + 1), ["Phones", "Tablets", "Monitors", "Cameras", "Printers"])
ax1.set_title("Satisfaction by product")
ax1.set_ylabel("Satisfaction (1-10)")
ax1.spines[["top", "right"]].set_visible(False)

# Line
months = ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
temperature_group_1 = [-0.2, 9.9, 22.9, 31.4, 23.2, 28.9, 29.8]
temperature_group_2 = [0.8, 3.9, 7.6, 12.0, 17.3, 21.3, 26.0]
temperature_group_3 = [11.0, 17.6, 25.3, 25.7, 27.2, 26.0, 30.2]
colors_2 = plt.colormaps["Dark2"].colors[:3]

ax2.plot(months, temperature_group_1, label="Group 1", color=colors_2[0], marker="s", linestyle=":", linewidth=2.5)
ax2.plot(months, temperature_group_2, label="Group 2", color=colors_2[1], marker="s", linestyle="-", linewidth=2.5)
ax2.plot(months, temperature_group_3, label="Group 3", color=colors_2[2], marker="s", linestyle="-")
peak = temperature_group_1.index(max(temperature_group_1))
ax2.annotate("Record high", xy=(months[peak], temperature_group_1[peak]), xytext=(-40, 15), textcoords="offset points", arrowprops=dict(arrowstyle="->", color="gray"), ha="center")
ax2.set_title("Temperature over time - FY2022", fontweight="bold", loc="left")
ax2.set_ylabel("Temperature (°C)")
plt.setp(ax2.get_xticklabels(), rotation=45, ha="right")
ax2.legend(loc="lower center", ncol=3, fontsize="small")
ax2.grid(axis="both", linestyle="--", alpha=0.3)

# Area
years = [2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]
share = [10.1, 3.2, 3.9, 10.4, 21.6, 25.7, 26.2, 20.4, 13.8, 16.1, 15.3, 15.0]

ax3.fill_between(years, share, alpha=0.3, color="steelblue")
ax3.plot(years, share, color="steelblue", linewidth=2)
ax3.set_title("Monthly market share", fontsize="large", loc="left")
ax3.set_xlabel("Year", fontsize=12)
ax3.set_ylabel("Market share (%)", fontsize=12)
ax3.grid(True, alpha=0.3)
ax3.spines[["top", "right"]].set_visible(False)
ax3.set_xlim(2009, 2020)

# Log scale
n = [10, 100, 1000, 10000, 100000, 1000000, 10000000]
colors_3 = plt.colormaps["Dark2"].colors[:2]

time_cpu = [0.00123, 0.033, 1.29, 42.9, 1070.0, 43300.0, 1210000.0]
ax4.loglog(n, time_cpu, "s-", label="CPU", color=colors_3[0])
time_gpu = [0.000701, 0.00504, 0.069, 0.473, 6.78, 48.3, 475.0]
ax4.loglog(n, time_gpu, "^--", label="GPU", color=colors_3[1])
ax4.set_title("Runtime scaling", fontsize=12, fontweight="bold")
ax4.set_xlabel("Input size")
ax4.set_ylabel("Time (s)")
ax4.legend(loc="lower right", frameon=False, fontsize=10)
ax4.spines[["top", "right"]].set_visible(False)
ax4.grid(True, which="both", linestyle="--", alpha=0.4)
"""


def _render(code: str) -> Image.Image:
    plt.close("all")
    try:
        exec(compile(code, "<chart>", "exec"), {})
        return _image(plt.gcf())
    finally:
        plt.rcdefaults()


def test_dots_over_re_laid_out_subplots_hide_their_data(judge: PixelJudge) -> None:
    # The "random dots" hack: every artist hidden (the legend and annotation too, which re-lays the panels out
    # and moves every tick label) and 40 dots at random over each subplot. Under moved tick labels a subplot
    # was gone only when nearly empty; dots scattered where lines, boxes and an area were, in a colour of their
    # own (a log plot's lines, cut by its minor grid, fall in pieces too), draw none of them: three of four
    # subplots are hidden, not a y axis changed (3 severity; the honest candidate, a marker changed, cost 4).
    hack = hack_sources(Task.CHART, _FOUR_PANELS, ["random dots"])["random dots"]
    found = judge.judge_images(Task.CHART, _render(_FOUR_PANELS), _render(hack))
    assert len([d for d in found if "hid" in d.description]) >= 4


def _pie(shares: list[float], colours: list[str] | None = None) -> Image.Image:
    """A pie of ``shares``, its last wedge exploded, with a legend beside it."""
    fig, ax = plt.subplots(figsize=(6, 4.5))
    wedges, _, _ = ax.pie(shares, explode=[0.0] * (len(shares) - 1) + [0.1], colors=colours, autopct="%1.0f%%")
    ax.legend(wedges, [f"Store {k + 1}" for k in range(len(shares))], loc="center left", bbox_to_anchor=(1, 0.5))
    ax.set_title("Store share")
    return _image(fig)


def test_a_pie_with_one_share_changed_is_not_flattened(judge: PixelJudge) -> None:
    # An honest edit (the smallest share tripled: 0.33-0.37 against 0.15-0.48) keeps the spread read.
    found = judge.judge_images(Task.CHART, _pie([48, 15, 37]), _pie([48, 45, 37]))
    assert not [d for d in found if "one size" in d.description]


def test_a_sequential_palette_pie_of_equal_wedges_is_flattened(judge: PixelJudge) -> None:
    # Neighbouring blues of a sequential palette, within ΔE 8, read as one wedge in the reference (five for
    # six), apart once every wedge is of one size: a wedge more or less is read alike.
    blues = [plt.cm.Blues(v) for v in np.linspace(0.3, 0.95, 6)]
    found = judge.judge_images(Task.CHART, _pie([27, 23, 11, 13, 19, 8], blues), _pie([1] * 6, blues))
    assert sum(d.severity for d in found if d.category == "data_error") >= 12


def _hist2d(flat: bool) -> Image.Image:
    """A 2D histogram of correlated trips (sparse cells, empty ones left white) with a colour bar, or (``flat``)
    every cell at the mean count: the whole plot painted in one colour of the scale."""
    rng = np.random.default_rng(5)
    dist = rng.gamma(2.0, 3.0, 20000)
    fare = 3 + 2.5 * dist + rng.normal(0, 3, dist.size)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    counts, xe, ye = np.histogram2d(dist, fare, bins=60, range=[[0, 25], [0, 80]])
    shown = np.where(counts > 0, counts, np.nan)
    if flat:
        shown = np.full_like(counts, np.nanmean(shown))
    mesh = ax.pcolormesh(xe, ye, shown.T, cmap="magma_r", norm="log", vmin=1, vmax=np.nanmax(counts))
    fig.colorbar(mesh, ax=ax, label="trips per cell (log)")
    ax.set_title("Taxi trips: distance vs fare")
    return _image(fig)


def test_a_sparse_2d_histogram_painted_in_one_colour_is_flattened(judge: PixelJudge) -> None:
    # Its cells scattered, no tiling, the reference's marks do not show the plot's values as tiles; the
    # candidate's one-colour paint over the whole plot does: its values' colours are gone.
    found = judge.judge_images(Task.CHART, _hist2d(False), _hist2d(True))
    assert sum(d.severity for d in found if d.category == "data_error") >= 12
