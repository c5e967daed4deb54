"""Ground truth for perturbed pairs: what a careful annotator sees in the two images.

How an edit is measured. `perturb()` applied its edits as a chain: state 0 is
the reference, state *i* carries edits 1..i, the last state is the candidate.
The chain is rebuilt by replaying each edit from its params
(`Perturber.apply`), every state is rendered (all states of all pairs in one
``render_many`` batch, so the renderer's pool works in parallel; identical
sources are rendered once), and edit *i* is measured between states *i-1* and
*i* (`verm.perturb.effect.measure_effect`):

- either state fails to render -> the edit is discarded (``render_error``);
- nothing visible changed -> discarded (``invisible``; what "visible" means is
  in `verm.perturb.effect`: anti-aliasing that moves is not a change);
- charts (``MEASURE_IN_CANDIDATE``), in a chain of two or more edits: the
  edit is measured again in the candidate, between the candidate the other
  edits make without it and the candidate itself, as an annotator sees it
  there. Nothing differs -> discarded (``overwritten``: a later edit erased
  it, a series turned to bars and then dropped shows only as missing);
  otherwise that measure is its effect, so what an edit changes, and which
  edits overlap, do not depend on the order the chain applied them in (an
  axis turned log before or after a series was dropped). Where the chain
  without it does not replay the same edits (a later edit's target depended
  on it), the step measure stands;
- SVGs (``OVERLAP_IN_CANDIDATE``): each edit is graded by its step, but
  which edits overlap is decided from where each shows in the candidate
  (measured as above), so it does not depend on the chain's order (an icon
  recoloured then shrunk was one item, shrunk then recoloured two). SVG
  descriptions name targets by index, which an element dropped shifts, so
  the candidate without an edit counts only where it differs from the
  candidate by exactly that edit's own change to the source (the same
  attributes removed and added); elsewhere the step footprints decide;
- the candidate looks like the reference (the edits undo each other) -> every
  edit is discarded (``overwritten``);
- otherwise its box is where the pixels changed; table edits carry a ``hint``
  (rows/columns of the edited grid) and are boxed by those cells in the
  candidate's rendered scene, which stays exact when a column widens or the
  image is rescaled.

How an edit is graded. By what shows, not by its parameter: the perturber's
``grade(edit, effect)`` reads the measured effect (how far the outline moved,
the share of the drawing that changed, how differently a reader reads the
data), and its ``describe(edit, effect)`` says what an annotator names (a
chart edit that pushed data out of view: data missing, not the parameter). The rules are tables in the perturbers' docstrings
(`verm.perturb.chart`, `verm.perturb.table`, `verm.perturb.svg`).

How edits become items. Edits that overlap on the image are one change to an
annotator, so they are one true discrepancy:

===================  ======================================================================
two edits overlap    charts, SVGs: at least half of the smaller one's changed pixels lie on
                     the other's (within 2 px: an anti-aliased edge; of two as large,
                     either way round); edits that only touch
                     (a shape recoloured beside one that moved) are two items; tables: over
                     half of the smaller one's cell box in the candidate lies inside the other's
                     (a merged cell inside two swapped rows); an edit of whole rows and
                     one of whole columns never merge: they only cross (a row and a
                     column missing are two changes, however wide the column)
texts                an edit read as text (a typo, a changed word or number: the ops in
                     ``TEXT_OPS``) merges only with another such edit: an annotator reads
                     a wrong text as its own error, even where another edit moved it (a
                     y-axis turned log shifts its label; the label's typo stays an item)
groups               overlap is followed through (A over B, B over C: one item)
category, location   the dominant edit's (as ``describe`` reads the merged effect): the highest
                     graded severity, then the most changed pixels, then the op's name (so
                     not the chain's order)
severity             the dominant edit's rule applied to the merged effect (the union of
                     the changed pixels, the largest displacement, read from the
                     dominant edit's earlier rendering), and never below the
                     severity of any edit in the group
box                  the union of the edits' boxes
description          the dominant edit's, then "on the same place:" the others'
===================  ======================================================================

Edits whose changes lie apart stay separate items.

Boxes are fractions of the candidate image. Charts and SVGs render at a fixed
size, so a box measured on state *i* holds in the final image; structural
edits are applied first (see `verm.perturb.base`), so later local edits do
not move earlier boxes.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from verm.perturb.base import BasePerturber, Edit, PerturbResult
from verm.perturb.effect import Box, Effect, effects_overlap, inside_share, measure_effect, merge_effects, union_box
from verm.perturb.registry import get_perturber
from verm.render.base import Renderer
from verm.types import Discrepancy, Rendering, Task

logger = logging.getLogger(__name__)

#: Sources compared word by word (an attribute, a tag's name: split at spaces and before each "<").
_TOKEN = re.compile(r"(?=<)|\s+")
#: Two table edits are one change when over this share of the smaller one's cells lies inside the other's.
TABLE_OVERLAP = 0.5


@dataclass
class MeasuredEdit:
    """One edit with what the renderings said about it."""

    edit: Edit
    #: ok | invisible | overwritten | render_error | not_replayable
    status: str
    #: The edit on its own, graded by what it shows (the true discrepancy when nothing overlaps it).
    discrepancy: Discrepancy | None = None
    #: Changed pixels as a fraction of the image (same-size renderings only).
    changed: float = 0.0
    reason: str | None = None
    effect: Effect | None = None
    #: Index of the pair's true discrepancy this edit went into (None when discarded).
    item: int | None = None
    #: Where the edit shows in the candidate (``OVERLAP_IN_CANDIDATE``), for the overlap decision.
    footprint: Effect | None = None


def _chain(perturber: BasePerturber, ref_source: str, result: PerturbResult) -> tuple[list[str], int]:
    """States 0..k of the chain; k < len(edits) when a replay failed."""
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


def _hint_bbox(hint: dict[str, Any] | None, scene: dict[str, Any] | None) -> Box | None:
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
    return tuple(round(min(1.0, max(0.0, v)), 4) for v in union_box(boxes))  # type: ignore[return-value]


def _source_change(a: str, b: str) -> tuple[Counter[str], Counter[str]]:
    """The words (attributes, tags' names) that going from source ``a`` to ``b`` removes and adds."""
    ta, tb = _TOKEN.split(a), _TOKEN.split(b)
    removed: Counter[str] = Counter()
    added: Counter[str] = Counter()
    for tag, i0, i1, j0, j1 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag != "equal":
            removed.update(ta[i0:i1])
            added.update(tb[j0:j1])
    return removed, added


def _without_each(
    perturber: BasePerturber, ref_source: str, result: PerturbResult, ok: int, states: Sequence[str] = ()
) -> list[str | None]:
    """For each edit, the candidate the other edits make without it (None where that cannot be replayed
    faithfully: a later edit's target depended on it). Only for chains of two or more that replay. For
    ``OVERLAP_IN_CANDIDATE`` perturbers, whose descriptions name targets by index (an element dropped shifts
    every later index), it must also differ from the candidate by exactly the edit's own change to the
    source (``states``: the chain)."""
    edits = result.edits
    if ok != len(edits) or len(edits) < 2 or not (perturber.MEASURE_IN_CANDIDATE or perturber.OVERLAP_IN_CANDIDATE):
        return [None] * len(edits)
    out: list[str | None] = []
    for skip in range(len(edits)):
        current: str | None = ref_source
        for j, e in enumerate(edits):
            if j == skip or current is None:
                continue
            step = perturber.replay(current, e.op, e.params)
            # The same description: the edit hit the same target with the same change.
            current = step[0] if step is not None and step[1].description == e.description else None
        if (
            current is not None
            and not perturber.MEASURE_IN_CANDIDATE
            and (
                len(states) != len(edits) + 1
                or _source_change(current, states[-1]) != _source_change(states[skip], states[skip + 1])
            )
        ):
            current = None
        out.append(current)
    return out


def _measure(
    perturber: BasePerturber,
    edit: Edit,
    before: Rendering,
    after: Rendering,
    final: Rendering,
    without: Rendering | None = None,
) -> MeasuredEdit:
    """One edit measured between the states before and after it; with ``without`` (the candidate the
    other edits make without it), measured in the candidate instead: from ``without`` to ``final``."""
    if not before.ok or not after.ok:
        bad = before if not before.ok else after
        return MeasuredEdit(edit, "render_error", reason=bad.reason)
    effect = measure_effect(before, after)
    if effect is None:
        return MeasuredEdit(edit, "invisible", reason="the renderings do not differ")
    footprint = None
    if without is not None and without.ok and final.ok:
        in_candidate = measure_effect(without, final)
        if perturber.MEASURE_IN_CANDIDATE:
            if in_candidate is None:
                return MeasuredEdit(
                    edit, "overwritten", reason="a later edit erased it: the candidate shows nothing of it"
                )
            effect = in_candidate
        else:
            footprint = in_candidate
    box = effect.box
    if perturber.task is Task.TABLE:
        target = final if final.ok and final.scene else after
        box = _hint_bbox(edit.params.get("hint"), target.scene) or box
    severity = max(1, min(3, int(perturber.grade(edit, effect))))
    category, location, description = perturber.describe(edit, effect)
    d = Discrepancy(category=category, severity=severity, location=location, description=description, bbox=box)
    return MeasuredEdit(edit, "ok", d, effect.changed(), effect=effect, footprint=footprint)


def _overlap(perturber: BasePerturber, x: MeasuredEdit, y: MeasuredEdit) -> bool:
    assert x.discrepancy is not None and y.discrepancy is not None and x.effect and y.effect
    if (x.edit.op in perturber.TEXT_OPS) != (y.edit.op in perturber.TEXT_OPS):
        return False  # a text that reads wrong is its own error, whatever moved around it
    if (
        perturber.task is Task.TABLE
    ):  # rows and columns move between states: the cells' boxes in the final table say where
        if perturber.lines_cross(x.edit, y.edit):
            return False
        return inside_share(x.discrepancy.bbox, y.discrepancy.bbox) > TABLE_OVERLAP  # type: ignore[arg-type]
    if x.footprint is not None and y.footprint is not None:
        # Both as they show in the candidate: the same frame whatever order the chain applied them in.
        return effects_overlap(x.footprint, y.footprint)
    return effects_overlap(x.effect, y.effect)


def _items(perturber: BasePerturber, measured: list[MeasuredEdit]) -> list[Discrepancy]:
    """The pair's true discrepancies: one per group of visible edits that overlap (see the module docstring)."""
    ok = [i for i, m in enumerate(measured) if m.status == "ok"]
    parent = {i: i for i in ok}

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, i in enumerate(ok):
        for j in ok[a + 1 :]:
            if root(i) != root(j) and _overlap(perturber, measured[i], measured[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in ok:
        groups.setdefault(root(i), []).append(i)
    items: list[Discrepancy] = []
    for members in groups.values():
        for i in members:
            measured[i].item = len(items)
        if len(members) == 1:
            items.append(measured[members[0]].discrepancy)  # type: ignore[arg-type]
            continue
        ms = [measured[i] for i in members]
        # The op name breaks exact ties, so the dominant edit does not depend on the edits' order.
        dominant = max(ms, key=lambda m: (m.discrepancy.severity, m.changed, m.edit.op))  # type: ignore[union-attr]
        merged = merge_effects([m.effect for m in ms], base=dominant.effect)  # type: ignore[misc]
        severity = max(
            max(m.discrepancy.severity for m in ms),  # type: ignore[union-attr]
            max(1, min(3, int(perturber.grade(dominant.edit, merged)))),
        )
        category, location, description = perturber.describe(dominant.edit, merged)
        others = [m.discrepancy.description for m in ms if m is not dominant]  # type: ignore[union-attr]
        items.append(
            Discrepancy(
                category=category,
                severity=severity,
                location=location,
                description=f"{description}; on the same place: {'; '.join(others)}",
                bbox=union_box([m.discrepancy.bbox for m in ms]),  # type: ignore[misc,union-attr]
            )
        )
    return items


def _measure_pairs(
    task: Task | str, items: Sequence[tuple[str, PerturbResult]], renderer: Renderer
) -> list[tuple[list[MeasuredEdit], list[Discrepancy]]]:
    task = Task.parse(task)
    perturber = get_perturber(task)
    chains = [_chain(perturber, ref, res) for ref, res in items]
    withouts = [
        _without_each(perturber, ref, res, ok, states) for (ref, res), (states, ok) in zip(items, chains, strict=True)
    ]
    unique: dict[str, int] = {}
    for (states, _), without in zip(chains, withouts, strict=True):
        for s in [*states, *without]:
            if s is not None:
                unique.setdefault(s, len(unique))
    renders = renderer.render_many(list(unique)) if unique else []
    out = []
    for (states, ok), (_, res), without in zip(chains, items, withouts, strict=True):
        rs = [renders[unique[s]] for s in states]
        same = (
            len(res.edits) > 1
            and ok == len(res.edits)
            and rs[0].ok
            and rs[-1].ok
            and measure_effect(rs[0], rs[-1]) is None
        )
        measured = []
        for i, e in enumerate(res.edits):
            if i >= ok:
                measured.append(MeasuredEdit(e, "not_replayable", reason="the edit does not replay on its source"))
                continue
            if same:  # the edits undo each other: the candidate looks like the reference
                measured.append(MeasuredEdit(e, "overwritten", reason="the candidate shows no change at all"))
                continue
            w = without[i]
            measured.append(_measure(perturber, e, rs[i], rs[i + 1], rs[-1], None if w is None else renders[unique[w]]))
        for m in measured:
            if m.status != "ok":
                logger.debug("discarded %s edit %s: %s (%s)", task.value, m.edit.op, m.status, m.reason)
        out.append((measured, _items(perturber, measured)))
    return out


def measure_many(
    task: Task | str, items: Sequence[tuple[str, PerturbResult]], renderer: Renderer
) -> list[list[MeasuredEdit]]:
    """Measure the edits of many pairs with one batched ``render_many`` call: each edit with its status,
    its own graded discrepancy and the index (``item``) of the true discrepancy it went into."""
    return [measured for measured, _ in _measure_pairs(task, items, renderer)]


def measure_edits(task: Task | str, ref_source: str, result: PerturbResult, renderer: Renderer) -> list[MeasuredEdit]:
    """Every edit of one pair with its status (kept or why discarded), graded discrepancy and item."""
    return measure_many(task, [(ref_source, result)], renderer)[0]


def ground_truth(task: Task | str, ref_source: str, result: PerturbResult, renderer: Renderer) -> list[Discrepancy]:
    """The pair's true discrepancies: visible edits graded by what shows, those that overlap merged,
    boxed on the candidate rendering."""
    return ground_truth_many(task, [(ref_source, result)], renderer)[0]


def ground_truth_many(
    task: Task | str, items: Sequence[tuple[str, PerturbResult]], renderer: Renderer
) -> list[list[Discrepancy]]:
    """`ground_truth` for many (reference source, result) pairs, rendered in one batch."""
    return [truth for _, truth in _measure_pairs(task, items, renderer)]
