"""Golden cases for the benchmark metrics: pooled P/R/F1 (hard and soft), Pearson,
Spearman and ranking accuracy, each computed by hand on tiny fixed inputs."""

from __future__ import annotations

import math

import pytest
from scipy.stats import spearmanr

from verm.bench.match import Match
from verm.bench.metrics import (
    Counts,
    Ranked,
    pair_counts,
    pearson,
    pooled,
    prf,
    ranking_accuracy,
    reward_figures,
    severity_figures,
    spearman,
)
from verm.types import CATEGORIES, Discrepancy, Task

CATS = CATEGORIES[Task.CHART]


def d(cat: str, sev: int) -> Discrepancy:
    return Discrepancy(category=cat, severity=sev, location="x", description="y")


@pytest.fixture
def three_pairs():
    # Pair 1: one yes (data), one partial (text pred vs data truth), one FP (style), one FN (structure).
    p1 = pair_counts(
        CATS,
        [d("data_error", 2), d("text_error", 1), d("style_error", 3)],
        [d("data_error", 2), d("data_error", 1), d("structure_error", 3)],
        [Match(0, 0, "yes"), Match(1, 1, "partial")],
    )
    # Pair 2: a missed text error. Pair 3: a false style error.
    p2 = pair_counts(CATS, [], [d("text_error", 1)], [])
    p3 = pair_counts(CATS, [d("style_error", 1)], [], [])
    return [p1, p2, p3]


def test_pair_counts_follow_the_paper(three_pairs):
    p1 = three_pairs[0]
    # A partial match is a soft half TP and neither FP nor FN.
    assert (p1.overall.tp_hard, p1.overall.tp_soft, p1.overall.fp, p1.overall.fn) == (1, 1.5, 1, 1)
    # TP and FP go to the predicted category, FN to the true category.
    assert p1.by_category["text_error"].tp_soft == 0.5
    assert p1.by_category["data_error"].fn == 0
    assert p1.by_category["structure_error"].fn == 1
    assert p1.total_pred == 6 and p1.total_true == 6


def test_pooled_prf_hard_and_soft(three_pairs):
    out = pooled(three_pairs, CATS)
    o = out["overall"]
    assert (o["tp_hard"], o["tp_soft"], o["fp"], o["fn"]) == (1, 1.5, 2, 2)
    assert o["precision_hard"] == pytest.approx(1 / 3)
    assert o["recall_hard"] == pytest.approx(1 / 3)
    assert o["f1_hard"] == pytest.approx(1 / 3)
    assert o["precision_soft"] == pytest.approx(3 / 7)
    assert o["recall_soft"] == pytest.approx(3 / 7)
    assert o["f1_soft"] == pytest.approx(3 / 7)
    # Pooled, never averaged: the per-pair hard F1s are 0.5, 0, 0 (mean 1/6).
    per_pair = [prf(p.overall.tp_hard, p.overall.fp, p.overall.fn)[2] for p in three_pairs]
    assert per_pair == [0.5, 0.0, 0.0]
    assert o["f1_hard"] != pytest.approx(sum(per_pair) / 3)

    text = out["by_category"]["text_error"]
    assert (text["tp_hard"], text["tp_soft"], text["fp"], text["fn"]) == (0, 0.5, 0, 1)
    assert text["f1_hard"] == 0.0
    assert text["precision_soft"] == pytest.approx(1.0)
    assert text["recall_soft"] == pytest.approx(1 / 3)
    assert text["f1_soft"] == pytest.approx(0.5)
    assert out["by_category"]["style_error"]["fp"] == 2
    assert out["by_category"]["style_error"]["f1_hard"] == 0.0
    assert out["by_category"]["data_error"]["f1_hard"] == 1.0


def test_nothing_to_count_is_none():
    assert Counts().scores() == {
        "precision_hard": None, "recall_hard": None, "f1_hard": None,
        "precision_soft": None, "recall_soft": None, "f1_soft": None,
    }  # fmt: skip


def test_pearson_golden():
    # mean x 2.5, mean y 5; cov 11, var x 5, var y 26 -> 11 / sqrt(130)
    assert pearson([1, 2, 3, 4], [2, 4, 5, 9]) == pytest.approx(11 / math.sqrt(130))
    assert pearson([1, 2, 3], [5, 5, 5]) is None
    assert pearson([1], [2]) is None


def test_severity_figures(three_pairs):
    sev = severity_figures(three_pairs, CATS)
    # totals pred (6, 0, 1) vs true (6, 1, 0)
    assert sev["pearson_total_severity"] == pytest.approx(pearson([6, 0, 1], [6, 1, 0]))
    assert sev["pearson_by_category"]["structure_error"] is None  # predicted side constant (0)


def test_spearman_golden_with_ties():
    # ranks x (1, 2.5, 2.5, 4), ranks y (4, 3, 2, 1): cov -4.5, var 4.5 and 5 -> -4.5 / sqrt(22.5)
    xs, ys = [1.0, 2.0, 2.0, 3.0], [4.0, 3.0, 2.0, 1.0]
    assert spearman(xs, ys) == pytest.approx(-4.5 / math.sqrt(22.5))
    assert spearman(xs, ys) == pytest.approx(spearmanr(xs, ys).statistic)


def test_ranking_accuracy_golden():
    items = [
        Ranked("g1", 1.9, 1), Ranked("g1", 1.8, 3),  # right: 1
        Ranked("g2", 1.5, 2), Ranked("g2", 1.5, 4),  # reward tie: 0.5
        Ranked("g3", 1.2, 1), Ranked("g3", 1.7, 5), Ranked("g3", None, 3),  # wrong 0, None 0.5, None 0.5
        Ranked("g4", 1.0, 2), Ranked("g4", 2.0, 2),  # equal truth: not counted
        Ranked("g5", 1.0, 1),  # alone
    ]  # fmt: skip
    res = ranking_accuracy(items)
    assert (res.n_pairs, res.n_groups, res.credit) == (5, 3, 2.5)
    assert res.accuracy == pytest.approx(0.5)
    fig = reward_figures(items)
    assert fig["n_rewarded"] == 9
    assert fig["ranking_accuracy"] == pytest.approx(0.5)
    scored = [it for it in items if it.reward is not None]
    assert fig["spearman_reward_severity"] == pytest.approx(
        spearmanr([i.reward for i in scored], [i.severity for i in scored]).statistic
    )


def test_ranking_with_no_pairs_is_none():
    assert ranking_accuracy([Ranked("a", 1.0, 1)]).accuracy is None
