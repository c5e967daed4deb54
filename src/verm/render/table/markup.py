"""Table markup: Markdown or HTML -> the sanitized page verm screenshots, and the cell grid (the table's scene).

Layers 1 and 2 of the renderer's containment (see ``verm.render.table``): an allowlist of table and inline
tags and attributes over lxml's parse (Markdown goes through markdown-it with raw HTML escaped), CSS without
``url()``/``@import``, and a strict Content-Security-Policy in the page. Sizes are refused here, before any
browser sees the page.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any, Literal

from verm.errors import InputError

TableLang = Literal["html", "markdown"]


#: The paper's table style (Visual-ERM render_tools/chrome_render_table.py).
PAPER_CSS = """body {
    background: white;
    margin: 20px;
}
table {
    border-collapse: collapse;
    font-family: Arial, sans-serif;
    font-size: 14px;
}
td, th {
    border: 1px solid #333;
    padding: 6px 10px;
}"""

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; base-uri 'none'; form-action 'none'"
)


_TABLE_TAGS = {"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"}
_INLINE_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var", "wbr",
    # block containers that appear inside cells; harmless once attributes are filtered
    "p", "div", "ul", "ol", "li", "dl", "dt", "dd", "pre", "blockquote", "hr", "center", "nobr",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
#: Removed with everything inside: active content, external resources, and document-level elements.
_REMOVE_TAGS = {
    "script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "link", "meta",
    "base", "img", "image", "picture", "video", "audio", "source", "track", "canvas", "svg", "math", "template",
    "input", "select", "textarea", "option", "datalist", "portal", "fencedframe", "title", "style", "head", "map",
    "area", "dialog", "slot",
}  # fmt: skip
#: Void in HTML5 but not all known to libxml2, which may nest the following content inside them: remove the
#: element and keep what it swallowed (a void element has no content of its own).
_VOID_TAGS = {"embed", "img", "image", "input", "link", "meta", "base", "param", "source", "track", "area", "keygen"}
_ALLOWED_ATTRS = {
    "colspan", "rowspan", "style", "align", "valign", "width", "height", "bgcolor", "color", "face", "size",
    "span", "scope", "abbr", "class", "id", "dir", "lang", "nowrap", "border", "cellpadding", "cellspacing",
    "start", "type", "value", "reversed", "char", "charoff", "frame", "rules",
}  # fmt: skip
_SECTION_TAGS = {"thead", "tbody", "tfoot"}
_CELL_TAGS = {"td", "th"}
_BLOCKISH = {
    "br",
    "td",
    "th",
    "caption",
    "p",
    "div",
    "li",
    "tr",
    "dt",
    "dd",
    "pre",
    "blockquote",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}

# CSS that could fetch something or run something: url() other than data:, @import, old IE expression().
_CSS_URL = re.compile(r"url\s*\(\s*(?!['\"]?\s*data:)[^)]*\)", re.IGNORECASE)
_CSS_IMAGE_SET = re.compile(r"(?:-webkit-)?image-set\s*\(", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import[^;]*;?", re.IGNORECASE)
_CSS_BAD = re.compile(r"expression\s*\(|behavior\s*:|-moz-binding|javascript:", re.IGNORECASE)
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$", re.MULTILINE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

#: The attribute that ties each cell of the scene to its element in the browser.
CELL_ATTR = "data-verm-cell"


class TableRejected(InputError):
    """A table source verm refuses to render (empty, no table, too large); the message says why and the limit."""


def detect_table_lang(source: str) -> TableLang:
    """``"html"`` when the source has a ``<table>`` (or is plainly markup), else ``"markdown"``."""
    if re.search(r"<\s*table\b", source, re.IGNORECASE):
        return "html"
    if _MD_TABLE_RULE.search(source):
        return "markdown"
    stripped = source.strip()
    if stripped.startswith("<") and stripped.endswith(">"):
        return "html"
    return "markdown"


def _normalize_lang(source: str, lang: str | None) -> TableLang:
    if lang is None:
        return detect_table_lang(source)
    low = lang.strip().lower()
    if low in ("html", "htm", "xhtml"):
        return "html"
    if low in ("markdown", "md", "gfm"):
        return "markdown"
    raise TableRejected(f"unknown table language {lang!r}; expected 'html' or 'markdown'")


def markdown_to_html(source: str) -> str:
    """GitHub-flavoured Markdown tables to HTML; raw HTML in the Markdown is escaped, not rendered."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    return md.render(source)


def _clean_css(css: str) -> str:
    css = _CSS_IMPORT.sub("", css)
    css = _CSS_URL.sub("none", css)
    css = _CSS_IMAGE_SET.sub("(", css)
    css = _CSS_BAD.sub("", css)
    # "</style" inside a style element would end it early; the page template relies on it staying inside
    return re.sub(r"<\s*/?\s*style", "", css, flags=re.IGNORECASE)


def _span(value: str | None, default: int, low: int, high: int) -> int:
    """An HTML span attribute as browsers read it: leading digits, clamped (colspan 1..1000, rowspan 0..65534)."""
    m = re.match(r"\s*\+?(\d+)", value or "")
    if not m:
        return default
    return max(low, min(high, int(m.group(1))))


