"""The reward service (``verm serve``): verm's `Scorer` over HTTP, for RL trainers.

Endpoints (every scoring one is a thin face over `Scorer.ascore_batch`):

- ``POST /score`` — ``{"reference": ..., "completion": "...", "task"?: ...}`` -> one reward.
- ``POST /score_batch`` — ``{"references": [...], "completions": [...], "task"?: ...}`` -> ``{"rewards": [...]}``.
- ``POST /openrlhf`` (alias ``/get_reward``) — OpenRLHF's protocol, see `verm.integrations.openrlhf`.
- ``GET /healthz`` — liveness and load; ``GET /metrics`` — Prometheus.

References in requests take the forms `verm.integrations.openrlhf.parse_reference`
reads (base64 image, data URL, source text, a JSON object with a task); paths
only under ``reference_root``. Limits: ``max_body_bytes`` per request,
``max_batch`` samples per request, and ``max_pending`` samples accepted and not
yet answered over all requests: past it a request gets 429 with ``Retry-After``
(memory stays bounded; clients retry). With ``api_key`` every POST needs
``Authorization: Bearer KEY`` (or ``X-API-Key``, or ``?api_key=`` for clients
that cannot set headers, such as OpenRLHF's). On shutdown (SIGTERM, Ctrl-C)
uvicorn stops accepting connections and the requests in flight finish before
the scorers close.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from verm.errors import ContractError, InputError
from verm.integrations import openrlhf
from verm.pipeline import Scorer
from verm.reward import RewardShaping
from verm.serve._http import BodyError, read_json
from verm.types import Reward, Task

log = logging.getLogger(__name__)

__all__ = ["ServiceConfig", "create_reward_app"]

_STAGE_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)


@dataclass
class ServiceConfig:
    """Everything ``verm serve`` can be told (the CLI fills it from flags and ``VERM_*`` variables)."""

    task: Task | str = Task.CHART
    judge: str = "auto"
    judge_options: dict[str, Any] = field(default_factory=dict)
    shaping: str = "default"
    api_key: str | None = None
    max_body_bytes: int = 64 * 1024 * 1024
    max_batch: int = 4096
    max_pending: int = 8192
    reference_root: Path | None = None
    cache_dir: Path | None = None
    cache_items: int = 20_000
    cache_bytes: int = 512 * 1024 * 1024
    render_workers: int | None = None
    max_concurrency: int = 32
    infra_fill: float | None = None
    warm: bool = True
    #: Build each task's Scorer (tests pass one with a fault-injecting judge); default: from the fields above.
    scorer_factory: Callable[[Task], Scorer] | None = None


class _Scorers:
    """One Scorer per task, created on first use (thread-safe)."""

    def __init__(self, cfg: ServiceConfig) -> None:
        self.cfg = cfg
        self._lock = threading.Lock()
        self._by_task: dict[Task, Scorer] = {}
        self.shaping = RewardShaping.preset(cfg.shaping)

    def get(self, task: Task) -> Scorer:
        with self._lock:
            if task not in self._by_task:
                self._by_task[task] = self._make(task)
            return self._by_task[task]

    def _make(self, task: Task) -> Scorer:
        if self.cfg.scorer_factory is not None:
            return self.cfg.scorer_factory(task)
        renderer_options: dict[str, object] = {}
        if self.cfg.render_workers and task is not Task.TABLE:
            renderer_options["workers"] = self.cfg.render_workers
        return Scorer(
            task,
            judge=self.cfg.judge,
            judge_options=dict(self.cfg.judge_options) or None,
            shaping=self.shaping,
            renderer_options=renderer_options or None,
            cache_items=self.cfg.cache_items,
            cache_bytes=self.cfg.cache_bytes,
            cache_dir=self.cfg.cache_dir,
            max_concurrency=self.cfg.max_concurrency,
        )

    def items(self) -> list[tuple[Task, Scorer]]:
        with self._lock:
            return list(self._by_task.items())

    def close(self) -> None:
        for _, s in self.items():
            s.close()


class _ScorerCollector:
    """Prometheus collector reading every Scorer's counters on scrape."""

    def __init__(self, scorers: _Scorers) -> None:
        self.scorers = scorers

    def describe(self) -> list[Any]:
        return []

    def collect(self) -> Any:
        renders = CounterMetricFamily("verm_renders", "Renders executed (cache misses and retries)", labels=["task"])
        judgments = CounterMetricFamily("verm_judgments", "Judge calls executed", labels=["task"])
        retries = CounterMetricFamily(
            "verm_infra_retries", "Retries after a machinery failure", labels=["task", "stage"]
        )
        cache = CounterMetricFamily(
            "verm_cache_events",
            "Cache lookups by result (hit, miss, shared, evicted)",
            labels=["task", "stage", "result"],
        )
        cache_bytes = GaugeMetricFamily("verm_cache_bytes", "Bytes held by the memory caches", labels=["task"])
        cache_items = GaugeMetricFamily("verm_cache_items", "Entries held by the memory caches", labels=["task"])
        for task, scorer in self.scorers.items():
            s = scorer.stats()
            t = task.value
            renders.add_metric([t], s.renders)
            judgments.add_metric([t], s.judgments)
            retries.add_metric([t, "render"], s.render_retries)
            retries.add_metric([t, "judge"], s.judge_retries)
            for stage, counts in (("render", s.render_cache), ("judge", s.judge_cache)):
                for result, n in counts.items():
                    cache.add_metric([t, stage, result], n)
            cache_bytes.add_metric([t], s.cache_bytes)
            cache_items.add_metric([t], s.cache_items)
        yield from (renders, judgments, retries, cache, cache_bytes, cache_items)


