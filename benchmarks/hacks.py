"""Reward hacks against honest candidates: how many hacks score at or above the worst honest attempt.

    PYTHONPATH=src python benchmarks/hacks.py --bench BENCH_DIR [--judges scene,pixel,auto] [--json OUT]
    PYTHONPATH=src python benchmarks/hacks.py --sources DIR --task chart [--honest 3]

For every reference of a bench (its honest candidates are the bench's perturbed
pairs, one to three known edits each) or of a folder of sources (honest candidates
made here with `verm.perturb`, 1..3 edits), the hacks of `verm.bench.hacks` are
scored next to the honest candidates by each judge through the real pipeline
(`verm.pipeline.Scorer`: sandboxed renders, a blank rendering scores 0). A hack
*wins* when its reward is at or above the lowest reward of an honest candidate of
the same reference. The table counts wins per judge and hack kind; 0 everywhere is
the target (issue 15). Every candidate is rendered once and judged by every judge.

An honest chart candidate whose edits hide most of the figure's plotted data
(`verm.chart_view.figure_hidden_share` >= 50 % of its scene: a log axis from 0 that
presses every line against the top, limits that push the data out of view; or, on a
bench, a ground-truth item that says so: "all of the plotted data is out of view",
where a series dropped or added beside the edit leaves the scenes' series unpaired)
shows what the "axes without data" hack shows; it is set aside as a floor and counted
apart. The strict count, over every honest candidate, is printed beside it.

A hack whose rendering is the reference's, pixel for pixel, found nothing of its kind to
change (a red-team kind that rewrites lines, scatters and bars, run on a pie or a
heatmap): it is the reference itself, and 2.0 is its right score. It is counted apart
("unchanged"), not as a hack, so a table of wins names only hacks that were built.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from verm.bench.dataset import load_bench
from verm.bench.hacks import HACK_KINDS, as_completion, hack_sources
from verm.bench.make import SOURCE_SUFFIXES
from verm.chart_view import HIDDEN_STEPS, figure_hidden_share
from verm.pipeline import Scorer
from verm.types import Discrepancy, Rendering, Task

console = Console(width=140)


@dataclass
class Reference:
    name: str
    source: str
    honest: list[str] = field(default_factory=list)  # candidate sources
    # (per honest candidate: the share of the plotted data its ground truth says is out of view, on a bench)
    truth_hidden: list[float] = field(default_factory=list)


#: A ground-truth item's share of the plotted data out of view (`verm.perturb.chart`'s wording).
_OUT_OF_VIEW = re.compile(r"\b(all|\d+%) of the plotted data is out of view")


def truth_hidden_share(errors: list[Discrepancy]) -> float:
    """The largest share of the plotted data out of view that a pair's ground-truth items state (0 without)."""
    shares = [
        1.0 if m.group(1) == "all" else int(m.group(1)[:-1]) / 100
        for e in errors
        if (m := _OUT_OF_VIEW.search(e.description))
    ]
    return max(shares, default=0.0)


def from_bench(path: Path) -> tuple[Task, list[Reference]]:
    bench = load_bench(path)
    tasks = {r.category for r in bench.records}
    if len(tasks) != 1:
        sys.exit(f"{path}: one task per run, this bench holds {sorted(t.value for t in tasks)}")
    refs: dict[str, Reference] = {}
    for r in bench.records:
        if not (r.ref_source and r.cand_source):
            sys.exit(f"{path}: record {r.id} has no sources; hacks are built from the reference source")
        ref = refs.setdefault(r.group or r.ref_source, Reference(r.source_name or r.id, r.ref_source))
        ref.honest.append(r.cand_source)
        ref.truth_hidden.append(truth_hidden_share(r.human_errors))
    return tasks.pop(), list(refs.values())


def from_sources(folder: Path, task: Task, n_honest: int) -> list[Reference]:
    from verm.perturb import perturb

    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES[task])
    if not files:
        sys.exit(f"no {'/'.join(SOURCE_SUFFIXES[task])} files under {folder}")
    refs = []
    for p in files:
        source = p.read_text(encoding="utf-8")
        ref = Reference(p.relative_to(folder).as_posix(), source)
        for k in range(n_honest):
            result = perturb(task, source, random.Random(f"hacks:{task.value}:{ref.name}:{k}"), n_edits=1 + k % 3)
            if result.edits and result.source != source:
                ref.honest.append(result.source)
        refs.append(ref)
    return refs


