"""What an SVG element's change can show: its shape rasterised from the scene, against the shapes drawn above it
(that hide it) and below it (that a near-white shape shows against).

The bench's truth measures each edit in the candidate (the candidate without the edit against the candidate)
and drops what changes no pixel: a shape recoloured or moved under a frame a swap brought above it, a shape
gone from under one the candidate keeps, a near-white shape moved where only the white canvas lies below it.
An element's box often holds other changes' pixels (the swap's, the frame's), so the changed pixels in its box
do not tell; its shape against the others' does.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from typing import Any

import numpy as np

from verm.judge.scene.boxes import clean_box
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Finding, Findings
from verm.judge.scene.shows import ChangedPixels
from verm.svg_path import parse_transform, path_subpaths

#: Shapes are rasterised at this many pixels along the image's longer side.
RASTER_SIDE = 168
#: A place of which no more than this share (or `HIDDEN_PIXELS`) is left uncovered is hidden (anti-aliased rims).
HIDDEN_SHARE = 0.01
HIDDEN_PIXELS = 2
#: A change drawn alone that differs in fewer pixels than this at the shapes' size is not decided by them.
RESOLVED_PIXELS = 16
#: The image shows a paint over a shape's pixels when this share of them is within `SHOWN_RGB` of it (a channel).
SHOWN_SHARE = 0.8
SHOWN_RGB = 48
#: A shape placed by its viewBox whose extent is within this many pixels of its box is where the box says.
PLACE_SLACK = 3.0
#: A paint within this ΔE of the white canvas shows only against shapes below it: the bench's truth sees a
#: change where ΔE > 10 (`verm.judge.pixel.diff_regions`, the truth's "visible").
CANVAS_DE = 10.0
Point = tuple[float, float]


@functools.lru_cache(maxsize=4096)
def _subpaths(d: str) -> tuple[tuple[Point, ...], ...]:
    """A path's outline cut into its subpaths, those of two points or more."""
    return tuple(tuple(sub) for sub in path_subpaths(d) if len(sub) >= 2)


def box_cover(shapes: Shapes, elements: Iterable[dict[str, Any]]) -> np.ndarray:
    """The pixels the boxes of ``elements`` cover (a cheap bound on what their shapes cover)."""
    out = np.zeros(shapes.size, dtype=bool)
    h, w = shapes.size
    for e in elements:
        b = clean_box(e.get("bbox"))
        if b is not None:
            out[int(b[1] * h) : math.ceil(b[3] * h), int(b[0] * w) : math.ceil(b[2] * w)] = True
    return out


