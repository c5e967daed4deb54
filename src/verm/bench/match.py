"""Match predicted discrepancies to true ones, one-to-one.

The paper's evaluation asks an LLM, per pair, which predicted error and which
true error point at the same defect, with a level ``yes`` or ``partial``,
each error used at most once. verm's default `RuleMatcher` makes the same
decision deterministically:

* **Category.** Same category, or a *close* category (`CLOSE_CATEGORIES`, e.g.
  a chart's ``data_error`` and ``text_error`` for a changed value label).
  Anything else never matches (the paper's prompt asks for the same type).
* **Location evidence**, strong or weak:
  - both have boxes: strong when IoU >= 0.3 or the intersection covers >= 60 %
    of the smaller box (a judge may box a whole legend where the truth boxes
    one entry); weak when the boxes touch at all. Boxes are padded by 1 % of
    the image first, so a zero-width box around a thin line can still overlap.
  - otherwise: the location and description words (lower-cased, numbers kept)
    overlap; strong at Jaccard >= 0.5 or the same location text, weak at >= 0.2.
* **Level**: same category + strong -> ``yes``; same category + weak, or a close
  category + any evidence -> ``partial``; otherwise no match.

One-to-one assignment maximises the number of ``yes`` matches, then of
``partial`` ones, then the evidence strength (scipy's Hungarian solver on a
fixed score matrix: the same input gives the same matching).

`LlmMatcher` is the paper's option for judges that give no boxes, and the
matcher of VC-RewardBench's official protocol: it asks an OpenAI-compatible chat
endpoint (through the vlm judge's client) for the yes/partial one-to-one
matching, in the protocol's JSON, and enforces the one-to-one rule on the answer.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np
from scipy.optimize import linear_sum_assignment

from verm.errors import InputError
from verm.types import BBox, Discrepancy, Task

log = logging.getLogger(__name__)

Level = Literal["yes", "partial"]

#: Category pairs that describe the same defect often enough to match partially.
CLOSE_CATEGORIES: dict[Task, frozenset[frozenset[str]]] = {
    Task.CHART: frozenset(
        {
            frozenset({"data_error", "text_error"}),  # a value label or tick number changed
            frozenset({"data_error", "structure_error"}),  # a series or bar missing vs. wrong
            frozenset({"style_error", "structure_error"}),  # a legend marker or line style gone
        }
    ),
    Task.TABLE: frozenset(
        {
            frozenset({"text_error", "numeric_error"}),  # a cell's content changed
            frozenset({"layout_error", "text_error"}),  # a cell moved or merged with its text
        }
    ),
    Task.SVG: frozenset(
        {
            frozenset({"shape_error", "structure_error"}),  # an element missing vs. misshapen
            frozenset({"shape_error", "style_error"}),  # a stroke width reads as a shape change
            frozenset({"shape_error", "text_symbol_error"}),  # a glyph or symbol distorted
        }
    ),
}

BOX_PAD = 0.01
STRONG_IOU = 0.3
STRONG_CONTAIN = 0.6
STRONG_TEXT = 0.5
WEAK_TEXT = 0.2


@dataclass(frozen=True)
class Match:
    pred: int
    true: int
    level: Level


class Matcher(Protocol):
    """Anything that matches one pair's predicted errors to its true errors."""

    name: str

    def match(self, task: Task, predicted: Sequence[Discrepancy], truth: Sequence[Discrepancy]) -> list[Match]: ...


def close_categories(task: Task, a: str, b: str) -> bool:
    return frozenset({a, b}) in CLOSE_CATEGORIES.get(task, frozenset())


def _pad(b: BBox) -> BBox:
    return (max(0.0, b[0] - BOX_PAD), max(0.0, b[1] - BOX_PAD), min(1.0, b[2] + BOX_PAD), min(1.0, b[3] + BOX_PAD))


def box_overlap(a: BBox, b: BBox) -> tuple[float, float]:
    """(IoU, intersection / smaller area) of two padded boxes."""
    a, b = _pad(a), _pad(b)
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return 0.0, 0.0
    inter = iw * ih
    area_a = (a[2] - a[0]) * (a[3] - a[1])
    area_b = (b[2] - b[0]) * (b[3] - b[1])
    union = area_a + area_b - inter
    return inter / union if union > 0 else 0.0, inter / min(area_a, area_b) if min(area_a, area_b) > 0 else 0.0


_WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "is",
        "are",
        "was",
        "be",
        "by",
        "with",
        "and",
        "or",
        "for",
        "from",
        "as",
        "it",
        "its",
        "this",
        "that",
    ]
)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def text_similarity(a: Discrepancy, b: Discrepancy) -> float:
    """Jaccard similarity of the location + description words; 1.0 for the same non-empty location."""
    la, lb = a.location.strip().lower(), b.location.strip().lower()
    if la and la == lb:
        return 1.0
    wa, wb = _words(f"{a.location} {a.description}"), _words(f"{b.location} {b.description}")
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def evidence(a: Discrepancy, b: Discrepancy) -> tuple[str, float]:
    """("strong" | "weak" | "none", strength in [0, 1]) that two errors are at the same place."""
    if a.bbox is not None and b.bbox is not None:
        iou, contain = box_overlap(a.bbox, b.bbox)
        strength = max(iou, contain)
        if iou >= STRONG_IOU or contain >= STRONG_CONTAIN:
            return "strong", strength
        return ("weak", strength) if contain > 0 else ("none", 0.0)
    sim = text_similarity(a, b)
    if sim >= STRONG_TEXT:
        return "strong", sim
    return ("weak", sim) if sim >= WEAK_TEXT else ("none", 0.0)


def match_level(task: Task, pred: Discrepancy, true: Discrepancy) -> tuple[Level | None, float]:
    """The level at which ``pred`` matches ``true`` (None: no match) and the evidence strength."""
    same = pred.category == true.category
    if not same and not close_categories(task, pred.category, true.category):
        return None, 0.0
    ev, strength = evidence(pred, true)
    if ev == "none":
        return None, 0.0
    if same and ev == "strong":
        return "yes", strength
    return "partial", strength


class RuleMatcher:
    """Deterministic one-to-one matching: category + overlapping boxes or similar text."""

    name = "rule"

    def match(self, task: Task, predicted: Sequence[Discrepancy], truth: Sequence[Discrepancy]) -> list[Match]:
        if not predicted or not truth:
            return []
        levels: dict[tuple[int, int], Level] = {}
        score = np.zeros((len(predicted), len(truth)), dtype=np.float64)
        for i, p in enumerate(predicted):
            for j, t in enumerate(truth):
                level, strength = match_level(task, p, t)
                if level is None:
                    continue
                levels[i, j] = level
                # A `yes` outweighs any number of partials' strengths; strength only breaks ties.
                score[i, j] = (1000.0 if level == "yes" else 10.0) + strength
        rows, cols = linear_sum_assignment(score, maximize=True)
        out = [Match(int(i), int(j), levels[i, j]) for i, j in zip(rows, cols, strict=True) if (i, j) in levels]
        return sorted(out, key=lambda m: m.pred)


# -- the paper's option: an LLM decides which errors are the same -----------------------

#: The matcher's request; the answer follows VC-RewardBench's protocol: ``matches`` with
#: ``pred_id``, ``gt_id`` and ``match_level`` ("yes" or "partial"), ``unmatched_pred``, ``unmatched_gt``.
_LLM_PROMPT = """You align two lists of defects found in a rendered {task} image.
PRED is what a judge reported; GT is the ground truth. Decide which PRED item and
which GT item describe the same concrete defect (the same place, element or cell,
and the same kind of problem).

Rules:
- Allowed types for this task: {types}. Only items of the same type may match.
- "yes": clearly the same defect. "partial": the PRED item is vaguer but points at
  the same defect. Otherwise do not list the pair.
- One-to-one: each PRED item matches at most one GT item and each GT item at most
  one PRED item.
- When unsure, do not match.

Answer with JSON only, in this form:
{{"matches": [{{"pred_id": 0, "gt_id": 2, "match_level": "yes"}}],
 "unmatched_pred": [1], "unmatched_gt": [0, 1]}}

PRED:
{pred}

GT:
{true}
"""

#: ``complete(prompt, parse)``: send ``prompt``, return ``parse(answer)``; ``parse`` raises
#: `InputError` for an answer that cannot be read (an endpoint-backed one asks again).
Complete = Callable[[str, Callable[[str], list["Match"]]], list["Match"]]


def _items(errors: Sequence[Discrepancy], key: str) -> str:
    rows = [
        {key: i, "type": e.category, "severity": e.severity, "location": e.location, "description": e.description}
        for i, e in enumerate(errors)
    ]
    return json.dumps(rows, ensure_ascii=False, indent=1)


