"""``verm serve``: the reward service (default) or, with ``--openai``, the judge behind an
OpenAI-compatible API."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["serve", "serve_app"]


def serve(
    openai: Annotated[
        bool, typer.Option("--openai", help="Serve an OpenAI-compatible /v1/chat/completions judge API instead.")
    ] = False,
    host: Annotated[str, typer.Option(help="Interface to bind (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    task: Annotated[
        str, typer.Option("--task", "-t", help="Default task (chart, table, svg); a request may name another.")
    ] = "chart",
    judge: Annotated[
        str | None, typer.Option("--judge", "-j", help="Judge (see `verm judges`); default auto (--openai: pixel).")
    ] = None,
    judge_options: Annotated[
        str | None, typer.Option("--judge-options", help="Judge keyword arguments as JSON, e.g. '{\"retries\": 1}'.")
    ] = None,
    shaping: Annotated[
        str, typer.Option(help="Reward shaping preset: default, visual-erm, visual-erm-table.")
    ] = "default",
    api_key: Annotated[
        str | None, typer.Option(help="Require this key on every POST (env VERM_API_KEY).", envvar="VERM_API_KEY")
    ] = None,
    max_body_mb: Annotated[float, typer.Option(help="Largest request body accepted, in MiB.")] = 64.0,
    max_batch: Annotated[int, typer.Option(help="Most samples in one request.")] = 4096,
    max_pending: Annotated[
        int, typer.Option(help="Most samples accepted and unanswered over all requests; past it: 429.")
    ] = 8192,
    reference_root: Annotated[
        Path | None, typer.Option(help="Allow references given as paths, under this folder only.")
    ] = None,
    cache_dir: Annotated[Path | None, typer.Option(help="Disk tier of the render/judgment cache.")] = None,
    cache_mb: Annotated[float, typer.Option(help="Memory cache bound, in MiB.")] = 512.0,
    workers: Annotated[int | None, typer.Option(help="Render workers (default: the number of CPUs).")] = None,
    infra_fill: Annotated[
        float | None,
        typer.Option(
            help="OpenRLHF: reward for samples verm cannot score (default: the prompt's mean, else mid-range)."
        ),
    ] = None,
    model_name: Annotated[
        str | None, typer.Option("--model-name", help="--openai: model id listed by /v1/models (default verm-<judge>).")
    ] = None,
    graceful_s: Annotated[
        float | None,
        typer.Option(help="On shutdown, wait at most this long for requests in flight (default: no limit)."),
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "warning",
) -> None:
    """Serve verm over HTTP. By default the reward service for RL trainers: POST /score, /score_batch,
    /openrlhf (OpenRLHF's --reward.remote_url protocol), GET /healthz, /metrics. With --openai, answer
    chat completions carrying two images and a Visual-ERM prompt in the paper's JSON."""
    from verm.errors import VermError

    try:
        import uvicorn

        if openai:
            from verm.serve import create_openai_app

            app = create_openai_app(
                judge or "pixel", model_name=model_name, max_body_bytes=int(max_body_mb * 1024 * 1024)
            )
        else:
            from verm.serve import create_reward_app
            from verm.serve.reward_server import ServiceConfig

            config = ServiceConfig(
                task=task,
                judge=judge or "auto",
                judge_options=json.loads(judge_options) if judge_options else {},
                shaping=shaping,
                api_key=api_key or os.environ.get("VERM_API_KEY") or None,
                max_body_bytes=int(max_body_mb * 1024 * 1024),
                max_batch=max_batch,
                max_pending=max_pending,
                reference_root=reference_root,
                cache_dir=cache_dir,
                cache_bytes=int(cache_mb * 1024 * 1024),
                render_workers=workers,
                infra_fill=infra_fill,
            )
            app = create_reward_app(config)
    except ImportError as exc:
        typer.echo(f"error: verm serve needs the serve extra: pip install 'verm[serve]' ({exc})", err=True)
        raise typer.Exit(2) from None
    except (VermError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=graceful_s)


serve_app = typer.Typer(help="Serve verm over HTTP.", invoke_without_command=True)
serve_app.callback()(serve)