class Shapes:
    """Rasterised element shapes of one image size (masks at `RASTER_SIDE`), cached by element identity."""

    def __init__(self, scene: dict[str, Any]) -> None:
        png = scene.get("png_size") or [336, 336]
        self.w, self.h = float(png[0]), float(png[1])
        self.k = RASTER_SIDE / max(self.w, self.h)
        self.size = (max(1, round(self.h * self.k)), max(1, round(self.w * self.k)))
        self._masks: dict[int, np.ndarray | None] = {}
        self._layers: dict[int, np.ndarray | None] = {}
        #: The candidate image, when at hand (`see`): what a shape's pixels do show.
        self._raw: np.ndarray | None = None
        self._image: np.ndarray | None = None
        #: Each element's user units: its scene's viewBox origin and scale (the candidate's may differ).
        self._units: dict[int, tuple[float, float, float]] = {}
        self._variants: dict[tuple[int, tuple[tuple[str, Any], ...]], dict[str, Any]] = {}
        self.origin, self.scale = self._viewbox(scene)

    def _viewbox(self, scene: dict[str, Any]) -> tuple[tuple[float, float], float]:
        vb = scene.get("viewBox")
        if isinstance(vb, (list, tuple)) and len(vb) == 4 and vb[2] and vb[3]:
            return (float(vb[0]), float(vb[1])), min(self.w / float(vb[2]), self.h / float(vb[3]))
        return (0.0, 0.0), 1.0

    def see(self, image: np.ndarray | None) -> None:
        """Check what the shapes say against the candidate image (an RGB array of any size; resized when read)."""
        self._raw = image if image is not None and image.ndim == 3 and image.shape[2] == 3 else None

    @property
    def image(self) -> np.ndarray | None:
        """The candidate image at the shapes' size (None without one)."""
        import cv2

        if self._image is None and self._raw is not None:
            h, w = self.size
            self._image = cv2.resize(self._raw, (w, h), interpolation=cv2.INTER_AREA).astype(np.int16)
        return self._image

    def adopt(self, scene: dict[str, Any]) -> None:
        """Read the elements of ``scene`` in its own viewBox's units (the image size is shared)."""
        (ox, oy), scale = self._viewbox(scene)
        for e in scene.get("elements") or []:
            self._units[id(e)] = (ox, oy, scale)

    def variant(self, e: dict[str, Any], **attrs: Any) -> dict[str, Any]:
        """``e`` with other ``attrs`` (a paint), read in ``e``'s units; kept alive with the shapes (they cache by
        identity)."""
        key = (id(e), tuple(sorted(attrs.items())))
        if key not in self._variants:
            copy = {**e, **attrs}
            if id(e) in self._units:
                self._units[id(copy)] = self._units[id(e)]
            self._variants[key] = copy
        return self._variants[key]

    def mask(self, e: dict[str, Any]) -> np.ndarray | None:
        """The pixels ``e`` paints (fill and stroke), None when its shape cannot be read (text, cut path data)."""
        key = id(e)
        if key not in self._masks:
            lay = self.layers(e)
            self._masks[key] = None if lay is None else lay > 0
        return self._masks[key]

    def _contours(self, e: dict[str, Any]) -> list[list[Point]] | None:
        box = clean_box(e.get("bbox"))
        if box is None:
            return None
        tag = e.get("tag")
        d = e.get("d_full") or e.get("d")
        pts = e.get("points")
        if tag == "path" and d and not d.endswith("..."):
            parts = _subpaths(d)
        elif isinstance(pts, list) and len(pts) >= 2:
            try:
                parts = [[(float(x), float(y)) for x, y in pts]]
            except (TypeError, ValueError):
                return None
        elif tag in ("rect", "circle", "ellipse"):  # from the box, in image pixels (its transform is in it)
            # The box holds the stroke: its outline runs half a stroke inside.
            half = self._half_stroke(e)
            x0, y0, x1, y1 = box[0] * self.w, box[1] * self.h, box[2] * self.w, box[3] * self.h
            if x1 - x0 > 2 * half and y1 - y0 > 2 * half:
                x0, y0, x1, y1 = x0 + half, y0 + half, x1 - half, y1 - half
            if tag == "rect":
                return [[(x0, y0), (x1, y0), (x1, y1), (x0, y1)]]
            cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
            return [[(cx + rx * math.cos(t * math.pi / 16), cy + ry * math.sin(t * math.pi / 16)) for t in range(32)]]
        else:
            return None
        if not parts:
            return None
        matrix = parse_transform(e.get("transform") or "")
        if matrix is None:
            return None
        a, b, c, dd, tx, ty = matrix
        ox, oy, scale = self._units.get(id(e), (*self.origin, self.scale))
        placed = [[((a * x + c * y + tx - ox) * scale, (b * x + dd * y + ty - oy) * scale) for x, y in part]
                  for part in parts]  # fmt: skip
        if e.get("placed_as_written"):  # a variant drawn as its own transform says (`overlap.ChangedShapes`)
            return placed
        # Placed by the viewBox; where the box says otherwise (an ancestor's shift or scale: the box holds it),
        # the outline goes where its box is, unless the box was cut at the canvas edge (then it is not placed).
        xs = [p[0] for part in placed for p in part]
        ys = [p[1] for part in placed for p in part]
        pad = self._half_stroke(e)
        seen = (
            max(0.0, min(xs) - pad),
            max(0.0, min(ys) - pad),
            min(self.w, max(xs) + pad),
            min(self.h, max(ys) + pad),
        )
        want = (box[0] * self.w, box[1] * self.h, box[2] * self.w, box[3] * self.h)
        if max(abs(u - v) for u, v in zip(seen, want, strict=True)) <= PLACE_SLACK + pad:
            return placed
        if min(box) <= 0.0 or max(box) >= 1.0:
            return None
        bw, bh = want[2] - want[0], want[3] - want[1]
        ow, oh = max(xs) - min(xs), max(ys) - min(ys)
        sx = bw / ow if ow > 1e-6 and not 0.67 < bw / ow < 1.5 else 1.0
        sy = bh / oh if oh > 1e-6 and not 0.67 < bh / oh < 1.5 else 1.0
        mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        cx, cy = (want[0] + want[2]) / 2, (want[1] + want[3]) / 2
        return [[(cx + (x - mx) * sx, cy + (y - my) * sy) for x, y in part] for part in placed]

    def _half_stroke(self, e: dict[str, Any]) -> float:
        """Half the element's stroke width in image pixels (0 without a stroke)."""
        if e.get("stroke") in (None, "none"):
            return 0.0
        return float(e.get("stroke_width") or 0) * self._units.get(id(e), (0.0, 0.0, self.scale))[2] / 2

    def layers(self, e: dict[str, Any]) -> np.ndarray | None:
        """Where ``e`` paints its fill (1) and its stroke (2, drawn over the fill); None when unreadable."""
        key = id(e)
        if key not in self._layers:
            self._layers[key] = self._draw(e)
        return self._layers[key]

    def _draw(self, e: dict[str, Any]) -> np.ndarray | None:
        import cv2

        contours = self._contours(e)
        if contours is None:
            return None
        out = np.zeros(self.size, dtype=np.uint8)
        polys = [np.round(np.asarray(p, dtype=np.float64) * self.k).astype(np.int32) for p in contours]
        if e.get("fill") not in (None, "none"):
            cv2.fillPoly(out, polys, 1)  # even-odd: a subpath inside another is a hole, as icons draw them
        width = float(e.get("stroke_width") or 0) * self._units.get(id(e), (0.0, 0.0, self.scale))[2] * self.k
        if e.get("stroke") not in (None, "none") and width > 0:
            cv2.polylines(out, polys, False, 2, thickness=max(1, round(width)))
        return out

    def paint(self, elements: Iterable[dict[str, Any]], palette: list[str]) -> np.ndarray | None:
        """The drawing in flat paints, in order (each pixel: an index into ``palette``, which grows; 0 the white
        canvas); None when a shape cannot be read."""
        out = np.zeros(self.size, dtype=np.int16)
        for e in elements:
            lay = self.layers(e)
            if lay is None:
                return None
            for value, attr in ((1, "fill"), (2, "stroke")):
                where = lay == value
                if where.any():
                    colour = str(e.get(attr))
                    if colour not in palette:
                        palette.append(colour)
                    out[where] = palette.index(colour)
        return out

    def union(self, elements: Iterable[dict[str, Any]]) -> np.ndarray:
        out = np.zeros(self.size, dtype=bool)
        for e in elements:
            m = self.mask(e)
            if m is not None:
                out |= m
        return out

    def places(self, places: list[dict[str, Any]]) -> np.ndarray | None:
        """The pixels of an element at each of its ``places`` (its states: the reference's, the candidate's)."""
        masks = [self.mask(p) for p in places]
        if not masks or any(m is None for m in masks):
            return None
        return np.logical_or.reduce(masks)  # type: ignore[arg-type]


