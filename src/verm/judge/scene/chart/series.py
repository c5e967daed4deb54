"""Charts, reading an axes: its artists grouped into series by chart kind, and series paired.

What one plotting call drew is one series: the scene's containers say which
artists an ``errorbar`` (data line, caps, bar segments), ``bar`` (rectangles)
or ``stem`` (marker line, stems, baseline) call made. Other lines are lines,
point markers or box-plot lines; other patches are wedges (a pie), box plots,
stairs or shapes (one series per patch type); collections are scatter, meshes,
segments, areas or marks; images heatmaps. Series of one kind pair by name,
colour, order and values; a series that left one kind and joined another with
the same name, colour or values was retyped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from verm.judge.scene.boxes import clean_box, union_box
from verm.judge.scene.colour import delta_e
from verm.judge.scene.matching import greedy_pairs
from verm.judge.scene.text import NUMBER_RE

NOLINE = {"None", "none", "", " "}
#: Markers that draw nothing (by name; scenes before marker names wrote the code).
NOMARKER = {"nothing", "pixel", "None", "none", "", " ", ","}
#: Kinds that go with another kind (box-plot lines), never a chart type alone.
AUX_KINDS = frozenset({"boxline"})
#: Marker codes as older scenes wrote them (``str(marker)``), by name.
_MARKER_CODES = {
    ".": "point", ",": "pixel", "o": "circle", "v": "triangle_down", "^": "triangle_up", "<": "triangle_left",
    ">": "triangle_right", "1": "tri_down", "2": "tri_up", "3": "tri_left", "4": "tri_right", "8": "octagon",
    "s": "square", "p": "pentagon", "*": "star", "h": "hexagon1", "H": "hexagon2", "+": "plus", "x": "x",
    "D": "diamond", "d": "thin_diamond", "|": "vline", "_": "hline", "P": "plus_filled", "X": "x_filled",
    "0": "tickleft", "5": "caretright", "6": "caretup", "7": "caretdown",
    "9": "caretrightbase", "10": "caretupbase", "11": "caretdownbase", "None": "nothing", "none": "nothing",
    " ": "nothing", "": "nothing",
}  # fmt: skip
_SHAPE_NOUNS = {"Rectangle": "rectangle", "Circle": "circle", "Ellipse": "ellipse", "Polygon": "polygon",
                "Patch3D": "3D patch", "PathPatch3D": "3D patch", "RegularPolygon": "polygon",
                "FancyBboxPatch": "box", "FancyArrow": "arrow", "FancyArrowPatch": "arrow", "Arrow": "arrow",
                "Annulus": "ring", "Arc": "arc", "Shadow": "shadow", "PathPatch": "shape",
                "InsetIndicator": "inset indicator"}  # fmt: skip


def marker_name(m: Any) -> str:
    """A marker's name, whether the scene wrote the name or (older scenes) the code."""
    s = str(m)
    return _MARKER_CODES.get(s, s)


def labelled(label: Any) -> str | None:
    if isinstance(label, str) and label and not label.startswith("_"):
        return label
    return None


@dataclass
class Series:
    """One matched unit of data inside an axes: a line, a bar series, a scatter, an area, a pie.

    ``parts`` holds what a container drew with it (an error bar's ``caps`` and ``bars``, a stem's
    ``stems`` and ``baseline``)."""

    kind: str  # line | points | errorbar | stem | bar | barh | scatter | area | pie | image | mesh | segments | ...
    name: str | None
    colour: str | None
    items: list[dict[str, Any]]
    index: int
    parts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    noun: str = ""
    #: Its ink in the image (a share of the image's area, estimated from the scene; `data.estimate_ink`).
    ink: float = 0.0
    #: Shapes painted in the axes' own face colour, or a circle centred in a pie (a donut's hole): they mask,
    #: they show no data; bands across the plot (``axvspan``) mark a range: both weigh as a constant line.
    mask: bool = False
    #: Values the scene cut past its cap (a bar series of thousands of bars: the axes' patches beyond
    #: ``_MAX_PATCHES``), so that it counts as many values as it draws.
    cut: int = 0

    @property
    def bbox(self) -> Any:
        return union_box([it.get("bbox") for it in self.items] + [p.get("bbox") for ps in self.parts.values()
                                                                  for p in ps])  # fmt: skip

    @property
    def weight(self) -> float:
        """Its share of what an axes shows, before normalising: 1 a series; a constant line (a mean, a
        threshold) 0.25; box-plot lines 0.2 each (a box is several); nothing when it draws nothing (a scatter
        of no points, made for a legend handle)."""
        if self.kind == "boxline":
            return 0.2
        if self.kind == "scatter" and not any(it.get("x") for it in self.items):
            return 0.0
        if self.mask:
            return MASK_WEIGHT
        if self.kind in ("line", "points"):
            ys = [v for v in self.items[0].get("y") or [] if v is not None]
            xs = [v for v in self.items[0].get("x") or [] if v is not None]
            if len(ys) <= 2 and (len(set(ys)) <= 1 or len(set(xs)) <= 1) and not self.parts:
                return 0.25
        return 1.0


