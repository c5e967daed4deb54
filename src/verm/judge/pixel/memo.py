"""One judgment's memo: answers of costly image steps that several rules ask for again (an image's
subplot frames, plotted marks, chromatic mask, Lab and ink), kept for the judgment that asked.

Keyed by the identity of the inputs (kept with the answer, so their ids stay their own) and a
hashable rest; images and masks are not written to once made. Answers are shared: arrays come back
read-only, so a rule that writes to one fails loudly instead of changing another rule's reading.
Set by `PixelJudge.judge_images`; outside a judgment (a rule called alone) nothing is kept.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")

_MEMO: contextvars.ContextVar[dict[Hashable, tuple[tuple[object, ...], Any]] | None] = contextvars.ContextVar(
    "verm_pixel_memo", default=None
)


def once(step: str, inputs: tuple[object, ...], rest: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per judgment for these ``inputs`` (by identity) and ``rest`` (by value)."""
    memo = _MEMO.get()
    if memo is None:
        return compute()
    key = (step, tuple(id(x) for x in inputs), rest)
    hit = memo.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], inputs, strict=True)):
        return hit[1]  # type: ignore[no-any-return]
    value = compute()
    if isinstance(value, np.ndarray):
        value.setflags(write=False)
    memo[key] = (inputs, value)
    return value
