from __future__ import annotations

import pickle

import pytest

from verm.errors import ContractError
from verm.reward import Outcome, RewardShaping
from verm.types import Discrepancy, Judgment, Status, Task


def _j(*sevs: int, cat: str = "data_error") -> Judgment:
    return Judgment(task=Task.CHART, judge="t", discrepancies=[Discrepancy(category=cat, severity=s) for s in sevs])


@pytest.mark.parametrize("status", [Status.NO_CODE, Status.RENDER_ERROR, Status.BLANK])
def test_failures_are_zero(status):
    r = RewardShaping().shape(Outcome(status, reason="why"))
    assert r.score == 0.0 and r.status is status and r.reason == "why"


@pytest.mark.parametrize(("sevs", "expected"), [((), 2.0), ((3, 2), 1.9), ((3,) * 17, 1.0), ((3,) * 30, 1.0)])
def test_default_rule(sevs, expected):
    r = RewardShaping().shape(Outcome(Status.OK, _j(*sevs)))
    assert r.score == pytest.approx(expected)
    assert r.parts["total_severity"] == sum(sevs)


def test_judge_error_is_never_a_good_score():
    j = Judgment(task=Task.CHART, judge="vlm", status=Status.JUDGE_ERROR, reason="unparseable")
    r = RewardShaping().shape(Outcome(Status.JUDGE_ERROR, j))
    assert r.score is None and r.status is Status.JUDGE_ERROR and "unparseable" in r.reason
    assert RewardShaping(judge_error_score=0.5).shape(Outcome(Status.JUDGE_ERROR, j)).score == 0.5


def test_batch_max_divides_by_the_largest_sum():
    outs = [Outcome(Status.OK, _j(2)), Outcome(Status.OK, _j(3, 1)), Outcome(Status.RENDER_ERROR)]
    rs = RewardShaping(rule="batch_max").shape_batch(outs)
    assert [r.score for r in rs] == pytest.approx([1.5, 1.0, 0.0])


def test_signed_normalised_and_weights():
    assert RewardShaping(rule="signed").shape(Outcome(Status.OK, _j(2, 3))).score == -5
    assert RewardShaping(rule="signed").shape(Outcome(Status.BLANK)).score == -50
    assert RewardShaping(rule="normalised").shape(Outcome(Status.OK, _j())).score == 1.0
    w = RewardShaping(category_weights={"style_error": 0.5})
    assert w.shape(Outcome(Status.OK, _j(2, cat="style_error"))).parts["total_severity"] == 1.0


def test_bad_options_fail_clearly_and_shaping_pickles():
    with pytest.raises(ContractError, match="unknown reward rule"):
        RewardShaping(rule="linear")  # type: ignore[arg-type]
    s = RewardShaping(rule="normalised", category_weights={"text_error": 2.0})
    assert pickle.loads(pickle.dumps(s)) == s


def test_similarity_only_judgments_use_similarity_as_quality():
    j = Judgment(task=Task.CHART, judge="ssim", similarity=0.25)
    assert RewardShaping().shape(Outcome(Status.OK, j)).score == pytest.approx(1.25)
    assert RewardShaping(rule="normalised").shape(Outcome(Status.OK, j)).score == pytest.approx(0.625)
    assert RewardShaping(rule="signed").shape(Outcome(Status.OK, j)).score == pytest.approx(-37.5)


# -- presets and infra_error -------------------------------------------------------------------


def _judgment(sev: list[int], status=None, unparseable=False):
    from verm.types import Discrepancy, Judgment, Status, Task

    ds = [Discrepancy(category="data_error", severity=s) for s in sev]
    return Judgment(task=Task.CHART, judge="t", discrepancies=ds, status=status or Status.OK, unparseable=unparseable)


def test_visual_erm_preset_reproduces_the_reference_code() -> None:
    from verm.reward import Outcome, RewardShaping
    from verm.types import Status

    s = RewardShaping.preset("visual-erm")
    assert s.shape(Outcome(Status.OK, judgment=_judgment([3, 2]))).score == 1 + (1 - 5 / 50)
    assert s.shape(Outcome(Status.OK, judgment=_judgment([3] * 20))).score == 1.0  # clipped at 1
    for failure in (Status.NO_CODE, Status.RENDER_ERROR, Status.BLANK):
        assert s.shape(Outcome(failure)).score == 0.0
    bad = _judgment([], Status.JUDGE_ERROR, unparseable=True)
    r = s.shape(Outcome(Status.JUDGE_ERROR, judgment=bad))
    assert r.score == 1.5 and r.status is Status.JUDGE_ERROR and r.parts["total_severity"] == 25
    # Other judge failures and the default preset keep None: a failed judge is never a made-up score.
    assert s.shape(Outcome(Status.JUDGE_ERROR, judgment=_judgment([], Status.JUDGE_ERROR))).score is None
    assert RewardShaping.preset("default").shape(Outcome(Status.JUDGE_ERROR, judgment=bad)).score is None


def test_visual_erm_table_preset() -> None:
    from verm.reward import Outcome, RewardShaping
    from verm.types import Status

    s = RewardShaping.preset("visual-erm-table")
    assert s.shape(Outcome(Status.OK, judgment=_judgment([3, 2, 1]))).score == -6
    for failure in (Status.NO_CODE, Status.RENDER_ERROR, Status.BLANK):
        assert s.shape(Outcome(failure)).score == -4.0
    assert s.shape(Outcome(Status.JUDGE_ERROR, judgment=_judgment([], Status.JUDGE_ERROR, True))).score == -4.0
    assert s.bounds == (-50.0, 0.0) and s.unit_score(-4.0) == 46 / 50


def test_infra_error_is_never_the_policys_fault() -> None:
    import pytest

    from verm.errors import ContractError
    from verm.reward import Outcome, RewardShaping
    from verm.types import Status

    for name in ("default", "visual-erm", "visual-erm-table"):
        r = RewardShaping.preset(name).shape(Outcome(Status.INFRA_ERROR, reason="browser died twice"))
        assert r.score is None and r.status is Status.INFRA_ERROR
    judged = Outcome(Status.INFRA_ERROR, judgment=_judgment([], Status.INFRA_ERROR))
    assert RewardShaping(infra_error_score=1.0).shape(judged).score == 1.0
    with pytest.raises(ContractError, match="visual-erm"):
        RewardShaping.preset("nope")
