"""What the plotting-call trace (``scene["trace"]``, ChartMimic's scores) costs a chart render:
the same generated programs through two sandboxed pools, one with the trace and
one without, in alternating rounds (ABBA order, so drift from other load hits both
alike); the ratio of each round pair and their median.

    python benchmarks/chart_trace_cost.py [--charts 24] [--rounds 6] [--workers 1]

`benchmarks/render_throughput.py` reports the same ratio beside the other ways;
this one repeats it enough to read through a loaded machine's noise, and then
times the trace's own work in this process, where noise cannot hide it: the
patching (`install`, once per render) and reading the trace after the draw
(`Trace.to_json`), against the draw itself.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from verm.corpus import generate_chart_programs  # noqa: E402
from verm.render.chart import ChartRenderer  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--charts", type=int, default=24)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    programs = [p.code for p in generate_chart_programs(args.charts, seed=1000)]
    with ChartRenderer(workers=args.workers) as traced, ChartRenderer(workers=args.workers, trace=False) as plain:
        for r in (traced, plain):  # warm both pools (zygote start-up is not counted)
            assert all(x.ok for x in r.render_many(programs[:2]))

        def timed(r: ChartRenderer) -> float:
            t0 = time.perf_counter()
            out = r.render_many(programs)
            assert all(x.ok for x in out)
            return time.perf_counter() - t0

        ratios, t_on, t_off = [], [], []
        for k in range(args.rounds):
            order = (traced, plain, plain, traced) if k % 2 == 0 else (plain, traced, traced, plain)
            secs = {id(traced): 0.0, id(plain): 0.0}
            for r in order:
                secs[id(r)] += timed(r) / 2
            t_on.append(secs[id(traced)])
            t_off.append(secs[id(plain)])
            ratios.append(secs[id(traced)] / secs[id(plain)])
        n = len(programs)
        trace = traced.render(programs[0]).scene["trace"]
    print(f"{n} generated charts, {args.workers} worker(s), {args.rounds} ABBA rounds")
    print(f"  trace on : median {1000 * statistics.median(t_on) / n:.1f} ms/render")
    print(f"  trace off: median {1000 * statistics.median(t_off) / n:.1f} ms/render")
    print(f"  ratio per round: {', '.join(f'{x:.3f}' for x in ratios)}; median {statistics.median(ratios):.3f}x")
    print(f"  (first program's trace: {sum(trace['calls'].values())} calls, {len(trace['texts'])} texts)")
    own_work(programs)


def own_work(programs: list[str]) -> None:
    """The trace's own cost in-process: install (warm imports, as in the zygote), to_json, against the draw."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from verm.render import _chart_trace

    _chart_trace.install()  # the first call imports what the zygote has preloaded
    t0 = time.perf_counter()
    trace = _chart_trace.install()
    t_install = time.perf_counter() - t0
    t_draw = t_json = 0.0
    for code in programs:
        plt.close("all")
        trace.__init__()  # type: ignore[misc]  # a fresh record per program, same patched classes
        exec(compile(code, "<program>", "exec"), {"__name__": "__main__"})
        fig = plt.gcf()
        trace.recording_texts = True
        t0 = time.perf_counter()
        fig.canvas.draw()
        t1 = time.perf_counter()
        trace.recording_texts = False
        trace.to_json(fig)
        t2 = time.perf_counter()
        t_draw += t1 - t0
        t_json += t2 - t1
    n = len(programs)
    print(
        f"  in-process: install {1000 * t_install:.2f} ms, to_json {1000 * t_json / n:.2f} ms/chart, "
        f"against the draw's {1000 * t_draw / n:.1f} ms/chart ({100 * t_json / t_draw:.1f} %)"
    )


if __name__ == "__main__":
    main()
