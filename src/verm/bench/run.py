"""Run a judge over every pair of a benchmark: parallel, resumable, failures as data.

Results go to ``OUT/results.jsonl``, one line per pair::

    {"id": "...", "task": "chart", "status": "ok" | "judge_error" | "input_error",
     "reason": null, "errors": [...the paper's error dicts...], "similarity": null,
     "reward": 1.84, "reward_status": "ok", "elapsed_ms": 41.3}

and the run's configuration (judge, its options, reward shaping, bench path)
to ``OUT/config.json`` with a hash of what determines the results, the
scoring code's fingerprint among it. Running again into the same OUT judges
only the pairs that have no line yet (with ``retry_failed``, also those that
failed); a different configuration, or other verm code, is refused, so one
results file never mixes two judges or two versions of one.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import logging
import multiprocessing
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from verm.bench.dataset import Bench, BenchRecord, JsonlWriter, load_bench, read_jsonl
from verm.errors import InputError
from verm.fingerprint import render_fingerprint, scoring_fingerprint
from verm.judge import Judge, get_judge
from verm.reward import Outcome, RewardShaping
from verm.types import Judgment, Rendering, Status, Task

log = logging.getLogger(__name__)

RESULTS_FILE = "results.jsonl"
CONFIG_FILE = "config.json"
#: Rendered scenes are cached beside the bench, one JSON file per side of a pair.
SCENES_DIR = "scenes"
#: Beside the cached scenes: what extracted them (`verm.fingerprint.render_fingerprint`).
FINGERPRINT_FILE = "FINGERPRINT"
#: Judge names that read scenes (the scene judge and the cascades that start with it).
SCENE_JUDGES = frozenset({"scene", "cascade", "auto", "chartmimic"})
#: Judge names that read the plotting-call trace of chart scenes (a cached chart scene without one is rendered again).
TRACE_JUDGES = frozenset({"chartmimic"})

#: What a user configures in a run (with the code's fingerprint, what determines its results).
_CONFIGURED = ("judge", "judge_options", "shaping")
#: ``progress(done, total)`` after each pair is written.
RunProgress = Callable[[int, int], None]


@dataclass
class RunSummary:
    out: Path
    total: int
    skipped: int
    judged: int
    failed: int
    config_hash: str


def config_hash(config: dict[str, Any]) -> str:
    """A short hash of what determines the results (not where the bench lives)."""
    keyed = {k: config[k] for k in (*_CONFIGURED, "code")}
    return hashlib.sha256(json.dumps(keyed, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _scene_path(bench_root: Path, record: BenchRecord, which: str) -> Path:
    return bench_root / SCENES_DIR / f"{record.id}.{which}.json"


def _load_pair(bench_root: Path, record: BenchRecord) -> tuple[Rendering, Rendering]:
    bench = Bench(path=bench_root, root=bench_root, records=[])
    out = []
    for which, source in (("gt", record.ref_source), ("pred", record.cand_source)):
        path = bench.image_path(record, which)
        try:
            png = path.read_bytes()
        except OSError as exc:
            raise InputError(
                f"cannot read the {'reference' if which == 'gt' else 'candidate'} image {path}: {exc}"
            ) from None
        scene_file = _scene_path(bench_root, record, which)
        scene = json.loads(scene_file.read_text(encoding="utf-8")) if scene_file.is_file() else None
        out.append(Rendering(task=record.category, png=png, source=source, scene=scene or None))
    return out[0], out[1]


def wants_scenes(judge: str | Judge) -> bool:
    """Whether a judge reads rendered scenes (so the harness must provide them)."""
    if isinstance(judge, str):
        return judge in SCENE_JUDGES
    members = getattr(judge, "judges", [])
    return bool(judge.needs_sources or any(getattr(j, "needs_sources", False) for j in members))


def _has_trace(path: Path) -> bool:
    try:
        scene = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return not isinstance(scene, dict) or "trace" in scene  # a failed render (None) has nothing to add


def wants_trace(judge: str | Judge) -> bool:
    """Whether a judge reads the plotting-call trace of chart scenes."""
    name = judge if isinstance(judge, str) else judge.name
    return name in TRACE_JUDGES


def _drop_stale_scenes(scenes: Path) -> None:
    """Delete cached scenes that another renderer fingerprint wrote, then stamp the folder."""
    stamp, current = scenes / FINGERPRINT_FILE, render_fingerprint()
    old = stamp.read_text(encoding="utf-8").strip() if stamp.is_file() else None
    cached = list(scenes.glob("*.json"))
    if cached and old != current:
        log.warning(
            "%d cached scenes under %s were extracted by other renderer code (fingerprint %s, now %s); "
            "rendering them again",
            len(cached),
            scenes,
            old or "none",
            current,
        )
        for path in cached:
            path.unlink(missing_ok=True)
    if old != current:
        stamp.write_text(current + "\n", encoding="utf-8")


def ensure_scenes(
    bench: Bench, records: list[BenchRecord], workers: int | None = None, need_trace: bool = False
) -> int:
    """Render the sources of ``records`` once to get their scenes, cached under the bench.

    Benchmark images are PNGs; a scene judge needs what the renderer knows about
    them (artists, cells, elements). Renders are deterministic, so the scenes
    describe exactly the stored images. Scenes cached by other renderer code (another
    `render_fingerprint`) are rendered again; with ``need_trace``, so is a cached chart
    scene without the plotting-call trace. Returns how many scenes were rendered.
    """
    from verm.render import get_renderer

    (bench.root / SCENES_DIR).mkdir(exist_ok=True)
    _drop_stale_scenes(bench.root / SCENES_DIR)
    rendered = 0
    for task in {r.category for r in records}:
        wanted: dict[str, list[Path]] = {}
        for r in records:
            if r.category is not task:
                continue
            for which, source in (("gt", r.ref_source), ("pred", r.cand_source)):
                path = _scene_path(bench.root, r, which)
                stale = need_trace and task is Task.CHART and path.is_file() and not _has_trace(path)
                if source and (stale or not path.is_file()):
                    wanted.setdefault(source, []).append(path)
        if not wanted:
            continue
        sources = list(wanted)  # identical sources (a shared reference) render once
        with get_renderer(task, **({"workers": workers} if workers else {})) as renderer:
            for source, rendering in zip(sources, renderer.render_many(sources), strict=True):
                if not rendering.ok:
                    # Bench sources rendered when the bench was made, so a failure here is
                    # transient (a time limit hit on a loaded machine): cache nothing, so that
                    # `bench run --retry-failed` renders it again instead of reading "no scene".
                    log.warning(
                        "rendering %s for its scene failed (%s); its pairs get no scene judgment "
                        "this run; run again with --retry-failed",
                        ", ".join(p.stem for p in wanted[source]),
                        rendering.reason,
                    )
                    continue
                for path in wanted[source]:
                    path.write_text(json.dumps(rendering.scene), encoding="utf-8")
        rendered += len(sources)
        log.info("rendered %d %s sources for their scenes", len(sources), task.value)
    return rendered


def judge_record(judge: Judge, shaping: RewardShaping, bench_root: Path, record: BenchRecord) -> dict[str, Any]:
    """Judge one pair and shape its reward; every failure comes back as a result line."""
    base: dict[str, Any] = {"id": record.id, "task": record.category.value}
    try:
        ref, cand = _load_pair(bench_root, record)
    except InputError as exc:
        return {**base, "status": "input_error", "reason": str(exc), "errors": [], "reward": None}
    started = time.perf_counter()
    try:
        j = judge.judge(record.category, ref, cand)
    except Exception as exc:  # a judge must not raise; if one does, record it for that pair and go on
        log.warning("judge %s raised on %s: %r", judge.name, record.id, exc)
        j = Judgment(
            task=record.category,
            judge=judge.name,
            status=Status.JUDGE_ERROR,
            reason=f"the judge raised {type(exc).__name__}: {exc}",
        )
    elapsed = (time.perf_counter() - started) * 1000
    reward = shaping.shape(Outcome(j.status, judgment=j, reason=j.reason))
    return {
        **base,
        "status": j.status.value,
        "reason": j.reason,
        "errors": [d.to_paper() for d in j.discrepancies],
        "similarity": j.similarity,
        "reward": reward.score,
        "reward_status": reward.status.value,
        "elapsed_ms": round(elapsed, 2),
    }


# -- process workers: each builds its own judge once --------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(name: str, options: dict[str, Any], shaping: dict[str, Any], bench_root: str) -> None:
    _WORKER["judge"] = get_judge(name, **options)
    _WORKER["shaping"] = RewardShaping(**shaping)
    _WORKER["root"] = Path(bench_root)


def _work(record_json: str) -> dict[str, Any]:
    record = BenchRecord.model_validate_json(record_json)
    return judge_record(_WORKER["judge"], _WORKER["shaping"], _WORKER["root"], record)


def load_results(out: str | Path) -> dict[str, dict[str, Any]]:
    """Result lines by pair id (the last line for an id wins: a retried pair replaces its failure)."""
    path = Path(out)
    if path.is_dir():
        path = path / RESULTS_FILE
    if not path.is_file():
        raise InputError(f"no results at {path}; run `verm bench run` first")
    return {row["id"]: row for row in read_jsonl(path) if "id" in row}


def read_config(out: str | Path) -> dict[str, Any]:
    path = Path(out) / CONFIG_FILE
    if not path.is_file():
        raise InputError(f"no {CONFIG_FILE} in {out}; it is written by `verm bench run`")
    return json.loads(path.read_text(encoding="utf-8"))


def run_bench(
    bench: Bench | str | Path,
    judge: str | Judge,
    out: str | Path,
    workers: int = 1,
    progress: RunProgress | None = None,
    judge_options: dict[str, Any] | None = None,
    shaping: RewardShaping | None = None,
    retry_failed: bool = False,
    scenes: bool | None = None,
) -> RunSummary:
    """Judge every pair of ``bench`` that has no result yet in ``out``.

    With a judge *name* and ``workers > 1`` the pairs are judged in worker
    processes (each builds its own judge); a judge *object* runs in threads.
    ``scenes`` (default: when the judge reads them) renders the pairs' sources
    first so scene judges get their scenes.
    """
    b = bench if isinstance(bench, Bench) else load_bench(bench)
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    shaping = shaping or RewardShaping()
    options = dict(judge_options or {})
    name = judge if isinstance(judge, str) else judge.name
    config: dict[str, Any] = {
        "judge": name,
        "judge_options": options,
        "shaping": {k: (dict(v) if k == "category_weights" else v) for k, v in asdict(shaping).items()},
        "bench": str(b.path.resolve()),
        "code": scoring_fingerprint(),
    }
    config["hash"] = config_hash(config)
    cfg_path = out_dir / CONFIG_FILE
    if cfg_path.is_file():
        old = json.loads(cfg_path.read_text(encoding="utf-8"))
        same_but_code = {k: old.get(k) for k in _CONFIGURED} == json.loads(
            json.dumps({k: config[k] for k in _CONFIGURED}, default=str)
        )
        if old.get("hash") != config["hash"] and same_but_code:
            raise InputError(
                f"{out_dir} holds results judged by other verm code (code fingerprint {old.get('code')}, now "
                f"{config['code']}); a run resumes only under the code that began it: choose a new --out, "
                f"or delete {out_dir} to judge the bench again"
            )
        if old.get("hash") != config["hash"]:
            raise InputError(
                f"{out_dir} holds results of another configuration (judge {old.get('judge')!r}, hash {old.get('hash')}; "
                f"now {name!r}, hash {config['hash']}); choose a new --out"
            )
    cfg_path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    results_path = out_dir / RESULTS_FILE
    done: dict[str, dict[str, Any]] = load_results(results_path) if results_path.is_file() else {}
    keep = {i for i, r in done.items() if not retry_failed or r.get("status") == "ok"}
    todo = [r for r in b.records if r.id not in keep]
    total = len(b.records)
    skipped = total - len(todo)
    if skipped:
        log.info("%s: %d of %d pairs already judged; judging %d", out_dir, skipped, total, len(todo))
    if (wants_scenes(judge) if scenes is None else scenes) and todo:
        ensure_scenes(b, todo, workers, need_trace=wants_trace(judge))
    n_done = skipped
    failed = 0
    if progress:
        progress(n_done, total)

    with JsonlWriter(results_path) as writer:

        def emit(row: dict[str, Any]) -> None:
            nonlocal n_done, failed
            writer.write_line(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
            n_done += 1
            failed += row["status"] != "ok"
            if progress:
                progress(n_done, total)

        if isinstance(judge, str) and workers > 1 and todo:
            ctx = multiprocessing.get_context("spawn")  # no forked copies of the parent's threads
            with cf.ProcessPoolExecutor(
                max_workers=workers,
                mp_context=ctx,
                initializer=_init_worker,
                initargs=(judge, options, asdict(shaping), str(b.root)),
            ) as pool:
                futures = {pool.submit(_work, r.model_dump_json()): r for r in todo}
                for fut in cf.as_completed(futures):
                    rec = futures[fut]
                    try:
                        row = fut.result()
                    except Exception as exc:  # a worker process died: record it, keep going
                        row = {"id": rec.id, "task": rec.category.value, "status": "judge_error",
                               "reason": f"the judge worker failed: {exc!r}", "errors": [], "reward": None}  # fmt: skip
                    emit(row)
        else:
            j = get_judge(judge, **options) if isinstance(judge, str) else judge
            try:
                if workers > 1:
                    with cf.ThreadPoolExecutor(max_workers=workers) as pool:
                        for row in pool.map(lambda r: judge_record(j, shaping, b.root, r), todo):
                            emit(row)
                else:
                    for r in todo:
                        emit(judge_record(j, shaping, b.root, r))
            finally:
                if isinstance(judge, str):
                    j.close()
    log.info("%s: judged %d pairs (%d failed)", out_dir, len(todo), failed)
    return RunSummary(
        out=out_dir, total=total, skipped=skipped, judged=len(todo), failed=failed, config_hash=config["hash"]
    )
