"""Prompts as data: the paper's categories, severity scale and schema; user prompts from files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verm.errors import InputError
from verm.judge.prompts import PROMPTS, Prompt, build_messages, detect_task, get_prompt, load_prompt, response_schema
from verm.settings import VlmSettings
from verm.types import CATEGORIES, Task


@pytest.mark.parametrize("task", list(Task))
def test_builtin_prompt_names_every_category_and_the_schema(task: Task) -> None:
    p = get_prompt(task)
    assert p.version == f"verm-{task.value}-v1" and p.task is task
    for cat in CATEGORIES[task]:
        assert cat in p.text
        assert f'"{cat}_count": int' in p.text
    for sev in ("1 (minor)", "2 (medium)", "3 (severe)"):
        assert sev in p.text
    key = '"type"' if task is Task.TABLE else '"category"'
    assert key in p.text and '"errors": [' in p.text
    assert "Image 1 (reference)" in p.text and "Image 2 (candidate)" in p.text
    assert detect_task(p.text) is task
    assert PROMPTS[task] is p


def test_messages_put_reference_first_then_candidate_then_text() -> None:
    msgs = build_messages("svg", "iVBORref", "/9j/cand")
    assert len(msgs) == 1 and msgs[0]["role"] == "user"
    parts = msgs[0]["content"]
    assert [p["type"] for p in parts] == ["image_url", "image_url", "text"]
    assert parts[0]["image_url"]["url"] == "data:image/png;base64,iVBORref"
    assert parts[1]["image_url"]["url"] == "data:image/jpeg;base64,/9j/cand"
    assert parts[2]["text"] == get_prompt("svg").text


def test_system_message_and_inline_prompt() -> None:
    p = Prompt(version="mine-1", text="compare: data_error_count", system="You are a helpful assistant.")
    msgs = build_messages("chart", "a", "b", p)
    assert msgs[0] == {"role": "system", "content": "You are a helpful assistant."}
    assert build_messages("chart", "a", "b", "just this")[0]["content"][2]["text"] == "just this"


# The paper's prompts are recognised by their schema blocks (quoted here: they are the contract).
PAPER_TABLE = '<image>\n<image>\nYou are a table parsing quality auditor...\n{\n  "layout_error_count": int,\n  "text_error_count": int,\n  "numeric_error_count": int,\n  "errors": []}'
PAPER_SVG = 'Vector Graphics...\n{\n  "structure_error_count": int,\n  "shape_error_count": int,\n  "style_error_count": int,\n  "text_symbol_error_count": int}'
PAPER_CHART = 'Data Visualization...\n{\n  "structure_error_count": int,\n  "data_error_count": int,\n  "text_error_count": int,\n  "style_error_count": int}'


@pytest.mark.parametrize(
    ("text", "task"),
    [(PAPER_TABLE, Task.TABLE), (PAPER_SVG, Task.SVG), (PAPER_CHART, Task.CHART), ("Describe this image.", None)],
)
def test_detect_task(text: str, task: Task | None) -> None:
    assert detect_task(text) is task


def test_detect_task_refuses_ambiguous_prompts() -> None:
    assert detect_task(PAPER_TABLE + PAPER_CHART) is None


@pytest.mark.parametrize("task", list(Task))
def test_response_schema(task: Task) -> None:
    s = response_schema(task)
    cats = list(CATEGORIES[task])
    assert s["required"] == [*(f"{c}_count" for c in cats), "errors"]
    item = s["properties"]["errors"]["items"]
    key = "type" if task is Task.TABLE else "category"
    assert item["properties"][key]["enum"] == cats
    assert item["properties"]["severity"]["enum"] == [1, 2, 3]
    json.dumps(s)  # plain data


def test_load_prompt_from_text_json_and_toml(tmp_path: Path) -> None:
    txt = tmp_path / "chart.txt"
    txt.write_text("Compare them. data_error_count", encoding="utf-8")
    p = load_prompt("chart", txt)
    assert p.text == "Compare them. data_error_count" and p.version.startswith("file:chart.txt@")
    js = tmp_path / "p.json"
    js.write_text(json.dumps({"version": "mine-2", "user": "U", "system": "S"}), encoding="utf-8")
    assert load_prompt("svg", js) == Prompt(version="mine-2", text="U", system="S", task=Task.SVG, source=str(js))
    toml = tmp_path / "p.toml"
    toml.write_text('[chart]\nversion = "c1"\nuser = "chart text"\n[table]\ntext = "table text"\n', encoding="utf-8")
    assert load_prompt("chart", toml).text == "chart text"
    assert load_prompt("table", toml).text == "table text"
    assert load_prompt("table", toml).version.startswith("file:p.toml@")
    assert load_prompt("chart") is get_prompt("chart")


@pytest.mark.parametrize(
    ("name", "content", "msg"),
    [
        ("empty.txt", "  ", "is empty"),
        ("bad.json", "{", "not valid JSON"),
        ("nouser.toml", 'version = "x"', "missing a non-empty 'user'"),
    ],
)
def test_load_prompt_errors(tmp_path: Path, name: str, content: str, msg: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=msg):
        load_prompt("chart", path)
    with pytest.raises(InputError, match="cannot read"):
        load_prompt("chart", tmp_path / "missing.txt")


# --------------------------------------------------------------------------- settings


def test_settings_precedence_args_env_file_defaults(tmp_path: Path) -> None:
    cfg = tmp_path / "verm.toml"
    cfg.write_text(
        '[vlm]\nendpoints = ["http://file:1/v1"]\nmodel = "from-file"\ntimeout_s = 5\nretries = 1\n', encoding="utf-8"
    )
    env = {"VERM_VLM_ENDPOINT": "http://env:1/v1, http://env:2/v1", "VERM_VLM_TIMEOUT_S": "7.5"}
    s = VlmSettings.load(cfg, environ=env, retries=4)
    assert s.endpoints == ["http://env:1/v1", "http://env:2/v1"]  # env beats file
    assert s.model == "from-file"  # file beats default
    assert s.timeout_s == 7.5  # env beats file
    assert s.retries == 4  # argument beats file
    assert s.max_side == 1024 and s.concurrency == 8  # defaults
    assert VlmSettings.load(environ={}).endpoints == []
    s2 = VlmSettings.load(environ={"VERM_CONFIG": str(cfg), "VERM_VLM_STRUCTURED_OUTPUT": "yes"}, model=None)
    assert s2.model == "from-file" and s2.structured_output is True
    assert s2.to_dict()["api_key"] is None
    assert VlmSettings.load(environ={"VERM_VLM_API_KEY": "k"}).to_dict()["api_key"] == "***"


def test_settings_json_file_and_errors(tmp_path: Path) -> None:
    cfg = tmp_path / "verm.json"
    cfg.write_text(json.dumps({"endpoint": "http://a/v1,http://b/v1", "max_side": "768"}), encoding="utf-8")
    s = VlmSettings.load(cfg, environ={})
    assert s.endpoints == ["http://a/v1", "http://b/v1"] and s.max_side == 768
    cfg.write_text(json.dumps({"endpoints": "http://a", "bogus": 1}), encoding="utf-8")
    with pytest.raises(InputError, match="unknown vlm settings"):
        VlmSettings.load(cfg, environ={})
    with pytest.raises(InputError, match="VERM_VLM_RETRIES"):
        VlmSettings.load(environ={"VERM_VLM_RETRIES": "many"})


# -- prompts as their authors wrote them ---------------------------------------------------------

AUTHORS_STYLE_PY = '''
"""A reward script in the style of the paper's: prompts as string constants, read with ast, never run."""
import os
os.system("echo this file must never run")

