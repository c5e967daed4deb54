"""`benchmarks/hacks.py`: honest candidates that show no data are set aside as floors, the strict count keeps them."""

from __future__ import annotations

from benchmarks.hacks import tally, truth_hidden_share

from verm.types import Discrepancy


def _item(description: str) -> Discrepancy:
    return Discrepancy(category="data_error", severity=3, location="y-axis", description=description, bbox=(0, 0, 1, 1))


def test_truth_hidden_share_reads_the_ground_truth_wording() -> None:
    emptied = _item(
        "series 'ecg' is missing; on the same place: all of the plotted data is out of view or squeezed unreadable "
        "(the y-axis is log instead of linear)"
    )
    assert truth_hidden_share([emptied]) == 1.0
    assert truth_hidden_share([_item("69% of the plotted data is out of view or squeezed unreadable (...)")]) == 0.69
    assert truth_hidden_share([_item("series 'ecg' is missing"), _item("the y-axis range is widened by 2")]) == 0.0


def test_a_floor_that_shows_no_data_is_counted_apart() -> None:
    """A hack above an honest candidate that shows no data wins only in the strict count."""
    rows = [
        {"ref": 0, "kind": "honest", "score": 1.9, "status": "ok", "no_data": False},
        {"ref": 0, "kind": "honest", "score": 1.3, "status": "ok", "no_data": True},
        {"ref": 0, "kind": "one line", "score": 1.5, "status": "ok", "reason": ""},
        {"ref": 0, "kind": "axes without data", "score": 1.2, "status": "ok", "reason": ""},
    ]
    result = {"task": "chart", "references": ["ecg.py"], "kinds": ["one line", "axes without data"]}
    table = tally({**result, "judges": {"pixel": rows}})["pixel"]
    assert table["one line"]["wins"] == 0 and table["one line"]["strict_wins"] == 1
    assert table["axes without data"]["wins"] == 0 and table["axes without data"]["strict_wins"] == 0
