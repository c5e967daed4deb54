"""verm as veRL's custom reward function.

In the trainer's config (veRL 0.9; ``verm rl prepare`` writes the data)::

    reward:
      custom_reward_function:
        path: pkg://verm.integrations.verl
        name: compute_score_async          # or compute_score (sync), compute_score_batch (batch manager)
        reward_kwargs: {judge: auto, shaping: visual-erm}

veRL calls ``compute_score(data_source=, solution_str=, ground_truth=, extra_info=,
**reward_kwargs)`` for every sample (its reward loop awaits the ``async def`` and runs
the sync one in threads); the older ``batch`` manager calls ``compute_score_batch``
with the plural names; the legacy ``prime`` manager calls positionally and wants a
number: ``compute_score_scalar``.

The reference: veRL drops the ``images`` column before the reward runs, so it travels
in ``extra_info["reference"]`` (source text, a path, bytes or base64), else
``extra_info["reference_image"]``, else ``ground_truth``. The task: the ``task``
option, else ``extra_info["task"]``, else a word of ``data_source`` (``verm/chart``).

Every call returns a dict with ``score`` and the same numeric keys (`RESULT_KEYS`):
veRL takes the extra keys of sample 0 and stacks every sample's into arrays. It never
returns None and never raises for a sample: when verm cannot score one (nothing to
judge against, or a fault of the scorer itself such as a dead worker or a judge
endpoint that is down), ``score`` is ``fallback_score`` (default: the shaping's
failure score, 0 for ``visual-erm``), ``verm_scored`` is 0 and ``verm_status`` says
why. veRL has no way to leave a sample out; ``compute_score_batch`` instead gives
such a sample the mean score of the samples that share its reference (its GRPO group),
so its advantage is zero. A configuration error (unknown task, judge or shaping) does
raise, on the first call, so a misconfigured run stops at once with the reason.

With veRL's generative reward model enabled, ``reward_router_address`` (the vLLM
router veRL started) is passed in; the ``vlm`` judge then uses it, and it is the
default judge for that run.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from verm.integrations._common import (
    INFRA_ERROR,
    STATUS_CODES,
    TASK_CODES,
    Item,
    Scored,
    ScorerSpec,
    ShapingChoice,
    ascore_items,
    coerce_reference,
    make_shaping,
    reference_key,
    resolve_task,
    score_items,
    shaping_for,
    warn_unscored,
)
from verm.types import Task

log = logging.getLogger(__name__)

__all__ = [
    "RESULT_KEYS",
    "compute_score",
    "compute_score_async",
    "compute_score_batch",
    "compute_score_scalar",
]

#: The keys of every result, in this order; all values are floats. ``-1`` marks a figure
#: that does not exist for the sample (no judgment, so no quality or severity; unknown task).
RESULT_KEYS = (
    "score",
    "verm_status",  # verm.integrations._common.STATUS_CODES: 0 ok, 1 no_code, 2 render_error, 3 blank, ...
    "verm_scored",  # 1 when verm scored the sample, 0 when score is the fallback
    "verm_infra_error",  # 1 when a fault of the scorer (not the policy) left the sample unscored
    "verm_task",  # 0 chart, 1 table, 2 svg, -1 unknown
    "verm_render",  # 1 when the candidate rendered
    "verm_quality",
    "verm_severity",  # total severity of the discrepancies
    "verm_minor",
    "verm_medium",
    "verm_severe",
    "verm_queue_ms",
    "verm_render_ms",
    "verm_judge_ms",
)

#: veRL's own keyword arguments that are not verm options.
_VERL_KWARGS = frozenset({"reward_router_address", "reward_model_tokenizer"})
_OPTIONS = frozenset({"task", "judge", "shaping", "judge_options", "fallback_score"})


def _plain(value: Any) -> Any:
    """Hydra's DictConfig/ListConfig (from ``reward_kwargs``) -> dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple) or type(value).__name__ == "ListConfig":
        return [_plain(v) for v in value]
    return value


class _Config:
    """The options of one call (``reward_kwargs`` plus what veRL passes)."""

    def __init__(self, kwargs: Mapping[str, Any]) -> None:
        unknown = set(kwargs) - _OPTIONS - _VERL_KWARGS
        if unknown:
            log.debug("ignoring keyword arguments verm does not use: %s", sorted(unknown))
        self.task = Task.parse(kwargs["task"]) if kwargs.get("task") else None
        router = kwargs.get("reward_router_address")
        judge = kwargs.get("judge")
        options = dict(_plain(kwargs.get("judge_options") or {}))
        if router and (judge in (None, "vlm")):
            judge = "vlm"
            url = str(router) if str(router).startswith(("http://", "https://")) else f"http://{router}"
            options.setdefault("endpoints", url.rstrip("/") + "/v1")
        self.judge = judge or "auto"
        shaping = kwargs.get("shaping")
        self.shaping: ShapingChoice = _plain(shaping) if isinstance(shaping, Mapping) else shaping
        for t in Task:
            make_shaping(shaping_for(self.shaping, t))  # an unknown name fails here, at the first call
        self.judge_options = options
        fallback = kwargs.get("fallback_score")
        self.fallback = None if fallback is None else float(fallback)

    def spec(self, task: Task) -> ScorerSpec:
        return ScorerSpec.build(
            task, judge=self.judge, shaping=shaping_for(self.shaping, task), judge_options=self.judge_options
        )

    def fallback_score(self, task: Task | None) -> float:
        if self.fallback is not None:
            return self.fallback
        from verm.reward import RewardShaping

        shaping = (make_shaping(shaping_for(self.shaping, task)) if task else None) or RewardShaping()
        return float(shaping.failure_score)


