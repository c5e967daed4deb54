"""The judge's training data and training: pairs from the perturbation engine, exported
as messages and ShareGPT; the data loads with `datasets`, the tiny Qwen-VL chat template
renders a record, no reference is in both splits, a record's images are the ones its
answer describes; then two steps of TRL's SFT trainer on the CPU with a tiny Qwen3-VL
built from a config, and the checkpoint judges a pair through `verm score --judge hf`.
Nothing is downloaded."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from verm.bench.dataset import load_bench, merge_benches
from verm.bench.make import make_bench
from verm.judge.parse import parse_judgment
from verm.types import Task

pytestmark = pytest.mark.timeout(600)
NEEDS = "the training tests need verm[train]: pip install 'verm[train]'"


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory, corpora: Path) -> Path:
    root = tmp_path_factory.mktemp("pairs")
    from verm.train import make_pairs

    charts = make_pairs("chart", None, root / "chart", n=9, seed=5, max_edits=2, workers=2)
    assert charts.made.total == 9 and sum(charts.balance["chart"].categories.values()) > 0
    make_bench("svg", corpora / "svg" / "icons8-flat-color", root / "svg", n=6, seed=5, max_edits=2, workers=2)
    merge_benches([root / "chart", root / "svg"], root / "all")
    return root / "all"


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory):
    pytest.importorskip("torch", reason=NEEDS)
    pytest.importorskip("transformers", reason=NEEDS)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")  # nothing may reach the hub
        from tests.hf_tiny import build_tiny_qwen_vl

        yield build_tiny_qwen_vl(tmp_path_factory.mktemp("tiny-qwen3-vl"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_messages_loads_renders_splits_and_matches_its_images(pairs: Path, tiny_dir: Path, tmp_path: Path):
    datasets = pytest.importorskip("datasets", reason=NEEDS)
    from transformers import AutoTokenizer

    from verm.train import export

    summary = export(pairs, tmp_path / "sft", fmt="messages", val_fraction=0.3, seed=1)
    bench = load_bench(pairs)
    by_id = bench.by_id()
    assert sum(summary.counts.values()) == len(bench) and summary.counts["validation"] > 0
    ds = datasets.load_dataset(
        "json",
        data_files={s: str(tmp_path / "sft" / f"{s}.jsonl") for s in ("train", "validation")},
    )
    assert set(ds["train"].column_names) >= {"messages", "images", "id", "task", "reference"}
    assert ds["train"].num_rows == summary.counts["train"]

    # No reference in both splits: neither by the exported key nor by the bench's own reference groups.
    refs = {s: set(ds[s]["reference"]) for s in ("train", "validation")}
    assert refs["train"] and refs["validation"] and not refs["train"] & refs["validation"]
    groups = {s: {by_id[i].group_key() for i in ds[s]["id"]} for s in ("train", "validation")}
    assert not groups["train"] & groups["validation"]

    tok = AutoTokenizer.from_pretrained(tiny_dir, local_files_only=True)
    for split in ("train", "validation"):
        for row in ds[split]:
            rec = by_id[row["id"]]
            # The images are the pair's reference and candidate, in that order ...
            imgs = [tmp_path / "sft" / p for p in row["images"]]
            assert [_sha(p) for p in imgs] == [_sha(bench.image_path(rec, w)) for w in ("gt", "pred")]
            # ... and the answer is exactly that pair's ground truth.
            answer = row["messages"][-1]["content"][0]["text"]
            judged = parse_judgment(answer, rec.task, "export")
            assert [(d.category, d.severity, d.location, d.description) for d in judged.discrepancies] == [
                (d.category, d.severity, d.location, d.description) for d in rec.human_errors
            ]
            _changes_lie_in_the_answers_boxes(imgs, rec.human_errors)
    # The tiny Qwen-VL chat template renders a record: two image slots, the prompt, the answer.
    row = ds["train"][0]
    msgs = [{"role": m["role"], "content": [{k: v for k, v in p.items() if v is not None} for p in m["content"]]}
            for m in row["messages"]]  # fmt: skip
    text = tok.apply_chat_template(msgs, tokenize=False)
    assert text.count("<|vision_start|><|image_pad|><|vision_end|>") == 2
    assert "Image 1 (reference)" in text and row["messages"][-1]["content"][0]["text"] in text
    assert text.index("<|image_pad|>") < text.index("Image 1 (reference)")

    balance = json.loads((tmp_path / "sft" / "balance.json").read_text())
    for split in ("train", "validation"):
        n_errors = sum(len(by_id[i].human_errors) for i in ds[split]["id"])
        assert sum(sum(b["categories"].values()) for b in balance[split].values()) == n_errors
        assert sum(b["pairs"] for b in balance[split].values()) == summary.counts[split]


def _changes_lie_in_the_answers_boxes(imgs: list[Path], errors) -> None:
    """The pixels that differ between the two images fall inside the answer's boxes."""
    a = np.asarray(Image.open(imgs[0]).convert("RGB"), dtype=np.int16)
    b = np.asarray(Image.open(imgs[1]).convert("RGB"), dtype=np.int16)
    if a.shape != b.shape:
        return  # a layout edit resized the canvas: nothing to compare pixel for pixel
    changed = np.abs(a - b).max(axis=2) > 0  # both are lossless renders from the same renderer
    assert changed.any()
    h, w = changed.shape
    inside = np.zeros_like(changed)
    for d in errors:
        if d.bbox is not None:
            x0, y0, x1, y1 = d.bbox
            m = 0.03
            inside[
                max(0, int((y0 - m) * h)) : min(h, int((y1 + m) * h) + 1),
                max(0, int((x0 - m) * w)) : min(w, int((x1 + m) * w) + 1),
            ] = True
    assert (changed & inside).sum() >= 0.8 * changed.sum()


