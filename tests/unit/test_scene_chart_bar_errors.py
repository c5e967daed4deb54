"""Scene judge, charts: error bars a bar call drew (``yerr=``) go with its bars when the bars are drawn as
another kind, dropped or added (ground truth grades the edit of the call: one item)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

BARS = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(["a", "b", "c", "d"], [655.6, 391.4, 463.4, 710.5], yerr=[43.5, 90.0, 86.5, 90.2], capsize=6,
       color="goldenrod", ecolor="gray", label="means")
ax.plot(["a", "b", "c", "d"], [500.0, 450.0, 480.0, 520.0], color="#4c72b0", label="target")
ax.legend(loc="upper left")
"""
BAR_CALL = """ax.bar(["a", "b", "c", "d"], [655.6, 391.4, 463.4, 710.5], yerr=[43.5, 90.0, 86.5, 90.2], capsize=6,
       color="goldenrod", ecolor="gray", label="means")
"""

ALONE = (
    "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(6, 4))\n"
    + BAR_CALL
    + "ax.set_title('Units sold')\n"
)


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    sources = {
        "bars": BARS,
        # The bar call drawn as a line (its error bars go: a plot call takes no yerr).
        "retyped": BARS.replace(
            BAR_CALL, 'ax.plot(["a", "b", "c", "d"], [655.6, 391.4, 463.4, 710.5], color="goldenrod", label="means")\n'
        ),
        # The bar call dropped: its bars and their error bars.
        "dropped": BARS.replace(BAR_CALL, ""),
        # Bars with their error bars alone, and the plot left empty: all of its data gone.
        "bars_alone": ALONE,
        "empty": ALONE.replace(BAR_CALL, ""),
        # The bar call copied: the copy's error bars come with it.
        "copied": BARS
        + BAR_CALL.replace("[655.6, 391.4, 463.4, 710.5]", "[400.0, 300.0, 350.0, 420.0]")
        .replace('"goldenrod"', '"#2ca02c"')
        .replace('"means"', '"copy"'),
    }
    yield render_charts(sources)


def items(charts: dict[str, Rendering], ref: str, cand: str) -> list[tuple[str, int]]:
    judgment = SceneJudge().judge(Task.CHART, charts[ref], charts[cand])
    assert judgment.status.value == "ok", judgment.reason
    return sorted((d.category, d.severity) for d in judgment.discrepancies)


def test_error_bars_of_bars_drawn_as_a_line_go_with_the_new_kind(charts: dict[str, Rendering]) -> None:
    assert items(charts, "bars", "retyped") == [("structure_error", 3)]


def test_error_bars_of_dropped_bars_are_part_of_the_series_gone(charts: dict[str, Rendering]) -> None:
    assert items(charts, "bars", "dropped") == [("data_error", 3)]


def test_error_bars_of_added_bars_come_with_them(charts: dict[str, Rendering]) -> None:
    assert items(charts, "bars", "copied") == [("data_error", 3)]


def test_error_bars_gone_with_their_bars_are_no_series_to_dilute_what_is_missing(charts: dict[str, Rendering]) -> None:
    # The plot left empty: all of its data is missing, the items pile up (error bars are part of the bars' series,
    # not a series of their own that would halve the share gone).
    assert len(items(charts, "bars_alone", "empty")) >= 6
