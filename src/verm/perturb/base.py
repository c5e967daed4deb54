"""The perturbation contract: an `Edit` is one known error injected into a
reference source; a `Perturber` proposes edits for one task (the concrete ones
are found by task in `verm.perturb.registry`); `verm.perturb.compose.perturb`
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

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from verm.errors import ContractError
from verm.types import CATEGORIES, Task

if TYPE_CHECKING:
    from verm.perturb.effect import Effect

logger = logging.getLogger(__name__)

#: Params keys that are bookkeeping, not choices (kept out of replay checks).
Params = dict[str, Any]


@dataclass(frozen=True)
class Edit:
    """One injected error and its ground truth in the contract's words."""

    op: str
    category: str
    #: The op's grade from the source alone; ground truth grades by what shows (`BasePerturber.grade`).
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

    def grade(self, edit: Edit, effect: Effect) -> int:
        """The edit's severity by what it visibly changed (1..3; rules in the perturber's docstring)."""
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
    #: Ops whose change is read as text (a word, a number): such an edit is its own true item.
    TEXT_OPS: ClassVar[frozenset[str]] = frozenset()
    #: Ground truth measures each edit of a chain in the candidate (the candidate without it against the
    #: candidate), where renderings keep their size so that leaving an edit out moves nothing else.
    MEASURE_IN_CANDIDATE: ClassVar[bool] = False
    #: Ground truth decides which edits of a chain overlap from their footprints in the candidate (as
    #: above), while grading each by its own step: the decision then does not depend on the chain's order.
    OVERLAP_IN_CANDIDATE: ClassVar[bool] = False

    def ops(self) -> list[str]:
        return list(self.SPECS)

    def family(self, op: str) -> str:
        return self.SPECS[op].family

    def phase(self, op: str) -> int:
        return self.SPECS[op].phase

    @staticmethod
    def lines_cross(a: Edit, b: Edit) -> bool:
        """Whether two edits only cross, never one item however they overlap (tables: rows and columns)."""
        return False

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
        out = self.replay(source, edit.op, edit.params)
        return None if out is None else out[0]

    def replay(self, source: str, op: str, params: Params) -> tuple[str, Edit] | None:
        """Apply ``op`` with the choices in ``params`` (nothing drawn): the edited source and its edit."""
        return self._run(op, source, dict(params), None)

    def grade(self, edit: Edit, effect: Effect) -> int:
        """The edit's severity by what shows; by default the op's own grade from the source."""
        return edit.severity

    def describe(self, edit: Edit, effect: Effect) -> tuple[str, str, str]:
        """(category, location, description) of the edit as it shows; by default the op's own."""
        return edit.category, edit.location, edit.description

    def edit(self, op: str, category: str, severity: int, location: str, description: str, p: Params) -> Edit:
        return Edit(op, category, int(max(1, min(3, severity))), location, description, dict(p))
