"""Charts, the data of two paired axes: chart type, series missing, extra or retyped, and each pair of series.

Main kinds only on one side each: a chart-type change (structure_error 3). A
series missing or extra: data_error 3 (error bars with it are its own); a
series drawn as another kind: structure_error 3, and not a colour change of the
later series that took its colour. Unlabelled series that changed with a
labelled one follow it. Error-bar caps are compared only when nothing else
changed. Each paired series goes to its kind's comparison (`values`, `patches`).
"""

from __future__ import annotations

from typing import Any

from verm.judge.scene.boxes import union_box
from verm.judge.scene.chart.coords import AxCtx
from verm.judge.scene.chart.patches import compare_boxes, compare_line_boxes
from verm.judge.scene.chart.series import (
    AUX_KINDS,
    ERRORBAR_KINDS,
    KIND_WORDS,
    Series,
    kind_word,
    kind_words,
    match_series,
    retype_score,
    series_by_kind,
    series_words,
)
from verm.judge.scene.chart.values import compare_caps, compare_series
from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import Findings
from verm.judge.scene.matching import greedy_pairs
from verm.types import Discrepancy


def compare_data(out: Findings, r: dict[str, Any], c: dict[str, Any], where: str) -> tuple[set[str], set[str], bool]:
    """Compare the data artists; returns names of missing and extra series (for the legend check), and whether
    bars were drawn as another kind (their zero baseline left, so autoscaled limits moved)."""
    lost_baseline = False
    kr, kc = series_by_kind(r), series_by_kind(c)
    missing: set[str] = set()
    extra: set[str] = set()
    main_r = {k for k in kr if k not in AUX_KINDS}
    main_c = {k for k in kc if k not in AUX_KINDS}
    only_r, only_c = main_r - main_c, main_c - main_r
    if only_r and only_c:
        out.add("structure_error", 3, f"{where}",
                f"the chart type is {kind_words(sorted(only_c))}, should be {kind_words(sorted(only_r))}",
                union_box([s.bbox for k in only_c for s in kc[k]]) or c.get("bbox"))  # fmt: skip
        skip = only_r | only_c
        lost_baseline = bool(only_r & {"bar", "barh"})
    else:
        skip = set()
    ctx = AxCtx(r, c)
    named: list[int] = []
    unnamed: list[int] = []
    lost_all: list[tuple[Series, list[Series]]] = []
    added_all: list[tuple[Series, list[Series]]] = []
    n0 = len(out.items)
    series_items: list[tuple[str, int, int, list[Discrepancy]]] = []
    if "box" in kr and "box" in kc:
        compare_boxes(out, kr, kc, where, ctx)
        skip |= {"box", "boxline"}
    elif "boxline" in kr and "boxline" in kc:
        compare_line_boxes(out, kr["boxline"], kc["boxline"], where)
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
        pairs, lost, added = match_series(sr, sc)
        lost_all.extend((sr[i], sr) for i in lost)
        added_all.extend((sc[j], sc) for j in added)
        for i, j in pairs:
            before = len(out.items)
            compare_series(out, sr[i], sc[j], sr, where, ctx)
            new = range(before, len(out.items))
            series_items.append((kind, i, j, out.items[before:]))
            (named if sr[i].name else unnamed).extend(k for k in new if out.items[k].category == "data_error")
    if named and unnamed:
        # Unlabelled lines and bands that changed together with a labelled series are computed from it
        # (a trend line, a mean, a band between two series): the labelled series is the error.
        drop = set(unnamed)
        out.items[:] = [d for k, d in enumerate(out.items) if k not in drop]
    if caps and len(out.items) == n0:
        compare_caps(out, caps[0], caps[1], where, ctx)
    # A series that left one kind and joined another under the same name (or colour) changed chart type.
    retyped, lost_idx, added_idx = greedy_pairs(
        [x[0] for x in lost_all], [x[0] for x in added_all], retype_score, minimum=2.0
    )
    shifted: set[int] = set()
    for i, j in retyped:
        (a, siblings), (b, _) = lost_all[i], added_all[j]
        lost_baseline |= a.kind in ("bar", "barh")
        # The series left its kind's colour cycle: the later series of that kind take the colours one
        # place earlier (the previous series' colour), which is not their own change.
        for kind, ii, jj, items in series_items:
            if kind == a.kind and ii > a.index and delta_e(kr[kind][ii - 1].colour, kc[kind][jj].colour) <= 8:
                shifted |= {id(d) for d in items if d.category == "style_error" and "colour" in d.description}
        out.add("structure_error", 3, f"{where} {series_words(a, siblings)}",
                f"{series_words(a, siblings)} is drawn as {KIND_WORDS.get(b.kind, b.kind)}, should be "
                f"{KIND_WORDS.get(a.kind, a.kind)}", b.bbox)  # fmt: skip
    if shifted:
        out.items[:] = [d for d in out.items if id(d) not in shifted]
    # Error bars (segments, cap markers) missing or extra together with a series are that series' own.
    for idx, group in ((lost_idx, lost_all), (added_idx, added_all)):
        if any(group[k][0].kind not in ERRORBAR_KINDS for k in idx):
            idx[:] = [k for k in idx if group[k][0].kind not in ERRORBAR_KINDS]
    for i in lost_idx:
        s, siblings = lost_all[i]
        missing.add(s.name or "")
        out.add("data_error", 3, f"{where} {kind_word(s.kind)}", f"{series_words(s, siblings)} is missing", s.bbox)
    for j in added_idx:
        s, siblings = added_all[j]
        extra.add(s.name or "")
        out.add("data_error", 3, f"{where} {kind_word(s.kind)}", f"{series_words(s, siblings)} should not be there",
                s.bbox)  # fmt: skip
    return missing, extra, lost_baseline
