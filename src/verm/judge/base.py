"""The judge interface: a plain object that turns (reference, candidate)
renderings into a `Judgment`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from verm.types import Judgment, Rendering, Task


class Judge(ABC):
    """Compare a candidate rendering with a reference rendering.

    Subclasses set ``name`` and implement `judge`. A judge never raises on a bad
    candidate: it returns a `Judgment` whose status is ``judge_error`` with the
    reason. `judge_many` is the batch entry point callers should prefer (a VLM
    judge overrides it to send requests concurrently).
    """

    name: ClassVar[str] = "judge"
    #: True when the judge needs the sources (scene judge), not only images.
    needs_sources: ClassVar[bool] = False

    @abstractmethod
    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment: ...

    def judge_many(self, task: Task, pairs: Sequence[tuple[Rendering, Rendering]]) -> list[Judgment]:
        return [self.judge(task, ref, cand) for ref, cand in pairs]

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release resources (HTTP clients, models)."""
