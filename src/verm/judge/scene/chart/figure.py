"""Charts, the figure and each axes: layout, axes pairing, titles, axes, ticks, texts, legends.

Axes pair by content (titles, labels, kinds) and position. A different subplot
layout is structure_error 2; a scale or an inverted axis structure_error 2;
limits changed while the data did not are data_error (narrowed 3, widened by
>= 50 % 2, else 1); tick labels are one text discrepancy per axis (3 when
labels traded places) and numbers that follow changed data are not reported;
titles, labels, texts and legend entries are text_error by the text rule;
colours, font sizes, grid and legend position are style_error.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from typing import Any

from verm.judge.scene.boxes import box_iou, box_iou_clean, centre_distance, clean_box, union_box
from verm.judge.scene.chart.coords import cuts_data
from verm.judge.scene.chart.data import compare_data
from verm.judge.scene.chart.series import is_colorbar, series_by_kind
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Findings
from verm.judge.scene.matching import greedy_pairs
from verm.judge.scene.text import NUMBER_RE, fmt_number, is_numeric_text, quote, text_ratio, text_severity
from verm.types import Discrepancy

_LEGEND_LOCS = {
    0: "best",
    1: "upper right",
    2: "upper left",
    3: "lower left",
    4: "lower right",
    5: "right",
    6: "center left",
    7: "center right",
    8: "lower center",
    9: "upper center",
    10: "center",
}


class ChartDiff:
    def __init__(self, out: Findings) -> None:
        self.out = out
        self.opts = out.opts
        self.layout_changed = False
        self.lost_baseline = False  # bars of this axes were drawn as another kind (their zero baseline left)
        self.axes_log: list[tuple[Any, bool, list[Discrepancy]]] = []

    # -- figure
    def run(self, ref: dict[str, Any], cand: dict[str, Any]) -> None:
        self.text_pair("suptitle", "suptitle", (ref.get("suptitle") or {}), (cand.get("suptitle") or {}), major=True)
        rax, cax = list(ref.get("axes") or []), list(cand.get("axes") or [])
        layout_r, layout_c = _layout(rax), _layout(cax)
        layout_changed = self.layout_changed = layout_r != layout_c
        if layout_changed:
            self.out.add(
                "structure_error",
                2,
                "subplot layout",
                f"the figure has {_layout_words(layout_c)}, should have {_layout_words(layout_r)}",
                union_box([a.get("bbox") for a in cax]) or union_box([a.get("bbox") for a in rax]),
            )
        kinds_r = [series_by_kind(a) for a in rax]
        kinds_c = [series_by_kind(a) for a in cax]

        def score(i: int, a: dict[str, Any], j: int, b: dict[str, Any]) -> float:
            s = 0.0 if layout_changed else 2.0 * box_iou(a.get("bbox"), b.get("bbox"))
            s += 1.5 * (_title_text(a) == _title_text(b) and bool(_title_text(a)))
            s += 0.5 * (_text_of(a.get("ylabel")) == _text_of(b.get("ylabel")))
            s += 0.5 * (_text_of(a.get("xlabel")) == _text_of(b.get("xlabel")))
            s += 0.5 * (set(kinds_r[i]) == set(kinds_c[j]))
            s += 1.0 / (1 + abs(i - j))
            return s

        pairs, _, _ = greedy_pairs(rax, cax, score)
        # Unmatched axes are part of the layout discrepancy above; nothing more to say about them.
        for i, j in pairs:
            where = _axes_name(rax[i], i, len(rax))
            self.axes(rax[i], cax[j], where)
        # Twin axes share the x-axis: its range follows the data of the twin that changed.
        follows = {
            id(d)
            for box, changed, xs in self.axes_log
            if not changed and any(c2 and box_iou(box, b2) > 0.9 for b2, c2, _ in self.axes_log)
            for d in xs
        }
        if follows:
            self.out.items[:] = [d for d in self.out.items if id(d) not in follows]
        self.texts(ref.get("texts") or [], cand.get("texts") or [], "figure", data_changed=False)
        rl, cl = ref.get("legends") or [], cand.get("legends") or []
        for k in range(max(len(rl), len(cl))):
            self.legend(rl[k] if k < len(rl) else None, cl[k] if k < len(cl) else None, "figure legend", set(), set())

    # -- text helpers
    def text_pair(
        self,
        location: str,
        what: str,
        r: dict[str, Any],
        c: dict[str, Any],
        major: bool,
        style: bool = True,
        paints: dict[str | None, list[tuple[str | None, Any]]] | None = None,
    ) -> None:
        rt, ct = _text_of(r), _text_of(c)
        box = c.get("bbox") if ct else r.get("bbox")
        if rt != ct:
            if not rt:
                self.out.add(
                    "text_error", 2 if major else 1, location, f"the {what} {quote(ct)} should not be there", box
                )
            elif not ct:
                self.out.add("text_error", 2 if major else 1, location, f"the {what} {quote(rt)} is missing", box)
            else:
                sev = text_severity(rt, ct)
                self.out.add("text_error", sev, location, f"the {what} reads {quote(ct)}, should be {quote(rt)}", box)
            return
        if not rt or not style:
            return
        if paints is not None:  # grouped by the caller: one colour argument colours many texts
            if delta_e(r.get("color"), c.get("color")) > self.opts.colour_de:
                paints.setdefault(c.get("color"), []).append((r.get("color"), box))
        else:
            self.out.colour("style_error", f"the {what} colour", location, r.get("color"), c.get("color"), box)
        fr, fc = r.get("fontsize"), c.get("fontsize")
        if fr and fc and max(fr, fc) / max(1e-9, min(fr, fc)) > 1.15:
            self.out.add("style_error", 1, location, f"the {what} font size is {fc:g}, should be {fr:g}", box)

    # -- axes
    def axes(self, r: dict[str, Any], c: dict[str, Any], where: str) -> None:
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
            self.text_pair(
                f"{where} {axis}-axis label", f"{axis}-axis label", r.get(f"{axis}label") or {},
                c.get(f"{axis}label") or {}, major=True,
            )  # fmt: skip
        n_before = len(out.items)
        self.lost_baseline = False
        if is_colorbar(r) and is_colorbar(c):
            # A colour bar draws the colour scale of another axes' image: its values and ticks follow that
            # image's data (reported there); only its texts are its own.
            missing, extra = set(), set()
            data_changed = True
        else:
            missing, extra, self.lost_baseline = compare_data(out, r, c, where)
            # A colour or style change of the data does not move the autoscaled limits or ticks.
            data_changed = any(d.category != "style_error" for d in out.items[n_before:])
        structure = any(d.category == "structure_error" for d in out.items[n_before:])
        resized = self.layout_changed or _resized(r.get("bbox"), c.get("bbox"))
        n_axis = len(out.items)
        for axis in ("x", "y"):
            self.axis(r, c, axis, where, data_changed or structure, resized)
        x_range = [d for d in out.items[n_axis:] if d.location.endswith("x-axis") and d.category == "data_error"]
        self.axes_log.append((c.get("bbox"), data_changed or structure, x_range))
        self.texts(r.get("texts") or [], c.get("texts") or [], where, data_changed)
        self.legend(r.get("legend"), c.get("legend"), f"{where} legend", missing, extra, data_changed)
        out.colour("style_error", "the plot background", where, r.get("facecolor"), c.get("facecolor"), c.get("bbox"))
        if bool(r.get("grid")) != bool(c.get("grid")):
            out.add("style_error", 1, f"{where} grid", f"grid lines are {'shown' if c.get('grid') else 'hidden'}, "
                    f"should be {'shown' if r.get('grid') else 'hidden'}", c.get("bbox"))  # fmt: skip

    def axis(
        self, r: dict[str, Any], c: dict[str, Any], axis: str, where: str, data_changed: bool, resized: bool = False
    ) -> None:
        out = self.out
        rs, cs = r.get(f"{axis}scale"), c.get(f"{axis}scale")
        ticks_r, ticks_c = r.get(f"{axis}ticklabels") or [], c.get(f"{axis}ticklabels") or []
        tick_box = (
            union_box([t.get("bbox") for t in ticks_c]) or union_box([t.get("bbox") for t in ticks_r]) or c.get("bbox")
        )
        if rs != cs:
            out.add(
                "structure_error", 2, f"{where} {axis}-axis", f"the {axis}-axis scale is {cs}, should be {rs}", tick_box
            )
            return
        rl, cl = r.get(f"{axis}lim") or [], c.get(f"{axis}lim") or []
        limits_same = True
        if not ticks_r and not ticks_c:
            return  # an axis without tick labels (a pie, axis off) has no range a reader can see
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
            ):
                # The data changed, but autoscaled limits would still show it all: the limits were set.
                out.add("data_error", 3, f"{where} {axis}-axis",
                        f"the {axis}-axis range {fmt_number(cl[0])} to {fmt_number(cl[1])} cuts off part of the data "
                        f"(should be {fmt_number(rl[0])} to {fmt_number(rl[1])})", tick_box)  # fmt: skip
            if not limits_same and not data_changed:
                if flipped:
                    out.add("structure_error", 2, f"{where} {axis}-axis", f"the {axis}-axis is inverted", tick_box)
                else:
                    lo_r, hi_r = sorted((f(rl[0]), f(rl[1])))
                    lo_c, hi_c = sorted((f(cl[0]), f(cl[1])))
                    tol = 0.02 * span
                    narrowed = lo_c > lo_r + tol or hi_c < hi_r - tol  # part of the reference range is cut off
                    widened = (hi_c - lo_c) >= 1.5 * (hi_r - lo_r)
                    sev = 3 if narrowed else 2 if widened else 1
                    out.add("data_error", sev, f"{where} {axis}-axis",
                            f"the {axis}-axis range is {fmt_number(cl[0])} to {fmt_number(cl[1])}, should be "
                            f"{fmt_number(rl[0])} to {fmt_number(rl[1])}", tick_box)  # fmt: skip
        tr = [t.get("text", "") for t in ticks_r]
        tc = [t.get("text", "") for t in ticks_c]
        if tr == tc:
            return
        categorical = any(x and not is_numeric_text(x) for x in tr + tc)
        if not categorical and (not limits_same or data_changed or resized):
            return  # numeric ticks follow the limits and the axes' size
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
        out.add("text_error", sev, f"{where} {axis}-axis tick labels",
                f"{axis}-axis tick labels differ: " + "; ".join(diffs[:4]) + ("; …" if len(diffs) > 4 else ""),
                tick_box)  # fmt: skip

    # -- texts and legends
    def texts(self, ra: list[dict[str, Any]], ca: list[dict[str, Any]], where: str, data_changed: bool) -> None:
        out = self.out

        # Many texts (a heatmap's cell labels): compare the strings of texts whose boxes are near only, so the
        # matcher stays cheap; a changed text rarely also moves far.
        crowded = len(ra) * len(ca) > 400
        box_r = [clean_box(t.get("bbox")) for t in ra]
        box_c = [clean_box(t.get("bbox")) for t in ca]
        text_r, text_c = [_text_of(t) for t in ra], [_text_of(t) for t in ca]

        def near(x: tuple[float, ...] | None, y: tuple[float, ...] | None) -> bool:
            if x is None or y is None:
                return True
            return math.hypot((x[0] + x[2] - y[0] - y[2]) / 2, (x[1] + x[3] - y[1] - y[3]) / 2) < 0.1

        def score(i: int, a: dict[str, Any], j: int, b: dict[str, Any]) -> float:
            ta, tb = text_r[i], text_c[j]
            s = 3.0 * (ta == tb)
            if ta == tb:
                s += 1.0
            elif not crowded or near(box_r[i], box_c[j]):
                s += text_ratio(ta, tb)
            s += 1.0 * (a.get("type") == b.get("type")) + 2.0 * box_iou_clean(box_r[i], box_c[j])
            return s + 0.5 / (1 + abs(i - j))

        pairs, lost, added = greedy_pairs(ra, ca, score, minimum=1.8)
        paints: dict[str | None, list[tuple[str | None, Any]]] = {}

        def derived(t: str) -> bool:
            return data_changed and is_numeric_text(t)

        for i in lost:
            t = _text_of(ra[i])
            if not derived(t):
                out.add("text_error", 1, f"{where} text", f"the text {quote(t)} is missing", ra[i].get("bbox"))
        for j in added:
            t = _text_of(ca[j])
            if not derived(t):
                out.add("text_error", 1, f"{where} text", f"the text {quote(t)} should not be there", ca[j].get("bbox"))
        for i, j in pairs:
            a, b = _text_of(ra[i]), _text_of(ca[j])
            if a != b and derived(a) and derived(b):
                continue
            self.text_pair(f"{where} text {quote(a, 30)}", "text", ra[i], ca[j], major=False, paints=paints)
        # Texts recoloured alike (a loop of ax.text calls sharing one colour argument) are one discrepancy.
        for new, olds in paints.items():
            sev = max(
                2 if delta_e(old, new) >= self.opts.strong_de or (old in (None, "none")) != (new in (None, "none"))
                else 1
                for old, _ in olds
            )  # fmt: skip
            what = "the text colour" if len(olds) == 1 else f"the colour of {len(olds)} texts"
            out.add("style_error", sev, f"{where} texts", f"{what} is {new or 'none'}, should be "
                    f"{', '.join(sorted({str(o) for o, _ in olds}))}", union_box([b for _, b in olds]))  # fmt: skip

    def legend(
        self,
        r: dict[str, Any] | None,
        c: dict[str, Any] | None,
        where: str,
        missing: set[str],
        extra: set[str],
        changed: bool = False,
    ) -> None:
        out = self.out
        if not r and not c:
            return
        if not r or not c:
            there = c or r or {}
            verb = "should not be there" if c else "is missing"
            out.add("structure_error", 2, where, f"the legend {verb}", there.get("bbox"))
            return
        tr, tc = list(r.get("texts") or []), list(c.get("texts") or [])
        if tr != tc and Counter(tr) == Counter(tc):
            # Entries follow the artists' order; a reorder caused by a data or type change is not its own error.
            if not changed:
                out.add("style_error", 1, where, "the legend entries are in a different order", c.get("bbox"))
        elif tr != tc:
            sm = difflib.SequenceMatcher(None, tr, tc, autojunk=False)
            for op, i0, i1, j0, j1 in sm.get_opcodes():
                if op == "equal":
                    continue
                gone = [t for t in tr[i0:i1] if t not in missing]
                new = [t for t in tc[j0:j1] if t not in extra]
                if op == "replace" and len(gone) == len(new):
                    for a, b in zip(gone, new, strict=True):
                        if changed and re.search(r"\d", a) and NUMBER_RE.sub("#", a) == NUMBER_RE.sub("#", b):
                            continue  # an entry quoting the data ('Mean: 12.3') follows the data
                        sev = text_severity(a, b)
                        out.add("text_error", sev, where, f"the legend entry reads {quote(b)}, should be {quote(a)}",
                                c.get("bbox"))  # fmt: skip
                    continue
                for a in gone:
                    out.add("text_error", 2, where, f"the legend entry {quote(a)} is missing", c.get("bbox"))
                for b in new:
                    out.add("text_error", 2, where, f"the legend entry {quote(b)} should not be there", c.get("bbox"))
        if (r.get("title") or "") != (c.get("title") or ""):
            self.text_pair(where + " title", "legend title", {"text": r.get("title")}, {"text": c.get("title"),
                           "bbox": c.get("bbox")}, major=False)  # fmt: skip
        lr, lc = _loc_word(r.get("loc")), _loc_word(c.get("loc"))
        moved = centre_distance(r.get("bbox"), c.get("bbox"))
        if (lr != lc and not (lr == "best" or lc == "best")) or (lr == lc and lr != "best" and moved > 0.15):
            out.add("style_error", 1, where, f"the legend is at {lc}, should be at {lr}", c.get("bbox"))


def _resized(a: Any, b: Any) -> bool:
    a, b = clean_box(a), clean_box(b)
    if a is None or b is None:
        return a != b
    wa, ha, wb, hb = a[2] - a[0], a[3] - a[1], b[2] - b[0], b[3] - b[1]
    return abs(wa - wb) > 0.1 * max(wa, 1e-9) or abs(ha - hb) > 0.1 * max(ha, 1e-9)


def _text_of(t: Any) -> str:
    if isinstance(t, dict):
        return str(t.get("text") or "")
    return str(t or "")


def _title_text(ax: dict[str, Any]) -> str:
    return " | ".join(_text_of(v) for _, v in sorted((ax.get("title") or {}).items()))


def _axes_name(ax: dict[str, Any], i: int, n: int) -> str:
    if n == 1:
        return "plot"
    t = _title_text(ax)
    return f"subplot {i + 1}" + (f" ({quote(t, 30)})" if t else "")


def _layout(axes: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(number of axes, distinct columns, distinct rows) of the axes' positions."""

    def distinct(values: list[float]) -> int:
        out: list[float] = []
        for v in sorted(values):
            if not out or v - out[-1] > 0.05:
                out.append(v)
        return len(out)

    boxes = [b for b in (clean_box(a.get("bbox")) for a in axes) if b]
    return len(axes), distinct([b[0] for b in boxes]), distinct([b[1] for b in boxes])


def _layout_words(lay: tuple[int, int, int]) -> str:
    n, cols, rows = lay
    return f"{n} axes in {rows} row{'s' * (rows != 1)} and {cols} column{'s' * (cols != 1)}"


def _loc_word(loc: Any) -> str:
    if isinstance(loc, int):
        return _LEGEND_LOCS.get(loc, str(loc))
    return str(loc) if loc is not None else "best"
