"""Greedy pairing of two lists by a score, the matcher every task uses.

Pairs are taken in descending score (ties: the nearer index); a pair scored
None or below ``minimum`` is never made; what is left on either side is
missing or extra. `kept_in_order` tells which pairs kept their order (the
rest moved: table rows and columns, SVG stacking order).
"""

from __future__ import annotations

import itertools
from collections import Counter
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


def kept_in_order(exact: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The largest order-keeping subset of (ref, cand) pairs sorted by ref (ties: the displacement most pairs
    share, then the smallest), so a line or element that moved is the one reported, never the ones it passed."""
    if all(b[1] > a[1] for a, b in itertools.pairwise(exact)):
        return exact
    n = len(exact)
    # Weighted longest increasing subsequence; the weight prefers pairs whose displacement is the common one.
    counts = Counter(j - i for i, j in exact)
    shift = max(counts, key=lambda s: (counts[s], -abs(s)))  # ties: the smaller shift
    w = [1.0 - 1e-6 * abs(j - i - shift) for i, j in exact]
    best = w[:]
    prev = [-1] * n
    for b in range(n):
        for a in range(b):
            if exact[a][1] < exact[b][1] and best[a] + w[b] > best[b]:
                best[b], prev[b] = best[a] + w[b], a
    k = max(range(n), key=lambda x: best[x])
    out = []
    while k >= 0:
        out.append(exact[k])
        k = prev[k]
    return out[::-1]
