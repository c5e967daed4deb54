"""Scene judge, charts: what an axis change moves or hides is that change. A legend at one loc that stands as
far from the point its loc names as before moved only with its axes' box (an equal-aspect plot shrunk by a
wider range): no legend change; one moved off that point (``bbox_to_anchor``) still is. A series gone whose
every value along an axis turned log is 0 or less is hidden by the log axis whether drawn or not: one place
with the axis change."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


CIRCLE = """
import matplotlib.pyplot as plt
import numpy as np
t = np.linspace(0, 2 * np.pi, 100)
fig, ax = plt.subplots(figsize=(8, 5))
ax.plot(np.cos(t), np.sin(t), color="#1f4e79", label="unit circle")
ax.plot([-1], [0], "r+", ms=12, label="critical point")
ax.set_aspect("equal")
ax.legend(LEGEND)
LIMS
"""


def test_a_legend_kept_at_its_loc_moves_with_its_axes_box() -> None:
    ref = CIRCLE.replace("LEGEND", 'loc="upper right"').replace("LIMS", "ax.set_ylim(-1.5, 1.5)")
    found = _judge(ref, CIRCLE.replace("LEGEND", 'loc="upper right"').replace("LIMS", "ax.set_ylim(-20, 20)"))
    assert [d.category for d in found] == ["data_error"], found
    anchored = 'loc="upper right", bbox_to_anchor=(0.6, 0.6)'
    found = _judge(ref, CIRCLE.replace("LEGEND", anchored).replace("LIMS", "ax.set_ylim(-20, 20)"))
    assert any("legend" in d.description for d in found), found


NYQUIST = """
import matplotlib.pyplot as plt
import numpy as np
w = np.logspace(-1, 2, 200)
L = 4 / ((1j * w + 1) ** 3)
fig, ax = plt.subplots(figsize=(6, 6))
ax.plot(L.real, L.imag, color="#1f4e79", lw=2, label="L(jw)")
ax.plot(L.real, -L.imag, color="#1f4e79", lw=1, ls="--", label="mirror")
ax.plot([-1], [0], "r+", ms=12, label="critical point")
SEGMENT
ax.set_aspect("equal")
ax.legend(loc="upper right", fontsize=8)
SCALE
"""


def test_a_segment_below_zero_gone_under_an_axis_turned_log_is_one_change_with_it() -> None:
    segment = 'ax.plot([0, 1.2], [0, -1.4], color="#548235", lw=1)'
    ref = NYQUIST.replace("SEGMENT", segment).replace("SCALE", "")
    found = _judge(ref, NYQUIST.replace("SEGMENT", "").replace("SCALE", 'ax.set_yscale("log")'))
    assert len(found) == 1, found


def test_the_log_rule_reads_a_bar_place_as_one_value() -> None:
    """A bar's place is one number, a line's a list: the log rule reads both (a bar series gone beside an axis
    turned log raised TypeError, and the pair failed to judge, on a fresh generator chart)."""
    from types import SimpleNamespace

    from verm.judge.scene.chart.grade import _hidden_by_log
    from verm.judge.scene.findings import Finding, Unit

    axis = Finding(
        "structure_error", 2, "plot y-axis", "the y-axis scale is log", unit=Unit("y-axis scale", "linear", "log")
    )
    axis.tags["axes"] = "plot"

    def gone(items: list[dict]) -> Finding:
        f = Finding("data_error", 3, "plot bars", "series 'Actual' is missing")
        f.tags.update(missing=True, axes="plot", drawn=[(SimpleNamespace(items=items), None)])
        return f

    assert not _hidden_by_log(gone([{"x": 0.0, "y": 104.0}, {"x": 1.0, "y": 121.0}]), axis)
    assert _hidden_by_log(gone([{"x": 0.0, "y": -3.0}, {"x": 1.0, "y": 0.0}]), axis)
    assert _hidden_by_log(gone([{"x": [0.0, 1.2], "y": [0.0, -1.4]}]), axis)
