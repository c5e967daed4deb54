"""Scene judge, charts: on a log axis a value reads in decades, so a change of a small value is compared with
the value itself, not with the axis' span in data units (its largest value's)."""

from __future__ import annotations

from verm.judge.scene import SceneJudge
from verm.types import Task


def scene(fast: list[float]) -> dict:
    n = [100.0, 1e3, 1e4, 1e5, 1e6]
    slow = [v**2 * 1e-8 for v in n]  # up to 1e4: the y-axis spans about 1e4 in data units
    lines = [{"label": label, "color": colour, "linestyle": "-", "linewidth": 1.5, "marker": "nothing",
              "markersize": 6.0, "bbox": [0.1, 0.1, 0.9, 0.9], "x": n, "y": y}
             for label, colour, y in (("slow", "#1f77b4", slow), ("fast", "#ff7f0e", fast))]  # fmt: skip
    ax = {"bbox": [0.1, 0.1, 0.9, 0.9], "xlim": [50.0, 2e6], "ylim": [2e-5, 3e4], "xscale": "log",
          "yscale": "log", "texts": [], "lines": lines, "title": {"center": {"text": "Sorting"}}}  # fmt: skip
    return {"axes": [ax], "texts": [], "legends": []}


def test_a_small_value_changed_on_a_log_axis_is_found() -> None:
    fast = [5e-5, 5e-4, 5e-3, 5e-2, 5e-1]
    moved = [5e-5, 5e-4, 8.8e-3, 5e-2, 5e-1]  # a quarter of a decade: it shows
    found = SceneJudge().compare(Task.CHART, scene(fast), scene(moved))
    assert [d.category for d in found] == ["data_error"]
    assert "0.0088" in found[0].description
