"""The pixel judge on realistic matplotlib charts and small drawn tables and icons."""

from __future__ import annotations

import io
import math
import re
from functools import cache
from typing import Any

import matplotlib
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from tests.judge_contract import check_judge_contract

from verm.imaging import to_png
from verm.judge import get_judge
from verm.judge.pixel import PixelJudge, Region, diff_regions, is_numeric_change, ocr_available
from verm.types import Discrepancy, Rendering, Status, Task

matplotlib.use("Agg")
import matplotlib.pyplot as plt

BLUE, RED = "#1f77b4", "#d62728"
Box = tuple[float, float, float, float]


def _figure_image(fig: plt.Figure, **savefig: Any) -> Image.Image:
    """A matplotlib figure as an RGB image (the figure is closed)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", **savefig)
    plt.close(fig)
    return Image.open(buf).convert("RGB")


@cache
def bar_chart(
    colours: tuple[str, ...] = (BLUE,) * 4, title: str = "Quarterly sales", size_px: int = 768
) -> tuple[Image.Image, tuple[Box, ...], Box]:
    """A bar chart, the pixel boxes (x0, y0, x1, y1, top-left origin) of its bars and of its title."""
    dpi = 96
    fig, ax = plt.subplots(figsize=(size_px / dpi, size_px / dpi), dpi=dpi)
    bars = ax.bar(["Q1", "Q2", "Q3", "Q4"], [3, 5, 2, 6], color=list(colours), label="sales")
    ax.set_title(title)
    ax.set_ylabel("units")
    ax.legend(loc="upper left")
    fig.canvas.draw()
    height = fig.canvas.get_width_height()[1]

    def box(artist: object) -> Box:
        e = artist.get_window_extent()  # type: ignore[attr-defined]
        return (e.x0, height - e.y1, e.x1, height - e.y0)  # matplotlib's y grows upwards

    bar_boxes = tuple(box(b) for b in bars)
    title_box = box(ax.title)
    return _figure_image(fig), bar_boxes, title_box


def rendering(img: Image.Image, task: Task = Task.CHART) -> Rendering:
    return Rendering(task=task, png=to_png(img))


def px_box(d: Discrepancy, img: Image.Image) -> Box:
    assert d.bbox is not None
    x0, y0, x1, y1 = d.bbox
    return (x0 * img.width, y0 * img.height, x1 * img.width, y1 * img.height)


def covered(inner: Box, outer: Box) -> float:
    """Fraction of ``inner``'s area inside ``outer``."""
    w = max(0.0, min(inner[2], outer[2]) - max(inner[0], outer[0]))
    h = max(0.0, min(inner[3], outer[3]) - max(inner[1], outer[1]))
    area = (inner[2] - inner[0]) * (inner[3] - inner[1])
    return w * h / area if area > 0 else 0.0


def shifted(img: Image.Image, dx: int, dy: int) -> Image.Image:
    arr = np.asarray(img)
    out = np.full_like(arr, 255)
    h, w = arr.shape[:2]
    out[max(dy, 0) : h + min(dy, 0), max(dx, 0) : w + min(dx, 0)] = arr[
        max(-dy, 0) : h - max(dy, 0), max(-dx, 0) : w - max(dx, 0)
    ]
    return Image.fromarray(out)


def table_image(cells: list[list[str]], size: tuple[int, int] = (600, 300)) -> Image.Image:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=14)
    rh, cw = size[1] // len(cells), size[0] // len(cells[0])
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            draw.rectangle([c * cw, r * rh, (c + 1) * cw - 1, (r + 1) * rh - 1], outline="#333333")
            draw.text((c * cw + 10, r * rh + 10), text, fill="black", font=font)
    return img


def icon_image(fill: str = "#e63946", circle: bool = True) -> Image.Image:
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle([40, 40, 160, 160], fill=fill)
    if circle:
        draw.ellipse([200, 60, 300, 160], outline="black", width=6)
    draw.polygon([(60, 300), (160, 200), (260, 300)], fill="#457b9d")
    return img


@pytest.fixture(scope="module")
def judge() -> PixelJudge:
    return PixelJudge()


def test_registry_creates_the_pixel_judge() -> None:
    assert isinstance(get_judge("pixel"), PixelJudge)


def test_identical_images_have_no_discrepancies(judge: PixelJudge) -> None:
    img, _, _ = bar_chart()
    j = check_judge_contract(judge, Task.CHART, rendering(img), rendering(img.copy()))
    assert j.status is Status.OK
    assert j.discrepancies == []
    assert j.elapsed_ms is not None


def test_changed_bar_colour_is_a_style_error_boxed_on_the_bar(judge: PixelJudge) -> None:
    ref, bars, _ = bar_chart()
    cand, _, _ = bar_chart(colours=(BLUE, RED, BLUE, BLUE))
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(cand))
    assert j.discrepancies, "a recoloured bar must be reported"
    best = max(j.discrepancies, key=lambda d: covered(bars[1], px_box(d, cand)))
    assert covered(bars[1], px_box(best, cand)) >= 0.9
    assert best.category == "style_error"
    assert "#1f77b4" in best.description and "#d62728" in best.description
    # The box is about the bar, not the whole plot.
    x0, y0, x1, y1 = px_box(best, cand)
    assert (x1 - x0) * (y1 - y0) <= 1.5 * (bars[1][2] - bars[1][0]) * (bars[1][3] - bars[1][1])


def test_changed_title_is_a_text_error_boxed_on_the_title(judge: PixelJudge) -> None:
    ref, _, title_ref = bar_chart()
    cand, _, title_cand = bar_chart(title="Quarterly revenue")
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(cand))
    assert j.discrepancies
    # Centred titles of different lengths: the changed letters lie inside both titles' extents.
    union = (
        min(title_ref[0], title_cand[0]),
        min(title_ref[1], title_cand[1]),
        max(title_ref[2], title_cand[2]),
        max(title_ref[3], title_cand[3]),
    )
    best = max(j.discrepancies, key=lambda d: covered(px_box(d, cand), union))
    assert covered(px_box(best, cand), union) >= 0.8
    assert covered(title_cand, px_box(best, cand)) >= 0.6
    assert best.category == "text_error"
    assert "title" in best.location


@pytest.mark.parametrize(("dx", "dy"), [(2, 0), (0, -2), (2, 2), (1, -1)])
def test_small_shift_is_at_most_minor(judge: PixelJudge, dx: int, dy: int) -> None:
    ref, _, _ = bar_chart()
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(shifted(ref, dx, dy)))
    assert all(d.severity <= 1 for d in j.discrepancies), j.discrepancies


def test_png_and_jpeg_reencoding_is_at_most_minor(judge: PixelJudge) -> None:
    ref, _, _ = bar_chart()
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(Image.open(io.BytesIO(to_png(ref)))))
    assert j.discrepancies == []
    buf = io.BytesIO()
    ref.save(buf, format="JPEG", quality=90)
    jpeg = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(jpeg))
    assert all(d.severity <= 1 for d in j.discrepancies), j.discrepancies


@pytest.mark.parametrize("missing", ["candidate", "reference"])
def test_missing_rendering_is_a_judge_error(judge: PixelJudge, missing: str) -> None:
    img, _, _ = bar_chart()
    failed = Rendering(task=Task.CHART, status=Status.RENDER_ERROR, reason="SyntaxError: invalid syntax")
    pair = (rendering(img), failed) if missing == "candidate" else (failed, rendering(img))
    j = check_judge_contract(judge, Task.CHART, *pair)
    assert j.status is Status.JUDGE_ERROR
    assert missing in (j.reason or "") and "render_error" in (j.reason or "")
    assert j.elapsed_ms is not None


def test_unreadable_image_is_a_judge_error(judge: PixelJudge) -> None:
    img, _, _ = bar_chart()
    broken = Rendering(task=Task.CHART, png=b"\x89PNG\r\n\x1a\n not really")
    j = check_judge_contract(judge, Task.CHART, rendering(img), broken)
    assert j.status is Status.JUDGE_ERROR


def test_blank_candidate_is_severe(judge: PixelJudge) -> None:
    ref, _, _ = bar_chart()
    blank = Image.new("RGB", ref.size, "white")
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(blank))
    # The hidden data count by their extent, beside the texts gone: an empty answer piles up.
    assert j.total_severity >= 12
    assert any("hides the reference's plotted data" in d.description and d.severity == 3 for d in j.discrepancies)
    assert any(d.category == "text_error" for d in j.discrepancies)


def test_aspect_ratio_change_is_reported(judge: PixelJudge) -> None:
    ref, _, _ = bar_chart()
    cand = ref.resize((ref.width, round(ref.height * 0.8)))
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(cand))
    aspect = [d for d in j.discrepancies if "Aspect ratio" in d.description]
    assert len(aspect) == 1 and aspect[0].severity == 2 and aspect[0].category == "structure_error"


def test_table_pairs_use_table_vocabulary(judge: PixelJudge) -> None:
    cells = [["Name", "Q1", "Q2"], ["Alpha", "12.5", "13.0"], ["Beta", "7.25", "8.00"], ["Gamma", "100", "120"]]
    changed = [row[:] for row in cells]
    changed[2][1] = "7.75"
    ref = table_image(cells)
    j = check_judge_contract(judge, Task.TABLE, rendering(ref, Task.TABLE), rendering(table_image(changed), Task.TABLE))
    assert len(j.discrepancies) == 1
    d = j.discrepancies[0]
    # A change confined to digits is a numeric error, named by the detected grid's row and column.
    assert d.category == ("numeric_error" if ocr_available() else "text_error")
    assert d.location == "row 3, column 2"


