"""Charts, texts and legends: titles, labels, free texts and legend entries compared as a reader reads them.

Texts pair by content and place; a changed text is text_error by the text rule (its severity by how much of
it changed), a recoloured one style_error (2 when it now has its background's colour), a resized one
style_error 1. Legend entries compare as a list (a reorder caused by a data change is no error of its own);
a legend moved elsewhere is style_error 1. Rules in full: docs/judges.md.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from verm.judge.scene.boxes import box_area, box_iou_clean, centre_distance, clean_box, union_box
from verm.judge.scene.chart.grade import CONFUSABLE_DE, outline_shows, text_edit, text_recolour_shows
from verm.judge.scene.chart.panels import (
    legend_labels_swapped,
)
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Finding, Findings, Unit
from verm.judge.scene.matching import greedy_pairs
from verm.judge.scene.text import NUMBER_RE, is_numeric_text, is_value_text, quote, text_ratio, text_severity

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


#: A legend whose centre moved this share of the figure shows elsewhere.
LEGEND_MOVED = 0.03

#: The pairing score a text gains from the same words in the same call's turn: more than its place can give (box
#: overlap 2, same anchor 1).
SAME_CALL = 3.5


def _text_of(t: Any) -> str:
    if isinstance(t, dict):
        return str(t.get("text") or "")
    return str(t or "")


def _size_of(t: dict[str, Any]) -> Any:
    return t.get("fontsize")


def _contrast_sizes(ra: list[dict[str, Any]], ca: list[dict[str, Any]]) -> set[Any]:
    """The font sizes whose texts wear two colours in the reference and the very same two in the candidate: a
    contrast picked by the value under each (white on a dark cell, black on a light one). Where the data changed,
    a text of such a size that took the other colour follows the data; labels turned one colour all over lose
    the old one: a recolouring."""
    kinds: dict[Any, list[set[Any]]] = {}
    for side, texts in enumerate((ra, ca)):
        for t in texts:
            if _text_of(t).strip() and not off_canvas(t):
                kinds.setdefault(_size_of(t), [set(), set()])[side].add(t.get("color"))
    return {size for size, (cr, cc) in kinds.items() if len(cr) == 2 and cr == cc and None not in cr}


def off_canvas(t: Any) -> bool:
    """Whether a text lies wholly off the canvas (its box, clipped to the figure, is empty): an axis label below
    a figure too small for it, a label pushed out by wider tick labels, an annotation above narrowed limits. No
    reader sees it: nothing of it can differ, and its leaving follows the change that pushed it out."""
    box = clean_box(t.get("bbox")) if isinstance(t, dict) and _text_of(t).strip() else None
    return box is not None and (box[2] <= box[0] or box[3] <= box[1])


def _requoted(tr: list[str], tc: list[str]) -> bool:
    """Whether legend entries read the same words in the same order, their numbers changed (not the same entries
    reordered): each entry quotes its series' number in its turn."""
    if len(tr) != len(tc) or Counter(tr) == Counter(tc) or not any(re.search(r"\d", t) for t in tr):
        return False
    return [NUMBER_RE.sub("#", t) for t in tr] == [NUMBER_RE.sub("#", t) for t in tc]


def _moved_entries(
    tr: list[str], tc: list[str], missing: set[str], extra: set[str]
) -> tuple[list[str], list[str]] | None:
    """When the legend entries both sides keep (beside those of series missing or extra) stand in another order:
    the reference's entries the candidate lacks and the candidate's the reference lacks, each in its order; else
    None (the entries read in order)."""
    kept_r, kept_c = [t for t in tr if t not in missing], [t for t in tc if t not in extra]
    common = Counter(kept_r) & Counter(kept_c)

    def split(entries: list[str]) -> tuple[list[str], list[str]]:
        left, shared, own = Counter(common), [], []
        for t in entries:
            if left[t] > 0:
                left[t] -= 1
                shared.append(t)
            else:
                own.append(t)
        return shared, own

    (shared_r, gone), (shared_c, new) = split(kept_r), split(kept_c)
    return (gone, new) if shared_r != shared_c else None


def _loc_word(loc: Any) -> str:
    if isinstance(loc, int):
        return _LEGEND_LOCS.get(loc, str(loc))
    return str(loc) if loc is not None else "best"


def _span_iou(a: tuple[float, ...] | None, b: tuple[float, ...] | None, k: int) -> float:
    """How much two boxes overlap along one axis (``k`` 0: x, 1: y), as intersection over union of their spans."""
    if a is None or b is None:
        return 0.0
    inter = min(a[k + 2], b[k + 2]) - max(a[k], b[k])
    union = max(a[k + 2], b[k + 2]) - min(a[k], b[k])
    return max(0.0, inter) / union if union > 0 else 0.0


