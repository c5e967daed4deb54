"""verm's HTTP faces. ``create_reward_app``: the reward service for RL trainers
(``verm serve``); ``create_openai_app``: verm's CPU judges behind an
OpenAI-compatible chat-completions API (``verm serve --openai``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_openai_app", "create_reward_app"]


def _missing(exc: ImportError) -> Exception:
    from verm.errors import MissingDependencyError

    return MissingDependencyError(
        f"verm serve needs FastAPI, uvicorn and prometheus-client: pip install 'verm[serve]' ({exc})"
    )


def create_reward_app(config: Any = None) -> FastAPI:
    """See `verm.serve.reward_server.create_reward_app` (imported lazily: the ``serve`` extra)."""
    try:
        from verm.serve.reward_server import create_reward_app as factory
    except ImportError as exc:
        raise _missing(exc) from exc
    return factory(config)


def create_openai_app(judge_name: str = "pixel", **kwargs: Any) -> FastAPI:
    """See `verm.serve.openai_server.create_openai_app` (imported lazily: FastAPI is the ``serve`` extra)."""
    try:
        from verm.serve.openai_server import create_openai_app as factory
    except ImportError as exc:
        raise _missing(exc) from exc
    return factory(judge_name, **kwargs)
