"""verm's veRL reward function on real renders and judges (veRL itself: tests/envs/verl).

Every path returns the same numeric keys (veRL stacks sample 0's keys over the batch),
never None and never an exception; the reference arrives in any form a dataset holds.
"""

from __future__ import annotations

import asyncio
import base64
import pickle
import socket

import pytest
from tests.integration.test_vlm_server import uvicorn_thread
from tests.tiny_policy import ANSWERS, REFERENCE

from verm.integrations import verl
from verm.integrations._common import STATUS_CODES
from verm.pipeline import Scorer
from verm.serve import create_openai_app

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def reference_png() -> bytes:
    with Scorer("chart") as scorer:
        return scorer.reference(REFERENCE).png


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing listens there


def test_every_path_returns_the_same_numeric_keys(tmp_path) -> None:
    ref_file = tmp_path / "ref.py"
    ref_file.write_text(REFERENCE)
    cases = {
        "ok": ("verm/chart", ANSWERS["faithful"], "", {"reference": REFERENCE}),
        "no_code": ("verm/chart", ANSWERS["prose"], "", {"reference": str(ref_file)}),
        "render_error": ("verm/chart", "```python\nraise SystemExit(3)\n```", REFERENCE, {}),
        "no reference": ("verm/chart", ANSWERS["faithful"], "", {}),
        "unknown task": ("somewhere", ANSWERS["faithful"], REFERENCE, {}),
        "missing file": ("verm/chart", ANSWERS["faithful"], "", {"reference": str(tmp_path / "gone.png")}),
        "bad base64": ("verm/chart", ANSWERS["faithful"], "", {"reference": "data:image/png;base64,@@@"}),
    }
    results = {name: verl.compute_score(*args) for name, args in cases.items()}
    for name, out in results.items():
        assert tuple(out) == verl.RESULT_KEYS, name
        assert all(isinstance(v, float) for v in out.values()), name
    assert results["ok"]["score"] == pytest.approx(2.0)
    assert results["ok"]["verm_severity"] == 0.0
    assert results["no_code"]["verm_status"] == STATUS_CODES["no_code"]
    assert results["render_error"]["verm_status"] == STATUS_CODES["render_error"]
    for name in ("no reference", "unknown task", "missing file", "bad base64"):
        out = results[name]
        assert (out["score"], out["verm_scored"]) == (0.0, 0.0), name  # the fallback, flagged
    assert results["no reference"]["verm_status"] == STATUS_CODES["input_error"]


def test_reference_forms_agree(reference_png, tmp_path) -> None:
    png_file = tmp_path / "ref.png"
    png_file.write_bytes(reference_png)
    b64 = base64.b64encode(reference_png).decode()
    forms = [
        {"reference_image": reference_png},
        {"reference": str(png_file)},
        {"reference": "data:image/png;base64," + b64},
        {"reference": "base64:" + b64},
        {"reference": b64},
        {"reference": [{"bytes": reference_png, "path": "ref.png"}]},
    ]
    scores = [verl.compute_score("verm/chart", ANSWERS["wrong"], "", info)["score"] for info in forms]
    assert all(s == pytest.approx(scores[0]) for s in scores), scores
    assert 1.0 < scores[0] < 2.0  # rendered, judged, and not faithful


def test_async_and_batch_match_the_sync_scores() -> None:
    answers = [ANSWERS["faithful"], ANSWERS["wrong"], ANSWERS["prose"], ANSWERS["wrong"]]
    sync = [verl.compute_score("verm/chart", a, REFERENCE, None)["score"] for a in answers]

    async def all_async() -> list[dict[str, float]]:
        return await asyncio.gather(*(verl.compute_score_async("verm/chart", a, REFERENCE, None) for a in answers))

    assert [r["score"] for r in asyncio.run(all_async())] == pytest.approx(sync)
    batch = verl.compute_score_batch(["verm/chart"] * 4, answers, [REFERENCE] * 4, None)
    assert [r["score"] for r in batch] == pytest.approx(sync)
    assert all(tuple(r) == verl.RESULT_KEYS for r in batch)


def test_router_address_makes_the_vlm_judge_use_it() -> None:
    """veRL passes its vLLM router as ``host:port``: with a live OpenAI-compatible server
    there the sample is judged; with nothing listening it is not (and still gets a number)."""
    with uvicorn_thread(create_openai_app("pixel")) as base:
        address = base.removeprefix("http://").removesuffix("/v1")
        live = verl.compute_score("verm/chart", ANSWERS["wrong"], REFERENCE, None, reward_router_address=address)
    assert live["verm_scored"] == 1.0 and live["verm_status"] == STATUS_CODES["ok"]
    assert 1.0 < live["score"] < 2.0

    down = verl.compute_score(
        "verm/chart",
        ANSWERS["wrong"],
        REFERENCE,
        None,
        reward_router_address=f"127.0.0.1:{_closed_port()}",
        judge_options={"retries": 0, "timeout_s": 2},
        fallback_score=0.5,
    )
    assert tuple(down) == verl.RESULT_KEYS
    assert (down["score"], down["verm_scored"]) == (0.5, 0.0)


def test_configuration_errors_raise_at_once() -> None:
    with pytest.raises(Exception, match="unknown shaping"):
        verl.compute_score("verm/chart", "x", REFERENCE, None, shaping="nope")
    with pytest.raises(Exception, match="unknown task"):
        verl.compute_score("verm/chart", "x", REFERENCE, None, task="charts")


def test_functions_pickle_by_reference() -> None:
    for fn in (verl.compute_score, verl.compute_score_async, verl.compute_score_batch, verl.compute_score_scalar):
        assert pickle.loads(pickle.dumps(fn)) is fn
