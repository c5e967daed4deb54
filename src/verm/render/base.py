"""The renderer interface: sources in, `Rendering`s out, never an exception
for a bad source (that is a ``render_error`` with a reason)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import ClassVar, Self

from verm.types import Rendering, Task

#: Called once per finished item with its index, so the CLI can drive a progress bar.
ProgressFn = Callable[[int, Rendering], None]


class Renderer(ABC):
    """Sources in, renderings out. A failure of the code is ``render_error``; a failure that may be the
    machinery's (a worker or browser that died) is ``infra_error``, which callers retry once."""

    task: ClassVar[Task]
    #: A source known to render, used to tell a broken renderer from a broken candidate (None: no check).
    canary: ClassVar[str | None] = None

    @abstractmethod
    def render_many(self, sources: Sequence[str], progress: ProgressFn | None = None) -> list[Rendering]:
        """Render every source; results are in input order."""

    def render(self, source: str) -> Rendering:
        return self.render_many([source])[0]

    def close(self) -> None:  # noqa: B027 - optional hook
        """Stop worker processes / browsers."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
