"""``verm bench compare``: every judge and baseline on the same pairs, one table per task.

Columns (all from `verm.bench.evaluate`, so from pooled counts and paired
values, never averages of per-pair scores):

* **F1** — hard and soft, where a judge lists errors (verm's rule matcher);
  ``—`` for similarity-only baselines;
* **ρ** — Spearman of the reward against the true total severity (-1 best);
* **rank** — pairwise ranking accuracy over candidates of the same reference;
* **hacks below** — the share of (reward hack, honest candidate) comparisons of
  the same reference where the hack gets less reward; ``n/a`` when the bench
  has no hack rows (records with ``"hack": "<kind>"``, see `BenchRecord.hack`);
* **ms/pair** — the judge's median time per pair, renders excluded (bench
  images and scenes are cached), so judges are timed alike.

A judge appears under a task only where it judged at least one pair (TEDS
covers tables alone). A weights folder named in a judge's options may carry
``verm-weights.json`` with a ``note`` (verm's tiny random-weight test models
say so): the note is shown beside the judge, so such numbers are not read as
meaningful. The HTML page adds, per task, reward against true severity for
each judge (jittered points, the median per severity as a line).
"""

from __future__ import annotations

import base64
import html
import io
import json
import logging
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from verm.bench.dataset import Bench, load_bench
from verm.bench.evaluate import Failures, evaluate
from verm.bench.match import Matcher
from verm.bench.report import fmt
from verm.bench.run import read_config
from verm.errors import InputError
from verm.judge.baselines.vision import WEIGHTS_NOTE_FILE
from verm.types import Task

log = logging.getLogger(__name__)


COLUMNS: tuple[tuple[str, str], ...] = (
    ("pairs", "pairs"),
    ("failed", "failed"),
    ("F1 hard", "f1_hard"),
    ("F1 soft", "f1_soft"),
    ("ρ(reward, severity)", "spearman"),
    ("rank acc", "ranking"),
    ("hacks below", "hacks_below"),
    ("ms/pair", "ms"),
)


def weights_note(results: str | Path) -> str | None:
    """The ``note`` of the weights folder a run's judge options name, if any."""
    try:
        options = read_config(results).get("judge_options") or {}
    except InputError:
        return None
    for key in ("weights", "model_dir", "path"):
        folder = options.get(key)
        if isinstance(folder, str):
            marker = Path(folder) / WEIGHTS_NOTE_FILE
            if marker.is_file():
                try:
                    note = json.loads(marker.read_text(encoding="utf-8")).get("note")
                except (OSError, ValueError):
                    return None
                return str(note) if note else None
    return None


def compare(
    results: Sequence[str | Path],
    bench: Bench | str | Path | None = None,
    matcher: Matcher | None = None,
    failures: Failures = "empty",
) -> list[dict[str, Any]]:
    """Evaluate every results directory against the same bench; each report gains ``label`` and ``note``."""
    if not results:
        raise InputError("compare needs at least one results directory")
    reports: list[dict[str, Any]] = []
    b: Bench | None = bench if isinstance(bench, Bench) else (load_bench(bench) if bench is not None else None)
    for r in results:
        report = evaluate(r, bench=b, matcher=matcher, failures=failures)
        if b is None:
            b = load_bench(report["bench"])
        elif Path(report["bench"]).resolve() != b.path.resolve():
            log.warning("%s was run on %s; compared on %s", r, read_config(r).get("bench"), b.path)
        report["note"] = weights_note(r)
        name = str(report["judge"])
        options = read_config(r).get("judge_options") or {}
        shown = ", ".join(f"{k}={Path(v).name if isinstance(v, str) and '/' in v else v}" for k, v in options.items())
        report["label"] = f"{name} ({shown})" if shown else name
        reports.append(report)
    labels = [rep["label"] for rep in reports]
    for rep in reports:  # two runs of one judge with the same options: tell them apart by folder
        if labels.count(rep["label"]) > 1:
            rep["label"] = f"{rep['label']} [{Path(rep['results']).name}]"
    return reports


def row(block: dict[str, Any]) -> dict[str, Any]:
    det = (block.get("detection") or {}).get("overall") or {}
    rew = block.get("reward") or {}
    hacks = block.get("hacks") or {}
    return {
        "pairs": block.get("n_pairs"),
        "failed": block.get("n_failed"),
        "f1_hard": det.get("f1_hard"),
        "f1_soft": det.get("f1_soft"),
        "spearman": rew.get("spearman_reward_severity"),
        "ranking": rew.get("ranking_accuracy"),
        "hacks_below": hacks.get("share_below"),
        "hack_comparisons": hacks.get("n_comparisons", 0),
        "ms": block.get("ms_per_pair_median"),
    }


