"""The paper's generative judge over HTTP: any OpenAI-compatible chat-completions
server (vLLM serving ``internlm/Visual-ERM``, or ``verm serve --openai``).

One request per pair: the reference image, the candidate image (base64 data
URLs, downscaled to ``max_side``) and the task's prompt (`verm.judge.prompts`).
The answer is read by `verm.judge.parse`.

Policy, in one place:

- **Concurrency**: at most ``concurrency`` requests in flight per judge
  (`judge_many` runs a thread pool of that size; `judge` from many threads
  shares the same semaphore).
- **Load spreading**: each request goes to the endpoint with the fewest
  requests in flight, ties broken round robin.
- **Failover**: a transport error, a timeout, a 5xx, 408 or 429 puts the
  endpoint in a short cool-down (exponential in its consecutive failures, at
  most ``cooldown_max_s``) and the retry goes to another endpoint when there is
  one; when every endpoint is cooling down they are all used again.
- **Retries**: at most ``retries`` retries per pair (``retries + 1`` attempts),
  shared by transport failures and unparseable answers, with exponential
  backoff and jitter (``backoff_s * 2**k`` scaled by a random 0.5..1, capped at
  ``backoff_max_s``). Other 4xx answers are not retried (the request itself is
  wrong); a 400 that names structured output turns it off for that endpoint
  and retries.
- **Timeouts**: ``timeout_s`` for connecting and between bytes, and the same
  as a deadline for the whole response, so a server that trickles bytes cannot
  hold a worker forever. A pair therefore ends within about
  ``(retries + 1) * timeout_s + retries * backoff_max_s``.
- **Outcome**: always a `Judgment`: ``ok`` with the parsed discrepancies,
  ``judge_error`` with the reason and the last raw answer kept (``unparseable``
  set when the last answer could not be parsed), or ``infra_error`` when the
  last attempt found no endpoint answering (transport error, timeout, 5xx,
  429): the scorer's fault, not the candidate's. Never a guess.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import random
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Self

from verm.errors import InputError, MissingDependencyError
from verm.judge.base import Judge
from verm.judge.parse import JudgmentParseError, parse_answer
from verm.judge.prompts import Prompt, build_messages, resolve_prompts, response_schema
from verm.settings import VlmSettings
from verm.types import Judgment, Rendering, Status, Task

try:
    import httpx
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError("the vlm judge needs httpx: pip install 'verm[vlm]'") from exc

log = logging.getLogger(__name__)

__all__ = ["ChatEndpoints", "ChatError", "VlmJudge", "VlmStats", "chat_completions_url", "encode_image"]

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


def encode_image(png: bytes, max_side: int, image_format: str = "png") -> str:
    """Base64 of an image for a chat request: the exact bytes when already small enough and in
    ``image_format``, else downscaled to ``max_side`` and re-encoded (png, or jpeg at quality 95)."""
    from PIL import Image

    from verm.imaging import load_rgb

    with Image.open(io.BytesIO(png)) as probe:
        size, fmt = probe.size, probe.format
    if max(size) <= max_side and fmt == image_format.upper():
        return base64.b64encode(png).decode("ascii")
    img = load_rgb(png)
    if max(img.size) > max_side:
        img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    if image_format == "jpeg":
        img.save(buf, format="JPEG", quality=95)
    else:
        img.save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode("ascii")


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
class VlmStats:
    """Counters over the judge's life (read them with `VlmJudge.stats`)."""

    pairs: int = 0
    attempts: int = 0
    retries: int = 0
    ok: int = 0
    judge_errors: int = 0
    timeouts: int = 0
    transport_errors: int = 0
    http_errors: int = 0
    parse_errors: int = 0
    count_mismatches: int = 0
    max_attempts_per_pair: int = 0
    per_endpoint: dict[str, int] = field(default_factory=dict)


