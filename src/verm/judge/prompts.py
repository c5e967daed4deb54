"""The judge prompts, kept as data with a version.

Each task has one prompt that asks a vision-language judge to compare a
reference image (sent first) with a candidate image (sent second) and answer
with a single JSON object in the Visual-ERM paper's format. The wording is
verm's own; the categories, the 1..3 severity scale and the JSON schema are
the paper's, word for word, because they are the contract a served
Visual-ERM model was trained to follow (tables spell ``category`` as
``type``, as the paper's table prompt does).

>>> from verm.judge.prompts import get_prompt, build_messages
>>> p = get_prompt("chart")
>>> p.version
'verm-chart-v1'
>>> msgs = build_messages("chart", "iVBORw0...", "iVBORw0...")
>>> [part["type"] for part in msgs[-1]["content"]]
['image_url', 'image_url', 'text']

A user prompt comes from a file (`load_prompt`): plain text (the whole file is
the user text, taken as it is: its JSON schema block is never a template), JSON/TOML
with ``version``, ``user`` (or ``text``) and an optional ``system``, or a Python file
whose string constants hold the prompts (the authors' ``reward_utils.py``; read with
``ast``, never run). ``<image>`` placeholders in a prompt put the two images where
they stand, as the authors' evaluation code writes them; without any, the images
come first. `format_answer` writes a judgment in the schema block the prompt shows
(``type`` or ``category``, with or without ``location``), so training targets match
the prompt they are trained with.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verm.errors import InputError
from verm.types import CATEGORIES, Discrepancy, Task

log = logging.getLogger(__name__)

__all__ = [
    "IMAGE_PLACEHOLDER",
    "PROMPTS",
    "AnswerFormat",
    "Prompt",
    "PromptTaskMismatch",
    "answer_format",
    "build_messages",
    "detect_task",
    "format_answer",
    "get_prompt",
    "image_data_url",
    "load_prompt",
    "prompts_to_json",
    "response_schema",
    "user_content",
]

#: Where an image goes in a prompt's text (the authors' evaluation code and LLaMA-Factory write it so).
IMAGE_PLACEHOLDER = "<image>"


class PromptTaskMismatch(InputError):
    """A prompt file whose schema belongs to another task than the one asked for."""


# --------------------------------------------------------------------------- schema text

#: The paper's JSON schema block per task, exactly as its prompts show it. It is the contract
#: a served Visual-ERM model answers in, so it is quoted, not reworded.
_SCHEMA_TEXT: dict[Task, str] = {
    Task.CHART: """{
  "structure_error_count": int,
  "data_error_count": int,
  "text_error_count": int,
  "style_error_count": int,
  "errors": [
    {
      "category": "structure_error | data_error | text_error | style_error",
      "severity": 1 | 2 | 3,
      "location": "Specific location (e.g., 'Left subplot title', 'Red line data', 'Legend')",
      "description": "Concise description of the error."
    }
  ]
}""",
    Task.TABLE: """{
  "layout_error_count": int,
  "text_error_count": int,
  "numeric_error_count": int,
  "errors": [
    {
      "type": "layout_error | text_error | numeric_error",
      "description": "A short description of what is wrong and where it is wrong",
      "severity": 1|2|3
    }
  ]
}""",
    Task.SVG: """{
  "structure_error_count": int,
  "shape_error_count": int,
  "style_error_count": int,
  "text_symbol_error_count": int,
  "errors": [
    {
      "category": "structure_error | shape_error | style_error | text_symbol_error",
      "severity": 1 | 2 | 3,
      "location": "Visual location (e.g., 'Train Wheel', 'Eye Contour', 'Canvas Background')",
      "description": "Concise description of the visual mismatch."
    }
  ]
}""",
}

_SEVERITY_TEXT = """\
Give every difference a severity:
- 1 (minor): a small difference that barely affects reading or understanding.
- 2 (medium): a difference that affects part of the understanding and needs manual correction before the result can be relied on.
- 3 (severe): a structural or key-content difference that breaks the correspondence or can seriously mislead."""

_ANSWER_TEXT = """\
Answer with one JSON object and nothing else: no explanation before or after it and no markdown code fences.
Use exactly this schema:

{schema}

If the two images show no visible difference, give every count as 0 and an empty "errors" list."""

_CHART_USER = """\
You review charts for a living. You are given two images:

1. Image 1 (reference): a chart rendered from the original Matplotlib code.
2. Image 2 (candidate): a chart rendered from Matplotlib code that a model wrote to reproduce Image 1.

