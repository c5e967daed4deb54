"""Benchmarks for judges in the VC-RewardBench layout.

* `make_bench` — perturb reference sources into pairs with exact ground truth.
* `load_bench` — read a bench (verm's or the paper's files).
* `run_bench` — run a judge over every pair (parallel, resumable).
* `evaluate` — the paper's metrics (P/R/F1 hard and soft, severity Pearson)
  plus reward-level figures (Spearman, ranking accuracy).
"""

from verm.bench.dataset import Bench, BenchRecord, load_bench
from verm.bench.evaluate import evaluate
from verm.bench.make import make_bench
from verm.bench.match import LlmMatcher, Match, RuleMatcher
from verm.bench.run import run_bench

__all__ = [
    "Bench",
    "BenchRecord",
    "LlmMatcher",
    "Match",
    "RuleMatcher",
    "evaluate",
    "load_bench",
    "make_bench",
    "run_bench",
]
