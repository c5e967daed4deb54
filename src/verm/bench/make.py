"""Build a benchmark from reference sources: perturb, render both sides, keep the
visible edits as the ground truth.

Layout of ``OUT``::

    bench.jsonl        one record per pair (see `verm.bench.dataset`)
    bench.meta.json    task, seed, max_edits, sources; fingerprints of the sources and of the perturbation code
    skipped.jsonl      indices that gave no pair ({"index", "reason"}), and sources left out ({"source", "reason"})
    images/ref-<hash>.png   reference renderings (shared by the pairs of one reference)
    images/<id>.png         candidate renderings

Every pair is a pure function of ``(task, sources, seed, index)``:

* Indices come in blocks of three: pairs ``3b`` and ``3b+1`` share reference
  slot ``2b``, pair ``3b+2`` has slot ``2b+1`` alone. Two of every three pairs
  thus have a sibling candidate of the same reference (for ranking accuracy).
* A slot is a source: for a folder, the files (sorted, then shuffled by the
  seed) taken in turn, cycling when there are more slots than files; for
  charts without a folder, ``generate_chart_program(seed * 1_000_000 + slot)``.
  A reference that does not render moves to the next source (deterministically).
* A reference is rendered twice; one whose two renders differ (unseeded randomness,
  the time) cannot have an exact ground truth, so it is left out like one that does
  not render, and ``skipped.jsonl`` says why, once per source.
* The pair's edits come from ``random.Random(f"verm-bench:{task}:{seed}:{index}:{attempt}")``
  with 1..max_edits edits. When no edit is visible (the ground truth is
  empty), or the candidate does not render, the pair is re-drawn with
  ``attempt + 1``.

Records are appended in index order with an fsync each, after their images are
in place, so an interrupted run continues where it stopped (existing indices
are skipped, nothing is written twice) and the same seed gives byte-identical
files whether or not the run was interrupted.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import hashlib
import inspect
import json
import logging
import os
import random
import threading
import types
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from verm.bench.dataset import BENCH_FILE, BenchRecord, JsonlWriter, check_settings, read_jsonl
from verm.errors import InputError, SandboxError
from verm.imaging import is_blank
from verm.render import Renderer, get_renderer
from verm.render.base import ProgressFn
from verm.types import Discrepancy, Rendering, Task

log = logging.getLogger(__name__)

META_FILE = "bench.meta.json"
SKIPPED_FILE = "skipped.jsonl"
IMAGES_DIR = "images"
MAX_ATTEMPTS = 8
MAX_REF_ALTERNATIVES = 5
#: This many indices in a row without a pair means the sources or the perturber are broken.
MAX_CONSECUTIVE_SKIPS = 50
CHART_SEED_STRIDE = 1_000_000

SOURCE_SUFFIXES: dict[Task, tuple[str, ...]] = {
    Task.CHART: (".py",),
    Task.TABLE: (".md", ".markdown", ".html", ".htm"),
    Task.SVG: (".svg",),
}

#: ``progress(done, total)`` after each record is written.
MakeProgress = Callable[[int, int], None]


class Perturber(Protocol):
    """What `make_bench` needs from the perturbation engine (the `verm.perturb` module fits)."""

    def perturb(self, task: Task, source: str, rng: random.Random, n_edits: int) -> Any: ...

    def ground_truth(self, task: Task, ref_source: str, result: Any, renderer: Renderer) -> list[Discrepancy]: ...


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def code_fingerprint(obj: Any) -> str:
    """A hash of the code behind a perturber (a module, package or object): a changed
    perturbation engine must not extend a bench made by the old one."""
    module = obj if isinstance(obj, types.ModuleType) else inspect.getmodule(type(obj))
    files: list[Path] = []
    if module is not None and getattr(module, "__file__", None):
        path = Path(module.__file__)  # type: ignore[arg-type]
        files = sorted(path.parent.glob("*.py")) if path.name == "__init__.py" else [path]
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()[:16] if files else "unknown"


# -- sources ---------------------------------------------------------------------------------


class SourcePool:
    """Reference sources by slot number."""

    description: str
    fingerprint: str

    def get(self, slot: int, alternative: int = 0) -> tuple[str, str]:
        """(name, source text) for a slot; ``alternative`` > 0 when the first choice did not render."""
        raise NotImplementedError


class FolderPool(SourcePool):
    """Every file with the task's suffixes under a folder, recursively."""

    def __init__(self, task: Task, folder: Path, seed: int) -> None:
        if not folder.is_dir():
            raise InputError(f"sources folder not found: {folder}")
        suffixes = SOURCE_SUFFIXES[task]
        files = sorted(
            (p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes),
            key=lambda p: p.relative_to(folder).as_posix(),
        )
        if not files:
            raise InputError(f"no {'/'.join(suffixes)} files under {folder} for task {task.value}")
        self.folder = folder
        self.files = files
        self.order = list(range(len(files)))
        random.Random(f"verm-bench-order:{task.value}:{seed}").shuffle(self.order)
        digest = hashlib.sha256()
        for p in files:
            digest.update(p.relative_to(folder).as_posix().encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
        self.fingerprint = digest.hexdigest()[:16]
        self.description = str(folder.resolve())

    def get(self, slot: int, alternative: int = 0) -> tuple[str, str]:
        path = self.files[self.order[(slot + alternative) % len(self.files)]]
        return path.relative_to(self.folder).as_posix(), path.read_text(encoding="utf-8", errors="replace")


class ChartGeneratorPool(SourcePool):
    """verm's seeded chart-program generator."""

    def __init__(self, seed: int) -> None:
        from verm.corpus import generate_chart_program

        self._gen = generate_chart_program
        self.seed = seed
        self.description = "generator"
        # Fingerprint a few programs: a changed generator must not extend an old bench.
        probe = "".join(generate_chart_program(seed * CHART_SEED_STRIDE + k).code for k in range(3))
        self.fingerprint = _sha(probe)[:16]

    def get(self, slot: int, alternative: int = 0) -> tuple[str, str]:
        chart_seed = self.seed * CHART_SEED_STRIDE + slot + alternative * 7919  # a prime stride away
        prog = self._gen(chart_seed)
        return f"generator:chart_{chart_seed}.py ({prog.kind})", prog.code


def source_pool(task: Task, sources: str | Path | SourcePool | None, seed: int) -> SourcePool:
    if isinstance(sources, SourcePool):
        return sources
    if sources is None:
        if task is not Task.CHART:
            raise InputError(f"--sources is required for {task.value} (a folder of {'/'.join(SOURCE_SUFFIXES[task])})")
        return ChartGeneratorPool(seed)
    return FolderPool(task, Path(sources), seed)


def slot_of(index: int) -> int:
    """Pairs 3b and 3b+1 share slot 2b; pair 3b+2 has slot 2b+1."""
    block, pos = divmod(index, 3)
    return 2 * block + (1 if pos == 2 else 0)


# -- a renderer that remembers what it rendered ------------------------------------------------


class RecordingRenderer(Renderer):
    """Wraps a renderer and caches its renderings by source, so the images
    `ground_truth` rendered are the ones written, without rendering twice."""

    def __init__(self, inner: Renderer, capacity: int = 256) -> None:
        self.inner = inner
        self.task = inner.task  # type: ignore[misc]
        self.capacity = capacity
        self._cache: OrderedDict[str, Rendering] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, source: str) -> Rendering | None:
        with self._lock:
            return self._cache.get(_sha(source))

    def render_many(self, sources: Sequence[str], progress: ProgressFn | None = None) -> list[Rendering]:
        keys = [_sha(s) for s in sources]
        with self._lock:
            todo = {k: s for k, s in zip(keys, sources, strict=True) if k not in self._cache}
        if todo:
            srcs = list(todo.values())
            fresh = self.inner.render_many(srcs)
            # A failed render is tried once more before it counts: a sandbox restart or a
            # timeout under load is not a property of the source, and a bench must not
            # depend on it (it would move a pair to another reference).
            failed = [i for i, r in enumerate(fresh) if not r.ok]
            if failed:
                again = self.inner.render_many([srcs[i] for i in failed])
                for i, r in zip(failed, again, strict=True):
                    if r.ok:
                        log.info("a render failed (%s) and succeeded when retried", fresh[i].reason)
                    fresh[i] = r
            with self._lock:
                for k, r in zip(todo, fresh, strict=True):
                    self._cache[k] = r
                    self._cache.move_to_end(k)
                while len(self._cache) > self.capacity:
                    self._cache.popitem(last=False)
        out = []
        for i, src in enumerate(sources):
            r = self.get(src)
            if r is None:  # evicted by another thread meanwhile: render it again
                r = self.inner.render(src)
            out.append(r)
            if progress:
                progress(i, r)
        return out

    def close(self) -> None:
        self.inner.close()


