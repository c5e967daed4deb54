"""Charts: one plotted colour showing where another was, the palette kept (marks moved, no recolouring).

A pie's wedge that grows pushes its neighbour's edge (a sliver of one wedge colour turns into the
next one's), and a wedge's percentage label moves with it (its black glyphs turn into the wedge's
colour). These read as colour-only changes, yet no mark was recoloured: both colours are plotted
colours of the reference (each holds `PALETTE_SHARE` of its ink at least) and the candidate still draws
the old colour as much as the reference did (`KEPT_COLOUR`). A recolouring turns whole marks and
leaves no old colour behind (the old colour gone), or brings a colour the reference did not draw.
Rules in full: docs/judges.md, "Pixel judge", "Charts".
"""

from __future__ import annotations

import numpy as np

from verm.judge.pixel.colour import _lab, _lab_ink
from verm.judge.pixel.context import _Ctx

#: A colour is one of the reference's plotted colours when this share of its ink has it (ΔE < `SAME_DE`).
PALETTE_SHARE = 0.02


#: The candidate keeps the old colour when it draws at least this share of the reference's ink of it.
KEPT_COLOUR = 0.7


#: Colours alike (ΔE76) when counting a colour's ink.
SAME_DE = 12.0


def _colour_ink(rgb: np.ndarray, colour: tuple[int, int, int]) -> tuple[int, int]:
    """Pixels of ``rgb``'s ink within `SAME_DE` of ``colour``, and its ink in all."""
    lab, ink = _lab_ink(rgb)
    target = _lab(np.array([[colour]], dtype=np.uint8))[0, 0]
    near = np.sum((lab[ink] - target) ** 2, axis=1) < SAME_DE * SAME_DE
    return int(near.sum()), int(ink.sum())


def _palette_kept(c: _Ctx, old: tuple[int, int, int], new: tuple[int, int, int]) -> bool:
    """A change from ``old`` to ``new`` is marks of the reference's palette moved over one another (see
    the module docstring): both colours plotted by the reference, the old one still drawn as much."""
    ref_old, ref_ink = _colour_ink(c.ref, old)
    ref_new, _ = _colour_ink(c.ref, new)
    if min(ref_old, ref_new) < PALETTE_SHARE * ref_ink:
        return False  # a colour the reference hardly draws: a new colour, a recolouring
    cand_old, _ = _colour_ink(c.cand, old)
    return cand_old >= KEPT_COLOUR * ref_old
