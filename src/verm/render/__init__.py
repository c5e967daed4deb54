"""Renderers, one per task, registered by name: ``get_renderer("chart")``."""

from __future__ import annotations

from verm.registry import Registry
from verm.render.base import ProgressFn, Renderer
from verm.types import Task

RENDERERS: Registry[Renderer] = Registry("renderer", "verm.renderers")
RENDERERS.register("chart", "verm.render.chart:ChartRenderer")
RENDERERS.register("svg", "verm.render.svg:SvgRenderer")
RENDERERS.register("table", "verm.render.table:TableRenderer")


def get_renderer(task: Task | str, **kwargs: object) -> Renderer:
    """Create the renderer for a task (or a plug-in renderer by name)."""
    name = task.value if isinstance(task, Task) else str(task)
    return RENDERERS.create(name, **kwargs)


__all__ = ["RENDERERS", "ProgressFn", "Renderer", "get_renderer"]
