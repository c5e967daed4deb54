"""What every trainer adapter shares: one warm `Scorer` per process and configuration,
references and completions in the forms trainers hand them over, and a plain result
record (`Scored`) that each adapter turns into its trainer's format.

Failure policy, the same for every adapter:

- a failure of the candidate (no code, render error, blank) is scored by the shaping,
  as the pipeline does;
- nothing to judge against (no reference, unknown task) is ``input_error`` and an
  error of the scorer itself (a worker or browser that died, a judge endpoint that is
  down, any exception out of the pipeline) is ``infra_error``: both have ``score=None``,
  because neither is the policy's fault. Each adapter says what its trainer gets then.
"""

from __future__ import annotations

import atexit
import base64
import binascii
import hashlib
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from verm.errors import ContractError, InputError, MissingDependencyError, UnknownNameError
from verm.types import Rendering, Reward, Status, Task

if TYPE_CHECKING:
    from verm.pipeline import ReferenceLike, Scorer
    from verm.reward import RewardShaping

log = logging.getLogger(__name__)

INPUT_ERROR = "input_error"
INFRA_ERROR = Status.INFRA_ERROR.value

#: Statuses as numbers, for trainers that only log numbers (veRL stacks them into arrays).
STATUS_CODES: dict[str, int] = {
    "ok": 0,
    "no_code": 1,
    "render_error": 2,
    "blank": 3,
    "judge_error": 4,
    INFRA_ERROR: 5,
    INPUT_ERROR: 6,
}
TASK_CODES: dict[str, int] = {"chart": 0, "table": 1, "svg": 2}
SHAPING_PRESETS = ("visual-erm", "visual-erm-table")
SHAPING_RULES = ("fixed", "batch_max", "signed", "normalised")


def make_shaping(name: str | None) -> RewardShaping | None:
    """A preset (``visual-erm``, ``visual-erm-table``) or a rule name; None keeps the Scorer's default."""
    if name is None:
        return None
    from verm.reward import RewardShaping

    if name in SHAPING_PRESETS:
        return RewardShaping.preset(name)
    if name in SHAPING_RULES:
        return RewardShaping(rule=name)  # type: ignore[arg-type]
    raise ContractError(
        f"unknown shaping {name!r}; expected a preset ({', '.join(SHAPING_PRESETS)}) "
        f"or a rule ({', '.join(SHAPING_RULES)})"
    )


#: A shaping for every task (a preset or rule name), or one per task: ``{"table": "visual-erm-table"}``
#: (a task left out keeps verm's default).
ShapingChoice = str | Mapping[str, str] | None


def shaping_for(choice: ShapingChoice, task: Task) -> str | None:
    if choice is None or isinstance(choice, str):
        return choice
    unknown = set(choice) - {t.value for t in Task}
    if unknown:
        raise ContractError(f"shaping per task: unknown task(s) {sorted(unknown)}; expected chart, table, svg")
    return choice.get(task.value)


@dataclass(frozen=True)
class ScorerSpec:
    """Everything that makes one Scorer differ from another; plain and hashable, so it
    pickles to workers and keys the per-process cache."""

    task: Task
    judge: str = "auto"
    shaping: str | None = None
    #: Judge options as sorted JSON (hashable).
    judge_options: str = "{}"

    @classmethod
    def build(
        cls,
        task: Task | str,
        judge: str = "auto",
        shaping: str | None = None,
        judge_options: Mapping[str, Any] | None = None,
    ) -> ScorerSpec:
        make_shaping(shaping)  # an unknown name fails here, where the caller configured it
        return cls(Task.parse(task), judge, shaping, json.dumps(dict(judge_options or {}), sort_keys=True))

    def create(self) -> Scorer:
        from verm.pipeline import Scorer

        return Scorer(
            self.task,
            judge=self.judge,
            shaping=make_shaping(self.shaping),
            judge_options=json.loads(self.judge_options),
        )


