"""Found-region recall of a judge's results on a bench: the share of true edits that some
predicted discrepancy points at, whatever its category.

    PYTHONPATH=src python benchmarks/found_regions.py RESULTS_DIR [RESULTS_DIR ...]

"found" = a predicted box overlaps the true box (boxes padded by 1 % of the image, as the
bench's rule matcher does); "found (strong)" = the overlap is strong evidence (IoU >= 0.3
or >= 60 % of the smaller box). Only judges that give boxes can be measured.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from verm.bench.dataset import load_bench
from verm.bench.match import STRONG_CONTAIN, STRONG_IOU, box_overlap
from verm.bench.run import load_results, read_config


def found_regions(results: str) -> dict[str, tuple[int, int, int]]:
    """Per task: (true edits, found, found strongly)."""
    config = read_config(results)
    bench = load_bench(config["bench"])
    rows = load_results(results)
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for rec in bench.records:
        row = rows.get(rec.id)
        if row is None:
            continue
        boxes = [e["bbox"] for e in (row.get("errors") or []) if e.get("bbox")]
        for t in rec.human_errors:
            c = out[rec.category.value]
            c[0] += 1
            if t.bbox is None:
                continue
            overlaps = [box_overlap(tuple(b), t.bbox) for b in boxes]
            if any(contain > 0 for _, contain in overlaps):
                c[1] += 1
            if any(iou >= STRONG_IOU or contain >= STRONG_CONTAIN for iou, contain in overlaps):
                c[2] += 1
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def main(argv: list[str]) -> None:
    print(f"{'results':40s} {'task':6s} {'edits':>6s} {'found':>7s} {'strong':>7s}")
    for results in argv:
        for task, (n, found, strong) in sorted(found_regions(results).items()):
            print(f"{results[-40:]:40s} {task:6s} {n:6d} {found / max(n, 1):7.1%} {strong / max(n, 1):7.1%}")


if __name__ == "__main__":
    main(sys.argv[1:])
