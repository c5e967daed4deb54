"""How far an appended transform moves an element's outline (`verm.judge.scene.svg.grade.transformed_moved`)."""

from __future__ import annotations

from typing import Any

from verm.judge.scene.svg.grade import MIRROR_UNSEEN, SYMMETRIC_MOVED, Ink, transformed_moved
from verm.svg_path import parse_transform, path_vertices

# feather/clipboard's board: a rounded box whose top edge has a gap (where the clip sits), drawn open.
BOARD = "M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2"
FLIP = "translate(12 13) scale(1 -1) translate(-12 -13)"


def _element(fill: str) -> dict[str, Any]:
    return {"tag": "path", "d": BOARD, "bbox": [3 / 24, 3 / 24, 21 / 24, 23 / 24], "fill": fill,
            "stroke": "#000000", "stroke_width": 2}  # fmt: skip


def _moved(e: dict[str, Any]) -> float:
    ink = Ink({"png_size": [336, 336], "viewBox": [0, 0, 24, 24], "elements": [e]}, path_vertices)
    matrix = parse_transform(FLIP)
    assert matrix is not None
    return transformed_moved(ink, e, matrix)


def test_an_open_stroke_mirrored_moves_its_gap() -> None:
    # Mirrored top to bottom, the gap moves from the top edge to the bottom one: the outline moves where the
    # gap was and where it is now (4 of 24 units), though every vertex lands on the old outline. Closed, the
    # outline was a whole box, its mirror image itself: the mirror was dropped as unseen.
    assert _moved(_element("none")) >= SYMMETRIC_MOVED


def test_a_filled_shape_is_closed_by_its_fill() -> None:
    # Filled, the gap is closed by the fill: a box, its mirror image itself.
    assert _moved(_element("#000000")) < MIRROR_UNSEEN
