"""The paper's generative judge over HTTP: any OpenAI-compatible chat-completions
server (vLLM serving ``internlm/Visual-ERM``, or ``verm serve --openai``).

One request per pair: the reference image, the candidate image (base64 data
URLs, downscaled to ``max_side``) and the task's prompt (`verm.judge.prompts`).
The answer is read by `verm.judge.parse`.

Transport (load spreading, failover, retries with backoff, timeouts) is
`verm.judge.chat.ChatClient`'s, shared with the benchmark's LLM matcher; an
unparseable answer is one more reason to retry. Here:

- **Concurrency**: at most ``concurrency`` requests in flight per judge
  (`judge_many` runs a thread pool of that size; `judge` from many threads
  shares the same semaphore).
- **Outcome**: always a `Judgment`: ``ok`` with the parsed discrepancies,
  ``judge_error`` with the reason and the last raw answer kept (``unparseable``
  set when the last answer could not be parsed), or ``infra_error`` when the
  last attempt found no endpoint answering (transport error, timeout, 5xx,
  429): the scorer's fault, not the candidate's. Never a guess.
"""

from __future__ import annotations

import base64
import io
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from verm.errors import InputError
from verm.judge.base import Judge
from verm.judge.chat import AnswerRejected, ChatClient, ChatFailure, chat_completions_url
from verm.judge.parse import JudgmentParseError, parse_answer
from verm.judge.prompts import Prompt, build_messages, resolve_prompts, response_schema
from verm.settings import VlmSettings
from verm.types import Judgment, Rendering, Status, Task

log = logging.getLogger(__name__)

__all__ = ["VlmJudge", "VlmStats", "chat_completions_url", "encode_image"]


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


class _Fatal(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class VlmJudge(Judge):
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
        self.settings = s
        self.extra_body = dict(extra_body or {})
        self.image_format = image_format
        self._prompts = resolve_prompts(prompt if prompt is not None else s.prompt)
        self._chat = ChatClient(s, backoff_max_s=backoff_max_s, cooldown_max_s=cooldown_max_s)
        self._sem = threading.BoundedSemaphore(s.concurrency)
        self._lock = threading.Lock()
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
    def endpoints(self) -> list[str]:
        return self._chat.endpoints

    @property
    def model(self) -> str | None:
        """The served model's name (discovered from the endpoint's ``/models`` when not given)."""
        return self._chat.model

    @property
    def stats(self) -> VlmStats:
        """A snapshot of the counters."""
        transport = self._chat.snapshot()
        with self._lock:
            snap = VlmStats(**{k: v for k, v in self._stats.__dict__.items() if k != "per_endpoint"})
        snap.timeouts, snap.transport_errors = transport.timeouts, transport.transport_errors
        snap.http_errors, snap.parse_errors = transport.http_errors, transport.parse_errors
        snap.per_endpoint = transport.per_endpoint
        return snap

    # -- images ----------------------------------------------------------------------
    def _encode(self, r: Rendering, role: str) -> str:
        if r.png is None:
            raise _Fatal(f"{role} has no image (status {r.status.value}: {r.reason or 'no reason given'})")
        try:
            return encode_image(r.png, self.settings.max_side, self.image_format)
        except (InputError, OSError, ValueError) as exc:
            raise _Fatal(f"cannot read the {role} image: {exc}") from None

    # -- requests --------------------------------------------------------------------
    def _body(self) -> dict[str, Any]:
        """Sampling fields of the request (model, messages and response_format are the client's)."""
        s = self.settings
        body: dict[str, Any] = {"temperature": s.temperature, "max_tokens": s.max_tokens, "n": 1, "stream": False}
        if s.top_p is not None:
            body["top_p"] = s.top_p
        # vLLM reads these as extra sampling parameters at the top level of the body
        # (what the openai client sends for extra_body).
        if s.top_k is not None:
            body["top_k"] = s.top_k
        if s.repetition_penalty is not None:
            body["repetition_penalty"] = s.repetition_penalty
        body.update(self.extra_body)
        return body

    def _parse(self, task: Task) -> Any:
        def parse(answer: str, choice: dict[str, Any]) -> Judgment:
            try:
                parsed = parse_answer(answer, task, self.name)
            except JudgmentParseError as exc:
                raise AnswerRejected(exc.reason) from None
            if parsed.count_mismatch:
                with self._lock:
                    self._stats.count_mismatches += 1
            return parsed.judgment

        return parse

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
        schema = {"name": f"verm_{task.value}_judgment", "schema": response_schema(task), "strict": True}
        try:
            return self._chat.request(
                build_messages(task, ref_b64, cand_b64, prompt),
                self._parse(task),
                body=self._body(),
                schema=schema,
                label="vlm judge",
            )
        except ChatFailure as exc:
            reason = exc.describe(f"prompt {prompt.version}")
            failed = error(reason, exc.raw)
            if exc.gave_up:
                log.warning("vlm judge: %s", reason)
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
        pool = self._chat.thread_pool("verm-vlm")
        futures = [pool.submit(self.judge, task, ref, cand) for ref, cand in pairs]
        return [f.result() for f in futures]

    def close(self) -> None:
        self._chat.close()

    def __enter__(self) -> VlmJudge:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _rebuild(kwargs: dict[str, Any]) -> VlmJudge:
    return VlmJudge(**kwargs)
