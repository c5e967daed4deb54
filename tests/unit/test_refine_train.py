"""The refine loop's and the training export's pure parts: what the policy is told, how
attempts are ranked, how references are split and read, and the install lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from verm.errors import InputError, MissingDependencyError
from verm.judge.prompts import Prompt
from verm.refine.loop import POLICY_ERROR, Attempt
from verm.refine.prompts import PolicyPrompts, discrepancy_lines, generation_text, revision_text
from verm.train.export import messages_record, sharegpt_record, split_of
from verm.types import Discrepancy, Judgment, Reward, Status, Task

D1 = Discrepancy(category="data_error", severity=2, location="bar 4 (West)", description="The bar is 21, should be 16.")
D2 = Discrepancy(category="text_error", severity=1, description="The title differs.")


def test_the_revision_request_carries_each_outcome() -> None:
    p = PolicyPrompts()
    assert "```python" in generation_text(Task.CHART, p) and "```svg" in generation_text(Task.SVG, p)
    assert discrepancy_lines([D1, D2]) == (
        "1. [data_error, severity 2] bar 4 (West): The bar is 21, should be 16.\n"
        "2. [text_error, severity 1] The title differs."
    )
    found = revision_text(Task.CHART, p, "ok", None, [D1, D2])
    assert "1. [data_error, severity 2]" in found and "```python" in found
    crash = revision_text(Task.CHART, p, "render_error", "NameError: name 'pd' is not defined", [])
    assert "failed to render" in crash and "NameError: name 'pd' is not defined" in crash
    assert "no ```svg code block" in revision_text(Task.SVG, p, "no_code", None, [])
    assert "blank" in revision_text(Task.TABLE, p, "blank", None, [])
    # The ablation: the rendering, not the judge's words.
    blind = revision_text(Task.CHART, p, "ok", None, [D1], feedback=False)
    assert "data_error" not in blind and "Compare it with the reference" in blind


def _attempt(status: str, errors: list[Discrepancy] | None = None, score: float | None = None) -> Attempt:
    judgment = None if errors is None else Judgment(task=Task.CHART, judge="scene", discrepancies=errors)
    reward = Reward(score=score, status=Status(status), judgment=judgment) if status != POLICY_ERROR else None
    return Attempt(sample=0, status=status, reward=reward)


def test_attempts_rank_by_the_judges_verdict_then_the_reward() -> None:
    perfect = _attempt("ok", [], 2.0)
    one = _attempt("ok", [D2], 1.98)
    two = _attempt("ok", [D1, D2], 1.94)
    crashed = _attempt("render_error", None, 0.0)
    silent = _attempt(POLICY_ERROR)
    ranked = sorted([silent, two, crashed, perfect, one], key=Attempt.rank_key)
    assert ranked[:3] == [perfect, one, two] and perfect.perfect and not one.perfect
    assert not crashed.perfect and not silent.perfect
    # Same verdict: the reward breaks the tie.
    assert _attempt("ok", [D1], 1.96).rank_key() < _attempt("ok", [D1], 1.5).rank_key()


def test_split_is_a_function_of_the_reference_alone() -> None:
    splits = [split_of(f"{i:064x}", 0, 0.2) for i in range(2000)]
    assert 0.15 < splits.count("validation") / len(splits) < 0.25
    assert splits == [split_of(f"{i:064x}", 0, 0.2) for i in range(2000)]
    assert all(split_of(f"{i:064x}", 0, 0.0) == "train" for i in range(100))


def test_records_place_the_images_as_the_prompt_says() -> None:
    p = Prompt(version="v", text="<image> is the original, <image> the copy. data_error_count", system="Be exact.")
    m = messages_record(p, '{"errors": []}', ["a.png", "b.png"])
    user = m["messages"][1]["content"]
    assert [x["type"] for x in user] == ["image", "text", "image", "text"] and m["images"] == ["a.png", "b.png"]
    assert m["messages"][0]["content"] == [{"type": "text", "text": "Be exact."}]
    s = sharegpt_record(p, '{"errors": []}', ["a.png", "b.png"])
    assert s["messages"][1]["content"] == p.text and s["messages"][2] == {
        "role": "assistant",
        "content": '{"errors": []}',
    }


def test_refine_references_from_a_jsonl(tmp_path: Path) -> None:
    from verm.refine.batch import load_items

    (tmp_path / "ref.png").write_bytes(b"not checked here")
    rows = [
        {"id": "a", "reference": "ref.png"},
        {"id": "b", "ref_source": "import matplotlib.pyplot as plt\nplt.plot([1, 2])"},
        {"id": "c", "category": "svg", "gt_img_path": "ref.png"},
    ]
    (tmp_path / "refs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    items = load_items("chart", tmp_path / "refs.jsonl")
    assert [i.id for i in items] == ["a", "b"]  # the svg row belongs to another run
    assert items[0].reference == tmp_path / "ref.png" and isinstance(items[1].reference, str)
    (tmp_path / "bad.jsonl").write_text(json.dumps({"id": "x", "reference": "missing.png"}) + "\n")
    with pytest.raises(InputError, match="reference file not found"):
        load_items("chart", tmp_path / "bad.jsonl")


def test_missing_extras_name_their_install_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    from verm.train.sft import _require

    monkeypatch.setitem(sys.modules, "trl", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'verm\[train\]'"):
        _require()
    monkeypatch.setitem(sys.modules, "httpx", None)
    for name in ("verm.refine.policy", "verm.judge.vlm", "verm.judge.chat"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(MissingDependencyError, match=r"pip install 'verm\[refine\]'"):
        import verm.refine.policy  # noqa: F401
