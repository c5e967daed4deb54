"""Table markup: Markdown/HTML -> sanitized page and cell grid (no browser)."""

from __future__ import annotations

import pytest

from verm.errors import BrowserNotFoundError
from verm.render.table import (
    CSP,
    TableRejected,
    detect_table_lang,
    find_chromium,
    table_scene,
    table_to_html_page,
)
from verm.render.table.markup import _parse

MD = "| Name | Score |\n|---|--:|\n| **Ann** | 12 |\n| Bob <script>alert(1)</script> | 7 |\n"


def grid(scene: dict) -> list[tuple]:
    return [(c["row"], c["col"], c["rowspan"], c["colspan"], c["text"]) for c in scene["cells"]]


def test_detect_lang() -> None:
    assert detect_table_lang(MD) == "markdown"
    assert detect_table_lang("<table><tr><td>1</td></tr></table>") == "html"
    assert detect_table_lang("  <TABLE border=1><tr><td>1</td></tr></TABLE>") == "html"
    assert detect_table_lang("a | b\n--|--\n1 | 2") == "markdown"


def test_markdown_page_has_paper_css_csp_and_escaped_html() -> None:
    page = table_to_html_page(MD)
    assert f'content="{CSP}"' in page
    assert "border-collapse: collapse" in page and "font-size: 14px" in page and "padding: 6px 10px" in page
    assert "<th" in page and "<strong>Ann</strong>" in page
    assert 'style="text-align:right"' in page
    # Raw HTML in Markdown is text, never markup.
    assert "<script" not in page and "&lt;script&gt;" in page
    assert not page.lstrip().lower().startswith("<!doctype")  # quirks mode, as the reference renders


def test_sanitizer_removes_active_and_external_content() -> None:
    src = """<html><head><link rel="stylesheet" href="file:///etc/passwd"><base href="http://evil.example/">
    <meta http-equiv="refresh" content="0;url=http://evil.example/"><script>alert(1)</script>
    <style>@import url(http://evil.example/a.css); td { background: url(http://evil.example/bg.png); color: red }</style>
    </head><body><p>outside the table</p>
    <table background="http://evil.example/t.png" onload="x()">
      <tr><td onclick="steal()" style="background-image:url('http://evil.example/c.png')">a<script>b()</script></td>
          <td><a href="javascript:alert(1)">link</a> <img src="http://evil.example/i.png" onerror="x()"></td>
          <td><iframe src="file:///etc/passwd"></iframe><object data="http://evil.example/o"></object>ok</td>
          <td><svg><image href="http://evil.example/s.png"/></svg><embed src="http://evil.example/e">
              <form action="http://evil.example/f"><input value="x"><button>btn</button></form></td></tr>
    </table></body></html>"""
    page = table_to_html_page(src)
    low = page.lower()
    for bad in ("<script", "onclick", "onload", "onerror", "evil.example", "file://", "javascript:", "<iframe", "<img",
                "<object", "<embed", "<link", "<base", "<svg", "<form", "<input", "@import", "outside the table"):  # fmt: skip
        assert bad not in low, bad
    assert "color: red" in page  # inline CSS without external references is kept
    assert ">link</a>" in page and "btn" in page and "ok" in page
    scene = table_scene(src)
    assert [c["text"] for c in scene["cells"]] == ["a", "link", "ok", "btn"]


def test_grid_simple_markdown() -> None:
    scene = table_scene(MD)
    assert (scene["rows"], scene["cols"], scene["header_rows"], scene["tables"]) == (3, 2, 1, 1)
    assert grid(scene) == [
        (0, 0, 1, 1, "Name"),
        (0, 1, 1, 1, "Score"),
        (1, 0, 1, 1, "Ann"),
        (1, 1, 1, 1, "12"),
        (2, 0, 1, 1, "Bob <script>alert(1)</script>"),
        (2, 1, 1, 1, "7"),
    ]
    assert [c["header"] for c in scene["cells"]] == [True, True, False, False, False, False]


def test_grid_colspan_and_rowspan() -> None:
    src = """<table>
      <tr><th rowspan="2" colspan="2">A</th><th>B</th></tr>
      <tr><th>C</th></tr>
      <tr><td>D</td><td>E</td><td>F</td></tr>
      <tr><td colspan="3">G</td></tr>
    </table>"""
    scene = table_scene(src)
    assert (scene["rows"], scene["cols"], scene["header_rows"]) == (4, 3, 2)
    assert grid(scene) == [
        (0, 0, 2, 2, "A"),
        (0, 2, 1, 1, "B"),
        (1, 2, 1, 1, "C"),
        (2, 0, 1, 1, "D"),
        (2, 1, 1, 1, "E"),
        (2, 2, 1, 1, "F"),
        (3, 0, 1, 3, "G"),
    ]


