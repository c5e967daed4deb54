"""Table renderer: Markdown or HTML tables -> a PNG from a real headless Chromium.

The page uses the paper's CSS (white page, 20px margin, Arial 14px, 1px #333
collapsed borders, 6px 10px padding; no doctype, like the reference code, so
Chromium lays it out in the same quirks mode). The PNG is trimmed to its
content with a 12px margin and its longest side capped.

Containment, in layers, because the markup is model-written and hostile:

1. markup: Markdown goes through markdown-it with raw HTML escaped; HTML is
   parsed with lxml and only the tables are kept, with an allowlist of table and
   inline tags and attributes (no scripts, frames, objects, links, images,
   ``href``/``src``, event handlers); CSS ``url()`` and ``@import`` are removed.
2. page: a strict Content-Security-Policy meta (nothing but inline styles and
   ``data:`` images may load).
3. browser: JavaScript disabled on the context, the context offline, service
   workers blocked, and a route that aborts every request (the page itself is
   injected with ``set_content``; ``data:`` URLs never reach the network).
4. process: each render has a deadline; Playwright's own timeouts cover
   loading and the screenshot, and a watchdog in the caller's thread kills the
   browser process when a call does not return (``page.evaluate`` has no
   timeout). A dead or killed browser is replaced for the next render.

Sizes are refused before the browser (source bytes, cells, grid slots) and
after layout (a table larger than ``MAX_CLIP_SIDE`` CSS px is not screenshot).
"""

from __future__ import annotations

import base64
import concurrent.futures as cf
import copy
import io
import logging
import os
import queue
import re
import shutil
import signal
import threading
import time
import uuid
import weakref
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from PIL import Image, ImageChops, ImageOps

from verm.errors import BrowserNotFoundError, InputError, MissingDependencyError
from verm.render.base import ProgressFn, Renderer
from verm.types import Rendering, Status, Task

log = logging.getLogger(__name__)

TableLang = Literal["html", "markdown"]

INSTALL_HINT = (
    "Install Chromium with `apt-get install chromium` on Debian/Ubuntu, "
    "or set VERM_CHROMIUM to the path of a Chromium or Chrome executable."
)

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

#: Viewport of the reference renderer (html2image with size=(3600, 2400)).
VIEWPORT = {"width": 3600, "height": 2400}
#: Margin kept around the trimmed content, in px (the reference's padding).
TRIM_MARGIN = 12
#: A table whose layout is larger than this (CSS px per side, or in area) is refused, not screenshot.
MAX_CLIP_SIDE = 16_384
MAX_CLIP_AREA = 40_000_000
#: Slack around the tables' boxes in the screenshot, so borders and shadows are not cut before trimming.
CLIP_SLACK = 20

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",  # we run as root in containers; the page has no JS and no network anyway
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-remote-fonts",
    "--mute-audio",
    "--metrics-recording-only",
)

# --- markup ------------------------------------------------------------------------------------------------------

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


# --- browser -----------------------------------------------------------------------------------------------------


def find_chromium(executable: str | None = None) -> str:
    """The Chromium to drive: ``executable``, else ``VERM_CHROMIUM``, else chromium / chromium-browser /
    google-chrome on PATH. Raises ``BrowserNotFoundError`` with the install command."""

    def usable(path: str) -> str | None:
        found = shutil.which(path) if os.sep not in path else path
        if found and os.path.isfile(found) and os.access(found, os.X_OK):
            return found
        return None

    if executable:
        found = usable(executable)
        if found:
            return found
        raise BrowserNotFoundError(f"Chromium executable {executable!r} not found or not executable. {INSTALL_HINT}")
    env = os.environ.get("VERM_CHROMIUM", "").strip()
    if env:
        found = usable(env)
        if found:
            return found
        raise BrowserNotFoundError(f"VERM_CHROMIUM={env!r} is not an executable file. {INSTALL_HINT}")
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFoundError(
        "no Chromium found for table rendering (looked at VERM_CHROMIUM and for chromium, chromium-browser, "
        f"google-chrome on PATH). {INSTALL_HINT}"
    )


