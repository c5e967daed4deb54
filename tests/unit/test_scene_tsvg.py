"""Scene judge rules for SVG icons and tables, on real renders: SVGs through verm's SVG renderer (the function its
sandbox workers run: the PNG and the scene), tables through the table scene builder."""

from __future__ import annotations

import pytest

from verm.bench.hacks import hack_sources
from verm.judge.scene import SceneJudge
from verm.perturb.effect import effects_overlap, measure_effect
from verm.render.svg import prepare_svg, worker_render
from verm.render.table import table_scene
from verm.types import Discrepancy, Rendering, Task

SHAPES = (
    '<rect id="a" x="2" y="2" width="10" height="10" fill="#d62728"/>',
    '<circle id="b" cx="18" cy="6" r="3" fill="#2ca02c"/>',
    '<rect id="c" x="14" y="14" width="6" height="6" fill="#9467bd"/>',
    '<rect id="d" x="6" y="6" width="10" height="10" fill="#1f77b4"/>',
)


def icon(*body: str) -> Rendering:
    text = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{"".join(body)}</svg>'
    png, scene = worker_render({"source": prepare_svg(text), "width": 336, "height": 336, "background": "white"})
    return Rendering(task=Task.SVG, png=png, scene=scene, source=text)


def judged(ref: Rendering, cand: Rendering) -> list[Discrepancy]:
    judgment = SceneJudge().judge(Task.SVG, ref, cand)
    assert judgment.status.value == "ok", judgment.reason
    return judgment.discrepancies


def test_svg_swap_across_other_elements_is_one_discrepancy() -> None:
    # The first and last shapes trade places in the stacking order; the two between them stay: one change.
    a, b, c, d = SHAPES
    [found] = judged(icon(a, b, c, d), icon(d, b, c, a))
    assert found.category == "structure_error" and "wrong order" in found.description
    assert "#a" in found.description and "#d" in found.description
    assert found.severity == 2  # they overlap over a quarter of each: the order shows


def test_svg_swap_of_a_recoloured_element_is_still_seen() -> None:
    # One of the swapped shapes is also recoloured: the stacking change and the colour are two discrepancies.
    a, b, c, d = SHAPES
    found = judged(icon(a, b, c, d), icon(d.replace("#1f77b4", "#ff7f0e"), b, c, a))
    assert sorted(x.category for x in found) == ["structure_error", "style_error"]
    assert any("wrong order" in x.description for x in found)


def test_svg_mirror_of_a_symmetric_shape_shows_nothing() -> None:
    mirror = ' transform="translate(12 12) scale(-1 1) translate(-12 -12)"'
    ref = icon('<polygon points="6,18 12,4 18,18" fill="#333"/>', SHAPES[1])
    assert judged(ref, icon('<polygon points="6,18 12,4 18,18" fill="#333"' + mirror + "/>", SHAPES[1])) == []
    # An asymmetric shape mirrored shows: one discrepancy.
    ref = icon('<polygon points="4,18 8,4 18,18" fill="#333"/>', SHAPES[1])
    [found] = judged(ref, icon('<polygon points="4,18 8,4 18,18" fill="#333"' + mirror + "/>", SHAPES[1]))
    assert found.category == "text_symbol_error" and "mirrored" in found.description


def test_svg_circle_turned_about_its_centre_shows_nothing() -> None:
    # Turned, with a square on it recoloured: only the square's colour shows (the circle's box changed too).
    dot = '<rect x="11" y="11" width="2" height="2" fill="{}"/>'
    ref = icon('<circle cx="12" cy="12" r="6" fill="#333"/>', dot.format("#d62728"))
    cand = icon('<circle cx="12" cy="12" r="6" fill="#333" transform="rotate(68 12 12)"/>', dot.format("#2ca02c"))
    assert [d.category for d in judged(ref, cand)] == ["style_error"]
    # A square turned the same way shows: one discrepancy.
    ref = icon('<rect x="6" y="6" width="12" height="12" fill="#333"/>', SHAPES[1])
    cand = icon('<rect x="6" y="6" width="12" height="12" fill="#333" transform="rotate(30 12 12)"/>', SHAPES[1])
    [found] = judged(ref, cand)
    assert "rotate(30" in found.description


def test_svg_change_hidden_under_another_shape_is_no_discrepancy() -> None:
    # The small square is recoloured, but an opaque square drawn over it hides it: nothing shows.
    cover = '<rect x="0" y="0" width="16" height="16" fill="#1f77b4"/>'
    ref = icon('<rect x="4" y="4" width="6" height="6" fill="#d62728"/>', cover)
    cand = icon('<rect x="4" y="4" width="6" height="6" fill="#2ca02c"/>', cover)
    assert judged(ref, cand) == []
    # Drawn on top instead, the same recolour shows.
    ref = icon(cover, '<rect x="4" y="4" width="6" height="6" fill="#d62728"/>')
    cand = icon(cover, '<rect x="4" y="4" width="6" height="6" fill="#2ca02c"/>')
    [found] = judged(ref, cand)
    assert found.category == "style_error"


def test_svg_element_resized_and_shifted_is_one_changed_element() -> None:
    # Its path scaled and a translate written before it: the element changed and moved (not lost plus a copy).
    ref = icon('<path d="M4 4 L14 4 L14 14 Z" fill="#333"/>', SHAPES[2])
    cand = icon('<path d="M7 7 L11 7 L11 11 Z" fill="#333" transform="translate(3 3)"/>', SHAPES[2])
    found = judged(ref, cand)
    assert len(found) == 1 and "missing" not in found[0].description
    assert found[0].category == "shape_error" and "scaled" in found[0].description


