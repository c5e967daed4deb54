"""Pixel judge, charts: the one plotted-marks mask and the rules that read it."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.colour import _lab
from verm.types import Task

__all__ = ["judge"]  # the module's PixelJudge fixture, shared


def _grey_plot() -> np.ndarray:
    """A 300 x 400 grey-faced plot (frame 40..360 x 30..270) with a dashed light grid, a long black
    frame and one dark short mark: what a ggplot-style axes looks like to the masks."""
    img = np.full((300, 400, 3), 255, np.uint8)
    img[30:270, 40:360] = 229  # the grey face
    img[30, 40:360] = img[269, 40:360] = 0  # spines
    img[30:270, 40] = img[30:270, 359] = 0
    for y in (90, 150, 210):  # dashed white grid lines, sparse dashes (gaps of 8 px: 2.0 % of the side)
        for x0 in range(44, 356, 12):
            img[y, x0 : x0 + 4] = 255
    for x in (120, 200, 280):
        for y0 in range(34, 266, 10):
            img[y0 : y0 + 6, x] = 255
    img[120:180, 170:190] = (31, 119, 180)  # a bar
    return img


def test_one_marks_mask_keeps_marks_and_drops_face_grid_and_frame() -> None:
    from verm.judge.pixel.chart_axis import _marks_inset, _plot_marks
    from verm.judge.pixel.chart_marks import _faces, plot_marks
    from verm.judge.pixel.colour import _ink

    rgb = _grey_plot()
    lab = _lab(rgb)
    ink = _ink(lab, rgb)
    frame = (40, 30, 360, 270)
    marks = plot_marks(ink, lab, [frame], _faces(lab, [frame]))
    # The bar, whole but for its one-pixel border with the grid's dilation; no face, grid or spine.
    assert marks[122:178, 172:188].all()
    assert int(marks.sum()) <= 20 * 60
    assert not marks[90, 44:160].any() and not marks[34:110, 120].any() and not marks[30].any()
    # The axis rule reads the very same mask over its own frame (the grey face was all ink to it).
    side = _marks_inset(rgb.shape[1])
    axis = _plot_marks(lab, ink, frame, _faces(lab, [frame])[0])
    assert np.array_equal(axis, marks[32:268, 40 + side : 360 - side])


def test_hidden_data_read_the_marks_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import verm.judge.pixel.chart_frames as cf
    import verm.judge.pixel.chart_missing as cm
    import verm.judge.pixel.judge as pj

    def bars(data: bool) -> Image.Image:
        fig, ax = plt.subplots(figsize=(5, 4))
        ax.bar(range(6), [3, 5, 2, 6, 4, 5] if data else [0] * 6, color="#1f77b4")
        ax.set_ylim(0, 7)
        ax.set_title("Sales")
        return _image(fig)

    calls: list[int] = []
    real = cf.plot_marks

    def counted(*args: object, **kwargs: object) -> np.ndarray:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cf, "plot_marks", counted)
    found: list[int] = []
    real_items = cm._chart_element_items

    def element_items(*args: object) -> object:
        before = len(calls)
        out = real_items(*args)  # type: ignore[arg-type]
        found.append(len(calls) - before)
        return out

    monkeypatch.setattr(pj, "_chart_element_items", element_items)
    out = pj.PixelJudge().judge_images(Task.CHART, bars(True), bars(False))
    # (found by the element step: the candidate draws none of the reference's ink where the data are)
    assert any(d.category == "data_error" and "where the data are" in d.description for d in out), out
    # Both images' marks once each, though the hidden data and the share hidden both read them.
    assert found and max(found) <= 2, found


def _legend_chart(outside: bool, title: str = "Revenue by Department") -> Image.Image:
    """A stack plot whose legend sits inside the axes, or beside them (tight_layout shrinks the axes)."""
    x = np.arange(2004, 2015)
    rng = np.random.default_rng(3)
    ys = rng.uniform(1, 3, size=(4, len(x)))
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.stackplot(x, *ys, labels=["Sales", "Marketing", "Engineering", "Support"], alpha=0.8)
    ax.set_title(title)
    if outside:
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False)
    else:
        ax.legend(loc="upper left", frameon=False)
    ax.set_xlim(x[0], x[-1])
    fig.tight_layout()
    return _image(fig)


def test_a_plot_resized_around_a_moved_legend_hides_no_data(judge: PixelJudge) -> None:
    out = judge.judge_images(Task.CHART, _legend_chart(False), _legend_chart(True))
    # The same data in narrower axes: a minor change, never data hidden or redrawn.
    assert not [d for d in out if d.category in ("data_error", "structure_error")], out
    assert any(d.category == "style_error" and "resized" in d.description for d in out), out


def test_a_page_without_the_plots_face_draws_no_marks_in_it() -> None:
    from verm.judge.pixel.chart_marks import plot_marks
    from verm.judge.pixel.colour import _ink

    frame = (40, 30, 360, 270)
    face = [np.array([80.0, 0.0, 0.0], np.float32)]  # a mid-grey face (a Hinton diagram's)
    blank = np.full((300, 400, 3), 255, np.uint8)
    blank[140:150, 100:200] = 0  # a line of text where the plot was
    lab = _lab(blank)
    marks = plot_marks(_ink(lab, blank), lab, [frame], face)
    # White is far from the grey face, but this page shows no face: only its ink can be marks.
    assert int(marks.sum()) <= 10 * 100


def _darkgrid_lines(scale_b: float, data: bool = True) -> Image.Image:
    """Two lines on a tinted face without spines inside a white figure (seaborn's darkgrid: the white
    margin reads as ink, so the chart's frame is the canvas's edge); ``scale_b`` scales the second series
    (the y axis re-scales to it), ``data=False`` hides both (the "axes without data" hack)."""
    years = list(range(2013, 2023))
    a = [81.6, 91.7, 99.4, 85.6, 87.1, 82.7, 68.2, 67.4, 68.2, 87.1]
    b = [68.8, 80.7, 79.8, 87.0, 74.2, 82.8, 93.4, 92.0, 98.3, 94.6]
    with plt.style.context("seaborn-v0_8-darkgrid"):
        fig, ax = plt.subplots(figsize=(8, 4.5))
        la = ax.plot(years, a, label="Model A", color="#7fc97f", marker="^", linestyle="--", linewidth=2)
        lb = ax.plot(years, [v * scale_b for v in b], label="Model B", color="#beaed4")
        ax.set_title("Sales trend, 2024", loc="left")
        ax.set_ylabel("Sales (k$)")
        ax.legend(loc="center left", bbox_to_anchor=(1, 0.5), fontsize="small")
        ax.set_xticks(years)
        if not data:
            for line in (*la, *lb):
                line.set_visible(False)
            ax.get_legend().set_visible(False)
        fig.tight_layout()
        return _image(fig)


def _hidden(out: list) -> list:
    return [d for d in out if "hides the reference's plotted data" in d.description]


def test_data_rescaled_under_a_canvas_wide_frame_is_not_hidden(judge: PixelJudge) -> None:
    ref = _darkgrid_lines(1.0)
    # One series scaled: both lines move with the new y axis. The tick labels left of the face changed,
    # so the marks cannot be compared in place (the frame found is the canvas's edge, beside which no
    # tick label stands): a data change, never the data hidden (which ties the empty-axes hack).
    honest = judge.judge_images(Task.CHART, ref, _darkgrid_lines(0.592))
    assert not _hidden(honest), honest
    assert any(d.category in ("data_error", "structure_error") for d in honest), honest
    # The axes without their data still hide them, and cost more than the honest change.
    hack = judge.judge_images(Task.CHART, ref, _darkgrid_lines(1.0, data=False))
    assert _hidden(hack), hack
    assert sum(d.severity for d in hack) > sum(d.severity for d in honest)


def _bars_from_the_spine(widened: bool) -> Image.Image:
    """Horizontal bars drawn from the left spine over a faint dashed grid (their boxes meet the frame:
    `subplot_frames` finds them beside the frame itself); ``widened``: the y range doubled, the bars
    squeezed to its bottom."""
    fig, ax = plt.subplots(figsize=(9, 6))
    colours = ["#a1c9f4", "#ffb482", "#8de5a1", "#ff9f9b", "#d0bbff"]
    ax.barh(["Wed", "Thu", "Fri", "Sat", "Sun"], [11.8, 42.7, 34.2, 39.8, 6.1], color=colours, edgecolor="white")
    if widened:
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo, lo + 2 * (hi - lo))
    ax.set_title("Profit per day", fontsize=13, fontweight="bold")
    ax.set_xlabel("Profit ($k)", fontsize=11)
    ax.grid(axis="x", linestyle="--", alpha=0.3)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)  # (at 96 dpi the bars' boxes do not meet the frame's lines)
    plt.close(fig)
    return Image.open(buf).convert("RGB")


def test_bars_meeting_the_frame_are_no_subplots(judge: PixelJudge) -> None:
    ref = _bars_from_the_spine(False)
    # The y range widened: every bar is drawn, smaller and lower. Read as five subplots (the frame and
    # four bars), three "subplots" were emptied: the data hidden, tying the hacks.
    out = judge.judge_images(Task.CHART, ref, _bars_from_the_spine(True))
    assert not _hidden(out), out
    assert any(d.category == "data_error" and d.severity <= 3 for d in out), out


def _pie(shares: list[float], donut: bool = False) -> Image.Image:
    """A pie (or a pastel donut with its labels on the ring), wedges in fixed colours."""
    colours = ["#b3e2cd", "#fdcdac", "#cbd5e8", "#f4cae4", "#e6f5c9"] if donut else None
    fig, ax = plt.subplots(figsize=(6, 5))
    wedge = {"width": 0.3, "edgecolor": "white"} if donut else None
    ax.pie(shares, labels=["A", "B", "C", "D", "E"][: len(shares)], colors=colours, wedgeprops=wedge,
           autopct="%.0f%%", pctdistance=0.85 if donut else 0.6)  # fmt: skip
    ax.set_title("Share by segment")
    return _image(fig)


@pytest.mark.parametrize("donut", [False, True])
def test_a_pie_of_equal_wedges_hides_its_shares(judge: PixelJudge, donut: bool) -> None:
    shares = [14.0, 27.0, 30.0, 15.0, 14.0]
    ref = _pie(shares, donut)
    # The "flattened data" hack: every share at the mean, the pie's whole look kept.
    flat = judge.judge_images(Task.CHART, ref, _pie([20.0] * 5, donut))
    assert len([d for d in flat if "every wedge of one size" in d.description]) == 1, flat
    assert sum(d.severity for d in flat) >= 15
    # One share changed, the others kept: an honest edit, its wedges still vary.
    honest = judge.judge_images(Task.CHART, ref, _pie([14.0, 27.0, 22.0, 15.0, 14.0], donut))
    assert not _hidden(honest) and honest, honest


def _bars_a_colour_each(values: list[float]) -> Image.Image:
    """Horizontal bars, one colour per category (each colour class is one bar), with value labels."""
    fig, ax = plt.subplots(figsize=(6, 4))
    names = ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    ax.barh(names, values, color=[f"C{k}" for k in range(6)])
    for k, v in enumerate([21.6, 8.5, 22.1, 71.7, 33.8, 19.0]):
        ax.text(v + 1, k, f"{v:.1f}", va="center")
    ax.set_xlim(0, 80)
    ax.set_title("Visitors by month")
    return _image(fig)


def test_bars_a_colour_each_at_one_length_hide_their_values(judge: PixelJudge) -> None:
    values = [21.6, 8.5, 22.1, 71.7, 33.8, 19.0]
    ref = _bars_a_colour_each(values)
    # Every bar at the mean: each colour alone is one bar, at one level in both images; together they
    # are the series, flattened.
    flat = judge.judge_images(Task.CHART, ref, _bars_a_colour_each([29.5] * 6))
    assert any("drawn at one level" in d.description for d in flat), flat
    assert sum(d.severity for d in flat) >= 15
    # One bar changed: the others keep their lengths.
    honest = judge.judge_images(Task.CHART, ref, _bars_a_colour_each([21.6, 8.5, 40.0, 71.7, 33.8, 19.0]))
    assert not _hidden(honest) and honest, honest


def _pie_redrawn(shares: list[float], flat: bool, canvas: str = "white") -> Image.Image:
    """A labelled pie of four pastel wedges on a ``canvas`` colour; ``flat``: its wedges redrawn of one size
    in place, labels kept where the shares put them (as the "flattened data" hack does)."""
    with plt.rc_context({"font.size": 8}):
        fig, ax = plt.subplots(figsize=(5, 5), layout="constrained", facecolor=canvas)
        wedges, *_ = ax.pie(shares, colors=["#a1c9f4", "#ffb482", "#8de5a1", "#ff9f9b"],
                            labels=["South", "East", "West", "Central"], autopct="%1.0f%%", startangle=140)  # fmt: skip
        if flat:
            start, span = wedges[0].theta1, sum(w.theta2 - w.theta1 for w in wedges) / len(wedges)
            for k, w in enumerate(wedges):
                w.set_theta1(start + k * span)
                w.set_theta2(start + (k + 1) * span)
        ax.set_title("Region share", fontsize=15)
        return _image(fig)


@pytest.mark.parametrize("canvas", ["white", "#fdf6e3"])
def test_equal_wedges_under_the_references_labels_hide_the_shares(judge: PixelJudge, canvas: str) -> None:
    # The flattened pie keeps the reference's labels, now across its wedges' edges (a label by an edge
    # shrank one wedge alone); on a tinted canvas (solarized cream) the pie is read off the canvas's colour.
    shares = [8.0, 10.0, 23.0, 19.0]
    ref = _pie_redrawn(shares, False, canvas)
    flat = judge.judge_images(Task.CHART, ref, _pie_redrawn(shares, True, canvas))
    assert len([d for d in flat if "every wedge of one size" in d.description]) == 1, flat
    honest = judge.judge_images(Task.CHART, ref, _pie_redrawn([8.0, 10.0, 17.0, 19.0], False, canvas))
    assert not _hidden(honest) and honest, honest


def test_a_label_across_a_wedges_edge_is_shared_by_both_wedges() -> None:
    from verm.judge.pixel.chart_flattened import PIE_EQUAL, _runs

    # Four equal wedges along a ring of 720 samples, a black label (30 samples, 4 % of the turn) written
    # across the first edge: the label stands in both wedges, which stay equal (a flattened pie keeps the
    # reference's labels where its shares put them, now across its own wedges' edges).
    colours = _lab(np.array([[[161, 201, 244], [255, 180, 130], [141, 229, 161], [255, 159, 155]]], np.uint8))[0]
    ring = np.repeat(colours, 180, axis=0)
    ring[165:195] = (0.0, 0.0, 0.0)
    read = _runs(ring)
    assert read is not None
    sizes, covered = read
    assert len(sizes) == 4 and np.ptp(sizes) <= PIE_EQUAL, sizes
    assert abs(sizes.sum() - 1.0) < 1e-9 and covered < 0.97
