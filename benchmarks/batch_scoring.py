"""Scoring one GRPO step: verm's batch `Scorer` against the reference code's way, in one run.

    python benchmarks/batch_scoring.py [--n 2048] [--group 8] [--judge auto] [--state DIR]

The batch: ``n / group`` generated chart programs (`verm.corpus`) as references
and ``group`` completions for each, the way a GRPO group looks: the policy
repeats itself (exact duplicates, and the same code under different prose),
makes honest mistakes (1-2 of verm's perturbations, `verm.perturb`), and
sometimes fails (no code, a syntax error, a crash, an empty figure).

* **verm** — one warm `Scorer` (sandboxed pre-warmed render pool, each
  distinct code rendered once, each distinct pair judged once, render and
  judge pipelined); start-up is timed apart (a trainer keeps it warm).
* **reference way** — the same completions one at a time per worker, at the
  same parallelism (``--workers``, default the CPU count): a fresh
  ``python script.py`` per render (verm's own chart drawing and scene code, run
  unsandboxed in a new interpreter), then the same judge and shaping.
* **Ray** — ``verm.integrations.ray`` (throughput against the
  number of local Ray workers): ``--ray-workers``.

References are rendered once before timing, for both. The reference way's
results are checkpointed in ``--state`` (JSONL), so a long run resumes; ``--n
256`` is a quick run. Every figure is measured in this run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from verm.corpus import generate_chart_programs  # noqa: E402
from verm.extract import extract_code  # noqa: E402
from verm.imaging import is_blank  # noqa: E402
from verm.judge import get_judge  # noqa: E402
from verm.perturb import get_perturber  # noqa: E402
from verm.pipeline import Scorer  # noqa: E402
from verm.render.chart import DEFAULT_DPI  # noqa: E402
from verm.reward import Outcome, RewardShaping  # noqa: E402
from verm.types import Rendering, Reward, Status, Task  # noqa: E402

#: A fresh interpreter per render: verm's chart drawing (PNG + scene), no sandbox, nothing warm.
_DRIVER = f"""
import json, sys
from verm.render.chart import worker_render
code = open(sys.argv[1]).read()
try:
    png, scene = worker_render({{"source": code, "dpi": {DEFAULT_DPI}, "max_image_side": 8192,
                                "max_image_pixels": 30_000_000}})
except BaseException as exc:
    json.dump({{"ok": False, "reason": f"{{type(exc).__name__}}: {{exc}}"}}, open(sys.argv[3], "w"))
    sys.exit(0)
