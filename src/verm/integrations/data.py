"""RL training data from a folder of references: what ``verm rl prepare`` writes.

A reference is an image (``.png``, ``.jpg``, ...), a source (``.py`` chart, ``.svg``
icon, ``.md``/``.html`` table), or both under one name (``bar_3.py`` + ``bar_3.png``).
A source without an image is rendered here (sandboxed; cached under the output folder,
so an interrupted run resumes) to make the image the policy sees.

veRL's multimodal parquet (the layout of its ``geo3k`` example), one row per reference::

    data_source   "verm/chart"
    prompt        [{"role": "user", "content": "<image>Write matplotlib code ..."}]
    images        [{"bytes": <PNG>, "path": "bar_3.png"}]
    ability       "chart"
    reward_model  {"style": "rule", "ground_truth": <reference source, or "">}
    extra_info    {"task", "reference" (source text or ""), "reference_image" (PNG bytes),
                   "name", "index", "split"}

veRL drops ``images`` before the reward runs; ``extra_info`` carries the reference to
`verm.integrations.verl.compute_score`.
"""

from __future__ import annotations

import hashlib
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verm.errors import InputError, MissingDependencyError
from verm.types import Task

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp"}
SOURCE_SUFFIXES: dict[str, Task] = {
    ".py": Task.CHART,
    ".svg": Task.SVG,
    ".md": Task.TABLE,
    ".markdown": Task.TABLE,
    ".html": Task.TABLE,
    ".htm": Task.TABLE,
}

#: The instruction after the image, per task (the paper's vision-to-code setting).
PROMPTS: dict[Task, str] = {
    Task.CHART: (
        "Write Python code with matplotlib that reproduces this chart exactly: the same chart type, data, "
        "texts, colors and layout. Answer with one ```python code block."
    ),
    Task.TABLE: (
        "Write this table in Markdown (or HTML when it has merged cells), with exactly the same rows, "
        "columns and cell texts. Answer with one ```markdown or ```html code block."
    ),
    Task.SVG: (
        "Write SVG code that reproduces this icon exactly: the same shapes, positions, colors and texts. "
        "Answer with one ```svg code block."
    ),
}

#: ``progress(done, total)`` while rendering sources.
Progress = Callable[[int, int], None]


@dataclass
class Reference:
    name: str
    task: Task
    source: str | None = None
    png: bytes | None = None
    image_path: str | None = None


def collect_references(folder: str | Path, task: Task | str | None = None) -> list[Reference]:
    """Every reference under ``folder`` (recursive), sorted by name.

    ``task`` keeps only that task's sources and gives images without a source their task;
    without it, an image needs a source of the same name to say what it is.
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"not a folder: {root}")
    want = Task.parse(task) if task is not None else None
    refs: dict[str, Reference] = {}
    images: dict[str, Path] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).with_suffix("").as_posix()
        suffix = path.suffix.lower()
        if suffix in SOURCE_SUFFIXES:
            t = SOURCE_SUFFIXES[suffix]
            if want is not None and t is not want:
                continue
            if name in refs:
                raise InputError(f"two sources named {name!r} under {root}; rename one")
            refs[name] = Reference(name, t, source=path.read_text(encoding="utf-8"))
        elif suffix in IMAGE_SUFFIXES:
            images[name] = path
    orphans = []
    for name, path in images.items():
        if name in refs:
            refs[name].png, refs[name].image_path = _png(path), path.name
        elif want is not None:
            refs[name] = Reference(name, want, png=_png(path), image_path=path.name)
        else:
            orphans.append(path.name)
    if orphans:
        raise InputError(
            f"{len(orphans)} images have no source to say their task (e.g. {', '.join(orphans[:3])}); "
            "pass --task chart|table|svg"
        )
    if not refs:
        kinds = ", ".join(sorted(SOURCE_SUFFIXES) + sorted(IMAGE_SUFFIXES))
        raise InputError(f"no references under {root} (looked for {kinds})")
    return [refs[k] for k in sorted(refs)]


def _png(path: Path) -> bytes:
    from verm.imaging import load_rgb, to_png

    return to_png(load_rgb(path), compress_level=6)


def render_missing(refs: list[Reference], cache: Path, progress: Progress | None = None) -> list[Reference]:
    """Render the sources that have no image (cached by content under ``cache``); returns
    the references left without an image because their source did not render."""
    from verm.extract import extract_code
    from verm.render import get_renderer

    cache.mkdir(parents=True, exist_ok=True)
    todo: list[tuple[Reference, Path]] = []
    for ref in refs:
        if ref.png is None and ref.source is not None:
            digest = hashlib.sha256(f"{ref.task.value}\n{ref.source}".encode()).hexdigest()[:24]
            cached = cache / f"{digest}.png"
            if cached.is_file():
                ref.png = cached.read_bytes()
            else:
                todo.append((ref, cached))
    total = len(todo)
    if progress:
        progress(0, total)
    failed: list[Reference] = []
    done = 0
    for task in {ref.task for ref, _ in todo}:
        mine = [(ref, cached) for ref, cached in todo if ref.task is task]
        sources = []
        for ref, _ in mine:
            cand = extract_code(ref.source or "", task)
            sources.append(cand.code if cand else ref.source or "")
        with get_renderer(task) as renderer:

            def save(k: int, rendering: Any, mine: list[tuple[Reference, Path]] = mine) -> None:
                nonlocal done
                ref, cached = mine[k]
                if rendering.ok and rendering.png:
                    ref.png = rendering.png
                    cached.write_bytes(rendering.png)  # as each finishes: an interrupt keeps them
                else:
                    log.warning("reference %s did not render: %s", ref.name, rendering.reason)
                    failed.append(ref)
                done += 1
                if progress:
                    progress(done, total)

            renderer.render_many(sources, progress=save)
    return failed


def verl_rows(refs: list[Reference], split: str, data_source: str = "verm") -> list[dict[str, Any]]:
    """veRL's row layout (the module docstring) for references that have an image."""
    rows = []
    for i, ref in enumerate(r for r in refs if r.png):
        rows.append(
            {
                "data_source": f"{data_source}/{ref.task.value}",
                "prompt": [{"role": "user", "content": "<image>" + PROMPTS[ref.task]}],
                "images": [{"bytes": ref.png, "path": ref.image_path or f"{ref.name}.png"}],
                "ability": ref.task.value,
                "reward_model": {"style": "rule", "ground_truth": ref.source or ""},
                "extra_info": {
                    "task": ref.task.value,
                    "reference": ref.source or "",
                    "reference_image": ref.png,
                    "name": ref.name,
                    "index": i,
                    "split": split,
                },
            }
        )
    return rows


