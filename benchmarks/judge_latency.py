"""Median milliseconds per pair of each CPU judge at 768 px, per task.

    PYTHONPATH=src python benchmarks/judge_latency.py [--pairs 12] [--side 768]

Pairs are generated: references (charts from verm's generator, tables and SVGs from
../shared/corpora) perturbed with 1-3 edits by `verm.perturb`, both sides rendered by
verm's renderers (so the scene judge gets its scenes), then scaled so that the longest
side is ``--side`` px. Every judge sees the same pairs, after one warm-up call; the
table shows the median time per pair and its ratio to the MSE baseline measured in the
same run (a machine-independent figure). Rendering is not timed.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import time
from pathlib import Path

from PIL import Image

from verm.corpus import generate_chart_programs
from verm.judge import get_judge
from verm.perturb import perturb
from verm.render import get_renderer
from verm.types import Rendering, Task

# The shared corpora sit next to the repository; a git worktree elsewhere passes --corpora (or $CORPORA).
CORPORA = Path(os.environ.get("CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora"))
JUDGES = ("pixel", "scene", "cascade", "mse", "ssim")


def _scaled(r: Rendering, side: int) -> Rendering:
    """The rendering with its image scaled to ``side`` px on the longest side (scene kept)."""
    img = r.image()
    k = side / max(img.size)
    img = img.resize((max(1, round(img.width * k)), max(1, round(img.height * k))), Image.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return r.model_copy(update={"png": buf.getvalue()})


def _sources(task: Task, n: int, corpora: Path) -> list[str]:
    if task is Task.CHART:
        return [p.code for p in generate_chart_programs(n, seed=7)]
    folder = corpora / ("tables" if task is Task.TABLE else "svg")
    suffixes = (".md", ".html") if task is Task.TABLE else (".svg",)
    files = sorted(p for p in folder.rglob("*") if p.suffix in suffixes)
    if not files:
        raise SystemExit(f"no {task.value} sources under {folder}: pass --corpora DIR (the shared corpora folder)")
    rng = random.Random(7)
    rng.shuffle(files)
    return [p.read_text(encoding="utf-8") for p in files[:n]]


def make_pairs(task: Task, n: int, side: int, corpora: Path = CORPORA) -> list[tuple[Rendering, Rendering]]:
    """``n`` (reference, candidate) pairs that both rendered, scaled to ``side`` px."""
    refs = _sources(task, n, corpora)
    cands = [perturb(task, s, random.Random(f"latency:{i}"), n_edits=1 + i % 3).source for i, s in enumerate(refs)]
    renderer = get_renderer(task)
    try:
        rendered = renderer.render_many([*refs, *cands])
    finally:
        renderer.close()
    pairs = []
    for ref, cand in zip(rendered[: len(refs)], rendered[len(refs) :], strict=True):
        if ref.ok and cand.ok:
            pairs.append((_scaled(ref, side), _scaled(cand, side)))
    return pairs


def time_judge(name: str, task: Task, pairs: list[tuple[Rendering, Rendering]]) -> float | None:
    """Median ms per pair, None when the judge cannot answer these pairs."""
    judge = get_judge(name)
    try:
        judge.judge(task, *pairs[0])  # warm-up: lazy imports, OCR engine, OpenCV tables
        times = []
        for ref, cand in pairs:
            t0 = time.perf_counter()
            j = judge.judge(task, ref, cand)
            times.append((time.perf_counter() - t0) * 1e3)
            if j.status.value != "ok":
                return None
        return statistics.median(times)
    finally:
        judge.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=12, help="pairs per task")
    ap.add_argument("--side", type=int, default=768, help="longest side of every image, px")
    ap.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora folder (tables/, svg/)")
    args = ap.parse_args()
    rows = []
    for task in Task:
        pairs = make_pairs(task, args.pairs, args.side, args.corpora)
        if not pairs:
            continue
        times = {name: time_judge(name, task, pairs) for name in JUDGES}
        rows.append((task.value, len(pairs), times))
    print(f"median ms per pair at {args.side} px (x = ratio to mse in this run; - = judge cannot answer)")
    print(f"{'task':6s} {'pairs':>5s} " + " ".join(f"{n:>16s}" for n in JUDGES))
    for task_name, n, times in rows:
        base = times.get("mse")
        cells = []
        for name in JUDGES:
            t = times[name]
            cells.append(f"{'-':>16s}" if t is None else f"{t:8.1f} ({t / base:4.1f}x)" if base else f"{t:16.1f}")
        print(f"{task_name:6s} {n:5d} " + " ".join(cells))


if __name__ == "__main__":
    main()
