"""SVG: align two element lists in stacking order and report elements, geometry, colours, texts (rules in docs/judges.md).

An element missing or extra is structure_error graded by the share of the image
its box covers; a stacking-order change is structure_error 1-2; geometry is
shape_error graded by the largest resize or point move (elements moved together
are one discrepancy); the element's own transform is shape_error 1 when small,
else structure_error; colours follow the colour rule (alike on several
elements: one discrepancy); text is text_symbol_error.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import math
import re
from typing import Any

from verm.judge.scene.boxes import box_area, box_iou, clean_box, intersection_area, union_box
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Findings, SceneOptions, missing_items
from verm.judge.scene.matching import greedy_pairs, kept_in_order
from verm.judge.scene.shows import ChangedPixels
from verm.judge.scene.svg.cover import drop_unshown, scene_shapes
from verm.judge.scene.svg.grade import (
    DETAIL_SHARE,
    INK_STEPS,
    MIRROR_UNSEEN,
    SYMMETRIC_MOVED,
    Ink,
    changed_share,
    colour_severity,
    drop_unseen,
    ink_severity,
    merge_svg,
    moved_severity,
    outline_apart,
)
from verm.judge.scene.svg.motion import (
    added_transform,
    at_canvas_edge,
    box_motion,
    box_moved,
    canvas_side,
    path_edits,
    resize_outline,
    small_transform,
    stroke_box,
    transform_moved,
    transform_parts,
)
from verm.judge.scene.svg.overlap import ChangedShapes
from verm.judge.scene.text import quote, text_severity
from verm.svg_path import parse_transform, path_outline, path_vertices
from verm.types import Discrepancy


def _svg_sig(e: dict[str, Any]) -> tuple[Any, ...]:
    b = clean_box(e.get("bbox"))
    return (
        e.get("tag"), e.get("id"), e.get("fill"), e.get("stroke"), e.get("stroke_width"), e.get("transform"),
        e.get("text"), _geom(e), e.get("href"), tuple(round(v, 3) for v in b) if b else None,
    )  # fmt: skip


def _frame_left_alone(ref: list[dict[str, Any]], lost: list[int]) -> bool:
    """Whether every element of the reference but one is gone and that one is a frame around all of them (its
    box holds theirs): the icon reduced to its container, as the "one shape" hack's square draws a frame. What
    the frame held is the icon's content; gone, its largest part is severe, whatever its ink."""
    kept = [i for i in range(len(ref)) if i not in set(lost)]
    if len(kept) != 1:
        return False
    frame = clean_box(ref[kept[0]].get("bbox"))
    boxes = [clean_box(ref[i].get("bbox")) for i in lost]
    if frame is None or any(b is None for b in boxes):
        return False
    pad = 0.01
    return all(
        frame[0] - pad <= b[0] and frame[1] - pad <= b[1] and b[2] <= frame[2] + pad and b[3] <= frame[3] + pad
        for b in boxes
        if b is not None
    )


def _geom(e: dict[str, Any]) -> str | None:
    """An element's geometry as path data: its whole ``d`` (``d_full`` when the scene cut ``d``), or its
    ``points`` (polygon, polyline, line) written as a path; None for other shapes."""
    d = e.get("d_full") or e.get("d")
    pts = e.get("points")
    if d is None and isinstance(pts, list) and pts:
        try:
            return "M " + " L ".join(f"{float(x):g} {float(y):g}" for x, y in pts)
        except (TypeError, ValueError):
            return None
    return d


#: A paired element whose box keeps less than this IoU with its place shows none of itself there (the pile-up).
FAR_IOU = 0.1
#: A paired element whose box's width over height changed by this factor (its geometry attributes, not a transform,
#: edited) is drawn in other proportions: another shape (`SvgDiff.redrawn`).
REDRAWN_ASPECT = 1.15
#: A paired element whose geometry reads as no edit and whose painted pixels keep less than this IoU with its
#: own is another shape in its place (`SvgDiff.another_shape`): gone, for the pile-up. A disc redrawn as its
#: square keeps 0.785.
REDRAWN_IOU = 0.7
#: A paint within this ΔE of the white canvas is no ink (`shows.INK_DIFF`): its recolouring shows as ink gained or lost.
CANVAS_DE = 15.0
#: More extra elements than this are one discrepancy (a pattern drawn over the icon), not one each.
MANY_EXTRA = 8
#: A lone moved point's outline is the same where it lies within this share of the canvas of the old one.
OUTLINE_SAME = 0.005

_COPY_SHIFT_RE = re.compile(r"\s*(translate\(\s*([-+\d.eE]+)(?:[\s,]+([-+\d.eE]+))?\s*\))\s*(.*)$")


