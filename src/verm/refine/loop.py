"""Reflect and revise: the policy writes code for a reference image, verm renders and
judges it, the judge's discrepancies go back to the policy, which revises, for up to
``rounds`` rounds.

A round asks the policy for ``samples`` completions (best-of-N), renders and judges
them all through one `Scorer`, and keeps the best: the judge's verdict first (fewest
total severity among the ones it judged), the reward breaking ties. Every attempt of
every round is kept, with its code, image, judgment, reward and timings. The loop
stops early at a perfect score (the judge found nothing) and returns the best round.

The next round revises the attempt the last round kept, whatever became of it, so
every outcome goes back to the policy: the discrepancies, or a failed render's error
text. An attempt that failed before any code came back (the policy timed out, or its
server failed) is a round with status ``policy_error``: there is nothing to revise, so
the next round revises the round before it (or asks afresh). An answer without code
is ``no_code``; hostile or broken code is a ``render_error`` from the sandbox.

>>> from verm import Scorer                                                      # doctest: +SKIP
>>> from verm.refine import PolicyClient, Refiner
>>> with Scorer("chart", judge="auto") as scorer, PolicyClient("http://gpu-0:8000/v1") as policy:
...     result = Refiner(scorer, policy, rounds=3).run("reference.png")
>>> [r.best.score for r in result.rounds], result.best.score, result.stop_reason
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from verm.errors import InputError
from verm.extract import extract_code
from verm.judge.prompts import image_data_url
from verm.judge.vlm import encode_image
from verm.pipeline import ReferenceLike, Scorer
from verm.refine.policy import PolicyClient, PolicyReply
from verm.refine.prompts import PolicyPrompts, generation_text, revision_text
from verm.types import Discrepancy, Rendering, Reward, Status, Task

log = logging.getLogger(__name__)

__all__ = ["POLICY_ERROR", "Attempt", "RefineResult", "Refiner", "Round"]

#: The status of an attempt that got no answer from the policy (timeout, server failure).
POLICY_ERROR = "policy_error"


class Attempt(BaseModel):
    """One completion of one round: what the policy wrote and what verm made of it."""

    sample: int
    #: ok, no_code, render_error, blank, judge_error (verm's statuses) or policy_error.
    status: str
    reason: str | None = None
    completion: str | None = None
    code: str | None = None
    #: The rendering's PNG; kept in memory, left out of dumps (batch mode writes it as a file).
    png: bytes | None = Field(default=None, exclude=True, repr=False)
    reward: Reward | None = None
    #: policy_ms, render_ms, judge_ms (the batch's time shared equally), total_ms.
    timings: dict[str, float] = Field(default_factory=dict)

    @property
    def score(self) -> float | None:
        return None if self.reward is None else self.reward.score

    @property
    def discrepancies(self) -> list[Discrepancy]:
        j = None if self.reward is None else self.reward.judgment
        return [] if j is None else list(j.discrepancies)

    @property
    def perfect(self) -> bool:
        """Judged, and the judge found nothing (a similarity judge: similarity 1)."""
        j = None if self.reward is None else self.reward.judgment
        if self.status != Status.OK.value or j is None or j.discrepancies:
            return False
        return j.similarity is None or j.similarity >= 1.0 - 1e-9

    def rank_key(self) -> tuple[int, float, float]:
        """Smaller is better: judged first, then the judge's total severity, then the reward."""
        j = None if self.reward is None else self.reward.judgment
        judged = self.status == Status.OK.value and j is not None
        severity = float(j.total_severity) if judged and j is not None else float("inf")
        score = self.score if self.score is not None else float("-inf")
        return (0 if judged else 1, severity, -score)


class Round(BaseModel):
    """One round: the request the policy was sent, every attempt, and the one kept."""

    index: int
    #: The text of this round's request (the generation or revision prompt).
    request: str
    #: The round this one revised (None for a first request).
    revises: int | None = None
    attempts: list[Attempt]
    chosen: int = 0

    @property
    def best(self) -> Attempt:
        return self.attempts[self.chosen]


class RefineResult(BaseModel):
    task: Task
    name: str = ""
    rounds: list[Round] = Field(default_factory=list)
    #: Index (1-based) of the best round.
    best_round: int = 1
    #: "perfect" (stopped early), "rounds" (ran them all).
    stop_reason: str = "rounds"
    elapsed_ms: float = 0.0

    @property
    def best(self) -> Attempt:
        return self.rounds[self.best_round - 1].best

    def scores(self) -> list[float | None]:
        """The kept attempt's reward per round."""
        return [r.best.score for r in self.rounds]