def task_rows(reports: Sequence[dict[str, Any]], task: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(report, row) for each judge that judged at least one pair of ``task``."""
    out = []
    for rep in reports:
        block = rep["by_task"].get(task)
        if block is None or block["n_pairs"] == 0 or block["n_failed"] == block["n_pairs"]:
            continue
        out.append((rep, row(block)))
    return out


def tasks_of(reports: Sequence[dict[str, Any]]) -> list[str]:
    return [t.value for t in Task if any(t.value in r["by_task"] for r in reports)]


def cell(key: str, r: dict[str, Any]) -> str:
    if key == "hacks_below" and not r["hack_comparisons"]:
        return "n/a"
    if key == "ms":
        return "—" if r["ms"] is None else f"{r['ms']:.1f}"
    return fmt(r[key])


def markdown(reports: Sequence[dict[str, Any]]) -> str:
    out: list[str] = []
    notes: dict[str, int] = {}
    for task in tasks_of(reports):
        out.append(f"### {task}\n")
        out.append("| judge | " + " | ".join(c for c, _ in COLUMNS) + " |")
        out.append("|---|" + "---:|" * len(COLUMNS))
        for rep, r in task_rows(reports, task):
            label = rep["label"]
            if rep.get("note"):
                n = notes.setdefault(rep["note"], len(notes) + 1)
                label += f" [{n}]"
            out.append(f"| {label} | " + " | ".join(cell(k, r) for _, k in COLUMNS) + " |")
        out.append("")
    for note, n in notes.items():
        out.append(f"[{n}] {note}")
    return "\n".join(out).rstrip() + "\n"


# -- the page -------------------------------------------------------------------------------

_CSS = """
body { font-family: sans-serif; margin: 1.5em; color: #222; max-width: 1300px; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 14px; }
th, td { border: 1px solid #bbb; padding: 3px 7px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.note { color: #a33; font-size: 13px; }
img { max-width: 100%; border: 1px solid #ddd; }
small { color: #666; }
"""


def _points(rep: dict[str, Any], task: str) -> list[tuple[float, float]]:
    return [
        (float(p["severity_true"]), float(p["reward"]))
        for p in rep["pairs"]
        if p["task"] == task and p.get("reward") is not None and p.get("status") == "ok"
    ]


def severity_plot(reports: Sequence[dict[str, Any]], task: str) -> bytes:
    """PNG: one panel per judge, reward against true total severity (jittered), median per severity."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = task_rows(reports, task)
    n = max(1, len(rows))
    cols = min(4, n)
    nrows = (n + cols - 1) // cols
    fig, axes = plt.subplots(nrows, cols, figsize=(3.4 * cols, 2.8 * nrows), squeeze=False)
    rng = random.Random(0)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    for ax, (rep, r) in zip(axes.flat, rows, strict=False):
        pts = _points(rep, task)
        if pts:
            xs = [x + rng.uniform(-0.25, 0.25) for x, _ in pts]
            ax.scatter(xs, [y for _, y in pts], s=6, alpha=0.35, color="#1f77b4", linewidths=0)
            by_sev: dict[float, list[float]] = {}
            for x, y in pts:
                by_sev.setdefault(x, []).append(y)
            sev = sorted(by_sev)
            med = [sorted(by_sev[s])[len(by_sev[s]) // 2] for s in sev]
            ax.plot(sev, med, color="#d62728", marker="o", markersize=3, linewidth=1.5)
        title = rep["label"] if len(rep["label"]) <= 34 else rep["label"][:33] + "…"
        ax.set_title(f"{title}\nρ = {fmt(r['spearman'])}" + (" (see note)" if rep.get("note") else ""), fontsize=9)
        ax.set_xlabel("true total severity", fontsize=8)
        ax.set_ylabel("reward", fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    return buf.getvalue()


def write_compare_html(reports: Sequence[dict[str, Any]], path: str | Path) -> Path:
    """One page: per task, the comparison table and reward against true severity for each judge."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>verm bench compare</title>"
        f"<style>{_CSS}</style></head><body><h1>Judges and baselines on the same pairs</h1>",
        "<p><small>F1: verm's rule matcher, where a judge lists errors. ρ: Spearman of the reward against "
        "the true total severity (-1 best). rank: pairwise ranking accuracy over candidates of one "
        "reference. hacks below: share of (hack, honest candidate) comparisons where the hack gets less "
        "reward (n/a: the bench has no hack rows). ms/pair: the judge's median time, renders excluded. "
        "Plots: one point per pair (x jittered), the red line the median reward per severity; a reward "
        "that follows the errors falls from left to right.</small></p>",
    ]
    for task in tasks_of(reports):
        rows = task_rows(reports, task)
        if not rows:
            continue
        head = "<tr><th>judge</th>" + "".join(f"<th>{html.escape(c)}</th>" for c, _ in COLUMNS) + "</tr>"
        body = "".join(
            f"<tr><td>{html.escape(rep['label'])}"
            + (f"<br><span class='note'>{html.escape(rep['note'])}</span>" if rep.get("note") else "")
            + "</td>"
            + "".join(f"<td>{cell(k, r)}</td>" for _, k in COLUMNS)
            + "</tr>"
            for rep, r in rows
        )
        png = base64.b64encode(severity_plot(reports, task)).decode("ascii")
        parts.append(
            f"<h2>{html.escape(task)}</h2><table>{head}{body}</table>"
            f"<img alt='reward against true severity, {html.escape(task)}' src='data:image/png;base64,{png}'>"
        )
    parts.append("</body></html>")
    out.write_text("".join(parts), encoding="utf-8")
    return out


__all__ = ["compare", "markdown", "severity_plot", "write_compare_html"]
