"""OpenRLHF's remote-reward protocol, as pure functions over `verm.pipeline.Scorer`.

OpenRLHF (0.11: ``--reward.remote_url``; ``--remote_rm_url`` before 0.10.3)
sends ``{"query": [...], "prompts": [...], "labels": [...]}`` to an HTTP
reward server and expects ``{"rewards": [...], "scores": [...], "extra_logs":
{key: [number, ...]}}`` back; given a path ending in ``.py`` it instead imports
that file and calls ``reward_func(queries, prompts, labels)``, expecting the
same dict. Its single-turn executor sends one sample per call, many at once.

* ``query`` is the prompt and the response decoded together (special tokens
  kept): `cut_response` cuts the response out of it using ``prompts``.
* ``labels`` carry the reference (`parse_reference`): a JSON object
  ``{"reference": ..., "task": "chart|table|svg"}``; a ``data:image/...;base64,``
  URL or bare base64 of a PNG/JPEG; a path to an image or a source file (only
  under an allowed root); otherwise the reference's source text (a matplotlib
  program, a Markdown/HTML table, an SVG).
* ``rewards`` are verm's rewards under the shaping; ``scores`` are the same
  scaled into [0, 1] by the shaping's range (OpenRLHF's dynamic filtering reads
  them).
* **Never null.** OpenRLHF turns every value into a tensor, and a ``None``
  crashes the step. A sample verm cannot score (``infra_error``: the scorer's
  fault; ``judge_error`` with no fallback score) gets a *fill*: the mean reward
  of the samples for the same prompt in the same call that were scored, else
  the middle of the shaping's range (``infra_fill`` overrides it). In a GRPO
  group a fill at the group's mean has no advantage, so it pushes the policy
  neither way. ``extra_logs`` says which samples were filled (``verm_filled``)
  and the status of each as one-hot numbers (``verm_status_<status>``), since
  OpenRLHF only logs numbers.
* An empty batch gets an empty answer.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verm.errors import ContractError, InputError
from verm.pipeline import Scorer
from verm.reward import RewardShaping
from verm.types import Rendering, Reward, Status, Task

log = logging.getLogger(__name__)

__all__ = [
    "EXTRA_LOG_KEYS",
    "REWARD_FUNC_FILE",
    "OpenRlhfBatch",
    "Plan",
    "build_response",
    "cut_response",
    "parse_reference",
    "parse_request",
    "plan_batch",
    "reward_func",
]

#: The file to pass to ``--reward.remote_url`` for the in-process form.
REWARD_FUNC_FILE = Path(__file__).with_name("openrlhf_reward.py")

#: Trailing tokens a decoded query may end with (end of turn, end of text, padding).
_END_TOKENS = ("<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<|end|>", "</s>", "<eos>", "<|end_of_text|>", "<pad>")
_B64 = re.compile(r"^[A-Za-z0-9+/=\s]+$")
_DATA_URL = re.compile(r"^data:image/[\w.+-]+(?:;[\w=.-]+)*;base64,", re.IGNORECASE)
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF8", b"RIFF")

STATUS_KEYS = tuple(f"verm_status_{s.value}" for s in Status)
#: The same keys on every answer (OpenRLHF stacks them across samples).
EXTRA_LOG_KEYS = (*STATUS_KEYS, "verm_filled", "verm_total_severity", "verm_cached", "verm_queue_ms",
                  "verm_render_ms", "verm_judge_ms")  # fmt: skip


@dataclass
class OpenRlhfBatch:
    """A validated request: one response text, prompt and label per sample."""

    responses: list[str]
    prompts: list[str]
    labels: list[Any]


def parse_request(body: Any) -> OpenRlhfBatch:
    """Validate OpenRLHF's JSON body; `InputError` says what is wrong (the service answers 400)."""
    if not isinstance(body, dict):
        raise InputError(f"the body must be a JSON object with 'query', 'prompts', 'labels', not {type(body).__name__}")
    queries = body.get("query", body.get("queries"))
    if queries is None:
        raise InputError("the body has no 'query' (a list of prompt + response texts)")
    if not isinstance(queries, list) or not all(isinstance(q, str) for q in queries):
        raise InputError("'query' must be a list of strings (prompt + response, as OpenRLHF decodes them)")
    n = len(queries)
    prompts = body.get("prompts")
    labels = body.get("labels")
    if prompts is None:
        prompts = [""] * n
    if labels is None:
        labels = [None] * n
    if not isinstance(prompts, list) or not all(isinstance(p, str) for p in prompts):
        raise InputError("'prompts' must be a list of strings")
    if not isinstance(labels, list):
        raise InputError("'labels' must be a list (one reference per query)")
    if len(prompts) != n or len(labels) != n:
        raise InputError(f"'query' has {n} items but 'prompts' has {len(prompts)} and 'labels' {len(labels)}")
    return OpenRlhfBatch([cut_response(q, p) for q, p in zip(queries, prompts, strict=True)], prompts, labels)


