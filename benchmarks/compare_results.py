"""Do two judge runs over one bench agree pair by pair? For refactors that must not change output.

    PYTHONPATH=src python benchmarks/compare_results.py BEFORE AFTER [--show 5]

BEFORE and AFTER are ``verm bench run`` output directories (or their results.jsonl). Per pair
id, compares the status, the reward and every discrepancy (category, severity, location,
description, bbox) in order; ``elapsed_ms`` and other timings are ignored. Prints the number
of pairs compared, the ids only one side has, the number of pairs that differ and the first
differences (``--show``). Exits 1 when any pair differs or is missing on one side.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from verm.bench.run import load_results

#: What a judge run decides about a pair; everything else in a result line (timings) may vary.
COMPARED = ("status", "reason", "reward", "reward_status", "similarity")
ERROR_FIELDS = ("category", "severity", "location", "description", "bbox")


def pair_differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What differs between two result lines of one pair, in words (empty: identical)."""
    out = [f"{k}: {before.get(k)!r} -> {after.get(k)!r}" for k in COMPARED if before.get(k) != after.get(k)]
    errs_a, errs_b = before.get("errors") or [], after.get("errors") or []
    if len(errs_a) != len(errs_b):
        out.append(f"{len(errs_a)} discrepancies -> {len(errs_b)}")
    for n, (a, b) in enumerate(zip(errs_a, errs_b, strict=False)):
        for k in ERROR_FIELDS:
            if a.get(k) != b.get(k):
                out.append(f"discrepancy {n} {k}: {a.get(k)!r} -> {b.get(k)!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--show", type=int, default=5, help="how many differing pairs to print in full")
    args = ap.parse_args(argv)
    before, after = load_results(args.before), load_results(args.after)
    only_before = sorted(set(before) - set(after))
    only_after = sorted(set(after) - set(before))
    differing = {}
    for pair_id in sorted(set(before) & set(after)):
        diffs = pair_differences(before[pair_id], after[pair_id])
        if diffs:
            differing[pair_id] = diffs
    print(f"{len(set(before) & set(after))} pairs compared, {len(differing)} differ")
    if only_before or only_after:
        print(
            f"only in BEFORE: {len(only_before)} {only_before[:5]}; only in AFTER: {len(only_after)} {only_after[:5]}"
        )
    for pair_id, diffs in list(differing.items())[: args.show]:
        print(f"\n{pair_id}:")
        for line in diffs[:10]:
            print(f"  {line}")
    return 1 if differing or only_before or only_after else 0


if __name__ == "__main__":
    sys.exit(main())
