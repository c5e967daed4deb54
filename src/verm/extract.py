"""Code out of a model's completion.

Rules, in order:

1. Think blocks (``<think>...</think>``, and an unclosed ``<think>`` up to the
   end) are ignored: code a model drafts while thinking is not its answer.
2. The *last* fenced block whose language is supported for the task wins
   (``python``/``py`` for charts; ``svg``/``xml`` for SVG; ``markdown``/``md``/
   ``html`` for tables). An unlabeled fence counts when its content looks like
   the task's code. An unclosed last fence (a truncated completion) is taken up
   to the end.
3. Failing that: a bare ``<svg ...>`` (SVG), a bare ``<table>`` or a Markdown
   pipe table (tables), or the whole text when it parses as Python and uses
   matplotlib (charts). A truncated ``<svg>`` has its unclosed tail repaired.
4. Nothing found -> ``None`` (the pipeline reports status ``no_code``).
"""

from __future__ import annotations

import ast
import re

from verm.types import Candidate, Task

_THINK = re.compile(r"<think>.*?(</think>|\Z)", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(
    r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w+#.-]*)[^\n]*\n(.*?)(?:^[ \t]*\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE
)

_LANGS: dict[Task, dict[str, str]] = {
    Task.CHART: {"python": "python", "py": "python", "python3": "python"},
    Task.SVG: {"svg": "svg", "xml": "svg", "html": "svg"},
    Task.TABLE: {"markdown": "markdown", "md": "markdown", "html": "html", "htm": "html"},
}

_MD_TABLE = re.compile(
    r"^[ \t]*\|?.*\|.*\n[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.MULTILINE
)


def strip_think(text: str) -> str:
    return _THINK.sub("", text)


def repair_svg(svg: str) -> str:
    """Close a truncated SVG: drop a cut-off tag at the end, add ``</svg>``."""
    svg = re.sub(r"<[^>]*$", "", svg.rstrip())
    if not re.search(r"</svg\s*>\s*$", svg, re.IGNORECASE):
        svg += "</svg>"
    return svg


def _looks_like(task: Task, code: str) -> str | None:
    """The language an unlabeled block is in, or None if it is not this task's code."""
    if task is Task.SVG:
        return "svg" if re.search(r"<svg[\s>]", code, re.IGNORECASE) else None
    if task is Task.TABLE:
        if re.search(r"<table[\s>]", code, re.IGNORECASE):
            return "html"
        return "markdown" if _MD_TABLE.search(code) else None
    return "python" if re.search(r"\b(matplotlib|plt\.|seaborn|sns\.)", code) else None


def _normalise(task: Task, lang: str, code: str) -> str:
    code = code.strip("\n")
    if task is Task.SVG:
        m = re.search(r"<svg[\s>]", code, re.IGNORECASE)
        if m:
            code = repair_svg(code[m.start() :])
    return code


def extract_code(completion: str, task: Task | str) -> Candidate | None:
    """The candidate's code, or None when the completion holds no code for the task."""
    task = Task.parse(task)
    text = strip_think(completion or "")
    langs = _LANGS[task]
    for m in reversed(list(_FENCE.finditer(text))):
        tag, body = m.group(2).lower(), m.group(3)
        if not body.strip():
            continue
        lang = langs.get(tag) if tag else _looks_like(task, body)
        if lang == "html" and task is Task.TABLE and not re.search(r"<table[\s>]", body, re.IGNORECASE):
            continue
        if lang is not None:
            return Candidate(lang=lang, code=_normalise(task, lang, body))
    # No usable fence: look for bare code.
    if task is Task.SVG:
        m = re.search(r"<svg[\s>].*", text, re.DOTALL | re.IGNORECASE)
        return Candidate(lang="svg", code=repair_svg(m.group(0))) if m else None
    if task is Task.TABLE:
        m = re.search(r"<table[\s>].*?(</table\s*>|\Z)", text, re.DOTALL | re.IGNORECASE)
        if m:
            return Candidate(lang="html", code=m.group(0).strip())
        m = _MD_TABLE.search(text)
        if m:
            block = text[m.start() :].split("\n\n", 1)[0]
            return Candidate(lang="markdown", code=block.strip("\n"))
        return None
    stripped = text.strip()
    if stripped and _looks_like(task, stripped):
        try:
            ast.parse(stripped)
        except SyntaxError:
            return None
        return Candidate(lang="python", code=stripped)
    return None
