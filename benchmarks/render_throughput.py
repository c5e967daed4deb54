"""Render throughput: verm's sandboxed pool against the reference
implementation's way and against the no-isolation floor, in one run, at the
same parallelism.

    python benchmarks/render_throughput.py [--charts 24] [--svgs 60] [--tables 20] [--workers 2]

* charts — verm: pre-warmed forked workers with every isolation layer (and,
  as a fourth way, the same with the plotting-call trace turned off, so the
  trace's cost is a ratio measured in the same run);
  reference: a fresh ``python script.py`` per chart (import matplotlib, exec,
  savefig), as the paper's reward script does; floor: the same code exec'd
  in already-warm processes with no isolation at all.
* svg — verm: the sandbox pool; reference: the paper's reward script's way,
  a multiprocessing Manager plus a new process per SVG rendering with
  CairoSVG; floor: resvg called in-process.
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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from verm.corpus import generate_chart_programs  # noqa: E402
from verm.render.chart import DEFAULT_DPI, ChartRenderer  # noqa: E402
from verm.render.svg import SvgRenderer  # noqa: E402

_REFERENCE_CHART = f"""
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
code = open(sys.argv[1]).read()
plt.show = lambda *a, **k: None
exec(compile(code, sys.argv[1], "exec"), {{"__name__": "__main__"}})
plt.savefig(sys.argv[2], dpi={DEFAULT_DPI})
"""


def _reference_svg_worker(code: str, save_path: str, result: dict) -> None:
    import cairosvg

    cairosvg.svg2png(
        bytestring=code.encode("utf-8"),
        write_to=save_path,
        output_width=336,
        output_height=336,
        background_color="white",
    )
    result["success"] = os.path.getsize(save_path) > 0


def _reference_svg(code: str, save_path: str) -> bool:
    """The paper's reward script: a multiprocessing Manager and a new process per SVG."""
    manager = mp.Manager()
    try:
        result = manager.dict()
        proc = mp.Process(target=_reference_svg_worker, args=(code, save_path, result))
        proc.start()
        proc.join(timeout=10)
        if proc.is_alive():
            proc.terminate()
            proc.join()
            return False
        return bool(result.get("success"))
    finally:
        manager.shutdown()


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


