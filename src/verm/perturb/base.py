"""The perturbation contract: an `Edit` is one known error injected into a
reference source; a `Perturber` proposes edits for one task; `perturb()`
composes several edits into one candidate source.

Replay. Every op draws its choices (target, new value, magnitude) into
``Edit.params`` first and then applies them deterministically, so
``Perturber.apply(source, edit)`` re-applies an edit exactly to the source it
was proposed on. `perturb()` applies its edits one after the other (edit *i*
is proposed on the source that already carries edits 0..i-1); ground truth
replays that chain (see `verm.perturb.truth`).

Composition rules, so that no later edit erases or moves an earlier one:

- at most one op per *family* (e.g. only one of series_drop / series_add, only
  one row-structure op), so two edits never fight over the same target;
- edits are applied in two phases: structural ops first (rows, columns,
  series, chart type, element drop ...), local ops after (a value, a colour,
  a text), so a local edit is proposed on — and measured in — the final layout.

Everything is deterministic from the ``random.Random`` passed in: the same
seed gives the same edits and byte-identical sources.
"""

from __future__ import annotations

import colorsys
import logging
import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from verm.errors import ContractError
from verm.types import CATEGORIES, Task

logger = logging.getLogger(__name__)

#: Params keys that are bookkeeping, not choices (kept out of replay checks).
Params = dict[str, Any]


@dataclass(frozen=True)
class Edit:
    """One injected error and its ground truth in the contract's words."""

    op: str
    category: str
    severity: int
    location: str
    description: str
    #: JSON-able: the op's choices, enough for `Perturber.apply` to replay the edit.
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "category": self.category,
            "severity": self.severity,
            "location": self.location,
            "description": self.description,
            "params": self.params,
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Edit:
        return cls(
            op=obj["op"],
            category=obj["category"],
            severity=int(obj["severity"]),
            location=obj.get("location", ""),
            description=obj.get("description", ""),
            params=dict(obj.get("params", {})),
        )


@dataclass
class PerturbResult:
    """A perturbed source and the edits it carries, in the order they were applied."""

    source: str
    edits: list[Edit]


@runtime_checkable
class Perturber(Protocol):
    """Source-level error injection for one task."""

    task: Task

    def ops(self) -> list[str]:
        """Names of every op this perturber knows."""
        ...

    def propose(self, source: str, rng: random.Random, op: str | None = None) -> tuple[str, Edit] | None:
        """Apply one edit (``op``, or any applicable op) to ``source``; None when it does not apply."""
        ...

    def apply(self, source: str, edit: Edit) -> str | None:
        """Replay ``edit`` (from its params) on the source it was proposed on; None when it no longer applies."""
        ...

    def family(self, op: str) -> str:
        """Ops of one family conflict: at most one of them per pair."""
        ...

    def phase(self, op: str) -> int:
        """0 for structural ops (applied first), 1 for local ones."""
        ...


class NotApplicable(Exception):
    """Raised inside an op when its target does not exist in this source."""


@dataclass(frozen=True)
class OpSpec:
    family: str
    phase: int = 1


