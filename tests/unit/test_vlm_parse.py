"""The judge-answer parser: what models really write, and what must stay an error."""

from __future__ import annotations

import json
import logging

import pytest

from verm.judge.parse import JudgmentParseError, parse_answer, parse_judgment
from verm.types import Judgment, Status

GOOD = {
    "structure_error_count": 0,
    "data_error_count": 1,
    "text_error_count": 1,
    "style_error_count": 0,
    "errors": [
        {"category": "data_error", "severity": 2, "location": "bar 'South'", "description": "Bar is too short."},
        {"category": "text_error", "severity": 1, "location": "title", "description": "Title says 'Annual'."},
    ],
}
GOOD_TEXT = json.dumps(GOOD, indent=2)


def _summary(j: Judgment) -> list[tuple[str, int, str]]:
    return [(d.category, d.severity, d.location) for d in j.discrepancies]


EXPECTED = [("data_error", 2, "bar 'South'"), ("text_error", 1, "title")]


def test_plain_json() -> None:
    j = parse_judgment(GOOD_TEXT, "chart", "vlm")
    assert j.status is Status.OK and j.judge == "vlm"
    assert _summary(j) == EXPECTED
    assert j.raw == GOOD_TEXT


@pytest.mark.parametrize(
    "text",
    [
        f"```json\n{GOOD_TEXT}\n```",
        f"```\n{GOOD_TEXT}\n```",
        f"```JSON {GOOD_TEXT}```",
        f"Here is my analysis:\n```json\n{GOOD_TEXT}\n```\nLet me know if you need more.",
        f"```json\n{GOOD_TEXT}",  # a fence that never closes
    ],
    ids=["json-fence", "bare-fence", "inline-fence", "fence-with-prose", "unclosed-fence"],
)
def test_code_fences(text: str) -> None:
    assert _summary(parse_judgment(text, "chart", "vlm")) == EXPECTED


@pytest.mark.parametrize(
    "text",
    [
        f'<think>The bars differ... maybe {{"errors": []}}?</think>\n{GOOD_TEXT}',
        f"<think>\nLet me compare.\n</think>\n\n```json\n{GOOD_TEXT}\n```",
        f"The template opened the block. Bars differ.</think>{GOOD_TEXT}",
        f"<THINK>upper case</THINK>{GOOD_TEXT}",
    ],
    ids=["think", "think-then-fence", "lone-close", "upper"],
)
def test_think_tags(text: str) -> None:
    assert _summary(parse_judgment(text, "chart", "vlm")) == EXPECTED


def test_text_around_json() -> None:
    text = f"Sure! Comparing the two charts, I found: {GOOD_TEXT} That's all, it's a close match."
    assert _summary(parse_judgment(text, "chart", "vlm")) == EXPECTED


def test_last_object_with_errors_wins() -> None:
    draft = json.dumps({"errors": [{"category": "style_error", "severity": 3, "location": "x", "description": "d"}]})
    text = f"Draft: {draft}\nOn reflection, final answer:\n{GOOD_TEXT}"
    assert _summary(parse_judgment(text, "chart", "vlm")) == EXPECTED


def test_trailing_commas() -> None:
    text = (
        '{"data_error_count": 1, "errors": [{"category": "data_error", "severity": 2, '
        '"location": "a, b", "description": "x,}",},],}'
    )
    j = parse_judgment(text, "chart", "vlm")
    assert _summary(j) == [("data_error", 2, "a, b")]
    assert j.discrepancies[0].description == "x,}"  # a comma inside a string is left alone


def test_python_literal() -> None:
    text = "{'errors': [{'category': 'style_error', 'severity': 1, 'location': 'legend', 'description': None}]}"
    j = parse_judgment(text, "chart", "vlm")
    assert _summary(j) == [("style_error", 1, "legend")] and j.discrepancies[0].description == ""


