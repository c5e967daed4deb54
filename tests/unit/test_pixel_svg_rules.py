"""The pixel judge's SVG rules of issue 15 (an icon redrawn as one plain shape, a shape mirrored apart): real resvg renders."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from verm.bench.hacks import hack_sources
from verm.judge.pixel import PixelJudge
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.normalise import normalise
from verm.judge.pixel.svg import _merge_slight_outlines
from verm.render.svg import SvgOptions, prepare_svg, render_svg_png
from verm.types import Task

_TAG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
    'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
)
#: A feather-style icon: a bag with a handle (three separate strokes).
_BAG = f'{_TAG}<path d="M6 8h12l2 12H4z"/><path d="M9 8V5a3 3 0 0 1 6 0v3"/><path d="M8 12h8"/></svg>'


def _render(source: str) -> Image.Image:
    options = SvgOptions()
    return Image.open(io.BytesIO(render_svg_png(prepare_svg(source, options), options))).convert("RGB")


def _redrawn(items: list) -> list:
    return [d for d in items if "one plain shape" in d.description]


def _assert_changed_not_redrawn(judge: PixelJudge, ref_svg: str, cand_svg: str) -> None:
    """The candidate differs from the reference, and not as one plain shape drawn instead of it."""
    out = judge.judge_images(Task.SVG, _render(ref_svg), _render(cand_svg))
    assert out and not _redrawn(out), [d.description for d in out]


@pytest.fixture(scope="module")
def judge() -> PixelJudge:
    return PixelJudge(ocr=False)


def test_one_shape_hack_costs_what_it_hides_and_scores_below_honest_edits(judge: PixelJudge) -> None:
    ref = _render(_BAG)
    hack = judge.judge_images(Task.SVG, ref, _render(hack_sources(Task.SVG, _BAG, ["one shape"])["one shape"]))
    assert _redrawn(hack), [d.description for d in hack]
    assert all(d.category == "structure_error" and d.severity == 3 for d in _redrawn(hack))
    honest = {
        "handle dropped": _BAG.replace('<path d="M9 8V5a3 3 0 0 1 6 0v3"/>', ""),
        "bag shrunk": _BAG.replace("<path", '<g transform="translate(6 6) scale(0.5)"><path', 1).replace(
            "</svg>", "</g></svg>"
        ),
        "stripe moved": _BAG.replace("M8 12h8", "M8 16h8"),
    }
    hack_total = sum(d.severity for d in hack)
    for name, source in honest.items():
        out = judge.judge_images(Task.SVG, ref, _render(source))
        assert not _redrawn(out), (name, [d.description for d in out])
        assert sum(d.severity for d in out) < hack_total, (name, [d.description for d in out])


def test_the_references_own_frame_left_alone_is_not_a_new_shape(judge: PixelJudge) -> None:
    # A frame kept and a small mark inside dropped: the candidate's plain shape is the reference's own.
    framed = f'{_TAG}<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M12 9v6"/></svg>'
    frame = f'{_TAG}<rect x="3" y="3" width="18" height="18" rx="2"/></svg>'
    _assert_changed_not_redrawn(judge, framed, frame)


def test_shape_mirrored_with_its_old_and_new_ink_apart_is_one_symbol_error(judge: PixelJudge) -> None:
    # A crop-style icon: one L mirrored top to bottom about its own centre; its arm flips to the other
    # side, so the ink lost and the ink gained lie apart (no box overlap).
    crossing = '<path d="M18 22V8a2 2 0 0 0-2-2H2"/>'
    ref = f'{_TAG}<path d="M6 2v14a2 2 0 0 0 2 2h14"/>{crossing}</svg>'
    cand = f'{_TAG}<g transform="translate(0 20) scale(1 -1)"><path d="M6 2v14a2 2 0 0 0 2 2h14"/></g>{crossing}</svg>'
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert [(d.category, d.severity) for d in out] == [("text_symbol_error", 2)], [d.description for d in out]
    assert "mirrored vertically" in out[0].description
    # Moved down instead (not mirrored): not a mirroring.
    moved = f'{_TAG}<g transform="translate(0 3)"><path d="M6 2v14a2 2 0 0 0 2 2h14"/></g>{crossing}</svg>'
    out = judge.judge_images(Task.SVG, _render(ref), _render(moved))
    assert out and not any("mirrored" in d.description for d in out), [d.description for d in out]


def test_a_plain_icon_redrawn_as_another_plain_shape_is_redrawn_only_when_most_of_it_is_gone(
    judge: PixelJudge,
) -> None:
    # An icon that is one dash, redrawn as the one-shape hack's big square: its outline is gone.
    dash = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="currentColor"><rect x="2" y="7" width="12" height="2"/></svg>'
    hack = hack_sources(Task.SVG, dash, ["one shape"])["one shape"]
    assert _redrawn(judge.judge_images(Task.SVG, _render(dash), _render(hack)))
    # The same dash drawn at 3/4 of its size: resized as a whole, nothing hidden.
    smaller = dash.replace('x="2" y="7" width="12" height="2"', 'x="3.5" y="7.25" width="9" height="1.5"')
    assert not _redrawn(judge.judge_images(Task.SVG, _render(dash), _render(smaller)))


#: A flat-colour icon: a big blue card, a red disc over its corner, a small black dot.
_CARD = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
    '<rect x="4" y="8" width="30" height="30" fill="#1f77b4"/>'
    '<circle cx="32" cy="34" r="9" fill="#d62728"/>'
    '<circle cx="40" cy="10" r="1.6" fill="#000000"/></svg>'
)


def test_a_detail_recoloured_is_severity_1_and_a_big_shape_2(judge: PixelJudge) -> None:
    # The perturbation rule: a recolouring holding under 5 % of the ink is a detail (1), however strong.
    ref = _render(_CARD)
    dot = judge.judge_images(Task.SVG, ref, _render(_CARD.replace('fill="#000000"', 'fill="#2ca02c"')))
    assert [(d.category, d.severity) for d in dot] == [("style_error", 1)], [d.description for d in dot]
    card = judge.judge_images(Task.SVG, ref, _render(_CARD.replace('fill="#1f77b4"', 'fill="#2ca02c"')))
    assert [(d.category, d.severity) for d in card] == [("style_error", 2)], [d.description for d in card]


def test_pixels_that_take_a_neighbours_colour_are_a_shape_moved_not_a_recolouring(judge: PixelJudge) -> None:
    # The disc drawn under the card instead of over it: where they overlap the card's blue replaces the red,
    # a colour the reference draws right beside: a shape change, not a colour change.
    rect, disc, dot = _CARD.split("<rect")[1], _CARD.split("<circle")[1], _CARD.split("<circle")[2]
    under = f"{_CARD.split('<rect')[0]}<circle{disc}<rect{rect.split('<circle')[0]}<circle{dot}"
    out = judge.judge_images(Task.SVG, _render(_CARD), _render(under))
    assert out and not any(d.category == "style_error" for d in out), [d.description for d in out]
    # A black outline icon drawn in grey: the grey of the reference's anti-aliased edges is a blend, not a
    # colour it draws: a recolouring.
    grey = judge.judge_images(
        Task.SVG, _render(_BAG), _render(_BAG.replace('stroke="currentColor"', 'stroke="#7f7f7f"'))
    )
    assert [d.category for d in grey] == ["style_error"], [d.description for d in grey]


def test_a_shape_recoloured_and_resized_is_one_change(judge: PixelJudge) -> None:
    # The bag's body recoloured and drawn a quarter larger: its new ink is in the new colour, so the recolouring
    # and the resize change the same element's pixels: one item (the perturbation rules merge edits on the same
    # pixels), the higher severity; the stripe lengthened in a new colour alike.
    body = _BAG.replace(
        '<path d="M6 8h12l2 12H4z"/>',
        '<path d="M6 8h12l2 12H4z" stroke="#d62728" transform="translate(12 14) scale(1.25) translate(-12 -14)"/>',
    )
    stripe = _BAG.replace('<path d="M8 12h8"/>', '<path d="M6 12h12" stroke="#d62728"/>')
    for source in (body, stripe):
        out = judge.judge_images(Task.SVG, _render(_BAG), _render(source))
        assert [(d.category, d.severity) for d in out] == [("style_error", 2)], [d.description for d in out]


def test_an_honest_edit_leaving_one_of_the_icons_own_shapes_costs_the_hidden_halves(judge: PixelJudge) -> None:
    # A toggle (a rounded track and a knob): the track dropped and the knob drawn larger leaves one plain shape,
    # the icon's own knob. Most of the outline is hidden: the hidden halves are severity 3 each (two for all
    # of it), not thirds (three), so such an honest edit stays near its truth (a track dropped 3, a resize 2-3).
    toggle = f'{_TAG}<rect x="1" y="5" width="22" height="14" rx="7" ry="7"/><circle cx="16" cy="12" r="3"/></svg>'
    knob = f'{_TAG}<circle cx="16" cy="12" r="4.6"/></svg>'
    out = judge.judge_images(Task.SVG, _render(toggle), _render(knob))
    assert len(_redrawn(out)) == 2, [d.description for d in out]


#: Feather's pause and lucide's step-forward, with seed-137 pairs 97 and 117.
_PAUSE = f'{_TAG}<rect x="6" y="4" width="4" height="16"/><rect x="14" y="4" width="4" height="16"/></svg>'
_PAUSE_BAR_SHRUNK = (
    f'{_TAG.replace("currentColor", "#d62728")}<rect x="7.228" y="8.912" width="1.544" height="6.176"/></svg>'
)
_STEP = f'{_TAG}<path d="M10.029 4.285A2 2 0 0 0 7 6v12a2 2 0 0 0 3.029 1.715l9.997-5.998a2 2 0 0 0 .003-3.432z"/><path d="M3 4v16"/></svg>'
_STEP_GROWN = (
    f'{_TAG}<path d="M8.7359 1.4227 A2.742 2.742 0 0 0 4.5831 3.774 L4.5831 20.226 A2.742 2.742 0 0 0 8.7359 22.5773 '
    'L22.4418 14.354 A2.742 2.742 0 0 0 22.4459 9.6487 Z"/><path d="M3 4v16"/>'
    '<path d="M3 4v16" transform="translate(1.7637 -2.2464)"/></svg>'
)


@pytest.mark.parametrize(("reference", "honest", "truth"), [(_PAUSE, _PAUSE_BAR_SHRUNK, 6), (_STEP, _STEP_GROWN, 4)])
def test_one_of_the_icons_own_shapes_found_transformed_is_no_redrawing_and_beats_the_one_shape_hack(
    judge: PixelJudge, reference: str, honest: str, truth: int
) -> None:
    # One bar dropped and the other shrunk and recoloured; a triangle grown over its bar (and a copy of the
    # bar): each leaves one plain shape that the groups find to be one of the reference's own shapes
    # resized. That shape is kept, not drawn instead of the icon: read before as both hidden halves beside
    # the resize (9), tying the one-shape hack (9); the groups' own reading stays near the truth.
    _assert_one_shape_redrawn_and_honest_not(judge, reference, honest)
    out = judge.judge_images(Task.SVG, _render(reference), _render(honest))
    assert sum(d.severity for d in out) <= truth, [d.description for d in out]


def test_a_slight_outline_change_read_twice_at_one_place_is_one_item(judge: PixelJudge) -> None:
    # A near-symmetric chevron mirrored, one end point moved a little: its outline's slivers and its
    # stroke's shift are read at about one box; one slight change, not two.
    chevron = f'{_TAG}<polyline points="15 18 9 12 15 6"/></svg>'
    moved = chevron.replace(
        'points="15 18 9 12 15 6"/>',
        'points="15.3206,18.5071 9,12 15,6" transform="translate(12.1603 12.2536) scale(1 -1) '
        'translate(-12.1603 -12.2536)"/>',
    )
    out = judge.judge_images(Task.SVG, _render(chevron), _render(moved))
    assert len(out) == 1, [d.description for d in out]
    assert (out[0].category, out[0].severity) == ("shape_error", 1)


def test_slight_outline_changes_in_separate_places_stay_separate() -> None:
    blank = np.full((100, 100, 3), 255, np.uint8)
    ink = np.zeros((100, 100), bool)
    c = _Ctx(Task.SVG, blank, blank.copy(), ink, ink.copy(), None, None)

    def slight(box: tuple[int, int, int, int], kind: str = "geometry", sev: int = 1) -> _Item:
        return _Item("shape_error", sev, box, "outline", kind)

    same = _merge_slight_outlines(c, [slight((10, 10, 40, 40)), slight((11, 10, 40, 39), "moved")])
    assert len(same) == 1 and same[0].box == (10, 10, 40, 40)
    apart = _merge_slight_outlines(c, [slight((10, 10, 40, 40)), slight((60, 60, 90, 90), "moved")])
    assert len(apart) == 2
    graded = _merge_slight_outlines(c, [slight((10, 10, 40, 40)), slight((10, 10, 40, 40), sev=2)])
    assert len(graded) == 2  # a larger move at the same place is a change of its own


def test_a_straight_stroke_moved_sideways_is_a_move_not_a_mirroring(judge: PixelJudge) -> None:
    # A vertical stroke is its own mirror image: slid sideways, its old and new ink mirror each other
    # in the box of both, but what shows is a stroke moved a little (the extent slid).
    strokes = f'{_TAG}<path d="M7 7v10"/><path d="M15 7l2 10"/></svg>'
    moved = strokes.replace('<path d="M7 7v10"/>', '<path d="M7 7v10" transform="translate(-0.75 0)"/>')
    out = judge.judge_images(Task.SVG, _render(strokes), _render(moved))
    assert out and not any("mirrored" in d.description for d in out), [d.description for d in out]
    assert [(d.category, d.severity) for d in out] == [("shape_error", 1)]


def test_separate_drawings_erased_are_a_change_each(judge: PixelJudge) -> None:
    # Three separate bars erased from a framed chart icon: three elements gone, each its own item
    # (not one element "in 3 pieces"), their severities piling up with what they hid.
    frame = f'{_TAG}<rect width="18" height="18" x="3" y="3" rx="2"/>'
    gantt = f'{frame}<path d="M9 8h7"/><path d="M8 12h6"/><path d="M11 16h5"/></svg>'
    out = judge.judge_images(Task.SVG, _render(gantt), _render(f"{frame}</svg>"))
    gone = [d for d in out if d.category == "structure_error"]
    assert len(gone) == 3, [d.description for d in out]
    assert not any("pieces" in d.description for d in out)
    one_bar = judge.judge_images(Task.SVG, _render(gantt), _render(gantt.replace('<path d="M8 12h6"/>', "")))
    assert sum(d.severity for d in out) > sum(d.severity for d in one_bar)


def test_a_filled_icon_moved_partly_off_the_canvas_is_one_shape_moved(judge: PixelJudge) -> None:
    # A filled disc with a hole and a notch, shifted by about 18 % of the side so that its top and right
    # leave the canvas: its centroid is pulled by the clipped edge and its ink (taken against the fill)
    # is only its holes, but its paint moved by one plain shift: one shape moved, not a shape missing
    # and another drawn.
    tag = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" fill="#222">'
    disc = (
        '<path fill-rule="evenodd" d="M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0M8 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6M1 7h4v2H1z"/>'
    )
    ref = f"{tag}{disc}</svg>"
    moved = tag + disc.replace("/>", ' transform="translate(1.6 -2.4)"/>') + "</svg>"
    out = judge.judge_images(Task.SVG, _render(ref), _render(moved))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 3)], [d.description for d in out]
    assert "moved by 18%" in out[0].description


#: bootstrap-icons' badge-ad (MIT): the letters "Ad" (one path) inside a rounded frame (another).
_AD = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" fill="currentColor" viewBox="0 0 16 16">'
    '<path d="m3.7 11 .47-1.542h2.004L6.644 11h1.261L5.901 5.001H4.513L2.5 11zm1.503-4.852.734 2.426H4.416l'
    ".734-2.426zm4.759.128c-1.059 0-1.753.765-1.753 2.043v.695c0 1.279.685 2.043 1.74 2.043.677 0 1.222-.33 "
    "1.367-.804h.057V11h1.138V4.685h-1.16v2.36h-.053c-.18-.475-.68-.77-1.336-.77zm.387.923c.58 0 1.002.44 "
    '1.002 1.138v.602c0 .76-.396 1.2-.984 1.2-.598 0-.972-.449-.972-1.248v-.453c0-.795.37-1.24.954-1.24z"/>'
    '<path d="M14 3a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM2 2a2 2 0 0 0-2 2v8a2 2 0 '
    '0 0 2 2h12a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z"/></svg>'
)


def test_letters_shifted_inside_their_frame_are_no_block_moved_across_the_icon(judge: PixelJudge) -> None:
    # The letters move left by 3 % of the canvas; the frame stays. Aligning the candidate on the letters
    # (a global shift) misaligned the frame, and template matching paired the frame's left side with its
    # right side across the icon: "a block moved by 110 %" twice (severity 2 each) for one slight edit.
    cand = _AD.replace('1.24z"/>', '1.24z" transform="translate(-0.4151 -0.0268)"/>')
    out = judge.judge_images(Task.SVG, _render(_AD), _render(cand))
    assert out, "the shift shows"
    assert not any("block moved" in d.description for d in out), [d.description for d in out]
    assert all(d.severity == 1 for d in out), [(d.severity, d.description) for d in out]


def test_one_transform_read_in_two_places_is_one_item() -> None:
    from verm.judge.pixel.svg import _merge_same_transform

    items = [
        _Item("structure_error", 3, (10, 10, 60, 60), "A shape moved by 17% of the image.", "moved"),
        _Item("structure_error", 3, (40, 40, 100, 100), "A shape moved by 17% of the image.", "moved"),
        # Apart from the rest (on one place, a transform and another reading are one element's change:
        # `test_a_transform_and_another_reading_on_one_place_are_one_element_changed`).
        _Item("structure_error", 2, (200, 200, 260, 260), "A shape moved by 9% of the image.", "moved"),
        _Item("text_symbol_error", 2, (0, 0, 20, 50), "A shape is mirrored vertically.", "mirrored"),
        _Item("text_symbol_error", 2, (300, 0, 336, 50), "A shape is mirrored vertically.", "mirrored"),
        _Item("shape_error", 1, (150, 100, 170, 120), "A shape's outline moved by up to 2% of the image.", "geometry"),
        _Item("shape_error", 1, (150, 100, 170, 120), "A shape's outline moved by up to 2% of the image.", "geometry"),
    ]
    out = _merge_same_transform(items)
    assert [it.description for it in out] == [
        "A shape moved by 17% of the image.",
        "A shape moved by 9% of the image.",
        "A shape is mirrored vertically.",
        "A shape's outline moved by up to 2% of the image.",  # outline slivers are no transform reading
        "A shape's outline moved by up to 2% of the image.",
    ]
    assert out[0].box == (10, 10, 100, 100) and out[2].box == (0, 0, 336, 50)


def test_the_bare_canvas_is_told_from_a_white_element_inside_the_drawing() -> None:
    from verm.judge.pixel.svg import _on_canvas

    # The reference: an orange ring (a white hole inside it); the candidate: the ring grown to a square
    # over most of the canvas. Pixels turned orange outside the ring were the reference's bare canvas
    # (joined to the border): a shape drawn, no recolouring. The hole is white paint's place inside the
    # drawing, enclosed by paint: no canvas.
    ref = np.full((100, 100, 3), 255, np.uint8)
    ref[30:70, 30:70] = (239, 150, 69)
    ref[45:55, 45:55] = 255
    cand = np.full((100, 100, 3), 255, np.uint8)
    cand[5:95, 5:95] = (239, 150, 69)
    ink = (np.abs(ref.astype(int) - 255).max(axis=2) > 40, np.abs(cand.astype(int) - 255).max(axis=2) > 40)
    c = _Ctx(Task.SVG, ref, cand, ink[0], ink[1], None, None)
    outside = np.zeros((100, 100), bool)
    outside[10:20, 10:90] = True
    assert _on_canvas(c, outside, 0, 0) == "ref"
    hole = np.zeros((100, 100), bool)
    hole[46:54, 46:54] = True
    assert _on_canvas(c, hole[40:60, 40:60], 40, 40) is None


#: twemoji's flag of North Macedonia (1f1f2-1f1f0, CC-BY 4.0): a red field, yellow rays, a red ring.
_FLAG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><path fill="#D20000" d="M34.618 5.99'
    "8L32 6l-1.5-1H20l-2 1-2-1H5.5L4 6l-2.618-.002C.542 6.731 0 7.797 0 9v6.5L1 18l-1 2.5V27c0 1.203."
    "542 2.269 1.382 3.002L4 30l1.5 1H16l2-1 2 1h10.5l1.5-1 2.618.002C35.458 29.269 36 28.203 36 27v-"
    '6.5L35 18l1-2.5V9c0-1.203-.542-2.269-1.382-3.002z"/><path fill="#FFE600" d="M36 20.5v-5l-13.681 '
    "1.9c-.101-.724-.369-1.391-.779-1.957l13.091-9.455C33.928 5.373 33.008 5 32 5h-1.5l-9.663 9.691c-"
    ".659-.566-1.482-.932-2.392-1.026L20 5h-4l1.555 8.665c-.911.094-1.733.46-2.392 1.026L5.5 5H4c-1.0"
    "08 0-1.928.373-2.632.988l13.092 9.455c-.41.566-.678 1.233-.779 1.957L0 15.5v5l13.681-1.9c.101.72"
    "4.369 1.391.779 1.957L1.368 30.012l.001.001C2.072 30.628 2.993 31 4 31h1.5l9.663-9.691c.659.566 "
    "1.482.932 2.392 1.026L16 31h4l-1.555-8.665c.911-.094 1.733-.46 2.392-1.026L30.5 31H32c1.008 0 1."
    '929-.373 2.632-.988L21.54 20.557c.41-.566.678-1.233.779-1.957L36 20.5z"/><path fill="#D20000" d='
    '"M18 13.62c-2.415 0-4.38 1.965-4.38 4.38s1.965 4.38 4.38 4.38 4.38-1.965 4.38-4.38-1.965-4.38-4.'
    "38-4.38zm0 7.737c-1.851 0-3.357-1.506-3.357-3.357s1.506-3.357 3.357-3.357 3.357 1.506 3.357 3.35"
    '7-1.506 3.357-3.357 3.357z"/></svg>'
)


def test_a_filled_icon_covered_by_one_plain_shape_also_counts_the_shape_drawn(judge: PixelJudge) -> None:
    # The one-shape hack's square lands on the flag's paint: no group reads it as a shape drawn, so it
    # cost what it hides only (two hidden halves, 6) and tied an honest candidate that lost the red field
    # and recoloured the rays (6). The shape drawn in the flag's place counts too.
    ref = _render(_FLAG)
    hack = judge.judge_images(Task.SVG, ref, _render(hack_sources(Task.SVG, _FLAG, ["one shape"])["one shape"]))
    assert any("drawn where the reference draws otherwise" in d.description for d in hack), hack
    honest = _FLAG.replace('<path fill="#D20000" d="M34.618', '<path fill="none" d="M34.618').replace(
        "#FFE600", "#006400"
    )
    out = judge.judge_images(Task.SVG, ref, _render(honest))
    assert not any("drawn where" in d.description for d in out), [d.description for d in out]
    assert sum(d.severity for d in out) < sum(d.severity for d in hack), ([d.description for d in out], hack)


def test_a_shape_mirrored_under_a_shape_that_covers_one_end_is_mirrored(judge: PixelJudge) -> None:
    # A filled plane mirrored top to bottom about its own centre, a bar drawn over its lower part: the
    # changes show above the bar only, so the changed box's centre is not the plane's. The mirror axis is
    # looked for near it (it was read as a shape missing and one drawn, 2 + 1).
    tag = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">'
    bar = '<rect x="0" y="15" width="24" height="6" fill="#000"/>'
    plane = '<path d="M2 4L20 6 14 20 11 14z"/>'
    ref = f"{tag}{plane}{bar}</svg>"
    cand = f'{tag}<g transform="translate(0 24) scale(1 -1)">{plane}</g>{bar}</svg>'
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert [(d.category, d.severity) for d in out] == [("text_symbol_error", 2)], [d.description for d in out]
    assert "mirrored vertically" in out[0].description
    # Mirrored with a point pulled far out: the mirroring, and the point's change beside it (one item).
    bent = plane.replace("L20 6", "L23 1")
    cand = f'{tag}<g transform="translate(0 24) scale(1 -1)">{bent}</g>{bar}</svg>'
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert len(out) == 2 and out[0].category == "text_symbol_error", [d.description for d in out]
    assert "mirrored vertically" in out[0].description


def test_a_shape_mirrored_whose_changes_fall_in_two_groups_is_one_mirroring(judge: PixelJudge) -> None:
    # lucide's book (ISC) flipped left to right about its own centre: its spine and its straight side
    # trade places, two groups of changes far apart (its middle does not change). Together they are the
    # one mirrored (they were read as outlines moved, 1 + 1 + 1).
    book = '<path d="M4 19.5v-15A2.5 2.5 0 0 1 6.5 2H20v20H6.5a2.5 2.5 0 0 1 0-5H20"/>'
    arrow = '<path d="M12 13V7"/><path d="m9 10 3-3 3 3"/>'
    ref = f"{_TAG}{book}{arrow}</svg>"
    cand = f'{_TAG}<g transform="translate(24 0) scale(-1 1)">{book}</g>{arrow}</svg>'
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert [(d.category, d.severity) for d in out] == [("text_symbol_error", 2)], [d.description for d in out]
    assert "mirrored horizontally" in out[0].description


#: A caret in a square frame (bootstrap-icons caret-left-square).
_CARET = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="currentColor">'
    '<path d="M14 1a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V2a1 1 0 0 1 1-1zM2 0a2 2 0 0 0-2 2v12a2 2 0 0 0 2 '
    '2h12a2 2 0 0 0 2-2V2a2 2 0 0 0-2-2z"/>'
    '<path d="M10.205 12.456A.5.5 0 0 0 10.5 12V4a.5.5 0 0 0-.832-.374l-4.5 4a.5.5 0 0 0 0 .748l4.5 4a.5.5 0 0 0 .537.082"/>'
    "</svg>"
)
#: A filled square with a 6 cut out of it and the 6's counter drawn as an island (bootstrap-icons 6-square-fill).
_SIX_SQUARE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="currentColor">'
    '<path d="M8.111 7.863c-.92 0-1.564.65-1.564 1.576 0 1.032.703 1.635 1.558 1.635.868 0 1.553-.533 1.553-1.629 '
    '0-1.06-.744-1.582-1.547-1.582"/>'
    '<path d="M2 0a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V2a2 2 0 0 0-2-2zm6.21 3.855c1.612 0 2.515.99 2.573 '
    "1.899H9.494c-.1-.358-.51-.815-1.312-.815-1.078 0-1.817 1.09-1.805 3.036h.082c.229-.545.855-1.155 1.98-1.155 "
    "1.254 0 2.508.88 2.508 2.555 0 1.77-1.218 2.783-2.847 2.783-.932 0-1.84-.328-2.409-1.254-.369-.603-.597-1.459-"
    '.597-2.642 0-3.012 1.248-4.407 3.117-4.407Z"/></svg>'
)


def test_one_of_the_icons_own_solid_parts_kept_larger_is_no_redrawing_and_beats_the_one_shape_hack(
    judge: PixelJudge,
) -> None:
    # The frame dropped and the caret drawn 1.88 times larger (seed-67 pair 12) leaves one plain shape too,
    # but it is the reference's own solid part in its colour, resized: its losses are the groups' to read.
    enlarged = (
        _CARET.split('<path d="M14')[0]
        + '<g transform="translate(7.834 8.041) scale(1.88) translate(-7.834 -8.041)"><path'
        + _CARET.split("<path")[2].replace("</svg>", "")
        + "</g></svg>"
    )
    _assert_one_shape_redrawn_and_honest_not(judge, _CARET, enlarged)


def test_the_one_shape_square_on_a_filled_square_with_a_glyph_cut_out_is_redrawn(judge: PixelJudge) -> None:
    # The square matches neither the filled square (its glyph cut out is detail the square lost) nor the
    # glyph's small counter (blown up over twice its size): it is a new shape, redrawn.
    hack = hack_sources(Task.SVG, _SIX_SQUARE, ["one shape"])["one shape"]
    out = judge.judge_images(Task.SVG, _render(_SIX_SQUARE), _render(hack))
    assert _redrawn(out), [d.description for d in out]


#: A flag's card with its letter (twemoji 1f1ef, seed-67 pair 58).
_J_FLAG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><path fill="#3B88C3" d="M36 32c0 2.209-1.791 4-4 '
    '4H4c-2.209 0-4-1.791-4-4V4c0-2.209 1.791-4 4-4h28c2.209 0 4 1.791 4 4v28z"/><path fill="#FFF" d="M23.102 '
    "22.799c0 5.209-3.318 6.573-6.139 6.573-2.14 0-5.705-.837-5.705-3.534 0-.838.713-1.892 1.736-1.892 1.24 0 2.325 "
    "1.147 3.721 1.147 1.736 0 1.736-1.613 1.736-2.605V9.156c0-1.55.993-2.418 2.325-2.418 1.334 0 2.326.868 2.326 "
    '2.418v13.643z"/></svg>'
)


def test_a_card_drawn_over_its_glyph_and_shrunk_is_no_redrawing_and_beats_the_one_shape_hack(
    judge: PixelJudge,
) -> None:
    # The card (a part with the letter's hole) drawn last and shrunk leaves one plain shape that redraws the
    # card's own outline, rounded corners and all: an honest edit whose losses the groups read.
    card = _J_FLAG.split("<path")[1]
    letter = _J_FLAG.split("<path")[2].replace("</svg>", "")
    restacked = (
        _J_FLAG.split("<path")[0]
        + "<path"
        + letter
        + '<g transform="translate(18 18) scale(0.794) translate(-18 -18)"><path'
        + card
        + "</g></svg>"
    )
    _assert_one_shape_redrawn_and_honest_not(judge, _J_FLAG, restacked)


def _assert_one_shape_redrawn_and_honest_not(judge: PixelJudge, reference: str, honest_source: str) -> None:
    """The one-shape hack of ``reference`` reads as redrawn; the honest candidate does not, and costs less."""
    hack, honest = _one_shape_costlier(judge, reference, honest_source)
    assert _redrawn(hack), [d.description for d in hack]
    assert honest and not _redrawn(honest), [d.description for d in honest]


#: A framed mirror (after twemoji 1fa9e, seed-83 pair 105): an orange frame whose outline the one-shape
#: hack's square follows exactly, a pane with a light stripe inside, an ornament on top.
_FRAMED = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><path fill="#FFAC33" d="M6 6h24v24H6z"/>'
    '<path fill="#BBDDF5" d="M9 9h18v18H9z"/><path fill="#F5F8FA" d="M21 9L12 27h5l10-14V9z"/>'
    '<path fill="#FFAC33" d="M12 6a6 4 0 0 1 12 0z"/></svg>'
)


def test_a_square_along_the_frame_that_covers_the_drawing_in_a_new_colour_is_redrawn(judge: PixelJudge) -> None:
    # The square's outline is the frame's own, but it paints over the pane and the stripe in a colour the
    # icon does not use: it hides the drawing (read before as one recolouring, cheaper than honest edits).
    stripe_mirrored = _FRAMED.replace(
        '<path fill="#F5F8FA" d="M21 9L12 27h5l10-14V9z"/>',
        '<path fill="#F5F8FA" d="M21 9L12 27h5l10-14V9z" transform="translate(36 0) scale(-1 1)"/>',
    )
    _assert_one_shape_redrawn_and_honest_not(judge, _FRAMED, stripe_mirrored)


#: A film strip (twemoji 1f39e) and seed-73 pair 47: its dark frame drawn over the sprocket holes (moved
#: off the canvas) and its thin stripes recoloured.
_FILM = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><path d="M29 11h6v14h-6zM1 11h6v14H1zm8 '
    '0h18v14H9z" fill="#BBDDF5"/><path fill="#231F20" d="M35 11V6H1v5h6v14H1v5h34v-5h-6V11h6zm-8 14H9V11h'
    '18v14z"/><path fill="#F5F8FA" d="M31 7h2v3h-2zm-4 0h2v3h-2zm-4 0h2v3h-2zm-4 0h2v3h-2zm-4 0h2v3h-2zm-'
    "4 0h2v3h-2zM7 7h2v3H7zM3 7h2v3H3zm28 19h2v3h-2zm-4 0h2v3h-2zm-4 0h2v3h-2zm-4 0h2v3h-2zm-4 0h2v3h-2zm"
    '-4 0h2v3h-2zm-4 0h2v3H7zm-4 0h2v3H3z"/><path fill="#88C9F9" d="M29 25V11h1v14zM9 25V11h1v14z"/></svg'
    ">"
)
_FILM_RESTACKED = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><path d="M29 11h6v14h-6zM1 11h6v14H1zm8 '
    '0h18v14H9z" fill="#BBDDF5"/><path fill="#9467bd" d="M29 25V11h1v14zM9 25V11h1v14z"/><path fill="#F5F'
    '8FA" d="M39.242 0.026 L42.51 0.026 L42.51 4.928 L39.242 4.928 Z M32.706 0.026 L35.974 0.026 L35.974 '
    "4.928 L32.706 4.928 Z M26.17 0.026 L29.438 0.026 L29.438 4.928 L26.17 4.928 Z M19.634 0.026 L22.902 "
    "0.026 L22.902 4.928 L19.634 4.928 Z M13.098 0.026 L16.366 0.026 L16.366 4.928 L13.098 4.928 Z M6.562"
    " 0.026 L9.83 0.026 L9.83 4.928 L6.562 4.928 Z M0.026 0.026 L3.294 0.026 L3.294 4.928 L0.026 4.928 Z "
    "M-6.51 0.026 L-3.242 0.026 L-3.242 4.928 L-6.51 4.928 Z M39.242 31.072 L42.51 31.072 L42.51 35.974 L"
    "39.242 35.974 Z M32.706 31.072 L35.974 31.072 L35.974 35.974 L32.706 35.974 Z M26.17 31.072 L29.438 "
    "31.072 L29.438 35.974 L26.17 35.974 Z M19.634 31.072 L22.902 31.072 L22.902 35.974 L19.634 35.974 Z "
    "M13.098 31.072 L16.366 31.072 L16.366 35.974 L13.098 35.974 Z M6.562 31.072 L9.83 31.072 L9.83 35.97"
    "4 L6.562 35.974 Z M0.026 31.072 L3.294 31.072 L3.294 35.974 L0.026 35.974 Z M-6.51 31.072 L-3.242 31"
    '.072 L-3.242 35.974 L-6.51 35.974 Z"/><path fill="#231F20" d="M35 11V6H1v5h6v14H1v5h34v-5h-6V11h6zm-'
    '8 14H9V11h18v14z"/></svg>'
)


def test_a_part_drawn_over_the_rest_in_its_own_colour_is_no_redrawing(judge: PixelJudge) -> None:
    # The frame covers the holes: the outline it hides lies under its paint, but in the reference's own
    # colour: a stacking change, not a new drawing.
    _assert_changed_not_redrawn(judge, _FILM, _FILM_RESTACKED)


def test_a_part_kept_recoloured_while_the_rest_is_erased_is_no_redrawing(judge: PixelJudge) -> None:
    # A pie chart's arc dropped and its wedge kept, recoloured and reshaped (seed-67 pair 56): the wedge
    # is painted anew, but the outline it hides lies on bare canvas (erased, not covered): the groups read it.
    pie = f'{_TAG}<path d="M21.21 15.89A10 10 0 1 1 8 2.83"/><path d="M22 12A10 10 0 0 0 12 2v10z"/></svg>'
    wedge = f'{_TAG.replace("currentColor", "#17becf")}<path d="M21.2799 8.4728 A10 10 0 0 0 12 2 L12 12 Z"/></svg>'
    _assert_changed_not_redrawn(judge, pie, wedge)


def test_a_frame_shrunk_is_no_mirroring_of_the_books_it_holds(judge: PixelJudge) -> None:
    # Seed-83 pair 45: the frame shrunk, so the books render larger; a book grown over its own mirror
    # image about the changed box's centre was read as mirrored. A mirror moves ink, it adds none.
    tag = _TAG.replace(' width="24" height="24"', ' width="24" height="24"')
    books = '<path d="M7 7v10"/><path d="M11 7v10"/>'
    ref = f'{tag}<rect width="18" height="18" x="3" y="3" rx="2"/>{books}<path d="m15 7 2 10"/></svg>'
    cand = (
        f'{tag}<rect width="15.876" height="15.876" x="4.062" y="4.062" rx="2"/>{books}'
        '<path d="M15.5941 7.0837 L17 17"/></svg>'
    )
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert out and not any("mirrored" in d.description for d in out), [d.description for d in out]
    assert all(d.category == "shape_error" for d in out), [d.description for d in out]


#: bootstrap-icons shield-fill-check (MIT): one path, a shield with a check mark cut out of it.
_SHIELD_PATH = (
    '<path fill-rule="evenodd" d="M8 0c-.69 0-1.843.265-2.928.56-1.11.3-2.229.655-2.887.87a1.54 1.54 0 0 0-1.044 '
    "1.262c-.596 4.477.787 7.795 2.465 9.99a11.8 11.8 0 0 0 2.517 2.453c.386.273.744.482 1.048.625.28.132.581.24"
    ".829.24s.548-.108.829-.24a7 7 0 0 0 1.048-.625 11.8 11.8 0 0 0 2.517-2.453c1.678-2.195 3.061-5.513 "
    "2.465-9.99a1.54 1.54 0 0 0-1.044-1.263 63 63 0 0 0-2.887-.87C9.843.266 8.69 0 8 0m2.146 5.146a.5.5 0 0 1 "
    '.708.708l-3 3a.5.5 0 0 1-.708 0l-1.5-1.5a.5.5 0 1 1 .708-.708L7.5 7.793z"{}/>'
)
_BI_TAG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" fill="currentColor" viewBox="0 0 16 16">'


def test_a_path_turned_is_one_item_not_also_a_shape_missing_and_one_drawn(judge: PixelJudge) -> None:
    # The turn is read on the check mark's hole; the shield's outline, clipped by the canvas, fits no
    # transform of its own and read as a shape gone and one drawn (2 + 2 beside the turn's 3).
    turned = ' transform="rotate(74.7 8 8)"'
    ref, cand = (_BI_TAG + _SHIELD_PATH.format(t) + "</svg>" for t in ("", turned))
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 3)], [d.description for d in out]
    assert "turned by 75" in out[0].description


#: bootstrap-icons journal-album (MIT): a picture and a caption line, a frame, three rings.
_JOURNAL_ALBUM = (
    f"{_BI_TAG}"
    '<path d="M5.5 4a.5.5 0 0 0-.5.5v5a.5.5 0 0 0 .5.5h5a.5.5 0 0 0 .5-.5v-5a.5.5 0 0 0-.5-.5zm1 7a.5.5 0 0 0 0 '
    '1h3a.5.5 0 0 0 0-1z"/>'
    '<path d="M3 0h10a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2v-1h1v1a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V2a1 1 0 '
    '0 0-1-1H3a1 1 0 0 0-1 1v1H1V2a2 2 0 0 1 2-2"/>'
    '<path d="M1 5v-.5a.5.5 0 0 1 1 0V5h.5a.5.5 0 0 1 0 1h-2a.5.5 0 0 1 0-1zm0 3v-.5a.5.5 0 0 1 1 0V8h.5a.5.5 0 0 1 '
    '0 1h-2a.5.5 0 0 1 0-1zm0 3v-.5a.5.5 0 0 1 1 0v.5h.5a.5.5 0 0 1 0 1h-2a.5.5 0 0 1 0-1z"/></svg>'
)


def test_a_change_spanning_separate_drawings_is_read_on_each(judge: PixelJudge) -> None:
    # The one-shape hack's square grows the picture over the caption; the frame, apart from the square,
    # is erased too. The changed region spans both drawings: the frame's loss was dropped (read only on
    # the square's drawing, a "missing" 8 % of the image, severity 2) and the hack tied an honest edit.
    ref = _render(_JOURNAL_ALBUM)
    hack = judge.judge_images(
        Task.SVG, ref, _render(hack_sources(Task.SVG, _JOURNAL_ALBUM, ["one shape"])["one shape"])
    )
    missing = [d for d in hack if "missing" in d.description]
    assert missing and max(d.severity for d in missing) == 3, [d.description for d in hack]
    assert max((d.bbox[2] - d.bbox[0]) * (d.bbox[3] - d.bbox[1]) for d in missing) > 0.8


#: lucide anvil (ISC): five strokes.
_ANVIL = (
    f"{_TAG}"
    '<path d="M7 10H6a4 4 0 0 1-4-4 1 1 0 0 1 1-1h4"/>'
    '<path d="M7 5a1 1 0 0 1 1-1h13a1 1 0 0 1 1 1 7 7 0 0 1-7 7H8a1 1 0 0 1-1-1z"/>'
    '<path d="M9 12v5"/><path d="M15 12v5"/>'
    '<path d="M5 20a3 3 0 0 1 3-3h8a3 3 0 0 1 3 3 1 1 0 0 1-1 1H6a1 1 0 0 1-1-1"/></svg>'
)


def test_the_plain_shape_an_icon_is_redrawn_as_is_graded_by_all_its_paint(judge: PixelJudge) -> None:
    # The hack's square crosses the anvil's strokes: read one-sided, its paint held 24.5 % of the
    # drawing (severity 2) and the hack (8) tied an honest candidate (8).
    ref = _render(_ANVIL)
    hack = judge.judge_images(Task.SVG, ref, _render(hack_sources(Task.SVG, _ANVIL, ["one shape"])["one shape"]))
    assert _redrawn(hack), [d.description for d in hack]
    drawn = [d for d in hack if "does not have" in d.description]
    assert [d.severity for d in drawn] == [3], [d.description for d in hack]
    assert sum(d.severity for d in hack) >= 9


#: bootstrap-icons emoji-laughing-fill (MIT): a disc with the eyes and the mouth cut out.
_FACE_D = (
    "M8 16A8 8 0 1 0 8 0a8 8 0 0 0 0 16M7 6.5c0 .501-.164.396-.415.235C6.42 6.629 6.218 6.5 6 6.5s-.42.13"
    "-.585.235C5.164 6.896 5 7 5 6.5 5 5.672 5.448 5 6 5s1 .672 1 1.5m5.331 3a1 1 0 0 1 0 1A5 5 0 0 1 8 1"
    "3a5 5 0 0 1-4.33-2.5A1 1 0 0 1 4.535 9h6.93a1 1 0 0 1 .866.5m-1.746-2.765C10.42 6.629 10.218 6.5 10 "
    "6.5s-.42.13-.585.235C9.164 6.896 9 7 9 6.5c0-.828.448-1.5 1-1.5s1 .672 1 1.5c0 .501-.164.396-.415.23"
    "5"
)
#: The face scaled 1.781 times about its centre (its edge runs off the canvas), a mouth corner moved.
_FACE_SCALED_D = (
    "M7.9996 22.248 A14.248 14.248 0 1 0 7.9996 -6.248 A14.248 14.248 0 0 0 7.9996 22.248 M6.2186 5.3285 "
    "C6.2186 6.2208 5.9265 6.0338 5.4795 5.747 C5.1856 5.5582 4.8259 5.3285 4.4376 5.3285 S3.6896 5.56 3."
    "3957 5.747 C2.9487 6.0338 2.6566 6.219 2.6566 5.3285 C2.6566 3.8538 3.4545 2.657 4.4376 2.657 S6.218"
    "6 3.8538 6.2186 5.3285 M15.7131 10.6715 A1.781 1.781 0 0 1 15.7131 12.4525 A8.905 8.905 0 0 1 7.9996"
    " 16.905 A8.905 8.905 0 0 1 0.2879 12.4525 A1.781 1.781 0 0 1 1.8284 9.781 L14.2865 11.4868 A1.781 1."
    "781 0 0 1 15.7131 10.6715 M12.6035 5.747 C12.3096 5.5582 11.9499 5.3285 11.5616 5.3285 S10.8136 5.56"
    " 10.5197 5.747 C10.0727 6.0338 9.7806 6.219 9.7806 5.3285 C9.7806 3.8538 10.5785 2.657 11.5616 2.657"
    " S13.3426 3.8538 13.3426 5.3285 C13.3426 6.2208 13.0505 6.0338 12.6035 5.747"
)


def test_a_transform_read_on_a_detail_takes_the_drawing_it_moves_and_its_grade(judge: PixelJudge) -> None:
    # The scale is read on an eye (a detail: one step less, 1); the disc's outline, clipped by the
    # canvas, read as a shape gone and one drawn (2 + 2). Folded, the scale explains the disc too and is
    # graded by how far it moves it.
    ref, cand = (f'{_BI_TAG}<path d="{d}"/></svg>' for d in (_FACE_D, _FACE_SCALED_D))
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert [(d.category, d.severity) for d in out] == [("shape_error", 3)], [d.description for d in out]
    assert "drawn at 1.7" in out[0].description


def test_separate_elements_erased_are_never_folded_into_the_scattered_rest(judge: PixelJudge) -> None:
    # lucide square-library: the one-shape hack's square lies inside the frame and erases the three
    # bars. Each bar erased is an element of its own (severity 2); the cap on scattered items kept two
    # and folded the third into "further scattered differences" (1), and the hack tied an honest edit.
    # Together they hold over a quarter of the drawing: the largest is severity 3 (`_pile_up_erased`).
    library = f'{_TAG}<rect width="18" height="18" x="3" y="3" rx="2"/><path d="M7 7v10"/><path d="M11 7v10"/><path d="m15 7 2 10"/></svg>'
    hack = judge.judge_images(
        Task.SVG, _render(library), _render(hack_sources(Task.SVG, library, ["one shape"])["one shape"])
    )
    erased = [d.severity for d in hack if "is missing in the candidate" in d.description]
    assert sorted(erased) == [2, 2, 3], [(d.severity, d.description) for d in hack]


def test_a_transform_and_another_reading_on_one_place_are_one_element_changed() -> None:
    from verm.judge.pixel.svg import _merge_same_transform

    # Feather's tool icon scaled by 0.728: read as drawn at 0.73 times its size (its outline) and as moved
    # by 5 % (its hole, inside the outline's box) -- one element's change, severity 2 + 3 for 2 true. A
    # mirrored arrow's stem read as a slight outline change too. The worse reading's words and severity;
    # a transform's matrix kept for `_fold_into_motion` whichever reading's words stay.
    motion = np.array([[0.73, 0.0, 20.0], [0.0, 0.73, 20.0]])
    items = [
        _Item("shape_error", 3, (20, 10, 320, 300), "A shape is drawn at 0.73 times its size.", "geometry"),
        _Item("structure_error", 2, (60, 50, 280, 270), "A shape moved by 5% of the image.", "moved", motion=motion),
        _Item("text_symbol_error", 2, (400, 0, 450, 200), "A shape is mirrored horizontally.", "mirrored"),
        _Item("shape_error", 1, (410, 90, 440, 110), "A shape's outline moved by up to 3% of the image.", "geometry"),
        # Apart, or no transform: separate changes.
        _Item("structure_error", 2, (500, 0, 560, 60), "A shape moved by 9% of the image.", "moved"),
        _Item("shape_error", 2, (600, 0, 660, 60), "A shape's outline moved by up to 7% of the image.", "geometry"),
        _Item("shape_error", 2, (600, 0, 660, 60), "A shape's outline moved by up to 5% of the image.", "geometry"),
        # A drawing moved under the first step is a shade or slivers read as motion: no transform.
        _Item("structure_error", 1, (700, 0, 760, 60), "A shape moved by 0% of the image.", "moved"),
        _Item("shape_error", 2, (700, 0, 760, 60), "A shape's outline moved by up to 6% of the image.", "geometry"),
    ]
    out = _merge_same_transform(items)
    assert [(it.severity, it.description) for it in out] == [
        (3, "A shape is drawn at 0.73 times its size."),
        (2, "A shape is mirrored horizontally."),
        (2, "A shape moved by 9% of the image."),
        (2, "A shape's outline moved by up to 7% of the image."),
        (2, "A shape's outline moved by up to 5% of the image."),
        (1, "A shape moved by 0% of the image."),
        (2, "A shape's outline moved by up to 6% of the image."),
    ]
    assert out[0].box == (20, 10, 320, 300) and out[0].motion is motion
    assert out[1].box == (400, 0, 450, 200)


def test_one_element_resized_read_as_outlines_moved_alike_in_separate_places_is_one_item() -> None:
    from verm.judge.pixel.svg import _merge_same_transform

    # A document icon's text lines (one path's subpaths) scaled by 1.39: each line's outline moved by up
    # to 7 %, three separate drawings read alike -- one edit, not three severity-2 items.
    moved = "A shape's outline moved by up to 7% of the image (scaled, rotated or reshaped)."
    slight = "A shape's outline moved by up to 3% of the image (it shrank or grew)."
    items = [
        _Item("shape_error", 2, (100, 140, 230, 160), moved, "geometry"),
        _Item("shape_error", 2, (100, 230, 170, 250), moved, "geometry"),
        _Item("shape_error", 2, (100, 185, 230, 210), "A shape's outline moved by up to 9% of the image.", "geometry"),
        _Item("shape_error", 1, (10, 10, 40, 40), slight, "geometry"),
        _Item("shape_error", 1, (200, 10, 240, 40), slight, "geometry"),
    ]
    out = _merge_same_transform(items)
    assert [(it.severity, it.description) for it in out] == [
        (2, moved),
        (2, "A shape's outline moved by up to 9% of the image."),
        (1, slight),  # under the first outline step, separate edits' slivers often read alike
        (1, slight),
    ]
    assert out[0].box == (100, 140, 230, 250)


def test_an_element_erased_beside_one_shrunk_is_no_part_of_the_shrinking(judge: PixelJudge) -> None:
    # Feather's linkedin icon: the "n" erased and the "i"'s stem shrunk to 0.395 of its size. The stem's
    # shrink, taken over the "n"'s box, covers a fraction of it and so differed little from the bare
    # candidate there: the "n" was folded into the resize, one item (severity 3) for two severe edits.
    ref = (
        f'{_TAG}<path d="M16 8a6 6 0 0 1 6 6v7h-4v-7a2 2 0 0 0-2-2 2 2 0 0 0-2 2v7h-4v-7a6 6 0 0 1 6-6z"/>'
        '<rect x="2" y="9" width="4" height="12"/><circle cx="4" cy="4" r="2"/></svg>'
    )
    cand = f'{_TAG}<rect x="3.21" y="12.63" width="1.58" height="4.74"/><circle cx="4" cy="4" r="2"/></svg>'
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert any("missing" in d.description and d.severity == 3 for d in out), [(d.severity, d.description) for d in out]
    assert sum(d.severity for d in out) >= 5, [(d.severity, d.description) for d in out]


def test_a_shifted_copy_keeps_the_reference_drawing_no_shape_read_missing(judge: PixelJudge) -> None:
    # Bootstrap's cup-fill and a shifted copy of its path drawn over it: the candidate is mostly black, so
    # its ink (taken against its most common colour) is the canvas, and the reference's cup -- painted
    # black in both -- read as "a shape of the reference is missing" (severity 1) beside the copy.
    cup = (
        '<path fill-rule="evenodd" d="M.11 3.187A.5.5 0 0 1 .5 3h13a.5.5 0 0 1 .488.608l-.22.991a3.001 3.001 0 '
        "0 1-1.3 5.854l-.132.59A2.5 2.5 0 0 1 9.896 13H4.104a2.5 2.5 0 0 1-2.44-1.958L.012 3.608a.5.5 0 0 1 "
        '.098-.42Zm12.574 6.288a2 2 0 0 0 .866-3.899z"'
    )
    tag = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" fill="currentColor" viewBox="0 0 16 16">'
    ref = f"{tag}{cup}/></svg>"
    cand = f'{tag}{cup}/>{cup} transform="translate(-2.014 -1.0857)"/></svg>'
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert any("draws a shape" in d.description for d in out), [d.description for d in out]
    assert not any("missing" in d.description for d in out), [(d.severity, d.description) for d in out]


def test_a_symmetric_shape_found_apart_is_moved_not_mirrored(judge: PixelJudge) -> None:
    # Bootstrap's exclamation-circle with its exclamation mark shifted 20 % to the right: the mark is
    # symmetric about its own axis, so its old ink mirrored in the box of both is its new ink -- read as
    # "mirrored horizontally" (2), while the mark moved that far (a structure_error 3).
    tag = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" fill="currentColor" viewBox="0 0 16 16">'
    ring = '<path d="M8 15A7 7 0 1 1 8 1a7 7 0 0 1 0 14m0 1A8 8 0 1 0 8 0a8 8 0 0 0 0 16"/>'
    mark = '<path d="M7.002 11a1 1 0 1 1 2 0 1 1 0 0 1-2 0M7.1 4.995a.905.905 0 1 1 1.8 0l-.35 3.507a.552.552 0 0 1-1.1 0z"'
    ref = f"{tag}{ring}{mark}/></svg>"
    cand = f'{tag}{ring}{mark} transform="translate(3.1639 0.1615)"/></svg>'
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert not any("mirrored" in d.description for d in out), [d.description for d in out]
    assert any("moved by 20%" in d.description and d.severity == 3 for d in out), [
        (d.severity, d.description) for d in out
    ]


def test_an_icon_bar_drawn_a_few_pixels_shorter_is_a_change_not_a_reflow(judge: PixelJudge) -> None:
    # Lucide's square-chart-gantt with its top bar scaled by 0.882 (each end 6 px in at 336 px): an icon
    # has no layout to re-flow, yet the two ends, "content moved a few pixels", were explained away.
    body = '<rect width="18" height="18" x="3" y="3" rx="2"/><path d="M8 12h6"/><path d="M11 16h5"/></svg>'
    ref = f'{_TAG}<path d="M9 8h7"/>{body}'
    cand = f'{_TAG}<path d="M9.413 8 L15.587 8"/>{body}'
    out = judge.judge_images(Task.SVG, _render(ref), _render(cand))
    assert out and all(d.category == "shape_error" for d in out), [(d.category, d.description) for d in out]


# A ball with a light panel over it (twemoji's rugby ball): the panel is the image's most common colour,
# so no ink (`_lab_ink`), and with it erased the ball's blue, the candidate's most common colour, is none.
_BALL = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">'
    '<circle cx="18" cy="18" r="18" fill="#3B88C3"/>{panel}</svg>'
)
_PANEL = '<ellipse cx="18" cy="18" rx="14" ry="12" fill="#E1E8ED"/>'


def test_a_light_fill_erased_that_no_image_holds_as_ink_is_a_shape_missing(judge: PixelJudge) -> None:
    ref = _render(_BALL.format(panel=_PANEL))
    out = judge.judge_images(Task.SVG, ref, _render(_BALL.format(panel="")))
    assert [(d.category, d.severity) for d in out] == [("structure_error", 3)], [
        (d.severity, d.description) for d in out
    ]
    assert "missing" in out[0].description


# A play/pause glyph (twemoji 23ef): one path, its triangle and bars apart, on a tile.
_PLAY = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><rect width="36" height="36" rx="6" '
    'fill="#3B88C3"/><path fill="#FFF" d="M5 8 L17 18 L5 28 Z M21 8 h4 v20 h-4 Z M28 8 h3 v20 h-3 Z"{t}/></svg>'
)


def test_an_outline_moved_that_the_transform_read_beside_it_explains_is_that_transform(judge: PixelJudge) -> None:
    # The path shifted: the transform read on one subpath also moves the other, read apart as an outline
    # moved by 9 % -- one edit, not a shape moved (3) and an outline moved (2).
    out = judge.judge_images(
        Task.SVG, _render(_PLAY.format(t="")), _render(_PLAY.format(t=' transform="translate(-3 3)"'))
    )
    assert [d.description for d in out] == ["A shape moved by 12% of the image."], [
        (d.severity, d.description) for d in out
    ]


#: lucide square-chevron-left: a rounded frame around a chevron.
_SQUARE_CHEVRON = f'{_TAG}<rect width="18" height="18" x="3" y="3" rx="2"/><path d="m14 16-4-4 4-4"/></svg>'


def test_a_frame_moved_partly_off_the_canvas_is_one_move_not_a_rescale(judge: PixelJudge) -> None:
    """The frame shifted up and left by 13 % of the canvas is cut at the canvas's edge: its content box no
    longer gives its size, so no rescale is undone (read as shrunk by 1.3 % and placed back at the
    reference's origin, it was a 13 % move plus a reshaped outline, 4 severity for a truth of 2, tying the
    "one shape" hack that keeps the frame and drops the chevron). One move, graded below that hack."""
    moved = _SQUARE_CHEVRON.replace('rx="2"/>', 'rx="2" transform="translate(-2.3106 -2.2023)"/>')
    ref, cand = _render(_SQUARE_CHEVRON), _render(moved)
    assert normalise(Task.SVG, ref, cand).scale == 1.0
    out = judge.judge_images(Task.SVG, ref, cand)
    assert len(out) == 1 and out[0].description.startswith("A shape moved by"), [d.description for d in out]
    hack = judge.judge_images(
        Task.SVG, ref, _render(hack_sources(Task.SVG, _SQUARE_CHEVRON, ["one shape"])["one shape"])
    )
    assert sum(d.severity for d in out) < sum(d.severity for d in hack), (out, hack)


#: A red card with a white glyph in seven separate strokes (after twemoji 1f235, seed-137 pair 2): the card
#: fills the canvas, a margin-less filled icon.
_GLYPH_CARD = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><rect width="36" height="36" rx="4" fill="#DD2E44"/>'
)
_GLYPH = (
    '<path fill="#FFF" d="M7 7h3v8H7zM7 20h3v9H7zM14 7h15v2.5H14zM14 13h15v2.5H14zM14 19h2.5v10H14zM20 19h2.5v10H20z'
    'M26 19h3v10h-3z"/>'
)


def test_a_glyph_gone_from_its_card_is_one_element_missing_not_one_per_stroke(judge: PixelJudge) -> None:
    # A filled icon's ink is only its holes, so the glyph is all its ink: measured by ink, its strokes lost
    # held "more than half the drawing" and each counted (two items and the scattered rest). Measured
    # against the drawing's paint too, the glyph is a small part of it: one element gone.
    out = judge.judge_images(Task.SVG, _render(_GLYPH_CARD + _GLYPH + "</svg>"), _render(_GLYPH_CARD + "</svg>"))
    assert len(out) == 1 and "pieces" in out[0].description, [d.description for d in out]
    # A card inside a margin erased with its glyph (the blank canvas) still counts more than the glyph.
    framed = _GLYPH_CARD.replace('width="36" height="36"', 'x="2" y="2" width="32" height="32"')
    ref = _render(framed + _GLYPH + "</svg>")
    glyph_gone = judge.judge_images(Task.SVG, ref, _render(framed + "</svg>"))
    blank = hack_sources(Task.SVG, framed + _GLYPH + "</svg>", ["blank canvas"])["blank canvas"]
    erased = judge.judge_images(Task.SVG, ref, _render(blank))
    assert sum(d.severity for d in erased) > sum(d.severity for d in glyph_gone), [d.description for d in erased]


def test_a_bar_resized_and_a_ring_shrunk_in_its_box_are_two_changes(judge: PixelJudge) -> None:
    # Feather's percent sign (seed-127 pair 64): the bar's end moved in and the top ring shrunk. The bar's
    # box spans the icon's diagonal and so holds the ring, but none of the bar's changed pixels lie on the
    # ring's: two places, two changes (read before as one resize, 2 for truth 5).
    percent = f'{_TAG}<line x1="19" y1="5" x2="5" y2="19"/><circle cx="6.5" cy="6.5" r="2.5"/><circle cx="17.5" cy="17.5" r="2.5"/></svg>'
    edited = percent.replace('x2="5" y2="19"', 'x2="8.4358" y2="17.9252"').replace(
        'r="2.5"/><circle', 'r="0.8775"/><circle', 1
    )
    out = judge.judge_images(Task.SVG, _render(percent), _render(edited))
    assert len(out) == 2, [d.description for d in out]


#: Icons8's smartphone and tablet (seed-67 pair 31): the tablet's dark frame drawn last, over its screen
#: and the phone, and a corner of the phone moved.
_DEVICES = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
    '<path fill="#37474F" d="M4,39V7c0-2.2,1.8-4,4-4h22c2.2,0,4,1.8,4,4v32c0,2.2-1.8,4-4,4H8C5.8,43,4,41.2,4,39z"/>'
    '<path fill="#BBDEFB" d="M30,6H8C7.4,6,7,6.4,7,7v29c0,0.6,0.4,1,1,1h22c0.6,0,1-0.4,1-1V7C31,6.4,30.6,6,30,6z"/>'
    '<rect x="15" y="39" fill="#78909C" width="6" height="2"/>'
    '<path fill="#E38939" d="M24,41V17c0-2.2,1.8-4,4-4h12c2.2,0,4,1.8,4,4v24c0,2.2-1.8,4-4,4H28C25.8,45,24,43.2,24,41z"/>'
    '<path fill="#FFF3E0" d="M40,16H28c-0.6,0-1,0.4-1,1v22c0,0.6,0.4,1,1,1h12c0.6,0,1-0.4,1-1V17C41,16.4,40.6,16,40,16z"/>'
    '<circle fill="#A6642A" cx="34" cy="42.5" r="1.5"/></svg>'
)
_DEVICES_RESTACKED = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
    '<path fill="#FFF3E0" d="M40,16H28c-0.6,0-1,0.4-1,1v22c0,0.6,0.4,1,1,1h12c0.6,0,1-0.4,1-1V17C41,16.4,40.6,16,40,16z"/>'
    '<path fill="#BBDEFB" d="M30,6H8C7.4,6,7,6.4,7,7v29c0,0.6,0.4,1,1,1h22c0.6,0,1-0.4,1-1V7C31,6.4,30.6,6,30,6z"/>'
    '<rect x="15" y="39" fill="#78909C" width="6" height="2"/>'
    '<path fill="#E38939" d="M24 41 L24 17 C24 14.8 25.8 13 28 13 L40 13 C42.2 13 44 14.8 44 17 L44 41 C44 43.2 42.2 45 '
    '40 45 L28.8175 47.7616 C25.8 45 24 43.2 24 41 Z"/>'
    '<path fill="#37474F" d="M4,39V7c0-2.2,1.8-4,4-4h22c2.2,0,4,1.8,4,4v32c0,2.2-1.8,4-4,4H8C5.8,43,4,41.2,4,39z"/>'
    '<circle fill="#A6642A" cx="34" cy="42.5" r="1.5"/></svg>'
)


def test_a_filled_icon_restacked_is_no_plain_shape_though_its_ink_against_the_fill_is(judge: PixelJudge) -> None:
    # The dark frame drawn last is the candidate's most common colour: its "ink" (taken against that) is the
    # bare canvas around the devices, one convex blob, read before as the icon redrawn as one plain shape
    # (3 + 3 hidden and a shape drawn: 9, truth 3). The drawing is the paint, and it is no plain shape.
    _assert_one_shape_redrawn_and_honest_not(judge, _DEVICES, _DEVICES_RESTACKED)


def test_an_icon_reduced_to_one_of_its_strokes_scores_above_the_one_shape_hack(judge: PixelJudge) -> None:
    # feather's plus (MIT): one bar dropped, the other moved and lengthened past the canvas (a line, a plain
    # convex shape): the bar kept, not a drawing put in the icon's place; the square hides the whole plus.
    plus = f'{_TAG}<line x1="12" y1="5" x2="12" y2="19"/><line x1="5" y1="12" x2="19" y2="12"/></svg>'
    bar = f'{_TAG}<line x1="9.4" y1="-1" x2="9.4" y2="25" stroke-width="3.7"/></svg>'
    ref = _render(plus)
    honest = judge.judge_images(Task.SVG, ref, _render(bar))
    hack = judge.judge_images(Task.SVG, ref, _render(hack_sources(Task.SVG, plus, ["one shape"])["one shape"]))
    assert not _redrawn(honest), [d.description for d in honest]
    assert _redrawn(hack), [d.description for d in hack]
    assert sum(d.severity for d in honest) < sum(d.severity for d in hack), (
        [d.description for d in honest],
        [d.description for d in hack],
    )


#: bootstrap-icons' file-image-fill (MIT; a card with a sun and hills cut out) and seed-149 pair 73: the hills
#: dropped, the card scaled by 1.892 about its centre (clipped by the canvas).
_FILE_TAG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" fill="currentColor" viewBox="0 0 16 16">'
_FILE_CARD = (
    f'{_FILE_TAG}<path d="M4 0h8a2 2 0 0 1 2 2v8.293l-2.73-2.73a1 1 0 0 0-1.52.127l-1.889 2.644-1.769-1.062a1 1 0 0 '
    '0-1.222.15L2 12.292V2a2 2 0 0 1 2-2m4.002 5.5a1.5 1.5 0 1 0-3 0 1.5 1.5 0 0 0 3 0"/><path d="M10.564 8.27 14 '
    '11.708V14a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-.293l3.578-3.577 2.56 1.536 2.426-3.395z"/></svg>'
)
_FILE_DROP_GROWN = (
    f'{_FILE_TAG}<path d="M0.432 -5.4822 L15.568 -5.4822 A3.784 3.784 0 0 1 19.352 -1.6982 L19.352 13.9921 '
    "L14.1868 8.827 A1.892 1.892 0 0 0 11.311 9.0672 L7.737 14.0697 L4.3901 12.0604 A1.892 1.892 0 0 0 2.078 "
    "12.3442 L-3.352 17.7742 L-3.352 -1.6982 A3.784 3.784 0 0 1 0.432 -5.4822 M8.0038 4.9238 A2.838 2.838 0 1 0 "
    '2.3278 4.9238 A2.838 2.838 0 0 0 8.0038 4.9238"/></svg>'
)


def test_the_one_shape_hack_over_a_filled_card_costs_the_holes_it_fills(judge: PixelJudge) -> None:
    # The square lies inside the card and fills its sun and hills: the groups read those holes as a
    # neighbour's colour shown (a shape moved over another, 2), which under an icon redrawn is the plain
    # shape drawn over the drawing, graded by its paint: the hack tied the honest drop-and-resize (8 and 8).
    hack, _ = _one_shape_costlier(judge, _FILE_CARD, _FILE_DROP_GROWN)
    assert _redrawn(hack), [d.description for d in hack]


#: icons8's paid basket, simplified: a rim over a body with a light check mark on it (one drawing).
_BASKET = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><path fill="#388E3C" d="M8 20h32l-4 20H12z"/>'
    '<rect x="6" y="16" width="36" height="6" rx="2" fill="{rim}"/>{mark}</svg>'
)
_CHECK = '<polygon fill="#DCEDC8" points="20 34 14 28 16.5 25.5 20 29 30 19 32.5 21.5"/>'


def test_colours_changed_in_place_in_several_ways_are_read_each_not_as_a_shape_moved_by_nothing(
    judge: PixelJudge,
) -> None:
    # The rim in a lighter shade and the check mark gone (the body shows where it lay): no shift, so no
    # mark moved over a fill ("a shape moved by 0 %", 1, for a truth of 3); each colour change is read.
    ref = _render(_BASKET.format(rim="#4CAF50", mark=_CHECK))
    cand = _render(_BASKET.format(rim="#6FC072", mark=""))
    out = judge.judge_images(Task.SVG, ref, cand)
    assert not any("moved by" in d.description for d in out), [d.description for d in out]
    assert any(d.category == "style_error" for d in out), [d.description for d in out]
    assert any(d.category == "structure_error" for d in out), [d.description for d in out]


def test_a_mirroring_read_on_a_plain_shape_that_is_its_own_mirror_image_keeps_the_icon_hidden() -> None:
    from verm.judge.pixel.svg import _svg_drawn_instead

    # The one-shape square over twemoji's waffle (seed 127): a group read the square as the waffle
    # "mirrored vertically and recoloured" (2), and a mirroring counted as one of the reference's own
    # shapes kept, dropping the hidden halves (the hack 2, under an honest 4). A square mirrored shows no
    # mirroring: the icon stays hidden and the mirroring is the square drawn over it.
    ref = np.full((100, 100, 3), 255, np.uint8)
    ref[30:60, 20:80] = (255, 172, 51)
    ref[60:85, 10:90] = (204, 214, 221)
    square = np.full((100, 100, 3), 255, np.uint8)
    square[17:83, 17:83] = 0
    ell = square.copy()
    ell[17:50, 50:83] = 255  # an L: not its own mirror image
    for cand, kept in ((square, False), (ell, True)):
        ink = (np.abs(ref.astype(int) - 255).max(axis=2) > 40, np.abs(cand.astype(int) - 255).max(axis=2) > 40)
        c = _Ctx(Task.SVG, ref, cand, ink[0], ink[1], None, None)
        mirrored = _Item("text_symbol_error", 2, (17, 17, 83, 83), "A shape is mirrored vertically.", "mirrored")
        items = [
            _Item("structure_error", 3, (17, 17, 83, 83), "drawn", "drawn instead"),
            *(_Item("structure_error", 3, (10, 30, 90, 85), "hidden", "hidden") for _ in range(2)),
            mirrored,
        ]
        out = _svg_drawn_instead(c, items, [mirrored])
        assert sum(it.kind == "hidden" for it in out) == (0 if kept else 2), [it.description for it in out]
        assert (mirrored.kind == "mirrored") == kept


def test_a_filled_icons_fill_in_a_shade_of_itself_is_a_recolouring_1_not_a_shape_gone(judge: PixelJudge) -> None:
    # bootstrap's map-fill with its black fill turned #252525 (seed 109): the fill is the image's most common
    # colour, so no one's ink, and the paint around it is black, which the new shade matches within ΔE 15:
    # read "a shape missing, what lay beneath shows" (3) or a region's colour (2) for a truth of style 1.
    card = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path fill="{fill}" d="M1 1h14v14H1z"/>'
        '<circle cx="8" cy="8" r="3" fill="#ffffff"/></svg>'
    )
    out = judge.judge_images(Task.SVG, _render(card.format(fill="#000000")), _render(card.format(fill="#252525")))
    assert [(d.category, d.severity) for d in out] == [("style_error", 1)], [d.description for d in out]


def test_a_stroked_frame_kept_and_moved_with_its_knob_dropped_is_no_redrawing(judge: PixelJudge) -> None:
    # Feather's toggle (seed-167 pair 109): the knob dropped and the track shifted by 4 % leaves one plain
    # shape, the track as it was drawn, moved. Its paint lies on the reference's track placed by its box; read
    # before as the icon redrawn (two hidden halves, 3 + 3, beside the move), where the truth is 2 + 1. The
    # one-shape hack's square does not lie on the track's stroke: still redrawn.
    toggle = f'{_TAG}<rect x="1" y="5" width="22" height="14" rx="7" ry="7"/><circle cx="16" cy="12" r="3"/></svg>'
    moved = f'{_TAG}<rect x="1" y="5" width="22" height="14" rx="7" ry="7" transform="translate(0.6 0.8)"/></svg>'
    _assert_one_shape_redrawn_and_honest_not(judge, toggle, moved)
    out = judge.judge_images(Task.SVG, _render(toggle), _render(moved))
    assert sum(d.severity for d in out) <= 4, [d.description for d in out]


def test_two_whole_drawings_erased_together_cost_what_they_hide(judge: PixelJudge) -> None:
    # Feather's trello (seed-157 pairs 69, 70): the one-shape square follows the frame and leaves both bars
    # erased, 2 + 2 by their own shares, which tied an honest candidate (one bar dropped, the other moved far).
    # The two bars hold over a quarter of the drawing together: the larger is severity 3, so the hack costs
    # more than that honest edit.
    trello = (
        f'{_TAG}<rect x="3" y="3" width="18" height="18" rx="2" ry="2"/><rect x="7" y="7" width="3" height="9"/>'
        '<rect x="14" y="7" width="3" height="5"/></svg>'
    )
    honest = trello.replace('<rect x="14" y="7" width="3" height="5"/>', "").replace('x="7" y="7"', 'x="11" y="9"')
    _one_shape_costlier(judge, trello, honest)
    bars_gone = judge.judge_images(Task.SVG, _render(trello), _render(trello.split('<rect x="7"')[0] + "</svg>"))
    assert max(d.severity for d in bars_gone) == 3, [d.description for d in bars_gone]


def _one_shape_costlier(judge: PixelJudge, reference: str, honest_source: str) -> tuple[list, list]:
    """The one-shape hack of ``reference`` and the honest candidate, judged; the hack costs more."""
    ref = _render(reference)
    hack = judge.judge_images(Task.SVG, ref, _render(hack_sources(Task.SVG, reference, ["one shape"])["one shape"]))
    honest = judge.judge_images(Task.SVG, ref, _render(honest_source))
    assert sum(d.severity for d in honest) < sum(d.severity for d in hack), (
        [d.description for d in honest],
        [d.description for d in hack],
    )
    return hack, honest


#: Bootstrap Icons' trash-fill (twbs/icons, MIT; ../shared/corpora/svg/bootstrap-icons), seed-167 pair 86.
_TRASH_FILL = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" fill="currentColor" viewBox="0 0 16 16">'
    '<path d="M2.5 1a1 1 0 0 0-1 1v1a1 1 0 0 0 1 1H3v9a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2V4h.5a1 1 0 0 0 1-1V2a1 1 0 0 '
    "0-1-1H10a1 1 0 0 0-1-1H7a1 1 0 0 0-1 1zm3 4a.5.5 0 0 1 .5.5v7a.5.5 0 0 1-1 0v-7a.5.5 0 0 1 .5-.5M8 5a.5.5 0 0 "
    '1 .5.5v7a.5.5 0 0 1-1 0v-7A.5.5 0 0 1 8 5m3 .5v7a.5.5 0 0 1-1 0v-7a.5.5 0 0 1 1 0"{}/></svg>'
)


def test_a_filled_icon_scaled_a_little_shows_in_slivers_that_are_one_change(judge: PixelJudge) -> None:
    # Scaled by 0.938 about its centre: its edges and its three slots each read a slight outline change or
    # move (two items and "2 further scattered differences" before); every reading slight and nothing else
    # changed: one change, severity 1 (`svg_merge._only_slivers`).
    scaled = _TRASH_FILL.format(' transform="translate(8 7.5) scale(0.938) translate(-8 -7.5)"')
    out = judge.judge_images(Task.SVG, _render(_TRASH_FILL.format("")), _render(scaled))
    assert [d.severity for d in out] == [1], [d.description for d in out]
