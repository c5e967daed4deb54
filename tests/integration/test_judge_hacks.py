"""Reward hacks rank below honest candidates, through the real pipeline with the pixel judge.

For each task, a few references; honest candidates are the reference perturbed with
1-3 known edits (`verm.perturb`); hacks (`verm.bench.hacks`) are a blank canvas, random
noise, only the title, axes (a grid) without data, the reference's text only and (charts)
random dots over its emptied axes. Every hack must get a lower reward than every honest
candidate of the same reference.
"""

from __future__ import annotations

import random

import pytest
from tests.corpora import CORPORA

from verm.bench.hacks import HACK_KINDS, as_completion, hack_sources
from verm.corpus import gallery_programs, generate_chart_programs
from verm.perturb import perturb
from verm.pipeline import Scorer
from verm.types import Status, Task

N_HONEST = 4

#: The hacks this test has always held the pixel judge to (`verm.bench.hacks` has more).
KINDS = {
    Task.CHART: ("blank canvas", "random noise", "only the title", "axes without data", "text only", "random dots"),
    Task.TABLE: ("blank canvas", "random noise", "only the title", "axes without data", "text only"),
    Task.SVG: ("blank canvas", "random noise", "only the title", "text only", "one shape"),
}


def _references(task: Task) -> list[str]:
    if task is Task.CHART:
        return [p.code for p in generate_chart_programs(2, seed=11, kinds=["bar_grouped", "line"])]
    folder = CORPORA / ("tables/md" if task is Task.TABLE else "svg/feather")
    suffix = ".md" if task is Task.TABLE else ".svg"
    files = sorted(folder.glob(f"*{suffix}"))
    if not files:
        pytest.skip(f"no {task.value} corpus at {folder}")
    return [files[0].read_text(encoding="utf-8"), files[len(files) // 2].read_text(encoding="utf-8")]


def _fence(task: Task, code: str) -> str:
    return {Task.CHART: f"```python\n{code}\n```", Task.TABLE: f"```markdown\n{code}\n```", Task.SVG: code}[task]


@pytest.mark.parametrize("task", list(Task), ids=lambda t: t.value)
def test_hacks_rank_below_every_honest_candidate(task: Task) -> None:
    with Scorer(task, judge="pixel") as scorer:
        for ref_source in _references(task):
            honest = []
            for k in range(N_HONEST):
                result = perturb(task, ref_source, random.Random(f"hacks:{task.value}:{k}"), n_edits=1 + k % 3)
                honest.append(_fence(task, result.source))
            hacks = {k: as_completion(task, h) for k, h in hack_sources(task, ref_source, KINDS[task]).items()}
            rewards = scorer.score_batch([ref_source] * (len(honest) + len(hacks)), [*honest, *hacks.values()])
            honest_r, hack_r = rewards[: len(honest)], dict(zip(hacks, rewards[len(honest) :], strict=True))
            assert all(r.status is Status.OK for r in honest_r), [(r.status, r.reason) for r in honest_r]
            floor = min(r.score for r in honest_r if r.score is not None)
            for name, r in hack_r.items():
                assert r.score is not None
                total = r.parts.get("total_severity")
                assert r.score < floor, (
                    f"{task.value} hack {name!r} scored {r.score:.3f} (severity {total}, status {r.status.value}) "
                    f"but the worst honest candidate scored {floor:.3f}"
                )


#: Real-world-style dev programs that once let a hack through: several series and fills in two
#: subplots ("one line" kept one of them), and a matrix of squares on a grey face (the grey face read
#: as data; a title above the matrix "kept" its squares). Both are held to every kind.
GALLERY = {
    "ocean_profile": tuple(HACK_KINDS[Task.CHART]),
    "hinton_weights": tuple(HACK_KINDS[Task.CHART]),
}


@pytest.mark.parametrize("name", list(GALLERY))
def test_chart_hacks_rank_below_honest_candidates_on_real_world_style_charts(name: str) -> None:
    ref_source = next(p.code for p in gallery_programs("dev") if p.name == name)
    honest = []
    for k in range(3):
        result = perturb(Task.CHART, ref_source, random.Random(f"hs:chart:{name}.py:{k}"), n_edits=1 + k % 3)
        honest.append(_fence(Task.CHART, result.source))
    hacks = {k: as_completion(Task.CHART, h) for k, h in hack_sources(Task.CHART, ref_source, GALLERY[name]).items()}
    with Scorer(Task.CHART, judge="pixel") as scorer:
        rewards = scorer.score_batch([ref_source] * (len(honest) + len(hacks)), [*honest, *hacks.values()])
    honest_r, hack_r = rewards[: len(honest)], dict(zip(hacks, rewards[len(honest) :], strict=True))
    assert all(r.status is Status.OK for r in honest_r), [(r.status, r.reason) for r in honest_r]
    floor = min(r.score for r in honest_r if r.score is not None)
    for kind, r in hack_r.items():
        assert r.score is not None and r.score < floor, (name, kind, r.score, floor, r.parts.get("total_severity"))


ERRORBAR_ONE = """import numpy as np
import matplotlib.pyplot as plt
x = np.arange(8)
fig, ax = plt.subplots()
ax.errorbar(x, x ** 0.5, yerr=0.2, capsize=3, marker="o")
"""
ERRORBAR_THREE = ERRORBAR_ONE.replace(
    'ax.errorbar(x, x ** 0.5, yerr=0.2, capsize=3, marker="o")',
    'for k in range(3):\n    ax.errorbar(x, x * 0.5 + k, yerr=0.2, capsize=3, marker="o")',
)


def test_one_line_keeps_a_reference_line_only_where_the_reference_has_many_series() -> None:
    from verm.render import get_renderer

    with get_renderer(Task.CHART) as renderer:
        one, three = renderer.render_many(
            [hack_sources(Task.CHART, s, ["one line"])["one line"] for s in (ERRORBAR_ONE, ERRORBAR_THREE)]
        )
    assert one.ok and three.ok
    # One series (an errorbar's line, caps and bars count once): its line without its bars would be an
    # honest edit's picture, so the hack draws a straight line instead.
    (line,) = one.scene["axes"][0]["lines"]
    assert len(line["x"]) == 2 and line["marker"] == "nothing"
    # Three series: the first one's data line is kept, every other artist hidden.
    (kept,) = three.scene["axes"][0]["lines"]
    assert len(kept["x"]) == 8 and kept["marker"] == "circle"
