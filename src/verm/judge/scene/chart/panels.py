"""Charts, findings across subplots: what one panel shows because of another.

- Axis labels a changed subplot grid moved: shared axes label the outer subplots only, so the new grid decides
  which panels carry them; a label whose text the other figure draws unchanged on another panel is no text
  change, nor is one whose change shows where both figures label a panel (`label_moved`).
- Ranges of shared axes (``sharey=True``): they autoscale together, so the range of a panel whose own data did
  not change follows a panel whose data did (`shared_ranges_follow`).
- Titles or axis labels that traded places between two panels (a list of names reordered): one text change,
  3 as the values are misattributed (as tick labels that traded places; `swapped_labels`); so are two legend
  labels that traded places over swatches that kept their colours (`legend_labels_swapped`).
- Subplots stacked in a column (or side by side in a row) that split the same span in other shares: the grid's
  height (width) ratios changed, every panel moved (`grid_ratios`); it shows where their marks and texts moved
  (`grid_relaid`).
- One data set drawn in several panels (a scatter matrix plots each column against every other; an inset
  zooms on the main plot's data): a change of its values shows wherever it is drawn, and is one change
  (`merge_redrawn`).
- Small multiples with panels dropped (a loop over the data drew one panel fewer): the later panels moved one
  place on, and pair by their titles (`shifted_titles`).
- A legend moved out of (or into) a place beside the axes, where the layout made room for it (the axes' boxes
  moved): every plot moved with it, so its change shows wherever they do (`legend_reflow`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np

from verm.judge.grouping import DisjointSets
from verm.judge.scene.boxes import clean_box, intersection_area, union_box
from verm.judge.scene.chart.grade import CONFUSABLE_DE, SAME_COLOUR_DE, member_boxes
from verm.judge.scene.chart.series import first_values, line_xs
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Finding, Findings
from verm.judge.scene.text import quote, tick_number

#: A layout that moved an axes' box by this many pixels (or more) moved every mark of it.
REFLOW_PX = 2.0
#: Boxes whose sides lie within this share of the figure are aligned (one column or row of a grid).
ALIGNED = 0.005
#: The column's (row's) span kept within this share of the figure (tick labels of another width move its ends).
SPAN_KEPT = 0.03
#: A panel's share of its column's (row's) span that moved by this much (relative) is another ratio (tick labels
#: of another width, an axis turned log, move a column's split by under a tenth).
RATIO_MOVED = 0.15
#: A legend with less than this share of its box on any axes stands beside them (the layout makes room for it).
BESIDE_SHARE = 0.5

#: Values lists this long or longer are data that can be recognised when drawn again in another panel.
REDRAWN_MIN = 5
#: A series reading with this share of its values changed is drawn anew (its data set regenerated).
REDRAWN_ANEW = 0.5

#: Per paired axes: (its data changed, per axis "x"/"y": (reference limits, candidate limits, range findings)).
Ranges = tuple[bool, dict[str, tuple[Any, Any, list[Finding]]]]


def label_moved(
    rt: str, ct: str, drawn: tuple[set[str], set[str]] | None, paired: set[tuple[str, str]] | None = None
) -> bool:
    """An axis label on one side only that the other figure draws on another of its subplots: unchanged, or
    changed alike (``paired``: the (reference, candidate) label texts of the subplots that both label; a text
    change there is reported there, once)."""
    if drawn is None or bool(rt) == bool(ct):
        return False
    paired = paired or set()
    if rt:
        return rt in drawn[1] or any(a == rt for a, _ in paired)
    return ct in drawn[0] or any(b == ct for _, b in paired)


def shared_ranges_follow(ranges: list[Ranges]) -> set[int]:
    """Ids of the range findings of axes whose own data did not change but that share the axis with one whose
    data did. The scene does not say which axes are shared; axes whose limits on an axis are the same in the
    reference and again the same in the candidate are read as sharing it."""
    follows: set[int] = set()
    for axis in ("x", "y"):
        groups: dict[tuple[Any, Any], list[tuple[bool, list[Finding]]]] = {}
        for changed, lims in ranges:
            rl, cl, found = lims[axis]
            key = (_lim_key(rl), _lim_key(cl))
            if None not in key:
                groups.setdefault(key, []).append((changed, found))
        for members in groups.values():
            if len(members) >= 2 and any(changed for changed, _ in members):
                follows |= {id(d) for changed, found in members if not changed for d in found}
    return follows


def _word_change(old: str, new: str, names: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words a text lost and gained (each in order), None when it lost or gained none; ``names``: its words
    other than numbers (a value label's number follows the data)."""
    a, b = old.split(), new.split()
    if names:
        a, b = [w for w in a if tick_number(w) is None], [w for w in b if tick_number(w) is None]
    lost = tuple(w for w in a if w not in b)
    gained = tuple(w for w in b if w not in a)
    return (lost, gained) if lost and gained else None


