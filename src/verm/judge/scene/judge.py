"""`SceneJudge`: take the scenes off two renderings and hand them to the task's comparison.

It needs a scene on both sides (``Rendering.scene``, written when a *source*
is rendered); without one it raises `verm.errors.JudgeUnavailableError`, the
only exception it raises on purpose (the cascade catches it and runs the next
judge). Anything else that breaks on a strange scene comes back as a
``judge_error`` judgment with the reason.
"""

from __future__ import annotations

import logging
import time
from typing import Any, ClassVar

from verm.errors import JudgeUnavailableError
from verm.judge.base import Judge
from verm.judge.scene.chart import compare_charts
from verm.judge.scene.findings import SceneOptions
from verm.judge.scene.shows import ChangedPixels, LazyChangedPixels, changed_pixels
from verm.judge.scene.svg import SvgDiff
from verm.judge.scene.table import TableDiff
from verm.types import Discrepancy, Judgment, Rendering, Status, Task

log = logging.getLogger(__name__)


def _scene(task: Task, rendering: Rendering, side: str) -> dict[str, Any]:
    """The rendering's scene, or JudgeUnavailableError saying why the scene judge cannot use it."""
    scene = rendering.scene
    if scene is None:
        why = "it was loaded from an image" if rendering.source is None else "its renderer wrote no scene"
        raise JudgeUnavailableError(f"the scene judge needs a scene for the {side}, and {why}")
    if not isinstance(scene, dict) or scene.get("error"):
        err = scene.get("error") if isinstance(scene, dict) else type(scene).__name__
        raise JudgeUnavailableError(f"the {side}'s scene could not be built: {err}")
    key = {Task.CHART: "axes", Task.TABLE: "cells", Task.SVG: "elements"}[task]
    if key not in scene:
        raise JudgeUnavailableError(f"the {side}'s scene is not a {task.value} scene (it has no {key!r})")
    return scene


class SceneJudge(Judge):
    """Compare the renderers' scenes of a reference and a candidate (rules: docs/judges.md, "Scene judge").

    ``judge`` raises `JudgeUnavailableError` — and only that — when it cannot
    run (a rendering without a scene, e.g. a PNG reference); anything else that
    goes wrong comes back as a ``judge_error`` judgment with the reason.

    >>> judge = SceneJudge()                                              # doctest: +SKIP
    >>> judge.judge(Task.CHART, ref_rendering, cand_rendering).discrepancies
    """

    name: ClassVar[str] = "scene"
    needs_sources: ClassVar[bool] = True

    def __init__(self, rtol: float = 1e-3, colour_de: float = 10.0, strong_de: float = 25.0) -> None:
        self.options = SceneOptions(rtol=rtol, colour_de=colour_de, strong_de=strong_de)

    def unavailable(self, task: Task, reference: Rendering, candidate: Rendering) -> str | None:
        """Why this judge cannot judge the pair (no scene on one side), or None when it can."""
        try:
            _scene(Task.parse(task), reference, "reference")
            _scene(Task.parse(task), candidate, "candidate")
        except JudgeUnavailableError as exc:
            return str(exc)
        return None

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        task = Task.parse(task)
        ref = _scene(task, reference, "reference")
        cand = _scene(task, candidate, "candidate")
        t0 = time.perf_counter()
        try:
            # Where the images differ tells which findings show on one place (SVG icons: their elements overlap).
            shows = changed_pixels(reference, candidate) if task is Task.SVG else None
            if task is Task.CHART:  # charts: how much of a plot a recolouring covers, worked out when asked
                items = compare_charts(self.options, ref, cand, LazyChangedPixels(reference, candidate))
            else:
                items = self.compare(task, ref, cand, shows)
        except Exception as exc:  # a strange scene must not take the caller down; say what broke
            log.exception("scene judge failed on a %s pair", task.value)
            return Judgment(
                task=task, judge=self.name, status=Status.JUDGE_ERROR,
                reason=f"the scene comparison failed: {type(exc).__name__}: {exc}",
                elapsed_ms=(time.perf_counter() - t0) * 1000,
            )  # fmt: skip
        return Judgment(task=task, judge=self.name, discrepancies=items, elapsed_ms=(time.perf_counter() - t0) * 1000)

    def compare(
        self, task: Task, ref: dict[str, Any], cand: dict[str, Any], shows: ChangedPixels | None = None
    ) -> list[Discrepancy]:
        """Discrepancies between two scenes of ``task`` (pure; no rendering). ``shows``: where the two images
        differ, when they are at hand (`verm.judge.scene.shows`)."""
        if task is Task.CHART:
            return compare_charts(self.options, ref, cand)
        if task is Task.TABLE:
            return TableDiff(self.options).run(ref, cand)
        return SvgDiff(self.options).run(ref, cand, shows)