class BasePerturber:
    """Shared machinery: op dispatch, draw-or-replay of choices, checks.

    An op is a method ``_op_<name>(self, source, p, rng) -> tuple[str, Edit]``.
    It reads every choice with ``self.draw(p, key, rng, fn)``: on a fresh
    proposal the value is drawn with ``fn(rng)`` and stored in ``p``; on replay
    ``p`` already holds it. It raises `NotApplicable` when there is no target.
    """

    task: Task
    SPECS: ClassVar[dict[str, OpSpec]] = {}

    def ops(self) -> list[str]:
        return list(self.SPECS)

    def family(self, op: str) -> str:
        return self.SPECS[op].family

    def phase(self, op: str) -> int:
        return self.SPECS[op].phase

    @staticmethod
    def draw(p: Params, key: str, rng: random.Random | None, fn: Callable[[random.Random], Any]) -> Any:
        if key not in p:
            if rng is None:
                raise NotApplicable(f"replay: params lack {key!r}")
            p[key] = fn(rng)
        return p[key]

    def check_source(self, source: str) -> bool:
        """Whether an edited source is still well-formed (parses)."""
        return True

    def _run(self, op: str, source: str, p: Params, rng: random.Random | None) -> tuple[str, Edit] | None:
        if op not in self.SPECS:
            raise ContractError(f"unknown {self.task.value} op {op!r}; expected one of: {', '.join(self.SPECS)}")
        fn = getattr(self, f"_op_{op}")
        try:
            out = fn(source, p, rng)
        except NotApplicable:
            return None
        except (ValueError, IndexError, KeyError, TypeError, ZeroDivisionError, SyntaxError, RecursionError) as exc:
            # A source shape the op did not foresee: the op does not apply here, the caller tries another.
            logger.debug("%s op %s failed on this source: %s: %s", self.task.value, op, type(exc).__name__, exc)
            return None
        if out is None:
            return None
        new, edit = out
        if new == source or not self.check_source(new):
            return None
        if edit.category not in CATEGORIES[self.task] or not 1 <= edit.severity <= 3:
            raise ContractError(f"op {op} produced an invalid edit: {edit}")
        return new, edit

    def propose(self, source: str, rng: random.Random, op: str | None = None) -> tuple[str, Edit] | None:
        if op is not None:
            return self._run(op, source, {}, rng)
        order = self.ops()
        rng.shuffle(order)
        for name in order:
            out = self._run(name, source, {}, rng)
            if out is not None:
                return out
        return None

    def apply(self, source: str, edit: Edit) -> str | None:
        out = self._run(edit.op, source, dict(edit.params), None)
        return None if out is None else out[0]

    def edit(self, op: str, category: str, severity: int, location: str, description: str, p: Params) -> Edit:
        return Edit(op, category, int(max(1, min(3, severity))), location, description, dict(p))


def get_perturber(task: Task | str) -> BasePerturber:
    """The perturber for a task."""
    task = Task.parse(task)
    if task is Task.CHART:
        from verm.perturb.chart import ChartPerturber

        return ChartPerturber()
    if task is Task.TABLE:
        from verm.perturb.table import TablePerturber

        return TablePerturber()
    from verm.perturb.svg import SvgPerturber

    return SvgPerturber()


def perturb(task: Task | str, source: str, rng: random.Random, n_edits: int = 1) -> PerturbResult:
    """Compose up to ``n_edits`` distinct edits (distinct op families) on ``source``.

    Ops are drawn in a random order, kept when they apply to the reference and
    their family is not taken yet, then applied structural-first (see the module
    docstring). Fewer edits come back when fewer apply.
    """
    perturber = get_perturber(task)
    order = perturber.ops()
    rng.shuffle(order)
    chosen: list[str] = []
    families: set[str] = set()
    for op in order:
        if len(chosen) >= n_edits:
            break
        fam = perturber.family(op)
        if fam in families:
            continue
        # A throwaway rng (seeded from the main one, so still deterministic) tests applicability.
        if perturber.propose(source, random.Random(rng.getrandbits(64)), op) is None:
            continue
        chosen.append(op)
        families.add(fam)
    chosen.sort(key=perturber.phase)  # stable: keeps the random order within a phase
    current = source
    edits: list[Edit] = []
    for op in chosen:
        out = perturber.propose(current, rng, op)
        if out is None:  # an earlier edit removed this op's only target
            continue
        current, edit = out
        edits.append(edit)
    return PerturbResult(current, edits)


# --------------------------------------------------------------------------- texts

_WORDS = (
    "Revenue", "Growth", "Total", "Index", "Output", "Rate", "Share", "Volume", "Profit", "Costs", "Demand",
    "Supply", "Margin", "Score", "Count", "Yield", "Budget", "Usage", "Value", "Traffic",
)  # fmt: skip