def swapped_labels(items: list[Finding]) -> None:
    """Two panels' titles (or axis labels) that traded places: one text_error 3 in place of the two changes; so
    are two texts that traded words (a node label's name and another's, each keeping its number: one list of
    names reordered, as ground truth's two labels swapped)."""
    texts = [f for f in items if f.category == "text_error" and f.tags.get("relabel")]
    gone: set[int] = set()
    for i, a in enumerate(texts):
        if id(a) in gone:
            continue
        what, old, new = a.tags["relabel"]
        words = _word_change(old, new)
        for b in texts[i + 1 :]:
            if id(b) in gone or b.location == a.location:
                continue
            what_b, old_b, new_b = b.tags["relabel"]
            other = _word_change(old_b, new_b) if what_b == what else None
            if b.tags["relabel"] == (what, new, old):
                a.description = f"the {what}s {quote(old)} and {quote(new)} traded places ({a.location}, {b.location})"
            elif words is not None and other is not None and other == words[::-1]:
                a.description = (f"the {what}s {quote(old)} and {quote(old_b)} traded {_join_words(words[0])} and "
                                 f"{_join_words(words[1])}")  # fmt: skip
            elif (
                what_b == what
                and (named := _word_change(old, new, names=True)) is not None
                and _word_change(old_b, new_b, names=True) == named[::-1]
            ):
                # Two value labels that traded names while their numbers followed changed data ('Mon 40.5 kWh' and
                # 'Sun 39.2 kWh' -> 'Sun 87.4 kWh' and 'Mon 84.8 kWh'): the names swapped, one change.
                a.description = (f"the {what}s {quote(old)} and {quote(old_b)} traded {_join_words(named[0])} and "
                                 f"{_join_words(named[1])}")  # fmt: skip
            else:
                continue
            a.severity = 3
            a.bbox = union_box([a.bbox, b.bbox])
            a.unit = None
            a.tags["traded"] = (old, old_b)
            if b.tags["relabel"] != (what, new, old):  # the words traded, whatever else the texts print
                pair = named if words is None or other != words[::-1] else words
                a.tags["traded_words"] = frozenset(pair[0] + pair[1])
            if a.tags.get("axes") is not None and b.tags.get("axes") not in (None, a.tags.get("axes")):
                a.tags["traded_panels"] = (a.tags["axes"], b.tags["axes"])
            gone.add(id(b))
            break
    _data_follow_names(items, [f for f in texts if id(f) not in gone and "traded_panels" in f.tags], gone)
    # One list of names reordered shows wherever it labels (a scatter matrix's x- and y-axis labels): one change.
    said: dict[frozenset[str], Finding] = {}
    for f in texts:
        if id(f) in gone or "traded" not in f.tags:
            continue
        # Keyed by the words traded ('Labour' and 'Green' in 'Labour 86' and in '87 Labour'): one list of names
        # printed in several labels each.
        names = f.tags.get("traded_words") or frozenset(f.tags["traded"])
        if names in said:
            first = said[names]
            first.description += f"; so did {f.description.removeprefix('the ')}"
            first.bbox = union_box([first.bbox, f.bbox])
            gone.add(id(f))
        else:
            said[names] = f
    _reworded_alike(texts, gone)
    if gone:
        items[:] = [f for f in items if id(f) not in gone]


def _reworded_alike(texts: list[Finding], gone: set[int]) -> None:
    """Texts in several places that lost and gained the same words ('Lib Dem 26' and '29 Lib Dem' now read
    'Demand Dem'): one name from one list printed in each label, renamed once; one discrepancy, the worst of
    them graded. Changes of numbers alone (value labels that follow data) are not renamings."""
    said: dict[tuple, Finding] = {}
    for f in texts:
        if id(f) in gone or "traded" in f.tags:
            continue
        _, old, new = f.tags["relabel"]
        change = _word_change(old, new)
        if change is None or not all(any(tick_number(w) is None for w in ws) for ws in change):
            continue
        first = said.get(change)
        if first is None or first.location == f.location:
            said.setdefault(change, f)
            continue
        first.description += f"; so does {quote(old)} (it reads {quote(new)})"
        first.bbox = union_box([first.bbox, f.bbox])
        first.severity = max(first.severity, f.severity)
        gone.add(id(f))