def test_svg_element_shrunk_mirrored_and_recoloured_is_one_changed_element() -> None:
    # A mirror appended to its transform, its path shrunk to a third and its fill changed: still that element.
    before, after = SHAPES[1], SHAPES[2]
    ref = icon(before, '<path d="M2 4 L20 4 L12 22 L4 14 Z" fill="#5c913b"/>', after)
    mirror = "translate(10 12) scale(1 -1) translate(-10 -12)"
    cand = icon(before, f'<path d="M8 10 L14 10 L11 16 L8.7 13.4 Z" fill="#ff7f0e" transform="{mirror}"/>', after)
    [found] = judged(ref, cand)
    assert found.category == "shape_error" and "scaled" in found.description
    assert "mirrored" in found.description and "#ff7f0e" in found.description


def test_svg_element_moved_far_still_shows_but_pushed_off_the_canvas_is_gone() -> None:
    big = '<path d="M2 2 L10 2 L10 10 L2 10 Z" fill="#333"{}/>'
    ring = '<circle cx="17" cy="17" r="5" fill="none" stroke="#1f77b4" stroke-width="2"/>'
    dot = '<circle cx="6" cy="18" r="2" fill="#d62728"/>'
    ref = icon(big.format(""), ring, dot)
    # One element dropped, one moved far but whole: two discrepancies, nothing piles up.
    moved = judged(ref, icon(big.format(' transform="translate(12 0)"'), dot))
    assert len(moved) == 2 and not any("empty" in d.description for d in moved)
    # Pushed off the canvas instead, the moved element is gone too: most of the icon is missing and piles up.
    gone = judged(ref, icon(big.format(' transform="translate(40 0)"'), dot))
    assert any("empty" in d.description for d in gone)
    assert sum(d.severity for d in gone) > sum(d.severity for d in moved)


def test_svg_sole_element_shrunk_about_its_centre_is_one_change_not_the_icon_gone() -> None:
    # A one-path icon shrunk to a quarter about its centre (the scale baked into the path), mirrored and recoloured
    # (seed 149, bootstrap sign-turn-right-fill): its box keeps under a tenth of the old one's, yet it lies within it,
    # in its place: one changed element, not the icon missing piled up in 7 severe parts (24 for a truth of 3).
    ref = icon('<path d="M2 12 L12 2 L22 12 L12 22 Z M9 12 L12 9 L15 12 L12 15 Z" fill="#333" fill-rule="evenodd"/>')
    mirror = "translate(12 12) scale(1 -1) translate(-12 -12)"
    shrunk = "M9.5 12 L12 9.5 L14.5 12 L12 14.5 Z M11.25 12 L12 11.25 L12.75 12 L12 12.75 Z"
    cand = icon(f'<path d="{shrunk}" fill="#2ca02c" fill-rule="evenodd" transform="{mirror}"/>')
    found = judged(ref, cand)
    assert not any("empty" in d.description for d in found), found
    [item] = found
    assert item.severity == 3 and "scaled" in item.description, item


# --------------------------------------------------------------------------- tables

SMALL = [["City", "Sun", "Rain"], ["Oslo", "1668", "763"], ["Rome", "2473", "798"], ["Nice", "2668", "767"]]


def md(rows: list[list[str]]) -> str:
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in body]) + "\n"


def table_cost(ref: list[list[str]], cand: list[list[str]]) -> list[Discrepancy]:
    return SceneJudge().compare(Task.TABLE, table_scene(md(ref)), table_scene(md(cand)))


def test_table_row_and_column_dropped_from_a_small_table_count_each_cell_once() -> None:
    # A row and a column dropped from a 3 x 3 body: 5 of its 9 cells are gone (the one in both counts once, the
    # column's header is not data): two discrepancies, no pile-up beyond them.
    cand = [[r[0], r[2]] for k, r in enumerate(SMALL) if k != 2]
    found = table_cost(SMALL, cand)
    assert sorted((d.category, d.severity) for d in found) == [("layout_error", 3), ("layout_error", 3)]
    assert {d.location for d in found} == {"row 3", "column 2"}


def test_table_most_of_a_small_table_gone_still_piles_up() -> None:
    # Two rows and a column of the 3 x 3 body gone (7 of 9 cells): costs more than the row and column alone,
    # and less than the header alone (every data cell gone).
    most = table_cost(SMALL, [[r[0], r[2]] for k, r in enumerate(SMALL) if k in (0, 1)])
    header_only = table_cost(SMALL, SMALL[:1])
    assert all(d.category == "layout_error" and d.severity == 3 for d in most)
    assert 2 * 3 < sum(d.severity for d in most) < sum(d.severity for d in header_only)


def html(rows: list[list[str]], merged: int | None = None) -> str:
    """An HTML table; row ``merged`` written as one cell spanning both columns (its two texts joined)."""
    body = "".join(
        f'<tr><td colspan="{len(r)}">{" ".join(r)}</td></tr>' if k == merged else
        "<tr>" + "".join(f"<td>{t}</td>" for t in r) + "</tr>"
        for k, r in enumerate(rows[1:], start=1)
    )  # fmt: skip
    return f"<table><tr>{''.join(f'<th>{t}</th>' for t in rows[0])}</tr>{body}</table>"


