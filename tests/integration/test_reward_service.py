"""The reward service for real: ``verm serve`` in a subprocess on 127.0.0.1, a real httpx client.

OpenRLHF's exact JSON both ways; a group of eight identical completions rendered
once (as /metrics shows); many requests in flight at once; and faults — a render
worker killed mid-batch, a judge endpoint that stops answering, malformed requests,
a client that leaves, overload, shutdown with work in flight — each ending in a
defined result while the service stays up.
"""

from __future__ import annotations

import asyncio
import base64
import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.conftest import bar_chart
from tests.servers import ServeProcess, free_port, serve

from verm.integrations.openrlhf import EXTRA_LOG_KEYS
from verm.pipeline import Scorer

pytestmark = pytest.mark.timeout(300)

PROMPT = "<|im_start|>user\n<|vision_start|><|image_pad|><|vision_end|>Write matplotlib code for this chart.<|im_end|>\n<|im_start|>assistant\n"  # fmt: skip


def fence(code: str, prose: str = "Here is the chart.") -> str:
    return f"{prose}\n```python\n{code}\n```"


def slow_chart(tag: str, seconds: float = 1.0) -> str:
    return f"import time\ntime.sleep({seconds})\n" + bar_chart(title=f"Revenue {tag}")


def openrlhf_body(responses: list[str], labels: list[str]) -> dict:
    return {
        "query": [PROMPT + r + "<|im_end|>" for r in responses],
        "prompts": [PROMPT] * len(responses),
        "labels": labels,
    }


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serve(["--task", "chart", "--max-body-mb", "2", "--max-pending", "8192"], log) as server:
        yield server


def check_openrlhf_answer(answer: dict, n: int) -> None:
    assert set(answer) == {"rewards", "scores", "extra_logs"}
    assert len(answer["rewards"]) == len(answer["scores"]) == n
    assert all(isinstance(v, float) for v in answer["rewards"] + answer["scores"])  # never null
    assert all(0.0 <= s <= 1.0 for s in answer["scores"])
    assert set(answer["extra_logs"]) == set(EXTRA_LOG_KEYS)
    for values in answer["extra_logs"].values():
        assert len(values) == n and all(isinstance(v, float) for v in values)


def test_openrlhf_exact_protocol(service: ServeProcess) -> None:
    ref = bar_chart()
    with Scorer("chart", judge="pixel") as scorer:
        png = base64.b64encode(scorer.reference(ref).png or b"").decode()
    responses = [
        fence(bar_chart()),  # the reference itself
        fence(bar_chart(c0="#9467bd")),  # one colour off
        "I cannot draw this.",  # no code
        "```python\nimport matplotlib.pyplot as plt\nplt.figure()\n```",  # an empty figure
        fence(bar_chart()),  # the same again, reference as a base64 PNG
        fence(bar_chart()),  # reference and task in a JSON label
    ]
    labels = [ref, ref, ref, ref, png, f'{{"reference": "data:image/png;base64,{png}", "task": "chart"}}']
    with httpx.Client(timeout=120, trust_env=False) as client:
        resp = client.post(service.url + "/openrlhf", json=openrlhf_body(responses, labels))
        assert resp.status_code == 200, resp.text
        answer = resp.json()
        check_openrlhf_answer(answer, len(responses))
        logs = answer["extra_logs"]
        assert answer["rewards"][0] == 2.0 and answer["scores"][0] == 1.0
        assert 1.0 < answer["rewards"][1] < 2.0
        assert logs["verm_status_no_code"][2] == 1.0 and answer["rewards"][2] == 0.0
        assert logs["verm_status_blank"][3] == 1.0 and answer["rewards"][3] == 0.0
        assert answer["rewards"][4] > 1.9 and answer["rewards"][5] > 1.9  # image references judged by pixels
        assert logs["verm_filled"] == [0.0] * len(responses)
        # An empty batch (an extra server given no samples) gets an empty answer.
        empty = client.post(service.url + "/openrlhf", json={"query": [], "prompts": [], "labels": []}).json()
        assert empty["rewards"] == [] and empty["scores"] == [] and all(v == [] for v in empty["extra_logs"].values())
        # The alias OpenRLHF examples use answers the same protocol.
        same = client.post(service.url + "/get_reward", json=openrlhf_body(responses[:1], labels[:1])).json()
        assert same["rewards"] == [2.0]


