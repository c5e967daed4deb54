"""``verm refine``: the reflect-and-revise loop over one reference, a folder or a JSONL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from verm.console import console
from verm.console import fail as _fail
from verm.console import judge_options as _judge_options
from verm.console import progress_bar as _progress
from verm.errors import VermError
from verm.types import Task


def refine(
    references: Annotated[
        Path, typer.Argument(help="A reference (image or source file), a folder of them, or a JSONL / bench file.")
    ],
    task: Annotated[Task, typer.Option("--task", "-t", help="chart | table | svg", case_sensitive=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Results directory (created, or continued).")],
    policy: Annotated[
        list[str], typer.Option("--policy", help="The policy's OpenAI-compatible URL (repeat or comma-separate).")
    ],
    policy_model: Annotated[
        str | None, typer.Option("--policy-model", help="Served policy model name (default: asked).")
    ] = None,
    policy_key: Annotated[
        str | None, typer.Option("--policy-key", envvar="VERM_POLICY_API_KEY", help="Policy API key.")
    ] = None,
    rounds: Annotated[int, typer.Option(help="Rounds at most (the paper: 3).")] = 3,
    samples: Annotated[int, typer.Option(help="Best-of-N: completions per round.")] = 1,
    temperature: Annotated[float, typer.Option(help="Policy sampling temperature (> 0 for best-of-N).")] = 0.0,
    max_tokens: Annotated[int, typer.Option("--max-tokens", help="Policy answer length cap.")] = 4096,
    timeout: Annotated[float, typer.Option(help="Seconds per policy request.")] = 300.0,
    retries: Annotated[int, typer.Option(help="Policy retries on transport failures.")] = 1,
    feedback: Annotated[
        bool, typer.Option("--feedback/--no-feedback", help="Send the judge's discrepancies (off: the ablation).")
    ] = True,
    judge: Annotated[str, typer.Option("--judge", "-j", help="Judge name (see `verm judges`).")] = "auto",
    endpoint: Annotated[list[str] | None, typer.Option("--endpoint", help="vlm judge: its URL(s).")] = None,
    model: Annotated[str | None, typer.Option("--model", help="vlm judge: served name; hf judge: checkpoint.")] = None,
    prompt_file: Annotated[
        str | None, typer.Option("--prompt-file", help="vlm/hf judge: the judge prompt as a file.")
    ] = None,
    option: Annotated[list[str] | None, typer.Option("--option", help="Judge option KEY=VALUE (JSON value).")] = None,
    workers: Annotated[int, typer.Option(help="References refined at once.")] = 1,
) -> None:
    """Reflect and revise: the policy writes code, verm judges it, the discrepancies go back, the policy revises.

    Keeps every round of every reference in OUT/results.jsonl (resumable), writes OUT/report.html.
    """
    options = _judge_options(judge, endpoint, model, prompt_file, option)
    config = {
        "judge": judge,
        "rounds": rounds,
        "samples": samples,
        "feedback": feedback,
        "policy_model": policy_model,
        "temperature": temperature,
    }
    try:
        from verm.pipeline import Scorer
        from verm.refine import PolicyClient, Refiner, load_items, refine_batch

        items = load_items(task, references)
        with (
            Scorer(task, judge=judge, judge_options=options) as scorer,
            PolicyClient(
                policy, model=policy_model, api_key=policy_key, temperature=temperature, max_tokens=max_tokens,
                timeout_s=timeout, retries=retries, concurrency=max(samples * workers, 1),
            ) as client,
            _progress() as progress,
        ):  # fmt: skip
            refiner = Refiner(scorer, client, rounds=rounds, samples=samples, feedback=feedback)
            bar = progress.add_task(f"refine {task.value}", total=len(items))
            summary = refine_batch(
                items, out, refiner, config=config, workers=workers,
                progress=lambda done, total: progress.update(bar, completed=done, total=total),
            )  # fmt: skip
    except VermError as exc:
        raise _fail(str(exc)) from None
    _print_rounds(out, rounds)
    failed = f", {len(summary.failed)} failed (see failed.jsonl)" if summary.failed else ""
    console.print(f"{summary.refined} refined, {summary.kept} kept from before{failed} -> {out / 'results.jsonl'}")
    if summary.report is not None:
        console.print(f"report: [link=file://{summary.report.resolve()}]{summary.report}[/link]")


def _print_rounds(out: Path, rounds: int) -> None:
    from verm.refine.batch import load_results

    rows = load_results(out)
    if not rows:
        return
    table = Table(title="reward of the kept attempt by round")
    table.add_column("reference", overflow="fold")
    for k in range(1, rounds + 1):
        table.add_column(f"round {k}", justify="right")
    table.add_column("stop")
    for row in rows[:30]:
        cells = []
        for rnd in row["rounds"]:
            att = rnd["attempts"][rnd["chosen"]]
            score = (att.get("reward") or {}).get("score")
            cells.append(f"{score:.3f}" if score is not None else att["status"])
        cells += [""] * (rounds - len(cells))
        table.add_row(str(row.get("name") or row["id"]), *cells, row["stop_reason"])
    if len(rows) > 30:
        table.caption = f"first 30 of {len(rows)}; all in report.html"
    console.print(table)
