"""What the command-line faces share: the consoles, error exits and progress bars.

Only the faces (``verm.cli``, ``verm.bench.cli``, ``verm.serve.cli``) print; the
library logs.
"""

from __future__ import annotations

import json
from typing import Any

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


def parse_options(items: list[str] | None) -> dict[str, Any]:
    """``--option KEY=VALUE`` items as a dict; a value is JSON when it parses, else a string."""
    options: dict[str, Any] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise fail(f"--option wants KEY=VALUE, got {item!r}")
        try:
            options[key] = json.loads(value)
        except json.JSONDecodeError:
            options[key] = value
    return options


def judge_options(
    judge: str,
    endpoints: list[str] | None,
    model: str | None,
    prompt_file: str | None,
    extra: list[str] | None = None,
) -> dict[str, object]:
    """The options ``--endpoint``, ``--model`` and ``--prompt-file`` give a judge: the served
    model and endpoints of ``vlm`` (unset ones fall back to VERM_VLM_* and the config file),
    the weights of ``hf``; the prompt file of either."""
    options: dict[str, object] = dict(parse_options(extra))
    if judge == "vlm":
        urls = [u for e in endpoints or [] for u in e.split(",") if u.strip()]
        return {"endpoints": urls or None, "model": model, "prompt": prompt_file, **options}
    if judge == "hf":
        if not model:
            raise fail("the hf judge needs --model: a local checkpoint directory or a hub id")
        return {"model": model, "prompt": prompt_file, **options}
    if prompt_file is not None:
        raise fail(f"--prompt-file is for the vlm and hf judges, not {judge}")
    return options
