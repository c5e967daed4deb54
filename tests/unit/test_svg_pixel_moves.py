"""How far a change's pixels moved, read off the two images (`verm.judge.scene.svg.grade.PixelMoves`)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from verm.judge.scene.shows import ChangedPixels
from verm.judge.scene.svg.grade import PixelMoves


def _bar(box: tuple[int, int, int, int], side: int = 336) -> bytes:
    """A black filled rectangle on a white canvas, as PNG bytes."""
    img = Image.new("RGB", (side, side), "white")
    ImageDraw.Draw(img).rectangle(box, fill="black")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


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
