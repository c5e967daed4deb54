"""The refine loop over many references: a folder, a JSONL file (one reference per
line, or a bench in the VC-RewardBench layout) or one file; resumable; ends in an
HTML report with the rounds side by side.

Layout of ``OUT``::

    refine.json          the run's settings; another run's settings in the same OUT is an error
    results.jsonl        one `RefineResult` per reference (attempt images as files, not inline)
    failed.jsonl         references that could not be refined (did not render), with the reason
    images/<id>/reference.png, images/<id>/r<round>-s<sample>.png
    report.html          every reference: its rounds side by side; reward by round over all of them

A reference's result is appended (and fsynced) after its images are written, so an
interrupted run continues with the references not yet in ``results.jsonl``; the one
in flight starts over.

JSONL rows name their reference by ``reference`` (a path, relative to the file's
folder) or ``ref_source`` (source text: the scene judge can then compare sources) or
``gt_img_path`` (a bench record); ``id`` names the row (else its line number).
``category``/``task``, when present, must be the run's task (other rows are skipped).
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verm.bench.dataset import JsonlWriter, check_settings, read_jsonl
from verm.bench.make import SOURCE_SUFFIXES
from verm.errors import InputError
from verm.fingerprint import scoring_fingerprint
from verm.pipeline import IMAGE_SUFFIXES
from verm.refine.loop import Refiner, RefineResult
from verm.refine.report import write_refine_report
from verm.types import Task

log = logging.getLogger(__name__)

CONFIG_FILE = "refine.json"
RESULTS_FILE = "results.jsonl"
FAILED_FILE = "failed.jsonl"
IMAGES_DIR = "images"
#: ``progress(done, total)`` after each reference.
BatchProgress = Callable[[int, int], None]


@dataclass
class RefineItem:
    """One reference to refine against: a path to an image or a source file, or source text."""

    id: str
    reference: Path | str
    name: str = ""


@dataclass
class BatchSummary:
    out: Path
    refined: int
    kept: int
    failed: list[str] = field(default_factory=list)
    report: Path | None = None


def _safe_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "ref"


def load_items(task: Task | str, path: str | Path) -> list[RefineItem]:
    """References from a folder (images and the task's source files, recursively), a
    JSONL file, or a single image or source file."""
    task = Task.parse(task)
    p = Path(path)
    suffixes = set(IMAGE_SUFFIXES) | set(SOURCE_SUFFIXES[task])
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
        if not files:
            raise InputError(f"no images or {'/'.join(SOURCE_SUFFIXES[task])} files under {p}")
        items = [RefineItem(_safe_id(f.relative_to(p).with_suffix("").as_posix()), f, f.name) for f in files]
    elif p.is_file() and p.suffix.lower() == ".jsonl":
        items = _jsonl_items(task, p)
    elif p.is_file():
        items = [RefineItem(_safe_id(p.stem), p, p.name)]
    else:
        raise InputError(f"references not found: {p} (a folder, a .jsonl file or one reference file)")
    ids = [i.id for i in items]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise InputError(f"{p}: references with the same id: {', '.join(dupes[:5])}")
    return items


def _jsonl_items(task: Task, path: Path) -> list[RefineItem]:
    items: list[RefineItem] = []
    other = 0
    for n, row in enumerate(read_jsonl(path), start=1):
        row_task = row.get("task", row.get("category"))
        if row_task is not None and str(row_task).lower() != task.value:
            other += 1
            continue
        rid = _safe_id(str(row.get("id", n)))
        if isinstance(row.get("ref_source"), str) and row["ref_source"].strip():
            ref: Path | str = row["ref_source"]
        else:
            raw = row.get("reference", row.get("gt_img_path"))
            if not isinstance(raw, str) or not raw:
                raise InputError(f"{path}:{n}: a row needs 'reference', 'ref_source' or 'gt_img_path'")
            ref = Path(raw) if Path(raw).is_absolute() else path.parent / raw
            if not ref.is_file():
                raise InputError(f"{path}:{n}: reference file not found: {ref}")
        items.append(RefineItem(rid, ref, str(row.get("source_name") or row.get("id") or n)))
    if other:
        log.warning("%s: %d rows of other tasks skipped (this run is %s)", path, other, task.value)
    if not items:
        raise InputError(f"{path}: no {task.value} references")
    return items


def result_to_json(result: RefineResult, item: RefineItem, out: Path) -> dict[str, Any]:
    """The result as a JSON row, each attempt's image written to ``images/<id>/`` instead of inline."""
    folder = out / IMAGES_DIR / item.id
    folder.mkdir(parents=True, exist_ok=True)
    row = result.model_dump(mode="json")
    row["id"] = item.id
    for rnd, rnd_row in zip(result.rounds, row["rounds"], strict=True):
        for att, att_row in zip(rnd.attempts, rnd_row["attempts"], strict=True):
            if att.png is not None:
                rel = f"{IMAGES_DIR}/{item.id}/r{rnd.index}-s{att.sample}.png"
                (out / rel).write_bytes(att.png)
                att_row["image"] = rel
    return row


def load_results(out: str | Path) -> list[dict[str, Any]]:
    path = Path(out) / RESULTS_FILE
    return read_jsonl(path) if path.is_file() else []


def refine_batch(
    items: Sequence[RefineItem],
    out_dir: str | Path,
    refiner: Refiner,
    config: dict[str, Any] | None = None,
    workers: int = 1,
    progress: BatchProgress | None = None,
) -> BatchSummary:
    """Refine every item not yet in ``out_dir``; write its result as it finishes; then the report."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # The scoring code too: a refine run resumed under other judges would mix two kinds of result.
    settings = {"task": refiner.task.value, "code": scoring_fingerprint(), **(config or {})}
    check_settings(out / CONFIG_FILE, settings, "a refine run")
    done = {str(r["id"]) for r in load_results(out)}
    failed_path = out / FAILED_FILE
    failed_before = {str(r["id"]) for r in read_jsonl(failed_path)} if failed_path.is_file() else set()
    todo = [i for i in items if i.id not in done and i.id not in failed_before]
    total, finished = len(items), len(items) - len(todo)
    if progress:
        progress(finished, total)
    refined, failed = 0, sorted(failed_before)

    def one(item: RefineItem) -> tuple[RefineItem, RefineResult | None, str | None]:
        try:
            ref = refiner.scorer.reference(item.reference)
            if ref.png is not None:  # shown in the report beside the rounds
                (out / IMAGES_DIR / item.id).mkdir(parents=True, exist_ok=True)
                (out / IMAGES_DIR / item.id / "reference.png").write_bytes(ref.png)
            return item, refiner.run(ref, name=item.name or item.id), None
        except InputError as exc:
            return item, None, str(exc)

    with (
        JsonlWriter(out / RESULTS_FILE) as writer,
        JsonlWriter(failed_path) as fail_writer,
        cf.ThreadPoolExecutor(max(1, workers), thread_name_prefix="verm-refine") as pool,
    ):
        for item, result, error in pool.map(one, todo) if workers > 1 else (one(i) for i in todo):
            if result is None:
                log.warning("refine %s: %s", item.id, error)
                fail_writer.write_line(json.dumps({"id": item.id, "reason": error}, ensure_ascii=False))
                failed.append(item.id)
            else:
                writer.write_line(json.dumps(result_to_json(result, item, out), ensure_ascii=False))
                refined += 1
            finished += 1
            if progress:
                progress(finished, total)
    order = {i.id: n for n, i in enumerate(items)}
    report = write_refine_report(out, order)
    return BatchSummary(out=out, refined=refined, kept=len(done), failed=failed, report=report)
