"""Table rendering throughput: verm's persistent browser vs a fresh headless Chromium per table.

The reference implementation (Visual-ERM render_tools) starts a browser for every screenshot. verm keeps one
Chromium per worker and reuses its page. Both are measured in the same run on the same tables and pages.

    PYTHONPATH=src python benchmarks/tables_bench.py [N_TABLES] [REPEATS]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops

from verm.render.table import CHROMIUM_ARGS, VIEWPORT, TableRenderer, find_chromium, table_to_html_page

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "tables"


def _fresh_browser_render(pw: Any, executable: str, page_html: str) -> bytes:
    """The reference way: launch, set_content, screenshot, close; then trim like its crop_with_padding."""
    browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
    try:
        page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1, java_script_enabled=False)
        page.set_content(page_html)
        png = page.screenshot(full_page=True)
    finally:
        browser.close()
    img = Image.open(io.BytesIO(png)).convert("RGB")
    bbox = ImageChops.difference(img, Image.new("RGB", img.size, img.getpixel((0, 0)))).getbbox()
    if bbox:
        img = img.crop((max(0, bbox[0] - 12), max(0, bbox[1] - 12), bbox[2] + 12, bbox[3] + 12))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def bench_tables(paths: list[Path], repeats: int = 1) -> dict[str, Any]:
    """Per-table milliseconds for verm's persistent renderer and for a fresh browser per table, and their ratio.

    ``persistent_ms``: one ``render()`` call per table, in sequence (what a reward server does per request);
    ``persistent_batch_ms``: one ``render_many()`` over all tables, divided by their number (pipelined).
    Browser start-up is outside the persistent numbers (it happens once per worker) and inside the fresh ones.
    """
    from playwright.sync_api import sync_playwright

    sources = [p.read_text(encoding="utf-8") for p in paths]
    pages = [table_to_html_page(s) for s in sources]
    executable = find_chromium()
    single: list[float] = []
    batch: list[float] = []
    with TableRenderer() as renderer:
        t = time.perf_counter()
        warm = renderer.render(sources[0])  # launches the browser; not counted
        startup_ms = (time.perf_counter() - t) * 1000
        if not warm.ok:
            raise RuntimeError(f"warm-up render failed: {warm.reason}")
        for _ in range(repeats):
            for src in sources:
                t = time.perf_counter()
                r = renderer.render(src)
                single.append((time.perf_counter() - t) * 1000)
                if not r.ok:
                    raise RuntimeError(f"render failed: {r.reason}")
            t = time.perf_counter()
            renderer.render_many(sources)
            batch.append((time.perf_counter() - t) * 1000 / len(sources))
    fresh: list[float] = []
    with sync_playwright() as pw:
        for _ in range(repeats):
            for page_html in pages:
                t = time.perf_counter()
                _fresh_browser_render(pw, executable, page_html)
                fresh.append((time.perf_counter() - t) * 1000)
    persistent_ms = statistics.mean(single)
    fresh_ms = statistics.mean(fresh)
    return {
        "tables": len(paths),
        "repeats": repeats,
        "persistent_ms": persistent_ms,
        "persistent_median_ms": statistics.median(single),
        "persistent_batch_ms": statistics.mean(batch),
        "persistent_startup_ms": startup_ms,
        "fresh_ms": fresh_ms,
        "fresh_median_ms": statistics.median(fresh),
        "ratio": fresh_ms / persistent_ms,
        "ratio_batch": fresh_ms / statistics.mean(batch),
    }


def _corpus_paths(n: int) -> list[Path]:
    if not CORPUS.is_dir():
        raise SystemExit(f"table corpus not found at {CORPUS}")
    html = sorted((CORPUS / "html").glob("*.html"))
    md = sorted((CORPUS / "md").glob("*.md"))
    # Alternate the two kinds so a small N still has both.
    mixed = [p for pair in zip(html, md, strict=False) for p in pair]
    return mixed[:n]


def main(argv: list[str]) -> None:
    n = int(argv[1]) if len(argv) > 1 else 20
    repeats = int(argv[2]) if len(argv) > 2 else 1
    res = bench_tables(_corpus_paths(n), repeats=repeats)
    rows = [
        (
            "verm persistent, one render() per table",
            f"{res['persistent_ms']:.1f}",
            f"{res['persistent_median_ms']:.1f}",
        ),
        ("verm persistent, render_many (batch)", f"{res['persistent_batch_ms']:.1f}", "-"),
        ("fresh headless Chromium per table", f"{res['fresh_ms']:.1f}", f"{res['fresh_median_ms']:.1f}"),
    ]
    w = max(len(r[0]) for r in rows)
    sys.stdout.write(f"{res['tables']} tables x {res['repeats']} repeat(s)\n")
    sys.stdout.write(f"{'method':<{w}}  {'mean ms':>8}  {'median ms':>9}\n")
    for name, mean, median in rows:
        sys.stdout.write(f"{name:<{w}}  {mean:>8}  {median:>9}\n")
    sys.stdout.write(f"speed-up (fresh / persistent): {res['ratio']:.1f}x (batch: {res['ratio_batch']:.1f}x)\n")
    sys.stdout.write(f"one-off browser start-up for the persistent renderer: {res['persistent_startup_ms']:.0f} ms\n")


if __name__ == "__main__":
    main(sys.argv)
