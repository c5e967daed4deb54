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

import concurrent.futures as cf
import logging
import queue
import threading
import time
import weakref
from collections import deque
from collections.abc import Sequence

from verm.errors import InputError, MissingDependencyError
from verm.render.base import ProgressFn, Renderer
from verm.render.table.browser import (
    CHROMIUM_ARGS,
    INSTALL_HINT,
    VIEWPORT,
    _finish,
    _Job,
    _short,
    _shutdown,
    _Worker,
    find_chromium,
)
from verm.render.table.markup import (
    CSP,
    PAPER_CSS,
    TableLang,
    TableRejected,
    _parse,
    detect_table_lang,
    markdown_to_html,
    table_scene,
    table_to_html_page,
)
from verm.types import Rendering, Status, Task

log = logging.getLogger(__name__)

__all__ = [
    "CHROMIUM_ARGS",
    "CSP",
    "INSTALL_HINT",
    "PAPER_CSS",
    "VIEWPORT",
    "TableLang",
    "TableRejected",
    "TableRenderer",
    "detect_table_lang",
    "find_chromium",
    "markdown_to_html",
    "table_scene",
    "table_to_html_page",
]


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
