"""Renderers whose work runs in the sandbox pool (charts, SVG): the host-side
checks, the payloads, and turning worker results into `Rendering`s."""

from __future__ import annotations

import logging
import time
from abc import abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar

from verm.render.base import ProgressFn, Renderer
from verm.render.sandbox import JobResult, RenderLimits, SandboxPool
from verm.types import Rendering, Status

logger = logging.getLogger(__name__)


class Refused(ValueError):
    """A source refused on the host, before any worker runs it."""


class PooledRenderer(Renderer):
    #: "module:function" run in the sandbox child: payload dict -> (png, scene).
    function: ClassVar[str]
    lang: ClassVar[str]
    preload: ClassVar[tuple[str, ...]] = ()
    warmup: ClassVar[str | None] = None

    def __init__(self, limits: RenderLimits | None = None, workers: int | None = None) -> None:
        self.limits = limits or RenderLimits()
        self.pool = SandboxPool(self.preload, self.limits, workers, warmup=self.warmup)

    @abstractmethod
    def payload(self, source: str) -> dict[str, Any]:
        """The job for one source; raise `Refused` with a reason to refuse it."""

    def _result(self, source: str, res: JobResult) -> Rendering:
        if res.ok and res.png:
            return Rendering(
                task=self.task, png=res.png, scene=res.scene, source=source, lang=self.lang, elapsed_ms=res.elapsed_ms
            )
        reason = res.reason or "the render failed without a reason"
        status = Status.INFRA_ERROR if res.infra else Status.RENDER_ERROR
        return Rendering(
            task=self.task, status=status, reason=reason, source=source, lang=self.lang,
            elapsed_ms=res.elapsed_ms,
        )  # fmt: skip

    def render_many(self, sources: Sequence[str], progress: ProgressFn | None = None) -> list[Rendering]:
        results: list[Rendering | None] = [None] * len(sources)
        jobs: list[int] = []
        payloads: list[dict[str, Any]] = []
        for i, src in enumerate(sources):
            size = len(src.encode("utf-8", "replace"))
            try:
                if size > self.limits.max_source_bytes:
                    raise Refused(f"source is {size:,} bytes; the limit is {self.limits.max_source_bytes:,}")
                if not src.strip():
                    raise Refused("source is empty")
                payloads.append(self.payload(src))
                jobs.append(i)
            except Refused as exc:
                results[i] = Rendering(
                    task=self.task, status=Status.RENDER_ERROR, reason=str(exc), source=src, lang=self.lang
                )
                if progress:
                    progress(i, results[i])

        def on_done(k: int, res: JobResult) -> None:
            if progress:
                progress(jobs[k], self._result(sources[jobs[k]], res))

        started = time.perf_counter()
        if payloads:
            done = self.pool.run_many(self.function, payloads, on_done)
            for k, res in enumerate(done):
                results[jobs[k]] = self._result(sources[jobs[k]], res)
        logger.debug(
            "%s: rendered %d in %.0f ms", self.task.value, len(payloads), (time.perf_counter() - started) * 1000
        )
        return [r for r in results if r is not None]

    def close(self) -> None:
        self.pool.close()
