"""Charts, one series pair: its looks. Colour, line style, marker, widths and sizes of lines, points and
collections (one colour each, or one per member: a colour map), and a colour mesh coloured by another map.

Looks are style findings with a `Unit`, so the same change on many series is
one discrepancy. Colours follow the shared colour rule (`Findings.colour`);
members of a colour map recoloured along the same map are values that changed
(data_error), recoloured off it another map (style). A straight line whose look
changed but whose pixels did not is hidden (drawn over). `values` calls these
for each series pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from verm.judge.scene.boxes import clean_box
from verm.judge.scene.chart.coords import AxCtx
from verm.judge.scene.chart.grade import covered_share, reading_severity
from verm.judge.scene.chart.series import NOLINE, NOMARKER, Series, marker_name
from verm.judge.scene.colour import delta_e, lab_of
from verm.judge.scene.findings import Findings, Unit

#: The noun one series of a kind is counted as in a unit ("every line in subplot 2").
UNIT_NOUNS = {"line": "line", "points": "marker series", "boxline": "box-plot line", "errorbar": "error-bar series",
              "stem": "stem series", "stairs": "stairs", "scatter": "scatter series", "area": "area",
              "segments": "segment group", "marks": "mark group", "image": "heatmap", "mesh": "colour mesh"}  # fmt: skip


def style_unit(ctx: AxCtx, s: Series, attribute: str, old: Any, new: Any, noun: str = "", count: int = 1,
               share: float | None = None) -> Unit:  # fmt: skip
    """The unit of a look changed on ``count`` artists of series ``s`` (its whole weight unless ``share``)."""
    noun = noun or UNIT_NOUNS.get(s.kind, "series")
    confusable = attribute.endswith("colour") and ctx.confusable(old, new)
    if share is None:  # the share of the plot's ink it recolours
        share = s.ink / ctx.ink if ctx.ink > 0 else s.weight / max(ctx.weight, 1e-9)
    return Unit(attribute, None if old is None else str(old), None if new is None else str(new), noun, ctx.where,
                count, max(count, ctx.counts.get(noun, count)), share, confusable, ctx.frame)  # fmt: skip


def line_looks(out: Findings, r: Series, c: Series, name: str, loc: str, ctx: AxCtx, tag: dict[str, Any]) -> None:
    a, b = r.items[0], c.items[0]
    box = b.get("bbox")
    if straight_look_hidden(out, a, b):
        return
    colour_of(out, r, c, "colour", a.get("color"), b.get("color"), name, loc, ctx, tag)
    la, lb = a.get("linestyle"), b.get("linestyle")
    if la != lb and not (la in NOLINE and lb in NOLINE):
        out.add("style_error", 1, loc, f"{name} is drawn with line style {lb!r}, should be {la!r}", box,
                style_unit(ctx, r, "line style", la, lb), **tag)  # fmt: skip
    ma, mb = marker_name(a.get("marker")), marker_name(b.get("marker"))
    if ma != mb and not (ma in NOMARKER and mb in NOMARKER):
        out.add("style_error", 1, loc, f"{name} has marker {mb!r}, should be {ma!r}", box,
                style_unit(ctx, r, "marker", ma, mb), **tag)  # fmt: skip
    elif ma not in NOMARKER:
        sa, sb = a.get("markersize") or 0, b.get("markersize") or 0
        if sa > 0 and sb > 0 and max(sa, sb) / min(sa, sb) >= 1.5:
            out.add("style_error", 1, loc, f"{name} has marker size {sb:g}, should be {sa:g}", box,
                    style_unit(ctx, r, "marker size", f"{sa:g}", f"{sb:g}"), **tag)  # fmt: skip
    wa, wb = a.get("linewidth") or 0, b.get("linewidth") or 0
    if wa > 0 and wb > 0 and max(wa, wb) / min(wa, wb) >= 1.5 and la not in NOLINE:
        out.add("style_error", 1, loc, f"{name} has line width {wb:g}, should be {wa:g}", box,
                style_unit(ctx, r, "line width", f"{wa:g}", f"{wb:g}"), **tag)  # fmt: skip


#: Image pixels around a straight line's box where its stroke would show (its box has no thickness).
STROKE_PAD_PX = 3.0


def straight_look_hidden(out: Findings, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """A straight horizontal or vertical line (``axhline``, a zero line) in the same place on both sides whose
    look changed but no pixel around it did: something drawn over it hides it (the axes' frame, when it lies
    on a limit; bars), so its colour, style and width do not show. Only when the images are at hand."""
    ba, bb = clean_box(a.get("bbox")), clean_box(b.get("bbox"))
    if ba is None or bb is None or out.shows is None or max(abs(x - y) for x, y in zip(ba, bb, strict=True)) > 1e-3:
        return False
    if min(ba[2] - ba[0], ba[3] - ba[1]) > 1e-4:
        return False  # not a straight horizontal or vertical line
    looks = ("color", "linestyle", "linewidth", "marker", "markersize")
    if all(a.get(key) == b.get(key) for key in looks):
        return False  # no look changed: the images are not read (they cost time)
    pixels = out.shows.get()
    found = pixels.count_near(ba, STROKE_PAD_PX) if pixels is not None else None
    return found == 0


def colour_of(
    out: Findings, r: Series, c: Series, word: str, old: str | None, new: str | None, name: str, loc: str,
    ctx: AxCtx, tag: dict[str, Any], noun: str = "", count: int = 1, share: float | None = None, box: Any = None,
) -> bool:  # fmt: skip
    """A colour change of (part of) a series, as a unit; True when reported."""
    return out.colour("style_error", f"the {word} of {name}", loc, old, new, box or c.bbox,
                      style_unit(ctx, r, word, old, new, noun, count, share), **tag)  # fmt: skip


def line_art_swap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether a scatter's marker changed between a filled one and line art ('x', '+'): matplotlib draws line
    art in the face colour, so its edge colour follows the marker change (said there), no edit of its own."""
    if not a.get("marker") or not b.get("marker") or a["marker"] == b["marker"]:
        return False
    ea, fa, eb, fb = (a.get("edgecolors") or [], a.get("facecolors") or [], b.get("edgecolors") or [],
                      b.get("facecolors") or [])  # fmt: skip
    return bool(ea and fa and eb and fb) and (ea == fa) != (eb == fb) and fa == fb


