"""End to end: completion -> extract -> sandboxed render -> pixel judge -> reward."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from tests.conftest import bar_chart

from verm.pipeline import Scorer
from verm.types import Status

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scorer():
    with Scorer("chart", judge="pixel") as s:
        yield s


def _fence(code: str) -> str:
    return f"Here is the chart.\n```python\n{code}\n```\n"


def _changed_box(ref_png: bytes, cand_png: bytes) -> tuple[float, float, float, float]:
    """Where the two images really differ, as fractions (the ground truth for the boxes)."""
    a = np.asarray(Image.open(io.BytesIO(ref_png)).convert("RGB"), dtype=int)
    b = np.asarray(Image.open(io.BytesIO(cand_png)).convert("RGB"), dtype=int)
    ys, xs = np.nonzero(np.abs(a - b).max(axis=2) > 40)
    h, w = a.shape[:2]
    return xs.min() / w, ys.min() / h, (xs.max() + 1) / w, (ys.max() + 1) / h


def _covered(box, target, slack: float = 0.02) -> bool:
    return (
        box[0] <= target[0] + slack
        and box[1] <= target[1] + slack
        and box[2] >= target[2] - slack
        and box[3] >= target[3] - slack
    )


def test_identical_candidate_gets_two_and_no_discrepancies(scorer):
    reward = scorer.score(bar_chart(), _fence(bar_chart()))
    assert reward.status is Status.OK
    assert reward.score == 2.0
    assert reward.judgment.discrepancies == []


@pytest.mark.parametrize(
    ("candidate", "category"),
    [(bar_chart(c0="#9467bd"), "style_error"), (bar_chart(title="Annual profit by territory"), "text_error")],
    ids=["bar_colour", "title"],
)
def test_a_change_lowers_the_reward_and_is_boxed(scorer, candidate, category):
    ref = scorer.reference(bar_chart())
    reward = scorer.score(ref, _fence(candidate))
    assert reward.status is Status.OK
    assert reward.score < 2.0
    cand = scorer.renderer.render(candidate)
    truth = _changed_box(ref.png, cand.png)
    boxes = [d.bbox for d in reward.judgment.discrepancies if d.bbox]
    assert any(_covered(b, truth) for b in boxes), (truth, reward.judgment.discrepancies)
    assert category in {d.category for d in reward.judgment.discrepancies}


def test_failures_are_statuses_not_scores(scorer):
    ref = bar_chart()
    no_code, crash, blank = scorer.score_batch(
        [ref] * 3,
        [
            "I can't do that.",
            _fence("import matplotlib.pyplot as plt\nplt.plot(undefined_name)"),
            _fence("import matplotlib.pyplot as plt\nfig = plt.figure()"),
        ],
    )
    assert (no_code.status, no_code.score) == (Status.NO_CODE, 0.0)
    assert (crash.status, crash.score) == (Status.RENDER_ERROR, 0.0) and "NameError" in crash.reason
    assert (blank.status, blank.score) == (Status.BLANK, 0.0)


def test_reference_png_file_and_source_file_agree(scorer, tmp_path):
    src = tmp_path / "ref.py"
    src.write_text(bar_chart())
    png = tmp_path / "ref.png"
    png.write_bytes(scorer.reference(src).png)
    a = scorer.score(src, _fence(bar_chart()))
    b = scorer.score(png, _fence(bar_chart()))
    assert a.score == b.score == 2.0
    with pytest.raises(Exception, match="not found"):
        scorer.reference(tmp_path / "missing.png")


def test_cli_score_json_and_report(tmp_path):
    out = tmp_path / "report"
    proc = subprocess.run(
        [
            sys.executable, "-m", "verm.cli", "score", "--task", "chart",
            "--reference", str(ROOT / "examples" / "chart_reference.py"),
            "--candidate", str(ROOT / "examples" / "chart_candidate.txt"),
            "--report", str(out), "--json",
        ],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["status"] == "ok" and 1.0 < result["score"] < 2.0
    assert result["judgment"]["errors"], "the example candidate has three changes"
    assert (out / "side_by_side.png").is_file() and (out / "report.html").is_file()


def test_cli_score_bad_input_is_a_clear_error(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "verm.cli", "score", "--task", "chart", "--reference", str(tmp_path / "nope.png"),
         "--candidate", str(ROOT / "examples" / "chart_candidate.txt")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "reference file not found" in proc.stderr


def test_cli_render_many_reports_each_file(tmp_path):
    good = tmp_path / "good.py"
    good.write_text(bar_chart())
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nos.system('id')")
    proc = subprocess.run(
        [sys.executable, "-m", "verm.cli", "render", "--task", "chart", str(good), str(bad),
         "--out", str(tmp_path / "out"), "--json"],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["status"] for r in rows] == ["ok", "render_error"]
    assert "not allowed" in rows[1]["reason"]
    assert (tmp_path / "out" / "good.png").is_file() and (tmp_path / "out" / "good.scene.json").is_file()


def test_cli_render_resumes_and_keeps_same_named_files_apart(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "chart.py").write_text(bar_chart())
    (b / "chart.py").write_text(bar_chart(c0="#000000"))
    cmd = [sys.executable, "-m", "verm.cli", "render", "--task", "chart", str(a / "chart.py"), str(b / "chart.py"),
           "--out", str(tmp_path / "out"), "--json"]  # fmt: skip
    first = [
        json.loads(x) for x in subprocess.run(cmd, capture_output=True, text=True, timeout=240).stdout.splitlines()
    ]
    assert [r["status"] for r in first] == ["ok", "ok"]
    assert first[0]["png"] != first[1]["png"]
    again = [
        json.loads(x) for x in subprocess.run(cmd, capture_output=True, text=True, timeout=240).stdout.splitlines()
    ]
    assert [r["reason"] for r in again] == ["kept from an earlier run"] * 2
