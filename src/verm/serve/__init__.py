"""verm's HTTP faces. ``create_openai_app``: verm's CPU judges behind an
OpenAI-compatible chat-completions API (``verm serve --openai``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_openai_app"]


def create_openai_app(judge_name: str = "pixel", **kwargs: Any) -> FastAPI:
    """See `verm.serve.openai_server.create_openai_app` (imported lazily: FastAPI is the ``serve`` extra)."""
    try:
        from verm.serve.openai_server import create_openai_app as factory
    except ImportError as exc:
        from verm.errors import MissingDependencyError

        raise MissingDependencyError(
            f"verm serve needs FastAPI and uvicorn: pip install 'verm[serve]' ({exc})"
        ) from exc
    return factory(judge_name, **kwargs)
