"""Reward hacks rank below honest candidates under the scene judge, on real-world-style sources.

Every hack kind of `verm.bench.hacks` (charts: blank, noise, title only, empty axes, texts only, a diagonal
line, one line; tables and SVG: their analogues) must get a lower reward than every honest candidate (the
reference with 1-3 known edits, `verm.perturb`) of the same reference, through the real pipeline (sandboxed
renders). The references are gallery programs where hacks used to win (3-D bars, a heatmap with its cell
texts, an inset zoom), a table of two data rows and two-element icons, where missing content is a large
share of what the reference shows.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from verm.bench.hacks import HACK_KINDS, as_completion, hack_sources
from verm.corpus import gallery_dir
from verm.perturb import perturb
from verm.pipeline import Scorer
from verm.types import Status, Task

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
N_HONEST = 3

SOURCES = {
    Task.CHART: [gallery_dir("dev") / n for n in ("bars_3d.py", "annotated_heatmap.py", "inset_zoom.py")],
    Task.TABLE: [CORPORA / "tables/md/mmpretrain-configs-glip-readme-t0.md"],
    Task.SVG: [CORPORA / "svg/icons8-flat-color/right_down.svg", CORPORA / "svg/feather/user.svg"],
}


def _fence(task: Task, code: str) -> str:
    return {Task.CHART: f"```python\n{code}\n```", Task.TABLE: f"```markdown\n{code}\n```", Task.SVG: code}[task]


@pytest.mark.parametrize("task", list(Task), ids=lambda t: t.value)
def test_every_hack_ranks_below_every_honest_candidate_under_scene(task: Task) -> None:
    paths = [p for p in SOURCES[task] if p.exists()]
    if not paths:
        pytest.skip(f"no {task.value} sources at {SOURCES[task]}")
    with Scorer(task, judge="scene") as scorer:
        for path in paths:
            ref_source = path.read_text(encoding="utf-8")
            honest = []
            for k in range(N_HONEST):
                result = perturb(task, ref_source, random.Random(f"scene-hacks:{path.name}:{k}"), n_edits=1 + k)
                assert result.edits and result.source != ref_source
                honest.append(_fence(task, result.source))
            hacks = {k: as_completion(task, h) for k, h in hack_sources(task, ref_source, HACK_KINDS[task]).items()}
            rewards = scorer.score_batch([ref_source] * (len(honest) + len(hacks)), [*honest, *hacks.values()])
            honest_r, hack_r = rewards[: len(honest)], dict(zip(hacks, rewards[len(honest) :], strict=True))
            # A perturbation the program cannot run (a perturber's own defect) is no honest attempt: left out.
            scores = [r.score for r in honest_r if r.status is Status.OK and r.score is not None]
            assert scores, [(r.status, r.reason) for r in honest_r]
            floor = min(scores)
            for name, r in hack_r.items():
                assert r.score is not None
                assert r.score < floor, (
                    f"{path.name}: hack {name!r} scored {r.score:.3f} (severity {r.parts.get('total_severity')}, "
                    f"{r.status.value}) but the worst honest candidate scored {floor:.3f}"
                )
