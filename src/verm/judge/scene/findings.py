"""The judge's tolerances, and the list of findings a comparison writes into.

A finding is a discrepancy in the making: its category, severity, location,
description and box, and, where it is one attribute change of some artists,
its `Unit` (what changed, from what to what, on how many of which artists, in
which axes). Findings with equal units are one discrepancy (each task's last
pass merges them); `Findings.discrepancies` turns them into the contract type.

The colour rule lives here because every task reports colours alike: ΔE at or
below ``colour_de`` (10) is the same colour; a change below ``strong_de`` (25)
is a shade, severity 1; a larger one, or a colour turned on or off, is 2.
Severities are clipped to 1..3 and boxes cleaned to [0, 1] on the way in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from verm.judge.grouping import DisjointSets
from verm.judge.scene.boxes import clean_box, union_box
from verm.judge.scene.colour import delta_e
from verm.types import Discrepancy

#: Items of severity 3 that missing content costs at most (all of a chart's data, an icon's ink gone).
MISSING_ITEMS_ALL = 8


def missing_items(share: float) -> int:
    """Items of severity 3 that missing content costs when it is ``share`` of what the reference shows: one
    up to half (a series dropped from two is one error), then one more per 1/14, 8 for all of it."""
    if share <= 0.5:
        return 1
    return 1 + round((MISSING_ITEMS_ALL - 1) * (min(share, 1.0) - 0.5) / 0.5)


@dataclass(frozen=True)
class SceneOptions:
    """Tolerances of the scene judge."""

    #: Relative tolerance for data values.
    rtol: float = 1e-3
    #: ΔE (CIE76) at or below which two colours count as the same (no visible change).
    colour_de: float = 10.0
    #: ΔE above which a colour change is severity 2.
    strong_de: float = 25.0


@dataclass(frozen=True)
class Unit:
    """One attribute change of ``count`` artists (``noun``s) in ``scope`` (an axes' name, or "figure").

    Findings whose units share `key` are one discrepancy. ``share`` is the share of the scope's data
    the artists are (for the colour rule); ``total`` how many such artists the scope has (so a
    description can say "every line"); ``confusable`` that the new colour is (nearly) another series'
    or the background's; ``frame`` the plot box in which the pixels measure the share instead, when the
    images are at hand (`Findings.shows`); ``de`` the change's strength where ``old`` or ``new`` is no one
    colour ("a colour per member": a colour map's members, each its own).
    """

    attribute: str
    old: str | None
    new: str | None
    noun: str = "element"
    scope: str = "figure"
    count: int = 1
    total: int = 1
    share: float = 0.0
    confusable: bool = False
    #: The box of the plot the artists lie in (a chart's axes), where the pixels tell how much a colour covers.
    frame: tuple[float, float, float, float] | None = None
    #: How strong the change is (ΔE) where ``old`` or ``new`` names no one colour (a colour per member).
    de: float | None = None

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        return (self.attribute, self.old, self.new)


@dataclass
class Finding:
    """A discrepancy in the making (see the module docstring)."""

    category: str
    severity: int
    location: str
    description: str
    bbox: tuple[float, float, float, float] | None = None
    unit: Unit | None = None
    #: Other details a later pass reads (e.g. the series a finding belongs to).
    tags: dict[str, Any] = field(default_factory=dict)

    def discrepancy(self) -> Discrepancy:
        return Discrepancy(
            category=self.category,
            severity=max(1, min(3, int(self.severity))),
            location=self.location or "image",
            description=self.description,
            bbox=self.bbox,
        )


class Findings:
    """Collects the findings of one comparison."""

    def __init__(self, opts: SceneOptions, shows: Any = None) -> None:
        self.opts = opts
        self.items: list[Finding] = []
        #: Where the two images differ, worked out when a finding asks (a `shows.LazyChangedPixels`; None
        #: without images).
        self.shows = shows

    def add(
        self,
        category: str,
        severity: int,
        location: str,
        description: str,
        bbox: Any = None,
        unit: Unit | None = None,
        **tags: Any,
    ) -> Finding:
        f = Finding(category, max(1, min(3, int(severity))), location or "image", description, clean_box(bbox), unit,
                    tags)  # fmt: skip
        self.items.append(f)
        return f

    def colour_severity(self, ref: str | None, cand: str | None) -> int:
        """The colour rule: 2 for a strong change or a colour turned on or off, 1 for a shade."""
        de = delta_e(ref, cand)
        return 2 if de >= self.opts.strong_de or (ref in (None, "none")) != (cand in (None, "none")) else 1

    def colour(
        self, category: str, what: str, location: str, ref: str | None, cand: str | None, bbox: Any,
        unit: Unit | None = None, **tags: Any,
    ) -> bool:  # fmt: skip
        """Report a colour change if ΔE is above the threshold; True when reported."""
        if delta_e(ref, cand) <= self.opts.colour_de:
            return False
        self.add(category, self.colour_severity(ref, cand), location,
                 f"{what} is {cand or 'none'}, should be {ref or 'none'}", bbox, unit, **tags)  # fmt: skip
        return True

    def discrepancies(self) -> list[Discrepancy]:
        return [f.discrepancy() for f in self.items]


def same_place_groups(items: Sequence[Finding], touch: Callable[[int, int], bool]) -> list[list[int]]:
    """Findings ``touch`` joins (followed through: A with B, B with C is one group), in order; a group holds at
    most one missing piece (missing content is what it hides: no chain folds two pieces into one), a series that
    shows none of its data (``replaced``: flattened, drawn anew) being one too."""
    n = len(items)
    sets = DisjointSets(n)
    lost = [bool(f.tags.get("missing") or f.tags.get("replaced")) for f in items]
    for i in range(n):
        for j in range(i + 1, n):
            a, b = sets.find(i), sets.find(j)
            if a != b and not (lost[a] and lost[b]) and touch(i, j):
                sets.union(a, b)
                lost[a] = lost[a] or lost[b]
    return sets.groups()


def merged_finding(items: Sequence[Finding], members: Sequence[int], key: Callable[[int], Any]) -> Finding:
    """One finding for a group on one place: the dominant one's (the largest ``key``) category and location,
    the highest severity, the others named after it, the union of the boxes."""
    top = max(members, key=key)
    lead = items[top]
    others = "; ".join(items[k].description for k in members if k != top)
    return Finding(lead.category, max(items[k].severity for k in members), lead.location,
                   f"{lead.description}; on the same place: {others}", union_box([items[k].bbox for k in members]),
                   lead.unit, dict(lead.tags))  # fmt: skip
