"""Benchmark records in the VC-RewardBench layout, and loading them.

One JSON record per (reference, candidate) pair::

    {"id": "chart-0-00017", "category": "chart",
     "gt_img_path": "images/ref-3f2a….png", "pred_img_path": "images/chart-0-00017.png",
     "human_errors": [{"category": "data_error", "severity": 2, "location": "…",
                       "description": "…", "bbox": [x0, y0, x1, y1]}],
     ... verm's extras: index, seed, attempt, group, source_name, ref_source, cand_source, edits,
         and "hack": "<kind>" on a reward-hack row (same group as the honest pairs of its reference)}

``category`` is the task (chart, table, svg), as in the paper's benchmark;
each error's ``category`` is the discrepancy category (tables in the paper's
files spell it ``type``; both are read, ``category`` is written). Image paths
are relative to the directory of the bench file; absolute paths are kept.

`load_bench` reads a JSONL file, a JSON list, or a directory holding
``bench.jsonl`` (or ``bench.json``). Unknown fields of a record are kept, so
the real VC-RewardBench files load the same way.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_validator

from verm.errors import ContractError, InputError
from verm.types import Discrepancy, Task, parse_discrepancy

log = logging.getLogger(__name__)

BENCH_FILE = "bench.jsonl"


class BenchRecord(BaseModel):
    """One benchmark pair: reference image, candidate image, and the true discrepancies."""

    model_config = ConfigDict(extra="allow")

    id: str
    #: The task (the paper's benchmark calls it the record's category).
    category: Task
    gt_img_path: str
    pred_img_path: str
    human_errors: list[Discrepancy] = Field(default_factory=list)
    # -- verm's extras (absent in third-party benches) --------------------------------
    index: int | None = None
    seed: int | None = None
    #: Which re-draw of the pair this is (a pair whose edits were all invisible is re-drawn).
    attempt: int | None = None
    #: Pairs sharing a reference share a group (used for ranking accuracy).
    group: str | None = None
    source_name: str | None = None
    ref_source: str | None = None
    cand_source: str | None = None
    edits: list[dict[str, Any]] = Field(default_factory=list)
    #: A reward hack (``"blank"``, ``"title_only"``, ``"empty_axes"``, ``"one_line"``, ...): a cheap
    #: candidate for the reference of its ``group``, with no ground-truth errors. Left out of F1,
    #: correlations and ranking; `verm.bench.metrics.hack_figures` ranks it against the honest pairs.
    hack: str | None = None

    @field_validator("category", mode="before")
    @classmethod
    def _task(cls, v: Any) -> Any:
        return Task.parse(v) if isinstance(v, str) else v

    @model_validator(mode="before")
    @classmethod
    def _errors(cls, data: Any) -> Any:
        # Read errors the way the paper's evaluation does: `type` or `category`, and
        # only the task's categories. An error we cannot read is dropped with a warning
        # (the paper's code filters them silently), never the whole bench.
        if not isinstance(data, dict) or "human_errors" not in data:
            return data
        try:
            task = Task.parse(data.get("category", ""))
        except ContractError:
            return data  # the field validator reports the bad task
        errors = data.get("human_errors") or []
        if not isinstance(errors, list):
            raise ContractError(f"record {data.get('id')!r}: human_errors must be a list")
        kept: list[Discrepancy] = []
        for i, e in enumerate(errors):
            if isinstance(e, Discrepancy):
                kept.append(e)
                continue
            try:
                kept.append(parse_discrepancy(e, task, where=f"record {data.get('id')!r} human_errors[{i}]"))
            except ContractError as exc:
                log.warning("dropping an unreadable error: %s", exc)
        return {**data, "human_errors": kept}

    @field_serializer("category")
    def _task_value(self, v: Task) -> str:
        return v.value

    @field_serializer("human_errors")
    def _errors_paper(self, v: list[Discrepancy]) -> list[dict[str, Any]]:
        return [d.to_paper() for d in v]

    @property
    def task(self) -> Task:
        return self.category

    @property
    def total_severity(self) -> int:
        return sum(d.severity for d in self.human_errors)

    def group_key(self) -> str:
        """Pairs with the same key share a reference (for ranking two candidates)."""
        return self.group or self.gt_img_path

    def to_json_line(self) -> str:
        """One deterministic JSON line (no trailing newline): same record -> same bytes."""
        data = self.model_dump(mode="json", exclude_none=True)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Bench:
    """A loaded benchmark: its records and the directory their image paths are relative to."""

    path: Path
    root: Path
    records: list[BenchRecord]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[BenchRecord]:
        return iter(self.records)

    def by_id(self) -> dict[str, BenchRecord]:
        return {r.id: r for r in self.records}

    def image_path(self, record: BenchRecord, which: str) -> Path:
        """``which`` is "gt" or "pred"; relative paths resolve against the bench's directory."""
        raw = record.gt_img_path if which == "gt" else record.pred_img_path
        p = Path(raw)
        return p if p.is_absolute() else self.root / p

    def tasks(self) -> list[Task]:
        return sorted({r.category for r in self.records}, key=lambda t: list(Task).index(t))


