"""Scene judge, charts: collections whose members each wear a colour of a colour map (a beeswarm's rows coloured by
feature value) recoloured alike: one change of every row, graded by the share of the plot it recolours."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

# A SHAP-style beeswarm: one scatter a feature, each point coloured by its feature's value.
BEESWARM = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
vals = rng.uniform(0, 1, (120, 6))
shap = (vals - 0.5) * rng.uniform(0.2, 1.5, 6)
fig, ax = plt.subplots(figsize=(7, 4.5))
for row in range(6):
    s = shap[:, row]
    ax.scatter(s, row + rng.uniform(-0.3, 0.3, s.size), c=COLOUR, cmap=CMAP, s=8, vmin=0, vmax=1, lw=0)
ax.set_yticks(range(6), [f"feature {k}" for k in range(6)])
ax.set_title("Attributions")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "ref": BEESWARM.replace("COLOUR", "vals[:, row]").replace("CMAP", '"coolwarm"'),
            "constant": BEESWARM.replace("COLOUR", '"#bcbd22"').replace("CMAP", '"coolwarm"'),
            "cmap": BEESWARM.replace("COLOUR", "vals[:, row]").replace("CMAP", '"viridis"'),
            "two": BEESWARM.replace("COLOUR", '"#bcbd22" if row < 2 else vals[:, row]').replace("CMAP", '"coolwarm"'),
        }
    )


def test_a_colour_map_replaced_by_one_colour_on_every_row_is_one_change(charts: dict[str, Rendering]) -> None:
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["constant"]).discrepancies
    assert len(found) == 1, found
    assert "every scatter series" in found[0].description and "#bcbd22" in found[0].description, found
    assert found[0].severity == 2, found  # most of the plot recoloured


def test_another_colour_map_on_every_row_is_one_change(charts: dict[str, Rendering]) -> None:
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cmap"]).discrepancies
    assert len(found) == 1 and "every scatter series" in found[0].description, found


def test_two_rows_of_six_recoloured_are_one_change_of_a_smaller_share(charts: dict[str, Rendering]) -> None:
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["two"]).discrepancies
    assert len(found) == 1 and "2 scatter series" in found[0].description, found
    assert found[0].severity == 1, found
