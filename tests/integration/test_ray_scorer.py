"""verm over a real local Ray instance: scores in order and equal to a local Scorer's,
an actor killed mid-run is replaced, and ``verm bench run --ray`` gives the results
a local run gives."""

from __future__ import annotations

import asyncio
import json

import pytest
import ray
from tests.tiny_policy import ANSWERS, REFERENCE
from typer.testing import CliRunner

from verm.bench import make_bench, run_bench
from verm.bench.cli import bench_app
from verm.integrations.ray import RayJudge, RayScorer
from verm.pipeline import Scorer

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, namespace="verm")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A GRPO-like batch: three references (a source, a file, PNG bytes), four completions each."""
    folder = tmp_path_factory.mktemp("refs")
    ref_file = folder / "ref.py"
    ref_file.write_text(REFERENCE.replace('"Sales"', '"Sales 2024"'))
    with Scorer("chart") as scorer:
        png = scorer.reference(REFERENCE.replace("#4C72B0", "#2ca02c")).png
    refs, comps = [], []
    for ref in (REFERENCE, str(ref_file), png):
        for answer in ("faithful", "wrong", "prose", "faithful"):
            refs.append(ref)
            comps.append(ANSWERS[answer])
    with Scorer("chart") as scorer:
        expected = [(r.score, r.status) for r in scorer.score_batch(refs, comps)]
    return refs, comps, expected


def test_ray_scorer_matches_a_local_scorer_in_order(local_ray, batch) -> None:
    refs, comps, expected = batch
    with RayScorer("chart", actors_per_node=2) as scorer:
        assert scorer.n_actors == 2  # one node, two actors
        got = scorer.score_batch(refs, comps)
        assert [(r.score, r.status) for r in got] == expected
        again = asyncio.run(scorer.ascore_batch(refs, comps))
        assert [(r.score, r.status) for r in again] == expected


def test_a_dead_actor_is_replaced_and_its_share_scored(local_ray, batch) -> None:
    refs, comps, expected = batch
    with RayScorer("chart", actors_per_node=2) as scorer:
        scorer.score_batch(refs[:2], comps[:2])  # warm
        dead = scorer._actors.actors[0]
        ray.kill(dead, no_restart=True)
        got = scorer.score_batch(refs, comps)
        assert [(r.score, r.status) for r in got] == expected
        assert scorer._actors.actors[0] is not dead


def test_bench_run_over_ray_gives_the_local_results(local_ray, tmp_path) -> None:
    bench = tmp_path / "bench"
    make_bench("chart", None, bench, n=3, seed=3, max_edits=2)
    run_bench(bench, "pixel", tmp_path / "local", workers=1)
    result = CliRunner().invoke(
        bench_app, ["run", str(bench), "--judge", "pixel", "--out", str(tmp_path / "ray"), "--ray", "auto"]
    )
    assert result.exit_code == 0, result.output

    def rows(out):
        lines = (out / "results.jsonl").read_text().splitlines()
        return {r["id"]: (r["status"], r["reward"], r["errors"]) for r in map(json.loads, lines)}

    assert rows(tmp_path / "ray") == rows(tmp_path / "local")
    configs = [json.loads((tmp_path / d / "config.json").read_text()) for d in ("local", "ray")]
    assert configs[0]["hash"] == configs[1]["hash"]  # interchangeable: a Ray run resumes a local one


def test_ray_judge_spreads_pairs_over_actors(local_ray) -> None:
    with Scorer("chart") as scorer:
        ref = scorer.reference(REFERENCE)
        cands = scorer.render_candidates([ANSWERS["wrong"], ANSWERS["faithful"], ANSWERS["wrong"]])
    judge = RayJudge("pixel", actors_per_node=2)
    try:
        got = judge.judge_many(ref.task, [(ref, c) for c in cands])
    finally:
        judge.close()
    assert [j.status.value for j in got] == ["ok"] * 3
    assert got[0].total_severity == got[2].total_severity > 0 == got[1].total_severity
