"""Pixel judge, charts: content gone, read as a reader sees it (round 24).

Split881 (round 23's measurement, READ afterwards) left two patterns behind pixel hack wins:

- "only the title" over a timeline: its stems and axis line closed no plot frame, so the data reading found
  none, and the candidate, which kept 5 % of the reference's ink, cost three text items and an axis change,
  less than an honest candidate;
- a legend inside the plot, gone with every series but one ("one line"), was read as part of the plot's one
  data change; alone, the legend gone read as a severe data change;
- a straight line drawn across a plot its tiles fill (a Marimekko chart) has reference marks near everywhere,
  so it was read as the candidate's own data, not as a ruler carrying none.

Each test renders real programs (written for these tests) in the sandboxed renderer, as the bench does, and
judges the images with the pixel judge.
"""

from __future__ import annotations

import io

from PIL import Image
from tests.conftest import render_charts
from tests.unit.test_pixel_chart_rules import judge

from verm.bench.hacks import hack_sources
from verm.judge.pixel import PixelJudge
from verm.types import Discrepancy, Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _judged(judge: PixelJudge, ref_code: str, cand_codes: dict[str, str]) -> dict[str, list[Discrepancy]]:
    shown = render_charts({"ref": ref_code, **cand_codes})
    ref = Image.open(io.BytesIO(shown["ref"].png)).convert("RGB")
    return {
        k: judge.judge_images(Task.CHART, ref, Image.open(io.BytesIO(shown[k].png)).convert("RGB")) for k in cand_codes
    }


def _severity(found: list[Discrepancy]) -> int:
    return sum(d.severity for d in found)


#: A product timeline: stems from an axis line, markers on it, two-line annotations; no y axis, no box.
_TIMELINE = """
import matplotlib.pyplot as plt
import matplotlib.dates as mdates
from datetime import date
events = [("Kick-off", date(2021, 1, 11)), ("Design review", date(2021, 4, 2)), ("Prototype", date(2021, 7, 19)),
          ("Field trial", date(2021, 11, 3)), ("Certification", date(2022, 2, 14)), ("Launch", date(2022, 6, 1))]
levels = [3, -2, 2, -3, 1.5, 2.5]
fig, ax = plt.subplots(figsize=(9, 4))
ax.set_title("Product timeline", loc="left", fontweight="bold")
ax.axhline(0, color="black", lw=1.2, zorder=1)
for (name, when), lv in zip(events, levels):
    ax.vlines(when, 0, lv, color="tab:red", lw=0.8)
    ax.plot(when, 0, "o", mfc="white", mec="black", zorder=3)
    ax.annotate(f"{name}\\n{when:%Y-%m-%d}", (when, lv), xytext=(0, 4 if lv > 0 else -4), textcoords="offset points",
                ha="center", va="bottom" if lv > 0 else "top", fontsize=8)
ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
ax.yaxis.set_visible(False)
for side in ("left", "top", "right"):
    ax.spines[side].set_visible(False)
ax.margins(y=0.15)
plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
fig.tight_layout()
"""


def test_title_only_over_a_frameless_timeline_is_bare(judge: PixelJudge) -> None:
    """A candidate keeping the title alone of a timeline (10 % of its ink) costs what it hides, in full (before:
    one severe item and texts, under an honest candidate's worth); a label renamed stays a text item."""
    renamed = _TIMELINE + "\nax.texts[2].set_text('Prototype v2\\n2021-07-19')\n"
    found = _judged(judge, _TIMELINE, {**hack_sources(Task.CHART, _TIMELINE, ["only the title"]), "renamed": renamed})
    bare = found["only the title"]
    assert sum(d.severity == 3 for d in bare) >= 8, bare
    assert any("draws nothing of its own" in d.description for d in bare), bare
    assert _severity(found["renamed"]) <= 3, found["renamed"]
    assert all(d.category == "text_error" for d in found["renamed"]), found["renamed"]


#: A noisy signal and its fitted model, the legend inside the plot's lower left.
_SIGNAL = """
import numpy as np
import matplotlib.pyplot as plt
rng = np.random.default_rng(3)
t = np.linspace(0, 10, 400)
fig, ax = plt.subplots(figsize=(8, 4))
ax.plot(t, np.sin(t) + 0.1 * rng.standard_normal(t.size), color="0.6", lw=0.8, label="measured signal")
ax.plot(t, np.sin(t), color="tab:red", lw=1.5, label="fitted model")
ax.set_ylim(-2.5, 1.6)
ax.legend(loc="lower left")
ax.set_title("Signal and model")
ax.set_xlabel("time (s)")
fig.tight_layout()
"""


def test_a_legend_gone_inside_the_plot_is_a_text_item(judge: PixelJudge) -> None:
    """The legend removed reads as its words gone (before: a severe data change over the plot); moved, it
    reads as moved, not gone."""
    found = _judged(
        judge,
        _SIGNAL,
        {"gone": _SIGNAL + "\nax.get_legend().remove()\n", "moved": _SIGNAL + "\nax.legend(loc='upper right')\n"},
    )
    gone = found["gone"]
    assert [(d.category, d.severity) for d in gone] == [("text_error", 2)], gone
    assert "measured signal" in gone[0].description, gone
    assert not any("missing" in d.description for d in found["moved"]), found["moved"]
    assert _severity(found["moved"]) <= 2, found["moved"]


