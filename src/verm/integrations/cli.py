"""``verm rl``: training data for RL trainers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from verm.console import console
from verm.console import fail as _fail
from verm.console import progress_bar as _progress
from verm.errors import VermError
from verm.types import Task

rl_app = typer.Typer(help="RL training with verm as the reward: data for the trainers.", no_args_is_help=True)


@rl_app.command()
def prepare(
    references: Annotated[
        Path, typer.Argument(help="Folder of references: images and/or sources (.py, .svg, .md, .html).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for train.parquet and val.parquet.")],
    task: Annotated[
        Task | None,
        typer.Option(
            "--task", "-t", case_sensitive=False, help="Only this task; the task of images that have no source."
        ),
    ] = None,
    val_fraction: Annotated[float, typer.Option(help="Share of references held out for validation.")] = 0.1,
    seed: Annotated[int, typer.Option(help="Seed of the train/validation split.")] = 0,
    data_source: Annotated[str, typer.Option(help="Prefix of each row's data_source (<prefix>/<task>).")] = "verm",
) -> None:
    """Write veRL's multimodal parquet (prompt with <image>, images, reward_model, extra_info with
    the reference) for chart, table and SVG references. Sources without an image are rendered
    (cached under OUT/.render-cache, so an interrupted run resumes)."""
    from verm.integrations.data import prepare_verl

    try:
        with _progress() as progress:
            bar = progress.add_task("render references", total=None)
            summary = prepare_verl(
                references, out, task=task, val_fraction=val_fraction, seed=seed, data_source=data_source,
                progress=lambda done, total: progress.update(bar, completed=done, total=total),
            )  # fmt: skip
    except VermError as exc:
        raise _fail(str(exc)) from None
    table = Table(title=f"veRL data in {out}")
    for col in ("file", "rows"):
        table.add_column(col)
    table.add_row(str(summary.train), str(summary.n_train))
    if summary.val is not None:
        table.add_row(str(summary.val), str(summary.n_val))
    table.caption = ", ".join(f"{n} {t}" for t, n in sorted(summary.by_task.items()))
    console.print(table)
    if summary.unrendered:
        console.print(
            f"[yellow]{len(summary.unrendered)} references did not render and were left out: "
            f"{', '.join(summary.unrendered[:5])}[/]"
        )
    console.print(
        "reward: reward.custom_reward_function.path=pkg://verm.integrations.verl "
        "reward.custom_reward_function.name=compute_score_async (see examples/verl/)"
    )