def test_table_cells_merged_with_colspan_are_one_layout_change() -> None:
    # Two cells written as one spanning cell (HTML colspan): the row is still there, its cells merged.
    rows = [["State", "Index"], ["Alaska", "8.73"], ["California", "12.19"], ["Colorado", "11.15"]]
    found = SceneJudge().compare(Task.TABLE, table_scene(html(rows)), table_scene(html(rows, merged=2)))
    assert [(d.category, d.severity) for d in found] == [("layout_error", 2)]
    assert "merged" in found[0].description and "missing" not in found[0].description


STROKED = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
    'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
)


def stroked(*body: str) -> Rendering:
    """A feather-style icon (strokes the <svg> tag styles) as the renderer's workers draw it."""
    text = f"{STROKED}{''.join(body)}</svg>"
    png, scene = worker_render({"source": prepare_svg(text), "width": 336, "height": 336, "background": "white"})
    return Rendering(task=Task.SVG, png=png, scene=scene, source=text)


def test_svg_shape_shrunk_is_graded_by_where_its_old_pixels_went() -> None:
    # A paperclip drawn at 0.44 of its size: every new pixel lies near the old drawing's ink (4 % of the side),
    # but the old clip's far end went 15 % of the side (the nearest ink of the shrunk clip). The ground truth
    # measures both ways since its re-grade (`verm.perturb.effect`: moved 0.15 here) -> 3; one way read 2.
    clip = '<path d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>'
    small = (
        '<path d="M16.4808 11.2464 L12.4464 15.2808 A2.634 2.634 0 0 1 8.7192 11.5537 L12.7537 7.5192 '
        'A1.756 1.756 0 0 1 15.2384 10.004 L11.1996 14.0384 A0.878 0.878 0 0 1 9.9572 12.796 L13.6843 9.0733"/>'
    )
    [found] = judged(stroked(clip), stroked(small))
    assert (found.category, found.severity) == ("shape_error", 3), found.description


def test_svg_one_shape_in_other_proportions_beside_an_element_gone_hides_the_icon() -> None:
    # A card (a rounded frame and a stripe) redrawn as the one-shape hack's square: the stripe is gone and the
    # frame is drawn in other proportions (another shape): the icon's drawing is gone and the missing items pile up,
    # below every honest edit of the card (the stripe dropped and the frame resized as a whole, among them).
    frame, stripe = '<rect x="1" y="4" width="22" height="16" rx="2" ry="2"/>', '<line x1="1" y1="10" x2="23" y2="10"/>'
    ref = stroked(frame, stripe)
    square = hack_sources(Task.SVG, ref.source, ["one shape"])["one shape"]
    hack = SceneJudge().judge(Task.SVG, ref, stroked(square[len(STROKED) : -len("</svg>")]))
    assert any("is empty" in d.description for d in hack.discrepancies), [d.description for d in hack.discrepancies]
    honest = {
        "stripe dropped, frame shrunk": (
            frame.replace("/>", ' transform="translate(12 12) scale(0.7) translate(-12 -12)"/>'),
        ),
        "stripe dropped, frame turned": (frame.replace("/>", ' transform="rotate(12 12 12)"/>'),),
        "frame wider, stripe kept": (frame.replace('width="22"', 'width="18"'), stripe),
    }
    hack_total = sum(d.severity for d in hack.discrepancies)
    for name, body in honest.items():
        out = judged(ref, stroked(*body))
        assert not any("is empty" in d.description for d in out), (name, [d.description for d in out])
        assert sum(d.severity for d in out) < hack_total, (name, [d.description for d in out])


def test_svg_element_scaled_past_the_canvas_edge_beside_one_gone_is_no_redraw() -> None:
    # A page (a path) over a band as wide as the canvas: the page dropped and the band scaled by 1.4 as a whole.
    # The canvas cuts the band's sides, so its box grows 1.4 x in height only: proportions the canvas cut, not
    # another shape, so nothing piles up (two items, as the ground truth has them).
    page = '<path d="M6 3h9l4 4v10H6z" fill="#607d8b"/>'
    band = '<rect x="0" y="20" width="24" height="2" fill="#90a4ae"/>'
    wider = '<rect x="-4.8" y="19.6" width="33.6" height="2.8" fill="#90a4ae"/>'
    out = judged(icon(page, band), icon(wider))
    assert not any("is empty" in d.description for d in out), [d.description for d in out]
    assert len(out) <= 2 and sum(d.severity for d in out) <= 6, [(d.severity, d.description) for d in out]


def test_svg_white_fill_recoloured_is_graded_by_the_ink_it_gains() -> None:
    # A white window in a dark card turned red: white is no ink, so its pixels are ink on one side only; they
    # are still the recolouring's, 5 % of the ink and more -> 2.
    card, window = (
        '<rect x="2" y="4" width="20" height="16" fill="#333333"/>',
        '<rect x="5" y="7" width="8" height="6" fill="#ffffff"/>',
    )
    [found] = judged(icon(card, window), icon(card, window.replace("#ffffff", "#d62728")))
    assert (found.category, found.severity) == ("style_error", 2), found.description


def test_svg_point_moved_on_a_wedge_is_no_resize() -> None:
    # A wedge of three corners with one corner moved far: the three points fit no resize (a fit through all
    # of them read "scaled by 0.9" and a point moved besides); one point moved, as far as it went.
    wedge = '<path d="M4 4 L20 4 L20 20 Z" fill="none" stroke="#000" stroke-width="2"/>'
    [found] = judged(icon(wedge), icon(wedge.replace("L20 20", "L14 11")))
    assert found.category == "shape_error" and "a point moved" in found.description
    assert "scaled" not in found.description


