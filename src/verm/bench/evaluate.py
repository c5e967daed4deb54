"""Score a judge's results against a benchmark's truth: the paper's metrics per
task, per discrepancy category and overall, plus reward-level figures.

See `verm.bench.metrics` for the definitions. A pair the judge failed on
counts, by default, as a prediction of *no* errors (its true errors are
misses) and as a missing reward (a coin flip in ranking); ``failures="exclude"``
leaves such pairs out instead, as the paper's script does with items it
could not evaluate. Either way the number of failures is reported.

Records with a ``hack`` field (reward hacks: no ground truth) are left out
of every figure above and ranked against the honest pairs of their reference
instead (`verm.bench.metrics.hack_figures`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from verm.bench.dataset import Bench, BenchRecord, load_bench
from verm.bench.match import Matcher, RuleMatcher
from verm.bench.metrics import (
    Hack,
    PairCounts,
    Ranked,
    hack_figures,
    pair_counts,
    pooled,
    reward_figures,
    severity_figures,
)
from verm.bench.run import load_results, read_config
from verm.errors import ContractError, InputError
from verm.types import CATEGORIES, Discrepancy, Task, parse_discrepancy

log = logging.getLogger(__name__)

Failures = Literal["empty", "exclude"]
Protocol = Literal["verm", "official"]

#: F1 where a block has nothing to count (TP = FP = FN = 0), per protocol.
EMPTY_F1: dict[str, float | None] = {"verm": None, "official": 1.0}


def _predicted(row: dict[str, Any], task: Task) -> list[Discrepancy]:
    out = []
    for i, e in enumerate(row.get("errors") or []):
        try:
            out.append(parse_discrepancy(e, task, where=f"result {row.get('id')!r} errors[{i}]"))
        except ContractError as exc:  # the paper's script drops errors outside the task's categories too
            log.warning("%s", exc)
    return out


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    v = sorted(values)
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def _block(
    task: Task | None,
    pairs: list[tuple[BenchRecord, dict[str, Any], PairCounts]],
    similarity_only: bool,
    hacks: Sequence[tuple[BenchRecord, dict[str, Any]]] = (),
    empty_f1: float | None = None,
) -> dict[str, Any]:
    cats = list(CATEGORIES[task]) if task else sorted({c for t in Task for c in CATEGORIES[t]})
    rows = [pc for _, _, pc in pairs]
    ranked = [
        Ranked(group=f"{rec.category.value}:{rec.group_key()}", reward=row.get("reward"), severity=rec.total_severity)
        for rec, row, _ in pairs
    ]
    hack_items = [
        Hack(group=f"{rec.category.value}:{rec.group_key()}", kind=str(rec.hack), reward=row.get("reward"))
        for rec, row in hacks
    ]
    elapsed = [float(row["elapsed_ms"]) for _, row, _ in pairs if row.get("status") == "ok" and row.get("elapsed_ms")]
    return {
        "n_pairs": len(pairs),
        "n_failed": sum(row.get("status") != "ok" for _, row, _ in pairs),
        "n_true_errors": sum(len(rec.human_errors) for rec, _, _ in pairs),
        # Every predicted error is a match or an FP; matches = true errors - FN.
        "n_predicted_errors": sum(len(rec.human_errors) - pc.overall.fn + pc.overall.fp for rec, _, pc in pairs),
        "detection": None if similarity_only else pooled(rows, cats, empty_f1),
        "severity": None if similarity_only else severity_figures(rows, cats),
        "reward": reward_figures(ranked),
        "hacks": hack_figures(hack_items, ranked),
        #: The judge's own time per pair (renders excluded: bench images and scenes are cached).
        "ms_per_pair_median": _median(elapsed),
    }


def evaluate(
    results: str | Path,
    bench: Bench | str | Path | None = None,
    matcher: Matcher | None = None,
    failures: Failures = "empty",
    protocol: Protocol = "verm",
) -> dict[str, Any]:
    """Evaluate one results directory (from `run_bench`) against its bench.

    ``protocol="official"`` is VC-RewardBench's scoring: F1 = 1 where nothing is
    counted (TP = FP = FN = 0), overall, per task and per category; everything
    else (one-to-one yes/partial matches, hard TP = yes, soft TP = yes + 0.5 x
    partial, unmatched predictions FP and unmatched truths FN, micro-summed per
    category and task, Pearson r of each item's severity sums per task and in
    total, errors outside the task's categories dropped, items whose matching
    failed left out and counted) is the same under both protocols. Use it with
    the `LlmMatcher`, the official matcher.
    """
    out_dir = Path(results)
    config = read_config(out_dir)
    if bench is None:
        bench = config.get("bench")
        if not bench:
            raise InputError(f"{out_dir}/config.json names no bench; pass --bench")
    b = bench if isinstance(bench, Bench) else load_bench(bench)
    rows = load_results(out_dir)
    matcher = matcher or RuleMatcher()
    if failures not in ("empty", "exclude"):
        raise InputError(f"failures must be 'empty' or 'exclude', not {failures!r}")
    if protocol not in EMPTY_F1:
        raise InputError(f"protocol must be one of {', '.join(EMPTY_F1)}, not {protocol!r}")
    empty_f1 = EMPTY_F1[protocol]

    ok_rows = [r for r in rows.values() if r.get("status") == "ok"]
    # A judge that never lists a discrepancy but gives a similarity is a baseline: no detection figures.
    similarity_only = bool(ok_rows) and all(r.get("similarity") is not None and not r.get("errors") for r in ok_rows)

    judged: list[tuple[BenchRecord, dict[str, Any], PairCounts]] = []
    hacks: list[tuple[BenchRecord, dict[str, Any]]] = []
    per_pair: list[dict[str, Any]] = []
    missing = 0
    match_failures = 0
    for rec in b.records:
        row = rows.get(rec.id)
        if row is None:
            missing += 1
            continue
        if rec.hack:  # no ground truth: ranked against the honest pairs of its reference, nothing else
            hacks.append((rec, row))
            continue
        failed = row.get("status") != "ok"
        if failed and failures == "exclude":
            continue
        predicted = [] if failed else _predicted(row, rec.category)
        try:
            matches = matcher.match(rec.category, predicted, rec.human_errors)
        except InputError as exc:
            match_failures += 1
            log.warning("matching failed for %s: %s", rec.id, exc)
            continue
        pc = pair_counts(CATEGORIES[rec.category], predicted, rec.human_errors, matches)
        judged.append((rec, row, pc))
        per_pair.append(
            {
                "id": rec.id,
                "task": rec.category.value,
                "status": row.get("status"),
                "reason": row.get("reason"),
                "n_true": len(rec.human_errors),
                "n_pred": len(predicted),
                **{k: v for k, v in pc.overall.to_dict().items() if k in ("tp_hard", "tp_soft", "fp", "fn")},
                "f1_soft": pc.overall.scores(empty_f1)["f1_soft"],
                "severity_true": pc.total_true,
                "severity_pred": pc.total_pred,
                "reward": row.get("reward"),
                "matches": [[m.pred, m.true, m.level] for m in matches],
            }
        )
    if missing:
        log.warning(
            "%s: %d of %d pairs have no result (run `verm bench run` again to finish)", out_dir, missing, len(b)
        )

    by_task = {}
    for task in b.tasks():
        sub = [p for p in judged if p[0].category is task]
        task_hacks = [h for h in hacks if h[0].category is task]
        by_task[task.value] = _block(task, sub, similarity_only, task_hacks, empty_f1)
    report = {
        "judge": config.get("judge"),
        "config_hash": config.get("hash"),
        "results": str(out_dir),
        "bench": str(b.path),
        "matcher": matcher.name,
        "protocol": protocol,
        "failures": failures,
        "similarity_only": similarity_only,
        "n_bench_pairs": len(b),
        "n_missing": missing,
        "n_match_failures": match_failures,
        "overall": _block(None, judged, similarity_only, hacks, empty_f1),
        "by_task": by_task,
        "pairs": per_pair,
    }
    return report
