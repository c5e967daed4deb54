"""Scene judge, charts: a straight line whose look changed where nothing shows it (a zero line lying on the
axes' frame, under the bottom spine) is no discrepancy; the same change where the line shows is one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

WATERFALL = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(["Revenue", "Costs", "Net"], [500, -210, 290], bottom=[0, 500, 0], color=["#2b8cbe", "#e34a33", "#31a354"])
ax.axhline(0, color="k", lw=0.8)
ax.axhline(400, color="k", lw=0.8)
ax.set_title("From revenue to net")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "ref": WATERFALL,
            # The zero line lies on the y-axis' lower limit (bars autoscale from 0): the frame is drawn over it.
            "zero_pink": WATERFALL.replace('axhline(0, color="k"', 'axhline(0, color="#ff1493"'),
            "zero_dashed": WATERFALL.replace('axhline(0, color="k", lw=0.8', 'axhline(0, color="k", lw=0.8, ls="-."'),
            "level_pink": WATERFALL.replace('axhline(400, color="k"', 'axhline(400, color="#ff1493"'),
        }
    )


def items(charts: dict[str, Rendering], cand: str) -> list[tuple[str, int]]:
    judgment = SceneJudge().judge(Task.CHART, charts["ref"], charts[cand])
    assert judgment.status.value == "ok", judgment.reason
    return sorted((d.category, d.severity) for d in judgment.discrepancies)


def test_a_line_under_the_frame_changes_no_look(charts: dict[str, Rendering]) -> None:
    assert items(charts, "zero_pink") == []
    assert items(charts, "zero_dashed") == []


def test_a_line_that_shows_is_still_recoloured(charts: dict[str, Rendering]) -> None:
    assert [category for category, _ in items(charts, "level_pink")] == ["style_error"]
