"""Scene judge, charts: a series drawn as another kind (a curve drawn as bars) with a copy of it added over it
(smaller bars in front): each change's painting holds the other's marks, so the copy hides the retyped bars and
their footprints meet only at a rim; the marks each draws alone lie on one another, one place: one item."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

REF = """
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0, 10, 60)
rate = 20 * np.exp(-((x - 4) ** 2) / 6)
fig, ax = plt.subplots(figsize=(6, 4))
ax.hist(np.random.default_rng(3).normal(4, 1.7, 500), bins=20, color="#c9a227", edgecolor="k")
ax.plot(x, rate * 3.4, "k-", lw=1.2)
ax.set_xlabel("size (um)")
ax.set_ylabel("count")
"""
CAND = REF.replace(
    'ax.plot(x, rate * 3.4, "k-", lw=1.2)',
    'ax.bar(x, rate * 3.4)\nax.bar(x, rate * 3.4 * 0.6, color="#e377c2")',
)


def _judge(cand: str) -> list[Discrepancy]:
    charts = render_charts({"ref": REF, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_a_copy_added_over_a_retyped_series_is_one_item() -> None:
    found = _judge(CAND)
    assert len(found) == 1 and found[0].category == "structure_error", found
