"""SVG severities by what shows, estimated from the scene, and the last pass over an SVG's findings.

The ink of an element (the pixels it paints) is estimated from its scene: a
filled shape by its polygon's area (its box's for circles and text), a stroke
by its length times its width. Shares are of the reference icon's whole ink.

- An element missing or extra: its ink share >= 25 % -> 3, >= 5 % -> 2, else 1; two or more
  missing that hold >= 25 % together, or all a kept frame held: the largest 3; when more than half of the icon's ink is missing, items pile up to 8 of
  severity 3 (`verm.judge.scene.findings.missing_items`).
- A colour: a shade (ΔE < 25), or under 5 % of the ink -> 1, else 2.
- Geometry (a resize, a moved point, a small transform): how far the outline
  moved, a share of the canvas side: < 4 % -> 1, < 10 % -> 2, else 3; one step
  less (not below 1) when the changed pixels are under 5 % of the ink (a detail).
- A mirror: 2, or 1 when the outline moves < 2 % of the side (a near-symmetric
  shape). A stacking-order change: 2 when the overlap it changes is >= 5 % of
  the ink, else 1.
- `merge_svg`: findings on one element are one discrepancy, and findings on different elements that change
  the same pixels (`overlap.ChangedShapes`) (texts only with texts; never two missing pieces; a point moved
  >= 4 % of the side on a resized, mirrored or slightly transformed path stays apart), led by the highest
  severity, then the most changed pixels.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from verm.judge.scene.boxes import box_area, clean_box, union_box
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Finding, Findings, SceneOptions, merged_finding, same_place_groups
from verm.judge.scene.shows import ChangedPixels
from verm.svg_path import path_subpaths

if TYPE_CHECKING:
    from verm.judge.scene.svg.overlap import ChangedShapes

INK_STEPS = (0.05, 0.25)
MOVED_STEPS = (0.04, 0.10)
DETAIL_SHARE = 0.05
SYMMETRIC_MOVED = 0.02
#: A mirror that moves the outline less than this (a share of the side, under a pixel) shows nothing.
MIRROR_UNSEEN = 0.002
#: Solid colours (`PixelMoves`): at most this many colour classes, each holding at least this share of an
#: image; a colour within `BLEND_RGB` of the segment between two more frequent ones is their blend.
MAX_COLOUR_CLASSES = 16
PALETTE_SHARE = 0.001
#: How far an outline moves is read at points this far apart along it (a share of the canvas side), at most
#: `OUTLINE_POINTS` of them.
OUTLINE_STEP = 0.01
OUTLINE_POINTS = 600
#: Images larger than this (px, the longer side) are read at every second pixel.
MOVED_FULL_SIDE = 256
BLEND_RGB = 12.0
#: A point of a resized path moved this far (a share of the canvas side) is a change apart from the resize.
POINT_APART = MOVED_STEPS[0]
#: A change with fewer changed pixels than this in its box shows nothing (`drop_unseen`).
UNSEEN_PIXELS = 4


class Ink:
    """Ink estimates for one SVG scene (pixels of its rendering)."""

    def __init__(self, scene: dict[str, Any], path_vertices: Any) -> None:
        png = scene.get("png_size") or [336, 336]
        self.w, self.h = float(png[0]), float(png[1])
        vb = scene.get("viewBox")
        self.scale = 1.0
        if isinstance(vb, (list, tuple)) and len(vb) == 4 and vb[2] and vb[3]:
            self.scale = min(self.w / float(vb[2]), self.h / float(vb[3]))
        self.side = max(self.w, self.h)
        self._vertices = path_vertices
        self.total = sum(self.of(e) for e in scene.get("elements") or []) or 1.0

    def vertices(self, e: dict[str, Any]) -> list[tuple[float, float]]:
        d = e.get("d_full") or e.get("d")
        if d and not d.endswith("..."):
            return self._vertices(d)
        pts = e.get("points")
        if isinstance(pts, list):
            try:
                return [(float(x), float(y)) for x, y in pts]
            except (TypeError, ValueError):
                return []
        return []

    def of(self, e: dict[str, Any]) -> float:
        """The element's ink in pixels."""
        b = clean_box(e.get("bbox"))
        if b is None:
            return 0.0
        box_px = box_area(b) * self.w * self.h
        if e.get("tag") == "text":
            return box_px * 0.3
        filled = e.get("fill") not in (None, "none")
        width = float(e.get("stroke_width") or 0) * self.scale if e.get("stroke") not in (None, "none") else 0.0
        pts = self.vertices(e)
        perimeter = sum(math.dist(p, q) for p, q in itertools.pairwise(pts)) * self.scale if pts else 0.0
        if not perimeter:
            perimeter = 2 * ((b[2] - b[0]) * self.w + (b[3] - b[1]) * self.h)
            if e.get("tag") in ("circle", "ellipse"):
                perimeter *= math.pi / 4
        ink = perimeter * width
        if filled:
            area = 0.0
            if len(pts) >= 3:
                area = abs(sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(pts, pts[1:] + pts[:1], strict=True))) / 2
                area *= self.scale**2
            if not area:
                area = box_px * (math.pi / 4 if e.get("tag") in ("circle", "ellipse") else 0.8)
            ink += min(area, box_px)
        return min(ink, box_px) if ink else box_px * 0.05

    def share(self, e: dict[str, Any]) -> float:
        return self.of(e) / self.total


