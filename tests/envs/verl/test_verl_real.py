"""veRL itself calls verm: its loader resolves ``pkg://verm.integrations.verl`` and its
reward loop scores a `DataProto` batch through ``compute_score``, as in training.

Runs in .venv-verl (scripts/integration-envs.sh): veRL pins transformers<5.11.
"""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
import torch
from omegaconf import OmegaConf

from tests.tiny_policy import ANSWERS, REFERENCE, build_tokenizer
from verm.integrations import verl as verm_verl

verl = pytest.importorskip("verl")

from verl import DataProto  # noqa: E402
from verl.trainer.ppo.reward import get_custom_reward_fn  # noqa: E402

pytestmark = pytest.mark.timeout(900)

PATH = "pkg://verm.integrations.verl"


def test_verl_loader_resolves_verm_and_merges_reward_kwargs() -> None:
    config = OmegaConf.create(
        {
            "reward": {
                "custom_reward_function": {
                    "path": PATH,
                    "name": "compute_score",
                    "reward_kwargs": {"judge": "auto", "shaping": "visual-erm"},
                }
            }
        }
    )
    fn = get_custom_reward_fn(config)
    out = fn(
        data_source="verm/chart",
        solution_str=ANSWERS["faithful"],
        ground_truth="",
        extra_info={"task": "chart", "reference": REFERENCE},
    )
    assert tuple(out) == verm_verl.RESULT_KEYS
    assert out["score"] == pytest.approx(2.0)  # the faithful program is the reference itself
    assert out["verm_status"] == 0.0


def _batch(tokenizer, answers: list[str], extra_infos: list[dict]) -> DataProto:
    """A batch as veRL's agent loop leaves it for the reward: prompt and response ids,
    the attention mask over both, and the dataset's reward columns."""
    prompt = tokenizer.apply_chat_template(
        [{"role": "user", "content": "write matplotlib code for this chart ."}],
        add_generation_prompt=True,
        tokenize=False,
    )
    prompt_ids = tokenizer.encode(prompt, add_special_tokens=False)
    n, width = len(answers), 3
    prompts = torch.tensor([prompt_ids] * n)
    responses = torch.full((n, width), tokenizer.pad_token_id)
    mask = torch.zeros((n, len(prompt_ids) + width), dtype=torch.long)
    mask[:, : len(prompt_ids)] = 1
    for i, text in enumerate(answers):
        ids = [*tokenizer.encode(text, add_special_tokens=False), tokenizer.eos_token_id]
        responses[i, : len(ids)] = torch.tensor(ids)
        mask[i, len(prompt_ids) : len(prompt_ids) + len(ids)] = 1
    return DataProto.from_dict(
        tensors={
            "prompts": prompts,
            "responses": responses,
            "input_ids": torch.cat([prompts, responses], dim=1),
            "attention_mask": mask,
        },
        non_tensors={
            "data_source": np.array(["verm/chart"] * n, dtype=object),
            "reward_model": np.array([{"style": "rule", "ground_truth": ""}] * n, dtype=object),
            "extra_info": np.array(extra_infos, dtype=object),
        },
    )


@pytest.fixture(scope="module")
def ray_local():
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, namespace="verm-test")
    yield ray
    ray.shutdown()


def _trainer_config(tokenizer_dir, name: str):
    from hydra import compose, initialize_config_module

    with initialize_config_module(config_module="verl.trainer.config", version_base=None):
        return compose(
            config_name="ppo_trainer",
            overrides=[
                f"actor_rollout_ref.model.path={tokenizer_dir}",
                f"reward.custom_reward_function.path={PATH}",
                f"reward.custom_reward_function.name={name}",
                "+reward.custom_reward_function.reward_kwargs.judge=auto",
                "reward.num_workers=2",
            ],
        )


def test_verl_reward_loop_scores_a_batch_with_verm(tmp_path, ray_local) -> None:
    """The async function, as the example config names it (the sync one through veRL's loader: above)."""
    name = "compute_score_async"
    from transformers import AutoTokenizer
    from verl.experimental.reward_loop import RewardLoopManager

    tokenizer_dir = build_tokenizer(tmp_path / "tok")
    tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir)
    answers = [ANSWERS["faithful"], ANSWERS["wrong"], ANSWERS["prose"], ANSWERS["faithful"]]
    infos = [
        {"task": "chart", "reference": REFERENCE, "index": 0},
        {"task": "chart", "reference": REFERENCE, "index": 0},
        {"task": "chart", "reference": REFERENCE, "index": 0},
        {"task": "chart", "index": 1},  # no reference: verm cannot score it, veRL must still get a number
    ]
    data = _batch(tokenizer, answers, infos)

    manager = RewardLoopManager(config=_trainer_config(tokenizer_dir, name))
    out = manager.compute_rm_score(data)

    # veRL places each score on the response's last valid token.
    rm = out.batch["rm_scores"]
    lengths = data.batch["attention_mask"][:, data.batch["prompts"].shape[1] :].sum(dim=1)
    scores = [float(rm[i, lengths[i] - 1]) for i in range(len(answers))]
    expected = [
        verm_verl.compute_score("verm/chart", a, "", {"task": "chart", "reference": REFERENCE})["score"]
        for a in answers[:3]
    ]
    assert scores[:3] == pytest.approx(expected)
    assert scores[0] > scores[1] > scores[2] == 0.0
    assert scores[3] == 0.0  # the fallback score of the default shaping
    # Every sample's extra keys were stacked into arrays (they are the same on every path).
    assert list(out.meta_info["reward_extra_keys"]) == list(verm_verl.RESULT_KEYS)
    assert list(out.non_tensor_batch["verm_scored"]) == [1.0, 1.0, 1.0, 0.0]
    assert list(out.non_tensor_batch["verm_status"]) == [0.0, 0.0, 1.0, 6.0]  # ok, ok, no_code, input_error