def _hex_rgb(colour: Any) -> tuple[int, int, int] | None:
    m = re.fullmatch(r"#([0-9a-fA-F]{6})", str(colour or ""))
    return None if m is None else tuple(int(m.group(1)[k : k + 2], 16) for k in (0, 2, 4))  # type: ignore[return-value]


def _shows(shapes: Shapes, where: np.ndarray | None, paint: np.ndarray, painted: np.ndarray) -> bool:
    """Whether the candidate image shows ``paint`` (an RGB raster, where ``painted``) over ``where``: at least
    `SHOWN_SHARE` of those pixels within `SHOWN_RGB` of it (always, without the image)."""
    if shapes.image is None or where is None:
        return True
    px = where & painted
    if not px.any():
        return False
    close = np.abs(shapes.image[px] - paint[px]).max(axis=1) <= SHOWN_RGB
    return float(close.mean()) >= SHOWN_SHARE


def hidden(shapes: Shapes, places: list[dict[str, Any]], above: Iterable[dict[str, Any]]) -> bool:
    """Whether the shapes drawn ``above`` an element cover it at all its ``places`` (the first is where it is
    drawn now: the candidate image must show the covering shapes' paint there)."""
    above = list(above)
    # The boxes first: a place its coverers' boxes leave open is not hidden (rasterising shapes costs more).
    boxes = box_cover(shapes, above)
    if any((box_cover(shapes, [p]) & ~boxes).sum() > HIDDEN_PIXELS for p in places):
        return False
    own = shapes.places(places)
    if own is None or not own.any():
        return False
    paint = np.zeros((*shapes.size, 3), dtype=np.int16)
    cover = np.zeros(shapes.size, dtype=bool)
    for e in above:  # in drawing order: the last shape drawn over a pixel is the one seen there
        if not (box_cover(shapes, [e]) & own).any():
            continue
        m = shapes.mask(e)
        if m is None:
            continue
        cover |= m
        rgb = _hex_rgb(e.get("fill") if e.get("fill") not in (None, "none") else e.get("stroke"))
        if rgb is not None:
            paint[m] = rgb
    left = int((own & ~cover).sum())
    if left > max(HIDDEN_PIXELS, HIDDEN_SHARE * int(own.sum())):
        return False
    return _shows(shapes, shapes.mask(places[0]), paint, cover)