class _ScorerCache:
    """One warm Scorer per configuration in this process. A forked child starts its own
    (the parent's sandbox pool and browser belong to the parent and are never closed here)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._scorers: dict[ScorerSpec, Scorer] = {}

    def get(self, spec: ScorerSpec) -> Scorer:
        with self._lock:
            if self._pid != os.getpid():
                self._pid, self._scorers = os.getpid(), {}
            scorer = self._scorers.get(spec)
            if scorer is None:
                log.info("starting a %s scorer (judge %s) in process %d", spec.task.value, spec.judge, self._pid)
                scorer = self._scorers[spec] = spec.create()
            return scorer

    def close(self) -> None:
        with self._lock:
            if self._pid != os.getpid():
                return
            scorers, self._scorers = list(self._scorers.values()), {}
        for scorer in scorers:
            try:
                scorer.close()
            except Exception as exc:  # closing at exit must not mask the real exit status
                log.warning("closing a scorer failed: %r", exc)


SCORERS = _ScorerCache()
atexit.register(SCORERS.close)


# -- inputs in trainer forms ----------------------------------------------------------------
_DATA_URL = re.compile(r"^data:image/[\w.+-]+;base64,", re.IGNORECASE)
#: Base64 of the PNG, JPEG and WebP signatures: a bare base64 image names itself.
_B64_IMAGE_HEADS = ("iVBORw0KGgo", "/9j/", "UklGR")


def _b64(text: str, where: str) -> bytes:
    try:
        data = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InputError(f"{where}: not valid base64 ({exc})") from None
    if not data:
        raise InputError(f"{where}: the base64 image is empty")
    return data


def coerce_reference(value: Any, where: str = "reference") -> ReferenceLike | None:
    """A reference in any form a dataset carries it -> what `Scorer` takes; None if empty.

    Accepted: a `Rendering`; PNG/JPEG bytes; a PIL image; a dataset image struct
    ``{"bytes": ..., "path": ...}``; a list of those (the first, the image the prompt
    shows); a path; base64 (``data:image/...;base64,...``, ``base64:...`` or bare base64
    of a PNG/JPEG/WebP); or reference source text (matplotlib, Markdown/HTML, SVG).
    """
    if value is None:
        return None
    if isinstance(value, Rendering | Path):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value) or None
    if isinstance(value, Mapping):
        if value.get("bytes"):
            return bytes(value["bytes"])
        if value.get("path"):
            return str(value["path"])
        return None
    if isinstance(value, np.ndarray) and value.dtype.kind != "O":
        from PIL import Image

        from verm.imaging import to_png

        try:  # an image as an array (H x W or H x W x channels)
            return to_png(Image.fromarray(value).convert("RGB"))
        except (TypeError, ValueError) as exc:
            raise InputError(f"{where}: an array of shape {value.shape} is not an image: {exc}") from None
    if isinstance(value, list | tuple | np.ndarray):  # a column of images: the first
        items = list(value)
        return coerce_reference(items[0], where) if items else None
    if hasattr(value, "save") and hasattr(value, "size"):  # a PIL image
        from verm.imaging import to_png

        return to_png(value.convert("RGB"))
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if _DATA_URL.match(text):
            return _b64(text.split(",", 1)[1], where)
        if text.startswith("base64:"):
            return _b64(text[len("base64:") :], where)
        if text.startswith(_B64_IMAGE_HEADS) and "\n" not in text[:200] and " " not in text[:200]:
            return _b64(text, where)
        return value
    raise InputError(f"{where}: cannot use a {type(value).__name__} as a reference; pass a path, bytes or source")


def reference_key(ref: ReferenceLike | None) -> str:
    """A short key telling references apart (GRPO groups share one)."""
    if ref is None:
        return ""
    if isinstance(ref, Rendering):
        data = ref.png or (ref.source or "").encode()
    elif isinstance(ref, bytes):
        data = ref
    else:
        data = str(ref).encode()
    return hashlib.sha1(data).hexdigest()


def completion_text(completion: Any) -> str:
    """A completion as text: a string, or the conversational form (the last assistant
    message; content as a string or a list of ``{"type": "text", "text": ...}`` parts)."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, Mapping):
        completion = [completion]
    if isinstance(completion, list | tuple):
        messages = [m for m in completion if isinstance(m, Mapping)]
        assistant = [m for m in messages if m.get("role", "assistant") == "assistant"] or messages
        if not assistant:
            return ""
        content = assistant[-1].get("content", "")
        if isinstance(content, str):
            return content
        if isinstance(content, list | tuple):
            return "".join(
                str(p.get("text", "")) for p in content if isinstance(p, Mapping) and p.get("type", "text") == "text"
            )
        return "" if content is None else str(content)
    return "" if completion is None else str(completion)


_TASK_WORD = re.compile(r"(?:^|[^a-z])(chart|table|svg)(?:$|[^a-z])")


def resolve_task(*candidates: Any) -> Task | None:
    """The first candidate that names a task: a `Task`, ``"chart"``, or a data-source
    name that contains one as a word (``"verm/chart"``, ``"chartmimic-chart"``)."""
    for value in candidates:
        if value is None or value == "":
            continue
        if isinstance(value, Task):
            return value
        text = str(value).strip().lower()
        if text in TASK_CODES:
            return Task(text)
        m = _TASK_WORD.search(text)
        if m:
            return Task(m.group(1))
    return None