def _cell_text(cell: Any) -> str:
    if cell.find(".//br") is not None or any(el.tag in _BLOCKISH for el in cell.iterdescendants()):
        cell = copy.deepcopy(cell)
        for el in cell.iterdescendants():
            if el.tag in _BLOCKISH:
                el.tail = " " + (el.tail or "")
    return " ".join(cell.text_content().split())


@dataclass
class _Parsed:
    """A source turned into a page, plus its scene (grid of the first table)."""

    lang: TableLang
    page: str
    scene: dict[str, Any]
    n_cells: int


def _rows_of(table: Any) -> list[tuple[Any, int, bool]]:
    """The table's own rows in rendering order (thead first, tfoot last): (tr, row-group id, in thead)."""
    head: list[tuple[Any, int, bool]] = []
    body: list[tuple[Any, int, bool]] = []
    foot: list[tuple[Any, int, bool]] = []
    group = 0
    loose_group: int | None = None  # consecutive <tr> directly in <table> form one implied <tbody>
    for child in table:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "tr":
            if loose_group is None:
                group += 1
                loose_group = group
            body.append((child, loose_group, False))
            continue
        loose_group = None
        if tag in _SECTION_TAGS:
            group += 1
            rows = [(tr, group, tag == "thead") for tr in child if tr.tag == "tr"]
            {"thead": head, "tbody": body, "tfoot": foot}[tag].extend(rows)
    return head + body + foot


def _grid(table: Any, max_cells: int, stamp: bool) -> dict[str, Any]:
    """Span-aware grid walk (HTML table model): rowspan occupancy, rowspan clipped to its row group."""
    rows = _rows_of(table)
    n_rows = len(rows)
    if n_rows > max_cells:
        raise TableRejected(
            f"table has {n_rows:,} rows, more than the limit of {max_cells:,} cells; refusing to render"
        )
    # Where each row group ends, for rowspan="0" and for clipping.
    group_end: dict[int, int] = {}
    for i, (_, g, _) in enumerate(rows):
        group_end[g] = i + 1
    occupied: list[set[int]] = [set() for _ in range(n_rows)]
    max_slots = max(10 * max_cells, 100_000)
    slots = 0
    cells: list[dict[str, Any]] = []
    n_cols = 0
    for r, (tr, g, in_head) in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in _CELL_TAGS:
                continue
            while c in occupied[r]:
                c += 1
            colspan = _span(cell.get("colspan"), 1, 1, 1000)
            rowspan = _span(cell.get("rowspan"), 1, 0, 65534)
            end = group_end[g]
            rowspan = end - r if rowspan == 0 else min(rowspan, end - r)
            slots += rowspan * colspan
            if slots > max_slots:
                raise TableRejected(
                    f"table spans more than {max_slots:,} grid slots (rows x columns counting rowspan/colspan), "
                    f"more than 10x the limit of {max_cells:,} cells; refusing to render"
                )
            for dr in range(rowspan):
                occupied[r + dr].update(range(c, c + colspan))
            if stamp:
                cell.set(CELL_ATTR, str(len(cells)))
            cells.append(
                {
                    "row": r,
                    "col": c,
                    "rowspan": rowspan,
                    "colspan": colspan,
                    "text": _cell_text(cell),
                    "header": cell.tag == "th" or in_head,
                }
            )
            c += colspan
            n_cols = max(n_cols, c)
        if occupied[r]:
            n_cols = max(n_cols, max(occupied[r]) + 1)
    # Header rows: the <thead> rows, else the leading rows made only of <th> cells.
    header_rows = sum(1 for _, _, in_head in rows if in_head)
    if header_rows == 0:
        by_row: dict[int, list[bool]] = {}
        for cell in cells:
            by_row.setdefault(cell["row"], []).append(cell["header"])
        while header_rows < n_rows and by_row.get(header_rows) and all(by_row[header_rows]):
            header_rows += 1
    return {"rows": n_rows, "cols": n_cols, "cells": cells, "header_rows": header_rows}


def _sanitize_tree(root: Any) -> None:
    """Allowlist the subtree in place: drop active/external content, unwrap unknown tags, filter attributes."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.getparent() is not None:
                el.drop_tree()
            continue
        tag = el.tag.lower()
        if el is not root and el.getparent() is None:
            continue  # already dropped with an ancestor
        if tag in _VOID_TAGS:
            el.drop_tag()
            continue
        if tag in _REMOVE_TAGS:
            el.drop_tree()
            continue
        if el is not root and tag not in _TABLE_TAGS and tag not in _INLINE_TAGS:
            el.drop_tag()  # unknown or unwanted wrapper (form, button, label, ...): keep its text
            continue
        for name in list(el.attrib):
            low = name.lower()
            if low not in _ALLOWED_ATTRS:
                del el.attrib[name]
            elif low == "style":
                el.set(name, _clean_css(el.get(name, "")))
        if tag == "a":
            el.attrib.pop("href", None)


def _drop_misplaced(root: Any) -> None:
    """Remove what a browser would foster-parent out of the table (text or non-table elements directly in
    ``<table>``/sections/``<tr>``): it is not part of the table, and the grid here must match Chromium's DOM."""
    for el in list(root.iter("table", "thead", "tbody", "tfoot", "tr")):
        if el.tag == "tr":
            allowed = _CELL_TAGS
        elif el.tag == "table":
            allowed = {"caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr"}
        else:
            allowed = {"tr"}
        if el.text and el.text.strip():
            el.text = None
        for child in list(el):
            if child.tail and child.tail.strip():
                child.tail = None
            if child.tag not in allowed:
                child.drop_tree()


