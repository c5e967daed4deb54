"""OpenRLHF's protocol as pure functions: cutting the response, reading labels, never a null."""

from __future__ import annotations

import base64
import json

import pytest

from verm.errors import InputError
from verm.integrations.openrlhf import (
    EXTRA_LOG_KEYS,
    build_response,
    cut_response,
    parse_reference,
    parse_request,
)
from verm.reward import RewardShaping
from verm.types import Reward, Status, Task

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 80).decode()


def test_cut_response_prefix_tail_and_end_tokens() -> None:
    prompt = "<|im_start|>user\n<|image_pad|>Draw it.<|im_end|>\n<|im_start|>assistant\n"
    assert cut_response(prompt + "```python\nx=1\n```<|im_end|><|endoftext|>", prompt) == "```python\nx=1\n```"
    # Image placeholders expanded in the decoded query: the prompt is no prefix, its tail still is found.
    query = prompt.replace("<|image_pad|>", "<|image_pad|>" * 50) + "answer<|im_end|>"
    assert cut_response(query, prompt) == "answer"
    assert cut_response("no prompt here", "something else entirely") == "no prompt here"


def test_parse_reference_forms(tmp_path) -> None:
    assert parse_reference(PNG)[0][:4] == b"\x89PNG"
    assert parse_reference(f"data:image/png;base64,{PNG}")[0][:4] == b"\x89PNG"
    ref, task = parse_reference(json.dumps({"reference": "| a |\n|---|\n| 1 |", "task": "table"}))
    assert task is Task.TABLE and ref.startswith("| a |")
    code = "import matplotlib.pyplot as plt\nplt.plot([1, 2])"
    assert parse_reference(code) == (code, None)
    (tmp_path / "ref.png").write_bytes(b"x")
    with pytest.raises(InputError, match="reads no paths"):
        parse_reference(str(tmp_path / "ref.png"))
    assert parse_reference(str(tmp_path / "ref.png"), tmp_path, True)[0] == (tmp_path / "ref.png").resolve()
    with pytest.raises(InputError, match="outside the allowed root"):
        parse_reference("/etc/hostname.png", tmp_path, True)
    with pytest.raises(InputError, match="no reference"):
        parse_reference(None)


def test_parse_request_validates_shapes() -> None:
    b = parse_request({"query": ["p: a", "p: b"], "prompts": ["p: ", "p: "], "labels": ["r", "r"]})
    assert b.responses == ["a", "b"]
    assert parse_request({"query": [], "prompts": [], "labels": []}).responses == []
    for bad in ([], {"prompts": []}, {"query": "x"}, {"query": ["a"], "prompts": ["a", "b"], "labels": ["x"]}):
        with pytest.raises(InputError):
            parse_request(bad)


def test_build_response_never_null_and_scaled() -> None:
    s = RewardShaping()
    rewards = [
        Reward(score=2.0, status=Status.OK),
        Reward(score=None, status=Status.INFRA_ERROR),
        Reward(score=1.0, status=Status.OK),
        Reward(score=None, status=Status.JUDGE_ERROR),
    ]
    out = build_response(rewards, ["p1", "p1", "p1", "p2"], [s] * 4)
    assert out["rewards"] == [2.0, 1.5, 1.0, 1.0]  # p1's mean; p2 has none: the middle of [0, 2]
    assert out["scores"] == [1.0, 0.75, 0.5, 0.5]
    assert set(out["extra_logs"]) == set(EXTRA_LOG_KEYS)
    assert out["extra_logs"]["verm_filled"] == [0.0, 1.0, 0.0, 1.0]
    assert out["extra_logs"]["verm_status_infra_error"] == [0.0, 1.0, 0.0, 0.0]
    assert build_response(rewards, ["p"] * 4, [s] * 4, infra_fill=0.25)["rewards"][1] == 0.25
    json.dumps(out, allow_nan=False)