def _data_follow_names(items: list[Finding], swaps: list[Finding], gone: set[int]) -> None:
    """Two panels whose labels traded places and whose data changed, both of them and no other panel's: the data
    drawn per name followed the names (one list of names reordered, each panel drawn from its name): the swap's
    change, not a data change of each panel. A series missing stays apart (it costs what it hides)."""
    data = [f for f in items if f.category == "data_error" and id(f) not in gone]
    for swap in swaps:
        panels = set(swap.tags["traded_panels"])
        mine = [f for f in data if f.tags.get("axes") in panels and id(f) not in gone]
        if (
            {f.tags.get("axes") for f in mine} != panels
            or any(f.tags.get("missing") for f in mine)
            or any(f.tags.get("axes") not in panels for f in data)
        ):
            continue
        swap.description += "; on the same place: " + "; ".join(f.description for f in mine)
        swap.bbox = union_box([swap.bbox, *(f.bbox for f in mine)])
        gone.update(id(f) for f in mine)


def _join_words(words: tuple[str, ...]) -> str:
    return quote(" ".join(words))


def _lim_key(lim: Any) -> tuple[float, float] | None:
    """Axis limits to compare across axes (shared axes hold the very same numbers)."""
    if not isinstance(lim, list | tuple) or len(lim) != 2 or None in lim:
        return None
    return (float(f"{float(lim[0]):.9g}"), float(f"{float(lim[1]):.9g}"))


def legend_labels_swapped(r: dict[str, Any], c: dict[str, Any], said: list[Finding]) -> str | None:
    """For legends holding the same texts in another order: the description of two labels that traded places
    over swatches that kept their colours (they now name other series), "" when a finding already says the
    same two texts traded places (drawn from one list elsewhere: one change), None otherwise (the entries
    reordered with their swatches)."""
    tr, tc = list(r.get("texts") or []), list(c.get("texts") or [])
    cr, cc = list(r.get("colors") or []), list(c.get("colors") or [])
    moved = [a for a, b in zip(tr, tc, strict=False) if a != b]
    kept = len(cr) == len(cc) == len(tr) == len(tc) and all(
        a and b and delta_e(a, b) <= CONFUSABLE_DE for a, b in zip(cr, cc, strict=True)
    )
    if len(moved) != 2 or not kept:
        return None
    if any(d.category == "text_error" and "traded places" in d.description
           and all(quote(a) in d.description for a in moved) for d in said):  # fmt: skip
        return ""
    return f"the legend labels {quote(moved[0])} and {quote(moved[1])} traded places"


def _beside(legend: Any, axes: list[dict[str, Any]]) -> bool:
    """Whether a legend's box stands beside every axes (less than `BESIDE_SHARE` of it on any of them)."""
    box = clean_box(legend)
    area = (box[2] - box[0]) * (box[3] - box[1]) if box is not None else 0.0
    if box is None or area <= 0:
        return False
    return all(intersection_area(box, a.get("bbox")) < BESIDE_SHARE * area for a in axes if clean_box(a.get("bbox")))


def legend_reflow(
    items: list[Finding],
    pairs: list[tuple[int, int]],
    rax: list[dict[str, Any]],
    cax: list[dict[str, Any]],
    size: tuple[float, float],
    sketches: list[tuple[str, Any]],
) -> None:
    """A legend moved to or from a place beside the axes, where the paired axes' boxes moved (a constrained or
    tight layout made room for it): every plot moved with it, so its change shows where their marks moved (the
    candidate's marks painted in the reference's plot boxes against their own, `Sketch.layout_footprint`): the
    truth merges it with the changes of marks there (lines moved whole; a bar's or slice's inside, drawn again
    over itself, does not change). Where an axes cannot be painted (a pie, a polar plot), its footprint is the
    figure's for the look changes (thin marks, texts: moved whole) and stays apart from the data's (values
    change the insides)."""
    moved = [f for f in items if f.tags.get("legend_moved")]
    if not moved or not pairs:
        return
    shift = 0.0
    for i, j in pairs:
        a, b = clean_box(rax[i].get("bbox")), clean_box(cax[j].get("bbox"))
        if a is not None and b is not None:
            shift = max(shift, *(abs(x - y) * (size[0] if k % 2 == 0 else size[1]) for k, (x, y) in
                                 enumerate(zip(a, b, strict=True))))  # fmt: skip
    if shift < REFLOW_PX:
        return
    feet = [sk.layout_footprint() if sk is not None else None for _, sk in sketches]
    painted = [f for f in feet if f is not None]
    whole = len(painted) == len(feet) and bool(painted)
    for f in moved:
        ref_box, cand_box = f.tags.get("legend_boxes") or (None, None)
        if not (_beside(ref_box, rax) or _beside(cand_box, cax)):
            continue
        if whole:
            found = painted[0].copy()
            for m in painted[1:]:
                found |= m
            f.tags.update(_painted=found, axes_all={place for place, _ in sketches}, reflow=True)
        else:
            f.tags.update(footprint="figure", reflow=True)


