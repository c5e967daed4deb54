"""A contract suite every judge must pass on any (reference, candidate) pair.

Use it from a judge's tests: ``judgment = check_judge_contract(judge, task, ref, cand)``.
It checks the shape of the answer, never its quality.
"""

from __future__ import annotations

import math

from verm.judge.base import Judge
from verm.types import CATEGORIES, Judgment, Rendering, Status, Task


def check_judge_contract(judge: Judge, task: Task | str, reference: Rendering, candidate: Rendering) -> Judgment:
    """Run ``judge`` once and assert the result keeps every contract; return the judgment."""
    task = Task.parse(task)
    judgment = judge.judge(task, reference, candidate)  # a judge never raises on a bad candidate
    assert isinstance(judgment, Judgment), f"judge returned {type(judgment).__name__}, not a Judgment"
    assert judgment.task is task
    assert judgment.judge == judge.name
    assert judgment.status in (Status.OK, Status.JUDGE_ERROR)
    if judgment.status is Status.JUDGE_ERROR:
        # A failed judgment explains itself and never carries a made-up verdict.
        assert judgment.reason, "a judge_error must say why"
        assert judgment.discrepancies == []
    if judgment.elapsed_ms is not None:
        assert math.isfinite(judgment.elapsed_ms) and judgment.elapsed_ms >= 0
    for i, d in enumerate(judgment.discrepancies):
        where = f"discrepancies[{i}] = {d!r}"
        assert d.category in CATEGORIES[task], where
        assert d.severity in (1, 2, 3), where
        assert isinstance(d.location, str) and d.location.strip(), where
        assert isinstance(d.description, str) and d.description.strip(), where
        if d.bbox is not None:
            x0, y0, x1, y1 = d.bbox
            assert all(math.isfinite(c) and 0.0 <= c <= 1.0 for c in d.bbox), where
            assert x0 <= x1 and y0 <= y1, where
    # The paper's JSON must read back to the same discrepancies.
    again = Judgment.from_paper(judgment.to_paper(), task, judge=judgment.judge)
    assert [d.category for d in again.discrepancies] == [d.category for d in judgment.discrepancies]
    assert again.total_severity == judgment.total_severity
    return judgment
