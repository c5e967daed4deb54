"""A CPU scene judge: compare what the renderers saw (chart artists, table cell
grids, SVG elements with their rendered boxes), not pixels, and report exact
discrepancies: "bar 3 of series 'Revenue' is 42, should be 40".

The judge needs a scene on both renderings (``Rendering.scene``, written by the
renderers when they render a *source*). When one is missing — a PNG-only
reference, a chart whose scene could not be built — `SceneJudge.judge` raises
`verm.errors.JudgeUnavailableError` with the reason; that is the *only*
exception it raises on purpose, and the cascade catches it to run the next
judge. A bug on a strange scene comes back as a ``judge_error`` judgment.

Every box is ``[x0, y0, x1, y1]`` in fractions of the candidate image: the
candidate element's box, or the reference element's box for a missing element
(both images are laid out alike, so the fractions are comparable), or the union
of the boxes of a group.

Matching
--------
chart
    Axes are matched by content (titles, axis labels, chart kind) and position
    (box IoU, order). Within matched axes: lines, bar series, scatter
    collections, filled areas, wedges, images and texts are matched by label,
    colour and order (a greedy assignment on a score). Bars are grouped into
    series by face colour (one colour per bar is one series) and named from the
    legend (legend colour -> legend text). Bars of a series pair by position.
table
    The two cell grids are aligned along one axis, then the other: a sequence
    alignment (difflib) on row (column) signatures keeps equal rows; a row
    present on both sides at different places is a move (swap); the rest of a
    changed block pairs by cell-multiset similarity (an order-keeping dynamic
    programme). Both orders (rows first, columns first) are tried and the one
    with the smaller total severity wins, so a dropped row is one discrepancy,
    not N cell changes.
svg
    Elements are aligned in document (stacking) order by a sequence alignment
    on their full signatures; an element found on both sides at different
    places is a stacking-order change; the rest pair by tag, id, path data, box
    overlap and colour inside each changed block.

Categories and severities
-------------------------
They mirror the perturbation engine's rules (`verm.perturb.chart`, `.table`,
`.svg`), so that the same edit gets the same category and severity.

chart (structure_error, data_error, text_error, style_error)

- a data value (bar height/width, line or scatter point, wedge share, heatmap
  cell, box statistics, error-bar end) differs by more than ``rtol`` relative:
  data_error, severity by the relative change ``|c - r| / |r|`` (5 % of the
  series' largest magnitude when r is 0): < 10 % -> 1, 10-50 % -> 2, > 50 % -> 3.
  Three or more changed points of one series are one discrepancy (a whole
  series changed): < 10 % -> 2, else 3. A pie's changed slice is the one whose
  share does not scale like the others; its severity is the change of its value.
- a series (line, bar series, scatter, area, slice) missing or extra:
  data_error 3; a different number of points: data_error 2 (3 below half).
- axis limits changed (the data did not): data_error, narrowed (part of the
  reference range cut off) -> 3, widened by >= 50 % -> 2, else 1.
- chart type (lines vs bars, vertical vs horizontal, a series drawn as another
  kind: same name, colour or values): structure_error 3, and not a colour
  change of the later series that took its place in the colour cycle; subplot layout (number or grid of axes):
  structure_error 2; axis scale (linear vs log) or an inverted axis:
  structure_error 2; a legend missing or extra: structure_error 2.
- title, axis label, legend entry, annotation and tick-label texts: text_error,
  1 for a one-character typo (or only case/spacing/punctuation), else 2; tick
  labels are one discrepancy per axis, 3 when labels traded places (values
  misattributed). Numbers-only texts (autopct, bar labels) and numeric ticks are
  not reported when the data or limits of their axes changed: they follow.
- colours (face, edge, line, text, background; CIE76 ΔE in Lab): ignored up to
  ΔE ``colour_de`` (8); style_error 1 below ΔE 25 (a shade), else 2 (the engine's
  colour rule); linestyle, marker, line width (x1.5), marker size, hatch, grid,
  legend position, title alignment, font size (x1.15): style_error 1.

table (layout_error, text_error, numeric_error)

- a row or column dropped: layout_error 3; duplicated, inserted, moved or
  swapped: layout_error 2; cells merged or split (a span changed, or two
  neighbouring cells written as one): layout_error 2, 3 for a Markdown split
  that pushes the row's last cell out.
- a changed cell is numeric_error when the difference is in digits, units or
  signs: both texts hold a number and either (a) they are equal once every
  number (with its sign) is replaced by a placeholder, or (b) their numbers are
  equal and the words that differ are short (<= 4 characters) and written next
  to a number (units: kg/g, %, USD), or (c) both are quantities (a number with
  at most a short unit). Severity: a flipped sign -> 3; a value moved by
  <= 50 % -> 2, more -> 3; a unit or currency -> 2. Otherwise text_error
  (header cells too): 1 for a one-character typo, else 2. Locations are
  "row r, column c", 1-based in the candidate grid as the table shows it
  (header rows count).

svg (structure_error, shape_error, style_error, text_symbol_error)

- an element missing or extra: structure_error, 3 when its box covers more than
  10 % of the image, 2 above 1 %, else 1; a stacking-order change: structure_error
  2 when the moved element's box overlaps one it moved past by > 5 % of the
  image, else 1.
- geometry: shape_error; a uniform resize by <= 12 % -> 1, <= 50 % -> 2, more
  -> 3; otherwise the largest move of a path point or box edge: < 4 % of the
  canvas -> 1, < 10 % -> 2, more -> 3. Elements moved together (a group's
  transform) are one discrepancy.
- the element's own transform: small (rotate < 10°, scale within 8 %, shift
  < 5 %) -> shape_error 1; larger -> structure_error 2, 3 when the element
  covers > 10 %; a mirroring scale(-1, 1) -> text_symbol_error 2.
- fill or stroke colour: style_error by the chart colour rule (a fill turned on
  or off is 2); colours changed alike on several elements (a group's) are one
  discrepancy; stroke width (x1.5): style_error 1.
- text content: text_symbol_error, 1 for a typo, else 2.
"""

from __future__ import annotations

import difflib
import itertools
import logging
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

from verm.errors import JudgeUnavailableError
from verm.judge.base import Judge
from verm.types import Discrepancy, Judgment, Rendering, Status, Task

log = logging.getLogger(__name__)

Box = list[float] | tuple[float, float, float, float] | None


@dataclass(frozen=True)
class SceneOptions:
    """Tolerances of the scene judge."""

    #: Relative tolerance for data values.
    rtol: float = 1e-3
    #: ΔE (CIE76) at or below which two colours count as the same.
    colour_de: float = 8.0
    #: ΔE above which a colour change is severity 2.
    strong_de: float = 25.0


# --------------------------------------------------------------------------- small helpers


def _clean_box(b: Any) -> tuple[float, float, float, float] | None:
    """A valid [0, 1] box or None (scenes clip, but guard against anything odd)."""
    if not isinstance(b, (list, tuple)) or len(b) != 4:
        return None
    try:
        x0, y0, x1, y1 = (min(1.0, max(0.0, float(v))) for v in b)
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (x0, y0, x1, y1)):
        return None
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _union(boxes: Sequence[Any]) -> tuple[float, float, float, float] | None:
    good = [b for b in (_clean_box(x) for x in boxes) if b is not None]
    if not good:
        return None
    return (min(b[0] for b in good), min(b[1] for b in good), max(b[2] for b in good), max(b[3] for b in good))


def _area(b: Any) -> float:
    c = _clean_box(b)
    return 0.0 if c is None else (c[2] - c[0]) * (c[3] - c[1])


def _iou(a: Any, b: Any) -> float:
    return _iou_clean(_clean_box(a), _clean_box(b))


def _iou_clean(a: tuple[float, ...] | None, b: tuple[float, ...] | None) -> float:
    """`_iou` of boxes already cleaned by `_clean_box`."""
    if a is None or b is None:
        return 0.0
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    if union <= 0:  # degenerate boxes (a horizontal line): compare by distance instead
        d = max(abs(a[i] - b[i]) for i in range(4))
        return 1.0 if d < 1e-3 else 0.0
    return inter / union


def _intersection(a: Any, b: Any) -> float:
    a, b = _clean_box(a), _clean_box(b)
    if a is None or b is None:
        return 0.0
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _overlaps(a: Any, b: Any) -> bool:
    a, b = _clean_box(a), _clean_box(b)
    if a is None or b is None:
        return False
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


@lru_cache(maxsize=4096)
def _lab(colour: str) -> tuple[float, float, float] | None:
    """'#rrggbb' -> CIE Lab (D65)."""
    m = re.fullmatch(r"#?([0-9a-fA-F]{6})(?:[0-9a-fA-F]{2})?", colour.strip())
    if not m:
        return None
    h = m.group(1)
    rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e(a: str | None, b: str | None) -> float:
    """CIE76 ΔE between two '#rrggbb' colours; 0 when both are absent, 100 when one is."""
    if not a and not b:
        return 0.0
    if not a or not b or a == "none" or b == "none":
        return 0.0 if a == b else 100.0
    la, lb = _lab(a), _lab(b)
    if la is None or lb is None:
        return 0.0 if a.lower() == b.lower() else 100.0
    return math.dist(la, lb)


_PUNCT_RE = re.compile(r"[\s\W_]+", re.UNICODE)


def _minor_text(a: str, b: str) -> bool:
    """Only case, spacing or punctuation differ."""
    return _PUNCT_RE.sub("", a).casefold() == _PUNCT_RE.sub("", b).casefold()