def test_legacy_batch_and_prime_managers_call_verm(tmp_path) -> None:
    """The ``batch`` manager's plural keywords, and the ``prime`` manager's positional call
    in a process pool (which wants a number)."""
    from verl.workers.reward_manager.prime import run_reward_scoring

    many = verm_verl.compute_score_batch(
        data_sources=["verm/chart"] * 3,
        solution_strs=[ANSWERS["faithful"], ANSWERS["faithful"], ANSWERS["prose"]],
        ground_truths=[REFERENCE] * 3,
        extra_infos=[{}, {}, {}],
    )
    assert [r["score"] for r in many] == pytest.approx([2.0, 2.0, 0.0])

    scores = run_reward_scoring(
        verm_verl.compute_score_scalar,
        completions=[ANSWERS["faithful"], ANSWERS["prose"]],
        references=[REFERENCE, REFERENCE],
        tasks=["verm/chart", "verm/chart"],
        extra_info=[{}, {}],
        num_processes=1,
    )
    assert scores == pytest.approx([2.0, 0.0])


def test_verl_reads_the_data_verm_rl_prepare_writes(tmp_path) -> None:
    """veRL's own dataset reads verm's parquet: the image goes into the prompt, the
    ``images`` column is dropped, and ``extra_info`` brings the reference to the reward."""
    from transformers import AutoTokenizer, LlavaProcessor
    from transformers.models.qwen2_vl.image_processing_pil_qwen2_vl import Qwen2VLImageProcessorPil
    from verl.utils.dataset.rl_dataset import RLHFDataset

    from verm.integrations.data import prepare_verl

    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "sales.py").write_text(REFERENCE)
    summary = prepare_verl(refs, tmp_path / "data", val_fraction=0.0)
    tokenizer = AutoTokenizer.from_pretrained(build_tokenizer(tmp_path / "tok"))
    # Any processor: veRL's dataset only needs one to accept multimodal rows (no length filter here).
    processor = LlavaProcessor(image_processor=Qwen2VLImageProcessorPil(), tokenizer=tokenizer)
    config = OmegaConf.create({"filter_overlong_prompts": False, "cache_dir": str(tmp_path / "cache")})
    row = RLHFDataset([str(summary.train)], tokenizer, config, processor=processor)[0]

    assert "images" not in row
    content = row["raw_prompt"][0]["content"]
    assert content[0]["type"] == "image" and content[0]["image"].size[0] > 50
    assert content[1]["type"] == "text"
    out = verm_verl.compute_score(
        data_source=row["data_source"],
        solution_str=ANSWERS["faithful"],
        ground_truth=row["reward_model"]["ground_truth"],
        extra_info=row["extra_info"],
    )
    assert out["score"] == pytest.approx(2.0)


def test_the_example_run_script_composes_against_verls_config(tmp_path) -> None:
    """Every override in examples/verl/run_grpo.sh exists in the installed veRL's config,
    and its reward settings reach verm: the table shaping of the reference code (-4 on any
    failure) for tables, the chart rule for charts."""
    import re
    from pathlib import Path

    from hydra import compose, initialize_config_module

    script = (Path(__file__).resolve().parents[3] / "examples" / "verl" / "run_grpo.sh").read_text()
    overrides = [
        m.group(1).replace('"$DATA', str(tmp_path)).replace('"$MODEL"', "Qwen/Qwen2.5-VL-7B-Instruct").replace('"', "")
        for m in re.finditer(r"^\s+(\+?[\w.]+=\S+) \\$", script, re.MULTILINE)
    ]
    assert any(o.startswith("reward.custom_reward_function.path=") for o in overrides)
    with initialize_config_module(config_module="verl.trainer.config", version_base=None):
        config = compose(config_name="ppo_trainer", overrides=overrides)
    assert config.actor_rollout_ref.rollout.n == 8 and config.data.train_batch_size == 256
    fn = get_custom_reward_fn(config)  # the example names compute_score_async: veRL awaits it
    table = asyncio.run(
        fn(data_source="verm/table", solution_str="no table here", ground_truth="| a |\n|---|\n| 1 |", extra_info={})
    )
    chart = asyncio.run(fn(data_source="verm/chart", solution_str="no chart", ground_truth=REFERENCE, extra_info={}))
    assert (table["score"], chart["score"]) == (-4.0, 0.0)
