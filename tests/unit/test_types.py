from __future__ import annotations

import json

import pytest

from verm.errors import ContractError
from verm.types import CATEGORIES, Discrepancy, Judgment, Rendering, Reward, Status, Task


def test_paper_json_round_trip_writes_counts_and_category():
    j = Judgment(
        task=Task.CHART,
        judge="t",
        discrepancies=[
            Discrepancy(
                category="text_error", severity=2, location="title", description="d", bbox=(0.1, 0.0, 0.9, 0.1)
            ),
            Discrepancy(category="data_error", severity=3, location="bar 2"),
        ],
    )
    out = j.to_paper()
    assert out["text_error_count"] == 1 and out["data_error_count"] == 1 and out["style_error_count"] == 0
    assert [e["category"] for e in out["errors"]] == ["text_error", "data_error"]
    back = Judgment.from_paper(json.loads(json.dumps(out)), "chart")
    assert back.discrepancies == j.discrepancies
    assert back.total_severity == 5


def test_table_type_key_is_read_as_category():
    j = Judgment.from_paper({"errors": [{"type": "numeric_error", "severity": "2", "location": "row 3"}]}, "table")
    assert j.discrepancies[0].category == "numeric_error"
    assert j.discrepancies[0].severity == 2


@pytest.mark.parametrize(
    ("error", "message"),
    [
        ({"category": "shape_error", "severity": 1}, "not a chart category"),
        ({"category": "text_error", "severity": 4}, "less than or equal to 3"),
        ({"category": "text_error", "severity": 0}, "greater than or equal to 1"),
        ({"category": "text_error", "severity": 1.5}, "severity"),
        ({"category": "text_error", "severity": 1, "bbox": [0.1, 0.1, 1.2, 0.5]}, "in [0, 1]"),
        ({"category": "text_error", "severity": 1, "bbox": [0.5, 0.1, 0.2, 0.5]}, "x0 <= x1"),
        ({"severity": 1}, "missing 'category'"),
    ],
)
def test_invalid_errors_are_rejected_with_where_and_what(error, message):
    with pytest.raises(ContractError) as exc:
        Judgment.from_paper({"errors": [{"location": "x"}, error][1:]}, "chart")
    assert "errors[0]" in str(exc.value)
    assert message in str(exc.value)


def test_unknown_task_lists_tasks():
    with pytest.raises(ContractError, match="chart, table, svg"):
        Task.parse("video")


def test_judgment_rejects_categories_of_another_task():
    with pytest.raises(ValueError, match="layout_error"):  # pydantic wraps it in a ValidationError
        Judgment(task=Task.SVG, judge="x", discrepancies=[Discrepancy(category="layout_error", severity=1)])


def test_every_task_has_its_paper_categories():
    assert CATEGORIES[Task.TABLE] == ("layout_error", "text_error", "numeric_error")
    assert "text_symbol_error" in CATEGORIES[Task.SVG]


def test_rendering_and_reward_serialise():
    r = Rendering(task=Task.SVG, png=b"\x89PNG-bytes", scene={"a": 1})
    back = Rendering.model_validate_json(r.model_dump_json())
    assert back.png == r.png and back.scene == {"a": 1}
    j = Judgment(task=Task.SVG, judge="x", discrepancies=[Discrepancy(category="style_error", severity=1)])
    rw = Reward(score=1.98, status=Status.OK, parts={"render": 1.0}, judgment=j)
    d = rw.to_json_dict()
    assert d["judgment"]["style_error_count"] == 1 and d["status"] == "ok"
    assert Reward.model_validate_json(rw.model_dump_json()).judgment == j