#: The weight of shapes that only mask (`Series.mask`), as of a constant line: a donut's white hole weighed as a
#: series kept its pie's data at half of what the plot shows, under the pile-up, when every share was flattened.
MASK_WEIGHT = 0.25


def _masks(patch: dict[str, Any], face: str) -> bool:
    """A patch filled in the axes' face colour with no edge of another colour: it hides what lies under it."""
    fill, edge = patch.get("facecolor"), patch.get("edgecolor")
    if not fill or delta_e(fill, face) > 3:
        return False
    return edge in (None, "none") or delta_e(edge, face) <= 3 or float(patch.get("linewidth") or 0) == 0


#: A band whose box reaches the plot's two edges within this share of the figure spans the plot.
SPAN_EDGE = 0.005


def _spans_plot(patch: dict[str, Any], frame: Any) -> bool:
    """A rectangle across the whole plot along one axis (an ``axvspan``, ``axhspan``) but not both (a frame, a
    background)."""
    b = clean_box(patch.get("bbox"))
    if patch.get("type") not in ("Rectangle", "Polygon") or b is None or frame is None:
        return False
    across = abs(b[0] - frame[0]) <= SPAN_EDGE and abs(b[2] - frame[2]) <= SPAN_EDGE
    down = abs(b[1] - frame[1]) <= SPAN_EDGE and abs(b[3] - frame[3]) <= SPAN_EDGE
    return across != down


def _donut_hole(patch: dict[str, Any], pie: Any) -> bool:
    """A circle centred inside a pie's wedges: the hole that makes it a donut (plain, whatever its colour)."""
    b, p = clean_box(patch.get("bbox")), clean_box(pie)
    if patch.get("type") != "Circle" or b is None or p is None:
        return False
    inside = p[0] <= b[0] and p[1] <= b[1] and b[2] <= p[2] and b[3] <= p[3]
    cx, cy, px, py = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2, (p[0] + p[2]) / 2, (p[1] + p[3]) / 2
    return inside and abs(cx - px) <= 0.05 * (p[2] - p[0]) and abs(cy - py) <= 0.05 * (p[3] - p[1])


