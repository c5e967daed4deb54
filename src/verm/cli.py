"""The ``verm`` command: score, render, generate chart programs, check the sandbox."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from verm.bench.cli import bench_app
from verm.console import console
from verm.console import fail as _fail
from verm.console import judge_options as _judge_options
from verm.console import progress_bar as _progress
from verm.errors import VermError
from verm.integrations.cli import rl_app
from verm.train.cli import train_app
from verm.types import Rendering, Status, Task

app = typer.Typer(
    help="verm: score vision-to-code outputs (charts, tables, SVG) in rendered space.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(bench_app, name="bench")
app.add_typer(train_app, name="train")
app.add_typer(rl_app, name="rl")

TaskOpt = Annotated[Task, typer.Option("--task", "-t", help="chart | table | svg", case_sensitive=False)]


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug details to stderr.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@app.command()
def score(
    task: TaskOpt,
    reference: Annotated[
        Path, typer.Option("--reference", "-r", help="Reference PNG/JPEG, or a source file to render.")
    ],
    candidate: Annotated[Path, typer.Option("--candidate", "-c", help="Candidate code or a whole model completion.")],
    judge: Annotated[str, typer.Option("--judge", "-j", help="Judge name (see `verm judges`).")] = "auto",
    report: Annotated[Path | None, typer.Option("--report", help="Write side_by_side.png, report.html here.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    rule: Annotated[str, typer.Option(help="Reward rule: fixed | signed | normalised.")] = "fixed",
    endpoint: Annotated[
        list[str] | None,
        typer.Option(
            "--endpoint", help="vlm judge: OpenAI-compatible URL (repeat or comma-separate; env VERM_VLM_ENDPOINT)."
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="vlm judge: served model name (env VERM_VLM_MODEL); hf judge: checkpoint."),
    ] = None,
    prompt_file: Annotated[
        str | None,
        typer.Option("--prompt-file", help="vlm/hf judge: the prompt as a file (text, JSON/TOML, or a .py file)."),
    ] = None,
    option: Annotated[
        list[str] | None, typer.Option("--option", help="Judge option KEY=VALUE (JSON value), e.g. max_new_tokens=256.")
    ] = None,
) -> None:
    """Score a candidate against a reference: reward, status and every discrepancy."""
    from verm.pipeline import Scorer
    from verm.reward import RewardShaping

    if not candidate.is_file():
        raise _fail(f"candidate file not found: {candidate}")
    if not reference.is_file():
        raise _fail(f"reference file not found: {reference}")
    try:
        shaping = RewardShaping(rule=rule)  # type: ignore[arg-type]
        judge_options = _judge_options(judge, endpoint, model, prompt_file, option)
        with Scorer(task, judge=judge, shaping=shaping, judge_options=judge_options) as scorer:
            ref = scorer.reference(reference)
            if not ref.ok:
                raise _fail(f"the reference did not render: {ref.reason}")
            cand = scorer.render_candidates([candidate.read_text(encoding="utf-8", errors="replace")])[0]
            reward = scorer.judge_renderings([ref], [cand])[0]
    except VermError as exc:
        raise _fail(str(exc)) from None
    if report is not None:
        from verm.report import write_report

        paths = write_report(report, ref, cand, reward)
    if as_json:
        out = reward.to_json_dict()
        if report is not None:
            out["report"] = {k: str(v) for k, v in paths.items()}
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
        return
    _print_reward(reward, cand)
    if report is not None:
        console.print(
            f"report: [link=file://{paths['html'].resolve()}]{paths['html']}[/link]  ({paths['side_by_side']})"
        )


def _print_reward(reward: object, cand: Rendering) -> None:
    from verm.types import Reward

    assert isinstance(reward, Reward)
    colour = "green" if reward.status is Status.OK else "red"
    score_txt = "None (judge failed)" if reward.score is None else f"{reward.score:.4f}"
    console.print(f"reward [bold]{score_txt}[/]   status [{colour}]{reward.status.value}[/]")
    if reward.reason:
        console.print(f"reason: {reward.reason}")
    j = reward.judgment
    if j is None:
        return
    if not j.discrepancies:
        console.print(f"no discrepancies ({j.judge} judge)")
        return
    table = Table(title=f"{len(j.discrepancies)} discrepancies, total severity {j.total_severity} ({j.judge} judge)")
    for col in ("#", "category", "sev", "location", "description", "bbox"):
        table.add_column(col, overflow="fold")
    for n, d in enumerate(j.discrepancies, 1):
        bbox = "" if d.bbox is None else "[" + ", ".join(f"{c:.2f}" for c in d.bbox) + "]"
        table.add_row(str(n), d.category, str(d.severity), d.location, d.description, bbox)
    console.print(table)


@app.command()
def render(
    task: TaskOpt,
    inputs: Annotated[list[Path], typer.Argument(help="Source files (code or completions) to render.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for the PNGs (and scene JSON).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON line per file.")] = False,
    workers: Annotated[int | None, typer.Option(help="Concurrent renders (default: CPU count).")] = None,
    force: Annotated[bool, typer.Option(help="Render again files whose PNG is already in --out.")] = False,
) -> None:
    """Render many files through the sandboxed pool, with each file's status and reason.

    An interrupted run resumes: a file whose PNG in --out is newer than the file is not rendered again.
    """
    from verm.extract import extract_code
    from verm.render import get_renderer

    missing = [p for p in inputs if not p.is_file()]
    if missing:
        raise _fail(f"not a file: {', '.join(map(str, missing[:5]))}")
    out.mkdir(parents=True, exist_ok=True)
    stems = [p.stem for p in inputs]
    # Same-named inputs from different folders must not overwrite each other's outputs.
    names = [s if stems.count(s) == 1 else f"{s}-{i}" for i, s in enumerate(stems)]
    todo: list[int] = []
    for i, p in enumerate(inputs):
        png = out / f"{names[i]}.png"
        if force or not png.is_file() or png.stat().st_mtime < p.stat().st_mtime:
            todo.append(i)
    sources = []
    for i in todo:
        text = inputs[i].read_text(encoding="utf-8", errors="replace")
        cand = extract_code(text, task)
        sources.append(cand.code if cand else text)
    results: dict[int, Rendering] = {}
    if sources:
        options = {"workers": workers} if workers else {}
        try:
            renderer = get_renderer(task, **options)
        except VermError as exc:
            raise _fail(str(exc)) from None
        with renderer, _progress() as progress:
            bar = progress.add_task(f"render {task.value}", total=len(sources))

            def save(k: int, r: Rendering) -> None:
                # Written as each finishes, so an interrupt keeps everything already rendered.
                i = todo[k]
                results[i] = r
                if r.ok and r.png:
                    if r.scene is not None:
                        (out / f"{names[i]}.scene.json").write_text(json.dumps(r.scene, indent=1))
                    (out / f"{names[i]}.png").write_bytes(r.png)
                progress.advance(bar)

            renderer.render_many(sources, progress=save)
    table = Table(title=f"{len(inputs)} files -> {out}")
    for col in ("file", "status", "ms", "reason"):
        table.add_column(col, overflow="fold")
    counts = {"rendered": 0, "failed": 0, "kept": 0}
    for i, path in enumerate(inputs):
        r = results.get(i)
        if r is None:
            status, reason, ms = "ok", "kept from an earlier run", 0.0
            counts["kept"] += 1
        else:
            status, reason, ms = r.status.value, r.reason, r.elapsed_ms or 0.0
            counts["rendered" if r.ok else "failed"] += 1
        record = {"file": str(path), "status": status, "reason": reason, "ms": round(ms, 1)}
        if status == "ok":
            record["png"] = str(out / f"{names[i]}.png")
        if as_json:
            sys.stdout.write(json.dumps(record) + "\n")
        else:
            colour = "green" if status == "ok" else "red"
            table.add_row(str(path), f"[{colour}]{status}[/]", f"{ms:.0f}", reason or "")
    if not as_json:
        table.caption = f"{counts['rendered']} rendered, {counts['failed']} failed, {counts['kept']} kept"
        console.print(table)


@app.command()
def charts(
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for the generated programs.")],
    n: Annotated[int, typer.Option("--n", help="How many programs.")] = 20,
    seed: Annotated[int, typer.Option(help="First seed.")] = 0,
) -> None:
    """Write seeded, self-contained matplotlib chart programs (chart_<seed>.py)."""
    from verm.corpus import write_chart_programs

    paths = write_chart_programs(out, n, seed)
    console.print(f"wrote {len(paths)} chart programs to {out}")


@app.command()
def judges() -> None:
    """List the judges and renderers available (built-in and plug-ins)."""
    from verm.judge import JUDGES
    from verm.render import RENDERERS

    console.print("judges:    " + ", ".join(JUDGES.names()))
    console.print("renderers: " + ", ".join(RENDERERS.names()))


@app.command()
def doctor(
    sandbox: Annotated[bool, typer.Option(help="Start a render sandbox to check its isolation layers.")] = True,
) -> None:
    """Report every piece verm can use (packages, extras, OCR, Chromium, sandbox layers) and how to install it.

    Exits 1 when a core piece is missing; a missing extra is only listed.
    """
    from rich.markup import escape

    from verm.doctor import run_checks

    table = Table(title="verm doctor")
    for col in ("piece", "", "found", "to install"):
        table.add_column(col, overflow="fold")
    checks = run_checks(sandbox=sandbox)
    for c in checks:
        mark = "[green]ok[/]" if c.ok else ("[red]MISSING[/]" if c.core else "[yellow]not installed[/]")
        table.add_row(escape(c.name), mark, escape(c.detail), escape(c.fix))
    console.print(table)
    if any(c.core and not c.ok for c in checks):
        raise typer.Exit(1)


from verm.refine.cli import refine  # noqa: E402 - the refine command lives with the loop
from verm.serve.cli import serve  # noqa: E402 - the serve command lives with the server

app.command("serve")(serve)
app.command("refine")(refine)

if __name__ == "__main__":
    app()
