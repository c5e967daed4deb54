"""Greedy pairing of two lists by a score, the matcher every task uses.

Pairs are taken in descending score (ties: the nearer index); a pair scored
None or below ``minimum`` is never made; what is left on either side is
missing or extra.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def greedy_pairs(
    refs: Sequence[Any], cands: Sequence[Any], score: Callable[[int, Any, int, Any], float | None], minimum: float = 0.0
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs by descending score (None or < minimum: never paired); leftovers on both sides."""
    scored = []
    for i, r in enumerate(refs):
        for j, c in enumerate(cands):
            s = score(i, r, j, c)
            if s is not None and s >= minimum:
                scored.append((-s, abs(i - j), i, j))
    scored.sort()
    used_r: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for _, _, i, j in scored:
        if i in used_r or j in used_c:
            continue
        used_r.add(i)
        used_c.add(j)
        pairs.append((i, j))
    pairs.sort()
    return pairs, [i for i in range(len(refs)) if i not in used_r], [j for j in range(len(cands)) if j not in used_c]