def test_svg_point_moved_far_on_a_resized_path_is_a_change_apart() -> None:
    # A path resized about its centre and one of its points then pulled far out: the point's wedge lies off the
    # band the resize changes, so the two are listed apart; a point moved a little stays one with the resize.
    path = '<path d="M6 6 L18 6 L18 18 L12 20 L6 18 Z" fill="#333"/>'
    resized = '<path d="M6.6 6.6 L17.4 6.6 L17.4 17.4 L12 19.2 L6.6 17.4 Z" fill="#333"/>'
    far = judged(icon(path), icon(resized.replace("L12 19.2", "L12 23")))
    assert sorted(("scaled" in f.description, "a point moved" in f.description) for f in far) == [
        (False, True),
        (True, False),
    ], [f.description for f in far]
    [near] = judged(icon(path), icon(resized.replace("L12 19.2", "L12 19.5")))
    assert "scaled" in near.description and "a point moved" in near.description


def test_svg_mirror_of_an_arch_whose_end_points_are_symmetric_shows() -> None:
    # An arch (an arc between two legs): its end points are symmetric about its middle line, yet mirrored
    # across it the arch bulges the other way.
    arch = '<path d="M6 16 V10 a6 6 0 0 1 12 0 V16" fill="none" stroke="#000" stroke-width="2"'
    mirror = ' transform="translate(12 11) scale(1 -1) translate(-12 -11)"'
    [found] = judged(icon(arch + "/>"), icon(arch + mirror + "/>"))
    assert found.category == "text_symbol_error" and "mirrored" in found.description
    assert found.severity == 2


def _truth_merges(ref: str, first: str, second: str, both: str) -> bool:
    """Whether the bench's truth lists two edits of one element as one change: they overlap whichever was made
    first (`verm.perturb.effect`, on real renders)."""
    r, a, b, ab = (icon(x) for x in (ref, first, second, both))
    return all(effects_overlap(measure_effect(x, y), measure_effect(y, z)) for x, y, z in ((r, a, ab), (r, b, ab)))


@pytest.mark.parametrize(
    "path, moved",
    [
        # A filled shape mirrored and one of its points pulled far out: the mirror turns the whole outline, and
        # the wedge lies on the pixels it changes.
        ('<path d="M4 4 L16 4 L20 12 L16 20 L4 20 Z" fill="#333"/>', ("L20 12", "L23 3")),
        # A stroked play sign mirrored (it points the other way) and a corner moved: one change.
        ('<path d="M7 6 L7 18 L19 12 Z" fill="none" stroke="#000" stroke-width="2"/>', ("L7 18", "L10 21")),
    ],
)
def test_svg_point_moved_on_a_mirrored_path_is_apart_only_where_the_truth_tells_it_apart(
    path: str, moved: tuple[str, str]
) -> None:
    # Each change is made alone on the path, in either order, and the pixels tell, as they tell the truth (a
    # far point's reach alone listed both of these apart).
    mirror = ' transform="translate(12 12) scale(-1 1) translate(-12 -12)"'
    pulled, mirrored = path.replace(*moved), path.replace("/>", mirror + "/>")
    both = pulled.replace("/>", mirror + "/>")
    found = judged(icon(path), icon(both))
    merged = _truth_merges(path, pulled, mirrored, both)
    assert len(found) == (1 if merged else 2), ([f.description for f in found], merged)
    assert any("mirrored" in f.description for f in found) and any("a point moved" in f.description for f in found)


def test_svg_one_of_two_copies_drawn_in_a_row_gone_shows_nothing() -> None:
    # A shape drawn twice in a row shows once: one copy gone hides nothing; the other copy mirrored is the one
    # change.
    path = '<path d="M4 4 L20 4 L8 20 Z" fill="#333"/>'
    mirror = ' transform="translate(12 12) scale(-1 1) translate(-12 -12)"'
    assert judged(icon(path, path, SHAPES[1]), icon(path, SHAPES[1])) == []
    [found] = judged(icon(path, path), icon(path.replace("/>", mirror + "/>")))
    assert "mirrored" in found.description
    # One copy resized a little: that is the change; which copy pairs with which leaves no stacking change.
    grown = ' transform="translate(12 12) scale(1.05) translate(-12 -12)"'
    [found] = judged(icon(path, path), icon(path.replace("/>", grown + "/>"), path))
    assert "slightly transformed" in found.description and "order" not in found.description
    assert "position" not in found.description


def test_svg_point_pulled_past_the_canvas_edge_on_a_mirrored_path_is_graded_by_its_wedge() -> None:
    # A path mirrored and a point of its bottom edge pulled far past the canvas: only the wedge's strip inside
    # the canvas shows, a detail; read off the element's whole box, the mirror's pixels graded it 3.
    path = '<path d="M2 4 L16 4 L20 12 L18 20 L16 22 L14 22 L2 22 Z" fill="#333"/>'
    mirror = ' transform="translate(11 13) scale(-1 1) translate(-11 -13)"'
    found = judged(icon(path), icon(path.replace("L16 22", "L16 31").replace("/>", mirror + "/>")))
    [point] = [f for f in found if "a point moved" in f.description]
    assert point.severity == 1


