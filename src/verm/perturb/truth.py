"""Ground truth for perturbed pairs, measured on the renderings.

How an edit is measured. `perturb()` applied its edits as a chain: state 0 is
the reference, state *i* carries edits 1..i, the last state is the candidate.
The chain is rebuilt by replaying each edit from its params
(`Perturber.apply`), every state is rendered (all states of all pairs in one
``render_many`` batch, so the renderer's pool works in parallel; identical
sources are rendered once), and edit *i* is measured between states *i-1* and
*i*:

- either state fails to render -> the edit is discarded (``render_error``);
- same-size images: `verm.judge.pixel.diff_regions` (no shift search, its
  ΔE > 10 threshold after a light blur, speckle removed), the union of the
  regions is the box; when it finds no region, a raw diff (a channel differs
  by > 24 on at least 4 pixels: renders are deterministic, so this is not
  noise) catches 1-px changes such as a minus sign; below that the edit
  changed nothing visible and is discarded (``invisible``);
- images of different sizes (a table that lost a row) are visibly different;
  the box is the band between the longest identical top/left prefix and
  bottom/right suffix of the two images;
- table edits carry a ``hint`` (rows/columns of the edited grid): their box is
  the union of those cells' boxes in the candidate's rendered scene, which
  stays exact when a column widens or the image is rescaled.

Boxes are fractions of the candidate image. Charts and SVGs render at a fixed
size, so a box measured on state *i* holds in the final image; structural
edits are applied first (see `verm.perturb.base`), so later local edits do
not move earlier boxes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from verm.perturb.base import Edit, PerturbResult
from verm.perturb.registry import get_perturber
from verm.render.base import Renderer
from verm.types import Discrepancy, Rendering, Task

logger = logging.getLogger(__name__)

#: Per-channel difference (0..255) above which a pixel differs, for the size-changed band method.
_BAND_DIFF = 40
#: Raw per-channel difference and pixel count for a change too thin for `diff_regions` (fallback).
_PIXEL_DIFF = 24
_MIN_PIXELS = 4


@dataclass
class MeasuredEdit:
    """One edit with what the renderings said about it."""

    edit: Edit
    #: ok | invisible | render_error | not_replayable
    status: str
    discrepancy: Discrepancy | None = None
    #: Changed pixels as a fraction of the image (same-size diffs only).
    changed: float = 0.0
    reason: str | None = None


def _chain(task: Task, ref_source: str, result: PerturbResult) -> tuple[list[str], int]:
    """States 0..k of the chain; k < len(edits) when a replay failed."""
    perturber = get_perturber(task)
    states = [ref_source]
    for e in result.edits:
        nxt = perturber.apply(states[-1], e)
        if nxt is None:
            break
        states.append(nxt)
    ok = len(states) - 1
    if ok == len(result.edits) and states[-1] != result.source:
        logger.warning("perturb replay does not reproduce the candidate source; measuring the replayed chain")
    if ok < len(result.edits):
        if len(result.edits) == 1:
            states, ok = [ref_source, result.source], 1
        else:
            logger.warning("edit %d (%s) does not replay; it and later edits are not measured", ok, result.edits[ok].op)
    return states, ok


def _array(r: Rendering) -> np.ndarray:
    return np.asarray(r.image(), dtype=np.uint8)


def _band(a: np.ndarray, b: np.ndarray) -> tuple[int, int, int, int]:
    """Box in ``b`` of what differs from ``a`` when the sizes differ (prefix/suffix bands on both axes)."""

    def axis_band(a: np.ndarray, b: np.ndarray) -> tuple[int, int]:
        # rows of a and b compared over the common width, aligned at the start, then at the end
        w = min(a.shape[1], b.shape[1])
        n = min(a.shape[0], b.shape[0])

        def same(ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
            return (np.abs(ra[:, :w].astype(np.int16) - rb[:, :w].astype(np.int16)).max(axis=(1, 2)) <= _BAND_DIFF) & (
                a.shape[1] == b.shape[1]
            )

        top = same(a[:n], b[:n])
        pre = int(np.argmin(top)) if not top.all() else n
        bot = same(a[a.shape[0] - n :][::-1], b[b.shape[0] - n :][::-1])
        suf = int(np.argmin(bot)) if not bot.all() else n
        lo = pre
        hi = b.shape[0] - suf
        if hi <= lo:  # b lost a band: box where it was, as tall as what a lost
            hi = lo + max(1, (a.shape[0] - suf) - pre)
        lo = max(0, min(lo, b.shape[0] - 1))
        return lo, max(lo + 1, min(hi, b.shape[0]))

    y0, y1 = axis_band(a, b)
    x0, x1 = axis_band(a.transpose(1, 0, 2), b.transpose(1, 0, 2))
    return x0, y0, x1, y1


def _hint_bbox(hint: dict[str, Any] | None, scene: dict[str, Any] | None) -> tuple[float, float, float, float] | None:
    if not hint or not scene or not scene.get("cells"):
        return None
    rows, cols = hint.get("rows"), hint.get("cols")
    boxes = []
    for c in scene["cells"]:
        b = c.get("bbox")
        if not b:
            continue
        if rows is not None and not any(c["row"] <= r < c["row"] + max(1, c.get("rowspan", 1)) for r in rows):
            continue
        if cols is not None and not any(c["col"] <= k < c["col"] + max(1, c.get("colspan", 1)) for k in cols):
            continue
        boxes.append(b)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _fractions(box: tuple[float, float, float, float], w: int, h: int) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = box
    f = (x0 / w, y0 / h, x1 / w, y1 / h)
    c = [round(min(1.0, max(0.0, v)), 4) for v in f]
    return c[0], c[1], max(c[0], c[2]), max(c[1], c[3])


def _measure(task: Task, edit: Edit, before: Rendering, after: Rendering, final: Rendering) -> MeasuredEdit:
    from verm.judge.pixel import diff_regions

    if not before.ok or not after.ok:
        bad = before if not before.ok else after
        return MeasuredEdit(edit, "render_error", reason=bad.reason)
    a, b = _array(before), _array(after)
    h, w = b.shape[:2]
    changed = 0.0
    if a.shape == b.shape:
        regions = diff_regions(a, b, max_shift=0)
        if regions:
            changed = sum(r.area for r in regions) / float(h * w)
            x0, y0 = min(r.bbox[0] for r in regions), min(r.bbox[1] for r in regions)
            x1, y1 = max(r.bbox[2] for r in regions), max(r.bbox[3] for r in regions)
        else:
            # diff_regions blurs and opens its mask, which erases a hyphen or an i/l typo (1 px strokes);
            # the renders are deterministic, so a few clearly changed raw pixels are a real change.
            mask = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2) > _PIXEL_DIFF
            n = int(mask.sum())
            if n < _MIN_PIXELS:
                return MeasuredEdit(edit, "invisible", reason="the renderings do not differ")
            changed = n / float(h * w)
            ys, xs = np.nonzero(mask)
            x0, y0, x1, y1 = int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1
        box = _fractions((x0, y0, x1, y1), w, h)
    else:
        box = _fractions(_band(a, b), w, h)
    if task is Task.TABLE:
        target = final if final.ok and final.scene else after
        hinted = _hint_bbox(edit.params.get("hint"), target.scene)
        if hinted is not None:
            box = tuple(round(min(1.0, max(0.0, v)), 4) for v in hinted)  # type: ignore[assignment]
    d = Discrepancy(
        category=edit.category,
        severity=edit.severity,
        location=edit.location,
        description=edit.description,
        bbox=box,
    )
    return MeasuredEdit(edit, "ok", d, changed)


def measure_many(
    task: Task | str, items: Sequence[tuple[str, PerturbResult]], renderer: Renderer
) -> list[list[MeasuredEdit]]:
    """Measure the edits of many pairs with one batched ``render_many`` call."""
    task = Task.parse(task)
    chains = [_chain(task, ref, res) for ref, res in items]
    unique: dict[str, int] = {}
    for states, _ in chains:
        for s in states:
            unique.setdefault(s, len(unique))
    renders = renderer.render_many(list(unique)) if unique else []
    out: list[list[MeasuredEdit]] = []
    for (states, ok), (_, res) in zip(chains, items, strict=True):
        rs = [renders[unique[s]] for s in states]
        measured = []
        for i, e in enumerate(res.edits):
            if i >= ok:
                measured.append(MeasuredEdit(e, "not_replayable", reason="the edit does not replay on its source"))
                continue
            measured.append(_measure(task, e, rs[i], rs[i + 1], rs[-1]))
        for m in measured:
            if m.status != "ok":
                logger.debug("discarded %s edit %s: %s (%s)", task.value, m.edit.op, m.status, m.reason)
        out.append(measured)
    return out


def measure_edits(task: Task | str, ref_source: str, result: PerturbResult, renderer: Renderer) -> list[MeasuredEdit]:
    """Every edit of one pair with its status (kept or why discarded) and measured box."""
    return measure_many(task, [(ref_source, result)], renderer)[0]


def ground_truth(task: Task | str, ref_source: str, result: PerturbResult, renderer: Renderer) -> list[Discrepancy]:
    """The pair's true discrepancies: visible edits only, boxed on the candidate rendering."""
    return [m.discrepancy for m in measure_edits(task, ref_source, result, renderer) if m.discrepancy is not None]


def ground_truth_many(
    task: Task | str, items: Sequence[tuple[str, PerturbResult]], renderer: Renderer
) -> list[list[Discrepancy]]:
    """`ground_truth` for many (reference source, result) pairs, rendered in one batch."""
    return [[m.discrepancy for m in ms if m.discrepancy is not None] for ms in measure_many(task, items, renderer)]
