"""Supervised fine-tuning data for a vision-language judge, from a bench or pairs
directory (`verm.bench.dataset` layout): each record is the two images, the task's
judge prompt and the target answer in the prompt's own JSON schema.

Two formats, one record per pair, images referenced by paths relative to ``OUT``:

* ``messages`` — ``{"messages": [{"role": "user", "content": [{"type": "image"},
  {"type": "image"}, {"type": "text", "text": PROMPT}]}, {"role": "assistant",
  "content": [{"type": "text", "text": ANSWER}]}], "images": [REF, CAND]}``: the
  conversational vision layout TRL's SFT trainer and transformers' chat templates read
  (every content is a list of parts, so the column has one Arrow type).
* ``sharegpt`` — ``{"messages": [{"role": "user", "content": "<image><image>PROMPT"},
  {"role": "assistant", "content": ANSWER}], "images": [REF, CAND]}`` as LLaMA-Factory
  reads it, with the ``dataset_info.json`` entries ``verm_judge_train`` and
  ``verm_judge_validation`` (``--dataset_dir OUT``).

The images go where the prompt's ``<image>`` placeholders stand, else first
(`verm.judge.prompts.user_content`, the same rule the vlm and hf judges follow), so
a model is trained on exactly the prompt it will be served with.

Layout of ``OUT``::

    train.jsonl, validation.jsonl   the records
    images/<sha256[:16]>.png         every image once, named by its content (hard links where possible)
    prompts.json                     the prompts used (``--prompt-file OUT/prompts.json`` serves them)
    balance.json                     category and severity balance per split and task
    export.json                      source, format, split rule, prompt versions, counts
    dataset_info.json                (sharegpt) LLaMA-Factory's dataset entries

The split is by reference (the reference image's content hash): a reference goes to
validation when ``sha256(seed:hash)`` falls below ``val_fraction``, so no reference is
in both splits and a reference keeps its split when the data grows.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from verm.bench.dataset import Bench, load_bench
from verm.errors import InputError
from verm.judge.prompts import (
    Prompt,
    format_answer,
    get_prompt,
    load_prompt,
    placeholder_text,
    prompts_to_json,
    user_content,
)
from verm.types import CATEGORIES, Discrepancy, Task

log = logging.getLogger(__name__)

Format = Literal["messages", "sharegpt"]
FORMATS: tuple[str, ...] = ("messages", "sharegpt")
SPLITS = ("train", "validation")
DATASET_NAMES = {"train": "verm_judge_train", "validation": "verm_judge_validation"}
IMAGES_DIR = "images"
#: ``progress(done, total)`` after each record.
ExportProgress = Callable[[int, int], None]


@dataclass
class Balance:
    """Counts over a set of pairs: per task, how many pairs and references, how many
    discrepancies of each category and severity, and how many errors a pair carries."""

    pairs: int = 0
    references: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    severities: dict[str, int] = field(default_factory=dict)
    #: pairs by number of errors: "0", "1", "2", "3+".
    errors_per_pair: dict[str, int] = field(default_factory=dict)
    total_severity: int = 0

    @property
    def mean_total_severity(self) -> float:
        return self.total_severity / self.pairs if self.pairs else 0.0

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "mean_total_severity": round(self.mean_total_severity, 3)}


def balance_of(records: Sequence[tuple[Task, str, Sequence[Discrepancy]]]) -> dict[str, Balance]:
    """Balance per task of ``(task, reference key, discrepancies)`` triples."""
    out: dict[str, Balance] = {}
    refs: dict[str, set[str]] = {}
    for task, ref, errors in records:
        b = out.setdefault(
            task.value,
            Balance(
                categories=dict.fromkeys(CATEGORIES[task], 0),
                severities={"1": 0, "2": 0, "3": 0},
                errors_per_pair={"0": 0, "1": 0, "2": 0, "3+": 0},
            ),
        )
        b.pairs += 1
        refs.setdefault(task.value, set()).add(ref)
        for d in errors:
            b.categories[d.category] += 1
            b.severities[str(d.severity)] += 1
            b.total_severity += d.severity
        b.errors_per_pair[str(len(errors)) if len(errors) < 3 else "3+"] += 1
    for task, keys in refs.items():
        out[task].references = len(keys)
    return out


@dataclass
class ExportSummary:
    out: Path
    fmt: str
    counts: dict[str, int]
    #: split -> task -> balance
    balance: dict[str, dict[str, Balance]]
    prompts: dict[str, str]
    files: dict[str, Path]


def _sha_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def split_of(reference_hash: str, seed: int, val_fraction: float) -> str:
    """ "validation" or "train" for a reference, from its content hash alone."""
    h = int(hashlib.sha256(f"{seed}:{reference_hash}".encode()).hexdigest()[:8], 16) / 2**32
    return "validation" if h < val_fraction else "train"


def _place_image(src: Path, out: Path, sha: str) -> str:
    rel = f"{IMAGES_DIR}/{sha[:16]}{src.suffix.lower() or '.png'}"
    dest = out / rel
    if not dest.exists():
        tmp = dest.with_name(dest.name + ".tmp")
        tmp.unlink(missing_ok=True)
        try:
            os.link(src, tmp)
        except OSError:  # another file system, or links not allowed: copy
            shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    return rel


def _prompts_for(tasks: Sequence[Task], prompt_file: str | Path | None) -> dict[Task, Prompt]:
    # Strict: every task in the data gets a prompt from the file, or the export stops (training
    # a task on the built-in prompt by accident is what --prompt-file exists to prevent).
    return {t: load_prompt(t, prompt_file) if prompt_file is not None else get_prompt(t) for t in tasks}


def messages_record(prompt: Prompt, answer: str, images: Sequence[str]) -> dict[str, Any]:
    """A record in the conversational vision layout (TRL, transformers chat templates)."""
    msgs: list[dict[str, Any]] = []
    if prompt.system:
        msgs.append({"role": "system", "content": [{"type": "text", "text": prompt.system}]})
    msgs.append({"role": "user", "content": user_content(prompt, [{"type": "image"} for _ in images])})
    msgs.append({"role": "assistant", "content": [{"type": "text", "text": answer}]})
    return {"messages": msgs, "images": list(images)}


def sharegpt_record(prompt: Prompt, answer: str, images: Sequence[str]) -> dict[str, Any]:
    """A record as LLaMA-Factory's sharegpt format reads it (``<image>`` tokens in the text)."""
    msgs: list[dict[str, Any]] = []
    if prompt.system:
        msgs.append({"role": "system", "content": prompt.system})
    msgs.append({"role": "user", "content": placeholder_text(prompt, len(images))})
    msgs.append({"role": "assistant", "content": answer})
    return {"messages": msgs, "images": list(images)}