class _Retryable(Exception):
    """One attempt failed in a way worth retrying; ``raw`` is the answer text if any."""

    def __init__(
        self, reason: str, raw: str | None = None, endpoint_failed: bool = False, parse_failed: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.raw = raw
        self.endpoint_failed = endpoint_failed
        self.parse_failed = parse_failed
        self.retry_after: float | None = None
        #: Index of the endpoint the attempt went to (None before one was chosen).
        self.endpoint: int | None = None


class _Fatal(Exception):
    def __init__(self, reason: str, raw: str | None = None, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.raw = raw
        #: The HTTP status of a refused request, if that is what failed.
        self.status = status
        self.attempts = 0


class ChatError(Exception):
    """A chat request that failed for good: ``reason`` says why (with the attempts it took),
    ``raw`` is the last answer text if there was one, ``timed_out`` whether the last try
    ran out of time."""

    def __init__(
        self,
        reason: str,
        raw: str | None,
        attempts: int,
        timed_out: bool = False,
        gave_up: bool = False,
        endpoint_failed: bool = False,
        parse_failed: bool = False,
    ):
        super().__init__(reason)
        self.reason = reason
        self.raw = raw
        self.attempts = attempts
        self.timed_out = timed_out
        #: True when every attempt failed in a retryable way (not one refusal).
        self.gave_up = gave_up
        #: The last attempt found no endpoint answering (the infrastructure's fault, not the request's).
        self.endpoint_failed = endpoint_failed
        #: The last attempt's answer could not be parsed.
        self.parse_failed = parse_failed


class ChatEndpoints:
    """OpenAI-compatible chat completions over one or more endpoints, with the policy of
    this module's docstring (load spreading, failover, cool-down, retries with backoff,
    deadlines, a cap on response size). The vlm judge and the refine loop's policy client
    both talk to their servers through it."""

    def _init_endpoints(self, settings: VlmSettings, backoff_max_s: float, cooldown_max_s: float) -> None:
        s = settings
        self.settings = s
        self._endpoints = [_Endpoint(chat_completions_url(u), i) for i, u in enumerate(s.endpoints)]
        self.model = s.model
        self.backoff_max_s = backoff_max_s
        self.cooldown_max_s = cooldown_max_s
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
        self._pool: ThreadPoolExecutor | None = None
        self._rr = 0
        self._rng = random.Random()
        self._model_lock = threading.Lock()

    @property
    def endpoints(self) -> list[str]:
        return [e.url for e in self._endpoints]

    def _count(self, kind: str) -> None:
        """A failure of ``kind`` (timeout, transport, http, malformed) happened; subclasses count them."""

    def _request_body(self, messages: list[dict[str, Any]]) -> dict[str, Any]:
        """The chat-completions body the settings ask for (sampling, length; no model yet)."""
        s = self.settings
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": s.temperature,
            "max_tokens": s.max_tokens,
            "n": 1,
            "stream": False,
        }
        if s.top_p is not None:
            body["top_p"] = s.top_p
        # vLLM reads these as extra sampling parameters at the top level of the body
        # (what the openai client sends for extra_body).
        if s.top_k is not None:
            body["top_k"] = s.top_k
        if s.repetition_penalty is not None:
            body["repetition_penalty"] = s.repetition_penalty
        return body

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
                    log.info("vlm judge: %s serves model %r", url, self.model)
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

    def _exchange(self, ep: _Endpoint, body: dict[str, Any]) -> tuple[dict[str, Any], str]:
        """One request to ``ep``: the first choice and its text, or `_Retryable` (timeouts,
        transport errors, 5xx/408/425/429, a body that is not a chat completion) or
        `_Fatal` (any other 4xx) with the reason."""
        try:
            status, content, headers = self._post(ep, body)
        except httpx.TimeoutException as exc:
            self._count("timeout")
            raise _Retryable(
                f"timeout after {self.settings.timeout_s:g}s at {ep.url} ({type(exc).__name__})",
                endpoint_failed=True,
            ) from None
        except httpx.TransportError as exc:
            self._count("transport")
            raise _Retryable(
                f"transport error at {ep.url}: {type(exc).__name__}: {exc}", endpoint_failed=True
            ) from None
        text = content.decode("utf-8", errors="replace")
        if status >= 500 or status in _RETRYABLE_STATUS:
            self._count("http")
            err = _Retryable(f"HTTP {status} from {ep.url}: {text[:300]}", endpoint_failed=True)
            ra = headers.get("retry-after")
            if ra and ra.replace(".", "", 1).isdigit():
                err.retry_after = float(ra)
            raise err
        if status >= 400:
            self._count("http")
            raise _Fatal(f"HTTP {status} from {ep.url}: {text[:500]}", raw=text, status=status)
        try:
            data = json.loads(text)
            choice = data["choices"][0]
            answer = choice["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            self._count("malformed")
            raise _Retryable(
                f"malformed response body from {ep.url} (not a chat completion): {text[:200]!r}",
                endpoint_failed=True,
            ) from None
        return choice, answer if isinstance(answer, str) else ""

    def _send(self, body: dict[str, Any], exclude: set[int]) -> tuple[dict[str, Any], str]:
        """One attempt: pick an endpoint (not in ``exclude``), post ``body`` with the served
        model, release the endpoint (cooling it down on failure)."""
        model = self._ensure_model()
        ep = self._pick(exclude)
        failed = True
        try:
            out = self._exchange(ep, {**body, "model": model})
            failed = False
            return out
        except _Retryable as exc:
            exc.endpoint = ep.index
            raise
        finally:
            self._release(ep, failed)

    def _retrying(self, attempt: Any, label: str) -> tuple[Any, int]:
        """Run ``attempt(exclude)`` until it returns, at most ``retries + 1`` times, with
        backoff; the next attempt avoids an endpoint that just failed when others exist.
        Raises `ChatError` when every attempt failed or one was refused for good."""
        total = self.settings.retries + 1
        last: _Retryable | None = None
        last_raw: str | None = None
        timed_out = False
        exclude: set[int] = set()
        for n in range(1, total + 1):
            if n > 1:
                time.sleep(self._backoff(n - 1, last.retry_after if last else None))
            try:
                return attempt(exclude), n
            except _Fatal as exc:
                raise ChatError(exc.reason, exc.raw, n) from None
            except _Retryable as exc:
                last = exc
                last_raw = exc.raw if exc.raw is not None else last_raw
                timed_out = exc.reason.startswith("timeout")
                log.info("%s: attempt %d/%d failed: %s", label, n, total, exc.reason)
                exclude = set()
                if exc.endpoint_failed and exc.endpoint is not None and len(self._endpoints) > 1:
                    exclude.add(exc.endpoint)
        assert last is not None
        plural = "s" if total > 1 else ""
        raise ChatError(
            f"{last.reason} (gave up after {total} attempt{plural})",
            last_raw,
            total,
            timed_out,
            gave_up=True,
            endpoint_failed=last.endpoint_failed,
            parse_failed=last.parse_failed,
        )

    def _backoff(self, k: int, retry_after: float | None) -> float:
        delay = min(self.backoff_max_s, self.settings.backoff_s * 2 ** (k - 1)) * self._rng.uniform(0.5, 1.0)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.backoff_max_s))
        return delay

    def _thread_pool(self, prefix: str) -> ThreadPoolExecutor:
        """The shared pool of ``concurrency`` threads that batch calls run in (made on first use)."""
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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class VlmJudge(ChatEndpoints, Judge):
    """A vision-language judge behind OpenAI-compatible endpoints.

    Every argument left as None comes from the environment (``VERM_VLM_*``), then
    the config file (``config_path`` or ``VERM_CONFIG``), then the defaults:
    ``max_side=1024, temperature=0.0, max_tokens=4096, structured_output=False,
    timeout_s=60, retries=3, backoff_s=0.5, concurrency=8``. See `verm.settings`.

    ``prompt`` is a `Prompt`, a path to a prompt file (`load_prompt`), or a dict
    task -> either; None uses verm's built-in prompts. ``top_k`` and
    ``repetition_penalty`` travel in the request body as vLLM's extra
    sampling parameters; ``extra_body`` adds any other field (e.g.
    ``{"chat_template_kwargs": {"enable_thinking": False}}``).
    """

    name: ClassVar[str] = "vlm"

    def __init__(
        self,
        endpoints: list[str] | str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        max_side: int | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        top_k: int | None = None,
        repetition_penalty: float | None = None,
        max_tokens: int | None = None,
        structured_output: bool | None = None,
        timeout_s: float | None = None,
        retries: int | None = None,
        backoff_s: float | None = None,
        concurrency: int | None = None,
        prompt: Prompt | str | Path | dict[Any, Prompt | str | Path] | None = None,
        *,
        config_path: str | Path | None = None,
        extra_body: dict[str, Any] | None = None,
        image_format: str = "png",
        backoff_max_s: float = 8.0,
        cooldown_max_s: float = 10.0,
        settings: VlmSettings | None = None,
    ) -> None:
        given = {
            "endpoints": endpoints,
            "model": model,
            "api_key": api_key,
            "max_side": max_side,
            "temperature": temperature,
            "top_p": top_p,
            "top_k": top_k,
            "repetition_penalty": repetition_penalty,
            "max_tokens": max_tokens,
            "structured_output": structured_output,
            "timeout_s": timeout_s,
            "retries": retries,
            "backoff_s": backoff_s,
            "concurrency": concurrency,
        }
        if settings is None:
            settings = VlmSettings.load(config_path, **given)
        s = settings
        if not s.endpoints:
            raise InputError(
                "the vlm judge needs an endpoint: pass endpoints=..., --endpoint URL, or set VERM_VLM_ENDPOINT"
            )
        if s.max_side < 32 or s.concurrency < 1 or s.retries < 0 or s.timeout_s <= 0 or s.max_tokens < 1:
            raise InputError(
                f"vlm settings out of range: max_side={s.max_side} (>= 32), concurrency={s.concurrency} (>= 1), "
                f"retries={s.retries} (>= 0), timeout_s={s.timeout_s} (> 0), max_tokens={s.max_tokens} (>= 1)"
            )
        if image_format not in ("png", "jpeg"):
            raise InputError(f"image_format must be 'png' or 'jpeg', not {image_format!r}")
        self._init_endpoints(s, backoff_max_s, cooldown_max_s)
        self.extra_body = dict(extra_body or {})
        self.image_format = image_format
        self._prompts = resolve_prompts(prompt if prompt is not None else s.prompt)
        self._sem = threading.BoundedSemaphore(s.concurrency)
        self._stats = VlmStats()
        # What it takes to build this judge again in another process (see __reduce__).
        self._init_kwargs: dict[str, Any] = {
            "settings": s,
            "prompt": self._prompts,
            "extra_body": self.extra_body,
            "image_format": image_format,
            "backoff_max_s": backoff_max_s,
            "cooldown_max_s": cooldown_max_s,
        }

    def __reduce__(self) -> tuple[Any, ...]:
        # Rewards travel to worker processes and Ray: rebuild the client there instead of pickling sockets.
        return (_rebuild, (self._init_kwargs,))

    # -- configuration ---------------------------------------------------------------
    def prompt_for(self, task: Task | str) -> Prompt:
        return self._prompts[Task.parse(task)]

    @property
    def concurrency(self) -> int:
        """Requests this judge keeps in flight (callers size their thread pools by it)."""
        return self.settings.concurrency

    @property
    def stats(self) -> VlmStats:
        """A snapshot of the counters."""
        with self._lock:
            snap = VlmStats(**{k: v for k, v in self._stats.__dict__.items() if k != "per_endpoint"})
            snap.per_endpoint = {e.url: e.requests for e in self._endpoints}
            return snap

    _STAT_OF_KIND: ClassVar[dict[str, str]] = {
        "timeout": "timeouts",
        "transport": "transport_errors",
        "http": "http_errors",
        "malformed": "transport_errors",
    }

    def _count(self, kind: str) -> None:
        with self._lock:
            name = self._STAT_OF_KIND[kind]
            setattr(self._stats, name, getattr(self._stats, name) + 1)

    # -- images ----------------------------------------------------------------------
    def _encode(self, r: Rendering, role: str) -> str:
        if r.png is None:
            raise _Fatal(f"{role} has no image (status {r.status.value}: {r.reason or 'no reason given'})")
        try:
            return encode_image(r.png, self.settings.max_side, self.image_format)
        except (InputError, OSError, ValueError) as exc:
            raise _Fatal(f"cannot read the {role} image: {exc}") from None

    # -- requests --------------------------------------------------------------------
    def _body(self, task: Task, messages: list[dict[str, Any]], structured: bool) -> dict[str, Any]:
        body = self._request_body(messages)
        if structured:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": f"verm_{task.value}_judgment", "schema": response_schema(task), "strict": True},
            }
        body.update(self.extra_body)
        return body

    def _attempt(self, task: Task, messages: list[dict[str, Any]], exclude: set[int]) -> tuple[Judgment, _Endpoint]:
        body_model = self._ensure_model()
        ep = self._pick(exclude)
        structured = self.settings.structured_output and ep.structured_ok
        body = self._body(task, messages, structured)
        body["model"] = body_model
        failed = True
        try:
            try:
                choice, answer = self._exchange(ep, body)
            except _Fatal as exc:
                text = exc.raw or ""
                if structured and exc.status == 400 and any(h in text.lower() for h in _STRUCTURED_HINTS):
                    ep.structured_ok = False  # this server cannot do it; ask again without
                    log.warning("vlm judge: %s rejected structured output; retrying without it", ep.url)
                    failed = False
                    raise _Retryable(f"HTTP 400 from {ep.url} for structured output: {text[:300]}") from None
                raise _Fatal(exc.reason) from None
            failed = False
            try:
                parsed = parse_answer(answer, task, self.name)
            except JudgmentParseError as exc:
                with self._lock:
                    self._stats.parse_errors += 1
                cut = " (finish_reason=length: raise max_tokens)" if choice.get("finish_reason") == "length" else ""
                raise _Retryable(
                    f"unparseable answer from {ep.url}: {exc.reason}{cut}", raw=answer, parse_failed=True
                ) from None
            if parsed.count_mismatch:
                with self._lock:
                    self._stats.count_mismatches += 1
            return parsed.judgment, ep
        except _Retryable as exc:
            exc.endpoint = ep.index
            raise
        finally:
            self._release(ep, failed)

    # -- the Judge interface ---------------------------------------------------------
    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        task = Task.parse(task)
        with self._sem:
            # Timed from here: waiting for a free slot is queueing, not judging.
            t0 = time.perf_counter()
            judgment, attempts = self._judge_locked(task, reference, candidate)
            judgment.elapsed_ms = (time.perf_counter() - t0) * 1e3
        with self._lock:
            st = self._stats
            st.pairs += 1
            st.attempts += attempts
            st.retries += max(0, attempts - 1)
            st.max_attempts_per_pair = max(st.max_attempts_per_pair, attempts)
            if judgment.status is Status.OK:
                st.ok += 1
            else:
                st.judge_errors += 1
        return judgment

    def _judge_locked(self, task: Task, reference: Rendering, candidate: Rendering) -> tuple[Judgment, int]:
        def error(reason: str, raw: str | None) -> Judgment:
            return Judgment(task=task, judge=self.name, status=Status.JUDGE_ERROR, reason=reason, raw=raw)

        try:
            ref_b64 = self._encode(reference, "reference")
            cand_b64 = self._encode(candidate, "candidate")
        except _Fatal as exc:
            return error(exc.reason, None), 0
        prompt = self._prompts[task]
        messages = build_messages(task, ref_b64, cand_b64, prompt)
        try:
            return self._retrying(lambda exclude: self._attempt(task, messages, exclude)[0], "vlm judge")
        except ChatError as exc:
            if not exc.gave_up:
                return error(exc.reason, exc.raw), exc.attempts
            reason = f"{exc.reason.removesuffix(')')}, prompt {prompt.version})"  # which prompt it gave up on
            log.warning("vlm judge: %s", reason)
            failed = error(reason, exc.raw)
            if exc.endpoint_failed:
                # No endpoint answered: the judge's infrastructure is down, not the candidate's fault.
                failed.status = Status.INFRA_ERROR
            failed.unparseable = exc.parse_failed
            return failed, exc.attempts

    def judge_many(self, task: Task, pairs: Sequence[tuple[Rendering, Rendering]]) -> list[Judgment]:
        """Judge many pairs with up to ``concurrency`` requests in flight; results in input order."""
        task = Task.parse(task)
        if not pairs:
            return []
        if len(pairs) == 1:
            return [self.judge(task, *pairs[0])]
        pool = self._thread_pool("verm-vlm")
        futures = [pool.submit(self.judge, task, ref, cand) for ref, cand in pairs]
        return [f.result() for f in futures]


def _rebuild(kwargs: dict[str, Any]) -> VlmJudge:
    return VlmJudge(**kwargs)
