"""Table rendering in a real headless Chromium (Debian's chromium through Playwright; no mocks)."""

from __future__ import annotations

import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest
from tests.corpora import CORPORA

from verm.errors import BrowserNotFoundError
from verm.imaging import is_blank, load_rgb
from verm.render.table import TableRenderer, find_chromium
from verm.render.table.browser import _pids_with
from verm.render.table.markup import _page
from verm.types import Rendering, Status

try:
    find_chromium()
except BrowserNotFoundError as exc:  # pragma: no cover - depends on the machine
    pytest.skip(f"no Chromium on this machine: {exc}", allow_module_level=True)

CORPUS = CORPORA / "tables"

MD = "| City | Population | Area |\n|---|---:|---|\n| Oslo | 709037 | 454 |\n| Bergen | 289330 | 465 |\n"
HTML = (
    "<table><thead><tr><th>City</th><th style='text-align:right'>Population</th><th>Area</th></tr></thead>"
    "<tbody><tr><td>Oslo</td><td style='text-align:right'>709037</td><td>454</td></tr>"
    "<tr><td>Bergen</td><td style='text-align:right'>289330</td><td>465</td></tr></tbody></table>"
)


@pytest.fixture(scope="module")
def renderer() -> Iterator[TableRenderer]:
    with TableRenderer() as r:
        yield r


def pixels(r: Rendering) -> np.ndarray:
    assert r.ok, r.reason
    return np.asarray(r.image(), dtype=np.int16)


def assert_same_image(a: Rendering, b: Rendering, tol: float = 0.5) -> None:
    pa, pb = pixels(a), pixels(b)
    assert pa.shape == pb.shape
    assert np.abs(pa - pb).mean() <= tol


class _Hits(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Hits.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"td { color: red !important; background: yellow !important }")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def local_server() -> Iterator[str]:
    """A real HTTP server on localhost: any request that leaves the page lands here."""
    _Hits.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hits)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_markdown_and_html_render_the_same(renderer: TableRenderer) -> None:
    md, html = renderer.render_many([MD, HTML])
    assert (md.lang, html.lang) == ("markdown", "html")
    assert_same_image(md, html)
    assert md.scene is not None and html.scene is not None
    assert [c["bbox"] for c in md.scene["cells"]] == [c["bbox"] for c in html.scene["cells"]]


def test_output_is_trimmed_with_margin_and_capped(renderer: TableRenderer) -> None:
    r = renderer.render(MD)
    img = pixels(r)
    content = np.argwhere((img != 255).any(axis=2))
    (y0, x0), (y1, x1) = content.min(axis=0), content.max(axis=0)
    assert (x0, y0) == (12, 12)
    assert (img.shape[1] - 1 - x1, img.shape[0] - 1 - y1) == (12, 12)
    with TableRenderer(max_side=100) as small:
        s = small.render(MD)
    assert s.ok and max(s.image().size) == 100


def test_scene_boxes_are_in_the_image(renderer: TableRenderer) -> None:
    r = renderer.render(MD)
    scene = r.scene
    assert scene is not None and (scene["rows"], scene["cols"], scene["header_rows"]) == (3, 3, 1)
    assert scene["image_size"] == list(r.image().size)
    for cell in scene["cells"]:
        x0, y0, x1, y1 = cell["bbox"]
        assert 0 < x0 < x1 < 1 and 0 < y0 < y1 < 1
        assert cell["shown_text"] == cell["text"]
    by_pos = {(c["row"], c["col"]): c["bbox"] for c in scene["cells"]}
    assert by_pos[(0, 0)][2] == pytest.approx(by_pos[(0, 1)][0], abs=1e-3)  # neighbours share an edge
    assert by_pos[(0, 0)][3] == pytest.approx(by_pos[(1, 0)][1], abs=1e-3)


def test_changed_cell_differs_inside_its_box(renderer: TableRenderer) -> None:
    changed = MD.replace("289330", "281330")
    a, b = renderer.render_many([MD, changed])
    pa, pb = pixels(a), pixels(b)
    assert pa.shape == pb.shape  # Arial digits have one width: the layout does not move
    ys, xs = np.nonzero(np.abs(pa - pb).max(axis=2) > 0)
    assert len(xs) > 0
    h, w = pa.shape[:2]
    cell = next(c for c in b.scene["cells"] if c["text"] == "281330")
    x0, y0, x1, y1 = cell["bbox"]
    assert x0 * w - 1 <= xs.min() and xs.max() <= x1 * w + 1
    assert y0 * h - 1 <= ys.min() and ys.max() <= y1 * h + 1


