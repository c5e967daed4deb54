"""Whether two `verm bench run` results hold the same judgments, pair by pair.

    python benchmarks/compare_scene_results.py BEFORE/results.jsonl AFTER/results.jsonl

A refactor of a judge must not change what it says: for every pair id the two
files must hold the same status, reason, reward and discrepancy list (category,
severity, location, description and bbox, in order). Timing (``elapsed_ms``) is
ignored. Prints the number of pairs compared and every pair that differs (the
first few in full); exits 1 when any pair differs or an id is on one side only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

#: What a judgment is made of; ``elapsed_ms`` is left out on purpose (it is a timing).
KEYS = ("task", "status", "reason", "reward", "reward_status", "similarity")
ERROR_KEYS = ("category", "severity", "location", "description", "bbox")


def load(path: Path) -> dict[str, dict[str, Any]]:
    """Results by pair id (the last line wins, as a resumed run appends)."""
    rows: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc}); is the run still writing?") from exc
            rows[row["id"]] = row
    return rows


def judgment(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row.get(k) for k in KEYS}
    out["errors"] = [{k: e.get(k) for k in ERROR_KEYS} for e in row.get("errors") or []]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--show", type=int, default=5, help="pairs to print in full")
    args = ap.parse_args(argv)
    before, after = load(args.before), load(args.after)
    only = sorted(set(before) ^ set(after))
    differ = [i for i in sorted(set(before) & set(after)) if judgment(before[i]) != judgment(after[i])]
    print(f"{len(set(before) & set(after))} pairs in both, {len(differ)} differ, {len(only)} on one side only")
    for i in only[: args.show]:
        print(f"  only in {'before' if i in before else 'after'}: {i}")
    for i in differ[: args.show]:
        print(f"--- {i}\n  before: {json.dumps(judgment(before[i]))}\n  after:  {json.dumps(judgment(after[i]))}")
    return 1 if differ or only else 0


if __name__ == "__main__":
    sys.exit(main())
