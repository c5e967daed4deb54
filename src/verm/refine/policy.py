"""The policy model behind an OpenAI-compatible chat endpoint (vLLM, SGLang, any
OpenAI-style server), reached through the same HTTP client as the vlm judge
(`verm.judge.chat.ChatClient`: failover, retries with backoff, deadlines, a cap on
response size). A failure is a `PolicyReply` with the reason, never an exception:
the refine loop records it as a round and goes on.

Settings are given as arguments only: the judge's ``VERM_VLM_*`` environment is the
judge's, not the policy's.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Self

from verm.errors import InputError, MissingDependencyError
from verm.settings import VlmSettings

try:
    from verm.judge.chat import ChatClient, ChatFailure
except MissingDependencyError:
    raise MissingDependencyError("verm refine talks to the policy with httpx: pip install 'verm[refine]'") from None

log = logging.getLogger(__name__)

__all__ = ["PolicyClient", "PolicyReply"]


@dataclass
class PolicyReply:
    """What the policy answered: ``text``, or ``error`` with the reason (``timed_out``
    when the last try ran out of time)."""

    text: str | None
    error: str | None = None
    timed_out: bool = False
    attempts: int = 0
    elapsed_ms: float = 0.0
    finish_reason: str | None = None


class PolicyClient:
    """A vision-language policy that writes code from an image.

    ``endpoints`` is one URL or several (``http://host:8000/v1``); ``model`` the
    served model name (asked from ``/v1/models`` when None). ``temperature`` > 0 is
    needed for best-of-N to see different samples. ``retries`` counts transport
    failures only: an answer without code is the policy's answer, not retried.
    """

    def __init__(
        self,
        endpoints: str | Sequence[str],
        model: str | None = None,
        api_key: str | None = None,
        temperature: float = 0.0,
        top_p: float | None = None,
        max_tokens: int = 4096,
        timeout_s: float = 300.0,
        retries: int = 1,
        backoff_s: float = 0.5,
        concurrency: int = 8,
        max_side: int = 1024,
        extra_body: dict[str, Any] | None = None,
    ) -> None:
        urls = [u.strip() for u in ([endpoints] if isinstance(endpoints, str) else endpoints) for u in u.split(",")]
        urls = [u for u in urls if u]
        if not urls:
            raise InputError("the refine loop needs a policy endpoint: --policy http://host:8000/v1")
        if timeout_s <= 0 or retries < 0 or concurrency < 1 or max_tokens < 1 or max_side < 32:
            raise InputError(
                f"policy settings out of range: timeout_s={timeout_s} (> 0), retries={retries} (>= 0), "
                f"concurrency={concurrency} (>= 1), max_tokens={max_tokens} (>= 1), max_side={max_side} (>= 32)"
            )
        settings = VlmSettings(
            endpoints=urls,
            model=model,
            api_key=api_key,
            max_side=max_side,
            temperature=temperature,
            top_p=top_p,
            max_tokens=max_tokens,
            timeout_s=timeout_s,
            retries=retries,
            backoff_s=backoff_s,
            concurrency=concurrency,
        )
        self.settings = settings
        self.extra_body = dict(extra_body or {})
        self._chat = ChatClient(settings, backoff_max_s=8.0, cooldown_max_s=10.0)

    @property
    def max_side(self) -> int:
        return self.settings.max_side

    @property
    def endpoints(self) -> list[str]:
        return self._chat.endpoints

    def _body(self) -> dict[str, Any]:
        s = self.settings
        body: dict[str, Any] = {"temperature": s.temperature, "max_tokens": s.max_tokens, "n": 1, "stream": False}
        if s.top_p is not None:
            body["top_p"] = s.top_p
        body.update(self.extra_body)
        return body

    def complete(self, messages: list[dict[str, Any]]) -> PolicyReply:
        """One completion for a conversation (OpenAI chat messages)."""
        t0 = time.perf_counter()

        def keep(answer: str | None, choice: dict[str, Any]) -> tuple[str, str | None]:
            # Whatever the policy wrote is its answer (no code is a round, not a retry).
            return answer or "", choice.get("finish_reason")

        try:
            (text, finish), attempts = self._chat.request(messages, keep, body=self._body(), label="policy")
        except ChatFailure as exc:
            ms = (time.perf_counter() - t0) * 1e3
            reason = exc.describe()
            log.warning("policy: %s", reason)
            return PolicyReply(None, error=reason, timed_out=exc.timed_out, attempts=exc.attempts, elapsed_ms=ms)
        return PolicyReply(text, attempts=attempts, elapsed_ms=(time.perf_counter() - t0) * 1e3, finish_reason=finish)

    def complete_many(self, conversations: Sequence[list[dict[str, Any]]]) -> list[PolicyReply]:
        """Completions for many conversations, ``concurrency`` at a time, in input order."""
        if len(conversations) <= 1:
            return [self.complete(c) for c in conversations]
        return list(self._chat.thread_pool("verm-policy").map(self.complete, conversations))

    def close(self) -> None:
        self._chat.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