def bench_file(path: str | Path) -> Path:
    """The bench file for a path: the file itself, or ``bench.jsonl``/``bench.json`` in a directory."""
    p = Path(path)
    if p.is_dir():
        for name in (BENCH_FILE, "bench.json"):
            if (p / name).is_file():
                return p / name
        raise InputError(f"no {BENCH_FILE} in {p}; make one with `verm bench make` or pass the JSON/JSONL file")
    if not p.is_file():
        raise InputError(f"bench not found: {p}")
    return p


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read JSON lines; a truncated last line (an interrupted write) is skipped with a warning."""
    rows: list[dict[str, Any]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            if n == len(lines):
                log.warning("%s: skipping a truncated last line (%s)", path, exc)
                continue
            raise InputError(f"{path}:{n}: not JSON: {exc}") from None
    return rows


def parse_records(rows: Sequence[Any], where: str) -> list[BenchRecord]:
    records: list[BenchRecord] = []
    seen: set[str] = set()
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise InputError(f"{where}: record {i} is a {type(row).__name__}, not an object")
        row = dict(row)
        if "id" not in row:  # some third-party files number their records instead
            row["id"] = str(row.get("idx", i))
        row["id"] = str(row["id"])
        try:
            rec = BenchRecord.model_validate(row)
        except (ContractError, ValueError) as exc:
            raise InputError(f"{where}: record {row['id']!r}: {exc}") from None
        if rec.id in seen:
            raise InputError(f"{where}: duplicate record id {rec.id!r}")
        seen.add(rec.id)
        records.append(rec)
    return records


def load_bench(path: str | Path) -> Bench:
    """Load a benchmark from a JSONL file, a JSON list, or a directory holding ``bench.jsonl``."""
    f = bench_file(path)
    text_start = f.read_text(encoding="utf-8")[:4096].lstrip()
    if text_start.startswith("["):
        try:
            rows = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"{f}: not JSON: {exc}") from None
    else:
        rows = read_jsonl(f)
    records = parse_records(rows, str(f))
    log.info("loaded %d records from %s", len(records), f)
    return Bench(path=f, root=f.parent, records=records)


def repair_tail(path: Path) -> None:
    """Cut a partial last line (an interrupted append) so the next append starts a fresh line."""
    if not path.is_file():
        return
    with path.open("rb+") as f:
        f.seek(0, 2)
        size = f.tell()
        if size == 0:
            return
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return
        # Walk back to the last newline; everything after it is the torn line.
        pos = size - 1
        chunk = 4096
        while pos > 0:
            start = max(0, pos - chunk)
            f.seek(start)
            data = f.read(pos - start)
            nl = data.rfind(b"\n")
            if nl >= 0:
                f.truncate(start + nl + 1)
                log.warning("%s: removed a partial last line left by an interrupted run", path)
                return
            pos = start
        f.truncate(0)
        log.warning("%s: removed a partial first line left by an interrupted run", path)


class JsonlWriter:
    """Append JSON lines durably: each line is flushed and fsynced before the call returns."""

    def __init__(self, path: Path) -> None:
        repair_tail(path)
        self.path = path
        self._f = path.open("a", encoding="utf-8")

    def write_line(self, line: str) -> None:
        self._f.write(line + "\n")
        self._f.flush()
        os.fsync(self._f.fileno())

    def close(self) -> None:
        self._f.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_settings(path: Path, settings: dict[str, Any], what: str) -> None:
    """Write a run's settings to ``path``, or check them against the ones there: a resumed
    run must be the same run (``what`` names it in the error: "a bench made", "a refine run")."""
    if path.is_file():
        old = json.loads(path.read_text(encoding="utf-8"))
        diff = [k for k in settings if old.get(k) != settings[k]]
        if diff:
            detail = ", ".join(f"{k}: {old.get(k)!r} -> {settings[k]!r}" for k in diff)
            raise InputError(f"{path.parent} holds {what} with other settings ({detail}); choose a new --out")
        return
    path.write_text(json.dumps(settings, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def merge_benches(benches: Sequence[str | Path], out: str | Path) -> Path:
    """Write one bench (``out/bench.jsonl``) holding every record of ``benches``, with image
    paths made relative to ``out``; record ids must be unique across them."""
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    seen: set[str] = set()
    for src in benches:
        b = load_bench(src)
        for rec in b.records:
            if rec.id in seen:
                raise InputError(f"record id {rec.id!r} appears in more than one bench; ids must be unique to merge")
            seen.add(rec.id)
            moved = rec.model_copy(
                update={
                    "gt_img_path": os.path.relpath(b.image_path(rec, "gt").resolve(), out_dir.resolve()),
                    "pred_img_path": os.path.relpath(b.image_path(rec, "pred").resolve(), out_dir.resolve()),
                }
            )
            lines.append(moved.to_json_line())
    path = out_dir / BENCH_FILE
    tmp = path.with_suffix(".jsonl.tmp")
    tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.replace(tmp, path)
    log.info("merged %d records from %d benches into %s", len(lines), len(benches), path)
    return path