def _pixels_hash(png: bytes) -> str:
    """A hash of the decoded pixels: PNG bytes differ with the zlib level, pixels must not."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        return hashlib.sha256(img.convert("RGBA").tobytes()).hexdigest()


def _floor_chart(code: str) -> str:
    import matplotlib
    import matplotlib.pyplot as plt

    plt.close("all")
    matplotlib.rcdefaults()  # programs may change rcParams; each starts from the defaults, as in verm
    show, plt.show = plt.show, lambda *a, **k: None
    exec(compile(code, "<floor>", "exec"), {"__name__": "__main__"})
    plt.show = show
    buf = io.BytesIO()
    plt.gcf().savefig(buf, format="png", dpi=DEFAULT_DPI)
    plt.close("all")
    return _pixels_hash(buf.getvalue())


def _floor_svg(text: str) -> int:
    from verm.render.svg import SvgOptions, prepare_svg, render_svg_png

    return len(render_svg_png(prepare_svg(text), SvgOptions()))


def _best_of(repeats: int, ways: dict[str, Callable[[], int]]) -> dict[str, tuple[float, int]]:
    """Run every way ``repeats`` times, interleaved (so load from elsewhere hits all alike); keep the fastest."""
    best: dict[str, tuple[float, int]] = {}
    for _ in range(repeats):
        for name, fn in ways.items():
            secs, ok = _timed(fn)
            if name not in best or secs < best[name][0]:
                best[name] = (secs, int(ok))
    return best


def bench_charts(n: int, workers: int, repeats: int) -> None:
    programs = [p.code for p in generate_chart_programs(n, seed=1000)]
    renderer = ChartRenderer(workers=workers)
    untraced = ChartRenderer(workers=workers, trace=False)
    startup, _ = _timed(renderer.pool.start)
    untraced.pool.start()
    rendered: list = []
    floor_hashes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, mp.get_context("fork").Pool(workers, initializer=_floor_init) as pool:
        files = []
        for i, code in enumerate(programs):
            f = Path(tmp) / f"chart_{i}.py"
            f.write_text(code)
            files.append(f)
        pool.map(_floor_chart, programs[:workers])  # warm every floor process first

        def verm_way() -> int:
            rendered[:] = renderer.render_many(programs)
            return sum(r.ok for r in rendered)

        def floor_way() -> int:
            floor_hashes[:] = pool.map(_floor_chart, programs)
            return len(floor_hashes)

        def untraced_way() -> int:
            return sum(r.ok for r in untraced.render_many(programs))

        best = _best_of(
            repeats,
            {
                "verm pool (sandboxed)": verm_way,
                "reference: python per chart": lambda: _run_scripts(_REFERENCE_CHART, files, ".png", workers),
                "floor: in-process, no isolation": floor_way,
                "verm pool, trace off": untraced_way,
            },
        )
    renderer.close()
    untraced.close()
    same = sum(1 for r, h in zip(rendered, floor_hashes, strict=True) if r.ok and _pixels_hash(r.png) == h)
    print(f"\ncharts: {n} generated programs, {workers} at a time, best of {repeats} interleaved runs")
    print(f"  (verm's zygote start-up, once per process: {startup * 1000:.0f} ms, not counted)")
    traced, plain = best["verm pool (sandboxed)"][0], best.pop("verm pool, trace off")[0]
    _report(best, n)
    print(f"  images pixel-identical to the floor's: {same}/{n}")
    print(
        f"  plotting-call trace: {traced / n * 1000:.1f} ms/render with it, {plain / n * 1000:.1f} without "
        f"({traced / plain:.3f}x)"
    )


def bench_svgs(n: int, workers: int, repeats: int) -> None:
    files = sorted(CORPORA.glob("svg/**/*.svg"))[:n]
    if not files:
        print(f"\nsvg: no corpus at {CORPORA}; skipped")
        return
    texts = [f.read_text(encoding="utf-8") for f in files]
    renderer = SvgRenderer(workers=workers)
    startup, _ = _timed(renderer.pool.start)

    def reference_all() -> int:
        with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(workers) as ex:
            outs = [str(Path(tmp) / f"{i}.png") for i in range(len(texts))]
            return sum(ex.map(_reference_svg, texts, outs))

    with mp.get_context("fork").Pool(workers) as pool:
        pool.map(_floor_svg, texts[:workers])
        best = _best_of(
            repeats,
            {
                "verm pool (sandboxed)": lambda: sum(r.ok for r in renderer.render_many(texts)),
                "reference: Manager + process per svg": reference_all,
                "floor: in-process, no isolation": lambda: len(pool.map(_floor_svg, texts)),
            },
        )
    renderer.close()
    print(f"\nsvg: {len(files)} corpus icons, {workers} at a time, best of {repeats} interleaved runs")
    print(f"  (verm's zygote start-up, once per process: {startup * 1000:.0f} ms, not counted)")
    _report(best, len(files))


def bench_tables(n: int, repeats: int) -> None:
    from benchmarks.tables_bench import _corpus_paths
    from benchmarks.tables_bench import bench_tables as measure

    res = measure(_corpus_paths(n), repeats=repeats)
    print(f"\ntables: {res['tables']} corpus tables (html and markdown), one at a time, {repeats} repeat(s)")
    print(f"  {'way':44} {'ms/table':>9}")
    print(f"  {'verm: persistent Chromium, one render()':44} {res['persistent_ms']:9.1f}")
    print(f"  {'verm: persistent Chromium, render_many()':44} {res['persistent_batch_ms']:9.1f}")
    print(f"  {'reference: fresh headless Chromium per table':44} {res['fresh_ms']:9.1f}")
    print(f"  verm vs reference: {res['ratio']:.2f}x faster (batch {res['ratio_batch']:.2f}x)")


def _report(best: dict[str, tuple[float, int]], n: int) -> None:
    print(f"  {'way':38} {'renders/s':>10} {'ms/render':>10} {'ok':>7}")
    for name, (secs, ok) in best.items():
        print(f"  {name:38} {n / secs:10.2f} {secs / n * 1000:10.1f} {ok:>3}/{n}")
    (t_verm, _), (t_ref, _), (t_floor, _) = best.values()
    print(
        f"  verm vs reference: {t_ref / t_verm:.2f}x faster; verm vs floor: {t_floor / t_verm:.2f}x the floor's speed"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--charts", type=int, default=24)
    ap.add_argument("--svgs", type=int, default=60)
    ap.add_argument("--tables", type=int, default=20)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--repeats", type=int, default=2, help="interleaved runs per way; the best counts")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, python {sys.version.split()[0]}, parallelism {args.workers}")
    if args.charts:
        bench_charts(args.charts, args.workers, args.repeats)
    if args.svgs:
        bench_svgs(args.svgs, args.workers, args.repeats)
    if args.tables:
        bench_tables(args.tables, 1)


if __name__ == "__main__":
    main()