def test_svg_pairs_use_svg_vocabulary(judge: PixelJudge) -> None:
    ref = rendering(icon_image(), Task.SVG)
    j = check_judge_contract(judge, Task.SVG, ref, rendering(icon_image(fill="#2a9d8f"), Task.SVG))
    assert [d.category for d in j.discrepancies] == ["style_error"]
    assert j.discrepancies[0].location == "upper-left shape"
    j = check_judge_contract(judge, Task.SVG, ref, rendering(icon_image(circle=False), Task.SVG))
    assert len(j.discrepancies) == 1
    assert j.discrepancies[0].category in ("structure_error", "shape_error")
    assert "missing" in j.discrepancies[0].description


def test_contract_holds_for_every_task_on_unrelated_images(judge: PixelJudge) -> None:
    chart, _, _ = bar_chart()
    icon = icon_image()
    table = table_image([["a", "b"], ["1", "2"]])
    for task in Task:
        check_judge_contract(judge, task, rendering(chart, task), rendering(icon, task))
        check_judge_contract(judge, task, rendering(table, task), rendering(chart, task))


def test_diff_regions_reports_the_changed_bar() -> None:
    ref, bars, _ = bar_chart()
    cand, _, _ = bar_chart(colours=(BLUE, RED, BLUE, BLUE))
    regions = diff_regions(ref, cand)
    assert regions and isinstance(regions[0], Region)
    top = regions[0]
    assert covered(bars[1], top.bbox) >= 0.9
    assert top.ink_iou > 0.9 and top.ref_colour == (0x1F, 0x77, 0xB4) and top.cand_colour == (0xD6, 0x27, 0x28)


def test_one_768px_judgment_runs(judge: PixelJudge) -> None:
    # Timing is measured by benchmarks, not asserted here (shared CI machines are noisy).
    ref, _, _ = bar_chart()
    cand, _, _ = bar_chart(colours=(RED, BLUE, RED, BLUE), title="Other")
    assert ref.size == (768, 768)
    j = judge.judge(Task.CHART, rendering(ref), rendering(cand))
    assert j.elapsed_ms is not None and j.discrepancies


def test_background_tint_is_a_style_error_over_the_whole_image(judge: PixelJudge) -> None:
    def chart(face: str) -> Image.Image:
        fig, ax = plt.subplots(figsize=(4, 3), dpi=100, facecolor=face)
        ax.bar(range(3), [1, 3, 2])
        return _figure_image(fig, facecolor=face)

    j = check_judge_contract(judge, Task.CHART, rendering(chart("white")), rendering(chart("#dddddd")))
    assert [(d.category, d.location) for d in j.discrepancies] == [("style_error", "whole image")]
    assert "#dddddd" in j.discrepancies[0].description


# --------------------------------------------------------------------------- OCR, invariance, missing elements

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="OCR is off: pip install tesserocr + tesseract-ocr-eng")


def program_chart(refactored: bool = False, hide_bars: bool = False) -> Image.Image:
    """The bar chart drawn by two programs that differ in code but not in what they draw."""
    fig, ax = plt.subplots(figsize=(8, 8), dpi=96)
    if refactored:
        sales = dict(zip(["Q1", "Q2", "Q3", "Q4"], [3, 5, 2, 6], strict=True))
        bars = ax.bar(list(sales), list(sales.values()), color=BLUE, label="sales")
        ax.set(title="Quarterly sales", ylabel="units")
    else:
        bars = ax.bar(["Q1", "Q2", "Q3", "Q4"], [3, 5, 2, 6], color=[BLUE] * 4, label="sales")
        ax.set_title("Quarterly sales")
        ax.set_ylabel("units")
    ax.legend(loc="upper left")
    if hide_bars:  # axes, ticks and legend stay; the data is gone (limits unchanged)
        for b in bars:
            b.set_visible(False)
    return _figure_image(fig)


@needs_ocr
def test_ocr_reads_a_changed_title(judge: PixelJudge) -> None:
    ref, _, _ = bar_chart()
    cand, _, _ = bar_chart(title="Quarterly revenue")
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(cand))
    text = [d for d in j.discrepancies if d.category == "text_error"]
    assert len(text) == 1 and text[0].location == "title"
    assert "'Quarterly sales'" in text[0].description and "'Quarterly revenue'" in text[0].description
    assert text[0].severity == 2  # a word changed


@needs_ocr
def test_one_character_typo_is_minor(judge: PixelJudge) -> None:
    ref, _, _ = bar_chart()
    cand, _, _ = bar_chart(title="Quarterly salse")
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(cand))
    assert [(d.category, d.severity) for d in j.discrepancies] == [("text_error", 1)]


@needs_ocr
def test_table_digit_change_is_a_numeric_error_at_its_cell(judge: PixelJudge) -> None:
    cells = [["Name", "Q1", "Q2"], ["Alpha", "12.5", "13.0"], ["Beta", "7.25", "8.00"], ["Gamma", "100", "120"]]
    changed = [row[:] for row in cells]
    changed[3][2] = "190"
    j = check_judge_contract(
        judge, Task.TABLE, rendering(table_image(cells), Task.TABLE), rendering(table_image(changed), Task.TABLE)
    )
    assert [(d.category, d.location) for d in j.discrepancies] == [("numeric_error", "row 4, column 3")]
    assert "'190'" in j.discrepancies[0].description and "'120'" in j.discrepancies[0].description
    assert j.discrepancies[0].severity == 3  # the value moved by more than 50 %: misleading


def test_numeric_change_rule() -> None:
    assert is_numeric_change("12.5", "12.8")
    assert is_numeric_change("$1,200", "-$1,200")
    assert is_numeric_change("40 kg", "40 g")
    assert not is_numeric_change("Alpha", "Alpah")
    assert not is_numeric_change("Q1 2020", "Q2 2021")


@pytest.mark.parametrize("quality", [90])
def test_jpeg_reencoding_is_at_most_minor_for_every_task(judge: PixelJudge, quality: int) -> None:
    cells = [["Name", "Q1"], ["Alpha", "12.5"], ["Beta", "7.25"]]
    for task, img in ((Task.CHART, bar_chart()[0]), (Task.TABLE, table_image(cells)), (Task.SVG, icon_image())):
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=quality)
        jpeg = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
        j = check_judge_contract(judge, task, rendering(img, task), rendering(jpeg, task))
        assert all(d.severity <= 1 for d in j.discrepancies), (task, j.discrepancies)


@pytest.mark.parametrize("scale", [0.98, 1.02])
def test_small_rescale_is_at_most_minor(judge: PixelJudge, scale: float) -> None:
    ref, _, _ = bar_chart()
    cand = ref.resize((round(ref.width * scale), round(ref.height * scale)), Image.LANCZOS)
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(cand))
    assert all(d.severity <= 1 for d in j.discrepancies), j.discrepancies


@pytest.mark.xfail(
    strict=True,
    reason="known gap: content rescaled inside an unchanged canvas leaves y-axis tick glyphs that OCR reads "
    "differently; whole-image rescales (above) are handled",
)
def test_rescaled_content_on_the_same_canvas_is_at_most_minor(judge: PixelJudge) -> None:
    # The same drawing 2 % smaller on a canvas of the same size (content box scaled, not the image).
    ref, _, _ = bar_chart()
    small = ref.resize((round(ref.width * 0.98), round(ref.height * 0.98)), Image.LANCZOS)
    cand = Image.new("RGB", ref.size, "white")
    cand.paste(small, (4, 4))
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(cand))
    assert all(d.severity <= 1 for d in j.discrepancies), j.discrepancies


def test_chart_rerendered_from_refactored_code_is_at_most_minor(judge: PixelJudge) -> None:
    j = check_judge_contract(judge, Task.CHART, rendering(program_chart()), rendering(program_chart(refactored=True)))
    assert all(d.severity <= 1 for d in j.discrepancies), j.discrepancies


def test_hollow_chart_piles_up_with_the_hidden_bars(judge: PixelJudge) -> None:
    ref = program_chart()
    _, bars, _ = bar_chart()
    j = check_judge_contract(judge, Task.CHART, rendering(ref), rendering(program_chart(hide_bars=True)))
    hidden = [d for d in j.discrepancies if "hid" in d.description]
    # Every fifth of the hidden data's extent is a severe data error: never one small item.
    assert len(hidden) >= 4 and all(d.category == "data_error" and d.severity == 3 for d in hidden)
    assert all(d.location.startswith("plot area") for d in hidden)
    boxes = [px_box(d, ref) for d in hidden]
    span = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    for bar in bars:  # together the items cover every bar
        assert covered(bar, span) >= 0.9
    assert j.total_severity >= 12


def test_chart_locations_use_the_plot_frame(judge: PixelJudge) -> None:
    ref, _, _ = bar_chart()
    cand, _, _ = bar_chart(colours=(BLUE, RED, BLUE, BLUE))
    j = judge.judge(Task.CHART, rendering(ref), rendering(cand))
    assert any(d.location.startswith("plot area") for d in j.discrepancies)


TABLE = [
    ["Name", "Q1", "Q2", "Region"],
    ["Alpha", "12.5", "13.0", "North"],
    ["Beta", "7.25", "8.00", "South"],
    ["Gamma", "100", "120", "East"],
    ["Delta", "42", "40", "West"],
]


