"""Scene judge, charts: a pie's slice outlines recoloured."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

DONUT = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 5))
ax.pie([30.0, 25.0, 45.0], labels=["A", "B", "C"], wedgeprops=dict(width=0.3, edgecolor="white"))
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "donut": DONUT,
            "dark": DONUT.replace('edgecolor="white"', 'edgecolor="#8b0000"'),
            "faint": DONUT.replace('edgecolor="white"', 'edgecolor="#e2e2e2"'),
        }
    )


def test_slice_outlines_recoloured_are_one_thin_change(charts: dict[str, Rendering]) -> None:
    [d] = SceneJudge().judge(Task.CHART, charts["donut"], charts["dark"]).discrepancies
    assert (d.category, d.severity) == ("style_error", 1), d
    assert "edge colour of the slices" in d.description


def test_a_faint_shade_on_a_thin_outline_does_not_show(charts: dict[str, Rendering]) -> None:
    # White to #e2e2e2 on a one-pixel outline: anti-aliasing leaves less than a visible change.
    assert SceneJudge().judge(Task.CHART, charts["donut"], charts["faint"]).discrepancies == []