def _item(cfg: _Config, data_source: Any, solution_str: Any, ground_truth: Any, extra_info: Any) -> Item:
    extra = extra_info if isinstance(extra_info, Mapping) else {}
    task = resolve_task(cfg.task, extra.get("task"), data_source)
    text = "" if solution_str is None else str(solution_str)
    try:
        ref = None
        for value, where in (
            (extra.get("reference"), "extra_info['reference']"),
            (extra.get("reference_image"), "extra_info['reference_image']"),
            (ground_truth, "reward_model.ground_truth"),
        ):
            ref = coerce_reference(value, where)
            if ref is not None:
                break
    except Exception as exc:
        return Item(task, None, text, problem=str(exc))
    return Item(task, ref, text)


def _as_dict(cfg: _Config, s: Scored, item: Item, score: float | None = None) -> dict[str, float]:
    scored = s.score is not None
    if score is None:
        score = s.score if scored else cfg.fallback_score(item.task)
    if not scored:
        warn_unscored(s, f"its reward is {score}")
    return {
        "score": float(score),  # type: ignore[arg-type]
        "verm_status": float(STATUS_CODES.get(s.status, -1)),
        "verm_scored": 1.0 if scored else 0.0,
        "verm_infra_error": 1.0 if s.status == INFRA_ERROR else 0.0,
        "verm_task": float(TASK_CODES.get(s.task or "", -1)),
        "verm_render": float(s.render),
        "verm_quality": -1.0 if s.quality is None else float(s.quality),
        "verm_severity": -1.0 if s.severity is None else float(s.severity),
        "verm_minor": float(s.by_severity[0]),
        "verm_medium": float(s.by_severity[1]),
        "verm_severe": float(s.by_severity[2]),
        "verm_queue_ms": float(s.timings.get("queue_ms", 0.0)),
        "verm_render_ms": float(s.timings.get("render_ms", 0.0)),
        "verm_judge_ms": float(s.timings.get("judge_ms", 0.0)),
    }


def compute_score(
    data_source: Any, solution_str: Any, ground_truth: Any, extra_info: Any = None, **kwargs: Any
) -> dict[str, float]:
    """Score one sample (veRL's signature; any options from ``reward_kwargs`` as keywords).

    >>> compute_score("verm/chart", completion, "", {"reference": chart_source})  # doctest: +SKIP
    {'score': 1.84, 'verm_status': 0.0, 'verm_scored': 1.0, ...}
    """
    cfg = _Config(kwargs)
    item = _item(cfg, data_source, solution_str, ground_truth, extra_info)
    return _as_dict(cfg, score_items([item], cfg.spec)[0], item)


async def compute_score_async(
    data_source: Any, solution_str: Any, ground_truth: Any, extra_info: Any = None, **kwargs: Any
) -> dict[str, float]:
    """`compute_score` as a plain ``async def`` (veRL's reward loop awaits it)."""
    cfg = _Config(kwargs)
    item = _item(cfg, data_source, solution_str, ground_truth, extra_info)
    return _as_dict(cfg, (await ascore_items([item], cfg.spec))[0], item)


def compute_score_scalar(
    data_source: Any, solution_str: Any, ground_truth: Any, extra_info: Any = None, **kwargs: Any
) -> float:
    """`compute_score`'s ``score`` alone, for managers that want a number (veRL's legacy
    ``prime`` manager calls positionally and reads ``float(result[0])`` of anything else)."""
    return compute_score(data_source, solution_str, ground_truth, extra_info, **kwargs)["score"]


def compute_score_batch(
    data_sources: Sequence[Any],
    solution_strs: Sequence[Any],
    ground_truths: Sequence[Any],
    extra_infos: Sequence[Any] | None = None,
    **kwargs: Any,
) -> list[dict[str, float]]:
    """Score a whole batch at once (the ``batch`` manager's signature), in order.

    Identical completions for one reference are rendered and judged once, and a sample
    verm could not score gets the mean score of the scored samples sharing its reference.
    """
    cfg = _Config(kwargs)
    n = len(solution_strs)
    extras = list(extra_infos) if extra_infos is not None else [None] * n
    if not len(data_sources) == len(ground_truths) == len(extras) == n:
        from verm.errors import InputError

        raise InputError(
            f"compute_score_batch: {len(data_sources)} data_sources, {n} solution_strs, "
            f"{len(ground_truths)} ground_truths, {len(extras)} extra_infos; pass one of each per sample"
        )
    items = [_item(cfg, *args) for args in zip(data_sources, solution_strs, ground_truths, extras, strict=True)]
    results = score_items(items, cfg.spec)
    keys = [f"{item.task}:{reference_key(item.reference)}" if item.reference is not None else "" for item in items]
    means = group_means(keys, [s.score for s in results])
    return [_as_dict(cfg, s, item, score=m) for item, s, m in zip(items, results, means, strict=True)]


def group_means(keys: Sequence[str], scores: Sequence[float | None]) -> list[float | None]:
    """For each missing score, the mean of the present scores with the same key (its GRPO
    group: the samples of one reference); None where there is none. An empty key has no group."""
    groups: dict[str, list[float]] = {}
    for key, score in zip(keys, scores, strict=True):
        if key and score is not None:
            groups.setdefault(key, []).append(score)
    out: list[float | None] = []
    for key, score in zip(keys, scores, strict=True):
        peers = groups.get(key) if score is None and key else None
        out.append(sum(peers) / len(peers) if peers else None)
    return out