def _table_judgment(judge: PixelJudge, cand: list[list[str]]) -> list[Discrepancy]:
    def img(cells: list[list[str]]) -> Image.Image:
        return table_image(cells, size=(150 * len(cells[0]), 50 * len(cells)))

    j = check_judge_contract(judge, Task.TABLE, rendering(img(TABLE), Task.TABLE), rendering(img(cand), Task.TABLE))
    return j.discrepancies


def test_swapped_table_rows_are_one_layout_error(judge: PixelJudge) -> None:
    cand = [TABLE[0], TABLE[1], TABLE[3], TABLE[2], TABLE[4]]
    got = _table_judgment(judge, cand)
    assert [(d.category, d.severity) for d in got] == [("layout_error", 2)]


def test_dropped_table_row_is_one_severe_layout_error(judge: PixelJudge) -> None:
    cand = [TABLE[0], TABLE[1], TABLE[3], TABLE[4]]
    got = _table_judgment(judge, cand)
    assert [(d.category, d.severity) for d in got] == [("layout_error", 3)]


def test_repeated_table_column_is_one_layout_error(judge: PixelJudge) -> None:
    cand = [[*row[:2], row[1], *row[2:]] for row in TABLE]
    got = _table_judgment(judge, cand)
    assert [(d.category, d.severity) for d in got] == [("layout_error", 2)]


def test_line_alignment_finds_drops_repeats_and_swaps() -> None:
    from verm.judge.pixel.table_align import _align_core

    eye = np.eye(4)
    swapped = _align_core(eye[:, [0, 2, 1, 3]])  # candidate lines 1 and 2 exchanged
    assert swapped is not None and not swapped.dropped and not swapped.repeated
    assert [sorted(c) for c in swapped.cycles] == [[1, 2]]
    dropped = _align_core(eye[:, [0, 1, 3]])
    assert dropped is not None and dropped.dropped == [2] and not dropped.cycles
    repeated = _align_core(eye[:, [0, 1, 1, 2, 3]])
    assert repeated is not None and repeated.repeated == [(1, 2)] and not repeated.cycles


def test_line_alignment_keeps_copies_in_order() -> None:
    from verm.judge.pixel.table_align import _align_core

    # Reference lines 1-3 are copies of one line; the candidate's last copy was edited beyond recognition.
    # Which copy it was is invisible: no line moved.
    sim = np.zeros((5, 5))
    sim[0, 0] = sim[4, 4] = 1.0
    sim[1:4, 1:3] = 1.0
    al = _align_core(sim)
    assert al is not None and not al.cycles and sorted(al.pairs) == [(i, i) for i in range(5)]


@pytest.mark.parametrize(
    ("ref", "cand", "same"),
    [
        ("83.08", "8308", True),  # a lost decimal point
        ("21,20", "21.20", True),
        ("7S", "75", True),
        ('["train", "test"]', "[“train”, ‘test’}", True),
        ("M1", "Mi", True),
        ("1.22", "1.20", False),  # a changed digit
        ("96.29", "-96.29", False),  # a sign
        ("19625", "19625%", False),  # a unit
        ("Report", "Rnport", False),  # a typo
    ],
)
def test_ocr_confusions_are_not_edits(ref: str, cand: str, same: bool) -> None:
    from verm.judge.pixel.ocr import _ocr_same

    assert _ocr_same(ref, cand) is same


@pytest.mark.parametrize(
    ("ref", "cand", "sev"),
    [
        ("Report", "Rnport", 1),  # one letter
        ("Illusion", "Illsuion", 1),  # two letters swapped
        ("Provides current and historical rates", "Provides currem and héstorical rates", 1),  # read alike
        ("High Prairie", "Stranger", 2),  # another word
        ("Total", "", 2),
    ],
)
def test_text_severity_tells_typos_from_changed_words(ref: str, cand: str, sev: int) -> None:
    from verm.judge.pixel.grade import _text_severity

    assert _text_severity(ref, cand, numeric=False) == sev


@pytest.mark.parametrize(
    ("rows", "pitch"),
    [
        ([0.0, 10.0, 30.1, 50.0, 70.0, 90.0], 20.0),  # one-line rows: their mean, to a fraction of a pixel
        ([0.0, 10.0, 30.0, 50.0, 100.0, 120.0], 20.0),  # a wrapped row is left out
        ([0.0, 10.0, 20.0, 50.0, 60.0], 20.0),  # two bands far apart: no one-line rows, the median
    ],
)
def test_row_pitch_is_the_height_of_one_line_rows(rows: list[float], pitch: float) -> None:
    from verm.judge.pixel.layout import TableGrid
    from verm.judge.pixel.table_align import _row_pitch

    assert _row_pitch(TableGrid(rows=rows, cols=[0.0, 100.0])) == pytest.approx(pitch, abs=0.05)


def _cell_item(row: int, col: int, category: str = "text_error", severity: int = 2) -> tuple[Any, tuple[int, ...]]:
    """A changed-cell item as the table path makes it (item, box in the candidate), on a 100 x 30 px grid."""
    from verm.judge.pixel.context import _Item

    box = (col * 100, row * 30, col * 100 + 90, row * 30 + 25)
    return _Item(category, severity, box, "read differently", "text", f"row {row}, column {col}"), box


def test_cells_of_swapped_columns_join_the_swap_however_short() -> None:
    from verm.judge.pixel.table_cells import _CellRead, _collapse_exchanges

    items = [_cell_item(r, k, "numeric_error", 3) for r, k in ((2, 4), (2, 6), (16, 4), (16, 6), (9, 2))]
    reads = [
        _CellRead(0, 2, 4, "Wins", "Losses"),
        _CellRead(1, 2, 6, "Losses", "Wins"),
        _CellRead(2, 16, 4, "0", "4"),  # one character each: a swap only because columns 4 and 6 are swapped
        _CellRead(3, 16, 6, "4", "0"),
        _CellRead(4, 9, 2, "4", "0"),  # elsewhere: a changed value
    ]
    out = _collapse_exchanges(items, reads)
    assert [(it.category, it.location) for it, _ in out] == [
        ("layout_error", "columns 4 and 6"),
        ("numeric_error", "row 9, column 2"),
    ]


def test_many_scattered_svg_changes_are_reported_as_few_items(judge: PixelJudge) -> None:
    """One edit that shows as many small diff regions does not pile up one discrepancy per region."""
    ref = Image.new("RGB", (256, 256), "white")
    draw = ImageDraw.Draw(ref)
    draw.rectangle((20, 20, 236, 236), outline="black", width=3)
    cand = ref.copy()
    cdraw = ImageDraw.Draw(cand)
    for k in range(9):
        x, y = 40 + (k % 3) * 70, 40 + (k // 3) * 70
        cdraw.ellipse((x, y, x + 14 + 2 * k, y + 14 + 2 * k), fill="black")
    out = judge.judge_images(Task.SVG, ref, cand)
    assert out, "the extra shapes are found"
    assert len(out) <= 3
    assert all(c >= 0.0 for d in out for c in d.bbox)
    # The largest changes are reported as they are; what is left over is one minor item.
    assert "further scattered differences" in out[-1].description and out[-1].severity == 1
    assert max(d.severity for d in out[:-1]) >= 2


def _ring(scale: float = 1.0) -> Image.Image:
    img = Image.new("RGB", (336, 336), "white")
    r = 110 * scale
    draw = ImageDraw.Draw(img)
    draw.ellipse((168 - r, 168 - r, 168 + r, 168 + r), outline="black", width=16)
    # Two fixed marks keep the content box: only the ring is scaled, not the whole icon.
    draw.rectangle((8, 8, 28, 28), fill="black")
    draw.rectangle((308, 308, 328, 328), fill="black")
    return img


def test_slightly_scaled_svg_shape_is_one_minor_shape_error(judge: PixelJudge) -> None:
    # A 5 % larger ring differs all along its outline: many slivers, one shape that grew a little.
    out = judge.judge_images(Task.SVG, _ring(), _ring(1.05))
    assert [(d.category, d.severity) for d in out] == [("shape_error", 1)]
    # Twice as much growth moves the outline further: more severe, still one change.
    out = judge.judge_images(Task.SVG, _ring(), _ring(1.25))
    assert [(d.category, d.severity) for d in out] == [("shape_error", 2)]


def test_slightly_shrunk_filled_svg_shape_is_a_minor_shape_error(judge: PixelJudge) -> None:
    # A filled disc 6 % smaller: its new outline lies inside the old, so ink is only lost, along the
    # old outline. That is the shape shrinking a little, not a shape gone.
    def disc(r: int) -> Image.Image:
        img = Image.new("RGB", (336, 336), "white")
        draw = ImageDraw.Draw(img)
        draw.ellipse((168 - r, 168 - r, 168 + r, 168 + r), fill="#2a9d8f")
        # Two fixed marks keep the content box: only the disc is scaled, not the whole icon.
        draw.rectangle((8, 8, 28, 28), fill="black")
        draw.rectangle((308, 308, 328, 328), fill="black")
        return img

    out = judge.judge_images(Task.SVG, disc(110), disc(103))
    assert [(d.category, d.severity) for d in out] == [("shape_error", 1)]


def _triangle(apex_x: int) -> Image.Image:
    img = Image.new("RGB", (336, 336), "white")
    ImageDraw.Draw(img).polygon([(60, 280), (276, 280), (apex_x, 60)], fill="#264653")
    return img


def test_far_moved_svg_outline_is_a_shape_gone_and_a_shape_drawn(judge: PixelJudge) -> None:
    # The apex moved by 5 % of the side: one outline adjusted.
    out = judge.judge_images(Task.SVG, _triangle(168), _triangle(200))
    assert [(d.category, d.severity) for d in out] == [("shape_error", 2)]
    # Moved by over 10 %, the ink drawn is no longer one outline adjusted: on the bench such groups are
    # more often several edits than one, and reporting both sides raised r and ranking on two seeds.
    # Each side is graded by the share of the drawing it holds (each wedge between 5 and 25 %).
    out = judge.judge_images(Task.SVG, _triangle(168), _triangle(260))
    assert sorted((d.category, d.severity, d.description.split()[1]) for d in out) == [
        ("structure_error", 2, "candidate"),
        ("structure_error", 2, "shape"),
    ]


def _outline_icon(with_line: bool) -> Image.Image:
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((40, 40, 296, 296), outline="black", width=6)
    draw.ellipse((120, 120, 216, 216), fill="black")
    if with_line:
        draw.line((60, 280, 280, 60), fill="black", width=6)
    return img


def test_svg_shape_gone_is_graded_by_the_ink_it_held_not_its_box(judge: PixelJudge) -> None:
    # A thin diagonal stroke spans half the icon's box but holds little of its ink: a detail gone
    # (the perturbation rule grades a dropped element by its share of the ink), not a severe loss.
    out = judge.judge_images(Task.SVG, _outline_icon(True), _outline_icon(False))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 2)]