# -- one pair ------------------------------------------------------------------------------------


@dataclass
class _Pair:
    index: int
    record: BenchRecord | None = None
    images: dict[str, bytes] = field(default_factory=dict)
    reason: str | None = None
    #: (source name, reason) of the references left out because two renders differed.
    unstable: list[tuple[str, str]] = field(default_factory=list)


def render_difference(first: Rendering, second: Rendering) -> str | None:
    """Why two renders of one source are not the same picture; None when they are."""
    if not second.ok or second.png is None:
        return f"rendered once and failed the second time ({second.reason})"
    if first.png == second.png:
        return None
    import numpy as np

    a, b = np.asarray(first.image().convert("RGB")), np.asarray(second.image().convert("RGB"))
    if a.shape != b.shape:
        return f"two renders differ in size ({a.shape[1]}x{a.shape[0]} and {b.shape[1]}x{b.shape[0]} px)"
    changed = float(np.any(a != b, axis=2).mean())
    if changed == 0:
        return None
    return f"two renders differ in {changed:.2%} of their pixels (unseeded randomness or the time?)"


def _edit_dict(edit: Any) -> dict[str, Any]:
    if hasattr(edit, "to_json"):  # verm.perturb.Edit
        return json.loads(json.dumps(edit.to_json(), default=str))
    if hasattr(edit, "model_dump"):
        return edit.model_dump(mode="json")
    if dataclasses.is_dataclass(edit) and not isinstance(edit, type):
        return json.loads(json.dumps(dataclasses.asdict(edit), default=str))
    if isinstance(edit, dict):
        return json.loads(json.dumps(edit, default=str))
    return {"description": str(edit)}


