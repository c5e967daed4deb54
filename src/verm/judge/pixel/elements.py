"""Missing elements: the reference's elements and which the candidate lost (`_survey`), and the
per-element items the task modules report when the candidate is noise or gutted.

Elements are the reference's connected ink groups (long thin lines one element); one is missing
when >= 85 % of its ink has no candidate ink within 1 px. Noise: the candidate has little
background; gutted: >= half the elements and of the non-line ink gone. The tasks' own rules (a
chart's hollow plot, a table that lost its grid) are in their modules. Rules: docs/judges.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import PxBox, _union
from verm.judge.pixel.grade import _area_severity
from verm.judge.pixel.hidden import _hidden_items
from verm.judge.pixel.layout import _long_lines

#: An element is missing when this share of its ink has no candidate ink within 1 px.
MISSING_ELEMENT = 0.85


@dataclass(frozen=True)
class _Element:
    box: PxBox
    ink: int
    missing: float  # fraction of its ink with no candidate ink within 1 px


@dataclass(frozen=True)
class _Survey:
    """What the candidate kept of the reference's elements (`_survey`)."""

    elements: list[_Element]
    missing: list[_Element]  # >= MISSING_ELEMENT of their ink gone
    noise: bool  # the candidate has no background to speak of while the reference does
    gutted: bool  # most elements and most non-line ink gone (no task rule applied yet)
    ref_lines: np.ndarray  # long thin lines (axes, grid, table rules) of each image
    cand_lines: np.ndarray
    extra_ink: int = 0  # candidate ink with no reference ink within 3 px