def ink_severity(share: float) -> int:
    """An element gone or added: its share of the icon's ink >= 25 % -> 3, >= 5 % -> 2, else 1."""
    return 1 if share < INK_STEPS[0] else 2 if share < INK_STEPS[1] else 3


def colour_severity(opts: SceneOptions, old: str | None, new: str | None, share: float) -> int:
    if (old in (None, "none")) != (new in (None, "none")):
        return 2 if share >= DETAIL_SHARE else 1
    return 1 if delta_e(old, new) < opts.strong_de or share < DETAIL_SHARE else 2


def moved_severity(moved: float, changed_share: float) -> int:
    """Geometry by how far the outline moved (a share of the canvas side), one step less for a detail."""
    step = 1 if moved < MOVED_STEPS[0] else 2 if moved < MOVED_STEPS[1] else 3
    return max(1, step - 1) if changed_share < DETAIL_SHARE else step


def changed_share(ink: Ink, e: dict[str, Any], moved: float) -> float:
    """The pixels a geometry change of ``e`` changes, as a share of the ink: its old and new outline where it
    moved by more than its stroke, a band of its outline otherwise."""
    own = ink.of(e)
    b = clean_box(e.get("bbox"))
    if b is None:
        return 0.0
    perimeter = 2 * ((b[2] - b[0]) * ink.w + (b[3] - b[1]) * ink.h)
    band = perimeter * moved * ink.side
    return min(2 * own, band + own * 0.5) / ink.total


def outline(ink: Ink, e: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """An element's outline as polylines in its user units, one a subpath: its path (curves and arcs followed)
    or points, else its box's corners (a circle's or ellipse's: points around it). A subpath is closed where
    the element closes it (``Z``), fills it (a fill closes every subpath) or is a closed shape; an open stroke
    stays open (a clipboard's outline with a gap at its top is not a box: mirrored, its gap moves)."""
    d = e.get("d_full") or e.get("d")
    if d and not d.endswith("..."):
        parts = [sub for sub in path_subpaths(d) if len(sub) >= 2]
    else:
        pts = ink.vertices(e)
        parts = [pts] if len(pts) >= 2 else []
    if not parts:
        b = clean_box(e.get("bbox"))
        if b is None:
            return []
        x0, y0, x1, y1 = (b[0] * ink.w / ink.scale, b[1] * ink.h / ink.scale, b[2] * ink.w / ink.scale,
                          b[3] * ink.h / ink.scale)  # fmt: skip
        if e.get("tag") in ("circle", "ellipse"):
            cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
            pts = [(cx + rx * math.cos(k * math.pi / 8), cy + ry * math.sin(k * math.pi / 8)) for k in range(16)]
        else:
            pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        parts = [pts]
    closed = e.get("fill") not in (None, "none") or e.get("tag") in ("rect", "circle", "ellipse", "polygon")
    return [[*pts, pts[0]] if closed and pts[0] != pts[-1] else pts for pts in parts]


def along(parts: list[list[tuple[float, float]]], step: float) -> np.ndarray:
    """Points along the polylines at most ``step`` apart (at most `OUTLINE_POINTS` in all): a change along a
    straight edge (a gap that moved) moves no vertex."""
    segs = [(np.asarray(pts[:-1], dtype=np.float64), np.asarray(pts[1:], dtype=np.float64)) for pts in parts]
    length = sum(float(np.hypot(*(b - a).T).sum()) for a, b in segs if len(a))
    step = max(step, length / OUTLINE_POINTS, 1e-9)
    out = [np.asarray([pts[0] for pts in parts if pts], dtype=np.float64).reshape(-1, 2)]
    for a, b in segs:
        if not len(a):
            continue
        n = np.maximum(1, np.ceil(np.hypot(*(b - a).T) / step)).astype(int)
        k = np.repeat(np.arange(len(a)), n)
        t = (np.arange(len(k)) - np.repeat(np.cumsum(n) - n, n) + 1) / np.repeat(n, n)
        out.append(a[k] + (b[k] - a[k]) * t[:, None])
    return np.concatenate(out)


def _segments(parts: list[list[tuple[float, float]]]) -> tuple[np.ndarray, np.ndarray]:
    """The polylines' segments as start and end arrays (no segment joins two subpaths)."""
    starts = [np.asarray(pts[:-1] or pts, dtype=np.float64).reshape(-1, 2) for pts in parts if pts]
    ends = [np.asarray(pts[1:] or pts, dtype=np.float64).reshape(-1, 2) for pts in parts if pts]
    return np.concatenate(starts), np.concatenate(ends)


def to_polyline(p: tuple[float, float], line: list[tuple[float, float]]) -> float:
    """The distance from a point to a polyline."""
    best = math.inf
    for a, b in itertools.pairwise(line):
        dx, dy = b[0] - a[0], b[1] - a[1]
        n2 = dx * dx + dy * dy
        t = 0.0 if n2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n2))
        best = min(best, math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy))
    return best if math.isfinite(best) else 0.0


