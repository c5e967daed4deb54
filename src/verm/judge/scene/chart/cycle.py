"""Charts, the colour cycle: a line given a colour of its own takes none from the axes' cycle, so every line
after it takes the colour the one before it had. One change (the line's colour), not one per line.
"""

from __future__ import annotations

from verm.judge.scene.boxes import union_box
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Finding, Findings


def merge_cycle_shift(out: Findings) -> None:
    """Colour changes of consecutive series of one kind in one axes where each one's new colour is the colour
    the series before it had (a chain of at least two after the first): one discrepancy, the first's, that
    names how many series the cycle moved on."""
    by_kind: dict[tuple, dict[int, Finding]] = {}
    for f in out.items:
        series = f.tags.get("series")
        if f.category != "style_error" or f.unit is None or f.unit.attribute != "colour" or not series:
            continue
        by_kind.setdefault((series[0], series[1]), {})[series[2]] = f
    drop: set[int] = set()
    for (_, kind), found in by_kind.items():
        for k in sorted(found):
            lead = found[k]
            if id(lead) in drop or (k - 1 in found and _follows(found[k - 1], lead, out)):
                continue  # (a chain starts where the series before did not hand its colour on)
            chain = []
            while k + len(chain) + 1 in found and _follows(found[k + len(chain)], found[k + len(chain) + 1], out):
                chain.append(found[k + len(chain) + 1])
            if len(chain) < 2:
                continue
            lead.description += (
                f"; the {len(chain)} {kind}s after it each took the colour the one before had (the colour cycle "
                "moved on by one)"
            )
            lead.bbox = union_box([lead.bbox, *(f.bbox for f in chain)])
            lead.severity = max(f.severity for f in (lead, *chain))
            drop.update(id(f) for f in chain)
    if drop:
        out.items[:] = [f for f in out.items if id(f) not in drop]


def _follows(before: Finding, after: Finding, out: Findings) -> bool:
    """``after``'s new colour is ``before``'s old one."""
    if before.unit is None or after.unit is None:
        return False
    return delta_e(before.unit.old, after.unit.new) <= out.opts.colour_de
