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

import pytest
from tests.corpora import CORPORA

from verm.bench.hacks import HACK_KINDS, as_completion, hack_sources
from verm.corpus import gallery_dir
from verm.perturb import perturb
from verm.pipeline import Scorer
from verm.types import Status, Task

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


SALES = """import numpy as np
import matplotlib.pyplot as plt
x = np.arange(8)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(x, [3, 5, 4, 6, 8, 7, 9, 10], color="tab:blue", label="north", marker="o")
ax.plot(x, [2, 3, 3, 4, 5, 5, 6, 7], color="tab:orange", label="south", marker="o")
ax.plot(x, [1, 1, 2, 2, 2, 3, 3, 4], color="tab:green", label="west", marker="o")
ax.set_title("Sales by region")
ax.set_xlabel("quarter")
ax.set_ylabel("units")
ax.legend()
"""
SALES_HONEST = {
    "one value": SALES.replace("[3, 5, 4, 6, 8, 7, 9, 10]", "[3, 5, 4, 6, 8, 7, 9, 14]"),
    "a series dropped": SALES.replace(
        'ax.plot(x, [1, 1, 2, 2, 2, 3, 3, 4], color="tab:green", label="west", marker="o")\n', ""
    ),
}
# The reference's code with its data flattened to zero, or drawn anew as bars of other values: every
# artist, title and legend kept, none of the data.
SALES_HACKS = {
    "data flattened": SALES.replace("[3, 5, 4, 6, 8, 7, 9, 10]", "[0] * 8")
    .replace("[2, 3, 3, 4, 5, 5, 6, 7]", "[0] * 8")
    .replace("[1, 1, 2, 2, 2, 3, 3, 4]", "[0] * 8"),
    "bars of other values": SALES.replace('ax.plot(x, [3, 5, 4, 6, 8, 7, 9, 10], color="tab:blue", label="north", marker="o")',
                                          'ax.bar(x - 0.25, [9, 1, 9, 1, 9, 1, 9, 1], 0.25, color="tab:blue", label="north")')
    .replace('ax.plot(x, [2, 3, 3, 4, 5, 5, 6, 7], color="tab:orange", label="south", marker="o")',
             'ax.bar(x, [1, 9, 1, 9, 1, 9, 1, 9], 0.25, color="tab:orange", label="south")')
    .replace('ax.plot(x, [1, 1, 2, 2, 2, 3, 3, 4], color="tab:green", label="west", marker="o")',
             'ax.bar(x + 0.25, [5] * 8, 0.25, color="tab:green", label="west")'),
}  # fmt: skip


@pytest.mark.parametrize("judge", ["scene", "auto"])
def test_data_flattened_or_drawn_anew_rank_below_honest_edits(judge: str) -> None:
    """A series whose values are all flattened (scaled by 0) or drawn anew without the reference's order
    shows none of its data: with every series so, the data are gone, and the cost piles up like missing
    series; it is no one "scaled" or "retyped" change that ties a one-value edit."""
    sources = {**SALES_HONEST, **SALES_HACKS}
    with Scorer(Task.CHART, judge=judge) as scorer:
        rewards = dict(
            zip(sources, scorer.score_batch([SALES] * len(sources), [as_completion(Task.CHART, s) for s in sources.values()]), strict=True)
        )  # fmt: skip
    assert all(rewards[k].status is Status.OK for k in sources), {k: rewards[k].reason for k in sources}
    floor = min(rewards[k].score for k in SALES_HONEST)  # type: ignore[type-var]
    for kind in SALES_HACKS:
        r = rewards[kind]
        assert r.score is not None and r.score < floor, (kind, r.score, floor, r.parts.get("total_severity"))


# One chart of each kind whose data the "flattened data" hack sets to their mean (`verm.bench.hacks`): its
# look, axes and texts are the reference's; its bars, slices, fills, violins or cells show none of its data.
FLATTENED = {
    "grouped bars": """import numpy as np
import matplotlib.pyplot as plt
x = np.arange(5)
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(x - 0.25, [12, 30, 22, 8, 17], 0.25, label="2022")
ax.bar(x, [15, 26, 28, 11, 14], 0.25, label="2023")
ax.bar(x + 0.25, [9, 33, 19, 16, 21], 0.25, label="2024")
ax.set_xticks(x, ["north", "south", "east", "west", "centre"])
ax.set_title("Orders by region")
ax.legend()
""",
    "pie": """import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 5))
ax.pie([45, 25, 15, 10, 5], labels=["rent", "food", "travel", "books", "other"], autopct="%1.0f%%")
ax.set_title("Monthly spending")
""",
    "area under a line": """import numpy as np
import matplotlib.pyplot as plt
x = np.arange(24)
y = 20 + 10 * np.sin(x / 4) + x
fig, ax = plt.subplots(figsize=(6, 4))
ax.fill_between(x, y, alpha=0.4)
ax.plot(x, y)
ax.set_xlabel("hour")
ax.set_ylabel("load (MW)")
ax.set_title("Load over a day")
""",
    "violins": """import numpy as np
import matplotlib.pyplot as plt
rng = np.random.default_rng(3)
fig, ax = plt.subplots(figsize=(6, 4))
ax.violinplot([rng.normal(m, s, 200) for m, s in ((10, 2), (14, 4), (8, 1))], showmedians=True)
ax.set_xticks([1, 2, 3], ["A", "B", "C"])
ax.set_ylabel("time (s)")
""",
    "heatmap": """import numpy as np
import matplotlib.pyplot as plt
rng = np.random.default_rng(5)
fig, ax = plt.subplots(figsize=(6, 4))
im = ax.imshow(rng.random((6, 8)) * 100, cmap="viridis")
fig.colorbar(im, ax=ax, label="errors")
ax.set_title("Errors by day and hour")
""",
}


@pytest.mark.parametrize("judge", ["scene", "auto"])
@pytest.mark.parametrize("name", list(FLATTENED))
def test_data_flattened_to_their_mean_rank_below_honest_edits(name: str, judge: str) -> None:
    """Bars of one height, slices of one share, a fill or violin collapsed to a line, cells of one colour:
    each shows none of its data, so the cost piles up as if the data were missing."""
    ref = FLATTENED[name]
    honest = [perturb(Task.CHART, ref, random.Random(f"flattened:{name}:{k}"), n_edits=1 + k).source for k in range(3)]
    hack = hack_sources(Task.CHART, ref, ["flattened data"])["flattened data"]
    with Scorer(Task.CHART, judge=judge) as scorer:
        rewards = scorer.score_batch([ref] * 4, [as_completion(Task.CHART, s) for s in [*honest, hack]])
    scores = [r.score for r in rewards[:3] if r.status is Status.OK and r.score is not None]
    assert scores, [(r.status, r.reason) for r in rewards[:3]]
    assert rewards[3].score is not None and rewards[3].score < min(scores), (
        rewards[3].score, scores, [d.description for d in rewards[3].judgment.discrepancies] if rewards[3].judgment else None
    )  # fmt: skip
