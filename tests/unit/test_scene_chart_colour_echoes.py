"""Scene judge, charts: texts and annotation arrows drawn in a series' colour follow it when it is recoloured
(one colour variable, one change); recoloured on their own, their change is told; texts recoloured alike in
several panels are one change."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

ANNOTATED = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(10)
LINE, NOTE = COLOURS
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(x, x ** 1.5, color=LINE, label="throughput")
ax.plot(x, 2 * x, color="0.4", label="baseline")
ax.set_ylim(0, 60)
ax.annotate("peak 28.5", xy=(1, 52), xytext=(3, 55), color=NOTE, arrowprops={"arrowstyle": "->", "color": NOTE})
ax.text(0.5, 45, "measured", color=NOTE)
ax.legend()
"""


def _judge(ref: tuple[str, str], cand: tuple[str, str]) -> list:
    charts = render_charts(
        {"ref": ANNOTATED.replace("COLOURS", repr(ref)), "cand": ANNOTATED.replace("COLOURS", repr(cand))}
    )
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_annotations_in_the_line_colour_follow_it() -> None:
    found = _judge(("#fc8d62", "#fc8d62"), ("#8b0000", "#8b0000"))
    assert len(found) == 1 and "#8b0000" in found[0].description, found


def test_annotations_recoloured_on_their_own_stay_a_change() -> None:
    found = _judge(("#fc8d62", "#fc8d62"), ("#8b0000", "#1b9e77"))
    assert any("#1b9e77" in d.description for d in found), found


PANELS = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(2)
fig, axes = plt.subplots(1, 2, figsize=(8, 4))
for k, ax in enumerate(axes):
    ax.imshow(rng.random((20, 20)), cmap="gray")
    ax.text(2, 3, f"field {k + 1}", color=NOTE)
    ax.text(2, 17, "10 µm", color=NOTE)
"""


def test_texts_recoloured_alike_in_every_panel_are_one_change() -> None:
    charts = render_charts({"ref": PANELS.replace("NOTE", '"#ffffff"'), "cand": PANELS.replace("NOTE", '"#e377c2"')})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "#e377c2" in found[0].description, found
    assert "the texts in 2 places" in found[0].description, found


PEAKS = """
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0, 30, 300)
y = np.sin(x / 3) * 5 + x / 4
fig, ax = plt.subplots(figsize=(8, 4))
ax.plot(x, y, color="#268bd2")
for k in (45, 140, 235):
    ax.annotate(f"{y[k]:.1f}", xy=(x[k], y[k]), xytext=(x[k] + 2, y[k] + 3),
                arrowprops=dict(arrowstyle="->", color=ARROW))
"""


def test_arrows_recoloured_alike_are_one_change_worded_as_arrows() -> None:
    charts = render_charts({"ref": PEAKS.replace("ARROW", '"#dc322f"'), "cand": PEAKS.replace("ARROW", '"#2aa198"')})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "the annotation arrows in 3 places" in found[0].description, found