open(sys.argv[2], "wb").write(png)
json.dump({{"ok": True, "scene": scene}}, open(sys.argv[3], "w"))
"""

PREFACES = (
    "Here is the code that reproduces the chart.",
    "Sure! The chart can be drawn with matplotlib:",
    "",
    "I reproduced the figure below.",
)


def make_batch(n: int, group: int, seed: int) -> tuple[list[str], list[str], list[str]]:
    """(reference sources, completions, kind of each completion)."""
    rng = random.Random(seed)
    perturber = get_perturber("chart")
    programs = generate_chart_programs(max(1, n // group), seed=seed)
    refs: list[str] = []
    comps: list[str] = []
    kinds: list[str] = []
    for p in programs:
        pool: list[tuple[str, str]] = [(p.code, "exact")]
        for _ in range(3):
            src = p.code
            for _ in range(rng.choice((1, 1, 2))):
                got = perturber.propose(src, rng)
                if got is not None:
                    src = got[0]
            if src != p.code:
                pool.append((src, "perturbed"))
        lines = p.code.splitlines()
        failures = [
            (None, "no_code"),
            ("\n".join(lines[: max(1, len(lines) // 2)]) + "\nplt.plot([1, 2](", "syntax_error"),
            (p.code.replace("plt.", "plot_lib.", 1), "crash"),
            ("import matplotlib.pyplot as plt\nfig = plt.figure()\n", "blank"),
        ]
        chosen: list[tuple[str | None, str]] = []
        for _ in range(group):
            if chosen and rng.random() < 0.45:
                chosen.append(rng.choice(chosen))  # the policy repeats itself
            elif rng.random() < 0.1:
                chosen.append(rng.choice(failures))
            else:
                chosen.append(rng.choice(pool))
        for code, kind in chosen:
            preface = rng.choice(PREFACES)
            if code is None:
                text = "I am not able to write code for this image."
            else:
                text = f"{preface}\n```python\n{code}\n```\n"
            refs.append(p.code)
            comps.append(text)
            kinds.append(kind)
    return refs[:n], comps[:n], kinds[:n]


def run_verm(ref_renderings: list[Rendering], comps: list[str], judge: str, workers: int) -> dict:
    t = time.perf_counter()
    scorer = Scorer("chart", judge=judge, renderer_options={"workers": workers})
    canary = scorer.renderer.canary or ""
    scorer.renderer.render(canary)  # start the pool: a trainer keeps it warm across steps
    startup = time.perf_counter() - t
    try:
        t = time.perf_counter()
        rewards = scorer.score_batch(ref_renderings, comps)
        wall = time.perf_counter() - t
        stats = scorer.stats()
    finally:
        scorer.close()
    return {"wall": wall, "startup": startup, "rewards": rewards, "stats": stats}


def _baseline_one(i: int, code: str | None, ref: Rendering, judge, shaping: RewardShaping, tmp: Path) -> dict:
    t0 = time.perf_counter()
    if code is None:
        return {"i": i, "score": shaping.shape(Outcome(Status.NO_CODE)).score, "render_s": 0.0, "judge_s": 0.0}
    script, png, meta = tmp / f"{i}.py", tmp / f"{i}.png", tmp / f"{i}.json"
    script.write_text(code)
    driver = tmp / "driver.py"
    subprocess.run([sys.executable, str(driver), str(script), str(png), str(meta)], capture_output=True, timeout=120)
    render_s = time.perf_counter() - t0
    try:
        info = json.loads(meta.read_text())
    except (OSError, ValueError):
        info = {"ok": False, "reason": "the interpreter died"}
    if not info.get("ok"):
        cand = Rendering(task=Task.CHART, status=Status.RENDER_ERROR, reason=info.get("reason"))
    else:
        cand = Rendering(task=Task.CHART, png=png.read_bytes(), scene=info.get("scene"), source=code)
        if is_blank(cand.image()):
            cand.status = Status.BLANK
    t1 = time.perf_counter()
    if cand.status is Status.OK:
        j = judge.judge(Task.CHART, ref, cand)
        outcome = Outcome(j.status, judgment=j, reason=j.reason)
    else:
        outcome = Outcome(cand.status, reason=cand.reason)
    judge_s = time.perf_counter() - t1
    return {"i": i, "score": shaping.shape(outcome).score, "render_s": render_s, "judge_s": judge_s}


def run_baseline(
    ref_renderings: list[Rendering], comps: list[str], judge_name: str, workers: int, state: Path, limit: int
) -> dict:
    """The reference code's way, resumable: results and timed sessions go to ``state``."""
    state.mkdir(parents=True, exist_ok=True)
    results_path, sessions_path = state / "baseline.jsonl", state / "baseline_sessions.jsonl"
    done: dict[int, dict] = {}
    if results_path.exists():
        for line in results_path.read_text().splitlines():
            rec = json.loads(line)
            done[rec["i"]] = rec
    todo = [i for i in range(min(limit, len(comps))) if i not in done]
    judge = get_judge(judge_name)
    shaping = RewardShaping()
    lock = threading.Lock()
    if todo:
        print(f"  reference way: {len(todo)} to score ({len(done)} done before; resumable)", flush=True)
    with tempfile.TemporaryDirectory() as tmpdir, open(results_path, "a") as out:
        tmp = Path(tmpdir)
        (tmp / "driver.py").write_text(_DRIVER)

        def one(i: int) -> None:
            cand = extract_code(comps[i], Task.CHART)
            rec = _baseline_one(i, cand.code if cand else None, ref_renderings[i], judge, shaping, tmp)
            with lock:
                out.write(json.dumps(rec) + "\n")
                out.flush()
                done[i] = rec
                if len(done) % 64 == 0:
                    print(f"  reference way: {len(done)} done", flush=True)

        t = time.perf_counter()
        with ThreadPoolExecutor(workers) as ex:
            list(ex.map(one, todo))
        wall = time.perf_counter() - t
    if todo:
        with open(sessions_path, "a") as f:
            f.write(json.dumps({"n": len(todo), "wall": wall}) + "\n")
    sessions = [json.loads(x) for x in sessions_path.read_text().splitlines()] if sessions_path.exists() else []
    return {
        "n": sum(s["n"] for s in sessions),
        "wall": sum(s["wall"] for s in sessions),
        "results": done,
        "render_s": sum(r["render_s"] for r in done.values()),
        "judge_s": sum(r["judge_s"] for r in done.values()),
    }


