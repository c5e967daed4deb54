"""Stage 5, classify and group: the regions left after explaining away become items.

In order: moved blocks (template NCC >= 0.7, one item for both places), colour-only changes grouped
by (old, new) colour (style_error 1 for shades, else 2), text read by OCR, then one item per region
by its pixels. Tables whose grids do not align use these steps as they are; charts add their own
between them (`chart`), SVGs group by drawn shape (`svg`). Rules in full: docs/judges.md.
"""

from __future__ import annotations

import math
from dataclasses import replace

import cv2
import numpy as np

from verm.judge.grouping import DisjointSets
from verm.judge.pixel.classify import _CATS, _colour_only, _looks_like_text, _presence, classify, describe
from verm.judge.pixel.colour import _hex, _rgb_de
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.explain import _edges_redrawn, _unexplained
from verm.judge.pixel.geometry import PxBox, _box_area, _inside, _union
from verm.judge.pixel.grade import severity
from verm.judge.pixel.ocr import _Ocr
from verm.judge.pixel.text import _text_candidate, _text_item
from verm.types import Task


def _items_from_regions(c: _Ctx, regions: list[Region], skip: list[PxBox], max_ocr: int) -> list[_Item]:
    """The diff regions as items, by the steps every task shares (tables whose grids do not align come
    here): moved blocks, colour-only changes grouped by colour, text read by OCR, then one item per
    region. Charts run the same steps with their own between them (`verm.judge.pixel.chart`)."""
    todo = _unexplained(c, regions, skip)
    items, done = _moved_block_items(c, todo, _moved_pairs(c, todo))
    colour_groups, rest = _colour_groups(todo, done)
    items.extend(_recolouring_item(c, key, members) for key, members in colour_groups)
    text, geometry = _text_items(c, rest, max_ocr)
    items.extend(text)
    items.extend(_region_item(c, r) for r in geometry)
    return items


