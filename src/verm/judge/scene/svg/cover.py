"""What an SVG element's change can show: its shape rasterised from the scene, against the shapes drawn above it
(that hide it) and below it (that a near-white shape shows against).

The bench's truth measures each edit in the candidate (the candidate without the edit against the candidate)
and drops what changes no pixel: a shape recoloured or moved under a frame a swap brought above it, a shape
gone from under one the candidate keeps, a near-white shape moved where only the white canvas lies below it.
An element's box often holds other changes' pixels (the swap's, the frame's), so the changed pixels in its box
do not tell; its shape against the others' does.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from typing import Any

import numpy as np

from verm.judge.scene.boxes import clean_box
from verm.judge.scene.colour import delta_e
from verm.judge.scene.svg.paths import path_outline, transform_matrix

#: Shapes are rasterised at this many pixels along the image's longer side.
RASTER_SIDE = 168
#: A place of which no more than this share (or `HIDDEN_PIXELS`) is left uncovered is hidden (anti-aliased rims).
HIDDEN_SHARE = 0.01
HIDDEN_PIXELS = 2
#: A shape placed by its viewBox whose extent is within this many pixels of its box is where the box says.
PLACE_SLACK = 3.0
#: A paint within this ΔE of the white canvas shows only against shapes below it (`diff.CANVAS_DE`).
CANVAS_DE = 15.0
_MOVETO = re.compile(r"[Mm]")
Point = tuple[float, float]


def _subpaths(d: str) -> list[list[Point]]:
    """A path's outline split into its subpaths (each moveto starts one)."""
    whole = path_outline(d)
    starts = sorted({len(path_outline(d[: m.start()])) for m in _MOVETO.finditer(d)} | {0})
    bounds = [*starts, len(whole)]
    return [whole[a:b] for a, b in itertools.pairwise(bounds) if b - a >= 2]


class Shapes:
    """Rasterised element shapes of one image size (masks at `RASTER_SIDE`), cached by element identity."""

    def __init__(self, scene: dict[str, Any]) -> None:
        png = scene.get("png_size") or [336, 336]
        self.w, self.h = float(png[0]), float(png[1])
        self.k = RASTER_SIDE / max(self.w, self.h)
        self.size = (max(1, round(self.h * self.k)), max(1, round(self.w * self.k)))
        self._masks: dict[int, np.ndarray | None] = {}
        #: Each element's user units: its scene's viewBox origin and scale (the candidate's may differ).
        self._units: dict[int, tuple[float, float, float]] = {}
        self.origin, self.scale = self._viewbox(scene)

    def _viewbox(self, scene: dict[str, Any]) -> tuple[tuple[float, float], float]:
        vb = scene.get("viewBox")
        if isinstance(vb, (list, tuple)) and len(vb) == 4 and vb[2] and vb[3]:
            return (float(vb[0]), float(vb[1])), min(self.w / float(vb[2]), self.h / float(vb[3]))
        return (0.0, 0.0), 1.0

    def adopt(self, scene: dict[str, Any]) -> None:
        """Read the elements of ``scene`` in its own viewBox's units (the image size is shared)."""
        (ox, oy), scale = self._viewbox(scene)
        for e in scene.get("elements") or []:
            self._units[id(e)] = (ox, oy, scale)

    def mask(self, e: dict[str, Any]) -> np.ndarray | None:
        """The pixels ``e`` paints (fill and stroke), None when its shape cannot be read (text, cut path data)."""
        key = id(e)
        if key not in self._masks:
            self._masks[key] = self._draw(e)
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
            x0, y0, x1, y1 = box[0] * self.w, box[1] * self.h, box[2] * self.w, box[3] * self.h
            if tag == "rect":
                return [[(x0, y0), (x1, y0), (x1, y1), (x0, y1)]]
            cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
            return [[(cx + rx * math.cos(t * math.pi / 16), cy + ry * math.sin(t * math.pi / 16)) for t in range(32)]]
        else:
            return None
        if not parts:
            return None
        matrix = transform_matrix(e.get("transform") or "") if e.get("transform") else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        if matrix is None:
            return None
        a, b, c, dd, tx, ty = matrix
        ox, oy, scale = self._units.get(id(e), (*self.origin, self.scale))
        placed = [[((a * x + c * y + tx - ox) * scale, (b * x + dd * y + ty - oy) * scale) for x, y in part]
                  for part in parts]  # fmt: skip
        # Placed by the viewBox; where the box says otherwise (an ancestor's shift or scale: the box holds it),
        # the outline goes where its box is, unless the box was cut at the canvas edge (then it is not placed).
        xs = [p[0] for part in placed for p in part]
        ys = [p[1] for part in placed for p in part]
        pad = float(e.get("stroke_width") or 0) * scale / 2 if e.get("stroke") not in (None, "none") else 0.0
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
            cv2.polylines(out, polys, False, 1, thickness=max(1, round(width)))
        return out.astype(bool)

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


def hidden(shapes: Shapes, places: list[dict[str, Any]], above: Iterable[dict[str, Any]]) -> bool:
    """Whether the shapes drawn ``above`` an element cover it at all its ``places``."""
    own = shapes.places(places)
    if own is None or not own.any():
        return False
    left = int((own & ~shapes.union(above)).sum())
    return left <= max(HIDDEN_PIXELS, HIDDEN_SHARE * int(own.sum()))


def blank(shapes: Shapes, places: list[dict[str, Any]], below: Iterable[dict[str, Any]]) -> bool:
    """Whether an element painted within `CANVAS_DE` of the white canvas lies, at all its ``places``, over the
    canvas only (no shape ``below`` it there): it shows nothing wherever it goes."""
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
    return int((own & under).sum()) <= max(HIDDEN_PIXELS, HIDDEN_SHARE * int(own.sum()))