def _survey(
    c: _Ctx, regions: list[Region], gutted_allowed: bool = True, cand_ink: np.ndarray | None = None
) -> _Survey | None:
    """The reference's elements and which the candidate lost; None when nothing differs or the
    reference has no elements. ``gutted_allowed``: False where a task counts missing shapes its own
    way (SVGs); ``cand_ink``: the candidate ink that reproduces elements (default: all of it)."""
    if not regions:
        return None
    elements = _elements(c, c.cand_ink if cand_ink is None else cand_ink)
    if not elements:
        return None
    ref_bg, cand_bg = _bg_share(c.ref_ink), _bg_share(c.cand_ink)
    noise = cand_bg < 0.3 and ref_bg > cand_bg + 0.3
    missing = [e for e in elements if e.missing >= MISSING_ELEMENT]
    near_ref = cv2.dilate(c.ref_ink.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    extra_ink = int((c.cand_ink & ~near_ref).sum())
    missing_ink = sum(e.ink for e in missing)
    hor_r, ver_r = _long_lines(c.ref_ink, 0.3)
    hor_c, ver_c = _long_lines(c.cand_ink, 0.3)
    ref_lines, cand_lines = hor_r | ver_r, hor_c | ver_c
    # Gutted: most elements gone *and* most of the ink gone (a re-flowed honest table keeps its ink).
    gutted = (
        gutted_allowed
        and len(elements) >= 4
        and len(missing) >= 0.5 * len(elements)
        and extra_ink < 0.5 * max(missing_ink, 1)
        and int((c.cand_ink & ~cand_lines).sum()) < 0.5 * int((c.ref_ink & ~ref_lines).sum())
    )
    return _Survey(elements, missing, noise, gutted, ref_lines, cand_lines, extra_ink)


def _noise_items(c: _Ctx, s: _Survey, category: str) -> tuple[list[_Item], list[PxBox]]:
    """A noise candidate hides everything the reference shows (`hidden._hidden_items` over all its
    ink), and what covers the canvas is content the reference does not have: one item per cell of a
    4x4 grid it fills. The items cover the whole image."""
    items = _hidden_items(c, c.ref_ink, category, "content", "noise covers the canvas")
    for gy in range(4):
        for gx in range(4):
            box = (gx * c.w // 4, gy * c.h // 4, (gx + 1) * c.w // 4, (gy + 1) * c.h // 4)
            if float(c.cand_ink[box[1] : box[3], box[0] : box[2]].mean()) >= 0.5:
                items.append(_Item(category, 2, box, "The candidate fills this part with content (noise).", "element"))
    return items, [(0, 0, c.w, c.h)]


#: Noise drawn round the reference's content: candidate pixels off the reference's (any channel by this many levels)
#: with saturated pixels of `NOISE_HUES` of six hue bins at least within 3 px (random colours, no one stroke's
#: anti-aliased edge, no colour scale's smooth run). A cell of a 4x4 grid holding `NOISE_CELL` of them is filled
#: with noise, once the canvas holds `NOISE_SHARE`.
NOISE_OFF, NOISE_HUES, NOISE_CELL, NOISE_SHARE = 40, 3, 0.1, 0.05


def noise_round_items(c: _Ctx, category: str) -> list[_Item]:
    """Noise the candidate paints where the reference has none, its content kept over it (a figure's background
    filled with random colours): one severity-2 item per 4x4 grid cell it fills (`NOISE_CELL`), as a canvas of
    noise pays for the cells it fills (`_noise_items`)."""
    diff = cv2.absdiff(c.ref, c.cand)
    off = cv2.max(cv2.max(diff[..., 0], diff[..., 1]), diff[..., 2]) > NOISE_OFF
    if float(off.mean()) < NOISE_SHARE:
        return []  # (the noise is among the pixels off the reference's: too few of them, no hue count needed)
    hsv = cv2.cvtColor(c.cand, cv2.COLOR_RGB2HSV)
    saturated = (hsv[..., 1] > 64) & (hsv[..., 2] > 50)
    bins = hsv[..., 0].astype(np.int32) * 6 // 180
    near = np.ones((7, 7), np.uint8)
    hues = np.zeros(saturated.shape, np.int32)
    for b in range(6):
        hues += cv2.dilate(((bins == b) & saturated).astype(np.uint8), near) > 0
    noise = off & (hues >= NOISE_HUES)
    if float(noise.mean()) < NOISE_SHARE:
        return []
    items = []
    for gy in range(4):
        for gx in range(4):
            box = (gx * c.w // 4, gy * c.h // 4, (gx + 1) * c.w // 4, (gy + 1) * c.h // 4)
            if float(noise[box[1] : box[3], box[0] : box[2]].mean()) >= NOISE_CELL:
                items.append(_Item(category, 2, box, "The candidate fills this part with noise.", "element"))
    return items


def _missing_items(
    c: _Ctx,
    chosen: list[_Element],
    category: Callable[[_Element], str],
    key: Callable[[_Element], object] | None = None,
) -> tuple[list[_Item], list[PxBox]]:
    """Items for the chosen missing elements, and the boxes they cover: one per element, or one per
    group of elements of one ``key`` (a table's row), graded by its worst element."""
    groups: dict[object, list[_Element]] = {}
    for n, e in enumerate(sorted(chosen, key=lambda e: -e.ink)):
        groups.setdefault(key(e) if key is not None else n, []).append(e)
    items = []
    for members in groups.values():
        box = _union([e.box for e in members])
        worst = max(members, key=lambda e: _area_severity(e.box, c.h, c.w))
        why = "An element of the reference is missing in the candidate."
        if len(members) > 1:
            why = f"{len(members)} elements of the reference here are missing in the candidate."
        items.append(
            _Item(
                category(worst),
                _area_severity(worst.box, c.h, c.w),
                box,
                why,
                "element",
                parts=[e.box for e in members],
            )
        )
    return items, [e.box for e in chosen]


def _bg_share(ink: np.ndarray) -> float:
    return 1.0 - float(ink.mean())


def _elements(c: _Ctx, cand_ink: np.ndarray) -> list[_Element]:
    """The reference's elements: connected groups of ink (glyphs of a word, a bar, a line, the grid),
    and how much of each has no ``cand_ink`` within 1 px."""
    side = min(c.h, c.w)
    r = max(2, round(0.006 * side))
    # Long straight lines (axes, grid, table rules) are one element of their own; without them
    # tick labels, bars and words do not all hang together through the frame.
    hor, ver = _long_lines(c.ref_ink, 0.3)
    lines = hor | ver
    rest = (c.ref_ink & ~lines).astype(np.uint8)
    grouped = cv2.dilate(rest, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1)))
    grouped[lines] = 0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grouped, connectivity=8)
    if lines.any():
        labels[lines] = n
        ys, xs = np.nonzero(lines)
        # Same layout as connectedComponentsWithStats' stats: x, y, width, height, area (the dilation
        # margin r is added, as for the other components, and taken off below).
        line_stat = [xs.min() - r, ys.min() - r, xs.max() - xs.min() + 1 + 2 * r, ys.max() - ys.min() + 1 + 2 * r, 0]
        stats = np.vstack([stats, np.array(line_stat, dtype=stats.dtype)])
        n += 1
    if n <= 1:
        return []
    near_cand = cv2.dilate(cand_ink.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    ink_count = np.bincount(labels[c.ref_ink], minlength=n)
    miss_count = np.bincount(labels[c.ref_ink & ~near_cand], minlength=n)
    min_ink = max(4, round(2e-5 * c.h * c.w))
    out = []
    for i in range(1, n):
        if ink_count[i] < min_ink:
            continue
        x, y, bw, bh, _ = (int(v) for v in stats[i])
        # The dilation grew the box by r on each side; give the element its own extent back.
        box = (
            min(x + r, x + bw // 2),
            min(y + r, y + bh // 2),
            max(x + bw - r, x + bw // 2 + 1),
            max(y + bh - r, y + bh // 2 + 1),
        )
        out.append(_Element(box, int(ink_count[i]), float(miss_count[i]) / float(ink_count[i])))
    return out


def _element_item(c: _Ctx, e: _Element, why: str, category: str) -> _Item:
    return _Item(category, _area_severity(e.box, c.h, c.w), e.box, why, "element")
