"""Read a judge model's answer into a `Judgment`, surviving what models write.

Survives: ``<think>...</think>`` blocks (and a lone ``</think>`` left by a chat
template that opened the block itself), markdown code fences, prose before and
after the JSON, several JSON objects (the last one with ``errors`` wins),
trailing commas, Python-style literals (single quotes, True/None), a bare list
of errors, ``type`` for ``category``, category names without the ``_error``
suffix or in another case, severities written as "2", 2.0 or "medium", and
``<category>_count`` fields that disagree with the list (the list is the truth;
the disagreement is logged and reported on `ParsedAnswer`).

Does not survive, and says why in `JudgmentParseError`: an empty answer, an
answer cut off inside a think block or inside the JSON, no JSON at all, an
object without ``errors``, a category that is not the task's, a severity outside
1..3. A judge retries on these; after its retries it returns ``judge_error``
with the raw text, never a guessed score.

>>> parse_judgment('```json\\n{"errors": [{"type": "data", "severity": "2"}],}\\n```', "chart", "vlm").counts()
{'structure_error': 0, 'data_error': 1, 'text_error': 0, 'style_error': 0}
"""

from __future__ import annotations

import ast
import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from verm.errors import ContractError
from verm.types import CATEGORIES, Discrepancy, Judgment, Task

log = logging.getLogger(__name__)

__all__ = ["JudgmentParseError", "ParsedAnswer", "parse_answer", "parse_judgment"]

#: Answers longer than this are not scanned for JSON (a runaway generation, not an answer).
MAX_ANSWER_CHARS = 1_000_000

_SEVERITY_WORDS = {"minor": 1, "low": 1, "medium": 2, "moderate": 2, "major": 3, "severe": 3, "high": 3, "critical": 3}