#: A Marimekko chart: regions as columns as wide as their sales, brands as tiles as tall as their share.
_MARIMEKKO = """
import matplotlib.pyplot as plt
regions = {"North": (410, [0.34, 0.27, 0.22, 0.17]), "South": (260, [0.22, 0.31, 0.28, 0.19]),
           "East": (180, [0.41, 0.18, 0.25, 0.16]), "West": (150, [0.29, 0.24, 0.21, 0.26])}
brands = ["Acme", "Borealis", "Cobalt", "Other"]
colours = ["#264653", "#2a9d8f", "#e9c46a", "#e76f51"]
total = sum(size for size, _ in regions.values())
fig, ax = plt.subplots(figsize=(9, 5.5))
x = 0.0
for name, (size, shares) in regions.items():
    width = size / total
    bottom = 0.0
    for share, colour, brand in zip(shares, colours, brands):
        ax.bar(x, share, width=width, bottom=bottom, align="edge", color=colour, edgecolor="white", linewidth=1.5,
               label=brand if name == "North" else None)
        bottom += share
    ax.text(x + width / 2, 1.02, name, ha="center", va="bottom", fontsize=9)
    x += width
ax.set_xlim(0, 1)
ax.set_ylim(0, 1)
ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
ax.set_xlabel("Share of unit sales")
ax.set_ylabel("Brand share within region")
ax.set_title("Handset market by region and brand", pad=24, fontweight="bold")
ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
fig.tight_layout()
"""


def test_a_ruler_across_a_plot_of_tiles_is_no_data_drawn(judge: PixelJudge) -> None:
    """ "One line" over a Marimekko chart (a straight line across its emptied plot) draws nothing of its own: bare,
    ten severe items (before: the line read as the candidate's own data, five); one tile changed stays small."""
    tile = _MARIMEKKO + "\nax.patches[5].set_height(0.2)\n"
    found = _judged(judge, _MARIMEKKO, {**hack_sources(Task.CHART, _MARIMEKKO, ["one line"]), "tile": tile})
    hack = found["one line"]
    assert any("draws nothing of its own" in d.description for d in hack), hack
    assert sum(d.severity == 3 for d in hack) >= 8, hack
    assert _severity(found["tile"]) <= 3, found["tile"]


#: Two sorting times on log-log axes: power laws, straight lines there.
_SORTING = """
import numpy as np
import matplotlib.pyplot as plt
n = np.array([10, 30, 100, 300, 1000, 3000, 10000])
fig, ax = plt.subplots(figsize=(7, 4.5))
ax.plot(n, 2e-6 * n ** 2, marker="o", color="#d62728", label="Insertion sort")
ax.plot(n, 5e-6 * n * np.log2(n), marker="s", color="#1f77b4", label="Quicksort")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("input size n")
ax.set_ylabel("time (s)")
ax.set_title("Sorting time")
ax.legend()
ax.grid(True, which="major", alpha=0.3)
fig.tight_layout()
"""


def test_a_series_kept_and_moved_straight_on_log_axes_is_no_ruler(judge: PixelJudge) -> None:
    """One series dropped, the y range autoscaled: the other, a straight line on log axes, moved and so differs
    from the reference in place. Over thin marks that is the series kept, not a ruler (the ruler rule read it so
    where the marks fill the plot only; split941's fresh pair chart-941-00022 scored 33 for a truth of 3)."""
    dropped = _SORTING + "\nax.lines[1].remove()\nax.relim()\nax.autoscale_view()\n"
    found = _judged(judge, _SORTING, {"dropped": dropped})["dropped"]
    assert not any("draws nothing of its own" in d.description for d in found), found
    assert _severity(found) <= 6, found


#: Two series of a sequential palette, the light step pale (chroma under 20), with a translucent band between.
_PALE_PAIR = """
import matplotlib.pyplot as plt
import numpy as np
day = np.arange(1, 31)
inflow = 40 + 12 * np.sin(day / 4.0) + 0.6 * day
outflow = 30 + 9 * np.cos(day / 3.0) - 0.3 * day
shades = plt.colormaps["Blues"](np.linspace(0.3, 0.9, 2))
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(day, inflow, color=shades[0], label="Inflow")
ax.plot(day, outflow, color=shades[1], label="Outflow")
ax.fill_between(day, inflow, outflow, alpha=0.3, color=shades[0])
ax.set_title("Reservoir balance, June")
ax.set_xlabel("Day")
ax.set_ylabel("Volume (ML)")
ax.legend(loc="upper left", frameon=False)
fig.tight_layout()
"""


def test_a_pale_series_kept_is_data_kept(judge: PixelJudge) -> None:
    """The dark series dropped beside a pale one and its band, both kept, hides part of the data: under the
    candidates that keep the pale line alone or nothing (before: the pale step, under the chroma of a mark colour,
    counted as no data, and the honest drop cost ten severe items, as much as empty axes)."""
    dropped = _PALE_PAIR.replace('ax.plot(day, outflow, color=shades[1], label="Outflow")\n', "")
    hacks = hack_sources(Task.CHART, _PALE_PAIR, ["one line", "axes without data"])
    found = _judged(judge, _PALE_PAIR, {**hacks, "dropped": dropped})
    honest = _severity(found["dropped"])
    assert sum(d.severity == 3 for d in found["dropped"]) < 8, found["dropped"]
    assert honest < _severity(found["one line"]), (found["dropped"], found["one line"])
    assert honest < _severity(found["axes without data"]), (found["dropped"], found["axes without data"])