def test_filled_svg_shape_gone_counts_its_fill(judge: PixelJudge) -> None:
    # A black shape filling most of the canvas: its fill is the image's most common colour, yet it is
    # what the icon draws. Drawn at a third of its size, most of the drawing is gone: severity 3.
    def blob(r: int) -> Image.Image:
        img = Image.new("RGB", (336, 336), "white")
        ImageDraw.Draw(img).ellipse((168 - r, 168 - r, 168 + r, 168 + r), fill="black")
        return img

    out = judge.judge_images(Task.SVG, blob(165), blob(55))
    assert out and max(d.severity for d in out) == 3


def _outlined_triangle(apex_x: int = 168) -> Image.Image:
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    draw.line([(60, 270), (apex_x, 60), (276, 270), (60, 270)], fill="black", width=6, joint="curve")
    draw.rectangle((140, 200, 196, 240), outline="black", width=6)
    return img


def test_an_outline_point_moved_is_graded_by_how_far_it_moved(judge: PixelJudge) -> None:
    # The apex moved by 6 % of the side: severity 2 by the point-move steps (4 % / 10 %), although
    # most of the changed ink lies close to the old outline (the two sides pivot at their feet).
    out = judge.judge_images(Task.SVG, _outlined_triangle(), _outlined_triangle(188))
    assert [(d.category, d.severity) for d in out] == [("shape_error", 2)], out


def _bracket(left_top_x: int = 60, right_top_y: int = 60) -> Image.Image:
    """One connected stroke, a wide U: its two upper ends lie far apart."""
    img = Image.new("RGB", (336, 336), "white")
    points = [(left_top_x, 60), (60, 280), (276, 280), (276, right_top_y)]
    ImageDraw.Draw(img).line(points, fill="black", width=6, joint="curve")
    return img


def test_changes_far_apart_on_one_drawing_are_separate_edits(judge: PixelJudge) -> None:
    one = judge.judge_images(Task.SVG, _bracket(), _bracket(left_top_x=90))
    assert [(d.category, d.severity) for d in one] == [("shape_error", 2)], one
    # The left end moved and the right end shortened: the changes lie at the two ends of one stroke.
    two = judge.judge_images(Task.SVG, _bracket(), _bracket(left_top_x=90, right_top_y=100))
    assert len(two) == 2, two
    assert max(d.bbox[0] for d in two) > 0.7 > min(d.bbox[2] for d in two)  # one at each end


def _flag(mirrored: bool, bar: bool = False, colour: str = "#264653") -> Image.Image:
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    pts = [(100, 60), (250, 110), (130, 150), (130, 280), (100, 280)]
    if mirrored:
        pts = [(350 - x, y) for x, y in pts]  # about the shape's own centre (x = 175)
    draw.polygon(pts, fill=colour)
    if bar:  # another, unchanged shape across the flag's pole, on one side only
        draw.rectangle((20, 180, 170, 230), fill="#264653")
    return img


@pytest.mark.parametrize("bar", [False, True], ids=["alone", "crossed by another shape"])
def test_mirrored_svg_shape_is_a_symbol_error(judge: PixelJudge, bar: bool) -> None:
    # With the bar, all the ink in the changed box, mirrored, no longer matches (the bar moves to the
    # other side); what vanished, mirrored, is still what appeared.
    out = judge.judge_images(Task.SVG, _flag(False, bar), _flag(True, bar))
    assert [(d.category, d.severity) for d in out] == [("text_symbol_error", 2)]
    assert "mirrored horizontally" in out[0].description


def test_mirrored_and_recoloured_svg_shape_is_one_error(judge: PixelJudge) -> None:
    # Two edits on one shape change the same pixels: an annotator sees one element changed in one
    # place (the ground truth merges them so), mirrored and in its new colour.
    out = judge.judge_images(Task.SVG, _flag(False), _flag(True, colour="#e76f51"))
    assert [(d.category, d.severity) for d in out] == [("text_symbol_error", 2)]
    assert "mirrored horizontally" in out[0].description and "#e76f51" in out[0].description
    # Recoloured alone, it stays a recolouring.
    out = judge.judge_images(Task.SVG, _flag(False), _flag(False, colour="#e76f51"))
    assert [(d.category, d.severity) for d in out] == [("style_error", 2)]


def test_cells_that_trade_contents_are_one_column_swap() -> None:
    from verm.judge.pixel.table_cells import _CellRead, _collapse_exchanges

    # Rows 2 and 3 read columns 3 and 5 the other way round (OCR noise in one read); row 4 has a real typo.
    items = [_cell_item(r, k) for r, k in ((2, 3), (2, 5), (3, 3), (3, 5), (4, 2))]
    reads = [
        _CellRead(0, 2, 3, "UGA", "UGANDA"),
        _CellRead(1, 2, 5, "UGANDA", "UGA"),
        _CellRead(2, 3, 3, "EGU", "AFRICAN EAGLE"),
        _CellRead(3, 3, 5, "AFRICAN EAGIE", "EGU"),
        _CellRead(4, 4, 2, "Lima", "Lina"),
    ]
    out = _collapse_exchanges(items, reads)
    assert [(it.category, it.severity, it.location) for it, _ in out] == [
        ("layout_error", 2, "columns 3 and 5"),
        ("text_error", 2, "row 4, column 2"),
    ]
    assert out[0][0].box == (300, 60, 590, 115)
    # Cells that read as before (up to OCR noise) took no one's contents, however alike their reads.
    same = [
        _CellRead(0, 7, 3, '["train", "test"]', "[train, test]"),
        _CellRead(1, 13, 3, "[train test]", '["train", "test"]'),
    ]
    assert _collapse_exchanges(items[:2], same) == items[:2]
    # Reads that do not mirror each other are left alone.
    assert (
        _collapse_exchanges(items[:2], [_CellRead(0, 2, 3, "UGA", "KEN"), _CellRead(1, 2, 5, "UGANDA", "UGA")])
        == items[:2]
    )


@cache
def quarter_bars(
    values: tuple[float, ...] = (3, 5, 2, 6), labels: tuple[str, ...] = ("Q1", "Q2", "Q3", "Q4"), top: float = 8
) -> Image.Image:
    fig, ax = plt.subplots(figsize=(8, 8), dpi=96)
    ax.bar(range(4), values, color=BLUE)
    ax.set_xticks(range(4), labels)
    ax.set_ylim(0, top)
    ax.set_title("Quarterly sales")
    return _figure_image(fig)


@pytest.mark.parametrize(("q2", "expected"), [(5.25, 1), (6.5, 2), (7.5, 3)])
def test_bar_change_severity_follows_the_relative_value_change(judge: PixelJudge, q2: float, expected: int) -> None:
    # Q2 grows by 5 %, 30 % and 50 %+ of its height: the share of the old bar's ink that changed.
    out = judge.judge_images(Task.CHART, quarter_bars(), quarter_bars(values=(3, q2, 2, 6)))
    assert [(d.category, d.severity) for d in out] == [("data_error", expected)]


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_narrowed_axis_limits_are_a_severe_data_error(judge: PixelJudge) -> None:
    out = judge.judge_images(Task.CHART, quarter_bars(), quarter_bars(top=6.5))
    assert [(d.category, d.severity) for d in out] == [("data_error", 3)]
    assert "y-axis tick labels changed" in out[0].description


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_swapped_tick_labels_are_a_severe_text_error(judge: PixelJudge) -> None:
    out = judge.judge_images(Task.CHART, quarter_bars(), quarter_bars(labels=("Q1", "Q3", "Q2", "Q4")))
    assert [(d.category, d.severity) for d in out] == [("text_error", 3)]
    assert "swapped" in out[0].description


def _hook(scale: float = 1.0, turn: float = 0.0, flip: bool = False, dx: int = 0) -> Image.Image:
    """A stroked hook (an icon's path), drawn scaled, turned or mirrored about (168, 168), or moved."""
    img = Image.new("RGB", (336, 336), "white")
    t = math.radians(turn)
    pts = [((-x if flip else x) * scale, y * scale) for x, y in ((-60, -80), (-60, 80), (60, 80), (60, 20), (0, 20))]
    pts = [(168 + dx + x * math.cos(t) - y * math.sin(t), 168 + x * math.sin(t) + y * math.cos(t)) for x, y in pts]
    ImageDraw.Draw(img).line(pts, fill="#222222", width=10, joint="curve")
    return img