# -- results ------------------------------------------------------------------------------
@dataclass
class Scored:
    """One sample's outcome in plain numbers, whatever happened."""

    status: str
    score: float | None
    reason: str | None = None
    task: str | None = None
    render: float = 0.0
    quality: float | None = None
    severity: float | None = None
    #: Discrepancies by severity: minor (1), medium (2), severe (3).
    by_severity: tuple[int, int, int] = (0, 0, 0)
    timings: dict[str, float] = field(default_factory=dict)
    reward: Reward | None = None

    @property
    def judged(self) -> bool:
        return self.reward is not None and self.reward.judgment is not None and self.status == "ok"

    @classmethod
    def from_reward(cls, reward: Reward, task: Task) -> Scored:
        parts = reward.parts
        counts = [0, 0, 0]
        j = reward.judgment
        if j is not None:
            for d in j.discrepancies:
                counts[d.severity - 1] += 1
        severity = parts.get("total_severity")
        if severity is None and j is not None and reward.status == "ok":
            severity = float(j.total_severity)
        return cls(
            status=str(getattr(reward.status, "value", reward.status)),
            score=reward.score,
            reason=reward.reason,
            task=task.value,
            render=float(parts.get("render", 0.0)),
            quality=parts.get("quality"),
            severity=severity,
            by_severity=(counts[0], counts[1], counts[2]),
            timings=dict(reward.timings),
            reward=reward,
        )

    @classmethod
    def failure(cls, status: str, reason: str, task: Task | None = None) -> Scored:
        return cls(status=status, score=None, reason=reason, task=task.value if task else None)


@dataclass(frozen=True)
class Item:
    """One sample to score: its task (None if unknown), reference and completion text."""

    task: Task | None
    reference: ReferenceLike | None
    completion: str
    #: Why the item cannot be scored, when the adapter already knows (e.g. an unreadable reference).
    problem: str | None = None


SpecFor = Callable[[Task], ScorerSpec]
#: Errors of the caller's configuration (unknown judge or shaping, a missing extra, a bad
#: option): raised, so a misconfigured run stops at its first step with the reason.
_CONFIG_ERRORS = (ContractError, InputError, UnknownNameError, MissingDependencyError)


def _plan(items: Sequence[Item]) -> tuple[list[Scored | None], dict[Task, list[int]]]:
    out: list[Scored | None] = [None] * len(items)
    by_task: dict[Task, list[int]] = {}
    for i, item in enumerate(items):
        if item.problem is not None:
            out[i] = Scored.failure(INPUT_ERROR, item.problem, item.task)
        elif item.task is None:
            out[i] = Scored.failure(
                INPUT_ERROR, "no task: set one (chart, table or svg) or give each sample a 'task' column"
            )
        elif item.reference is None:
            out[i] = Scored.failure(INPUT_ERROR, "no reference to judge against", item.task)
        else:
            by_task.setdefault(item.task, []).append(i)
    return out, by_task


def _fill(
    out: list[Scored | None], items: Sequence[Item], idx: list[int], task: Task, rewards: list[Reward] | BaseException
) -> None:
    if isinstance(rewards, BaseException):
        reason = f"the scorer failed: {type(rewards).__name__}: {rewards}"
        log.error("verm %s scorer failed on a batch of %d: %r", task.value, len(idx), rewards)
        for i in idx:
            out[i] = Scored.failure(INFRA_ERROR, reason, task)
        return
    for i, reward in zip(idx, rewards, strict=True):
        out[i] = Scored.from_reward(reward, task)


def score_items(items: Sequence[Item], spec_for: SpecFor) -> list[Scored]:
    """Score items of any tasks, in order; never raises for a sample or a scorer fault."""
    out, by_task = _plan(items)
    for task, idx in by_task.items():
        try:
            scorer = SCORERS.get(spec_for(task))
            result: list[Reward] | BaseException = scorer.score_batch(
                [items[i].reference for i in idx], [items[i].completion for i in idx]
            )
        except _CONFIG_ERRORS:
            raise  # the caller's configuration (an unknown judge, a bad option): say so, loudly
        except Exception as exc:
            result = exc
        _fill(out, items, idx, task, result)
    return [s for s in out if s is not None]


async def ascore_items(items: Sequence[Item], spec_for: SpecFor) -> list[Scored]:
    """`score_items` for an event loop: tasks are scored concurrently."""
    import asyncio

    out, by_task = _plan(items)

    async def one(task: Task, idx: list[int]) -> None:
        try:
            scorer = SCORERS.get(spec_for(task))
            result: list[Reward] | BaseException = await scorer.ascore_batch(
                [items[i].reference for i in idx], [items[i].completion for i in idx]
            )
        except _CONFIG_ERRORS:
            raise
        except Exception as exc:
            result = exc
        _fill(out, items, idx, task, result)

    await asyncio.gather(*(one(task, idx) for task, idx in by_task.items()))
    return [s for s in out if s is not None]


_UNSCORED = {"n": 0}
_UNSCORED_LOCK = threading.Lock()


def warn_unscored(s: Scored, consequence: str) -> None:
    """Log a sample verm could not score: the first ten, then one in a thousand."""
    with _UNSCORED_LOCK:
        _UNSCORED["n"] += 1
        n = _UNSCORED["n"]
    if n <= 10 or n % 1000 == 0:
        log.warning(
            "verm could not score a sample (%s: %s); %s [%d so far in this process]", s.status, s.reason, consequence, n
        )


def status_fractions(results: Sequence[Scored]) -> dict[str, float]:
    """The share of each status in a batch (every status, so the keys never change)."""
    n = max(len(results), 1)
    return {name: sum(r.status == name for r in results) / n for name in STATUS_CODES}
