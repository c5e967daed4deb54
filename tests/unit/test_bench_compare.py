"""``verm bench compare``: the hack share, timing and per-task rows worked out by hand
on a bench written here (records and result lines as `verm bench run` writes them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verm.bench.cli import bench_app
from verm.bench.compare import WEIGHTS_NOTE_FILE, compare, markdown, task_rows, write_compare_html
from verm.bench.metrics import Hack, Ranked, hack_figures

ERR = {"category": "data_error", "severity": 2, "location": "bar 1", "description": "bar 1 is 5, should be 3"}


def record(rid: str, group: str, errors: list[dict], task: str = "chart", hack: str | None = None) -> dict:
    rec = {"id": rid, "category": task, "gt_img_path": f"{group}.png", "pred_img_path": f"{rid}.png",
           "human_errors": errors, "group": group}  # fmt: skip
    if hack:
        rec["hack"] = hack
    return rec


def write_bench(root: Path) -> Path:
    rows = [
        record("a1", "A", [ERR]),  # severity 2
        record("a2", "A", [ERR, {**ERR, "severity": 3, "location": "title"}]),  # severity 5
        record("a-blank", "A", [], hack="blank"),
        record("a-title", "A", [], hack="title_only"),
        record("b1", "B", [{**ERR, "severity": 1}]),
        record("t1", "T", [{"category": "text_error", "severity": 1}], task="table"),
    ]
    root.mkdir(parents=True, exist_ok=True)
    (root / "bench.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return root


def write_results(out: Path, bench: Path, judge: str, rewards: dict[str, float | None], options=None, errors=None):
    out.mkdir(parents=True, exist_ok=True)
    config = {"judge": judge, "judge_options": options or {}, "shaping": {}, "bench": str(bench / "bench.jsonl"),
              "hash": judge}  # fmt: skip
    (out / "config.json").write_text(json.dumps(config))
    lines = []
    for i, (rid, reward) in enumerate(rewards.items()):
        task = "table" if rid.startswith("t") else "chart"
        status = "ok" if reward is not None else "judge_error"
        lines.append({"id": rid, "task": task, "status": status, "errors": (errors or {}).get(rid, []),
                      "similarity": None if errors else reward and reward - 1, "reward": reward,
                      "elapsed_ms": 10.0 * (i + 1)})  # fmt: skip
    (out / "results.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    return out


def test_hack_share_by_hand():
    honest = [Ranked("A", 1.9, 2), Ranked("A", 1.5, 5), Ranked("B", 1.8, 1)]
    hacks = [Hack("A", "blank", 1.7), Hack("A", "title_only", 1.5), Hack("C", "blank", 0.0)]
    fig = hack_figures(hacks, honest)
    # blank 1.7: below 1.9 (yes), below 1.5 (no); title_only 1.5: below 1.9 (yes), tie with 1.5 (no);
    # the hack of group C has no honest candidate: no comparison.
    assert fig["share_below"] == pytest.approx(2 / 4)
    assert fig["n_hacks"] == 3 and fig["n_comparisons"] == 4
    assert fig["by_kind"] == {"blank": {"share_below": 0.5, "n_comparisons": 2},
                              "title_only": {"share_below": 0.5, "n_comparisons": 2}}  # fmt: skip
    assert hack_figures([Hack("A", "blank", None)], honest)["share_below"] == 0.0  # a missing reward is not below
    assert hack_figures([], honest)["share_below"] is None


def test_compare_rows_by_hand(tmp_path):
    bench = write_bench(tmp_path / "bench")
    good = write_results(tmp_path / "good", bench, "ssim",
                         {"a1": 1.9, "a2": 1.6, "a-blank": 1.2, "a-title": 1.95, "b1": 1.7, "t1": 1.8})  # fmt: skip
    weights = tmp_path / "tiny"
    weights.mkdir()
    (weights / WEIGHTS_NOTE_FILE).write_text(json.dumps({"note": "tiny random weights: not meaningful"}))
    chart_only = write_results(tmp_path / "dino", bench, "dino",
                               {"a1": 1.5, "a2": 1.5, "a-blank": 1.9, "a-title": 1.0, "b1": 1.5, "t1": None},
                               options={"weights": str(weights)})  # fmt: skip
    reports = compare([good, chart_only])
    by_label = {r["label"]: r for r in reports}
    assert set(by_label) == {"ssim", "dino (weights=tiny)"}
    assert by_label["dino (weights=tiny)"]["note"] == "tiny random weights: not meaningful"

    rows = {rep["label"]: r for rep, r in task_rows(reports, "chart")}
    good_row = rows["ssim"]
    # Hacks are left out of the pairs: 3 honest chart pairs.
    assert good_row["pairs"] == 3
    # a1 (sev 2) above a2 (sev 5): 1 ranking pair, right.
    assert good_row["ranking"] == 1.0
    # blank 1.2 < 1.9 and < 1.6: 2 of 2; title 1.95 above both: 0 of 2 -> 2/4.
    assert good_row["hacks_below"] == pytest.approx(0.5)
    # Honest chart pairs took 10, 20 and 50 ms: median 20.
    assert good_row["ms"] == pytest.approx(20.0)
    assert good_row["f1_hard"] is None  # a similarity-only baseline
    dino_row = rows["dino (weights=tiny)"]
    assert dino_row["ranking"] == 0.5  # a tie
    assert dino_row["hacks_below"] == pytest.approx(2 / 4)  # title 1.0 below both, blank 1.9 above both
    # The judge failed on every table pair: it is not listed under tables.
    assert [rep["label"] for rep, _ in task_rows(reports, "table")] == ["ssim"]

    md = markdown(reports)
    assert "| dino (weights=tiny) [1] |" in md and "[1] tiny random weights: not meaningful" in md
    page = write_compare_html(reports, tmp_path / "page" / "compare.html").read_text()
    assert page.count("data:image/png;base64,") == 2 and "not meaningful" in page


def test_no_hack_rows_read_na(tmp_path):
    bench = write_bench(tmp_path / "bench")
    lines = (bench / "bench.jsonl").read_text().splitlines()
    (bench / "bench.jsonl").write_text("".join(line + "\n" for line in lines if '"hack"' not in line))
    res = write_results(tmp_path / "r", bench, "mse", {"a1": 1.9, "a2": 1.6, "b1": 1.7, "t1": 1.8})
    md = markdown(compare([res]))
    assert "n/a" in md


def test_cli_compare(tmp_path):
    bench = write_bench(tmp_path / "bench")
    errs = {"a1": [ERR]}
    res = write_results(tmp_path / "scene", bench, "scene",
                        {"a1": 1.96, "a2": 1.98, "a-blank": 1.0, "a-title": 1.0, "b1": 2.0, "t1": 2.0}, errors=errs)  # fmt: skip
    out = CliRunner().invoke(bench_app, ["compare", str(res), "--markdown", str(tmp_path / "c.md"), "--html",
                                         str(tmp_path / "c.html")])  # fmt: skip
    assert out.exit_code == 0, out.output
    md = (tmp_path / "c.md").read_text()
    # a1: one true error, one predicted, same place: F1 1. a2: two true errors, none predicted. b1: one missed.
    # Pooled: TP 1, FP 0, FN 3 -> P 1, R 1/4, F1 0.4.
    assert "| scene | 3 | 0 | 0.400 | 0.400 |" in md
    assert "| 1.000 |" in md  # hacks: 1.0 below every honest reward