@pytest.mark.parametrize(
    ("change", "expected", "words"),
    [
        # Graded by how far the outline moves (the perturbation rules' steps): the hook reaches about
        # 100 px from its centre, so at 0.6 or 1.6 times its size its corners move 40-60 px (> 10 %: 3).
        ({"scale": 0.6}, ("shape_error", 3), "drawn at 0.60 times its size"),
        ({"scale": 1.6}, ("shape_error", 3), "drawn at 1.60 times its size"),
        ({"turn": 60}, ("structure_error", 3), "turned by"),
        ({"flip": True}, ("text_symbol_error", 2), "mirrored horizontally"),
        ({"dx": 50}, ("structure_error", 3), "moved by 15%"),
    ],
)
def test_a_drawing_transformed_as_a_whole_is_one_change(
    judge: PixelJudge, change: dict[str, Any], expected: tuple[str, int], words: str
) -> None:
    # Moved past the outline steps, the drawing's ink no longer touches its old outline; one similarity
    # transform still maps it onto the new one: one edit, not a shape missing and another drawn.
    out = judge.judge_images(Task.SVG, _hook(), _hook(**change))
    assert [(d.category, d.severity) for d in out] == [expected], out
    assert words in out[0].description


def _hooks(scale: float) -> Image.Image:
    """Six small stroked hooks in a grid, each drawn at ``scale`` about its own centre."""
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    for cx in (56, 168, 280):
        for cy in (84, 252):
            pts = [(cx + x * scale, cy + y * scale) for x, y in ((-40, -60), (-40, 60), (40, 60), (40, 15))]
            draw.line(pts, fill="#222222", width=6)
    return img


def test_transform_searches_are_bounded_per_judgment(judge: PixelJudge, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every hook moved past the outline steps; each search costs up to ~40 ms at 768 px, so a drawing
    # of many such parts (hostile or not) gets four searches and plain missing and extra shapes after.
    import verm.judge.pixel.svg as pixel
    from verm.judge.pixel.svg_transform import SVG_TRANSFORM_SEARCHES

    found: list[object] = []
    real = pixel._svg_transformed

    def counted(*args: Any) -> object:
        found.append(real(*args))
        return found[-1]

    monkeypatch.setattr(pixel, "_svg_transformed", counted)
    judge.judge_images(Task.SVG, _hooks(1.0), _hooks(0.5))
    assert len(found) == 6, found
    assert sum(f is not None for f in found) == SVG_TRANSFORM_SEARCHES, found


def _rocking_chair(scale: float) -> Image.Image:
    """Legs and a rocker left in place, and a seat with its back (one stroke, crossing the legs' tops)
    scaled by ``scale`` about a point off its centre, so that the stroke widens too."""
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    draw.line([(60, 250), (168, 290), (276, 250)], fill="black", width=24, joint="curve")
    draw.line([(120, 140), (90, 265)], fill="black", width=24)
    draw.line([(220, 140), (250, 265)], fill="black", width=24)
    seat = [(145 + (x - 145) * scale, 90 + (y - 90) * scale) for x, y in ((40, 20), (80, 150), (250, 150))]
    draw.line(seat, fill="black", width=round(24 * scale), joint="curve")
    return img


def test_a_part_scaled_over_parts_left_in_place_is_one_shape_resized(judge: PixelJudge) -> None:
    # The seat grown by 1.45 keeps little of its old outline and crosses the legs it joins: the moments of
    # its changed ink guess the transform too roughly, and it read as a shape gone plus one drawn (3 + 2).
    # Refined by aligning the changed ink itself, it is one shape drawn at about 1.45 times its size.
    out = judge.judge_images(Task.SVG, _rocking_chair(1.0), _rocking_chair(1.45))
    assert len(out) == 1, out
    assert out[0].category == "shape_error" and out[0].severity == 3, out
    m = re.search(r"drawn at ([\d.]+) times its size", out[0].description)
    assert m is not None and abs(float(m.group(1)) - 1.45) <= 0.05, out


def _eye_slashed(turn: float) -> Image.Image:
    """An eye left in place and a slash across it, turned ``turn`` degrees from upright; the canvas clips
    the slash's ends, the more the nearer it runs to a diagonal."""
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    draw.ellipse((70, 110, 266, 226), outline="black", width=20)
    dx, dy = 230 * math.sin(math.radians(turn)), 230 * math.cos(math.radians(turn))
    draw.line([(168 - dx, 168 - dy), (168 + dx, 168 + dy)], fill="black", width=24)
    return img


def test_a_line_turned_and_clipped_otherwise_is_turned_at_its_own_size(judge: PixelJudge) -> None:
    # The canvas clips the diagonal slash less than the upright one: their gyration says "resized by
    # 0.8" and, turned and resized being two parts, no fit was tried; the slash read as a shape gone plus
    # one drawn (3 + 3). A turn is tried at the drawing's own size too: one shape turned by 45°.
    out = judge.judge_images(Task.SVG, _eye_slashed(45), _eye_slashed(0))
    assert len(out) == 1, out
    assert out[0].description == "A shape is turned by 45°.", out


def _gallows(bar: bool = True, arm: bool = False) -> Image.Image:
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((60, 60, 90, 290), fill="#1d3557")  # the post both keep
    if bar:
        draw.rectangle((60, 60, 290, 100), fill="#1d3557")
    if arm:
        draw.rectangle((90, 120, 130, 150), fill="#1d3557")
    return img


def test_a_part_drawn_beside_a_larger_part_gone_is_its_own_change(judge: PixelJudge) -> None:
    # One drawing loses its bar and gains a short arm close by: the arm is an eighth of the changed
    # ink, too little to read as one outline moved, and lies off the reference's ink: two changes,
    # each graded by its share of the drawing (the bar over half of it, the arm under a tenth).
    out = judge.judge_images(Task.SVG, _gallows(), _gallows(bar=False, arm=True))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 3), ("structure_error", 2)], out
    assert "missing" in out[0].description and "does not have" in out[1].description


def _panel(dots: bool = True, frame: bool = True) -> Image.Image:
    """A framed panel with three dots far apart (one path of three subpaths) and a bar below them."""
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    if frame:
        draw.rectangle((30, 30, 306, 306), outline="#222222", width=8)
    draw.rectangle((80, 230, 256, 250), fill="#222222")
    if dots:
        for cx in (84, 168, 252):
            draw.ellipse((cx - 18, 100 - 18, cx + 18, 100 + 18), fill="#222222")
    return img


def test_drawings_erased_count_each_and_a_hollow_drawing_piles_up(judge: PixelJudge) -> None:
    # Three dots, far apart, erased from the bare canvas: three whole drawings gone, each holding enough
    # of the drawing to matter alone (severity 2), are three changes, not one element "in 3 pieces".
    out = judge.judge_images(Task.SVG, _panel(), _panel(dots=False))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 2)] * 3, out
    assert not any("pieces" in d.description for d in out)
    # When most of the drawing is gone (the frame too), each piece still counts, also beyond the item
    # cap: an element erased is never folded into the scattered rest (until this round the third dot
    # read as "1 further scattered difference").
    out = judge.judge_images(Task.SVG, _panel(), _panel(dots=False, frame=False))
    assert [d.severity for d in out] == [3, 2, 2, 2], out
    assert "missing" in out[0].description and "missing" in out[1].description


def test_specks_erased_are_one_element_in_pieces(judge: PixelJudge) -> None:
    # Three specks erased (each under a twentieth of the drawing: severity 1 alone) are one element
    # drawn in pieces (a path's subpaths), graded by the paint of all.
    def specks(on: bool) -> Image.Image:
        img = _panel(dots=False)
        if on:
            draw = ImageDraw.Draw(img)
            for cx in (84, 168, 252):
                draw.ellipse((cx - 5, 100 - 5, cx + 5, 100 + 5), fill="#222222")
        return img

    out = judge.judge_images(Task.SVG, specks(True), specks(False))
    assert len(out) == 1 and "drawn in 3 pieces, is missing" in out[0].description, out
    assert out[0].bbox is not None and out[0].bbox[2] - out[0].bbox[0] > 0.5  # all three specks


def test_pieces_of_one_shape_drawn_are_one_change(judge: PixelJudge) -> None:
    # The candidate draws the three dots (one path of three subpaths) where the reference has none:
    # one element drawn in pieces (a copied path), as three dots gone are one element gone.
    out = judge.judge_images(Task.SVG, _panel(dots=False), _panel())
    assert [(d.category, d.severity) for d in out] == [("structure_error", 2)], out
    assert "in 3 pieces, the reference does not have" in out[0].description
    assert out[0].bbox is not None and out[0].bbox[2] - out[0].bbox[0] > 0.6  # all three dots


def _badge(square: tuple[int, int] = (130, 120), bottom: int = 280) -> Image.Image:
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((60, 60, 276, bottom), fill="#9ecae1")
    draw.rectangle((square[0], square[1], square[0] + 50, square[1] + 50), fill=RED)
    return img


def test_mark_moved_over_a_filled_shape_is_found(judge: PixelJudge) -> None:
    # Ink covers both places, so only the colours trade places; the shift (40, 30) px is 15 % of the side:
    # past the outline steps' 10 %, and the mark's two places hold over 5 % of the paint (no detail): 3.
    out = judge.judge_images(Task.SVG, _badge(), _badge(square=(170, 150)))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 3)]
    assert "moved by 15%" in out[0].description
    # A second change on the same drawing is its own discrepancy.
    out = judge.judge_images(Task.SVG, _badge(), _badge(square=(170, 150), bottom=310))
    assert len(out) == 2 and "moved" in out[0].description and "does not have" in out[1].description


