"""A real TRL GRPOTrainer runs one step on the CPU and scores its completions with verm.

The policy is tests/tiny_policy.py: random weights over a vocabulary whose answers
are single tokens, so a group holds a faithful chart program, a wrong one and prose,
which verm renders (real sandbox) and judges (real CPU judge).
"""

from __future__ import annotations

import pickle

import datasets
import pytest
import trl
from tests.tiny_policy import ANSWERS, REFERENCE, build_tiny_policy

from verm.integrations.trl import AsyncVermReward, VermReward

pytestmark = pytest.mark.timeout(600)


def _train_one_step(tmp_path, reward) -> trl.GRPOTrainer:
    from transformers import AutoTokenizer

    model_dir = build_tiny_policy(tmp_path / "policy")
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    answers = {tokenizer.convert_tokens_to_ids(a) for a in ANSWERS.values()}
    prompt = "write matplotlib code for this chart ."
    data = datasets.Dataset.from_dict({"prompt": [prompt] * 2, "reference": [REFERENCE] * 2, "task": ["chart"] * 2})
    args = trl.GRPOConfig(
        output_dir=str(tmp_path / "out"),
        use_cpu=True,
        per_device_train_batch_size=8,
        num_generations=8,
        max_completion_length=1,
        max_steps=1,
        learning_rate=1e-3,
        logging_steps=1,
        report_to=[],
        save_strategy="no",
        temperature=1.0,
        seed=0,
        # The policy answers with one of ANSWERS (each a single token), never with a prompt word.
        generation_kwargs={"suppress_tokens": [i for i in range(len(tokenizer)) if i not in answers]},
    )
    trainer = trl.GRPOTrainer(
        model=str(model_dir), reward_funcs=reward, args=args, train_dataset=data, processing_class=tokenizer
    )
    trainer.train()
    return trainer


@pytest.mark.parametrize("cls", [VermReward, AsyncVermReward])
def test_grpo_trainer_step_is_scored_by_verm(tmp_path, cls) -> None:
    reward = cls(judge="auto")  # the task comes from the dataset's 'task' column
    trainer = _train_one_step(tmp_path, reward)
    assert trainer.state.global_step == 1

    completions = list(trainer._logs["completion"])
    rewards = list(trainer._logs["rewards"][reward.__name__])
    assert len(completions) == len(rewards) == 8
    # Every completion is one of the policy's answers; each got verm's score for that answer.
    by_answer = {text: VermReward("chart")(completions=[text], reference=[REFERENCE])[0] for text in ANSWERS.values()}
    assert by_answer[ANSWERS["faithful"]] > by_answer[ANSWERS["wrong"]] > by_answer[ANSWERS["prose"]] == 0.0
    for text, got in zip(completions, rewards, strict=True):
        assert text in by_answer, f"unexpected completion {text!r}"
        assert got == pytest.approx(by_answer[text])
    # Statuses reached the completions table (log_extra) and the metrics (log_metric).
    statuses = list(trainer._logs["extra"]["verm_status"])
    assert statuses == ["no_code" if t == ANSWERS["prose"] else "ok" for t in completions]
    logged = {k: v for row in trainer.state.log_history for k, v in row.items()}
    assert logged["verm/no_code"] == pytest.approx(statuses.count("no_code") / 8)
    assert logged["verm/ok"] == pytest.approx(statuses.count("ok") / 8)
    # Different answers in a group give non-zero advantages: the step had a signal.
    assert len(set(completions)) > 1
    assert any(abs(a) > 1e-6 for a in trainer._logs["advantages"])


def test_reward_objects_survive_pickling() -> None:
    for reward in (VermReward("svg", judge="pixel", shaping="visual-erm"), AsyncVermReward("table")):
        again = pickle.loads(pickle.dumps(reward))
        assert type(again) is type(reward)
        assert (again.task, again.judge, again.shaping, again.__name__) == (
            reward.task,
            reward.judge,
            reward.shaping,
            reward.__name__,
        )


def test_the_example_script_trains_a_step(tmp_path) -> None:
    """examples/trl_grpo.py, as written, on a folder of references (a text-only smoke run)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "examples" / "trl_grpo.py"
    spec = importlib.util.spec_from_file_location("trl_grpo_example", path)
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "sales.py").write_text(REFERENCE)
    (refs / "icon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><circle cx="12" cy="12" r="8" fill="#d62728"/></svg>'
    )
    model = build_tiny_policy(tmp_path / "policy")
    trainer = example.main(
        ["--model", str(model), "--references", str(refs), "--text-only", "--cpu", "--max-steps", "1",
         "--num-generations", "4", "--max-completion-length", "1", "--out", str(tmp_path / "out")]
    )  # fmt: skip
    assert trainer.state.global_step == 1
    logged = {k for row in trainer.state.log_history for k in row}
    assert {"rewards/verm/mean", "verm/ok", "verm/no_code"} <= logged


def test_the_sync_reward_is_thread_safe() -> None:
    """TRL may call a sync reward function from several threads at once."""
    from concurrent.futures import ThreadPoolExecutor

    reward = VermReward("chart")
    batches = [
        [ANSWERS[k] for k in order] for order in (("faithful", "wrong"), ("wrong", "prose"), ("prose", "faithful"))
    ]
    alone = [reward(completions=b, reference=[REFERENCE] * 2) for b in batches]
    with ThreadPoolExecutor(max_workers=3) as pool:
        together = list(pool.map(lambda b: reward(completions=b, reference=[REFERENCE] * 2), batches * 2))
    assert together == alone * 2
