"""Render throughput: verm's sandboxed pool against the reference
implementation's way and against the no-isolation floor, in one run, at the
same parallelism.

    python benchmarks/render_throughput.py [--charts 24] [--svgs 60] [--tables 20] [--workers 2]

* charts — verm: pre-warmed forked workers with every isolation layer;
  reference: a fresh ``python script.py`` per chart (import matplotlib, exec,
  savefig), as the paper's reward script does; floor: the same code exec'd
  in already-warm processes with no isolation at all.
* svg — verm: the sandbox pool; reference: a fresh Python process per SVG
  (the paper's script starts a multiprocessing process per SVG); floor:
  resvg called in-process.
* tables — verm's persistent Chromium page against a fresh headless Chromium
  per table (see benchmarks/tables_bench.py).

Every figure is measured in this run; ratios are against the baseline
measured here, never against a remembered number.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from verm.corpus import generate_chart_programs  # noqa: E402
from verm.render.chart import DEFAULT_DPI, ChartRenderer  # noqa: E402
from verm.render.svg import SvgRenderer  # noqa: E402

_REFERENCE_CHART = (
    f"""
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
code = open(sys.argv[1]).read()
plt.show = lambda *a, **k: None
exec(compile(code, sys.argv[1], "exec"), {"__name__": "__main__"})
plt.savefig(sys.argv[2], dpi={DEFAULT_DPI})
"""
)

_REFERENCE_SVG = """
import sys
import resvg_py
open(sys.argv[2], "wb").write(bytes(resvg_py.svg_to_bytes(svg_string=open(sys.argv[1]).read(), width=336, height=336, background="white")))
"""


def _timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _run_scripts(script: str, inputs: list[Path], suffix: str, workers: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        driver = Path(tmp) / "driver.py"
        driver.write_text(script)

        def one(p: Path) -> int:
            out = Path(tmp) / (p.stem + suffix)
            return subprocess.run([sys.executable, str(driver), str(p), str(out)], capture_output=True).returncode

        with ThreadPoolExecutor(workers) as ex:
            return sum(1 for rc in ex.map(one, inputs) if rc == 0)


# -- floor: warm processes, no isolation ------------------------------------------------


def _floor_init() -> None:
    os.environ["MPLBACKEND"] = "Agg"
    from verm.render.chart import warmup

    warmup()


def _floor_chart(code: str) -> str:
    import matplotlib.pyplot as plt

    plt.close("all")
    show, plt.show = plt.show, lambda *a, **k: None
    exec(compile(code, "<floor>", "exec"), {"__name__": "__main__"})
    plt.show = show
    buf = io.BytesIO()
    plt.gcf().savefig(buf, format="png", dpi=DEFAULT_DPI)
    plt.close("all")
    return hashlib.sha256(buf.getvalue()).hexdigest()


def _floor_svg(text: str) -> int:
    from verm.render.svg import SvgOptions, prepare_svg, render_svg_png

    return len(render_svg_png(prepare_svg(text), SvgOptions()))


def bench_charts(n: int, workers: int) -> None:
    programs = [p.code for p in generate_chart_programs(n, seed=1000)]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, code in enumerate(programs):
            f = Path(tmp) / f"chart_{i}.py"
            f.write_text(code)
            files.append(f)
        renderer = ChartRenderer(workers=workers)
        startup, _ = _timed(renderer.pool.start)
        t_verm, rendered = _timed(lambda: renderer.render_many(programs))
        renderer.close()
        ok = sum(r.ok for r in rendered)
        t_ref, ref_ok = _timed(lambda: _run_scripts(_REFERENCE_CHART, files, ".png", workers))
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_floor_init) as pool:
        pool.map(_floor_chart, programs[:workers])  # warm every floor process first
        t_floor, floor_hashes = _timed(lambda: pool.map(_floor_chart, programs))
    same = sum(
        1 for r, h in zip(rendered, floor_hashes, strict=True) if r.ok and hashlib.sha256(r.png).hexdigest() == h
    )
    print(
        f"\ncharts: {n} generated programs, {workers} at a time (zygote start-up {startup * 1000:.0f} ms, not counted)"
    )
    _table(
        [
            ("verm pool (sandboxed)", t_verm, n, ok),
            ("reference: python per chart", t_ref, n, ref_ok),
            ("floor: in-process, no isolation", t_floor, n, n),
        ]
    )
    print(
        f"  verm vs reference: {t_ref / t_verm:.2f}x faster;  verm vs floor: {t_floor / t_verm:.2f}x the floor's speed"
    )
    print(f"  images identical to the floor's: {same}/{n}")


def bench_svgs(n: int, workers: int) -> None:
    files = sorted(CORPORA.glob("svg/**/*.svg"))[:n]
    if not files:
        print(f"\nsvg: no corpus at {CORPORA}; skipped")
        return
    texts = [f.read_text(encoding="utf-8") for f in files]
    renderer = SvgRenderer(workers=workers)
    startup, _ = _timed(renderer.pool.start)
    t_verm, rendered = _timed(lambda: renderer.render_many(texts))
    renderer.close()
    ok = sum(r.ok for r in rendered)
    t_ref, ref_ok = _timed(lambda: _run_scripts(_REFERENCE_SVG, files, ".png", workers))
    with mp.get_context("fork").Pool(workers) as pool:
        pool.map(_floor_svg, texts[:workers])
        t_floor, _ = _timed(lambda: pool.map(_floor_svg, texts))
    print(
        f"\nsvg: {len(files)} corpus icons, {workers} at a time (zygote start-up {startup * 1000:.0f} ms, not counted)"
    )
    _table(
        [
            ("verm pool (sandboxed)", t_verm, len(files), ok),
            ("reference: process per svg", t_ref, len(files), ref_ok),
            ("floor: in-process, no isolation", t_floor, len(files), len(files)),
        ]
    )
    print(
        f"  verm vs reference: {t_ref / t_verm:.2f}x faster;  verm vs floor: {t_floor / t_verm:.2f}x the floor's speed"
    )


def bench_tables(n: int) -> None:
    try:
        from benchmarks.tables_bench import main_summary
    except ImportError as exc:
        print(f"\ntables: benchmark unavailable ({exc})")
        return
    main_summary(n)


def _table(rows: list[tuple[str, float, int, int]]) -> None:
    print(f"  {'way':34} {'renders/s':>10} {'ms/render':>10} {'ok':>6}")
    for name, secs, n, ok in rows:
        print(f"  {name:34} {n / secs:10.2f} {secs / n * 1000:10.1f} {ok:>3}/{n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--charts", type=int, default=24)
    ap.add_argument("--svgs", type=int, default=60)
    ap.add_argument("--tables", type=int, default=20)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, python {sys.version.split()[0]}, parallelism {args.workers}")
    if args.charts:
        bench_charts(args.charts, args.workers)
    if args.svgs:
        bench_svgs(args.svgs, args.workers)
    if args.tables:
        bench_tables(args.tables)


if __name__ == "__main__":
    main()
