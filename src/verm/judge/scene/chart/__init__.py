"""Charts: compare two matplotlib scenes (the rules: docs/judges.md, "Charts").

The stages, each in its module:

- `figure`: pair the axes; compare the figure's and each axes' texts, scales, limits, ticks and legends.
- `series`: read an axes' artists as series by chart kind, and pair the series of two axes.
- `data`: the data of paired axes: chart type, missing, extra or retyped series, each series pair.
- `values`, `patches`, `looks`: one series pair: values of lines, points, scatter, areas, error bars and
  grids; bars, pie wedges, box plots; looks (colours, line styles, markers, sizes).
- `coords`: data coordinates and image fractions of one axes pair.
- `anew`: whether a series' changed values still show the reference's data (scaled, or drawn anew: lost).
- `cycle`: a series given a colour of its own moved the colour cycle on for those after it (one change).
- `follows`: changes that follow another: styles handed on past a dropped series; one scale on shared axes.
- `grade`: the severity rules, missing content's cost, and the last pass that merges one change seen many times.
- `tables`: tables drawn with ``ax.table``: their cells' texts and their box.
- `sketch`: an axes' marks painted flat, where an axis change and a change of series show (the same-place merge).
"""

from __future__ import annotations

from typing import Any

from verm.judge.scene.chart.cycle import merge_cycle_shift
from verm.judge.scene.chart.figure import ChartDiff
from verm.judge.scene.chart.follows import merge_dropped_shift, merge_scale_hides
from verm.judge.scene.chart.grade import merge_both_columns, merge_overlaps, merge_units
from verm.judge.scene.chart.panels import merge_relaid, merge_shared_moves
from verm.judge.scene.findings import Findings, SceneOptions
from verm.judge.scene.shows import LazyChangedPixels
from verm.types import Discrepancy


def compare_charts(
    options: SceneOptions, ref: dict[str, Any], cand: dict[str, Any], shows: LazyChangedPixels | None = None
) -> list[Discrepancy]:
    """Discrepancies between two chart scenes; ``shows``: where their images differ, when they are at hand (how
    much of a plot a recolouring covers)."""
    out = Findings(options, shows)
    ChartDiff(out).run(ref, cand)
    merge_both_columns(out)
    merge_cycle_shift(out)  # before the units: each series took another colour, one change
    merge_dropped_shift(out)  # before the units: a series dropped handed its style on down the list
    merge_scale_hides(out)  # before the units, which key by category: one scale change, hiding data or not
    merge_units(out)
    merge_relaid(out)  # after the units: many series changed alike (scaled, normalised) are said there
    merge_shared_moves(out)  # after both: what they merged, and series that moved a value alike, join
    merge_overlaps(out)
    return out.discrepancies()


__all__ = ["compare_charts"]
