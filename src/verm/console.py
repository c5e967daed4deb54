"""What the command-line faces share: the consoles, error exits and progress bars.

Only the faces (``verm.cli``, ``verm.bench.cli``, ``verm.serve.cli``) print; the
library logs.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print an error for a person and return the exit to raise: ``raise fail("...")``."""
    err_console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
    )


def judge_options(
    judge: str, endpoints: list[str] | None, model: str | None, prompt_file: str | None
) -> dict[str, object]:
    """The options ``--endpoint``, ``--model`` and ``--prompt-file`` give a judge: the served
    model and endpoints of ``vlm`` (unset ones fall back to VERM_VLM_* and the config file),
    the weights of ``hf``; the prompt file of either."""
    if judge == "vlm":
        urls = [u for e in endpoints or [] for u in e.split(",") if u.strip()]
        return {"endpoints": urls or None, "model": model, "prompt": prompt_file}
    if judge == "hf":
        if not model:
            raise fail("the hf judge needs --model: a local checkpoint directory or a hub id")
        return {"model": model, "prompt": prompt_file}
    if prompt_file is not None:
        raise fail(f"--prompt-file is for the vlm and hf judges, not {judge}")
    return {}