def _interpreter_start_s() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import matplotlib.pyplot"], check=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2048, help="completions in the batch")
    ap.add_argument("--group", type=int, default=8, help="completions per reference (GRPO group)")
    ap.add_argument("--judge", default="auto", help="the CPU judge for both (auto: scene, else pixel)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="parallelism of both ways")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--baseline-n", type=int, default=None, help="score only the first N the reference way")
    ap.add_argument("--state", type=Path, default=ROOT / "benchmarks" / "results" / "batch_scoring")
    ap.add_argument(
        "--ray-workers", default="1,2", help="local Ray actor counts for the Ray column ('' skips it; needs verm[ray])"
    )
    args = ap.parse_args()

    refs, comps, kinds = make_batch(args.n, args.group, args.seed)
    print(
        f"machine: {os.cpu_count()} CPUs, python {sys.version.split()[0]}; judge {args.judge}, workers {args.workers}"
    )
    distinct = len(
        {(r, (c.code if (c := extract_code(x, Task.CHART)) else None)) for r, x in zip(refs, comps, strict=True)}
    )
    print(f"batch: {len(comps)} completions, {len(set(refs))} references, {distinct} distinct (reference, code)")
    print(f"kinds: {dict(Counter(kinds))}")
    state = args.state / f"n{args.n}-g{args.group}-s{args.seed}-{args.judge}"

    with Scorer("chart", judge=args.judge) as s:
        uniq = {r: s.reference(r) for r in dict.fromkeys(refs)}
    ref_renderings = [uniq[r] for r in refs]

    v = run_verm(ref_renderings, comps, args.judge, args.workers)
    rewards: list[Reward] = v["rewards"]
    v_rate = len(comps) / v["wall"]
    st = v["stats"]
    render_ms = sum(r.timings["render_ms"] for r in rewards)
    judge_ms = sum(r.timings["judge_ms"] for r in rewards)
    queue_ms = sum(r.timings["queue_ms"] for r in rewards)
    print(
        f"\nverm: {v['wall']:.1f} s for {len(comps)} -> {v_rate:.1f} completions/s (start-up {v['startup']:.1f} s, apart)"
    )
    print(f"  renders executed {st.renders}, judgments {st.judgments}; render cache {st.render_cache}")
    print(f"  statuses {dict(Counter(r.status.value for r in rewards))}")
    print(
        f"  where the time goes: render work {render_ms / 1e3:.1f} s over {args.workers} workers "
        f"({render_ms / 1e3 / args.workers / v['wall']:.0%} of the wall), judge work {judge_ms / 1e3:.1f} s on "
        f"{st.judgments and 'its'} threads ({judge_ms / 1e3 / v['wall']:.0%} of the wall), "
        f"mean wait per completion {queue_ms / len(rewards):.0f} ms"
    )

    limit = args.baseline_n or len(comps)
    b = run_baseline(ref_renderings, comps, args.judge, args.workers, state, limit)
    b_rate = b["n"] / b["wall"] if b["wall"] else float("nan")
    start = _interpreter_start_s()
    nb = len(b["results"])
    print(f"\nreference way: {b['n']} in {b['wall']:.1f} s -> {b_rate:.2f} completions/s")
    print(
        f"  where the time goes: per render {b['render_s'] / max(1, nb) * 1e3:.0f} ms, of which a fresh "
        f"interpreter importing matplotlib is {start * 1e3:.0f} ms; per judgment {b['judge_s'] / max(1, nb) * 1e3:.1f} ms"
    )
    diffs = [
        abs((rewards[i].score or 0.0) - (rec["score"] or 0.0))
        for i, rec in b["results"].items()
        if rewards[i].score is not None and rec["score"] is not None
    ]
    print(f"  agreement with verm on {len(diffs)} completions: max |reward difference| {max(diffs, default=0):.4f}")
    print(f"\nverm vs the reference way: {v_rate / b_rate:.1f}x completions/s")
    counts = [int(w) for w in args.ray_workers.split(",") if w.strip()]
    if counts:
        from benchmarks.ray_scaling import ray_column

        print("\nverm over Ray (one warm Scorer per actor; start-up apart), same batch:")
        for workers in counts:
            wall, _ = ray_column(ref_renderings, comps, workers, judge=args.judge)
            rate = len(comps) / wall
            print(f"  {workers} actor(s): {rate:.1f} completions/s ({rate / v_rate:.2f}x verm in one process)")


if __name__ == "__main__":
    main()
