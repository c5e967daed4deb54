"""Scene judge, charts: numbers gone where other numbers came are labels that changed, not texts missing."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

# Equipotentials labelled in place: the labels print the levels, so levels scaled reprint every label, at
# other places on other lines (the y-axis turned log too, so no mark reads as moved).
CONTOURS = """
import matplotlib.pyplot as plt
import numpy as np
x, y = np.meshgrid(np.linspace(-2, 2, 60), np.linspace(0.1, 4, 60))
phi = 1 / np.hypot(x - 0.6, y - 2) - 1 / np.hypot(x + 0.6, y - 2)
levels = np.array([-4, -2, -1, -0.5, -0.25, 0.25, 0.5, 1, 2, 4]) * FACTOR
fig, ax = plt.subplots(figsize=(6, 5))
cs = ax.contour(x, y, phi, levels=levels, colors="k", linewidths=0.8)
LABELS
ax.set_title("Dipole equipotentials")
ax.set_yscale(YSCALE)
"""


def _source(scale: str, labels: bool = True, yscale: str = "linear") -> str:
    shown = 'ax.clabel(cs, fmt="%.3g", fontsize=8)' if labels else "pass"
    return CONTOURS.replace("FACTOR", scale).replace("LABELS", shown).replace("YSCALE", repr(yscale))


def test_contour_labels_reprinted_at_other_places_are_one_change_not_texts_missing() -> None:
    charts = render_charts({"ref": _source("1"), "cand": _source("2.5", yscale="log")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert not [d for d in found if "missing" in d.description or "should not be there" in d.description], found
    assert len([d for d in found if "value labels differ" in d.description]) == 1, found


def test_labels_dropped_without_others_in_their_place_stay_missing() -> None:
    charts = render_charts({"ref": _source("1"), "cand": _source("1", labels=False, yscale="log")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert any("texts are missing" in d.description for d in found), found