def _pids_with(marker: str) -> list[int]:
    """The browser processes whose command line carries ``marker`` (how we find what Playwright launched).

    A process the browser has just forked and not yet exec'd still shows the browser's command line, so
    only matches whose parent is not itself a match count: the browsers, not their transient children.
    """
    needle = marker.encode()
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as f:
                if needle not in f.read():
                    continue
            with open(f"/proc/{name}/stat", "rb") as f:
                parents[int(name)] = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return sorted(pid for pid, parent in parents.items() if parent not in parents)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            state = f.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in (b"Z", b"X")


# Measures the laid-out page: the top-level tables' boxes and each stamped cell's box and shown text.
_MEASURE_JS = """() => {
  const box = (e) => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const tables = Array.from(document.body ? document.body.children : []).filter((e) => e.tagName === 'TABLE');
  // The sides of a cell drawn as rules (its own border, or its row's).
  const ruled = (e) => ['Top', 'Right', 'Bottom', 'Left'].filter((k) => [e, e.parentElement].some((x) => {
    const s = x ? getComputedStyle(x) : null;
    return s && parseFloat(s['border' + k + 'Width']) > 0 && !['none', 'hidden'].includes(s['border' + k + 'Style']);
  })).length;
  const cells = Array.from(document.querySelectorAll('[data-verm-cell]')).map((e) => {
    const shown = e.getClientRects().length > 0;
    return [Number(e.getAttribute('data-verm-cell')), shown ? box(e) : null, shown ? e.innerText : '', ruled(e)];
  });
  const d = document.documentElement;
  return {tables: tables.map(box), cells: cells, page: [d.scrollWidth, d.scrollHeight]};
}"""


@dataclass
class _Job:
    index: int
    page: str
    scene: dict[str, Any] | None
    source: str | None
    lang: str | None
    t0: float
    future: cf.Future = field(default_factory=cf.Future)
    started: float | None = None
    worker: _Worker | None = None
    killed: bool = False
    #: An unsanitized page (render_pages): rendered in a page of its own, so its policies cannot leak.
    raw: bool = False


class _RenderFailed(Exception):
    """A render that failed in a way the caller should see as render_error (with this message)."""


def _finish(job: _Job, rendering: Rendering) -> None:
    try:
        job.future.set_result(rendering)
    except cf.InvalidStateError:  # the watchdog already gave up on this job
        pass