def _is_typo(a: str, b: str) -> bool:
    """At most one character inserted, deleted, replaced, or two neighbours swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


def text_severity(ref: str, cand: str) -> int:
    """Text rule (as verm.perturb): a one-character typo, or only case/spacing/punctuation, -> 1; else 2."""
    return 1 if _is_typo(ref, cand) or _minor_text(ref, cand) else 2


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _fmt(v: float | None) -> str:
    if v is None:
        return "missing"
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6g}"


def _q(s: str, limit: int = 60) -> str:
    s = " ".join(str(s).split())
    return repr(s if len(s) <= limit else s[: limit - 1] + "…")


def _rel_severity(rel: float) -> int:
    return 1 if rel < 0.10 else 2 if rel <= 0.50 else 3


def _series_severity(rel: float) -> int:
    """Many values of one series changed (the perturbation engine's data_series rule): < 10 % -> 2, else 3."""
    return 2 if rel < 0.10 else 3


def _greedy(
    refs: Sequence[Any], cands: Sequence[Any], score: Callable[[int, Any, int, Any], float | None], minimum: float = 0.0
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs by descending score (None or < minimum: never paired); leftovers on both sides."""
    scored = []
    for i, r in enumerate(refs):
        for j, c in enumerate(cands):
            s = score(i, r, j, c)
            if s is not None and s >= minimum:
                scored.append((-s, abs(i - j), i, j))
    scored.sort()
    used_r: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for _, _, i, j in scored:
        if i in used_r or j in used_c:
            continue
        used_r.add(i)
        used_c.add(j)
        pairs.append((i, j))
    pairs.sort()
    return pairs, [i for i in range(len(refs)) if i not in used_r], [j for j in range(len(cands)) if j not in used_c]


class _Out:
    """Collects discrepancies for one task."""

    def __init__(self, opts: SceneOptions) -> None:
        self.opts = opts
        self.items: list[Discrepancy] = []

    def add(self, category: str, severity: int, location: str, description: str, bbox: Any = None) -> None:
        self.items.append(
            Discrepancy(
                category=category,
                severity=max(1, min(3, int(severity))),
                location=location or "image",
                description=description,
                bbox=_clean_box(bbox),
            )
        )

    def colour(self, category: str, what: str, location: str, ref: str | None, cand: str | None, bbox: Any) -> bool:
        """Report a colour change if ΔE is above the threshold; True when reported."""
        de = delta_e(ref, cand)
        if de <= self.opts.colour_de:
            return False
        sev = 2 if de >= self.opts.strong_de or (ref in (None, "none")) != (cand in (None, "none")) else 1
        self.add(category, sev, location, f"{what} is {cand or 'none'}, should be {ref or 'none'}", bbox)
        return True


# --------------------------------------------------------------------------- charts

_NOLINE = {"None", "none", "", " "}
_NOMARKER = {"None", "none", "", " ", ","}
_CAP_MARKERS = {"_", "|", "1", "2", "3", "4"}
#: Kinds that go with another kind (box-plot lines, error-bar caps and segments), never a chart type alone.
_AUX_KINDS = frozenset({"segments", "boxline", "caps"})
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
_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_NUMERIC_TEXT_RE = re.compile(r"^[\s$€£¥+\-−–.,%()0-9eE×x^{}\\]*$")


def _is_numeric_text(s: str) -> bool:
    return bool(re.search(r"\d", s)) and bool(_NUMERIC_TEXT_RE.match(s))


def _labelled(label: Any) -> str | None:
    if isinstance(label, str) and label and not label.startswith("_"):
        return label
    return None


_ERRORBAR_KINDS = frozenset({"segments", "caps"})


@dataclass
class _Series:
    """One matched unit of data inside an axes: a line, a bar series, a scatter, an area, a pie."""

    kind: str  # line | bar | barh | scatter | area | pie | image | mesh | segments | box
    name: str | None
    colour: str | None
    items: list[dict[str, Any]]
    index: int

    @property
    def bbox(self) -> Any:
        return _union([it.get("bbox") for it in self.items])


class _ChartDiff:
    def __init__(self, out: _Out) -> None:
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
                _union([a.get("bbox") for a in cax]) or _union([a.get("bbox") for a in rax]),
            )
        kinds_r = [self.kinds(a) for a in rax]
        kinds_c = [self.kinds(a) for a in cax]

        def score(i: int, a: dict[str, Any], j: int, b: dict[str, Any]) -> float:
            s = 0.0 if layout_changed else 2.0 * _iou(a.get("bbox"), b.get("bbox"))
            s += 1.5 * (_title_text(a) == _title_text(b) and bool(_title_text(a)))
            s += 0.5 * (_text_of(a.get("ylabel")) == _text_of(b.get("ylabel")))
            s += 0.5 * (_text_of(a.get("xlabel")) == _text_of(b.get("xlabel")))
            s += 0.5 * (set(kinds_r[i]) == set(kinds_c[j]))
            s += 1.0 / (1 + abs(i - j))
            return s

        pairs, _, _ = _greedy(rax, cax, score)
        # Unmatched axes are part of the layout discrepancy above; nothing more to say about them.
        for i, j in pairs:
            where = _axes_name(rax[i], i, len(rax))
            self.axes(rax[i], cax[j], where)
        # Twin axes share the x-axis: its range follows the data of the twin that changed.
        follows = {
            id(d)
            for box, changed, xs in self.axes_log
            if not changed and any(c2 and _iou(box, b2) > 0.9 for b2, c2, _ in self.axes_log)
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
                self.out.add("text_error", 2 if major else 1, location, f"the {what} {_q(ct)} should not be there", box)
            elif not ct:
                self.out.add("text_error", 2 if major else 1, location, f"the {what} {_q(rt)} is missing", box)
            else:
                sev = text_severity(rt, ct)
                self.out.add("text_error", sev, location, f"the {what} reads {_q(ct)}, should be {_q(rt)}", box)
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
    def kinds(self, ax: dict[str, Any]) -> dict[str, list[_Series]]:
        """The axes' data grouped by chart kind, each kind a list of series."""
        out: dict[str, list[_Series]] = {}
        legend = ax.get("legend") or {}
        by_colour = list(zip(legend.get("colors") or [], legend.get("texts") or [], strict=False))
        # Lines carry their own labels: their legend entries do not name bars (the bar and line colour cycles
        # are separate, so a bar series often shares its colour with a line).
        line_labels = {_labelled(line.get("label")) for line in ax.get("lines") or []} - {None}
        by_colour = [(lc, lt) for lc, lt in by_colour if lt not in line_labels] or by_colour

        def legend_name(colour: str | None) -> str | None:
            for lc, lt in by_colour:
                if lc and colour and delta_e(lc, colour) <= 3:
                    return lt
            return None

        lines = ax.get("lines") or []
        patches = ax.get("patches") or []
        has_box = any(p.get("type") == "PathPatch" for p in patches) or _line_boxes(lines)
        for line in lines:
            has_line = line.get("linestyle") not in _NOLINE
            has_marker = str(line.get("marker")) not in _NOMARKER
            if not (has_line or has_marker) or not line.get("y"):
                continue
            cap = not has_line and str(line.get("marker")) in _CAP_MARKERS
            kind = "boxline" if has_box else "caps" if cap else "line" if has_line else "points"
            name = _labelled(line.get("label"))
            out.setdefault(kind, []).append(_Series(kind, name, line.get("color"), [line], len(out.get(kind, []))))
        rects = [p for p in patches if p.get("type") == "Rectangle" and p.get("width") is not None]
        if rects:
            kind = _bar_orientation(rects)
            groups: dict[str, list[dict[str, Any]]] = {}
            for p in rects:
                groups.setdefault(str(p.get("facecolor")), []).append(p)
            # One colour per bar is one series; otherwise a colour drawn twice at one place is two series.
            groups = {"*": rects} if 1 < len(groups) == len(rects) else _bar_groups(rects, groups, kind)
            for k, (colour, items) in enumerate(groups.items()):
                col = None if colour.startswith("*") else colour
                col = col.rsplit("#", 1)[0] if col and col.count("#") > 1 else col  # a split series keeps its colour
                out.setdefault(kind, []).append(_Series(kind, legend_name(col) if col else None, col, items, k))
        wedges = [p for p in patches if p.get("type") == "Wedge"]
        if wedges:
            out["pie"] = [_Series("pie", None, None, wedges, 0)]
        boxes = [p for p in patches if p.get("type") == "PathPatch"]
        if boxes:
            out.setdefault("box", []).append(_Series("box", None, None, boxes, len(out.get("box", []))))
        for c in ax.get("collections") or []:
            t = c.get("type")
            colour = (c.get("facecolors") or c.get("edgecolors") or [None])[0]
            name = _labelled(c.get("label"))
            if t == "PathCollection":
                kind = "scatter"
            elif t == "QuadMesh":
                kind = "mesh"
            elif t == "LineCollection":
                kind = "segments"
            elif t and "Poly" in t:
                kind = "area"
            else:
                continue
            out.setdefault(kind, []).append(_Series(kind, name, colour, [c], len(out.get(kind, []))))
        for k, im in enumerate(ax.get("images") or []):
            out.setdefault("image", []).append(_Series("image", None, None, [im], k))
        return out

    def axes(self, r: dict[str, Any], c: dict[str, Any], where: str) -> None:
        out = self.out
        # Titles: same text at another alignment is a style change, otherwise text.
        rt, ct = r.get("title") or {}, c.get("title") or {}
        if sorted(_text_of(v) for v in rt.values()) == sorted(_text_of(v) for v in ct.values()) and set(rt) != set(ct):
            rloc = next(iter(rt), "center")
            cloc = next(iter(ct), "center")
            out.add("style_error", 1, f"{where} title", f"the title is aligned {cloc}, should be {rloc}",
                    _union([v.get("bbox") for v in ct.values()]))  # fmt: skip
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
        if _is_colorbar(r) and _is_colorbar(c):
            # A colour bar draws the colour scale of another axes' image: its values and ticks follow that
            # image's data (reported there); only its texts are its own.
            missing, extra = set(), set()
            data_changed = True
        else:
            missing, extra = self.data(r, c, where)
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
        tick_box = _union([t.get("bbox") for t in ticks_c]) or _union([t.get("bbox") for t in ticks_r]) or c.get("bbox")
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
                and _cuts_data(r, axis) is False
                and _cuts_data(c, axis)
            ):
                # The data changed, but autoscaled limits would still show it all: the limits were set.
                out.add("data_error", 3, f"{where} {axis}-axis",
                        f"the {axis}-axis range {_fmt(cl[0])} to {_fmt(cl[1])} cuts off part of the data "
                        f"(should be {_fmt(rl[0])} to {_fmt(rl[1])})", tick_box)  # fmt: skip
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
                            f"the {axis}-axis range is {_fmt(cl[0])} to {_fmt(cl[1])}, should be "
                            f"{_fmt(rl[0])} to {_fmt(rl[1])}", tick_box)  # fmt: skip
        tr = [t.get("text", "") for t in ticks_r]
        tc = [t.get("text", "") for t in ticks_c]
        if tr == tc:
            return
        categorical = any(x and not _is_numeric_text(x) for x in tr + tc)
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
            a, b = ", ".join(map(_q, tr[i0:i1])), ", ".join(map(_q, tc[j0:j1]))
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

    # -- data
    def data(self, r: dict[str, Any], c: dict[str, Any], where: str) -> tuple[set[str], set[str]]:
        """Compare the data artists; returns names of missing and extra series (for the legend check)."""
        out = self.out
        kr, kc = self.kinds(r), self.kinds(c)
        missing: set[str] = set()
        extra: set[str] = set()
        main_r = {k for k in kr if k not in _AUX_KINDS}
        main_c = {k for k in kc if k not in _AUX_KINDS}
        only_r, only_c = main_r - main_c, main_c - main_r
        if only_r and only_c:
            out.add("structure_error", 3, f"{where}",
                    f"the chart type is {_kind_words(sorted(only_c))}, should be {_kind_words(sorted(only_r))}",
                    _union([s.bbox for k in only_c for s in kc[k]]) or c.get("bbox"))  # fmt: skip
            skip = only_r | only_c
            self.lost_baseline = bool(only_r & {"bar", "barh"})
        else:
            skip = set()
        ctx = _AxCtx(r, c)
        named: list[int] = []
        unnamed: list[int] = []
        lost_all: list[tuple[_Series, list[_Series]]] = []
        added_all: list[tuple[_Series, list[_Series]]] = []
        n0 = len(out.items)
        series_items: list[tuple[str, int, int, list[Discrepancy]]] = []
        if "box" in kr and "box" in kc:
            self.boxes(kr, kc, where, ctx)
            skip |= {"box", "boxline"}
        elif "boxline" in kr and "boxline" in kc:
            self.line_boxes(kr["boxline"], kc["boxline"], where)
            skip.add("boxline")
        if "caps" in kr and "caps" in kc:
            caps = (kr["caps"], kc["caps"])
            skip.add("caps")
        else:
            caps = None
        # Caps follow the data and the errors: compared last, and only when the data did not change.
        for kind in sorted(set(kr) | set(kc), key=lambda k: (k == "caps", k)):
            if kind in skip:
                continue
            sr, sc = kr.get(kind, []), kc.get(kind, [])
            pairs, lost, added = _match_series(sr, sc)
            lost_all.extend((sr[i], sr) for i in lost)
            added_all.extend((sc[j], sc) for j in added)
            for i, j in pairs:
                before = len(out.items)
                self.series(sr[i], sc[j], sr, where, ctx)
                new = range(before, len(out.items))
                series_items.append((kind, i, j, out.items[before:]))
                (named if sr[i].name else unnamed).extend(k for k in new if out.items[k].category == "data_error")
        if named and unnamed:
            # Unlabelled lines and bands that changed together with a labelled series are computed from it
            # (a trend line, a mean, a band between two series): the labelled series is the error.
            drop = set(unnamed)
            out.items[:] = [d for k, d in enumerate(out.items) if k not in drop]
        if caps and len(out.items) == n0:
            self.caps(caps[0], caps[1], where, ctx)
        # A series that left one kind and joined another under the same name (or colour) changed chart type.
        retyped, lost_idx, added_idx = _greedy(
            [x[0] for x in lost_all], [x[0] for x in added_all], _retype_score, minimum=2.0
        )
        shifted: set[int] = set()
        for i, j in retyped:
            (a, siblings), (b, _) = lost_all[i], added_all[j]
            self.lost_baseline |= a.kind in ("bar", "barh")
            # The series left its kind's colour cycle: the later series of that kind take the colours one
            # place earlier (the previous series' colour), which is not their own change.
            for kind, ii, jj, items in series_items:
                if kind == a.kind and ii > a.index and delta_e(kr[kind][ii - 1].colour, kc[kind][jj].colour) <= 8:
                    shifted |= {id(d) for d in items if d.category == "style_error" and "colour" in d.description}
            out.add("structure_error", 3, f"{where} {_series_words(a, siblings)}",
                    f"{_series_words(a, siblings)} is drawn as {_KIND_WORDS.get(b.kind, b.kind)}, should be "
                    f"{_KIND_WORDS.get(a.kind, a.kind)}", b.bbox)  # fmt: skip
        if shifted:
            out.items[:] = [d for d in out.items if id(d) not in shifted]
        # Error bars (segments, cap markers) missing or extra together with a series are that series' own.
        for idx, group in ((lost_idx, lost_all), (added_idx, added_all)):
            if any(group[k][0].kind not in _ERRORBAR_KINDS for k in idx):
                idx[:] = [k for k in idx if group[k][0].kind not in _ERRORBAR_KINDS]
        for i in lost_idx:
            s, siblings = lost_all[i]
            missing.add(s.name or "")
            out.add(
                "data_error", 3, f"{where} {_kind_word(s.kind)}", f"{_series_words(s, siblings)} is missing", s.bbox
            )
        for j in added_idx:
            s, siblings = added_all[j]
            extra.add(s.name or "")
            out.add("data_error", 3, f"{where} {_kind_word(s.kind)}", f"{_series_words(s, siblings)} should not be there",
                    s.bbox)  # fmt: skip
        return missing, extra

    def series(self, r: _Series, c: _Series, all_r: Sequence[_Series], where: str, ctx: _AxCtx) -> None:
        out = self.out
        name = _series_words(r, all_r)
        loc = f"{where} {_kind_word(r.kind)}" + (f" '{r.name}'" if r.name else "")
        kind = r.kind
        if kind in ("line", "points", "boxline", "caps"):
            a, b = r.items[0], c.items[0]
            self.values(
                name, "point", a.get("y") or [], b.get("y") or [], a.get("x") or [], ctx, loc, b.get("bbox"), "y"
            )
            xa, xb = tuple(a.get("x") or []), tuple(b.get("x") or [])
            if len(a.get("y") or []) == len(b.get("y") or []) and (xa, xb) not in ctx.seen_x:
                ctx.seen_x.add((xa, xb))  # series sharing one x list: one discrepancy for the list
                self.values(name, "point", xa, xb, xa, ctx, loc, b.get("bbox"), "x")
            out.colour("style_error", f"the colour of {name}", loc, a.get("color"), b.get("color"), b.get("bbox"))
            if a.get("linestyle") != b.get("linestyle"):
                out.add("style_error", 1, loc, f"{name} is drawn with line style {b.get('linestyle')!r}, "
                        f"should be {a.get('linestyle')!r}", b.get("bbox"))  # fmt: skip
            ma, mb = str(a.get("marker")), str(b.get("marker"))
            if ma != mb and not (ma in _NOMARKER and mb in _NOMARKER):
                out.add("style_error", 1, loc, f"{name} has marker {mb!r}, should be {ma!r}", b.get("bbox"))
            wa, wb = a.get("linewidth") or 0, b.get("linewidth") or 0
            if wa > 0 and wb > 0 and max(wa, wb) / min(wa, wb) >= 1.5 and a.get("linestyle") not in _NOLINE:
                out.add("style_error", 1, loc, f"{name} has line width {wb:g}, should be {wa:g}", b.get("bbox"))
        elif kind in ("bar", "barh"):
            self.bars(r, c, name, loc, ctx)
        elif kind == "pie":
            self.wedges(r, c, loc)
        elif kind == "scatter":
            a, b = r.items[0], c.items[0]
            self.values(
                name, "point", a.get("y") or [], b.get("y") or [], a.get("x") or [], ctx, loc, b.get("bbox"), "y"
            )
            if len(a.get("y") or []) == len(b.get("y") or []):
                self.values(
                    name, "point", a.get("x") or [], b.get("x") or [], a.get("x") or [], ctx, loc, b.get("bbox"), "x"
                )
            self.colours(a, b, name, loc)
            sa, sb = a.get("sizes") or [], b.get("sizes") or []
            one_size = sa and sb and len(set(sa)) == 1 and len(set(sb)) == 1 and sa[0] and sb[0]
            if one_size and max(sa[0], sb[0]) / min(sa[0], sb[0]) >= 1.5:
                out.add("style_error", 1, loc, f"{name} has marker size {sb[0]:g}, should be {sa[0]:g}", b.get("bbox"))
        elif kind in ("area", "segments"):
            a, b = r.items[0], c.items[0]
            na, nb = a.get("n_paths"), b.get("n_paths")
            if na is not None and nb is not None and na != nb:
                out.add(
                    "data_error", 2, loc, f"{name} has {nb} parts, should have {na}", b.get("bbox") or a.get("bbox")
                )
            elif not (kind == "area" and ctx.area_changed):
                # Areas are stacked more often than not: those above a changed one move with it.
                ctx.area_changed = self.extent(a.get("bbox"), b.get("bbox"), f"the extent of {name}", loc, ctx)
            self.colours(a, b, name, loc)
        elif kind in ("image", "mesh"):
            self.grid_values(r.items[0], c.items[0], name, loc)

    def boxes(self, kr: dict[str, list[_Series]], kc: dict[str, list[_Series]], where: str, ctx: _AxCtx) -> None:
        """Box plots: one discrepancy per box whose box or whisker/median lines moved."""
        out = self.out
        loc = f"{where} box plot"
        ra = [p for s in kr["box"] for p in s.items]
        ca = [p for s in kc["box"] for p in s.items]
        if len(ra) != len(ca):
            out.add("data_error", 3, loc, f"the plot has {len(ca)} boxes, should have {len(ra)}",
                    _union([p.get("bbox") for p in ca]) or _union([p.get("bbox") for p in ra]))  # fmt: skip
            return
        lr = [s.items[0] for s in kr.get("boxline", [])]
        lc = [s.items[0] for s in kc.get("boxline", [])]
        worst: dict[int, float] = {}

        def owner(line: dict[str, Any]) -> int | None:
            b = _clean_box(line.get("bbox"))
            if b is None:
                return None
            cx = (b[0] + b[2]) / 2
            return min(
                range(len(ra)), key=lambda k: abs(cx - sum((_clean_box(ra[k].get("bbox")) or (0, 0, 0, 0))[::2]) / 2)
            )

        if len(lr) == len(lc):
            for a, b in zip(lr, lc, strict=True):
                ya, yb = a.get("y") or [], b.get("y") or []
                k = owner(a)
                if k is None:
                    continue
                if len(ya) != len(yb):
                    worst[k] = max(worst.get(k, 0.0), 1.0)
                    continue
                for x, y in zip(ya, yb, strict=True):
                    if x is not None and y is not None and abs(x - y) > max(self.opts.rtol * abs(x), 1e-9):
                        worst[k] = max(worst.get(k, 0.0), abs(x - y) / max(abs(x), 1e-9))
        for k, (a, b) in enumerate(zip(ra, ca, strict=True)):
            shift = ctx.box_shift(a.get("bbox"), b.get("bbox"))
            if shift > 0.002:
                worst[k] = max(worst.get(k, 0.0), shift)
            out.colour("style_error", f"the colour of box {k + 1}", loc, a.get("facecolor"), b.get("facecolor"),
                       b.get("bbox"))  # fmt: skip
        for k, rel in sorted(worst.items()):
            out.add("data_error", _rel_severity(rel), loc,
                    f"box {k + 1}{ctx.at_box(ra[k])} shows different statistics (quartiles, median or whiskers differ "
                    f"by up to {rel:.0%})", ca[k].get("bbox"))  # fmt: skip

    def line_boxes(self, sr: list[_Series], sc: list[_Series], where: str) -> None:
        """Box plots drawn with lines only: one discrepancy per box position whose lines moved."""
        loc = f"{where} box plot"
        gr, gc = _by_position([s.items[0] for s in sr]), _by_position([s.items[0] for s in sc])
        if len(gr) != len(gc):
            self.out.add("data_error", 3, loc, f"the plot has {len(gc)} boxes, should have {len(gr)}",
                         _union([s.bbox for s in sc]))  # fmt: skip
            return
        for k, (a, b) in enumerate(zip(gr, gc, strict=True)):
            ya = [v for line in a for v in line.get("y") or []] + [v for line in a for v in line.get("x") or []]
            yb = [v for line in b for v in line.get("y") or []] + [v for line in b for v in line.get("x") or []]
            if len(ya) != len(yb):
                rel = 1.0
            else:
                rels = [
                    abs(x - y) / max(abs(x), 1e-9)
                    for x, y in zip(ya, yb, strict=True)
                    if x is not None and y is not None
                ]
                rel = max(rels, default=0.0)
            if rel > self.opts.rtol:
                self.out.add("data_error", _rel_severity(rel), loc,
                             f"box {k + 1} shows different statistics (quartiles, median or whiskers differ by up to "
                             f"{rel:.0%})", _union([line.get("bbox") for line in b]))  # fmt: skip

    def caps(self, sr: list[_Series], sc: list[_Series], where: str, ctx: _AxCtx) -> None:
        """Error bars (their caps): one discrepancy per point whose error differs."""
        if len(sr) != len(sc):
            self.out.add("data_error", 2, f"{where} error bars", f"the plot has {len(sc)} sets of error-bar caps, "
                         f"should have {len(sr)}", _union([s.bbox for s in sc]))  # fmt: skip
            return
        seen: set[tuple[Any, int]] = set()
        found: list[tuple[float, str, Any]] = []
        for a, b in zip(sr, sc, strict=True):
            la, lb = a.items[0], b.items[0]
            ya, yb, xs = la.get("y") or [], lb.get("y") or [], la.get("x") or []
            if len(ya) != len(yb):
                continue
            for k, (x, y) in enumerate(zip(ya, yb, strict=True)):
                if x is None or y is None or abs(x - y) <= max(self.opts.rtol * abs(x), 1e-9):
                    continue
                key = (tuple(xs), k)
                if key in seen:
                    continue  # the other cap of the same error bar
                seen.add(key)
                err = _error_size(sr, la, k)
                rel = abs(x - y) / err if err else abs(x - y) / max(abs(x), 1e-9)
                xk = xs[k] if k < len(xs) else None
                found.append((rel, f"the error bar of point {k + 1}{ctx.at(xs, k)} ends at {_fmt(y)}, should end at "
                              f"{_fmt(x)}", _union([ctx.point_box(xk, y), ctx.point_box(xk, x)]) or lb.get("bbox")))  # fmt: skip
        if len(found) >= 3:  # the errors of a whole series changed: one discrepancy (the series rule)
            rel = max(f[0] for f in found)
            self.out.add("data_error", _series_severity(rel), f"{where} error bars",
                         f"{len(found)} error bars differ, e.g. {found[0][1]}",
                         _union([f[2] for f in found] + [s.bbox for s in sc]))  # fmt: skip
            return
        for rel, desc, box in found:
            self.out.add("data_error", _rel_severity(rel), f"{where} error bars", desc, box)

    def extent(self, a: Any, b: Any, what: str, loc: str, ctx: _AxCtx) -> bool:
        """Report an element whose box, in data coordinates, moved (its values changed); True when reported."""
        shift = ctx.box_shift(a, b)
        if shift <= 0.01:
            return False
        sev = 1 if shift < 0.05 else 2 if shift < 0.2 else 3
        self.out.add("data_error", sev, loc, f"{what} differs (by {shift:.0%} of the axis range)", b or a)
        return True

    def colours(self, a: dict[str, Any], b: dict[str, Any], name: str, loc: str) -> None:
        for key, word in (("facecolors", "fill colour"), ("edgecolors", "edge colour")):
            ca, cb = a.get(key) or [], b.get(key) or []
            if not ca and not cb:
                continue
            if len(ca) == 1 or len(cb) == 1 or len(ca) != len(cb):
                if self.out.colour("style_error", f"the {word} of {name}", loc, ca[0] if ca else None,
                                   cb[0] if cb else None, b.get("bbox")):  # fmt: skip
                    return
                continue
            bad = [k for k, (x, y) in enumerate(zip(ca, cb, strict=True)) if delta_e(x, y) > self.opts.colour_de]
            if bad:
                de = max(delta_e(ca[k], cb[k]) for k in bad)
                self.out.add("style_error", 2 if de > self.opts.strong_de else 1, loc,
                             f"the {word}s of {name} differ ({len(bad)} of {len(ca)})", b.get("bbox"))  # fmt: skip
                return

    def values(
        self,
        name: str,
        unit: str,
        ra: Sequence[float | None],
        ca: Sequence[float | None],
        xs: Sequence[float | None],
        ctx: _AxCtx,
        loc: str,
        box: Any,
        axis: str,
    ) -> None:
        out = self.out
        if len(ra) != len(ca):
            sev = 3 if len(ca) < len(ra) / 2 or len(ra) < len(ca) / 2 else 2
            out.add("data_error", sev, loc, f"{name} has {len(ca)} {unit}s, should have {len(ra)}", box)
            return
        scale = max((abs(v) for v in ra if v is not None), default=0.0)
        span = ctx.span(axis)
        diffs: list[tuple[int, float, float | None, float | None]] = []
        for k, (x, y) in enumerate(zip(ra, ca, strict=True)):
            if x is None and y is None:
                continue
            if x is None or y is None:
                diffs.append((k, 1.0, x, y))
                continue
            tol = max(self.opts.rtol * abs(x), 1e-6 * span, 1e-12)
            if abs(x - y) > tol:
                rel = abs(x - y) / (abs(x) or 0.05 * scale or 1.0)
                diffs.append((k, rel, x, y))
        if not diffs:
            return
        if len(diffs) == len(ra) >= 2 and len(set(ra)) == 1 and len(set(ca)) == 1:
            # A constant line (axhline, axvline: a mean, a threshold) moved: one value.
            _, rel, x, y = diffs[0]
            out.add("data_error", _rel_severity(rel), loc, f"{name} is at {_fmt(y)}, should be at {_fmt(x)}"
                    + ("" if axis == "y" else f" ({axis} value)"), ctx.with_ticks(box, axis))  # fmt: skip
            return
        if len(diffs) >= 3:
            worst = max(d[1] for d in diffs)
            k, _, x, y = max(diffs, key=lambda d: d[1])
            out.add("data_error", _series_severity(worst), loc,
                    f"{len(diffs)} of {len(ra)} {unit}s of {name} differ ({axis} values), e.g. {unit} "
                    f"{k + 1}{ctx.at(xs, k)} is {_fmt(y)}, should be {_fmt(x)}", ctx.with_ticks(box, axis))  # fmt: skip
            return
        for k, rel, x, y in diffs:
            xk = xs[k] if k < len(xs) and axis == "y" else None
            # The change shows between the old and the new place of the point.
            pbox = _union(
                [ctx.point_box(xk, y if axis == "y" else None), ctx.point_box(xk, x if axis == "y" else None)]
            )
            pbox = pbox or box
            out.add("data_error", _rel_severity(rel), loc,
                    f"{unit} {k + 1}{ctx.at(xs, k)} of {name} is {_fmt(y)}, should be {_fmt(x)}"
                    + ("" if axis == "y" else f" ({axis} value)"), pbox)  # fmt: skip

    def bars(self, r: _Series, c: _Series, name: str, loc: str, ctx: _AxCtx) -> None:
        out = self.out
        horizontal = r.kind == "barh"
        pos, val = ("y", "width") if horizontal else ("x", "height")
        size = "height" if horizontal else "width"

        def centre(p: dict[str, Any]) -> float:
            return float(p.get(pos) or 0) + float(p.get(size) or 0) / 2

        ra = sorted(r.items, key=centre)
        ca = sorted(c.items, key=centre)
        if len(ra) == len(ca):
            pairs = list(zip(range(len(ra)), range(len(ca)), strict=True))
            lost: list[int] = []
            added: list[int] = []
        else:
            width = max((abs(float(p.get(size) or 0)) for p in ra), default=1.0) or 1.0
            pairs, lost, added = _greedy(ra, ca, lambda i, a, j, b: -abs(centre(a) - centre(b)) / width, minimum=-0.5)
        if len(lost) + len(added) > 2:
            # Many bars gone or new (a histogram re-binned because its data changed): one change of the series.
            out.add("data_error", 3 if len(lost) + len(added) > len(ra) / 2 else 2, loc,
                    f"{name} has {len(ca)} bars, should have {len(ra)}", c.bbox or r.bbox)  # fmt: skip
            return
        for i in lost:
            out.add("data_error", 2, loc, f"bar {i + 1}{ctx.bar_at(centre(ra[i]), horizontal)} of {name} is missing",
                    ra[i].get("bbox"))  # fmt: skip
        for j in added:
            out.add("data_error", 2, loc, f"bar {j + 1}{ctx.bar_at(centre(ca[j]), horizontal)} of {name} should not "
                    "be there", ca[j].get("bbox"))  # fmt: skip
        scale = max((abs(float(p.get(val) or 0)) for p in ra), default=0.0)
        diffs = []
        for i, j in pairs:
            x, y = float(ra[i].get(val) or 0), float(ca[j].get(val) or 0)
            if abs(x - y) > max(self.opts.rtol * abs(x), 1e-9 * max(1.0, scale)):
                diffs.append((i, j, abs(x - y) / (abs(x) or 0.05 * scale or 1.0), x, y))
        if (
            len(diffs) == 2
            and _touching(ra, pos, size)
            and abs(sum(d[4] - d[3] for d in diffs)) <= 1e-9 * max(1, scale)
        ):
            # A histogram whose total is kept: one sample moved from one bin to another (one changed value).
            (_i, j, rel, x, y), (_i2, j2, rel2, x2, y2) = diffs
            out.add("data_error", _rel_severity(max(rel, rel2)), loc,
                    f"bins {j + 1} and {j2 + 1} of {name} hold {_fmt(y)} and {_fmt(y2)}, should hold {_fmt(x)} and "
                    f"{_fmt(x2)} (a value falls in the wrong bin)",
                    _union([ca[j].get("bbox"), ca[j2].get("bbox")]))  # fmt: skip
            diffs = []
        if len(diffs) >= 3 and len(diffs) > len(pairs) / 2:
            worst = max(diffs, key=lambda d: d[2])
            i, j, rel, x, y = worst
            out.add("data_error", _series_severity(rel), loc,
                    f"{len(diffs)} of {len(ra)} bars of {name} differ, e.g. bar {j + 1}"
                    f"{ctx.bar_at(centre(ca[j]), horizontal)} is {_fmt(y)}, should be {_fmt(x)}",
                    ctx.with_ticks(_union([ca[d[1]].get("bbox") for d in diffs]), "x" if horizontal else "y"))  # fmt: skip
        else:
            for i, j, rel, x, y in diffs:
                # The change shows where the old and the new bar differ: box both.
                out.add("data_error", _rel_severity(rel), loc,
                        f"bar {j + 1}{ctx.bar_at(centre(ca[j]), horizontal)} of {name} is {_fmt(y)}, should be {_fmt(x)}",
                        _union([ca[j].get("bbox"), ra[i].get("bbox")]))  # fmt: skip
        # Style: one discrepancy when the whole series changed alike, else per bar.
        for key, word in (("facecolor", "colour"), ("edgecolor", "edge colour"), ("hatch", "hatch")):
            bad = []
            for i, j in pairs:
                a, b = ra[i].get(key), ca[j].get(key)
                changed = (a or "") != (b or "") if key == "hatch" else delta_e(a, b) > self.opts.colour_de
                if changed:
                    bad.append((i, j, a, b))
            if not bad:
                continue
            strong = key == "facecolor"

            def sev_of(a: str | None, b: str | None, strong: bool = strong) -> int:
                return 2 if strong and delta_e(a, b) > self.opts.strong_de else 1

            if len(bad) == len(pairs) and len(pairs) > 1 and len({b for _, _, _, b in bad}) == 1:
                # Every bar now has one colour (one colour argument replaced the old one or a palette).
                a, b = max(((x[2], x[3]) for x in bad), key=lambda ab: delta_e(ab[0], ab[1]))
                out.add("style_error", sev_of(a, b), loc, f"the bar {word} of {name} is {b or 'none'}, should be "
                        f"{a or 'none'}", _union([ca[j].get("bbox") for _, j, _, _ in bad]))  # fmt: skip
            else:
                for _i, j, a, b in bad:
                    out.add("style_error", sev_of(a, b), loc, f"the {word} of bar {j + 1}"
                            f"{ctx.bar_at(centre(ca[j]), horizontal)} of {name} is {b or 'none'}, should be "
                            f"{a or 'none'}", ca[j].get("bbox"))  # fmt: skip
        wa = [abs(float(ra[i].get(size) or 0)) for i, _ in pairs]
        wb = [abs(float(ca[j].get(size) or 0)) for _, j in pairs]
        if wa and wb and min(wa) > 0 and min(wb) > 0:
            ratio = (sum(wb) / len(wb)) / (sum(wa) / len(wa))
            if ratio > 1.2 or ratio < 1 / 1.2:
                out.add("style_error", 1, loc, f"the bars of {name} are {ratio:.0%} as wide as they should be",
                        c.bbox)  # fmt: skip

    def wedges(self, r: _Series, c: _Series, loc: str) -> None:
        out = self.out
        ra, ca = r.items, c.items
        total_r = sum(float(p.get("theta2", 0)) - float(p.get("theta1", 0)) for p in ra) or 360.0
        total_c = sum(float(p.get("theta2", 0)) - float(p.get("theta1", 0)) for p in ca) or 360.0

        def share(p: dict[str, Any], total: float) -> float:
            return (float(p.get("theta2", 0)) - float(p.get("theta1", 0))) / total * 100

        def label(k: int, p: dict[str, Any]) -> str:
            lab = _labelled(p.get("label"))
            return f"slice {k + 1}" + (f" ({lab!r})" if lab else "")

        if len(ra) != len(ca):
            _, lost, added = _greedy(
                ra, ca, lambda i, a, j, b: 2.0 * (a.get("label") == b.get("label") and bool(_labelled(a.get("label"))))
                + (delta_e(a.get("facecolor"), b.get("facecolor")) <= self.opts.colour_de) + 1 / (1 + abs(i - j))
            )  # fmt: skip
            for i in lost:
                out.add("data_error", 3, loc, f"{label(i, ra[i])} of the pie is missing", ra[i].get("bbox"))
            for j in added:
                out.add("data_error", 3, loc, f"{label(j, ca[j])} of the pie should not be there", ca[j].get("bbox"))
            return  # every share changes when a slice is missing; the missing slice is the error
        shares = [(share(a, total_r), share(b, total_c)) for a, b in zip(ra, ca, strict=True)]
        if any(abs(x - y) > max(0.05, self.opts.rtol * x) for x, y in shares):  # 0.05 percentage points
            # Changing one value changes every share. The slices whose values did not change all scale by the
            # same factor (old total / new total); the slices off that factor are the changed values.
            ratios = [y / x if x > 0 else math.inf for x, y in shares]
            clusters = [[k for k, q in enumerate(ratios) if abs(q - p) <= 2e-3 * max(p, 1e-9)] for p in ratios]
            base = max(clusters, key=len)
            if len(base) >= 2:
                unchanged = ratios[base[0]]
                changed = [k for k in range(len(ratios)) if k not in base]
            else:  # two slices, or everything changed: name the slice that changed most
                unchanged = 1.0
                changed = [max(range(len(ratios)), key=lambda k: abs(ratios[k] - 1))]
            for k in changed:
                x, y = shares[k]
                rel = abs(ratios[k] / unchanged - 1) if math.isfinite(ratios[k]) else 1.0
                out.add("data_error", _rel_severity(rel), loc,
                        f"{label(k, ca[k])} of the pie is {y:.1f}%, should be {x:.1f}%", ca[k].get("bbox"))  # fmt: skip
        for k, (a, b) in enumerate(zip(ra, ca, strict=True)):
            out.colour("style_error", f"the colour of {label(k, b)}", loc, a.get("facecolor"), b.get("facecolor"),
                       b.get("bbox"))  # fmt: skip
        # Slice labels: traded places (values misattributed) -> 3, else each changed label is a text change.
        la, lb = [str(p.get("label") or "") for p in ra], [str(p.get("label") or "") for p in ca]
        if la != lb and all(_labelled(x) for x in la + lb):
            if sorted(la) == sorted(lb):
                moved = [k for k in range(len(la)) if la[k] != lb[k]]
                what = "; ".join(f"{lb[k]!r} instead of {la[k]!r}" for k in moved[:4])
                out.add("text_error", 3, loc, f"the slice labels traded places: {what}",
                        _union([ca[k].get("bbox") for k in moved]))  # fmt: skip
            else:
                for k in range(len(la)):
                    if la[k] != lb[k]:
                        out.add("text_error", text_severity(la[k], lb[k]), loc,
                                f"{label(k, ca[k])} is labelled {lb[k]!r}, should be {la[k]!r}", ca[k].get("bbox"))  # fmt: skip
        # Exploded slices: the wedge centre's offset from the pie centre, as a fraction of the radius.
        for k, (a, b) in enumerate(zip(ra, ca, strict=True)):
            try:
                ea = math.hypot(*map(float, a.get("center") or (0, 0))) / float(a.get("r") or 1)
                eb = math.hypot(*map(float, b.get("center") or (0, 0))) / float(b.get("r") or 1)
            except (TypeError, ValueError, ZeroDivisionError):
                continue
            if abs(ea - eb) > 0.01:
                rel = abs(eb - ea) / ea if ea > 0.01 else 1.0
                out.add("data_error", _rel_severity(rel), loc,
                        f"{label(k, b)} is pulled out by {eb:.2f}, should be {ea:.2f} (explode)", b.get("bbox"))  # fmt: skip
        rr, rc = ra[0].get("r"), ca[0].get("r")
        if rr and rc and abs(rr - rc) / rr > 0.05:
            out.add("style_error", 1, loc, f"the pie radius is {rc:g}, should be {rr:g}", c.bbox)

    def grid_values(self, a: dict[str, Any], b: dict[str, Any], name: str, loc: str) -> None:
        out = self.out
        va, vb = a.get("values") or [], b.get("values") or []
        sa, sb = a.get("shape"), b.get("shape")
        if (sa and sb and list(sa) != list(sb)) or len(va) != len(vb):
            out.add("data_error", 3, loc, f"{name} has shape {sb or len(vb)}, should be {sa or len(va)}", b.get("bbox"))
            return
        scale = max((abs(v) for v in va if v is not None), default=0.0)
        diffs = []
        for k, (x, y) in enumerate(zip(va, vb, strict=True)):
            if x is None or y is None:
                if (x is None) != (y is None):
                    diffs.append((k, 1.0, x, y))
                continue
            if abs(x - y) > max(self.opts.rtol * abs(x), 1e-9 * max(scale, 1.0)):
                diffs.append((k, abs(x - y) / (abs(x) or 0.05 * scale or 1.0), x, y))
        ncols = int(sa[1]) if sa and len(sa) >= 2 else 0

        def cell(k: int) -> str:
            return f"cell ({k // ncols + 1}, {k % ncols + 1})" if ncols else f"value {k + 1}"

        def cell_box(k: int) -> Any:
            bb = _clean_box(b.get("bbox"))
            if not bb or not ncols or not sa:
                return bb
            nrows = int(sa[0])
            rr, cc = k // ncols, k % ncols
            w, h = (bb[2] - bb[0]) / ncols, (bb[3] - bb[1]) / nrows
            return (bb[0] + cc * w, bb[1] + rr * h, bb[0] + (cc + 1) * w, bb[1] + (rr + 1) * h)

        if len(diffs) >= 3:
            k, rel, x, y = max(diffs, key=lambda d: d[1])
            out.add("data_error", _series_severity(rel), loc,
                    f"{len(diffs)} of {len(va)} values of {name} differ, e.g. {cell(k)} is {_fmt(y)}, "
                    f"should be {_fmt(x)}", _union([cell_box(d[0]) for d in diffs]))  # fmt: skip
        else:
            for k, rel, x, y in diffs:
                out.add("data_error", _rel_severity(rel), loc, f"{cell(k)} of {name} is {_fmt(y)}, should be {_fmt(x)}",
                        cell_box(k))  # fmt: skip
        if a.get("cmap") and b.get("cmap") and a.get("cmap") != b.get("cmap"):
            out.add(
                "style_error", 2, loc, f"{name} uses colour map {b['cmap']!r}, should be {a['cmap']!r}", b.get("bbox")
            )
        ca, cb = a.get("clim") or [], b.get("clim") or []
        if not diffs and len(ca) == 2 and len(cb) == 2 and None not in ca + cb:
            span = abs(ca[1] - ca[0]) or 1.0
            if max(abs(ca[0] - cb[0]), abs(ca[1] - cb[1])) / span > 0.02:
                out.add("style_error", 1, loc, f"the colour scale of {name} runs {_fmt(cb[0])} to {_fmt(cb[1])}, "
                        f"should be {_fmt(ca[0])} to {_fmt(ca[1])}", b.get("bbox"))  # fmt: skip

    # -- texts and legends
    def texts(self, ra: list[dict[str, Any]], ca: list[dict[str, Any]], where: str, data_changed: bool) -> None:
        out = self.out

        # Many texts (a heatmap's cell labels): compare the strings of texts whose boxes are near only, so the
        # matcher stays cheap; a changed text rarely also moves far.
        crowded = len(ra) * len(ca) > 400
        box_r = [_clean_box(t.get("bbox")) for t in ra]
        box_c = [_clean_box(t.get("bbox")) for t in ca]
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
                s += _ratio(ta, tb)
            s += 1.0 * (a.get("type") == b.get("type")) + 2.0 * _iou_clean(box_r[i], box_c[j])
            return s + 0.5 / (1 + abs(i - j))

        pairs, lost, added = _greedy(ra, ca, score, minimum=1.8)
        paints: dict[str | None, list[tuple[str | None, Any]]] = {}

        def derived(t: str) -> bool:
            return data_changed and _is_numeric_text(t)

        for i in lost:
            t = _text_of(ra[i])
            if not derived(t):
                out.add("text_error", 1, f"{where} text", f"the text {_q(t)} is missing", ra[i].get("bbox"))
        for j in added:
            t = _text_of(ca[j])
            if not derived(t):
                out.add("text_error", 1, f"{where} text", f"the text {_q(t)} should not be there", ca[j].get("bbox"))
        for i, j in pairs:
            a, b = _text_of(ra[i]), _text_of(ca[j])
            if a != b and derived(a) and derived(b):
                continue
            self.text_pair(f"{where} text {_q(a, 30)}", "text", ra[i], ca[j], major=False, paints=paints)
        # Texts recoloured alike (a loop of ax.text calls sharing one colour argument) are one discrepancy.
        for new, olds in paints.items():
            sev = max(
                2 if delta_e(old, new) >= self.opts.strong_de or (old in (None, "none")) != (new in (None, "none"))
                else 1
                for old, _ in olds
            )  # fmt: skip
            what = "the text colour" if len(olds) == 1 else f"the colour of {len(olds)} texts"
            out.add("style_error", sev, f"{where} texts", f"{what} is {new or 'none'}, should be "
                    f"{', '.join(sorted({str(o) for o, _ in olds}))}", _union([b for _, b in olds]))  # fmt: skip

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
                        if changed and re.search(r"\d", a) and _NUM_RE.sub("#", a) == _NUM_RE.sub("#", b):
                            continue  # an entry quoting the data ('Mean: 12.3') follows the data
                        sev = text_severity(a, b)
                        out.add("text_error", sev, where, f"the legend entry reads {_q(b)}, should be {_q(a)}",
                                c.get("bbox"))  # fmt: skip
                    continue
                for a in gone:
                    out.add("text_error", 2, where, f"the legend entry {_q(a)} is missing", c.get("bbox"))
                for b in new:
                    out.add("text_error", 2, where, f"the legend entry {_q(b)} should not be there", c.get("bbox"))
        if (r.get("title") or "") != (c.get("title") or ""):
            self.text_pair(where + " title", "legend title", {"text": r.get("title")}, {"text": c.get("title"),
                           "bbox": c.get("bbox")}, major=False)  # fmt: skip
        lr, lc = _loc_word(r.get("loc")), _loc_word(c.get("loc"))
        moved = _centre_distance(r.get("bbox"), c.get("bbox"))
        if (lr != lc and not (lr == "best" or lc == "best")) or (lr == lc and lr != "best" and moved > 0.15):
            out.add("style_error", 1, where, f"the legend is at {lc}, should be at {lr}", c.get("bbox"))


