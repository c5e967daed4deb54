"""TEDS and TEDS-S: verm's own tree edit distance against the reference package
(``table-recognition-metric``: APTED + the Levenshtein C extension), on every
table pair of a bench, in one run: the largest difference and the time of each.

    python benchmarks/teds_speed.py BENCH [--limit N]

Both read the same canonical trees (`verm.judge.baselines.teds.pubtabnet_html`),
so any difference is the edit distance, not the parsing. Parsing is timed apart.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from verm.bench.dataset import load_bench  # noqa: E402
from verm.judge.baselines.teds import pubtabnet_html, table_tree, teds_trees  # noqa: E402
from verm.types import Task  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="first N table pairs only (0: all)")
    args = ap.parse_args()
    try:
        from table_recognition_metric import TEDS
    except ImportError:
        raise SystemExit("needs the reference package: pip install table-recognition-metric") from None

    pairs = [r for r in load_bench(args.bench).records if r.category is Task.TABLE and r.ref_source and r.cand_source]
    if args.limit:
        pairs = pairs[: args.limit]
    for structure_only, label in ((False, "TEDS"), (True, "TEDS-S")):
        package = TEDS(structure_only=structure_only)
        t_parse = t_verm = t_pkg = 0.0
        worst = 0.0
        nodes = []
        for r in pairs:
            t0 = time.perf_counter()
            a, b = table_tree(r.ref_source, structure_only), table_tree(r.cand_source, structure_only)
            t1 = time.perf_counter()
            ours = teds_trees(a, b)
            t2 = time.perf_counter()
            theirs = package(pubtabnet_html(b), pubtabnet_html(a))
            t3 = time.perf_counter()
            t_parse += t1 - t0
            t_verm += t2 - t1
            t_pkg += t3 - t2
            worst = max(worst, abs(ours - theirs))
            nodes.append(max(a.size(), b.size()))
        n = len(pairs)
        nodes.sort()
        print(
            f"{label}: {n} pairs (nodes per tree: median {nodes[n // 2]}, max {nodes[-1]}); "
            f"max |verm - package| = {worst:.2e}; parse {1000 * t_parse / n:.1f} ms/pair; "
            f"verm {1000 * t_verm / n:.1f} ms/pair; package {1000 * t_pkg / n:.1f} ms/pair "
            f"(package / verm = {t_pkg / t_verm:.2f}x)"
        )


if __name__ == "__main__":
    main()
