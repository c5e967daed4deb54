"""A CPU scene judge: compare what the renderers saw (chart artists, table cell
grids, SVG elements with their rendered boxes), not pixels, and report exact
discrepancies: "bar 3 of series 'Revenue' is 42, should be 40".

Categories and severities mirror the perturbation engine's rules
(`verm.perturb.chart`, `.table`, `.svg`), so the same edit gets the same
category and severity. The rules, task by task and stage by stage, are in
``docs/judges.md`` ("Scene judge").

Modules: `judge` (`SceneJudge`), one per task (`chart/` by stage, `table`,
`svg`), and the pieces they share: `findings` (options, the colour rule),
`boxes`, `colour`, `text`, `matching`. Tasks import the shared modules, never
the other way round.
"""

from verm.judge.scene.colour import delta_e
from verm.judge.scene.findings import SceneOptions
from verm.judge.scene.judge import SceneJudge
from verm.judge.scene.table import is_numeric_change, numeric_severity
from verm.judge.scene.text import text_severity

__all__ = ["SceneJudge", "SceneOptions", "delta_e", "is_numeric_change", "numeric_severity", "text_severity"]