def test_a_bad_label_fails_its_sample_with_a_number(service: ServeProcess) -> None:
    body = openrlhf_body([fence(bar_chart()), fence(bar_chart())], [bar_chart(), "/etc/passwd"])
    answer = httpx.post(service.url + "/openrlhf", json=body, timeout=120, trust_env=False).json()
    check_openrlhf_answer(answer, 2)
    # A path is not read (no --reference-root): judge_error, filled with the prompt's mean, flagged.
    assert answer["extra_logs"]["verm_status_judge_error"] == [0.0, 1.0]
    assert answer["extra_logs"]["verm_filled"] == [0.0, 1.0]
    assert answer["rewards"] == [2.0, 2.0]


def test_eight_identical_completions_are_rendered_once(service: ServeProcess) -> None:
    ref = bar_chart()
    httpx.post(service.url + "/score", json={"reference": ref, "completion": "warm the reference"}, timeout=120)
    code = bar_chart(title=f"Group {uuid.uuid4().hex[:8]}")  # new code: nothing cached
    before = service.metric("verm_renders_total", task="chart")
    shared = service.metric("verm_cache_events_total", task="chart", stage="render", result="shared")
    hits = service.metric("verm_cache_events_total", task="chart", stage="render", result="hit")

    async def group() -> list[dict]:
        async with httpx.AsyncClient(timeout=120, trust_env=False) as client:
            # As OpenRLHF sends them: one request per sample, all at once, the prose differing.
            reqs = [
                client.post(service.url + "/openrlhf", json=openrlhf_body([fence(code, f"Try {i}")], [ref]))
                for i in range(8)
            ]
            return [r.json() for r in await asyncio.gather(*reqs)]

    answers = asyncio.run(group())
    assert len({a["rewards"][0] for a in answers}) == 1
    assert service.metric("verm_renders_total", task="chart") - before == 1
    after_shared = service.metric("verm_cache_events_total", task="chart", stage="render", result="shared")
    after_hits = service.metric("verm_cache_events_total", task="chart", stage="render", result="hit")
    assert (after_shared - shared) + (after_hits - hits) == 7


def test_many_requests_in_flight_are_all_answered(service: ServeProcess) -> None:
    """The cheap path (one code, cached after the first render), 512 requests at once; the benchmark
    (benchmarks/service_load.py) runs 2,048 at once and 20,000 in all."""
    ref, comp = bar_chart(), fence(bar_chart(title="Load"))

    async def burst(n: int) -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
        async with httpx.AsyncClient(timeout=240, limits=limits, trust_env=False) as client:
            body = openrlhf_body([comp], [ref])
            return await asyncio.gather(*(client.post(service.url + "/openrlhf", json=body) for _ in range(n)))

    responses = asyncio.run(burst(512))
    assert [r.status_code for r in responses] == [200] * 512
    assert len({r.json()["rewards"][0] for r in responses}) == 1