def dataset_info(files: dict[str, str]) -> dict[str, Any]:
    """LLaMA-Factory's ``dataset_info.json`` entries for the exported splits."""
    return {
        DATASET_NAMES[split]: {
            "file_name": name,
            "formatting": "sharegpt",
            "columns": {"messages": "messages", "images": "images"},
            "tags": {
                "role_tag": "role",
                "content_tag": "content",
                "user_tag": "user",
                "assistant_tag": "assistant",
                "system_tag": "system",
            },
        }
        for split, name in files.items()
    }


def _write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def _write_json(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def export(
    source: str | Path | Bench,
    out_dir: str | Path,
    fmt: Format | str = "messages",
    prompt_file: str | Path | None = None,
    val_fraction: float = 0.1,
    seed: int = 0,
    progress: ExportProgress | None = None,
) -> ExportSummary:
    """Write SFT data for ``source`` (a bench or pairs directory, or its JSONL) to ``out_dir``."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    if not 0.0 <= val_fraction < 1.0:
        raise InputError(f"val_fraction must be in [0, 1), got {val_fraction}")
    bench = source if isinstance(source, Bench) else load_bench(source)
    if not bench.records:
        raise InputError(f"{bench.path} holds no pairs")
    out = Path(out_dir)
    (out / IMAGES_DIR).mkdir(parents=True, exist_ok=True)
    prompts = _prompts_for(bench.tasks(), prompt_file)
    make = messages_record if fmt == "messages" else sharegpt_record

    rows: dict[str, list[dict[str, Any]]] = {s: [] for s in SPLITS}
    seen: dict[str, list[tuple[Task, str, Sequence[Discrepancy]]]] = {s: [] for s in SPLITS}
    hashes: dict[Path, str] = {}
    n = len(bench.records)
    for k, rec in enumerate(bench.records):
        paths = [bench.image_path(rec, "gt"), bench.image_path(rec, "pred")]
        for p in paths:
            if not p.is_file():
                raise InputError(f"{bench.path}: record {rec.id!r}: image not found: {p}")
            if p not in hashes:
                hashes[p] = _sha_file(p)
        ref_hash = hashes[paths[0]]
        split = split_of(ref_hash, seed, val_fraction)
        images = [_place_image(p, out, hashes[p]) for p in paths]
        prompt = prompts[rec.task]
        answer = format_answer(rec.task, rec.human_errors, prompt)
        row = {"id": rec.id, "task": rec.task.value, "reference": ref_hash[:16], **make(prompt, answer, images)}
        rows[split].append(row)
        seen[split].append((rec.task, ref_hash, rec.human_errors))
        if progress:
            progress(k + 1, n)
    _ensure_validation(rows, seen, val_fraction)

    files: dict[str, Path] = {}
    for split in SPLITS:
        path = out / f"{split}.jsonl"
        _write_jsonl(path, rows[split])
        files[split] = path
    balance = {s: balance_of(seen[s]) for s in SPLITS}
    _write_json(out / "balance.json", {s: {t: b.to_json() for t, b in balance[s].items()} for s in SPLITS})
    (out / "prompts.json").write_text(prompts_to_json(prompts), encoding="utf-8")
    if fmt == "sharegpt":
        _write_json(out / "dataset_info.json", dataset_info({s: files[s].name for s in SPLITS}))
        files["dataset_info"] = out / "dataset_info.json"
    counts = {s: len(rows[s]) for s in SPLITS}
    _write_json(
        out / "export.json",
        {
            "source": str(bench.path.resolve()),
            "format": fmt,
            "seed": seed,
            "val_fraction": val_fraction,
            "split": "by reference image (sha256 of its bytes)",
            "prompts": {t.value: p.version for t, p in prompts.items()},
            "counts": counts,
        },
    )
    log.info("exported %s pairs (%s) to %s", counts, fmt, out)
    return ExportSummary(
        out=out,
        fmt=fmt,
        counts=counts,
        balance=balance,
        prompts={t.value: p.version for t, p in prompts.items()},
        files=files,
    )


def _ensure_validation(
    rows: dict[str, list[dict[str, Any]]],
    seen: dict[str, list[tuple[Task, str, Sequence[Discrepancy]]]],
    val_fraction: float,
) -> None:
    """A small set can leave validation empty by chance: move the whole first reference
    (all its pairs) there, so a validation set exists whenever one was asked for."""
    if val_fraction <= 0 or rows["validation"] or len({r for _, r, _ in seen["train"]}) < 2:
        return
    first = seen["train"][0][1]
    keep = [i for i, (_, r, _) in enumerate(seen["train"]) if r != first]
    move = [i for i, (_, r, _) in enumerate(seen["train"]) if r == first]
    rows["validation"] = [rows["train"][i] for i in move]
    seen["validation"] = [seen["train"][i] for i in move]
    rows["train"] = [rows["train"][i] for i in keep]
    seen["train"] = [seen["train"][i] for i in keep]


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Rows of an exported split file (for checks and the trainer)."""
    p = Path(path)
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
