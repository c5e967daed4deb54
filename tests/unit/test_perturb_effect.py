"""What an edit visibly changed (verm.perturb.effect) and what it changes for a chart's reader
(verm.perturb.chart_grade), on hand-made images and scenes."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from verm.imaging import to_png
from verm.perturb.base import Edit
from verm.perturb.chart import ChartPerturber
from verm.perturb.chart_grade import confusable, cut_off, marks_moved, reading_change
from verm.perturb.effect import Effect, effects_overlap, measure_effect, merge_effects
from verm.types import Rendering, Task


def _render(arr: np.ndarray) -> Rendering:
    return Rendering(task=Task.SVG, png=to_png(Image.fromarray(arr.astype(np.uint8))))


def _canvas(*squares: tuple[int, int, int, tuple[int, int, int]]) -> np.ndarray:
    """A white 200x200 image with filled squares (x, y, side, colour)."""
    arr = np.full((200, 200, 3), 255, np.uint8)
    for x, y, side, colour in squares:
        arr[y : y + side, x : x + side] = colour
    return arr


BLUE, RED = (30, 60, 200), (220, 40, 40)


def test_moved_is_how_far_the_outline_went() -> None:
    before = _render(_canvas((50, 50, 60, BLUE)))
    effect = measure_effect(before, _render(_canvas((58, 50, 60, BLUE))))
    assert effect is not None
    assert 6 <= effect.moved <= 9  # shifted by 8 px
    far = measure_effect(before, _render(_canvas((90, 50, 60, BLUE))))
    assert far is not None and far.moved > 3 * effect.moved


def test_a_recolouring_moves_nothing_and_its_share_is_the_ink_it_covers() -> None:
    before = _render(_canvas((20, 20, 40, BLUE), (120, 120, 40, BLUE)))
    effect = measure_effect(before, _render(_canvas((20, 20, 40, RED), (120, 120, 40, BLUE))))
    assert effect is not None
    assert effect.moved == 0.0
    assert effect.delta_e > 25
    assert effect.share(background=(255, 255, 255)) == pytest.approx(0.5, abs=0.02)


def test_identical_and_anti_aliasing_only_renderings_show_nothing() -> None:
    arr = _canvas((50, 50, 60, BLUE))
    assert measure_effect(_render(arr), _render(arr)) is None
    shaded = arr.copy()
    shaded[50, 50:110] = np.clip(shaded[50, 50:110].astype(int) + 20, 0, 255)  # an edge row a little lighter
    assert measure_effect(_render(arr), _render(shaded)) is None
    stroke = arr.copy()
    stroke[150, 20:30] = 0  # a 1-px minus sign
    effect = measure_effect(_render(arr), _render(stroke))
    assert effect is not None and effect.box[1] == pytest.approx(0.75, abs=0.01)


def test_changes_on_the_same_pixels_merge_and_changes_that_touch_or_lie_apart_do_not() -> None:
    base = _canvas((20, 20, 40, BLUE), (140, 140, 40, BLUE))
    left = measure_effect(_render(base), _render(_canvas((20, 20, 40, RED), (140, 140, 40, BLUE))))
    grown = measure_effect(_render(base), _render(_canvas((20, 20, 50, BLUE), (140, 140, 40, BLUE))))
    moved = measure_effect(_render(base), _render(_canvas((28, 20, 40, BLUE), (140, 140, 40, BLUE))))
    right = measure_effect(_render(base), _render(_canvas((20, 20, 40, BLUE), (140, 140, 40, RED))))
    assert left and grown and moved and right
    assert effects_overlap(left, moved)  # the square recoloured and moved: the same pixels change
    assert not effects_overlap(left, grown)  # recoloured, and its border grown beside it: two changes
    assert not effects_overlap(left, right)
    merged = merge_effects([left, right])
    assert merged.box == (0.1, 0.1, 0.9, 0.9)
    assert int(merged.mask.sum()) == int(left.mask.sum()) + int(right.mask.sum())


def _axes(**kw: object) -> dict[str, object]:
    axes: dict[str, object] = {"xlim": [-0.5, 3.5], "ylim": [0, 105], "xscale": "linear", "yscale": "linear"}
    axes.update(kw)
    return axes


def _bars(heights: list[float], colours: list[str] | None = None) -> list[dict[str, object]]:
    colours = colours or ["#1f77b4"] * len(heights)
    return [
        {"x": i - 0.4, "y": 0.0, "width": 0.8, "height": h, "facecolor": c}
        for i, (h, c) in enumerate(zip(heights, colours, strict=True))
    ]


def test_reading_change_is_read_against_the_axis() -> None:
    before = {"axes": [_axes(patches=_bars([100, 90, 2, 80]))]}
    small = {"axes": [_axes(patches=_bars([100, 90, 4, 80]))]}  # a small value doubled
    assert reading_change(before, small) == pytest.approx(2 / 105)
    zoomed = {"axes": [_axes(ylim=[95, 105], patches=_bars([100, 101, 99, 100]))]}
    moved = {"axes": [_axes(ylim=[95, 105], patches=_bars([100, 104, 99, 100]))]}
    assert reading_change(zoomed, moved) == pytest.approx(0.3)
    log = {"axes": [_axes(yscale="log", ylim=[1, 1000], lines=[{"x": [0, 1], "y": [10, 100]}])]}
    log_moved = {"axes": [_axes(yscale="log", ylim=[1, 1000], lines=[{"x": [0, 1], "y": [10, 1000]}])]}
    assert reading_change(log, log_moved) == pytest.approx(1 / 3)  # one decade of three
    pie = {"axes": [_axes(patches=[{"theta1": 0.0, "theta2": 90.0}, {"theta1": 90.0, "theta2": 360.0}])]}
    pie2 = {"axes": [_axes(patches=[{"theta1": 0.0, "theta2": 126.0}, {"theta1": 126.0, "theta2": 360.0}])]}
    assert reading_change(pie, pie2) == pytest.approx(0.1)
    assert reading_change(None, before) is None


def test_cut_off_values_and_confusable_colours() -> None:
    before = {"axes": [_axes(patches=_bars([100, 90, 2, 80]))]}
    assert cut_off(before, {"axes": [_axes(ylim=[0, 95], patches=_bars([100, 90, 2, 80]))]})
    assert not cut_off(before, {"axes": [_axes(ylim=[0, 150], patches=_bars([100, 90, 2, 80]))]})
    colours = ["#1f77b4", "#1f77b4", "#ff7f0e", "#2ca02c"]
    scene = {"axes": [_axes(patches=_bars([1, 2, 3, 4], colours), facecolor="#ffffff")]}
    alike = {"axes": [_axes(patches=_bars([1, 2, 3, 4], ["#ff7f0e", *colours[1:]]), facecolor="#ffffff")]}
    apart = {"axes": [_axes(patches=_bars([1, 2, 3, 4], ["#9467bd", *colours[1:]]), facecolor="#ffffff")]}
    shade = {"axes": [_axes(patches=_bars([1, 2, 3, 4], ["#2a84c4", *colours[1:]]), facecolor="#ffffff")]}
    white = {"axes": [_axes(patches=_bars([1, 2, 3, 4], ["#fdfdfd", *colours[1:]]), facecolor="#ffffff")]}
    assert confusable(scene, alike)
    assert not confusable(scene, apart)
    assert not confusable(scene, shade)  # a shade of its own series' colour
    assert confusable(scene, white)  # gone into the background


def _box_plot(fliers: list[float]) -> dict[str, object]:
    """One box (whiskers 10..40, box 20..30) and its outliers, as matplotlib's boxplot draws them."""
    lines = [
        {"x": [0.9, 1.1, 1.1, 0.9, 0.9], "y": [20, 20, 30, 30, 20]},  # box
        {"x": [1, 1], "y": [20, 10]},  # whiskers
        {"x": [1, 1], "y": [30, 40]},
        {"x": [0.95, 1.05], "y": [25, 25]},  # median
        {"x": [1.0] * len(fliers), "y": fliers},  # outliers
    ]
    return {"axes": [_axes(xlim=[0.5, 1.5], ylim=[0, 50], lines=lines)]}