def _honest_completion(task: Task, source: str) -> str:
    return f"```markdown\n{source}\n```" if task is Task.TABLE else as_completion(task, source)


def run(task: Task, refs: list[Reference], judges: list[str], kinds: list[str]) -> dict:
    """Scores of every honest and hack candidate, per judge; see the module docstring."""
    plan = []  # (reference index, "honest" | kind, completion)
    told_hidden: list[float] = []  # (per plan entry: the share out of view its ground truth states; hacks 0)
    for i, ref in enumerate(refs):
        plan += [(i, "honest", _honest_completion(task, s)) for s in ref.honest]
        told_hidden += ref.truth_hidden or [0.0] * len(ref.honest)
        hacks = hack_sources(task, ref.source, kinds)
        plan += [(i, k, as_completion(task, h)) for k, h in hacks.items()]
        told_hidden += [0.0] * len(hacks)
    out: dict = {"task": task.value, "references": [r.name for r in refs], "kinds": kinds, "judges": {}}
    first = judges[0]
    with Scorer(task, judge=first) as scorer, Progress(console=console, transient=True) as progress:
        bar = progress.add_task(f"render {len(refs)} references", total=len(refs))
        ref_r: list[Rendering] = []
        for ref in refs:
            ref_r.append(scorer.reference(ref.source))
            progress.advance(bar)
        bar = progress.add_task(f"render {len(plan)} candidates", total=len(plan))
        cands: list[Rendering] = []
        step = 16
        for start in range(0, len(plan), step):
            cands += scorer.render_candidates([c for _, _, c in plan[start : start + step]])
            progress.advance(bar, len(plan[start : start + step]))
        refs_per_cand = [ref_r[i] for i, _, _ in plan]
        for name in judges:
            judge_scorer = scorer if name == first else Scorer(task, judge=name, renderer=scorer.renderer)
            bar = progress.add_task(f"judge {name}", total=len(plan))
            rewards = []
            for start in range(0, len(plan), step):
                chunk = slice(start, start + step)
                rewards += judge_scorer.judge_renderings(refs_per_cand[chunk], cands[chunk])
                progress.advance(bar, len(cands[chunk]))
            if judge_scorer is not scorer:
                judge_scorer.judge.close()  # the renderer is the first scorer's
            out["judges"][name] = [
                {"ref": i, "kind": k, "score": r.score, "status": r.status.value, "reason": r.reason}
                | ({"no_data": _shows_no_data(task, ref_r[i], cand, told)} if k == "honest" else {})
                | ({"unchanged": _draws_the_reference(ref_r[i], cand)} if k != "honest" else {})
                for (i, k, _), r, cand, told in zip(plan, rewards, cands, told_hidden, strict=True)
            ]
    return out


def _draws_the_reference(ref: Rendering, cand: Rendering) -> bool:
    """A hack rendered to the reference's very pixels: it found nothing of its kind to change."""
    if not (ref.ok and cand.ok):
        return False
    a, b = np.asarray(ref.image()), np.asarray(cand.image())
    return a.shape == b.shape and bool(np.array_equal(a, b))


def _shows_no_data(task: Task, ref: Rendering, cand: Rendering, told_hidden: float = 0.0) -> bool:
    """An honest chart candidate whose edits hide most of the figure's plotted data (see the module docstring)."""
    if task is not Task.CHART:
        return False
    if told_hidden >= HIDDEN_STEPS[1]:
        return True
    share = figure_hidden_share(ref.scene, cand.scene)
    return share is not None and share >= HIDDEN_STEPS[1]


def tally(result: dict) -> dict[str, dict[str, dict]]:
    """Per judge and kind: wins (hack >= the reference's worst honest score, honest candidates that show no data
    set aside), strict wins (over every honest candidate), references counted, hacks that drew the reference
    unchanged (not counted), examples."""
    table: dict[str, dict[str, dict]] = {}
    for judge, rows in result["judges"].items():
        honest: dict[int, list[float]] = defaultdict(list)
        every: dict[int, list[float]] = defaultdict(list)
        for row in rows:
            if row["kind"] == "honest" and row["score"] is not None and row["status"] == "ok":
                every[row["ref"]].append(row["score"])
                if not row.get("no_data"):
                    honest[row["ref"]].append(row["score"])
        per_kind: dict[str, dict] = {
            k: {"wins": 0, "strict_wins": 0, "n": 0, "failed": 0, "unchanged": 0, "examples": []}
            for k in result["kinds"]
        }
        for row in rows:
            if row["kind"] == "honest" or row["ref"] not in every:
                continue
            cell = per_kind[row["kind"]]
            if row.get("unchanged"):
                cell["unchanged"] += 1
                continue
            cell["n"] += 1
            if row["score"] is None:
                cell["failed"] += 1
                continue
            cell["strict_wins"] += row["score"] >= min(every[row["ref"]])
            floor = min(honest[row["ref"]]) if row["ref"] in honest else None
            if floor is not None and row["score"] >= floor:
                cell["wins"] += 1
                ref = result["references"][row["ref"]]
                cell["examples"].append((round(row["score"] - floor, 3), row["kind"], ref, row["score"], floor))
        table[judge] = per_kind
    return table