def grid_relaid(items: list[Finding], sketches: list[tuple[str, Any]]) -> None:
    """The grid's ratios changed (`grid_ratios`): the change shows where the panels' marks and texts moved (each
    axes' candidate marks painted in the reference's plot box against its own, `Sketch.layout_footprint`), as the
    truth measures it: it is one place with the changes of marks there (an extra line on a panel that grew) and
    apart from those its moves leave in place (bars squeezed to the shared bottom edge by an axis turned
    linear). An axes whose marks cannot be painted (a pie) changed wherever its box lies, where the box moved; a
    colour bar (no sketch) only its texts, which stay apart from the marks' changes anyway."""
    relaid = [f for f in items if f.tags.get("relaid_grid")]
    drawn = [sk for _, sk in sketches if sk is not None]
    if not relaid or not drawn:
        return
    found = np.zeros((drawn[0].h, drawn[0].w), bool)
    for sk in drawn:
        foot = sk.layout_footprint()
        if foot is None and sk.box_moved():
            foot = sk.boxes_mask([sk.box, sk.ref_box], every=1)
        if foot is not None and foot.shape == found.shape:
            found |= foot
    for f in relaid:
        f.tags.pop("footprint", None)
        f.tags.update(_painted=found, axes_all={place for place, _ in sketches})


def grid_ratios(
    rax: list[dict[str, Any]], cax: list[dict[str, Any]], pairs: list[tuple[int, int]]
) -> tuple[str, Any] | None:
    """Paired subplots in one column (rows: one row) of a grid, two or more, that span the same extent in both
    figures but split it in other shares (by `RATIO_MOVED` of a panel's share or more): the grid's height (width)
    ratios changed (``gridspec``'s ``height_ratios``). Returns (which ratios, the candidate's panels' box), or
    None."""
    boxes = [(clean_box(rax[i].get("bbox")), clean_box(cax[j].get("bbox"))) for i, j in pairs]
    boxes = [(a, b) for a, b in boxes if a is not None and b is not None]
    for (s0, s1), (p0, p1), what in (((0, 2), (1, 3), "height"), ((1, 3), (0, 2), "width")):
        # One column (for heights): the same sides across (x0, x1) in both figures; the panels split y.
        groups: dict[tuple[int, ...], list[tuple[Any, Any]]] = {}
        for a, b in boxes:
            groups.setdefault(tuple(round(v / ALIGNED) for v in (a[s0], a[s1], b[s0], b[s1])), []).append((a, b))
        for members in groups.values():
            if len(members) < 2:
                continue
            a0, a1 = min(a[p0] for a, _ in members), max(a[p1] for a, _ in members)
            b0, b1 = min(b[p0] for _, b in members), max(b[p1] for _, b in members)
            span_a, span_b = a1 - a0, b1 - b0
            if span_a <= 0 or span_b <= 0 or abs(a0 - b0) > SPAN_KEPT or abs(a1 - b1) > SPAN_KEPT:
                continue
            for a, b in members:
                share_a, share_b = (a[p1] - a[p0]) / span_a, (b[p1] - b[p0]) / span_b
                if abs(share_b - share_a) > RATIO_MOVED * max(share_a, 1e-9):
                    return what, union_box([b for _, b in members])
    return None


def values_key(values: Any) -> tuple[int, int] | None:
    """The reference's values of one series reading, as a key that finds them drawn again elsewhere; None for
    short lists and evenly spaced ones (an index, months, bin centres: a grid many panels share, not one datum),
    and for anything but a list of numbers."""
    if not isinstance(values, (list, tuple)):
        return None
    vals = [v for v in values if isinstance(v, (int, float))]
    if len(vals) < len(values) - values.count(None):
        return None
    if len(vals) < REDRAWN_MIN or len(set(vals)) < 3:
        return None
    steps = {round(b - a, 9) for a, b in pairwise(vals)}
    if len(steps) == 1:
        return None
    return len(values), hash(tuple(None if v is None else round(v, 9) for v in values))


def _anew(f: Finding) -> bool:
    """Whether most of a reading's values changed (or it lost its data): its data set was drawn anew."""
    col = f.tags.get("column")
    n = f.tags["ref_values"][0]
    return bool(f.tags.get("replaced")) or (col is not None and len(col[1]) >= REDRAWN_ANEW * n)