def llm_prompt(task: Task, predicted: Sequence[Discrepancy], truth: Sequence[Discrepancy]) -> str:
    """The matcher's prompt for one pair (items numbered from 0 in list order)."""
    from verm.types import CATEGORIES

    return _LLM_PROMPT.format(
        task=task.value,
        types=", ".join(CATEGORIES[task]),
        pred=_items(predicted, "pred_id"),
        true=_items(truth, "gt_id"),
    )


def parse_llm_matches(raw: str, n_pred: int, n_true: int) -> list[Match]:
    """Read an LLM's answer and keep only valid, one-to-one yes/partial matches (first wins).

    Unmatched items are whatever is left: the answer's ``unmatched_pred`` and
    ``unmatched_gt`` lists are not trusted (a model may list an item twice).
    """
    text = re.sub(r"<think>.*?</think>", "", raw, flags=re.S).strip()
    first, last = text.find("{"), text.rfind("}")
    if first < 0 or last <= first:
        raise InputError(f"the matcher's answer has no JSON object: {raw[:200]!r}")
    try:
        obj = json.loads(text[first : last + 1])
    except json.JSONDecodeError as exc:
        raise InputError(f"the matcher's answer is not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise InputError(f"the matcher's answer is not a JSON object: {raw[:200]!r}")
    used_p: set[int] = set()
    used_t: set[int] = set()
    out: list[Match] = []
    for m in obj.get("matches") or []:
        if not isinstance(m, dict):
            continue
        p, t, level = m.get("pred_id"), m.get("gt_id", m.get("true_id")), m.get("match_level")
        if level not in ("yes", "partial") or not isinstance(p, int) or not isinstance(t, int):
            continue
        if not (0 <= p < n_pred and 0 <= t < n_true) or p in used_p or t in used_t:
            continue
        used_p.add(p)
        used_t.add(t)
        out.append(Match(p, t, level))
    return sorted(out, key=lambda m: m.pred)


def openai_complete(
    base_url: str | Sequence[str],
    model: str | None = None,
    api_key: str | None = None,
    timeout_s: float = 120.0,
    retries: int = 3,
    max_tokens: int = 4096,
) -> Complete:
    """A `Complete` over OpenAI-compatible ``/chat/completions`` endpoints, through the vlm
    judge's client (`verm.judge.chat.ChatClient`: failover, retries, timeouts); an answer
    ``parse`` cannot read is asked again like a transport failure. Needs ``verm[vlm]``."""
    from verm.judge.chat import AnswerRejected, ChatClient, ChatFailure
    from verm.settings import VlmSettings

    endpoints = [base_url] if isinstance(base_url, str) else list(base_url)
    settings = VlmSettings(
        endpoints=endpoints, model=model, api_key=api_key, timeout_s=timeout_s, retries=retries, max_tokens=max_tokens
    )
    client = ChatClient(settings)
    body = {"temperature": 0.0, "max_tokens": max_tokens}

    def complete(prompt: str, parse: Callable[[str], list[Match]]) -> list[Match]:
        def read(answer: str, choice: object) -> list[Match]:
            try:
                return parse(answer or "")
            except InputError as exc:
                raise AnswerRejected(str(exc)) from None

        try:
            matches, _ = client.request([{"role": "user", "content": prompt}], read, body=body, label="LLM matcher")
        except ChatFailure as exc:
            raise InputError(exc.describe()) from None
        return matches

    return complete


class LlmMatcher:
    """The paper's matcher: an LLM decides; the one-to-one rule is enforced on its answer.

    ``complete`` sends a prompt and parses the answer (see `openai_complete`). A
    failed call or an unreadable answer raises `InputError`; the evaluation
    records the pair as failed instead of inventing a matching.
    """

    name = "llm"

    def __init__(self, complete: Complete) -> None:
        self.complete = complete

    def match(self, task: Task, predicted: Sequence[Discrepancy], truth: Sequence[Discrepancy]) -> list[Match]:
        if not predicted or not truth:
            return []  # nothing to ask: every error is unmatched
        prompt = llm_prompt(task, predicted, truth)

        def parse(raw: str) -> list[Match]:
            return parse_llm_matches(raw, len(predicted), len(truth))

        try:
            return self.complete(prompt, parse)
        except InputError as exc:
            raise InputError(f"the LLM matcher failed: {exc}") from None
        except Exception as exc:  # the endpoint is outside verm; report, do not guess
            raise InputError(f"the LLM matcher failed: {exc}") from exc