@cache
def bars_and_line(bars: bool = True, top: float = 60) -> Image.Image:
    fig, ax = plt.subplots(figsize=(8, 6), dpi=96)
    if bars:
        ax.bar(range(6), [30, 42, 38, 51, 47, 55], color=BLUE, label="revenue")
    ax.plot(range(6), [3, 5, 4, 6, 5, 7], color=RED, linewidth=1.5, label="margin")
    ax.set_xlim(-0.6, 5.6)
    ax.set_ylim(0, top)
    ax.set_title("Revenue and margin")
    return _figure_image(fig)


def test_a_series_dropped_beside_a_thin_line_is_not_empty_axes(judge: PixelJudge) -> None:
    # Without the bars the plot holds little ink, but the line is all there: a dropped series (one
    # severe data change), not the per-element pile-up meant for axes without data.
    out = judge.judge_images(Task.CHART, bars_and_line(), bars_and_line(bars=False))
    assert not any("An element of the reference is missing" in d.description for d in out), out
    assert ("data_error", 3) in [(d.category, d.severity) for d in out]
    assert sum(d.severity for d in out) <= 6


def test_a_series_dropped_and_the_rest_rescaled_is_not_a_gutted_chart(judge: PixelJudge) -> None:
    # The bars go and the y-axis shrinks to the line: nothing is where it was and most of the ink is
    # gone, but the candidate still plots data in axes of its own. No per-element pile-up.
    out = judge.judge_images(Task.CHART, bars_and_line(), bars_and_line(bars=False, top=8))
    assert out and not any("An element of the reference is missing" in d.description for d in out), out
    assert sum(d.severity for d in out) <= 9


def test_row_warp_maps_rows_through_a_monotone_stretch() -> None:
    from verm.judge.pixel.chart_axis import _row_warp

    rng = np.random.default_rng(0)
    rows = rng.random((40, 30)) < 0.3
    stretched = rows[np.concatenate([np.arange(10), np.repeat(np.arange(10, 20), 4), np.arange(20, 40)])]
    from_rows, to_rows = _row_warp(rows, stretched)
    assert np.all(np.diff(from_rows) >= 0) and np.all(np.diff(to_rows) >= 0)
    mapped = np.zeros_like(stretched)
    np.logical_or.at(mapped, to_rows, rows[from_rows])
    assert not (mapped ^ stretched).any()


@cache
def two_lines(
    log: bool = False,
    scale_second: float = 1.0,
    top: float | None = None,
    y_labels: bool = True,
    clip_at: float | None = None,
) -> Image.Image:
    fig, ax = plt.subplots(figsize=(8, 6), dpi=96)
    ax.plot(range(8), [3, 5, 4, 8, 12, 10, 15, 20], color=BLUE, marker="o", label="north")
    ax.plot(range(8), [scale_second * v for v in (2, 3, 3, 4, 6, 5, 7, 9)], color=RED, marker="s", label="south")
    if log:
        ax.set_yscale("log")
    if top is not None:
        ax.set_ylim(0, top)
    if clip_at is not None:
        ax.set_ylim(top=clip_at)  # the bottom still follows the data
    ax.tick_params(axis="y", which="both", left=y_labels, labelleft=y_labels)
    ax.set_title("Sales by region")
    return _figure_image(fig)


def test_marks_all_moved_along_y_alike_are_a_new_scale_not_another_chart_type(judge: PixelJudge) -> None:
    # No tick labels to read: the plot alone shows that every mark moved along y by one monotone map.
    out = judge.judge_images(Task.CHART, two_lines(y_labels=False), two_lines(log=True, y_labels=False))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 2)], out
    assert "moved along y alike" in out[0].description
    # One series doubled (autoscale: the other's marks move too, by another map): not one map.
    out = judge.judge_images(Task.CHART, two_lines(y_labels=False), two_lines(scale_second=2.0, y_labels=False))
    assert not any("alike" in d.description for d in out), out


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_an_axis_change_carries_the_marks_it_moves_but_not_a_data_change_beside_it(judge: PixelJudge) -> None:
    # A log axis moves every mark: one discrepancy. A log axis and one series doubled: the marks no
    # longer map onto the reference's along y, a data change over the same marks the axis moved,
    # which an annotator sees as one change (the ground truth merges edits that overlap so): one
    # discrepancy, as severe as the worse of the two, that names both.
    log_only = judge.judge_images(Task.CHART, two_lines(), two_lines(log=True))
    assert [(d.category, d.severity) for d in log_only] == [("structure_error", 2)], log_only
    both = judge.judge_images(Task.CHART, two_lines(), two_lines(log=True, scale_second=2.0))
    assert len(both) == 1 and both[0].severity >= 2, both
    assert "beyond the new axis" in both[0].description and "tick labels changed" in both[0].description
    # Limits set by hand move the marks too, all alike: one data_error of the axis rule's severity
    # (2 for wider limits), not the severity of every mark moving.
    widened = judge.judge_images(Task.CHART, two_lines(), two_lines(top=40))
    assert [(d.category, d.severity) for d in widened] == [("data_error", 2)], widened
    assert "tick labels changed" in widened[0].description
    # A range about 1.2 times as wide (the marks span 1/1.2 of the height they spanned) is minor.
    widened = judge.judge_images(Task.CHART, two_lines(), two_lines(top=24))
    assert [(d.category, d.severity) for d in widened] == [("data_error", 1)], widened
    # Limits narrowed by hand cut the marks at the frame: set by hand, though the empty margins
    # hardly change; a series doubled beside them lies on the marks they moved: one change too.
    narrowed = judge.judge_images(Task.CHART, two_lines(), two_lines(clip_at=17, scale_second=1.6))
    assert [d.category for d in narrowed] == ["data_error"], narrowed
    assert "beyond the new axis" in narrowed[0].description


@cache
def _response_times(seed: int, log: bool = False) -> Image.Image:
    rng = np.random.default_rng(seed)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    ax.hist(rng.normal(225, 40, 140), bins=20, color="goldenrod", edgecolor="white", density=True)
    if log:
        ax.set_yscale("log")
    ax.set_title("Distribution of response time")
    ax.set_ylabel("Density")
    fig.tight_layout()
    return _figure_image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
@pytest.mark.parametrize("seed", [1, 3])
def test_a_column_of_new_log_tick_labels_is_one_scale_change(judge: PixelJudge, seed: int) -> None:
    # The log axis's minor tick marks join its labels (and the axis label beside them, and the first
    # x tick label below) into one changed region: still the y tick labels, read as a new scale.
    out = judge.judge_images(Task.CHART, _response_times(seed), _response_times(seed, log=True))
    assert not any(d.category == "data_error" for d in out), out
    assert [d.severity for d in out if d.category == "structure_error"] == [2], out
    assert any("y-axis tick labels changed (scale" in d.description for d in out), out


def _runtime_chart(legend_at: str) -> Image.Image:
    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    sizes = [10**k for k in range(1, 8)]
    ax.loglog(sizes, [s**0.9 / 10 for s in sizes], marker="s", label="CPU")
    ax.loglog(sizes, [s**0.9 / 6 for s in sizes], marker="o", label="GPU")
    ax.grid(True, which="both", ls="--", alpha=0.4)
    ax.legend(loc=legend_at)
    ax.set_title("Runtime scaling")
    return _figure_image(fig)


def test_a_legend_moved_in_pieces_over_the_marks_is_one_move(judge: PixelJudge) -> None:
    # Where the legend was, its swatches and labels are separate changed regions; where it went, one
    # region with the lines it covers. All of them are the one moved block.
    out = judge.judge_images(Task.CHART, _runtime_chart("lower center"), _runtime_chart("upper right"))
    assert [(d.category, d.severity) for d in out] == [("style_error", 1)], out
    assert "moved" in out[0].description


def _frameless_lines(scale: float = 1.0) -> Image.Image:
    with plt.style.context("fivethirtyeight"):  # no spines; a light grid on a grey face
        fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
        ax.plot(months, [scale * v for v in (66, 63, 56, 52, 54, 52, 48, 52)], marker="v", lw=1.5, label="Plan")
        ax.plot(months, [70, 71, 66, 68, 75, 85, 75, 75], ls="--", lw=4, label="Actual")
        ax.legend(loc="center right")
        ax.set_title("Score over time")
        return _figure_image(fig)


def test_a_chart_without_spines_has_its_plot_area_from_its_faint_grid(judge: PixelJudge) -> None:
    # One series scaled: without a plot area its re-drawn lines read as several unrelated shapes.
    out = judge.judge_images(Task.CHART, _frameless_lines(), _frameless_lines(scale=0.92))
    assert len(out) == 1 and out[0].location.startswith("plot area"), out


def _latency_errorbars(log: bool = False) -> Image.Image:
    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    latency = np.array([12, 18, 25, 31, 44, 52, 61, 80])
    ax.errorbar(np.arange(8), latency, yerr=latency * 0.1, fmt="o-", capsize=3)
    ax.set_ylabel("Latency (ms)")
    ax.set_title("Latency by batch")
    if log:
        ax.set_yscale("log")
    return _figure_image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_tick_labels_left_beside_a_changed_y_axis_are_that_change(judge: PixelJudge) -> None:
    # The new labels are wider and run into one region with the axis label: it is the axis change
    # already reported, not a shape of its own.
    out = judge.judge_images(Task.CHART, _latency_errorbars(), _latency_errorbars(log=True))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 2)], out