def merge_redrawn(out: Findings) -> None:
    """Data changes of one data set drawn in several panels are one change: readings of the very same
    reference values (`values_key`) on different axes join, and so do the data sets drawn anew that share a
    panel (a data set regenerated: every column of a scatter matrix changed). Graded by the worst reading."""
    items = [f for f in out.items if f.category == "data_error" and f.tags.get("ref_values") is not None]
    if len(items) < 2:
        return
    sets = DisjointSets(len(items))
    first: dict[Any, int] = {}
    for i, f in enumerate(items):
        sets.union(first.setdefault(f.tags["ref_values"], i), i)
    spread = {sets.find(g[0]) for g in sets.groups() if len({items[k].tags.get("axes") for k in g}) > 1}
    # Data sets drawn anew that meet in a panel: one data set regenerated.
    by_place: dict[Any, int] = {}
    for i, f in enumerate(items):
        if sets.find(i) in spread and _anew(f):
            root = sets.find(i)
            sets.union(by_place.setdefault(f.tags.get("axes"), root), root)
    drop: set[int] = set()
    replace: dict[int, Finding] = {}
    for group in sets.groups():
        members = [items[k] for k in group]
        panels = {f.tags.get("axes") for f in members}
        if len(panels) < 2:
            continue
        lead = max(members, key=lambda f: f.severity)
        desc = (
            f"the same data drawn in {len(panels)} subplots differ ({len(members)} readings), e.g. {lead.description}"
        )
        # Drawn anew in every panel (most of its values changed): the data set was regenerated (`merge_summaries`).
        anew = all(_anew(f) for f in members)
        _merge_into(lead, members, desc, {**lead.tags, "axes_all": panels, "regenerated": anew}, replace, drop)
    _apply(out, replace, drop)


#: Marks a data set is drawn as point by point, and the shapes its summary is drawn as (a density, a histogram).
POINT_KINDS = ("scatter", "points", "line")
SUMMARY_KINDS = ("shapes", "area")
#: What summarises a data set regenerated, in its own panels too (density contours: marks).
REGENERATED_KINDS = ("shapes", "area", "marks")


def _panels(f: Finding) -> set[Any]:
    return set(f.tags.get("axes_all") or {f.tags.get("axes")})


def _aligned(a: Any, b: Any) -> bool:
    """Whether two axes' places (`figure._place`: 'x0,y0,x1,y1') share a grid row or column."""
    pa, pb = str(a).split(","), str(b).split(",")
    return len(pa) == len(pb) == 4 and (pa[0::2] == pb[0::2] or pa[1::2] == pb[1::2])


def _colours(f: Finding) -> set[str]:
    """The reference colours of a finding's series (a series' own, or its shapes' faces)."""
    out: set[str] = set()
    for p in f.tags.get("drawn") or []:
        s = p[0] if p else None
        if s is None:
            continue
        out |= {s.colour} if s.colour else {str(i.get("facecolor")) for i in s.items if i.get("facecolor")}
    return out


def merge_summaries(out: Findings) -> None:
    """A data set drawn point by point in several panels whose data changed (`merge_redrawn`) and the shapes
    that summarise it in the panels of its grid rows or columns (a scatter matrix's diagonal densities, a
    joint plot's marginals: shapes in the data set's colour) changed from one input: one change, graded by
    the worst. A data set drawn anew in every panel (`regenerated`) takes its contours in its own panels and its
    marginals too, whatever their colour (a corner plot's samples drawn again)."""
    items = out.items
    spread = [f for f in items if f.category == "data_error" and len(_panels(f)) > 1
              and (f.tags.get("series") or (None, None))[1] in POINT_KINDS]  # fmt: skip
    drop: set[int] = set()
    replace: dict[int, Finding] = {}
    for lead in spread:
        colours = _colours(lead)
        # A data set regenerated (drawn anew in every panel: samples drawn again) changed all that summarises it:
        # its densities' contours in its own panels and its marginals, whatever their colour (a corner plot).
        anew = bool(lead.tags.get("regenerated"))
        kinds = REGENERATED_KINDS if anew else SUMMARY_KINDS
        joined = [
            f for f in items
            if f.category == "data_error" and id(f) not in drop and f is not lead and not f.tags.get("missing")
            and (f.tags.get("series") or (None, None))[1] in kinds
            and (anew or not _panels(f) & _panels(lead))
            and all(p in _panels(lead) or any(_aligned(p, q) for q in _panels(lead)) for p in _panels(f))
            and (anew or any(delta_e(a, b) <= SAME_COLOUR_DE for a in colours for b in _colours(f)))
        ]  # fmt: skip
        if not joined:
            continue
        members = [lead, *joined]
        top = max(members, key=lambda f: f.severity)
        panels = set().union(*(_panels(f) for f in members))
        n = len(panels) - len(_panels(lead))
        desc = f"{lead.description}; so did the shapes that summarise it ({n} subplot{'s' if n > 1 else ''})"
        _merge_into(top, members, desc, {**lead.tags, "axes_all": panels}, replace, drop)
        replace[id(top)].location = lead.location
    _apply(out, replace, drop)


