"""The pixel judge reads an SVG's whole drawing resized, turned and moved at once as one change
(`verm.judge.pixel.svg_whole`): real resvg renders."""

from __future__ import annotations

import io
import re

from PIL import Image

from verm.judge.pixel import PixelJudge
from verm.render.svg import SvgOptions, prepare_svg, render_svg_png
from verm.types import Task

_STROKED = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
    'stroke="{colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
)
_FILLED = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="black">'

#: A chevron beside a bar, one path (bootstrap's chevron-bar-right, drawn as feather draws).
_CHEVRON_BAR = '<path transform="{t}" d="M6 5l7 7-7 7M18 3v18"/>'
#: A filled shield with a check cut out of it (one path, even-odd).
_SHIELD = '<path transform="{t}" fill-rule="evenodd" d="M3 3h18v9l-9 10-9-10zM7 11l3 3 6-6-1.5-1.5-4.5 4.5-1.5-1.5z"/>'


def _render(source: str) -> Image.Image:
    options = SvgOptions()
    return Image.open(io.BytesIO(render_svg_png(prepare_svg(source, options), options))).convert("RGB")


def _judge(ref_svg: str, cand_svg: str) -> list:
    return PixelJudge().judge_images(Task.SVG, _render(ref_svg), _render(cand_svg))


def test_a_whole_drawing_shrunk_and_recoloured_is_one_change() -> None:
    # The chevron and the bar shrunk to 0.59 about the middle no longer touch their old strokes: each stroke
    # was read as a shape missing (3 each), beside a recolouring (2), for the one edit (truth: one item of 3).
    ref = _STROKED.format(colour="black") + _CHEVRON_BAR.format(t="") + "</svg>"
    t = "translate(12 12) scale(0.59) translate(-12 -12)"
    cand = _STROKED.format(colour="#9467bd") + _CHEVRON_BAR.format(t=t) + "</svg>"
    out = _judge(ref, cand)
    assert len(out) == 1, [(d.severity, d.description) for d in out]
    assert "0.59 times its size" in out[0].description and "recoloured" in out[0].description
    assert out[0].severity == 3


def test_a_whole_drawing_shrunk_and_turned_is_one_change_not_a_plain_shape() -> None:
    # Shrunk to a third and turned by 64°, the shield is a small convex blob: it was read as one plain shape
    # drawn instead of the icon (a hack's reading: two items of 3) beside its outline moved.
    ref = _FILLED + _SHIELD.format(t="") + "</svg>"
    t = "translate(12 12) rotate(64) scale(0.35) translate(-12 -12)"
    out = _judge(ref, _FILLED + _SHIELD.format(t=t) + "</svg>")
    assert len(out) == 1, [(d.severity, d.description) for d in out]
    assert re.search(r"0\.3[45] times its size and turned by 6[345]°", out[0].description), out[0].description


def test_a_plain_square_is_no_transformed_card() -> None:
    # A square hack over a card with a check cut out of it: the card's paint, shrunk, lies within a few pixels
    # of the square's (the check is a thin hole), but the check's outline is drawn nowhere in the square.
    card = '<path fill-rule="evenodd" d="M3 3h18v18H3zM7 11l3 3 6-6-1.5-1.5-4.5 4.5-1.5-1.5z"/>'
    out = _judge(_FILLED + card + "</svg>", _FILLED + '<rect x="5" y="5" width="14" height="14"/></svg>')
    assert out and not any("whole drawing" in d.description for d in out), [d.description for d in out]


def test_a_dot_erased_is_no_drawing_moved_off_the_canvas() -> None:
    # Three dots shifted by their spacing match the two left once the last is pushed off the canvas: the
    # edit erased the first dot, it did not move the drawing (a part landing nowhere on the canvas is gone).
    dots = "".join(f'<circle cx="{x}" cy="12" r="1.5" fill="black"/>' for x in (4, 12, 20))
    kept = "".join(f'<circle cx="{x}" cy="12" r="1.5" fill="black"/>' for x in (12, 20))
    out = _judge(_FILLED + dots + "</svg>", _FILLED + kept + "</svg>")
    assert out and not any("whole drawing" in d.description for d in out), [d.description for d in out]
    assert any("missing" in d.description for d in out), [d.description for d in out]


#: A filled turn sign (not symmetric either way): an arrow bent to the right.
_SIGN = '<path transform="{t}" d="M4 20V11h9V7l6 6-6 6v-4H8v5z"/>'


def test_a_whole_drawing_shrunk_and_mirrored_is_one_change() -> None:
    # Mirrored and shrunk to 0.37, the sign was one plain shape drawn instead of the icon (two items of 3).
    ref = _FILLED + _SIGN.format(t="") + "</svg>"
    t = "translate(12 12) scale(-0.37 0.37) translate(-12 -12)"
    out = _judge(ref, _FILLED + _SIGN.format(t=t) + "</svg>")
    assert len(out) == 1, [(d.severity, d.description) for d in out]
    assert re.search(r"mirrored horizontally and drawn at 0\.3[678] times its size", out[0].description), out[
        0
    ].description


def test_a_drawing_only_mirrored_is_left_to_the_mirror_readings() -> None:
    # Mirrored vertically in place (about its box's middle, y = 14, as the perturbation mirrors): a half
    # turn of the horizontal mirror fits too; either way it is a mirroring (text_symbol_error), not a
    # drawing turned by 180°.
    ref = _FILLED + _SIGN.format(t="") + "</svg>"
    out = _judge(ref, _FILLED + _SIGN.format(t="translate(0 28) scale(1 -1)") + "</svg>")
    assert out and not any("whole drawing" in d.description for d in out), [d.description for d in out]


def test_a_drawing_mirrored_and_moved_is_one_change() -> None:
    # Mirrored about its box's middle (x = 11.5) and moved 5 units left, 2 down: the mirror readings compare
    # it in place and read shapes missing and drawn; one transform maps it (truth: one item of 3).
    ref = _FILLED + _SIGN.format(t="") + "</svg>"
    out = _judge(ref, _FILLED + _SIGN.format(t="translate(18 2) scale(-1 1)") + "</svg>")
    assert len(out) == 1, [(d.severity, d.description) for d in out]
    assert re.search(r"mirrored horizontally and moved by 2\d%", out[0].description), out[0].description
    assert out[0].severity == 3


def test_a_drawing_mirrored_and_slightly_resized_is_one_mirror_graded_as_one() -> None:
    # Mirrored and scaled 0.9 about its box's middle: no mirror in place for the mirror readings (a shape
    # gone and one drawn, 2 + 2); one change, graded as the perturbation rules grade a mirror (2), the
    # resize moving the paint a few per cent beyond its mirror image (not the mirror's own 60 % move: 3).
    ref = _FILLED + _SIGN.format(t="") + "</svg>"
    t = "translate(11.5 14) scale(-0.9 0.9) translate(-11.5 -14)"
    out = _judge(ref, _FILLED + _SIGN.format(t=t) + "</svg>")
    assert len(out) == 1, [(d.severity, d.description) for d in out]
    assert re.search(r"mirrored horizontally and drawn at 0\.(89|90|91) times its size", out[0].description)
    assert out[0].severity == 2, out[0].description
