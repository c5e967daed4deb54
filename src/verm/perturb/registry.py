"""The perturbers, one per task, registered by name: ``get_perturber("chart")``.

The built-ins are registered as dotted paths, so this module imports none of
them (a concrete perturber imports the contract in `verm.perturb.base`, never
the other way round); plug-ins add theirs through the ``verm.perturbers`` entry
point group.
"""

from __future__ import annotations

from verm.perturb.base import BasePerturber
from verm.registry import Registry
from verm.types import Task

PERTURBERS: Registry[BasePerturber] = Registry("perturber", "verm.perturbers")
PERTURBERS.register(Task.CHART.value, "verm.perturb.chart:ChartPerturber")
PERTURBERS.register(Task.TABLE.value, "verm.perturb.table:TablePerturber")
PERTURBERS.register(Task.SVG.value, "verm.perturb.svg:SvgPerturber")


def get_perturber(task: Task | str) -> BasePerturber:
    """A fresh perturber for a task."""
    return PERTURBERS.create(Task.parse(task).value)
