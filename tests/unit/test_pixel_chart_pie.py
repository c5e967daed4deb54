"""Pixel judge, charts: a pie whose shares changed is one data change; short labels read through OCR's confusions."""

from __future__ import annotations

import pytest
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the module's PixelJudge fixture, shared


def _exploded_pie(sizes: list[float]) -> Image.Image:
    """An exploded pie with a shadow, percentages on the wedges and labels around it, a legend beside it."""
    labels = ["Frogs", "Hogs", "Dogs", "Logs"]
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.pie(sizes, explode=(0, 0.1, 0, 0), labels=labels, autopct="%1.1f%%", shadow=True, startangle=90,
           colors=["#8dd3c7", "#ffffb3", "#bebada", "#fb8072"])  # fmt: skip
    ax.legend(labels, title="Animals", loc="center left", bbox_to_anchor=(1, 0.5))
    ax.axis("equal")
    ax.set_title("Farm census")
    return _image(fig)


def test_one_share_changed_is_one_data_change(judge: PixelJudge) -> None:
    ref = _exploded_pie([15, 30, 45, 10])
    # One value changed turns every wedge after it, their labels, percentages and the shadow: one change.
    found = judge.judge_images(Task.CHART, ref, _exploded_pie([15, 30, 45, 18]))
    assert len(found) == 1, found
    assert found[0].category == "data_error" and found[0].severity == 2, found
    # The same pie: nothing.
    assert not judge.judge_images(Task.CHART, ref, _exploded_pie([15, 30, 45, 10]))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("50", "so", True), ("60", "6o", True), ("70{", "70 {", True), ("50", "60", False), ("Farm", "farm", False),
     ("2018", "2019", False)],
)  # fmt: skip
def test_short_numbers_read_through_ocr_confusions(a: str, b: str, same: bool) -> None:
    from verm.judge.pixel.text import _same_number

    assert _same_number(a, b) is same


def _climate(bars: bool) -> Image.Image:
    """Precipitation on the left axis (bars, or a line in the bars' colour) and two temperature lines on a twin axis."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    precip = [78, 61, 55, 43, 48, 52, 64, 83, 101, 118, 110, 92]
    fig, ax1 = plt.subplots(figsize=(8, 4.5))
    if bars:
        ax1.bar(months, precip, color="#6baed6", edgecolor="#2171b5")
    else:
        ax1.plot(months, precip, color="#6baed6")
    ax1.set_ylim(0, 160)
    ax2 = ax1.twinx()
    ax2.plot(months, [4.1, 4.9, 8.8, 13.6, 18.2, 21.5, 23.9, 23.1, 18.9, 13.4, 8.0, 4.9], color="#d7301f", marker="o")
    ax2.plot(months, [-2.3, -2.6, -0.1, 3.2, 7.6, 11.2, 13.8, 13.4, 9.9, 6.1, 1.9, -1.1], color="#fc8d59", marker="s")
    ax1.set_title("Bergen climate normals")
    fig.tight_layout()
    return _image(fig)


def test_bars_retyped_as_a_line_beside_a_twin_axis_are_one_change(judge: PixelJudge) -> None:
    # The bars' ink is gone, but a line in their colour carries their values: one data change, no hidden data.
    found = judge.judge_images(Task.CHART, _climate(True), _climate(False))
    assert len(found) == 1 and found[0].category == "data_error", found
    assert not any("hide" in d.description for d in found), found


def test_a_heatmaps_square_of_cells_is_no_pie() -> None:
    import numpy as np

    from verm.judge.pixel.chart_pie import _round

    # A disc and a square of the same box: the square's corners (21 % of it) lie outside the circle its box
    # holds, as a heatmap's cells joined across their white grid do; a pie's disc has none there.
    yy, xx = np.mgrid[:200, :200]
    disc = (xx - 100) ** 2 + (yy - 100) ** 2 <= 90**2
    square = np.zeros((200, 200), bool)
    square[10:190, 10:190] = True
    assert _round(disc, 100.0, 100.0, 90.0)
    assert not _round(square, 100.0, 100.0, 90.0)
