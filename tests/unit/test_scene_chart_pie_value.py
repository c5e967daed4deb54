"""Scene judge, charts: one slice's value changed is one change, whatever it does to the shares' order.

Round 19's generator bench (seed 547, READ after its measurement): a three-slice donut whose smallest value
became its largest turned every share's rank; read by shares as a pie "drawn anew in no order of the
reference's", it cost eight severe "shows none of what it should" items (1.48) and every hack, random noise
too, scored above it. The slices whose values did not change keep one ratio between them: the changed
values are counted, not the shares."""

from __future__ import annotations

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

DONUT = """
import matplotlib.pyplot as plt
shares = {shares}
fig, ax = plt.subplots(figsize=(6, 6), layout="constrained")
ax.pie(shares, colors=plt.cm.Paired.colors[:3], labels=["South", "West", "Central"], autopct="%1.1f%%",
       pctdistance=0.85, startangle=90, wedgeprops={{"width": 0.45}})
ax.set_title("Region share")
"""


@pytest.fixture(scope="module")
def charts() -> dict[str, Rendering]:
    return render_charts(
        {
            "ref": DONUT.format(shares=[27.7, 21.7, 32.0]),
            "one": DONUT.format(shares=[27.7, 38.4, 32.0]),  # the smallest made the largest: every rank turns
            "anew": DONUT.format(shares=[12.0, 31.0, 9.5]),  # every value made up, in another order
        }
    )


def test_one_slice_value_changed_is_one_item(charts: dict[str, Rendering]) -> None:
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["one"]).discrepancies
    assert len(found) == 1, found
    assert "slice 2 ('West')" in found[0].description
    assert found[0].severity <= 2


def test_every_value_made_up_in_another_order_shows_none_of_the_data(charts: dict[str, Rendering]) -> None:
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["anew"]).discrepancies
    assert sum(d.severity for d in found) >= 9, found