@dataclass
class _Maker:
    task: Task
    pool: SourcePool
    seed: int
    max_edits: int
    perturber: Perturber
    renderer: RecordingRenderer
    _stability: dict[str, str | None] = field(default_factory=dict)

    def instability(self, source: str, first: Rendering) -> str | None:
        """Render ``source`` once more, past the cache; why the two renders differ, or None."""
        key = _sha(source)
        if key not in self._stability:  # two threads may both check one source: harmless, same answer
            second = self.renderer.inner.render(source)
            if not second.ok:  # as for any render: a sandbox hiccup is not a property of the source
                second = self.renderer.inner.render(source)
            self._stability[key] = render_difference(first, second)
        return self._stability[key]

    def pair_id(self, index: int) -> str:
        return f"{self.task.value}-{self.seed}-{index:05d}"

    def make(self, index: int) -> _Pair:
        slot = slot_of(index)
        reasons: list[str] = []
        unstable: list[tuple[str, str]] = []
        for alt in range(MAX_REF_ALTERNATIVES):
            name, ref_src = self.pool.get(slot, alt)
            ref = self.renderer.render(ref_src)
            if not ref.ok or ref.png is None:
                reasons.append(f"reference {name} did not render: {ref.reason}")
                continue
            why = self.instability(ref_src, ref)
            if why is not None:
                reasons.append(f"reference {name} left out: {why}")
                unstable.append((name, why))
                continue
            for attempt in range(MAX_ATTEMPTS):
                rng = random.Random(f"verm-bench:{self.task.value}:{self.seed}:{index}:{attempt}")
                n_edits = rng.randint(1, self.max_edits)
                result = self.perturber.perturb(self.task, ref_src, rng, n_edits)
                if not result.edits or result.source == ref_src:
                    reasons.append(f"{name} attempt {attempt}: no edit applied")
                    continue
                truth = self.perturber.ground_truth(self.task, ref_src, result, self.renderer)
                if not truth:
                    reasons.append(f"{name} attempt {attempt}: no edit is visible")
                    continue
                cand = self.renderer.render(result.source)
                if not cand.ok or cand.png is None:
                    reasons.append(f"{name} attempt {attempt}: the candidate did not render: {cand.reason}")
                    continue
                if is_blank(cand.image()):
                    # The edits removed everything (an icon's only path): the pipeline scores a blank
                    # canvas 0 whatever a judge says, so it is a hack, not a graded pair.
                    reasons.append(f"{name} attempt {attempt}: the candidate is blank")
                    continue
                pid = self.pair_id(index)
                group = _sha(ref_src)[:16]
                gt_path = f"{IMAGES_DIR}/ref-{group}.png"
                pred_path = f"{IMAGES_DIR}/{pid}.png"
                record = BenchRecord(
                    id=pid,
                    category=self.task,
                    gt_img_path=gt_path,
                    pred_img_path=pred_path,
                    human_errors=list(truth),
                    index=index,
                    seed=self.seed,
                    attempt=attempt,
                    group=group,
                    source_name=name,
                    ref_source=ref_src,
                    cand_source=result.source,
                    edits=[_edit_dict(e) for e in result.edits],
                )
                return _Pair(index, record, {gt_path: ref.png, pred_path: cand.png}, unstable=unstable)
        return _Pair(index, reason="; ".join(reasons[-3:]) or "no pair could be made", unstable=unstable)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


@dataclass
class MakeSummary:
    out: Path
    total: int
    added: int
    skipped_indices: list[int]
    #: References left out because two renders differed (recorded in skipped.jsonl).
    unstable_sources: list[str] = field(default_factory=list)