def _store_boxes(fifth: float = 33.0) -> Image.Image:
    first = [20, 24, 28, 31, fifth, 36, 40, 44, 50]
    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    ax.boxplot(
        [first, [30, 33, 35, 38, 41, 45, 48, 52, 56]],
        patch_artist=True,
        boxprops={"facecolor": "#22a884"},
        medianprops={"color": "#ff7f0e", "linewidth": 2},
    )
    ax.set_ylim(0, 60)
    ax.set_title("Orders by store")
    return _figure_image(fig)


def test_a_median_line_moved_inside_its_box_is_a_data_change(judge: PixelJudge) -> None:
    # Orange and green trade places inside the box: not a re-encoding tint (one dominant colour
    # each way), not a label the layout moved (a mark inside the plot), not a recolouring.
    out = judge.judge_images(Task.CHART, _store_boxes(), _store_boxes(fifth=38.5))
    assert [d.category for d in out] == ["data_error"], out
    assert out[0].location.startswith("plot area")


def _two_pieces(colour: str = "black") -> Image.Image:
    img = Image.new("RGB", (336, 336), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((40, 60, 140, 270), fill=colour)  # one element drawn in two pieces (a path's subpaths)
    draw.rectangle((196, 60, 296, 270), fill=colour)
    return img


def test_a_recoloured_element_in_separate_pieces_is_one_recolouring(judge: PixelJudge) -> None:
    out = judge.judge_images(Task.SVG, _two_pieces(), _two_pieces("#ff7f0e"))
    assert [(d.category, d.severity) for d in out] == [("style_error", 2)], out
    assert out[0].bbox[0] < 0.2 and out[0].bbox[2] > 0.8  # both pieces


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug")


def _monthly_orders(
    log: bool = False, months: tuple[str, ...] = MONTHS, ylabel: str = "Orders", colour: str = BLUE
) -> Image.Image:
    """A line chart laid out tightly: wider y tick labels (a log axis) shrink the plot, so the x tick
    labels, the x-axis label and the title all move with it."""
    fig, ax = plt.subplots(figsize=(8, 5), dpi=96)
    ax.plot(range(8), [30, 52, 41, 80, 120, 96, 150, 210], color=colour, marker="o")
    ax.set_xticks(range(8), list(months))
    if log:
        ax.set_yscale("log")
    ax.set_xlabel("Month")
    ax.set_ylabel(ylabel)
    ax.set_title("Orders by month")
    fig.tight_layout()
    return _figure_image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_labels_that_moved_with_a_resized_plot_are_layout(judge: PixelJudge) -> None:
    # The log axis is the one edit: the x tick labels, squeezed with the narrower plot, are the same
    # words each moved as the frame maps it.
    out = judge.judge_images(Task.CHART, _monthly_orders(), _monthly_orders(log=True))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 2)], out
    assert "scale" in out[0].description
    # Two of those labels trading places still shows: their words no longer match in order.
    swapped = ("Jan", "Feb", "Apr", "Mar", *MONTHS[4:])
    out = judge.judge_images(Task.CHART, _monthly_orders(), _monthly_orders(log=True, months=swapped))
    assert any(d.location == "x-axis tick labels" for d in out), out


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
@pytest.mark.parametrize(("ylabel", "severity"), [("Yield", 2), ("Odrers", 1)])
def test_a_changed_y_axis_label_is_read_down_the_image(judge: PixelJudge, ylabel: str, severity: int) -> None:
    out = judge.judge_images(Task.CHART, _monthly_orders(), _monthly_orders(ylabel=ylabel))
    assert [(d.category, d.severity, d.location) for d in out] == [("text_error", severity, "y-axis label")], out
    assert repr(ylabel) in out[0].description and "'Orders'" in out[0].description


def _languages(names: tuple[str, ...], horizontal: bool = False) -> Image.Image:
    """Bars with their category labels set at 45° under the plot, or level beside horizontal bars."""
    fig, ax = plt.subplots(figsize=(8, 5), dpi=96)
    values = [12, 9, 7, 5, 4, 3]
    if horizontal:
        ax.barh(list(names), values, color=BLUE)
    else:
        ax.bar(list(names), values, color=BLUE)
        ax.tick_params(axis="x", labelrotation=45)
    ax.set_title("Users by language")
    fig.tight_layout()
    return _figure_image(fig)


LANGUAGES = ("Python", "Java", "Rust", "Julia", "Go", "Ruby")


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
@pytest.mark.parametrize("horizontal", [False, True], ids=["slanted under the plot", "level beside the plot"])
def test_a_changed_category_label_is_read(judge: PixelJudge, horizontal: bool) -> None:
    # A slanted label is turned level before it is read; a level one beside the plot is read on its
    # own, not with the tick mark and the bar it leads into.
    renamed = ("Python", "Java", "Rust", "Index", "Go", "Ruby")
    out = judge.judge_images(Task.CHART, _languages(LANGUAGES, horizontal), _languages(renamed, horizontal))
    assert [(d.category, d.severity) for d in out] == [("text_error", 2)], out
    assert "'Index'" in out[0].description and "'Julia'" in out[0].description


def _sales_bars(note: str | None = None, at: tuple[float, float] = (0.3, 5.2)) -> Image.Image:
    fig, ax = plt.subplots(figsize=(8, 5), dpi=96)
    ax.bar(["A", "B", "C", "D"], [3, 5, 2, 6], color=BLUE)
    if note:
        ax.text(*at, note, fontsize=12)
    ax.set_title("Sales")
    return _figure_image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_text_on_one_side_only_is_read_as_text(judge: PixelJudge) -> None:
    # The blank side is not read at all (Tesseract makes up letters on a blank crop, which failed the
    # confidence check and hid the new text).
    out = judge.judge_images(Task.CHART, _sales_bars(), _sales_bars("Note"))
    assert [(d.category, d.severity) for d in out] == [("text_error", 2)], out
    assert "has text 'Note' where the reference has none" in out[0].description
    # Two letters, as markers and bar edges often read, are not taken for words.
    out = judge.judge_images(Task.CHART, _sales_bars(), _sales_bars("e e"))
    assert not any(d.category == "text_error" for d in out), out
    # Text moved over a bar (no clean block to match) is not text gone: its glyphs are drawn elsewhere.
    out = judge.judge_images(Task.CHART, _sales_bars("Record high"), _sales_bars("Record high", at=(1.7, 1.0)))
    assert not any("missing in the candidate" in d.description for d in out), out


def _heights(first: str = "Group 1") -> Image.Image:
    """Two histograms whose legend sets each label close beside its filled swatch."""
    rng = np.random.default_rng(0)
    fig, ax = plt.subplots(figsize=(8, 5), dpi=96)
    ax.hist(rng.normal(170, 8, 400), bins=20, color="#2a9d8f", label=first)
    ax.hist(rng.normal(160, 8, 400), bins=20, color="#e76f51", alpha=0.8, label="Group 2")
    ax.legend(loc="upper right", handletextpad=0.3, fontsize=9)
    ax.set_title("Distribution of height")
    return _figure_image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
@pytest.mark.parametrize(("label", "severity"), [("Groui 1", 1), ("Team 1", 2)])
def test_a_legend_label_is_read_without_its_swatch(judge: PixelJudge, label: str, severity: int) -> None:
    # The filled swatch beside the words is blanked before OCR (it read as "mmm" and joined the words).
    out = judge.judge_images(Task.CHART, _heights(), _heights(label))
    assert [(d.category, d.severity) for d in out] == [("text_error", severity)], out
    assert out[0].description == f"The text reads {label!r} in the candidate instead of 'Group 1'."


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_a_series_recoloured_beside_an_axis_change_is_reported(judge: PixelJudge) -> None:
    # The marks moved with the log axis, so no region is a colour-only change; the plot's palette
    # lost the reference's blue and gained a red.
    out = judge.judge_images(Task.CHART, _monthly_orders(), _monthly_orders(log=True, colour=RED))
    assert sorted((d.category, d.severity) for d in out) == [("structure_error", 2), ("style_error", 2)], out


def _city_costs(colour: str = "C0") -> Image.Image:
    fig, ax = plt.subplots(figsize=(8, 5), dpi=96)
    ax.barh(["Lima", "Oslo", "Kyiv", "Rome", "Baku"], [54, 31, 47, 62, 23], color=colour)
    ax.set_title("Cost per city")
    return _figure_image(fig)


@pytest.mark.parametrize("colour", ["#3b9bdd", "#5aa9e6"])
def test_bars_in_a_lighter_shade_are_one_recolouring_not_a_data_change(judge: PixelJudge, colour: str) -> None:
    # A shade close to the old one is not a colour-only region (the ink's edge moves a little), so
    # the bars were a plot change too; every region turns the reported colour into the new one.
    out = judge.judge_images(Task.CHART, _city_costs(), _city_costs(colour))
    assert [(d.category, d.severity) for d in out] == [("style_error", 1)], out
    assert "Marks drawn in" in out[0].description


def _users_bars(projected: bool = False) -> Image.Image:
    fig, ax = plt.subplots(figsize=(8, 5), dpi=96)
    values = [16, 20, 25, 18, 7, 9, 7, 4]
    ax.bar(MONTHS, values, color="#2ca02c")
    if projected:  # a second series drawn over the first, each bar three quarters as tall
        ax.bar(MONTHS, [0.75 * v for v in values], color="#17becf")
    ax.set_title("Active users")
    return _figure_image(fig)


