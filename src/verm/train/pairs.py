"""Training pairs at scale from the perturbation engine: `make_pairs` is
`verm.bench.make.make_bench` (resumable, deterministic per seed, progress after each
pair) plus the category and severity balance of what was made.

A pairs directory is a bench directory: ``bench.jsonl`` and ``images/``, so
``verm train export`` and ``verm bench run`` read it alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from verm.bench.dataset import load_bench
from verm.bench.make import MakeProgress, MakeSummary, make_bench
from verm.train.export import Balance, balance_of
from verm.types import Task


@dataclass
class PairsSummary:
    made: MakeSummary
    #: task -> balance over every pair in the directory
    balance: dict[str, Balance]


def make_pairs(
    task: Task | str,
    sources: str | Path | None,
    out_dir: str | Path,
    n: int,
    seed: int = 0,
    max_edits: int = 3,
    workers: int | None = None,
    progress: MakeProgress | None = None,
) -> PairsSummary:
    """Make (or extend to) ``n`` pairs of ``task`` from ``sources`` in ``out_dir``."""
    made = make_bench(task, sources, out_dir, n=n, seed=seed, max_edits=max_edits, workers=workers, progress=progress)
    bench = load_bench(out_dir)
    balance = balance_of([(r.task, r.group_key(), r.human_errors) for r in bench.records])
    return PairsSummary(made=made, balance=balance)