def series_by_kind(ax: dict[str, Any], bars_by_colour: bool = False) -> dict[str, list[Series]]:
    """The axes' data grouped by chart kind, each kind a list of series.

    Bars are one series per ``bar`` call; with ``bars_by_colour``, as a reader groups them (by colour, a
    colour drawn twice at one place being two series), for two axes that drew the same bars in different
    calls (a loop of one-bar calls against one call)."""
    out: dict[str, list[Series]] = {}
    legend = ax.get("legend") or {}
    by_colour = list(zip(legend.get("colors") or [], legend.get("texts") or [], strict=False))
    # Lines carry their own labels: their legend entries do not name bars (the bar and line colour cycles
    # are separate, so a bar series often shares its colour with a line).
    line_labels = {labelled(line.get("label")) for line in ax.get("lines") or []} - {None}
    by_colour = [(lc, lt) for lc, lt in by_colour if lt not in line_labels]

    def legend_name(colour: str | None) -> str | None:
        for lc, lt in by_colour:
            if lc and colour and delta_e(lc, colour) <= 3:
                return lt
        return None

    def add(kind: str, s: Series) -> None:
        s.index = len(out.get(kind, []))
        out.setdefault(kind, []).append(s)

    lines = ax.get("lines") or []
    patches = ax.get("patches") or []
    colls = ax.get("collections") or []
    used_l: set[int] = set()
    used_p: set[int] = set()
    used_c: set[int] = set()

    def pick(pool: list[dict[str, Any]], idx: Any, used: set[int]) -> list[dict[str, Any]]:
        got = [pool[i] for i in idx or [] if isinstance(i, int) and 0 <= i < len(pool)]
        used.update(i for i in idx or [] if isinstance(i, int))
        return got

    pooled: list[dict[str, Any]] = []
    for cont in ax.get("containers") or []:
        t, name = cont.get("type"), labelled(cont.get("label"))
        if t == "errorbar":
            data = pick(lines, cont.get("data_line"), used_l)
            caps, bars = pick(lines, cont.get("caps"), used_l), pick(colls, cont.get("bars"), used_c)
            parts = {"caps": caps, "bars": bars}
            shown = [ln for ln in data if _drawn(ln) and ln.get("y")]
            if shown:
                ln = shown[0]
                kind = "line" if ln.get("linestyle") not in NOLINE else "points"
                add(kind, Series(kind, name, ln.get("color"), [ln], 0, parts))
            elif bars:
                colour = (bars[0].get("edgecolors") or bars[0].get("facecolors") or [None])[0]
                add("errorbar", Series("errorbar", name, colour, bars, 0, {"caps": caps}))
        elif t == "bar":
            # Only 2-D bars are read as bars; the rest (3-D bars) stay free, read as shapes below.
            held = [i for i in cont.get("patches") or [] if isinstance(i, int) and 0 <= i < len(patches)]
            rects = pick(patches, [i for i in held if patches[i].get("width") is not None], used_p)
            if not rects:
                continue
            if bars_by_colour:
                pooled += rects
                continue
            o = cont.get("orientation")
            kind = "barh" if o == "horizontal" else "bar" if o == "vertical" else _bar_orientation(rects)
            faces = Counter(str(p.get("facecolor")) for p in rects)
            colour = faces.most_common(1)[0][0] if len(faces) == 1 else None
            s = Series(kind, name or legend_name(colour), None if colour == "None" else colour, rects, 0)
            more = (ax.get("artists_more") or {}).get("patches") or {}
            if isinstance(more.get("n"), int) and len(patches) - 1 in held:  # the scene's cap cut this series
                s.cut = max(0, more["n"] - len(patches))
            add(kind, s)
        elif t == "stem":
            marks = pick(lines, cont.get("markerline"), used_l)
            stems, base = pick(colls, cont.get("stemlines"), used_c), pick(lines, cont.get("baseline"), used_l)
            if marks and marks[0].get("y"):
                add("stem", Series("stem", name, marks[0].get("color"), marks, 0, {"stems": stems, "baseline": base}))
    if pooled:
        kind = _bar_orientation(pooled)
        groups: dict[str, list[dict[str, Any]]] = {}
        for p in pooled:
            groups.setdefault(str(p.get("facecolor")), []).append(p)
        # One colour per bar is one series; otherwise a colour drawn twice at one place is two series.
        groups = {"*": pooled} if 1 < len(groups) == len(pooled) else _bar_groups(pooled, groups, kind)
        for colour, items in groups.items():
            col = None if colour.startswith("*") else colour
            col = col.rsplit("#", 1)[0] if col and col.count("#") > 1 else col  # a split series keeps its colour
            add(kind, Series(kind, legend_name(col) if col else None, col, items, 0))
    free_lines = [ln for k, ln in enumerate(lines) if k not in used_l]
    has_box = any(p.get("type") == "PathPatch" for p in patches) or _line_boxes(free_lines)
    for line in free_lines:
        if not _drawn(line) or not line.get("y"):
            continue
        kind = "boxline" if has_box else "line" if line.get("linestyle") not in NOLINE else "points"
        add(kind, Series(kind, labelled(line.get("label")), line.get("color"), [line], 0))
    free_patches = [p for k, p in enumerate(patches) if k not in used_p]
    wedges = [p for p in free_patches if p.get("type") == "Wedge"]
    if wedges:
        add("pie", Series("pie", None, None, wedges, 0))
    boxes = [p for p in free_patches if p.get("type") == "PathPatch"]
    if boxes:
        add("box", Series("box", None, None, boxes, 0))
    shapes: dict[str, list[dict[str, Any]]] = {}
    for p in free_patches:
        t = str(p.get("type"))
        if t == "StepPatch":
            add("stairs", Series("stairs", labelled(p.get("label")), p.get("edgecolor") or p.get("facecolor"), [p], 0))
        elif t not in ("Wedge", "PathPatch", "Shadow"):  # a shadow follows the patch it shades
            shapes.setdefault(t, []).append(p)
    for a in ax.get("artists") or []:  # an inset's zoom indicator and the like: shapes too
        if not placed_in_axes(a):
            shapes.setdefault(str(a.get("type")), []).append(a)
    face = ax.get("facecolor")
    pie = union_box([w.get("bbox") for w in wedges]) if wedges else None
    frame = clean_box(ax.get("bbox"))
    for t, members in shapes.items():
        mask = all((bool(face) and _masks(m, face)) or _donut_hole(m, pie) for m in members)
        # Bands across the whole plot (``axvspan``, ``axhspan``: a range marked, not values) weigh as a constant
        # line does.
        mask = mask or all(_spans_plot(m, frame) for m in members)
        add("shapes", Series("shapes", None, None, members, 0, noun=_SHAPE_NOUNS.get(t, "shape"), mask=mask))
    for k, c in enumerate(colls):
        if k in used_c:
            continue
        t = str(c.get("type"))
        colour = (c.get("facecolors") or c.get("edgecolors") or [None])[0]
        if "x" in c:
            kind = "scatter"
        elif "values" in c:
            kind = "mesh"
        elif "paths" in c:
            kind = "segments" if "Line" in t or "Event" in t or t == "Quiver" else "area"
        else:
            kind = "marks"
        add(kind, Series(kind, labelled(c.get("label")), colour, [c], 0, noun=t))
    for im in ax.get("images") or []:
        add("image", Series("image", None, None, [im], 0))
    return out


