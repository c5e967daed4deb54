"""``verm bench eval --protocol official``: VC-RewardBench's scoring, with the LLM matcher
talking over real HTTP (127.0.0.1) to a fake matcher that follows the protocol
(``matches`` with ``pred_id``/``gt_id``/``match_level``, ``unmatched_pred``,
``unmatched_gt``). Every number below is worked out by hand in the comments.

The fake matcher reads the PRED and GT lists from the prompt and matches items
of the same type: the same location -> "yes"; the same first location word ->
"partial"; greedy, one to one. Its first answer to each prompt is prose (not
JSON), which the client must ask again for; a prompt naming "boom" always gets
HTTP 500.
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from verm.bench.cli import bench_app
from verm.bench.evaluate import evaluate
from verm.bench.match import LlmMatcher, openai_complete


def _list_after(prompt: str, label: str) -> list[dict[str, Any]]:
    m = re.search(rf"^{label}:\n(\[.*?\n\])", prompt, flags=re.S | re.M)
    assert m, f"no {label} list in the prompt"
    return json.loads(m.group(1))


class FakeMatcher:
    """A real HTTP server answering chat completions in VC-RewardBench's matching protocol."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> FakeMatcher:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)

    @staticmethod
    def decide(prompt: str) -> dict[str, Any]:
        pred, gt = _list_after(prompt, "PRED"), _list_after(prompt, "GT")
        used: set[int] = set()
        matches = []
        for p in pred:
            for g in gt:
                if g["gt_id"] in used or g["type"] != p["type"]:
                    continue
                if g["location"] == p["location"]:
                    level = "yes"
                elif g["location"].split()[0] == p["location"].split()[0]:
                    level = "partial"
                else:
                    continue
                used.add(g["gt_id"])
                matches.append({"pred_id": p["pred_id"], "gt_id": g["gt_id"], "match_level": level})
                break
        matched_p = {m["pred_id"] for m in matches}
        return {
            "matches": matches,
            "unmatched_pred": [p["pred_id"] for p in pred if p["pred_id"] not in matched_p],
            "unmatched_gt": [g["gt_id"] for g in gt if g["gt_id"] not in used],
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        srv = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # /v1/models: the client asks which model is served
                self._send(200, {"object": "list", "data": [{"id": "fake-matcher", "object": "model"}]})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
                prompt = body["messages"][-1]["content"]
                assert body["model"] == "fake-matcher"
                if "boom" in prompt:
                    self._send(500, {"error": "the matcher crashed"})
                    return
                with srv.lock:
                    first = srv.seen[prompt] == 0
                    srv.seen[prompt] += 1
                content = (
                    "Let me think about which errors are the same."
                    if first
                    else f"<think>align</think>```json\n{json.dumps(srv.decide(prompt))}\n```"
                )
                self._send(200, {"choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                              "finish_reason": "stop"}]})  # fmt: skip

        return Handler


def err(category: str, severity: int, location: str) -> dict[str, Any]:
    return {"category": category, "severity": severity, "location": location, "description": f"{location} is wrong"}


#: id -> (task, true errors, predicted errors)
PAIRS: dict[str, tuple[str, list[dict], list[dict]]] = {
    # yes (data_error, bar 2), FP (style_error), FN (text_error)
    "c1": ("chart", [err("data_error", 2, "bar 2"), err("text_error", 1, "title")],
           [err("data_error", 2, "bar 2"), err("style_error", 1, "legend")]),
    # partial: same type, "subplot 2" vs "subplot 2 axes"
    "c2": ("chart", [err("structure_error", 3, "subplot 2")], [err("structure_error", 2, "subplot 2 axes")]),
    # nothing on either side
    "c3": ("chart", [], []),
    # the matcher always fails on this one: left out, counted
    "c4": ("chart", [err("data_error", 3, "bar 1")], [err("data_error", 3, "boom")]),
    # tables: no errors on either side anywhere -> F1 = 1 under the official protocol
    "t1": ("table", [], []),
    "t2": ("table", [], []),
}  # fmt: skip


@pytest.fixture
def bench_and_results(tmp_path: Path) -> tuple[Path, Path]:
    bench = tmp_path / "bench"
    bench.mkdir()
    lines = [
        {"id": i, "category": task, "gt_img_path": f"{i}-ref.png", "pred_img_path": f"{i}.png", "human_errors": truth}
        for i, (task, truth, _) in PAIRS.items()
    ]
    (bench / "bench.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    res = tmp_path / "judge"
    res.mkdir()
    config = {"judge": "scene", "judge_options": {}, "shaping": {}, "bench": str(bench / "bench.jsonl"), "hash": "x"}
    (res / "config.json").write_text(json.dumps(config))
    rows = [
        {"id": i, "task": task, "status": "ok", "errors": pred, "reward": 2.0 - sum(e["severity"] for e in pred) / 50}
        for i, (task, _, pred) in PAIRS.items()
    ]
    (res / "results.jsonl").write_text("".join(json.dumps(x) + "\n" for x in rows))
    return bench, res


def test_official_numbers_by_hand(bench_and_results):
    bench, res = bench_and_results
    with FakeMatcher() as server:
        matcher = LlmMatcher(openai_complete(server.url, retries=1, timeout_s=10))
        report = evaluate(res, bench=bench, matcher=matcher, protocol="official")
        # c1 and c2 needed two requests each (prose first); c3, t1, t2 have nothing to ask; c4 failed.
        assert sorted(server.seen.values()) == [2, 2]
    assert report["protocol"] == "official" and report["matcher"] == "llm"
    assert report["n_match_failures"] == 1  # c4, left out

    chart = report["by_task"]["chart"]
    assert chart["n_pairs"] == 3
    det = chart["detection"]["overall"]
    # hard TP = 1 (c1 yes); soft TP = 1 + 0.5 (c2 partial) = 1.5; FP = 1 (c1 legend); FN = 1 (c1 title).
    assert (det["tp_hard"], det["tp_soft"], det["fp"], det["fn"]) == (1, 1.5, 1, 1)
    # hard: P = 1/2, R = 1/2, F1 = 1/2. soft: P = 1.5/2.5 = 0.6, R = 0.6, F1 = 0.6.
    assert det["f1_hard"] == pytest.approx(0.5) and det["precision_hard"] == pytest.approx(0.5)
    assert det["f1_soft"] == pytest.approx(0.6) and det["recall_soft"] == pytest.approx(0.6)
    cats = chart["detection"]["by_category"]
    assert cats["data_error"]["f1_hard"] == 1.0  # TP 1, nothing else
    assert cats["text_error"]["f1_hard"] == 0.0 and cats["text_error"]["fn"] == 1
    assert cats["style_error"]["f1_soft"] == 0.0 and cats["style_error"]["fp"] == 1
    # structure_error holds only c2's partial: hard TP = FP = FN = 0 -> F1 = 1; soft: P = R = 0.5/0.5 -> 1.
    assert cats["structure_error"]["f1_hard"] == 1.0 and cats["structure_error"]["f1_soft"] == 1.0
    # Severity sums (pred, true): c1 (3, 3), c2 (2, 3), c3 (0, 0): r = 5 / sqrt(14/3 * 6) = 5 / sqrt(28).
    assert chart["severity"]["pearson_total_severity"] == pytest.approx(5 / 28**0.5)

    table = report["by_task"]["table"]
    det_t = table["detection"]["overall"]
    # No error on either side, in any table pair: TP = FP = FN = 0 -> F1 = 1, hard and soft.
    assert (det_t["tp_hard"], det_t["fp"], det_t["fn"]) == (0, 0, 0)
    assert det_t["f1_hard"] == 1.0 and det_t["f1_soft"] == 1.0
    assert all(c["f1_hard"] == 1.0 for c in table["detection"]["by_category"].values())
    assert table["severity"]["pearson_total_severity"] is None  # constant sums: undefined (the script's NaN)

    # In total: (3, 3), (2, 3), (0, 0), (0, 0), (0, 0): cov 9, var 8 and 10.8 -> r = 9 / sqrt(86.4).
    total = report["overall"]
    assert total["severity"]["pearson_total_severity"] == pytest.approx(9 / 86.4**0.5)
    assert total["detection"]["overall"]["f1_hard"] == pytest.approx(0.5)

    # verm's own protocol on the same counts leaves F1 undefined where nothing is counted.
    verm_report = evaluate(res, bench=bench, matcher=matcher, protocol="verm")
    assert verm_report["by_task"]["table"]["detection"]["overall"]["f1_hard"] is None


def test_cli_official_beside_the_rule_matcher(bench_and_results):
    _, res = bench_and_results
    runner = CliRunner()
    with FakeMatcher() as server:
        out = runner.invoke(bench_app, ["eval", str(res), "--protocol", "official", "--llm-url", server.url, "--json"])
    assert out.exit_code == 0, out.output
    reports = json.loads(out.stdout[out.stdout.index("[") :])
    official, rule = reports
    assert official["judge"].endswith("official (llm matcher)") and rule["judge"].endswith("verm (rule matcher)")
    assert official["by_task"]["table"]["detection"]["overall"]["f1_hard"] == 1.0
    assert rule["by_task"]["table"]["detection"]["overall"]["f1_hard"] is None
    # The rule matcher matches by words: c1's bar 2 (yes), and c4 too (no endpoint to fail).
    assert rule["by_task"]["chart"]["n_pairs"] == 4

    missing = runner.invoke(bench_app, ["eval", str(res), "--protocol", "official"])
    assert missing.exit_code != 0 and "--llm-url" in missing.output
