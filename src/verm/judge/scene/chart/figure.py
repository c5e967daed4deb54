"""Charts, the figure and each axes: layout, axes pairing, titles, axes, ticks, texts, legends.

Axes pair by content (titles, labels, kinds) and position. A different subplot
layout is structure_error 2; a scale or an inverted axis structure_error 2;
limits changed are data_error (a value cut off 3; else by how far the marks
moved, a wider range as a narrower one), reported with
changed data too when they cannot be autoscaled ones; tick labels are one text discrepancy per axis (3 when
labels traded places) and numbers that follow changed data are not reported;
titles, labels, texts and legend entries are text_error by the text rule;
colours, font sizes, grid and legend position are style_error.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from itertools import pairwise
from typing import Any

from verm.chart_view import hidden_severity
from verm.chart_view import hidden_share as data_hidden_share
from verm.chart_view import placer as view_placer
from verm.judge.scene.boxes import box_area, box_iou, clean_box, union_box
from verm.judge.scene.chart.coords import AxCtx, cuts_data, data_values, empty_margin
from verm.judge.scene.chart.data import AxesData, compare_data, data_weight
from verm.judge.scene.chart.grade import reading_severity
from verm.judge.scene.chart.missing import Hidden, figure_count_share, hidden_share, legend_lost, missing_pieces
from verm.judge.scene.chart.panels import (
    SHIFTED_TITLE,
    Ranges,
    grid_ratios,
    grid_relaid,
    label_moved,
    legend_reflow,
    merge_looped,
    merge_redrawn,
    merge_summaries,
    shared_ranges_follow,
    shifted_titles,
    swapped_labels,
)
from verm.judge.scene.chart.series import is_colorbar, series_by_kind, series_words
from verm.judge.scene.chart.sketch import Sketch
from verm.judge.scene.chart.tables import compare_tables
from verm.judge.scene.chart.texts import TextRules, _text_of, quotes_data_follow
from verm.judge.scene.findings import Finding, Findings, Unit, missing_items
from verm.judge.scene.matching import greedy_pairs
from verm.judge.scene.text import NUMBER_RE, date_ticks, fmt_number, locator_ticks, quote, text_severity, tick_number


class ChartDiff(TextRules):
    def __init__(self, out: Findings) -> None:
        self.out = out
        self.opts = out.opts
        self.layout_changed = False
        #: The reference axes at the candidate's place, when a panel moved to another place of the same grid
        #: (`shifted_titles`): axis labels belong to the place, not to the panel.
        self.place_ref: dict[str, Any] | None = None
        self.lost_baseline = False  # bars of this axes were drawn as another kind (their zero baseline left)
        self.axes_log: list[tuple[Any, bool, list[Finding]]] = []
        #: Per paired axes: (its data changed, per axis: (reference limits, candidate limits, range findings)).
        self.ranges_log: list[Ranges] = []
        #: Per reference axes with data: what it shows and what of it is missing, for the missing share.
        self.losses: list[Hidden] = []
        #: Series missing or extra in any axes (by name), and the axes legends to compare once all are known.
        self.missing: set[str] = set()
        self.extra: set[str] = set()
        #: Names of series drawn as another kind (`AxesData.retyped`).
        self.retyped: set[str] = set()
        self.legends: list[tuple[Any, Any, str, bool]] = []
        #: Where each axes is (twin axes share one place), for findings on the same place.
        self.places: dict[str, str] = {}
        #: Each paired axes' place and painted marks (None where nothing is painted), for the layout's moves.
        self.sketches: list[tuple[str, Sketch | None]] = []
        self.sketch: Sketch | None = None
        #: What titles and labels are drawn on (a text of that colour cannot be read).
        self.background: str | None = "#ffffff"
        #: Per axis ("x", "y"): the axis-label texts each figure draws on any of its axes (used when the
        #: subplot layout changed: the grid decides which subplots carry the outer labels, not an edit).
        self.axis_labels: dict[str, tuple[set[str], set[str]]] = {}
        self.label_pairs: dict[str, set[tuple[str, str]]] = {}
        #: (place, axis) where both figures draw bars sorted by value along the axis (a Pareto chart): there the
        #: categories' order follows the values.
        self.sorted_bars: set[tuple[str, str]] = set()

    # -- figure
    def run(self, ref: dict[str, Any], cand: dict[str, Any]) -> None:
        self.background = cand.get("facecolor") or "#ffffff"
        size = ref.get("size_px") or []
        self.size = (float(size[0]), float(size[1])) if len(size) == 2 and min(size) > 0 else (640.0, 480.0)
        self.text_pair("suptitle", "suptitle", (ref.get("suptitle") or {}), (cand.get("suptitle") or {}), major=True)
        rax = list(ref.get("axes") or [])
        # An axes hidden under another one drawn over it (an opaque axes or image covering it) shows nothing.
        cax = visible_axes(list(cand.get("axes") or []))
        layout_r, layout_c = _layout(rax), _layout(cax)
        layout_changed = self.layout_changed = layout_r != layout_c
        if layout_changed:
            self.out.add(
                "structure_error",
                2,
                "subplot layout",
                f"the figure has {_layout_words(layout_c)}, should have {_layout_words(layout_r)}",
                union_box([a.get("bbox") for a in cax]) or union_box([a.get("bbox") for a in rax]),
                footprint="figure",
            )
        kinds_r = [series_by_kind(a) for a in rax]
        kinds_c = [series_by_kind(a) for a in cax]
        self.axis_labels = {
            axis: ({_text_of(a.get(f"{axis}label")) for a in rax} - {""},
                   {_text_of(a.get(f"{axis}label")) for a in cax} - {""})
            for axis in ("x", "y")
        }  # fmt: skip

        shifted = shifted_titles([_title_text(a) for a in rax], [_title_text(b) for b in cax])

        def score(i: int, a: dict[str, Any], j: int, b: dict[str, Any]) -> float:
            s = 0.0 if layout_changed else 2.0 * box_iou(a.get("bbox"), b.get("bbox"))
            s += 1.5 * (_title_text(a) == _title_text(b) and bool(_title_text(a)))
            s += 0.5 * (_text_of(a.get("ylabel")) == _text_of(b.get("ylabel")))
            s += 0.5 * (_text_of(a.get("xlabel")) == _text_of(b.get("xlabel")))
            s += 0.5 * (set(kinds_r[i]) == set(kinds_c[j]))
            s += 1.0 / (1 + abs(i - j))
            return s + SHIFTED_TITLE * ((i, j) in shifted)

        pairs, lost, _ = greedy_pairs(rax, cax, score)
        if shifted:
            # Small multiples with a panel dropped leave the grid's last frame empty: the panel paired with it
            # is the one dropped, missing.
            empty = {j for j, b in enumerate(cax) if not _title_text(b) and data_weight(kinds_c[j]) <= 0}
            dropped = [(i, j) for i, j in pairs if j in empty and (i, j) not in shifted]
            pairs = [p for p in pairs if p not in dropped]
            lost = [*lost, *(i for i, _ in dropped)]
        # Per axis: the (reference, candidate) label texts of the paired subplots that both label that axis.
        self.label_pairs = {
            axis: {
                (a, b)
                for a, b in (
                    (_text_of(rax[i].get(f"{axis}label")), _text_of(cax[j].get(f"{axis}label"))) for i, j in pairs
                )
                if a and b
            }
            for axis in ("x", "y")
        }
        ratios = None if layout_changed else grid_ratios(rax, cax, pairs)
        if ratios is not None:
            # Every panel of the column (row) moved: one change over the figure, as the truth sees it.
            self.out.add("data_error", 1, "subplot layout", f"the subplots' {ratios[0]}s are in other ratios",
                         ratios[1], footprint="figure", relaid_grid=True)  # fmt: skip
        for i, j in pairs:
            where = _axes_name(rax[i], i, len(rax))
            self.place_ref = rax[j] if (i, j) in shifted and i != j and j < len(rax) else None
            self.axes(rax[i], cax[j], where)
        self.place_ref = None
        for i, j in pairs:
            if is_colorbar(rax[i]) and is_colorbar(cax[j]):
                self._colour_scale(rax[i], cax[j], _axes_name(rax[i], i, len(rax)))
        # An axes left without a partner (beyond the layout change): its data and texts are missing.
        for i in lost:
            self.missing_axes(rax[i], _axes_name(rax[i], i, len(rax)), kinds_r[i])
        # Twin axes share the x-axis: its range follows the data of the twin that changed.
        follows = {
            id(d)
            for box, changed, xs in self.axes_log
            if not changed and any(c2 and box_iou(box, b2) > 0.9 for b2, c2, _ in self.axes_log)
            for d in xs
        }
        follows |= shared_ranges_follow(self.ranges_log)
        swapped_labels(self.out.items)
        if follows:
            self.out.items[:] = [d for d in self.out.items if id(d) not in follows]
        self.texts(ref.get("texts") or [], cand.get("texts") or [], "figure", data_changed=False)
        for lr, lc, where, changed in self.legends:
            start = len(self.out.items)
            self.legend(lr, lc, where, self.missing, self.extra, changed, self.retyped)
            for f in self.out.items[start:]:
                f.tags.setdefault("axes", self.places.get(where[: -len(" legend")]))
        rl, cl = ref.get("legends") or [], cand.get("legends") or []
        for k in range(max(len(rl), len(cl))):
            # Series retyped list their handles in their new kind's turn: the entries' order follows.
            self.legend(rl[k] if k < len(rl) else None, cl[k] if k < len(cl) else None, "figure legend",
                        self.missing, self.extra, bool(self.retyped), self.retyped)  # fmt: skip
        legend_reflow(self.out.items, pairs, rax, cax, self.size, self.sketches)
        grid_relaid(self.out.items, self.sketches)
        quotes_data_follow(self.out.items)
        merge_redrawn(self.out)  # before the pile-up, which tops the missing items up to what is missing
        merge_looped(self.out)
        merge_summaries(self.out)  # after both: a data set redrawn and its summaries merged in each
        self.pile_up()

    def _colour_scale(self, r: dict[str, Any], c: dict[str, Any], where: str) -> None:
        """A colour bar whose scale now spans other values, where nothing else of the figure's data or colours
        changed: the mapped values were all changed alike (scaled), so the same colours now read as other values;
        only the colour bar shows it. Graded by how far a value read off the scale moved (`reading_severity`)."""
        box = clean_box(r.get("bbox"))
        if box is None:
            return
        axis = "y" if box[3] - box[1] >= box[2] - box[0] else "x"
        lr, lc = r.get(f"{axis}lim"), c.get(f"{axis}lim")
        if not (isinstance(lr, list) and isinstance(lc, list) and len(lr) == len(lc) == 2):
            return
        if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in (*lr, *lc)):
            return
        span = abs(lr[1] - lr[0])
        moved = max(abs(lc[0] - lr[0]), abs(lc[1] - lr[1])) / span if span > 0 else 0.0
        if moved < COLOUR_SCALE_MOVED:
            return
        if any(
            d.category in ("data_error", "structure_error")
            or (d.category == "style_error" and ("colour" in d.description or "colormap" in d.description))
            for d in self.out.items
        ):
            return  # the mapped data or colours changed where they are drawn: the scale follows them
        old = f"{fmt_number(min(lr))} to {fmt_number(max(lr))}"
        new = f"{fmt_number(min(lc))} to {fmt_number(max(lc))}"
        self.out.add("data_error", reading_severity(moved), f"{where} colour scale",
                     f"the colour scale spans {new}, should be {old}: the same colours show other values",
                     c.get("bbox"), footprint="axes")  # fmt: skip

    def _kept_legends(self, r: dict[str, Any], c: dict[str, Any], where: str) -> None:
        """Legends kept as artists (``add_artist``: a second legend) whose place in the axes changed, in order:
        style_error 1, as the axes' legend (the scene keeps their boxes only)."""
        boxes_r = [(clean_box(a.get("bbox")), r) for a in r.get("artists") or [] if a.get("type") == "Legend"]
        boxes_c = [(clean_box(a.get("bbox")), c) for a in c.get("artists") or [] if a.get("type") == "Legend"]
        for (a, ax_a), (b, ax_b) in zip(boxes_r, boxes_c, strict=False):
            fa, fb = clean_box(ax_a.get("bbox")), clean_box(ax_b.get("bbox"))
            if a is None or b is None or fa is None or fb is None:
                continue
            ca = (
                ((a[0] + a[2]) / 2 - fa[0]) / max(fa[2] - fa[0], 1e-9),
                ((a[1] + a[3]) / 2 - fa[1]) / max(fa[3] - fa[1], 1e-9),
            )
            cb = (
                ((b[0] + b[2]) / 2 - fb[0]) / max(fb[2] - fb[0], 1e-9),
                ((b[1] + b[3]) / 2 - fb[1]) / max(fb[3] - fb[1], 1e-9),
            )
            if max(abs(ca[0] - cb[0]), abs(ca[1] - cb[1])) > 0.15:
                self.out.add("style_error", 1, f"{where} legend", "a legend is at another place in the plot", b)

    def missing_axes(self, r: dict[str, Any], where: str, kinds: dict[str, Any]) -> None:
        """A reference axes the candidate does not show: one discrepancy, and all its data is missing."""
        weight = data_weight(kinds)
        if is_colorbar(r) or (weight <= 0 and not r.get("texts")):
            return  # a colour bar follows its image; an empty frame hides nothing
        n = sum(len(v) for v in kinds.values())
        what = f"{n} series" if n != 1 else "its series"
        self.out.add("data_error", 3, where, f"{where} is missing" + (f" with {what}" if n else ""), r.get("bbox"),
                     missing=True)  # fmt: skip
        if weight > 0:
            words = [series_words(s, ss) for ss in kinds.values() for s in ss]
            data = AxesData(weight=weight, lost=weight, lost_words=words)
            entries = legend_lost(r.get("legend"), None)[0]
            self.losses.append(Hidden(where, r.get("bbox"), _place(r), data, legend=entries,
                                      legend_lost=entries, texts=len(r.get("texts") or []),
                                      texts_lost=len(r.get("texts") or [])))  # fmt: skip

    def pile_up(self) -> None:
        """Missing content costs what it hides: past half of what the figure shows is missing (`hidden_share`),
        the missing items pile up to `grade.MISSING_ITEMS_ALL` (`grade.missing_items`)."""
        places: dict[str, list[Hidden]] = {}
        for h in self.losses:
            places.setdefault(h.place, []).append(h)
        # A single series missing is one error whatever its ink (as the bench's annotator grades it): by the
        # count of series; several things missing cost their share of everything the figure shows. Data drawn
        # anew (a series that shows none of its data) is no honest edit: the larger of the two counts.
        several = sum(missing_pieces(hs) for hs in places.values()) >= 2
        anew = any(h.data.replaced for h in self.losses)
        shares = {
            place: max(hidden_share(hs)) if anew else hidden_share(hs)[1 if several else 0]
            for place, hs in places.items()
        }
        areas = {place: max(box_area(hs[0].box), 1e-3) for place, hs in places.items()}
        total = sum(areas.values())
        if total <= 0:
            return
        share = sum(areas[p] * shares[p] for p in places) / total
        if not several and not anew:
            # One series missing, by the count of the figure's series (not its subplot's share of the figure: a
            # stack dropped from the upper of two panels is one series of two, not the 60 % its panel covers).
            share = min(share, figure_count_share(self.losses))
        have = sum(1 for f in self.out.items if f.tags.get("missing"))
        extra = missing_items(share) - have
        if share <= 0.5 + 1e-9 or extra <= 0:
            return  # up to half: each missing series or subplot is its own item
        # The empty parts of the plots: strips of the places that lost most, in proportion to what each lost.
        lossy = sorted(((areas[p] * shares[p], p) for p in places if shares[p] > 0), key=lambda t: -t[0])
        mass = sum(t[0] for t in lossy) or 1.0
        quota = [max(1, round(extra * t[0] / mass)) for t in lossy]
        while sum(quota) > extra:
            quota[quota.index(max(quota))] -= 1
        k = 0
        while sum(quota) < extra:
            quota[k % len(quota)] += 1
            k += 1
        for (_, place), n in zip(lossy, quota, strict=True):
            hs = places[place]
            where = hs[0].where
            b = clean_box(hs[0].box)
            words = [w for h in hs for w in h.data.lost_words] + [w for h in hs for w in h.other_words()]
            shown = ", ".join(words[:3]) + (", …" if len(words) > 3 else "")
            for part in range(n):
                strip = (
                    (b[0] + (b[2] - b[0]) * part / n, b[1], b[0] + (b[2] - b[0]) * (part + 1) / n, b[3]) if b else None
                )
                self.out.add("data_error", 3, f"{where} data",
                             f"part {part + 1} of {n} of {where} shows none of what it should ({shown}): "
                             f"{share:.0%} of the figure is missing", strip, missing=True)  # fmt: skip

    # -- axes
    def axes(self, r: dict[str, Any], c: dict[str, Any], where: str) -> None:
        start = len(self.out.items)
        self._axes(r, c, where)
        place = _place(r)
        self.places[where] = place
        self.sketches.append((place, self.sketch))
        for f in self.out.items[start:]:
            f.tags.setdefault("axes", place)

    def _axes(self, r: dict[str, Any], c: dict[str, Any], where: str) -> None:
        out = self.out
        # Titles: same text at another alignment is a style change, otherwise text.
        rt, ct = r.get("title") or {}, c.get("title") or {}
        if sorted(_text_of(v) for v in rt.values()) == sorted(_text_of(v) for v in ct.values()) and set(rt) != set(ct):
            rloc = next(iter(rt), "center")
            cloc = next(iter(ct), "center")
            out.add("style_error", 1, f"{where} title", f"the title is aligned {cloc}, should be {rloc}",
                    union_box([v.get("bbox") for v in ct.values()]))  # fmt: skip
        else:
            for loc in sorted(set(rt) | set(ct)):
                label = "title" if loc == "center" else f"{loc} title"
                self.text_pair(f"{where} {label}", label, rt.get(loc) or {}, ct.get(loc) or {}, major=True)
        for axis in ("x", "y"):
            rl, cl = (self.place_ref or r).get(f"{axis}label") or {}, c.get(f"{axis}label") or {}
            moved = label_moved(_text_of(rl), _text_of(cl), self.axis_labels.get(axis), self.label_pairs.get(axis))
            if self.layout_changed and moved:
                continue  # shared axes label the outer subplots: the new grid moved the label, no text changed
            self.text_pair(f"{where} {axis}-axis label", f"{axis}-axis label", rl, cl, major=True)
        n_before = len(out.items)
        self.lost_baseline = False
        sketch = self.sketch = None
        if is_colorbar(r) and is_colorbar(c):
            # A colour bar draws the colour scale of another axes' image: its values and ticks follow that
            # image's data (reported there); only its texts are its own.
            missing, extra = set(), set()
            data_changed, relabelled = True, False
        else:
            found = compare_data(out, r, c, AxCtx(r, c, where, self.size))
            sketch = self.sketch = found.sketch
            missing, extra, self.lost_baseline = found.missing, found.extra, found.lost_baseline
            relabelled = found.relabelled
            self.retyped |= found.retyped
            if found.weight > 0:
                hidden = Hidden(where, r.get("bbox"), _place(r), found)
                hidden.legend, hidden.legend_lost = legend_lost(r.get("legend"), c.get("legend"))
                # An entry naming a series that shows none of its data names nothing the plot shows.
                named = set(found.replaced) - {""}
                keyed = sum(_text_of(t) in named for t in (r.get("legend") or {}).get("texts") or [])
                hidden.legend_lost = min(hidden.legend, hidden.legend_lost + keyed)
                self.losses.append(hidden)
            # A colour or style change of the data does not move the autoscaled limits or ticks.
            data_changed = any(d.category != "style_error" for d in out.items[n_before:])
        structure = any(d.category == "structure_error" for d in out.items[n_before:])
        resized = self.layout_changed or _resized(r.get("bbox"), c.get("bbox"))
        n_axis = len(out.items)
        lims: dict[str, tuple[Any, Any, list[Finding]]] = {}  # per axis: limits on both sides, range findings
        for axis in ("x", "y"):
            if _sorted_bars(r, axis) and _sorted_bars(c, axis):
                self.sorted_bars.add((_place(r), axis))
            n_range = len(out.items)
            self.axis(r, c, axis, where, data_changed or structure, resized)
            for d in out.items[n_range:]:
                if d.tags.get("footprint") == "axes" or (d.unit is not None and d.unit.noun == "axes"):
                    # An axis read another way (scale, range, direction): its marks moved (`sketch.Sketch`).
                    d.tags.update(axis_change=axis, sketch=sketch)
                    if sketch is not None:
                        sketch.axis_read.add(axis)
                        if d.unit is None or not d.unit.attribute.endswith("scale"):
                            sketch.axis_changed.add(axis)  # limits set (a scale change leaves them autoscaled)
            ranges = [d for d in out.items[n_range:] if d.category == "data_error" and "range is" in d.description]
            lims[axis] = (r.get(f"{axis}lim"), c.get(f"{axis}lim"), ranges)
        if not is_colorbar(r):  # a colour bar's values follow its image: it is never the data that changed
            self.ranges_log.append((data_changed or structure, lims))
        _one_label_list(out.items, n_axis)
        x_range = [d for d in out.items[n_axis:] if d.location.endswith("x-axis") and d.category == "data_error"]
        self.axes_log.append((c.get("bbox"), data_changed or structure, x_range))
        gone = self.texts(r.get("texts") or [], c.get("texts") or [], where, data_changed, c.get("facecolor"))
        compare_tables(out, r, c, where, data_changed)
        if self.losses and self.losses[-1].where == where:
            self.losses[-1].texts, self.losses[-1].texts_lost = len(r.get("texts") or []), gone
        # Legends last: a twin axes' legend lists the other axes' series too.
        self.missing |= missing
        self.extra |= extra
        # Names that traded places over their series' data are the legend's change even beside changed data.
        # Each legend with its axes' box: a legend at the same place of an axes that moved or resized stays put.
        lr, lc = (
            {**ax["legend"], "axes_bbox": ax.get("bbox")} if ax.get("legend") else ax.get("legend") for ax in (r, c)
        )
        self.legends.append((lr, lc, f"{where} legend", data_changed and not relabelled))
        self._kept_legends(r, c, where)
        out.colour("style_error", "the plot background", where, r.get("facecolor"), c.get("facecolor"), c.get("bbox"),
                   Unit("background colour", r.get("facecolor"), c.get("facecolor"), "plot", where))  # fmt: skip
        if r.get("grid") and c.get("grid") and r.get("grid_color") and c.get("grid_color"):
            old_g, new_g = r["grid_color"], c["grid_color"]
            out.colour("style_error", "the grid colour", f"{where} grid", old_g, new_g, c.get("bbox"),
                       Unit("grid colour", old_g, new_g, "plot", where))  # fmt: skip
        if bool(r.get("grid")) != bool(c.get("grid")):
            shown = ("shown" if c.get("grid") else "hidden", "shown" if r.get("grid") else "hidden")
            out.add("style_error", 1, f"{where} grid", f"grid lines are {shown[0]}, should be {shown[1]}", c.get("bbox"),
                    Unit("grid", shown[1], shown[0], "plot", where))  # fmt: skip

    def axis(
        self, r: dict[str, Any], c: dict[str, Any], axis: str, where: str, data_changed: bool, resized: bool = False
    ) -> None:
        out = self.out
        rs, cs = r.get(f"{axis}scale"), c.get(f"{axis}scale")
        ticks_r, ticks_c = r.get(f"{axis}ticklabels") or [], c.get(f"{axis}ticklabels") or []
        # Labels whose boxes the scene clipped to nothing (a 3-D axes' tick labels) tell no place: the axes' box.
        tick_box = next(
            (union_box([t.get("bbox") for t in ticks]) for ticks in (ticks_c, ticks_r) if _shown_boxes(ticks)),
            c.get("bbox"),
        )
        if rs != cs:
            # Values read the same on either scale; the data's shape changes (2), barely when its marks move
            # less than 5 % of the plot (1).
            sev = 1 if _scale_moves(r, c, axis) < 0.05 else 2
            category, text = "structure_error", f"the {axis}-axis scale is {cs}, should be {rs}"
            category, sev, text = _read_as_hidden(r, c, category, sev, text)
            # A secondary axis (``secondary_yaxis`` with functions: 'function' -> 'functionlog') follows its
            # parent's scale: keyed as the parent's change, one edit is one item.
            out.add(category, sev, f"{where} {axis}-axis", text, tick_box,
                    Unit(f"{axis}-axis scale", _base_scale(rs), _base_scale(cs), "axes", where))  # fmt: skip
            return
        rl, cl = r.get(f"{axis}lim") or [], c.get(f"{axis}lim") or []
        if (
            _secondary(r, axis)
            and _secondary(c, axis)
            and any(
                lims[axis][2] or (changed and lims[axis][0] != lims[axis][1])
                for changed, lims in self.ranges_log
                if axis in lims
            )
        ):
            # A secondary axis' limits (and ticks) follow its parent's range, reported there (one edit), or moved
            # by its data's change (the data's item: a temperature scale over 1000/T whose values changed).
            return
        limits_same = True
        # An axis without tick labels (a pie, axis off) has no range a reader can read; where its plot holds only
        # marks placed on it (lines, points, bars: a slope chart, a bullet chart's panels), the range still shows
        # where those marks moved or were cut off: reported when that moved them far (2) or cut data off (3).
        no_ticks = not ticks_r and not ticks_c
        if no_ticks and (rs != cs or not _marks_placed(r) or not _marks_placed(c)):
            return
        if len(rl) == 2 and len(cl) == 2 and None not in rl and None not in cl:
            f = (lambda v: math.log10(v) if v > 0 else -300.0) if rs == "log" else (lambda v: v)
            span = abs(f(rl[1]) - f(rl[0])) or 1.0
            moved = max(abs(f(rl[0]) - f(cl[0])), abs(f(rl[1]) - f(cl[1]))) / span
            flipped = (rl[1] - rl[0]) * (cl[1] - cl[0]) < 0
            limits_same = moved <= 0.02 and not flipped
            if (
                not limits_same
                and data_changed
                and not flipped
                and not self.lost_baseline  # autoscaled limits leave the bars' zero baseline behind
                and cuts_data(r, axis) is False
                and cuts_data(c, axis)
                and r.get("name") != "3d"  # a 3-D plot draws its data past its limits
            ):
                # The data changed, but autoscaled limits would still show it all: the limits were set.
                out.add("data_error", 3, f"{where} {axis}-axis",
                        f"the {axis}-axis range {fmt_number(cl[0])} to {fmt_number(cl[1])} cuts off part of the data "
                        f"(should be {fmt_number(rl[0])} to {fmt_number(rl[1])})", tick_box, footprint="axes")  # fmt: skip
            # Limits set wider while the data changed too: autoscaling would not leave the empty band.
            widened = (
                not limits_same
                and data_changed
                and not flipped
                and not self.lost_baseline
                and _widened_beyond_data(r, c, axis)
            )
            if not limits_same and (not data_changed or widened):
                if flipped and no_ticks:
                    pass  # (no tick labels: read below only as marks moved or cut off)
                elif flipped:
                    out.add("structure_error", 2, f"{where} {axis}-axis", f"the {axis}-axis is inverted", tick_box,
                            Unit(f"{axis}-axis direction", "up", "inverted", "axes", where))  # fmt: skip
                else:
                    # A value the reference shows cut off -> 3; otherwise values read the same: the marks moved
                    # < 20 % of the plot -> 1, else 2, whichever way the range changed (bars shortened under a
                    # wider range moved their ends as far: ground truth reads the marks' places from the scenes).
                    lo_c, hi_c = sorted((f(cl[0]), f(cl[1])))
                    placed = [f(v) for v in data_values(r, axis)]
                    vals = placed or [f(rl[0]), f(rl[1])]
                    lo_r, hi_r = sorted((f(rl[0]), f(rl[1])))
                    tol = 0.005 * span
                    shown = [v for v in vals if lo_r - tol <= v <= hi_r + tol]
                    # (no axis and no value placed (shapes): the limits are no data the range cuts off)
                    cut = (bool(placed) or not no_ticks) and any(not lo_c - tol <= v <= hi_c + tol for v in shown)
                    narrowed = lo_c > lo_r + tol or hi_c < hi_r - tol
                    moved = max((abs((v - lo_r) / (hi_r - lo_r or 1) - (v - lo_c) / (hi_c - lo_c or 1))
                                 for v in shown or [lo_r, hi_r]), default=0.0)  # fmt: skip
                    sev = 3 if cut else 1 if moved < 0.2 else 2
                    if r.get("name") == "3d":
                        # A 3-D plot draws its data past its limits, unclipped: nothing is cut off, the same shape
                        # moved. Its scene holds projected vertices, so the data's middle (autoscaled limits
                        # frame the data) tells how far the marks moved: < 20 % of the plot -> 1, else 2.
                        mid = (lo_r + hi_r) / 2
                        sev = 1 if abs(0.5 - min(1.0, max(0.0, (mid - lo_c) / (hi_c - lo_c or 1)))) < 0.2 else 2
                    old, new = (
                        f"{fmt_number(rl[0])} to {fmt_number(rl[1])}",
                        f"{fmt_number(cl[0])} to {fmt_number(cl[1])}",
                    )
                    if no_ticks and sev < 2:
                        return  # marks moved a little, no tick label says so
                    apart: dict[str, bool] = {}
                    if not narrowed and _bars_only(r):
                        # Bars shortened by a wider range: the change shows where their ends were, not on
                        # the bars, so a look change of the bars lies apart from it.
                        apart["off_marks"] = True
                    _, sev, text = _read_as_hidden(
                        r, c, "data_error", sev, f"the {axis}-axis range is {new}, should be {old}"
                    )
                    out.add("data_error", sev, f"{where} {axis}-axis", text, tick_box,
                            Unit(f"{axis}-axis range", old, new, "axes", where), **apart)  # fmt: skip
        tr = [t.get("text", "") for t in ticks_r]
        tc = [t.get("text", "") for t in ticks_c]
        if tr == tc:
            return
        if date_ticks(ticks_r, axis) and date_ticks(ticks_c, axis):
            # Dates a date locator placed, each at its date, follow the limits and the data as numbers do; with
            # neither moved, the locator's dates were edited (``MonthLocator(bymonth=...)``): its data, the marks
            # unmoved (1), not a text typed.
            if limits_same and not data_changed and not resized:
                new, old = ([quote(x) for x in ts if x and x not in other] for ts, other in ((tc, tr), (tr, tc)))
                said = ", ".join(new[:3]) + (", …" if len(new) > 3 else "")
                out.add("data_error", 1, f"{where} {axis}-axis ticks",
                        f"the {axis}-axis ticks mark other dates: {said or 'fewer'} instead of "
                        + (", ".join(old[:3]) + (", …" if len(old) > 3 else "") or "none"),
                        tick_box, Unit(f"{axis}-axis ticks", "|".join(tr), "|".join(tc), "axis", where))  # fmt: skip
            return
        # Numbers a formatter printed ('−5', '1.5%', '$9M', mathtext powers of ten) follow the limits and the axes'
        # size; so do numbers evenly spaced on both sides, as a locator places them (its tick count follows the
        # axes' length and the tick font, whatever moved them).
        # One number with one unit on every label ('4.60 V', '30 °C'; not 'Q1', a category) is a formatter's too.
        frames = {NUMBER_RE.sub("#", x) for x in tr + tc if x}
        framed = len(frames) == 1 and re.fullmatch(r"# \S+|\S+ #", next(iter(frames))) is not None
        categorical = not framed and any(x and tick_number(x) is None for x in tr + tc)
        # The same numbers out of order along the axis (where the reference's are in order) are no formatter's:
        # labels that traded places, whatever moved the limits.
        shuffled = (
            not categorical and Counter(tr) == Counter(tc) and _in_order(ticks_r, axis) and not _in_order(ticks_c, axis)
        )
        if (
            not categorical
            and not shuffled
            and (not limits_same or data_changed or resized or (locator_ticks(tr) and locator_ticks(tc)))
        ):
            return
        if data_changed and Counter(tr) == Counter(tc) and (_place(r), axis) in self.sorted_bars:
            return  # bars sorted by value (a Pareto chart, its twin's line too): the categories re-sorted with the data
        if self.layout_changed and any(tr) != any(tc):
            return  # shared axes label the outer subplots' ticks only: the new grid decides which carry them
        if data_changed and len(tr) != len(tc):
            return  # categories follow the data
        diffs = []
        sevs = [1]
        sm = difflib.SequenceMatcher(None, tr, tc, autojunk=False)
        for op, i0, i1, j0, j1 in sm.get_opcodes():
            if op == "equal":
                continue
            a, b = ", ".join(map(quote, tr[i0:i1])), ", ".join(map(quote, tc[j0:j1]))
            diffs.append(f"{b or 'nothing'} instead of {a or 'nothing'}")
            if op == "replace" and i1 - i0 == j1 - j0:
                sevs += [text_severity(x, y) for x, y in zip(tr[i0:i1], tc[j0:j1], strict=True)]
            else:
                sevs.append(2)
        # Two labels swapped misattribute values (the perturbation engine's rule): 3.
        sev = 3 if Counter(tr) == Counter(tc) else max(sevs)
        # What replaced what, place by place (so a heatmap's y labels, listed bottom up, compare with its x labels).
        swaps = frozenset((x, y) for x, y in zip(tr, tc, strict=True) if x != y) if len(tr) == len(tc) else None
        out.add("text_error", sev, f"{where} {axis}-axis tick labels",
                f"{axis}-axis tick labels differ: " + "; ".join(diffs[:4]) + ("; …" if len(diffs) > 4 else ""),
                tick_box, Unit(f"{axis}-axis tick labels", "|".join(tr), "|".join(tc), "axis", where),
                label_swaps=swaps)  # fmt: skip