Compare the candidate with the reference and find every visual difference. Put each difference in exactly one category:
- structure_error: chart type, subplot layout, axes, legend or other components missing, extra or arranged differently.
- data_error: data values, bar heights, line shapes, points or series that differ.
- text_error: titles, axis labels, tick labels, legend entries or annotations whose text differs or is missing.
- style_error: colours, markers, line styles, fonts, sizes or other appearance that differs.

{severity}

{answer}
"""

_TABLE_USER = """\
You check the quality of table parsing. You are given two table images:

- Image 1 (reference): a screenshot of the original table.
- Image 2 (candidate): the parsed table, rendered again as an image.

Compare the candidate with the reference and find every difference in the candidate. Put each difference in exactly one category:
1) layout_error: rows, columns, merged cells, headers or cell positions that differ (structure and layout).
2) text_error: words in a cell that are wrong, missing or extra (text recognition).
3) numeric_error: numbers, symbols or units that are wrong, missing or extra.

{severity}

{answer}
"""

_SVG_USER = """\
You check icons and vector graphics. You are given two images to compare by eye:

- Image 1 (reference): an icon or graphic rendered from the original SVG code.
- Image 2 (candidate): an icon or graphic rendered from SVG code that a model wrote to reproduce Image 1.

Compare the candidate with the reference and find every visual difference. Put each difference in exactly one category:
- structure_error: parts of the graphic missing, extra, or arranged or layered differently.
- shape_error: the outline, geometry, size or position of a part differs.
- style_error: fill or stroke colours, stroke widths, opacity, gradients or the background differ.
- text_symbol_error: letters, digits or symbols drawn in the graphic differ or are missing.

{severity}

