"""How many discrepancies a judge lists per pair against how many true ones the pair has.

    PYTHONPATH=src python benchmarks/item_counts.py RESULTS_DIR [RESULTS_DIR ...]

Per judge (a `verm bench run` results folder), per task: the distribution of
predicted ÷ true items over the pairs judged ok (quantiles and buckets), and the
pairs that *explode*: more than ``2 × true + 3`` items (issue 15's bound), listed
worst first with their source and edits.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from verm.bench.dataset import load_bench
from verm.bench.run import load_results, read_config

BUCKETS = ((0.0, "0"), (1.0, "(0, 1]"), (2.0, "(1, 2]"), (4.0, "(2, 4]"), (float("inf"), "> 4"))


def explodes(pred: int, true: int) -> bool:
    return pred > 2 * true + 3


def item_counts(results: str) -> dict[str, dict]:
    bench = load_bench(read_config(results)["bench"])
    rows = load_results(results)
    per_task: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for rec in bench.records:
        row = rows.get(rec.id)
        if row is None or row.get("status") != "ok":
            continue
        ops = ", ".join(e.get("op", "?") for e in rec.edits)
        per_task[rec.category.value].append(
            (len(row.get("errors") or []), len(rec.human_errors), rec.source_name or rec.id, ops)
        )
    out = {}
    for task, pairs in per_task.items():
        ratios = sorted(p / t for p, t, _, _ in pairs if t)
        buckets = dict.fromkeys((name for _, name in BUCKETS), 0)
        for r in ratios:
            buckets[next(name for hi, name in BUCKETS if r <= hi)] += 1

        def q(f: float, ratios: list[float] = ratios) -> float:
            return ratios[min(len(ratios) - 1, int(f * len(ratios)))] if ratios else float("nan")

        out[task] = {
            "pairs": len(pairs),
            "predicted": sum(p for p, _, _, _ in pairs),
            "true": sum(t for _, t, _, _ in pairs),
            "median": q(0.5),
            "p90": q(0.9),
            "max": ratios[-1] if ratios else float("nan"),
            "buckets": buckets,
            "exploded": sorted(((p, t, s, o) for p, t, s, o in pairs if explodes(p, t)), reverse=True),
        }
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    for results in argv:
        judge = read_config(results)["judge"]
        for task, c in item_counts(results).items():
            buckets = "  ".join(f"{k}: {v}" for k, v in c["buckets"].items())
            print(
                f"{judge:6s} {task}: {c['predicted']} items for {c['true']} true over {c['pairs']} pairs; "
                f"predicted/true median {c['median']:.2f}, p90 {c['p90']:.2f}, max {c['max']:.1f}; {buckets}; "
                f"{len(c['exploded'])} pairs > 2*true+3"
            )
            for p, t, s, o in c["exploded"][:10]:
                print(f"    {p:4d} items for {t} true  {s}  ({o})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
