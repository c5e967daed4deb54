"""Scene judge, charts: two panels whose labels traded places and whose data changed, both of them and no other
panel's, were drawn per name from one list of names reordered (a horizon chart's rows, each drawn from its
server's name): one swap, not a data change of each panel as well."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


HORIZON = """
import matplotlib.pyplot as plt
import numpy as np
hours = np.linspace(0, 24, 97)
servers = SERVERS
fig, axes = plt.subplots(len(servers), 1, figsize=(9, 4), sharex=True)
for k, (ax, name) in enumerate(zip(axes, servers)):
    cpu = 40 + 25 * np.sin((hours - 8 - k) / 24 * 2 * np.pi)
    if name == "batch-01":
        cpu = 15 + 70 * ((hours > 1) & (hours < 5))
    ax.fill_between(hours, 0, cpu, color="#6baed6", lw=0)
    ax.set_ylim(0, 100)
    ax.set_yticks([])
    ax.text(-0.2, 50, name, ha="right", va="center", fontsize=9)
"""


def test_panels_drawn_per_name_that_traded_names_are_one_swap() -> None:
    ref = HORIZON.replace("SERVERS", repr(["web-01", "api-01", "db-01", "batch-01"]))
    cand = HORIZON.replace("SERVERS", repr(["web-01", "api-01", "batch-01", "db-01"]))
    found = _judge(ref, cand)
    assert len(found) == 1, found
    assert found[0].category == "text_error" and found[0].severity == 3, found


def test_a_third_panels_data_changed_keeps_the_data_apart() -> None:
    ref = HORIZON.replace("SERVERS", repr(["web-01", "api-01", "db-01", "batch-01"]))
    cand = HORIZON.replace("SERVERS", repr(["web-01", "api-01", "batch-01", "db-01"])).replace(
        "(hours - 8 - k)", "(hours - 8 - k - (k == 0) * 6)"
    )
    found = _judge(ref, cand)
    assert any(d.category == "data_error" for d in found), found
    assert any(d.category == "text_error" and "on the same place" not in d.description for d in found), found
