"""The pixel judge: two images in, discrepancies in the task's vocabulary out, on the CPU.

Stages — `normalise`, `align`, `difference`, `explain` (away), `classify` and `group`, `grade` — and
one module per task (`chart`, `table`, `svg`) holding that task's rules; `judge.PixelJudge` runs
them. The rules in full: docs/judges.md, "Pixel judge". The names below are the package's public
face (the stage functions ``normalise`` and ``classify`` stay in their modules of the same name).
"""

from verm.judge.pixel.align import estimate_shift
from verm.judge.pixel.colour import INK_DE
from verm.judge.pixel.difference import Diff, Region, compare, diff_regions, difference_map
from verm.judge.pixel.judge import PixelJudge
from verm.judge.pixel.layout import TableGrid, chart_frame, plot_frame, table_grid
from verm.judge.pixel.ocr import is_numeric_change, ocr_available, read_text

__all__ = [
    "INK_DE",
    "Diff",
    "PixelJudge",
    "Region",
    "TableGrid",
    "chart_frame",
    "compare",
    "diff_regions",
    "difference_map",
    "estimate_shift",
    "is_numeric_change",
    "ocr_available",
    "plot_frame",
    "read_text",
    "table_grid",
]
