"""Scene judge, charts: texts placed in data units on an axes without its axis (an infographic's cards) whose
range changed. A text whose call's text left the image on the other side left the view with the range, whatever
its words now read; texts of the same words (a unit line on every card) pair by their call, so the view moving
them all makes no two of them trade places."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

SHELF = """
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch
fig = plt.figure(figsize=(7, 6))
ax = fig.add_axes([0, 0, 1, 1])
ax.set_xlim(0, 100)
ax.set_ylim(0, TOP)
ax.axis("off")
ax.text(5, 93, "SUB", fontsize=11)
stock = [("pears", "per crate"), ("plums", "per crate"), ("figs", "per tray"), ("limes", "per crate"),
         ("dates", "per tray"), ("kiwis", "per crate"), ("mango", "per tray"), ("guava", "per tray")]
for k, (name, unit) in enumerate(stock):
    x0, y0 = 5 + (k % 2) * 48, 66 - (k // 2) * 20
    ax.add_patch(FancyBboxPatch((x0, y0), 42, 15, boxstyle="round,pad=0.4", facecolor="white", edgecolor="C0"))
    ax.text(x0 + 4, y0 + 9, name, fontsize=13)
    ax.text(x0 + 4, y0 + 3, unit, fontsize=8)
"""
SUB = "Fruit stocked in each aisle this week"


def _judge(top: int, sub: str = SUB) -> list[Discrepancy]:
    charts = render_charts(
        {
            "ref": SHELF.replace("TOP", "100").replace("SUB", SUB),
            "cand": SHELF.replace("TOP", str(top)).replace("SUB", sub),
        }
    )
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_texts_of_the_same_words_moved_by_the_view_trade_no_places() -> None:
    found = _judge(62)
    assert not any("traded places" in d.description for d in found), found
    assert [d.location for d in found] == ["plot y-axis"], found


def test_a_text_reworded_off_the_image_left_the_view() -> None:
    # The subtitle was reworded and pushed off the image by the narrowed range: nothing of it shows.
    found = _judge(62, "Fruit stocked in each isle this week")
    assert not any(d.category == "text_error" for d in found), found


def test_a_text_reworded_in_view_still_reads_otherwise() -> None:
    found = _judge(100, "Fruit stocked in each isle this week")
    assert len(found) == 1 and found[0].category == "text_error" and found[0].severity == 1, found
