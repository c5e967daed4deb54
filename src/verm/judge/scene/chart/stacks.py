"""Charts, stacked layers: a line drawn along a filled layer's edge is that layer's outline.

A stackplot or chained ``fill_between`` often has a line on each layer's top (an outline, or pandas' area
plot: a line per layer at the running total, its fill under it). The line is read off the layer's polygon:
every point of it is a vertex of the fill, in the reference and in the candidate. One edit to one layer
moves that layer's top and every layer drawn on it, so each outline above "changes" too; the truth is one
change. An outline's data change follows its layer: it is dropped when the layer's own finding reports the
change, or when the layer kept its thickness (top minus the edge it stands on) and only moved with the
layers under it. The layer whose thickness changed keeps one finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from verm.judge.scene.chart.series import Series
from verm.judge.scene.findings import Finding, Findings

#: How close (a share of the data's span) a line's point must lie to a fill vertex to be on the fill.
ON_EDGE = 1e-6


def _vertices(area: Series) -> np.ndarray | None:
    """The fill's vertices as an (n, 2) array in data coordinates (None when it has none to read)."""
    flat = [v for path in area.items[0].get("paths") or [] for v in path]
    if len(flat) < 6 or len(flat) % 2 or any(v is None for v in flat):
        return None
    return np.asarray(flat, dtype=float).reshape(-1, 2)


def _points(line: Series) -> np.ndarray | None:
    xs, ys = line.items[0].get("x") or [], line.items[0].get("y") or []
    if len(xs) < 3 or len(xs) != len(ys) or any(v is None for v in (*xs, *ys)):
        return None
    return np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)])


def _on_edge(points: np.ndarray, verts: np.ndarray) -> bool:
    """Every point of the line is a vertex of the fill."""
    span = np.ptp(np.vstack([points, verts]), axis=0)
    span[span <= 0] = 1.0
    tol = ON_EDGE * span
    return all(bool(np.any(np.all(np.abs(verts - p) <= tol, axis=1))) for p in points)


def _outline(line: Series, areas: Sequence[Series]) -> tuple[int, np.ndarray] | None:
    """The index of the fill the line outlines, with the line's points; None when it outlines none."""
    points = _points(line)
    if points is None:
        return None
    for k, area in enumerate(areas):
        verts = _vertices(area)
        if verts is not None and _on_edge(points, verts):
            return k, points
    return None


def _thickness(points: np.ndarray, verts: np.ndarray) -> np.ndarray:
    """At each point of an outline, its height above the fill's other edge at that x (0 where the fill has
    no other edge there: a layer of zero thickness)."""
    span = max(float(np.ptp(verts[:, 0])), 1e-12)
    out = np.zeros(len(points))
    for i, (x, y) in enumerate(points):
        ys = verts[np.abs(verts[:, 0] - x) <= ON_EDGE * span, 1]
        other = ys[np.abs(ys - y) > ON_EDGE * max(float(np.ptp(verts[:, 1])), 1e-12)]
        out[i] = y - other[np.argmin(np.abs(other - y))] if len(other) else 0.0
    return out


def follow_stacks(out: Findings, series_items: list[tuple[Series, Series, list[Finding]]],
                  areas_r: Sequence[Series], areas_c: Sequence[Series]) -> None:  # fmt: skip
    """Drop the data findings of outlines that follow their layer (module docstring)."""
    if not areas_r or not areas_c:
        return
    paired = {id(sa): sb for sa, sb, _ in series_items if sa.kind == "area"}
    own = {id(sa): items for sa, _, items in series_items if sa.kind == "area"}
    alive = {id(d) for d in out.items}
    drop: set[int] = set()
    for sa, sb, items in series_items:
        data = [d for d in items if d.category == "data_error"]
        if sa.kind != "line" or not data:
            continue
        ra, rb = _outline(sa, areas_r), _outline(sb, areas_c)
        if ra is None or rb is None:
            continue
        (ka, pa), (kb, pb) = ra, rb
        layer_r, layer_c = areas_r[ka], areas_c[kb]
        if paired.get(id(layer_r)) is not layer_c:
            continue  # on another layer in the candidate: not the same outline
        if any(d.category == "data_error" and id(d) in alive for d in own.get(id(layer_r), [])):
            drop |= {id(d) for d in data}  # the layer's own finding reports the change
            continue
        if len(pa) != len(pb) or not np.allclose(pa[:, 0], pb[:, 0], rtol=1e-6, atol=0):
            continue  # moved along x too: not a layer lifted by the layers under it
        verts_r, verts_c = _vertices(layer_r), _vertices(layer_c)
        if verts_r is None or verts_c is None:
            continue
        ta, tb = _thickness(pa, verts_r), _thickness(pb, verts_c)
        scale = max(float(np.max(np.abs(ta))), 1e-9)
        if np.all(np.abs(ta - tb) <= max(out.opts.rtol, 1e-6) * scale):
            drop |= {id(d) for d in data}  # the layer kept its thickness: it moved with the layers under it
    if drop:
        out.items[:] = [d for d in out.items if id(d) not in drop]


def outline_layers(lines: Sequence[Series], areas: Sequence[Series]) -> dict[int, int]:
    """Which lines (by index) outline which fill (by index): for tests and tools."""
    found: dict[int, int] = {}
    for i, line in enumerate(lines):
        hit: Any = _outline(line, areas)
        if hit is not None:
            found[i] = hit[0]
    return found