def test_an_outlier_that_appears_far_from_the_box_is_a_value_read_wrong() -> None:
    # A value doubled in a box plot: the box barely moves, a new outlier dot shows far above it.
    far = reading_change(_box_plot([]), _box_plot([64.5]))
    assert far == pytest.approx(24.5 / 50)
    # ... and the same read back when it vanishes.
    assert reading_change(_box_plot([64.5]), _box_plot([])) == pytest.approx(24.5 / 50)
    # An outlier added just past the whisker's end reads about the same as before.
    assert reading_change(_box_plot([]), _box_plot([41.0])) == pytest.approx(1 / 50)
    # An unchanged outlier next to the new one adds nothing.
    assert reading_change(_box_plot([45.0]), _box_plot([45.0, 46.0])) == pytest.approx(1 / 50)


def test_marks_moved_reads_a_widened_range_as_a_narrowed_one() -> None:
    bars = _bars([100, 90, 50, 80])
    wide = {"axes": [_axes(ylim=[0, 210], patches=bars)]}
    base = {"axes": [_axes(ylim=[0, 105], patches=bars)]}
    assert marks_moved(base, wide) == pytest.approx(100 / 210)  # the tallest bar drops from the top to the middle
    assert marks_moved(wide, base) == pytest.approx(100 / 210)
    log = {"axes": [_axes(yscale="log", ylim=[1, 1000], lines=[{"x": [0, 1], "y": [10, 100]}])]}
    lin = {"axes": [_axes(ylim=[0, 105], lines=[{"x": [0, 1], "y": [10, 100]}])]}
    assert marks_moved(log, lin) == pytest.approx(max(abs(1 / 3 - 10 / 105), abs(2 / 3 - 100 / 105)))
    assert marks_moved(None, base) is None
    # A log axis whose scene limit is 0 cannot be read: no reading (the pixels' displacement grades it),
    # not the unchanged x axis's 0.
    zero = {"axes": [_axes(yscale="log", ylim=[0, 210], patches=bars)]}
    assert marks_moved(base, zero) is None


