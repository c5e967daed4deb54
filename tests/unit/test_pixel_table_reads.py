"""Pixel judge, tables: how a changed cell is read (lines of a tall cell, unsure reads, OCR noise)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from verm.judge.pixel import ocr_available
from verm.judge.pixel.ocr import _ocr_same
from verm.judge.pixel.table_cells import MIN_READ_CONF, _cell_text_item, _read_cell, _read_cells, _text_lines

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="OCR is off: pip install tesserocr + tesseract-ocr-eng")


def cell_crop(lines: list[str], size: int = 9, pitch: int = 11, rules: bool = True) -> np.ndarray:
    """A grey crop of a cell holding ``lines`` of small text, a rule between each (a spanning cell's
    sub-rows), as `_cell_crop` cuts it."""
    img = Image.new("L", (200, 4 + pitch * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=size)
    for n, text in enumerate(lines):
        draw.text((2, 2 + pitch * n), text, fill=0, font=font)
        if n and rules:
            draw.line([(0, pitch * n), (199, pitch * n)], fill=120)
    return np.array(img)


def test_text_lines_are_split_by_blank_rows_and_rules_and_specks_are_dropped() -> None:
    crop = cell_crop(["Vascular regulators: PGE, NO", "Energy provision: lactate"])
    crop[-2, 5] = 0  # a one-pixel speck under the text
    lines = _text_lines(crop)
    assert len(lines) == 2
    assert all(b - a >= 5 for a, b in lines)
    assert len(_text_lines(cell_crop(["one line of text"]))) == 1


@needs_ocr
def test_small_two_line_cell_is_read_line_by_line_height() -> None:
    # 26 px tall: read as one line, Tesseract saw only the second line in both crops and no change.
    ref = cell_crop(["Vascular regulators: PGE, NO", "Energy provision: lactate"])
    cand = cell_crop(["Vascular regulators: VOLUME, NO", "Energy provision: lactate"])
    ta, tb, conf = _read_cells(ref, cand)
    assert "PGE" in ta and "VOLUME" in tb
    assert "lactate" in ta and "lactate" in tb
    assert conf >= MIN_READ_CONF


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@needs_ocr
def test_an_unsure_pair_is_read_again_upscaled_more() -> None:
    # A cell of a shrunk table (seed-0 tables, Chromium): 19625 and 19625% 9 px tall. Upscaled to
    # 40 px Tesseract reads the unit at confidence 53 (unsure: nothing reported); 1.3 x more, 63.
    ref = np.array(Image.open(FIXTURES / "table_cell_19625.png").convert("L"))
    cand = np.array(Image.open(FIXTURES / "table_cell_19625_unit.png").convert("L"))
    ta, tb, conf = _read_cells(ref, cand)
    assert (ta, tb) == ("19625", "19625%")
    assert conf >= MIN_READ_CONF


@needs_ocr
def test_quote_marks_at_the_ends_of_a_read_are_dropped() -> None:
    img = Image.new("L", (80, 16), 255)
    ImageDraw.Draw(img).text((4, 2), "“87.75”", fill=0, font=ImageFont.load_default(size=11))
    text, _conf = _read_cell(np.array(img), 1.0)
    assert text == "87.75"


@pytest.mark.parametrize(
    ("ref", "cand", "same"),
    [
        ("Top-1 (%)", "Top-1 (96)", True),  # a small per-cent sign
        ("Top-1 (%)", "Top-1 (9%)", True),
        ("hornet-small-gf_3rdparty_in1k*", "hornet-small-gf 3rdparty_inlk*", True),  # an underscore lost
        ("3 (1)", "3(1)", True),  # a space lost
        ("Top-1 (%)", "Top-5 (%)", False),
        ("mobileone-s3_8xb32", "total-s3_8xb32", False),
    ],
)
def test_ocr_noise_of_small_text_is_no_edit(ref: str, cand: str, same: bool) -> None:
    assert _ocr_same(ref, cand) is same


@needs_ocr
@pytest.mark.parametrize("copy_edited", [True, False])
def test_an_edit_in_a_repeated_column_is_reported_beside_the_repeat(copy_edited: bool) -> None:
    from tests.unit.test_pixel_judge import TABLE, _table_judgment

    from verm.judge.pixel import PixelJudge

    # Column Q1 repeated; the copy (or the original) says 12.5% where the reference says 12.5.
    cand = [[*row[:2], row[1], *row[2:]] for row in TABLE]
    cand[1][2 if copy_edited else 1] = "12.5%"
    got = _table_judgment(PixelJudge(), cand)
    assert sorted((d.category, d.severity) for d in got) == [("layout_error", 2), ("numeric_error", 2)]


def test_a_table_emptied_of_its_body_is_no_shape_change() -> None:
    from tests.unit.test_pixel_judge import TABLE, table_image

    from verm.judge.pixel.table import table_grid_items

    # The header kept, every body cell blank, the grid redrawn with rows more (a spanning cell
    # lost): "rows more" alone would hide the four rows of data the candidate lost, so the grid
    # gives no items and the missing elements decide (one per row).
    size = (600, 250)
    ref = np.array(table_image(TABLE, size))
    emptied = np.array(table_image([TABLE[0]] + [[""] * 4 for _ in range(len(TABLE))], size))
    assert table_grid_items(ref, emptied, None, 0, elements_missing=True) is None


def test_a_table_that_lost_most_of_its_cells_to_dropped_columns_keeps_its_shape_item() -> None:
    from tests.unit.test_pixel_judge import TABLE, table_image

    from verm.judge.pixel.table import table_grid_items

    # Two of three columns dropped: a third of the cells are left, yet the cells left are as often filled
    # as before, so this is a table with columns fewer (the shape item), not a body emptied row by row.
    size = (600, 250)
    ref = np.array(table_image([row[:3] for row in TABLE], size))
    fewer = np.array(table_image([row[:1] for row in TABLE], (200, 250)))
    items = table_grid_items(ref, fewer, None, 0, elements_missing=True)
    assert items, "a column drop read as an emptied body"
    assert all(item.category == "layout_error" for item, _ in items), [item.description for item, _ in items]


@needs_ocr
def test_the_most_changed_of_the_weak_cells_are_read_first() -> None:
    from verm.judge.pixel.table_cells import WEAK_OCR, _changed_cell_items

    # Cells only pixels tell apart (weak: a sub-pixel re-flow, or a typo) are read under a cap; a
    # changed digit after more re-flowed cells than the cap must still be read.
    n = WEAK_OCR // 2 + 2
    font = ImageFont.load_default(size=16)
    ref, cand = Image.new("L", (120, 30 * n), 255), Image.new("L", (120, 30 * n), 255)
    for img, last in ((ref, "4,852"), (cand, "4,872")):
        draw = ImageDraw.Draw(img)
        for i in range(n):
            draw.text((10, 30 * i + 6), last if i == n - 1 else f"{1000 + 37 * i}", fill=0, font=font)
    ref_grey, cand_grey = np.array(ref), np.array(cand)
    changed = []
    for i in range(n):
        box = (0, 30 * i, 120, 30 * i + 30)
        ink = ref_grey[box[1] : box[3]] < 128
        ys, xs = np.nonzero(ink)
        inner = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
        changed.append((i + 1, 1, box, box, inner, inner))
    items = _changed_cell_items(changed, n, 1, None, None, ref_grey, cand_grey, 40, weak=set(range(n)))
    assert [it.description for it, _ in items] == ["The number reads '4,872' in the candidate instead of '4,852'."]


def test_an_unsure_read_of_a_number_with_a_new_tail_and_wider_ink_is_a_unit() -> None:
    from verm.judge.pixel.table_cells import _unit_read

    # '%' read unsure as '%6': the number is read whole and the ink grew on the right by a glyph.
    assert _unit_read("1,440,000", "1,440,000%6", (0, 0, 45, 10), (0, 0, 53, 10))
    assert _unit_read("12", "12 kg", (0, 0, 10, 12), (0, 0, 30, 12))
    # Not: the same width (OCR noise at the end), a digit more (another number), a word (no number).
    assert not _unit_read("1,440,000", "1,440,000%6", (0, 0, 45, 10), (0, 0, 46, 10))
    assert not _unit_read("12", "123", (0, 0, 10, 12), (0, 0, 16, 12))
    assert not _unit_read("Total", "Totals", (0, 0, 30, 12), (0, 0, 36, 12))


@pytest.mark.parametrize(
    ("ref", "cand", "category", "severity"),
    [
        ("24 33 84", "24 -33 84", "numeric_error", 3),  # a sign flipped in a cell of sub-row numbers
        ("15 65 66", "15 65 67", "numeric_error", 2),
        ("24 33 84", "24 33 184", "numeric_error", 3),  # a later number changed by over half
        ("Honda 12", "Honda 13", "text_error", 1),  # words among them: read as text
    ],
)
def test_a_cell_of_several_numbers_is_graded_by_the_numbers_that_changed(
    ref: str, cand: str, category: str, severity: int
) -> None:
    it, _ = _cell_text_item(ref, cand, (0, 0, 9, 9), (0, 0, 9, 9), "row 2, column 3")
    assert (it.category, it.severity) == (category, severity), it


@needs_ocr
def test_a_dropped_column_of_a_two_column_table_is_no_replaced_table() -> None:
    from tests.unit.test_pixel_judge import TABLE, table_image

    from verm.judge.pixel.table import table_grid_items

    # One of two columns dropped and a unit added in the other (seed-127 table-127-00026): over half
    # the cells and half the ink are gone (the elements read as missing), yet the cells left are the
    # reference's: one column missing and the unit, not every row replaced by other words.
    size = (300, 250)
    ref = np.array(table_image([row[:2] for row in TABLE], size))
    kept = [[row[1]] for row in TABLE]
    kept[1] = ["12.5%"]
    fewer = np.array(table_image(kept, (150, 250)))
    items = table_grid_items(ref, fewer, None, 12, elements_missing=True)
    assert items is not None
    got = sorted((item.category, item.severity) for item, _ in items)
    assert got == [("layout_error", 3), ("numeric_error", 2)], [item.description for item, _ in items]


@needs_ocr
def test_a_small_table_replaced_by_other_words_costs_all_its_content() -> None:
    from tests.unit.test_pixel_judge import table_image

    from verm.judge.pixel.table import table_replaced_items

    # Three rows, every cell other words (the "random noise" hack): one severe item per row was three items,
    # under an honest candidate's four or five light ones (seed 167: a tie at 1.82). All content gone costs
    # what it costs elsewhere: `hidden.HIDDEN_PARTS` severe items.
    ref = [
        ["Model", "Params", "Top-1", "Config"],
        ["resnet50", "25.56", "68.30", "config"],
        ["resnet101", "44.5", "69.80", "model"],
    ]
    noise = [
        ["quartz", "vivid", "ember", "lotus"],
        ["harbor", "maple", "copper", "sable"],
        ["tundra", "orbit", "pebble", "violet"],
    ]
    size = (600, 150)
    items = table_replaced_items(np.array(table_image(ref, size)), np.array(table_image(noise, size)), 12)
    assert items is not None and len(items) == 5 and all(it.severity == 3 for it, _ in items), items
