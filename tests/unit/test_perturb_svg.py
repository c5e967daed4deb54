"""SVG perturbations on the lxml tree (no rendering)."""

from __future__ import annotations

import random

import pytest
from lxml import etree
from tests.corpora import CORPORA

from verm.perturb import perturb
from verm.perturb.svg import SvgPerturber, format_path, parse_path
from verm.render.svg import prepare_svg
from verm.types import CATEGORIES, Task

P = SvgPerturber()

INLINE = """<?xml version="1.0" encoding="UTF-8"?>
<!-- a badge -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">
  <defs><path id="star" d="M50 10 L61 40 L92 40 L67 58 L76 90 L50 70 L24 90 L33 58 L8 40 L39 40 Z"/>
        <circle id="dot" cx="50" cy="50" r="10"/></defs>
  <rect x="5" y="5" width="90" height="90" rx="8" style="fill:#ffcc00;stroke:#333333;stroke-width:2"/>
  <circle cx="50" cy="45" r="30" fill="steelblue"/>
  <use xlink:href="#star" fill="white"/>
  <g fill="currentColor" color="#aa0000"><polygon points="10,90 30,70 50,90"/></g>
  <text x="50" y="96" font-size="8" text-anchor="middle">Top <tspan font-weight="bold">2024</tspan></text>
</svg>
"""


def _sources() -> list[str]:
    out = [INLINE]
    d = CORPORA / "svg"
    if d.is_dir():
        for sub in sorted(d.iterdir()):
            out += [p.read_text() for p in sorted(sub.glob("*.svg"))[:6]]
    return out


@pytest.mark.parametrize("op", P.ops())
def test_each_op(op: str) -> None:
    applied = 0
    for i, src in enumerate(_sources()):
        out = P.propose(src, random.Random(i), op)
        if out is None:
            continue
        new, edit = out
        assert new != src
        etree.fromstring(new.split("-->", 1)[-1].strip().encode() if new.lstrip().startswith("<!--") else new.encode())
        prepare_svg(new)  # the renderer's host-side checks accept it
        assert edit.category in CATEGORIES[Task.SVG]
        assert 1 <= edit.severity <= 3
        assert P.apply(src, edit) == new
        applied += 1
    assert applied >= 1


def test_prolog_is_kept() -> None:
    new, _ = P.propose(INLINE, random.Random(0), "fill_color")  # type: ignore[misc]
    assert new.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!-- a badge -->\n<svg')


def test_text_and_symbol() -> None:
    new, e = P.propose(INLINE, random.Random(0), "text_change")  # type: ignore[misc]
    assert e.category == "text_symbol_error" and ("Top" not in new or "2024" not in new)
    seen = set()
    for seed in range(20):
        new, e = P.propose(INLINE, random.Random(seed), "symbol_change")  # type: ignore[misc]
        seen.add(e.params.get("href") is not None)
    assert seen == {True, False}  # both a <use> switch and a mirrored shape


def test_colour_handles_style_named_and_current_color() -> None:
    kinds = set()
    for seed in range(40):
        _new, e = P.propose(INLINE, random.Random(seed), "fill_color")  # type: ignore[misc]
        kinds.add(e.description.split(" instead of ")[-1])
        assert e.category == "style_error"
    assert {"#ffcc00", "steelblue", "currentColor"} <= kinds


def test_severity_rules() -> None:
    for seed in range(30):
        _, e = P.propose(INLINE, random.Random(seed), "shape_size")  # type: ignore[misc]
        d = abs(e.params["factor"] - 1)
        assert e.severity == (1 if d <= 0.12 else 2 if d <= 0.5 else 3)
        _, t = P.propose(INLINE, random.Random(seed), "transform")  # type: ignore[misc]
        assert (t.category, t.severity) == ("shape_error", 1) if t.params["small"] else t.category == "structure_error"
    _, e = P.propose(INLINE, random.Random(0), "element_drop")  # type: ignore[misc]
    assert e.category == "structure_error"


def test_path_round_trip() -> None:
    d = "M16 8A8 8 0 1 1 0 8a8 8 0 0 1 16 0M7.5 5c-.9 1.4-1.8 2.8-2.5 4.3v1.1H8.85V12h1.26zm1 1l2-2 3 0a1 1 0 011 1z"
    segs = parse_path(d)
    assert [c for c, _ in segs][:3] == ["M", "A", "A"]
    assert parse_path(format_path(segs)) == segs or all(
        abs(a - b) < 1e-3
        for (_, u), (_, v) in zip(parse_path(format_path(segs)), segs, strict=True)
        for a, b in zip(u, v, strict=True)
    )
    with pytest.raises(ValueError):
        parse_path("L 1 2")


def test_not_applicable() -> None:
    plain = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
    assert P.propose(plain, random.Random(0), "text_change") is None
    assert P.propose(plain, random.Random(0), "stacking_order") is None
    assert P.propose("<html/>", random.Random(0), "fill_color") is None


def test_perturb_is_deterministic() -> None:
    a = perturb("svg", INLINE, random.Random(4), n_edits=4)
    b = perturb("svg", INLINE, random.Random(4), n_edits=4)
    assert a.source == b.source and a.edits == b.edits and len(a.edits) == 4
    prepare_svg(a.source)
