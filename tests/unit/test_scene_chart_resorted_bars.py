"""Scene judge, charts: bars sorted by value on both sides (a Pareto chart) whose categories changed order while
the data changed were re-sorted with the data: the tick labels follow the values (on a twin axes' line too),
no labels that traded places. Labels that traded places over unchanged data are still a swap."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


PARETO = """
import matplotlib.pyplot as plt
import numpy as np
causes = CAUSES
counts = np.array(COUNTS)
order = np.argsort(counts)[::-1]
counts = counts[order]
causes = [causes[i] for i in order]
cum = np.cumsum(counts) / counts.sum() * 100
fig, ax = plt.subplots(figsize=(9, 4.5))
ax.bar(causes, counts, color="#c0392b")
ax2 = ax.twinx()
ax2.plot(causes, cum, color="#2c3e50", marker="D")
ax2.set_ylim(0, 105)
"""
NAMES = ["Solder bridge", "Missing part", "Misaligned", "Cold joint", "Wrong polarity", "Scratched", "Other"]


def test_bars_re_sorted_by_a_changed_value_are_no_label_swap() -> None:
    ref = PARETO.replace("CAUSES", repr(NAMES)).replace("COUNTS", "[212, 148, 97, 61, 38, 24, 9]")
    cand = PARETO.replace("CAUSES", repr(NAMES)).replace("COUNTS", "[212, 148, 97, 61, 38, 47, 9]")
    found = _judge(ref, cand)
    assert not any(d.category == "text_error" for d in found), found
    assert any(d.category == "data_error" for d in found), found


def test_labels_swapped_over_unchanged_sorted_bars_are_still_a_swap() -> None:
    ref = PARETO.replace("CAUSES", repr(NAMES)).replace("COUNTS", "[212, 148, 97, 61, 38, 24, 9]")
    swapped = [*NAMES[:4], NAMES[5], NAMES[4], NAMES[6]]
    cand = PARETO.replace("CAUSES", repr(swapped)).replace("COUNTS", "[212, 148, 97, 61, 38, 24, 9]")
    found = _judge(ref, cand)
    assert [(d.category, d.severity) for d in found] == [("text_error", 3)], found


GROUPED = """
import matplotlib.pyplot as plt
import numpy as np
segments = SEGMENTS
x = np.arange(3)
fig, ax = plt.subplots(figsize=(7, 4))
ax.bar(x - 0.25, [31.2, 24.5, 22.1], 0.25, label="Model A")
ax.bar(x, [18.0, 21.3, 25.6], 0.25, label="Model B")
ax.bar(x + 0.25, C, 0.25, label="Model C")
ax.set_xticks(x)
ax.set_xticklabels(segments)
ax.legend()
"""


def test_grouped_bars_with_a_sorted_series_keep_a_label_swap() -> None:
    ref = GROUPED.replace("SEGMENTS", repr(["Corporate", "Government", "Education"])).replace(
        "C,", "[27.5, 26.4, 29.7],"
    )
    cand = GROUPED.replace("SEGMENTS", repr(["Corporate", "Education", "Government"])).replace(
        "C,", "[28.4, 27.2, 30.7],"
    )
    found = _judge(ref, cand)
    assert any(d.category == "text_error" and d.severity == 3 for d in found), found