def _check_meta(out: Path, meta: dict[str, Any]) -> None:
    check_settings(out / META_FILE, meta, "a bench made")


def make_bench(
    task: Task | str,
    sources: str | Path | SourcePool | None,
    out_dir: str | Path,
    n: int = 300,
    seed: int = 0,
    max_edits: int = 3,
    progress: MakeProgress | None = None,
    workers: int | None = None,
    perturber: Perturber | None = None,
    renderer: Renderer | None = None,
) -> MakeSummary:
    """Write (or extend) a benchmark of ``n`` pairs in ``out_dir``; see the module docstring."""
    task = Task.parse(task)
    if n < 0:
        raise InputError("n must be >= 0")
    if max_edits < 1:
        raise InputError("max_edits must be >= 1")
    if perturber is None:
        import verm.perturb as perturber_module

        perturber = perturber_module  # type: ignore[assignment]
    assert perturber is not None
    pool = source_pool(task, sources, seed)
    out = Path(out_dir)
    (out / IMAGES_DIR).mkdir(parents=True, exist_ok=True)
    _check_meta(
        out,
        {
            "task": task.value,
            "seed": seed,
            "max_edits": max_edits,
            "sources": pool.description,
            "sources_fingerprint": pool.fingerprint,
            "perturber_fingerprint": code_fingerprint(perturber),
        },
    )
    bench_path = out / BENCH_FILE
    skipped_path = out / SKIPPED_FILE
    done = {int(r["index"]) for r in read_jsonl(bench_path) if "index" in r} if bench_path.is_file() else set()
    skip_rows = read_jsonl(skipped_path) if skipped_path.is_file() else []
    skipped = {int(r["index"]) for r in skip_rows if "index" in r}
    unstable_written = {str(r["source"]) for r in skip_rows if "source" in r and "index" not in r}
    have = len(done)
    if progress:
        progress(min(have, n), n)
    if have >= n:
        return MakeSummary(out, have, 0, sorted(skipped), sorted(unstable_written))

    workers = workers or max(2, 2 * (os.cpu_count() or 1))
    own_renderer = renderer is None
    inner = renderer or get_renderer(task)
    maker = _Maker(task, pool, seed, max_edits, perturber, RecordingRenderer(inner))

    def candidates() -> Iterator[int]:
        i = 0
        while True:
            if i not in done and i not in skipped:
                yield i
            i += 1

    added = 0
    streak = 0
    new_skips: list[int] = []
    indices = candidates()
    try:
        with (
            JsonlWriter(bench_path) as writer,
            JsonlWriter(skipped_path) as skip_writer,
            cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="verm-bench-make") as ex,
        ):
            queue: deque[tuple[int, cf.Future[_Pair]]] = deque()

            def fill() -> None:
                # Submit only what can still be needed, assuming no more failures; a failure refills.
                while len(queue) < workers * 2 and have + added + len(queue) < n:
                    i = next(indices)
                    queue.append((i, ex.submit(maker.make, i)))

            fill()
            while queue:
                i, fut = queue.popleft()
                try:
                    pair = fut.result()
                except SandboxError:
                    raise
                except Exception as exc:  # a perturbation bug on one source must not stop the bench
                    log.warning("pair %d failed: %r", i, exc)
                    pair = _Pair(i, reason=f"{type(exc).__name__}: {exc}")
                for source_name, why in pair.unstable:  # once per source, in index order
                    if source_name not in unstable_written:
                        log.warning("reference %s left out: %s", source_name, why)
                        skip_writer.write_line(json.dumps({"source": source_name, "reason": why}, ensure_ascii=False))
                        unstable_written.add(source_name)
                if pair.record is None:
                    log.warning("index %d gave no pair: %s", i, pair.reason)
                    skip_writer.write_line(json.dumps({"index": i, "reason": pair.reason}, ensure_ascii=False))
                    new_skips.append(i)
                    streak += 1
                    if streak >= MAX_CONSECUTIVE_SKIPS:
                        raise InputError(
                            f"{streak} indices in a row gave no pair (last: {pair.reason}); "
                            "check the sources and the perturbation engine"
                        )
                else:
                    for rel, data in pair.images.items():
                        path = out / rel
                        if not path.is_file():
                            _write_atomic(path, data)
                    writer.write_line(pair.record.to_json_line())
                    added += 1
                    streak = 0
                    if progress:
                        progress(have + added, n)
                fill()
    finally:
        if own_renderer:
            inner.close()
    log.info("%s: %d pairs written (%d in total), %d indices skipped", out, added, have + added, len(new_skips))
    return MakeSummary(out, have + added, added, sorted(skipped | set(new_skips)), sorted(unstable_written))