CHART_PROMPT = """\\
You compare two charts. Image 1 is the original, Image 2 the generated one.
The JSON schema MUST match exactly:
{
  "structure_error_count": int,
  "data_error_count": int,
  "text_error_count": int,
  "style_error_count": int,
  "errors": [
    {
      "category": "structure_error | data_error | text_error | style_error",
      "severity": 1 | 2 | 3,
      "location": "Specific location",
      "description": "Concise description of the error."
    }
  ]
}
"""

def build_prompt_for_table() -> str:
    prompt = """
You audit table parsing.
{
  "layout_error_count": int,
  "text_error_count": int,
  "numeric_error_count": int,
  "errors": [
    {
      "type": "layout_error | text_error | numeric_error",
      "description": "A short description of what is wrong and where it is wrong",
      "severity": 1|2|3
    }
  ]
}
"""
    return prompt
'''


def test_python_prompt_file_is_read_not_run_and_picked_by_task(tmp_path: Path, capfd) -> None:
    path = tmp_path / "reward_utils.py"
    path.write_text(AUTHORS_STYLE_PY)
    chart = load_prompt("chart", path)
    table = load_prompt("table", path)
    assert chart.text.startswith("You compare two charts.") and chart.text.endswith("}\n")  # as it is
    assert table.text.startswith("\nYou audit table parsing.")
    assert chart.version.startswith("file:reward_utils.py:CHART_PROMPT@")
    assert table.source.endswith("::build_prompt_for_table.prompt")
    assert "never run" not in capfd.readouterr().out
    assert load_prompt("chart", f"{path}::CHART_PROMPT").text == chart.text
    with pytest.raises(InputError, match="no svg prompt"):
        load_prompt("svg", path)


def test_a_prompt_for_another_task_is_refused_by_name_but_left_out_of_resolve(tmp_path: Path) -> None:
    from verm.judge.prompts import PromptTaskMismatch, resolve_prompts

    path = tmp_path / "chart.txt"
    path.write_text("Compare.\n" + PAPER_CHART)
    with pytest.raises(PromptTaskMismatch, match="is a chart prompt"):
        load_prompt("table", path)
    prompts = resolve_prompts(str(path))  # one file for a judge of every task
    assert prompts[Task.CHART].source == str(path) and prompts[Task.TABLE].version == "verm-table-v1"


def test_image_placeholders_place_the_images_where_they_stand() -> None:
    from verm.judge.prompts import placeholder_text

    p = Prompt(version="paper", text="<image>\n<image>\nCompare them: data_error_count")
    parts = build_messages("chart", "AAAA", "BBBB", p)[0]["content"]
    assert [x["type"] for x in parts] == ["image_url", "text", "image_url", "text"]
    assert parts[0]["image_url"]["url"].endswith("AAAA") and parts[2]["image_url"]["url"].endswith("BBBB")
    assert parts[1]["text"] == "\n" and parts[3]["text"] == "\nCompare them: data_error_count"
    assert placeholder_text(p) == p.text  # ShareGPT keeps the author's placement
    assert placeholder_text(get_prompt("svg")) == "<image><image>" + get_prompt("svg").text


def test_three_placeholders_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("<image><image><image> compare")
    with pytest.raises(InputError, match="3 <image> placeholders"):
        load_prompt("chart", path)


def test_answers_follow_the_prompts_schema_block(tmp_path: Path) -> None:
    from verm.judge.prompts import format_answer
    from verm.types import Discrepancy

    path = tmp_path / "reward_utils.py"
    path.write_text(AUTHORS_STYLE_PY)
    d = Discrepancy(
        category="numeric_error", severity=2, location="row 3", description="12 reads 21.", bbox=(0, 0, 1, 1)
    )
    table = json.loads(format_answer("table", [d], load_prompt("table", path)))
    assert list(table) == ["layout_error_count", "text_error_count", "numeric_error_count", "errors"]
    assert table["errors"] == [{"type": "numeric_error", "description": "12 reads 21.", "severity": 2}]
    d2 = Discrepancy(category="data_error", severity=3, location="bar 2", description="Bar 2 is 5, not 9.")
    chart = json.loads(format_answer("chart", [d2], load_prompt("chart", path)))
    assert chart["data_error_count"] == 1 and chart["errors"][0] == {
        "category": "data_error",
        "severity": 3,
        "location": "bar 2",
        "description": "Bar 2 is 5, not 9.",
    }
    # A prompt without a schema block gets the built-in one; no bbox unless a schema asks for it.
    plain = json.loads(format_answer("chart", [d2], Prompt(version="x", text="Compare the charts.")))
    assert set(plain["errors"][0]) == {"category", "severity", "location", "description"}