def test_export_sharegpt_for_llama_factory_with_the_authors_prompt(pairs: Path, tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets", reason=NEEDS)
    from verm.train import export

    prompts = tmp_path / "prompts.toml"
    prompts.write_text(
        '[chart]\nversion = "authors-chart"\nsystem = "You are a helpful assistant."\n'
        'user = """<image>\n<image>\nCompare the charts.\n{\n  "data_error_count": int,\n  "errors": [\n'
        '    {\n      "category": "...",\n      "severity": 1 | 2 | 3,\n      "description": "..."\n    }\n  ]\n}\n"""\n'
        '[svg]\nversion = "authors-svg"\nuser = "Compare the icons. {\\"shape_error_count\\": int, '
        '\\"errors\\": [{\\"category\\": \\"...\\", \\"severity\\": 1}]}"\n'
    )
    export(pairs, tmp_path / "sg", fmt="sharegpt", prompt_file=prompts, val_fraction=0.3)
    info = json.loads((tmp_path / "sg" / "dataset_info.json").read_text())
    assert info["verm_judge_train"]["formatting"] == "sharegpt"
    assert info["verm_judge_train"]["columns"] == {"messages": "messages", "images": "images"}
    assert info["verm_judge_train"]["tags"]["system_tag"] == "system"
    ds = datasets.load_dataset("json", data_files=str(tmp_path / "sg" / info["verm_judge_train"]["file_name"]))["train"]
    for row in ds:
        user = next(m["content"] for m in row["messages"] if m["role"] == "user")
        assert user.count("<image>") == len(row["images"]) == 2  # LLaMA-Factory checks this
        assert all((tmp_path / "sg" / p).is_file() for p in row["images"])
        answer = json.loads(row["messages"][-1]["content"])
        if row["task"] == "chart":
            assert row["messages"][0] == {"role": "system", "content": "You are a helpful assistant."}
            assert user.startswith("<image>\n<image>\nCompare the charts.")  # the author's placement, kept
            assert list(answer) == ["data_error_count", "errors"]
            assert all(list(e) == ["category", "severity", "description"] for e in answer["errors"])
        else:
            assert user.startswith("<image><image>Compare the icons.")
            assert all(list(e) == ["category", "severity"] for e in answer["errors"])
    assert json.loads((tmp_path / "sg" / "export.json").read_text())["prompts"] == {
        "chart": "authors-chart",
        "svg": "authors-svg",
    }


def test_export_refuses_a_prompt_file_without_every_task(pairs: Path, tmp_path: Path) -> None:
    from verm.errors import InputError
    from verm.train import export

    only_chart = tmp_path / "chart.txt"
    only_chart.write_text('Compare. {"data_error_count": int, "errors": [{"category": "...", "severity": 1}]}')
    with pytest.raises(InputError, match="chart prompt"):
        export(pairs, tmp_path / "x", prompt_file=only_chart)


def test_sft_two_cpu_steps_then_the_checkpoint_judges_a_pair(
    pairs: Path, tiny_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("trl", reason=NEEDS)
    pytest.importorskip("peft", reason=NEEDS)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from verm.cli import app
    from verm.train import export
    from verm.train.sft import JudgeCollator, SftSettings, train_sft

    export(pairs, tmp_path / "data", fmt="messages", val_fraction=0.3)
    # The collator puts the loss on the answer only.
    from transformers import AutoModelForImageTextToText

    from verm.judge.hf import load_processor

    base = AutoModelForImageTextToText.from_pretrained(tiny_dir, local_files_only=True)
    proc = load_processor(__import__("transformers"), tiny_dir, base.config, {"local_files_only": True})
    row = json.loads((tmp_path / "data" / "train.jsonl").read_text().splitlines()[0])
    batch = JudgeCollator(proc, tmp_path / "data", 64, True)([{**row, "image_paths": row["images"]}])
    kept = batch["labels"][0][batch["labels"][0] != -100].tolist()
    assert proc.tokenizer.decode(kept).startswith(row["messages"][-1]["content"][0]["text"])
    assert (batch["input_ids"][0] == base.config.image_token_id).sum() > 0

    settings = SftSettings(max_steps=2, batch_size=2, per_device_batch_size=1, learning_rate=1e-3, lora=True,
                           lora_r=4, lora_alpha=8, device="cpu", max_side=64, logging_steps=1)  # fmt: skip
    result = train_sft(tmp_path / "data", tiny_dir, tmp_path / "ckpt", settings)
    assert result.steps == 2 and len(result.losses) == 2 and all(np.isfinite(result.losses))
    before = base.state_dict()
    after = AutoModelForImageTextToText.from_pretrained(tmp_path / "ckpt", local_files_only=True).state_dict()
    assert before.keys() == after.keys()  # LoRA merged back: the hf judge loads a plain checkpoint
    assert any(not np.allclose(before[k].numpy(), after[k].numpy()) for k in before if "q_proj" in k)
    assert (tmp_path / "ckpt" / "verm-prompts.json").is_file()

    rec = next(r for r in load_bench(pairs).records if r.task is Task.CHART)
    cand = tmp_path / "cand.txt"
    cand.write_text(f"```python\n{rec.cand_source}\n```")
    res = CliRunner().invoke(
        app,
        ["score", "--task", "chart", "--reference", str(load_bench(pairs).image_path(rec, "gt")),
         "--candidate", str(cand), "--judge", "hf", "--model", str(tmp_path / "ckpt"),
         "--prompt-file", str(tmp_path / "ckpt" / "verm-prompts.json"), "--option", "max_new_tokens=64", "--json"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["judgment"]["judge"] == "hf"
    # Two steps do not teach a random model JSON: a judge_error with the reason, or a parsed verdict.
    assert out["status"] in ("ok", "judge_error")
    if out["status"] == "judge_error":
        assert out["score"] is None and "verm-chart-v1" in out["reason"]