class _Worker(threading.Thread):
    """One thread owning one Playwright driver, one Chromium and one reused page (sync Playwright is per-thread)."""

    def __init__(self, renderer: TableRenderer, jobs: queue.Queue, n: int) -> None:
        super().__init__(name=f"verm-table-{n}", daemon=True)
        self.r = renderer
        self.jobs = jobs
        self.current: _Job | None = None
        self.abandoned = False
        self.marker = f"--verm-browser={uuid.uuid4().hex}"
        self.pids: list[int] = []
        self.renders = 0
        self._pw: Any = None
        self._browser: Any = None
        self._page: Any = None
        self._cdp: Any = None
        self._frame_id = ""
        self._dirty = False
        self._step = ""
        self._lock = threading.Lock()

    # -- browser lifecycle (worker thread only, except kill_browser) --
    def _launch(self) -> None:
        from playwright.sync_api import sync_playwright

        if self._pw is None:
            self._pw = sync_playwright().start()
        self.marker = f"--verm-browser={uuid.uuid4().hex}"
        t = time.monotonic()
        # Playwright's launch() always uses a fresh, empty temporary --user-data-dir (it refuses one in args).
        self._browser = self._pw.chromium.launch(
            executable_path=self.r.executable,
            headless=True,
            args=[*CHROMIUM_ARGS, self.marker],
            timeout=max(30_000, self.r.timeout_s * 3000),
            handle_sigint=False,
            handle_sigterm=False,
            handle_sighup=False,
        )
        with self._lock:
            self.pids = _pids_with(self.marker)
        context = self._browser.new_context(
            java_script_enabled=False,
            viewport=VIEWPORT,
            device_scale_factor=1,
            offline=True,
            service_workers="block",
            accept_downloads=False,
        )
        context.route("**/*", self._block)
        context.set_default_timeout(self.r.timeout_s * 1000)
        self._new_page(context)
        log.info("launched %s (pid %s) in %.0f ms", self.r.executable, self.pids, (time.monotonic() - t) * 1000)

    def _new_page(self, context: Any) -> None:
        self._page = context.new_page()
        # The per-table calls go over raw CDP: Playwright's set_content/evaluate/screenshot add round trips and
        # value serialization that cost ~60 ms a table; CDP's screenshot can also skip the PNG compression we
        # redo anyway. None of these calls has a timeout, so the caller's watchdog bounds them.
        self._cdp = context.new_cdp_session(self._page)
        self._frame_id = self._cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]

    def _block(self, route: Any) -> None:
        url = route.request.url
        self.r._note_request(url)
        log.debug("blocked request %s", url[:200])
        route.abort("blockedbyclient")

    def kill_browser(self) -> None:
        """SIGKILL this worker's browser (any thread): unblocks a hung Playwright call in the worker."""
        with self._lock:
            pids = list(self.pids) or _pids_with(self.marker)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def _teardown(self) -> None:
        self.kill_browser()
        try:
            if self._browser is not None:
                self._browser.close()
        except Exception as exc:  # the process is gone; Playwright may complain about it
            log.debug("closing a dead browser: %s", exc)
        self._browser = self._page = self._cdp = None
        with self._lock:
            self.pids = []

    def _healthy(self) -> bool:
        return (
            self._page is not None
            and self._browser is not None
            and bool(self.pids)
            and all(_alive(p) for p in self.pids[:1])
            and self._browser.is_connected()
        )

    def run(self) -> None:
        try:
            while True:
                job = self.jobs.get()
                if job is None:
                    break
                if job.future.done():
                    continue
                job.worker = self
                self.current = job
                out = self._render(job)
                self.current = None
                if isinstance(out, Rendering):
                    _finish(job, out)
                else:
                    # Trim/scale/encode in the renderer's pool so this browser starts on the next table meanwhile.
                    self.r._post.submit(self._finish_safe, job, *out)
                if self.abandoned:
                    break
        finally:
            self._teardown()
            try:
                if self._pw is not None:
                    self._pw.stop()
            except Exception as exc:
                log.debug("stopping playwright: %s", exc)

    def _fail(self, job: _Job, reason: str, status: Status = Status.RENDER_ERROR) -> Rendering:
        return Rendering(
            task=Task.TABLE,
            status=status,
            reason=reason,
            source=job.source,
            lang=job.lang,
            scene=job.scene,
            elapsed_ms=(time.monotonic() - job.t0) * 1000,
        )

    def _prepare(self, job: _Job) -> None:
        """A live browser and a page for this job (relaunching a dead browser, refreshing the page as needed)."""
        if not self._healthy():
            if self._browser is not None:
                log.warning("browser %s died between renders; starting a new one", self.pids)
            self._teardown()
            self._launch()
        elif job.raw or self._dirty or (self.renders and self.renders % self.r.recycle_every == 0):
            # setDocumentContent (like set_content) reuses the Document (document.open), which keeps state such
            # as the CSP policies of earlier pages (ours are identical, but they pile up), so a fresh page now
            # and then, and around an unsanitized page, keeps renders independent.
            try:
                context = self._page.context
                self._page.close()
                self._new_page(context)
            except Exception:
                self._teardown()
                self._launch()

    def _render(self, job: _Job) -> Rendering | tuple[bytes, dict[str, int], dict[str, Any]]:
        for attempt in (1, 2):
            try:
                self._prepare(job)
            except Exception as exc:
                self._teardown()
                log.error("cannot start Chromium %s: %s", self.r.executable, exc)
                return self._fail(
                    job, f"browser failed to start ({self.r.executable}): {_short(exc)}", Status.INFRA_ERROR
                )
            self.renders += 1
            self._dirty = job.raw
            job.started = time.monotonic()
            self._step = "load"
            try:
                return self._shoot(job)
            except _RenderFailed as exc:
                return self._fail(job, str(exc))
            except Exception as exc:
                # A timeout or a dead browser: the page may be in any state, so start over for the next render.
                self._teardown()
                if job.killed:
                    reason = f"render timed out after {self.r.timeout_s:g} s; the browser was killed and restarted"
                elif attempt == 1 and self._step == "load":
                    # The browser was already gone when this table arrived (killed or crashed between renders,
                    # faster than the liveness check could see): not this table's fault, so try it once more.
                    log.warning("table %d: browser gone before the render (%s); retrying", job.index, _short(exc))
                    continue
                else:
                    # Died under this table without our watchdog killing it: maybe the table, maybe not. The
                    # caller retries it once on the fresh browser before blaming the table (infra_error).
                    reason = f"browser failed during the render ({_short(exc)}); browser restarted"
                    log.warning("table %d: %s", job.index, reason)
                    return self._fail(job, reason, Status.INFRA_ERROR)
                log.warning("table %d: %s", job.index, reason)
                return self._fail(job, reason)
        raise AssertionError("unreachable")

    def _shoot(self, job: _Job) -> tuple[bytes, dict[str, int], dict[str, Any]]:
        cdp = self._cdp
        cdp.send("Page.setDocumentContent", {"frameId": self._frame_id, "html": job.page})
        self._step = "measure"
        res = cdp.send("Runtime.evaluate", {"expression": f"({_MEASURE_JS})()", "returnByValue": True})
        if "exceptionDetails" in res:
            raise _RenderFailed(f"cannot measure the page: {res['exceptionDetails'].get('text', 'error')}")
        info = res["result"]["value"]
        boxes = info["tables"]
        if not boxes:
            raise _RenderFailed("the page has no table after parsing")
        x0 = max(0.0, min(b[0] for b in boxes) - CLIP_SLACK)
        y0 = max(0.0, min(b[1] for b in boxes) - CLIP_SLACK)
        x1 = max(b[2] for b in boxes) + CLIP_SLACK
        y1 = max(b[3] for b in boxes) + CLIP_SLACK
        w, h = x1 - x0, y1 - y0
        if w > MAX_CLIP_SIDE or h > MAX_CLIP_SIDE or w * h > MAX_CLIP_AREA:
            raise _RenderFailed(
                f"table lays out to {w:,.0f} x {h:,.0f} px, more than the limit of {MAX_CLIP_SIDE:,} px per side "
                f"or {MAX_CLIP_AREA:,} px in area; refusing to screenshot it"
            )
        if w < 1 or h < 1:
            raise _RenderFailed("table lays out to an empty box")
        clip = {"x": int(x0), "y": int(y0), "width": max(1, round(x1 - int(x0))), "height": max(1, round(y1 - int(y0)))}
        beyond = clip["x"] + clip["width"] > VIEWPORT["width"] or clip["y"] + clip["height"] > VIEWPORT["height"]
        shot = cdp.send(
            "Page.captureScreenshot",
            {"format": "png", "clip": {**clip, "scale": 1}, "optimizeForSpeed": True, "captureBeyondViewport": beyond},
        )
        return base64.b64decode(shot["data"]), clip, info

    def _finish_safe(self, job: _Job, png: bytes, clip: dict[str, int], info: dict[str, Any]) -> None:
        try:
            _finish(job, self._finish_image(job, png, clip, info))
        except Exception as exc:
            log.exception("table %d: cannot process the screenshot", job.index)
            _finish(job, self._fail(job, f"cannot process the screenshot: {_short(exc)}"))

    def _finish_image(self, job: _Job, png: bytes, clip: dict[str, int], info: dict[str, Any]) -> Rendering:
        img = Image.open(io.BytesIO(png)).convert("RGB")
        bg = img.getpixel((0, 0))
        bbox = ImageChops.difference(img, Image.new("RGB", img.size, bg)).getbbox()
        status, reason = Status.OK, None
        if bbox is None:
            status, reason = Status.BLANK, "the table renders no visible content"
            bbox = (0, 0, img.width, img.height)
        tx0, ty0 = bbox[0], bbox[1]
        img = ImageOps.expand(img.crop(bbox), border=TRIM_MARGIN, fill=bg)
        scale = 1.0
        if max(img.size) > self.r.max_side:
            scale = self.r.max_side / max(img.size)
            size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
            img = img.resize(size, Image.Resampling.LANCZOS)
        scene = copy.deepcopy(job.scene) if job.scene is not None else None
        if scene is not None:
            W, H = img.size
            # page px -> final image fractions: remove clip origin and trim offset, add margin, apply scale
            ox, oy = clip["x"] + tx0 - TRIM_MARGIN, clip["y"] + ty0 - TRIM_MARGIN
            cells = scene.get("cells", [])
            for idx, b, shown, *ruled in info["cells"]:
                if not (0 <= idx < len(cells)):
                    continue
                cell = cells[idx]
                cell["shown_text"] = " ".join(str(shown).split())
                if ruled:
                    cell["rules"] = int(ruled[0])  # sides drawn as rules (0..4)
                if b is None:
                    cell["bbox"] = None
                    continue
                fx = [min(1.0, max(0.0, (v - ox) * scale / W)) for v in (b[0], b[2])]
                fy = [min(1.0, max(0.0, (v - oy) * scale / H)) for v in (b[1], b[3])]
                cell["bbox"] = [round(fx[0], 5), round(fy[0], 5), round(fx[1], 5), round(fy[1], 5)]
            for cell in cells:
                cell.setdefault("bbox", None)
            scene["image_size"] = [W, H]
        buf = io.BytesIO()
        img.save(buf, format="PNG", compress_level=1)  # several times faster than the default 6, ~5% larger
        return Rendering(
            task=Task.TABLE,
            status=status,
            reason=reason,
            png=buf.getvalue(),
            scene=scene,
            source=job.source,
            lang=job.lang,
            elapsed_ms=(time.monotonic() - job.t0) * 1000,
        )


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    return f"{type(exc).__name__}: {first[:300]}"


