"""Texts in every task: the perturbation engine's text rule and how descriptions quote.

A changed text is severity 1 when it is a one-character typo (one character
inserted, deleted, replaced, or two neighbours swapped) or differs only in
case, spacing or punctuation; any other change is 2. ``NUMBER_RE`` finds the
numbers in a text (table cells, legend entries that quote the data).
"""

from __future__ import annotations

import difflib
import re

_PUNCT_RE = re.compile(r"[\s\W_]+", re.UNICODE)


def _minor_text(a: str, b: str) -> bool:
    """Only case, spacing or punctuation differ."""
    return _PUNCT_RE.sub("", a).casefold() == _PUNCT_RE.sub("", b).casefold()


def _is_typo(a: str, b: str) -> bool:
    """At most one character inserted, deleted, replaced, or two neighbours swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


def text_severity(ref: str, cand: str) -> int:
    """Text rule (as verm.perturb): a one-character typo, or only case/spacing/punctuation, -> 1; else 2."""
    return 1 if _is_typo(ref, cand) or _minor_text(ref, cand) else 2


def text_ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def fmt_number(v: float | None) -> str:
    if v is None:
        return "missing"
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6g}"


def quote(s: str, limit: int = 60) -> str:
    s = " ".join(str(s).split())
    return repr(s if len(s) <= limit else s[: limit - 1] + "…")


NUMBER_RE = re.compile(r"[-+−–]?\s?[$€£¥]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+−–]?\.\d+")


_NUMERIC_TEXT_RE = re.compile(r"^[\s$€£¥+\-−–.,%()0-9eE×x^{}\\]*$")


def is_numeric_text(s: str) -> bool:
    return bool(re.search(r"\d", s)) and bool(_NUMERIC_TEXT_RE.match(s))


#: A magnitude suffix a value label may carry after its number ('$3.3M', '4.2k', '1.2 bn').
_MAGNITUDE_RE = re.compile(r"^(.*\d[%)]?)\s?(?:k|K|M|B|G|T|bn|mn|tn)$")


def is_value_text(s: str) -> bool:
    """A number, as `is_numeric_text`, or a number with a magnitude suffix: what a value label prints."""
    m = _MAGNITUDE_RE.match(s.strip())
    return is_numeric_text(m.group(1) if m else s)