def placed_in_axes(artist: dict[str, Any]) -> bool:
    """An artist placed in the axes' own coordinates, not at data values (a second legend kept with
    ``add_artist``, an anchored box): it shows no data, and a rescaled axis does not move it."""
    t = str(artist.get("type"))
    return t == "Legend" or t.startswith("Anchored")


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


#: A line of pixel markers (``","``) with at least this many points draws a cloud a reader sees (a bifurcation
#: diagram's iterates); fewer single pixels draw next to nothing.
PIXEL_CLOUD = 500


def _drawn(line: dict[str, Any]) -> bool:
    if line.get("linestyle") not in NOLINE or marker_name(line.get("marker")) not in NOMARKER:
        return True
    if marker_name(line.get("marker")) not in ("pixel", ","):
        return False
    more = line.get("y_more")
    n = more.get("n") if isinstance(more, dict) else None
    return (n if isinstance(n, int) else len(line.get("y") or [])) >= PIXEL_CLOUD


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
    renumbered = _renumbered_names(sr, sc)

    def score(i: int, a: Series, j: int, b: Series) -> float:
        s = 0.0
        if a.name and b.name and not renumbered:
            s += 4.0 if a.name == b.name else -1.0
        if a.colour and b.colour:
            s += 2.0 if delta_e(a.colour, b.colour) <= 8 else 0.0
        if a.noun and a.noun == b.noun:
            s += 1.0
        s += 1.0 / (1 + abs(i - j)) + 0.5 * (i == j)
        wa, wb = (x.items[0].get("linewidth") if x.items and a.kind == "line" else None for x in (a, b))
        if isinstance(wa, (int, float)) and isinstance(wb, (int, float)) and wa != wb:
            s -= 1.0  # lines of another width are other lines (a class's mean drawn thick over its members)
        ya, yb = first_values(a), first_values(b)
        if ya and ya == yb and len(ya) <= 2 and line_xs(a) != line_xs(b):
            s += 0.5  # two-point segments (an axvline's y is 0 to 1) at other places: their place is their data
        elif ya and ya == yb:
            s += 4.0 if len(ya) > 2 else 2.0  # the same values: as sure as a name (a colour shifts with the cycle)
        elif ya and yb and len(ya) == len(yb):
            # As many values, the more of them kept the surer (a series with one value edited, among its
            # siblings of one colour: a parallel-coordinates plot's mean line beside its class's lines).
            # (two-point segments, a grid's or a frame's, share values with their siblings: their order pairs them)
            s += 0.5 + (1.5 * (1.0 - _value_gap(a, b)) if len(ya) > 2 else 0.0)
        elif (
            a.kind == "area"
            and b.kind == "area"
            and a.items[0].get("paths")
            and (a.items[0].get("paths") == b.items[0].get("paths"))
        ):
            s += 4.0  # the same polygons: a stack's layer whose label (and so name) went to another layer
        return s

    if len(sr) == len(sc):  # nothing missing: every series has a partner
        pairs, lost, extra = greedy_pairs(sr, sc, score)
    else:  # something is missing or extra: only pair series with real evidence (a name, a colour, the data)
        pairs, lost, extra = greedy_pairs(sr, sc, score, minimum=1.9)
    return _names_swapped(sr, sc, pairs), lost, extra