def test_svg_path_resized_over_one_dropped_pairs_with_its_own_points() -> None:
    # A square frame dropped and the caret inside it grown to the frame's size: the caret (the same number of
    # points) is the resized one and the frame is missing, not the frame reshaped into a caret.
    frame = '<path d="M3 3 H21 V21 H3 Z M5 5 V19 H19 V5 Z" fill="#333"/>'
    caret = '<path d="M15 7 L9 12 L15 17 Z" fill="#333"/>'
    grown = '<path d="M18.75 3.5 L7.35 13 L18.75 22.5 Z" fill="#333"/>'
    found = judged(icon(frame, caret), icon(grown))
    assert sorted((f.category, "missing" in f.description, "scaled" in f.description) for f in found) == [
        ("shape_error", False, True),
        ("structure_error", True, False),
    ], [f.description for f in found]


def test_svg_swap_that_sends_a_stripe_below_the_body_it_lay_on_is_graded_by_the_stripe_hidden() -> None:
    # An arm and a stripe trade places: they barely touch, but the stripe now lies below the body drawn
    # between them, which hides all of it: the order shows where each overlaps the elements between (read
    # only where the two overlap each other, a corner: 1).
    arm = '<polygon points="1,23 1,12 7,23" fill="#555"/>'
    body = '<rect x="6" y="4" width="14" height="12" fill="#aab8c2"/>'
    stripe = '<polygon points="9,9 18,9 18,13 6,13" fill="#e1e8ed"/>'
    [found] = judged(icon(arm, body, stripe), icon(stripe, body, arm))
    assert found.category == "structure_error" and "wrong order" in found.description
    assert found.severity == 2


ROUNDED_COVER = '<path d="M4 2h14c1 0 2 1 2 2v14c0 1-1 2-2 2H4c-1 0-2-1-2-2V4c0-1 1-2 2-2z" fill="#ffac33"/>'


def test_svg_change_under_a_shape_the_swap_brought_above_it_is_no_discrepancy() -> None:
    # A square sent below a rounded frame (a swap) and recoloured or moved there: the swap shows, the edits of
    # the hidden square do not (the box of the square holds the swap's changed pixels, so they are not empty).
    square = '<rect x="6" y="6" width="6" height="6" fill="{}"{}/>'
    ref = icon(ROUNDED_COVER, square.format("#d62728", ""))
    for cand_square in (square.format("#2ca02c", ""), square.format("#d62728", ' transform="translate(2 1)"')):
        [found] = judged(ref, icon(cand_square, ROUNDED_COVER))
        assert found.category == "structure_error" and "stacking position" in found.description
    # Sent below a ring (no solid shape), the same recolour shows through its hole.
    ring = '<path d="M2 2h18v18H2z M8 8v6h6V8z" fill="#ffac33" fill-rule="evenodd"/>'
    found = judged(icon(ring, square.format("#d62728", "")), icon(square.format("#2ca02c", ""), ring))
    assert any(x.category == "style_error" for x in found)


def test_svg_element_gone_from_under_a_shape_the_candidate_keeps_is_no_discrepancy() -> None:
    # A small tab drawn under the rounded frame, inside its box, is dropped: nothing shows; on top, it is missing.
    tab = '<rect x="14" y="3" width="2" height="2" fill="#66757f"/>'
    other = '<circle cx="21" cy="21" r="2" fill="#2ca02c"/>'
    assert judged(icon(tab, ROUNDED_COVER, other), icon(ROUNDED_COVER, other)) == []
    [found] = judged(icon(ROUNDED_COVER, tab, other), icon(ROUNDED_COVER, other))
    assert found.category == "structure_error" and "missing" in found.description


def test_svg_near_white_shape_moved_over_the_bare_canvas_shows_nothing() -> None:
    # A near-white stripe lay on a dark bar; the bar is gone and the stripe moved: only the bar's loss shows.
    bar = '<path d="M2 8h20v8H2z" fill="#231f20"/>'
    stripe = '<path d="M4 10h16v2H4z" fill="{}"{}/>'
    moved = ' transform="translate(0 3)"'
    [found] = judged(
        icon(SHAPES[1], bar, stripe.format("#f5f8fa", "")), icon(SHAPES[1], stripe.format("#f5f8fa", moved))
    )
    assert found.category == "structure_error" and "missing" in found.description
    # A dark stripe moved the same way shows (half of it where the bar was: one change with the bar's loss, as
    # the truth merges edits that change the same pixels).
    found = judged(icon(SHAPES[1], bar, stripe.format("#1f77b4", "")), icon(SHAPES[1], stripe.format("#1f77b4", moved)))
    assert any("transformed" in x.description for x in found)


def test_svg_change_under_a_translucent_shape_still_shows() -> None:
    # The scene does not carry opacity: the candidate image, where the half-transparent frame lets the square's
    # new colour through, keeps the recolour (an item, or on the same place as the order change, whose pixels
    # are the square's too).
    square = '<rect x="6" y="6" width="6" height="6" fill="{}"/>'
    faint = ROUNDED_COVER.replace("/>", ' fill-opacity="0.4"/>')
    found = judged(icon(faint, square.format("#d62728")), icon(square.format("#2ca02c"), faint))
    assert any(x.category == "style_error" or "the fill of" in x.description for x in found), found