def _shutdown(workers: list[_Worker], jobs: queue.Queue, post: cf.ThreadPoolExecutor) -> None:
    for _ in workers:
        jobs.put(None)
    for w in workers:
        w.join(timeout=10)
        if w.is_alive():
            w.kill_browser()
    post.shutdown(wait=False, cancel_futures=True)


class TableRenderer(Renderer):
    """Markdown/HTML tables -> PNGs in long-lived headless Chromium browsers (one per worker thread).

    ``render_many`` never raises for a bad table: the result is ``render_error`` with a reason (too big, no
    table, timed out, browser crashed). Use as a context manager or call ``close()`` to stop the browsers.
    """

    task = Task.TABLE
    canary = "| a | b |\n|---|---|\n| 1 | 2 |\n"

    def __init__(
        self,
        max_side: int = 768,
        timeout_s: float = 10.0,
        max_cells: int = 20_000,
        max_source_bytes: int = 2_000_000,
        executable: str | None = None,
        workers: int = 1,
        recycle_every: int = 200,
    ) -> None:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            raise MissingDependencyError(
                "table rendering needs Playwright (no browser download needed): pip install playwright"
            ) from None
        if workers < 1:
            raise InputError(f"workers must be at least 1, got {workers}")
        if max_side < 16:
            raise InputError(f"max_side must be at least 16 px, got {max_side}")
        self.executable = find_chromium(executable)
        self.max_side = int(max_side)
        self.timeout_s = float(timeout_s)
        self.max_cells = int(max_cells)
        self.max_source_bytes = int(max_source_bytes)
        self.n_workers = int(workers)
        self.recycle_every = max(1, int(recycle_every))
        self._jobs: queue.Queue = queue.Queue()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._requests: deque[str] = deque(maxlen=1000)
        self._closed = False
        self._spawned = 0
        self._post = cf.ThreadPoolExecutor(max_workers=self.n_workers, thread_name_prefix="verm-table-post")
        self._finalizer = weakref.finalize(self, _shutdown, self._workers, self._jobs, self._post)

    # -- public API --
    def render_many(self, sources: Sequence[str], progress: ProgressFn | None = None) -> list[Rendering]:
        """Render every Markdown/HTML table; results in input order."""
        results: list[Rendering | None] = [None] * len(sources)
        jobs: list[_Job] = []
        for i, src in enumerate(sources):
            t0 = time.monotonic()
            try:
                parsed = _parse(src, None, self.max_cells, self.max_source_bytes)
            except Exception as exc:  # TableRejected says why; anything else is a parser bug, still not fatal
                if not isinstance(exc, TableRejected):
                    log.exception("table %d: unexpected error while parsing", i)
                reason = str(exc) if isinstance(exc, TableRejected) else f"cannot parse table: {_short(exc)}"
                results[i] = Rendering(
                    task=Task.TABLE,
                    status=Status.RENDER_ERROR,
                    reason=reason,
                    source=src if isinstance(src, str) else None,
                    elapsed_ms=(time.monotonic() - t0) * 1000,
                )
                continue
            job = _Job(i, parsed.page, parsed.scene, src, parsed.lang, t0)
            if not jobs:
                self._ensure_workers()
            # Queue at once, so the browser works while the rest is parsed.
            self._jobs.put(job)
            jobs.append(job)
        self._collect(jobs, results, progress)
        return [r for r in results if r is not None]

    def render_pages(self, pages: Sequence[str]) -> list[Rendering]:
        """Render already-built HTML pages *without* the markup sanitizer: only the browser's containment
        (no JS, no network, deadlines) applies. For tests of that layer and callers that build their own page."""
        results: list[Rendering | None] = [None] * len(pages)
        jobs = [_Job(i, p, None, None, "html", time.monotonic(), raw=True) for i, p in enumerate(pages)]
        if jobs:
            self._ensure_workers()
        for job in jobs:
            self._jobs.put(job)
        self._collect(jobs, results, None)
        return [r for r in results if r is not None]

    def blocked_requests(self) -> list[str]:
        """URLs the browsers tried to load and the route aborted (most recent 1000)."""
        with self._lock:
            return list(self._requests)

    def browser_pids(self) -> list[int]:
        """Process ids of the running browsers (for monitoring and crash tests)."""
        with self._lock:
            return [p for w in self._workers for p in w.pids]

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._finalizer()

    # -- internals --
    def _note_request(self, url: str) -> None:
        with self._lock:
            self._requests.append(url)

    def _ensure_workers(self) -> None:
        with self._lock:
            if self._closed:
                raise InputError("this TableRenderer is closed; create a new one")
            self._workers[:] = [w for w in self._workers if w.is_alive() and not w.abandoned]
            while len(self._workers) < self.n_workers:
                w = _Worker(self, self._jobs, self._spawned)
                self._spawned += 1
                w.start()
                self._workers.append(w)

    def _collect(self, jobs: list[_Job], results: list[Rendering | None], progress: ProgressFn | None) -> None:
        for i, r in enumerate(results):
            if r is not None and progress is not None:
                progress(i, r)
        pending = {job.future: job for job in jobs}
        hard = self.timeout_s
        give_up = hard + 15.0
        while pending:
            done, _ = cf.wait(list(pending), timeout=0.2, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                job = pending.pop(fut)
                results[job.index] = fut.result()
                if progress is not None:
                    progress(job.index, results[job.index])
            now = time.monotonic()
            for job in pending.values():
                if job.started is None or job.worker is None:
                    continue
                if not job.killed and now - job.started > hard and job.worker.current is job:
                    # A call without its own timeout (evaluate) or a wedged browser: kill it to unblock the worker.
                    log.warning("table %d: no answer after %.1f s; killing the browser", job.index, now - job.started)
                    job.killed = True
                    job.worker.kill_browser()
                elif job.killed and now - job.started > give_up:
                    # The worker did not come back even after the kill: abandon it and use a fresh one.
                    log.error("table %d: worker %s is stuck; replacing it", job.index, job.worker.name)
                    job.worker.abandoned = True
                    _finish(
                        job,
                        Rendering(
                            task=Task.TABLE,
                            status=Status.RENDER_ERROR,
                            reason=f"render timed out after {self.timeout_s:g} s and the browser did not recover",
                            source=job.source,
                            lang=job.lang,
                            scene=job.scene,
                        ),
                    )
                    self._ensure_workers()
