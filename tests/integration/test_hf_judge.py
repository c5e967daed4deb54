"""The hf judge end to end on the CPU with a tiny random Qwen3-VL built here:
prompt, images, real generation, decoding and parsing. Nothing is downloaded."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from PIL import Image
from tests.judge_contract import check_judge_contract

from verm.errors import MissingDependencyError
from verm.types import Rendering, Status, Task

NEEDS = "the hf judge tests need torch and transformers: pip install 'verm[hf]'"

ANSWER = {
    "structure_error_count": 0,
    "data_error_count": 0,
    "text_error_count": 1,
    "style_error_count": 0,
    "errors": [
        {
            "category": "text_error",
            "severity": 2,
            "location": "title",
            "description": "The title reads Sales instead of Revenue.",
        }
    ],
}


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("torch", reason=NEEDS)
    pytest.importorskip("transformers", reason=NEEDS)
    with pytest.MonkeyPatch.context() as mp:
        # Nothing in these tests may reach the Hugging Face hub.
        mp.setenv("HF_HUB_OFFLINE", "1")
        from tests.hf_tiny import build_tiny_qwen_vl

        yield build_tiny_qwen_vl(tmp_path_factory.mktemp("tiny-qwen3-vl"))


@pytest.fixture(scope="module")
def tokenizer(tiny_dir: Path):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(tiny_dir, local_files_only=True)


def png(width: int, height: int, color: str = "white", mark: str = "black") -> Rendering:
    img = Image.new("RGB", (width, height), color)
    img.paste(Image.new("RGB", (width // 4, height // 4), mark), (width // 8, height // 8))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return Rendering(task=Task.CHART, png=buf.getvalue())


def judge_for(tiny_dir: Path, **kwargs):
    from verm.judge import get_judge

    # Through the registry and from_pretrained on the directory, as a user would load a checkpoint.
    return get_judge("hf", model=str(tiny_dir), device="cpu", **kwargs)


def test_forced_answer_is_generated_and_parsed(tiny_dir: Path, tokenizer) -> None:
    from tests.hf_tiny import ForcedAnswer

    answer = json.dumps(ANSWER)
    judge = judge_for(
        tiny_dir, max_new_tokens=256, generation_kwargs={"logits_processor": [ForcedAnswer(tokenizer, answer)]}
    )
    j = check_judge_contract(judge, Task.CHART, png(64, 64), png(64, 48, mark="red"))
    assert j.status is Status.OK, j.reason
    assert j.judge == "hf"
    assert j.raw == answer  # decoded exactly what generation wrote, special tokens dropped
    assert [(d.category, d.severity, d.location) for d in j.discrepancies] == [("text_error", 2, "title")]
    assert j.discrepancies[0].description == "The title reads Sales instead of Revenue."
    assert j.elapsed_ms is not None and j.elapsed_ms > 0


def test_random_text_is_a_judge_error_with_the_raw_text(tiny_dir: Path) -> None:
    # min_new_tokens keeps the random model from ending its turn at once: there is text to keep.
    judge = judge_for(tiny_dir, max_new_tokens=24, generation_kwargs={"min_new_tokens": 8})
    j = check_judge_contract(judge, Task.CHART, png(64, 64), png(48, 48))
    assert j.status is Status.JUDGE_ERROR
    assert j.discrepancies == [] and j.similarity is None  # never a made-up verdict
    assert j.raw and j.raw.strip()
    assert "unparseable answer" in (j.reason or "")


def test_batches_keep_order_across_padding(tiny_dir: Path, tokenizer) -> None:
    from tests.hf_tiny import ForcedAnswer, image_tokens

    # Candidates of different sizes give each prompt its own number of image tokens (so the
    # rows of a batch have different lengths and are left-padded), and that number picks
    # the answer the row is forced to write: the judgments must come back in input order.
    sizes = [(32, 32), (48, 32), (64, 32)]
    ref_tokens = image_tokens(64, 64)
    answers = {}
    for i, (w, h) in enumerate(sizes):
        err = {"category": "data_error", "severity": 1 + i, "location": f"pair {i}", "description": f"Pair {i}."}
        answers[ref_tokens + image_tokens(w, h)] = json.dumps({"errors": [err]})
    judge = judge_for(
        tiny_dir,
        batch_size=2,
        max_new_tokens=64,
        generation_kwargs={"logits_processor": [ForcedAnswer(tokenizer, answers)]},
    )
    pairs = [(png(64, 64), png(w, h, color="#eeeeee")) for w, h in sizes]
    # A pair without a candidate image is answered without generation and keeps its place.
    pairs.insert(1, (png(64, 64), Rendering(task=Task.CHART, status=Status.RENDER_ERROR, reason="boom")))
    out = judge.judge_many(Task.CHART, pairs)
    assert len(out) == 4
    assert out[1].status is Status.JUDGE_ERROR and "candidate has no image" in (out[1].reason or "")
    got = [j for k, j in enumerate(out) if k != 1]
    assert all(j.status is Status.OK for j in got), [j.reason for j in got]
    assert [j.discrepancies[0].location for j in got] == ["pair 0", "pair 1", "pair 2"]
    assert [j.discrepancies[0].severity for j in got] == [1, 2, 3]


def test_large_images_are_downscaled_to_max_side(tiny_dir: Path, tokenizer) -> None:
    from tests.hf_tiny import ForcedAnswer

    judge = judge_for(
        tiny_dir,
        max_side=64,
        max_new_tokens=16,
        generation_kwargs={"logits_processor": [ForcedAnswer(tokenizer, '{"errors": []}')]},
    )
    j = judge.judge(Task.SVG, png(640, 480), png(2000, 1500))
    assert j.status is Status.OK and j.discrepancies == []


def test_given_model_and_processor_objects_and_a_custom_prompt(tiny_dir: Path) -> None:
    from verm.judge.hf import HfJudge
    from verm.judge.prompts import Prompt

    first = judge_for(tiny_dir, max_new_tokens=8)
    custom = Prompt(version="tiny-v1", text="Compare the two images and answer in JSON.")
    judge = HfJudge("tiny", max_new_tokens=8, prompt=custom, model_obj=first.model, processor_obj=first.processor)
    assert judge.prompt_for("table").version == "tiny-v1"
    j = judge.judge(Task.TABLE, png(64, 64), png(64, 64))
    assert j.status is Status.JUDGE_ERROR and "prompt tiny-v1" in (j.reason or "")


def test_missing_torch_names_the_install_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from verm.judge.hf import HfJudge

    monkeypatch.setitem(sys.modules, "torch", None)  # makes `import torch` fail as if not installed
    with pytest.raises(MissingDependencyError, match=r"pip install 'verm\[hf\]'"):
        HfJudge("any/model")