def write_parquet(rows: list[dict[str, Any]], path: Path) -> Path:
    """Rows to a parquet file with an explicit schema (the same for every row)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDependencyError("writing veRL's parquet needs pyarrow: pip install 'verm[verl]'") from exc
    message = pa.struct([("role", pa.string()), ("content", pa.string())])
    image = pa.struct([("bytes", pa.binary()), ("path", pa.string())])
    schema = pa.schema(
        [
            ("data_source", pa.string()),
            ("prompt", pa.list_(message)),
            ("images", pa.list_(image)),
            ("ability", pa.string()),
            ("reward_model", pa.struct([("style", pa.string()), ("ground_truth", pa.string())])),
            (
                "extra_info",
                pa.struct(
                    [
                        ("task", pa.string()),
                        ("reference", pa.string()),
                        ("reference_image", pa.binary()),
                        ("name", pa.string()),
                        ("index", pa.int64()),
                        ("split", pa.string()),
                    ]
                ),
            ),
        ]
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
    tmp.replace(path)  # never a half-written file under the final name
    return path


@dataclass
class PrepareSummary:
    train: Path
    val: Path | None
    n_train: int
    n_val: int
    by_task: dict[str, int]
    unrendered: list[str]


def prepare_verl(
    folder: str | Path,
    out: str | Path,
    task: Task | str | None = None,
    val_fraction: float = 0.1,
    seed: int = 0,
    data_source: str = "verm",
    progress: Progress | None = None,
) -> PrepareSummary:
    """``verm rl prepare``: references under ``folder`` -> ``out/train.parquet`` (and ``val.parquet``)."""
    if not 0.0 <= val_fraction < 1.0:
        raise InputError(f"val_fraction must be in [0, 1), got {val_fraction}")
    out_dir = Path(out)
    refs = collect_references(folder, task)
    failed = render_missing(refs, out_dir / ".render-cache", progress)
    usable = [r for r in refs if r.png]
    if not usable:
        raise InputError(f"none of the {len(refs)} references under {folder} rendered; see the log for why")
    order = list(range(len(usable)))
    random.Random(seed).shuffle(order)
    n_val = round(len(usable) * val_fraction) if len(usable) > 1 else 0
    val = [usable[i] for i in sorted(order[:n_val])]
    train = [usable[i] for i in sorted(order[n_val:])]
    train_path = write_parquet(verl_rows(train, "train", data_source), out_dir / "train.parquet")
    val_path = write_parquet(verl_rows(val, "val", data_source), out_dir / "val.parquet") if val else None
    by_task: dict[str, int] = {}
    for r in usable:
        by_task[r.task.value] = by_task.get(r.task.value, 0) + 1
    return PrepareSummary(train_path, val_path, len(train), len(val), by_task, [r.name for r in failed])