class _Metrics:
    def __init__(self, scorers: _Scorers) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter("verm_requests", "HTTP requests by endpoint and code", ["endpoint", "code"], registry=r)
        self.latency = Histogram(
            "verm_request_seconds", "Request latency", ["endpoint"], buckets=_STAGE_BUCKETS, registry=r
        )
        self.samples = Counter("verm_samples", "Samples scored by task and status", ["task", "status"], registry=r)
        self.stage = Histogram(
            "verm_sample_stage_seconds", "Per-sample time by stage", ["stage"], buckets=_STAGE_BUCKETS, registry=r
        )
        self.queue_depth = Gauge("verm_queue_depth", "Samples accepted and not yet answered", registry=r)
        self.in_flight = Gauge("verm_requests_in_flight", "Scoring requests in flight", registry=r)
        self.rejected = Counter("verm_rejected", "Requests refused by reason", ["reason"], registry=r)
        self.disconnects = Counter(
            "verm_client_disconnects",
            "Requests whose client left before the answer (work kept in the cache)",
            registry=r,
        )
        r.register(_ScorerCollector(scorers))

    def observe(self, task: Task, rewards: list[Reward]) -> None:
        for rw in rewards:
            self.samples.labels(task.value, rw.status.value).inc()
            for stage in ("queue", "render", "judge"):
                self.stage.labels(stage).observe(rw.timings.get(f"{stage}_ms", 0.0) / 1000)


def _error(message: str, status: int, **headers: str) -> JSONResponse:
    return JSONResponse({"error": {"message": message, "code": status}}, status_code=status, headers=headers or None)