def _merge_into(
    lead: Finding, members: Sequence[Finding], description: str, tags: dict[str, Any],
    replace: dict[int, Finding], drop: set[int],
) -> None:  # fmt: skip
    """One data change in place of ``members``: ``lead``'s severity and place, their boxes (applied by `_apply`)."""
    replace[id(lead)] = Finding("data_error", lead.severity, lead.location, description,
                                union_box([f.bbox for f in members]), None, {**tags, "boxes": member_boxes(members)})  # fmt: skip
    drop.update(id(f) for f in members if f is not lead)


def _apply(out: Findings, replace: dict[int, Finding], drop: set[int]) -> None:
    """Each lead replaced by its merged finding, the other members dropped."""
    if replace:
        out.items[:] = [replace.get(id(f), f) for f in out.items if id(f) not in drop]


#: Panels whose marks of one kind changed broadly, at least this many: one edit inside the loop that draws every
#: panel (a baseline scaled in each sparkline); up to three edits rarely hit one kind of mark in three panels.
LOOPED_PANELS = 3


def _broad(f: Finding) -> bool:
    """Whether a data finding changed most of its marks (an area's vertices, a set of shapes, a series' values)."""
    return bool(f.tags.get("broad")) or (f.tags.get("ref_values") is not None and _anew(f))


def value_moves(axis: str, pairs: Sequence[tuple[Any, Any]]) -> tuple[str, tuple[tuple[float, float], ...]]:
    """The changed values of one series on one axis as (old, new), to six significant digits (as the scene keeps
    them): how `panels.merge_shared_moves` tells series that moved alike."""
    return axis, tuple(
        (float(f"{x:.6g}"), float(f"{y:.6g}"))
        for x, y in pairs
        if isinstance(x, (int, float)) and isinstance(y, (int, float))
    )


def merge_looped(out: Findings) -> None:
    """Marks of one kind that changed broadly in `LOOPED_PANELS` or more panels (each panel's area, each
    diagonal's ellipses) are one change, made in the loop that draws the panels: one discrepancy that names
    how many panels, graded by the worst. Marks lost or added, and changes already merged, stay apart."""
    kinds: dict[str, list[Finding]] = {}
    for f in out.items:
        series = f.tags.get("series")
        if f.category != "data_error" or f.unit is not None or not series or f.tags.get("missing"):
            continue
        if f.tags.get("axes_all") or f.tags.get("extra") or not _broad(f):
            continue
        kinds.setdefault(series[1], []).append(f)
    drop: set[int] = set()
    replace: dict[int, Finding] = {}
    for kind, members in kinds.items():
        panels = {f.tags.get("axes") for f in members}
        if len(panels) < LOOPED_PANELS:
            continue
        lead = max(members, key=lambda f: f.severity)
        desc = f"the {kind} of {len(panels)} subplots changed alike (one change drawn in each), e.g. {lead.description}"
        _merge_into(lead, members, desc, {**lead.tags, "axes_all": panels}, replace, drop)
    _apply(out, replace, drop)


#: Series of one panel whose data changed together, at least this many: one input they are computed from changed
#: (an edit changes one series; three edits, three).
RELAID_SERIES = 4


