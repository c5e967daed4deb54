"""``verm serve``: run verm's judges behind an HTTP API."""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["serve", "serve_app"]


def serve(
    openai: Annotated[
        bool, typer.Option("--openai", help="Serve an OpenAI-compatible /v1/chat/completions judge API.")
    ] = False,
    host: Annotated[str, typer.Option(help="Interface to bind (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    judge: Annotated[
        str, typer.Option("--judge", "-j", help="The CPU judge that answers (see `verm judges`).")
    ] = "pixel",
    model_name: Annotated[
        str | None, typer.Option("--model-name", help="Model id listed by /v1/models (default verm-<judge>).")
    ] = None,
    max_body_mb: Annotated[float, typer.Option(help="Largest request body accepted, in MiB.")] = 32.0,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "warning",
) -> None:
    """Serve verm's judges over HTTP. With --openai, answer chat completions carrying two images
    and a Visual-ERM prompt in the paper's JSON, so reward scripts written for a served
    Visual-ERM model can point at verm unchanged."""
    from verm.errors import VermError

    if not openai:
        typer.echo("error: only the OpenAI-compatible judge server is available; pass --openai", err=True)
        raise typer.Exit(2)
    try:
        import uvicorn

        from verm.serve import create_openai_app

        app = create_openai_app(judge, model_name=model_name, max_body_bytes=int(max_body_mb * 1024 * 1024))
    except ImportError:
        typer.echo("error: verm serve needs uvicorn: pip install 'verm[serve]'", err=True)
        raise typer.Exit(2) from None
    except VermError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    uvicorn.run(app, host=host, port=port, log_level=log_level)


serve_app = typer.Typer(help="Serve verm's judges over HTTP.", invoke_without_command=True)
serve_app.callback()(serve)
