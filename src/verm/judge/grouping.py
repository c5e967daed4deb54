"""Disjoint sets over item indices: changes that touch, followed through, are one group.

Both judges merge what an annotator sees as one change (pixel items whose places touch, SVG
regions within a gap, scene findings on one place); this is the one union-find they share.
"""

from __future__ import annotations


class DisjointSets:
    """Union-find over ``0..n-1`` with path halving."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, keep: int, join: int) -> int:
        """Join the set of ``join`` into the set of ``keep``; returns the root of the union (``keep``'s)."""
        a, b = self.find(keep), self.find(join)
        if a != b:
            self.parent[b] = a
        return a

    def groups(self) -> list[list[int]]:
        """Every set as its members in ascending order, the sets ordered by their first member."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
