"""What the refine loop says to the policy: the first request (write code for this
image) and the revision request (here is how your code rendered and what the judge
found; revise it). A failed render goes back as its error text.

The revision request lists one discrepancy a line, in a fixed form a person and a
parser can both read::

    1. [data_error, severity 2] bar 4 (West): the bar is 21, should be 16.4
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from verm.types import Discrepancy, Status, Task

#: The fenced-block language the extractor looks for first, per task.
FENCE = {Task.CHART: "python", Task.TABLE: "markdown", Task.SVG: "svg"}

_WHAT = {
    Task.CHART: "Python code using matplotlib that reproduces this chart exactly: the same chart type, data, "
    "texts, colours, styles and layout",
    Task.TABLE: "a Markdown table (or an HTML <table> where cells are merged) that reproduces this table exactly: "
    "the same rows, columns, headers, cell texts and numbers",
    Task.SVG: "SVG code that reproduces this icon exactly: the same shapes, positions, sizes, colours and texts",
}

#: Longest error text sent back for a failed render (tracebacks can be long).
MAX_ERROR_CHARS = 2000


@dataclass(frozen=True)
class PolicyPrompts:
    """The texts of the two requests; ``{what}`` and ``{fence}`` are filled per task."""

    generate: str = "Write {what}.\nAnswer with the complete code in one ```{fence} block."
    revise: str = (
        "{outcome}\n\nRevise your code so that its rendering matches the reference image (the first image). "
        "Answer with the complete revised code in one ```{fence} block."
    )


def generation_text(task: Task, prompts: PolicyPrompts) -> str:
    return prompts.generate.format(what=_WHAT[task], fence=FENCE[task])


def discrepancy_lines(discrepancies: Sequence[Discrepancy]) -> str:
    lines = []
    for n, d in enumerate(discrepancies, 1):
        where = f" {d.location}:" if d.location else ""
        lines.append(f"{n}. [{d.category}, severity {d.severity}]{where} {d.description}".rstrip())
    return "\n".join(lines)


def outcome_text(
    task: Task, status: str, reason: str | None, discrepancies: Sequence[Discrepancy], feedback: bool
) -> str:
    """What happened to the code being revised, in words the policy can act on."""
    fence = FENCE[task]
    if status == Status.NO_CODE.value:
        return f"Your answer had no ```{fence} code block, so nothing could be rendered."
    if status == Status.RENDER_ERROR.value:
        error = (reason or "no error message")[:MAX_ERROR_CHARS]
        return f"Your code failed to render. The error was:\n{error}"
    if status == Status.BLANK.value:
        return "Your code rendered a blank image: nothing of the reference is drawn."
    if not feedback:
        return "Your code was rendered (the second image). Compare it with the reference and fix what differs."
    if status == Status.JUDGE_ERROR.value:
        return "Your code was rendered (the second image), but the judge could not compare it. Check it yourself."
    if not discrepancies:
        return "Your code was rendered (the second image) and the judge found no difference from the reference."
    return (
        "Your code was rendered (the second image) and compared with the reference. "
        f"The judge found these differences (category, severity 1 minor to 3 severe, where, what):\n"
        f"{discrepancy_lines(discrepancies)}"
    )


def revision_text(
    task: Task,
    prompts: PolicyPrompts,
    status: str,
    reason: str | None,
    discrepancies: Sequence[Discrepancy],
    feedback: bool = True,
) -> str:
    return prompts.revise.format(outcome=outcome_text(task, status, reason, discrepancies, feedback), fence=FENCE[task])