def _moved_pairs(c: _Ctx, regions: list[Region]) -> list[tuple[int, int]]:
    """Pairs (i, j): what the reference shows at region i, the candidate shows at region j (a moved block)."""
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    rg = cv2.cvtColor(c.ref, cv2.COLOR_RGB2GRAY)
    cg = cv2.cvtColor(c.cand, cv2.COLOR_RGB2GRAY)
    for i, a in enumerate(regions):
        if i in used or a.changed_ref_only < 0.3 * max(a.area, 1) or a.ref_ink < 20:
            continue
        for j, b in enumerate(regions):
            if j == i or j in used or b.changed_cand_only < 0.3 * max(b.area, 1):
                continue
            if not (0.6 < b.width / max(a.width, 1) < 1.6 and 0.6 < b.height / max(a.height, 1) < 1.6):
                continue
            # Compare the union-size windows centred on each box: the same block, elsewhere?
            bw, bh = max(a.width, b.width) + 4, max(a.height, b.height) + 4
            ca = ((a.bbox[0] + a.bbox[2]) // 2, (a.bbox[1] + a.bbox[3]) // 2)
            cb = ((b.bbox[0] + b.bbox[2]) // 2, (b.bbox[1] + b.bbox[3]) // 2)
            wa = _window(rg, ca, bw, bh)
            wb = _window(cg, cb, bw, bh)
            if wa is None or wb is None:
                continue
            res = cv2.matchTemplate(_pad_to(wb, 6), wa, cv2.TM_CCOEFF_NORMED)
            if float(res.max()) >= 0.7:
                out.append((i, j))
                used.update((i, j))
                break
    return out


def _moved_block_items(c: _Ctx, todo: list[Region], moved: list[tuple[int, int]]) -> tuple[list[_Item], set[int]]:
    """One item per moved block (`_moved_pairs`: both places in one), and the regions they took."""
    items: list[_Item] = []
    done: set[int] = set()
    for i, j in moved:
        if j not in done:  # further pieces of one moved block (charts' `_moved_along`) add no item
            items.append(_moved_item(c, todo[i], todo[j]))
        done.update((i, j))
    return items, done


def _colour_groups(todo: list[Region], done: set[int]) -> tuple[list[tuple[Region, list[Region]]], list[Region]]:
    """Colour-only changes grouped by (old colour, new colour): a bar and its legend swatch are one edit.
    Returns the groups (their first region, the key, and the members) and the other regions not ``done``."""
    colour_groups: list[tuple[Region, list[Region]]] = []
    rest: list[Region] = []
    for k, r in enumerate(todo):
        if k in done:
            continue
        if _colour_only(r):
            for key, members in colour_groups:
                if _rgb_de(key.ref_colour, r.ref_colour) < 12 and _rgb_de(key.cand_colour, r.cand_colour) < 12:
                    members.append(r)
                    break
            else:
                colour_groups.append((r, [r]))
        else:
            rest.append(r)
    return colour_groups, rest


def _recolouring_item(c: _Ctx, key: Region, members: list[Region]) -> _Item:
    """One recolouring for a colour group: style_error 1 for shades (ΔE < 25), else 2; in a table a
    text_error (all members text) or layout_error 1."""
    box = _union([m.bbox for m in members])
    de = _rgb_de(key.ref_colour, key.cand_colour)
    cats = _CATS[c.task]
    if c.task is Task.TABLE:
        cat, sev = (cats["text"] if all(_looks_like_text(m, c.h) for m in members) else "layout_error"), 1
    else:
        cat, sev = cats["style"], (1 if de < 25 else 2)
    return _Item(
        cat, sev, box,
        f"Colour changed from {_hex(key.ref_colour)} to {_hex(key.cand_colour)} (ΔE {de:.0f}).", "colour",
        colours=(key.ref_colour, key.cand_colour), parts=[m.bbox for m in members],
    )  # fmt: skip


def _text_items(c: _Ctx, regions: list[Region], max_ocr: int) -> tuple[list[_Item], list[Region]]:
    """Text read by OCR (largest regions first, within the OCR budget); without OCR, text-like regions
    by their shape. Returns the items and the regions that are no text change (geometry)."""
    task, h, w = c.task, c.h, c.w
    cats = _CATS[task]
    items: list[_Item] = []
    geometry: list[Region] = []
    for r in sorted(regions, key=lambda r: -r.area):
        if _text_candidate(c, r) and c.ocr_calls < max_ocr and _Ocr.available():
            alike: list[Region] = []
            it = _text_item(c, r, alike)
            if it is not None:
                items.append(it)
                continue
            if task is Task.TABLE:
                continue  # OCR reads the same words: rendering noise in a cell, not an error
            if (
                task is Task.CHART
                and not _inside(r.bbox, c.frame, 2)
                and ((alike and _looks_like_text(r, h)) or _edges_redrawn(c, r))
            ):
                # A chart's label outside the plot read as the same words on both sides, or read no
                # other and only its glyph edges drawn otherwise: the same text, no change.
                continue
        elif _text_candidate(c, r) and not _Ocr.available() and _looks_like_text(r, h):
            items.append(_Item(cats["text"], severity(r, "text", h, w), r.bbox, describe(r, "text", h, w), "text"))
            continue
        geometry.append(r)
    return items, geometry


def _region_item(c: _Ctx, r: Region) -> _Item:
    """One item for a region no step took, by its pixels (`classify`, `severity`, `describe`)."""
    task, h, w = c.task, c.h, c.w
    cats = _CATS[task]
    category, kind = classify(task, r, h, w)
    if kind == "text":
        kind = _presence(r) or "geometry"
        category = cats["small_presence"] if kind != "geometry" else cats["geometry"]
    if task is Task.CHART and kind in ("geometry", "missing", "extra") and r.box_area < 0.01 * h * w:
        category = "style_error"  # legend markers, line-style swatches outside the plot
    return _Item(category, severity(r, kind, h, w), r.bbox, describe(r, kind, h, w), kind)


def _window(g: np.ndarray, centre: tuple[int, int], bw: int, bh: int) -> np.ndarray | None:
    x0, y0 = centre[0] - bw // 2, centre[1] - bh // 2
    if x0 < 0 or y0 < 0 or x0 + bw > g.shape[1] or y0 + bh > g.shape[0]:
        x0, y0 = min(max(x0, 0), max(g.shape[1] - bw, 0)), min(max(y0, 0), max(g.shape[0] - bh, 0))
    win = g[y0 : y0 + bh, x0 : x0 + bw]
    if win.size == 0 or float(win.std()) < 3:
        return None
    return np.ascontiguousarray(win)


def _pad_to(g: np.ndarray, m: int) -> np.ndarray:
    return cv2.copyMakeBorder(g, m, m, m, m, cv2.BORDER_REPLICATE)


def _moved_item(c: _Ctx, a: Region, b: Region) -> _Item:
    """What the reference shows at ``a`` the candidate shows at ``b``: one item for both places
    (charts style_error 1, tables layout_error 2; SVGs do not pair moved blocks, `svg._svg_items`)."""
    h, w = c.h, c.w
    dist = math.hypot(
        (a.bbox[0] + a.bbox[2] - b.bbox[0] - b.bbox[2]) / 2 / w,
        (a.bbox[1] + a.bbox[3] - b.bbox[1] - b.bbox[3]) / 2 / h,
    )
    cat, sev = _CATS[c.task]["moved"], (2 if c.task is Task.TABLE else 1)
    return _Item(
        cat, sev, _union([a.bbox, b.bbox]), f"A block moved by {100 * dist:.0f}% of the image.", "moved",
        parts=[a.bbox, b.bbox],
    )  # fmt: skip


def _merge_overlapping(items: list[_Item], text_categories: tuple[str, ...]) -> list[_Item]:
    """Items whose changed places overlap or touch are one change, as an annotator sees one change
    where edits overlap on the image (the bench's ground truth merges them alike): the most severe
    member names it, its severity is the highest, its box spans all. Texts are read apart: an item
    of one of ``text_categories`` merges only with other texts."""
    n = len(items)
    sets = DisjointSets(n)
    for i in range(n):
        for j in range(i + 1, n):
            if (items[i].category in text_categories) != (items[j].category in text_categories):
                continue
            if "hidden" in (items[i].kind, items[j].kind):
                continue  # hidden content counts by its extent (`hidden._hidden_items`)
            if "shared" in (items[i].kind, items[j].kind) and items[i].category == items[j].category == "style_error":
                continue  # one colour shared by many shapes and another style of theirs: two attributes
            if any(_touch(a, b) for a in items[i].pieces for b in items[j].pieces):
                sets.union(j, i)
    return [_one_change([items[k] for k in members]) for members in sets.groups()]


def _one_change(members: list[_Item]) -> _Item:
    """Items that are one change: the most severe (then the largest) names it, its severity is the
    highest, its box spans all, the others' descriptions follow its own."""
    if len(members) == 1:
        return members[0]
    lead = max(members, key=lambda it: (it.severity, _box_area(it.box)))
    others = [it.description for it in members if it is not lead]
    return replace(
        lead,
        box=_union([it.box for it in members]),
        parts=[p for it in members for p in it.pieces],
        description=f"{lead.description} On the same place: {' '.join(others)}",
    )


def _touch(a: PxBox, b: PxBox) -> bool:
    """Two boxes overlap or touch (end-exclusive boxes one pixel apart touch)."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


#: Minor region items (severity 1, no text, no named change) beyond this many are one item.
SLIVERS = 2


def _fold_slivers(items: list[_Item]) -> list[_Item]:
    """Minor unnamed region items (severity 1: slivers an edit leaves beside its own item) beyond
    `SLIVERS` are one "further small differences" item of severity 1; no change of severity >= 2,
    no text and no hidden content is folded. Beside a severe data or structure change (a series added,
    an axis turned log, subplots rearranged) they are that change's own slivers: no item (measured on
    the READ benches, 13 of 18 such items there matched no true change)."""
    minor = [
        it
        for it in items
        if it.severity == 1 and it.kind not in ("text", "hidden", "shared") and "text" not in it.category
    ]
    if len(minor) <= SLIVERS:
        return items
    rest = [it for it in items if all(it is not m for m in minor)]
    if any(it.severity == 3 and it.category in ("data_error", "structure_error") for it in rest):
        return rest
    folded = _Item(
        minor[0].category, 1, _union([it.box for it in minor]),
        f"{len(minor)} further small differences.", "merged", parts=[p for it in minor for p in it.pieces],
    )  # fmt: skip
    return [*rest, folded]
