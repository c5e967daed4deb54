"""Scene judge, charts: a secondary axis' range follows its parent's, which follows the data: values that changed
are one item, not another for the secondary axis' range."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

# An Arrhenius plot: ln k against 1000 / T, the temperature in °C on a secondary axis on top.
ARRHENIUS = """
import matplotlib.pyplot as plt
import numpy as np
T = np.array(TEMPS, dtype=float)
x = 1000 / T
y = np.log(1.2e7) - 48e3 / (8.314 * T)
fig, ax = plt.subplots(figsize=(7, 5))
ax.plot(x, y, "o", label="Pt")
ax.plot(x, y, color="C0", lw=1)
ax.set_xlabel("1000 / T")
top = ax.secondary_xaxis("top", functions=(lambda v: 1000 / v - 273.15, lambda c: 1000 / (c + 273.15)))
top.set_xlabel("Temperature (°C)")
"""


def test_a_secondary_axis_over_values_that_changed_follows_them() -> None:
    charts = render_charts(
        {
            "ref": ARRHENIUS.replace("TEMPS", "[298, 313, 328, 343, 358, 373, 393, 413]"),
            "cand": ARRHENIUS.replace("TEMPS", "[379, 398, 417, 436, 455, 474, 500, 525]"),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert found and not any("subplot 2" in d.location for d in found), found
    assert len(found) == 1, found