class Refiner:
    """Runs the loop for one reference at a time (`run`); holds no per-reference state,
    so one refiner serves many references, from several threads too."""

    def __init__(
        self,
        scorer: Scorer,
        policy: PolicyClient,
        rounds: int = 3,
        samples: int = 1,
        feedback: bool = True,
        show_rendering: bool = True,
        prompts: PolicyPrompts | None = None,
    ) -> None:
        if rounds < 1 or samples < 1:
            raise InputError(f"rounds ({rounds}) and samples ({samples}) must be >= 1")
        self.scorer = scorer
        self.policy = policy
        self.rounds = rounds
        self.samples = samples
        self.feedback = feedback
        self.show_rendering = show_rendering
        self.prompts = prompts or PolicyPrompts()

    @property
    def task(self) -> Task:
        return self.scorer.task

    def _image_part(self, png: bytes) -> dict[str, Any]:
        b64 = encode_image(png, self.policy.max_side)
        return {"type": "image_url", "image_url": {"url": image_data_url(b64)}}

    def _messages(self, ref: Rendering, base: Attempt | None) -> tuple[list[dict[str, Any]], str]:
        """The conversation for the next request: the first request, and when revising,
        the answer being revised and what became of it."""
        assert ref.png is not None
        first = generation_text(self.task, self.prompts)
        messages: list[dict[str, Any]] = [
            {"role": "user", "content": [self._image_part(ref.png), {"type": "text", "text": first}]}
        ]
        if base is None:
            return messages, first
        text = revision_text(self.task, self.prompts, base.status, base.reason, base.discrepancies, self.feedback)
        content: list[dict[str, Any]] = []
        if self.show_rendering and base.png is not None and base.status in (Status.OK.value, Status.JUDGE_ERROR.value):
            content.append(self._image_part(base.png))
        content.append({"type": "text", "text": text})
        messages += [{"role": "assistant", "content": base.completion or ""}, {"role": "user", "content": content}]
        return messages, text

    def _attempts(self, ref: Rendering, replies: Sequence[PolicyReply]) -> list[Attempt]:
        out: list[Attempt | None] = [None] * len(replies)
        answered = [i for i, r in enumerate(replies) if r.text is not None]
        for i, r in enumerate(replies):
            if r.text is None:
                out[i] = Attempt(
                    sample=i,
                    status=POLICY_ERROR,
                    reason=r.error,
                    timings={"policy_ms": r.elapsed_ms, "total_ms": r.elapsed_ms},
                )
        if answered:
            texts = [replies[i].text or "" for i in answered]
            t0 = time.perf_counter()
            cands = self.scorer.render_candidates(texts)
            t1 = time.perf_counter()
            rewards = self.scorer.judge_renderings([ref] * len(cands), cands)
            t2 = time.perf_counter()
            render_ms, judge_ms = (t1 - t0) * 1e3 / len(cands), (t2 - t1) * 1e3 / len(cands)
            for i, cand, reward in zip(answered, cands, rewards, strict=True):
                extracted = extract_code(replies[i].text or "", self.task)
                policy_ms = replies[i].elapsed_ms
                out[i] = Attempt(
                    sample=i,
                    status=reward.status.value,
                    reason=reward.reason,
                    completion=replies[i].text,
                    code=extracted.code if extracted else None,
                    png=cand.png if cand.ok else None,
                    reward=reward,
                    timings={
                        "policy_ms": policy_ms,
                        "render_ms": render_ms,
                        "judge_ms": judge_ms,
                        "total_ms": policy_ms + render_ms + judge_ms,
                    },
                )
        return [a for a in out if a is not None]

    def run(self, reference: ReferenceLike, name: str = "") -> RefineResult:
        """Refine against one reference (an image, a source file or source text)."""
        t0 = time.perf_counter()
        ref = self.scorer.reference(reference)
        if not ref.ok or ref.png is None:
            raise InputError(f"the reference {name or ''} did not render: {ref.reason}".replace("  ", " "))
        result = RefineResult(task=self.task, name=name)
        best: tuple[int, Attempt] | None = None
        last: tuple[int, Attempt] | None = None
        for k in range(1, self.rounds + 1):
            messages, request = self._messages(ref, last[1] if last is not None else None)
            replies = self.policy.complete_many([messages] * self.samples)
            attempts = self._attempts(ref, replies)
            chosen = min(range(len(attempts)), key=lambda i: attempts[i].rank_key())
            rnd = Round(index=k, request=request, revises=last[0] if last else None, attempts=attempts, chosen=chosen)
            result.rounds.append(rnd)
            kept = rnd.best
            log.info("refine %s round %d: %s, reward %s", name, k, kept.status, kept.score)
            # A round without an answer leaves nothing to revise: the next one revises the one before.
            if kept.status != POLICY_ERROR:
                last = (k, kept)
            if best is None or kept.rank_key() < best[1].rank_key():
                best = (k, kept)
            if kept.perfect:
                result.stop_reason = "perfect"
                break
        result.best_round = best[0] if best is not None else 1
        result.elapsed_ms = (time.perf_counter() - t0) * 1e3
        return result