def test_every_corpus_table_renders(renderer: TableRenderer) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"table corpus not found at {CORPUS} (see shared/corpora/SOURCES.md)")
    paths = sorted(CORPUS.glob("html/*.html")) + sorted(CORPUS.glob("md/*.md"))
    assert paths, f"no tables in {CORPUS}"
    results = renderer.render_many([p.read_text(encoding="utf-8") for p in paths])
    failed = [(p.name, r.status.value, r.reason) for p, r in zip(paths, results, strict=True) if not r.ok]
    assert not failed
    blank = [p.name for p, r in zip(paths, results, strict=True) if is_blank(r.image())]
    assert not blank
    for p, r in zip(paths, results, strict=True):
        assert max(r.image().size) <= 768, p.name
        assert r.scene and r.scene["cells"], p.name
        assert all(c["bbox"] is not None for c in r.scene["cells"]), p.name
        assert r.lang == ("markdown" if p.suffix == ".md" else "html")


def test_script_does_not_run(renderer: TableRenderer) -> None:
    script = "<script>document.querySelectorAll('td').forEach(function (c) { c.textContent = 'PWNED!!'; });</script>"
    plain, hostile = renderer.render_many([HTML, HTML.replace("<td>Oslo</td>", f"<td>Oslo{script}</td>") + script])
    assert_same_image(plain, hostile, tol=0.0)
    # Below the sanitizer: the browser itself runs no script (JavaScript is disabled on the context).
    base = "<table><tr><td>Oslo</td><td>709037</td></tr></table>"
    raw_plain, raw_hostile = renderer.render_pages([_page(base), _page(base + script.replace("td", "TD"))])
    assert_same_image(raw_plain, raw_hostile, tol=0.0)


def test_external_resources_are_blocked(renderer: TableRenderer, local_server: str) -> None:
    hostile = HTML.replace(
        "<td>454</td>",
        f'<td>454<img src="{local_server}/img.png" width="300" height="200">'
        f'<iframe src="file:///etc/passwd"></iframe><iframe src="{local_server}/frame"></iframe></td>',
    )
    hostile = (
        f'<link rel="stylesheet" href="file:///etc/passwd"><link rel="stylesheet" href="{local_server}/a.css">'
        f"<style>@import url({local_server}/b.css); td {{ background-image: url({local_server}/bg.png) }}</style>"
        + hostile
    )
    plain, bad = renderer.render_many([HTML, hostile])
    assert_same_image(plain, bad, tol=0.0)
    assert _Hits.hits == []
    # Below the sanitizer and the page's CSP: a raw page without either still reaches nothing.
    before = len(renderer.blocked_requests())
    raw = (
        f'<html><head><link rel="stylesheet" href="{local_server}/raw.css"></head><body>'
        f'<table style="background: url({local_server}/raw-bg.png)"><tr><td>x<img src="{local_server}/raw.png">'
        f'<iframe src="file:///etc/passwd"></iframe></td></tr></table></body></html>'
    )
    r, _ = renderer.render_pages([raw, _page("<table><tr><td>y</td></tr></table>")])
    assert r.ok, r.reason
    # The route handler runs on the worker's thread during its next browser call; the second page gives it one.
    time.sleep(0.3)  # and a request that got through would have landed by now
    assert _Hits.hits == []
    attempted = renderer.blocked_requests()[before:]
    assert attempted, "the route saw none of the page's requests"
    assert all(u.startswith((local_server, "file://")) for u in attempted), attempted


def test_hidden_content_is_not_shown(renderer: TableRenderer) -> None:
    hidden = HTML.replace("<td>Oslo</td>", '<td>Oslo<span style="display:none">SECRET ANSWER 42</span></td>').replace(
        "<td>465</td>", '<td style="visibility:hidden">465</td>'
    )
    visible = HTML.replace("<td>465</td>", "<td></td>")
    a, b = renderer.render_many([visible, hidden])
    assert_same_image(a, b, tol=0.0)
    cells = {c["text"]: c for c in b.scene["cells"]}
    assert cells["OsloSECRET ANSWER 42"]["shown_text"] == "Oslo"
    assert cells["465"]["shown_text"] == ""


def test_huge_tables_are_refused_with_reason(renderer: TableRenderer) -> None:
    rows_md = "| n |\n|---|\n" + "".join(f"| {i} |\n" for i in range(100_000))
    rows_html = "<table>" + "<tr><td>1</td></tr>" * 100_000 + "</table>"
    t = time.monotonic()
    md, html = renderer.render_many([rows_md, rows_html])
    assert time.monotonic() - t < 10
    for r in (md, html):
        assert r.status is Status.RENDER_ERROR
        assert "100,00" in r.reason and "limit of 20,000" in r.reason
    # A small table with an enormous laid-out size is refused after layout instead of screenshot.
    (big,) = renderer.render_many(['<table><tr><td style="width:900000px;height:900000px">x</td></tr></table>'])
    assert big.status is Status.RENDER_ERROR and "lays out to" in big.reason


