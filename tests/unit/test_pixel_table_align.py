"""The pixel judge's table alignment: rows and columns found again by content."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from verm.judge.pixel import ocr_available
from verm.judge.pixel.table import table_aligned_items

#: Eight columns of small counts (most columns share the same few values) and repeated rows.
COUNTS = [
    ["Castle 1", "Castle 2", "Castle 3", "Castle 4", "Castle 5", "Castle 6", "Castle 7", "Castle 8"],
    *(
        row.split()
        for row in (
            "0 1 2 16 21 3 2 1",
            "0 3 4 14 15 5 5 5",
            "0 0 0 15 19 1 1 1",
            "3 3 3 17 17 3 4 4",
            "0 0 0 16 21 0 0 0",
            "1 1 2 16 19 4 4 4",
            "0 0 0 16 21 0 0 0",
            "0 8 0 0 0 1 28 1",
            "1 1 12 1 1 24 1 1",
            "6 0 0 0 0 1 2 33",
            "1 1 2 18 18 2 3 3",
            "0 0 12 0 1 22 1 1",
            "2 6 2 14 21 2 6 5",
            "0 0 0 16 16 2 2 2",
            "1 1 1 15 20 1 1 1",
            "1 2 3 5 16 21 5 5",
            "1 1 1 6 17 17 6 6",
            "0 0 0 17 17 0 0 0",
            "0 8 0 0 0 0 28 0",
        )
    ),
]


def grid_image(cells: list[list[str]], cw: int = 75, rh: int = 29) -> np.ndarray:
    img = Image.new("RGB", (cw * len(cells[0]) + 24, rh * len(cells) + 24), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=14)
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            x, y = 12 + c * cw, 12 + r * rh
            draw.rectangle([x, y, x + cw, y + rh], outline="#333333")
            draw.text((x + 8, y + 7), text, fill="black", font=font)
    return np.asarray(img)


def test_two_swapped_columns_of_small_counts_are_one_reorder_beside_a_dropped_row() -> None:
    # A row dropped and a header renamed leave the swapped columns' multisets only 0.84-0.88 alike,
    # less than the two in-order pairs (0.59 + 0.60) together: compared cell by cell through the
    # aligned rows they are copies, and the swap is one item, not every differing cell a new number.
    cand = [[*row[:5], row[6], row[5], *row[7:]] for n, row in enumerate(COUNTS) if n != 3]
    cand[0][6] = "Value 6"
    got = table_aligned_items(grid_image(COUNTS), grid_image(cand), max_ocr=0)
    assert got is not None
    kinds = sorted((it.category, it.severity, it.description.split(" ")[0]) for it, _ in got)
    assert [k for k in kinds if k[0] == "numeric_error"] == []
    assert ("layout_error", 3, "The") in kinds  # the dropped row
    assert any("columns 7, 8 are in another order" in it.description for it, _ in got)
    assert len(got) <= 3


@pytest.mark.skipif(not ocr_available(), reason="OCR is off: pip install tesserocr + tesseract-ocr-eng")
def test_two_edited_numbers_of_a_short_column_are_read_not_taken_for_a_rewrap() -> None:
    # Two of a three-row column's cells changed is "most of the column": its reads name the same
    # numbers ('15.36%' for '15.36'), as a re-wrapped column's would, yet each cell is its own edit.
    ref = [["Model", "Params", "Flops", "Config"]] + [
        [f"model-{n}", p, f, "config"]
        for n, p, f in (("a", "88.59", "15.36"), ("b", "197.77", "34.37"), ("c", "350.20", "60.93"))
    ]
    cand = [row[:] for row in ref]
    cand[1][2], cand[3][2] = "15.36%", "-60.93"
    got = table_aligned_items(grid_image(ref, cw=110), grid_image(cand, cw=110), max_ocr=20)
    assert got is not None
    assert sorted(it.category for it, _ in got) == ["numeric_error", "numeric_error"]


@pytest.mark.skipif(not ocr_available(), reason="OCR is off: pip install tesserocr + tesseract-ocr-eng")
def test_a_table_shrunk_onto_the_canvas_is_compared_with_the_reference_shrunk_alike() -> None:
    # A column repeated makes the table wider: the renderer shrinks it onto the same canvas (Lanczos),
    # its rows 1.33 times smaller. Upscaled back, no cell is classed with its reference cell; the
    # reference shrunk alike holds the same pixels, so the repeat and the sign flip are read alone.
    ref_cells = [["Model", "Params (M)", "Top-1 (%)"]] + [
        [f"clip-{name}", p, t]
        for name, p, t in (
            ("resnet", "77.00", "40.70"),
            ("vit-base", "188.00", "64.50"),
            ("vit-huge", "958.00", "79.10"),
        )
    ]
    cand_cells = [[row[0], *row] for row in ref_cells]
    cand_cells[3][3] = "-79.10"
    ref = grid_image(ref_cells, cw=150)
    full = Image.fromarray(grid_image(cand_cells, cw=150))
    w = ref.shape[1]
    cand = np.asarray(full.resize((w, round(full.height * w / full.width)), Image.Resampling.LANCZOS))
    got = table_aligned_items(ref, cand, max_ocr=20)
    assert got is not None
    descs = [it.description for it, _ in got]
    assert len(got) == 2, descs
    assert any("repeats the reference's column" in d for d in descs)
    assert any(it.category == "numeric_error" and it.severity == 3 for it, _ in got)