def blank(
    shapes: Shapes, places: list[dict[str, Any]], below: Iterable[dict[str, Any]], above: Iterable[dict[str, Any]]
) -> bool:
    """Whether an element painted within `CANVAS_DE` of the white canvas lies, at all its ``places``, over the
    canvas only (no shape ``below`` it there): it shows nothing wherever it goes (the candidate image must show
    near-white where it is drawn now and no shape ``above`` it covers it)."""
    for p in places:
        paints = [p.get("fill"), p.get("stroke") if float(p.get("stroke_width") or 0) > 0 else None]
        if any(c not in (None, "none") and delta_e(c, "#ffffff") >= CANVAS_DE for c in paints):
            return False
    own = shapes.places(places)
    if own is None or not own.any():
        return False
    under = np.zeros(shapes.size, dtype=bool)
    for e in below:
        m = shapes.mask(e)
        if m is None:  # a shape that cannot be read: its box, to be safe
            b = clean_box(e.get("bbox"))
            if b is None:
                continue
            m = np.zeros(shapes.size, dtype=bool)
            h, w = shapes.size
            m[int(b[1] * h) : math.ceil(b[3] * h), int(b[0] * w) : math.ceil(b[2] * w)] = True
        under |= m
    if int((own & under).sum()) > max(HIDDEN_PIXELS, HIDDEN_SHARE * int(own.sum())):
        return False
    white = np.full((*shapes.size, 3), 255, dtype=np.int16)
    return _shows(shapes, shapes.mask(places[0]), white, ~shapes.union(above))


