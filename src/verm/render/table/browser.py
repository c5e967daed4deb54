"""The browser side of table rendering: finding Chromium, and one worker thread per headless Chromium.

Layers 3 and 4 of the renderer's containment (see ``verm.render.table``): JavaScript off, the context
offline, every request aborted by a route, deadlines on each call, and a browser that does not answer killed
and replaced.
"""

from __future__ import annotations

import base64
import concurrent.futures as cf
import copy
import io
import logging
import os
import queue
import shutil
import signal
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageChops, ImageOps

from verm.errors import BrowserNotFoundError
from verm.types import Rendering, Status, Task

log = logging.getLogger(__name__)


if TYPE_CHECKING:
    from verm.render.table import TableRenderer

INSTALL_HINT = (
    "Install Chromium with `apt-get install chromium` on Debian/Ubuntu, "
    "or set VERM_CHROMIUM to the path of a Chromium or Chrome executable."
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