def _in_order(ticks: list[dict[str, Any]], axis: str) -> bool:
    """Whether an axis' numeric tick labels read in order (rising or falling) along it, by their boxes' centres
    (True when fewer than three can be placed and read)."""
    at = 0 if axis == "x" else 1
    placed = []
    for t in ticks:
        b, v = clean_box(t.get("bbox")), tick_number(str(t.get("text") or ""))
        if b is not None and v is not None:
            placed.append(((b[at] + b[at + 2]) / 2, v))
    values = [v for _, v in sorted(placed)]
    if len(values) < 3:
        return True
    steps = [b - a for a, b in pairwise(values)]
    return all(d >= 0 for d in steps) or all(d <= 0 for d in steps)


def _shown_boxes(texts: list[dict[str, Any]]) -> list[tuple[float, float, float, float]]:
    """The boxes of texts that cover some of the image (clipped to it)."""
    boxes = [clean_box(t.get("bbox")) for t in texts]
    return [b for b in boxes if b is not None and b[2] > b[0] and b[3] > b[1]]


def _read_as_hidden(r: dict[str, Any], c: dict[str, Any], category: str, sev: int, text: str) -> tuple[str, int, str]:
    """An axis change that pushes the plot's data out of view or squeezes it into a sliver reads as data missing
    where that weighs more than the change itself (`verm.chart_view.hidden_share`, as the ground truth reads it:
    a log axis that presses a pyramid's bars into the top rows)."""
    hidden = data_hidden_share({"axes": [r]}, {"axes": [c]}) or 0.0
    weight = hidden_severity(hidden)
    if weight <= sev:
        return category, sev, text
    how_much = "all" if hidden >= 0.995 else f"{hidden:.0%}"
    return "data_error", weight, f"{how_much} of the plotted data is out of view or squeezed unreadable ({text})"


