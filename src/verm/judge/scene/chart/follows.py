"""Charts: changes that follow another change (round 26), folded into it so one edit is one discrepancy.

- `merge_dropped_shift`: styles handed out by series order from a list (``zip(series, hatches)``, a list of
  colours): a series dropped hands each series after it the style the one before it wore. Those restylings are
  the drop's, not changes of their own.
- `merge_scale_hides`: one axis scale changed on axes that share that axis: where it hides data in one panel
  (read as data out of view) and only rescales the other, it is still one change.
"""

from __future__ import annotations

import logging
from typing import Any

from verm.judge.scene.boxes import union_box
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Finding, Findings

log = logging.getLogger(__name__)

#: A style attribute of a finding's unit -> the keys of a series' first artist that hold it.
_STYLE_KEYS: dict[str, tuple[str, ...]] = {
    "colour": ("facecolor", "color"),
    "edge colour": ("edgecolor",),
    "hatch": ("hatch",),
    "line style": ("linestyle",),
    "marker": ("marker",),
}


def _style(series: Any, attribute: str) -> str | None:
    """The value of ``attribute`` the reference series wore (its first artist's), None when unknown."""
    items = getattr(series, "items", None) or []
    for key in _STYLE_KEYS.get(attribute, ()):
        if items and key in items[0]:
            value = items[0].get(key)
            return None if value is None else str(value)
    return None


def _same(attribute: str, a: str | None, b: str | None, colour_de: float) -> bool:
    if attribute.endswith("colour"):
        return a is not None and b is not None and delta_e(a, b) <= colour_de
    return (a or "") == (b or "")


def merge_dropped_shift(out: Findings) -> None:
    """Style changes of the series after a missing one (same axes, same kind, by reference order) where each now
    wears what the series before it wore: the style list stayed, the series list lost one (module docstring)."""
    drop: set[int] = set()
    for gone in [f for f in out.items if f.tags.get("missing") and f.tags.get("drawn")]:
        lost = [s for s, new in gone.tags["drawn"] if new is None and hasattr(s, "index")]
        if len(lost) != 1:
            continue
        lead = lost[0]
        styled: dict[tuple[str, int], Finding] = {}
        for f in out.items:
            series = f.tags.get("series")
            if (
                f.category == "style_error"
                and f.unit is not None
                and f.unit.attribute in _STYLE_KEYS
                and series
                and series[1] == lead.kind
                and f.tags.get("axes") == gone.tags.get("axes")
                and id(f) not in drop
            ):
                styled[(f.unit.attribute, series[2])] = f
        for attribute in _STYLE_KEYS:
            before = _style(lead, attribute)
            k = lead.index + 1
            chain: list[Finding] = []
            while (attribute, k) in styled and before is not None:
                f = styled[(attribute, k)]
                if not _same(attribute, f.unit.new if f.unit else None, before, out.opts.colour_de):
                    break
                chain.append(f)
                before = f.unit.old if f.unit else None
                k += 1
            if not chain:
                continue
            gone.description += (
                f"; the {len(chain)} series after it each wear the {attribute} the one before had (one list of "
                "styles handed out in order)"
            )
            gone.bbox = union_box([gone.bbox, *(f.bbox for f in chain)])
            drop.update(id(f) for f in chain)
    if drop:
        log.debug("dropped-series shift: %d restylings folded", len(drop))
        out.items[:] = [f for f in out.items if id(f) not in drop]


def merge_scale_hides(out: Findings) -> None:
    """An axis scale changed alike (one unit key) on several axes, read in one as data out of view (data_error)
    and in another as the scale change (structure_error): one change, the worse reading's."""
    scales = [f for f in out.items if f.unit is not None and f.unit.attribute.endswith("-axis scale")]
    drop: set[int] = set()
    for f in scales:
        if f.category != "data_error" or id(f) in drop:
            continue
        for g in scales:
            if g is f or id(g) in drop or g.category == "data_error" or g.unit is None or f.unit is None:
                continue
            if g.unit.key != f.unit.key or g.tags.get("axes") == f.tags.get("axes"):
                continue
            f.description += f"; the same scale on {g.location} (a shared axis)"
            f.bbox = union_box([f.bbox, g.bbox])
            drop.add(id(g))
    if drop:
        out.items[:] = [f for f in out.items if id(f) not in drop]
