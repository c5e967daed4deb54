"""Where render, judge and reward meet: ``score`` and the batch-friendly `Scorer`.

>>> from verm import Scorer                                            # doctest: +SKIP
>>> with Scorer("chart", judge="pixel") as scorer:
...     rewards = scorer.score_batch(["ref.png"] * 2, [completion_a, completion_b])
>>> rewards[0].score, rewards[0].status, rewards[0].timings
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from verm.cache import DEFAULT_MAX_BYTES, DEFAULT_MAX_ITEMS, ContentCache, digest
from verm.errors import InputError, VermError
from verm.extract import extract_code
from verm.fingerprint import render_fingerprint, scoring_fingerprint
from verm.imaging import is_blank, load_rgb, to_png
from verm.judge import Judge, get_judge
from verm.render import Renderer, get_renderer
from verm.reward import Outcome, RewardShaping
from verm.types import Judgment, Rendering, Reward, Status, Task

logger = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif"}
SOURCE_SUFFIXES = {".py", ".svg", ".md", ".markdown", ".html", ".htm", ".txt"}

#: A reference: a rendering, PNG bytes, a path to an image or a source file, or source text.
ReferenceLike = Rendering | bytes | Path | str

_CACHE_VERSION = "1"  # bump when a cached value's meaning changes


def _rendering_size(r: Rendering) -> int:
    return len(r.png or b"") + (len(json.dumps(r.scene)) if r.scene else 0) + len(r.source or "") + 512


def _judgment_size(j: Judgment) -> int:
    return 512 + 256 * len(j.discrepancies) + len(j.raw or "") + len(j.reason or "")


@dataclass
class ScorerStats:
    """Work a `Scorer` has done (monotonic counters; the service exports them)."""

    completions: int = 0
    renders: int = 0
    render_retries: int = 0
    canaries: int = 0
    judgments: int = 0
    judge_retries: int = 0
    render_cache: dict[str, int] = field(default_factory=dict)
    judge_cache: dict[str, int] = field(default_factory=dict)
    cache_bytes: int = 0
    cache_items: int = 0
    in_flight: int = 0


@dataclass
class _Item:
    """One sample of a batch on its way through the stages."""

    index: int
    ref: Rendering | None = None
    ref_key: str = ""
    error: Outcome | None = None
    render_key: str | None = None
    cache: dict[str, str] = field(default_factory=dict)
    render_ms: float = 0.0
    judge_ms: float = 0.0
    t_done: float = 0.0
    outcome: Outcome | None = None
    done: Future[None] = field(default_factory=Future)


class Scorer:
    """Scores completions against references for one task.

    Renderers and the judge are created once and reused, so one `Scorer` per
    process (or per RL worker) is the intended shape. It is thread-safe, and
    `ascore_batch` is its asyncio form. ``score_batch``:

    * renders each distinct code once (identical completions in a batch, in
      concurrent calls, or in the bounded content-hash cache share one render)
      and judges each distinct (reference, rendering) pair once;
    * pipelines the stages: a rendering is judged as soon as it is ready, while
      the sandbox pool renders the rest; judging runs on ``judge_workers``
      threads (bounded);
    * never fails the batch for one sample: a bad reference, a render that
      fails, a judge that raises each become that sample's status;
    * tells the scorer's faults from the policy's: a worker or browser that
      died, or a judge endpoint that is down, is retried once on a fresh worker;
      a second failure is the candidate's ``render_error`` when a known-good
      render succeeds meanwhile, else ``infra_error`` (score None by default);
    * records per sample where the time went (`Reward.timings`) and what came
      from the cache (`Reward.cache`).

    ``cache_items``/``cache_bytes`` bound the memory tier (0 turns caching off;
    identical samples in flight are still shared); ``cache_dir`` adds a disk
    tier that survives restarts. ``max_concurrency`` bounds the calls
    `ascore_batch` runs at once.
    """

    def __init__(
        self,
        task: Task | str,
        judge: str | Judge = "auto",
        shaping: RewardShaping | None = None,
        renderer: Renderer | None = None,
        judge_options: dict[str, object] | None = None,
        renderer_options: dict[str, object] | None = None,
        *,
        cache_items: int = DEFAULT_MAX_ITEMS,
        cache_bytes: int = DEFAULT_MAX_BYTES,
        cache_dir: str | Path | None = None,
        judge_workers: int | None = None,
        max_concurrency: int = 32,
    ) -> None:
        self.task = Task.parse(task)
        self.judge = judge if isinstance(judge, Judge) else get_judge(judge, **(judge_options or {}))
        self.shaping = shaping or RewardShaping()
        self._renderer = renderer
        self._renderer_options = renderer_options or {}
        self._lock = threading.Lock()
        self._closed = False
        wanted = getattr(self.judge, "concurrency", None)
        self.judge_workers = max(1, judge_workers or (wanted if isinstance(wanted, int) else os.cpu_count() or 1))
        self.max_concurrency = max(1, int(max_concurrency))
        self._judge_pool: ThreadPoolExecutor | None = None
        self._async_pool: ThreadPoolExecutor | None = None
        self._stats = ScorerStats()
        self._in_flight = 0

        opts = repr(sorted((k, repr(v)) for k, v in self._renderer_options.items()))
        kind = type(renderer).__qualname__ if renderer is not None else "default"
        # The code's fingerprints key the caches: a disk cache outlives an upgrade, and a
        # render or judgment made by other code must be made again, not served.
        self._render_ns = digest("render", _CACHE_VERSION, render_fingerprint(), self.task.value, kind, opts)
        jopts = repr(sorted((k, repr(v)) for k, v in (judge_options or {}).items()))
        self._judge_ns = digest(
            "judge", _CACHE_VERSION, scoring_fingerprint(), type(self.judge).__qualname__, self.judge.name, jopts
        )

        def cache(kind: str, model: Any, size: Any) -> ContentCache[Any]:
            return ContentCache(kind, model, size, cache_items, cache_bytes, cache_dir)

        self._refs: ContentCache[Rendering] = cache("references", Rendering, _rendering_size)
        self._renders: ContentCache[Rendering] = cache("renders", Rendering, _rendering_size)
        self._judgments: ContentCache[Judgment] = cache("judgments", Judgment, _judgment_size)

    @property
    def renderer(self) -> Renderer:
        with self._lock:
            if self._renderer is None:
                self._renderer = get_renderer(self.task, **self._renderer_options)
            return self._renderer

    def _judges(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._judge_pool is None:
                self._judge_pool = ThreadPoolExecutor(self.judge_workers, thread_name_prefix="verm-judge")
            return self._judge_pool

    # -- references ------------------------------------------------------------------
    def reference(self, ref: ReferenceLike) -> Rendering:
        """Turn any reference form into a rendering (sources rendered once, cached). Raises `InputError`
        for a missing file or an unreadable image."""
        return self._reference(ref)[0]

    def _reference(self, ref: ReferenceLike) -> tuple[Rendering, str]:
        """(rendering, digest of what determines it)."""
        if isinstance(ref, Rendering):
            scene = json.dumps(ref.scene, sort_keys=True, default=str) if ref.scene else ""
            return ref, digest("rendering", ref.png or b"", scene, ref.source or "")
        if isinstance(ref, bytes):
            key = digest("ref-bytes", ref)
            return self._cached_ref(key, lambda: Rendering(task=self.task, png=to_png(load_rgb(ref)))), key
        path = _as_path(ref)
        if path is not None:
            resolved = path.resolve()
            key = digest("ref-path", str(resolved), str(path.stat().st_mtime_ns))
            if path.suffix.lower() in IMAGE_SUFFIXES:
                return self._cached_ref(key, lambda: Rendering(task=self.task, png=to_png(load_rgb(path)))), key
            key = digest(self._render_ns, key)  # a source is rendered: keyed like a candidate's render
            return self._cached_ref(key, lambda: self._render_reference(path.read_text(encoding="utf-8"))), key
        text = str(ref)
        key = digest(self._render_ns, "ref-src", text)
        return self._cached_ref(key, lambda: self._render_reference(text)), key

    def _cached_ref(self, key: str, make: Any) -> Rendering:
        state, value = self._refs.claim(key)
        if state != "own":
            return value.result() if isinstance(value, Future) else value
        try:
            rendering = make()
        except BaseException as exc:
            self._refs.abandon(key, exc)
            raise
        self._refs.resolve(key, rendering, store=rendering.status is not Status.INFRA_ERROR)
        return rendering

    def _render_reference(self, source: str) -> Rendering:
        cand = extract_code(source, self.task)
        first = self.renderer.render(cand.code if cand else source)
        self._count(renders=1)
        return self._retry_infra([cand.code if cand else source], [first])[0]

    # -- scoring ---------------------------------------------------------------------
    def score(self, reference: ReferenceLike, completion: str) -> Reward:
        return self.score_batch([reference], [completion])[0]

    async def ascore_batch(self, references: Sequence[ReferenceLike], completions: Sequence[str]) -> list[Reward]:
        """`score_batch` without blocking the event loop (the work runs on at most ``max_concurrency``
        threads; many concurrent calls from one loop are fine)."""
        with self._lock:
            if self._async_pool is None:
                self._async_pool = ThreadPoolExecutor(self.max_concurrency, thread_name_prefix="verm-score")
            pool = self._async_pool
        call = functools.partial(self.score_batch, list(references), list(completions))
        return await asyncio.get_running_loop().run_in_executor(pool, call)

    async def ascore(self, reference: ReferenceLike, completion: str) -> Reward:
        return (await self.ascore_batch([reference], [completion]))[0]

    def score_batch(self, references: Sequence[ReferenceLike], completions: Sequence[str]) -> list[Reward]:
        """One reward per completion, in order. Raises only for mismatched lengths or a closed scorer."""
        if len(references) != len(completions):
            raise InputError(f"{len(references)} references but {len(completions)} completions; pass one of each")
        if self._closed:
            raise InputError("this Scorer is closed; create a new one")
        t0 = time.perf_counter()
        items = [_Item(i) for i in range(len(completions))]
        self._count(completions=len(items), in_flight=len(items))
        try:
            self._resolve_references(items, references)
            self._render_and_judge(items, completions)
            for it in items:
                it.done.result()
        finally:
            self._count(in_flight=-len(items))
        rewards = self.shaping.shape_batch([it.outcome or Outcome(Status.INFRA_ERROR) for it in items])
        for it, rw in zip(items, rewards, strict=True):
            total = (it.t_done - t0) * 1000
            rw.timings = {
                "queue_ms": round(max(0.0, total - it.render_ms - it.judge_ms), 3),
                "render_ms": round(it.render_ms, 3),
                "judge_ms": round(it.judge_ms, 3),
                "total_ms": round(total, 3),
            }
            rw.cache = dict(it.cache)
            if rw.judgment is not None:
                rw.judgment = rw.judgment.model_copy()  # cached judgments are shared; callers get their own
        return rewards

    def _resolve_references(self, items: list[_Item], references: Sequence[ReferenceLike]) -> None:
        memo: dict[Any, tuple[Rendering, str] | Outcome] = {}
        for it, ref in zip(items, references, strict=True):
            key: Any = id(ref) if isinstance(ref, Rendering) else (type(ref), ref)
            if key not in memo:
                try:
                    memo[key] = self._reference(ref)
                except VermError as exc:  # a missing file, an unreadable image: this sample's problem only
                    memo[key] = Outcome(Status.JUDGE_ERROR, reason=f"the reference cannot be used: {exc}")
                except Exception as exc:
                    logger.exception("reference %d", it.index)
                    memo[key] = Outcome(Status.INFRA_ERROR, reason=f"the reference failed: {type(exc).__name__}: {exc}")
            got = memo[key]
            if isinstance(got, Outcome):
                it.error = got
            else:
                it.ref, it.ref_key = got
                if it.ref.status is Status.INFRA_ERROR:
                    it.error = Outcome(
                        Status.INFRA_ERROR, reason=f"the reference could not be rendered: {it.ref.reason}"
                    )
                elif not it.ref.ok:
                    it.error = Outcome(Status.JUDGE_ERROR, reason=f"the reference did not render: {it.ref.reason}")

    # -- the render stage --------------------------------------------------------------
    def _render_and_judge(self, items: list[_Item], completions: Sequence[str]) -> None:
        owned: list[tuple[str, str]] = []  # (render key, code) this call renders
        for it, text in zip(items, completions, strict=True):
            cand = extract_code(text, self.task) if isinstance(text, str) else None
            if cand is None:
                what = "no" if isinstance(text, str) else f"a {type(text).__name__}, not text: no"
                self._finish(it, Outcome(Status.NO_CODE, reason=f"{what} {self.task.value} code found"), "none")
                continue
            key = digest(self._render_ns, cand.code)
            it.render_key = key
            state, value = self._renders.claim(key)
            it.cache["render"] = "miss" if state == "own" else state
            if state == "own":
                owned.append((key, cand.code))
                fut: Future[Rendering] = value  # type: ignore[assignment]
            elif isinstance(value, Future):
                fut = value
            else:
                fut = Future()
                fut.set_result(value)
            fut.add_done_callback(functools.partial(self._after_render, it))
        if owned:
            self._render_owned(owned, items)

    def _render_owned(self, owned: list[tuple[str, str]], items: list[_Item]) -> None:
        """Render the keys this call owns; every key is resolved exactly once, whatever happens."""
        owner = {it.render_key: it for it in reversed(items) if it.cache.get("render") == "miss"}
        sent: set[int] = set()
        sent_lock = threading.Lock()
        t_submit = time.perf_counter()

        def publish(k: int, r: Rendering) -> None:
            with sent_lock:
                if k in sent:
                    return
                sent.add(k)
            key = owned[k][0]
            it = owner.get(key)
            if it is not None:
                it.render_ms = r.elapsed_ms or 0.0
            self._judges().submit(self._finish_render, key, r)

        def progress(k: int, r: Rendering) -> None:
            if r.status is not Status.INFRA_ERROR:  # machinery failures are retried below
                publish(k, r)

        try:
            results = self.renderer.render_many([code for _, code in owned], progress=progress)
            self._count(renders=len(owned))
            retry = [k for k, r in enumerate(results) if r.status is Status.INFRA_ERROR]
            for k, r in enumerate(results):
                if k not in retry:
                    publish(k, r)
            if retry:
                again = self._retry_infra([owned[k][1] for k in retry], [results[k] for k in retry])
                for k, r in zip(retry, again, strict=True):
                    publish(k, r)
        except Exception as exc:  # a renderer that raises (missing browser, a bug): no sample may hang
            logger.exception("the %s renderer raised", self.task.value)
            for k, (_, code) in enumerate(owned):
                publish(
                    k,
                    Rendering(
                        task=self.task,
                        status=Status.INFRA_ERROR,
                        reason=f"the renderer failed: {type(exc).__name__}: {exc}",
                        source=code,
                    ),
                )
        logger.debug("%s: rendered %d in %.0f ms", self.task.value, len(owned), (time.perf_counter() - t_submit) * 1e3)

    def _retry_infra(self, sources: list[str], first: list[Rendering]) -> list[Rendering]:
        """The retry rule: renders that failed through the machinery once more on a fresh worker; what
        fails again is the code's ``render_error`` when a known-good render works, else ``infra_error``."""
        todo = [k for k, r in enumerate(first) if r.status is Status.INFRA_ERROR]
        out = list(first)
        if not todo:
            return out
        logger.warning("%d %s render(s) failed through the machinery; retrying once", len(todo), self.task.value)
        self._count(render_retries=len(todo))
        try:
            again = self.renderer.render_many([sources[k] for k in todo])
        except Exception as exc:
            again = [Rendering(task=self.task, status=Status.INFRA_ERROR, reason=f"{type(exc).__name__}: {exc}")] * len(
                todo
            )
        still = [k for k, r in zip(todo, again, strict=True) if r.status is Status.INFRA_ERROR]
        for k, r in zip(todo, again, strict=True):
            out[k] = r
        if still:
            healthy, why = self._renderer_healthy()
            for k in still:
                r = out[k]
                if healthy:
                    reason = f"{r.reason} (twice, each on a fresh worker, while a known-good render succeeded)"
                    out[k] = r.model_copy(update={"status": Status.RENDER_ERROR, "reason": reason})
                else:
                    reason = f"{r.reason} (twice; the renderer itself is failing: {why})"
                    out[k] = r.model_copy(update={"reason": reason})
        return out

    def _renderer_healthy(self) -> tuple[bool, str]:
        canary = getattr(self.renderer, "canary", None)
        if not canary:
            return False, "no known-good source to check it with"
        self._count(canaries=1)
        try:
            r = self.renderer.render(canary)
        except Exception as exc:
            return False, f"{type(exc).__name__}: {exc}"
        return r.ok, r.reason or ""

    def _finish_render(self, key: str, r: Rendering) -> None:
        """Judge-pool thread: the blank test, then publish the rendering to every sample waiting for it."""
        try:
            if r.ok and is_blank(r.image()):
                r = r.model_copy(
                    update={"status": Status.BLANK, "reason": "the rendering is blank (a single uniform colour)"}
                )
        except Exception as exc:
            r = r.model_copy(
                update={"status": Status.RENDER_ERROR, "reason": f"the rendered image is unreadable: {exc}"}
            )
        self._renders.resolve(key, r, store=r.status is not Status.INFRA_ERROR)

    # -- the judge stage ---------------------------------------------------------------
    def _after_render(self, it: _Item, fut: Future[Rendering]) -> None:
        """Runs as the rendering arrives (in whichever thread delivered it); never blocks."""
        try:
            try:
                cand = fut.result()
            except Exception as exc:
                cand = Rendering(task=self.task, status=Status.INFRA_ERROR, reason=f"{type(exc).__name__}: {exc}")
            if cand.status is not Status.OK:
                self._finish(it, Outcome(cand.status, reason=cand.reason), "none")
                return
            if it.error is not None or it.ref is None:
                self._finish(it, it.error or Outcome(Status.JUDGE_ERROR, reason="no reference"), "none")
                return
            jkey = digest(self._judge_ns, self.task.value, it.ref_key, it.render_key or "")
            state, value = self._judgments.claim(jkey)
            it.cache["judge"] = "miss" if state == "own" else state
            if state == "own":
                assert isinstance(value, Future)
                self._judges().submit(self._run_judge, jkey, it, it.ref, cand)
                value.add_done_callback(functools.partial(self._after_judge, it))
            elif isinstance(value, Future):
                value.add_done_callback(functools.partial(self._after_judge, it))
            else:
                self._finish(it, Outcome(value.status, judgment=value, reason=value.reason))
        except Exception as exc:  # never leave a sample hanging
            logger.exception("sample %d", it.index)
            self._finish(it, Outcome(Status.INFRA_ERROR, reason=f"scoring failed: {type(exc).__name__}: {exc}"))

    def _run_judge(self, jkey: str, it: _Item, ref: Rendering, cand: Rendering) -> None:
        t = time.perf_counter()
        j = self._judge_once(ref, cand)
        if j.status is Status.INFRA_ERROR:
            logger.warning("judge %s: %s; retrying once", self.judge.name, j.reason)
            self._count(judge_retries=1)
            j = self._judge_once(ref, cand)
        it.judge_ms = (time.perf_counter() - t) * 1000
        self._judgments.resolve(jkey, j, store=j.status is Status.OK)

    def _judge_once(self, ref: Rendering, cand: Rendering) -> Judgment:
        self._count(judgments=1)
        try:
            return self.judge.judge(self.task, ref, cand)
        except Exception as exc:  # a judge should not raise; one that does fails this sample only
            logger.exception("judge %s raised", self.judge.name)
            return Judgment(
                task=self.task,
                judge=self.judge.name,
                status=Status.JUDGE_ERROR,
                reason=f"the judge raised {type(exc).__name__}: {exc}",
            )

    def _after_judge(self, it: _Item, fut: Future[Judgment]) -> None:
        try:
            j = fut.result()
            self._finish(it, Outcome(j.status, judgment=j, reason=j.reason))
        except Exception as exc:
            self._finish(it, Outcome(Status.INFRA_ERROR, reason=f"judging failed: {type(exc).__name__}: {exc}"))

    def _finish(self, it: _Item, outcome: Outcome, judge_cache: str | None = None) -> None:
        if it.done.done():
            return
        if judge_cache is not None:
            it.cache.setdefault("judge", judge_cache)
            it.cache.setdefault("render", "none")
        it.outcome = outcome
        it.t_done = time.perf_counter()
        it.done.set_result(None)

    # -- stage-by-stage API (the CLI's report needs the renderings) ----------------------
    def render_candidates(self, completions: Sequence[str]) -> list[Rendering]:
        """Extract and render every completion (no_code where nothing was found; not cached)."""
        out: list[Rendering | None] = [None] * len(completions)
        todo: list[int] = []
        sources: list[str] = []
        for i, text in enumerate(completions):
            cand = extract_code(text, self.task)
            if cand is None:
                out[i] = Rendering(task=self.task, status=Status.NO_CODE, reason=f"no {self.task.value} code found")
            else:
                todo.append(i)
                sources.append(cand.code)
        if sources:
            first = self.renderer.render_many(sources)
            self._count(renders=len(sources))
            for i, r in zip(todo, self._retry_infra(sources, first), strict=True):
                out[i] = r
        result = [r for r in out if r is not None]
        for r in result:
            if r.ok and is_blank(r.image()):
                r.status, r.reason = Status.BLANK, "the rendering is blank (a single uniform colour)"
        return result

    def judge_renderings(self, refs: Sequence[Rendering], cands: Sequence[Rendering]) -> list[Reward]:
        """Judge rendered pairs and shape the rewards (the stage after rendering; not cached)."""
        outcomes: list[Outcome | None] = [None] * len(cands)
        pairs: list[tuple[Rendering, Rendering]] = []
        idx: list[int] = []
        for i, (ref, cand) in enumerate(zip(refs, cands, strict=True)):
            if cand.status is not Status.OK:
                outcomes[i] = Outcome(cand.status, reason=cand.reason)
            elif not ref.ok:
                outcomes[i] = Outcome(Status.JUDGE_ERROR, reason=f"the reference did not render: {ref.reason}")
            else:
                pairs.append((ref, cand))
                idx.append(i)
        judgments: list[Judgment] = self.judge.judge_many(self.task, pairs) if pairs else []
        for i, j in zip(idx, judgments, strict=True):
            outcomes[i] = Outcome(j.status, judgment=j, reason=j.reason)
        return self.shaping.shape_batch([o for o in outcomes if o is not None])

    # -- bookkeeping -------------------------------------------------------------------
    def _count(self, **deltas: int) -> None:
        with self._lock:
            for k, v in deltas.items():
                if k == "in_flight":
                    self._in_flight += v
                else:
                    setattr(self._stats, k, getattr(self._stats, k) + v)

    def stats(self) -> ScorerStats:
        """A snapshot of the counters, the caches and the samples in flight."""
        with self._lock:
            s = ScorerStats(**{k: v for k, v in self._stats.__dict__.items()})
            s.in_flight = self._in_flight
        r, j = self._renders.stats(), self._judgments.stats()
        s.render_cache = {"hit": r.hits + r.disk_hits, "miss": r.misses, "shared": r.shared, "evicted": r.evictions}
        s.judge_cache = {"hit": j.hits + j.disk_hits, "miss": j.misses, "shared": j.shared, "evicted": j.evictions}
        refs = self._refs.stats()
        s.cache_bytes = r.bytes + j.bytes + refs.bytes
        s.cache_items = r.items + j.items + refs.items
        return s

    def close(self) -> None:
        """Stop the workers (after the calls in flight; a closed scorer refuses new ones)."""
        with self._lock:
            self._closed = True
            pools = [p for p in (self._async_pool, self._judge_pool) if p is not None]
            self._async_pool = self._judge_pool = None
        for pool in pools:
            pool.shutdown(wait=True)
        if self._renderer is not None:
            self._renderer.close()
        self.judge.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _as_path(ref: Path | str) -> Path | None:
    """A path when ``ref`` names a file; an error for a missing file; None for source text."""
    if isinstance(ref, Path):
        if not ref.is_file():
            raise InputError(f"reference file not found: {ref}")
        return ref
    if "\n" in ref or len(ref) > 4096 or "<" in ref:
        return None
    path = Path(ref).expanduser()
    if path.is_file():
        return path
    if path.suffix.lower() in IMAGE_SUFFIXES | SOURCE_SUFFIXES:
        raise InputError(f"reference file not found: {ref}")
    return None


def score(
    task: Task | str,
    reference: ReferenceLike,
    completion: str,
    judge: str | Judge = "auto",
    shaping: RewardShaping | None = None,
) -> Reward:
    """Score one completion against one reference (starts and stops a renderer;
    use `Scorer` to score many)."""
    with Scorer(task, judge=judge, shaping=shaping) as scorer:
        return scorer.score(reference, completion)