def _renumbered_names(sr: Sequence[Series], sc: Sequence[Series]) -> bool:
    """Whether the series' names are the same words in the same order, their numbers changed ('10 nm', '20 nm'
    -> '20 nm', '41 nm': names printed from a list of sizes that changed): then a name says which number the
    series quotes, not which series it is; the series keep their turn (a name the new list happens to repeat
    pairs nothing)."""
    names_r, names_c = [x.name for x in sr], [x.name for x in sc]
    if len(names_r) < 2 or len(names_r) != len(names_c) or not all(names_r) or not all(names_c):
        return False
    if sorted(names_r) == sorted(names_c) or not all(NUMBER_RE.search(str(n)) for n in names_r):
        return False  # the same names (reordered: a swap the names tell) or names of words alone
    return [NUMBER_RE.sub("#", str(n)) for n in names_r] == [NUMBER_RE.sub("#", str(n)) for n in names_c]


def line_xs(s: Series) -> Any:
    """A line's x values, as the scene records them (None for kinds without)."""
    return s.items[0].get("x") if s.items else None


def _value_gap(a: Series, b: Series) -> float:
    """The share of two series' (first) values that differ; 1 when they hold different counts."""
    va, vb = first_values(a), first_values(b)
    if not va or len(va) != len(vb):
        return 1.0
    off = sum(
        not (isinstance(x, (int, float)) and isinstance(y, (int, float)) and abs(x - y) <= 1e-6 * max(abs(x), 1.0))
        for x, y in zip(va, vb, strict=True)
    )
    return off / len(va)