def compare_colours(
    out: Findings, r: Series, c: Series, name: str, loc: str, ctx: AxCtx, tag: dict[str, Any], edges: bool = True
) -> None:
    """A collection's face and edge colours: one colour each, or one per member (a colour map, or depth-sorted
    3D polygons, compared as a whole). Fill and edge changed together are one discrepancy. ``edges``: False where
    the edge colour follows another change (`line_art_swap`)."""
    a, b = r.items[0], c.items[0]
    sorted_ = ctx.r.get("name") == "3d" or ctx.c.get("name") == "3d"
    many: list[tuple[str, int, int, float, str | None, str | None]] = []  # word, changed, of, ΔE, old, new
    for key, word in (("facecolors", "fill colour"), ("edgecolors", "edge colour"))[: 2 if edges else 1]:
        ca, cb = a.get(key) or [], b.get(key) or []
        if not ca and not cb:
            continue
        if sorted_:
            ca, cb = sorted(ca), sorted(cb)
        if len(set(ca)) <= 1 and len(set(cb)) <= 1:
            colour_of(out, r, c, word, ca[0] if ca else None, cb[0] if cb else None, name, loc, ctx, tag)
            continue
        if len(ca) != len(cb) and 1 in (len(ca), len(cb)):
            # One colour for every member on one side (a colour map's values replaced by a constant, or the
            # other way): matplotlib paints each member in it, so it is compared member by member.
            ca, cb = ca * (len(cb) if len(ca) == 1 else 1), cb * (len(ca) if len(cb) == 1 else 1)
        if len(ca) != len(cb):
            if set(ca) != set(cb):
                many.append((word, len(cb), len(ca), 100.0, None, None))
            continue
        bad = [k for k, (x, y) in enumerate(zip(ca, cb, strict=True)) if delta_e(x, y) > out.opts.colour_de]
        if (
            (len(set(ca)) >= MAP_COLOURS or _keyed_categories(ctx, ca, [cb[k] for k in bad], out.opts.colour_de))
            and 0 < len(bad) < MAP_SOME * len(ca)
            and not sorted_
            and key == ("edgecolors" if kind_lines(r) else "facecolors")
            and not another_colour_map([ca[k] for k in bad], [cb[k] for k in bad], ca, out.opts.colour_de)
        ):
            # Colours that encode values (a colour map) changed on some members only: the values read differently.
            out.add("data_error", reading_severity(len(bad) / len(ca)), loc,
                    f"{len(bad)} of {len(ca)} members of {name} are coloured differently (the values their colours "
                    "encode differ)", b.get("bbox"), **tag)  # fmt: skip
            continue
        if bad or a.get(f"{key}_more") != b.get(f"{key}_more"):
            olds, news = {ca[k] for k in bad}, {cb[k] for k in bad}
            # How strong the recolouring is: its members' mean change (as the pixels read it).
            de = sum(delta_e(ca[k], cb[k]) for k in bad) / len(bad) if bad else 100.0
            # What it was and became: one colour, or a colour per member (a colour map's, each its own).
            old_is = (olds.pop() if len(olds) == 1 else PER_MEMBER) if bad else None
            new_is = (news.pop() if len(news) == 1 else OTHER_PER_MEMBER) if bad else None
            many.append((word, len(bad), len(ca), de, old_is, new_is))
    if not many:
        return
    words = " and ".join(m[0] for m in many)
    changed, of = max(m[1] for m in many), max(m[2] for m in many)
    share = (r.ink / ctx.ink if ctx.ink > 0 else r.weight / max(ctx.weight, 1e-9)) * min(1.0, changed / max(of, 1))
    de = max(m[3] for m in many)
    if de >= out.opts.strong_de:
        share = covered_share(out, ctx.frame, [b.get("bbox")], share)
    sev = 1 if de < out.opts.strong_de else 2 if share >= 0.5 - 1e-9 else 1
    one = many[0]
    unit = None
    if one[4] and one[5] and all(m[4:] == one[4:] for m in many):
        # One change of the fill (and the edges alike): a unit, so the same recolouring of many series is one
        # change (a colour map's values replaced by one colour on every beeswarm row); graded by its measured ΔE
        # where a side holds a colour per member.
        attribute = one[0] if len(many) == 1 else f"{_join_words([m[0][: -len(' colour')] for m in many])} colour"
        unit = style_unit(ctx, r, attribute, one[4], one[5], share=share)
        if one[4] == PER_MEMBER or one[5] == OTHER_PER_MEMBER:
            unit = replace(unit, de=de, confusable=False)
    out.add("style_error", sev, loc, f"the {words}s of {name} differ ({changed} of {of})", b.get("bbox"), unit,
            **tag)  # fmt: skip