def test_render_worker_killed_mid_batch(service: ServeProcess) -> None:
    """The zygote (every render worker) is SIGKILLed while a batch renders: each sample is retried on
    the restarted pool and ends ok, never as the candidate's render_error."""
    tag = uuid.uuid4().hex[:6]
    comps = [fence(slow_chart(f"{tag}-{i}", 1.0)) for i in range(4)]
    result: dict = {}

    def post() -> None:
        body = {"references": [bar_chart()] * 4, "completions": comps}
        result["resp"] = httpx.post(service.url + "/score_batch", json=body, timeout=180, trust_env=False)

    retries = service.metric("verm_infra_retries_total", task="chart", stage="render")
    t = threading.Thread(target=post)
    t.start()
    time.sleep(0.8)  # the first renders are sleeping in their workers
    zygote = service.zygote()
    assert service.children(zygote), "no render in flight to kill"
    os.kill(zygote, signal.SIGKILL)
    t.join(180)
    rewards = result["resp"].json()["rewards"]
    assert [r["status"] for r in rewards] == ["ok"] * 4, [r.get("reason") for r in rewards]
    assert service.metric("verm_infra_retries_total", task="chart", stage="render") > retries
    # A render child killed on its own (not by a limit) is retried the same way.
    t2 = threading.Thread(target=post)
    comps[:] = [fence(slow_chart(f"{tag}-b{i}", 1.0)) for i in range(4)]
    t2.start()
    time.sleep(0.8)
    for child in service.children(service.zygote()):
        os.kill(child, signal.SIGKILL)
    t2.join(180)
    rewards = result["resp"].json()["rewards"]
    assert [r["status"] for r in rewards] == ["ok"] * 4, [r.get("reason") for r in rewards]
    assert httpx.get(service.url + "/healthz", trust_env=False).json()["status"] == "ok"


def test_malformed_requests_get_4xx_and_the_service_stays_up(service: ServeProcess) -> None:
    url = service.url
    with httpx.Client(timeout=30, trust_env=False) as c:
        assert c.post(url + "/openrlhf", content=b"{not json").status_code == 400
        assert c.post(url + "/openrlhf", json=[1, 2]).status_code == 400
        assert c.post(url + "/openrlhf", json={"query": "one string"}).status_code == 400
        bad = c.post(url + "/openrlhf", json={"query": ["a", "b"], "prompts": ["a"], "labels": ["x", "y"]})
        assert bad.status_code == 400 and "prompts" in bad.json()["error"]["message"]
        assert c.post(url + "/score_batch", json={"references": [1], "completions": []}).status_code == 400
        assert c.post(url + "/score", json={"completion": "x"}).status_code == 400
        assert c.post(url + "/score", json={"reference": "x", "completion": "y", "task": "poem"}).status_code == 400
        big = c.post(url + "/score", content=b"x" * (3 * 1024 * 1024), headers={"content-type": "application/json"})
        assert big.status_code == 413
        assert c.get(url + "/healthz").json()["status"] == "ok"
        assert service.metric("verm_rejected_total", reason="malformed") >= 4


def test_a_client_that_leaves_does_not_hurt_the_service(service: ServeProcess) -> None:
    before = service.metric("verm_client_disconnects_total")
    comp = fence(slow_chart(uuid.uuid4().hex[:6], 1.5))
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(service.url + "/score", json={"reference": bar_chart(), "completion": comp}, timeout=0.5)
    deadline = time.monotonic() + 30
    while service.metric("verm_client_disconnects_total") == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert service.metric("verm_client_disconnects_total") == before + 1
    # The work was kept: the client's retry is answered from the cache at once.
    again = httpx.post(service.url + "/score", json={"reference": bar_chart(), "completion": comp}, timeout=60).json()
    assert again["status"] == "ok" and again["cache"]["render"] == "hit"