def test_type_key_and_loose_category_names() -> None:
    text = json.dumps(
        {
            "layout_error_count": 1,
            "errors": [
                {"type": "layout_error", "severity": 2, "description": "row 3 missing"},
                {"type": "Numeric", "severity": "3", "description": "12.5 read as 125"},
                {"category": "text errors", "severity": "minor", "description": "typo"},
            ],
        }
    )
    j = parse_judgment(text, "table", "vlm")
    assert [(d.category, d.severity) for d in j.discrepancies] == [
        ("layout_error", 2),
        ("numeric_error", 3),
        ("text_error", 1),
    ]
    assert j.discrepancies[0].location == ""  # the paper's table schema has no location


def test_counts_that_disagree_with_the_list(caplog: pytest.LogCaptureFixture) -> None:
    payload = dict(GOOD, data_error_count=3, style_error_count=2)
    with caplog.at_level(logging.INFO, logger="verm.judge.parse"):
        parsed = parse_answer(json.dumps(payload), "chart", "vlm")
    assert parsed.judgment.counts() == {"structure_error": 0, "data_error": 1, "text_error": 1, "style_error": 0}
    assert parsed.count_mismatch == {"data_error": (3, 1), "style_error": (2, 0)}
    assert "counts disagree" in caplog.text


def test_bare_list_and_empty_answers() -> None:
    j = parse_judgment(json.dumps(GOOD["errors"]), "chart", "vlm")
    assert _summary(j) == EXPECTED
    assert parse_judgment('{"errors": []}', "chart", "vlm").discrepancies == []
    assert parse_judgment('{"errors": null}', "chart", "vlm").discrepancies == []
    zero = {"structure_error_count": 0, "shape_error_count": 0, "style_error_count": 0, "text_symbol_error_count": 0}
    assert parse_judgment(json.dumps(zero), "svg", "vlm").discrepancies == []


def test_invalid_bbox_is_dropped_not_fatal() -> None:
    text = json.dumps(
        {
            "errors": [
                {"category": "shape_error", "severity": 2, "location": "eye", "description": "d", "bbox": [2, 0, 1, 1]}
            ]
        }
    )
    j = parse_judgment(text, "svg", "vlm")
    assert j.discrepancies[0].bbox is None
    ok = json.dumps({"errors": [dict(json.loads(text)["errors"][0], bbox=[0.1, 0.2, 0.3, 0.4])]})
    assert parse_judgment(ok, "svg", "vlm").discrepancies[0].bbox == (0.1, 0.2, 0.3, 0.4)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty answer"),
        ("   \n", "empty answer"),
        (None, "empty answer"),
        ("The two charts look identical to me.", "no JSON object"),
        ("<think>Let me look at the bars. The first one", "inside a <think> block"),
        ('{"data_error_count": 1, "errors": [{"category": "data_error", "sev', "cut off"),
        ('{"verdict": "fine"}', "no object with an 'errors' list"),
        ('{"data_error_count": 2}', "non-zero counts but no 'errors' list"),
        ('{"errors": "none"}', "'errors' must be a list"),
        ('{"errors": [{"category": "shape_error", "severity": 2}]}', "is not a chart category"),
        ('{"errors": [{"category": "data_error", "severity": 5}]}', "errors[0]"),
        ('{"errors": [{"category": "data_error"}]}', "missing 'severity'"),
        ('{"errors": [{"severity": 1}]}', "missing 'category'"),
        ('{"errors": ["bars wrong"]}', "expected an object"),
    ],
)
def test_garbage_is_an_error_with_a_reason(text: str | None, reason: str) -> None:
    with pytest.raises(JudgmentParseError) as info:
        parse_judgment(text, "chart", "vlm")
    assert reason in info.value.reason
    assert info.value.raw == text  # the raw answer travels with the error


def test_parse_error_is_a_contract_error() -> None:
    from verm.errors import ContractError

    assert issubclass(JudgmentParseError, ContractError)
