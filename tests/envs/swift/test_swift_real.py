"""ms-swift loads verm's plugin file and scores GRPO samples with the verm ORM, through
its own plugin loader and its own reward computation.

Runs in .venv-swift (scripts/integration-envs.sh): ms-swift 4.x pins trl<1.0.
"""

from __future__ import annotations

import io

import pytest
import torch
from PIL import Image

from tests.tiny_policy import ANSWERS, REFERENCE

pytest.importorskip("swift")

from swift.rewards import ORM, orms
from swift.rl_core.data import GRPOSample
from swift.rl_core.grpo_algorithm import compute_rewards_per_func
from swift.utils import import_external_file

from verm.integrations.swift import PLUGIN_FILE
from verm.integrations.trl import VermReward

pytestmark = pytest.mark.timeout(600)


def _sample(answer: str, **columns) -> GRPOSample:
    messages = [
        {"role": "user", "content": "<image>write matplotlib code for this chart ."},
        {"role": "assistant", "content": answer},
    ]
    return GRPOSample.from_row({"messages": messages, **columns})


def test_swift_loads_the_plugin_and_scores_grpo_samples() -> None:
    import_external_file(str(PLUGIN_FILE))  # what --external_plugins does for each file
    assert {"verm", "verm_chart", "verm_table", "verm_svg"} <= set(orms)
    orm = orms["verm_chart"](args=None)  # how swift's GRPO trainer builds a registered reward
    assert isinstance(orm, ORM)

    samples = [
        _sample(ANSWERS["faithful"], reference=REFERENCE),
        _sample(ANSWERS["wrong"], reference=REFERENCE),
        _sample(ANSWERS["prose"], reference=REFERENCE),
    ]
    rewards = compute_rewards_per_func(samples, [orm], None, device=torch.device("cpu"))
    expected = VermReward("chart")(completions=[s.messages[-1]["content"] for s in samples], reference=[REFERENCE] * 3)
    assert rewards.shape == (3, 1)
    assert rewards[:, 0].tolist() == pytest.approx(expected)
    assert expected[0] > expected[1] > expected[2] == 0.0


def test_the_reference_comes_from_the_images_column(tmp_path) -> None:
    """Without a reference column, the image the prompt shows is the reference; a sample
    with nothing to judge against is left out (None -> NaN in swift's reward matrix)."""
    from verm.pipeline import Scorer

    import_external_file(str(PLUGIN_FILE))
    with Scorer("chart") as scorer:
        png = scorer.reference(REFERENCE).png
    path = tmp_path / "ref.png"
    Image.open(io.BytesIO(png)).save(path)

    samples = [
        _sample(ANSWERS["faithful"], images=[str(path)], task="chart"),
        _sample(ANSWERS["faithful"], images=[{"bytes": png, "path": None}], task="chart"),
        _sample(ANSWERS["faithful"], task="chart"),
    ]
    rewards = compute_rewards_per_func(samples, [orms["verm"](args=None)], None, device=torch.device("cpu"))
    first, second, third = rewards[:, 0].tolist()
    assert first == pytest.approx(second)
    assert first > 1.5  # rendered and judged close to the reference image
    assert third != third  # NaN: left out, not scored 0