def _join_words(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


#: A unit's old or new colour where a collection's members each wear their own (`compare_colours`).
PER_MEMBER = "a colour per member"
OTHER_PER_MEMBER = "another colour per member"

#: Distinct colours of a collection's members (or of shapes) that tell a colour map encoding values; members
#: recoloured under this share of them (some, not all) moved their values.
MAP_COLOURS = 5
MAP_SOME = 0.9

#: Members' colours a colour map change is told by, at most (a sample, evenly spread).
MAP_SAMPLE = 200


def _keyed_categories(ctx: AxCtx, olds: Sequence[str], news: Sequence[str], same_de: float) -> bool:
    """Whether a collection's members wear categories its axes' legend keys (each member's colour, old and new,
    one of the legend's swatches) and the legend kept its swatches: members recoloured among them moved to
    other categories (a wafer map's dies binned otherwise), as the key still reads; a category recoloured
    would have recoloured its swatch."""
    lr, lc = ctx.r.get("legend") or {}, ctx.c.get("legend") or {}
    keys_r, keys_c = lr.get("colors") or [], lc.get("colors") or []
    if len(keys_r) < 2 or len(keys_r) != len(keys_c):
        return False
    if any(delta_e(a, b) > same_de for a, b in zip(keys_r, keys_c, strict=True)):
        return False
    return all(any(delta_e(c, k) <= same_de for k in keys_r) for c in {*olds, *news})


def another_colour_map(olds: Sequence[str], news: Sequence[str], palette: Sequence[str], same_de: float) -> bool:
    """Whether members recoloured from ``olds`` to ``news`` took colours the reference's ``palette`` (its
    colour map's colours) does not hold, mostly: another colour map, not values that moved along the same
    map (their new colours are the map's). Members whose colour is one of the map's ends stay in place."""
    step = max(1, len(news) // MAP_SAMPLE)
    pairs = [(o, n) for o, n in list(zip(olds, news, strict=True))[::step]]
    if not pairs:
        return False
    ref = np.array([lab for c in set(palette) if (lab := lab_of(c)) is not None])
    new = np.array([lab for _, n in pairs if (lab := lab_of(n)) is not None])
    if not len(ref) or not len(new):
        return False
    nearest = np.sqrt(((new[:, None, :] - ref[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
    return float((nearest > same_de).mean()) > 0.5


def kind_lines(s: Series) -> bool:
    """Collections whose colour is their lines' (segments), not a fill."""
    return s.kind == "segments"


def mesh_colours(
    out: Findings, a: dict[str, Any], b: dict[str, Any], name: str, loc: str, ctx: AxCtx, tag: dict[str, Any]
) -> None:
    """A colour mesh (no colour map in the scene) whose values are the same but whose cells are coloured
    otherwise: another colour map, over the whole mesh (2; 1 for a shade)."""
    fa, fb = a.get("facecolors") or [], b.get("facecolors") or []
    if not fa or len(fa) != len(fb):
        return
    des = [delta_e(x, y) for x, y in zip(fa, fb, strict=True)]
    changed = [d for d in des if d > out.opts.colour_de]
    if len(changed) * 2 < len(des):
        return
    sev = 1 if sum(changed) / len(changed) < out.opts.strong_de else 2
    out.add("style_error", sev, loc, f"the cells of {name} are coloured otherwise ({len(changed)} of {len(des)} shown "
            "differ): another colour map", b.get("bbox"), Unit("colour map", None, "changed", "heatmap", ctx.where),
            **tag)  # fmt: skip
