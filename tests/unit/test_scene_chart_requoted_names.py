"""Scene judge, charts: series named by the numbers of a list that changed ('10 nm', '20 nm' -> '20 nm', '41 nm':
the names print a size list drawn anew) keep their turn, not their names (a name the new list happens to repeat
pairs nothing), and the legend entries that quote those numbers in their turn follow the data."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

SPECTRA = """
import matplotlib.pyplot as plt
import numpy as np
wl = np.linspace(400, 800, 200)
sizes = [SIZES]
cmap = plt.get_cmap("viridis")
fig, ax = plt.subplots(figsize=(6, 4))
for k, d in enumerate(sizes):
    peak = 520 + 0.002 * d ** 2
    curve = (1 - 0.05 * k) * np.exp(-(((wl - peak) / (40 + 0.4 * d)) ** 2))
    ax.plot(wl, curve, color=cmap(k / len(sizes)), label=f"{d} nm")
ax.set_xlabel("Wavelength (nm)")
ax.set_ylabel("Absorbance")
ax.legend(title="size")
"""


def _judge(sizes: str) -> list[Discrepancy]:
    charts = render_charts(
        {"ref": SPECTRA.replace("SIZES", "10, 20, 40, 60, 80"), "cand": SPECTRA.replace("SIZES", sizes)}
    )
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_a_size_list_changed_is_one_data_change() -> None:
    found = _judge("20, 41, 82, 123, 163")
    assert len(found) == 1 and found[0].category == "data_error", found
    assert "colour" not in found[0].description, found


def test_names_reordered_are_still_read() -> None:
    # The same names in another order (the curves kept theirs): the legend says so.
    found = _judge("20, 10, 40, 60, 80")
    assert found, found
