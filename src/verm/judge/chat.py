"""One HTTP client for OpenAI-compatible chat-completions endpoints: the vlm judge
sends its image pairs through it, the benchmark's LLM matcher its error lists.

Policy, in one place:

- **Load spreading**: each request goes to the endpoint with the fewest
  requests in flight, ties broken round robin.
- **Failover**: a transport error, a timeout, a 5xx, 408 or 429 puts the
  endpoint in a short cool-down (exponential in its consecutive failures, at
  most ``cooldown_max_s``) and the retry goes to another endpoint when there is
  one; when every endpoint is cooling down they are all used again.
- **Retries**: at most ``retries`` retries per request (``retries + 1``
  attempts), shared by transport failures and answers the caller's ``parse``
  rejects (`AnswerRejected`), with exponential backoff and jitter
  (``backoff_s * 2**k`` scaled by a random 0.5..1, capped at
  ``backoff_max_s``). Other 4xx answers are not retried (the request itself is
  wrong); a 400 that names structured output turns it off for that endpoint
  and retries.
- **Timeouts**: ``timeout_s`` for connecting and between bytes, and the same
  as a deadline for the whole response, so a server that trickles bytes cannot
  hold a worker forever. A request therefore ends within about
  ``(retries + 1) * timeout_s + retries * backoff_max_s``.
- **Outcome**: the parsed answer, or `ChatFailure` with the reason and the
  last raw answer kept. Never a guess.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from verm.errors import InputError, MissingDependencyError
from verm.settings import VlmSettings

try:
    import httpx
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError("an OpenAI-compatible endpoint needs httpx: pip install 'verm[vlm]'") from exc

log = logging.getLogger(__name__)

__all__ = ["AnswerRejected", "ChatClient", "ChatCounters", "ChatFailure", "chat_completions_url"]

T = TypeVar("T")

#: Responses larger than this are cut off and treated as a transport failure.
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
_RETRYABLE_STATUS = {408, 425, 429}
_STRUCTURED_HINTS = ("response_format", "json_schema", "guided", "structured")


def chat_completions_url(endpoint: str) -> str:
    """``http://host:8000``, ``.../v1`` or ``.../v1/chat/completions`` -> the chat-completions URL."""
    url = endpoint.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise InputError(f"endpoint {endpoint!r} must start with http:// or https://")
    if url.endswith("/chat/completions"):
        return url
    if url.endswith("/v1"):
        return url + "/chat/completions"
    return url + "/v1/chat/completions"


class AnswerRejected(Exception):
    """Raised by a ``parse`` callback for an answer worth asking again (unreadable, cut off)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _AttemptError(Exception):
    """Why an attempt (or the last one) gave no usable answer, and the answer text if any."""

    def __init__(
        self,
        reason: str,
        raw: str | None = None,
        endpoint_failed: bool = False,
        parse_failed: bool = False,
        timed_out: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.raw = raw
        #: No endpoint answered: the infrastructure's fault, not the request's.
        self.endpoint_failed = endpoint_failed
        #: The answer was rejected by ``parse``.
        self.parse_failed = parse_failed
        #: The attempt ran out of time.
        self.timed_out = timed_out


class ChatFailure(_AttemptError):
    """A request that ended without a usable answer: the reason, the last raw answer, the attempts
    made, whether the retries ran out (``gave_up``) or the answer was final (a 4xx), and the last
    attempt's flags (``endpoint_failed``, ``parse_failed``, ``timed_out``)."""

    def __init__(
        self,
        reason: str,
        raw: str | None,
        attempts: int,
        gave_up: bool = False,
        *,
        endpoint_failed: bool = False,
        parse_failed: bool = False,
        timed_out: bool = False,
    ) -> None:
        super().__init__(reason, raw, endpoint_failed, parse_failed, timed_out)
        self.attempts = attempts
        self.gave_up = gave_up

    def describe(self, context: str = "") -> str:
        """The reason, with how many attempts were made when the retries ran out."""
        if not self.gave_up:
            return self.reason
        plural = "s" if self.attempts > 1 else ""
        return f"{self.reason} (gave up after {self.attempts} attempt{plural}{', ' + context if context else ''})"


@dataclass
class _Endpoint:
    url: str
    index: int
    in_flight: int = 0
    consecutive_failures: int = 0
    down_until: float = 0.0
    structured_ok: bool = True
    requests: int = 0
    failures: int = 0


@dataclass
class ChatCounters:
    """Transport counters over the client's life."""

    timeouts: int = 0
    transport_errors: int = 0
    http_errors: int = 0
    parse_errors: int = 0
    per_endpoint: dict[str, int] = field(default_factory=dict)


class _Retryable(_AttemptError):
    """One attempt failed in a way worth retrying; ``raw`` is the answer text if any."""

    #: The server's Retry-After, in seconds, when it sent one.
    retry_after: float | None = None
    #: Index of the endpoint the attempt went to (None before one was chosen).
    endpoint: int | None = None


