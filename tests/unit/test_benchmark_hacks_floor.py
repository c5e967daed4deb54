"""`benchmarks/hacks.py`: honest candidates that show no data are set aside as floors, the strict count keeps them."""

from __future__ import annotations

import io

from benchmarks.hacks import _draws_the_reference, tally, truth_hidden_share
from PIL import Image

from verm.types import Discrepancy, Rendering, Status, Task


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


def test_a_hack_that_drew_the_reference_unchanged_is_not_counted() -> None:
    """A red-team kind with nothing of its kind to change (lines rewritten on a pie) is the reference, not a hack."""
    rows = [
        {"ref": 0, "kind": "honest", "score": 1.9, "status": "ok", "no_data": False},
        {"ref": 0, "kind": "random values", "score": 2.0, "status": "ok", "reason": "", "unchanged": True},
        {"ref": 0, "kind": "clipped off axes", "score": 1.95, "status": "ok", "reason": "", "unchanged": False},
    ]
    result = {"task": "chart", "references": ["pie.py"], "kinds": ["random values", "clipped off axes"]}
    table = tally({**result, "judges": {"scene": rows}})["scene"]
    assert table["random values"] | {"examples": []} == {
        "wins": 0,
        "strict_wins": 0,
        "n": 0,
        "failed": 0,
        "unchanged": 1,
        "examples": [],
    }
    assert table["clipped off axes"]["wins"] == 1 and table["clipped off axes"]["n"] == 1


def _rendering(pixels: list[tuple[int, int, int]], status: Status = Status.OK) -> Rendering:
    img = Image.new("RGB", (len(pixels), 1))
    img.putdata(pixels)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return Rendering(task=Task.CHART, status=status, png=buf.getvalue())


def test_only_the_reference_s_very_pixels_count_as_unchanged() -> None:
    ref = _rendering([(255, 255, 255), (31, 119, 180)])
    assert _draws_the_reference(ref, _rendering([(255, 255, 255), (31, 119, 180)]))
    assert not _draws_the_reference(ref, _rendering([(255, 255, 255), (31, 119, 181)]))
    assert not _draws_the_reference(ref, _rendering([(255, 255, 255)] * 3))
    assert not _draws_the_reference(ref, Rendering(task=Task.CHART, status=Status.RENDER_ERROR, reason="SyntaxError"))
