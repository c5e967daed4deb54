"""Scorer.score_batch as a trainer uses it: duplicates rendered once, thread-safe, async, the cache's
disk tier, one bad sample never failing the batch, and a browser killed mid-batch retried, not blamed."""

from __future__ import annotations

import asyncio
import os
import signal
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from tests.conftest import bar_chart

from verm.pipeline import Scorer
from verm.types import Rendering, Status

pytestmark = pytest.mark.timeout(300)


def fence(code: str, prose: str = "") -> str:
    return f"{prose}\n```python\n{code}\n```"


@pytest.fixture(scope="module")
def scorer():
    with Scorer("chart", judge="auto") as s:
        yield s


def test_a_group_is_rendered_and_judged_once_results_in_order(scorer: Scorer) -> None:
    tag = uuid.uuid4().hex[:8]
    a, b = bar_chart(title=f"A {tag}"), bar_chart(title=f"B {tag}", c0="#9467bd")
    comps = [fence(a, "x"), fence(b), fence(a, "y"), "no code at all", fence(a), fence(b, "z"), fence(a), fence(a)]
    scorer.reference(bar_chart())  # rendered once, then cached: not part of the count below
    before = scorer.stats()
    rewards = scorer.score_batch([bar_chart()] * 8, comps)
    after = scorer.stats()
    assert after.renders - before.renders == 2 and after.judgments - before.judgments == 2
    assert [r.status for r in rewards] == [Status.OK] * 3 + [Status.NO_CODE] + [Status.OK] * 4
    assert rewards[0].score == rewards[2].score == rewards[7].score
    assert rewards[1].score == rewards[5].score != rewards[0].score
    assert [r.cache.get("render") for r in rewards].count("miss") == 2
    for r in rewards:
        t = r.timings
        assert set(t) == {"queue_ms", "render_ms", "judge_ms", "total_ms"}
        assert abs(t["queue_ms"] + t["render_ms"] + t["judge_ms"] - t["total_ms"]) < 0.01
    again = scorer.score_batch([bar_chart()], [fence(a)])[0]
    assert again.cached and again.cache == {"render": "hit", "judge": "hit"} and again.score == rewards[0].score


def test_thread_safe_and_async(scorer: Scorer) -> None:
    tag = uuid.uuid4().hex[:8]
    codes = [bar_chart(title=f"T{i} {tag}") for i in range(3)]
    scorer.reference(bar_chart())
    before = scorer.stats().renders

    def call(k: int) -> list[float | None]:
        return [r.score for r in scorer.score_batch([bar_chart()] * 3, [fence(codes[(k + i) % 3]) for i in range(3)])]

    with ThreadPoolExecutor(6) as ex:
        results = list(ex.map(call, range(6)))
    assert scorer.stats().renders - before == 3  # six calls in four threads, three distinct codes
    by_code = {}
    for k, scores in enumerate(results):
        for i, s in enumerate(scores):
            by_code.setdefault((k + i) % 3, set()).add(s)
    assert all(len(v) == 1 for v in by_code.values())

    async def many() -> list:
        return await asyncio.gather(*(scorer.ascore(bar_chart(), fence(c)) for c in codes * 3))

    got = asyncio.run(many())
    assert [r.score for r in got] == [min(by_code[i]) for i in range(3)] * 3


def test_one_bad_sample_never_fails_the_batch(scorer: Scorer, tmp_path) -> None:
    refs = [bar_chart(), tmp_path / "missing.png", bar_chart(), Rendering(task="chart", png=b"not a png")]
    comps = [fence(bar_chart()), fence(bar_chart()), 42, fence(bar_chart())]  # type: ignore[list-item]
    rewards = scorer.score_batch(refs, comps)
    assert rewards[0].status is Status.OK and rewards[0].score == 2.0
    assert rewards[1].status is Status.JUDGE_ERROR and "not found" in rewards[1].reason and rewards[1].score is None
    assert rewards[2].status is Status.NO_CODE
    assert rewards[3].status is Status.JUDGE_ERROR and rewards[3].score is None


def test_disk_tier_serves_a_new_scorer(tmp_path) -> None:
    comp = fence(bar_chart(title=uuid.uuid4().hex))
    with Scorer("chart", judge="auto", cache_dir=tmp_path) as s1:
        first = s1.score(bar_chart(), comp)
    with Scorer("chart", judge="auto", cache_dir=tmp_path) as s2:
        second = s2.score(bar_chart(), comp)
        assert s2.stats().renders == 0 and second.cache == {"render": "hit", "judge": "hit"}
    assert second.score == first.score


def test_disk_tier_never_serves_what_other_code_made(tmp_path, monkeypatch) -> None:
    import verm.pipeline

    comp = fence(bar_chart(title=uuid.uuid4().hex))
    with Scorer("chart", judge="auto", cache_dir=tmp_path) as s1:
        first = s1.score(bar_chart(), comp)
    # An upgraded verm: its judges (and here its renderers too) are other code than what filled the cache.
    monkeypatch.setattr(verm.pipeline, "scoring_fingerprint", lambda: "0123456789abcdef")
    with Scorer("chart", judge="auto", cache_dir=tmp_path) as s2:
        second = s2.score(bar_chart(), comp)
        assert second.cache == {"render": "hit", "judge": "miss"}
    monkeypatch.setattr(verm.pipeline, "render_fingerprint", lambda: "fedcba9876543210")
    with Scorer("chart", judge="auto", cache_dir=tmp_path) as s3:
        third = s3.score(bar_chart(), comp)
        # The reference is rendered again too: other renderer code may draw it otherwise.
        assert s3.stats().renders == 2 and third.cache == {"render": "miss", "judge": "miss"}
    assert first.score == second.score == third.score


def test_chromium_killed_mid_batch_is_retried_not_blamed() -> None:
    table = "| Region | Q1 | Q2 |\n|---|---|---|\n| North | 12 | 14 |\n| South | {v} | 9 |\n"
    with Scorer("table", judge="pixel") as s:
        s.reference(table.format(v=7))  # the browser is up
        killed: list[int] = []

        def kill_once(i: int, r: Rendering) -> None:
            if not killed:
                killed.extend(s.renderer.browser_pids())  # type: ignore[attr-defined]
                for pid in killed:
                    os.kill(pid, signal.SIGKILL)

        renderer = s.renderer
        original = renderer.render_many

        def render_many(sources, progress=None):  # the real renderer; the kill happens as the first table ends
            return original(sources, progress=lambda i, r: (kill_once(i, r), progress and progress(i, r)))

        renderer.render_many = render_many  # type: ignore[method-assign]
        try:
            rewards = s.score_batch([table.format(v=7)] * 6, [table.format(v=v) for v in range(6)])
        finally:
            renderer.render_many = original  # type: ignore[method-assign]
        assert killed
        # Whether the kill lands between tables (the renderer relaunches) or under one (infra_error, retried
        # once by the Scorer on the fresh browser), no table is blamed for it.
        assert all(r.status is Status.OK for r in rewards), [(r.status, r.reason) for r in rewards]
