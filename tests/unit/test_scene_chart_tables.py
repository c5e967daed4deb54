"""Scene judge, charts: tables drawn with ``ax.table`` are compared: their cells' texts, a table dropped (missing
content, and no cheap win for a policy that leaves it out), and their box moved."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

# Dose-response curves with a table of fitted parameters under the plot.
DOSE = """
import matplotlib.pyplot as plt
import numpy as np
dose = np.logspace(-2, 2, 40)
fig, ax = plt.subplots(figsize=(7, 5))
rows = []
for name, ec50 in (("Drug A", 0.3), ("Drug B", 2.0), ("Drug C", 9.0)):
    ax.plot(dose, 100 / (1 + (dose / ec50) ** 1.2), label=name)
    rows.append([name, f"{ec50:.2f}", "1.20"])
ax.set_xscale("log")
ax.set_ylabel("activity (%)")
ax.legend(loc="upper right")
CELLS
TABLE
fig.subplots_adjust(bottom=0.3)
"""
TABLE = 'ax.table(cellText=rows, colLabels=["compound", "EC50 (uM)", "Hill"], loc="bottom", bbox=BOX)'
BOX = "[0.0, -0.45, 1.0, 0.3]"


def dose(cells: str = "pass", table: str = TABLE, box: str = BOX) -> str:
    return DOSE.replace("CELLS", cells).replace("TABLE", table.replace("BOX", box))


def judge(ref: str, cand: str) -> list[Discrepancy]:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_a_cell_that_reads_otherwise_is_a_text_change() -> None:
    found = judge(dose(), dose(cells='rows[1][0] = "Drug Z"'))
    assert len(found) == 1 and found[0].category == "text_error", found
    assert "'Drug Z'" in found[0].description and "'Drug B'" in found[0].description, found


def test_a_table_left_out_is_missing_content() -> None:
    found = judge(dose(), dose(table="pass"))
    assert [(d.category, d.severity) for d in found] == [("text_error", 3)], found
    assert "table" in found[0].description and "missing" in found[0].description, found


def test_a_table_moved_by_its_box_is_a_layout_change() -> None:
    found = judge(dose(), dose(box="[0.1, -0.5, 0.8, 0.3]"))
    assert [(d.category, d.severity) for d in found] == [("data_error", 1)], found
    assert "box" in found[0].description, found


def test_a_row_dropped_from_the_table_is_one_change() -> None:
    found = judge(dose(), dose(cells="rows = rows[:2]"))
    assert len(found) == 1 and found[0].category == "text_error" and "cells are missing" in found[0].description, found