def test_crashed_browser_is_restarted(renderer: TableRenderer) -> None:
    assert renderer.render(MD).ok
    old = renderer.browser_pids()
    assert old
    for pid in old:
        os.kill(pid, signal.SIGKILL)
    r = renderer.render(HTML)
    assert r.ok, r.reason
    assert renderer.browser_pids() and set(renderer.browser_pids()).isdisjoint(old)

    # Killed in the middle of a batch: the table being rendered may fail, never hang; the rest render.
    killed: list[int] = []

    def kill_once(i: int, _r: Rendering) -> None:
        if not killed:
            killed.extend(renderer.browser_pids())
            for pid in killed:
                os.kill(pid, signal.SIGKILL)

    results = renderer.render_many([MD, HTML] * 4, progress=kill_once)
    assert killed
    # The table under the killed browser is the machinery's failure (infra_error), never the table's.
    assert all(r.ok or (r.status is Status.INFRA_ERROR and "browser" in r.reason) for r in results)
    assert results[-1].ok and sum(r.ok for r in results) >= 6


def test_hung_render_times_out_and_the_next_one_works() -> None:
    # With JavaScript off, what can wedge a page is paint: thousands of cells with huge blurs and shadows.
    rows = "".join("<tr>" + "<td>cell</td>" * 20 + "</tr>" for _ in range(400))
    shadows = ",".join(f"{i}px {i}px {3 * i}px red" for i in range(60))
    css = (
        "td { filter: blur(30px) drop-shadow(0 0 60px red); box-shadow: 0 0 300px 150px rgba(0,0,0,.5), "
        f"inset 0 0 200px 100px blue; text-shadow: {shadows}; }}"
    )
    with TableRenderer(timeout_s=2.0) as r:
        assert r.render(MD).ok  # the browser is up; its start-up is not part of the deadline
        t = time.monotonic()
        slow = r.render(f"<style>{css}</style><table>{rows}</table>")
        took = time.monotonic() - t
        assert slow.status is Status.RENDER_ERROR and "timed out" in slow.reason
        assert took < 2.0 + 5.0
        after = r.render(HTML)
        assert after.ok, after.reason


def test_workers_and_render_from_another_thread() -> None:
    out: list[list[Rendering]] = []
    with TableRenderer(workers=2) as r:
        t = threading.Thread(target=lambda: out.append(r.render_many([MD, HTML, MD, HTML])))
        t.start()
        t.join(timeout=120)
        assert out and all(x.ok for x in out[0])
        assert len(r.browser_pids()) == 2
    assert_same_image(out[0][0], out[0][2], tol=0.0)


def test_browser_pids_leave_out_children_forked_with_the_browsers_command_line(tmp_path: Path) -> None:
    # A browser's freshly forked child shows the browser's command line until it execs; counting it made the
    # worker-count check above flaky and would have the watchdog kill a process that is not the browser.
    marker = f"--verm-browser=test-{os.getpid()}"
    ready = tmp_path / "ready"
    forks = f"import os, time; pid = os.fork(); open({str(ready)!r}, 'w').close() if pid else None; time.sleep(30)"
    parent = subprocess.Popen([sys.executable, "-c", forks, marker])
    children: list[int] = []
    try:
        deadline = time.monotonic() + 10
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert ready.exists()
        children += [int(p) for p in Path(f"/proc/{parent.pid}/task/{parent.pid}/children").read_text().split()]
        assert len(children) == 1  # the child is there and carries the marker too
        assert marker.encode() in Path(f"/proc/{children[0]}/cmdline").read_bytes()
        assert _pids_with(marker) == [parent.pid]
    finally:
        for pid in [parent.pid, *children]:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        parent.wait()


def test_missing_chromium_says_how_to_install() -> None:
    with pytest.raises(BrowserNotFoundError) as info:
        TableRenderer(executable="/nonexistent/chromium")
    assert "apt-get install chromium" in str(info.value) and "VERM_CHROMIUM" in str(info.value)


def test_bad_sources_come_back_as_render_errors(renderer: TableRenderer) -> None:
    seen: list[int] = []
    results = renderer.render_many(["", "no table here", MD], progress=lambda i, _r: seen.append(i))
    assert [r.status for r in results] == [Status.RENDER_ERROR, Status.RENDER_ERROR, Status.OK]
    assert "empty" in results[0].reason and "no table" in results[1].reason
    assert sorted(seen) == [0, 1, 2]
    assert load_rgb(results[2].png).size == results[2].image().size
