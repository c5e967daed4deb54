"""Chart throughput against the number of local Ray workers (actors), with a
single-process `Scorer` as the baseline, all in one run.

    python benchmarks/ray_scaling.py [--refs 32] [--group 8] [--repeats 2] [--actors 1,2]

A GRPO-like batch: ``--refs`` generated chart programs, ``--group`` completions each
(the reference itself, and perturbed versions with 1-2 edits, some repeated as a GRPO
group repeats itself), scored end to end (render in the sandbox, judge with ``auto``).
Every configuration is warmed first (workers started, matplotlib imported), then timed
``--repeats`` times, interleaved with the others; the best run counts. Ratios are
against the baseline measured in this run.

On one machine, Ray cannot add cores: each actor holds a Scorer whose sandbox pool
already uses every core, so the figure measures Ray's overhead (shipping references
and completions, results back). On a cluster each node adds its own pool.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def make_batch(n_refs: int, group: int, seed: int = 0) -> tuple[list[str], list[str]]:
    from verm.corpus import generate_chart_programs
    from verm.perturb import perturb

    refs, comps = [], []
    rng = random.Random(seed)
    for program in generate_chart_programs(n_refs, seed=seed):
        variants = [program.code]
        for _ in range(3):
            try:
                variants.append(perturb("chart", program.code, rng, n_edits=rng.randint(1, 2)).source)
            except Exception:  # a program some edit cannot apply to: fewer distinct variants
                continue
        for k in range(group):
            code = variants[0] if k % 4 == 0 else rng.choice(variants)
            refs.append(program.code)
            comps.append(f"```python\n{code}\n```")
    return refs, comps


def timed(score: Callable[[list[str], list[str]], list], refs: list[str], comps: list[str]) -> tuple[float, list]:
    start = time.perf_counter()
    rewards = score(refs, comps)
    return time.perf_counter() - start, rewards


def ray_column(references: list, completions: list[str], workers: int, judge: str = "auto") -> tuple[float, list]:
    """One Ray measurement, in the shape ``benchmarks/batch_scoring.py``'s ``RAY_COLUMN`` takes:
    ``workers`` actors on this node (warmed first, start-up not timed) score the batch;
    returns (wall seconds, rewards). Joins the running Ray instance, or starts one."""
    import ray

    from verm.integrations.ray import RayScorer

    if not ray.is_initialized():
        ray.init(num_cpus=max(workers, 2), include_dashboard=False, log_to_driver=False, namespace="verm-bench")
    with RayScorer("chart", judge=judge, actors_per_node=workers) as scorer:
        scorer.score_batch(references[:16], completions[:16])
        return timed(scorer.score_batch, references, completions)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--refs", type=int, default=32)
    ap.add_argument("--group", type=int, default=8)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--actors", default="1,2", help="Ray actor counts to measure (comma-separated)")
    ap.add_argument("--judge", default="auto")
    args = ap.parse_args()

    import ray

    from verm.integrations.ray import RayScorer
    from verm.pipeline import Scorer

    refs, comps = make_batch(args.refs, args.group)
    n = len(comps)
    print(f"{n} chart completions ({args.refs} references x {args.group}), judge {args.judge}", flush=True)

    counts = [int(x) for x in args.actors.split(",")]
    # Logical CPUs so that every configuration's actors are alive at once (runs interleave);
    # the physical cores are the machine's either way.
    ray.init(num_cpus=sum(counts), include_dashboard=False, log_to_driver=False, namespace="verm-bench")
    runners: dict[str, object] = {"Scorer (one process)": Scorer("chart", judge=args.judge)}
    for k in counts:
        runners[f"Ray, {k} actor{'s' if k > 1 else ''}"] = RayScorer("chart", judge=args.judge, actors_per_node=k)
    try:
        for runner in runners.values():  # warm: pools started, first renders done
            runner.score_batch(refs[: 2 * args.group], comps[: 2 * args.group])
        best: dict[str, float] = {}
        scores: dict[str, list] = {}
        for rep in range(args.repeats):
            for name, runner in runners.items():
                seconds, rewards = timed(runner.score_batch, refs, comps)
                best[name] = min(best.get(name, float("inf")), seconds)
                scores[name] = [r.score for r in rewards]
                print(f"  run {rep + 1}: {name}: {seconds:.1f} s", flush=True)
    finally:
        for runner in runners.values():
            runner.close()
        ray.shutdown()

    baseline = next(iter(runners))
    same = all(s == scores[baseline] for s in scores.values())
    print("\n| configuration | completions/s | vs one process |\n|---|---:|---:|")
    for name, seconds in best.items():
        print(f"| {name} | {n / seconds:.1f} | {best[baseline] / seconds:.2f}x |")
    print(f"\nidentical scores across configurations: {same}")


if __name__ == "__main__":
    main()
