"""`verm refine` against a real local HTTP policy server that revises by undoing the
perturbation edits whose discrepancies the judge reported (tests/policy_server.py):
the reward rises over the rounds and the loop stops at a perfect score; every round
is kept; garbage, a timeout and hostile code each leave a defined round and the loop
goes on; batch mode resumes and writes its report."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from tests.policy_server import Chain, PolicyServer, make_chain, pixel_key, request_texts
from typer.testing import CliRunner

from verm.bench.dataset import load_bench
from verm.bench.make import make_bench
from verm.pipeline import Scorer
from verm.refine import POLICY_ERROR, PolicyClient, Refiner, load_items, refine_batch
from verm.types import Task

pytestmark = pytest.mark.timeout(600)

EDITS = 3


@pytest.fixture(scope="module")
def bench_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    make_bench("chart", None, out, n=4, seed=3, max_edits=2, workers=2)
    return out


@pytest.fixture(scope="module")
def scorer():
    with Scorer("chart", judge="auto") as s:
        yield s


@pytest.fixture(scope="module")
def chains(bench_dir: Path, scorer: Scorer) -> dict[str, Chain]:
    """One chain of EDITS visible edits per distinct reference of the bench."""
    out: dict[str, Chain] = {}
    for rec in load_bench(bench_dir).records:
        assert rec.ref_source is not None
        key = pixel_key(scorer.reference(rec.ref_source).png or b"")
        if key not in out:
            out[key] = make_chain(Task.CHART, rec.id, rec.ref_source, scorer, EDITS, seed=0)
    assert len(out) >= 2
    return out


def fresh(chains: dict[str, Chain]) -> dict[str, Chain]:
    return {k: Chain(c.name, c.sources, c.categories) for k, c in chains.items()}


def test_reward_rises_and_stops_at_a_perfect_score(bench_dir: Path, scorer: Scorer, chains, tmp_path: Path) -> None:
    items = load_items("chart", bench_dir / "bench.jsonl")
    by_name = {c.name: c for c in chains.values()}
    items = [i for i in items if i.id in by_name]  # one item per reference
    with PolicyServer(Task.CHART, fresh(chains)) as server, PolicyClient(server.url, timeout_s=30) as policy:
        refiner = Refiner(scorer, policy, rounds=EDITS + 2)
        summary = refine_batch(items, tmp_path / "out", refiner, config={"policy": "test"})
        assert summary.refined == len(items) and not summary.failed
        rows = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
        assert len(rows) == len(items)
        for row in rows:
            scores = [r["attempts"][r["chosen"]]["reward"]["score"] for r in row["rounds"]]
            # One fix per round: EDITS imperfect rounds, then the reference itself, then the loop stops.
            assert len(row["rounds"]) == EDITS + 1, scores
            assert row["stop_reason"] == "perfect"
            assert all(b > a for a, b in itertools.pairwise(scores)), scores
            assert scores[-1] == 2.0 and row["best_round"] == EDITS + 1
            for rnd in row["rounds"]:  # every round kept: its code, image, judgment, reward and timings
                att = rnd["attempts"][0]
                assert att["status"] == "ok" and att["code"] and (tmp_path / "out" / att["image"]).is_file()
                assert att["reward"]["judgment"]["judge"] == "cascade:scene"  # auto: both sources known
                assert {"policy_ms", "render_ms", "judge_ms", "total_ms"} <= set(att["timings"])
            texts = request_texts(server, row["id"])
            assert "[" in texts[1] and "severity" in texts[1]  # the discrepancies went back to the policy
        report = (tmp_path / "out" / "report.html").read_text()
        assert all(f"images/{row['id']}/r1-s0" in report for row in rows)
        hits = sum(server.hits.values())
        # Run again: everything is kept, nothing is asked again.
        again = refine_batch(items, tmp_path / "out", refiner, config={"policy": "test"})
        assert again.refined == 0 and again.kept == len(items)
        assert sum(server.hits.values()) == hits


def test_interrupted_batch_resumes_where_it_stopped(
    bench_dir: Path, scorer: Scorer, chains, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [i for i in load_items("chart", bench_dir / "bench.jsonl") if i.id in {c.name for c in chains.values()}]
    with PolicyServer(Task.CHART, fresh(chains)) as server, PolicyClient(server.url, timeout_s=30) as policy:
        refiner = Refiner(scorer, policy, rounds=2)

        def stop_after_first(done: int, total: int) -> None:
            if done == 1:
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            refine_batch(items, tmp_path / "out", refiner, progress=stop_after_first)
        assert len((tmp_path / "out" / "results.jsonl").read_text().splitlines()) == 1
        summary = refine_batch(items, tmp_path / "out", refiner)
        assert summary.kept == 1 and summary.refined == len(items) - 1
        ids = [json.loads(line)["id"] for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
        assert sorted(ids) == sorted(i.id for i in items)
        with pytest.raises(Exception, match="other settings"):
            refine_batch(items, tmp_path / "out", Refiner(scorer, policy, rounds=2), config={"rounds": 9})
        # An upgraded verm judges otherwise: its results must not join the old run's.
        monkeypatch.setattr("verm.refine.batch.scoring_fingerprint", lambda: "0123456789abcdef")
        with pytest.raises(Exception, match=r"other settings .*code"):
            refine_batch(items, tmp_path / "out", refiner)


def test_garbage_timeout_and_hostile_code_leave_defined_rounds(scorer: Scorer, chains) -> None:
    key, chain = next(iter(chains.items()))
    script = {chain.name: ["garbage", "timeout", "hostile", "revise"]}
    with (
        PolicyServer(Task.CHART, fresh({key: chain}), script=script, slow_s=3.0) as server,
        PolicyClient(server.url, timeout_s=1.0, retries=0) as policy,
    ):
        result = Refiner(scorer, policy, rounds=5).run(chain.sources[0], name=chain.name)
        statuses = [r.best.status for r in result.rounds]
        assert statuses[:4] == ["no_code", POLICY_ERROR, "render_error", "ok"], statuses
        assert len(result.rounds) == 5  # the loop went on after each failure
        assert "timeout" in (result.rounds[1].best.reason or "")
        assert result.rounds[2].best.png is None and result.rounds[2].best.reason
        texts = request_texts(server, chain.name)
        assert "no ```python code block" in texts[1]  # garbage is fed back as such
        # The timed-out round left nothing to revise: round 3 revised round 1 again.
        assert result.rounds[2].revises == 1 and result.rounds[3].revises == 3
        assert "failed to render" in texts[3] and (result.rounds[2].best.reason or "")[:40] in texts[3]
        assert result.best.status == "ok" and result.best_round >= 4


def test_best_of_n_keeps_every_sample_and_picks_the_judged_one(scorer: Scorer, chains) -> None:
    key, chain = next(iter(chains.items()))
    script = {chain.name: ["garbage", "hostile", "revise"]}
    with (
        PolicyServer(Task.CHART, fresh({key: chain}), script=script) as server,
        PolicyClient(server.url, timeout_s=30, concurrency=3) as policy,
    ):
        result = Refiner(scorer, policy, rounds=1, samples=3).run(chain.sources[0])
        rnd = result.rounds[0]
        assert sorted(a.status for a in rnd.attempts) == ["no_code", "ok", "render_error"]
        assert rnd.best.status == "ok" and rnd.best.score is not None and rnd.best.score > 1.0


def test_refine_command_over_a_jsonl(bench_dir: Path, scorer: Scorer, chains, tmp_path: Path) -> None:
    from verm.cli import app

    with PolicyServer(Task.CHART, fresh(chains)) as server:
        res = CliRunner().invoke(
            app,
            ["refine", str(bench_dir / "bench.jsonl"), "--task", "chart", "--out", str(tmp_path / "cli"),
             "--policy", server.url, "--rounds", "2", "--judge", "scene", "--workers", "2"],
        )  # fmt: skip
        assert res.exit_code == 0, res.output
        assert (tmp_path / "cli" / "report.html").is_file()
        rows = (tmp_path / "cli" / "results.jsonl").read_text().splitlines()
        assert len(rows) == len(load_bench(bench_dir).records)
        assert "round 2" in res.output
