"""The vlm judge's construction: settings, URLs, pickling (no network: nothing is sent)."""

from __future__ import annotations

import pickle

import pytest

from verm.errors import InputError
from verm.judge import get_judge
from verm.judge.prompts import Prompt, get_prompt
from verm.judge.vlm import VlmJudge, chat_completions_url


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("http://h:8000", "http://h:8000/v1/chat/completions"),
        ("http://h:8000/", "http://h:8000/v1/chat/completions"),
        ("http://h:8000/v1", "http://h:8000/v1/chat/completions"),
        ("https://h/v1/chat/completions", "https://h/v1/chat/completions"),
    ],
)
def test_endpoint_urls(given: str, url: str) -> None:
    assert chat_completions_url(given) == url


def test_needs_an_endpoint_and_sane_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERM_VLM_ENDPOINT", raising=False)
    monkeypatch.delenv("VERM_CONFIG", raising=False)
    with pytest.raises(InputError, match="VERM_VLM_ENDPOINT"):
        VlmJudge()
    with pytest.raises(InputError, match="concurrency=0"):
        VlmJudge("http://127.0.0.1:9/v1", concurrency=0)
    with pytest.raises(InputError, match="http://"):
        VlmJudge("gpu-0:8000")


def test_settings_from_env_and_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERM_VLM_ENDPOINT", "http://127.0.0.1:9/v1,http://127.0.0.1:10")
    monkeypatch.setenv("VERM_VLM_MODEL", "Visual-ERM")
    monkeypatch.setenv("VERM_VLM_MAX_SIDE", "768")
    with get_judge("vlm", max_side=512) as judge:
        assert isinstance(judge, VlmJudge)
        assert judge.endpoints == ["http://127.0.0.1:9/v1/chat/completions", "http://127.0.0.1:10/v1/chat/completions"]
        assert judge.model == "Visual-ERM"
        assert judge.settings.max_side == 512  # the argument beats the environment
        assert judge.prompt_for("chart") is get_prompt("chart")


def test_pickle_round_trip_keeps_settings_and_prompts() -> None:
    mine = Prompt(version="mine", text="compare; data_error_count")
    judge = VlmJudge(["http://127.0.0.1:9/v1"], model="m", prompt={"chart": mine}, extra_body={"presence_penalty": 1.5})
    again = pickle.loads(pickle.dumps(judge))
    try:
        assert again.settings == judge.settings
        assert again.prompt_for("chart") == mine and again.prompt_for("svg") == get_prompt("svg")
        assert again.extra_body == {"presence_penalty": 1.5}
    finally:
        judge.close()
        again.close()