class _Fatal(Exception):
    def __init__(self, reason: str, raw: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.raw = raw


@dataclass
class _Request(Generic[T]):
    messages: list[dict[str, Any]]
    parse: Callable[[str, dict[str, Any]], T]
    body: dict[str, Any]
    schema: dict[str, Any] | None


class ChatClient:
    """Chat completions against one or more OpenAI-compatible endpoints (see the module docstring).

    ``settings`` gives the endpoints, model (None: asked from the first endpoint's
    ``/models``), API key, timeout, retries, backoff and concurrency; sampling
    fields travel in the request ``body`` the caller builds.
    """

    def __init__(self, settings: VlmSettings, backoff_max_s: float = 8.0, cooldown_max_s: float = 10.0) -> None:
        s = settings
        if not s.endpoints:
            raise InputError("no endpoint: give at least one OpenAI-compatible URL")
        self.settings = s
        self.model = s.model
        self.backoff_max_s = backoff_max_s
        self.cooldown_max_s = cooldown_max_s
        self._endpoints = [_Endpoint(chat_completions_url(u), i) for i, u in enumerate(s.endpoints)]
        headers = {"Content-Type": "application/json"}
        if s.api_key:
            headers["Authorization"] = f"Bearer {s.api_key}"
        self._client = httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(s.timeout_s, connect=min(s.timeout_s, 10.0)),
            limits=httpx.Limits(
                max_connections=s.concurrency + len(self._endpoints), max_keepalive_connections=s.concurrency
            ),
            # Model endpoints are internal services; never pick up a proxy from the environment.
            trust_env=False,
        )
        self._lock = threading.Lock()
        self._model_lock = threading.Lock()
        self._rr = 0
        self._rng = random.Random()
        self._pool: ThreadPoolExecutor | None = None
        self.counters = ChatCounters(per_endpoint={e.url: 0 for e in self._endpoints})

    @property
    def endpoints(self) -> list[str]:
        return [e.url for e in self._endpoints]

    def snapshot(self) -> ChatCounters:
        with self._lock:
            c = self.counters
            return ChatCounters(c.timeouts, c.transport_errors, c.http_errors, c.parse_errors, dict(c.per_endpoint))

    def _count(self, name: str) -> None:
        with self._lock:
            setattr(self.counters, name, getattr(self.counters, name) + 1)

    def _pick(self, exclude: set[int]) -> _Endpoint:
        with self._lock:
            now = time.monotonic()
            pool = [e for e in self._endpoints if e.index not in exclude and e.down_until <= now]
            if not pool:
                pool = [e for e in self._endpoints if e.index not in exclude] or list(self._endpoints)
            n = len(self._endpoints)
            rr = self._rr
            ep = min(pool, key=lambda e: (e.in_flight, (e.index - rr) % n))
            self._rr = (ep.index + 1) % n
            ep.in_flight += 1
            ep.requests += 1
            self.counters.per_endpoint[ep.url] = self.counters.per_endpoint.get(ep.url, 0) + 1
            return ep

    def _release(self, ep: _Endpoint, failed: bool) -> None:
        with self._lock:
            ep.in_flight -= 1
            if failed:
                ep.failures += 1
                ep.consecutive_failures += 1
                cool = min(self.cooldown_max_s, self.settings.backoff_s * 2 ** (ep.consecutive_failures - 1))
                ep.down_until = time.monotonic() + cool
            else:
                ep.consecutive_failures = 0
                ep.down_until = 0.0

    def _ensure_model(self) -> str:
        if self.model:
            return self.model
        # Ask the first endpoint that answers which model it serves (vLLM serves one).
        with self._model_lock:
            if self.model:
                return self.model
            errors = []
            for ep in self._endpoints:
                url = ep.url.removesuffix("/chat/completions") + "/models"
                try:
                    resp = self._client.get(url)
                    resp.raise_for_status()
                    self.model = str(resp.json()["data"][0]["id"])
                    log.info("%s serves model %r", url, self.model)
                    return self.model
                except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
                    errors.append(f"{url}: {exc}")
            raise _Retryable("no model given and none could be discovered: " + "; ".join(errors), endpoint_failed=True)

    def _post(self, ep: _Endpoint, body: dict[str, Any]) -> tuple[int, bytes, httpx.Headers]:
        deadline = time.monotonic() + self.settings.timeout_s
        with self._client.stream("POST", ep.url, json=body) as resp:
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_RESPONSE_BYTES:
                    raise _Retryable(
                        f"response from {ep.url} larger than {MAX_RESPONSE_BYTES} bytes", endpoint_failed=True
                    )
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout(f"response not complete within {self.settings.timeout_s}s")
            return resp.status_code, b"".join(chunks), resp.headers

    def _attempt(self, req: _Request[T], exclude: set[int]) -> T:
        model = self._ensure_model()
        ep = self._pick(exclude)
        structured = req.schema is not None and self.settings.structured_output and ep.structured_ok
        body = {"model": model, "messages": req.messages, **req.body}
        if structured:
            body["response_format"] = {"type": "json_schema", "json_schema": req.schema}
        failed = True
        try:
            try:
                status, content, headers = self._post(ep, body)
            except httpx.TimeoutException as exc:
                self._count("timeouts")
                raise _Retryable(
                    f"timeout after {self.settings.timeout_s:g}s at {ep.url} ({type(exc).__name__})",
                    endpoint_failed=True,
                    timed_out=True,
                ) from None
            except httpx.TransportError as exc:
                self._count("transport_errors")
                raise _Retryable(
                    f"transport error at {ep.url}: {type(exc).__name__}: {exc}", endpoint_failed=True
                ) from None
            text = content.decode("utf-8", errors="replace")
            if status >= 500 or status in _RETRYABLE_STATUS:
                self._count("http_errors")
                err = _Retryable(f"HTTP {status} from {ep.url}: {text[:300]}", endpoint_failed=True)
                ra = headers.get("retry-after")
                if ra and ra.replace(".", "", 1).isdigit():
                    err.retry_after = float(ra)
                raise err
            if status >= 400:
                self._count("http_errors")
                if structured and status == 400 and any(h in text.lower() for h in _STRUCTURED_HINTS):
                    ep.structured_ok = False  # this server cannot do it; ask again without
                    log.warning("%s rejected structured output; retrying without it", ep.url)
                    failed = False
                    raise _Retryable(f"HTTP 400 from {ep.url} for structured output: {text[:300]}")
                raise _Fatal(f"HTTP {status} from {ep.url}: {text[:500]}")
            try:
                data = json.loads(text)
                choice = data["choices"][0]
                answer = choice["message"]["content"]
            except (ValueError, KeyError, IndexError, TypeError):
                self._count("transport_errors")
                raise _Retryable(
                    f"malformed response body from {ep.url} (not a chat completion): {text[:200]!r}",
                    endpoint_failed=True,
                ) from None
            failed = False
            try:
                return req.parse(answer, choice)
            except AnswerRejected as exc:
                self._count("parse_errors")
                cut = " (finish_reason=length: raise max_tokens)" if choice.get("finish_reason") == "length" else ""
                raise _Retryable(
                    f"unparseable answer from {ep.url}: {exc.reason}{cut}", raw=answer, parse_failed=True
                ) from None
        except _Retryable as exc:
            exc.endpoint = ep.index
            raise
        finally:
            self._release(ep, failed)

    def _backoff(self, k: int, retry_after: float | None) -> float:
        delay = min(self.backoff_max_s, self.settings.backoff_s * 2 ** (k - 1)) * self._rng.uniform(0.5, 1.0)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.backoff_max_s))
        return delay

    def request(
        self,
        messages: list[dict[str, Any]],
        parse: Callable[[str, dict[str, Any]], T],
        body: dict[str, Any] | None = None,
        schema: dict[str, Any] | None = None,
        label: str = "request",
    ) -> tuple[T, int]:
        """Send ``messages`` until ``parse(answer, choice)`` accepts an answer; (its value, attempts made).

        ``body`` adds fields to the request (sampling parameters); ``schema`` is
        an OpenAI ``json_schema`` object, sent as ``response_format`` when
        ``settings.structured_output`` is on. Raises `ChatFailure`.
        """
        req = _Request(messages, parse, dict(body or {}), schema)
        total = self.settings.retries + 1
        last: _Retryable | None = None
        last_raw: str | None = None
        exclude: set[int] = set()
        for attempt in range(1, total + 1):
            if attempt > 1:
                time.sleep(self._backoff(attempt - 1, last.retry_after if last else None))
            try:
                return self._attempt(req, exclude), attempt
            except _Fatal as exc:
                raise ChatFailure(exc.reason, exc.raw, attempt) from None
            except _Retryable as exc:
                last = exc
                last_raw = exc.raw if exc.raw is not None else last_raw
                log.info("%s: attempt %d/%d failed: %s", label, attempt, total, exc.reason)
                # Fail over: the next attempt avoids the endpoint that just failed, when others exist.
                exclude = set()
                if exc.endpoint_failed and exc.endpoint is not None and len(self._endpoints) > 1:
                    exclude.add(exc.endpoint)
        assert last is not None
        raise ChatFailure(
            last.reason,
            last_raw,
            total,
            gave_up=True,
            endpoint_failed=last.endpoint_failed,
            parse_failed=last.parse_failed,
            timed_out=last.timed_out,
        ) from None

    def thread_pool(self, prefix: str) -> ThreadPoolExecutor:
        """The pool of ``concurrency`` threads that callers' batch methods run requests in (made on first use)."""
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=self.settings.concurrency, thread_name_prefix=prefix)
            return self._pool

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)
        self._client.close()


def text_answer(answer: str | None, choice: dict[str, Any]) -> str:
    """A ``parse`` that keeps the answer's text (an empty answer is asked again)."""
    if not answer:
        raise AnswerRejected("empty answer")
    return answer
