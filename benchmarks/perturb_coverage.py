"""Which perturbation ops find an edit site in which sources, and whether the edit shows.

    PYTHONPATH=src python benchmarks/perturb_coverage.py --sources DIR [--task chart] [--bench BENCH] [--json OUT]

For every source and every op of the task's perturber (`verm.perturb`), one edit is
proposed (seeded) and classified:

- ``n/a: <why>`` — the op found no target (the perturber's own reason, e.g. "no data");
- ``visible``     — the edit applied and its ground truth is not empty;
- ``invisible``   — it applied but nothing changed on the rendering (a bench re-draws it);
- ``breaks``      — the edited source no longer renders.

With ``--bench``, also the ops the bench's pairs carry, per source. The gaps (sources
where an op that fits the chart finds nothing) are what the perturbers should learn.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from verm.bench.dataset import load_bench
from verm.bench.make import SOURCE_SUFFIXES
from verm.perturb import NotApplicable, PerturbResult, get_perturber, ground_truth
from verm.render import get_renderer
from verm.types import Task

console = Console(width=200)
SHORT = {"visible": "✓", "invisible": "·", "breaks": "✗"}


def why_not(perturber, op: str, source: str, rng: random.Random) -> str:
    """The op's own reason for finding no target (ops raise `NotApplicable` with one)."""
    try:
        getattr(perturber, f"_op_{op}")(source, {}, rng)
    except NotApplicable as exc:
        return str(exc)
    except Exception as exc:  # an op that trips on an unforeseen source shape: propose() treats it as n/a
        return f"{type(exc).__name__}: {exc}"
    return "the edit left the source unchanged or unparsable"


def coverage(task: Task, files: list[tuple[str, str]]) -> dict[str, dict[str, str]]:
    perturber = get_perturber(task)
    ops = perturber.ops()
    out: dict[str, dict[str, str]] = {name: {} for name, _ in files}
    proposals: list[tuple[str, str, str, PerturbResult]] = []
    for name, source in files:
        for op in ops:
            rng = random.Random(f"coverage:{name}:{op}")
            got = perturber.propose(source, rng, op)
            if got is None:
                out[name][op] = "n/a: " + why_not(perturber, op, source, random.Random(f"coverage:{name}:{op}"))
            else:
                proposals.append((name, op, source, PerturbResult(got[0], [got[1]])))
    with get_renderer(task) as renderer, Progress(console=console, transient=True) as progress:
        bar = progress.add_task(f"render {len(proposals)} edits", total=len(proposals))
        for name, op, source, result in proposals:
            cand = renderer.render(result.source)
            if not cand.ok:
                out[name][op] = "breaks"
            else:
                out[name][op] = "visible" if ground_truth(task, source, result, renderer) else "invisible"
            progress.advance(bar)
    return out


def bench_ops(bench: Path) -> dict[str, Counter[str]]:
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for r in load_bench(bench).records:
        per[r.source_name or r.id].update(e.get("op", "?") for e in r.edits)
    return per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, required=True)
    ap.add_argument("--task", default="chart", choices=[t.value for t in Task])
    ap.add_argument("--bench", type=Path, default=None, help="also list the ops a bench's pairs carry per source")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    task = Task.parse(args.task)
    paths = sorted(p for p in args.sources.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES[task])
    if not paths:
        sys.exit(f"no {'/'.join(SOURCE_SUFFIXES[task])} files under {args.sources}")
    files = [(p.relative_to(args.sources).as_posix(), p.read_text(encoding="utf-8")) for p in paths]
    cov = coverage(task, files)
    ops = get_perturber(task).ops()

    t = Table(title=f"{task.value} ops per source: ✓ visible, · invisible, ✗ breaks the render, blank = no target")
    t.add_column("source", no_wrap=True)
    for op in ops:
        t.add_column(op.replace("_", " "), justify="center")
    t.add_column("✓", justify="right")
    for name, row in cov.items():
        t.add_row(name, *(SHORT.get(row[op], "") for op in ops), str(sum(v == "visible" for v in row.values())))
    console.print(t)
    per_op = {op: sum(cov[n][op] == "visible" for n in cov) for op in ops}
    console.print("visible edits per op: " + ", ".join(f"{op} {k}/{len(cov)}" for op, k in per_op.items()))
    reasons = Counter(f"{op}: {v[5:]}" for row in cov.values() for op, v in row.items() if v.startswith("n/a"))
    console.print("no target, by op and reason: " + "; ".join(f"{k} ({n})" for k, n in reasons.most_common()))

    used = bench_ops(args.bench) if args.bench else {}
    if args.bench:
        console.print(f"\nops in {args.bench} per source (pairs' edits):")
        for name in cov:
            c = used.get(name, Counter())
            console.print(
                f"  {name:28s} {sum(c.values()):2d} edits  " + ", ".join(f"{k} {v}" for k, v in c.most_common())
            )
    if args.json:
        args.json.write_text(json.dumps({"coverage": cov, "bench_ops": used}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