def _same_anchor(a: tuple[float, ...] | None, b: tuple[float, ...] | None) -> bool:
    """Two text boxes on one line sharing an edge or centre: a text rewritten in place (its length changed)."""
    if a is None or b is None:
        return False
    h = max(a[3] - a[1], b[3] - b[1], 1e-6)
    if abs((a[1] + a[3]) - (b[1] + b[3])) / 2 > h / 2:
        return False
    tol = 0.01
    return abs(a[0] - b[0]) < tol or abs(a[2] - b[2]) < tol or abs((a[0] + a[2]) - (b[0] + b[2])) / 2 < tol


def _numbers(text: str) -> list[float]:
    """The numbers a text prints, in order (nan where one does not parse)."""
    return [float(re.sub(r"[^\d.eE+-]", "", x) or "nan") for x in NUMBER_RE.findall(text)]


def _number_change(a: str, b: str) -> float:
    """The largest relative change between the numbers of two texts (1 when they do not line up)."""
    na, nb = _numbers(a), _numbers(b)
    if len(na) != len(nb) or not na:
        return 1.0
    out = 0.0
    for x, y in zip(na, nb, strict=True):
        if math.isnan(x) or math.isnan(y):
            return 1.0
        out = max(out, abs(x - y) / max(abs(x), 1e-9))
    return out


