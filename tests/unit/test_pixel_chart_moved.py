"""Pixel judge, charts: hacks against honest candidates whose series moved, and noise round the content.

Round 21's split709 (READ after its measurement) had 29 pixel hacks at or above an honest candidate of the
same reference. The patterns behind most of them:

- one series of two dropped, the y range autoscaled: the other series, kept in its pale colour and moved,
  was set aside as a stand-in (and a dotted line's dots as dots), so the candidate "drew nothing of its own"
  and paid ten severe items, more than empty axes;
- a line dropped from an area chart, the fill kept and moved the same way;
- a twin axis's tick labels, in its line's colour and kept beside emptied axes, kept that line's series;
- noise painted behind a figure's panels, its content kept over it, read as one data change;
- a fresh axes' white face on a grey figure read as data drawn anew elsewhere;
- dots at random in a series' colour, beside texts read as changed tick labels, read as that series rescaled.

Each test renders the reference and the candidate in the sandboxed renderer, as the bench does, and judges the
images with the pixel judge. The last one is split839's (round 22, READ after its measurement): subplots
standing apart are read apart, whatever marks their frames found hold.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from tests.conftest import render_charts
from tests.unit.test_pixel_chart_rules import judge

from verm.bench.hacks import hack_sources
from verm.corpus import gallery_dir
from verm.judge.pixel import PixelJudge
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.hidden import HIDDEN_PARTS
from verm.judge.pixel.layout import subplot_frames
from verm.types import Discrepancy, Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _severity(found: list[Discrepancy]) -> int:
    return sum(d.severity for d in found)


def _hidden(found: list[Discrepancy]) -> list[Discrepancy]:
    return [d for d in found if "plotted data" in d.description and "hid" in d.description]


def _judged(judge: PixelJudge, ref_code: str, cand_code: str) -> list[Discrepancy]:
    """The pixel judge's items for two programs rendered as the bench renders them (the sandboxed renderer: its
    size and dpi decide whether a dotted line's dots fall in the columns they did)."""
    shown = render_charts({"ref": ref_code, "cand": cand_code})
    return judge.judge_images(Task.CHART, *(Image.open(io.BytesIO(shown[k].png)).convert("RGB") for k in shown))


#: Monthly visitors of two groups in Pastel1 colours, the second dotted (the generator's seed 709, slot 19).
_BOTH = """
import matplotlib.pyplot as plt
plt.rcParams["font.family"] = "serif"
fig, ax = plt.subplots(figsize=(10, 6))
months = ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
visitors_group_1 = [53.4, 56.3, 57.1, 58.9, 52.0, 49.7, 38.5, 42.7, 39.6, 17.7]
visitors_group_2 = [38.4, 50.3, 44.7, 50.5, 57.7, 53.1, 44.9, 62.8, 75.7, 74.9]
colors = plt.colormaps["Pastel1"].colors[:2]
ax.plot(months, visitors_group_1, label="Group 1", color=colors[0], marker="s", linewidth=1.5)
ax.plot(months, visitors_group_2, label="Group 2", color=colors[1], marker="o", linestyle=":", linewidth=2)
ax.set_title("Visitors trend", fontweight="bold")
ax.set_xlabel("Month")
ax.set_ylabel("Visitors (k)")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
for side in ("top", "right"):
    ax.spines[side].set_visible(False)
plt.tight_layout()
"""
#: The bench's honest candidate: Group 1 dropped, the title and the legend misspelt.
_ONE_DROPPED = (
    _BOTH.replace(
        'ax.plot(months, visitors_group_1, label="Group 1", color=colors[0], marker="s", linewidth=1.5)\n', ""
    )
    .replace('label="Group 2"', 'label="Groun 2"')
    .replace("Visitors trend", "Supply trend")
)