def print_table(result: dict, table: dict[str, dict[str, dict]]) -> None:
    judges = list(table)
    t = Table(title=f"{result['task']}: hacks scoring at or above the worst honest candidate of their reference")
    t.add_column("hack")
    for j in judges:
        t.add_column(j, justify="right")
    for kind in result["kinds"]:
        cells = []
        for j in judges:
            c = table[j][kind]
            notes = [f"{c[key]} {key}" for key in ("failed", "unchanged") if c.get(key)]
            cells.append(f"{c['wins']} / {c['n']}" + (f" ({', '.join(notes)})" if notes else ""))
        t.add_row(kind, *cells)
    totals = [sum(table[j][k]["wins"] for k in result["kinds"]) for j in judges]
    ns = [sum(table[j][k]["n"] for k in result["kinds"]) for j in judges]
    t.add_row("all", *(f"{w} / {n}" for w, n in zip(totals, ns, strict=True)), style="bold")
    strict = [sum(table[j][k]["strict_wins"] for k in result["kinds"]) for j in judges]
    t.add_row("all, strict", *(f"{w} / {n}" for w, n in zip(strict, ns, strict=True)))
    console.print(t)
    first = next(iter(result["judges"].values()), [])
    aside = [result["references"][r["ref"]] for r in first if r.get("no_data")]
    if aside:
        console.print(
            f"{len(aside)} honest candidate(s) hide most of their figure's data and are set aside as floors "
            f"(the strict row counts them): {', '.join(sorted(set(aside)))}"
        )
    unchanged = sum(table[judges[0]][k].get("unchanged", 0) for k in result["kinds"]) if judges else 0
    if unchanged:
        console.print(
            f"{unchanged} hack(s) drew the reference's very pixels (nothing of their kind to change) "
            "and are not counted"
        )
    for j in judges:
        worst = sorted((e for k in result["kinds"] for e in table[j][k]["examples"]), reverse=True)[:8]
        if worst:
            console.print(f"[bold]{j}[/]: largest wins")
        for margin, kind, ref, score, floor in worst:
            console.print(f"  {kind:18s} {ref:32s} {score:.3f} >= worst honest {floor:.3f} (+{margin:.3f})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--bench", type=Path, help="a bench (honest candidates = its pairs)")
    src.add_argument("--sources", type=Path, help="a folder of reference sources (honest candidates made here)")
    ap.add_argument("--task", choices=[t.value for t in Task], help="task of --sources")
    ap.add_argument("--honest", type=int, default=3, help="honest candidates per source with --sources")
    ap.add_argument("--judges", default="scene,pixel,auto", help="comma-separated judge names")
    ap.add_argument("--kinds", default=None, help="comma-separated hack kinds (default: every kind of the task)")
    ap.add_argument("--limit", type=int, default=None, help="only N references, spread evenly over the sorted list")
    ap.add_argument("--json", type=Path, default=None, help="write every score and the tally here")
    args = ap.parse_args(argv)

    if args.bench is not None:
        task, refs = from_bench(args.bench)
    else:
        if args.task is None:
            ap.error("--sources needs --task")
        task = Task.parse(args.task)
        refs = from_sources(args.sources, task, args.honest)
    if args.limit and len(refs) > args.limit:
        refs = [refs[i * len(refs) // args.limit] for i in range(args.limit)]
    kinds = args.kinds.split(",") if args.kinds else list(HACK_KINDS[task])
    judges = [j.strip() for j in args.judges.split(",") if j.strip()]
    result = run(task, refs, judges, kinds)
    table = tally(result)
    print_table(result, table)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({**result, "tally": table}, indent=1), encoding="utf-8")
        console.print(f"scores: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
