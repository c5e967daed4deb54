"""``verm train``: make pairs, export SFT data, fine-tune a judge."""

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

train_app = typer.Typer(
    help="The judge's own training: make pairs, export SFT data, fine-tune.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _print_balance(title: str, balance: dict[str, object]) -> None:
    from verm.train.export import Balance

    table = Table(title=title)
    for col in ("task", "pairs", "refs", "categories", "severity 1/2/3", "errors/pair 0/1/2/3+", "mean sev"):
        table.add_column(col, overflow="fold")
    for task, b in balance.items():
        assert isinstance(b, Balance)
        cats = ", ".join(f"{c.removesuffix('_error')} {n}" for c, n in b.categories.items())
        sev = "/".join(str(b.severities[k]) for k in ("1", "2", "3"))
        per = "/".join(str(b.errors_per_pair[k]) for k in ("0", "1", "2", "3+"))
        table.add_row(task, str(b.pairs), str(b.references), cats, sev, per, f"{b.mean_total_severity:.2f}")
    console.print(table)


@train_app.command("make-pairs")
def make_pairs_cmd(
    task: Annotated[Task, typer.Option("--task", "-t", help="chart | table | svg", case_sensitive=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Pairs directory (created or extended).")],
    n: Annotated[int, typer.Option("--n", help="Number of pairs the directory should hold.")],
    sources: Annotated[
        Path | None, typer.Option(help="Folder of reference sources. Charts: the generator if omitted.")
    ] = None,
    seed: Annotated[int, typer.Option(help="The same seed gives byte-identical pairs.")] = 0,
    max_edits: Annotated[int, typer.Option("--max-edits", help="Edits per pair: 1..K.")] = 3,
    workers: Annotated[int | None, typer.Option(help="Pairs made at once (default: 2 x CPUs).")] = None,
) -> None:
    """Make training pairs with exact ground truth from the perturbation engine (resumable, deterministic per seed)."""
    from verm.train.pairs import make_pairs

    try:
        with _progress() as progress:
            bar = progress.add_task(f"pairs {task.value}", total=n)
            summary = make_pairs(
                task, sources, out, n=n, seed=seed, max_edits=max_edits, workers=workers,
                progress=lambda done, total: progress.update(bar, completed=done, total=total),
            )  # fmt: skip
    except VermError as exc:
        raise _fail(str(exc)) from None
    _print_balance(f"{summary.made.total} pairs in {out}", dict(summary.balance))
    console.print(f"{summary.made.added} new pairs; export them with `verm train export {out} --out DIR`")


@train_app.command("export")
def export_cmd(
    source: Annotated[Path, typer.Argument(help="A bench or pairs directory (or its JSONL file).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="messages (TRL, transformers) | sharegpt (LLaMA-Factory).")
    ] = "messages",
    prompt_file: Annotated[
        str | None,
        typer.Option("--prompt-file", help="The judge prompt to train on (text, JSON/TOML, or .py): serve the same."),
    ] = None,
    val_fraction: Annotated[float, typer.Option("--val-fraction", help="Share of references for validation.")] = 0.1,
    seed: Annotated[int, typer.Option(help="Seed of the split by reference.")] = 0,
) -> None:
    """Write SFT data for a vision-language judge: two images, the prompt, the target JSON answer."""
    from verm.train.export import export

    try:
        with _progress() as progress:
            bar = progress.add_task("export", total=None)
            summary = export(
                source, out, fmt=fmt, prompt_file=prompt_file, val_fraction=val_fraction, seed=seed,
                progress=lambda done, total: progress.update(bar, completed=done, total=total),
            )  # fmt: skip
    except VermError as exc:
        raise _fail(str(exc)) from None
    for split, balance in summary.balance.items():
        _print_balance(f"{split}: {summary.counts[split]} pairs", dict(balance))
    prompts = ", ".join(f"{t}: {v}" for t, v in summary.prompts.items())
    console.print(f"{fmt} data in {out} (prompts {prompts}); balance.json, prompts.json, export.json beside it")
    if fmt == "sharegpt":
        console.print(f"LLaMA-Factory: --dataset_dir {out} --dataset verm_judge_train (dataset_info.json)")


@train_app.command("sft")
def sft_cmd(
    data: Annotated[Path, typer.Argument(help="Exported data (`verm train export --format messages`).")],
    model: Annotated[str, typer.Option("--model", help="Base model: a Qwen-VL-family checkpoint or hub id.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where the trained checkpoint goes.")],
    lora: Annotated[
        bool, typer.Option("--lora/--full", help="LoRA adapters (merged when saved) or all weights.")
    ] = False,
    epochs: Annotated[float, typer.Option(help="Epochs (the paper: 3).")] = 3.0,
    lr: Annotated[float, typer.Option("--lr", help="Learning rate (the paper: 1e-5).")] = 1e-5,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Effective batch (the paper: 32).")] = 32,
    per_device: Annotated[
        int, typer.Option("--per-device", help="Batch per device (accumulation makes up the rest).")
    ] = 1,
    max_steps: Annotated[int, typer.Option("--max-steps", help="Stop after this many steps (-1: the epochs).")] = -1,
    lora_r: Annotated[int, typer.Option("--lora-r", help="LoRA rank.")] = 16,
    device: Annotated[str, typer.Option(help="auto | cpu | cuda | cuda:1 ...")] = "auto",
    max_side: Annotated[
        int, typer.Option("--max-side", help="Images downscaled to this side, as the hf judge does.")
    ] = 1024,
) -> None:
    """Fine-tune a Qwen-VL-family judge with TRL's SFT trainer; the checkpoint loads in `--judge hf`."""
    from verm.train.sft import SftSettings, train_sft

    settings = SftSettings(
        epochs=epochs, learning_rate=lr, batch_size=batch_size, per_device_batch_size=per_device, max_steps=max_steps,
        lora=lora, lora_r=lora_r, lora_alpha=2 * lora_r, device=device, max_side=max_side,
    )  # fmt: skip
    try:
        result = train_sft(data, model, out, settings)
    except VermError as exc:
        raise _fail(str(exc)) from None
    loss = f"loss {result.losses[0]:.3f} -> {result.losses[-1]:.3f}" if result.losses else "no loss logged"
    console.print(f"{result.steps} steps in {result.seconds:.1f} s, {loss} -> {result.checkpoint}")
    prompts = result.checkpoint / "verm-prompts.json"
    hint = f" --prompt-file {prompts}" if prompts.is_file() else ""
    console.print(f"judge with it: verm score ... --judge hf --model {result.checkpoint}{hint}")