def test_a_pale_series_kept_and_moved_is_drawn_not_a_stand_in(judge: PixelJudge) -> None:
    # Group 1 dropped, the y range autoscaled to Group 2: its dotted line moved up the plot. It carries Group 2's
    # values in its colour, so the candidate draws data of its own, graded by the share hidden, and costs less
    # than any hack.
    honest = _judged(judge, _BOTH, _ONE_DROPPED)
    assert not any("nothing of its own" in d.description for d in honest), honest
    assert len(_hidden(honest)) <= HIDDEN_PARTS, honest
    hacks = hack_sources(Task.CHART, _BOTH, ["diagonal line", "axes without data", "random dots", "text only"])
    for kind, code in hacks.items():
        assert _severity(_judged(judge, _BOTH, code)) > _severity(honest), kind


#: A satisfaction score as an area under its line (the generator's seed 709, slot 59).
_AREA = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(9, 6))
years = [2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012]
satisfaction = [4.63, 5.0, 5.18, 5.44, 5.63, 5.96, 5.31, 5.92, 5.95]
ax.fill_between(years, satisfaction, alpha=0.25, color="steelblue")
{line}
ax.set_ylim(bottom=0)
{ylim}
ax.set_title("Monthly satisfaction", fontweight="bold")
ax.set_ylabel("Satisfaction (1-10)")
"""


def test_an_area_kept_and_moved_under_a_wider_range_is_drawn(judge: PixelJudge) -> None:
    # The line over the area dropped and the y range widened: the fill, kept in its colour, moved down and
    # follows the values still. Ten severe items "drawn nothing of its own" cost more than empty axes.
    ref = _AREA.format(line='ax.plot(years, satisfaction, color="steelblue", linewidth=1.5)', ylim="")
    widened = "ax.set_ylim(0, ax.get_ylim()[1] * 1.35)"
    honest = _judged(judge, ref, _AREA.format(line="", ylim=widened).replace("[4.63, 5.0,", "[4.45, 4.81,"))
    assert not any("nothing of its own" in d.description for d in honest), honest
    for kind, code in hack_sources(Task.CHART, ref, ["axes without data", "one line"]).items():
        assert _severity(_judged(judge, ref, code)) > _severity(honest), kind


#: Orders as bars beside the average price on a twin axis, its tick labels and label in the line's red (the
#: generator's seed 709, slot 16).
_TWIN = """
import matplotlib.pyplot as plt
plt.rcParams.update({"font.family": "monospace", "font.size": 14, "axes.labelsize": 15})
fig, ax = plt.subplots(figsize=(7, 4))
months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
orders = [138, 90, 148, 213, 255, 268, 277, 176]
avg_price = [38.72, 44.15, 47.7, 44.92, 46.02, 49.89, 52.19, 52.86]
ax.bar(months, orders, color="tab:blue", alpha=0.8, label="Orders")
ax.set_ylabel("Orders", color="tab:blue")
ax.tick_params(axis="y", labelcolor="tab:blue")
ax2 = ax.twinx()
ax2.plot(months, avg_price, color="tab:red", marker="o", linewidth=2, label="Average price")
ax2.set_ylabel("Average price ($)", color="tab:red")
ax2.tick_params(axis="y", labelcolor="tab:red")
ax.set_title("Orders and average price", fontsize=16)
h1, l1 = ax.get_legend_handles_labels()
h2, l2 = ax2.get_legend_handles_labels()
ax.legend(h1 + h2, l1 + l2, loc="lower center")
"""


def test_a_twin_axis_coloured_like_its_line_keeps_no_data(judge: PixelJudge) -> None:
    # "text only" keeps the red tick labels and label of the twin axis beside the emptied plot: they are no part
    # of the red line's series, which is gone with the bars (one severity-3 item for the tick labels before).
    hack = hack_sources(Task.CHART, _TWIN, ["text only"])["text only"]
    hidden = _hidden(_judged(judge, _TWIN, hack))
    assert len(hidden) > HIDDEN_PARTS, hidden


def _gallery(bench: str, name: str) -> str:
    return (gallery_dir(bench) / name).read_text(encoding="utf-8")


def test_noise_behind_the_panels_costs_the_cells_it_fills(judge: PixelJudge) -> None:
    # The "random noise" hack's axes, added last, draws under the subfigures: the content stays over noise that
    # fills the figure round it. It read as one data change (severity 3, above an honest candidate's 4 items);
    # each cell of the figure it fills is one item now.
    ref = _gallery("heldout6", "microscopy_subfigures.py")
    found = _judged(judge, ref, hack_sources(Task.CHART, ref, ["random noise"])["random noise"])
    noise = [d for d in found if "noise" in d.description]
    assert len(noise) >= 4, found
    assert _severity(found) > 3 * 4, found


def test_a_scatter_recoloured_by_a_hue_map_is_no_noise(judge: PixelJudge) -> None:
    # A guard: points drawn in many hues (a cyclic colour map) are markers of one colour each, no noise.
    code = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(5)
x, y = rng.normal(size=(2, 600))
fig, ax = plt.subplots(figsize=(7, 5))
ax.scatter(x, y, s=18, {colour})
ax.set_title("Embedding of 600 cells")
"""
    found = _judged(judge, code.format(colour='color="tab:blue"'), code.format(colour="c=rng.random(600), cmap='hsv'"))
    assert found and not any("noise" in d.description for d in found), found