def test_api_key_size_and_back_pressure(tmp_path: Path) -> None:
    args = ["--api-key", "s3cret", "--max-pending", "2", "--max-batch", "4"]
    with serve(args, tmp_path / "strict.log") as strict:
        url = strict.url + "/score"
        body = {"reference": bar_chart(), "completion": fence(bar_chart())}
        with httpx.Client(timeout=120, trust_env=False) as c:
            assert c.post(url, json=body).status_code == 401
            assert c.post(url, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
            assert c.post(url, json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 200
            assert c.post(url, json=body, headers={"X-API-Key": "s3cret"}).status_code == 200
            assert c.post(url + "?api_key=s3cret", json=body).status_code == 200  # OpenRLHF cannot set headers
            five = {"references": [bar_chart()] * 5, "completions": ["x"] * 5}
            assert c.post(strict.url + "/score_batch?api_key=s3cret", json=five).status_code == 413
            assert c.get(strict.url + "/healthz").status_code == 200  # health needs no key

        async def flood() -> list[httpx.Response]:
            async with httpx.AsyncClient(timeout=120, trust_env=False) as client:
                reqs = [
                    client.post(
                        url + "?api_key=s3cret",
                        json={"reference": bar_chart(), "completion": fence(slow_chart(f"bp{i}", 0.5))},
                    )
                    for i in range(8)
                ]
                return await asyncio.gather(*reqs)

        codes = [r.status_code for r in asyncio.run(flood())]
        assert set(codes) <= {200, 429} and codes.count(429) >= 1 and codes.count(200) >= 2, codes
        assert strict.metric("verm_rejected_total", reason="overloaded") >= 1


def test_judge_endpoint_that_stops_answering(tmp_path: Path) -> None:
    """The vlm judge against a real endpoint (``verm serve --openai``) that is then stopped: samples end
    as infra_error (score None; OpenRLHF gets a filled number and the status), never as a 0; once the
    endpoint is back, the same samples score again (failures were not cached)."""
    judge_port = free_port()
    opts = f'{{"endpoints": ["http://127.0.0.1:{judge_port}/v1"], "model": "verm-pixel", "retries": 0, "timeout_s": 5}}'
    endpoint = ServeProcess(["--openai"], tmp_path / "judge.log", health="/health", port=judge_port)
    try:
        with serve(["--judge", "vlm", "--judge-options", opts], tmp_path / "svc.log") as svc:
            body = openrlhf_body([fence(bar_chart(c0="#9467bd"))], [bar_chart()])
            first = httpx.post(svc.url + "/openrlhf", json=body, timeout=120, trust_env=False).json()
            assert first["extra_logs"]["verm_status_ok"] == [1.0] and 1.0 < first["rewards"][0] < 2.0
            endpoint.stop()
            body = openrlhf_body([fence(bar_chart(title="Judge down"))], [bar_chart()])
            down = httpx.post(svc.url + "/openrlhf", json=body, timeout=120, trust_env=False).json()
            check_openrlhf_answer(down, 1)
            assert down["extra_logs"]["verm_status_infra_error"] == [1.0] and down["extra_logs"]["verm_filled"] == [1.0]
            assert down["rewards"] == [1.0]  # the middle of [0, 2]: no push either way
            one = {"reference": bar_chart(), "completion": fence(bar_chart(title="Judge down"))}
            scored = httpx.post(svc.url + "/score", json=one, timeout=120, trust_env=False).json()
            assert scored["status"] == "infra_error" and scored["score"] is None
            assert httpx.get(svc.url + "/healthz", trust_env=False).status_code == 200
            assert svc.metric("verm_infra_retries_total", task="chart", stage="judge") >= 1
            endpoint = ServeProcess(["--openai"], tmp_path / "judge2.log", health="/health", port=judge_port)
            back = httpx.post(svc.url + "/score", json=one, timeout=120, trust_env=False).json()
            assert back["status"] == "ok"
    finally:
        endpoint.stop()


def test_shutdown_finishes_the_work_in_flight(tmp_path: Path) -> None:
    with serve([], tmp_path / "shutdown.log") as svc:
        result: dict = {}

        def post() -> None:
            comp = fence(slow_chart("shutdown", 2.0))
            result["resp"] = httpx.post(
                svc.url + "/score", json={"reference": bar_chart(), "completion": comp}, timeout=120, trust_env=False
            )

        t = threading.Thread(target=post)
        t.start()
        time.sleep(1.0)
        code = svc.terminate()
        t.join(60)
        assert result["resp"].status_code == 200 and result["resp"].json()["status"] == "ok"
        # uvicorn re-raises the SIGTERM it caught once the server has shut down cleanly.
        assert code in (0, -signal.SIGTERM)
        assert "Traceback" not in svc.log_path.read_text(errors="replace")