def differ(shapes: Shapes, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> np.ndarray | None:
    """The pixels that differ visibly (paints over ΔE `CANVAS_DE` apart) between two drawings painted flat; None
    when a shape cannot be read."""
    palette = ["#ffffff"]
    return _differ(shapes, before, after, palette)


def _differ(
    shapes: Shapes, before: list[dict[str, Any]], after: list[dict[str, Any]], palette: list[str]
) -> np.ndarray | None:
    la, lb = shapes.paint(before, palette), shapes.paint(after, palette)
    if la is None or lb is None:
        return None
    changed = la != lb
    if not changed.any():
        return changed
    k = len(palette)
    pairs = la[changed].astype(np.int32) * k + lb[changed]
    visible = [c for c in np.unique(pairs).tolist() if delta_e(palette[c // k], palette[c % k]) > CANVAS_DE]
    changed[changed] = np.isin(pairs, visible)
    return changed


def _seen(shapes: Shapes, before: list[dict[str, Any]], after: list[dict[str, Any]], palette: list[str]) -> int | None:
    """How many pixels differ visibly (paints over ΔE `CANVAS_DE` apart) between two drawings painted flat."""
    mask = _differ(shapes, before, after, palette)
    return None if mask is None else int(mask.sum())


def looks_alike(
    shapes: Shapes, before: list[dict[str, Any]], after: list[dict[str, Any]], old: dict[str, Any] | None,
    now: dict[str, Any] | None,
) -> bool:  # fmt: skip
    """Whether the drawing ``before`` a change of one element (``old`` -> ``now``, None where it is not drawn) and
    ``after`` it look alike, painted flat: a shape moved over one of its own colour, or under another. Only a
    change that, drawn alone, differs in at least `RESOLVED_PIXELS` at the shapes' size is decided (a smaller
    one is below what the raster resolves); where it is drawn now, the candidate image must agree."""
    palette = ["#ffffff"]
    alone = _seen(shapes, [old] if old else [], [now] if now else [], palette)
    if alone is None or alone < RESOLVED_PIXELS:
        return False
    # Only shapes whose boxes meet the element's can change how its pixels look.
    near = box_cover(shapes, [e for e in (old, now) if e])
    before, after = (
        [e for e in x if e in (old, now) or (box_cover(shapes, [e]) & near).any()] for x in (before, after)
    )
    seen = _seen(shapes, before, after, palette)
    if seen is None or seen > HIDDEN_PIXELS:
        return False
    drawn = shapes.paint(after, palette)
    colours = np.array([_hex_rgb(c) or (0, 0, 0) for c in palette], dtype=np.int16)
    return drawn is not None and _shows(shapes, shapes.mask(now or old), colours[drawn], np.ones(shapes.size, bool))


def scene_shapes(ref: dict[str, Any], cand: dict[str, Any], shows: ChangedPixels | None = None) -> Shapes:
    """The shapes of both scenes (of one image size), checked against the candidate image when at hand."""
    shapes = Shapes(ref)
    shapes.adopt(cand)
    if shows is not None:
        shapes.see(shows.images[1])
    return shapes


def drop_unshown(
    out: Findings, ref: dict[str, Any], cand: dict[str, Any], pairs: list[tuple[int, int]], lost: list[int],
    shows: ChangedPixels | None = None, shapes: Shapes | None = None,
) -> None:  # fmt: skip
    """Drop the findings whose change shows nothing (the module docstring): an edited or extra element covered,
    at its new place and its old one, by the shapes drawn above it in the candidate, or painted near-white over
    the canvas only; an element gone, at its place in the reference, covered by the candidate's shapes paired
    with those drawn above it there. ``pairs``: (reference, candidate) indices of the paired elements; stacking
    changes are what hid it: they stay. With ``shows``, the candidate image must agree. ``shapes``: the scene's
    shapes (`scene_shapes`), when already at hand."""
    ra, ca = list(ref.get("elements") or []), list(cand.get("elements") or [])
    partner = {j: i for i, j in pairs if i < len(ra)}
    shapes = shapes or scene_shapes(ref, cand, shows)

    def unseen(f: Finding) -> bool:
        els = f.tags.get("els") or set()
        if not els or f.tags.get("stacking") or f.tags.get("pile"):
            return False
        if f.tags.get("missing"):
            return all(side == "r" and (
                hidden(shapes, [ra[i]], [ca[j] for m, j in sorted(pairs, key=lambda p: p[1]) if i < m < len(ra)])
                or blank(shapes, [ra[i]], [ra[m] for m in range(i) if m not in lost],
                         [ca[j] for m, j in pairs if i < m < len(ra)])
            ) for side, i in els)  # fmt: skip
        cands = [j for side, j in els if side == "c"]
        for j in cands:
            places = [ca[j]] + ([ra[partner[j]]] if j in partner else [])
            if hidden(shapes, places, ca[j + 1 :]) or blank(shapes, places, ca[:j], ca[j + 1 :]):
                continue
            before = [*ca[:j], ra[partner[j]], *ca[j + 1 :]] if j in partner else [*ca[:j], *ca[j + 1 :]]
            if not looks_alike(shapes, before, ca, ra[partner[j]] if j in partner else None, ca[j]):
                return False
        return bool(cands)

    out.items[:] = [f for f in out.items if not unseen(f)]
