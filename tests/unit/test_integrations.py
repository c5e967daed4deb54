"""The trainer adapters' shared pieces: inputs in trainer forms, statuses, spreading."""

from __future__ import annotations

import base64
import io
import os
import pickle

import numpy as np
import pytest
from PIL import Image

from verm.errors import ContractError, InputError
from verm.integrations._common import (
    SCORERS,
    STATUS_CODES,
    ScorerSpec,
    coerce_reference,
    completion_text,
    make_shaping,
    reference_key,
    resolve_task,
)
from verm.integrations.ray import _spread
from verm.integrations.verl import group_means
from verm.types import Rendering, Task


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, format="PNG")
    return buf.getvalue()


def test_references_in_every_dataset_form() -> None:
    png = _png()
    b64 = base64.b64encode(png).decode()
    for value in (
        png,
        bytearray(png),
        "data:image/png;base64," + b64,
        "base64:" + b64,
        b64,
        {"bytes": png, "path": "x.png"},
        [{"bytes": png, "path": None}],
        [png, b"other"],
    ):
        assert coerce_reference(value) == png, value
    pil = coerce_reference(Image.open(io.BytesIO(png)))
    assert Image.open(io.BytesIO(pil)).getpixel((0, 0)) == (255, 0, 0)
    array = coerce_reference(np.asarray(Image.open(io.BytesIO(png))))
    assert Image.open(io.BytesIO(array)).getpixel((7, 7)) == (255, 0, 0)
    column = np.array([{"bytes": png, "path": None}], dtype=object)  # how veRL hands a list column over
    assert coerce_reference(column) == png
    assert coerce_reference({"bytes": None, "path": "/data/x.png"}) == "/data/x.png"
    source = "import matplotlib.pyplot as plt\nplt.plot([1, 2])"
    assert coerce_reference(source) == source
    rendering = Rendering(task=Task.CHART, png=png)
    assert coerce_reference(rendering) is rendering
    for empty in (None, "", "   ", b"", [], {"bytes": None, "path": None}):
        assert coerce_reference(empty) is None, empty
    with pytest.raises(InputError, match="base64"):
        coerce_reference("data:image/png;base64,@@@=")
    with pytest.raises(InputError, match="cannot use a float"):
        coerce_reference(3.5)


def test_completions_standard_and_conversational() -> None:
    assert completion_text("plain") == "plain"
    assert completion_text([{"role": "assistant", "content": "code"}]) == "code"
    assert completion_text({"role": "assistant", "content": "one"}) == "one"
    parts = [{"role": "assistant", "content": [{"type": "text", "text": "a"}, {"type": "image"}, {"text": "b"}]}]
    assert completion_text(parts) == "ab"
    turns = [
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": "first"},
        {"role": "assistant", "content": "last"},
    ]
    assert completion_text(turns) == "last"
    assert completion_text(None) == ""


def test_tasks_from_names_and_data_sources() -> None:
    assert resolve_task("chart") is Task.CHART
    assert resolve_task(None, "", "verm/svg") is Task.SVG
    assert resolve_task("chartmimic-table") is Task.TABLE
    assert resolve_task(None, "TABLE") is Task.TABLE
    assert resolve_task("charts", "barchart") is None  # a task must be a word of its own
    assert resolve_task(None, None) is None


def test_spec_is_plain_hashable_and_validated() -> None:
    spec = ScorerSpec.build("chart", judge="vlm", shaping="visual-erm", judge_options={"b": 1, "a": [2]})
    assert spec == ScorerSpec.build(Task.CHART, "vlm", "visual-erm", {"a": [2], "b": 1})
    assert pickle.loads(pickle.dumps(spec)) == spec
    assert len({spec, pickle.loads(pickle.dumps(spec))}) == 1
    with pytest.raises(ContractError, match="unknown shaping"):
        ScorerSpec.build("chart", shaping="visual_erm")
    table = make_shaping("visual-erm-table")
    assert table.failure_score == -4.0  # the reference table script: -4 on any failure
    assert make_shaping("visual-erm").failure_score == 0.0
    assert make_shaping(None) is None


def test_scorer_cache_is_per_process(monkeypatch) -> None:
    spec = ScorerSpec.build("svg", judge="mse")
    first = SCORERS.get(spec)
    assert SCORERS.get(spec) is first
    # A forked child sees another pid and builds its own instead of using the parent's pool.
    monkeypatch.setattr(os, "getpid", lambda: -1)
    assert SCORERS.get(spec) is not first


def test_group_means_fill_only_missing_scores_within_a_group() -> None:
    keys = ["a", "a", "a", "b", "b", "", "c"]
    scores = [2.0, 1.0, None, None, None, None, None]
    assert group_means(keys, scores) == [None, None, 1.5, None, None, None, None]


def test_spread_keeps_groups_together_and_balances() -> None:
    keys = ["r1"] * 8 + ["r2"] * 8 + ["r3"] * 4 + ["r4"] * 4
    shares = _spread(keys, 2)
    assert sorted(i for share in shares for i in share) == list(range(24))
    assert sorted(len(s) for s in shares) == [12, 12]
    for share in shares:  # no group is split between actors
        for key in {keys[i] for i in share}:
            assert all(i in share for i, k in enumerate(keys) if k == key)


def test_status_codes_are_distinct_and_stable() -> None:
    assert len(set(STATUS_CODES.values())) == len(STATUS_CODES)
    assert STATUS_CODES["ok"] == 0 and STATUS_CODES["infra_error"] == 5
    assert reference_key(b"x") == reference_key(b"x") != reference_key(b"y")
    assert reference_key(None) == ""
