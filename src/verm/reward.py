"""Reward shaping: a judgment (or a failure status) -> a scalar reward.

Default (the reference code's rule for charts and SVGs)::

    no_code | render_error | blank  -> 0.0
    otherwise                       -> 1.0 + clip(1 - total_severity / 50, 0, 1)   in [0, 2]

Options, not forks of code:

* ``rule="batch_max"`` — the paper's rule: divide by the largest severity sum in
  the batch instead of 50 (use `RewardShaping.shape_batch`).
* ``rule="signed"`` — the reference table script's signed severity:
  ``-total_severity``; failures get ``-max_severity``.
* ``rule="normalised"`` — the default rule divided by 2, in [0, 1].
* ``category_weights`` — multiply each discrepancy's severity by its
  category's weight before summing (missing categories weigh 1).

A similarity-only judge (the MSE/SSIM/TEDS baselines) sets
``Judgment.similarity`` in [0, 1] and reports no discrepancies; its quality
term is that similarity (``signed``: ``-(1 - similarity) * max_severity``).

A judge that fails (``judge_error``) never becomes a good score: its reward is
``judge_error_score``, ``None`` by default, which RL trainers such as TRL read
as "leave this sample out". A fault of the scorer itself (``infra_error``: a
render worker or browser that died twice, a judge endpoint that is down) is
never the policy's: its reward is ``infra_error_score``, ``None`` by default.

Presets (`RewardShaping.preset`) reproduce the paper's reference code exactly:

* ``"default"`` — the rule above.
* ``"visual-erm"`` (charts, SVG) — the same, except that a judge answer that
  cannot be parsed (after the judge's retries; the reference code tries twice:
  ``VlmJudge(retries=1)``) counts as a total severity of 25, i.e. 1.5.
* ``"visual-erm-table"`` — ``-total_severity``, and -4 on any failure of the
  candidate or the judge (no code, render error, blank, judge error).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from verm.errors import ContractError
from verm.types import Judgment, Reward, Status

Rule = Literal["fixed", "batch_max", "signed", "normalised"]
_FAILURES = (Status.NO_CODE, Status.RENDER_ERROR, Status.BLANK)
PRESETS = ("default", "visual-erm", "visual-erm-table")


@dataclass(frozen=True)
class Outcome:
    """What shaping needs for one sample: its status, its judgment if judged, and why."""

    status: Status
    judgment: Judgment | None = None
    reason: str | None = None


@dataclass(frozen=True)
class RewardShaping:
    rule: Rule = "fixed"
    max_severity: float = 50.0
    category_weights: Mapping[str, float] = field(default_factory=dict)
    judge_error_score: float | None = None
    #: Reward of an ``infra_error`` (the scorer's fault): None by default, so trainers skip the sample.
    infra_error_score: float | None = None
    #: Reward of no code, a failed render or a blank rendering; None: 0 (``signed``: ``-max_severity``).
    failure_score_override: float | None = None
    #: When set, a judge answer that could not be parsed counts as this total severity.
    unparseable_severity: float | None = None

    def __post_init__(self) -> None:
        if self.rule not in ("fixed", "batch_max", "signed", "normalised"):
            raise ContractError(f"unknown reward rule {self.rule!r}; expected fixed, batch_max, signed or normalised")
        if self.max_severity <= 0:
            raise ContractError(f"max_severity must be positive, got {self.max_severity}")

    @classmethod
    def preset(cls, name: str, **overrides: object) -> RewardShaping:
        """A named shaping (``default``, ``visual-erm``, ``visual-erm-table``); keywords override fields."""
        key = name.strip().lower().replace("_", "-")
        if key in ("default", "fixed"):
            base: dict[str, object] = {}
        elif key == "visual-erm":
            base = {"rule": "fixed", "max_severity": 50.0, "unparseable_severity": 25.0}
        elif key == "visual-erm-table":
            base = {"rule": "signed", "failure_score_override": -4.0, "judge_error_score": -4.0}
        else:
            raise ContractError(f"unknown shaping preset {name!r}; expected one of: {', '.join(PRESETS)}")
        return cls(**{**base, **overrides})  # type: ignore[arg-type]

    @property
    def bounds(self) -> tuple[float, float]:
        """The range a reward usually falls in (``signed`` is unbounded below: ``-max_severity`` is used),
        for callers that must scale it into [0, 1] (OpenRLHF's ``scores``)."""
        if self.rule == "signed":
            return (min(-self.max_severity, self.failure_score), 0.0)
        hi = 1.0 if self.rule == "normalised" else 2.0
        return (min(0.0, self.failure_score), hi)

    def unit_score(self, score: float) -> float:
        """``score`` scaled into [0, 1] by `bounds` (clipped)."""
        lo, hi = self.bounds
        return min(1.0, max(0.0, (score - lo) / (hi - lo)))

    def severity(self, judgment: Judgment) -> float:
        w = self.category_weights
        return float(sum(d.severity * w.get(d.category, 1.0) for d in judgment.discrepancies))

    @property
    def failure_score(self) -> float:
        if self.failure_score_override is not None:
            return self.failure_score_override
        return -self.max_severity if self.rule == "signed" else 0.0

    def shape(self, outcome: Outcome, scale: float | None = None) -> Reward:
        """One reward. ``scale`` replaces ``max_severity`` (the batch rule passes the batch's max)."""
        if outcome.status is Status.INFRA_ERROR or (
            outcome.judgment is not None and outcome.judgment.status is Status.INFRA_ERROR
        ):
            j = outcome.judgment
            return Reward(
                score=self.infra_error_score,
                status=Status.INFRA_ERROR,
                reason=outcome.reason or (j.reason if j else None) or "the scorer's infrastructure failed",
                judgment=j,
            )
        if outcome.status in _FAILURES:
            return Reward(
                score=self.failure_score,
                status=outcome.status,
                reason=outcome.reason,
                parts={"render": 0.0},
                judgment=outcome.judgment,
            )
        j = outcome.judgment
        if outcome.status is Status.JUDGE_ERROR or j is None or j.status is Status.JUDGE_ERROR:
            reason = outcome.reason or (j.reason if j else None) or "the judge gave no judgment"
            if j is not None and j.unparseable and self.unparseable_severity is not None:
                return self._from_severity(
                    self.unparseable_severity, scale, j, Status.JUDGE_ERROR, f"{reason} (counted as severity "
                    f"{self.unparseable_severity:g}, the reference code's rule)", unparseable=1.0,
                )  # fmt: skip
            return Reward(
                score=self.judge_error_score,
                status=Status.JUDGE_ERROR,
                reason=reason,
                parts={"render": 1.0},
                judgment=j,
            )
        if j.similarity is not None and not j.discrepancies:
            # A similarity-only judge (baseline): its score is the quality term.
            quality = j.similarity
            score = (1.0 + quality) / (2.0 if self.rule == "normalised" else 1.0)
            if self.rule == "signed":
                score = -(1.0 - quality) * self.max_severity
            return Reward(score=score, status=Status.OK, parts={"render": 1.0, "quality": quality}, judgment=j)
        return self._from_severity(self.severity(j), scale, j, Status.OK, None)

    def _from_severity(
        self,
        sev: float,
        scale: float | None,
        j: Judgment | None,
        status: Status,
        reason: str | None,
        **extra: float,
    ) -> Reward:
        if self.rule == "signed":
            parts = {"render": 1.0, "total_severity": sev, **extra}
            return Reward(score=-sev, status=status, reason=reason, parts=parts, judgment=j)
        denom = scale if scale is not None else self.max_severity
        quality = 1.0 if denom <= 0 else min(1.0, max(0.0, 1.0 - sev / denom))
        score = 1.0 + quality
        if self.rule == "normalised":
            score /= 2.0
        parts = {"render": 1.0, "quality": quality, "total_severity": sev, **extra}
        return Reward(score=score, status=status, reason=reason, parts=parts, judgment=j)

    def shape_batch(self, outcomes: Sequence[Outcome]) -> list[Reward]:
        """Rewards for a batch; ``batch_max`` divides by the batch's largest severity sum."""
        scale = None
        if self.rule == "batch_max":
            sevs = [self.severity(o.judgment) for o in outcomes if o.status is Status.OK and o.judgment is not None]
            scale = max(sevs, default=0.0)
        return [self.shape(o, scale) for o in outcomes]