def _to_polyline_all(points: np.ndarray, line: np.ndarray) -> np.ndarray:
    """`to_polyline` for many points at once (an outline followed along its curves has hundreds of points),
    in blocks so that points x segments stays small."""
    return _to_segments(points, line[:-1], line[1:])


def _to_segments(points: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each point's distance to the nearest of the segments ``a[k]``-``b[k]``."""
    d = b - a
    n2 = (d**2).sum(axis=1)
    safe = np.where(n2 > 0, n2, 1.0)
    out = np.empty(len(points))
    for k in range(0, len(points), 256):
        p = points[k : k + 256, None, :]
        t = np.where(n2 > 0, np.clip(((p - a) * d).sum(axis=2) / safe, 0.0, 1.0), 0.0)
        out[k : k + 256] = np.sqrt(((p - a - t[..., None] * d) ** 2).sum(axis=2)).min(axis=1)
    return out


def outline_apart(
    old: list[tuple[float, float]], new: list[tuple[float, float]], tolerance: float
) -> list[tuple[float, float]]:
    """The points of each outline farther than ``tolerance`` from the other: where the outline changed (an arc
    whose end point moved bulges far beyond its end points)."""
    if len(old) < 2 or len(new) < 2:
        return []
    a, b = np.asarray(old, dtype=np.float64), np.asarray(new, dtype=np.float64)
    return [tuple(p) for src, dst in ((a, b), (b, a)) for p in src[_to_polyline_all(src, dst) > tolerance].tolist()]


def outline_moved(ink: Ink, old: list[tuple[float, float]], new: list[tuple[float, float]]) -> float:
    """How far an outline moved, a share of the canvas side: the 98th percentile of each new point's distance
    to the old outline and the other way round (what the bench's ground truth measures on the pixels)."""
    if len(old) < 2 or len(new) < 2:
        return 0.1

    def p98(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> float:
        d = np.sort(_to_polyline_all(np.asarray(src, dtype=np.float64), np.asarray(dst, dtype=np.float64)))
        return float(d[min(len(d) - 1, int(0.98 * len(d)))])

    return max(p98(new, old), p98(old, new)) * ink.scale / ink.side


def transformed_moved(ink: Ink, e: dict[str, Any], matrix: tuple[float, ...], percentile: float = 98) -> float:
    """How far an element's outline moves under an added transform (a, b, c, d, e, f in its user units): the
    ``percentile`` (the 98th: what the truth measures) of the distance from points along each outline
    (`OUTLINE_STEP` apart) to the other's segments, both ways."""
    parts = outline(ink, e)
    if not parts:
        return 0.1
    a, b, c, d, tx, ty = matrix
    moved = [[(a * x + c * y + tx, b * x + d * y + ty) for x, y in pts] for pts in parts]
    step = OUTLINE_STEP * ink.side / ink.scale
    far = 0.0
    for src, dst in ((moved, parts), (parts, moved)):
        dist = np.sort(_to_segments(along(src, step), *_segments(dst)))
        far = max(far, float(dist[min(len(dist) - 1, int(percentile / 100 * len(dist)))]))
    return far * ink.scale / ink.side


def rotation_moved(ink: Ink, e: dict[str, Any], degrees: float) -> float:
    """How far an element's outline moves when turned by ``degrees`` about its box's centre."""
    b = clean_box(e.get("bbox"))
    if b is None:
        return 1.0
    radius = math.hypot((b[2] - b[0]) * ink.w, (b[3] - b[1]) * ink.h) / 2
    return 2 * radius * abs(math.sin(math.radians(degrees) / 2)) / ink.side


def resize_moved(ink: Ink, e: dict[str, Any], factor: float) -> float:
    """How far an element's outline moves when resized by ``factor`` about its centre."""
    b = clean_box(e.get("bbox"))
    if b is None:
        return 1.0
    return abs(factor - 1) * max((b[2] - b[0]) * ink.w, (b[3] - b[1]) * ink.h) / 2 / ink.side


class PixelMoves:
    """How far a change's pixels moved, read off the two images as the bench's ground truth measures it
    (`verm.perturb.effect`): both images snapped to their solid colours (colour classes of 16 levels a channel
    holding `PALETTE_SHARE` of the image, less the blends of two more frequent ones: anti-aliasing), then each
    changed pixel's distance to the nearest pixel of its new colour in the reference (where it came from) and,
    apart, to the nearest pixel of its old colour in the candidate (where it went), the larger 98th percentile,
    a share of the longer side. One way alone misses a shrink: ink that turns to canvas has canvas right beside
    it, so an outline shrunk to 0.4 read as a one-pixel move. A pixel whose colour the other image lacks
    (recoloured), or nearer the canvas edge than its colour (it may come from beyond), did not move."""

    def __init__(self, shows: ChangedPixels) -> None:
        self.shows = shows
        # Every second pixel of an image over `MOVED_FULL_SIDE` px: distances are shares of the side.
        self.step = 2 if max(shows.h, shows.w) > MOVED_FULL_SIDE else 1
        ref, cand = (x[:: self.step, :: self.step] for x in shows.images)
        self.changed = shows.kinds["any"][:: self.step, :: self.step]
        self.h, self.w = self.changed.shape
        codes = [_levels(x) for x in (ref, cand)]
        counts = np.bincount(codes[0].ravel(), minlength=4096) + np.bincount(codes[1].ravel(), minlength=4096)
        keep = np.argsort(-counts)[:MAX_COLOUR_CLASSES]
        keep = keep[counts[keep] >= PALETTE_SHARE * ref.shape[0] * ref.shape[1]]
        # The classes' mean colours, from every 4th pixel (a mean needs no more).
        flat = np.concatenate([c.ravel()[::4] for c in codes])
        both = np.concatenate([ref.reshape(-1, 3)[::4], cand.reshape(-1, 3)[::4]]).astype(np.float64)
        few = np.maximum(np.bincount(flat, minlength=4096)[keep], 1)[:, None]
        sums = np.stack([np.bincount(flat, weights=both[:, c], minlength=4096)[keep] for c in range(3)], axis=1)
        solid: list[np.ndarray] = []
        for colour in sums / few:  # most frequent first
            if not any(_blend(colour, p, q) for i, p in enumerate(solid) for q in solid[i + 1 :]):
                solid.append(colour)
        self.ok = len(solid) >= 2
        if not self.ok:
            return
        palette = np.array(solid)
        # Each colour class snaps to the palette colour nearest its middle (a lookup, not a search a pixel).
        mids = np.stack([((np.arange(4096) >> s) & 15) * 16 + 8 for s in (8, 4, 0)], axis=1).astype(np.float64)
        lut = np.argmin(((mids[:, None, :] - palette[None]) ** 2).sum(axis=2), axis=1)
        self.snapped = [lut.astype(np.uint8)[c] for c in codes]
        # Distance maps to each colour class, in the reference (0) and the candidate (1), made when first asked.
        self._to: tuple[dict[int, np.ndarray | None], dict[int, np.ndarray | None]] = ({}, {})

    def moved(self, box: Any, only: np.ndarray | None = None) -> float | None:
        """How far the changed pixels inside ``box`` (and ``only``, a mask of the images' size as read) moved
        (the class docstring); None when none moved."""
        import cv2

        full = self.shows._window(box) if self.ok else None
        if full is None:
            return None
        k = self.step
        win = tuple(slice(sl.start // k, -(-sl.stop // k)) for sl in full)
        sa, sb = self.snapped[0][win], self.snapped[1][win]
        moving = self.changed[win] & (sa != sb)
        if only is not None:
            moving &= only[:: self.step, :: self.step][win]
        h, w = self.h, self.w
        ys, xs = np.arange(h)[win[0], None], np.arange(w)[None, win[1]]
        edge = np.minimum(np.minimum(xs, w - 1 - xs), np.minimum(ys, h - 1 - ys)) + 1  # px to the canvas edge
        far: float | None = None
        # Where each new colour came from (its nearest pixel in the reference), then where each old colour went
        # (its nearest pixel in the candidate).
        for now, then in ((1, 0), (0, 1)):
            labels = self.snapped[now][win]
            found: list[np.ndarray] = []
            for k in np.unique(labels[moving]).tolist():
                to = self._to[then]
                if k not in to:
                    there = self.snapped[then] == k
                    to[k] = cv2.distanceTransform((~there).astype(np.uint8), cv2.DIST_L2, 5) if there.any() else None
                if to[k] is None:
                    continue  # a colour the other image lacks: recoloured, not moved
                dist = to[k][win]
                found.append(dist[moving & (labels == k) & (dist <= edge)])
            pixels = np.concatenate(found) if found else np.zeros(0)
            if len(pixels):
                far = max(far or 0.0, float(np.percentile(pixels, 98)) / max(h, w))
        return far


def _levels(rgb: np.ndarray) -> np.ndarray:
    """Colour classes: an RGB colour in 16 levels a channel, as one integer."""
    q = rgb >> 4
    return (q[..., 0].astype(np.int16) << 8) | (q[..., 1].astype(np.int16) << 4) | q[..., 2]


def _blend(c: np.ndarray, p: np.ndarray, q: np.ndarray) -> bool:
    """Whether colour ``c`` is a blend of ``p`` and ``q`` (within `BLEND_RGB` of the segment between them)."""
    d = q - p
    t = float(np.clip(np.dot(c - p, d) / max(1e-9, float(np.dot(d, d))), 0.0, 1.0))
    return float(np.linalg.norm(c - (p + t * d))) <= BLEND_RGB


def drop_unseen(out: Findings, shows: ChangedPixels) -> None:
    """A change that shows nothing is no discrepancy (the bench's truth drops such edits): a mirror of a
    symmetric shape, a swap of two shapes that do not overlap, a move hidden under another shape. Read off the
    changed pixels inside the finding's box; missing content always counts."""
    out.items[:] = [
        f for f in out.items
        if f.tags.get("missing") or f.bbox is None or shows.share(f.bbox) * shows.ink >= UNSEEN_PIXELS
    ]  # fmt: skip


def merge_svg(out: Findings, shows: ChangedPixels | None = None, changed: ChangedShapes | None = None) -> None:
    """Findings on one element are one discrepancy, as an annotator sees one change there (texts only with
    texts; missing content never with missing content: each piece costs): the dominant one's category and
    severity (the highest severity, then the most changed pixels), the others named after it. ``shows`` (the
    changed pixels, `verm.judge.scene.shows`) regrades moves by what shows. ``changed``: the pixels each finding
    changes (`overlap.ChangedShapes`): findings on different elements that change the same pixels are one too,
    as the ground truth merges them, and a move alone on its element is read off its own pixels."""
    items = out.items

    def touch(i: int, j: int) -> bool:
        a, b = items[i], items[j]
        if ("text" in a.tags) != ("text" in b.tags):
            return False
        # Changes to one element are one; changes to different elements are told apart, as an annotator lists
        # them, unless they change the same pixels (the ground truth merges those): a box holds other changes'
        # pixels too, so the shapes tell, not the boxes.
        shared = bool(a.tags.get("els", set()) & b.tags.get("els", set()))
        # A copy and its later edits are edits apart too (the truth makes the copy first): the pixels tell, where
        # they can.
        # A group's recolour is a change of the group, not of each element in it, and a change of the stacking
        # order one of the order: where it meets another change of one of those elements (a shift, a resize),
        # the pixels tell too (the truth lists a recoloured icon and one of its parts moved apart where under
        # half of the move's pixels are recoloured ones).
        if shared and not any(f.tags.get(k) for f in (a, b) for k in ("extra", "group", "stacking")):
            return True
        same = changed.overlap(i, j) if changed is not None else None
        return shared if same is None else same

    # A point moved far on a resized or mirrored element is a change of its own: its wedge lies beyond the
    # pixels the resize or mirror changes (a band along the outline; where the shape and its mirror image
    # differ), so the ground truth, which merges edits that change the same pixels, lists it apart (a point
    # moved a little changes pixels along the outline the resize moved too: one).
    # So on a slightly transformed one (a thin band along its outline moves); a large transform (a turn, a
    # shift of a tenth of the canvas, a halving) changes the whole shape's pixels, the wedge's among them.
    # Where the path reads point by point, each change is made alone on it and the pixels tell (as the truth
    # tells them); else the point's reach does.
    def point_apart(k: int) -> bool:
        f = items[k]
        if f.tags.get("edit") != "point":
            return False
        others = [
            m for m, g in enumerate(items)
            if g.tags.get("edit") in ("resize", "mirror", "slight") and f.tags.get("els", set()) & g.tags.get("els", set())
        ]  # fmt: skip
        if not others:
            return False
        told = [changed.point_apart(k, m) if changed is not None else None for m in others]
        if all(t is not None for t in told):
            return all(told)
        return f.tags.get("reach", 0.0) >= POINT_APART

    apart = {k for k in range(len(items)) if point_apart(k)}
    rest = [k for k in range(len(items)) if k not in apart]
    groups = [
        [rest[m] for m in g] for g in same_place_groups([items[k] for k in rest], lambda i, j: touch(rest[i], rest[j]))
    ]
    keep: list[Finding] = []
    moves: PixelMoves | None = None
    for members in sorted(groups + [[k] for k in apart]):
        if len(members) == 1:
            f = items[members[0]]
            if shows is not None and f.category in ("shape_error", "structure_error") and "moved" in f.tags:
                # Alone on its element: how far its pixels moved and the share of the ink it changed, read off
                # the images (the scene's outline estimate when no pixel took a colour the reference has).
                moves = moves or PixelMoves(shows)
                where = f.tags.get("wedge") or f.bbox  # a moved point: its wedge
                # The only change of its element: its own pixels, not another change's in its box (a shape
                # turned beside it). Beside another change of its element they are that change's too.
                k = members[0]
                alone = not any(
                    f.tags.get("els", set()) & items[m].tags.get("els", set()) for m in range(len(items)) if m != k
                )
                own = changed.on_image(k, (shows.h, shows.w)) if changed is not None and alone else None
                moved = moves.moved(where, own)
                if moved is None:
                    moved = f.tags["moved"]
                elif own is None:
                    moved = min(moved, f.tags["moved"])
                f.severity = moved_severity(moved, shows.share(where, only=own))
            keep.append(f)
            continue
        # The dominant change: the highest severity, then the most changed pixels (as the ground truth picks).
        merged = merged_finding(items, members, lambda k: (items[k].severity, items[k].tags.get("pixels", 0.0), -k))
        merged.tags["els"] = set().union(*(items[k].tags.get("els", set()) for k in members))
        if shows is not None:
            merged.severity = max(merged.severity, _union_severity(merged, [items[k] for k in members],
                                                                   union_share(shows, changed, items, members)))  # fmt: skip
        keep.append(merged)
    out.items[:] = keep


def union_share(shows: ChangedPixels, changed: ChangedShapes | None, items: list[Finding], members: list[int]) -> float:
    """The changed pixels of a group of findings as a share of the ink: inside their boxes, on their shapes'
    changed pixels where every one of them can be read (`overlap.ChangedShapes`)."""
    box = union_box([items[k].bbox for k in members])
    masks = [changed.on_image(k, (shows.h, shows.w)) for k in members] if changed is not None else [None]
    only = np.logical_or.reduce(masks) if all(m is not None for m in masks) else None  # type: ignore[arg-type]
    return shows.share(box, only=only)


def _union_severity(lead: Finding, members: list[Finding], share: float) -> int:
    """The dominant change's rule applied to the group's pixels, as the ground truth grades edits it merges (the
    union of their changed pixels, the largest displacement): an element copied, gone or moved graded by the
    share of the ink the group changes (a copy beside a recolour of the whole icon: the whole icon changed)."""
    if lead.tags.get("extra") or lead.tags.get("missing"):
        return ink_severity(share)
    if "moved" in lead.tags:
        return moved_severity(max(f.tags.get("moved", 0.0) for f in members), share)
    return 1