def cut_response(query: str, prompt: str) -> str:
    """The response part of ``query``: what follows ``prompt``.

    OpenRLHF decodes prompt + response tokens together, so the prompt is usually
    a prefix; when it is not (the tokenizer round trip changed it, the prompt was
    truncated from the left, image placeholders were expanded), the response
    starts after the first place where the prompt's tail occurs. Failing that,
    the whole query is used (code is extracted from its last fenced block).
    Trailing end-of-turn and padding tokens are dropped.
    """
    resp = query
    if prompt:
        if query.startswith(prompt):
            resp = query[len(prompt) :]
        else:
            at = query.find(prompt)
            if at >= 0:
                resp = query[at + len(prompt) :]
            else:
                for n in (256, 128, 64, 32, 16):
                    tail = prompt[-n:]
                    if len(tail) < min(n, len(prompt)) or not tail.strip():
                        continue
                    at = query.find(tail)
                    if at >= 0:
                        resp = query[at + len(tail) :]
                        break
    stripped = resp.rstrip()
    changed = True
    while changed:
        changed = False
        for tok in _END_TOKENS:
            if stripped.endswith(tok):
                stripped = stripped[: -len(tok)].rstrip()
                changed = True
    return stripped


def parse_reference(
    label: Any, reference_root: Path | None = None, allow_paths: bool = False
) -> tuple[Any, Task | None]:
    """(reference, task or None) from a label; `InputError` for a label that cannot be a reference.

    Paths are read only when ``allow_paths`` (and, with ``reference_root``, only
    inside it): a service must not read files a client names.
    """
    task: Task | None = None
    if isinstance(label, str) and label.lstrip().startswith("{"):
        try:
            label = json.loads(label)
        except ValueError:
            pass  # a source that starts with a brace; treated as text below
    if isinstance(label, dict):
        if "task" in label and label["task"] is not None:
            task = Task.parse(str(label["task"]))
        label = label.get("reference", label.get("ground_truth"))
    if label is None or (isinstance(label, str) and not label.strip()):
        raise InputError("the label has no reference (expected a path, base64 image, data URL or source text)")
    if isinstance(label, bytes):
        return label, task
    if not isinstance(label, str):
        raise InputError(f"the reference must be a string, not {type(label).__name__}")
    text = label.strip()
    if _DATA_URL.match(text):
        return _b64decode(text.split(",", 1)[1]), task
    if len(text) >= 64 and "\n" not in text.strip() and _B64.match(text):
        raw = _maybe_image_b64(text)
        if raw is not None:
            return raw, task
    if "\n" not in text and "<" not in text and len(text) < 4096 and _looks_like_path(text):
        if not allow_paths:
            raise InputError(
                f"the reference {text[:200]!r} is a path, and this server reads no paths a client names; "
                "send the image as base64 or the source as text, or start the server with --reference-root DIR"
            )
        path = Path(text).expanduser()
        if reference_root is not None:
            root = reference_root.resolve()
            path = (root / path).resolve() if not path.is_absolute() else path.resolve()
            if not path.is_relative_to(root):
                raise InputError(f"the reference path {text[:200]!r} is outside the allowed root {root}")
        if not path.is_file():
            raise InputError(f"reference file not found: {text[:200]}")
        return path, task
    return label, task