def _free_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` outside mathtext ``$...$`` (editing inside math can break it)."""
    spans, start, inside = [], 0, False
    for i, ch in enumerate(text):
        if ch == "$" and (i == 0 or text[i - 1] != "\\"):
            if not inside:
                spans.append((start, i))
            else:
                start = i + 1
            inside = not inside
    if not inside:
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def typo(text: str, rng: random.Random) -> str | None:
    """One-character typo: swap two adjacent different letters, else replace one letter."""
    free = [i for a, b in _free_spans(text) for i in range(a, b) if text[i].isalpha()]
    if not free:
        return None
    swaps = [i for i in free if i + 1 in free and text[i] != text[i + 1] and text[i].lower() != text[i + 1].lower()]
    if swaps and rng.random() < 0.5:
        i = rng.choice(swaps)
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    i = rng.choice(free)
    pool = [c for c in "aeioulnrst" if c != text[i].lower()]
    c = rng.choice(pool)
    return text[:i] + (c.upper() if text[i].isupper() else c) + text[i + 1 :]


def reword(text: str, rng: random.Random) -> str | None:
    """Replace one word (3+ letters, outside math) with a different word of the same case style."""
    words = [
        (a + m.start(), a + m.end()) for a, b in _free_spans(text) for m in re.finditer(r"[A-Za-z]{3,}", text[a:b])
    ]
    if not words:
        return None
    s, e = rng.choice(words)
    old = text[s:e]
    pool = [w for w in _WORDS if w.lower() != old.lower()]
    new = rng.choice(pool)
    if old.islower():
        new = new.lower()
    elif old.isupper():
        new = new.upper()
    return text[:s] + new + text[e:]


def mutate_text(text: str, rng: random.Random, kind: str) -> str | None:
    return typo(text, rng) if kind == "typo" else reword(text, rng)


def text_severity(kind: str) -> int:
    """A one-character typo is minor (1); a changed word changes what is said (2)."""
    return 1 if kind == "typo" else 2


# --------------------------------------------------------------------------- colours

PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#000000", "#ffd700", "#00bfff", "#8b0000", "#006400", "#ff1493",
)  # fmt: skip


def hex_rgb(value: str) -> tuple[float, float, float] | None:
    """An #rgb / #rrggbb / named colour as RGB in [0, 1] (named colours through matplotlib's table)."""
    v = value.strip()
    m = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", v)
    if m:
        h = m.group(1)
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    try:
        from matplotlib.colors import to_rgb

        return tuple(to_rgb(v))  # type: ignore[return-value]
    except (ValueError, TypeError):
        return None


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in rgb)


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(c1: tuple[float, float, float], c2: tuple[float, float, float]) -> float:
    """CIE76 ΔE between two RGB colours in [0, 1]."""
    return math.dist(_lab(c1), _lab(c2))


def shifted_colour(rgb: tuple[float, float, float], rng: random.Random) -> tuple[float, float, float]:
    """A nearby shade: lightness moved by 0.08–0.15 (ΔE roughly 8–20), away from the nearer extreme."""
    h, lum, s = colorsys.rgb_to_hls(*rgb)
    step = rng.uniform(0.08, 0.15)
    lum = lum - step if lum > 0.5 else lum + step
    return colorsys.hls_to_rgb(h, min(1.0, max(0.0, lum)), s)


def new_colour(old: tuple[float, float, float] | None, rng: random.Random, strong: bool) -> str:
    """A replacement colour: a palette colour far from ``old`` (strong) or a nearby shade of it."""
    if old is not None and not strong:
        return to_hex(shifted_colour(old, rng))
    pool = [c for c in PALETTE if old is None or delta_e(hex_rgb(c), old) > 40]  # type: ignore[arg-type]
    return rng.choice(pool or list(PALETTE))


def colour_severity(old: tuple[float, float, float] | None, new: str) -> int:
    """Colour rule: ΔE < 25 (a shade of the same colour) -> 1; a different colour (or unknown old) -> 2."""
    nrgb = hex_rgb(new)
    if old is None or nrgb is None:
        return 2
    return 1 if delta_e(old, nrgb) < 25 else 2


def relative_change(old: float, new: float, scale: float = 0.0) -> float:
    """|new - old| / |old| (``scale`` stands in for |old| when old is 0)."""
    base = abs(old) or abs(scale) or 1.0
    return abs(new - old) / base


def value_severity(rel: float) -> int:
    """Data rule: one value changed by < 10 % -> 1, 10–50 % -> 2, > 50 % -> 3."""
    return 1 if rel < 0.10 else 2 if rel <= 0.50 else 3


def draw_factor(rng: random.Random) -> float:
    """A multiplicative change spread over the three severity bands."""
    band = rng.choice(("small", "medium", "large"))
    mag = {"small": (0.03, 0.08), "medium": (0.15, 0.45), "large": (0.6, 1.2)}[band]
    d = rng.uniform(*mag)
    if band == "large" or rng.random() < 0.5:
        return round(1 + d, 3)
    return round(1 - d, 3)
