"""How far a judge's severity Pearson r could rise, and what holds it down: bounds from its results.

    PYTHONPATH=src python benchmarks/severity_bounds.py RESULTS_DIR [RESULTS_DIR ...]

Per task, the Pearson r of total severity per pair (as `verm bench eval`), then the same r
with one kind of error taken away at a time (predicted and true discrepancies matched one
to one by the bench's `RuleMatcher`):

- ``no false``  — every predicted discrepancy that matches no true one dropped;
- ``no misses`` — every true discrepancy that no prediction matches added to the prediction;
- ``exact sev`` — every matched prediction at its true severity;
- ``1-edit ok`` — every pair with one true edit predicted exactly (its true total);
- ``counter``    — an oracle that knows only how many edits a pair has (r of that count);
- ``items``     — the judge's number of discrepancies (r of that count);
- ``apart``     — of the pairs with several edits, the share whose edits' boxes all lie apart
  (no two with over half the smaller box inside the other, padded as the matcher pads):
  what a judge that sees only pixels can count at all.

A bound near r says that kind of error costs little; ``1-edit ok`` and ``counter`` say how
much of r lies in the pairs with several edits and in counting them.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from itertools import combinations

from verm.bench.dataset import load_bench
from verm.bench.match import RuleMatcher, box_overlap
from verm.bench.metrics import pearson
from verm.bench.run import load_results, read_config
from verm.types import Discrepancy

COLUMNS = ("r", "no false", "no misses", "exact sev", "1-edit ok", "counter", "items")
#: Two edits overlap when over this share of the smaller box lies inside the other.
OVERLAP = 0.5


def severity_bounds(results: str) -> dict[str, dict[str, float | None]]:
    """Per task: each column of `COLUMNS` (None where r is undefined) and ``apart``; tasks where the
    judge wrote no discrepancy at all are left out."""
    bench = load_bench(read_config(results)["bench"])
    rows = load_results(results)
    matcher = RuleMatcher()
    series: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for rec in bench.records:
        row = rows.get(rec.id)
        if row is None or row.get("status") != "ok":
            continue
        pred = [Discrepancy.model_validate(e) for e in row.get("errors") or []]
        true = list(rec.human_errors)
        pairs = {m.pred: m.true for m in matcher.match(rec.category, pred, true)}
        t = float(sum(e.severity for e in true))
        p = float(sum(e.severity for e in pred))
        false = sum(e.severity for i, e in enumerate(pred) if i not in pairs)
        missed = sum(e.severity for j, e in enumerate(true) if j not in pairs.values())
        off = sum(pred[i].severity - true[j].severity for i, j in pairs.items())
        s = series[rec.category.value]
        s["truth"].append(t)
        if len(true) > 1:
            boxes = [e.bbox for e in true]
            s["apart"].append(
                float(all(a and b and box_overlap(a, b)[1] <= OVERLAP for a, b in combinations(boxes, 2)))
            )
        for name, value in zip(
            COLUMNS,
            (p, p - false, p + missed, p - off, t if len(true) == 1 else p, len(true), len(pred)),
            strict=True,
        ):
            s[name].append(float(value))
    # A judge that writes no discrepancies (the MSE and SSIM baselines) has no severity to bound.
    return {
        task: {
            **{name: pearson(s[name], s["truth"]) for name in COLUMNS},
            "apart": sum(s["apart"]) / len(s["apart"]) if s["apart"] else None,
        }
        for task, s in series.items()
        if any(s["items"])
    }


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    print(f"{'results':32s} {'task':6s} " + " ".join(f"{c:>9s}" for c in (*COLUMNS, "apart")))
    for results in argv:
        for task, bounds in sorted(severity_bounds(results).items()):
            cells = " ".join(f"{v:9.3f}" if v is not None else f"{'-':>9s}" for v in bounds.values())
            print(f"{results[-32:]:32s} {task:6s} {cells}")


if __name__ == "__main__":
    main(sys.argv[1:])
