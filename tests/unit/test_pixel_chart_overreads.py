"""Pixel judge, charts: one honest change read once, not as a pile of items (a tinted face's plot
frame, a legend cut by the canvas's edge, a twin axis's column of tick labels, tick labels OCR
reads in another case)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image

from verm.judge.pixel import PixelJudge
from verm.judge.pixel import chart as chart_module
from verm.judge.pixel import chart_axis as chart_axis_module
from verm.judge.pixel.chart_axis import _axis_change, tick_axis
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.difference import Region
from verm.judge.pixel.layout import chart_frame
from verm.types import Task

matplotlib.use("Agg")
import matplotlib.pyplot as plt

#: seaborn's darkgrid: a tinted face, white grid lines, no spines.
DARKGRID = {
    "axes.facecolor": "#eaeaf2",
    "axes.edgecolor": "white",
    "axes.grid": True,
    "grid.color": "white",
    "axes.spines.left": False,
    "axes.spines.right": False,
    "axes.spines.top": False,
    "axes.spines.bottom": False,
}


@pytest.fixture(scope="module")
def judge() -> PixelJudge:
    return PixelJudge()


def _darkgrid_histogram() -> tuple[Image.Image, tuple[float, float, float, float]]:
    """Tall bars on a tinted face without spines; and the face's box as shares of the image."""
    with plt.rc_context(DARKGRID):
        fig, ax = plt.subplots(figsize=(8, 5))
        ax.bar(np.arange(6, 14), [2, 5, 9, 12, 10, 6, 3, 1], width=1.0, color="#4c72b0")
        ax.set_xlim(0, 20)
        ax.set_ylim(0, 13)
        box = ax.get_position()
        return _image(fig), (box.x0, 1 - box.y1, box.x1, 1 - box.y0)


def test_a_tinted_faces_plot_frame_is_the_face_not_its_bars_edges() -> None:
    # The bars' long straight edges are no axes: the plot is the face (a y range widened read as
    # the bars' edges moved, data changed per place, split109 histogram).
    img, (fx0, fy0, fx1, fy1) = _darkgrid_histogram()
    rgb = np.asarray(img)
    h, w = rgb.shape[:2]
    frame = chart_frame(rgb, _lab_ink(rgb)[1])
    assert frame is not None
    x0, y0, x1, y1 = frame
    assert abs(x0 - fx0 * w) <= 3 and abs(x1 - fx1 * w) <= 3, frame
    assert abs(y0 - fy0 * h) <= 3 and abs(y1 - fy1 * h) <= 3, frame


def test_a_white_charts_frame_is_its_spines() -> None:
    # No tinted face: the spines' box, as before.
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.bar(np.arange(6, 14), [2, 5, 9, 12, 10, 6, 3, 1], width=1.0, color="#4c72b0")
    box = ax.get_position()
    rgb = np.asarray(_image(fig))
    h, w = rgb.shape[:2]
    frame = chart_frame(rgb, _lab_ink(rgb)[1])
    assert frame is not None
    assert abs(frame[0] - box.x0 * w) <= 5 and abs(frame[3] - (1 - box.y0) * h) <= 5, frame


