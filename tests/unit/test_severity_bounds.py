"""`benchmarks/severity_bounds.py`: each bound removes exactly one kind of error from a judge's results."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.severity_bounds import severity_bounds


def _error(category: str, severity: int, box: tuple[float, float, float, float]) -> dict:
    return {"category": category, "severity": severity, "location": "x", "description": "d", "bbox": list(box)}


LEFT, RIGHT = (0.0, 0.0, 0.4, 0.4), (0.6, 0.6, 1.0, 1.0)


def _write(tmp_path: Path, pairs: list[tuple[list[dict], list[dict]]]) -> str:
    """A bench of SVG pairs (true errors, predicted errors) and a judge's results for it."""
    bench, results = tmp_path / "bench", tmp_path / "results"
    bench.mkdir()
    results.mkdir()
    with (bench / "bench.jsonl").open("w") as b, (results / "results.jsonl").open("w") as r:
        for i, (true, pred) in enumerate(pairs):
            rid = f"svg-{i}"
            b.write(json.dumps({"id": rid, "category": "svg", "gt_img_path": "a.png", "pred_img_path": "b.png",
                                "human_errors": true}) + "\n")  # fmt: skip
            r.write(json.dumps({"id": rid, "task": "svg", "status": "ok", "errors": pred}) + "\n")
    (results / "config.json").write_text(json.dumps({"bench": str(bench / "bench.jsonl"), "judge": "pixel"}))
    return str(results)


def test_each_bound_takes_away_one_kind_of_error(tmp_path):
    shape, style = "shape_error", "style_error"
    pairs = [
        ([_error(shape, 1, LEFT)], [_error(shape, 1, LEFT), _error(style, 3, RIGHT)]),  # one false item
        ([_error(shape, 3, LEFT)], [_error(shape, 3, LEFT)]),
        ([_error(shape, 2, LEFT), _error(style, 3, RIGHT)], [_error(shape, 2, LEFT)]),  # one miss
        ([_error(shape, 2, LEFT), _error(style, 2, RIGHT)], [_error(shape, 1, LEFT), _error(style, 2, RIGHT)]),
    ]
    bounds = severity_bounds(_write(tmp_path, pairs))["svg"]
    truth, pred = [1, 3, 5, 4], [4, 3, 2, 3]
    assert bounds["r"] == pytest.approx(_r(pred, truth))
    assert bounds["r"] < 0  # the false item and the miss turn the order round
    assert bounds["no false"] == pytest.approx(_r([1, 3, 2, 3], truth))
    assert bounds["no misses"] == pytest.approx(_r([4, 3, 5, 3], truth))
    assert bounds["exact sev"] == pytest.approx(_r([4, 3, 2, 4], truth))
    assert bounds["1-edit ok"] == pytest.approx(_r([1, 3, 2, 3], truth))
    assert bounds["counter"] == pytest.approx(_r([1, 1, 2, 2], truth))
    assert bounds["items"] == pytest.approx(_r([2, 1, 1, 2], truth))


def test_apart_counts_the_pairs_whose_edits_a_pixel_judge_could_tell_apart(tmp_path):
    shape, style = "shape_error", "style_error"
    inner = (0.1, 0.1, 0.3, 0.3)  # inside LEFT: two edits on one place
    pairs = [
        ([_error(shape, 1, LEFT), _error(style, 2, RIGHT)], [_error(shape, 1, LEFT)]),
        ([_error(shape, 2, LEFT), _error(style, 2, inner)], [_error(shape, 3, LEFT)]),
        ([_error(shape, 3, LEFT)], [_error(shape, 2, LEFT)]),  # one edit: not counted
    ]
    assert severity_bounds(_write(tmp_path, pairs))["svg"]["apart"] == pytest.approx(0.5)


def test_a_judge_without_discrepancies_has_no_bounds(tmp_path):
    pairs = [([_error("shape_error", s, LEFT)], []) for s in (1, 2, 3)]
    assert severity_bounds(_write(tmp_path, pairs)) == {}


def _r(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return cov / math.sqrt(sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys))
