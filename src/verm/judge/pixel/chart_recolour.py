"""Charts: colours of the plot. A series redrawn in another colour is one recolouring (permuted
colours too); a colour map's values redrawn in its own colours are a data change; one main colour gone
and one new beside moved marks is a recolouring, gone with none new a series dropped; a legend swatch
gone with its series is no change of its own. Rules in full: docs/judges.md, "Pixel judge", "Charts".
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from verm.judge.grouping import DisjointSets
from verm.judge.pixel.classify import _presence
from verm.judge.pixel.colour import _hex, _lab, _rgb_de
from verm.judge.pixel.context import _cand_frame, _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import _box_area, _inside, _union


def _plot_colours(c: _Ctx, cand: bool = False) -> list[tuple[int, int, int]]:
    """The reference's (or the candidate's, in its own frame) main ink colours inside the plot frame
    (each >= 2 % of its ink)."""
    frame = (_cand_frame(c) or c.frame) if cand else c.frame
    assert frame is not None
    fx0, fy0, fx1, fy1 = frame
    img, ink = (c.cand, c.cand_ink) if cand else (c.ref, c.ref_ink)
    px = img[fy0:fy1, fx0:fx1][ink[fy0:fy1, fx0:fx1]]
    if len(px) == 0:
        return []
    return _main_colours(px[:: max(1, len(px) // 20000)], 0.02)


def _main_colours(px: np.ndarray, min_share: float) -> list[tuple[int, int, int]]:
    """The colours (RGB quantised to 5 bits a channel, the bin's middle) that hold at least
    ``min_share`` of the pixels ``px`` (n x 3)."""
    px = px.astype(np.int32)
    keys = ((px[:, 0] >> 3) << 10) | ((px[:, 1] >> 3) << 5) | (px[:, 2] >> 3)
    vals, counts = np.unique(keys, return_counts=True)
    return [
        (int((k >> 10) << 3) + 4, int(((k >> 5) & 31) << 3) + 4, int((k & 31) << 3) + 4)
        for k, n in zip(vals, counts, strict=True)
        if n >= min_share * len(px)
    ]


def _palette_changes(c: _Ctx, items: list[_Item], ref_cols: list[tuple[int, int, int]]) -> list[_Item]:
    """A series drawn in another colour while its marks also moved (an axis or data change beside
    it): no region is a colour-only change, but one of the plot's main colours (``ref_cols``, the
    reference's) is gone and a new one came. Only for plots of a few colours (not colour maps), one
    gone and one new."""
    cand_cols = _plot_colours(c, cand=True)
    if not ref_cols or len(ref_cols) > 8:
        return []

    def distinct(cols: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        kept: list[tuple[int, int, int]] = []  # one colour may fill neighbouring quantisation bins
        for col in cols:
            if all(_rgb_de(col, k) > 15 for k in kept):
                kept.append(col)
        return kept

    gone = [a for a in distinct(ref_cols) if min((_rgb_de(a, b) for b in cand_cols), default=99) > 15]
    new = [b for b in distinct(cand_cols) if min((_rgb_de(a, b) for a in ref_cols), default=99) > 15]
    if len(gone) != 1 or len(new) != 1 or _drawn_before(c, new[0], gone[0]):
        return []
    old_c, new_c = gone[0], new[0]
    if any(it.colours and _rgb_de(it.colours[1], new_c) < 15 for it in items):
        return []  # already reported as a recolouring
    de = _rgb_de(old_c, new_c)
    assert c.frame is not None
    return [
        _Item(
            "style_error", 1 if de < 25 else 2, c.frame,
            f"Marks drawn in {_hex(new_c)} where the reference draws {_hex(old_c)} (ΔE {de:.0f}).", "colour",
            colours=(old_c, new_c),
        )
    ]  # fmt: skip


#: A colour new among the candidate's main plot colours is one the reference draws already when the
#: reference's plot holds at least this share of the candidate's pixels of it (within ΔE 15).
DRAWN_BEFORE = 0.5


def _drawn_before(c: _Ctx, colour: tuple[int, int, int], gone: tuple[int, int, int]) -> bool:
    """The reference's plot draws ``colour`` already (`DRAWN_BEFORE`; its pixels nearer ``colour`` than the
    colour ``gone``: a lighter shade of a series is no colour drawn before), too little to be one of its main
    colours: the colour rose among the candidate's because other marks went (an inset's line left
    alone in the plot, its main series dropped), not a series redrawn in it."""
    assert c.frame is not None
    fx0, fy0, fx1, fy1 = c.frame
    cx0, cy0, cx1, cy1 = _cand_frame(c) or c.frame
    lab, old = _lab(np.uint8([[colour, gone]]))[0]
    ref_lab = _lab(c.ref[fy0:fy1, fx0:fx1])
    d_new = np.linalg.norm(ref_lab - lab, axis=2)
    n_ref = int(((d_new < 15) & (d_new < np.linalg.norm(ref_lab - old, axis=2))).sum())
    n_cand = int((np.linalg.norm(_lab(c.cand[cy0:cy1, cx0:cx1]) - lab, axis=2) < 15).sum())
    return n_cand > 0 and n_ref >= DRAWN_BEFORE * n_cand


def _series_dropped(c: _Ctx, ref_cols: list[tuple[int, int, int]]) -> bool:
    """One of the plot's main colours (``ref_cols``, the reference's; a few colours, not a colour map)
    is gone from the candidate's plot (ΔE > 15 from all of its main colours, and under a tenth of its
    pixels left within ΔE 15: a colour whose marks shrank with a wider range is still drawn) and none
    came instead (that is a recolouring, `_palette_changes`): a series dropped."""
    if not ref_cols or len(ref_cols) > 8:
        return False
    cand_cols = _plot_colours(c, cand=True)
    gone = [a for a in ref_cols if min((_rgb_de(a, b) for b in cand_cols), default=99) > 15]
    new = [b for b in cand_cols if min((_rgb_de(a, b) for a in ref_cols), default=99) > 15]
    if not gone or new:
        return False
    assert c.frame is not None
    fx0, fy0, fx1, fy1 = c.frame
    cx0, cy0, cx1, cy1 = _cand_frame(c) or c.frame
    ref_lab, cand_lab = _lab(c.ref[fy0:fy1, fx0:fx1]), _lab(c.cand[cy0:cy1, cx0:cx1])
    for colour in gone:
        lab = _lab(np.uint8([[colour]]))[0, 0]
        n_ref = int((np.linalg.norm(ref_lab - lab, axis=2) < 15).sum())
        if int((np.linalg.norm(cand_lab - lab, axis=2) < 15).sum()) < 0.1 * n_ref:
            return True
    return False


def _legend_entry_of_change(c: _Ctx, r: Region, items: list[_Item], plot_colours: list[tuple[int, int, int]]) -> bool:
    """A small mark outside the plot gone (or new) in one of the plot's main colours, beside a data
    change inside the plot: the legend swatch of the series that change took (a series dropped takes
    its legend entry with it), not a change of its own."""
    assert c.frame is not None
    if _inside(r.bbox, c.frame, 2) or r.box_area >= 0.01 * c.h * c.w:
        return False
    kind = _presence(r)
    if kind is None:
        return False
    colour = r.ref_colour if kind == "missing" else r.cand_colour
    if not any(_rgb_de(colour, pc) < 12 for pc in plot_colours):
        return False
    return any(it.category in ("data_error", "structure_error") and _inside(it.box, c.frame, 2) for it in items)


def _recoloured_only(regions: list[Region], pairs: list[tuple[tuple[int, int, int], tuple[int, int, int]]]) -> bool:
    """Every region keeps its ink in place (at most a tenth of its changed pixels gained or lost ink)
    and turns from the old to the new colour of a reported recolouring (ΔE < 15 each)."""
    return bool(pairs) and all(
        r.changed_ref_only + r.changed_cand_only <= 0.1 * max(1, r.area)
        and any(_rgb_de(r.ref_colour, old) < 15 and _rgb_de(r.cand_colour, new) < 15 for old, new in pairs)
        for r in regions
    )


def _one_recolouring(recolourings: list[tuple[_Item, bool]]) -> list[tuple[_Item, bool]]:
    """Recolourings that are one change to an annotator: all those inside the plot (a colour map, or
    a series whose shades quantise apart), any that turn to the same new colour (ΔE < 12: a
    series' marks and its legend swatch), and any where one takes the colour the other left (ΔE <
    12: the series' colours permuted, A -> B, B -> C, C -> A, a colour cycle shifted by one series
    drawn in a colour of its own), and any that leave the same old colour (ΔE < 12) for several new ones: one
    colour does not turn into four, a line's style changed (solid to dashed, what lies beneath shows through the
    gaps in as many blends: a radar's line over its own fill) or its shades quantise apart. One item each group: the most severe names it, its box spans
    all; with whether any of it is inside the plot."""
    n = len(recolourings)
    sets = DisjointSets(n)
    for i in range(n):
        for j in range(i + 1, n):
            (a, a_in), (b, b_in) = recolourings[i], recolourings[j]
            same_new = a.colours and b.colours and _rgb_de(a.colours[1], b.colours[1]) < 12
            permuted = (
                a.colours
                and b.colours
                and (_rgb_de(a.colours[1], b.colours[0]) < 12 or _rgb_de(b.colours[1], a.colours[0]) < 12)
            )
            same_old = a.colours and b.colours and _rgb_de(a.colours[0], b.colours[0]) < 12
            if (a_in and b_in) or same_new or permuted or same_old:
                sets.union(j, i)
    out = []
    for members in sets.groups():
        group = [recolourings[k][0] for k in members]
        lead = max(group, key=lambda it: (it.severity, _box_area(it.box)))
        one = replace(lead, box=_union([it.box for it in group]), parts=[p for it in group for p in it.pieces])
        out.append((one, any(recolourings[k][1] for k in members)))
    return out


def _values_recoloured(c: _Ctx, it: _Item, plot_colours: list[tuple[int, int, int]]) -> _Item:
    """A recolouring inside the plot of a colour map (> 8 main plot colours: a heatmap, an image)
    whose new colours the reference's plot already shows (its palette kept, ΔE < 10) is the values
    changing, not the colours: data_error, graded by the share of the plot recoloured (under 5 %
    1, under 25 % 2, else 3). Other recolourings stay as they are. ``plot_colours``: `_plot_colours`."""
    assert c.frame is not None
    if it.colours is None or len(plot_colours) <= 8:
        return it
    fx0, fy0, fx1, fy1 = c.frame
    palette = _main_colours(c.ref[fy0:fy1, fx0:fx1].reshape(-1, 3)[::7], 0.001)
    if min((_rgb_de(it.colours[1], p) for p in palette), default=99) >= 10:
        return it  # a colour the plot did not show: another colour map
    share = min(1.0, sum(_box_area(p) for p in it.pieces) / max(1, _box_area(c.frame)))
    sev = 1 if share < 0.05 else (2 if share < 0.25 else 3)
    return replace(
        it,
        category="data_error",
        severity=sev,
        description=f"Values re-drawn in other colours of the plot's scale over {100 * share:.0f}% of the plot. {it.description}",
    )
