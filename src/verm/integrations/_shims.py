"""SHIMS until the batch core (issue 18, items 1-2, branch ``batch-serve``) is merged.

Everything here stands in for an API that branch adds to `verm.pipeline.Scorer`,
`verm.types.Status`, `verm.types.Reward` and `verm.reward.RewardShaping`; each
function uses the real API when it exists and falls back otherwise, so the
integrations work before and after the merge. At the merge the lead can replace
every call with the real API and delete this module.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from verm.errors import ContractError, VermError
from verm.reward import RewardShaping
from verm.types import Reward, Status

if TYPE_CHECKING:
    from verm.pipeline import ReferenceLike, Scorer

#: ``Status.INFRA_ERROR`` once merged; its value meanwhile.
INFRA_ERROR = getattr(Status, "INFRA_ERROR", "infra_error")

# SHIM: today's Scorer is not thread-safe; one lock per scorer serialises its batches.
_LOCKS: weakref.WeakKeyDictionary[Any, threading.Lock] = weakref.WeakKeyDictionary()
_LOCKS_GUARD = threading.Lock()


def _lock_for(scorer: Scorer) -> threading.Lock:
    with _LOCKS_GUARD:
        lock = _LOCKS.get(scorer)
        if lock is None:
            lock = _LOCKS[scorer] = threading.Lock()
        return lock


def _thread_safe(scorer: Scorer) -> bool:
    # The merged Scorer has ascore_batch and is thread-safe (its contract); today's is neither.
    return hasattr(scorer, "ascore_batch")


def score_batch(scorer: Scorer, references: Sequence[ReferenceLike], completions: Sequence[str]) -> list[Reward]:
    """``scorer.score_batch``: safe from several threads, and a reference that cannot be
    used fails its own item (``judge_error``, as the pipeline reports a reference that
    does not render), not the batch."""
    if _thread_safe(scorer):
        return scorer.score_batch(references, completions)
    with _lock_for(scorer):
        out: list[Reward | None] = [None] * len(completions)
        refs, comps, idx = [], [], []
        for i, (ref, comp) in enumerate(zip(references, completions, strict=True)):
            try:
                refs.append(scorer.reference(ref))
            except (VermError, OSError) as exc:
                out[i] = Reward(score=None, status=Status.JUDGE_ERROR, reason=f"the reference cannot be used: {exc}")
                continue
            comps.append(comp)
            idx.append(i)
        if comps:
            for i, reward in zip(idx, scorer.score_batch(refs, comps), strict=True):
                out[i] = reward
        return [r for r in out if r is not None]


async def ascore_batch(scorer: Scorer, references: Sequence[ReferenceLike], completions: Sequence[str]) -> list[Reward]:
    """``await scorer.ascore_batch`` (a worker thread until it exists)."""
    native = getattr(scorer, "ascore_batch", None)
    if native is not None:
        return await native(references, completions)
    return await asyncio.to_thread(score_batch, scorer, references, completions)


def timings(reward: Reward) -> dict[str, float]:
    """``reward.timings`` (``queue_ms``, ``render_ms``, ``judge_ms``); empty before the merge."""
    return dict(getattr(reward, "timings", None) or {})


def shaping_preset(name: str) -> RewardShaping:
    """``RewardShaping.preset(name)``; before the merge, the two presets from today's rules:
    ``visual-erm`` is the default rule (0 on failure, else ``1 + clip(1 - S/50, 0, 1)``), and
    ``visual-erm-table`` is ``-S`` with -4 on any failure (the signed rule with max_severity 4)."""
    native = getattr(RewardShaping, "preset", None)
    if native is not None:
        return native(name)
    if name == "visual-erm":
        return RewardShaping()
    if name == "visual-erm-table":
        return RewardShaping(rule="signed", max_severity=4.0)
    raise ContractError(f"unknown shaping preset {name!r}; expected visual-erm or visual-erm-table")
