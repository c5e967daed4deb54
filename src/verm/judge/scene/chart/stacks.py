"""Charts, stacked layers: a line drawn along a filled layer's edge is that layer's outline.

A stackplot or chained ``fill_between`` often has a line on each layer's top (an outline, or pandas' area
plot: a line per layer at the running total, its fill under it). The line is read off the layer's polygon:
every point of it is a vertex of the fill, in the reference and in the candidate. One edit to one layer
moves that layer's top and every layer drawn on it, so each outline above "changes" too; the truth is one
change. An outline's data change follows its layer: it is dropped when the layer's own finding reports the
change, or when the layer kept its thickness (top minus the edge it stands on) and only moved with the
layers under it. The layer whose thickness changed keeps one finding.

The layers themselves follow the same way (`layers_follow`): a layer of a stack (an edge of its polygon is
an edge of another fill's) that kept its thickness everywhere only moved with what it stands on, when a
layer of that stack changed its thickness or was dropped or added (a stack's middle layer gone lowers every
layer on it; a streamgraph's baseline, worked out from every layer, lifts all of them). Only the layers
whose own thickness changed report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from verm.judge.scene.chart.series import Series, match_series
from verm.judge.scene.findings import Finding, Findings

#: How close (a share of the data's span) a line's point must lie to a fill vertex to be on the fill.
ON_EDGE = 1e-6
#: A layer kept its thickness when no point of it changed by more than this share of its thickest point.
THICKNESS_RTOL = 1e-3


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


def _edges(path: Sequence[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """A ``fill_between`` polygon's x and its two edges' y, one entry per x (steps included): matplotlib lays
    out 2 n + 3 vertices, a start, one edge forward, its end twice, the other edge backward, the start again.
    None when the path is not laid out so (a radar's polygon, a hand-made patch)."""
    if len(path) % 2 or any(v is None for v in path):
        return None
    verts = np.asarray(path, dtype=float).reshape(-1, 2)
    n = (len(verts) - 3) // 2
    if n < 2 or len(verts) != 2 * n + 3:
        return None
    one, other = verts[1 : n + 1], verts[n + 2 : 2 * n + 2][::-1]
    span = max(float(np.ptp(verts[:, 0])), 1e-12)
    if not np.allclose(one[:, 0], other[:, 0], rtol=0, atol=ON_EDGE * span):
        return None
    return one[:, 0], one[:, 1], other[:, 1]


def _layer(area: Series) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]] | None:
    """Every path of a fill read as (x, edge, edge); None when one is not a ``fill_between`` polygon."""
    paths = area.items[0].get("paths") or []
    if area.kind != "area" or not paths or area.items[0].get("paths_more"):
        return None
    out = [_edges(p) for p in paths]
    return None if any(e is None for e in out) else out  # type: ignore[return-value]


def _same(a: np.ndarray, b: np.ndarray, scale: float) -> bool:
    return a.shape == b.shape and bool(np.all(np.abs(a - b) <= ON_EDGE * scale))


def _touching(areas: Sequence[Series]) -> list[tuple[int, int]]:
    """The pairs of fills (indices) one of whose edges is an edge of the other (neighbour layers of a stack);
    a shared edge all at zero (fills each drawn from the axis) does not stack them."""
    read = [_layer(a) for a in areas]
    edges = [(k, x, y) for k, lay in enumerate(read) if lay for x, *ys in lay for y in ys]
    if not edges:
        return []
    scale = max(max(float(np.ptp(y)), float(np.max(np.abs(y)))) for _, _, y in edges) or 1.0
    found: set[tuple[int, int]] = set()
    for i, (k, x, y) in enumerate(edges):
        for m, u, v in edges[i + 1 :]:
            if m != k and _same(x, u, scale) and _same(y, v, scale) and float(np.ptp(y)) + abs(float(y[0])) > 0:
                found.add((min(k, m), max(k, m)))
    return sorted(found)


def _stacked(areas: Sequence[Series]) -> set[int]:
    """The indices of the fills one of whose edges is an edge of another fill (layers of a stack)."""
    return {k for pair in _touching(areas) for k in pair}


def whole_stacks(areas: Sequence[Series], lost: Sequence[int]) -> list[list[int]]:
    """The stacks (indices of their layers, two or more) of which every layer is lost: one stack not drawn (a
    ``stackplot`` call gone) is one series missing, as the ground truth's ``series_drop`` of that call."""
    group = list(range(len(areas)))

    def root(k: int) -> int:
        while group[k] != k:
            k = group[k]
        return k

    for k, m in _touching(areas):
        group[root(m)] = root(k)
    stacks: dict[int, list[int]] = {}
    for k in range(len(areas)):
        stacks.setdefault(root(k), []).append(k)
    return [ks for ks in stacks.values() if len(ks) >= 2 and set(ks) <= set(lost)]


