"""Charts: one plotted colour showing where another was, the palette kept (marks moved, no recolouring).

A pie's wedge that grows pushes its neighbour's edge (a sliver of one wedge colour turns into the
next one's), and a wedge's percentage label moves with it (its black glyphs turn into the wedge's
colour). These read as colour-only changes, yet no mark was recoloured: both colours are plotted
colours of the reference (each holds `PALETTE_SHARE` of its ink at least) and the candidate still draws
the old colour as much as the reference did (`KEPT_COLOUR`). A recolouring turns whole marks and
leaves no old colour behind (the old colour gone), or brings a colour the reference did not draw, or
permutes the series' colours (a cycle of changes, A -> B -> C -> A, every colour still drawn).
Rules in full: docs/judges.md, "Pixel judge", "Charts".
"""

from __future__ import annotations

import numpy as np

from verm.judge.pixel.colour import _lab, _lab_ink, _rgb_de
from verm.judge.pixel.context import _Ctx

RGB = tuple[int, int, int]

#: A colour is one of the reference's plotted colours when this share of its ink has it (ΔE < `SAME_DE`).
PALETTE_SHARE = 0.02


#: The candidate keeps the old colour when it draws at least this share of the reference's ink of it.
KEPT_COLOUR = 0.7


#: Colours alike (ΔE76) when following colour changes round a cycle (`_on_cycle`).
CYCLE_DE = 25.0


#: Colours alike (ΔE76) when counting a colour's ink.
SAME_DE = 12.0


#: Per image (by identity; the array is kept, so its id stays its own): its ink's colours, quantised to 5
#: bits a channel, as Lab bin centres and pixel counts, and its ink in all.
_INK_COLOURS: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray, int]] = {}


def _ink_colours(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """``rgb``'s ink colours (quantised: a few thousand bins, not every pixel, are compared) as Lab
    bin centres with their pixel counts, and its ink in all; kept for the image's other questions."""
    hit = _INK_COLOURS.get(id(rgb))
    if hit is not None and hit[0] is rgb:
        return hit[1], hit[2], hit[3]
    px = rgb[_lab_ink(rgb)[1]].astype(np.int32) >> 3
    keys, counts = np.unique((px[:, 0] << 10) | (px[:, 1] << 5) | px[:, 2], return_counts=True)
    centres = np.stack([(keys >> 10) & 31, (keys >> 5) & 31, keys & 31], axis=1) * 8 + 4
    lab = _lab(centres.astype(np.uint8)[None])[0]
    if len(_INK_COLOURS) >= 4:
        _INK_COLOURS.pop(next(iter(_INK_COLOURS)))
    _INK_COLOURS[id(rgb)] = (rgb, lab, counts, len(px))
    return lab, counts, len(px)


def _colour_ink(rgb: np.ndarray, colour: RGB) -> tuple[int, int]:
    """Pixels of ``rgb``'s ink within `SAME_DE` of ``colour``, and its ink in all."""
    lab, counts, total = _ink_colours(rgb)
    target = _lab(np.array([[colour]], dtype=np.uint8))[0, 0]
    near = np.sum((lab - target) ** 2, axis=1) < SAME_DE * SAME_DE
    return int(counts[near].sum()), total


def _palette_kept(c: _Ctx, old: RGB, new: RGB, changes: list[tuple[RGB, RGB]]) -> bool:
    """A change from ``old`` to ``new`` is marks of the reference's palette moved over one another (see
    the module docstring): both colours plotted by the reference, the old one still drawn as much, and
    no cycle of colour changes (``changes``: every colour-only change's old and new colour) leads back
    to ``old`` (series' colours permuted, A -> B -> C -> A, keep every colour drawn: a recolouring)."""
    if _on_cycle(old, new, changes):
        return False
    ref_old, ref_ink = _colour_ink(c.ref, old)
    ref_new, _ = _colour_ink(c.ref, new)
    if min(ref_old, ref_new) < PALETTE_SHARE * ref_ink:
        return False  # a colour the reference hardly draws: a new colour, a recolouring
    cand_old, _ = _colour_ink(c.cand, old)
    return cand_old >= KEPT_COLOUR * ref_old


def _on_cycle(old: RGB, new: RGB, changes: list[tuple[RGB, RGB]]) -> bool:
    """Following the colour changes from ``new`` (a change goes on from a colour within `CYCLE_DE` of
    its old one: its marks' anti-aliased shades quantise apart) comes back to ``old``."""
    reached, todo = [new], [new]
    while todo:
        at = todo.pop()
        if _rgb_de(at, old) < CYCLE_DE:
            return True
        for a, b in changes:
            if _rgb_de(a, at) < CYCLE_DE and all(_rgb_de(b, r) >= 1 for r in reached):
                reached.append(b)
                todo.append(b)
    return False
