"""Charts, reading an axes: its artists grouped into series by chart kind, and series paired.

Lines are lines, point markers, error-bar caps or box-plot lines; rectangles
are bar series (one colour per bar is one series, a colour drawn twice at one
place is two, named from the legend's colours); wedges a pie; path patches box
plots; collections scatter, meshes, segments or areas; images heatmaps. Series
of one kind pair by name, colour, order and values; a series that left one
kind and joined another with the same name, colour or values was retyped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from verm.judge.scene.boxes import clean_box, union_box
from verm.judge.scene.colour import delta_e
from verm.judge.scene.matching import greedy_pairs

NOLINE = {"None", "none", "", " "}
NOMARKER = {"None", "none", "", " ", ","}
_CAP_MARKERS = {"_", "|", "1", "2", "3", "4"}
#: Kinds that go with another kind (box-plot lines, error-bar caps and segments), never a chart type alone.
AUX_KINDS = frozenset({"segments", "boxline", "caps"})
ERRORBAR_KINDS = frozenset({"segments", "caps"})


def labelled(label: Any) -> str | None:
    if isinstance(label, str) and label and not label.startswith("_"):
        return label
    return None


@dataclass
class Series:
    """One matched unit of data inside an axes: a line, a bar series, a scatter, an area, a pie."""

    kind: str  # line | bar | barh | scatter | area | pie | image | mesh | segments | box
    name: str | None
    colour: str | None
    items: list[dict[str, Any]]
    index: int

    @property
    def bbox(self) -> Any:
        return union_box([it.get("bbox") for it in self.items])


def series_by_kind(ax: dict[str, Any]) -> dict[str, list[Series]]:
    """The axes' data grouped by chart kind, each kind a list of series."""
    out: dict[str, list[Series]] = {}
    legend = ax.get("legend") or {}
    by_colour = list(zip(legend.get("colors") or [], legend.get("texts") or [], strict=False))
    # Lines carry their own labels: their legend entries do not name bars (the bar and line colour cycles
    # are separate, so a bar series often shares its colour with a line).
    line_labels = {labelled(line.get("label")) for line in ax.get("lines") or []} - {None}
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
        has_line = line.get("linestyle") not in NOLINE
        has_marker = str(line.get("marker")) not in NOMARKER
        if not (has_line or has_marker) or not line.get("y"):
            continue
        cap = not has_line and str(line.get("marker")) in _CAP_MARKERS
        kind = "boxline" if has_box else "caps" if cap else "line" if has_line else "points"
        name = labelled(line.get("label"))
        out.setdefault(kind, []).append(Series(kind, name, line.get("color"), [line], len(out.get(kind, []))))
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
            out.setdefault(kind, []).append(Series(kind, legend_name(col) if col else None, col, items, k))
    wedges = [p for p in patches if p.get("type") == "Wedge"]
    if wedges:
        out["pie"] = [Series("pie", None, None, wedges, 0)]
    boxes = [p for p in patches if p.get("type") == "PathPatch"]
    if boxes:
        out.setdefault("box", []).append(Series("box", None, None, boxes, len(out.get("box", []))))
    for c in ax.get("collections") or []:
        t = c.get("type")
        colour = (c.get("facecolors") or c.get("edgecolors") or [None])[0]
        name = labelled(c.get("label"))
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
        out.setdefault(kind, []).append(Series(kind, name, colour, [c], len(out.get(kind, []))))
    for k, im in enumerate(ax.get("images") or []):
        out.setdefault("image", []).append(Series("image", None, None, [im], k))
    return out


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


def is_colorbar(ax: dict[str, Any]) -> bool:
    """A colour bar's axes: a long thin frame holding only a colour mesh (and its outline)."""
    kinds = {c.get("type") for c in ax.get("collections") or []}
    if "QuadMesh" not in kinds or not kinds <= {"QuadMesh", "LineCollection"}:
        return False
    if ax.get("lines") or ax.get("images") or any(p.get("type") == "Rectangle" for p in ax.get("patches") or []):
        return False
    b = clean_box(ax.get("bbox"))
    if b is None:
        return False
    w, h = b[2] - b[0], b[3] - b[1]
    return min(w, h) < 0.2 * max(w, h)


def match_series(sr: Sequence[Series], sc: Sequence[Series]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    def score(i: int, a: Series, j: int, b: Series) -> float:
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
        return greedy_pairs(sr, sc, score)
    # Something is missing or extra: only pair series with real evidence (a name, a colour, the data).
    return greedy_pairs(sr, sc, score, minimum=1.9)


def retype_score(i: int, a: Series, j: int, b: Series) -> float:
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


def _first_values(s: Series) -> list[Any]:
    it = s.items[0] if s.items else {}
    if s.kind in ("bar", "barh"):
        key = "width" if s.kind == "barh" else "height"
        return [p.get(key) for p in s.items]
    return list(it.get("y") or it.get("values") or [])


def _line_boxes(lines: list[dict[str, Any]]) -> bool:
    """Many short unlabelled lines: a box plot drawn with lines (no patch_artist)."""
    if len(lines) < 5 or any(labelled(line.get("label")) for line in lines):
        return False
    return sum(len(line.get("y") or []) <= 5 for line in lines) >= 0.9 * len(lines)


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


KIND_WORDS = {
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


def kind_words(kinds: Sequence[str]) -> str:
    return " and ".join(KIND_WORDS.get(k, k) for k in kinds)


def kind_word(kind: str) -> str:
    return {"bar": "bars", "barh": "bars", "pie": "pie", "image": "heatmap", "mesh": "heatmap"}.get(kind, kind)


def series_words(s: Series, siblings: Sequence[Series]) -> str:
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
