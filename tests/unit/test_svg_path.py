"""SVG path data and transforms read as geometry (verm.svg_path), and the renderer's scene boxes built on them."""

from __future__ import annotations

import io
import math

import numpy as np
import pytest
from PIL import Image

from verm.render.svg import SvgOptions, prepare_svg, render_svg_png, svg_scene
from verm.svg_path import apply, parse_transform, path_commands, path_outline, path_vertices


def _close(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return math.dist(p, q) < 1e-9


def test_arc_flags_written_without_separators_are_one_character_each() -> None:
    # As minifiers write it: "a2 2 0 011 1" is rx 2, ry 2, rotation 0, large 0, sweep 1, end (1, 1).
    assert list(path_commands("M0 0a2 2 0 011 1")) == [("M", [0.0, 0.0]), ("a", [2.0, 2.0, 0.0, 0.0, 1.0, 1.0, 1.0])]
    assert path_vertices("M0 0a2 2 0 011 1") == path_vertices("M0 0 a2 2 0 0 1 1 1") == [(0.0, 0.0), (1.0, 1.0)]
    assert path_vertices("M0 0a2 2 0 00.5.5") == [(0.0, 0.0), (0.5, 0.5)]


def test_a_path_is_read_up_to_its_first_error() -> None:
    assert path_vertices("M0 0 L10 0 # L10 10") == [(0.0, 0.0), (10.0, 0.0)]
    assert path_vertices("M0 0 L10") == [(0.0, 0.0)]
    assert path_vertices("M0 0a2 2 0 2 1 1 1") == [(0.0, 0.0)]  # a flag is 0 or 1
    assert path_vertices("junk") == []


def test_moveto_repeats_are_linetos_and_relative_commands_resolve() -> None:
    assert list(path_commands("m1 1 2 2")) == [("m", [1.0, 1.0]), ("l", [2.0, 2.0])]
    assert path_vertices("m1 1 2 2h3v-1z") == [(1.0, 1.0), (3.0, 3.0), (6.0, 3.0), (6.0, 2.0)]


def test_smooth_curve_mirrors_the_previous_control_point() -> None:
    # C ends with control (10, 10) at (10, 0); S's first control is its mirror (10, -10): the S arch bulges up.
    outline = path_outline("M0 0 C0 10 10 10 10 0 S20 -10 20 0", per_curve=4)
    second = outline[4:]
    assert min(y for _, y in second) < -5
    assert _close(outline[-1], (20.0, 0.0))


def test_arc_outline_ends_at_its_end_point_and_bulges_by_its_sweep() -> None:
    up = path_outline("M0 0 A5 5 0 0 1 10 0", per_curve=8)
    down = path_outline("M0 0 A5 5 0 0 0 10 0", per_curve=8)
    assert _close(up[-1], (10.0, 0.0)) and _close(down[-1], (10.0, 0.0))
    assert min(y for _, y in up) == pytest.approx(-5.0) and max(y for _, y in down) == pytest.approx(5.0)


def test_rotate_turns_about_the_centre_it_names() -> None:
    m = parse_transform("rotate(90 10 10)")
    assert m is not None
    x, y = apply(m, 20, 10)
    assert (x, y) == pytest.approx((10.0, 20.0))
    x, y = apply(parse_transform("translate(5,0) scale(2)") or (0, 0, 0, 0, 0, 0), 1, 1)
    assert (x, y) == pytest.approx((7.0, 2.0))


def test_malformed_transform_does_not_parse() -> None:
    assert parse_transform("rotate(45 1)") is None  # rotate takes one or three numbers
    assert parse_transform("translate(1 x 2)") is None
    assert parse_transform("translate(10) foo(3)") is None  # resvg then ignores the whole attribute
    assert parse_transform("") == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _box(svg: str) -> list[float]:
    elements = svg_scene(prepare_svg(svg), (100, 100))["elements"]
    return elements[0]["bbox"]


def test_scene_box_of_a_minified_arc_path_is_the_spaced_paths_box() -> None:
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20">'
    minified = _box(head + '<path d="M5 10a5 5 0 0010 0z"/></svg>')
    spaced = _box(head + '<path d="M5 10 a5 5 0 0 0 10 0 z"/></svg>')
    assert minified == spaced
    assert minified[3] == pytest.approx(0.75, abs=0.01)  # the half disc reaches y = 15 of 20


def test_scene_ignores_a_transform_attribute_that_does_not_parse() -> None:
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20">'
    plain = _box(head + '<rect x="2" y="2" width="4" height="4"/></svg>')
    broken = _box(head + '<rect x="2" y="2" width="4" height="4" transform="translate(10) rotate(1 2)"/></svg>')
    turned = _box(head + '<rect x="2" y="2" width="4" height="4" transform="rotate(180 10 10)"/></svg>')
    assert broken == plain  # as resvg draws it: the whole attribute is ignored
    png = render_svg_png(
        prepare_svg(head + '<rect x="2" y="2" width="4" height="4" transform="translate(10) foo(3)"/></svg>'),
        SvgOptions(width=100, height=100),
    )
    xs = np.nonzero(np.asarray(Image.open(io.BytesIO(png)).convert("L")) < 128)[1]
    assert (xs.min(), xs.max() + 1) == (10, 30)  # drawn at x 2..6 of 20, untranslated
    assert turned == pytest.approx([0.7, 0.7, 0.9, 0.9])