class TextRules:
    """The text and legend rules of `ChartDiff` (a mixin: it reads the diff's findings, options and background)."""

    out: Findings
    opts: Any
    background: str | None

    def text_colour_severity(self, old: str | None, new: str | None, background: str | None) -> int:
        """A text's colour: 1 (it reads the same), 2 when it now (nearly) has its background's colour."""
        if new in (None, "none") or (background and delta_e(new, background) < CONFUSABLE_DE):
            return 2
        return 1

    def text_pair(
        self,
        location: str,
        what: str,
        r: dict[str, Any],
        c: dict[str, Any],
        major: bool,
        style: bool = True,
        paints: dict[str | None, list[tuple[str | None, str | None, Any]]] | None = None,
        scope: str | None = None,
        words_only: bool = False,
    ) -> None:
        if off_canvas(r) or off_canvas(c):
            return
        rt, ct = _text_of(r), _text_of(c)
        box = c.get("bbox") if ct else r.get("bbox")
        scope = scope or (location[: -len(what) - 1] if location.endswith(" " + what) else location)
        if rt != ct:
            if not rt:
                self.out.add(
                    "text_error", 2 if major else 1, location, f"the {what} {quote(ct)} should not be there", box
                )
            elif not ct:
                self.out.add("text_error", 2 if major else 1, location, f"the {what} {quote(rt)} is missing", box)
            else:
                sev = text_severity(*(NUMBER_RE.sub("#", t) for t in (rt, ct))) if words_only else text_severity(rt, ct)
                # Only its numbers changed ('accuracy 83.7%'): it may quote the data (`quotes_data_follow`).
                quotes = bool(re.search(r"\d", rt)) and NUMBER_RE.sub("#", rt) == NUMBER_RE.sub("#", ct)
                # The same edit of several texts (a typo in a title written by a loop) is one discrepancy; a text
                # whose numbers changed with its words ('τ [Gyr] = 3.09' -> 'τ [Budget] = 2.99': a name from a list
                # renamed, printed beside a statistic of the data) is keyed by its words' edit, so it joins the
                # same renaming elsewhere (the axis labels drawn from that list).
                masked = [NUMBER_RE.sub("#", t) for t in (rt, ct)]
                renamed = masked[0] != masked[1] and masked[0] != rt and NUMBER_RE.findall(rt) != NUMBER_RE.findall(ct)
                edit = text_edit(*masked) if renamed else text_edit(rt, ct)
                self.out.add("text_error", sev, location, f"the {what} reads {quote(ct)}, should be {quote(rt)}", box,
                             Unit("text", None, edit, what, scope), relabel=(what, rt, ct),
                             **({"quotes_data": True} if quotes and major else {}))  # fmt: skip
            return
        if not rt or not style:
            return
        if paints is not None:  # grouped by the caller: one colour argument colours many texts
            if text_recolour_shows(self.opts, r.get("color"), c.get("color"), c.get("fontsize") or r.get("fontsize")):
                paints.setdefault(c.get("color"), []).append((r.get("color"), c.get("color"), box))
        elif text_recolour_shows(self.opts, r.get("color"), c.get("color"), c.get("fontsize") or r.get("fontsize")):
            old, new = r.get("color"), c.get("color")
            self.out.add("style_error", self.text_colour_severity(old, new, self.background), location,
                         f"the {what} colour is {new or 'none'}, should be {old or 'none'}", box,
                         Unit("colour", old, new, "axis label" if what.endswith("axis label") else what, scope))  # fmt: skip
        fr, fc = r.get("fontsize"), c.get("fontsize")
        if fr and fc and max(fr, fc) / max(1e-9, min(fr, fc)) > 1.15:
            self.out.add("style_error", 1, location, f"the {what} font size is {fc:g}, should be {fr:g}", box,
                         Unit("font size", f"{fr:g}", f"{fc:g}", what, scope))  # fmt: skip

    def texts(
        self, ra: list[dict[str, Any]], ca: list[dict[str, Any]], where: str, data_changed: bool,
        background: str | None = None,
    ) -> int:  # fmt: skip
        """Compare two lists of texts; returns how many of the reference's are gone."""
        out = self.out
        background = background or self.background
        # Texts off the canvas show nothing; a shown one whose words went off the canvas on the other side left
        # the view with whatever pushed it out (`off_canvas`).
        hidden = {_text_of(t) for t in (*ra, *ca) if off_canvas(t)}
        if data_changed:  # a label quoting the data left the view with its mark, whatever it now quotes
            hidden |= {w for t in (*ra, *ca) if off_canvas(t) and (w := _quoting(_text_of(t))) is not None}
        # Each shown text's place in its call order (texts pushed off the canvas keep their turn: `again` below).
        calls = len(ra) == len(ca)
        order_r = [k for k, t in enumerate(ra) if not off_canvas(t)]
        order_c = [k for k, t in enumerate(ca) if not off_canvas(t)]
        # A text shown on one side whose call's text (its turn, as many calls on both sides) went off the canvas on
        # the other left the view with whatever pushed it out, whatever its words now read.
        gone_r = {k for k, t in enumerate(ra) if off_canvas(t)} if calls else set()
        gone_c = {k for k, t in enumerate(ca) if off_canvas(t)} if calls else set()
        ra, ca = [t for t in ra if not off_canvas(t)], [t for t in ca if not off_canvas(t)]

        # Many texts (a heatmap's cell labels): compare the strings of texts whose boxes are near only, so the
        # matcher stays cheap; a changed text rarely also moves far.
        crowded = len(ra) * len(ca) > 400
        box_r = [clean_box(t.get("bbox")) for t in ra]
        box_c = [clean_box(t.get("bbox")) for t in ca]
        text_r, text_c = [_text_of(t) for t in ra], [_text_of(t) for t in ca]
        # Where the data changed, a label that quotes them ('Visited site 48,200') keeps its words and follows its
        # mark wherever it moved: its words, numbers aside, pair it.
        words_r, words_c = ([_quoting(t) if data_changed else None for t in texts] for texts in (text_r, text_c))

        def near(x: tuple[float, ...] | None, y: tuple[float, ...] | None) -> bool:
            if x is None or y is None:
                return True
            return math.hypot((x[0] + x[2] - y[0] - y[2]) / 2, (x[1] + x[3] - y[1] - y[3]) / 2) < 0.1

        def score(i: int, a: dict[str, Any], j: int, b: dict[str, Any]) -> float:
            ta, tb = text_r[i], text_c[j]
            s = 3.0 * (ta == tb or (words_r[i] is not None and words_r[i] == words_c[j]))
            if ta == tb:
                s += 1.0
            elif not crowded or near(box_r[i], box_c[j]):
                s += text_ratio(ta, tb)
            s += 1.0 * (a.get("type") == b.get("type")) + 2.0 * box_iou_clean(box_r[i], box_c[j])
            s += 1.0 * _same_anchor(box_r[i], box_c[j])
            if calls and ta == tb and order_r[i] == order_c[j]:
                # The same words from the same call (one of several alike: 'per 1 kg' on each card) pair by the
                # call, wherever a change of the view moved them: not with another card's.
                s += SAME_CALL
            return s + 0.5 / (1 + abs(i - j))

        pairs, lost, added = greedy_pairs(ra, ca, score, minimum=1.8)
        if calls:
            # The same text call with other words, moved with its data (a pie's relabelled slice): one text
            # changed, not one gone and one new; by the turn of the call where the data pushed other texts off
            # the canvas (a radial bar chart's labels at the bars' ends, scaled out of the figure).
            turn = {order_c[j]: j for j in added}
            again = [(i, turn[order_r[i]]) for i in lost if order_r[i] in turn]
            pairs = [*pairs, *again]
            lost = [i for i in lost if i not in {a for a, _ in again}]
            added = [j for j in added if j not in {b for _, b in again}]
        paints: dict[str | None, list[tuple[str | None, str | None, Any]]] = {}

        def derived(t: str) -> bool:
            return data_changed and is_value_text(t)

        gone = [
            i
            for i in lost
            if not derived(_text_of(ra[i])) and not {text_r[i], words_r[i]} & hidden and order_r[i] not in gone_c
        ]
        added = [j for j in added if text_c[j] not in hidden and order_c[j] not in gone_r]
        # Numbers gone where other numbers came (contour labels at levels that changed, value labels computed
        # anew) are labels that changed, not texts missing and others new: they join the value labels below.
        renumbered = _renumbered([i for i in gone if is_numeric_text(text_r[i])],
                                 [j for j in added if is_numeric_text(text_c[j])], box_r, box_c)  # fmt: skip
        gone = [i for i in gone if i not in {i for i, _ in renumbered}]
        added = [j for j in added if j not in {j for _, j in renumbered}]
        n_gone = len(gone)
        if len(gone) >= 3:
            # Many texts gone (annotations, value labels): graded by the share of the texts; most of them gone
            # costs what it hides, one item per group of them (up to four groups).
            share = len(gone) / max(len(ra), 1)
            sev = 3 if share >= 0.5 else 2
            n = 1 + round(3 * share) if share >= 0.5 else 1
            for k in range(n):
                part = gone[k * len(gone) // n : (k + 1) * len(gone) // n]
                shown = ", ".join(quote(_text_of(ra[i]), 20) for i in part[:3]) + (", …" if len(part) > 3 else "")
                out.add("text_error", sev, f"{where} texts", f"{len(part)} of the {len(ra)} texts are missing "
                        f"({shown})", union_box([ra[i].get("bbox") for i in part]), missing=True)  # fmt: skip
            gone = []
        # Numbers gone or new beside value labels that changed (contour labels at levels that moved: fewer or
        # more fit): the one relabelling below, when there is one.
        loose: list[Finding] = []
        for i in gone:  # a text's words are missing (the text rule: a word changed is 2)
            f = out.add("text_error", 2, f"{where} text", f"the text {quote(_text_of(ra[i]))} is missing",
                        ra[i].get("bbox"), missing=True)  # fmt: skip
            if is_numeric_text(text_r[i]):
                loose.append(f)
        for j in added:
            t = _text_of(ca[j])
            if not derived(t):
                f = out.add("text_error", 1, f"{where} text", f"the text {quote(t)} should not be there",
                            ca[j].get("bbox"))  # fmt: skip
                if is_numeric_text(t):
                    loose.append(f)
        # Two texts that traded places (labels swapped): the values they name are misattributed.
        swapped: set[int] = set()
        # Where the data moved the texts along one axis only (a value axis turned log), their places along the
        # other axis still tell a swap.
        kept = [
            i
            for i, j in pairs
            if (text_r[i] == text_c[j] or (words_r[i] is not None and words_r[i] == words_c[j]))
            and box_area(box_r[i]) > 1e-5
            and box_area(box_c[j]) > 1e-5
        ]
        overlaps = [box_iou_clean]
        for k in (0, 1):
            if kept and sum(_span_iou(box_r[i], box_c[j], k) >= 0.5 for i, j in pairs if i in kept) * 2 >= len(kept):
                overlaps.append(lambda a, b, k=k: _span_iou(a, b, k))
        for (i, j), (i2, j2) in itertools.combinations(pairs, 2):
            if i in swapped or i2 in swapped or text_r[i] == text_r[i2]:
                continue
            if all(derived(t) for t in (text_r[i], text_r[i2], text_c[j], text_c[j2])):
                continue  # value labels that follow changed data (a pie's percentages) move with it
            names = not any(is_numeric_text(t) for t in (text_r[i], text_r[i2]))
            # Each of the two left its own place for the other's (a text that stayed put traded with none).
            if any(o(box_r[i], box_c[j]) < 0.3 and o(box_r[i2], box_c[j2]) < 0.3 and o(box_c[j], box_r[i2]) >= 0.3
                   and o(box_c[j2], box_r[i]) >= 0.3 for o in overlaps[: 3 if names else 1]):  # fmt: skip
                swapped |= {i, i2}
                out.add("text_error", 3, f"{where} texts", f"the texts {quote(text_r[i])} and {quote(text_r[i2])} "
                        "traded places", union_box([box_c[j], box_c[j2]]), traded=(text_r[i], text_r[i2]))  # fmt: skip
        # Labels that quote the data, moved with their marks along an axis the data changed (a category axis
        # turned log): their order along it still tells two that traded places.
        uses = Counter(words_r)  # (labels of the same words, '46% continue', have no rank of their own)
        quoting = [
            (i, j)
            for i, j in pairs
            if i not in swapped and words_r[i] is not None and words_r[i] == words_c[j] and uses[words_r[i]] == 1
        ]
        for i, i2 in _traded_ranks(quoting, text_r, text_c, box_r, box_c):
            a, b = (NUMBER_RE.sub("", text_r[k]).strip() for k in (i, i2))
            swapped |= {i, i2}
            out.add("text_error", 3, f"{where} texts", f"the labels {quote(a)} and {quote(b)} traded places",
                    union_box([box_r[i], box_r[i2]]), traded=(text_r[i], text_r[i2]))  # fmt: skip
        for i, j in pairs:  # an annotation's arrow recoloured (arrowprops): a look of its own
            ar, ac = ra[i].get("arrow") or {}, ca[j].get("arrow") or {}
            # An arrow is a thin stroke, blended by anti-aliasing: a change a pixel shows (black to a dark grey
            # does not).
            if ar and ac and outline_shows(ar.get("color"), ac.get("color")):
                out.colour("style_error", f"the arrow colour of the annotation {quote(text_r[i], 30)}",
                           f"{where} annotation arrow", ar.get("color"), ac.get("color"), ac.get("bbox"),
                           recolour={(ar.get("color"), ac.get("color"))})  # fmt: skip
        label_colours = {t.get("color") for t in ra if derived(_text_of(t))}
        recoloured = [ca[j].get("color") for i, j in pairs if derived(text_r[i]) and derived(text_c[j])
                      and delta_e(ra[i].get("color"), ca[j].get("color")) > self.opts.colour_de]  # fmt: skip
        if len(recoloured) >= 3 and len(set(recoloured)) == 1:
            label_colours = set()  # many labels turned one colour: a recolouring, not the data's contrast
        contrast = _contrast_sizes(ra, ca) if data_changed else set()
        # Texts whose numbers were all scaled by one factor (a table of weights printed beside the plot, from an
        # array that was scaled) quote the data: one data change, not a text change each; graded 1 whatever the
        # factor, by what shows (the plot's marks read the same: only the printed numbers moved). (Where the plot's data
        # changed, texts quoting them follow it, below.)
        reworded = [] if data_changed else [(i, j) for i, j in pairs if text_r[i] != text_c[j] and i not in swapped]
        factor = quoted_scale([text_r[i] for i, _ in reworded], [text_c[j] for _, j in reworded])
        if factor is not None:
            out.add("data_error", 1, f"{where} texts",
                    f"the values {len(reworded)} texts quote are scaled by {factor:.3g}",
                    union_box([box_c[j] for _, j in reworded]))  # fmt: skip
            pairs = [(i, j) for i, j in pairs if (i, j) not in reworded]
        numbers: list[tuple[str, str, Any]] = [(text_r[i], text_c[j], ca[j].get("bbox")) for i, j in renumbered]
        for i, j in pairs:
            a, b = _text_of(ra[i]), _text_of(ca[j])
            if a != b and derived(a) and derived(b):
                continue
            if a != b and data_changed and re.search(r"\d", a) and NUMBER_RE.sub("#", a) == NUMBER_RE.sub("#", b):
                continue  # a label quoting the data ('Total 150.6') follows the data
            if a != b and is_numeric_text(a) and is_numeric_text(b) and i not in swapped:
                numbers.append((a, b, ca[j].get("bbox")))
                continue
            # A value label that took another of the colours the value labels wear (white on a dark bar, dark on
            # a light one) follows the data; a colour new to them is a recolouring.
            follows = derived(a) and derived(b) and ca[j].get("color") in label_colours
            follows |= data_changed and _size_of(ra[i]) in contrast and _size_of(ra[i]) == _size_of(ca[j])
            # A label quoting the data whose words changed too ('Nov 176' -> 'oNv 368'): its numbers follow the
            # data, its words are graded (a typo: 1).
            quoted = data_changed and _quoting(a) is not None and _quoting(b) is not None
            self.text_pair(f"{where} text {quote(a, 30)}", "text", ra[i], ca[j], major=False, paints=paints,
                           scope=where, style=not follows, words_only=quoted)  # fmt: skip
        if len(numbers) >= 2:
            # Value labels that changed together (percentages, bar labels): one discrepancy.
            sev = max(text_severity(a, b) for a, b, _ in numbers) if max(
                _number_change(a, b) for a, b, _ in numbers) >= 0.05 else 1  # fmt: skip
            shown = "; ".join(f"{quote(b)} instead of {quote(a)}" for a, b, _ in numbers[:3])
            labels = out.add("text_error", sev, f"{where} texts", f"{len(numbers)} value labels differ: {shown}"
                             + ("; …" if len(numbers) > 3 else ""), union_box([x for _, _, x in numbers]))  # fmt: skip
            if loose:
                labels.description += "; " + "; ".join(f.description.removeprefix("the ") for f in loose)
                labels.bbox = union_box([labels.bbox, *(f.bbox for f in loose)])
                out.items[:] = [f for f in out.items if not any(f is g for g in loose)]
        else:
            for a, b, box in numbers:
                out.add("text_error", text_severity(a, b), f"{where} text {quote(a, 30)}",
                        f"the text reads {quote(b)}, should be {quote(a)}", box)  # fmt: skip
        # Texts recoloured alike (a loop of ax.text calls sharing one colour argument), or many texts recoloured
        # at once (labels coloured by a colour map), are one discrepancy.
        groups = list(paints.items())
        if len(groups) > 1 and sum(len(olds) for _, olds in groups) >= 3:
            groups = [(None, [o for _, olds in groups for o in olds])]
        for new, olds in groups:
            sev = max(self.text_colour_severity(old, n, background) for old, n, _ in olds)
            what = "the text colour" if len(olds) == 1 else f"the colour of {len(olds)} texts"
            news = new or ", ".join(sorted({str(n) for _, n, _ in olds}))
            out.add("style_error", sev, f"{where} texts", f"{what} is {news}, should be "
                    f"{', '.join(sorted({str(o) for o, _, _ in olds}))}", union_box([b for _, _, b in olds]),
                    recolour={(o, n) for o, n, _ in olds})  # fmt: skip
        return n_gone

    def legend(
        self,
        r: dict[str, Any] | None,
        c: dict[str, Any] | None,
        where: str,
        missing: set[str],
        extra: set[str],
        changed: bool = False,
        retyped: set[str] | None = None,
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
        title_r, title_c = r.get("title") or "", c.get("title") or ""
        factor = None if changed else quoted_scale([*tr, title_r], [*tc, title_c])
        if factor is not None:
            # The legend quotes values (a pie's amounts) that were scaled alike where the plot shows only their
            # shares: the data changed, read in the legend; no text change of its own. Graded by what shows, as
            # for the quoting texts above: the marks read the same (a pie's shares), only the printed numbers moved.
            out.add("data_error", 1, where,
                    f"the values the legend quotes are scaled by {factor:.3g}", c.get("bbox"))  # fmt: skip
            tr, title_r = tc, title_c
        # A series drawn as another kind whose entry went (a legend built from one kind's handles, perhaps on the
        # twin axes) lost it with its type: the type change's own item.
        missing = missing | {n for n in retyped or () if n and n not in tc}
        if tr != tc and Counter(tr) == Counter(tc):
            # Entries follow the artists' order; a reorder caused by a data or type change is not its own error.
            swapped = legend_labels_swapped(r, c, out.items)
            if swapped and not changed:
                out.add("text_error", 3, where, swapped, c.get("bbox"))
            elif not changed and swapped is None:
                out.add("style_error", 1, where, "the legend entries are in a different order", c.get("bbox"))
        elif changed and _requoted(tr, tc):
            pass  # entries quoting the data in their turn ('10 nm' -> '20 nm': a size list changed) follow the data
        elif (moved := _moved_entries(tr, tc, missing, extra)) is not None:
            # The entries kept on both sides stand in another order (a series retyped to a line lists before the
            # bars): entries of series added or dropped came or went with them (the series' own items); the
            # others moved along, and an entry of its own changed is read against the one it replaces, in order.
            gone, new = moved
            if not changed:
                out.add("style_error", 1, where, "the legend entries are in a different order", c.get("bbox"))
            for a, b in zip(gone, new, strict=False):
                out.add("text_error", text_severity(a, b), where,
                        f"the legend entry reads {quote(b)}, should be {quote(a)}", c.get("bbox"),
                        _entry_unit(a, b, where))  # fmt: skip
            for a in gone[len(new) :]:
                out.add("text_error", 2, where, f"the legend entry {quote(a)} is missing", c.get("bbox"))
            for b in new[len(gone) :]:
                if not (b.startswith("_") and missing):
                    out.add("text_error", 2, where, f"the legend entry {quote(b)} should not be there", c.get("bbox"))
        elif tr != tc:
            sm = difflib.SequenceMatcher(None, tr, tc, autojunk=False)
            for op, i0, i1, j0, j1 in sm.get_opcodes():
                if op == "equal":
                    continue
                gone = [t for t in tr[i0:i1] if t not in missing]
                new = [t for t in tc[j0:j1] if t not in extra]
                if op == "replace" and not new and len(tc[j0:j1]) >= len(gone):
                    continue  # entries pushed out of a fixed-size legend by an extra series' entry follow it
                if op == "replace" and len(gone) == len(new):
                    for a, b in zip(gone, new, strict=True):
                        if changed and re.search(r"\d", a) and NUMBER_RE.sub("#", a) == NUMBER_RE.sub("#", b):
                            continue  # an entry quoting the data ('Mean: 12.3') follows the data
                        sev = text_severity(a, b)
                        out.add("text_error", sev, where, f"the legend entry reads {quote(b)}, should be {quote(a)}",
                                c.get("bbox"), _entry_unit(a, b, where))  # fmt: skip
                    continue
                for a in gone:
                    out.add("text_error", 2, where, f"the legend entry {quote(a)} is missing", c.get("bbox"))
                for b in new:
                    if b.startswith("_") and missing:
                        continue  # the placeholder label a dropped series' handle leaves behind
                    out.add("text_error", 2, where, f"the legend entry {quote(b)} should not be there", c.get("bbox"))
        if title_r != title_c:
            self.text_pair(where + " title", "legend title", {"text": r.get("title")}, {"text": c.get("title"),
                           "bbox": c.get("bbox")}, major=False)  # fmt: skip
        lr, lc = _loc_word(r.get("loc")), _loc_word(c.get("loc"))
        moved = centre_distance(r.get("bbox"), c.get("bbox"))
        # 'best' may resolve to the place the other names: reported when the legend shows elsewhere.
        if not tc and tr:
            return  # a legend left with no entries shows nothing where it sits: its entries' series are gone
        if (lr != lc and ("best" not in (lr, lc) or moved > LEGEND_MOVED)) or (
            lr == lc != "best"
            and moved > 0.15
            and _moved_in_axes(r, c) > 0.15
            and not _kept_anchor(r, c, lc, getattr(self, "size", None))
        ):
            out.add(
                "style_error",
                1,
                where,
                f"the legend is at {lc}, should be at {lr}" if lr != lc else f"the legend moved within the plot ({lc})",
                c.get("bbox"),
                legend_moved=True,
                legend_boxes=(r.get("bbox"), c.get("bbox")),
            )


#: A legend's corner this close (pixels) to where its loc puts it, on both sides, kept its anchor.
ANCHOR_PX = 3.0


def _kept_anchor(r: dict[str, Any], c: dict[str, Any], loc: str, size: Any) -> bool:
    """Whether a legend at one loc stands as far from the axes' point that loc names (a corner, an edge's middle
    or the centre) on both sides, in pixels: it moved only with its axes' box (an axis turned log under an equal
    aspect shrank the box), no place of its own (a ``bbox_to_anchor`` moved it off that point)."""
    if not isinstance(size, tuple) or len(size) != 2:
        return False
    fx = 0.0 if "left" in loc else 1.0 if "right" in loc else 0.5
    fy = 0.0 if "upper" in loc else 1.0 if "lower" in loc else 0.5  # image rows run down
    offsets = []
    for side in (r, c):
        b, a = clean_box(side.get("bbox")), clean_box(side.get("axes_bbox"))
        if b is None or a is None:
            return False
        offsets.append(
            (
                (b[0] + fx * (b[2] - b[0]) - a[0] - fx * (a[2] - a[0])) * size[0],
                (b[1] + fy * (b[3] - b[1]) - a[1] - fy * (a[3] - a[1])) * size[1],
            )
        )
    (xr, yr), (xc, yc) = offsets
    return abs(xr - xc) <= ANCHOR_PX and abs(yr - yc) <= ANCHOR_PX


def _moved_in_axes(r: dict[str, Any], c: dict[str, Any]) -> float:
    """How far a legend's centre moved within its axes (fractions of the axes' size), where both boxes are known
    (`ChartDiff.axes` adds them); else within the figure."""
    br, bc = clean_box(r.get("bbox")), clean_box(c.get("bbox"))
    ar, ac = clean_box(r.get("axes_bbox")), clean_box(c.get("axes_bbox"))
    if br is None or bc is None:
        return 0.0
    if ar is None or ac is None or min(ar[2] - ar[0], ar[3] - ar[1], ac[2] - ac[0], ac[3] - ac[1]) <= 0:
        return centre_distance(br, bc)

    def inside(b: tuple[float, ...], a: tuple[float, ...]) -> tuple[float, float]:
        return ((b[0] + b[2]) / 2 - a[0]) / (a[2] - a[0]), ((b[1] + b[3]) / 2 - a[1]) / (a[3] - a[1])

    (xr, yr), (xc, yc) = inside(br, ar), inside(bc, ac)
    return math.hypot(xc - xr, yc - yr)


def _entry_unit(a: str, b: str, where: str) -> Unit:
    """A legend entry reworded: the same edit of another text (a pie's slice label its legend entry quotes, both
    from one list of names) is one discrepancy (`grade.merge_units`)."""
    return Unit(
        "text", None, text_edit(a, b), "legend entry", where[: -len(" legend")] if where.endswith(" legend") else where
    )


#: Numbers quoted in texts that moved by one factor within this share (rounded as printed) were scaled alike.
QUOTED_SCALE_TOL = 0.02


def _numbers_of(text: str) -> list[float]:
    out = []
    for m in NUMBER_RE.findall(text):
        t = re.sub(r"[\s$€£¥,]", "", m).replace("−", "-").replace("–", "-")
        try:
            out.append(float(t))
        except ValueError:
            return []
    return out


def quoted_scale(ra: list[str], ca: list[str]) -> float | None:
    """The one factor the numbers of texts (in order, two lists as long) were scaled by, where only their numbers
    changed: two or more texts changed, every changed number by that factor (within `QUOTED_SCALE_TOL`, or its
    last printed digit); None otherwise."""
    if len(ra) != len(ca):
        return None
    ratios: list[tuple[float, float]] = []
    n_texts = 0
    for a, b in zip(ra, ca, strict=True):
        if a == b:
            continue
        if NUMBER_RE.sub("#", a) != NUMBER_RE.sub("#", b):
            return None  # words changed too
        na, nb = _numbers_of(a), _numbers_of(b)
        if not na or len(na) != len(nb):
            return None
        moved = [(x, y) for x, y in zip(na, nb, strict=True) if x != y]
        if any(x == 0 for x, _ in moved):
            return None
        ratios += moved
        n_texts += 1
    if n_texts < 2 or not ratios:
        return None
    big = max(ratios, key=lambda p: abs(p[0]))
    factor = big[1] / big[0]
    if factor <= 0 or abs(factor - 1) < 1e-3:
        return None
    for x, y in ratios:
        if abs(y - factor * x) > max(QUOTED_SCALE_TOL * abs(factor * x), 0.5 * 10 ** -_decimals(y)):
            return None
    return factor


def _decimals(v: float) -> int:
    text = repr(v)
    return len(text.split(".")[1].rstrip("0")) if "." in text and "e" not in text else 0


def _renumbered(
    gone: list[int], added: list[int], box_r: list[tuple[float, ...] | None], box_c: list[tuple[float, ...] | None]
) -> list[tuple[int, int]]:
    """(reference, candidate) numeric texts paired nearest first, where two or more numbers are gone and two or
    more new ones came: the same labels with other numbers."""
    if len(gone) < 2 or len(added) < 2:
        return []

    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted((centre_distance(box_r[i], box_c[j]), i, j) for i in gone for j in added):
        if all(i != p and j != q for p, q in pairs):
            pairs.append((i, j))
    return pairs


#: Labels stacked along an axis, at least this many, tell a swap by their order.
RANKED_LABELS = 3


def _traded_ranks(
    pairs: Sequence[tuple[int, int]],
    text_r: Sequence[str],
    text_c: Sequence[str],
    box_r: Sequence[tuple[float, ...] | None],
    box_c: Sequence[tuple[float, ...] | None],
) -> list[tuple[int, int]]:
    """Two of the paired labels whose order along an axis they are stacked on (their centres all apart) was
    exchanged while every other label kept its rank: the reference indices of the two, or nothing."""
    placed = [(i, j) for i, j in pairs if box_r[i] is not None and box_c[j] is not None]
    if len(placed) < RANKED_LABELS:
        return []
    for k in (0, 1):

        def centre(b: tuple[float, ...] | None, k: int = k) -> float:
            return (b[k] + b[k + 2]) / 2 if b is not None else 0.0

        by_r = sorted(range(len(placed)), key=lambda n: centre(box_r[placed[n][0]]))
        by_c = sorted(range(len(placed)), key=lambda n: centre(box_c[placed[n][1]]))
        ranks_r = [centre(box_r[placed[n][0]]) for n in by_r]
        ranks_c = [centre(box_c[placed[n][1]]) for n in by_c]
        if min(b - a for a, b in pairwise(ranks_r)) < 0.01 or min(b - a for a, b in pairwise(ranks_c)) < 0.01:
            continue  # not stacked along this axis (a column of labels shares its x)
        moved = [p for p in range(len(placed)) if by_r[p] != by_c[p]]
        if len(moved) != 2 or by_r[moved[0]] != by_c[moved[1]] or by_r[moved[1]] != by_c[moved[0]]:
            continue
        # The numbers stayed with the places (each rank's number changed by the factor all of them did): the
        # names alone traded. Labels that follow their data (line ends) reorder with numbers that moved apart.
        if _rank_factor([(text_r[placed[by_r[p]][0]], text_c[placed[by_c[p]][1]]) for p in range(len(placed))]):
            return [(placed[by_r[moved[0]]][0], placed[by_r[moved[1]]][0])]
    return []


def _rank_factor(pairs: Sequence[tuple[str, str]]) -> bool:
    """Whether every pair's first number changed by one factor (within 2 %) other than 1: numbers that stayed
    put are the places' own (a bump chart's end labels '2. United', ranked anew with the data), no data that
    stayed with them."""
    factors = []
    for a, b in pairs:
        na, nb = _numbers(a), _numbers(b)
        if not na or len(na) != len(nb) or not all(map(math.isfinite, (na[0], nb[0]))):
            return False
        if na[0] == 0:
            if nb[0] != 0:
                return False
            continue
        factors.append(nb[0] / na[0])
    if not factors or max(factors) - min(factors) > 0.02 * abs(min(factors, key=abs)):
        return False
    return abs(factors[0] - 1) > 0.01


def _quoting(text: str) -> str | None:
    """A text's words with its numbers masked, for a text of words and numbers ('Visited site 48,200'); None
    for others (a bare number is a value label, paired by place)."""
    if not re.search(r"\d", text):
        return None
    words = NUMBER_RE.sub("#", text)
    return words if re.search(r"[^\W\d_]{2}", words) else None


def quotes_data_follow(items: list[Finding]) -> None:
    """A title or axis label whose numbers alone changed ('Age 30-49 mostly car (41%)', 'overall accuracy
    83.7%') quotes the data: where the data it sits over changed (its axes', or any, for a figure's), it follows
    that change, as a value label does."""
    changed = {f.tags.get("axes") for f in items if f.category == "data_error"}
    items[:] = [
        f for f in items
        if not (f.tags.get("quotes_data") and (f.tags.get("axes") in changed if f.tags.get("axes") else changed))
    ]  # fmt: skip