def test_svg_shape_moved_over_a_shape_of_its_own_colour_shows_nothing() -> None:
    # A red tab moved inside the red body it lies on changes no pixel; the dot recoloured on it does (and puts
    # changed pixels in the tab's box): only the dot is a discrepancy.
    body = '<path d="M2 2h20v20H2z" fill="#d62728"/>'
    tab = '<path d="M4 4h8v8H4z" fill="#d62728"{}/>'
    dot = '<circle cx="8" cy="8" r="2" fill="{}"/>'
    ref = icon(body, tab.format(""), dot.format("#2ca02c"))
    [found] = judged(ref, icon(body, tab.format(' transform="translate(2 1)"'), dot.format("#ff7f0e")))
    assert found.category == "style_error"
    # On a body of another colour the same move shows.
    other = body.replace("#d62728", "#1f77b4")
    ref = icon(other, tab.format(""), dot.format("#2ca02c"))
    found = judged(ref, icon(other, tab.format(' transform="translate(2 1)"'), dot.format("#ff7f0e")))
    assert len(found) == 2 and any("transform" in x.description for x in found)


def test_svg_changes_to_different_elements_on_the_same_pixels_are_one_discrepancy() -> None:
    # An arrowhead dropped from a card whose fill was recoloured: the arrowhead's place is recoloured too, one
    # change to an annotator (the truth merges edits whose changed pixels overlap).
    card = '<rect x="2" y="2" width="12" height="20" fill="{}"/>'
    arrow = '<polygon points="4,8 12,8 8,14" fill="#9c27b0"/>'
    [found] = judged(icon(card.format("#f3e5f5"), arrow), icon(card.format("#bcbd22")))
    assert "on the same place" in found.description and "missing" in found.description
    # A shape recoloured and another dropped beside it stay two.
    found = judged(icon(card.format("#f3e5f5"), SHAPES[1]), icon(card.format("#bcbd22")))
    assert len(found) == 2


def test_svg_changes_that_overlap_in_one_order_only_stay_apart() -> None:
    # A panel over a disc is mirrored off it and the disc recoloured. Mirrored first, the disc's recolour covers
    # where the panel was; recoloured first (under the panel), it does not, and the panel's new place lies off
    # the disc: which the truth made first is unknown, so the two stay apart.
    disc = '<circle cx="8" cy="12" r="7" fill="{}"/>'
    panel = '<path d="M2 6h12l-6 10z" fill="#e1e8ed"{}/>'
    mirrored = ' transform="translate(13 11) scale(-1 1) translate(-13 -11)"'
    found = judged(icon(disc.format("#3b88c3"), panel.format("")), icon(disc.format("#bcbd22"), panel.format(mirrored)))
    assert len(found) == 2


def test_svg_point_moved_far_on_a_slightly_transformed_path_is_a_change_apart() -> None:
    # A corner pulled by a sixth of the canvas on a path also grown by 5 %: the grown outline is a thin band, the
    # corner's wedge lies off it, and the truth lists the two apart (on a path turned or shifted far, the wedge
    # lies among the pixels the transform changes: one).
    ref = icon('<path d="M4 4L20 4L20 20L4 20Z" fill="#1f77b4"/>')
    grown = ' transform="translate(12 12) scale(1.05) translate(-12 -12)"'
    found = judged(ref, icon(f'<path d="M4 4L20 4L20 20L8 20Z" fill="#1f77b4"{grown}/>'))
    assert len(found) == 2 and {x.category for x in found} == {"shape_error"}


def _raw_icon(text: str) -> Rendering:
    png, scene = worker_render({"source": prepare_svg(text), "width": 336, "height": 336, "background": "white"})
    return Rendering(task=Task.SVG, png=png, scene=scene, source=text)


# bootstrap-icons sign-turn-right-fill, and the same with the arrowhead's tip (an arc's end point) moved up: the
# arc, too short for its radius, bulges into a half disc far past its end points (seed-97 split, pair 31).
_TURN = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M9.05.435c-.58-.58-1.52-.58-2.1 0L.436 '
    "6.95c-.58.58-.58 1.519 0 2.098l6.516 6.516c.58.58 1.519.58 2.098 0l6.516-6.516c.58-.58.58-1.519 0-2.098zM9 "
    "8.466V7H7.5A1.5 1.5 0 0 0 6 8.5V11H5V8.5A2.5 2.5 0 0 1 7.5 6H9V4.534{}l2.36 1.966c.12.1.12.284 0 .384L9.41 "
    '8.658A.25.25 0 0 1 9 8.466"/></svg>'
)


def test_svg_point_moved_is_graded_where_its_outline_changed() -> None:
    # The tip's wedge (its old and new place and its neighbours) misses the half disc; the pixels are read
    # wherever the outline changed, as far as they moved: severity 3, as the truth grades it (it read 1).
    ref = _raw_icon(_TURN.format("a.25.25 0 0 1 .41-.192"))
    cand = _raw_icon(_TURN.format("A0.25 0.25 0 0 1 10.2095 2.0791L11.77 6.308").replace("l2.36 1.966", ""))
    [found] = judged(ref, cand)
    assert found.category == "shape_error" and "point" in found.description and found.severity == 3


def test_svg_point_moved_alone_on_its_element_is_read_off_its_own_pixels() -> None:
    # A corner of a small triangle pulled in, beside a square turned by 20° whose corner crosses the triangle's
    # box: the triangle's lost strip went to its new tip (10 % of the side, both ways as the truth measures),
    # a detail of the ink: 2; the square's pixels in the box, which moved too, are not the point's (with them
    # it held 5 % of the ink: 3).
    ref = icon('<path d="M4 4h14v14H4z" fill="#1f77b4"/>', '<path d="M16 16 L22 16 L22 22 Z" fill="#d62728"/>')
    cand = icon(
        '<path d="M4 4h14v14H4z" fill="#1f77b4" transform="rotate(20 11 11)"/>',
        '<path d="M16 16 L22 16 L22 18.4 Z" fill="#d62728"/>',
    )
    [point] = [x for x in judged(ref, cand) if "point" in x.description]
    assert point.severity == 2