def test_a_fresh_white_axes_on_a_grey_figure_draws_no_data_anew(judge: PixelJudge) -> None:
    # The "diagonal line" hack clears the figure, whose grey stays, and draws fresh axes: their white face is
    # ink on grey, and was read as the grey data drawn anew elsewhere (a new layout, no data hidden).
    ref = _gallery("heldout6", "river_floodplain_hatched.py")
    hack = hack_sources(Task.CHART, ref, ["diagonal line"])["diagonal line"]
    assert len(_hidden(_judged(judge, ref, hack))) > HIDDEN_PARTS


def test_dots_at_random_in_a_series_colour_are_no_series_rescaled(judge: PixelJudge) -> None:
    # The texts beside the rows, hidden with the data, read as y tick labels changed: under new tick labels a
    # colour spanning its class was taken for the series rescaled. Dots at random fall anywhere, not in the
    # rows and columns the series took.
    ref = _gallery("heldout7", "life_expectancy_cleveland_dots.py")
    hack = hack_sources(Task.CHART, ref, ["random dots"])["random dots"]
    assert len(_hidden(_judged(judge, ref, hack))) > HIDDEN_PARTS


@pytest.mark.parametrize("top", [100, 130])
def test_a_dot_plot_rescaled_keeps_its_series(judge: PixelJudge, top: int) -> None:
    # A guard: the same dots under a new x range (its tick labels changed) keep their rows: rescaled, nothing
    # hidden.
    ref = _gallery("heldout7", "life_expectancy_cleveland_dots.py")
    assert "ax.set_xlim(60, 88)" in ref
    found = _judged(judge, ref, ref.replace("ax.set_xlim(60, 88)", f"ax.set_xlim(50, {top})"))
    assert found and not _hidden(found), found