class _AxCtx:
    """Coordinates of one axes pair: data -> candidate image fractions, category names."""

    def __init__(self, r: dict[str, Any], c: dict[str, Any]) -> None:
        self.r, self.c = r, c
        self.seen_x: set[tuple[Any, Any]] = set()
        self.area_changed = False

    def span(self, axis: str) -> float:
        lim = self.r.get(f"{axis}lim") or []
        if len(lim) == 2 and None not in lim:
            return abs(lim[1] - lim[0])
        return 1.0

    def categorical(self, axis: str) -> bool:
        ticks = self.r.get(f"{axis}ticklabels") or []
        return any(t.get("text") and not _is_numeric_text(t["text"]) for t in ticks)

    def _name_at(self, axis: str, v: float | None) -> str:
        if v is None or not self.categorical(axis):
            return ""
        ticks = [t.get("text", "") for t in self.r.get(f"{axis}ticklabels") or []]
        k = round(v)
        if abs(v - k) < 0.45 and 0 <= k < len(ticks) and ticks[k]:
            return f" ({ticks[k]})"
        return ""

    def at(self, xs: Sequence[float | None], k: int) -> str:
        return self._name_at("x", xs[k]) if k < len(xs) else ""

    def bar_at(self, centre: float, horizontal: bool) -> str:
        return self._name_at("y" if horizontal else "x", centre)

    def _frac(self, axis: str, v: float) -> float | None:
        c = self.c
        lim, box = c.get(f"{axis}lim") or [], _clean_box(c.get("bbox"))
        if len(lim) != 2 or None in lim or box is None:
            return None
        if c.get(f"{axis}scale") == "log":
            if v <= 0 or lim[0] <= 0 or lim[1] <= 0:
                return None
            v, lo, hi = math.log10(v), math.log10(lim[0]), math.log10(lim[1])
        else:
            lo, hi = lim
        if hi == lo:
            return None
        t = (v - lo) / (hi - lo)
        if not 0 <= t <= 1:
            return None
        return box[0] + t * (box[2] - box[0]) if axis == "x" else box[3] - t * (box[3] - box[1])

    def point_box(self, x: float | None, y: float | None) -> Any:
        if x is None or y is None:
            return None
        fx, fy = self._frac("x", x), self._frac("y", y)
        if fx is None or fy is None:
            return None
        return (fx - 0.02, fy - 0.02, fx + 0.02, fy + 0.02)

    def with_ticks(self, box: Any, axis: str) -> Any:
        """A series-wide change with the value axis' tick labels when that axis rescaled with it: autoscaled
        limits keep the marks in place, so the change shows in the labels."""
        lr, lc = self.r.get(f"{axis}lim") or [], self.c.get(f"{axis}lim") or []
        if len(lr) == 2 and len(lc) == 2 and None not in lr + lc:
            span = abs(lr[1] - lr[0]) or 1.0
            if max(abs(lr[0] - lc[0]), abs(lr[1] - lc[1])) / span > 0.02:
                return _union([box, *[t.get("bbox") for t in self.c.get(f"{axis}ticklabels") or []]])
        return box

    def box_shift(self, a: Any, b: Any) -> float:
        """Largest edge move between two boxes in data coordinates, as a fraction of the reference's axis range
        (so neither a moved axes nor re-scaled limits count)."""
        a, b = _clean_box(a), _clean_box(b)
        if a is None or b is None:
            return 0.0 if a == b else 1.0
        if any(self.r.get(f"{k}scale") != self.c.get(f"{k}scale") for k in "xy"):
            return 0.0  # the scale change is the error; extents in two transforms are not comparable
        pa, pb = self._to_data(self.r, a), self._to_data(self.c, b)
        if pa is None or pb is None:
            return max(abs(a[k] - b[k]) for k in range(4))
        sx, sy = self._t_span("x"), self._t_span("y")
        return max(abs(pa[0] - pb[0]) / sx, abs(pa[2] - pb[2]) / sx, abs(pa[1] - pb[1]) / sy, abs(pa[3] - pb[3]) / sy)

    def _t(self, ax: dict[str, Any], axis: str, v: float) -> float:
        if ax.get(f"{axis}scale") == "log":
            return math.log10(v) if v > 0 else -300.0
        return v

    def _t_span(self, axis: str) -> float:
        lim = self.r.get(f"{axis}lim") or []
        if len(lim) != 2 or None in lim:
            return 1.0
        return abs(self._t(self.r, axis, lim[1]) - self._t(self.r, axis, lim[0])) or 1.0

    def _to_data(self, ax: dict[str, Any], box: tuple[float, ...]) -> tuple[float, float, float, float] | None:
        """Image-fraction box -> (x0, y at the top, x1, y at the bottom) in (log-transformed) data units of ``ax``."""
        frame = _clean_box(ax.get("bbox"))
        xl, yl = ax.get("xlim") or [], ax.get("ylim") or []
        if frame is None or len(xl) != 2 or len(yl) != 2 or None in xl or None in yl:
            return None
        w, h = frame[2] - frame[0], frame[3] - frame[1]
        if w <= 0 or h <= 0:
            return None
        x0, x1 = self._t(ax, "x", xl[0]), self._t(ax, "x", xl[1])
        y0, y1 = self._t(ax, "y", yl[0]), self._t(ax, "y", yl[1])

        def fx(f: float) -> float:
            return x0 + (f - frame[0]) / w * (x1 - x0)

        def fy(f: float) -> float:
            return y1 - (f - frame[1]) / h * (y1 - y0)

        return (fx(box[0]), fy(box[1]), fx(box[2]), fy(box[3]))

    def at_box(self, p: dict[str, Any]) -> str:
        d = self._to_data(self.r, _clean_box(p.get("bbox")) or (0.0, 0.0, 0.0, 0.0))
        return self._name_at("x", (d[0] + d[2]) / 2) if d else ""


