"""Scene judge, charts: what one edit moves elsewhere is that edit. A secondary axis (``secondary_yaxis`` with
functions) follows its parent's range: one range change, not two. Two value labels that traded names while
their numbers followed changed data ('Mon 40.5 kWh' and 'Sun 39.2 kWh' -> 'Sun 87.4 kWh' and 'Mon 84.8 kWh')
are one swap. A series drawn as another kind whose legend entry moved to another row (a legend lists lines
before bars) moved every entry between: one place with a series added whose entry lies among them."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


POWER = """
import matplotlib.pyplot as plt
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
fig, ax = plt.subplots(figsize=(8, 4))
ax.bar(months, [610, 640, 620, 700, 720, 760], color="#3d5a80")
limit = 1100.0
ax.axhline(limit, color="#c1121f", ls="--")
ax.set_ylim(0, TOP)
sec = ax.secondary_yaxis("right", functions=(lambda e: e / limit * 100, lambda p: p * limit / 100))
sec.set_ylabel("% of connection limit")
ax.set_ylabel("Energy (MWh)")
"""


def test_a_secondary_axis_follows_its_parents_range() -> None:
    found = _judge(POWER.replace("TOP", "1200"), POWER.replace("TOP", "1920"))
    assert len(found) == 1, found
    assert found[0].category == "data_error" and "range" in found[0].description, found


SOLAR = """
import matplotlib.pyplot as plt
import numpy as np
days = np.arange(7)
kwh = np.array([40.5, 55.1, 61.0, 48.2, 52.7, 60.3, 39.2]) * SCALE
names = NAMES
fig, ax = plt.subplots(figsize=(8, 4))
ax.plot(days, kwh, color="#f4a261")
for d, v, n in zip(days, kwh, names):
    if n in ("Mon", "Sun"):
        ax.text(d, 125, f"{n} {v:.1f} kWh", ha="center")
ax.set_ylim(0, 140)
"""


def test_value_labels_that_traded_names_while_the_data_changed_are_one_swap() -> None:
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    swapped = ["Sun", "Tue", "Wed", "Thu", "Fri", "Sat", "Mon"]
    ref = SOLAR.replace("SCALE", "1.0").replace("NAMES", repr(names))
    found = _judge(ref, SOLAR.replace("SCALE", "2.16").replace("NAMES", repr(swapped)))
    texts = [d for d in found if d.category == "text_error"]
    assert len(texts) == 1 and texts[0].severity == 3, found


TESTS = """
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(-4, 6.5, 400)
def pdf(x, mu):
    return np.exp(-0.5 * (x - mu) ** 2) / np.sqrt(2 * np.pi)
fig, ax = plt.subplots(figsize=(9, 4.6))
NULL
ax.plot(x, pdf(x, 2.5), color="#8e44ad", lw=2, ls="--", label="H1")
EXTRA
ax.fill_between(x, pdf(x, 2.5), where=x >= 1.96, color="#8e44ad", alpha=0.18, label="power")
ax.legend(loc="upper left")
"""


def test_a_retyped_series_whose_entry_moved_is_one_place_with_a_series_added_among_the_entries() -> None:
    ref = TESTS.replace("NULL", 'ax.plot(x, pdf(x, 0), color="#2c3e50", lw=2, label="H0")').replace("EXTRA", "")
    cand = TESTS.replace("NULL", 'ax.bar(x, pdf(x, 0), color="#2c3e50", label="H0")').replace(
        "EXTRA", 'ax.plot(x, pdf(x, 5.5) * 0.3, lw=2, ls="--", color="#17becf", label="Projected")'
    )
    found = _judge(ref, cand)
    assert len(found) == 1, found
    assert found[0].category == "structure_error" and found[0].severity == 3, found