def _looks_like_path(text: str) -> bool:
    suffix = Path(text).suffix.lower()
    known = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".py", ".svg", ".md", ".markdown", ".html", ".htm"}
    return suffix in known or text.startswith(("/", "./", "../", "~/"))


def _b64decode(data: str) -> bytes:
    try:
        return base64.b64decode("".join(data.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InputError(f"the reference is not valid base64: {exc}") from None


def _maybe_image_b64(text: str) -> bytes | None:
    try:
        raw = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if raw.startswith(_IMAGE_MAGIC) else None


def error_reference(task: Task, reason: str) -> Rendering:
    """A reference that failed before scoring; the Scorer turns it into that sample's ``judge_error``."""
    return Rendering(task=task, status=Status.RENDER_ERROR, reason=reason)


@dataclass
class Plan:
    """Each sample's task and reference (or the error reference explaining why it has none)."""

    tasks: list[Task]
    references: list[Any]

    def groups(self) -> dict[Task, list[int]]:
        out: dict[Task, list[int]] = {}
        for i, t in enumerate(self.tasks):
            out.setdefault(t, []).append(i)
        return out


def plan_batch(
    batch: OpenRlhfBatch, default_task: Task, reference_root: Path | None = None, allow_paths: bool = False
) -> Plan:
    """Parse every label; a label that cannot be a reference fails its own sample, never the batch."""
    tasks: list[Task] = []
    refs: list[Any] = []
    for i, label in enumerate(batch.labels):
        try:
            ref, task = parse_reference(label, reference_root, allow_paths)
        except (InputError, ContractError) as exc:
            tasks.append(default_task)
            refs.append(error_reference(default_task, f"labels[{i}]: {exc}"))
            continue
        tasks.append(task or default_task)
        refs.append(ref)
    return Plan(tasks, refs)


def score_sync(batch: OpenRlhfBatch, plan: Plan, scorer_for: Callable[[Task], Scorer]) -> list[Reward]:
    """Score a planned batch, one `Scorer.score_batch` call per task."""
    out: list[Reward | None] = [None] * len(plan.tasks)
    for task, idx in plan.groups().items():
        got = scorer_for(task).score_batch([plan.references[i] for i in idx], [batch.responses[i] for i in idx])
        for i, r in zip(idx, got, strict=True):
            out[i] = r
    return [r for r in out if r is not None]


def fill_values(
    rewards: Sequence[Reward], prompts: Sequence[str], shapings: Sequence[RewardShaping], fill: float | None
) -> list[float]:
    """A number for every sample: its score, or the fill rule's value where verm gave none."""
    by_prompt: dict[str, list[float]] = {}
    for r, p in zip(rewards, prompts, strict=True):
        if r.score is not None:
            by_prompt.setdefault(p, []).append(r.score)
    out = []
    for r, p, shaping in zip(rewards, prompts, shapings, strict=True):
        lo, hi = shaping.bounds
        if r.score is not None:
            out.append(float(r.score))
        elif fill is not None:
            out.append(fill)
        elif by_prompt.get(p):
            out.append(sum(by_prompt[p]) / len(by_prompt[p]))
        else:
            out.append((lo + hi) / 2)
    return out


def build_response(
    rewards: Sequence[Reward],
    prompts: Sequence[str],
    shapings: Sequence[RewardShaping],
    infra_fill: float | None = None,
) -> dict[str, Any]:
    """OpenRLHF's answer: ``rewards``, ``scores`` in [0, 1] and numeric ``extra_logs``, never a null.
    ``shapings`` holds each sample's shaping (its task's scorer's)."""
    values = fill_values(rewards, prompts, shapings, infra_fill)
    logs: dict[str, list[float]] = {k: [] for k in EXTRA_LOG_KEYS}
    for r in rewards:
        for s in Status:
            logs[f"verm_status_{s.value}"].append(1.0 if r.status is s else 0.0)
        logs["verm_filled"].append(1.0 if r.score is None else 0.0)
        logs["verm_total_severity"].append(float(r.parts.get("total_severity", 0.0)))
        logs["verm_cached"].append(1.0 if r.cached else 0.0)
        for k in ("queue_ms", "render_ms", "judge_ms"):
            logs[f"verm_{k}"].append(float(r.timings.get(k, 0.0)))
    return {
        "rewards": values,
        "scores": [sh.unit_score(v) for sh, v in zip(shapings, values, strict=True)],
        "extra_logs": logs,
    }


def empty_response() -> dict[str, Any]:
    return {"rewards": [], "scores": [], "extra_logs": {k: [] for k in EXTRA_LOG_KEYS}}


# -- the `.py` form: reward_func(queries, prompts, labels) --------------------------------------

_scorers: dict[Task, Scorer] = {}
_scorers_lock = threading.Lock()


def _env_scorer(task: Task) -> Scorer:
    """One warm Scorer per task in this process, configured from ``VERM_*`` variables."""
    with _scorers_lock:
        if task not in _scorers:
            shaping = RewardShaping.preset(os.environ.get("VERM_SHAPING", "default"))
            _scorers[task] = Scorer(
                task,
                judge=os.environ.get("VERM_JUDGE", "auto"),
                shaping=shaping,
                cache_dir=os.environ.get("VERM_CACHE_DIR") or None,
            )
        return _scorers[task]


def _as_tensors(answer: dict[str, Any]) -> dict[str, Any]:
    try:
        import torch
    except ImportError:
        return answer
    return {
        "rewards": torch.tensor(answer["rewards"], dtype=torch.float32),
        "scores": torch.tensor(answer["scores"], dtype=torch.float32),
        "extra_logs": {k: torch.tensor(v, dtype=torch.float32) for k, v in answer["extra_logs"].items()},
    }


def reward_func(queries: list[str], prompts: list[str], labels: list[Any], **kwargs: Any) -> dict[str, Any]:
    """OpenRLHF's ``.py`` reward (``--reward.remote_url $(python -m verm.integrations.openrlhf)``).

    Scores in this process, or, with ``VERM_URL`` set, through a running ``verm serve``
    (``VERM_API_KEY`` for its key). Settings: ``VERM_TASK`` (default ``chart``; a label's
    ``task`` wins), ``VERM_JUDGE`` (``auto``), ``VERM_SHAPING`` (a preset: ``default``,
    ``visual-erm``, ``visual-erm-table``), ``VERM_CACHE_DIR``, ``VERM_REFERENCE_ROOT``
    (paths in labels are read in this process; under this root when set), ``VERM_INFRA_FILL``.
    Returns tensors where torch is importable (as OpenRLHF's template does), else lists;
    never raises for a bad sample and never returns a null.
    """
    body = {"query": list(queries), "prompts": list(prompts), "labels": list(labels)}
    url = os.environ.get("VERM_URL")
    if url:
        return _as_tensors(_post(url, body))
    batch = parse_request(body)
    if not batch.responses:
        return _as_tensors(empty_response())
    root = os.environ.get("VERM_REFERENCE_ROOT")
    plan = plan_batch(batch, Task.parse(os.environ.get("VERM_TASK", "chart")), Path(root) if root else None, True)
    rewards = score_sync(batch, plan, _env_scorer)
    fill = os.environ.get("VERM_INFRA_FILL")
    shapings = [_env_scorer(t).shaping for t in plan.tasks]
    return _as_tensors(build_response(rewards, batch.prompts, shapings, float(fill) if fill else None))


def _post(url: str, body: dict[str, Any]) -> dict[str, Any]:
    try:
        import httpx
    except ImportError as exc:
        from verm.errors import MissingDependencyError

        raise MissingDependencyError("VERM_URL needs httpx: pip install 'verm[vlm]'") from exc
    headers = {}
    if os.environ.get("VERM_API_KEY"):
        headers["Authorization"] = f"Bearer {os.environ['VERM_API_KEY']}"
    with httpx.Client(timeout=httpx.Timeout(600.0, connect=10.0), trust_env=False) as client:
        resp = client.post(url, json=body, headers=headers)
        resp.raise_for_status()
        return resp.json()


if __name__ == "__main__":  # `python -m verm.integrations.openrlhf`: the path to give OpenRLHF
    print(REWARD_FUNC_FILE)
