"""Pixel judge, charts: subplots laid out anew are one layout change (graded 2, as the truth grades it),
with what changed inside the subplots and in their words read where they went."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from tests.unit.test_pixel_chart_rules import _image

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart_rearranged import _subplots_rearranged
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.layout import boxed_frames, subplot_arrangement
from verm.types import Task

matplotlib.use("Agg")
import matplotlib.pyplot as plt


@pytest.fixture(scope="module")
def judge() -> PixelJudge:
    return PixelJudge()


def _panels(
    rows: int, cols: int, figsize: tuple[float, float], scale: float = 1.0, title: str = "line", bars: bool = True
):
    """Two or three subplots (a line, bars, a scatter) laid out ``rows`` x ``cols``."""
    fig, axs = plt.subplots(rows, cols, figsize=figsize, layout="constrained")
    x = np.arange(10)
    axs = list(np.ravel(axs))
    axs[0].plot(x, scale * np.sin(x / 2), color="#1f77b4")
    axs[0].set_title(title)
    if bars:
        axs[1].bar(x, 2 + np.cos(x / 3), color="#ff7f0e")
    axs[1].set_title("bars")
    if len(axs) > 2:
        axs[2].scatter(x, x % 4, color="#2ca02c")
        axs[2].set_title("dots")
    return _image(fig)


def test_subplots_side_by_side_stacked_instead_are_one_layout_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _panels(1, 2, (8, 3.5)), _panels(2, 1, (8, 3.5)))
    assert len(ds) == 1, ds
    assert ds[0].category == "structure_error" and ds[0].severity == 2, ds
    assert "2x1 instead of 1x2" in ds[0].description


def test_stacked_subplots_put_side_by_side_are_one_layout_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _panels(2, 1, (6, 6)), _panels(1, 2, (6, 6)))
    assert len(ds) == 1, ds
    assert ds[0].category == "structure_error" and ds[0].severity == 2, ds


def test_subplots_squeezed_by_a_new_layout_are_one_layout_change_graded_as_any(judge: PixelJudge) -> None:
    # Three panels of a wide, short figure stacked in a column: thin strips, but every value is still there
    # (the truth grades any new arrangement 2).
    ds = judge.judge_images(Task.CHART, _panels(1, 3, (12, 2.6)), _panels(3, 1, (12, 2.6)))
    assert len(ds) == 1, ds
    assert ds[0].category == "structure_error" and ds[0].severity == 2, ds
    assert "squeezed" in ds[0].description


def _fixed_panels(rows: int, cols: int, scale: float = 1.0):
    """A line on a fixed y range beside dots, ``rows`` x ``cols``."""
    fig, axs = plt.subplots(rows, cols, figsize=(8, 3.5), layout="constrained")
    x = np.arange(10)
    axs[0].plot(x, scale * np.sin(x / 2), color="#1f77b4", linewidth=2)
    axs[0].set_ylim(-1.2, 1.2)
    axs[1].scatter(x, x % 4, color="#2ca02c")
    return _image(fig)


def test_data_changed_inside_subplots_laid_out_anew_is_one_item_with_the_layout(judge: PixelJudge) -> None:
    # The line's values negated and the two subplots stacked instead of side by side: one change on the
    # same place, graded by the data (as the truth merges them), not every subplot's data hidden.
    ds = judge.judge_images(Task.CHART, _fixed_panels(1, 2), _fixed_panels(2, 1, scale=-1.0))
    assert len(ds) == 1, ds
    assert ds[0].category == "data_error", ds
    assert "2x1 instead of 1x2" in ds[0].description and "1 of 2 subplots" in ds[0].description


def test_a_title_changed_in_subplots_laid_out_anew_is_read_where_it_went(judge: PixelJudge) -> None:
    ref = _panels(1, 2, (8, 3.5), title="Quarterly revenue")
    ds = judge.judge_images(Task.CHART, ref, _panels(2, 1, (8, 3.5), title="Quarterly expenses"))
    assert [d.category for d in ds] == ["structure_error", "text_error"], ds
    assert "expenses" in ds[1].description.lower() and ds[1].severity == 2, ds
    # The same title, moved with its subplot: no text change.
    same = judge.judge_images(Task.CHART, ref, _panels(2, 1, (8, 3.5), title="Quarterly revenue"))
    assert [d.category for d in same] == ["structure_error"], same


def test_a_data_change_in_the_same_layout_is_no_layout_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _panels(1, 2, (8, 3.5)), _panels(1, 2, (8, 3.5), scale=3.0))
    assert ds, "the line's values changed"
    assert not any("arranged" in d.description for d in ds), ds


def test_subplot_arrangement_counts_rows_and_columns_of_frame_centres() -> None:
    row = [(0, 0, 40, 40), (50, 2, 90, 41), (100, 1, 140, 40)]
    assert subplot_arrangement(row, 200, 100) == (1, 3)
    column = [(0, 0, 40, 20), (5, 30, 45, 50)]
    assert subplot_arrangement(column, 200, 100) == (2, 1)


def test_boxed_frames_keep_axes_with_three_spines_and_drop_two_straight_edges() -> None:
    ink = np.zeros((100, 200), bool)
    ink[10, 10:90] = ink[10:90, 10] = ink[10:90, 89] = True  # an axes without its bottom spine
    ink[10:90, 120] = ink[89, 120:190] = True  # two straight edges meeting
    assert boxed_frames(ink, [(10, 10, 90, 90), (120, 10, 190, 90)]) == [(10, 10, 90, 90)]


def _boxes_ctx(ref_boxes: list[tuple[int, int, int, int]], cand_boxes: list[tuple[int, int, int, int]]) -> _Ctx:
    """A chart context of black axes boxes (2 px spines) on white, 400 x 300."""

    def draw(boxes: list[tuple[int, int, int, int]]) -> tuple[np.ndarray, np.ndarray]:
        ink = np.zeros((300, 400), bool)
        for x0, y0, x1, y1 in boxes:
            ink[y0 : y0 + 2, x0:x1] = ink[y1 - 2 : y1, x0:x1] = True
            ink[y0:y1, x0 : x0 + 2] = ink[y0:y1, x1 - 2 : x1] = True
        rgb = np.where(ink[..., None], 0, 255).astype(np.uint8).repeat(3, axis=2)
        return rgb, ink

    (ref, ref_ink), (cand, cand_ink) = draw(ref_boxes), draw(cand_boxes)
    return _Ctx(Task.CHART, ref, cand, ref_ink, cand_ink, None, None)


def test_axes_kept_where_they_were_are_no_layout_change() -> None:
    stacked = [(40, 20, 240, 130), (40, 160, 240, 270)]
    # The same two axes and one more beside them: frames now in two columns, the layout kept.
    assert _subplots_rearranged(_boxes_ctx(stacked, [*stacked, (270, 20, 380, 270)])) == []
    side_by_side = [(40, 40, 190, 260), (220, 40, 370, 260)]
    moved = _subplots_rearranged(_boxes_ctx(stacked, side_by_side))
    assert len(moved) == 1 and moved[0].severity == 2


def _pies(rows: int, cols: int, shares: tuple[int, ...] = (38, 27, 18, 17)):
    """A pie beside (or over) a donut, ``rows`` x ``cols``, in a wide figure."""
    fig, (ax1, ax2) = plt.subplots(rows, cols, figsize=(9, 4.5))
    ax1.pie(shares, labels=["North", "South", "East", "West"], startangle=90)
    ax1.set_title("Market share")
    ax2.pie([45, 30, 25], labels=["staff", "rent", "energy"], startangle=90, wedgeprops={"width": 0.4})
    ax2.set_title("Costs")
    return _image(fig)


def test_pies_side_by_side_stacked_instead_are_one_layout_change(judge: PixelJudge) -> None:
    # No axes: the pies are the subplots, found again smaller and elsewhere (not their wedges gone).
    ds = judge.judge_images(Task.CHART, _pies(1, 2), _pies(2, 1))
    assert [(d.category, d.severity) for d in ds] == [("structure_error", 2)], ds
    assert "2x1 instead of 1x2" in ds[0].description
