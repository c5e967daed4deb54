"""Compose several edits on one source (the rules are in `verm.perturb.base`'s docstring)."""

from __future__ import annotations

import random

from verm.perturb.base import Edit, PerturbResult
from verm.perturb.registry import get_perturber
from verm.types import Task


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