{answer}
"""

_USER_TEMPLATES = {Task.CHART: _CHART_USER, Task.TABLE: _TABLE_USER, Task.SVG: _SVG_USER}


# --------------------------------------------------------------------------- the Prompt type


@dataclass(frozen=True)
class Prompt:
    """One judge prompt: the user text sent after the two images, an optional system
    message, and a version that goes into logs and cache keys."""

    version: str
    text: str
    system: str | None = None
    task: Task | None = None
    #: Where the prompt came from ("builtin" or a file path), for reports.
    source: str = "builtin"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def user(self) -> str:
        """Alias of ``text`` (the user turn's text)."""
        return self.text


def _builtin(task: Task) -> Prompt:
    answer = _ANSWER_TEXT.format(schema=_SCHEMA_TEXT[task])
    text = _USER_TEMPLATES[task].format(severity=_SEVERITY_TEXT, answer=answer)
    return Prompt(version=f"verm-{task.value}-v1", text=text, system=None, task=task)


#: The built-in prompts, one per task.
PROMPTS: dict[Task, Prompt] = {t: _builtin(t) for t in Task}


def get_prompt(task: Task | str) -> Prompt:
    """The built-in prompt for a task."""
    return PROMPTS[Task.parse(task)]


def load_prompt(task: Task | str, path: str | Path | None = None) -> Prompt:
    """A prompt from a file, or the built-in one when ``path`` is None.

    ``.json`` / ``.toml`` files hold ``{"version": ..., "user": ..., "system": ...}``
    (``text`` or ``prompt`` is accepted for ``user``); a TOML/JSON file may instead hold
    one such table per task (``[chart]``, ``[table]``, ``[svg]``). A ``.py`` file is read
    with ``ast`` (never run): the string constant whose JSON schema block is the task's
    (``FILE.py::NAME`` picks one by name when several are). Any other file is the user
    text itself, as it is. A plain or Python prompt gets the version
    ``file:<name>@<sha256[:8]>``. A prompt whose schema block names another task raises
    `PromptTaskMismatch`.
    """
    task = Task.parse(task)
    if path is None:
        return get_prompt(task)
    spec = str(path)
    member: str | None = None
    if "::" in spec and spec.split("::", 1)[0].endswith(".py"):
        spec, member = spec.split("::", 1)
    p = Path(spec)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read prompt file {p}: {exc}") from None
    suffix = p.suffix.lower()
    if suffix == ".py":
        name, text = _python_prompt(p, raw, task, member)
        prompt = Prompt(version=f"file:{p.name}:{name}@{_digest(text)}", text=text, task=task, source=f"{p}::{name}")
    elif suffix not in (".json", ".toml"):
        if not raw.strip():
            raise InputError(f"prompt file {p} is empty")
        prompt = Prompt(version=f"file:{p.name}@{_digest(raw)}", text=raw, task=task, source=str(p))
    else:
        prompt = _table_prompt(p, raw, suffix, task)
    _check_prompt(prompt, task)
    return prompt


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _table_prompt(p: Path, raw: str, suffix: str, task: Task) -> Prompt:
    try:
        data = json.loads(raw) if suffix == ".json" else tomllib.loads(raw)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"prompt file {p} is not valid {suffix[1:].upper()}: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(f"prompt file {p}: expected an object with 'user' (and optional 'version', 'system')")
    if task.value in data and isinstance(data[task.value], dict):  # one table per task
        data = data[task.value]
    elif any(isinstance(data.get(t.value), dict) for t in Task):
        raise PromptTaskMismatch(f"prompt file {p} holds prompts for {_tasks_in(data)} but none for {task.value}")
    user = data.get("user", data.get("text", data.get("prompt")))
    if not isinstance(user, str) or not user.strip():
        raise InputError(f"prompt file {p}: missing a non-empty 'user' (or 'text') string for task {task.value}")
    system = data.get("system")
    if system is not None and not isinstance(system, str):
        raise InputError(f"prompt file {p}: 'system' must be a string")
    version = str(data.get("version") or f"file:{p.name}@{_digest(raw)}")
    return Prompt(version=version, text=user, system=system, task=task, source=str(p))


def _tasks_in(data: dict[str, Any]) -> str:
    return ", ".join(t.value for t in Task if isinstance(data.get(t.value), dict))


def _python_strings(tree: ast.AST) -> list[tuple[str, str]]:
    """(qualified name, text) of every string constant assigned to a name or returned,
    in source order (``build_prompt_for_table.prompt``, ``PROMPT_CHART2CODE_JUDGEMENT``)."""
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, scope: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = f"{scope}{child.name}." if isinstance(child, ast.FunctionDef | ast.ClassDef) else scope
            value = getattr(child, "value", None)
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                if isinstance(child, ast.Assign):
                    names = [t.id for t in child.targets if isinstance(t, ast.Name)]
                elif isinstance(child, ast.AnnAssign) and isinstance(child.target, ast.Name):
                    names = [child.target.id]
                elif isinstance(child, ast.Return):
                    names = ["return"]
                else:
                    names = []
                found.extend((f"{scope}{n}", value.value) for n in names)
            visit(child, inner)

    visit(tree, "")
    return found


def _python_prompt(p: Path, raw: str, task: Task, member: str | None) -> tuple[str, str]:
    try:
        tree = ast.parse(raw, filename=str(p))
    except SyntaxError as exc:
        raise InputError(f"prompt file {p} is not valid Python: {exc}") from None
    strings = _python_strings(tree)
    if member is not None:
        hits = [(n, t) for n, t in strings if n == member or n.rsplit(".", 1)[0] == member]
        if not hits:
            names = ", ".join(n for n, _ in strings)[:400]
            raise InputError(f"prompt file {p} has no string constant {member!r}; it has: {names}")
        return hits[0]
    hits = [(n, t) for n, t in strings if detect_task(t) is task]
    if not hits:
        others = sorted({f"{n} ({found.value})" for n, t in strings if (found := detect_task(t)) is not None})
        detail = f"; it has {', '.join(others)}" if others else "; it has no prompt with a JSON schema block"
        raise PromptTaskMismatch(f"prompt file {p} holds no {task.value} prompt{detail}")
    if len({t for _, t in hits}) > 1:
        names = ", ".join(n for n, _ in hits)
        raise InputError(f"prompt file {p} holds several {task.value} prompts ({names}); pick one with {p}::NAME")
    return hits[0]


def _check_prompt(prompt: Prompt, task: Task) -> None:
    found = detect_task(prompt.text)
    if found is not None and found is not task:
        raise PromptTaskMismatch(
            f"prompt {prompt.source} is a {found.value} prompt (its JSON schema block is the {found.value} one), "
            f"not a {task.value} prompt"
        )
    n = prompt.text.count(IMAGE_PLACEHOLDER)
    if n not in (0, 2):
        raise InputError(
            f"prompt {prompt.source} has {n} {IMAGE_PLACEHOLDER} placeholders; a judge prompt has none "
            "(the images go first) or two (reference, then candidate)"
        )


def prompts_to_json(prompts: dict[Task, Prompt]) -> str:
    """Prompts as one JSON file (a table per task) that `load_prompt` reads back unchanged."""
    data = {
        t.value: {"version": p.version, "user": p.text, **({"system": p.system} if p.system else {})}
        for t, p in prompts.items()
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- messages


def resolve_prompts(prompt: Any = None) -> dict[Task, Prompt]:
    """One prompt per task from what a judge was given: None (built-ins), a `Prompt`,
    a prompt file path, or a dict per task of either."""
    out: dict[Task, Prompt] = {}
    for task in Task:
        p = prompt.get(task, prompt.get(task.value)) if isinstance(prompt, dict) else prompt
        if p is None:
            out[task] = get_prompt(task)
        elif isinstance(p, Prompt):
            out[task] = p
        elif isinstance(prompt, dict):
            out[task] = load_prompt(task, p)
        else:
            # One file for every task: a file with only the chart prompt leaves the others built in.
            try:
                out[task] = load_prompt(task, p)
            except PromptTaskMismatch as exc:
                log.info("%s; the %s task keeps the built-in prompt", exc, task.value)
                out[task] = get_prompt(task)
    return out


def image_data_url(b64: str, mime: str | None = None) -> str:
    """A ``data:`` URL for base64 image bytes; the type is sniffed from the bytes when not given."""
    if b64.startswith("data:"):
        return b64
    if mime is None:
        # Base64 of the magic numbers: PNG "\x89PNG", JPEG "\xff\xd8\xff", WebP "RIFF", GIF "GIF8".
        if b64.startswith("/9j/"):
            mime = "image/jpeg"
        elif b64.startswith("UklGR"):
            mime = "image/webp"
        elif b64.startswith("R0lGOD"):
            mime = "image/gif"
        else:
            mime = "image/png"
    return f"data:{mime};base64,{b64}"


def build_messages(
    task: Task | str, ref_png_b64: str, cand_png_b64: str, prompt: Prompt | str | None = None
) -> list[dict[str, Any]]:
    """OpenAI chat messages: [system?], then one user turn with the reference image,
    the candidate image and the prompt text, in that order (as the paper's reward
    scripts send them)."""
    task = Task.parse(task)
    if prompt is None:
        prompt = get_prompt(task)
    elif isinstance(prompt, str):
        prompt = Prompt(version="inline", text=prompt, task=task, source="inline")
    messages: list[dict[str, Any]] = []
    if prompt.system:
        messages.append({"role": "system", "content": prompt.system})
    images = [
        {"type": "image_url", "image_url": {"url": image_data_url(ref_png_b64)}},
        {"type": "image_url", "image_url": {"url": image_data_url(cand_png_b64)}},
    ]
    messages.append({"role": "user", "content": user_content(prompt, images)})
    return messages


def user_content(prompt: Prompt, images: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The user turn's parts: each image where a ``<image>`` placeholder stands in the
    prompt's text, or, without placeholders, every image first and then the text."""
    pieces = prompt.text.split(IMAGE_PLACEHOLDER)
    if len(pieces) == 1:
        return [*images, {"type": "text", "text": prompt.text}]
    if len(pieces) - 1 != len(images):
        raise InputError(
            f"prompt {prompt.version} has {len(pieces) - 1} {IMAGE_PLACEHOLDER} placeholders for {len(images)} images"
        )
    parts: list[dict[str, Any]] = []
    for i, piece in enumerate(pieces):
        if piece:
            parts.append({"type": "text", "text": piece})
        if i < len(images):
            parts.append(images[i])
    return parts


def placeholder_text(prompt: Prompt, n_images: int = 2) -> str:
    """The user text with ``<image>`` tokens where the images go (ShareGPT / LLaMA-Factory):
    the prompt's own placeholders, or all of them first, as `user_content` lays them out."""
    if IMAGE_PLACEHOLDER in prompt.text:
        return prompt.text
    return IMAGE_PLACEHOLDER * n_images + prompt.text


# --------------------------------------------------------------------------- structured output


def response_schema(task: Task | str) -> dict[str, Any]:
    """The answer's JSON Schema, for servers with structured output (vLLM's
    ``response_format={"type": "json_schema", ...}``). Tables use ``type`` as the
    paper's table prompt does; every other task uses ``category``."""
    task = Task.parse(task)
    cats = list(CATEGORIES[task])
    key = "type" if task is Task.TABLE else "category"
    item_props: dict[str, Any] = {
        key: {"type": "string", "enum": cats},
        "severity": {"type": "integer", "enum": [1, 2, 3]},
    }
    required = [key, "severity"]
    if task is not Task.TABLE:
        item_props["location"] = {"type": "string"}
        required.append("location")
    item_props["description"] = {"type": "string"}
    required.append("description")
    props: dict[str, Any] = {f"{c}_count": {"type": "integer", "minimum": 0} for c in cats}
    props["errors"] = {
        "type": "array",
        "items": {"type": "object", "properties": item_props, "required": required, "additionalProperties": False},
    }
    return {
        "type": "object",
        "properties": props,
        "required": [*(f"{c}_count" for c in cats), "errors"],
        "additionalProperties": False,
    }


# --------------------------------------------------------------------------- task detection

# The count keys of each task's schema are unique to it, in the paper's prompts and in verm's.
_TASK_MARKERS: tuple[tuple[Task, tuple[str, ...]], ...] = (
    (Task.TABLE, ("numeric_error_count", "layout_error_count")),
    (Task.SVG, ("text_symbol_error_count", "shape_error_count")),
    (Task.CHART, ("data_error_count",)),
)
_TASK_WORDS: tuple[tuple[Task, tuple[str, ...]], ...] = (
    (Task.TABLE, ("numeric_error", "layout_error")),
    (Task.SVG, ("text_symbol_error", "shape_error")),
    (Task.CHART, ("data_error",)),
)


def detect_task(text: str) -> Task | None:
    """Which task a judge prompt is for (from its schema's count keys, else its
    category names); None when it names no task or several."""
    for markers in (_TASK_MARKERS, _TASK_WORDS):
        found = {task for task, keys in markers if any(re.search(rf"\b{k}\b", text) for k in keys)}
        if len(found) == 1:
            return found.pop()
        if len(found) > 1:
            return None
    return None


# --------------------------------------------------------------------------- answers in the prompt's schema


@dataclass(frozen=True)
class AnswerFormat:
    """The keys of the answer a prompt's JSON schema block asks for, in its order."""

    count_keys: tuple[str, ...]
    item_keys: tuple[str, ...]


#: Discrepancy fields an answer item can carry (``type`` is the tables' spelling of ``category``).
_ITEM_FIELDS = ("category", "type", "severity", "location", "description", "bbox")


def _schema_keys(text: str) -> AnswerFormat | None:
    m = re.search(r'"errors"\s*:\s*\[\s*\{(.*?)\}', text, re.DOTALL)
    if m is None:
        return None
    items = tuple(re.findall(r'"(\w+)"\s*:', m.group(1)))
    counts = tuple(re.findall(r'"(\w+_count)"\s*:', text[: m.start()]))
    if not ({"category", "type"} & set(items)) or "severity" not in items:
        return None
    return AnswerFormat(count_keys=counts, item_keys=items)


def answer_format(task: Task | str, prompt: Prompt | None = None) -> AnswerFormat:
    """The answer layout the prompt's schema block shows (the built-in schema when the
    prompt shows none). Raises `InputError` for an item key verm cannot fill."""
    task = Task.parse(task)
    fmt = _schema_keys(prompt.text) if prompt is not None else None
    if fmt is None:
        fmt = _schema_keys(_SCHEMA_TEXT[task])
        assert fmt is not None
    unknown = [k for k in fmt.item_keys if k not in _ITEM_FIELDS]
    if unknown:
        raise InputError(
            f"prompt {prompt.source if prompt else 'builtin'}: its schema asks for {unknown} in each error; "
            f"verm can write {', '.join(_ITEM_FIELDS)}"
        )
    return fmt


def format_answer(
    task: Task | str, discrepancies: Sequence[Discrepancy], prompt: Prompt | None = None, indent: int | None = None
) -> str:
    """The target answer for ``discrepancies`` as the prompt's schema block lays it out:
    its count keys in order (0 for a category the task does not have), then ``errors``
    with exactly the item keys it shows."""
    task = Task.parse(task)
    fmt = answer_format(task, prompt)
    counts = {c: 0 for c in CATEGORIES[task]}
    for d in discrepancies:
        counts[d.category] += 1
    out: dict[str, Any] = {k: counts.get(k.removesuffix("_count"), 0) for k in fmt.count_keys}
    errors = []
    for d in discrepancies:
        item: dict[str, Any] = {}
        for key in fmt.item_keys:
            if key in ("category", "type"):
                item[key] = d.category
            elif key == "bbox":
                item[key] = None if d.bbox is None else [round(c, 4) for c in d.bbox]
            else:
                item[key] = getattr(d, key)
        errors.append(item)
    out["errors"] = errors
    return json.dumps(out, ensure_ascii=False, indent=indent)