def _names_swapped(sr: Sequence[Series], sc: Sequence[Series], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two series paired by their names whose colours and values match crosswise: their labels traded places
    (a list of names reordered, the colours and data drawn from their own lists), so each series pairs with
    the one of its colour and values and the legend tells the swap (`panels.legend_labels_swapped`). Colours
    that traded places instead keep the values with the names."""

    def same_colour(a: Series, b: Series) -> bool:
        return bool(a.colour and b.colour and delta_e(a.colour, b.colour) <= 8)

    out = list(pairs)
    for x in range(len(out)):
        for y in range(x + 1, len(out)):
            (i, j), (k, m) = out[x], out[y]
            a, b, c, d = sr[i], sc[j], sr[k], sc[m]
            if not (a.name and c.name and a.name == b.name and c.name == d.name and a.kind == c.kind):
                continue
            if same_colour(a, b) or same_colour(c, d) or not (same_colour(a, d) and same_colour(c, b)):
                continue
            if _value_gap(a, d) + _value_gap(c, b) < _value_gap(a, b) + _value_gap(c, d):
                out[x], out[y] = (i, m), (k, j)
    return sorted(out)


def retype_score(i: int, a: Series, j: int, b: Series) -> float:
    if a.kind == b.kind or a.kind in AUX_KINDS or b.kind in AUX_KINDS:
        return 0.0
    s = 3.0 if a.name and a.name == b.name else 0.0
    s += 2.0 if a.colour and b.colour and delta_e(a.colour, b.colour) <= 8 else 0.0
    va, vb = first_values(a), first_values(b)
    na, nb = value_count(a, va), value_count(b, vb)
    s += 0.5 if va and na == nb else 0.0  # as many values: a colour alone is no evidence
    if va and vb and na == nb:
        # The values they share (a long line's scene keeps the first of them) drawn as another kind: the same
        # values, one edited point apart at most.
        k = min(len(va), len(vb))
        off = sum(
            not (isinstance(x, (int, float)) and isinstance(y, (int, float)) and abs(x - y) <= 1e-6 * max(abs(x), 1.0))
            for x, y in zip(va[:k], vb[:k], strict=True)
        )
        if off == 0 or (k >= 20 and off <= 1):
            s += 2.5
    return s


def value_count(s: Series, values: list[Any]) -> int:
    """How many values the series draws: its scene's count past the ones it keeps (``y_more``), else theirs."""
    it = s.items[0] if s.items else {}
    more = it.get("y_more") if s.kind not in ("bar", "barh", "stairs") else None
    return int(more["n"]) if isinstance(more, dict) and isinstance(more.get("n"), int) else len(values) + s.cut


def first_values(s: Series) -> list[Any]:
    """The series' values along its value axis (bar heights, line y values, stairs values)."""
    it = s.items[0] if s.items else {}
    if s.kind in ("bar", "barh"):
        key = "width" if s.kind == "barh" else "height"
        return [p.get(key) for p in sorted(s.items, key=lambda p: (p.get("x") or 0, p.get("y") or 0))]
    vals = it.get("y") if s.kind != "stairs" else it.get("values")
    vals = vals or it.get("values")
    return list(vals) if isinstance(vals, list) else []


def _line_boxes(lines: list[dict[str, Any]]) -> bool:
    """A box plot drawn with lines (no patch_artist): closed boxes (five points; eleven where notched) among
    two-point whiskers, caps and medians, none labelled."""
    if len(lines) < 5 or any(labelled(line.get("label")) for line in lines):
        return False

    def closed(line: dict[str, Any]) -> bool:
        xs, ys = line.get("x") or [], line.get("y") or []
        return len(ys) in (5, 11) and len(xs) == len(ys) and xs[0] == xs[-1] and ys[0] == ys[-1]

    boxes = sum(closed(line) for line in lines)
    segments = sum(len(line.get("y") or []) == 2 for line in lines)
    return boxes >= 1 and segments >= 3 * boxes


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
    "errorbar": "error bars",
    "stem": "stems",
    "stairs": "stairs",
    "bar": "vertical bars",
    "barh": "horizontal bars",
    "pie": "a pie",
    "scatter": "a scatter plot",
    "area": "filled areas",
    "image": "a heatmap image",
    "mesh": "a colour mesh",
    "box": "box plots",
    "segments": "line segments",
    "shapes": "shapes",
    "marks": "marks",
}


def kind_words(kinds: Sequence[str]) -> str:
    return " and ".join(KIND_WORDS.get(k, k) for k in kinds)


def kind_word(kind: str) -> str:
    return {"bar": "bars", "barh": "bars", "pie": "pie", "image": "heatmap", "mesh": "heatmap"}.get(kind, kind)


#: The noun one series of a kind is called by.
SERIES_NOUNS = {"line": "line", "points": "series", "bar": "series", "barh": "series", "scatter": "scatter series",
                "area": "area", "image": "heatmap", "mesh": "colour mesh", "segments": "segment group",
                "box": "box plot", "pie": "pie", "errorbar": "error bars", "stem": "stem series",
                "stairs": "stairs", "shapes": "shapes", "marks": "marks"}  # fmt: skip


def series_words(s: Series, siblings: Sequence[Series]) -> str:
    noun = SERIES_NOUNS.get(s.kind, "series")
    if s.kind == "shapes":
        return f"the {s.noun}s"
    if s.name:
        return f"{noun} {s.name!r}"
    if len(siblings) <= 1:
        return f"the {noun}"
    return f"{noun} {s.index + 1}" + (f" ({s.colour})" if s.colour else "")