class JudgmentParseError(ContractError):
    """A judge's answer that cannot be read as a judgment. ``reason`` says what was
    wrong; ``raw`` is the answer as received."""

    def __init__(self, reason: str, raw: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.raw = raw


@dataclass
class ParsedAnswer:
    """A parsed answer with what the parser noticed on the way."""

    judgment: Judgment
    #: The JSON object the judgment came from.
    payload: dict[str, Any]
    #: category -> (count the model wrote, count in its list), where they differ.
    count_mismatch: dict[str, tuple[Any, int]] = field(default_factory=dict)
    #: Repairs applied to get valid JSON ("fence", "think", "trailing_comma", "python_literal", ...).
    repairs: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- text -> JSON

_THINK_BLOCK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[ \t]*\r?\n?(.*?)```", re.DOTALL)


def _strip_think(text: str, repairs: list[str]) -> str:
    if "<think>" in text.lower() or "</think>" in text.lower():
        repairs.append("think")
    text = _THINK_BLOCK.sub("", text)
    low = text.lower()
    if "</think>" in low:  # the template opened the block; the answer is after the last close
        text = text[low.rfind("</think>") + len("</think>") :]
    elif "<think>" in low:
        before = text[: low.find("<think>")]
        if "{" not in before:
            raise JudgmentParseError("the answer ends inside a <think> block (cut off before the JSON)", None)
        text = before
    return text.strip()


def _scan_objects(text: str) -> tuple[list[str], bool]:
    """Top-level ``{...}`` and ``[...]`` spans, string-aware. Returns the spans and
    whether an opened bracket was never closed (a truncated answer)."""
    spans: list[str] = []
    depth = 0
    start = -1
    in_str: str | None = None
    escape = False
    opener = ""
    for i, ch in enumerate(text):
        if in_str:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == in_str:
                in_str = None
            continue
        if depth == 0:
            if ch in "{[":
                depth, start, opener = 1, i, ch
            continue
        if ch in "\"'":
            # Single-quoted strings only inside Python-style dicts; apostrophes in prose are outside.
            in_str = ch
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                span = text[start : i + 1]
                # A "[" span is only interesting if it holds objects (a bare list of errors).
                if opener == "{" or "{" in span:
                    spans.append(span)
    return spans, depth > 0


def _remove_trailing_commas(s: str) -> str:
    # Walk the string so that commas inside string values are left alone.
    out: list[str] = []
    in_str = False
    escape = False
    i = 0
    while i < len(s):
        ch = s[i]
        if in_str:
            out.append(ch)
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_str = False
            i += 1
            continue
        if ch == '"':
            in_str = True
            out.append(ch)
            i += 1
            continue
        if ch == ",":
            j = i + 1
            while j < len(s) and s[j] in " \t\r\n":
                j += 1
            if j < len(s) and s[j] in "}]":
                i += 1  # drop the comma
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _loads(s: str, repairs: list[str]) -> Any:
    """json.loads, then with trailing commas removed, then as a Python literal."""
    try:
        return json.loads(s)
    except json.JSONDecodeError:
        pass
    fixed = _remove_trailing_commas(s)
    if fixed != s:
        try:
            value = json.loads(fixed)
            repairs.append("trailing_comma")
            return value
        except json.JSONDecodeError:
            pass
    # Models trained on Python write {'category': 'x', 'severity': 2} or True/None.
    try:
        value = ast.literal_eval(fixed)
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        return None
    if isinstance(value, dict | list):
        repairs.append("python_literal")
        return value
    return None


def _has_errors(value: Any) -> bool:
    return isinstance(value, dict) and "errors" in value


def _extract_payload(text: str, repairs: list[str]) -> dict[str, Any]:
    text = _strip_think(text, repairs)
    if not text:
        raise JudgmentParseError("the answer is empty after removing the think block")
    candidates: list[str] = []
    fences = [body for _, body in _FENCE.findall(text)]
    if fences:
        repairs.append("fence")
        candidates.extend(reversed(fences))  # the last fenced block is the final answer
    elif text.lstrip().startswith("```"):  # an opened fence that never closed
        repairs.append("fence")
        text = re.sub(r"^\s*```[A-Za-z0-9_+-]*", "", text)
    candidates.append(text)
    truncated = False
    parsed: list[Any] = []
    for cand in candidates:
        value = _loads(cand.strip(), repairs)
        if value is not None:
            parsed.append(value)
            if _has_errors(value):
                break
            continue
        spans, cut = _scan_objects(cand)
        truncated = truncated or cut
        values = [v for v in (_loads(sp, repairs) for sp in spans) if v is not None]
        if values:
            repairs.append("extracted")
        # The last object with "errors" is the answer (earlier ones are often echoes or drafts).
        parsed.extend(reversed(values))
        if any(_has_errors(v) for v in values):
            break
    for value in parsed:
        if _has_errors(value):
            return value
    for value in parsed:
        if isinstance(value, list) and all(isinstance(e, dict) for e in value):
            repairs.append("bare_list")
            return {"errors": value}
    for value in parsed:
        if isinstance(value, dict) and any(k.endswith("_count") for k in value):
            return value  # counts without a list: handled (and usually rejected) by the caller
    if truncated:
        raise JudgmentParseError("the JSON is cut off (an opened brace is never closed; max_tokens too small?)")
    if parsed:
        raise JudgmentParseError("found JSON but no object with an 'errors' list")
    raise JudgmentParseError("no JSON object found in the answer")


# --------------------------------------------------------------------------- JSON -> Judgment


def _norm_category(value: Any, task: Task) -> Any:
    if not isinstance(value, str):
        return value
    cat = re.sub(r"[\s\-]+", "_", value.strip().lower())
    allowed = CATEGORIES[task]
    if cat in allowed:
        return cat
    if f"{cat}_error" in allowed:
        return f"{cat}_error"
    if cat.endswith("s") and cat[:-1] in allowed:  # "text_errors"
        return cat[:-1]
    return value


def _norm_severity(value: Any) -> Any:
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _SEVERITY_WORDS:
            return _SEVERITY_WORDS[word]
        m = re.fullmatch(r"(\d+)(?:\s*\(.*\))?", word)  # "2 (medium)"
        if m:
            return int(m.group(1))
    return value


def _discrepancy(obj: Any, task: Task, i: int) -> Discrepancy:
    where = f"errors[{i}]"
    if not isinstance(obj, dict):
        raise JudgmentParseError(f"{where}: expected an object, got {type(obj).__name__}")
    data = dict(obj)
    if "category" not in data and "type" in data:
        data["category"] = data.pop("type")
    if "category" not in data:
        raise JudgmentParseError(f"{where}: missing 'category' (or 'type')")
    data["category"] = _norm_category(data["category"], task)
    if data["category"] not in CATEGORIES[task]:
        raise JudgmentParseError(
            f"{where}: category {data['category']!r} is not a {task.value} category; "
            f"expected one of: {', '.join(CATEGORIES[task])}"
        )
    if "severity" not in data:
        raise JudgmentParseError(f"{where}: missing 'severity'")
    data["severity"] = _norm_severity(data["severity"])
    for key in ("location", "description"):
        if data.get(key) is None:
            data[key] = ""
        elif not isinstance(data[key], str):
            data[key] = str(data[key])
    bbox = data.get("bbox")
    if bbox is not None:
        # A box is a hint for people; a bad one is dropped rather than failing a sound judgment.
        try:
            Discrepancy(category=data["category"], severity=1, bbox=tuple(bbox))
        except Exception:
            log.info("%s: dropping invalid bbox %r", where, bbox)
            data["bbox"] = None
    try:
        return Discrepancy.model_validate(data)
    except Exception as exc:
        msg = str(exc).splitlines()
        detail = "; ".join(line.strip() for line in msg[1:3]) if len(msg) > 1 else str(exc)
        raise JudgmentParseError(f"{where}: {detail}") from None


def parse_answer(text: str | None, task: Task | str, judge_name: str = "vlm") -> ParsedAnswer:
    """Parse a judge's answer; raises `JudgmentParseError` with the reason and the raw text."""
    task = Task.parse(task)
    raw = text
    if text is None or not str(text).strip():
        raise JudgmentParseError("empty answer", raw)
    text = str(text)
    if len(text) > MAX_ANSWER_CHARS:
        raise JudgmentParseError(f"answer too long ({len(text)} characters > {MAX_ANSWER_CHARS})", raw)
    repairs: list[str] = []
    try:
        payload = _extract_payload(text, repairs)
        errors = payload.get("errors")
        if errors is None:
            counted = {k: v for k, v in payload.items() if k.endswith("_count")}
            if "errors" not in payload and any(isinstance(v, int) and v > 0 for v in counted.values()):
                raise JudgmentParseError("the answer has non-zero counts but no 'errors' list")
            if "errors" not in payload:
                repairs.append("counts_only")
            errors = []
        if not isinstance(errors, list):
            raise JudgmentParseError(f"'errors' must be a list, got {type(errors).__name__}")
        items = [_discrepancy(e, task, i) for i, e in enumerate(errors)]
    except JudgmentParseError as exc:
        exc.raw = raw
        raise
    judgment = Judgment(task=task, judge=judge_name, discrepancies=items, raw=raw)
    counts = judgment.counts()
    mismatch: dict[str, tuple[Any, int]] = {}
    for cat, n in counts.items():
        key = f"{cat}_count"
        if key in payload and payload[key] != n:
            mismatch[cat] = (payload[key], n)
    if mismatch:
        log.info(
            "%s judge: counts disagree with the error list, using the list: %s",
            judge_name,
            ", ".join(f"{c} said {said} listed {n}" for c, (said, n) in mismatch.items()),
        )
    return ParsedAnswer(judgment=judgment, payload=payload, count_mismatch=mismatch, repairs=repairs)


def parse_judgment(text: str | None, task: Task | str, judge_name: str = "vlm") -> Judgment:
    """A judge's answer as a `Judgment` (status ok, ``raw`` kept); raises
    `JudgmentParseError` when it cannot be read."""
    return parse_answer(text, task, judge_name).judgment