def merge_relaid(out: Findings) -> None:
    """Many series of one panel whose data changed at once (a dendrogram relinked when two leaves traded places,
    spectra computed from a size that changed): one input they are all computed from changed, one change, graded
    by the worst reading. Unnamed series' looks that changed with them (a dendrogram's clusters recoloured) join
    too; a named series' look is an edit of its own. Series drawn anew or lost (no data of theirs shows) stay
    apart, as missing content, unless the panel's values only traded series (`traded_values`: a bump chart's
    ranks recomputed): then they join, and so do the panel's texts that traded places or names with them (its
    end labels). Series drawn anew also join where two others of the panel changed and still show their data
    (density curves of a sample that was scaled: the far ones moved off their old place). A panel whose series
    were retyped, dropped or added stays apart (its other series pair anew)."""
    groups: dict[Any, list[Finding]] = {}
    aside: dict[Any, list[Finding]] = {}  # data drawn anew, or said as one unit: join only values traded
    unmapped: dict[Any, list[Finding]] = {}  # data drawn anew: join where two series still show theirs
    for f in out.items:
        drawn = f.tags.get("drawn") or []
        if f.category not in ("data_error", "style_error") or not drawn:
            continue
        if f.tags.get("missing") or any(p[0] is None or p[1] is None for p in drawn):
            continue
        if f.category == "style_error" and (f.tags.get("replaced") or any(p[0].name for p in drawn)):
            continue
        if f.category == "data_error" and f.tags.get("replaced") and f.unit is None:
            # It shows none of its data (a density curve of data that moved far): drawn anew, or computed from
            # the input the panel's other series show changed.
            unmapped.setdefault(f.tags.get("axes"), []).append(f)
            continue
        if f.category == "data_error" and (f.tags.get("replaced") or f.unit is not None):
            # Unit: one change of many series alike (baselines scaled), `grade.merge_units` said it.
            aside.setdefault(f.tags.get("axes"), []).append(f)
            continue
        groups.setdefault(f.tags.get("axes"), []).append(f)
    # A panel whose series were retyped, dropped or added pairs its other series anew: their changes follow that.
    recast = {f.tags.get("axes") for f in out.items if f.category == "structure_error" or f.tags.get("missing")}
    drop: set[int] = set()
    replace: dict[int, Finding] = {}
    # (a panel whose every change is said as one unit a point, ranks traded at a few x, joins when they traded)
    for place in dict.fromkeys([*groups, *aside]):
        members = groups.get(place, [])
        apart = [*aside.get(place, []), *unmapped.get(place, [])]
        traded = place not in recast and traded_values([*members, *apart])
        if traded:
            members = [*members, *apart, *_texts_traded(out.items, place)]
        elif sum(f.category == "data_error" for f in members) >= 2:
            members = [*members, *unmapped.get(place, [])]
        data = [f for f in members if f.category == "data_error"]
        if place in recast or len(data) < 2 or len({id(p[0]) for f in data for p in f.tags["drawn"]}) < RELAID_SERIES:
            continue
        lead = max(data, key=lambda f: (f.severity, not f.tags.get("replaced")))
        n = len({id(p[0]) for f in members for p in f.tags.get("drawn", [])})
        how = "traded values (ranked anew from" if traded else "changed together (drawn from"
        tags = {k: v for k, v in lead.tags.items() if k != "replaced"}
        tags["drawn"] = [p for f in members for p in f.tags.get("drawn", [])]
        desc = f"{n} series of the plot {how} one input that changed), e.g. {lead.description}"
        _merge_into(lead, members, desc, tags, replace, drop)
    _apply(out, replace, drop)


def shares_move(f: Finding, g: Finding) -> bool:
    """Whether two series' changes (their `value_moves`) show one input that changed: a value that read the same
    and reads the same in both (a station's distance every train of a timetable passes, a trajectory's start
    and the marker drawn on it), or one series shifted as a whole by what the other moved by (replicate dots
    shifted with the mean bar drawn over them)."""
    mf, mg = f.tags.get("moves"), g.tags.get("moves")
    if not mf or not mg or mf[0] != mg[0] or not mf[1] or not mg[1]:
        return False
    if set(mf[1]) & set(mg[1]):
        return True
    return _shifted_by(mf[1], mg[1]) or _shifted_by(mg[1], mf[1])


def _shifted_by(whole: Sequence[tuple[float, float]], other: Sequence[tuple[float, float]]) -> bool:
    """Whether ``whole`` (two or more changed values) moved by one shift that ``other`` moved a value by too."""
    if len(whole) < 2:
        return False
    size = max(abs(v) for pair in (*whole, *other) for v in pair) or 1.0
    tol = 1e-5 * size  # six significant digits on both ends
    d = whole[0][1] - whole[0][0]
    if abs(d) <= 10 * tol or any(abs((y - x) - d) > tol for x, y in whole):
        return False
    return any(abs((y - x) - d) <= tol for x, y in other)


def merge_shared_moves(out: Findings) -> None:
    """Series of one panel whose changes share a moved value (`shares_move`) are drawn from one input that
    changed: one change, graded by the worst reading (an annotator names the input once, not each series drawn
    from it). Series of different panels that moved a value from and to the same numbers (`_same_datum`) show one
    input drawn in both (a seasonal subseries plot beside the full series): one change too. Series drawn anew
    (lost) or missing stay apart: they cost what they hide."""
    cand = [
        f for f in out.items
        if f.category == "data_error" and f.tags.get("moves") and not f.tags.get("missing")
        and not f.tags.get("replaced") and not f.tags.get("extra")
    ]  # fmt: skip
    sets = DisjointSets(len(cand))
    for i, f in enumerate(cand):
        for j in range(i):
            if cand[j].tags.get("axes") == f.tags.get("axes"):
                if shares_move(cand[j], f):
                    sets.union(j, i)
            elif _same_datum(cand[j], f):
                sets.union(j, i)
    drop: set[int] = set()
    replace: dict[int, Finding] = {}
    for group in sets.groups():
        if len(group) < 2:
            continue
        members = [cand[k] for k in group]
        lead = max(members, key=lambda f: f.severity)
        n = len({id(p[0]) for f in members for p in f.tags.get("drawn") or []}) or len(members)
        panels = {f.tags.get("axes") for f in members}
        where = "plot" if len(panels) == 1 else f"{len(panels)} subplots"
        desc = f"{n} series of the {where} moved alike (drawn from one input that changed), e.g. {lead.description}"
        tags = {**lead.tags, "drawn": [p for f in members for p in f.tags.get("drawn") or []]}
        if len(panels) > 1:
            tags["axes_all"] = panels
        _merge_into(lead, members, desc, tags, replace, drop)
    _apply(out, replace, drop)