def _violin_over_pie(top: float) -> Image.Image:
    """A violin plot on a tinted face above a pie on white (subplots), its y range up to ``top``."""
    rng = np.random.default_rng(3)
    with plt.rc_context(DARKGRID):
        fig, (ax, pie) = plt.subplots(2, 1, figsize=(6, 5.5), height_ratios=(1, 1.1))
        parts = ax.violinplot([rng.normal(m, 25, 200) for m in (170, 140, 145, 195, 105)], showextrema=False)
        for body, colour in zip(parts["bodies"], ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2"), strict=True):
            body.set_facecolor(colour)
            body.set_alpha(1.0)
        ax.set_ylim(20, top)
        pie.pie([20, 18, 25, 17, 15, 5], labels=list("ABCDEF"), radius=1.25)
        return _image(fig)


def test_a_y_range_widened_over_a_tinted_face_beside_a_pie_is_one_change(judge: PixelJudge) -> None:
    # The violins' and the pie's round edges framed the pie's middle as the plot: every violin read
    # as data changed, the tick labels one by one (split127 chart-127-00008: 7 items for 1).
    ds = judge.judge_images(Task.CHART, _violin_over_pie(230), _violin_over_pie(330))
    assert len(ds) == 1, ds
    assert ds[0].category == "data_error" and ds[0].severity <= 2, ds


def _pie_with_cut_legend(loc: str, anchor: tuple[float, float]) -> Image.Image:
    """A pie whose legend stands outside the axes, cut by the canvas's right edge."""
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.pie([18, 25, 38, 19], startangle=90)
    ax.legend(["Phones", "Monitors", "Headphones", "Cameras"], title="Product", loc=loc, bbox_to_anchor=anchor)
    return _image(fig)


def test_a_legend_cut_by_the_canvas_moved_along_it_is_one_move(judge: PixelJudge) -> None:
    # Cut elsewhere where it went, the whole block matched nowhere: its box read as ink missing and
    # its swatches and words as two extra inks (split109 chart-109-00059).
    ref = _pie_with_cut_legend("center left", (0.95, 0.5))
    cand = _pie_with_cut_legend("lower left", (1.0, -0.05))
    ds = judge.judge_images(Task.CHART, ref, cand)
    assert len(ds) == 1, ds
    assert ds[0].category == "style_error" and ds[0].severity == 1 and "moved" in ds[0].description, ds


def test_a_twin_axis_column_of_tick_labels_reaching_the_frame_is_its_tick_labels() -> None:
    # A twin axis's labels changed as one tall region (with its axis label beside them), from its
    # tick marks on the frame: the y2 tick labels, as a y axis's column is (split127 chart-127-00091).
    rgb = np.full((300, 400, 3), 255, np.uint8)
    c = _Ctx(Task.CHART, rgb, rgb, np.zeros((300, 400), bool), np.zeros((300, 400), bool), (46, 36, 363, 270), None)

    def region(box: tuple[int, int, int, int]) -> Region:
        w, h = box[2] - box[0], box[3] - box[1]
        return Region(
            bbox=box, area=w * h // 4, mean_de=30.0, ref_ink=w * h // 4, cand_ink=w * h // 4, both_ink=0,
            changed_both_ink=0, changed_ref_only=w * h // 8, changed_cand_only=w * h // 8, changed_no_ink=0,
            stroke_ratio=0.5, ink_blobs=5, ref_colour=(0, 0, 0), cand_colour=(0, 0, 0),
        )  # fmt: skip

    assert tick_axis(c, region((362, 78, 400, 240))) == "y2"
    # (a legend beside the plot, on the right, stands off the frame: no tick labels)
    assert tick_axis(c, region((372, 78, 400, 240))) is None


def test_tick_labels_read_in_another_case_are_the_same_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    # OCR reads a capital J small at will: the same month names are no new limits.
    rgb = np.full((300, 400, 3), 255, np.uint8)
    c = _Ctx(Task.CHART, rgb, rgb, np.zeros((300, 400), bool), np.zeros((300, 400), bool), (46, 36, 363, 270), None)
    monkeypatch.setattr(chart_axis_module._Ocr, "available", staticmethod(lambda: True))
    monkeypatch.setattr(chart_axis_module, "_read_pair", lambda *a, **k: ("Feb Mar Apr Jun Jul", "Feb Mar Apr jun jul"))
    assert _axis_change(c, (50, 272, 360, 290), "x") is None
    monkeypatch.setattr(chart_axis_module, "_read_pair", lambda *a, **k: ("Feb Mar Apr Jun Jul", "Feb Mar Apr Jun Aug"))
    assert _axis_change(c, (50, 272, 360, 290), "x") is not None


def test_a_plot_change_is_graded_by_the_ink_that_changed_not_by_pixels_tinted() -> None:
    # A marker's faint fill recoloured (ink in neither image) around a little ink moved: the tint
    # moves no mark (a scatter's translucent markers turned grey read as a series dropped, 3).
    import cv2

    from verm.judge.pixel.chart import _plot_change

    ref = np.full((300, 400, 3), 255, np.uint8)
    cv2.rectangle(ref, (46, 36), (363, 270), (0, 0, 0), 1)
    for x, y in (
        (100, 200),
        (150, 120),
        (200, 100),
        (260, 180),
        (320, 80),
        (90, 80),
        (130, 240),
        (230, 240),
        (300, 220),
        (330, 140),
    ):
        cv2.circle(ref, (x, y), 10, (255, 152, 62), -1)
    ink = ref.astype(int).sum(axis=2) < 700
    c = _Ctx(Task.CHART, ref, ref.copy(), ink, ink.copy(), (46, 36, 363, 270), None)
    tinted = Region(
        bbox=(185, 85, 216, 116), area=550, mean_de=20.0, ref_ink=314, cand_ink=290, both_ink=280,
        changed_both_ink=100, changed_ref_only=25, changed_cand_only=25, changed_no_ink=400,
        stroke_ratio=0.2, ink_blobs=1, ref_colour=(255, 234, 215), cand_colour=(234, 234, 234),
    )  # fmt: skip
    it = _plot_change(c, [tinted])
    assert it.category == "data_error" and it.severity < 3, it


def _matrix(names: list[str]) -> Image.Image:
    """A correlation matrix whose rows and columns are labelled ``names``."""
    values = np.array([[1.0, 0.4, -0.2, 0.7], [0.4, 1.0, 0.1, -0.5], [-0.2, 0.1, 1.0, 0.3], [0.7, -0.5, 0.3, 1.0]])
    fig, ax = plt.subplots(figsize=(7, 5))
    im = ax.imshow(values, cmap="coolwarm", vmin=-1, vmax=1)
    ax.set_xticks(range(4), names)
    ax.set_yticks(range(4), names)
    fig.colorbar(im, ax=ax, label="Correlation")
    return _image(fig)


def test_the_same_categories_swapped_on_both_axes_are_one_swap(
    judge: PixelJudge, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A matrix's rows and columns are one list of categories: swapped on both axes is one edit, when
    # OCR reads the swap on each axis too (not only the labels' pixels, `_swapped_labels`: split109
    # chart-109-00106 read it twice, 3 + 3).
    ref = _matrix(["Margin", "Sales", "Returns", "Stock"])
    cand = _matrix(["Stock", "Sales", "Returns", "Margin"])
    monkeypatch.setattr(chart_module, "_swapped_labels", lambda c, members: [])
    swap = ("text_error", 3, "labels swapped: 'Margin Sales Returns Stock' -> 'Stock Sales Returns Margin'")
    monkeypatch.setattr(chart_module, "_axis_change", lambda c, box, ax: swap)
    swaps = [d for d in judge.judge_images(Task.CHART, ref, cand) if d.category == "text_error"]
    assert len(swaps) == 1, swaps
