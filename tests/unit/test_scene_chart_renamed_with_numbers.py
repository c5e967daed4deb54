"""Scene judge, charts: a name renamed in the list every label draws from ('depth [m]' -> 'depth [ft]'), printed
too in a title beside a statistic of data that changed ('depth [m] = 50.3'): the title's words changed by the
same renaming (its numbers follow the data), so it joins the labels' one item."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

SOUNDINGS = """
import matplotlib.pyplot as plt
import numpy as np
vals = np.random.default_rng(2).normal(50, 8, 300) * SCALE
names = ["NAME", "count"]
fig, (a1, a2) = plt.subplots(1, 2, figsize=(8, 3.5))
a1.hist(vals, bins=20, color="#4c72b0")
a1.set_xlabel(names[0])
a1.set_ylabel(names[1])
a1.set_title(f"{names[0]} = {vals.mean():.1f}")
a2.plot(vals[:60], vals[60:120], "o", color="#dd8452")
a2.set_xlabel(names[0])
a2.set_ylabel(names[0])
"""


def _judge(name: str, scale: str) -> list[Discrepancy]:
    ref = SOUNDINGS.replace("NAME", "depth [m]").replace("SCALE", "1.0")
    cand = SOUNDINGS.replace("NAME", name).replace("SCALE", scale)
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_a_title_renamed_with_the_labels_is_their_one_item() -> None:
    found = _judge("depth [ft]", "1.1")
    texts = [d for d in found if d.category == "text_error"]
    assert len(texts) == 1, found
    assert any(d.category == "data_error" for d in found), found


def test_nothing_changed_is_no_change() -> None:
    found = _judge("depth [m]", "1.0")
    assert found == [], found
