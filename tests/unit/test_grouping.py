"""The union-find the judges share (`verm.judge.grouping`)."""

from __future__ import annotations

from verm.judge.grouping import DisjointSets


def test_chains_are_followed_and_groups_come_in_order_of_their_first_member() -> None:
    sets = DisjointSets(6)
    sets.union(4, 1)  # 1-4
    sets.union(5, 4)  # 1-4-5, joined through 4
    sets.union(3, 0)  # 0-3
    assert sets.groups() == [[0, 3], [1, 4, 5], [2]]
    assert sets.find(1) == sets.find(5) != sets.find(0)


def test_union_keeps_the_first_sets_root() -> None:
    sets = DisjointSets(4)
    root = sets.union(2, 3)
    assert root == 2 and sets.find(3) == 2
    assert sets.union(1, 3) == 1 and sets.find(2) == 1  # 3's whole set joins 1
    assert sets.union(1, 2) == 1 and sets.groups() == [[0], [1, 2, 3]]