def _cuts_data(ax: dict[str, Any], axis: str) -> bool | None:
    """Whether the axes' limits cut off part of its lines' or bars' data along ``axis`` (by more than 2 % of
    the range); None when there is no range or data to tell."""
    lim = ax.get(f"{axis}lim") or []
    if len(lim) != 2 or None in lim:
        return None
    lo, hi = sorted(float(v) for v in lim)
    vals: list[float] = []
    for line in ax.get("lines") or []:
        if line.get("linestyle") in _NOLINE and str(line.get("marker")) in _NOMARKER:
            continue
        for v in line.get(axis) or []:
            if isinstance(v, (int, float)) and math.isfinite(v):
                vals.append(float(v))
    pos, size = ("x", "width") if axis == "x" else ("y", "height")
    for p in ax.get("patches") or []:
        if p.get("type") == "Rectangle" and p.get(size) is not None and p.get(pos) is not None:
            try:
                vals += [float(p[pos]), float(p[pos]) + float(p[size])]
            except (TypeError, ValueError):
                continue
    if not vals or hi <= lo:
        return None
    tol = 0.02 * (hi - lo)
    return min(vals) < lo - tol or max(vals) > hi + tol


def _bar_groups(
    rects: list[dict[str, Any]], groups: dict[str, list[dict[str, Any]]], kind: str
) -> dict[str, list[dict[str, Any]]]:
    """Bars grouped into series. Bars are drawn call by call, so a run of bars with no repeated position is
    one call: a run with one colour per bar is one series (``*``). Otherwise by colour (`_split_repeats`),
    and a one-colour group whose bars sit at several offsets from the category positions, as many at each,
    is as many series side by side (grouped bars drawn in one colour)."""
    pos, size = ("y", "height") if kind == "barh" else ("x", "width")

    def centre(p: dict[str, Any]) -> float:
        return round(float(p.get(pos) or 0) + float(p.get(size) or 0) / 2, 6)

    runs: list[list[dict[str, Any]]] = [[]]
    seen: set[float] = set()
    for p in rects:
        c = centre(p)
        if c in seen:
            runs.append([])
            seen = set()
        seen.add(c)
        runs[-1].append(p)
    if len(runs) > 1:
        multi = [1 < len({str(p.get("facecolor")) for p in run}) == len(run) for run in runs]
        single = [len({str(p.get("facecolor")) for p in run}) == 1 for run in runs]
        if any(multi) and all(m or o for m, o in zip(multi, single, strict=True)):
            out: dict[str, list[dict[str, Any]]] = {}
            for k, run in enumerate(runs):
                key = ("*" if k == 0 else f"*#{k}") if multi[k] else str(run[0].get("facecolor"))
                out[key if key not in out else f"{key}#{k}"] = run
            return out
    split = _split_repeats(groups, kind)
    out = {}
    for colour, items in split.items():
        offsets: dict[float, list[dict[str, Any]]] = {}
        for p in items:
            offsets.setdefault(round(centre(p) % 1.0, 3), []).append(p)
        counts = {len(v) for v in offsets.values()}
        widest = max(abs(float(p.get(size) or 0)) for p in items)
        if (
            len(split) == 1
            and 1 < len(offsets) <= 8
            and len(counts) == 1
            and min(counts) >= 2
            and widest * len(offsets) <= 1.0 + 1e-6  # side by side within one category slot
        ):
            for k, (_, members) in enumerate(sorted(offsets.items(), key=lambda kv: centre(kv[1][0]))):
                out[colour if k == 0 else f"{colour}#o{k}"] = members
        else:
            out[colour] = items
    return out


