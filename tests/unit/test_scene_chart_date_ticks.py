"""Scene judge, charts: tick labels a date locator placed (dates with a year, each at its date along the axis)
follow the limits and the data as numeric ticks do; with neither moved, the locator's dates were edited
(``MonthLocator(bymonth=...)``): one data change of 1, not a text change of every label. Dates that traded
places, or a typo in one, are no locator's: still text changes."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.judge.scene.text import date_ticks
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


TIMELINE = """
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
dates = np.array(["2019-03-14", "2019-11-02", "2020-06-20", "2021-02-11", "2021-09-30", "2022-05-18", "2023-01-09"],
                 dtype="datetime64[D]")
fig, ax = plt.subplots(figsize=(9, 3))
ax.stem(dates, [1, -1, 1, -1, 1, -1, 1], basefmt="k-")
ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=MONTH))
ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
ax.set_title("Mission timeline")
"""


def test_a_date_locator_edited_is_one_data_change_not_a_text_change() -> None:
    found = _judge(TIMELINE.replace("MONTH", "1"), TIMELINE.replace("MONTH", "3"))
    assert len(found) == 1, found
    assert found[0].category == "data_error" and found[0].severity == 1, found


FIXED = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(8, 3))
ax.plot([0, 1, 2, 3, 4], [3, 1, 4, 1, 5])
ax.set_xticks([0, 1, 2, 3, 4])
ax.set_xticklabels(LABELS)
"""


def test_dates_that_traded_places_or_a_typo_stay_text_changes() -> None:
    months = ["Jan 2020", "Feb 2020", "Mar 2020", "Apr 2020", "May 2020"]
    swapped = ["Jan 2020", "Mar 2020", "Feb 2020", "Apr 2020", "May 2020"]
    typo = ["Jan 2020", "Feb 2020", "Mra 2020", "Apr 2020", "May 2020"]
    ref = FIXED.replace("LABELS", repr(months))
    found = _judge(ref, FIXED.replace("LABELS", repr(swapped)))
    assert [(d.category, d.severity) for d in found] == [("text_error", 3)], found
    found = _judge(ref, FIXED.replace("LABELS", repr(typo)))
    assert [(d.category, d.severity) for d in found] == [("text_error", 1)], found


def _ticks(labels: list[str], places: list[float]) -> list[dict]:
    return [{"text": t, "bbox": [p - 0.02, 0.9, p + 0.02, 0.95]} for t, p in zip(labels, places, strict=True)]


def test_date_ticks_read_dates_at_their_places() -> None:
    assert date_ticks(_ticks(["Jan 2019", "Jan 2020", "Jan 2021"], [0.1, 0.4, 0.7]), "x")
    # Uneven months stand at their dates (a locator's bymonth=(1, 5, 7)).
    assert date_ticks(_ticks(["Jan 2019", "May 2019", "Jul 2019"], [0.1, 0.1 + 0.6 * 120 / 181, 0.7]), "x")
    assert not date_ticks(_ticks(["Jan 2019", "Jan 2021", "Jan 2020"], [0.1, 0.4, 0.7]), "x")  # traded places
    assert not date_ticks(_ticks(["Mon", "Tue", "Wed"], [0.1, 0.4, 0.7]), "x")  # no year: categories
