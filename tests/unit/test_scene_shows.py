"""`verm.judge.scene.shows`: the changed pixels of two renderings, both PNGs decoded side by side."""

from __future__ import annotations

from types import SimpleNamespace

from PIL import Image, ImageDraw

from verm.imaging import to_png
from verm.judge.scene.shows import changed_pixels


def _png(box: tuple[int, int, int, int] | None) -> bytes:
    img = Image.new("RGB", (200, 100), "white")
    if box is not None:
        ImageDraw.Draw(img).rectangle(box, fill="black")
    return to_png(img)


def test_changed_pixels_read_both_images() -> None:
    ref, cand = SimpleNamespace(png=_png((10, 10, 49, 49))), SimpleNamespace(png=_png((100, 10, 139, 49)))
    found = changed_pixels(ref, cand)
    assert found is not None
    # The square left one place and took another: the changed pixels are both squares, all of the ink.
    assert abs(found.share((0.0, 0.0, 1.0, 1.0)) - 1.0) < 0.05
    assert found.share((0.0, 0.0, 0.3, 1.0)) > 0.4 and found.share((0.3, 0.0, 0.45, 1.0)) == 0.0


def test_an_unreadable_candidate_png_gives_no_pixels_whichever_thread_decodes_it() -> None:
    good = SimpleNamespace(png=_png((10, 10, 49, 49)))
    bad = SimpleNamespace(png=b"\\x89PNG\\r\\n\\x1a\\n not a png")
    assert changed_pixels(good, bad) is None
    assert changed_pixels(bad, good) is None