def _split_repeats(groups: dict[str, list[dict[str, Any]]], kind: str) -> dict[str, list[dict[str, Any]]]:
    """Bars of one colour drawn twice at the same place are two series (two calls drawing alike), so a colour
    shared after an edit does not merge them; bars keep their drawing order within a series."""
    pos, size = ("y", "height") if kind == "barh" else ("x", "width")
    out: dict[str, list[dict[str, Any]]] = {}
    for colour, items in groups.items():
        run = 0
        seen: set[float] = set()
        for p in items:
            c = round(float(p.get(pos) or 0) + float(p.get(size) or 0) / 2, 6)
            if c in seen:
                run += 1
                seen = set()
            seen.add(c)
            out.setdefault(colour if run == 0 else f"{colour}#{run}", []).append(p)
    return out


def _is_colorbar(ax: dict[str, Any]) -> bool:
    """A colour bar's axes: a long thin frame holding only a colour mesh (and its outline)."""
    kinds = {c.get("type") for c in ax.get("collections") or []}
    if "QuadMesh" not in kinds or not kinds <= {"QuadMesh", "LineCollection"}:
        return False
    if ax.get("lines") or ax.get("images") or any(p.get("type") == "Rectangle" for p in ax.get("patches") or []):
        return False
    b = _clean_box(ax.get("bbox"))
    if b is None:
        return False
    w, h = b[2] - b[0], b[3] - b[1]
    return min(w, h) < 0.2 * max(w, h)


