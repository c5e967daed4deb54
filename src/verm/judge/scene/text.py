"""Texts in every task: the perturbation engine's text rule and how descriptions quote.

A changed text is severity 1 when it is a one-character typo (one character
inserted, deleted, replaced, or two neighbours swapped) or differs only in
case, spacing or punctuation; any other change is 2. ``NUMBER_RE`` finds the
numbers in a text (table cells, legend entries that quote the data).
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import math
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


_MATHTEXT_RE = re.compile(r"^\$\\mathdefault\{(.*)\}\$$|^\$(.*)\$$")
_POWER_RE = re.compile(r"^(?:([-+]?\d+(?:\.\d+)?)\s*(?:\\times|×|\\cdot)\s*)?(10|e)\s*\^\s*\{?\s*([-+]?\d+)\s*\}?$")
_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12, "bn": 1e9, "mn": 1e6, "tn": 1e12}


def tick_number(s: str) -> float | None:
    """The number a formatter printed as a tick label ('−5', '1.5%', '$9M', '1,200', '$\\mathdefault{10^{-3}}$',
    '2×10^{3}'), or None when the label is not one number (a category name, a date)."""
    t = str(s).strip().replace("−", "-").replace("–", "-")
    m = _MATHTEXT_RE.match(t)
    if m:
        t = (m.group(1) if m.group(1) is not None else m.group(2)).strip()
        t = t.replace("\\minus", "-").replace("{-}", "-")
    p = _POWER_RE.match(t.replace("\\mathdefault", ""))
    if p:
        try:
            return float(p.group(1) or 1) * (10.0 if p.group(2) == "10" else math.e) ** float(p.group(3))
        except OverflowError:
            return None
    t = t.lstrip("$€£¥").rstrip("%").replace(",", "").strip()
    sign = 1.0
    if t.startswith(("-$", "-€", "-£", "-¥")):
        sign, t = -1.0, t[2:]
    mult = 1.0
    for suffix, k in _SCALE.items():
        if t.endswith(suffix) and len(t) > len(suffix) and t[-len(suffix) - 1].isdigit():
            t, mult = t[: -len(suffix)].strip(), k
            break
    try:
        v = float(t)
    except ValueError:
        return None
    return sign * v * mult if math.isfinite(v) else None


#: Date formats a date locator's formatter prints with a year ('Jul 2019', '2019-07', '14 Mar 2019'): month or day
#: names alone ('Mon', 'Feb') name categories as often as dates.
_DATE_FORMATS = ("%b %Y", "%B %Y", "%Y-%m", "%Y-%m-%d", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%m/%d/%Y", "%d.%m.%Y")


def _date_value(label: str, fmt: str) -> float | None:
    try:
        return float(datetime.datetime.strptime(" ".join(label.split()), fmt).toordinal())
    except ValueError:
        return None


def date_ticks(ticks: list[dict], axis: str) -> bool:
    """Tick labels a date locator placed: three or more dates with a year, printed in one format, each at its date
    along the axis (the label boxes' centres a linear function of the dates, within 2 % of their spread). A typo
    does not parse and two labels that traded places leave their dates, so neither reads as a locator's."""
    at = 0 if axis == "x" else 1
    shown = [t for t in ticks if str(t.get("text") or "").strip()]
    boxes = [t.get("bbox") for t in shown]
    if len(shown) < 3 or any(not isinstance(b, (list, tuple)) or len(b) != 4 for b in boxes):
        return False
    places = [(b[at] + b[at + 2]) / 2 for b in boxes]  # type: ignore[index]
    for fmt in _DATE_FORMATS:
        dates = [_date_value(str(t.get("text")), fmt) for t in shown]
        if any(d is None for d in dates):
            continue
        n = len(dates)
        mx, my = sum(dates) / n, sum(places) / n  # type: ignore[arg-type]
        sxx = sum((d - mx) ** 2 for d in dates)  # type: ignore[operator]
        spread = max(places) - min(places)
        if sxx <= 0 or spread <= 0:
            return False
        slope = sum((d - mx) * (p - my) for d, p in zip(dates, places, strict=True)) / sxx  # type: ignore[operator]
        worst = max(abs(my + slope * (d - mx) - p) for d, p in zip(dates, places, strict=True))  # type: ignore[operator]
        return worst <= 0.02 * spread
    return False


def locator_ticks(labels: list[str]) -> bool:
    """Tick labels a locator placed: three or more numbers, evenly spaced on a linear or a log scale (empty
    labels, a locator's minor ticks, are skipped). A typo in a number or two labels that traded places break the
    spacing; a hand-written list of years or sizes that keeps it reads the same way a locator's would."""
    vals = [tick_number(x) for x in labels if str(x).strip()]
    if len(vals) < 3 or any(v is None for v in vals):
        return False

    def even(vs: list[float]) -> bool:
        steps = [b - a for a, b in itertools.pairwise(vs)]
        span = abs(vs[-1] - vs[0])
        if span <= 0 or (not all(s > 0 for s in steps) and not all(s < 0 for s in steps)):
            return False
        return max(steps) - min(steps) <= 0.02 * abs(steps[0]) + 1e-12 * span

    if even(vals):  # type: ignore[arg-type]
        return True
    return all(v > 0 for v in vals) and even([math.log10(v) for v in vals])  # type: ignore[union-attr, operator]