def _is_shifted_copy(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``b``'s transform is a lone translate written before ``a``'s own transform (how a shifted copy is made)."""
    m = _COPY_SHIFT_RE.match(b.get("transform") or "")
    if not m or "scale" in transform_parts(b.get("transform"))[0]:
        return False
    return m.group(4).strip() == (a.get("transform") or "").strip()


def _intersection(a: Any, b: Any) -> tuple[float, float, float, float] | None:
    """The common part of two boxes, None when they do not overlap."""
    a, b = clean_box(a), clean_box(b)
    if a is None or b is None:
        return None
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


def _svg_name(e: dict[str, Any], k: int) -> str:
    ident = f" #{e['id']}" if e.get("id") else ""
    text = f" {quote(e['text'], 30)}" if e.get("text") else ""
    return f"<{e.get('tag')}>{ident}{text} (element {k + 1})"


def _twin_kept(sigs: list[tuple[Any, ...]], i: int, lost: list[int]) -> bool:
    """Whether reference element ``i`` has an identical twin right below or above it that is not lost."""
    return any(0 <= k < len(sigs) and k not in lost and sigs[k] == sigs[i] for k in (i - 1, i + 1))


@functools.lru_cache(maxsize=4096)
def _points_count(d: str) -> int:
    """How many end points a path has (a resize or a moved point keeps it)."""
    return len(path_vertices(d)) if not d.endswith("...") else -1


def _same_block(blocks: list[tuple[list[int], list[int]]], i: int, j: int) -> bool:
    return any(i in rs and j in cs for rs, cs in blocks)


class SvgDiff:
    def __init__(self, opts: SceneOptions) -> None:
        self.opts = opts
        #: Reference elements whose shape the candidate replaced (gone, for the pile-up).
        self.replaced: list[dict[str, Any]] = []
        #: Reference elements redrawn in other proportions (another shape, for the pile-up beside one gone).
        self.redrawn: list[dict[str, Any]] = []

    def run(self, ref: dict[str, Any], cand: dict[str, Any], shows: ChangedPixels | None = None) -> list[Discrepancy]:
        out = Findings(self.opts)
        self.scene = ref
        self.ink = Ink(ref, path_vertices)
        self.ink_c = Ink(cand, path_vertices)
        self.shows = shows
        ra, ca = list(ref.get("elements") or []), list(cand.get("elements") or [])
        sr, sc = [_svg_sig(e) for e in ra], [_svg_sig(e) for e in ca]
        sm = difflib.SequenceMatcher(None, sr, sc, autojunk=False)
        blocks: list[tuple[list[int], list[int]]] = []
        same: list[tuple[int, int]] = []  # unchanged elements, in place or moved in the stacking order
        for op, i0, i1, j0, j1 in sm.get_opcodes():
            if op != "equal":
                blocks.append((list(range(i0, i1)), list(range(j0, j1))))
            else:
                same.extend(zip(range(i0, i1), range(j0, j1), strict=True))
        taken_r: set[int] = set()
        taken_c: set[int] = set()
        free_c = [j for b in blocks for j in b[1]]
        for rs, _ in blocks:
            for i in rs:
                for j in free_c:
                    if j not in taken_c and sr[i] == sc[j] and not _same_block(blocks, i, j):
                        taken_r.add(i)
                        taken_c.add(j)
                        same.append((i, j))
                        break
        changed: list[tuple[int, int]] = []
        lost: list[int] = []
        added: list[int] = []
        for rs, cs in blocks:
            rs = [i for i in rs if i not in taken_r]
            cs = [j for j in cs if j not in taken_c]
            pairs, lr, lc = greedy_pairs([ra[i] for i in rs], [ca[j] for j in cs], self.pair_score, minimum=1.0)
            changed.extend((rs[a], cs[b]) for a, b in pairs)
            lost.extend(rs[a] for a in lr)
            added.extend(cs[b] for b in lc)
        # A missing element and an extra one of the same tag elsewhere: a changed element that also moved (an
        # extra element that is a shifted copy of a missing one is that element, shifted: its original is gone).
        if lost and added:
            pairs, lr, lc = greedy_pairs([ra[i] for i in lost], [ca[j] for j in added], self.moved_pair_score,
                                         minimum=1.0)  # fmt: skip
            changed.extend((lost[a], added[b]) for a, b in pairs)
            lost, added = [lost[a] for a in lr], [added[b] for b in lc]
        self.stacking(ra, ca, sorted(same + changed), out)
        # An element drawn twice in a row (the same shape, paint and place) shows once: one copy gone hides
        # nothing (the ground truth finds no visible change and drops it).
        lost = [i for i in lost if not _twin_kept(sr, i, lost)]
        seen = {i: self.seen(ra[i].get("bbox"), self.ink.share(ra[i])) for i in lost}
        # Elements gone together cost what they hide together: a quarter of the icon gone in small parts is a
        # severe loss, its largest part severe (the "one shape" hack keeps an icon's frame, drops its bars).
        heavy = max(seen, key=seen.__getitem__) if len(lost) >= 2 and sum(seen.values()) >= INK_STEPS[1] else None
        if heavy is None and lost and _frame_left_alone(ra[: len(self.scene.get("elements") or [])], lost):
            heavy = max(seen, key=seen.__getitem__)  # all a frame held is gone: the icon's content
        for i in lost:
            out.add("structure_error", 3 if i == heavy else ink_severity(seen[i]), _svg_name(ra[i], i),
                    f"{_svg_name(ra[i], i)} is missing", ra[i].get("bbox"), missing=True, els={("r", i)},
                    pixels=self.ink.share(ra[i]))  # fmt: skip
        # A paired element drawn far from its place (a tenth of its box left in common) and shrunk or pushed off
        # the canvas (under half of its box left) shows none of it; one moved whole still shows, elsewhere, and
        # one shrunk within its own box (scaled about its centre) still shows in its place: a resize.
        far = [
            i for i, j in changed
            if box_iou(ra[i].get("bbox"), ca[j].get("bbox")) < FAR_IOU
            and box_area(ca[j].get("bbox")) < 0.5 * box_area(ra[i].get("bbox"))
            and not _within(ca[j].get("bbox"), ra[i].get("bbox"))
        ]  # fmt: skip
        gone = [ra[i] for i in lost + far]
        ra = list(ra)  # may grow by the originals of edited copies (below)
        if len(added) > MANY_EXTRA:
            # Many extra elements (a pattern drawn over the icon) are one change: graded by the ink they add.
            share = self.seen(
                union_box([ca[j].get("bbox") for j in added]), sum(self.added_ink(ca[j], None) for j in added)
            )
            out.add("structure_error", ink_severity(share), "elements", f"{len(added)} elements should not be there "
                    f"({', '.join(_svg_name(ca[j], j) for j in added[:3])}, …)", union_box([ca[j].get("bbox") for j in added]),
                    els={("c", j) for j in added}, pixels=share)  # fmt: skip
            added = []
        for j in added:
            dup = next((k for k, s in enumerate(sr) if s[:9] == sc[j][:9]), None)
            box = ca[j].get("bbox")
            if dup is not None:
                desc = f"{_svg_name(ca[j], j)} duplicates {_svg_name(ra[dup], dup)}"
            else:
                desc = f"{_svg_name(ca[j], j)} should not be there"
                shifted = self.copy_of(ra[: len(sr)], ca[j], j)
                if shifted is not None:
                    # A shifted copy that was edited afterwards: the copy is one discrepancy and each of its
                    # edits (against the shifted original) another.
                    k, original = shifted
                    desc = f"{_svg_name(ca[j], j)} is a shifted copy of {_svg_name(ra[k], k)}, then changed"
                    box = ra[k].get("bbox") or box
                    ra.append(original)
                    changed.append((len(ra) - 1, j))
            share = self.seen(ca[j].get("bbox"), self.added_ink(ca[j], ra[dup] if dup is not None else None), "shape")
            out.add("structure_error", ink_severity(share), _svg_name(ca[j], j), desc, ca[j].get("bbox"),
                    els={("c", j)}, pixels=share, extra=True)  # fmt: skip
        self.replaced, self.redrawn = [], []
        shapes = scene_shapes(ref, cand, shows)
        self.shapes = shapes
        self.changes(ra, ca, sorted(changed), out)
        # Beside an element gone, an element redrawn in other proportions is another shape: what it drew is gone.
        self.pile_up(gone + self.replaced + (self.redrawn if gone else []), out)
        drop_unshown(out, ref, cand, same + changed, lost, shows, shapes)
        if shows is not None:
            drop_unseen(out, shows)
        touching = ChangedShapes(
            out.items, shapes, list(ref.get("elements") or []), ra, ca, same + changed, canvas_side(self.scene)
        )
        merge_svg(out, shows, touching)
        return out.discrepancies()

    def another_shape(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        """``b`` paints under `REDRAWN_IOU` of the pixels it and ``a`` paint together (both shapes readable)."""
        ma, mb = self.shapes.mask(a), self.shapes.mask(b)
        if ma is None or mb is None or not ma.any():
            return False
        return float((ma & mb).sum()) / float((ma | mb).sum()) < REDRAWN_IOU

    def added_ink(self, e: dict[str, Any], original: dict[str, Any] | None) -> float:
        """The ink an extra element adds (a share of the icon's): a copy shifted less than its stroke (or, filled,
        than its size) mostly covers its original."""
        own = self.ink_c.of(e) / self.ink.total
        m = _COPY_SHIFT_RE.match(e.get("transform") or "")
        if original is None and m is None:
            return own
        shift = 0.0
        if m:
            shift = math.hypot(float(m.group(2)), float(m.group(3) or 0)) * self.ink.scale
        else:
            ba, bb = clean_box(original.get("bbox") if original else None), clean_box(e.get("bbox"))
            if ba and bb:
                shift = max(abs(ba[k] - bb[k]) for k in range(4)) * self.ink.side
        b = clean_box(e.get("bbox"))
        if b is None:
            return own
        if e.get("fill") not in (None, "none"):
            thick = min(b[2] - b[0], b[3] - b[1]) * self.ink.side
        else:
            thick = float(e.get("stroke_width") or 1.0) * self.ink.scale
        return own * min(1.0, shift / max(thick, 1e-9))

    def shape_scale(
        self, members: list[tuple[dict[str, Any], dict[str, Any]]], sx: float, sy: float
    ) -> tuple[float, float]:
        """How a group of elements moved together was scaled across and down, their strokes taken off their boxes
        (``sx``, ``sy``: the boxes' scales, kept where a box cannot be read)."""
        a, b = clean_box(members[0][0].get("bbox")), clean_box(members[0][1].get("bbox"))
        if a is None or b is None:
            return sx, sy
        (wa, ha), (wb, hb) = stroke_box(members[0][0], self.ink), stroke_box(members[0][1], self.ink_c)
        across, down = (a[2] - a[0]) - wa, (a[3] - a[1]) - ha
        if across <= 0 or down <= 0:
            return sx, sy
        return max(0.0, (b[2] - b[0]) - wb) / across, max(0.0, (b[3] - b[1]) - hb) / down

    def geometry(self, box: Any, moved: float, share: float) -> int:
        """A geometry change's severity (`grade.moved_severity`) from the scene's estimates of how far its outline
        moved and the share of the ink it changed (`grade.merge_svg` reads them off the images when the change
        is alone where it shows)."""
        return moved_severity(moved, share)

    def seen(self, box: Any, estimate: float, kind: str = "any") -> float:
        """The share of the ink a change touches: the changed pixels of its ``kind`` (a ``shape`` gone, added or
        moved; a ``recolour``) inside ``box`` when the images are at hand (what shows), else ``estimate`` (from
        the scene)."""
        return self.shows.share(box, kind) if self.shows is not None else estimate

    def pile_up(self, lost: list[dict[str, Any]], out: Findings) -> None:
        """Missing content costs what it hides: past half of the icon, the missing items pile up."""
        # The share gone: of the elements and of the ink, whichever is smaller (one big shape dropped from two is
        # one error, however much ink it held).
        n = len(self.scene.get("elements") or []) or 1
        share = min(sum(self.ink.of(e) for e in lost) / self.ink.total, len(lost) / n)
        extra = missing_items(share) - len(lost)  # each element gone (or far from its place) has its own item
        if share <= 0.5 or extra <= 0:
            return
        b = union_box([e.get("bbox") for e in lost])
        for part in range(extra):
            strip = (
                (b[0] + (b[2] - b[0]) * part / extra, b[1], b[0] + (b[2] - b[0]) * (part + 1) / extra, b[3])
                if b
                else None
            )
            out.add("structure_error", 3, "icon", f"part {part + 1} of {extra} of the icon is empty: {share:.0%} of "
                    f"its ink ({len(lost)} of its elements) is missing", strip, missing=True, pile=True)  # fmt: skip

    def copy_of(self, ra: list[dict[str, Any]], e: dict[str, Any], j: int) -> tuple[int, dict[str, Any]] | None:
        """The reference element an extra element is a shifted copy of (its transform is ``translate(..)``
        followed by the original's own transform), and that original moved by the translate."""
        m = _COPY_SHIFT_RE.match(e.get("transform") or "")
        if not m or "scale" in transform_parts(e.get("transform"))[0]:  # a resize or mirror about a centre
            return None
        rest = m.group(4).strip()
        best: tuple[float, int] | None = None
        for k, a in enumerate(ra):
            own = (a.get("transform") or "").strip()
            if a.get("tag") != e.get("tag") or not rest.startswith(own):
                continue
            score = 1.5 * (_geom(a) is not None and _geom(a) == _geom(e)) + 1.0 * (own == rest)
            score += 0.5 * (delta_e(a.get("fill"), e.get("fill")) <= self.opts.colour_de)
            score += 0.5 * (delta_e(a.get("stroke"), e.get("stroke")) <= self.opts.colour_de)
            score += 1.0 / (1 + abs(k - j))
            if best is None or score > best[0]:
                best = (score, k)
        if best is None:
            return None
        k = best[1]
        original = dict(ra[k])
        original["transform"] = f"{m.group(1)} {ra[k].get('transform') or ''}".strip()
        b = clean_box(ra[k].get("bbox"))
        vb, png = self.scene.get("viewBox"), self.scene.get("png_size")
        if b and isinstance(vb, (list, tuple)) and len(vb) == 4 and isinstance(png, (list, tuple)) and len(png) == 2:
            try:
                scale = min(png[0] / vb[2], png[1] / vb[3])
                dx = float(m.group(2)) * scale / png[0]
                dy = float(m.group(3) or 0) * scale / png[1]
                original["bbox"] = [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy]
            except (TypeError, ValueError, ZeroDivisionError):
                pass
        return k, original

    def wedge(self, e: dict[str, Any], d: str | None, points: list[tuple[float, float]]) -> list[float] | None:
        """The box (fractions of the image) of a moved point's wedge, ``points`` in the user units of the
        candidate element ``e`` (path data ``d``), placed on the image as the element's outline is on its box
        (its own transform applied; an ancestor's shift or scale read off the box), grown by half its stroke
        and clipped to the canvas; None when it cannot be placed."""
        box = clean_box(e.get("bbox"))
        matrix = parse_transform(e.get("transform") or "")
        outline_pts = path_outline(d) if d else []
        if box is None or matrix is None or len(outline_pts) < 2 or not points:
            return None
        a, b, c, dd, tx, ty = matrix

        def user(p: tuple[float, float]) -> tuple[float, float]:
            return a * p[0] + c * p[1] + tx, b * p[0] + dd * p[1] + ty

        placed = [user(p) for p in outline_pts]
        xs, ys = [p[0] for p in placed], [p[1] for p in placed]
        # User units to image fractions: the outline's extent onto the box, else the viewBox's scale.
        fx = self.ink.scale / self.ink.w
        fy = self.ink.scale / self.ink.h
        sx = (box[2] - box[0]) / (max(xs) - min(xs)) if max(xs) - min(xs) > 1e-6 else fx
        sy = (box[3] - box[1]) / (max(ys) - min(ys)) if max(ys) - min(ys) > 1e-6 else fy
        if not (0.5 < sx / fx < 2 and 0.5 < sy / fy < 2):  # the box is not the outline's (a stroke, a clip)
            sx, sy = fx, fy
        ox, oy = (
            (box[0] + box[2]) / 2 - sx * (max(xs) + min(xs)) / 2,
            (box[1] + box[3]) / 2 - sy * (max(ys) + min(ys)) / 2,
        )
        wedge = [user(p) for p in points]
        pad = float(e.get("stroke_width") or 0) / 2 if e.get("stroke") not in (None, "none") else 0.0
        x0 = sx * (min(p[0] for p in wedge) - pad) + ox
        x1 = sx * (max(p[0] for p in wedge) + pad) + ox
        y0 = sy * (min(p[1] for p in wedge) - pad) + oy
        y1 = sy * (max(p[1] for p in wedge) + pad) + oy
        clipped = [max(0.0, x0), max(0.0, y0), min(1.0, x1), min(1.0, y1)]
        return clipped if clipped[2] > clipped[0] and clipped[3] > clipped[1] else None

    def pair_score(self, i: int, a: dict[str, Any], j: int, b: dict[str, Any]) -> float | None:
        if a.get("tag") != b.get("tag"):
            return None
        s = 0.0
        if a.get("id") or b.get("id"):
            s += 3.0 if a.get("id") == b.get("id") else -2.0
        ga, gb = _geom(a), _geom(b)
        s += 1.5 * (ga is not None and ga == gb)
        # A path resized, or with a point moved, keeps its points' count: another path of the icon rarely has it.
        s += 1.0 * (ga is not None and gb is not None and ga != gb and _points_count(ga) == _points_count(gb) > 2)
        s += 1.0 * (a.get("text") is not None and a.get("text") == b.get("text"))
        s += 2.0 * box_iou(a.get("bbox"), b.get("bbox"))
        s += 0.5 * (delta_e(a.get("fill"), b.get("fill")) <= self.opts.colour_de)
        s += 0.5 * (delta_e(a.get("stroke"), b.get("stroke")) <= self.opts.colour_de)
        # A shifted copy differs from its original by a prepended translate: the element that keeps the
        # transform is the original, even when its own geometry was edited.
        s += 1.5 * (a.get("transform") == b.get("transform"))
        if a.get("transform") != b.get("transform") and (b.get("transform") or "").startswith(a.get("transform") or ""):
            s += 1.0  # a transform appended to its own (a mirror, a turn, a resize): the same element, edited
        if _is_shifted_copy(a, b):  # the copy's transform is a translate before the original's own
            s -= 1.0
        return s + 0.25 / (1 + abs(i - j))

    def moved_pair_score(self, i: int, a: dict[str, Any], j: int, b: dict[str, Any]) -> float | None:
        """`pair_score` for a missing and an extra element: a shifted copy of the missing one is that one, moved."""
        s = self.pair_score(i, a, j, b)
        return s + 2.0 if s is not None and _is_shifted_copy(a, b) else s

    def stacking(
        self, ra: list[dict[str, Any]], ca: list[dict[str, Any]], pairs: list[tuple[int, int]], out: Findings
    ) -> None:
        """Stacking-order changes among the paired elements: those that left the largest order-keeping subset
        moved; two that crossed each other were swapped (one discrepancy), any other moved alone."""
        kept = set(kept_in_order(pairs))
        moves = sorted((p for p in pairs if p not in kept), key=lambda m: m[1])
        done: set[tuple[int, int]] = set()
        for a, b in itertools.combinations(moves, 2):
            if a in done or b in done or (a[0] - b[0]) * (a[1] - b[1]) >= 0:
                continue
            done.update((a, b))
            self.swapped(ra, ca, a, b, out)
        for i, j in moves:
            if (i, j) not in done:
                self.moved(ra, ca, i, j, out)

    def swapped(
        self, ra: list[dict[str, Any]], ca: list[dict[str, Any]], a: tuple[int, int], b: tuple[int, int],
        out: Findings,
    ) -> None:  # fmt: skip
        """Two elements drawn in each other's order: what changes is where they overlap (the upper one's ink),
        and where each overlaps the elements drawn between them, which the lower one now covers and the upper
        one no longer does (a stripe sent below the body it lay on is gone though it touched no other swapped
        shape)."""
        (ia, ja), (ib, jb) = sorted((a, b))
        if _svg_sig(ra[ia]) == _svg_sig(ra[ib]):
            return  # two identical elements (a shape drawn twice) trade places: nothing shows
        ea, eb = ca[ja], ca[jb]
        couples = [((ea, ra[ia]), (eb, ra[ib]))]
        couples += [((e, e_ref), (p, p)) for e, e_ref in ((ea, ra[ia]), (eb, ra[ib])) for p in ra[ia + 1 : ib]]
        parts: list[tuple[float, float, float, float]] = []
        estimate = 0.0
        for (x, x_ref), (y, y_ref) in couples:
            common = _intersection(x.get("bbox"), y.get("bbox"))
            if common is None:
                continue
            parts.append(common)
            estimate += min(
                intersection_area(common, e.get("bbox")) / max(box_area(e.get("bbox")), 1e-9) * self.ink.of(e)
                for e in (x_ref, y_ref)
            )  # fmt: skip
        region = union_box(parts) if parts else None
        sev = 2 if region and self.seen(region, estimate / self.ink.total) >= DETAIL_SHARE else 1
        na, nb = _svg_name(ra[ia], ia), _svg_name(ra[ib], ib)
        out.add("structure_error", sev, f"{na} and {nb}", f"{na} and {nb} are drawn in the wrong order",
                region or union_box([ea.get("bbox"), eb.get("bbox")]), swap=(ia, ib))  # fmt: skip

    def moved(self, ra: list[dict[str, Any]], ca: list[dict[str, Any]], i: int, j: int, out: Findings) -> None:
        e = ca[j]
        # Which elements did it move past? Those between its two positions (in reference order).
        lo, hi = sorted((i, j))
        passed = ra[lo : hi + 1]
        if all(_svg_sig(p) == _svg_sig(ra[i]) for p in passed):
            return  # it moved past its identical twins only (a shape drawn twice): the order shows nothing
        # The pixels that change: where it overlaps the elements it moved past, the upper one's ink there.
        overlap = sum(
            intersection_area(e.get("bbox"), p.get("bbox")) / max(box_area(p.get("bbox")), 1e-9) * self.ink.of(p)
            for p in passed if p is not ra[i]
        )  # fmt: skip
        share = self.seen(e.get("bbox"), overlap / self.ink.total)
        sev = 2 if share >= DETAIL_SHARE else 1
        direction = "above" if j > i else "below"
        out.add("structure_error", sev, _svg_name(e, j),
                f"{_svg_name(e, j)} is drawn at stacking position {j + 1}, should be {i + 1} (now {direction} "
                "elements it should not be)", e.get("bbox"), els={("c", j)}, stacking=True, reorder=(i, j),
                pixels=share)  # fmt: skip

    def changes(
        self, ra: list[dict[str, Any]], ca: list[dict[str, Any]], pairs: list[tuple[int, int]], out: Findings
    ) -> None:
        moves: dict[tuple[float, ...], list[tuple[int, int, float]]] = {}
        # Colour changes grouped by (attribute, old, new): a group's fill changes all its children alike.
        paints: dict[tuple[str, Any, Any], list[int]] = {}
        ink = self.ink
        for i, j in pairs:
            a, b = ra[i], ca[j]
            name = _svg_name(b, j)
            els = {("r", i), ("c", j)} if i < len(self.scene.get("elements") or []) else {("c", j)}
            for attr in ("fill", "stroke"):
                if delta_e(a.get(attr), b.get(attr)) > self.opts.colour_de:
                    paints.setdefault((attr, a.get(attr), b.get(attr)), []).append((i, j))
            wa, wb = float(a.get("stroke_width") or 0), float(b.get("stroke_width") or 0)
            if b.get("stroke") not in (None, "none") and wa > 0 and wb > 0 and max(wa, wb) / min(wa, wb) >= 1.5:
                out.add("style_error", 1, name, f"the stroke width of {name} is {wb:g}, should be {wa:g}", b.get("bbox"),
                        els=els)  # fmt: skip
            if (a.get("text") or "") != (b.get("text") or ""):
                ta, tb = a.get("text") or "", b.get("text") or ""
                out.add("text_symbol_error", text_severity(ta, tb), name,
                        f"the text reads {quote(tb)}, should be {quote(ta)}", b.get("bbox"), text=True)  # fmt: skip
            ba, bb = clean_box(a.get("bbox")), clean_box(b.get("bbox"))
            ga, gb = _geom(a), _geom(b)
            own_same = ga == gb and a.get("transform") == b.get("transform")
            moved_box = ba is not None and bb is not None and max(abs(ba[k] - bb[k]) for k in range(4)) > 0.004
            if own_same and not moved_box and (ba is None) == (bb is None):
                continue
            iou = box_iou(ba, bb) if ba and bb else None
            moved = box_moved(ba, bb, ga, gb, canvas_side(self.scene))
            sev = self.geometry(union_box([ba, bb]), moved, changed_share(ink, a, moved))
            if own_same and ba and bb and a.get("tag") != "text":
                # Moved by an ancestor's transform (or its own geometry attributes): group equal moves.
                key = box_motion(ba, bb)
                moves.setdefault(key, []).append((i, j, iou or 0.0))
                continue
            box = union_box([bb, ba]) if bb else ba
            if a.get("transform") != b.get("transform"):
                extra = added_transform(a.get("transform"), b.get("transform"))
                if extra is None and ga == gb:
                    # Its transform replaced (not one appended): graded by the ink it changes.
                    share = self.seen(box, ink.share(a))
                    self.replaced.append(a)  # its shape is not shown: gone, for the pile-up
                    out.add("structure_error", ink_severity(share), name, f"{name} has transform "
                            f"{b.get('transform')!r}, should be {a.get('transform')!r}", box, els=els,
                            pixels=share)  # fmt: skip
                    continue
                # Each appended transform is an edit of its own (a mirror, a rotation, a resize, a shift).
                for part in transform_parts(extra):
                    mirror = re.search(r"scale\(\s*(-1\s*[ ,]\s*1|1\s*[ ,]\s*-1)\s*\)", part)
                    if mirror:
                        # How far the outline moves under the mirror as written (about its own centre), curves
                        # followed: an arch whose end points are symmetric still turns the other way.
                        flip = transform_moved(ink, a, part)
                        # A symmetric shape: its mirror image is itself. Nowhere a pixel off, not at 98 % of
                        # its outline: a near-symmetric key head whose curves differ at one end shows there.
                        if flip < MIRROR_UNSEEN and transform_moved(ink, a, part, 100) < MIRROR_UNSEEN:
                            continue
                        sev = 1 if flip < SYMMETRIC_MOVED else 2
                        out.add("text_symbol_error", sev, name, f"{name} is mirrored ({part!r})", box, els=els,
                                pixels=changed_share(ink, a, flip), edit="mirror", part=part)  # fmt: skip
                        continue
                    # A small transform is a shape change, a large one structure; either graded by how far
                    # the outline moved.
                    moved = transform_moved(ink, a, part)
                    if moved < MIRROR_UNSEEN:
                        continue  # the outline maps onto itself (a circle turned about its centre): nothing shows
                    sev = self.geometry(union_box([ba, bb]), moved, changed_share(ink, a, moved))
                    if small_transform(ba, bb, part, canvas_side(self.scene)):
                        out.add("shape_error", sev, name, f"{name} is slightly transformed ({part!r})", box, els=els,
                                moved=moved, edit="slight", part=part)  # fmt: skip
                    else:
                        out.add("structure_error", sev, name, f"{name} is transformed ({part!r})", box, els=els,
                                moved=moved)  # fmt: skip
                if ga == gb:
                    continue
            parts = path_edits(ga, gb, canvas_side(self.scene))
            if parts is not None:
                for kind, value, desc, reach, points in parts:
                    moved = resize_outline(ink, a, ga, gb) if kind == "resize" else value
                    sev = self.geometry(box, moved, changed_share(ink, a, moved))
                    # A moved point shows in its wedge (between its neighbours, old and new): its pixels are read
                    # there (`grade.merge_svg`), apart from what other edits of the element changed (a mirror, a
                    # resize), and a wedge pulled past the canvas edge shows only its part inside. The item keeps
                    # the element's box: the truth boxes an edit where it showed when made, before a mirror.
                    if kind == "point" and len(parts) == 1 and ga and gb:
                        # The point alone changed the path: its wedge is wherever the outline changed (an arc
                        # ending there bulges far past its end points).
                        canvas = canvas_side(self.scene) or 1.0
                        points = [*points, *outline_apart(path_outline(ga), path_outline(gb), OUTLINE_SAME * canvas)]
                    wedge = (self.wedge(b, gb, points) if kind == "point" else None) or box
                    out.add("shape_error", sev, name, f"{name}: {desc}", box, els=els, moved=moved,
                            pixels=changed_share(ink, a, moved), edit=kind, reach=reach, wedge=wedge)  # fmt: skip
                continue
            detail = "its shape or position differs" + (f" (box overlap {iou:.0%})" if iou is not None else "")
            if a.get("tag") != "text" and self.another_shape(a, b):
                # Its geometry read as no edit (no resize, no moved point) and its pixels mostly elsewhere: another
                # shape in its place (the icon redrawn as its bounding box), what it drew is gone, for the pile-up.
                self.replaced.append(a)
            if a.get("tag") == "text" and own_same:
                detail = "its position or size differs" + (f" (box overlap {iou:.0%})" if iou is not None else "")
            out.add("shape_error", sev, name, f"the geometry of {name} differs: {detail}", box, els=els, moved=moved)
        for (attr, old, new), ijs in paints.items():
            js = [j for _, j in ijs]
            boxes = [ca[j].get("bbox") for j in js]
            # The recoloured ink: a fill's area or a stroke's line (an element painting both: its ink).
            share = sum(ink.of(ra[i]) for i, _ in ijs) / ink.total
            # A colour the white canvas also has (a white fill) is no ink: its pixels are ink on one side only.
            blank = any(c not in (None, "none") and delta_e(c, "#ffffff") < CANVAS_DE for c in (old, new))
            sev = colour_severity(
                self.opts, old, new, self.seen(union_box(boxes), share, "any" if blank else "recolour")
            )
            els = {("c", j) for j in js}
            if len(js) == 1:
                name = _svg_name(ca[js[0]], js[0])
                out.add("style_error", sev, name, f"the {attr} of {name} is {new or 'none'}, should be {old or 'none'}",
                        boxes[0], els=els, pixels=share, paint=(attr, old, new))  # fmt: skip
            else:
                names = ", ".join(str(j + 1) for j in js[:6]) + ("…" if len(js) > 6 else "")
                out.add("style_error", sev, f"elements {names}", f"the {attr} of {len(js)} elements ({names}, likely "
                        f"one group's) is {new or 'none'}, should be {old or 'none'}", union_box(boxes), els=els,
                        pixels=share, paint=(attr, old, new), group=True)  # fmt: skip
        for key, members in moves.items():
            sev = max(
                self.geometry(union_box([ra[i].get("bbox"), ca[j].get("bbox")]), m, changed_share(ink, ra[i], m))
                for i, j, _ in members
                for m in [box_moved(clean_box(ra[i].get("bbox")), clean_box(ca[j].get("bbox")), None, None, None)]
            )
            boxes = [ca[j].get("bbox") for _, j, _ in members]
            dx, dy, sx, sy = key
            how = []
            if abs(dx) > 0.004 or abs(dy) > 0.004:
                how.append(f"moved by ({dx:+.0%}, {dy:+.0%}) of the image")
            if abs(sx - 1) > 0.02 or abs(sy - 1) > 0.02:
                how.append(f"scaled by {sx:.2f} x {sy:.2f}")
            what = " and ".join(how) or "changed"
            if len(members) == 1:
                i, j, _ = members[0]
                desc = f"{_svg_name(ca[j], j)} is {what}"
                loc = _svg_name(ca[j], j)
            else:
                desc = f"{len(members)} elements are {what} together (a transform of their group)"
                loc = f"elements {', '.join(str(j + 1) for _, j, _ in members[:6])}" + ("…" if len(members) > 6 else "")
            out.add("shape_error", sev, loc, desc, union_box(boxes), els={("c", j) for _, j, _ in members})
            # A box cut at the canvas edge shows only part of its proportions: resized as a whole, not redrawn.
            cut = any(at_canvas_edge(ca[j].get("bbox")) for _, j, _ in members)
            # Proportions of the shapes, not of their boxes: a box holds the stroke, which a resize keeps (a
            # stroked rect scaled by 0.4 has a box scaled 0.6 x 0.5).
            sx, sy = self.shape_scale([(ra[i], ca[j]) for i, j, _ in members], sx, sy)
            if min(sx, sy) > 0 and max(sx / sy, sy / sx) >= REDRAWN_ASPECT and not cut:
                self.redrawn.extend(ra[i] for i, _, _ in members)


def _within(inner: Any, outer: Any) -> bool:
    """Box ``inner`` lies inside box ``outer`` (both readable)."""
    a, b = clean_box(inner), clean_box(outer)
    return a is not None and b is not None and b[0] <= a[0] and b[1] <= a[1] and a[2] <= b[2] and a[3] <= b[3]