def _match_series(sr: Sequence[_Series], sc: Sequence[_Series]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    def score(i: int, a: _Series, j: int, b: _Series) -> float:
        s = 0.0
        if a.name and b.name:
            s += 4.0 if a.name == b.name else -1.0
        if a.colour and b.colour:
            s += 2.0 if delta_e(a.colour, b.colour) <= 8 else 0.0
        s += 1.0 / (1 + abs(i - j)) + 0.5 * (i == j)
        ya, yb = _first_values(a), _first_values(b)
        if ya and ya == yb:
            s += 2.0
        elif ya and yb and len(ya) == len(yb):
            s += 0.5
        return s

    if len(sr) == len(sc):  # nothing missing: every series has a partner
        return _greedy(sr, sc, score)
    # Something is missing or extra: only pair series with real evidence (a name, a colour, the data).
    return _greedy(sr, sc, score, minimum=1.9)


def _retype_score(i: int, a: _Series, j: int, b: _Series) -> float:
    if a.kind == b.kind:
        return 0.0
    s = 3.0 if a.name and a.name == b.name else 0.0
    s += 2.0 if a.colour and b.colour and delta_e(a.colour, b.colour) <= 8 else 0.0
    va, vb = _first_values(a), _first_values(b)
    if (
        va
        and len(va) == len(vb)
        and all(
            isinstance(x, (int, float)) and isinstance(y, (int, float)) and abs(x - y) <= 1e-6 * max(abs(x), 1.0)
            for x, y in zip(va, vb, strict=True)
        )
    ):
        s += 2.5  # the same values drawn as another kind
    return s


def _first_values(s: _Series) -> list[Any]:
    it = s.items[0] if s.items else {}
    if s.kind in ("bar", "barh"):
        key = "width" if s.kind == "barh" else "height"
        return [p.get(key) for p in s.items]
    return list(it.get("y") or it.get("values") or [])


def _line_boxes(lines: list[dict[str, Any]]) -> bool:
    """Many short unlabelled lines: a box plot drawn with lines (no patch_artist)."""
    if len(lines) < 5 or any(_labelled(line.get("label")) for line in lines):
        return False
    return sum(len(line.get("y") or []) <= 5 for line in lines) >= 0.9 * len(lines)


def _by_position(lines: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group box-plot lines by the box they belong to (the rounded position on the category axis)."""

    def centre(line: dict[str, Any], key: str) -> float:
        vals = [v for v in line.get(key) or [] if v is not None]
        return sum(vals) / len(vals) if vals else 0.0

    kx = {round(centre(line, "x")) for line in lines}
    ky = {round(centre(line, "y")) for line in lines}
    key = "x" if len(kx) <= len(ky) else "y"
    groups: dict[int, list[dict[str, Any]]] = {}
    for line in lines:
        groups.setdefault(round(centre(line, key)), []).append(line)
    return [groups[k] for k in sorted(groups)]


def _error_size(caps: list[_Series], line: dict[str, Any], k: int) -> float:
    """Half the distance between the two caps of point k (the error), from the reference caps."""
    xs = line.get("x") or []
    ys = [s.items[0].get("y") or [] for s in caps if (s.items[0].get("x") or []) == xs]
    vals = [y[k] for y in ys if k < len(y) and y[k] is not None]
    return (max(vals) - min(vals)) / 2 if len(vals) >= 2 else 0.0


def _touching(bars: list[dict[str, Any]], pos: str, size: str) -> bool:
    """Bars side by side with no gap (a histogram)."""
    if len(bars) < 2:
        return False
    for p, q in itertools.pairwise(bars):
        end = float(p.get(pos) or 0) + float(p.get(size) or 0)
        if abs(end - float(q.get(pos) or 0)) > 1e-6 * max(1.0, abs(end)):
            return False
    return True


def _bar_orientation(rects: list[dict[str, Any]]) -> str:
    widths = {round(float(p.get("width") or 0), 6) for p in rects}
    heights = {round(float(p.get("height") or 0), 6) for p in rects}
    if len(widths) == 1 and len(heights) > 1:
        return "bar"
    if len(heights) == 1 and len(widths) > 1:
        return "barh"
    ys = {round(float(p.get("y") or 0), 6) for p in rects}
    xs = {round(float(p.get("x") or 0), 6) for p in rects}
    # Bars stand on a common baseline: vertical bars share y, horizontal ones share x.
    return "barh" if len(xs) < len(ys) else "bar"


def _resized(a: Any, b: Any) -> bool:
    a, b = _clean_box(a), _clean_box(b)
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
    return f"subplot {i + 1}" + (f" ({_q(t, 30)})" if t else "")


def _layout(axes: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(number of axes, distinct columns, distinct rows) of the axes' positions."""

    def distinct(values: list[float]) -> int:
        out: list[float] = []
        for v in sorted(values):
            if not out or v - out[-1] > 0.05:
                out.append(v)
        return len(out)

    boxes = [b for b in (_clean_box(a.get("bbox")) for a in axes) if b]
    return len(axes), distinct([b[0] for b in boxes]), distinct([b[1] for b in boxes])


def _layout_words(lay: tuple[int, int, int]) -> str:
    n, cols, rows = lay
    return f"{n} axes in {rows} row{'s' * (rows != 1)} and {cols} column{'s' * (cols != 1)}"


_KIND_WORDS = {
    "line": "lines",
    "points": "point markers",
    "bar": "vertical bars",
    "barh": "horizontal bars",
    "pie": "a pie",
    "scatter": "a scatter plot",
    "area": "filled areas",
    "image": "a heatmap image",
    "mesh": "a colour mesh",
    "box": "box plots",
    "segments": "line segments",
}


def _kind_words(kinds: Sequence[str]) -> str:
    return " and ".join(_KIND_WORDS.get(k, k) for k in kinds)


def _kind_word(kind: str) -> str:
    return {"bar": "bars", "barh": "bars", "pie": "pie", "image": "heatmap", "mesh": "heatmap"}.get(kind, kind)


def _series_words(s: _Series, siblings: Sequence[_Series]) -> str:
    noun = {"line": "line", "points": "series", "bar": "series", "barh": "series", "scatter": "scatter series",
            "area": "area", "image": "heatmap", "mesh": "colour mesh", "segments": "segment group",
            "box": "box plot", "pie": "pie"}.get(s.kind, "series")  # fmt: skip
    if s.name:
        return f"{noun} {s.name!r}"
    if len(siblings) <= 1 and s.kind in ("image", "mesh", "pie", "box"):
        return f"the {noun}"
    if len(siblings) <= 1:
        return f"the {noun}"
    return f"{noun} {s.index + 1}" + (f" ({s.colour})" if s.colour else "")


def _loc_word(loc: Any) -> str:
    if isinstance(loc, int):
        return _LEGEND_LOCS.get(loc, str(loc))
    return str(loc) if loc is not None else "best"


def _centre_distance(a: Any, b: Any) -> float:
    a, b = _clean_box(a), _clean_box(b)
    if a is None or b is None:
        return 0.0
    return math.hypot((a[0] + a[2] - b[0] - b[2]) / 2, (a[1] + a[3] - b[1] - b[3]) / 2)


# --------------------------------------------------------------------------- tables

_NUM_RE = re.compile(r"[-+−–]?\s?[$€£¥]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+−–]?\.\d+")
_QUANTITY_RE = re.compile(
    r"^\s*[(\[]?\s*[-+−–]?\s?[$€£¥]?\s?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?\s*[%‰°]?\s*[A-Za-zµμ°/%.²³]{0,6}\s*[)\]]?\s*$"
)
_COVERED = "\x00"


def _numbers(s: str) -> list[str]:
    return [re.sub(r"[\s,]", "", m).replace("−", "-").replace("–", "-") for m in _NUM_RE.findall(s)]


def is_numeric_change(ref: str, cand: str) -> bool:
    """True when two cell texts differ in digits, units or signs (the table rule in the module docstring)."""
    if not (re.search(r"\d", ref) and re.search(r"\d", cand)):
        return False
    if _NUM_RE.sub("#", ref).strip() == _NUM_RE.sub("#", cand).strip():
        return True
    if _numbers(ref) == _numbers(cand):
        wa, wb = _NUM_RE.sub(" ", ref).split(), _NUM_RE.sub(" ", cand).split()
        sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
        changed = [
            (w, text)
            for op, i0, i1, j0, j1 in sm.get_opcodes()
            if op != "equal"
            for w, text in [(x, ref) for x in wa[i0:i1]] + [(x, cand) for x in wb[j0:j1]]
        ]
        # Units: short words written right after (or before, like "USD 5") a number.
        if changed and all(len(w) <= 4 and _next_to_number(w, text) for w, text in changed):
            return True
    return bool(_QUANTITY_RE.match(ref) and _QUANTITY_RE.match(cand))


def numeric_severity(ref: str, cand: str) -> int:
    """Numeric rule (as verm.perturb.table): a flipped sign -> 3; a value moved by <= 50 % -> 2, more -> 3;
    a unit or currency changed -> 2."""
    na, nb = _numbers(ref), _numbers(cand)
    if len(na) != len(nb):
        return 2
    for x, y in zip(na, nb, strict=True):
        try:
            fx, fy = (float(re.sub(r"[^\d.eE+-]", "", v)) for v in (x, y))
        except ValueError:
            continue
        if fx == fy:
            continue
        if fx == -fy:
            return 3
        return 2 if abs(fy - fx) <= 0.5 * max(abs(fx), 1e-12) else 3
    return 2


def _next_to_number(word: str, text: str) -> bool:
    w = re.escape(word)
    return bool(re.search(rf"\d\s*{w}(?!\w)", text) or re.search(rf"(?<!\w){w}\s*[-+]?\d", text))


@dataclass
class _Grid:
    rows: int
    cols: int
    header_rows: int
    text: list[list[str]]  # slot texts; covered slots hold _COVERED
    anchor: list[list[int]]  # slot -> cell index (-1: empty)
    cells: list[dict[str, Any]]

    @classmethod
    def of(cls, scene: dict[str, Any]) -> _Grid:
        cells = list(scene.get("cells") or [])
        rows = int(scene.get("rows") or 0)
        cols = int(scene.get("cols") or 0)
        for cell in cells:  # trust the cells over the counts
            rows = max(rows, int(cell.get("row", 0)) + max(1, int(cell.get("rowspan") or 1)))
            cols = max(cols, int(cell.get("col", 0)) + max(1, int(cell.get("colspan") or 1)))
        text = [[""] * cols for _ in range(rows)]
        anchor = [[-1] * cols for _ in range(rows)]
        for k, cell in enumerate(cells):
            r0, c0 = int(cell.get("row", 0)), int(cell.get("col", 0))
            rs, cs = max(1, int(cell.get("rowspan") or 1)), max(1, int(cell.get("colspan") or 1))
            for r in range(r0, min(rows, r0 + rs)):
                for c in range(c0, min(cols, c0 + cs)):
                    anchor[r][c] = k
                    text[r][c] = _COVERED
            text[r0][c0] = str(cell.get("text") or "")
        return cls(rows, cols, int(scene.get("header_rows") or 0), text, anchor, cells)

    def line(self, axis: int, k: int, others: Sequence[int] | None = None) -> tuple[str, ...]:
        """Row k (axis 0) or column k (axis 1), restricted to ``others`` on the other axis."""
        if axis == 0:
            idx = range(self.cols) if others is None else others
            return tuple(self.text[k][j] for j in idx)
        idx = range(self.rows) if others is None else others
        return tuple(self.text[i][k] for i in idx)

    def n(self, axis: int) -> int:
        return self.rows if axis == 0 else self.cols

    def box_of_line(self, axis: int, k: int) -> Any:
        ids = (
            {self.anchor[k][j] for j in range(self.cols)}
            if axis == 0
            else {self.anchor[i][k] for i in range(self.rows)}
        )
        return _union([self.cells[i].get("bbox") for i in ids if i >= 0])

    def cell_box(self, r: int, c: int) -> Any:
        k = self.anchor[r][c]
        return self.cells[k].get("bbox") if k >= 0 else None


def _similarity(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    common = sum((Counter(a) & Counter(b)).values())
    sim = common / max(len(a), len(b))
    if sim < 0.5 and "".join(a).replace(" ", "") == "".join(b).replace(" ", ""):
        return 0.9  # the same text in other cells: merged or split cells
    return sim


@dataclass
class _Alignment:
    pairs: list[tuple[int, int]]  # (ref, cand), in-place or changed
    moved: list[tuple[int, int]]
    lost: list[int]
    added: list[int]
    #: (ref, cand): a cand line added as a (near) copy of a ref line, the later of the two copies.
    dups: list[tuple[int, int]] = field(default_factory=list)


def _kept_in_order(exact: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The largest order-keeping subset of exactly matched lines (ties: the smallest displacement), so a line
    that moved is the one reported, never the ones it passed."""
    if all(b[1] > a[1] for a, b in itertools.pairwise(exact)):
        return exact
    n = len(exact)
    # Weighted longest increasing subsequence; the weight prefers pairs whose displacement is the common one.
    shift = Counter(j - i for i, j in exact).most_common(1)[0][0]
    w = [1.0 - 1e-6 * abs(j - i - shift) for i, j in exact]
    best = w[:]
    prev = [-1] * n
    for b in range(n):
        for a in range(b):
            if exact[a][1] < exact[b][1] and best[a] + w[b] > best[b]:
                best[b], prev[b] = best[a] + w[b], a
    k = max(range(n), key=lambda x: best[x])
    out = []
    while k >= 0:
        out.append(exact[k])
        k = prev[k]
    return out[::-1]


def _pair_copies(i_s: list[int], j_s: list[int]) -> list[tuple[int, int]]:
    """Pair the positions of equal lines in order, choosing which copies pair (when one side has more) so that
    positions move least; ties pair the earlier copy (a duplicate is the later one)."""
    if len(i_s) == len(j_s) or not i_s or not j_s:
        return list(zip(i_s, j_s, strict=False))
    short, long_, flip = (i_s, j_s, False) if len(i_s) < len(j_s) else (j_s, i_s, True)
    n, m = len(short), len(long_)
    inf = float("inf")
    # cost[a][b]: best cost pairing short[a:] with long_[b:], order kept.
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    for b in range(m + 1):
        cost[n][b] = 0.0
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            cost[a][b] = min(abs(short[a] - long_[b]) + cost[a + 1][b + 1], cost[a][b + 1] + 1e-9)
    out = []
    b = 0
    for a in range(n):
        while cost[a][b] != abs(short[a] - long_[b]) + cost[a + 1][b + 1]:
            b += 1
        out.append((long_[b], short[a]) if flip else (short[a], long_[b]))
        b += 1
    return out


def _align(ref: list[tuple[str, ...]], cand: list[tuple[str, ...]], threshold: float = 0.3) -> _Alignment:
    """Align two lists of lines (rows or columns), see the module docstring."""
    where_r: dict[tuple[str, ...], list[int]] = {}
    where_c: dict[tuple[str, ...], list[int]] = {}
    for i, line in enumerate(ref):
        where_r.setdefault(line, []).append(i)
    for j, line in enumerate(cand):
        where_c.setdefault(line, []).append(j)
    exact: list[tuple[int, int]] = []
    for line, i_s in where_r.items():
        exact.extend(_pair_copies(i_s, where_c.get(line) or []))
    exact.sort()
    anchors = _kept_in_order(exact)
    moved = sorted(set(exact) - set(anchors))
    got_r = {i for i, _ in exact}
    got_c = {j for _, j in exact}
    pairs = list(anchors)
    bounds = [(-1, -1), *anchors, (len(ref), len(cand))]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        rs = [i for i in range(i0 + 1, i1) if i not in got_r]
        cs = [j for j in range(j0 + 1, j1) if j not in got_c]
        pairs.extend(_dp_pairs(ref, cand, rs, cs, threshold))
    pairs.sort()
    got_r |= {i for i, _ in pairs}
    got_c |= {j for _, j in pairs}
    lost = [i for i in range(len(ref)) if i not in got_r]
    added = [j for j in range(len(cand)) if j not in got_c]
    # A lost line and an added line that are alike: one line that changed and moved.
    if lost and added:
        extra, lr, lc = _greedy(
            [ref[i] for i in lost], [cand[j] for j in added],
            lambda a, x, b, y: _similarity(x, y) - 1e-3 * abs(lost[a] - added[b]), minimum=0.5,
        )  # fmt: skip
        moved = sorted(moved + [(lost[a], added[b]) for a, b in extra])
        lost, added = [lost[a] for a in lr], [added[b] for b in lc]
    # An added line that (nearly) copies a ref line is a duplicate. The engine inserts a copy right after its
    # original: when the nearly equal copy comes first, it is the original (edited after), the exact one the copy.
    dups = []
    partner = dict(pairs + moved)
    for j in added:
        best = max(range(len(ref)), key=lambda i: (_similarity(ref[i], cand[j]), -abs(i - j)), default=None)
        filled = sum(bool(t.strip()) and t != _COVERED for t in cand[j])
        if best is None or _similarity(ref[best], cand[j]) < 0.5 or filled < min(2, len(cand[j])):
            continue
        k = partner.get(best)
        if k == j + 1 and cand[k] == ref[best] and cand[j] != ref[best]:
            pairs = sorted([p for p in pairs if p != (best, k)] + [(best, j)])
            moved = sorted([p for p in moved if p != (best, k)] + ([(best, j)] if (best, k) in moved else []))
            partner[best] = j
            j = k
        dups.append((best, j))
    taken = {j for _, j in dups} | {j for _, j in pairs} | {j for _, j in moved}
    added = [j for j in added if j not in taken]
    return _Alignment(pairs, moved, lost, added, dups)


def _same_block(blocks: list[tuple[list[int], list[int]]], i: int, j: int) -> bool:
    return any(i in rs and j in cs for rs, cs in blocks)


def _dp_pairs(
    ref: list[tuple[str, ...]], cand: list[tuple[str, ...]], rs: list[int], cs: list[int], threshold: float
) -> list[tuple[int, int]]:
    """Order-keeping pairing that maximises total similarity (pairs below ``threshold`` are not made)."""
    if not rs or not cs:
        return []
    n, m = len(rs), len(cs)
    sim = [[_similarity(ref[i], cand[j]) for j in cs] for i in rs]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            s = sim[a][b]
            take = s + best[a + 1][b + 1] if s >= threshold else -1.0
            best[a][b] = max(take, best[a + 1][b], best[a][b + 1])
    out = []
    a = b = 0
    while a < n and b < m:
        s = sim[a][b]
        if s >= threshold and abs(best[a][b] - (s + best[a + 1][b + 1])) < 1e-12:
            out.append((rs[a], cs[b]))
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return out


class _TableDiff:
    def __init__(self, opts: SceneOptions) -> None:
        self.opts = opts

    def run(self, ref: dict[str, Any], cand: dict[str, Any]) -> list[Discrepancy]:
        gr, gc = _Grid.of(ref), _Grid.of(cand)
        best: list[Discrepancy] | None = None
        for first in (0, 1):
            out = _Out(self.opts)
            self.compare(gr, gc, first, out)
            if best is None or sum(d.severity for d in out.items) < sum(d.severity for d in best):
                best = out.items
        return best or []

    def compare(self, gr: _Grid, gc: _Grid, first: int, out: _Out) -> None:
        second = 1 - first
        a1 = _align([gr.line(first, k) for k in range(gr.n(first))], [gc.line(first, k) for k in range(gc.n(first))])
        kept = sorted(a1.pairs + a1.moved)
        ro = [i for i, _ in kept]
        co = [j for _, j in kept]
        a2 = _align(
            [gr.line(second, k, ro) for k in range(gr.n(second))], [gc.line(second, k, co) for k in range(gc.n(second))]
        )
        for axis, al in ((first, a1), (second, a2)):
            self.lines(gr, gc, axis, al, out)
        row_al, col_al = (a1, a2) if first == 0 else (a2, a1)
        rows = sorted(row_al.pairs + row_al.moved)
        cols = sorted(col_al.pairs + col_al.moved)
        # Copied columns take part (a copy that differs from its original holds edits of its own), in the
        # candidate's order, so that a merge or split in a row is read in the columns as they are drawn.
        cols_c = sorted(cols + col_al.dups, key=lambda p: p[1])
        for ri, rj in rows + row_al.dups:
            for ci, cj in self.row_cells(gr, gc, ri, rj, cols_c, out):
                self.cell(gr, gc, ri, ci, rj, cj, out)

    def lines(self, gr: _Grid, gc: _Grid, axis: int, al: _Alignment, out: _Out) -> None:
        word = "row" if axis == 0 else "column"
        ref_lines = [gr.line(axis, i) for i in range(gr.n(axis))]
        n_c = gc.n(axis)
        kept = sorted(al.pairs + al.moved)
        for i in al.lost:
            if not any(t.strip() and t != _COVERED for t in ref_lines[i]):
                continue  # an empty line is the trace of a split or merge in one row, reported there
            # Boxed where it was: the candidate line now at its place (or the last one).
            at = next((j for i2, j in kept if i2 > i), n_c - 1)
            out.add("layout_error", 3, f"{word} {i + 1}", f"{word} {i + 1} {_line_words(ref_lines[i])} is missing",
                    gc.box_of_line(axis, min(max(at, 0), n_c - 1)) if n_c else gr.box_of_line(axis, i))  # fmt: skip
        for j in al.added:
            line = gc.line(axis, j)
            filled = sum(bool(t.strip()) and t != _COVERED for t in line)
            if not filled or (axis == 1 and filled == 1 and len(line) >= 3):
                continue  # the trace of a split or merge in one row (a cell pushed out), reported there
            out.add("layout_error", 2, f"{word} {j + 1}", f"{word} {j + 1} {_line_words(line)} should not be there",
                    gc.box_of_line(axis, j))  # fmt: skip
        for i, j in al.dups:
            out.add("layout_error", 2, f"{word} {j + 1}", f"{word} {j + 1} duplicates {word} {i + 1} "
                    f"{_line_words(ref_lines[i])}", gc.box_of_line(axis, j))  # fmt: skip
        # Moves: two lines that crossed each other are a swap; a line moved by one place swapped with its
        # neighbour; anything else is a move.
        moves = sorted(al.moved, key=lambda m: m[1])
        done: set[int] = set()
        for a, b in itertools.combinations(moves, 2):
            if a in done or b in done or not ((a[0] - b[0]) * (a[1] - b[1]) < 0):
                continue
            done.update({a, b})  # type: ignore[arg-type]
            lo, hi = sorted((a[1], b[1]))
            out.add("layout_error", 2, f"{word}s {lo + 1} and {hi + 1}", f"{word}s {lo + 1} and {hi + 1} are swapped",
                    _union([gc.box_of_line(axis, a[1]), gc.box_of_line(axis, b[1])]))  # fmt: skip
        paired_at = {i: j for i, j in kept}
        for m in moves:
            if m in done:
                continue
            i, j = m
            # Where it belongs in the candidate: just after the line its reference predecessor is paired with.
            home = next((paired_at[k] + 1 for k in range(i - 1, -1, -1) if k in paired_at and k != i), 0)
            home = min(home if home <= j else home - 1, n_c - 1)
            lo, hi = sorted((j, home))
            if hi - lo == 1:
                out.add("layout_error", 2, f"{word}s {lo + 1} and {hi + 1}", f"{word}s {lo + 1} and {hi + 1} are "
                        "swapped", _union([gc.box_of_line(axis, lo), gc.box_of_line(axis, hi)]))  # fmt: skip
            else:
                out.add("layout_error", 2, f"{word} {j + 1}",
                        f"{word} {i + 1} {_line_words(ref_lines[i])} is at position {j + 1}, should be at {i + 1}",
                        gc.box_of_line(axis, j))  # fmt: skip

    def row_cells(
        self, gr: _Grid, gc: _Grid, ri: int, rj: int, cols: list[tuple[int, int]], out: _Out
    ) -> list[tuple[int, int]]:
        """The (ref, cand) columns whose cells to compare in one row: the column alignment, unless two
        neighbouring cells of the row were written as one (a merge without colspan, as Markdown must) or one
        cell as two (a split), which is one layout discrepancy for the row instead of a cascade of shifted cells."""
        a = [gr.text[ri][ci] for ci, _ in cols]
        b = [gc.text[rj][cj] for _, cj in cols]
        if a == b and all(gc.text[rj][j] in ("", _COVERED) for j in range(gc.cols) if j not in {c for _, c in cols}):
            return []
        # First in the aligned columns (after a dropped, copied or swapped column), then in the raw row (a split
        # that made the row longer than the table).
        found = self.joined(a, b, rj, lambda k: gc.cell_box(rj, cols[k][1]) if k < len(cols) else None, out)
        if found is not None:
            kind, k = found
            pairs = [cols[m] for m in range(k)]
            if kind == "merge":
                pairs += [(cols[m][0], cols[m - 1][1]) for m in range(k + 2, len(cols))]
            else:
                pairs += [(cols[m][0], cols[m + 1][1]) for m in range(k + 1, len(cols) - 1)]
            return pairs
        ra, rb = list(gr.text[ri]), list(gc.text[rj])
        if len(ra) != len(rb) and ra != rb:
            found = self.joined(ra, rb, rj, lambda k: gc.cell_box(rj, k), out)
            if found is not None:
                return []
        return cols

    def joined(
        self, a: list[str], b: list[str], rj: int, box: Callable[[int], Any], out: _Out
    ) -> tuple[str, int] | None:
        """("merge" | "split", k) when cells k and k+1 of ``a`` are cell k of ``b`` or the other way round."""
        if a == b or len(a) < 2 or len(b) < 2:
            return None

        def glue(x: str, y: str) -> list[str]:
            if _COVERED in (x, y):
                return []
            return [f"{x} {y}".strip(), f"{x}{y}"]

        def glued(x: str, y: str, whole: str) -> int | None:
            """0 when ``whole`` is ``x`` and ``y`` written as one, the text severity when it is so but for a
            typo or a changed word (an edit of its own), None when it is not."""
            if not whole or whole == _COVERED:
                return None
            options = glue(x, y)
            if whole in options:
                return 0
            if options and x and y and _ratio(whole, options[0]) >= 0.85:
                return text_severity(whole, options[0])
            return None

        def tail_off(x: list[str], y: list[str]) -> int | None:
            """How many cells differ between two row tails (trailing empty cells ignored), None when they are
            not the same cells at all."""
            x, y = list(x), list(y)
            while x and not x[-1]:
                x.pop()
            while y and not y[-1]:
                y.pop()
            if len(x) != len(y):
                return None
            off = sum(p != q for p, q in zip(x, y, strict=True))
            return off if off <= max(1, len(x) // 4) else None

        for k in range(min(len(a), len(b)) - 1):
            if a[k] == b[k]:
                continue
            g = glued(a[k], a[k + 1], b[k])
            # One surprise at most: an exact glue with one changed cell after it, or a typo in the glued cell.
            allowed = 0 if g else 1
            off = tail_off(a[k + 2 :], b[k + 1 :]) if g is not None else None
            if off is not None and off <= allowed and (g == 0 or b[k + 1] != _COVERED):
                out.add("layout_error", 2, f"row {rj + 1}, column {k + 1}", f"cells {k + 1} and {k + 2} of row "
                        f"{rj + 1} are merged into one ({_q(b[k])})", _union([box(k), box(k + 1)]))  # fmt: skip
                if g:
                    out.add("text_error", g, f"row {rj + 1}, column {k + 1}",
                            f"the merged cell reads {_q(b[k])}, should be {_q(a[k])} and {_q(a[k + 1])}", box(k))  # fmt: skip
                return "merge", k
            g = glued(b[k], b[k + 1], a[k]) if b[k] and b[k + 1] else None
            if g is None:
                continue
            # Markdown keeps a row's cell count, so a split pushes the row's last cell out.
            allowed = 0 if g else 1
            off_lost = tail_off(a[k + 1 : -1], b[k + 2 :])
            lost = len(a) == len(b) and bool(a[-1]) and off_lost is not None and off_lost <= allowed
            off = tail_off(a[k + 1 :], b[k + 2 :])
            if lost or (off is not None and off <= allowed):
                out.add("layout_error", 3 if lost else 2, f"row {rj + 1}, column {k + 1}",
                        f"cell {k + 1} of row {rj + 1} ({_q(a[k])}) is split in two"
                        + ("; the row's last cell is lost" if lost else ""),
                        _union([box(k), box(len(b) - 1 if len(a) == len(b) else k + 1)]))  # fmt: skip
                if g:
                    out.add("text_error", g, f"row {rj + 1}, column {k + 1}",
                            f"the split cell reads {_q(b[k])} and {_q(b[k + 1])}, should be {_q(a[k])}", box(k))  # fmt: skip
                return "split", k
        return None

    def cell(self, gr: _Grid, gc: _Grid, ri: int, ci: int, rj: int, cj: int, out: _Out) -> None:
        ka, kb = gr.anchor[ri][ci], gc.anchor[rj][cj]
        if ka < 0 and kb < 0:
            return
        ta, tb = gr.text[ri][ci], gc.text[rj][cj]
        where = f"row {rj + 1}, column {cj + 1}"
        box = gc.cell_box(rj, cj) or gr.cell_box(ri, ci)
        if ta == _COVERED or tb == _COVERED:
            return  # part of a spanning cell: its origin reports a merge or split
        ca = gr.cells[ka] if ka >= 0 else {}
        cb = gc.cells[kb] if kb >= 0 else {}
        span_a = (int(ca.get("rowspan") or 1), int(ca.get("colspan") or 1))
        span_b = (int(cb.get("rowspan") or 1), int(cb.get("colspan") or 1))
        if span_a != span_b:
            verb = "merged" if span_b[0] * span_b[1] > span_a[0] * span_a[1] else "split"
            out.add("layout_error", 2, where, f"cell ({rj + 1}, {cj + 1}) is {verb}: it spans {span_b[0]} row(s) and "
                    f"{span_b[1]} column(s), should span {span_a[0]} and {span_a[1]}", box)  # fmt: skip
            return
        if ta == tb:
            return
        # Header rows are labels; a header cell in a body row (a row label) holding a number is still data.
        header = ri < gr.header_rows or (bool(ca.get("header")) and not is_numeric_change(ta, tb))
        if header:
            sev = text_severity(ta, tb)
            out.add(
                "text_error", sev, where, f"header cell ({rj + 1}, {cj + 1}) reads {_q(tb)}, should be {_q(ta)}", box
            )
        elif is_numeric_change(ta, tb):
            out.add(
                "numeric_error",
                numeric_severity(ta, tb),
                where,
                f"cell ({rj + 1}, {cj + 1}) reads {_q(tb)}, should be {_q(ta)}",
                box,
            )
        else:
            out.add(
                "text_error",
                text_severity(ta, tb),
                where,
                f"cell ({rj + 1}, {cj + 1}) reads {_q(tb)}, should be {_q(ta)}",
                box,
            )


def _line_words(line: Sequence[str]) -> str:
    shown = [t for t in line if t and t != _COVERED][:3]
    if not shown:
        return "(empty)"
    return "(" + ", ".join(_q(t, 20) for t in shown) + (", …" if len([t for t in line if t]) > 3 else "") + ")"


# --------------------------------------------------------------------------- svg


def _svg_sig(e: dict[str, Any]) -> tuple[Any, ...]:
    b = _clean_box(e.get("bbox"))
    return (
        e.get("tag"), e.get("id"), e.get("fill"), e.get("stroke"), e.get("stroke_width"), e.get("transform"),
        e.get("text"), _geom(e), e.get("href"), tuple(round(v, 3) for v in b) if b else None,
    )  # fmt: skip


def _geom(e: dict[str, Any]) -> str | None:
    """An element's geometry as path data: its whole ``d`` (``d_full`` when the scene cut ``d``), or its
    ``points`` (polygon, polyline, line) written as a path; None for other shapes."""
    d = e.get("d_full") or e.get("d")
    pts = e.get("points")
    if d is None and isinstance(pts, list) and pts:
        try:
            return "M " + " L ".join(f"{float(x):g} {float(y):g}" for x, y in pts)
        except (TypeError, ValueError):
            return None
    return d


_COPY_SHIFT_RE = re.compile(r"\s*(translate\(\s*([-+\d.eE]+)(?:[\s,]+([-+\d.eE]+))?\s*\))\s*(.*)$")


def _is_shifted_copy(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``b``'s transform is a lone translate written before ``a``'s own transform (how a shifted copy is made)."""
    m = _COPY_SHIFT_RE.match(b.get("transform") or "")
    if not m or "scale" in _transform_parts(b.get("transform"))[0]:
        return False
    return m.group(4).strip() == (a.get("transform") or "").strip()


def _svg_name(e: dict[str, Any], k: int) -> str:
    ident = f" #{e['id']}" if e.get("id") else ""
    text = f" {_q(e['text'], 30)}" if e.get("text") else ""
    return f"<{e.get('tag')}>{ident}{text} (element {k + 1})"


class _SvgDiff:
    def __init__(self, opts: SceneOptions) -> None:
        self.opts = opts

    def run(self, ref: dict[str, Any], cand: dict[str, Any]) -> list[Discrepancy]:
        out = _Out(self.opts)
        self.scene = ref
        ra, ca = list(ref.get("elements") or []), list(cand.get("elements") or [])
        sr, sc = [_svg_sig(e) for e in ra], [_svg_sig(e) for e in ca]
        sm = difflib.SequenceMatcher(None, sr, sc, autojunk=False)
        blocks: list[tuple[list[int], list[int]]] = []
        for op, i0, i1, j0, j1 in sm.get_opcodes():
            if op != "equal":
                blocks.append((list(range(i0, i1)), list(range(j0, j1))))
        taken_r: set[int] = set()
        taken_c: set[int] = set()
        free_c = [j for b in blocks for j in b[1]]
        for rs, _ in blocks:
            for i in rs:
                for j in free_c:
                    if j not in taken_c and sr[i] == sc[j] and not _same_block(blocks, i, j):
                        taken_r.add(i)
                        taken_c.add(j)
                        self.moved(ra, ca, i, j, out)
                        break
        changed: list[tuple[int, int]] = []
        lost: list[int] = []
        added: list[int] = []
        for rs, cs in blocks:
            rs = [i for i in rs if i not in taken_r]
            cs = [j for j in cs if j not in taken_c]
            pairs, lr, lc = _greedy([ra[i] for i in rs], [ca[j] for j in cs], self.pair_score, minimum=1.0)
            changed.extend((rs[a], cs[b]) for a, b in pairs)
            lost.extend(rs[a] for a in lr)
            added.extend(cs[b] for b in lc)
        # A missing element and an extra one of the same tag elsewhere: a changed element that also moved.
        if lost and added:
            pairs, lr, lc = _greedy([ra[i] for i in lost], [ca[j] for j in added], self.pair_score, minimum=1.0)
            changed.extend((lost[a], added[b]) for a, b in pairs)
            lost, added = [lost[a] for a in lr], [added[b] for b in lc]
        for i in lost:
            out.add("structure_error", _area_severity(ra[i].get("bbox")), _svg_name(ra[i], i),
                    f"{_svg_name(ra[i], i)} is missing", ra[i].get("bbox"))  # fmt: skip
        ra = list(ra)  # may grow by the originals of edited copies (below)
        for j in added:
            dup = next((k for k, s in enumerate(sr) if s[:9] == sc[j][:9]), None)
            box = ca[j].get("bbox")
            if dup is not None:
                desc = f"{_svg_name(ca[j], j)} duplicates {_svg_name(ra[dup], dup)}"
            else:
                desc = f"{_svg_name(ca[j], j)} should not be there"
                shifted = self.copy_of(ra[: len(sr)], ca[j], j)
                if shifted is not None:
                    # A shifted copy that was edited afterwards: the copy is one discrepancy and each of its
                    # edits (against the shifted original) another.
                    k, original = shifted
                    desc = f"{_svg_name(ca[j], j)} is a shifted copy of {_svg_name(ra[k], k)}, then changed"
                    box = ra[k].get("bbox") or box
                    ra.append(original)
                    changed.append((len(ra) - 1, j))
            out.add("structure_error", _area_severity(box), _svg_name(ca[j], j), desc, ca[j].get("bbox"))
        self.changes(ra, ca, sorted(changed), out)
        return out.items

    def copy_of(self, ra: list[dict[str, Any]], e: dict[str, Any], j: int) -> tuple[int, dict[str, Any]] | None:
        """The reference element an extra element is a shifted copy of (its transform is ``translate(..)``
        followed by the original's own transform), and that original moved by the translate."""
        m = _COPY_SHIFT_RE.match(e.get("transform") or "")
        if not m or "scale" in _transform_parts(e.get("transform"))[0]:  # a resize or mirror about a centre
            return None
        rest = m.group(4).strip()
        best: tuple[float, int] | None = None
        for k, a in enumerate(ra):
            own = (a.get("transform") or "").strip()
            if a.get("tag") != e.get("tag") or not rest.startswith(own):
                continue
            score = 1.5 * (_geom(a) is not None and _geom(a) == _geom(e)) + 1.0 * (own == rest)
            score += 0.5 * (delta_e(a.get("fill"), e.get("fill")) <= self.opts.colour_de)
            score += 0.5 * (delta_e(a.get("stroke"), e.get("stroke")) <= self.opts.colour_de)
            score += 1.0 / (1 + abs(k - j))
            if best is None or score > best[0]:
                best = (score, k)
        if best is None:
            return None
        k = best[1]
        original = dict(ra[k])
        original["transform"] = f"{m.group(1)} {ra[k].get('transform') or ''}".strip()
        b = _clean_box(ra[k].get("bbox"))
        vb, png = self.scene.get("viewBox"), self.scene.get("png_size")
        if b and isinstance(vb, (list, tuple)) and len(vb) == 4 and isinstance(png, (list, tuple)) and len(png) == 2:
            try:
                scale = min(png[0] / vb[2], png[1] / vb[3])
                dx = float(m.group(2)) * scale / png[0]
                dy = float(m.group(3) or 0) * scale / png[1]
                original["bbox"] = [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy]
            except (TypeError, ValueError, ZeroDivisionError):
                pass
        return k, original

    def pair_score(self, i: int, a: dict[str, Any], j: int, b: dict[str, Any]) -> float | None:
        if a.get("tag") != b.get("tag"):
            return None
        s = 0.0
        if a.get("id") or b.get("id"):
            s += 3.0 if a.get("id") == b.get("id") else -2.0
        s += 1.5 * (_geom(a) is not None and _geom(a) == _geom(b))
        s += 1.0 * (a.get("text") is not None and a.get("text") == b.get("text"))
        s += 2.0 * _iou(a.get("bbox"), b.get("bbox"))
        s += 0.5 * (delta_e(a.get("fill"), b.get("fill")) <= self.opts.colour_de)
        s += 0.5 * (delta_e(a.get("stroke"), b.get("stroke")) <= self.opts.colour_de)
        # A shifted copy differs from its original by a prepended translate: the element that keeps the
        # transform is the original, even when its own geometry was edited.
        s += 1.5 * (a.get("transform") == b.get("transform"))
        if _is_shifted_copy(a, b):  # the copy's transform is a translate before the original's own
            s -= 1.0
        return s + 0.25 / (1 + abs(i - j))

    def moved(self, ra: list[dict[str, Any]], ca: list[dict[str, Any]], i: int, j: int, out: _Out) -> None:
        e = ca[j]
        # Which elements did it move past? Those between its two positions (in reference order).
        lo, hi = sorted((i, j))
        passed = ra[lo : hi + 1]
        overlap = max((_intersection(e.get("bbox"), p.get("bbox")) for p in passed if p is not ra[i]), default=0.0)
        sev = 2 if overlap > 0.05 else 1
        direction = "above" if j > i else "below"
        out.add("structure_error", sev, _svg_name(e, j),
                f"{_svg_name(e, j)} is drawn at stacking position {j + 1}, should be {i + 1} (now {direction} "
                "elements it should not be)", e.get("bbox"))  # fmt: skip

    def changes(
        self, ra: list[dict[str, Any]], ca: list[dict[str, Any]], pairs: list[tuple[int, int]], out: _Out
    ) -> None:
        moves: dict[tuple[float, ...], list[tuple[int, int, float]]] = {}
        # Colour changes grouped by (attribute, old, new): a group's fill changes all its children alike.
        paints: dict[tuple[str, Any, Any], list[int]] = {}
        for i, j in pairs:
            a, b = ra[i], ca[j]
            name = _svg_name(b, j)
            for attr in ("fill", "stroke"):
                if delta_e(a.get(attr), b.get(attr)) > self.opts.colour_de:
                    paints.setdefault((attr, a.get(attr), b.get(attr)), []).append(j)
            wa, wb = float(a.get("stroke_width") or 0), float(b.get("stroke_width") or 0)
            if b.get("stroke") not in (None, "none") and wa > 0 and wb > 0 and max(wa, wb) / min(wa, wb) >= 1.5:
                out.add(
                    "style_error", 1, name, f"the stroke width of {name} is {wb:g}, should be {wa:g}", b.get("bbox")
                )
            if (a.get("text") or "") != (b.get("text") or ""):
                ta, tb = a.get("text") or "", b.get("text") or ""
                out.add(
                    "text_symbol_error",
                    text_severity(ta, tb),
                    name,
                    f"the text reads {_q(tb)}, should be {_q(ta)}",
                    b.get("bbox"),
                )
            ba, bb = _clean_box(a.get("bbox")), _clean_box(b.get("bbox"))
            ga, gb = _geom(a), _geom(b)
            own_same = ga == gb and a.get("transform") == b.get("transform")
            moved_box = ba is not None and bb is not None and max(abs(ba[k] - bb[k]) for k in range(4)) > 0.004
            if own_same and not moved_box and (ba is None) == (bb is None):
                continue
            iou = _iou(ba, bb) if ba and bb else None
            sev = _geometry_severity(ba, bb, ga, gb, _canvas(self.scene))
            if own_same and ba and bb and a.get("tag") != "text":
                # Moved by an ancestor's transform (or its own geometry attributes): group equal moves.
                key = _box_motion(ba, bb)
                moves.setdefault(key, []).append((i, j, iou or 0.0))
                continue
            box = _union([bb, ba]) if bb else ba
            if a.get("transform") != b.get("transform"):
                extra = _added_transform(a.get("transform"), b.get("transform"))
                # Each appended transform is an edit of its own (a mirror, a rotation, a resize, a shift).
                for part in _transform_parts(extra):
                    if re.search(r"scale\(\s*(-1\s*[ ,]\s*1|1\s*[ ,]\s*-1)\s*\)", part):
                        out.add("text_symbol_error", 2, name, f"{name} is mirrored ({part!r})", box)
                    elif _small_transform(ba, bb, part, _canvas(self.scene)):
                        # The perturbation rule: a small transform is a shape change (1); a large one structure.
                        out.add("shape_error", 1, name, f"{name} is slightly transformed ({part!r})", box)
                    else:
                        out.add("structure_error", 3 if _area(ba) > 0.10 else 2, name,
                                f"{name} is transformed ({part!r})", box)  # fmt: skip
                if ga == gb:
                    continue
            parts = _path_edits(ga, gb, _canvas(self.scene))
            if parts is not None:
                for sev, desc in parts:
                    out.add("shape_error", sev, name, f"{name}: {desc}", box)
                continue
            detail = "its shape or position differs" + (f" (box overlap {iou:.0%})" if iou is not None else "")
            if a.get("tag") == "text" and own_same:
                detail = "its position or size differs" + (f" (box overlap {iou:.0%})" if iou is not None else "")
            out.add("shape_error", sev, name, f"the geometry of {name} differs: {detail}", box)
        for (attr, old, new), js in paints.items():
            boxes = [ca[j].get("bbox") for j in js]
            if len(js) == 1:
                name = _svg_name(ca[js[0]], js[0])
                out.colour("style_error", f"the {attr} of {name}", name, old, new, boxes[0])
            else:
                names = ", ".join(str(j + 1) for j in js[:6]) + ("…" if len(js) > 6 else "")
                out.colour("style_error", f"the {attr} of {len(js)} elements ({names}, likely one group's)",
                           f"elements {names}", old, new, _union(boxes))  # fmt: skip
        for key, members in moves.items():
            sev = max(
                _geometry_severity(_clean_box(ra[i].get("bbox")), _clean_box(ca[j].get("bbox")), None, None, None)
                for i, j, _ in members
            )
            boxes = [ca[j].get("bbox") for _, j, _ in members]
            dx, dy, sx, sy = key
            how = []
            if abs(dx) > 0.004 or abs(dy) > 0.004:
                how.append(f"moved by ({dx:+.0%}, {dy:+.0%}) of the image")
            if abs(sx - 1) > 0.02 or abs(sy - 1) > 0.02:
                how.append(f"scaled by {sx:.2f} x {sy:.2f}")
            what = " and ".join(how) or "changed"
            if len(members) == 1:
                i, j, _ = members[0]
                desc = f"{_svg_name(ca[j], j)} is {what}"
                loc = _svg_name(ca[j], j)
            else:
                desc = f"{len(members)} elements are {what} together (a transform of their group)"
                loc = f"elements {', '.join(str(j + 1) for _, j, _ in members[:6])}" + ("…" if len(members) > 6 else "")
            out.add("shape_error", sev, loc, desc, _union(boxes))


def _canvas(scene: dict[str, Any]) -> float | None:
    """The canvas size in user units (the larger viewBox side), for path-point moves."""
    vb = scene.get("viewBox")
    if isinstance(vb, (list, tuple)) and len(vb) == 4 and vb[2] and vb[3]:
        return float(max(vb[2], vb[3]))
    return None


def _geometry_severity(ba: Any, bb: Any, da: str | None, db: str | None, canvas: float | None) -> int:
    """Shape rule (as verm.perturb.svg): a uniform resize by <= 12 % -> 1, <= 50 % -> 2, more -> 3; a point or
    element moved by < 4 % of the canvas -> 1, < 10 % -> 2, more -> 3."""
    if ba is None or bb is None:
        return 2
    wa, ha, wb, hb = ba[2] - ba[0], ba[3] - ba[1], bb[2] - bb[0], bb[3] - bb[1]
    ratios = [y / x for x, y in ((wa, wb), (ha, hb)) if x > 0.005]
    if ratios and max(ratios) < 1.1 * min(ratios) and abs(ratios[0] - 1) > 0.01:
        change = max(abs(r - 1) for r in ratios)
        return 1 if change <= 0.12 else 2 if change <= 0.5 else 3
    shift = max(abs(ba[k] - bb[k]) for k in range(4))
    if da and db and canvas and not da.endswith("...") and not db.endswith("..."):
        pa, pb = _path_vertices(da), _path_vertices(db)
        if pa and len(pa) == len(pb):
            moved = max(math.hypot(x1 - x2, y1 - y2) for (x1, y1), (x2, y2) in zip(pa, pb, strict=True))
            shift = max(shift, moved / canvas)
    return 1 if shift < 0.04 else 2 if shift < 0.10 else 3


_PATH_TOKEN_RE = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_PATH_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


def _path_vertices(d: str) -> list[tuple[float, float]]:
    """Absolute end points of a path's segments (relative commands resolved, H/V as points), so two ways of
    writing one path compare equal point by point."""
    out: list[tuple[float, float]] = []
    x = y = sx = sy = 0.0
    cmd = ""
    nums: list[float] = []
    tokens = _PATH_TOKEN_RE.findall(d)
    k = 0
    try:
        while k < len(tokens):
            t = tokens[k]
            if t.isalpha():
                cmd, k = t, k + 1
                if cmd in "Zz":
                    x, y = sx, sy
                continue
            if not cmd or cmd in "Zz":
                return out
            n = _PATH_ARITY[cmd.upper()]
            nums = [float(v) for v in tokens[k : k + n]]
            if len(nums) < n:
                return out
            k += n
            rel = cmd.islower()
            u = cmd.upper()
            if u == "H":
                x = x + nums[0] if rel else nums[0]
            elif u == "V":
                y = y + nums[0] if rel else nums[0]
            else:
                ex, ey = nums[-2], nums[-1]
                x, y = (x + ex, y + ey) if rel else (ex, ey)
            if u == "M":
                sx, sy = x, y
                cmd = "l" if rel else "L"  # implicit repeats of a moveto are linetos
            out.append((x, y))
    except (ValueError, KeyError):
        return out
    return out


_TRANSFORM_FN_RE = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\([^)]*\)")


def _transform_parts(extra: str | None) -> list[str]:
    """An appended transform split into the edits that wrote it: ``translate(c) scale(s) translate(-c)`` (a
    resize or mirror about a centre) is one part, any other function is a part of its own."""
    if not extra:
        return []
    fns = [m.group(0) for m in _TRANSFORM_FN_RE.finditer(extra)]
    out: list[str] = []
    k = 0
    while k < len(fns):
        if (
            k + 2 < len(fns)
            and fns[k].startswith("translate")
            and fns[k + 1].startswith("scale")
            and fns[k + 2].startswith("translate")
        ):
            out.append(" ".join(fns[k : k + 3]))
            k += 3
        else:
            out.append(fns[k])
            k += 1
    return out or [extra]


def _path_edits(da: str | None, db: str | None, canvas: float | None) -> list[tuple[int, str]] | None:
    """A changed path read as a uniform resize and/or a moved point (the engine's shape_size and path_coords),
    each with its severity; None when the paths cannot be compared point by point."""
    if not da or not db or not canvas or da.endswith("...") or db.endswith("..."):
        return None
    pa, pb = _path_vertices(da), _path_vertices(db)
    if len(pa) < 2 or len(pa) != len(pb):
        return None
    if len(pa) == 2:  # a line: resized about its centre (same centre and direction), else an end point moved
        (ax0, ay0), (ax1, ay1) = pa
        (bx0, by0), (bx1, by1) = pb
        va, vb = (ax1 - ax0, ay1 - ay0), (bx1 - bx0, by1 - by0)
        la, lb = math.hypot(*va), math.hypot(*vb)
        centre = math.hypot((ax0 + ax1 - bx0 - bx1) / 2, (ay0 + ay1 - by0 - by1) / 2) / canvas
        cross = abs(va[0] * vb[1] - va[1] * vb[0]) / (la * lb) if la > 0 and lb > 0 else 1.0
        if centre < 0.002 and cross < 0.01 and la > 0 and abs(lb / la - 1) > 0.01:
            change = abs(lb / la - 1)
            return [(1 if change <= 0.12 else 2 if change <= 0.5 else 3, f"its size is scaled by {lb / la:.2f}")]
        moved = max(math.hypot(x1 - x2, y1 - y2) for (x1, y1), (x2, y2) in zip(pa, pb, strict=True)) / canvas
        if moved <= 0.005:
            return None
        return [(1 if moved < 0.04 else 2 if moved < 0.10 else 3, f"a point moved by {moved:.0%} of the canvas")]
    keep = list(range(len(pa)))

    def fit(idx: list[int]) -> tuple[float, float, float]:
        # Least squares pb = f * pa + t over the kept points (both coordinates share f).
        mx = sum(pa[i][0] for i in idx) / len(idx)
        my = sum(pa[i][1] for i in idx) / len(idx)
        nx = sum(pb[i][0] for i in idx) / len(idx)
        ny = sum(pb[i][1] for i in idx) / len(idx)
        var = sum((pa[i][0] - mx) ** 2 + (pa[i][1] - my) ** 2 for i in idx)
        cov = sum((pa[i][0] - mx) * (pb[i][0] - nx) + (pa[i][1] - my) * (pb[i][1] - ny) for i in idx)
        f = cov / var if var > 1e-12 else 1.0
        return f, nx - f * mx, ny - f * my

    def residual(i: int, f: float, tx: float, ty: float) -> float:
        return math.hypot(pb[i][0] - (f * pa[i][0] + tx), pb[i][1] - (f * pa[i][1] + ty))

    f, tx, ty = fit(keep)
    for _ in range(3):  # moved points are outliers of the resize: drop them and fit again
        res = [residual(i, f, tx, ty) for i in keep]
        worst = max(range(len(keep)), key=lambda k: res[k])
        if len(keep) <= 3 or res[worst] <= 1e-3 * canvas:
            break
        keep.pop(worst)
        f, tx, ty = fit(keep)
    out: list[tuple[int, str]] = []
    if abs(f - 1) > 0.01:
        change = abs(f - 1)
        out.append((1 if change <= 0.12 else 2 if change <= 0.5 else 3, f"its size is scaled by {f:.2f}"))
    else:
        f, tx, ty = 1.0, 0.0, 0.0
    moved = max(residual(i, f, tx, ty) for i in range(len(pa))) / canvas
    if moved > 0.005 and (not out or moved > 0.01):
        out.append((1 if moved < 0.04 else 2 if moved < 0.10 else 3, f"a point moved by {moved:.0%} of the canvas"))
    return out or None


def _added_transform(old: str | None, new: str | None) -> str | None:
    """The part of ``new`` appended to ``old`` (how transforms are usually edited), else the whole of ``new``."""
    old, new = (old or "").strip(), (new or "").strip()
    if new.startswith(old):
        return new[len(old) :].strip() or None
    return new or None


def _small_transform(ba: Any, bb: Any, extra: str | None = None, canvas: float | None = None) -> bool:
    """Small as the perturbation engine draws them (rotate < 10°, scale within 8 %, shift < 5 % of the canvas):
    read from the added transform where it parses, else from the boxes."""
    if extra:
        m = re.search(r"rotate\(\s*([-+\d.eE]+)", extra)
        if m:
            return abs(float(m.group(1))) < 10
        m = re.search(r"scale\(\s*([-+\d.eE]+)(?:[\s,]+([-+\d.eE]+))?", extra)
        if m:
            sx = float(m.group(1))
            sy = float(m.group(2)) if m.group(2) else sx
            return max(abs(sx - 1), abs(sy - 1)) <= 0.08 + 1e-9
        m = re.fullmatch(r"translate\(\s*([-+\d.eE]+)(?:[\s,]+([-+\d.eE]+))?\s*\)", extra)
        if m and canvas:
            return math.hypot(float(m.group(1)), float(m.group(2) or 0)) / canvas < 0.05
    if ba is None or bb is None:
        return False
    wa, ha, wb, hb = ba[2] - ba[0], ba[3] - ba[1], bb[2] - bb[0], bb[3] - bb[1]
    ratio_ok = all(0.9 <= (y / x if x > 1e-6 else 1.0) <= 1.1 for x, y in ((wa, wb), (ha, hb)))
    return ratio_ok and max(abs(ba[k] - bb[k]) for k in range(4)) < 0.05


def _box_motion(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float, float, float]:
    cxa, cya, cxb, cyb = (a[0] + a[2]) / 2, (a[1] + a[3]) / 2, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    sx = (b[2] - b[0]) / (a[2] - a[0]) if a[2] > a[0] else 1.0
    sy = (b[3] - b[1]) / (a[3] - a[1]) if a[3] > a[1] else 1.0
    return (round(cxb - cxa, 2), round(cyb - cya, 2), round(sx, 1), round(sy, 1))


def _area_severity(b: Any) -> int:
    a = _area(b)
    return 3 if a > 0.10 else 2 if a > 0.01 else 1


_COLOUR_CHANGE_RE = re.compile(r"is (#[0-9a-f]{6}|none), should be (#[0-9a-f]{6}|none)$")


def _merge_chart_echoes(items: list[Discrepancy]) -> list[Discrepancy]:
    """One chart edit seen twice: an axis label recoloured like a series (its colour follows the series, as on
    twin axes) is the series' colour change; the same tick-label change on two axes that share the axis (twin
    axes, at one place) is one change."""
    keep: list[Discrepancy] = []
    marks: dict[tuple[str, str], bool] = {}
    for d in items:
        m = _COLOUR_CHANGE_RE.search(d.description)
        if d.category == "style_error" and m and not d.location.endswith("label"):
            marks[(m.group(1), m.group(2))] = True
    for d in items:
        m = _COLOUR_CHANGE_RE.search(d.description)
        if (
            d.category == "style_error"
            and m
            and d.location.endswith("axis label")
            and (m.group(1), m.group(2)) in marks
        ):
            continue
        if (
            d.category == "text_error"
            and "tick labels" in d.location
            and any(
                k.category == d.category
                and k.description == d.description
                and k.location.split(" ")[-3:] == d.location.split(" ")[-3:]
                and _iou(k.bbox, d.bbox) > 0.5
                for k in keep
            )
        ):
            continue
        keep.append(d)
    return keep


# --------------------------------------------------------------------------- the judge


def _scene(task: Task, rendering: Rendering, side: str) -> dict[str, Any]:
    """The rendering's scene, or JudgeUnavailableError saying why the scene judge cannot use it."""
    scene = rendering.scene
    if scene is None:
        why = "it was loaded from an image" if rendering.source is None else "its renderer wrote no scene"
        raise JudgeUnavailableError(f"the scene judge needs a scene for the {side}, and {why}")
    if not isinstance(scene, dict) or scene.get("error"):
        err = scene.get("error") if isinstance(scene, dict) else type(scene).__name__
        raise JudgeUnavailableError(f"the {side}'s scene could not be built: {err}")
    key = {Task.CHART: "axes", Task.TABLE: "cells", Task.SVG: "elements"}[task]
    if key not in scene:
        raise JudgeUnavailableError(f"the {side}'s scene is not a {task.value} scene (it has no {key!r})")
    return scene


class SceneJudge(Judge):
    """Compare the renderers' scenes of a reference and a candidate (see the module docstring).

    ``judge`` raises `JudgeUnavailableError` — and only that — when it cannot
    run (a rendering without a scene, e.g. a PNG reference); anything else that
    goes wrong comes back as a ``judge_error`` judgment with the reason.

    >>> judge = SceneJudge()                                              # doctest: +SKIP
    >>> judge.judge(Task.CHART, ref_rendering, cand_rendering).discrepancies
    """

    name: ClassVar[str] = "scene"
    needs_sources: ClassVar[bool] = True

    def __init__(self, rtol: float = 1e-3, colour_de: float = 8.0, strong_de: float = 25.0) -> None:
        self.options = SceneOptions(rtol=rtol, colour_de=colour_de, strong_de=strong_de)

    def unavailable(self, task: Task, reference: Rendering, candidate: Rendering) -> str | None:
        """Why this judge cannot judge the pair (no scene on one side), or None when it can."""
        try:
            _scene(Task.parse(task), reference, "reference")
            _scene(Task.parse(task), candidate, "candidate")
        except JudgeUnavailableError as exc:
            return str(exc)
        return None

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        task = Task.parse(task)
        ref = _scene(task, reference, "reference")
        cand = _scene(task, candidate, "candidate")
        t0 = time.perf_counter()
        try:
            items = self.compare(task, ref, cand)
        except Exception as exc:  # a strange scene must not take the caller down; say what broke
            log.exception("scene judge failed on a %s pair", task.value)
            return Judgment(
                task=task, judge=self.name, status=Status.JUDGE_ERROR,
                reason=f"the scene comparison failed: {type(exc).__name__}: {exc}",
                elapsed_ms=(time.perf_counter() - t0) * 1000,
            )  # fmt: skip
        return Judgment(task=task, judge=self.name, discrepancies=items, elapsed_ms=(time.perf_counter() - t0) * 1000)

    def compare(self, task: Task, ref: dict[str, Any], cand: dict[str, Any]) -> list[Discrepancy]:
        """Discrepancies between two scenes of ``task`` (pure; no rendering)."""
        if task is Task.CHART:
            out = _Out(self.options)
            _ChartDiff(out).run(ref, cand)
            return _merge_chart_echoes(out.items)
        if task is Task.TABLE:
            return _TableDiff(self.options).run(ref, cand)
        return _SvgDiff(self.options).run(ref, cand)


__all__ = ["SceneJudge", "SceneOptions", "delta_e", "is_numeric_change"]
