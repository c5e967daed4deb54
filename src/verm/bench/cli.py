"""``verm bench``: make a benchmark, run a judge over it, evaluate, show samples."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from verm.console import console, err_console, parse_options
from verm.console import fail as _fail
from verm.console import progress_bar as _progress
from verm.errors import VermError
from verm.types import Task

bench_app = typer.Typer(
    help="Benchmarks for judges in the VC-RewardBench layout: make, run, eval, sample.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _ticker(progress: Progress, label: str) -> Callable[[int, int], None]:
    bar = progress.add_task(label, total=None)

    def tick(done: int, total: int) -> None:
        progress.update(bar, completed=done, total=total)

    return tick


@bench_app.command()
def make(
    task: Annotated[Task, typer.Option("--task", "-t", help="chart | table | svg", case_sensitive=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Bench directory (created or extended).")],
    sources: Annotated[
        Path | None,
        typer.Option(
            help="Folder of reference sources (.py / .md .html / .svg, recursive). Charts: the generator if omitted."
        ),
    ] = None,
    n: Annotated[int, typer.Option("--n", help="Number of pairs the bench should hold.")] = 300,
    seed: Annotated[int, typer.Option(help="Seed: the same seed gives byte-identical records.")] = 0,
    max_edits: Annotated[int, typer.Option("--max-edits", help="Edits per pair: 1..K.")] = 3,
    workers: Annotated[int | None, typer.Option(help="Pairs made at once (default: 2 x CPUs).")] = None,
) -> None:
    """Write a benchmark of perturbed pairs with exact ground truth (resumable)."""
    from verm.bench.make import make_bench

    try:
        with _progress() as progress:
            summary = make_bench(
                task, sources, out, n=n, seed=seed, max_edits=max_edits, workers=workers,
                progress=_ticker(progress, f"make {task.value}"),
            )  # fmt: skip
    except VermError as exc:
        raise _fail(str(exc)) from None
    skipped = f", {len(summary.skipped_indices)} indices skipped (see skipped.jsonl)" if summary.skipped_indices else ""
    if summary.unstable_sources:
        skipped += f", {len(summary.unstable_sources)} sources left out: two renders differ (see skipped.jsonl)"
    console.print(f"{summary.total} pairs in {out / 'bench.jsonl'} ({summary.added} new){skipped}")


@bench_app.command()
def run(
    bench: Annotated[Path, typer.Argument(help="Bench directory or JSON/JSONL file.")],
    judge: Annotated[str, typer.Option("--judge", "-j", help="Judge name (pixel, mse, psnr, ssim, teds, ...).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Results directory (created or continued).")],
    workers: Annotated[int, typer.Option(help="Judge processes (default: CPU count).")] = 0,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Judge failed pairs again.")] = False,
    option: Annotated[list[str] | None, typer.Option("--option", help="Judge option KEY=VALUE (JSON value).")] = None,
) -> None:
    """Run a judge over every pair (parallel, resumable; failures recorded per pair)."""
    from verm.bench.run import run_bench

    options = parse_options(option)
    try:
        with _progress() as progress:
            summary = run_bench(
                bench, judge, out, workers=workers or os.cpu_count() or 1, judge_options=options,
                retry_failed=retry_failed, progress=_ticker(progress, f"judge {judge}"),
            )  # fmt: skip
    except VermError as exc:
        raise _fail(str(exc)) from None
    console.print(
        f"{summary.judged} pairs judged ({summary.failed} failed), {summary.skipped} already done -> "
        f"{summary.out / 'results.jsonl'}  (config {summary.config_hash})"
    )


#: Terminal headers: the full names do not fit 80 columns.
SHORT = {
    "pairs": "n", "failed": "fail", "P hard": "P h", "R hard": "R h", "F1 hard": "F1 h", "P soft": "P s",
    "R soft": "R s", "F1 soft": "F1 s", "r(severity)": "r", "ρ(reward, severity)": "ρ", "rank acc": "rank",
    "rank pairs": "pairs",
}  # fmt: skip


def _print_tables(reports: list[dict[str, Any]]) -> None:
    from verm.bench.report import COLUMNS, block_of, block_row, fmt, scopes

    # Thirteen columns do not fit the 80 columns rich assumes when writing to a file or pipe.
    out = console if console.is_terminal else Console(width=140)

    for scope in scopes(reports):
        table = Table(
            title=scope,
            caption="h = hard, s = soft (partial = 0.5); r = Pearson of total severity; "
            "ρ = Spearman(reward, severity), -1 best; rank = ranking accuracy over `pairs`",
        )
        table.add_column("judge", no_wrap=True)
        for c, _ in COLUMNS:
            table.add_column(SHORT.get(c, c), justify="right", no_wrap=True)
        for r in reports:
            b = block_of(r, scope, reports)
            if b is None:
                continue
            row = block_row(b)
            table.add_row(str(r["judge"]), *(fmt(row[k]) for _, k in COLUMNS))
        out.print(table)


@bench_app.command("eval")
def eval_(
    results: Annotated[list[Path], typer.Argument(help="Results directories (one per judge) to compare.")],
    bench: Annotated[Path | None, typer.Option(help="Bench (default: the one named in config.json).")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write the report page here.")] = None,
    markdown: Annotated[
        Path | None, typer.Option("--markdown", help="Write the metric tables as Markdown here.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full evaluation as JSON.")] = False,
    worst: Annotated[int, typer.Option(help="Worst pairs per judge on the HTML page.")] = 8,
    failures: Annotated[str, typer.Option(help="Failed pairs: 'empty' (predict nothing) or 'exclude'.")] = "empty",
    matcher: Annotated[str, typer.Option(help="rule (deterministic) or llm (needs --llm-url, --llm-model).")] = "rule",
    llm_url: Annotated[str | None, typer.Option(help="OpenAI-compatible base URL for --matcher llm.")] = None,
    llm_model: Annotated[str | None, typer.Option(help="Model name for --matcher llm.")] = None,
) -> None:
    """Match predicted to true discrepancies and report P/R/F1 (hard, soft), severity r, reward figures."""
    from verm.bench.dataset import load_bench
    from verm.bench.evaluate import evaluate
    from verm.bench.match import LlmMatcher, RuleMatcher, openai_complete
    from verm.bench.report import markdown_tables, write_eval_html

    if matcher == "llm":
        if not llm_url or not llm_model:
            raise _fail("--matcher llm needs --llm-url and --llm-model")
        m: Any = LlmMatcher(openai_complete(llm_url, llm_model, api_key=os.environ.get("VERM_LLM_API_KEY")))
    elif matcher == "rule":
        m = RuleMatcher()
    else:
        raise _fail(f"unknown matcher {matcher!r}; expected rule or llm")
    try:
        reports = [
            evaluate(r, bench=bench, matcher=m, failures=failures)  # type: ignore[arg-type]
            for r in results
        ]
        if html is not None:
            b = load_bench(bench or reports[0]["bench"])
            write_eval_html(reports, b, html, worst=worst)
        if markdown is not None:
            markdown.parent.mkdir(parents=True, exist_ok=True)
            markdown.write_text(markdown_tables(reports), encoding="utf-8")
    except VermError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        sys.stdout.write(json.dumps(reports if len(reports) > 1 else reports[0], indent=2, default=str) + "\n")
        return
    _print_tables(reports)
    for r in reports:
        if r["n_missing"]:
            err_console.print(f"[yellow]{r['judge']}: {r['n_missing']} pairs have no result yet[/]")
    if html is not None:
        console.print(f"report: [link=file://{html.resolve()}]{html}[/link]")
    if markdown is not None:
        console.print(f"markdown: {markdown}")


@bench_app.command()
def merge(
    benches: Annotated[list[Path], typer.Argument(help="Benches to merge (directories or files).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for the merged bench.jsonl.")],
) -> None:
    """Merge benches (e.g. one per task) into one, so a single run covers every task."""
    from verm.bench.dataset import merge_benches

    try:
        path = merge_benches(benches, out)
    except VermError as exc:
        raise _fail(str(exc)) from None
    console.print(f"merged -> {path}")


@bench_app.command()
def sample(
    bench: Annotated[Path, typer.Argument(help="Bench directory or JSON/JSONL file.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML page to write.")] = Path("bench-sample.html"),
    n: Annotated[int, typer.Option("--n", help="Pairs on the page (spread over the bench).")] = 24,
) -> None:
    """Write a page of pairs with their ground-truth boxes, to check at a glance."""
    from verm.bench.dataset import load_bench
    from verm.bench.report import write_sample_html

    try:
        path = write_sample_html(load_bench(bench), out, n=n)
    except VermError as exc:
        raise _fail(str(exc)) from None
    console.print(f"sample: [link=file://{path.resolve()}]{path}[/link]")