def test_shorter_bars_drawn_over_the_old_ones_are_an_added_series(judge: PixelJudge) -> None:
    # Only the lower part of each bar turned cyan and the green still shows above it: marks added
    # over the old ones, not the series recoloured (which turns whole bars, as in the test above).
    out = judge.judge_images(Task.CHART, _users_bars(), _users_bars(projected=True))
    assert [(d.category, d.severity) for d in out] == [("data_error", 3)], out
    assert "drawn over part" in out[0].description


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
@pytest.mark.parametrize(("ylabel", "severity"), [("Yield", 2), ("Odrers", 1)])
def test_an_axis_label_changed_beside_changed_tick_labels_is_read_on_its_own(
    judge: PixelJudge, ylabel: str, severity: int
) -> None:
    # The label's changed pixels join the tick labels' in one region, which the axis change takes:
    # the label is found from the words left of the tick labels and read by itself.
    out = judge.judge_images(Task.CHART, _monthly_orders(), _monthly_orders(log=True, ylabel=ylabel))
    got = sorted((d.category, d.severity, d.location) for d in out)
    assert got == [("structure_error", 2, "plot area, centre"), ("text_error", severity, "y-axis label")], out


@cache
def patch_matrix(negative: str = "black", changes: tuple[str, ...] = ()) -> Image.Image:
    """A Hinton-style matrix of 500 squares (one artist each), and optional separate changes."""
    weights = np.random.default_rng(3).normal(size=(25, 20))
    fig, ax = plt.subplots(figsize=(8, 8), dpi=96)
    for (i, j), v in np.ndenumerate(weights):
        s = min(0.9, abs(v) / 3 + 0.1)
        ax.add_patch(plt.Rectangle((j - s / 2, i - s / 2), s, s, facecolor="tab:orange" if v > 0 else negative))
    ax.set_xlim(-1, 20)
    ax.set_ylim(-1, 25)
    ax.set_title("Layer biases" if "title" in changes else "Layer weights")
    ax.set_xlabel("output unit" if "xlabel" in changes else "input unit")
    if "band" in changes:
        ax.axvspan(2, 5, color="green", alpha=0.6)
    if "note" in changes:
        ax.text(14, 22, "NOTE", fontsize=20, color="red")
    return _figure_image(fig)


def test_one_change_on_hundreds_of_artists_is_one_item(judge: PixelJudge) -> None:
    # Every negative square recoloured: one change shared by about 250 patches, not one per patch.
    out = judge.judge_images(Task.CHART, patch_matrix(), patch_matrix(negative="navy"))
    assert len(out) == 1, out
    assert out[0].severity >= 2


def test_separate_changes_on_a_chart_of_many_artists_stay_apart(judge: PixelJudge) -> None:
    # Four changes (title, x label, a band and a note over the matrix): the texts are their own items,
    # the plot's changes at least one more; no explosion (at most 2 x 4 + 3 items).
    out = judge.judge_images(Task.CHART, patch_matrix(), patch_matrix(changes=("title", "xlabel", "band", "note")))
    assert 3 <= len(out) <= 11, out
    if ocr_available():
        assert sum(d.category == "text_error" for d in out) == 2, out
    assert any(d.category == "data_error" for d in out)


def _striped(cells: list[list[str]], gap: int) -> Image.Image:
    """`_table_judgment`'s table with an empty, ruleless band of ``gap`` px after every row but the last."""
    rows = [table_image([row], size=(150 * len(row), 50)) for row in cells]
    img = Image.new("RGB", (rows[0].width, 50 * len(rows) + gap * (len(rows) - 1)), "white")
    for n, row in enumerate(rows):
        img.paste(row, (0, n * (50 + gap)))
    return img


def test_a_table_broken_into_strips_costs_a_severe_item_per_cut(judge: PixelJudge) -> None:
    ref = table_image(TABLE, size=(150 * len(TABLE[0]), 50 * len(TABLE)))
    j = check_judge_contract(judge, Task.TABLE, rendering(ref, Task.TABLE), rendering(_striped(TABLE, 14), Task.TABLE))
    empty = [d for d in j.discrepancies if "empty row" in d.description]
    assert len(empty) == len(TABLE) - 1
    assert all((d.category, d.severity) == ("layout_error", 3) for d in empty)
    # One empty row alone is an inserted row.
    one = table_image([*TABLE[:2], [""] * len(TABLE[0]), *TABLE[2:]], size=(150 * len(TABLE[0]), 50 * (len(TABLE) + 1)))
    j = check_judge_contract(judge, Task.TABLE, rendering(ref, Task.TABLE), rendering(one, Task.TABLE))
    assert [(d.category, d.severity) for d in j.discrepancies if "empty row" in d.description] == [("layout_error", 2)]


def test_inserted_empty_lines_count_only_beyond_the_references() -> None:
    from verm.judge.pixel.table import _inserted_empty_lines
    from verm.judge.pixel.table_align import _Alignment

    # Candidate lines 0, 2, 4 align with reference lines 0, 1, 3; 1 and 3 are empty in the candidate.
    al = _Alignment(pairs=[(0, 0), (1, 2), (3, 4)], dropped=[2], repeated=[], cycles=[])
    live = [True, False, True, False, True]
    # Between reference 0 and 1 nothing stood: an inserted empty line; between 1 and 3 the dropped line 2 stood.
    assert _inserted_empty_lines(al, live) == [(0, 1)]


def test_a_table_of_other_words_costs_each_row(judge: PixelJudge) -> None:
    # One column more than the reference: once only the shape change was reported.
    noise = [[f"{c}{r}@{'%' * (r + 1)}" for c in "qxz!?"] for r in range(len(TABLE))]
    got = _table_judgment(judge, noise)
    assert sum(d.severity for d in got) >= 3 * (len(TABLE) - 1)


def test_a_sign_added_is_read_from_the_pixels() -> None:
    from verm.judge.pixel.table_cells import _affix_item

    font = ImageFont.load_default(size=14)

    def crop(text: str) -> np.ndarray:
        img = Image.new("L", (80, 20), 255)
        ImageDraw.Draw(img).text((70, 2), text, fill=0, font=font, anchor="ra")  # right-aligned, as numbers are
        arr = np.asarray(img)
        ys, xs = np.nonzero(arr < 200)
        return arr[max(ys.min() - 2, 0) : ys.max() + 3, xs.min() - 2 : xs.max() + 3]

    box = (0, 0, 80, 20)
    sign = _affix_item(crop("1.75"), crop("-1.75"), box, box, "row 2, column 3")
    assert sign is not None and (sign[0].category, sign[0].severity) == ("numeric_error", 3)
    unit = _affix_item(crop("1.75"), crop("1.75%"), box, box, "row 2, column 3")
    assert unit is not None and (unit[0].category, unit[0].severity) == ("numeric_error", 2)
    assert _affix_item(crop("1.75"), crop("8.25"), box, box, "row 2, column 3") is None  # another number: OCR reads it


@needs_ocr
def test_a_sign_added_in_a_shrunk_tables_small_text_is_found(judge: PixelJudge) -> None:
    # A wide table shrunk onto the canvas: its text is 8 px tall and a minus sign widens a number by
    # 2 px. OCR reads both as the same number; the ink grew on the left: a sign flip.
    def shrunk(cells: list[list[str]]) -> Image.Image:
        img = table_image(cells, size=(150 * len(cells[0]), 50 * len(cells)))
        return img.resize((round(img.width * 0.55), round(img.height * 0.55)), Image.LANCZOS)

    cand = [list(row) for row in TABLE]
    cand[2][1] = "-" + TABLE[2][1]
    out = judge.judge_images(Task.TABLE, shrunk(TABLE), shrunk(cand))
    assert [(d.category, d.severity) for d in out] == [("numeric_error", 3)], out
    assert judge.judge_images(Task.TABLE, shrunk(TABLE), shrunk(TABLE)) == []


def test_hidden_data_count_by_the_share_hidden_not_by_where_it_sits() -> None:
    from verm.judge.pixel.hidden import _graded_hidden_items, hidden_parts

    # Two blobs at the two ends of a wide extent (two violins): still as many items as the share asks.
    hidden = np.zeros((200, 400), bool)
    hidden[50:150, 10:40] = True
    hidden[50:150, 360:390] = True
    items = _graded_hidden_items(None, hidden, 4, "data_error", "plotted data", "test")  # type: ignore[arg-type]
    assert len(items) == 4 and all(it.severity == 3 and it.kind == "hidden" for it in items)
    inks = [int(hidden[y0:y1, x0:x1].sum()) for x0, y0, x1, y1 in (it.box for it in items)]
    assert sum(inks) == int(hidden.sum()) and max(inks) - min(inks) <= 2 * 100  # a column holds 100 px
    # One item for a small share, one more per fifth hidden, five for an empty plot.
    assert [hidden_parts(s) for s in (0.05, 0.25, 0.45, 0.65, 0.85, 1.0)] == [1, 2, 3, 4, 5, 5]


def test_emptied_rows_are_found_among_changed_cells() -> None:
    from verm.judge.pixel.table_cells import _emptied_rows

    box = (0, 0, 10, 10)
    # Row 2: both filled cells blank in the candidate; row 3: one of its two filled cells still there.
    changed = [(2, 1, box, box, box, None), (2, 2, box, box, box, None), (3, 1, box, box, box, None)]
    items, rest = _emptied_rows(changed, {2: 2, 3: 2})
    assert [(it.category, it.severity, it.location) for it, _ in items] == [("layout_error", 3, "row 2")]
    assert rest == [changed[2]]
