"""Chart severities, and the last pass over a chart's discrepancies.

A changed value: relative change < 10 % -> 1, 10-50 % -> 2, more -> 3
(`rel_severity`). Three or more changed values of one series are one
discrepancy: < 10 % -> 2, else 3 (`series_severity`). The last pass merges one
edit seen twice (`merge_chart_echoes`).
"""

from __future__ import annotations

import re

from verm.judge.scene.boxes import box_iou
from verm.types import Discrepancy


def rel_severity(rel: float) -> int:
    return 1 if rel < 0.10 else 2 if rel <= 0.50 else 3


def series_severity(rel: float) -> int:
    """Many values of one series changed (the perturbation engine's data_series rule): < 10 % -> 2, else 3."""
    return 2 if rel < 0.10 else 3


_COLOUR_CHANGE_RE = re.compile(r"is (#[0-9a-f]{6}|none), should be (#[0-9a-f]{6}|none)$")


def merge_chart_echoes(items: list[Discrepancy]) -> list[Discrepancy]:
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
                and box_iou(k.bbox, d.bbox) > 0.5
                for k in keep
            )
        ):
            continue
        keep.append(d)
    return keep
