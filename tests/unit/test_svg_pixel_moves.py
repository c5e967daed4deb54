"""How far a change's pixels moved, read off the two images (`verm.judge.scene.svg.grade.PixelMoves`)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from verm.judge.scene.findings import Findings, SceneOptions
from verm.judge.scene.shows import ChangedPixels
from verm.judge.scene.svg.grade import PixelMoves, merge_svg


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def _bar(box: tuple[int, int, int, int], side: int = 336) -> bytes:
    """A black filled rectangle on a white canvas, as PNG bytes."""
    img = Image.new("RGB", (side, side), "white")
    ImageDraw.Draw(img).rectangle(box, fill="black")
    return _png(img)


def test_a_thin_shape_shrunk_far_moves_far() -> None:
    # A thin bar shrunk to 0.4 about its centre lies inside its old ink: every changed pixel turns from ink to
    # canvas, and canvas lies a few pixels away in the reference (where the new colour came from: at most half
    # the bar's height); where the old ink went (the shrunk bar's end) is up to 65 px, 0.19 of the side, away.
    # The ground truth measures both ways (a move of >= 10 % of the side: severity 3); one way read the shrink
    # as a 6 px move.
    ref = _bar((60, 162, 276, 174))
    cand = _bar((125, 166, 211, 170))
    moved = PixelMoves(ChangedPixels(ref, cand)).moved((0.0, 0.0, 1.0, 1.0))
    assert moved is not None and moved > 0.1


def test_a_filled_shape_shifted_a_little_moves_a_little() -> None:
    ref = _bar((18, 162, 318, 174))
    cand = _bar((24, 162, 324, 174))
    moved = PixelMoves(ChangedPixels(ref, cand)).moved((0.0, 0.0, 1.0, 1.0))
    assert moved is not None and moved < 0.03


def test_a_copy_merged_with_a_recolour_of_the_whole_icon_is_graded_on_their_pixels() -> None:
    # The truth grades edits it merges by the dominant one's rule on the union of their changed pixels: a small
    # copy (2: it adds under a quarter of the ink) on the same place as the icon recoloured changes the whole
    # icon -> 3 (it read the larger of the two severities, 2).
    ref = Image.new("RGB", (336, 336), "white")
    ImageDraw.Draw(ref).rectangle((40, 40, 200, 200), fill="#3b88c3")
    cand = Image.new("RGB", (336, 336), "white")
    ImageDraw.Draw(cand).rectangle((40, 40, 200, 200), fill="#6aa5d2")
    ImageDraw.Draw(cand).rectangle((180, 180, 230, 230), fill="#3b88c3")
    out = Findings(SceneOptions())
    out.add("structure_error", 2, "<path> (element 2)", "a shifted copy", (180 / 336, 180 / 336, 230 / 336, 230 / 336),
            els={("c", 1)}, extra=True, pixels=0.1)  # fmt: skip
    out.add("style_error", 1, "elements 1, 2", "the fill of 2 elements", (40 / 336, 40 / 336, 230 / 336, 230 / 336),
            els={("c", 0), ("c", 1)}, paint=("fill", "#3b88c3", "#6aa5d2"), group=True, pixels=1.0)  # fmt: skip
    merge_svg(out, ChangedPixels(_png(ref), _png(cand)))
    assert [(f.category, f.severity) for f in out.items] == [("structure_error", 3)]
