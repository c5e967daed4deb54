"""Pixel judge, charts: one attribute change shared by many separate shapes is one item (round 26).

Split997 (round 25's measurement) left a tournament bracket whose honest candidate (every box recoloured, the
connectors' line style changed: two changes, severity 3) the pixel judge read as 28 items, its reward at the floor,
under every reward hack. A drawing of many separate patches (a bracket, a calendar, an org chart) changed alike
is one change: its count goes into the description, not into the number of items
(`verm.judge.pixel.chart_shared`). The programs here were written for these tests; each is rendered for real in
the sandboxed renderer, as the bench does, and judged by the pixel judge.
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

#: A 16-team knockout bracket: 31 rounded boxes with the teams' names, joined by connector lines.
_BRACKET = """
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch
teams = ["Lions", "Tigers", "Bears", "Wolves", "Eagles", "Hawks", "Sharks", "Whales",
         "Foxes", "Owls", "Bulls", "Rams", "Colts", "Jets", "Kings", "Suns"]
fig, ax = plt.subplots(figsize=(10, 7))
ax.set_xlim(0, 10); ax.set_ylim(-0.5, 16); ax.axis("off")
ax.set_title("Spring Cup bracket", fontweight="bold")
W, H = 1.6, 0.7
BOX = "#cfe2f3"; EDGE = "#1f4e79"; LINE = "-"
def box(x, y, label):
    ax.add_patch(FancyBboxPatch((x, y - H / 2), W, H, boxstyle="round,pad=0.05", fc=BOX, ec=EDGE, lw=1.2))
    ax.text(x + W / 2, y, label, ha="center", va="center", fontsize=9)
ys = [i + 0.5 for i in range(16)]
rounds = [teams, ["Lions", "Wolves", "Hawks", "Sharks", "Foxes", "Rams", "Jets", "Suns"],
          ["Lions", "Sharks", "Rams", "Suns"], ["Lions", "Rams"], ["Rams"]]
x = 0.2
for r, names in enumerate(rounds):
    for y, n in zip(ys, names):
        box(x, y, n)
    if r + 1 < len(rounds):
        nxt = [(ys[2 * k] + ys[2 * k + 1]) / 2 for k in range(len(ys) // 2)]
        for k, ny in enumerate(nxt):
            for y in (ys[2 * k], ys[2 * k + 1]):
                ax.plot([x + W, x + W + 0.2, x + W + 0.2, x + 2.0], [y, y, ny, ny], color="#555555", lw=1.2, ls=LINE)
        ys = nxt
    x += 2.0
fig.tight_layout()
"""
_STYLES = 'BOX = "#cfe2f3"; EDGE = "#1f4e79"; LINE = "-"'

#: A month's calendar: 31 separate day cells (a few shaded), each edged in one colour.
_CALENDAR = """
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle
FILL = "#f4cccc"; EDGE = "#990000"
fig, ax = plt.subplots(figsize=(8, 6))
ax.set_xlim(0, 7); ax.set_ylim(0, 6.5); ax.axis("off")
ax.set_title("March 2026")
for i, d in enumerate("Mon Tue Wed Thu Fri Sat Sun".split()):
    ax.text(i + 0.5, 6.2, d, ha="center", fontsize=9, fontweight="bold")
day = 1
for w in range(5):
    for i in range(7):
        if w == 0 and i < 6 or day > 31:
            continue
        busy = (day * 7) % 5 == 0
        ax.add_patch(Rectangle((i + 0.05, 5 - w + 0.05), 0.9, 0.9, fc=FILL if busy else "#ffffff", ec=EDGE, lw=1))
        ax.text(i + 0.12, 5 - w + 0.8, str(day), va="top", fontsize=8)
        day += 1
fig.tight_layout()
"""


def _judged(judge: PixelJudge, cases: dict[str, tuple[str, str]]) -> dict[str, list[Discrepancy]]:
    """Each case (reference, candidate) rendered and judged."""
    sources = {f"{k}/{side}": src for k, pair in cases.items() for side, src in zip(("ref", "cand"), pair, strict=True)}
    shown = render_charts(sources)

    def img(key: str) -> Image.Image:
        return Image.open(io.BytesIO(shown[key].png)).convert("RGB")

    return {k: judge.judge_images(Task.CHART, img(f"{k}/ref"), img(f"{k}/cand")) for k in cases}


def _severity(found: list[Discrepancy]) -> int:
    return sum(d.severity for d in found)


def _shared(found: list[Discrepancy]) -> list[Discrepancy]:
    return [d for d in found if "separate shapes" in d.description]


def test_many_shapes_changed_alike_are_one_item_each_change(judge: PixelJudge) -> None:
    """Every box of a bracket recoloured and its connectors dashed reads as two items (before: one data_error 3
    counting 30 marks; on the measured bracket, 28 items); a calendar's 31 cell edges recoloured reads as one
    item (before: a data change "in 24 subplots alike" beside the colour change); the bracket recoloured with
    three more changes of its own (a team renamed, the title, a new tile) still reads them: no cap hides a
    change; a hack of the bracket costs more than the honest candidate."""
    honest = _BRACKET.replace(_STYLES, 'BOX = "#fce5cd"; EDGE = "#1f4e79"; LINE = "--"')
    recoloured = _BRACKET.replace(_STYLES, 'BOX = "#fce5cd"; EDGE = "#1f4e79"; LINE = "-"')
    four = (
        recoloured.replace('"Spring Cup bracket"', '"Spring Cup draw"').replace(
            '"Bears", "Wolves"', '"Bears", "Coyotes"', 1
        )
        + '\nax.add_patch(plt.Rectangle((8.6, 1), 1, 1, color="#6aa84f"))\n'
    )
    hack = hack_sources(Task.CHART, _BRACKET, ["axes without data"])["axes without data"]
    found = _judged(
        judge,
        {
            "honest": (_BRACKET, honest),
            "four": (_BRACKET, four),
            "hack": (_BRACKET, hack),
            "calendar": (_CALENDAR, _CALENDAR.replace('EDGE = "#990000"', 'EDGE = "#38761d"')),
        },
    )
    got = found["honest"]
    assert len(got) == 2, got
    (shared,) = _shared(got)
    assert shared.category == "style_error" and shared.severity == 2, got
    assert "fills of 3" in shared.description and "#fce5cd" in shared.description, got
    assert any("line style" in d.description for d in got), got
    assert _severity(got) <= 4, got

    cal = found["calendar"]
    assert len(cal) == 1 and "edges of" in cal[0].description and cal[0].category == "style_error", cal

    four_found = found["four"]
    assert len(_shared(four_found)) == 1, four_found
    assert 3 <= len(four_found) <= 5, four_found
    assert any("Spring Cup draw" in d.description for d in four_found), four_found
    assert any("#6aa84f" in d.description for d in four_found), four_found

    assert _severity(found["hack"]) > 3 * _severity(got), found["hack"]
