"""verm as a TRL reward function (``GRPOTrainer(reward_funcs=...)``).

>>> from trl import GRPOTrainer                                               # doctest: +SKIP
>>> from verm.integrations.trl import VermReward
>>> trainer = GRPOTrainer(model=..., reward_funcs=VermReward("chart"), train_dataset=dataset)

TRL calls ``f(prompts=, completions=, completion_ids=, **columns)``, where the
columns are the dataset's (one value per completion) plus ``trainer_state``,
``log_metric`` and ``log_extra``. Completions are strings, or in conversational
form ``[{"role": "assistant", "content": ...}]``.

- The reference of each completion is its ``reference`` column (source text, a path,
  image bytes, base64 or a PIL image), else its ``image`` column, else the first of
  its ``images`` (for a vision-language policy, the image the prompt shows).
- The task is the one given to `VermReward`, else the sample's ``task`` column.
- The reward is verm's score. ``None`` (TRL leaves the sample out) only where verm
  cannot score it: nothing to judge against (``input_error``), a judge that failed
  with no fallback score (``judge_error``), or a fault of the scorer itself such as a
  dead render worker or a judge endpoint that is down (``infra_error``).
- Through ``log_metric``, the share of each status in the batch (``verm/ok``,
  ``verm/no_code``, ``verm/render_error``, ...); through ``log_extra``, each
  completion's ``verm_status`` and ``verm_severity`` in the completions table.

`VermReward` instances are picklable (they carry only their configuration; the warm
`Scorer` lives once per process) and thread-safe. `AsyncVermReward` is the same as an
``async`` callable, which TRL runs concurrently with other async reward functions.
``reward_func`` and ``async_reward_func`` are ready-made instances that take the task
from the ``task`` column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from verm.integrations._common import (
    Item,
    Scored,
    ScorerSpec,
    ShapingChoice,
    ascore_items,
    coerce_reference,
    completion_text,
    resolve_task,
    score_items,
    shaping_for,
    status_fractions,
    warn_unscored,
)
from verm.types import Task

__all__ = ["AsyncVermReward", "VermReward", "async_reward_func", "reward_func"]

#: Dataset columns read for the reference, in order.
REFERENCE_COLUMNS = ("reference", "image", "images")


class VermReward:
    """A TRL reward function: ``VermReward(task=None, judge="auto", shaping=None, judge_options=None)``.

    ``shaping`` is a preset (``visual-erm``, ``visual-erm-table``) or a rule name
    (`verm.reward.RewardShaping`), or a mapping task -> name; None keeps verm's default.
    """

    def __init__(
        self,
        task: Task | str | None = None,
        judge: str = "auto",
        shaping: ShapingChoice = None,
        judge_options: Mapping[str, Any] | None = None,
        name: str | None = None,
    ) -> None:
        self.task = Task.parse(task) if task is not None else None
        self.judge = judge
        self.shaping = dict(shaping) if isinstance(shaping, Mapping) else shaping
        self.judge_options = dict(judge_options or {})
        # Validate now, where the user configures it, not at the first training step.
        for t in Task:
            ScorerSpec.build(t, judge, shaping_for(self.shaping, t), self.judge_options)
        #: TRL names the reward after ``__name__`` in its logs (``rewards/<name>/mean``).
        self.__name__ = name or f"verm_{self.task.value if self.task else 'reward'}"

    def _spec(self, task: Task) -> ScorerSpec:
        return ScorerSpec.build(task, self.judge, shaping_for(self.shaping, task), self.judge_options)

    def _items(self, completions: Sequence[Any], columns: Mapping[str, Any]) -> list[Item]:
        n = len(completions)
        tasks = columns.get("task")
        items = []
        for i, completion in enumerate(completions):
            task = self.task or resolve_task(tasks[i] if tasks is not None and len(tasks) == n else None)
            ref, problem = None, None
            try:
                for column in REFERENCE_COLUMNS:
                    values = columns.get(column)
                    if values is not None and len(values) == n:
                        ref = coerce_reference(values[i], f"column {column!r}, row {i}")
                        if ref is not None:
                            break
            except Exception as exc:
                problem = str(exc)
            items.append(Item(task, ref, completion_text(completion), problem=problem))
        return items

    def _report(self, results: list[Scored], columns: Mapping[str, Any]) -> list[float | None]:
        log_metric: Callable[[str, float], None] | None = columns.get("log_metric")
        log_extra: Callable[[str, list[Any]], None] | None = columns.get("log_extra")
        if log_metric is not None:
            for status, share in status_fractions(results).items():
                log_metric(f"verm/{status}", share)
            for key in ("queue_ms", "render_ms", "judge_ms"):
                values = [r.timings[key] for r in results if key in r.timings]
                if values:
                    log_metric(f"verm/{key}", sum(values) / len(values))
        if log_extra is not None:
            log_extra("verm_status", [r.status for r in results])
            log_extra("verm_severity", [r.severity for r in results])
        for r in results:
            if r.score is None:
                warn_unscored(r, "TRL leaves it out (reward None)")
        return [r.score for r in results]

    def __call__(
        self, prompts: Sequence[Any] | None = None, completions: Sequence[Any] = (), **columns: Any
    ) -> list[float | None]:
        columns.pop("completion_ids", None)
        return self._report(score_items(self._items(completions, columns), self._spec), columns)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(task={self.task and self.task.value!r}, judge={self.judge!r}, "
            f"shaping={self.shaping!r})"
        )


class AsyncVermReward(VermReward):
    """`VermReward` as an ``async`` callable (TRL awaits it on its event-loop thread)."""

    async def __call__(  # type: ignore[override]
        self, prompts: Sequence[Any] | None = None, completions: Sequence[Any] = (), **columns: Any
    ) -> list[float | None]:
        columns.pop("completion_ids", None)
        return self._report(await ascore_items(self._items(completions, columns), self._spec), columns)


#: Ready to pass to ``GRPOTrainer(reward_funcs=...)``: the task comes from the ``task`` column.
reward_func = VermReward(name="verm")
async_reward_func = AsyncVermReward(name="verm_async")