def _same_datum(f: Finding, g: Finding) -> bool:
    """Whether two series of different panels moved one value alike, from and to the same numbers (six
    significant digits; not a small whole number, which many data share): one input drawn in both panels (a
    seasonal subseries plot's month beside the full series)."""
    mf, mg = f.tags.get("moves"), g.tags.get("moves")
    if not mf or not mg or mf[0] != mg[0]:
        return False
    return any(not all(v == int(v) and abs(v) < 100 for v in pair) for pair in set(mf[1]) & set(mg[1]))


def traded_values(members: Sequence[Finding]) -> bool:
    """Whether changed lines of one panel (at least `RELAID_SERIES`) hold, at every x, the values they held
    before, traded among them: ranks recomputed (a bump chart's positions after each round, a few weeks' or all
    of them). Lines drawn anew with other values (random lines for the data) do not."""
    pairs = {id(p[0]): p for f in members if f.category == "data_error" for p in f.tags["drawn"]}
    if len(pairs) < RELAID_SERIES:
        return False
    lines = [(p[0], p[1]) for p in pairs.values()]
    if any(r.kind != "line" or c.kind != "line" for r, c in lines):
        return False
    xs = {_as_tuple(line_xs(s)) for p in lines for s in p}
    ref = [first_values(r) for r, _ in lines]
    cand = [first_values(c) for _, c in lines]
    n = len(ref[0])
    if len(xs) != 1 or None in xs or n < 2 or any(len(v) != n for v in (*ref, *cand)):
        return False
    if any(not isinstance(v, (int, float)) for vals in (*ref, *cand) for v in vals):
        return False
    return all(sorted(v[k] for v in ref) == sorted(v[k] for v in cand) for k in range(n))


def _as_tuple(values: Any) -> tuple[Any, ...] | None:
    return tuple(values) if isinstance(values, list) else None


def _texts_traded(items: Sequence[Finding], place: Any) -> list[Finding]:
    """The panel's texts that moved with values traded among its lines: texts that traded places, and labels
    that traded names (an end label '2. Athletic' now '2. United': the same names, numbered by the new ranks)."""
    texts = [f for f in items if f.category == "text_error" and f.tags.get("axes") == place]
    relabels = [f for f in texts if f.tags.get("relabel") and not f.tags.get("traded")]
    olds = sorted(_words(f.tags["relabel"][1]) for f in relabels)
    news = sorted(_words(f.tags["relabel"][2]) for f in relabels)
    named = relabels if relabels and olds == news and all(olds) else []
    return [f for f in texts if f.tags.get("traded")] + named


def _words(text: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", text))


#: Subplots paired by a title sequence with panels dropped (`shifted_titles`) weigh this much more: more than a
#: place (up to 2) with its labels.
SHIFTED_TITLE = 3.0


def shifted_titles(titles_r: Sequence[str], titles_c: Sequence[str]) -> set[tuple[int, int]]:
    """The (reference, candidate) subplots whose titles match when the candidate's titles are the reference's
    with some dropped (small multiples drawn by a loop over the data: a panel dropped moves the later ones one
    place on), or nothing: the reference's titles must be set and distinct, at least three, and every title the
    candidate lacks must be gone from it, not moved (two titles that traded places are a text change)."""
    if len(titles_r) < 3 or not all(titles_r) or len(set(titles_r)) < len(titles_r):
        return set()
    blocks = difflib.SequenceMatcher(None, list(titles_r), list(titles_c), autojunk=False).get_matching_blocks()
    pairs = {(b.a + k, b.b + k) for b in blocks for k in range(b.size)}
    matched = {i for i, _ in pairs}
    gone = [t for i, t in enumerate(titles_r) if i not in matched]
    if not gone or any(t in titles_c for t in gone) or all(i == j for i, j in pairs):
        return set()
    return pairs
