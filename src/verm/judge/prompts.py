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
the user text) or JSON/TOML with ``version``, ``user`` (or ``text``) and an
optional ``system``.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verm.errors import InputError
from verm.types import CATEGORIES, Task

__all__ = [
    "PROMPTS",
    "Prompt",
    "build_messages",
    "detect_task",
    "get_prompt",
    "image_data_url",
    "load_prompt",
    "response_schema",
]

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
    (``text`` is accepted for ``user``); a TOML/JSON file may instead hold one such
    table per task (``[chart]``, ``[table]``, ``[svg]``). Any other file is the user
    text itself and gets the version ``file:<name>@<sha256[:8]>``.
    """
    task = Task.parse(task)
    if path is None:
        return get_prompt(task)
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read prompt file {p}: {exc}") from None
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]
    default_version = f"file:{p.name}@{digest}"
    suffix = p.suffix.lower()
    if suffix not in (".json", ".toml"):
        if not raw.strip():
            raise InputError(f"prompt file {p} is empty")
        return Prompt(version=default_version, text=raw, task=task, source=str(p))
    try:
        data = json.loads(raw) if suffix == ".json" else tomllib.loads(raw)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"prompt file {p} is not valid {suffix[1:].upper()}: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(f"prompt file {p}: expected an object with 'user' (and optional 'version', 'system')")
    if task.value in data and isinstance(data[task.value], dict):  # one table per task
        data = data[task.value]
    user = data.get("user", data.get("text"))
    if not isinstance(user, str) or not user.strip():
        raise InputError(f"prompt file {p}: missing a non-empty 'user' (or 'text') string for task {task.value}")
    system = data.get("system")
    if system is not None and not isinstance(system, str):
        raise InputError(f"prompt file {p}: 'system' must be a string")
    version = str(data.get("version") or default_version)
    return Prompt(version=version, text=user, system=system, task=task, source=str(p))


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
        else:
            out[task] = load_prompt(task, p)
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
    messages.append(
        {
            "role": "user",
            "content": [
                {"type": "image_url", "image_url": {"url": image_data_url(ref_png_b64)}},
                {"type": "image_url", "image_url": {"url": image_data_url(cand_png_b64)}},
                {"type": "text", "text": prompt.text},
            ],
        }
    )
    return messages


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
