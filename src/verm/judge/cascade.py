"""A cascade of judges: for each pair, the first judge that can answer does.

The default (``auto``) is ``scene`` then ``pixel``: the scene judge answers
where both renderings carry a scene (both came from sources), the pixel judge
everywhere else (a PNG-only reference, a chart whose scene could not be built).

A judge is passed over for a pair when it raises `JudgeUnavailableError` or
returns a ``judge_error`` judgment; the answering judgment's ``reason`` records
which judges were skipped and why, and its ``judge`` names the one that
answered (``"cascade:scene"``). When no judge answers, the result is a
``judge_error`` with every reason. `judge_many` sends each judge its pairs in
one batch, so a batching judge (a VLM) keeps its concurrency.

>>> judge = CascadeJudge(("scene", "pixel"))                          # doctest: +SKIP
>>> judge.judge(Task.CHART, png_reference, candidate).judge
'cascade:pixel'
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from verm.errors import JudgeUnavailableError
from verm.judge import get_judge
from verm.judge.base import Judge
from verm.types import Judgment, Rendering, Status, Task

log = logging.getLogger(__name__)

#: The default order: exact scene comparison where it can run, pixels otherwise.
DEFAULT_JUDGES: tuple[str, ...] = ("scene", "pixel")


class CascadeJudge(Judge):
    """Try ``judges`` in order per pair (names from the judge registry, or `Judge` objects).

    ``judge_options`` maps a judge name to the keyword arguments it is created with.
    """

    name: ClassVar[str] = "cascade"
    needs_sources: ClassVar[bool] = False

    def __init__(
        self,
        judges: Sequence[str | Judge] = DEFAULT_JUDGES,
        judge_options: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        if not judges:
            raise ValueError("a cascade needs at least one judge")
        options = judge_options or {}
        self.judges: list[Judge] = [
            j if isinstance(j, Judge) else get_judge(j, **dict(options.get(j, {}))) for j in judges
        ]

    @property
    def concurrency(self) -> int | None:
        """The largest concurrency any judge in the cascade asks for (a VLM's), else None."""
        wanted = [c for c in (getattr(j, "concurrency", None) for j in self.judges) if isinstance(c, int)]
        return max(wanted, default=None)

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        return self.judge_many(task, [(reference, candidate)])[0]

    def judge_many(self, task: Task, pairs: Sequence[tuple[Rendering, Rendering]]) -> list[Judgment]:
        task = Task.parse(task)
        results: list[Judgment | None] = [None] * len(pairs)
        skipped: list[list[str]] = [[] for _ in pairs]
        unparseable = [False] * len(pairs)
        pending = list(range(len(pairs)))
        for judge in self.judges:
            if not pending:
                break
            answers = self._run(judge, task, [pairs[i] for i in pending])
            still: list[int] = []
            for i, answer in zip(pending, answers, strict=True):
                if isinstance(answer, str):
                    skipped[i].append(f"{judge.name}: {answer}")
                    still.append(i)
                elif answer.status is Status.JUDGE_ERROR:
                    unparseable[i] = unparseable[i] or answer.unparseable
                    skipped[i].append(f"{judge.name}: {answer.reason or 'judge_error without a reason'}")
                    still.append(i)
                else:
                    results[i] = _answered(answer, judge.name, skipped[i])
            pending = still
        for i in pending:
            results[i] = Judgment(
                task=task,
                judge=self.name,
                status=Status.JUDGE_ERROR,
                reason="no judge in the cascade could answer: " + "; ".join(skipped[i]),
                unparseable=unparseable[i],
            )
        return [r for r in results if r is not None]

    @staticmethod
    def _run(judge: Judge, task: Task, pairs: list[tuple[Rendering, Rendering]]) -> list[Judgment | str]:
        """One batch for ``judge``; a pair it cannot judge becomes the reason (a str).

        A judge may offer ``unavailable(task, reference, candidate) -> str | None`` (the scene judge does) so
        that pairs it cannot judge are known before the batch; otherwise a batch that raises
        `JudgeUnavailableError` is retried pair by pair.
        """
        out: list[Judgment | str | None] = [None] * len(pairs)
        check = getattr(judge, "unavailable", None)
        if callable(check):
            out = [check(task, ref, cand) for ref, cand in pairs]
        todo = [k for k, v in enumerate(out) if v is None]
        if todo:
            try:
                for k, j in zip(todo, judge.judge_many(task, [pairs[k] for k in todo]), strict=True):
                    out[k] = j
            except JudgeUnavailableError:
                for k in todo:
                    try:
                        out[k] = judge.judge(task, *pairs[k])
                    except JudgeUnavailableError as exc:
                        out[k] = str(exc) or type(exc).__name__
        return [v if v is not None else "no answer" for v in out]

    def close(self) -> None:
        for judge in self.judges:
            try:
                judge.close()
            except Exception:  # closing one judge must not leave the others open
                log.warning("could not close judge %s", judge.name, exc_info=True)


def _answered(answer: Judgment, name: str, skipped: list[str]) -> Judgment:
    reason = answer.reason
    if skipped:
        note = "skipped " + "; ".join(skipped)
        reason = f"{note}; {reason}" if reason else note
    return answer.model_copy(update={"judge": f"cascade:{name}", "reason": reason})


def auto_judge(**kwargs: Any) -> CascadeJudge:
    """The default judge (``--judge auto``): the scene judge where both sources exist, pixels otherwise."""
    return CascadeJudge(**kwargs)


__all__ = ["DEFAULT_JUDGES", "CascadeJudge", "auto_judge"]
