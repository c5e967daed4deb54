"""The cascade: scene where both sources exist, pixel otherwise, and the reason says what was skipped."""

from __future__ import annotations

from tests.judge_contract import check_judge_contract

from verm.judge import get_judge
from verm.judge.cascade import CascadeJudge, auto_judge
from verm.render.svg import SvgOptions, prepare_svg, render_svg_png, svg_scene
from verm.types import Judgment, Rendering, Status, Task

ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
    '<rect x="10" y="10" width="60" height="60" fill="{fill}"/>'
    '<circle cx="70" cy="70" r="20" fill="#2ca02c"/></svg>'
)


def svg(fill: str, with_scene: bool = True) -> Rendering:
    """An icon rendered on the host (the renderer's pure functions); without a scene it is a PNG-only reference."""
    options = SvgOptions()
    text = prepare_svg(ICON.format(fill=fill), options)
    png = render_svg_png(text, options)
    if not with_scene:
        return Rendering(task=Task.SVG, png=png)
    return Rendering(task=Task.SVG, png=png, scene=svg_scene(text, (options.width, options.height)), source=text)


def check(judgment: Judgment, task: Task) -> None:
    """The judge contract (tests/judge_contract.py) for a cascade's judgment, which names the answering judge."""
    assert judgment.judge == "cascade" or judgment.judge in ("cascade:scene", "cascade:pixel")
    assert judgment.task is task and judgment.status in (Status.OK, Status.JUDGE_ERROR)
    if judgment.status is Status.JUDGE_ERROR:
        assert judgment.reason and judgment.discrepancies == []
    for d in judgment.discrepancies:
        d.check_task(task)
        assert d.location.strip() and d.description.strip()
    again = Judgment.from_paper(judgment.to_paper(), task)
    assert again.total_severity == judgment.total_severity


def test_inner_judges_keep_the_contract() -> None:
    cascade = auto_judge()
    for judge in cascade.judges:
        check_judge_contract(judge, Task.SVG, svg("#1f77b4"), svg("#d62728"))


def test_auto_is_the_default_cascade() -> None:
    judge = get_judge("auto")
    assert isinstance(judge, CascadeJudge)
    assert [j.name for j in judge.judges] == ["scene", "pixel"]
    assert isinstance(get_judge("cascade"), CascadeJudge)
    assert [j.name for j in auto_judge(judges=("pixel",)).judges] == ["pixel"]


def test_both_sources_scene_answers() -> None:
    judgment = auto_judge().judge(Task.SVG, svg("#1f77b4"), svg("#d62728"))
    check(judgment, Task.SVG)
    assert judgment.judge == "cascade:scene"
    assert judgment.status is Status.OK and judgment.reason is None
    [d] = judgment.discrepancies
    assert d.category == "style_error" and "#d62728" in d.description


def test_png_only_reference_falls_back_to_pixel_with_the_reason() -> None:
    judgment = auto_judge().judge(Task.SVG, svg("#1f77b4", with_scene=False), svg("#d62728"))
    check(judgment, Task.SVG)
    assert judgment.judge == "cascade:pixel"
    assert judgment.status is Status.OK
    assert judgment.reason is not None and judgment.reason.startswith("skipped scene:")
    assert "reference" in judgment.reason and "image" in judgment.reason
    assert judgment.discrepancies  # the pixel judge sees the recoloured square


def test_judge_many_keeps_batches_per_answering_judge() -> None:
    pairs = [
        (svg("#1f77b4"), svg("#d62728")),
        (svg("#1f77b4", with_scene=False), svg("#d62728")),
        (svg("#1f77b4"), svg("#1f77b4")),
    ]
    judgments = auto_judge().judge_many(Task.SVG, pairs)
    assert [j.judge for j in judgments] == ["cascade:scene", "cascade:pixel", "cascade:scene"]
    assert judgments[2].discrepancies == []
    for j in judgments:
        check(j, Task.SVG)


def test_no_judge_can_answer_is_a_judge_error() -> None:
    judgment = CascadeJudge(("scene",)).judge(Task.SVG, svg("#1f77b4", with_scene=False), svg("#d62728"))
    check(judgment, Task.SVG)
    assert judgment.status is Status.JUDGE_ERROR and judgment.discrepancies == []
    assert judgment.reason is not None and "scene:" in judgment.reason
