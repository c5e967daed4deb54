"""Charts, missing content: what a reference axes shows and how much of it the candidate does not.

Missing content costs what it hides: the share of an axes that is gone weighs
its data (by series and by ink), its legend and its texts (`hidden_share`);
`missing_pieces` counts the separate things gone. `ChartDiff` piles items up
from these (`verm.judge.scene.findings.missing_items`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from verm.judge.scene.chart.data import AxesData

#: What an axes' legend and its texts (annotations, value labels) weigh next to its data (1) in the share of
#: the axes that is missing.
LEGEND_WEIGHT = 0.25
TEXTS_WEIGHT = 0.25


@dataclass
class Hidden:
    """What one reference axes shows and how much of it the candidate does not: its data (`AxesData`), its
    legend (its entries, at least 1 if it has one; the entries gone) and its texts (how many; how many gone)."""

    where: str
    box: Any
    place: str
    data: AxesData
    legend: float = 0.0
    legend_lost: float = 0.0
    texts: int = 0
    texts_lost: int = 0

    def other_words(self) -> list[str]:
        words = ["the legend"] if self.legend and self.legend_lost >= self.legend else []
        return words + ([f"{self.texts_lost} texts"] if self.texts_lost else [])


def hidden_share(hs: list[Hidden]) -> tuple[float, float]:
    """The share of what the axes at one place (twin axes share one) show that is missing: (by the count of
    series alone; over all of it), where all of it is the data, by the larger of its share of series and of
    ink (a scatter hidden under its trend line is most of the plot), with the legend and texts."""
    weight = sum(h.data.weight for h in hs)
    ink = sum(h.data.ink for h in hs)
    counted = min(1.0, sum(h.data.lost for h in hs) / weight) if weight > 0 else 0.0
    # By the count of series a stack lost whole is one series (a ``stackplot`` call dropped).
    extra = sum(h.data.stacked_extra for h in hs)
    by_count = min(1.0, (sum(h.data.lost for h in hs) - extra) / (weight - extra)) if weight > extra else counted
    data = counted
    if ink > 0:  # what is lost, unless the candidate draws as much there (a line retyped to bars)
        lost_ink = min(sum(h.data.lost_ink for h in hs), ink - sum(h.data.cand_ink for h in hs))
        data = max(data, min(1.0, lost_ink / ink))
    total, lost = 1.0, data
    if any(h.legend for h in hs):
        total += LEGEND_WEIGHT
        lost += LEGEND_WEIGHT * _legend_share(hs)
    texts = sum(h.texts for h in hs)
    if texts:
        total += TEXTS_WEIGHT
        lost += TEXTS_WEIGHT * min(1.0, sum(h.texts_lost for h in hs) / texts)
    return by_count, lost / total


def figure_count_share(hs: list[Hidden]) -> float:
    """The share of the figure's series (every reference axes' series; a stack lost whole is one) that is lost."""
    weight = sum(h.data.weight - h.data.stacked_extra for h in hs)
    lost = sum(h.data.lost - h.data.stacked_extra for h in hs)
    return min(1.0, max(0.0, lost / weight)) if weight > 0 else 1.0


def missing_pieces(hs: list[Hidden]) -> int:
    """How many separate things are missing: series (or their error bars), a whole legend (unless it only named
    missing series), texts."""
    n = sum(h.data.pieces for h in hs)
    # A legend gone with the series it named (no more entries than named series missing) is part of their loss.
    named = sum(len({w for w in h.data.missing if w}) for h in hs)
    n += any(h.legend for h in hs) and _legend_share(hs) >= 1 and sum(h.legend_lost for h in hs) > named
    return n + any(h.texts_lost for h in hs)


def _legend_share(hs: list[Hidden]) -> float:
    """The share of the legend entries at one place that is gone: twin axes at one place each may draw a legend,
    and together they are the place's legend (the legend of a twin's only series, dropped, is that entry gone,
    not a whole legend)."""
    entries = sum(h.legend for h in hs)
    return min(1.0, sum(h.legend_lost for h in hs) / entries) if entries > 0 else 0.0


def legend_lost(r: dict[str, Any] | None, c: dict[str, Any] | None) -> tuple[float, float]:
    """(the reference legend's entries, at least 1 if it has a legend; how many of them the candidate's does not
    show)."""
    if not r:
        return 0.0, 0.0
    n_r = len(r.get("texts") or [])
    if not c:
        return float(max(n_r, 1)), float(max(n_r, 1))
    n_c = len(c.get("texts") or [])
    return float(max(n_r, 1)), float(max(0, n_r - n_c))