def _scene_effect(before: dict[str, object], after: dict[str, object], moved: float) -> Effect:
    """An effect whose renderings carry scenes and whose pixels moved ``moved`` px (a 200x200 image)."""
    arr = _canvas()
    r0 = Rendering(task=Task.CHART, png=to_png(Image.fromarray(arr)), scene=before)
    r1 = Rendering(task=Task.CHART, png=to_png(Image.fromarray(arr)), scene=after)
    mask = np.zeros((200, 200), bool)
    mask[50:150, 50:150] = True
    return Effect((0.25, 0.25, 0.75, 0.75), r0, r1, mask, 5.0, moved, _arrays=(arr, arr))


def test_a_widened_axis_range_is_graded_by_how_far_the_marks_moved_not_by_the_pixels() -> None:
    edit = Edit("axis_limits", "data_error", 2, "y-axis", "the y-axis range is widened by a factor 2", {})
    bars = _bars([100, 90, 50, 80])
    base = {"axes": [_axes(ylim=[0, 105], patches=bars, bbox=[0.0, 0.0, 1.0, 1.0])]}
    wide = {"axes": [_axes(ylim=[0, 210], patches=bars, bbox=[0.0, 0.0, 1.0, 1.0])]}
    slight = {"axes": [_axes(ylim=[0, 115], patches=bars, bbox=[0.0, 0.0, 1.0, 1.0])]}
    perturber = ChartPerturber()
    # Shrinking bars turn to background found right beside them: their pixels "moved" 2 px, yet every
    # bar lost half its height.
    assert perturber.grade(edit, _scene_effect(base, wide, moved=2.0)) == 2
    assert perturber.grade(edit, _scene_effect(wide, base, moved=100.0)) == 2  # the other way round
    assert perturber.grade(edit, _scene_effect(base, slight, moved=2.0)) == 1


