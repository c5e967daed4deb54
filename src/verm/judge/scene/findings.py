"""The judge's tolerances, and the list of discrepancies a comparison writes into.

The colour rule lives here because every task reports colours alike: ΔE at or
below ``colour_de`` (8) is the same colour; a change below ``strong_de`` (25)
is a shade, severity 1; a larger one, or a colour turned on or off, is 2.
Severities are clipped to 1..3 and boxes cleaned to [0, 1] on the way in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from verm.judge.scene.boxes import clean_box
from verm.judge.scene.colour import delta_e
from verm.types import Discrepancy


@dataclass(frozen=True)
class SceneOptions:
    """Tolerances of the scene judge."""

    #: Relative tolerance for data values.
    rtol: float = 1e-3
    #: ΔE (CIE76) at or below which two colours count as the same.
    colour_de: float = 8.0
    #: ΔE above which a colour change is severity 2.
    strong_de: float = 25.0


class Findings:
    """Collects discrepancies for one task."""

    def __init__(self, opts: SceneOptions) -> None:
        self.opts = opts
        self.items: list[Discrepancy] = []

    def add(self, category: str, severity: int, location: str, description: str, bbox: Any = None) -> None:
        self.items.append(
            Discrepancy(
                category=category,
                severity=max(1, min(3, int(severity))),
                location=location or "image",
                description=description,
                bbox=clean_box(bbox),
            )
        )

    def colour(self, category: str, what: str, location: str, ref: str | None, cand: str | None, bbox: Any) -> bool:
        """Report a colour change if ΔE is above the threshold; True when reported."""
        de = delta_e(ref, cand)
        if de <= self.opts.colour_de:
            return False
        sev = 2 if de >= self.opts.strong_de or (ref in (None, "none")) != (cand in (None, "none")) else 1
        self.add(category, sev, location, f"{what} is {cand or 'none'}, should be {ref or 'none'}", bbox)
        return True
