"""One-to-one matching of predicted to true discrepancies: deterministic rules."""

from __future__ import annotations

import pytest

from verm.bench.match import (
    LlmMatcher,
    Match,
    RuleMatcher,
    box_overlap,
    match_level,
    parse_llm_matches,
)
from verm.errors import InputError
from verm.types import Discrepancy, Task


def d(cat: str, bbox=None, sev: int = 2, loc: str = "", desc: str = "") -> Discrepancy:
    return Discrepancy(category=cat, severity=sev, location=loc, description=desc, bbox=bbox)


A = (0.10, 0.10, 0.30, 0.30)
A_SHIFT = (0.12, 0.12, 0.32, 0.32)
NEAR_A = (0.30, 0.10, 0.50, 0.30)  # shares an edge with A: only touching
FAR = (0.70, 0.70, 0.90, 0.90)

M = RuleMatcher()


def test_same_category_overlapping_boxes_is_yes():
    assert M.match(Task.CHART, [d("data_error", A_SHIFT)], [d("data_error", A)]) == [Match(0, 0, "yes")]


def test_touching_boxes_are_partial_and_far_boxes_do_not_match():
    assert M.match(Task.CHART, [d("data_error", NEAR_A)], [d("data_error", A)]) == [Match(0, 0, "partial")]
    assert M.match(Task.CHART, [d("data_error", FAR)], [d("data_error", A)]) == []


def test_close_categories_match_partially_other_categories_never():
    assert M.match(Task.CHART, [d("text_error", A)], [d("data_error", A)]) == [Match(0, 0, "partial")]
    assert M.match(Task.TABLE, [d("text_error", A)], [d("numeric_error", A)]) == [Match(0, 0, "partial")]
    assert M.match(Task.CHART, [d("style_error", A)], [d("data_error", A)]) == []
    level, _ = match_level(Task.SVG, d("style_error", A), d("text_symbol_error", A))
    assert level is None


def test_no_double_matching():
    # Two predictions on the same true error: one matches, the other is a false positive.
    out = M.match(Task.CHART, [d("data_error", A), d("data_error", A_SHIFT)], [d("data_error", A)])
    assert len(out) == 1 and out[0].true == 0
    assert out[0].pred == 0  # the exact box is the stronger evidence
    # And one prediction never takes two true errors.
    out = M.match(Task.CHART, [d("data_error", A)], [d("data_error", A), d("data_error", A_SHIFT)])
    assert len(out) == 1


def test_assignment_is_global_not_greedy():
    # p0 overlaps both truths; p1 only t0. Greedy p0->t0 would leave p1 unmatched.
    wide = (0.05, 0.05, 0.60, 0.35)
    preds = [d("data_error", wide), d("data_error", A)]
    truth = [d("data_error", A), d("data_error", NEAR_A)]
    out = M.match(Task.CHART, preds, truth)
    assert {(m.pred, m.true) for m in out} == {(0, 1), (1, 0)}
    assert all(m.level == "yes" for m in out)


def test_deterministic():
    preds = [d("data_error", A), d("text_error", A_SHIFT), d("style_error", FAR)]
    truth = [d("data_error", A_SHIFT), d("data_error", A), d("style_error", FAR)]
    runs = {tuple(M.match(Task.CHART, preds, truth)) for _ in range(5)}
    assert len(runs) == 1


def test_text_evidence_without_boxes():
    p = d("text_error", loc="title", desc="the title reads 'Revnue' instead of 'Revenue'")
    t = d("text_error", loc="title", desc="typo in the title")
    assert M.match(Task.CHART, [p], [t]) == [Match(0, 0, "yes")]
    other = d("text_error", loc="legend", desc="legend label changed")
    assert M.match(Task.CHART, [other], [t]) == []


def test_thin_boxes_still_overlap():
    line = (0.2, 0.5, 0.8, 0.5)  # zero height: a horizontal line
    iou, contain = box_overlap(line, (0.3, 0.49, 0.6, 0.51))
    assert iou > 0 and contain > 0.5


def test_parse_llm_answer_keeps_valid_one_to_one_matches():
    raw = """<think>hmm</think>```json
    {"matches": [{"pred_id": 0, "true_id": 1, "match_level": "yes"},
                 {"pred_id": 0, "true_id": 0, "match_level": "yes"},
                 {"pred_id": 1, "gt_id": 0, "match_level": "partial"},
                 {"pred_id": 2, "true_id": 9, "match_level": "yes"},
                 {"pred_id": 3, "true_id": 2, "match_level": "no"}]}
    ```"""
    assert parse_llm_matches(raw, n_pred=4, n_true=3) == [Match(0, 1, "yes"), Match(1, 0, "partial")]
    with pytest.raises(InputError):
        parse_llm_matches("no json here", 1, 1)


def test_llm_matcher_uses_the_completion_function():
    prompts: list[str] = []

    def complete(prompt: str, parse):
        prompts.append(prompt)
        return parse('{"matches": [{"pred_id": 0, "gt_id": 0, "match_level": "partial"}], "unmatched_gt": []}')

    m = LlmMatcher(complete)
    assert m.match(Task.SVG, [d("shape_error", desc="circle too big")], [d("shape_error", desc="radius")]) == [
        Match(0, 0, "partial")
    ]
    assert "circle too big" in prompts[0]
    assert m.match(Task.SVG, [], [d("shape_error")]) == []  # nothing to ask
    assert len(prompts) == 1

    def broken(prompt: str, parse):
        raise OSError("connection refused")

    with pytest.raises(InputError, match="connection refused"):
        LlmMatcher(broken).match(Task.SVG, [d("shape_error")], [d("shape_error")])