def _wrap_bare_cells(root: Any) -> None:
    """Put consecutive bare ``<td>``/``<th>`` children of a table or section into one implied ``<tr>``."""
    from lxml import etree

    for parent in list(root.iter("table", "thead", "tbody", "tfoot")):
        row = None
        for child in list(parent):
            if child.tag in _CELL_TAGS:
                if row is None:
                    row = etree.Element("tr")
                    child.addprevious(row)
                row.append(child)
            else:
                row = None


def _parse(source: str, lang: str | None = None, max_cells: int = 20_000, max_source_bytes: int = 2_000_000) -> _Parsed:
    """Source -> sanitized page + scene, or ``TableRejected`` with the reason."""
    import lxml.html

    if not isinstance(source, str):
        raise TableRejected(f"table source must be text, got {type(source).__name__}")
    size = len(source.encode("utf-8", "replace"))
    if size > max_source_bytes:
        raise TableRejected(f"table source is {size:,} bytes, more than the limit of {max_source_bytes:,} bytes")
    if not source.strip():
        raise TableRejected("table source is empty")
    tlang = _normalize_lang(source, lang)
    if tlang == "markdown":
        # Every table row is at least one cell; counting lines first keeps a huge table out of markdown-it
        # (100,000 rows take it seconds).
        rows = sum(1 for line in source.splitlines() if "|" in line and not _MD_TABLE_RULE.fullmatch(line))
        if rows > max_cells:
            raise TableRejected(
                f"Markdown table has {rows:,} rows, more than the limit of {max_cells:,} cells; refusing to render "
                f"(raise max_cells to allow bigger tables)"
            )
    html = markdown_to_html(source) if tlang == "markdown" else source
    html = _CONTROL.sub("", _XML_DECL.sub("", html))
    if not html.strip():
        raise TableRejected("table source is empty")
    try:
        doc = lxml.html.document_fromstring(html)
    except Exception as exc:  # lxml raises ParserError / ValueError / XMLSyntaxError on junk
        raise TableRejected(f"cannot parse the {tlang} source: {exc}") from None
    n_cells = sum(1 for _ in doc.iter("td", "th"))
    if n_cells > max_cells:
        raise TableRejected(
            f"table has {n_cells:,} cells, more than the limit of {max_cells:,}; refusing to render "
            f"(raise max_cells to allow bigger tables)"
        )
    tables = [t for t in doc.iter("table") if not any(a.tag == "table" for a in t.iterancestors())]
    if not tables:
        what = "a Markdown table (a header row, a |---| rule, then rows)" if tlang == "markdown" else "a <table>"
        raise TableRejected(f"no table found in the {tlang} source; expected {what}")
    styles = [] if tlang == "markdown" else [_clean_css(s.text_content()) for s in doc.iter("style")]
    for t in tables:
        _sanitize_tree(t)
        _wrap_bare_cells(t)
        _drop_misplaced(t)
    grid = _grid(tables[0], max_cells, stamp=True)
    for t in tables[1:]:
        _grid(t, max_cells, stamp=False)  # limits apply to every table
    grid["tables"] = len(tables)
    body = "\n".join(lxml.html.tostring(t, encoding="unicode", method="html") for t in tables)
    return _Parsed(lang=tlang, page=_page(body, "\n".join(styles)), scene=grid, n_cells=n_cells)


def _page(body: str, user_css: str = "") -> str:
    # No doctype on purpose: the reference renders in quirks mode and table metrics differ between modes.
    user = f"<style>\n{user_css}\n</style>\n" if user_css.strip() else ""
    return (
        "<html>\n<head>\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta charset="utf-8">\n'
        f"<style>\n{PAPER_CSS}\n</style>\n{user}"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def table_to_html_page(source: str, lang: str | None = None) -> str:
    """The full, sanitized HTML page verm screenshots for a Markdown or HTML table."""
    return _parse(source, lang, max_cells=10**9, max_source_bytes=10**12).page


def table_scene(source: str, lang: str | None = None, max_cells: int = 20_000) -> dict[str, Any]:
    """The table's cell grid from the markup (first table; ``tables`` counts them all).

    ``{"rows", "cols", "header_rows", "tables", "cells": [{"row", "col", "rowspan", "colspan", "text", "header"}]}``.
    Raises ``TableRejected`` when the source has no table or more than ``max_cells`` cells.
    """
    scene = _parse(source, lang, max_cells=max_cells, max_source_bytes=10**12).scene
    return scene