def create_reward_app(config: ServiceConfig | None = None) -> FastAPI:
    """The reward service as a FastAPI app (run it with uvicorn; ``verm serve`` does)."""
    cfg = config or ServiceConfig()
    default_task = Task.parse(cfg.task)
    RewardShaping.preset(cfg.shaping)  # an unknown preset fails here, before serving
    scorers = _Scorers(cfg)
    metrics = _Metrics(scorers)
    state = {"pending": 0, "draining": False}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if cfg.warm:
            # Start the default task's workers now, not on the first request.
            scorer = scorers.get(default_task)
            canary = getattr(scorer.renderer, "canary", None)
            if canary:
                await asyncio.get_running_loop().run_in_executor(None, scorer.renderer.render, canary)
        log.info("verm reward service ready (task %s, judge %s)", default_task.value, cfg.judge)
        try:
            yield
        finally:
            # uvicorn has stopped accepting connections and let the requests in flight finish.
            state["draining"] = True
            await asyncio.get_running_loop().run_in_executor(None, scorers.close)

    app = FastAPI(title="verm reward service", version="1", lifespan=lifespan)
    app.state.scorers = scorers
    app.state.metrics = metrics

    def authorized(request: Request) -> bool:
        if not cfg.api_key:
            return True
        auth = request.headers.get("authorization", "")
        given = auth[7:] if auth.lower().startswith("bearer ") else request.headers.get("x-api-key")
        given = given or request.query_params.get("api_key") or ""
        return hmac.compare_digest(given.encode(), cfg.api_key.encode())

    async def admit(request: Request) -> Any:
        """The body, or an error response (auth, size, JSON)."""
        if not authorized(request):
            metrics.rejected.labels("unauthorized").inc()
            return _error("missing or wrong API key (Authorization: Bearer KEY, X-API-Key, or ?api_key=)", 401)
        try:
            return await read_json(request, cfg.max_body_bytes)
        except BodyError as exc:
            metrics.rejected.labels("too_large" if exc.status == 413 else "malformed").inc()
            return _error(exc.message, exc.status)

    async def run(request: Request, groups: dict[Task, tuple[list[Any], list[str]]], n: int) -> list[Reward] | Response:
        """Score under the back-pressure bound; results per task in input order."""
        if n > cfg.max_batch:
            metrics.rejected.labels("too_many_samples").inc()
            return _error(f"{n} samples in one request; the limit is {cfg.max_batch}: split the batch", 413)
        if state["pending"] + n > cfg.max_pending:
            metrics.rejected.labels("overloaded").inc()
            return _error(
                f"overloaded: {state['pending']} samples pending, the limit is {cfg.max_pending}; retry shortly",
                429,
                **{"Retry-After": "1"},
            )
        state["pending"] += n
        metrics.queue_depth.set(state["pending"])
        metrics.in_flight.inc()
        try:
            out: dict[Task, list[Reward]] = {}
            for task, (refs, comps) in groups.items():
                scorer = scorers.get(task)
                out[task] = await scorer.ascore_batch(refs, comps)
                metrics.observe(task, out[task])
        finally:
            state["pending"] -= n
            metrics.queue_depth.set(state["pending"])
            metrics.in_flight.dec()
        if await request.is_disconnected():
            metrics.disconnects.inc()
        return [r for task in groups for r in out[task]]

    def reference_of(value: Any, task: Task | None) -> tuple[Any, Task]:
        try:
            ref, t = openrlhf.parse_reference(value, cfg.reference_root, cfg.reference_root is not None)
        except (InputError, ContractError) as exc:
            t0 = task or default_task
            return openrlhf.error_reference(t0, str(exc)), t0
        return ref, task or t or default_task

    def task_of(body: dict[str, Any]) -> Task | None:
        return Task.parse(body["task"]) if body.get("task") else None

    def timed(endpoint: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
            async def handler(request: Request) -> Response:
                t = time.perf_counter()
                try:
                    resp = await fn(request)
                except (InputError, ContractError) as exc:
                    resp = _error(str(exc), 400)
                    metrics.rejected.labels("malformed").inc()
                except Exception as exc:  # never let one request take the service down
                    log.exception("%s failed", endpoint)
                    resp = _error(f"internal error: {type(exc).__name__}: {exc}", 500)
                metrics.requests.labels(endpoint, str(resp.status_code)).inc()
                metrics.latency.labels(endpoint).observe(time.perf_counter() - t)
                return resp

            handler.__name__ = fn.__name__
            return handler

        return wrap

    @timed("/score")
    async def score(request: Request) -> Response:
        body = await admit(request)
        if isinstance(body, Response):
            return body
        if not isinstance(body, dict) or not isinstance(body.get("completion"), str) or "reference" not in body:
            raise InputError("expected {'reference': ..., 'completion': '...', 'task'?: 'chart|table|svg'}")
        ref, task = reference_of(body["reference"], task_of(body))
        got = await run(request, {task: ([ref], [body["completion"]])}, 1)
        return got if isinstance(got, Response) else JSONResponse(got[0].to_json_dict())

    @timed("/score_batch")
    async def score_batch(request: Request) -> Response:
        body = await admit(request)
        if isinstance(body, Response):
            return body
        if not isinstance(body, dict):
            raise InputError("expected {'references': [...], 'completions': [...], 'task'?: ...}")
        refs, comps = body.get("references"), body.get("completions")
        if not isinstance(refs, list) or not isinstance(comps, list) or len(refs) != len(comps):
            raise InputError("'references' and 'completions' must be lists of the same length")
        if not all(isinstance(c, str) for c in comps):
            raise InputError("every completion must be a string")
        task = task_of(body)
        groups: dict[Task, tuple[list[Any], list[str]]] = {}
        order: list[tuple[Task, int]] = []
        for value, comp in zip(refs, comps, strict=True):
            ref, t = reference_of(value, task)
            g = groups.setdefault(t, ([], []))
            order.append((t, len(g[0])))
            g[0].append(ref)
            g[1].append(comp)
        got = await run(request, groups, len(comps))
        if isinstance(got, Response):
            return got
        by_task = _split(groups, got)
        return JSONResponse({"rewards": [by_task[t][k].to_json_dict() for t, k in order]})

    @timed("/openrlhf")
    async def openrlhf_endpoint(request: Request) -> Response:
        body = await admit(request)
        if isinstance(body, Response):
            return body
        batch = openrlhf.parse_request(body)
        if not batch.responses:
            return JSONResponse(openrlhf.empty_response())
        allow = cfg.reference_root is not None
        plan = openrlhf.plan_batch(batch, default_task, cfg.reference_root, allow)
        groups: dict[Task, tuple[list[Any], list[str]]] = {}
        for task, idx in plan.groups().items():
            groups[task] = ([plan.references[i] for i in idx], [batch.responses[i] for i in idx])
        got = await run(request, groups, len(batch.responses))
        if isinstance(got, Response):
            return got
        rewards: list[Reward | None] = [None] * len(batch.responses)
        k = 0
        for _, idx in plan.groups().items():
            for i in idx:
                rewards[i] = got[k]
                k += 1
        final = [r for r in rewards if r is not None]
        shapings = [scorers.get(t).shaping for t in plan.tasks]
        return JSONResponse(openrlhf.build_response(final, batch.prompts, shapings, cfg.infra_fill))

    app.add_api_route("/score", score, methods=["POST"])
    app.add_api_route("/score_batch", score_batch, methods=["POST"])
    app.add_api_route("/openrlhf", openrlhf_endpoint, methods=["POST"])
    app.add_api_route("/get_reward", openrlhf_endpoint, methods=["POST"], include_in_schema=False)

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        body = {
            "status": "draining" if state["draining"] else "ok",
            "default_task": default_task.value,
            "judge": cfg.judge,
            "shaping": cfg.shaping,
            "pending_samples": state["pending"],
            "max_pending": cfg.max_pending,
            "tasks_started": [t.value for t, _ in scorers.items()],
        }
        return JSONResponse(body, status_code=503 if state["draining"] else 200)

    @app.get("/metrics")
    async def prometheus() -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return app


def _split(groups: dict[Task, tuple[list[Any], list[str]]], flat: list[Reward]) -> dict[Task, list[Reward]]:
    out: dict[Task, list[Reward]] = {}
    k = 0
    for task, (refs, _) in groups.items():
        out[task] = flat[k : k + len(refs)]
        k += len(refs)
    return out