def test_svg_copy_and_its_later_edit_are_apart_where_their_pixels_are() -> None:
    # A square copied beside itself, and a corner of the copy pulled down past it: the truth makes the copy first
    # (its pixels: the square, shifted), then the pull (a wedge below it): two changes on different pixels.
    square = '<path d="M2 2 L10 2 L10 10 L2 10 Z" fill="#1f77b4"/>'
    pulled = '<path d="M2 2 L10 2 L10 10 L2 16 Z" fill="#1f77b4" transform="translate(10 0)"/>'
    found = judged(icon(square), icon(square, pulled))
    assert len(found) == 2 and any("copy" in x.description for x in found)
    assert any("point moved" in x.description and "copy" not in x.description for x in found)


def test_svg_group_recoloured_and_one_part_moved_onto_another_are_two_changes() -> None:
    # The icon's fill recoloured (both parts) and the small part shifted down onto the large one: the shift shows
    # only where the small part was (now canvas), no recoloured pixel, so the truth lists two changes; the
    # recolour, a group's, is no change of the moved part alone (it was read as one change).
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="{}">'
    square, other = '<path d="M4 2h6v6H4z"{}/>', '<path d="M0 12h24v12H0z"/>'
    ref = _raw_icon(head.format("#000000") + square.format("") + other + "</svg>")
    cand = _raw_icon(head.format("#ffd700") + square.format(' transform="translate(0 12)"') + other + "</svg>")
    found = judged(ref, cand)
    assert sorted(d.category for d in found) == ["structure_error", "style_error"], found


def test_svg_stroked_rect_resized_beside_an_element_gone_keeps_its_proportions() -> None:
    # feather/linkedin with its big path dropped and its post (a stroked rect) scaled by 0.395 about its centre:
    # the box holds the stroke, which the resize keeps, so the box scales 0.60 x 0.48 while the rect keeps its
    # proportions. Read from the box, the rect was "another shape" beside the element gone, and the icon piled up
    # an item for 67 % of its ink missing (3 items, 9, for 2, 5).
    path = '<path d="M16 8a6 6 0 0 1 6 6v7h-4v-7a2 2 0 0 0-2-2 2 2 0 0 0-2 2v7h-4v-7a6 6 0 0 1 6-6z"/>'
    dot = '<circle cx="4" cy="4" r="2"/>'
    ref = stroked(path, '<rect x="2" y="9" width="4" height="12"/>', dot)
    cand = stroked('<rect x="3.21" y="12.63" width="1.58" height="4.74"/>', dot)
    found = judged(ref, cand)
    assert len(found) == 2 and not any("empty" in d.description for d in found), found


def test_svg_sea_sent_over_the_land_and_recoloured_is_one_change() -> None:
    # twemoji's globe with its sea (the circle) drawn over its land and recoloured: the order change hides the
    # land, all of it inside the recoloured sea, so the truth lists one change (the order's pixels were not read,
    # and it stayed apart: 2 items, 4 for 2).
    sea, land = '<circle cx="18" cy="18" r="18" fill="{}"/>', '<path d="M8 8h14v12H8z" fill="#5c913b"/>'
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">'
    ref = _raw_icon(head + sea.format("#88c9f9") + land + "</svg>")
    cand = _raw_icon(head + land + sea.format("#5cb5f7") + "</svg>")
    found = judged(ref, cand)
    assert len(found) == 1, found


def test_svg_order_change_leads_the_changes_on_its_pixels_by_how_many_it_changes() -> None:
    # The sea sent over the land, and an island on the land mirrored: one change to the truth, led (both 2) by
    # the edit that changed the most pixels, the order change (the order change had no pixels and the mirror
    # led it: a text_symbol_error for a structure_error).
    sea, land = '<circle cx="18" cy="18" r="18" fill="#88c9f9"/>', '<path d="M6 6h20v16H6z" fill="#5c913b"/>'
    island = '<path d="M10 10h6l-6 5z" fill="#ffcc4d"{}/>'
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">'
    ref = _raw_icon(head + sea + land + island.format("") + "</svg>")
    flip = ' transform="translate(13 12.5) scale(-1 1) translate(-13 -12.5)"'
    cand = _raw_icon(head + land + sea + island.format(flip) + "</svg>")
    found = judged(ref, cand)
    assert [d.category for d in found] == ["structure_error"] and "stacking" in found[0].description.split(";")[0], (
        found
    )


def test_svg_order_change_and_a_resize_of_another_place_are_apart() -> None:
    # A small square sent below the large one it lay on, and also resized and moved mostly off it: the order
    # change shows where the square was (now hidden), the resize where it went; the truth, which merges by
    # the pixels, lists two changes. An order change is a change of the order, not of the element it moved:
    # it joins another change of that element only where their pixels overlap (it was one item, 3).
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">'
    big, small = '<path d="M2 2h20v20H2z" fill="#3b88c3"/>', '<path d="M8 8h6v6H8z" fill="#dd2e44"{}/>'
    ref = _raw_icon(head + big + small.format("") + "</svg>")
    cand = _raw_icon(
        head + small.format(' transform="translate(19 19) scale(1.6) translate(-11 -11)"') + big + "</svg>"
    )
    found = judged(ref, cand)
    assert len(found) == 2, found