def _one_label_list(items: list[Finding], start: int) -> None:
    """The x and y tick labels of one plot changed alike (a heatmap's or matrix's categories, one list on both
    axes: the same labels replaced, swapped or misspelt) are one text change, as a reader sees one wrong label
    list; ``items[start:]`` are the findings on the two axes."""
    ticks = [f for f in items[start:] if f.tags.get("label_swaps")]
    if len(ticks) != 2 or ticks[0].tags["label_swaps"] != ticks[1].tags["label_swaps"]:
        return
    x, y = ticks
    merged = Finding("text_error", max(x.severity, y.severity), x.location.replace("x-axis", "x- and y-axis"),
                     x.description.replace("x-axis", "x- and y-axis", 1), union_box([x.bbox, y.bbox]), x.unit,
                     dict(x.tags))  # fmt: skip
    items[items.index(x)] = merged
    items.remove(y)


def _place(ax: dict[str, Any]) -> str:
    """An axes' place in the figure (its box, rounded): twin axes share one."""
    b = clean_box(ax.get("bbox"))
    return "" if b is None else ",".join(f"{v:.2f}" for v in b)


def visible_axes(axes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The axes not hidden under another: one drawn later (higher zorder, or the same and later in the list)
    whose opaque background or image covers nine tenths of it hides it."""

    def covers(top: dict[str, Any], under: dict[str, Any]) -> bool:
        ub = clean_box(under.get("bbox"))
        if ub is None or box_area(ub) <= 0:
            return False
        shields = [top.get("bbox")] if top.get("opaque") else []
        shields += [im.get("bbox") for im in top.get("images") or []]
        return any(box_area(ub) > 0 and _inside(ub, s) >= 0.9 for s in shields if s)

    order = sorted(range(len(axes)), key=lambda k: (float(axes[k].get("zorder") or 0), k))
    rank = {k: n for n, k in enumerate(order)}
    return [
        a for k, a in enumerate(axes)
        if not any(rank[m] > rank[k] and covers(axes[m], a) for m in range(len(axes)) if m != k)
    ]  # fmt: skip


def _inside(a: tuple[float, ...], b: Any) -> float:
    """The share of box ``a`` that lies inside box ``b``."""
    b = clean_box(b)
    if b is None:
        return 0.0
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    return w * h / max(box_area(a), 1e-12)


#: A colour bar's scale moved by this share of its span spans other values (its limits are the mapped data's).
COLOUR_SCALE_MOVED = 0.01

#: Limits set wider than the data: the candidate's empty band beyond its data exceeds the reference's by this
#: share of the plot (autoscaled limits leave 5 % on each side whatever the data).
WIDER_MARGIN = 0.1


def _widened_beyond_data(r: dict[str, Any], c: dict[str, Any], axis: str) -> bool:
    """Whether the candidate's limits leave an empty band beyond its data that autoscaling would not: the
    limits were set wider while the data changed too."""
    rl, cl = sorted(r[f"{axis}lim"]), sorted(c[f"{axis}lim"])
    tol = 0.005 * (rl[1] - rl[0])
    if cl[0] > rl[0] + tol or cl[1] < rl[1] - tol:
        return False  # not wider: narrowed limits are the cut-off rule's
    mr, mc = empty_margin(r, axis), empty_margin(c, axis)
    return mr is not None and mc is not None and mc - mr > WIDER_MARGIN


#: Bars, at least this many, sorted by value along their axis read as ordered by value (not by chance).
SORTED_BARS = 5


def _sorted_bars(ax: dict[str, Any], axis: str) -> bool:
    """Whether the axes' bars standing on ``axis`` (vertical bars on x, horizontal on y), `SORTED_BARS` or more,
    one per place, hold values sorted along it (rising or falling): categories ordered by their values (a
    Pareto chart; grouped bars are not one sorted row)."""
    size, pos = ("height", "x") if axis == "x" else ("width", "y")
    bars = sorted(
        (float(p[pos]), float(p[size]))
        for p in ax.get("patches") or []
        if p.get("type") == "Rectangle"
        and isinstance(p.get(size), (int, float))
        and isinstance(p.get(pos), (int, float))
    )
    if len(bars) < SORTED_BARS or len({round(x, 9) for x, _ in bars}) < len(bars):
        return False
    steps = [b - a for (_, a), (_, b) in pairwise(bars)]
    return (all(d <= 0 for d in steps) or all(d >= 0 for d in steps)) and any(steps)


def _secondary(ax: dict[str, Any], axis: str) -> bool:
    """A secondary axis (``secondary_yaxis`` with functions): its scale on ``axis`` wraps its parent's through
    functions ('function', 'functionlog') and it draws nothing of its own."""
    return str(ax.get(f"{axis}scale") or "").startswith("function") and not any(
        ax.get(k) for k in ("lines", "patches", "collections", "images")
    )


def _base_scale(scale: Any) -> Any:
    """A scale wrapped in functions (a secondary axis: 'functionlog', 'function') as the scale it wraps."""
    if isinstance(scale, str) and scale.startswith("function"):
        return scale[len("function") :] or "linear"
    return scale


#: Kinds whose marks sit at their data on both axes (no pie, image, mesh or box plot): shapes added one by one too
#: (an infographic's cards on an axes drawn without its axis).
PLACED_KINDS = frozenset(
    {"line", "points", "scatter", "bar", "barh", "errorbar", "stem", "segments", "area", "stairs", "shapes"}
)


def _marks_placed(ax: dict[str, Any]) -> bool:
    """Whether an axes' data is only marks placed at their values (lines, points, bars), and no image."""
    if ax.get("images") or ax.get("name") != "rectilinear" or is_colorbar(ax):
        return False
    kinds = {k for k, ss in series_by_kind(ax).items() if ss}
    return bool(kinds) and kinds <= PLACED_KINDS


def _bars_only(ax: dict[str, Any]) -> bool:
    kinds = {k for k, ss in series_by_kind(ax).items() if ss}
    return bool(kinds) and kinds <= {"bar", "barh"}


def _scale_moves(r: dict[str, Any], c: dict[str, Any], axis: str) -> float:
    """How far the reference's marks move in the plot (a share of it) when the axis changes scale, as the truth
    reads it (`verm.chart_view.placer`: each side's limits in their order, places clipped to the plot, values
    a log axis cannot place skipped); 1 when a side's limits cannot be read (a log axis from 0)."""
    vals = data_values(r, axis)
    place_r, place_c = view_placer(r, axis), view_placer(c, axis)
    if place_r is None or place_c is None:
        return 1.0
    moved = [abs(b - a) for v in vals if (a := place_r(v)) is not None and (b := place_c(v)) is not None]
    return max(moved) if moved else 1.0


def _resized(a: Any, b: Any) -> bool:
    a, b = clean_box(a), clean_box(b)
    if a is None or b is None:
        return a != b
    wa, ha, wb, hb = a[2] - a[0], a[3] - a[1], b[2] - b[0], b[3] - b[1]
    return abs(wa - wb) > 0.1 * max(wa, 1e-9) or abs(ha - hb) > 0.1 * max(ha, 1e-9)


def _title_text(ax: dict[str, Any]) -> str:
    return " | ".join(_text_of(v) for _, v in sorted((ax.get("title") or {}).items()))


def _axes_name(ax: dict[str, Any], i: int, n: int) -> str:
    if n == 1:
        return "plot"
    t = _title_text(ax)
    return f"subplot {i + 1}" + (f" ({quote(t, 30)})" if t else "")


def _layout(axes: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(number of axes, columns, rows): the most axes side by side (stacked) without sharing any stretch of x
    (y). Counted by spans, not by edges: an axes that changed its height in place (a fixed aspect under a log
    scale) stays in its row."""

    def apart(spans: list[tuple[float, float]]) -> int:
        n, end = 0, -math.inf
        for lo, hi in sorted(spans, key=lambda s: s[1]):
            if lo >= end - 0.005:
                n, end = n + 1, hi
        return n

    boxes = [b for b in (clean_box(a.get("bbox")) for a in axes) if b]
    return len(axes), apart([(b[0], b[2]) for b in boxes]), apart([(b[1], b[3]) for b in boxes])


def _layout_words(lay: tuple[int, int, int]) -> str:
    n, cols, rows = lay
    return f"{n} axes in {rows} row{'s' * (rows != 1)} and {cols} column{'s' * (cols != 1)}"
