"""Charts, patch marks of one series pair: bars, pie wedges, box plots.

Bars pair by position; a few lost or new bars each count (data_error 2), many
are one change of the series; a histogram whose total is kept had a value move
bins. A colour shared by the whole series is one discrepancy, else one per bar.
A pie's changed slice is the one whose share does not scale like the others;
slice labels that traded places are text_error 3. A box plot is one
discrepancy per box whose statistics moved.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from verm.judge.scene.boxes import clean_box, union_box
from verm.judge.scene.chart.coords import AxCtx
from verm.judge.scene.chart.grade import rel_severity, series_severity
from verm.judge.scene.chart.series import Series, labelled
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Findings
from verm.judge.scene.matching import greedy_pairs
from verm.judge.scene.text import fmt_number, text_severity


def compare_bars(out: Findings, r: Series, c: Series, name: str, loc: str, ctx: AxCtx) -> None:
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
        pairs, lost, added = greedy_pairs(ra, ca, lambda i, a, j, b: -abs(centre(a) - centre(b)) / width, minimum=-0.5)
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
        if abs(x - y) > max(out.opts.rtol * abs(x), 1e-9 * max(1.0, scale)):
            diffs.append((i, j, abs(x - y) / (abs(x) or 0.05 * scale or 1.0), x, y))
    if len(diffs) == 2 and _touching(ra, pos, size) and abs(sum(d[4] - d[3] for d in diffs)) <= 1e-9 * max(1, scale):
        # A histogram whose total is kept: one sample moved from one bin to another (one changed value).
        (_i, j, rel, x, y), (_i2, j2, rel2, x2, y2) = diffs
        out.add("data_error", rel_severity(max(rel, rel2)), loc,
                f"bins {j + 1} and {j2 + 1} of {name} hold {fmt_number(y)} and {fmt_number(y2)}, should hold {fmt_number(x)} and "
                f"{fmt_number(x2)} (a value falls in the wrong bin)",
                union_box([ca[j].get("bbox"), ca[j2].get("bbox")]))  # fmt: skip
        diffs = []
    if len(diffs) >= 3 and len(diffs) > len(pairs) / 2:
        worst = max(diffs, key=lambda d: d[2])
        i, j, rel, x, y = worst
        out.add("data_error", series_severity(rel), loc,
                f"{len(diffs)} of {len(ra)} bars of {name} differ, e.g. bar {j + 1}"
                f"{ctx.bar_at(centre(ca[j]), horizontal)} is {fmt_number(y)}, should be {fmt_number(x)}",
                ctx.with_ticks(union_box([ca[d[1]].get("bbox") for d in diffs]), "x" if horizontal else "y"))  # fmt: skip
    else:
        for i, j, rel, x, y in diffs:
            # The change shows where the old and the new bar differ: box both.
            out.add("data_error", rel_severity(rel), loc,
                    f"bar {j + 1}{ctx.bar_at(centre(ca[j]), horizontal)} of {name} is {fmt_number(y)}, should be {fmt_number(x)}",
                    union_box([ca[j].get("bbox"), ra[i].get("bbox")]))  # fmt: skip
    # Style: one discrepancy when the whole series changed alike, else per bar.
    for key, word in (("facecolor", "colour"), ("edgecolor", "edge colour"), ("hatch", "hatch")):
        bad = []
        for i, j in pairs:
            a, b = ra[i].get(key), ca[j].get(key)
            changed = (a or "") != (b or "") if key == "hatch" else delta_e(a, b) > out.opts.colour_de
            if changed:
                bad.append((i, j, a, b))
        if not bad:
            continue
        strong = key == "facecolor"

        def sev_of(a: str | None, b: str | None, strong: bool = strong) -> int:
            return 2 if strong and delta_e(a, b) > out.opts.strong_de else 1

        if len(bad) == len(pairs) and len(pairs) > 1 and len({b for _, _, _, b in bad}) == 1:
            # Every bar now has one colour (one colour argument replaced the old one or a palette).
            a, b = max(((x[2], x[3]) for x in bad), key=lambda ab: delta_e(ab[0], ab[1]))
            out.add("style_error", sev_of(a, b), loc, f"the bar {word} of {name} is {b or 'none'}, should be "
                    f"{a or 'none'}", union_box([ca[j].get("bbox") for _, j, _, _ in bad]))  # fmt: skip
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


def _touching(bars: list[dict[str, Any]], pos: str, size: str) -> bool:
    """Bars side by side with no gap (a histogram)."""
    if len(bars) < 2:
        return False
    for p, q in itertools.pairwise(bars):
        end = float(p.get(pos) or 0) + float(p.get(size) or 0)
        if abs(end - float(q.get(pos) or 0)) > 1e-6 * max(1.0, abs(end)):
            return False
    return True


def compare_wedges(out: Findings, r: Series, c: Series, loc: str) -> None:
    ra, ca = r.items, c.items
    total_r = sum(float(p.get("theta2", 0)) - float(p.get("theta1", 0)) for p in ra) or 360.0
    total_c = sum(float(p.get("theta2", 0)) - float(p.get("theta1", 0)) for p in ca) or 360.0

    def share(p: dict[str, Any], total: float) -> float:
        return (float(p.get("theta2", 0)) - float(p.get("theta1", 0))) / total * 100

    def label(k: int, p: dict[str, Any]) -> str:
        lab = labelled(p.get("label"))
        return f"slice {k + 1}" + (f" ({lab!r})" if lab else "")

    if len(ra) != len(ca):
        _, lost, added = greedy_pairs(
            ra, ca, lambda i, a, j, b: 2.0 * (a.get("label") == b.get("label") and bool(labelled(a.get("label"))))
            + (delta_e(a.get("facecolor"), b.get("facecolor")) <= out.opts.colour_de) + 1 / (1 + abs(i - j))
        )  # fmt: skip
        for i in lost:
            out.add("data_error", 3, loc, f"{label(i, ra[i])} of the pie is missing", ra[i].get("bbox"))
        for j in added:
            out.add("data_error", 3, loc, f"{label(j, ca[j])} of the pie should not be there", ca[j].get("bbox"))
        return  # every share changes when a slice is missing; the missing slice is the error
    shares = [(share(a, total_r), share(b, total_c)) for a, b in zip(ra, ca, strict=True)]
    if any(abs(x - y) > max(0.05, out.opts.rtol * x) for x, y in shares):  # 0.05 percentage points
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
            out.add("data_error", rel_severity(rel), loc,
                    f"{label(k, ca[k])} of the pie is {y:.1f}%, should be {x:.1f}%", ca[k].get("bbox"))  # fmt: skip
    for k, (a, b) in enumerate(zip(ra, ca, strict=True)):
        out.colour("style_error", f"the colour of {label(k, b)}", loc, a.get("facecolor"), b.get("facecolor"),
                   b.get("bbox"))  # fmt: skip
    # Slice labels: traded places (values misattributed) -> 3, else each changed label is a text change.
    la, lb = [str(p.get("label") or "") for p in ra], [str(p.get("label") or "") for p in ca]
    if la != lb and all(labelled(x) for x in la + lb):
        if sorted(la) == sorted(lb):
            moved = [k for k in range(len(la)) if la[k] != lb[k]]
            what = "; ".join(f"{lb[k]!r} instead of {la[k]!r}" for k in moved[:4])
            out.add("text_error", 3, loc, f"the slice labels traded places: {what}",
                    union_box([ca[k].get("bbox") for k in moved]))  # fmt: skip
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
            out.add("data_error", rel_severity(rel), loc,
                    f"{label(k, b)} is pulled out by {eb:.2f}, should be {ea:.2f} (explode)", b.get("bbox"))  # fmt: skip
    rr, rc = ra[0].get("r"), ca[0].get("r")
    if rr and rc and abs(rr - rc) / rr > 0.05:
        out.add("style_error", 1, loc, f"the pie radius is {rc:g}, should be {rr:g}", c.bbox)


def compare_boxes(
    out: Findings, kr: dict[str, list[Series]], kc: dict[str, list[Series]], where: str, ctx: AxCtx
) -> None:
    """Box plots: one discrepancy per box whose box or whisker/median lines moved."""
    loc = f"{where} box plot"
    ra = [p for s in kr["box"] for p in s.items]
    ca = [p for s in kc["box"] for p in s.items]
    if len(ra) != len(ca):
        out.add("data_error", 3, loc, f"the plot has {len(ca)} boxes, should have {len(ra)}",
                union_box([p.get("bbox") for p in ca]) or union_box([p.get("bbox") for p in ra]))  # fmt: skip
        return
    lr = [s.items[0] for s in kr.get("boxline", [])]
    lc = [s.items[0] for s in kc.get("boxline", [])]
    worst: dict[int, float] = {}

    def owner(line: dict[str, Any]) -> int | None:
        b = clean_box(line.get("bbox"))
        if b is None:
            return None
        cx = (b[0] + b[2]) / 2
        return min(range(len(ra)), key=lambda k: abs(cx - sum((clean_box(ra[k].get("bbox")) or (0, 0, 0, 0))[::2]) / 2))

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
                if x is not None and y is not None and abs(x - y) > max(out.opts.rtol * abs(x), 1e-9):
                    worst[k] = max(worst.get(k, 0.0), abs(x - y) / max(abs(x), 1e-9))
    for k, (a, b) in enumerate(zip(ra, ca, strict=True)):
        shift = ctx.box_shift(a.get("bbox"), b.get("bbox"))
        if shift > 0.002:
            worst[k] = max(worst.get(k, 0.0), shift)
        out.colour("style_error", f"the colour of box {k + 1}", loc, a.get("facecolor"), b.get("facecolor"),
                   b.get("bbox"))  # fmt: skip
    for k, rel in sorted(worst.items()):
        out.add("data_error", rel_severity(rel), loc,
                f"box {k + 1}{ctx.at_box(ra[k])} shows different statistics (quartiles, median or whiskers differ "
                f"by up to {rel:.0%})", ca[k].get("bbox"))  # fmt: skip


def compare_line_boxes(out: Findings, sr: list[Series], sc: list[Series], where: str) -> None:
    """Box plots drawn with lines only: one discrepancy per box position whose lines moved."""
    loc = f"{where} box plot"
    gr, gc = _by_position([s.items[0] for s in sr]), _by_position([s.items[0] for s in sc])
    if len(gr) != len(gc):
        out.add("data_error", 3, loc, f"the plot has {len(gc)} boxes, should have {len(gr)}",
                     union_box([s.bbox for s in sc]))  # fmt: skip
        return
    for k, (a, b) in enumerate(zip(gr, gc, strict=True)):
        ya = [v for line in a for v in line.get("y") or []] + [v for line in a for v in line.get("x") or []]
        yb = [v for line in b for v in line.get("y") or []] + [v for line in b for v in line.get("x") or []]
        if len(ya) != len(yb):
            rel = 1.0
        else:
            rels = [
                abs(x - y) / max(abs(x), 1e-9) for x, y in zip(ya, yb, strict=True) if x is not None and y is not None
            ]
            rel = max(rels, default=0.0)
        if rel > out.opts.rtol:
            out.add("data_error", rel_severity(rel), loc,
                         f"box {k + 1} shows different statistics (quartiles, median or whiskers differ by up to "
                         f"{rel:.0%})", union_box([line.get("bbox") for line in b]))  # fmt: skip


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