def _thicknesses(area: Series) -> list[tuple[np.ndarray, np.ndarray]] | None:
    lay = _layer(area)
    return None if lay is None else [(x, b - a) for x, a, b in lay]


def kept_thickness(r: Series, c: Series) -> bool | None:
    """Whether a fill kept its x and its thickness everywhere (None when either cannot be read so)."""
    ta, tb = _thicknesses(r), _thicknesses(c)
    if ta is None or tb is None or len(ta) != len(tb):
        return None
    for (xa, a), (xb, b) in zip(ta, tb, strict=True):
        if xa.shape != xb.shape or not np.allclose(xa, xb, rtol=1e-6, atol=0):
            return False
        if not np.all(np.abs(a - b) <= THICKNESS_RTOL * max(float(np.max(np.abs(a))), 1e-12)):
            return False
    return True


def layers_follow(areas_r: Sequence[Series], areas_c: Sequence[Series], pairs: Sequence[tuple[int, int]],
                  lost: Sequence[int], added: Sequence[int]) -> set[int]:  # fmt: skip
    """The reference layers (indices) that only moved with the stack under them (module docstring)."""
    stacked_r, stacked_c = _stacked(areas_r), _stacked(areas_c)
    if not stacked_r and not stacked_c:
        return set()
    kept = {i: kept_thickness(areas_r[i], areas_c[j]) for i, j in pairs if i in stacked_r}
    changed = any(v is False for v in kept.values())
    if not (changed or any(i in stacked_r for i in lost) or any(j in stacked_c for j in added)):
        return set()
    return {i for i, v in kept.items() if v}


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


def outline_pairs(lines_r: Sequence[Series], lines_c: Sequence[Series], areas_r: Sequence[Series],
                  areas_c: Sequence[Series], area_pairs: Sequence[tuple[int, int]], areas_lost: Sequence[int],
                  areas_added: Sequence[int]) -> tuple[list[tuple[int, int]], list[int], list[int]]:  # fmt: skip
    """Pair lines as `series.match_series` does, except the outlines of layers (pandas' area plot draws a line at
    each running total): an outline pairs with the outline of its layer's partner, and an outline of a layer
    lost (added) goes with that layer, neither lost nor added on its own (a column dropped recolours and
    lowers every outline above it: paired by colour and order they would all read changed)."""
    on_r = {i: hit[0] for i, ln in enumerate(lines_r) if (hit := _outline(ln, areas_r)) is not None}
    on_c = {j: hit[0] for j, ln in enumerate(lines_c) if (hit := _outline(ln, areas_c)) is not None}
    if not on_r or not on_c:
        return match_series(lines_r, lines_c)
    partner = dict(area_pairs)
    pairs: list[tuple[int, int]] = []
    # A band's two edges both outline it (a funnel plot's confidence limits drawn over their fill): a layer's
    # outlines pair among its partner's outlines as `series.match_series` pairs them (names, values, order),
    # so an edge whose values changed does not take the unchanged edge's partner.
    for k in sorted(set(on_r.values())):
        mine = [i for i, kk in sorted(on_r.items()) if kk == k]
        theirs = [j for j, kk in sorted(on_c.items()) if kk == partner.get(k, -1)]
        if not theirs:
            continue
        if len(mine) == len(theirs) == 1:
            pairs.append((mine[0], theirs[0]))
            continue
        got, _, _ = match_series([lines_r[i] for i in mine], [lines_c[j] for j in theirs])
        pairs += [(mine[a], theirs[b]) for a, b in got]
    gone_r = {i for i, k in on_r.items() if k in areas_lost}
    gone_c = {j for j, k in on_c.items() if k in areas_added}
    rest_r = [i for i in range(len(lines_r)) if i not in {a for a, _ in pairs} | gone_r]
    rest_c = [j for j in range(len(lines_c)) if j not in {b for _, b in pairs} | gone_c]
    more, lost, added = match_series([lines_r[i] for i in rest_r], [lines_c[j] for j in rest_c])
    pairs += [(rest_r[a], rest_c[b]) for a, b in more]
    return sorted(pairs), [rest_r[a] for a in lost], [rest_c[b] for b in added]
