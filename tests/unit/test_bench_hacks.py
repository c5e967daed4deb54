"""The hack generators of `verm.bench.hacks` (scored in tests/integration/test_judge_hacks.py)."""

from __future__ import annotations

import ast

import pytest

from verm.bench.hacks import HACK_KINDS, as_completion, hack_sources
from verm.corpus import gallery_programs
from verm.errors import InputError
from verm.extract import extract_code
from verm.types import Task

TABLE = "| Region | Sales |\n|---|---:|\n| North | 12 |\n| South | 7 |\n"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="currentColor"><title>x</title><path d="M1 1L9 9"/></svg>'


def test_every_chart_hack_runs_the_reference_then_changes_its_figure():
    ref = gallery_programs("dev")[0].code
    hacks = hack_sources(Task.CHART, ref)
    assert list(hacks) == list(HACK_KINDS[Task.CHART])
    for kind, code in hacks.items():
        ast.parse(code)  # well-formed Python
        assert code.startswith(ref.rstrip()), kind
        assert extract_code(as_completion(Task.CHART, code), Task.CHART).code.strip() == code.strip()


def test_table_and_svg_hacks_keep_the_reference_frame():
    table = hack_sources(Task.TABLE, TABLE)
    assert "<th>Region</th>" in table["axes without data"] and "North" not in table["axes without data"]
    assert "North" in table["text only"] and "border:0" in table["text only"]
    svg = hack_sources(Task.SVG, SVG)
    assert all(h.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"') for h in svg.values())
    assert "<path" not in svg["one shape"] and svg["one shape"].count("<rect") == 1
    assert as_completion(Task.SVG, svg["blank canvas"]) == svg["blank canvas"]


HTML_TABLE = (
    '<table border="1"><thead><tr><th>Region</th><th>A &amp; B</th></tr></thead>\n'
    "<tbody>\n<tr><td>North</td><td>12</td></tr>\n<tr><td colspan=\"2\">South</td></tr>\n</tbody></table>"
)


def test_table_hacks_of_an_html_reference_are_built_from_its_cells():
    # Read as the renderer reads it: three rows of cells, not its source lines split on "|".
    table = hack_sources(Task.TABLE, HTML_TABLE)
    text_only = table["text only"]
    assert text_only.count("<tr>") == 3 and "<th" in text_only and "border:0" in text_only
    assert "A &amp; B" in text_only and "<td" not in text_only.split("</thead>")[0]
    for cell in ("North", "12", "South"):
        assert f'border:0">{cell}</td>' in text_only
    assert table["only the title"].count("<tr>") == 1
    assert "North" not in table["axes without data"] and table["axes without data"].count("<tr>") == 3


def test_kinds_are_chosen_and_checked():
    assert list(hack_sources(Task.SVG, SVG, ["one shape"])) == ["one shape"]
    with pytest.raises(InputError, match="unknown svg hack kinds"):
        hack_sources(Task.SVG, SVG, ["axes without data"])
    with pytest.raises(InputError, match="no <svg> tag"):
        hack_sources(Task.SVG, "<g/>")