def _table_render(arr: np.ndarray, texts: list[str]) -> Rendering:
    cells = [{"row": 0, "col": k, "text": t, "shown_text": t} for k, t in enumerate(texts)]
    return Rendering(task=Task.TABLE, png=to_png(Image.fromarray(arr.astype(np.uint8))), scene={"cells": cells})


def test_a_table_cell_that_reads_another_text_shows_however_small_its_glyphs() -> None:
    arr = _canvas()
    small = arr.copy()
    small[100, 60:63] = 0  # a minus sign in text a few pixels high: 3 solid pixels, under MIN_SOLID_PIXELS
    assert measure_effect(_render(arr), _render(small)) is None  # a drawing: too thin to count
    effect = measure_effect(_table_render(arr, ["1910", "Yes"]), _table_render(small, ["-1910", "Yes"]))
    assert effect is not None and effect.box[0] == pytest.approx(0.3, abs=0.01)
    # The same text in every cell: a few pixels that moved are no change; identical pixels never are.
    assert measure_effect(_table_render(arr, ["1910", "Yes"]), _table_render(small, ["1910", "Yes"])) is None
    assert measure_effect(_table_render(arr, ["1910", "Yes"]), _table_render(arr, ["-1910", "Yes"])) is None


def _bars_3d(tops: list[float]) -> dict[str, object]:
    """3-D axes as the scene holds them: data limits, but each bar's outline in projected 2-D
    coordinates (a few hundredths across), one polygon collection per bar."""
    bars = [
        {"paths": [[-0.05 + 0.03 * i, -0.04, -0.03 + 0.03 * i, -0.04, -0.03 + 0.03 * i, top]]}
        for i, top in enumerate(tops)
    ]
    return {"axes": [_axes(name="3d", xlim=[0, 3], ylim=[0, 1], collections=bars)]}


def test_3d_values_are_read_against_the_span_their_projection_covers() -> None:
    before, after = _bars_3d([0.0, 0.02, -0.02]), _bars_3d([0.0, 0.02, 0.04])
    # the third bar's top went from 1/4 to the top of the data's projected height (-0.04..0.04)
    assert reading_change(before, after) == pytest.approx(0.06 / 0.06)
    assert marks_moved(before, after) == pytest.approx(0.06 / 0.08)
    assert marks_moved(before, before) == 0.0
    assert not cut_off(before, {"axes": [{**after["axes"][0], "ylim": [0.5, 1]}]})  # limits in other units


def test_two_edits_as_large_overlap_the_same_whichever_comes_first() -> None:
    # Ten changed pixels each: x a row segment; y four pixels beside it and six far below. Seen from x, 6 of
    # its 10 lie within 2 px of y; seen from y, 4 of 10 lie near x. Neither is the smaller one.
    x_mask = np.zeros((100, 100), dtype=bool)
    y_mask = np.zeros((100, 100), dtype=bool)
    x_mask[10, 0:10] = True
    y_mask[11, 0:4] = True
    y_mask[50, 0:6] = True
    blank = Rendering(task=Task.SVG, png=to_png(Image.new("RGB", (100, 100), "white")))
    x = Effect((0.0, 0.1, 0.1, 0.11), blank, blank, x_mask)
    y = Effect((0.0, 0.11, 0.06, 0.51), blank, blank, y_mask)
    assert effects_overlap(x, y) == effects_overlap(y, x)