def test_svg_point_moved_alone_is_graded_by_its_own_pixels_even_past_the_outline_estimate() -> None:
    # twemoji's house (s67r pair 86): the roof's left corner pulled out and up by 6 % of the canvas. Its own
    # pixels moved 11 % of the side (the wedge of roof gained, to the nearest roof pixel before; the truth's
    # measure), a detail (4 % of the ink): 2. The outline estimate from the vertices (6 %) capped it: 1.
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><path fill="#CCD6DD" d="M8 5h20v31H8z"/>'
    ref = _raw_icon(head + '<path fill="#66757F" d="M8 5l10-5 10 5z"/></svg>')
    cand = _raw_icon(head + '<path fill="#66757F" d="M6.9713 3.1007 L18 0 L28 5 Z"/></svg>')
    [found] = judged(ref, cand)
    assert "point" in found.description and found.severity == 2, found


# icons8-flat-color key's head: left-right symmetric but for its curves at one end (seed-109 split, pair 5).
_KEY_HEAD = (
    '<path fill="#FFA000" d="M38,7.8C37.5,6,36,4.7,34.3,4.2C31.9,3.7,28.2,3,24,3s-7.9,0.7-10.3,1.2C12,4.7,10.5,6,10,'
    "7.8 c-0.5,1.7-1,4.1-1,6.7c0,2.6,0.5,5,1,6.7c0.5,1.8,1.9,3.1,3.7,3.5C16.1,25.3,19.8,26,24,26s7.9-0.7,10.3-1.2 "
    "c1.8-0.4,3.2-1.8,3.7-3.5c0.5-1.7,1-4.1,1-6.7C39,11.9,38.5,9.5,38,7.8z M29,13H19c-1.1,0-2-0.9-2-2V9c0-0.6,3.1-1,"
    '7-1s7,0.4,7,1v2 C31,12.1,30.1,13,29,13z"{}/>'
)


def test_svg_near_symmetric_shape_mirrored_shows_where_it_differs() -> None:
    # 98 % of the head's outline lands within a pixel of itself mirrored, but its curves at one end do not: the
    # truth sees the mirror (1, a near-symmetric shape); it was dropped as a symmetric shape's.
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
    ref = _raw_icon(head + _KEY_HEAD.format("") + "</svg>")
    cand = _raw_icon(
        head + _KEY_HEAD.format(' transform="translate(24 14.5) scale(-1 1) translate(-24 -14.5)"') + "</svg>"
    )
    found = judged(ref, cand)
    assert [(d.category, d.severity) for d in found] == [("text_symbol_error", 1)], found


def test_svg_two_small_elements_gone_together_cost_what_they_hide() -> None:
    # A board (a rounded frame holding two bars; feather's trello) redrawn as the one-shape hack's square keeps
    # the frame, a little smaller, and drops both bars: a third of the icon's ink, in two parts of under a
    # quarter each. Gone together they are a severe loss: the hack scores below an honest candidate that
    # copies the frame aside scaled, recolours a bar's stroke and shrinks the frame (6 in severity).
    frame = '<rect x="3" y="3" width="18" height="18" rx="2" ry="2"/>'
    bars = '<rect x="7" y="7" width="3" height="9"/>', '<rect x="14" y="7" width="3" height="5"/>'
    ref = stroked(frame, *bars)
    square = hack_sources(Task.SVG, ref.source, ["one shape"])["one shape"]
    hack = judged(ref, stroked(square[len(STROKED) : -len("</svg>")]))
    gone = [d for d in hack if "is missing" in d.description]
    assert len(gone) == 2 and max(d.severity for d in gone) == 3, [(d.severity, d.description) for d in hack]
    assert sum(d.severity for d in hack) > 6, [(d.severity, d.description) for d in hack]


def test_svg_a_frame_left_alone_loses_the_icon_it_held() -> None:
    # A chevron in a rounded square (lucide's square-chevron-left, seed-181 SVG): the one-shape hack's square
    # redraws the frame a little smaller and drops the chevron, a fifth of the ink: 2 + 2 tied an honest
    # candidate that copies the chevron aside and mirrors it (2 + 2). All the frame held is gone: the
    # icon's content, severe. One element of several dropped inside a frame that keeps others stays graded
    # by its ink.
    frame, chevron = '<rect width="18" height="18" x="3" y="3" rx="2"/>', '<path d="m14 16-4-4 4-4"/>'
    ref = stroked(frame, chevron)
    square = hack_sources(Task.SVG, ref.source, ["one shape"])["one shape"]
    hack = judged(ref, stroked(square[len(STROKED) : -len("</svg>")]))
    [gone] = [d for d in hack if "is missing" in d.description]
    assert gone.severity == 3, [(d.severity, d.description) for d in hack]
    mirror = ' transform="translate(12 12) scale(-1 1) translate(-12 -12)"'
    honest = judged(ref, stroked(frame, chevron.replace("/>", mirror + "/>"), chevron.replace("m14", "m17")))
    assert sum(d.severity for d in hack) > sum(d.severity for d in honest), (hack, honest)
    dot = '<circle cx="8" cy="8" r="1"/>'
    [kept_dot] = [d for d in judged(stroked(frame, chevron, dot), stroked(frame, dot)) if "missing" in d.description]
    assert kept_dot.severity == 2
