"""Charts: one colour change shared by many separate patches is one item (a stage of `chart._chart_items`).

The changed pixels of the regions left after moved blocks are read by their colour mapping (the reference's
colour -> the candidate's, 4-bit bins, refined to within ΔE 12 of the bin's mean colours). A mapping drawn
in >= `MIN_PATCHES` separate patches (a bracket's boxes, an org chart's cells, a calendar's edges) is one
recolouring: every region it covers for the most part becomes one style_error naming the count, the part
(fills or edges) and the share of the chart's ink; the rest of those regions' changed pixels (a line dashed
through them, a word renamed inside a box) is read again as regions of its own. Not a recolouring: a
background tint (both colours the background), marks that moved (the mapping's reverse drawn too, both
colours drawn by the reference and the old one still drawn, or the shapes not kept in place), ink gained or
lost outside a closed outline kept (a fill added or removed stands inside an edge), and inside the plot a
shade or a fill added or removed (the data's change). Mappings whose regions are all colour-only changes are
left to the colour groups (`group._colour_groups`). Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import logging

import cv2
import numpy as np

from verm.judge.pixel.classify import _colour_only
from verm.judge.pixel.colour import _channels, _hex, _lab_distance, _lab_ink, _rgb_de
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import Region, _components, _region_stats
from verm.judge.pixel.geometry import PxBox, _union

log = logging.getLogger(__name__)

#: A colour change drawn in at least this many separate patches is one attribute of many artists.
MIN_PATCHES = 3
#: Colours within this ΔE of a mapping's are the mapping's (as `group._colour_groups` groups colours).
SAME_DE = 12.0
#: A region is the mapping's when the mapping (grown over its anti-aliased rim) covers this share of its change.
COVERED = 0.5
#: A fill added or removed stands inside an outline kept: this share of the ring round each patch is ink in both.
ENCLOSED = 0.6
#: A strong recolouring (ΔE from 25) over this share of the chart's ink is severity 2; a shade or less is 1.
STRONG_DE, INK_SHARE = 25.0, 0.1
#: Shapes recoloured in place: this share of the patches (the largest `MAX_CHECKED`) keep their shape (IoU).
IN_PLACE, MAX_CHECKED, SAME_SHAPE = 0.6, 40, 0.8
#: At most this many mappings are tried (largest first).
MAX_MAPPINGS = 4


def shared_recolourings(c: _Ctx, todo: list[Region], done: set[int]) -> tuple[list[_Item], set[int], list[Region]]:
    """One item per colour mapping shared by many separate patches (see the module docstring). Returns the
    items, the indices of ``todo`` they took, and the regions left of those once the mapping is taken away."""
    open_ = [k for k in range(len(todo)) if k not in done]
    if not open_:
        return [], set(), []
    h, w = c.h, c.w
    ref_lab, ref_ink = _lab_ink(c.ref)
    cand_lab, cand_ink = _lab_ink(c.cand)
    core = np.zeros((h, w), bool)
    for k in open_:
        x0, y0, x1, y1 = todo[k].bbox
        d = ref_lab[y0:y1, x0:x1] - cand_lab[y0:y1, x0:x1]
        core[y0:y1, x0:x1] |= np.einsum("ijk,ijk->ij", d, d) > 100.0  # ΔE > 10, unblurred
    ys, xs = np.nonzero(core)
    min_px = max(60, round(0.002 * h * w))
    if len(ys) < min_px:
        return [], set(), []
    rq, cq = c.ref[ys, xs] >> 4, c.cand[ys, xs] >> 4
    keys = (
        (rq[:, 0].astype(np.int32) << 20) | (rq[:, 1].astype(np.int32) << 16) | (rq[:, 2].astype(np.int32) << 12)
        | (cq[:, 0].astype(np.int32) << 8) | (cq[:, 1].astype(np.int32) << 4) | cq[:, 2].astype(np.int32)
    )  # fmt: skip
    codes, counts = np.unique(keys[::4], return_counts=True)  # (counted on every fourth pixel: fast)
    counts = counts * 4
    order = np.argsort(-counts)
    items: list[_Item] = []
    taken: set[int] = set()
    residual: list[Region] = []
    claimed = np.zeros((h, w), bool)
    tried = 0
    changed_lab: tuple[np.ndarray, np.ndarray] | None = None  # (both images' Lab at the changed pixels: once)
    for o in order:
        if counts[o] < min_px or tried >= MAX_MAPPINGS:
            break
        sel = keys == codes[o]
        py, px = ys[sel], xs[sel]
        if claimed[py, px].all():
            continue
        tried += 1
        if float(ref_ink[py, px].mean()) < 0.5 and float(cand_ink[py, px].mean()) < 0.5:
            continue  # the background's tint
        if _patch_count(py, px, h, w) < MIN_PATCHES:
            continue  # (before refining the colours over every changed pixel: one place, no shared change)
        a_lab, b_lab = ref_lab[py, px].mean(axis=0), cand_lab[py, px].mean(axis=0)
        old = tuple(int(v) for v in np.median(c.ref[py, px], axis=0))
        new = tuple(int(v) for v in np.median(c.cand[py, px], axis=0))
        # Every changed pixel of the mapping: the reference's colour near the old one, the candidate's near the new.
        if changed_lab is None:
            changed_lab = (_channels(ref_lab[ys, xs]), _channels(cand_lab[ys, xs]))
        near_a = _lab_distance(changed_lab[0], a_lab) < SAME_DE
        near_b = _lab_distance(changed_lab[1], b_lab) < SAME_DE
        mask = np.zeros((h, w), bool)
        mask[ys[near_a & near_b], xs[near_a & near_b]] = True
        mask &= ~claimed
        found = _mapping_item(c, todo, open_, taken, mask, core, old, new, ref_ink, cand_ink)
        if found is None:
            continue
        item, members, rest = found
        claimed |= mask
        items.append(item)
        taken.update(members)
        residual.extend(rest)
    return items, taken, residual


def _mapping_item(
    c: _Ctx,
    todo: list[Region],
    open_: list[int],
    taken: set[int],
    mask: np.ndarray,
    core: np.ndarray,
    old: tuple[int, int, int],
    new: tuple[int, int, int],
    ref_ink: np.ndarray,
    cand_ink: np.ndarray,
) -> tuple[_Item, list[int], list[Region]] | None:
    """The item for one colour mapping's pixels (``mask``), the regions it takes and what is left of them;
    None when the mapping is no shared recolouring (see the module docstring)."""
    h, w = c.h, c.w
    n = int(mask.sum())
    if n < max(60, round(0.002 * h * w)) or _rgb_de(old, new) < SAME_DE:
        return None
    old_bg = float(ref_ink[mask].mean()) < 0.5
    new_bg = float(cand_ink[mask].mean()) < 0.5
    if old_bg and new_bg:
        return None  # the background's tint, no patch of ink
    m8 = mask.astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(m8, connectivity=8)
    min_patch = max(8, round(2e-4 * h * w))
    patches = [i for i in range(1, count) if stats[i, cv2.CC_STAT_AREA] >= min_patch]
    if len(patches) < MIN_PATCHES:
        return None
    # (every patch within the plot frame: a drawing without axes may still show long lines read as a frame)
    in_plot = c.frame is not None and all(_within(_patch_box(stats, i), c.frame, 2) for i in patches)
    if in_plot and _rgb_de(old, new) < STRONG_DE:
        return None  # a shade inside the plot: values drawn lighter or darker, a translucent layer lost or gained
    if old_bg or new_bg:
        # A fill added or removed: inside an outline both images draw (a box's edge kept), patch by patch.
        if in_plot:
            return None  # marks gained or lost inside the plot are its data's change
        # (the outline kept: ink in both images, unchanged)
        both = ref_ink & cand_ink & ~core
        grown = cv2.dilate(m8, np.ones((3, 3), np.uint8)) > 0
        ring = (cv2.dilate(m8, np.ones((7, 7), np.uint8)) > 0) & ~grown
        enclosed = 0
        for i in patches:
            x, y, bw, bh = (int(v) for v in stats[i, :4])
            sl = (slice(max(y - 4, 0), y + bh + 4), slice(max(x - 4, 0), x + bw + 4))
            own = cv2.dilate((labels[sl] == i).astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
            r = ring[sl] & own
            if r.any() and float(both[sl][r].mean()) >= ENCLOSED:
                enclosed += 1
        if enclosed < max(MIN_PATCHES, 0.6 * len(patches)):
            return None  # ink gained or lost in the open: marks moved, added or gone
    elif _moved_marks(c, mask, old, new, core):
        return None
    if not _in_place(c, labels, stats, patches, old, new):
        return None  # shapes that moved or grew, not shapes recoloured where they stand
    # The regions the mapping covers for the most part (its pixels and their anti-aliased rim: blends).
    grown = _with_blends(c, mask, old, new)
    members: list[int] = []
    for k in open_:
        if k in taken:
            continue
        x0, y0, x1, y1 = todo[k].bbox
        ch = core[y0:y1, x0:x1]
        total = int(ch.sum())
        if total and int((ch & grown[y0:y1, x0:x1]).sum()) >= COVERED * total:
            members.append(k)
    if not members or all(_colour_only(todo[k]) for k in members):
        return None  # nothing taken, or colour-only changes the colour groups read as one already
    others = [todo[k] for k in open_ if k not in members and k not in taken]
    rest = _left_over(c, [todo[k] for k in members], others, grown)
    ink = int((ref_ink | cand_ink).sum())
    share = n / max(ink, 1)
    de = _rgb_de(old, new)
    sev = 2 if de >= STRONG_DE and share >= INK_SHARE else 1
    eroded = cv2.erode(m8, np.ones((3, 3), np.uint8))
    part = "fills" if int(eroded.sum()) >= n / 3 else "edges"
    if old_bg:
        what = f"filled in {_hex(new)} (unfilled before)"
    elif new_bg:
        what = f"left unfilled (filled in {_hex(old)} before)"
    else:
        what = f"recoloured from {_hex(old)} to {_hex(new)} (ΔE {de:.0f})"
    boxes = [todo[k].bbox for k in members]
    log.debug("pixel chart: %d patches mapped %s -> %s over %d regions", len(patches), old, new, len(members))
    item = _Item(
        "style_error", sev, _union(boxes),
        f"The {part} of {len(patches)} separate shapes are {what}, alike: one change ({100 * share:.0f}% of "
        "the chart's ink).", "shared", colours=(old, new), parts=boxes,
    )  # fmt: skip
    return item, members, rest


def _patch_count(py: np.ndarray, px: np.ndarray, h: int, w: int) -> int:
    """Separate patches (8-connected, each >= 0.02 % of the image) among the pixels ``(py, px)``."""
    y0, x0 = int(py.min()), int(px.min())
    m = np.zeros((int(py.max()) - y0 + 1, int(px.max()) - x0 + 1), np.uint8)  # (their box only: fast)
    m[py - y0, px - x0] = 1
    count, _, stats, _ = cv2.connectedComponentsWithStats(m, connectivity=8)
    return int((stats[1:count, cv2.CC_STAT_AREA] >= max(8, round(2e-4 * h * w))).sum())


def _patch_box(stats: np.ndarray, i: int) -> PxBox:
    """Component ``i``'s box (end-exclusive) from OpenCV's component stats."""
    x, y, bw, bh = (int(v) for v in stats[i, :4])
    return (x, y, x + bw, y + bh)


def _within(box: PxBox, frame: PxBox, margin: int) -> bool:
    """The whole ``box`` lies within ``frame`` grown by ``margin``."""
    return (
        box[0] >= frame[0] - margin and box[1] >= frame[1] - margin
        and box[2] <= frame[2] + margin and box[3] <= frame[3] + margin
    )  # fmt: skip


def _in_place(
    c: _Ctx,
    labels: np.ndarray,
    stats: np.ndarray,
    patches: list[int],
    old: tuple[int, int, int],
    new: tuple[int, int, int],
) -> bool:
    """Whether the patches are shapes recoloured in place: round most of them (`IN_PLACE`, the largest
    `MAX_CHECKED`), the reference's shape of the old colour and the candidate's of the new one are one shape
    (IoU >= `SAME_SHAPE`). A stacked bar's segment gone lets the one above slide into its place: the new
    colour's shape there reaches beyond the old one's."""
    ref_lab, _ = _lab_ink(c.ref)
    cand_lab, _ = _lab_ink(c.cand)
    a, b = _lab1(old), _lab1(new)
    biggest = sorted(patches, key=lambda i: -int(stats[i, cv2.CC_STAT_AREA]))[:MAX_CHECKED]
    kept = 0
    for i in biggest:
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        mx, my = bw // 3 + 3, bh // 3 + 3
        sl = (slice(max(y - my, 0), y + bh + my), slice(max(x - mx, 0), x + bw + mx))
        patch = labels[sl] == i
        shapes = []
        for lab, colour in ((ref_lab, a), (cand_lab, b)):
            near = (_lab_distance(_channels(lab[sl]), colour) < SAME_DE).astype(np.uint8)
            _, comp = cv2.connectedComponents(near, connectivity=8)
            ids = comp[patch & (near > 0)]
            shapes.append(comp == np.bincount(ids).argmax() if len(ids) else np.zeros_like(patch))
        union = int((shapes[0] | shapes[1]).sum())
        if union and int((shapes[0] & shapes[1]).sum()) >= SAME_SHAPE * union:
            kept += 1
    return kept >= max(MIN_PATCHES, IN_PLACE * len(biggest))


def _with_blends(c: _Ctx, mask: np.ndarray, old: tuple[int, int, int], new: tuple[int, int, int]) -> np.ndarray:
    """The mapping's pixels and, within 2 px of them, the pixels whose change is the same mapping blended with a
    colour both images keep (an edge's or a glyph's anti-aliased rim over the recoloured fill): the change
    ``cand - ref`` a fraction (0 to 1.1) of ``new - old`` within 24 levels. A glyph drawn otherwise inside a box
    recoloured changes otherwise: it stays a change of its own."""
    near = (cv2.dilate(mask.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0) & ~mask
    ys, xs = np.nonzero(near)
    out = mask.copy()
    if len(ys) == 0:
        return out
    step = np.asarray(new, np.float32) - np.asarray(old, np.float32)
    d = c.cand[ys, xs].astype(np.float32) - c.ref[ys, xs].astype(np.float32)
    alpha = np.clip(d @ step / max(float(step @ step), 1.0), 0.0, 1.1)
    off = np.abs(d - alpha[:, None] * step).max(axis=1)
    ok = off < 24
    out[ys[ok], xs[ok]] = True
    return out


def _moved_marks(
    c: _Ctx, mask: np.ndarray, old: tuple[int, int, int], new: tuple[int, int, int], core: np.ndarray
) -> bool:
    """A colour-to-colour mapping that is marks moved over one another: its reverse drawn too (A -> B beside
    B -> A), or the new colour drawn by the reference and the old one still drawn by the candidate as much."""
    ref_lab, _ = _lab_ink(c.ref)
    cand_lab, _ = _lab_ink(c.cand)
    ys, xs = np.nonzero(core)
    a = np.asarray(_lab1(old), np.float32)
    b = np.asarray(_lab1(new), np.float32)
    back = (_lab_distance(_channels(ref_lab[ys, xs]), b) < SAME_DE) & (
        _lab_distance(_channels(cand_lab[ys, xs]), a) < SAME_DE
    )
    if int(back.sum()) >= 0.3 * int(mask.sum()):
        return True
    step = 3  # (every third pixel each way: counts, not places)
    rl, cl = _channels(ref_lab[::step, ::step]), _channels(cand_lab[::step, ::step])
    ref_old = int((_lab_distance(rl, a) < SAME_DE).sum())
    ref_new = int((_lab_distance(rl, b) < SAME_DE).sum())
    cand_old = int((_lab_distance(cl, a) < SAME_DE).sum())
    drawn = 0.002 * rl.shape[1] * rl.shape[2]
    return ref_new >= drawn and cand_old >= 0.5 * ref_old


def _lab1(rgb: tuple[int, int, int]) -> np.ndarray:
    """One RGB colour in Lab (as `colour._lab` converts images)."""
    px = (np.asarray(rgb, np.float32) / 255.0).reshape(1, 1, 3)
    return cv2.cvtColor(px, cv2.COLOR_RGB2Lab)[0, 0]


def _left_over(c: _Ctx, members: list[Region], others: list[Region], explained: np.ndarray) -> list[Region]:
    """The changed pixels round ``members`` the mapping does not explain (``explained``), as regions of their
    own, grouped as `difference.compare` groups them. Read afresh over the members' box grown by the grouping
    radius: a change spanning a quarter of the image is split finely there, and a dashed connector's gaps
    between boxes recoloured fall under the fine pieces' size. Pixels in the other regions' boxes are theirs."""
    h, w = c.h, c.w
    radius = max(2, round(0.012 * min(h, w)))
    bx0, by0, bx1, by1 = _union([r.bbox for r in members])
    x0, y0 = max(bx0 - 2 * radius, 0), max(by0 - 2 * radius, 0)
    x1, y1 = min(bx1 + 2 * radius, w), min(by1 + 2 * radius, h)
    ref_lab, ref_ink = _lab_ink(c.ref)
    cand_lab, cand_ink = _lab_ink(c.cand)
    sl = (slice(y0, y1), slice(x0, x1))
    blur = (cv2.GaussianBlur(ref_lab[sl], (0, 0), 0.7), cv2.GaussianBlur(cand_lab[sl], (0, 0), 0.7))
    d = blur[0] - blur[1]
    changed = (np.einsum("ijk,ijk->ij", d, d) > 100.0).astype(np.uint8)  # ΔE > 10, as `compare` reads it
    changed = cv2.morphologyEx(changed, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    changed[explained[sl]] = 0
    for r in others:
        ox0, oy0, ox1, oy1 = r.bbox
        changed[max(oy0 - y0, 0) : max(oy1 - y0, 0), max(ox0 - x0, 0) : max(ox1 - x0, 0)] = 0
    if not changed.any():
        return []
    de = np.zeros((h, w), np.float32)
    de[sl] = np.sqrt(np.einsum("ijk,ijk->ij", d, d))
    left = np.zeros((h, w), np.uint8)
    left[sl] = changed
    min_area = max(1, min(12, round(0.002 * h * w)), round(2e-5 * h * w))
    return [
        _region_stats(px, py, ch, de, c.ref, c.cand, ref_lab, cand_lab, ref_ink, cand_ink, 10.0)
        for px, py, ch in _components(left, radius, min_area)
    ]
