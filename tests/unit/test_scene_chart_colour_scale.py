"""Scene judge, charts: mapped values all scaled alike show only on the colour bar's scale."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

MAPPED = """
import matplotlib.pyplot as plt
size = [3.1, 4.2, 2.8, 4.0, 3.0, 2.5, 4.3, 1.1, 3.4, 4.5]
mpg = [26.7, 24.0, 31.9, 18.8, 27.9, 30.0, 22.1, 39.8, 33.2, 15.6]
weight = [3.6, 3.2, 5.2, 9.1, 1.7, 4.9, 7.9, 3.3, 7.7, 2.4]
fig, ax = plt.subplots(figsize=(5, 3.5))
sc = ax.scatter(size, mpg, c=weight, cmap="Greens", s=50)
fig.colorbar(sc, ax=ax, label="Weight kg")
"""


def test_mapped_values_scaled_alike_read_off_the_colour_scale() -> None:
    charts = render_charts(
        {
            "ref": MAPPED,
            # Every point keeps its colour (the scale follows the data); the colour bar's ticks read 1.75 times
            # the values.
            "scaled": MAPPED.replace("c=weight", "c=[w * 1.75 for w in weight]"),
            "slightly": MAPPED.replace("c=weight", "c=[w * 0.95 for w in weight]"),
            "recoloured": MAPPED.replace('"Greens"', '"Blues"').replace("c=weight", "c=[w * 1.75 for w in weight]"),
        }
    )
    [d] = SceneJudge().judge(Task.CHART, charts["ref"], charts["scaled"]).discrepancies
    assert (d.category, d.severity) == ("data_error", 3), d
    assert "colour scale" in d.description
    # 5 % of the scale: a value read off it moves by under 15 % of the span.
    [d] = SceneJudge().judge(Task.CHART, charts["ref"], charts["slightly"]).discrepancies
    assert (d.category, d.severity) == ("data_error", 2), d
    # Colours that changed where they are drawn are the change; the scale is not read apart.
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["recoloured"]).discrepancies
    assert not any("colour scale" in d.description for d in found), found