def test_grid_rowspan_in_the_middle_pushes_cells_right() -> None:
    src = """<table>
      <tr><td>a</td><td rowspan="3">b</td><td>c</td></tr>
      <tr><td>d</td><td>e</td></tr>
      <tr><td>f</td><td>g</td><td>h</td></tr>
    </table>"""
    scene = table_scene(src)
    assert (scene["rows"], scene["cols"]) == (3, 4)
    assert grid(scene) == [
        (0, 0, 1, 1, "a"),
        (0, 1, 3, 1, "b"),
        (0, 2, 1, 1, "c"),
        (1, 0, 1, 1, "d"),
        (1, 2, 1, 1, "e"),
        (2, 0, 1, 1, "f"),
        (2, 2, 1, 1, "g"),
        (2, 3, 1, 1, "h"),
    ]


def test_grid_rowspan_clipped_to_row_group_and_rowspan_zero() -> None:
    src = """<table>
      <thead><tr><th rowspan="5">H</th><th>x</th></tr><tr><th>y</th></tr></thead>
      <tbody><tr><td rowspan="0">z</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>
    </table>"""
    scene = table_scene(src)
    assert scene["header_rows"] == 2
    assert grid(scene) == [
        (0, 0, 2, 1, "H"),  # clipped to the end of <thead>
        (0, 1, 1, 1, "x"),
        (1, 1, 1, 1, "y"),
        (2, 0, 3, 1, "z"),  # rowspan="0": to the end of <tbody>
        (2, 1, 1, 1, "1"),
        (3, 1, 1, 1, "2"),
        (4, 1, 1, 1, "3"),
    ]


def test_grid_thead_first_tfoot_last_and_nested_tables_ignored() -> None:
    src = """<table>
      <tfoot><tr><td>foot</td></tr></tfoot>
      <tbody><tr><td>body <table><tr><td>inner</td><td>inner2</td></tr></table></td></tr></tbody>
      <thead><tr><th>head</th></tr></thead>
    </table>"""
    scene = table_scene(src)
    assert [(c["row"], c["text"]) for c in scene["cells"]] == [(0, "head"), (1, "body inner inner2"), (2, "foot")]
    assert (scene["rows"], scene["cols"]) == (3, 1)


def test_grid_bare_cells_and_foster_content() -> None:
    scene = table_scene("<table>stray text<div>stray div</div><td>a</td><td>b</td></table>")
    assert grid(scene) == [(0, 0, 1, 1, "a"), (0, 1, 1, 1, "b")]
    assert "stray" not in table_to_html_page("<table>stray text<div>stray div</div><td>a</td></table>")


def test_markdown_and_html_versions_have_the_same_grid() -> None:
    html = (
        "<table><thead><tr><th>Name</th><th>Score</th></tr></thead><tbody>"
        "<tr><td><b>Ann</b></td><td>12</td></tr><tr><td>Bob &lt;script&gt;alert(1)&lt;/script&gt;</td><td>7</td></tr>"
        "</tbody></table>"
    )
    assert table_scene(html) == table_scene(MD)


def test_cell_text_breaks_become_spaces() -> None:
    scene = table_scene("<table><tr><td>one<br>two</td><td><p>three</p><p>four</p></td></tr></table>")
    assert [c["text"] for c in scene["cells"]] == ["one two", "three four"]


def test_too_many_cells_is_refused_with_reason() -> None:
    big = "| n |\n|---|\n" + "".join(f"| {i} |\n" for i in range(100_000))
    with pytest.raises(TableRejected) as info:
        table_scene(big)
    msg = str(info.value)
    assert "100,001 rows" in msg and "limit of 20,000" in msg
    with pytest.raises(TableRejected, match="limit of 3"):
        table_scene("<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>", max_cells=3)


def test_huge_spans_are_refused_not_expanded() -> None:
    rows = "".join('<tr><td colspan="1000" rowspan="65534">x</td></tr>' for _ in range(200))
    with pytest.raises(TableRejected, match="grid slots"):
        _parse(f"<table>{rows}</table>", max_cells=1000)


def test_source_size_limit_and_empty_and_no_table() -> None:
    with pytest.raises(TableRejected, match="bytes, more than the limit"):
        _parse("<table>" + "x" * 5000 + "</table>", max_source_bytes=1000)
    with pytest.raises(TableRejected, match="empty"):
        _parse("   \n")
    with pytest.raises(TableRejected, match="no table found"):
        _parse("just a sentence, no table")
    with pytest.raises(TableRejected, match="no table found in the html"):
        _parse("<div>not a table</div>")


def test_find_chromium_bogus_path_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(BrowserNotFoundError, match="apt-get install chromium"):
        find_chromium("/nonexistent/bin/chromium")
    monkeypatch.setenv("VERM_CHROMIUM", "/nonexistent/chrome")
    with pytest.raises(BrowserNotFoundError, match="VERM_CHROMIUM"):
        find_chromium()
    monkeypatch.delenv("VERM_CHROMIUM")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(BrowserNotFoundError) as info:
        find_chromium()
    assert "apt-get install chromium" in str(info.value) and "VERM_CHROMIUM" in str(info.value)
