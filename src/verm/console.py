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