_SCATTER = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(7)
gdp = np.exp(rng.uniform(0.5, 4.1, 30))
life = 60 + 5 * np.log(gdp) + rng.normal(0, 2, 30)
fig, ax = plt.subplots(figsize=(10, 6))
ax.scatter(gdp, life, alpha=0.7)
ax.set_xscale("log")
ax.set_xlabel("GDP per capita ($k) (log)")
ax.set_ylabel("Life expectancy (years)")
ax.set_title("Life expectancy vs. GDP")
ax.spines[["top", "right"]].set_visible(False)
"""


def test_a_scatter_narrowed_keeps_the_points_left_in_view(judge: PixelJudge) -> None:
    # A guard (split619's chart-619-00047): the y range narrowed, half the points out of view and the rest moved
    # up. They keep their columns: rescaled, no data hidden (ten severe items when dots had to keep the class's
    # columns as a whole).
    narrowed = _SCATTER.replace(
        'ax.set_title("Life', 'ax.set_ylim(life.min() - 1, np.median(life))\nax.set_title("Life'
    )
    found = _judged(judge, _SCATTER, narrowed)
    assert found and not _hidden(found), found


def test_a_panel_kept_beside_a_panel_emptied_costs_less_than_both_emptied(judge: PixelJudge) -> None:
    # split839's heldout8 (seed 863, READ after its measurement): the honest candidate drops the Manhattan
    # plot's series and turns the QQ panel's y axis log. The band of dots at the Manhattan plot's foot closes its
    # frame short, the frames found held a quarter of the marks, and the chart was read in one frame round both
    # panels: the QQ panel drawn cost what it cost emptied (30 severity each, 1.40 under pixel).
    ref = _gallery("heldout8", "gwas_manhattan_qq.py")
    series = "ax.scatter(pos, logp, c=cols, s=4, lw=0)\n"
    assert series in ref and 'ax2.set_title("QQ", loc="left")' in ref
    honest = ref.replace(series, "").replace(
        'ax2.set_title("QQ", loc="left")', 'ax2.set_title("QQ", loc="left")\nax2.set_yscale("log")'
    )
    empty = hack_sources(Task.CHART, ref, ["axes without data"])["axes without data"]
    assert _severity(_judged(judge, ref, empty)) > _severity(_judged(judge, ref, honest))


@pytest.mark.xfail(
    strict=True,
    reason="known gap: spy panels break into pieces where squares touch their spines (layout._line_frames); "
    "reading frames whole was tried in round 23 and set aside: it changed an inset chart's reading",
)
def test_spy_panels_are_found_whole_and_two_emptied_cost_what_they_hide(judge: PixelJudge) -> None:
    # split839's heldout7 (seed 859, READ after its measurement): a `spy` plot's squares touch its spines, and the
    # frame reading took the spines for thick where they did, so each panel broke into pieces and two of three
    # panels emptied ("one line") read as one 42 % data change (severity 3), tying an honest candidate.
    ref = _gallery("heldout7", "fem_sparse_matrix_spy.py")
    shown = render_charts({"ref": ref})
    rgb = np.asarray(Image.open(io.BytesIO(shown["ref"].png)).convert("RGB"))
    frames = subplot_frames(rgb, _lab_ink(rgb)[1])
    assert len(frames) == 3, frames
    one_line = hack_sources(Task.CHART, ref, ["one line"])["one line"]
    found = _judged(judge, ref, one_line)
    assert len(_hidden(found)) >= 5 and _severity(found) >= 15, [d.description for d in found]


def test_light_bars_gone_beside_a_dark_line_kept_are_no_line_style(judge: PixelJudge) -> None:
    # split839's heldout8 (READ): "one line" keeps a Tufte chart's dark line and drops its light record-range
    # bars, its band and its record markers; the dark line's anti-aliased rim is as light as the bars, and the
    # loss read as the line drawn dotted (severity 1), tying an honest candidate (a recoloured line, two typos).
    ref = _gallery("heldout8", "tufte_temperature_record_range.py")
    assert 'color="#5a3a1c"' in ref and "Toronto daily mean temperature" in ref
    honest = ref.replace('color="#5a3a1c"', 'color="#9b72be"').replace("daily mean", "daily mern")
    one_line = hack_sources(Task.CHART, ref, ["one line"])["one line"]
    found = _judged(judge, ref, one_line)
    assert not any("drawn otherwise along the same path" in d.description for d in found), found
    assert _severity(found) > _severity(_judged(judge, ref, honest))


def test_random_dots_keep_no_class_they_meet_by_chance(judge: PixelJudge) -> None:
    # split839's heldout8 (READ): dots at random over a table of sparklines fall within 2 px of half its red and
    # green marks' ink, and at their edges, by chance: every class read kept, the dots one "another chart type"
    # change (severity 3). Past the chance share they keep none: the data are hidden.
    ref = _gallery("heldout8", "kpi_sparkline_table.py")
    dots = hack_sources(Task.CHART, ref, ["random dots"])["random dots"]
    found = _judged(judge, ref, dots)
    assert len(_hidden(found)) >= 3 and _severity(found) >= 12, [d.description for d in found]
