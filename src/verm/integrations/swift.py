"""verm as an ms-swift ORM (outcome reward model) for its GRPO trainer.

ms-swift 4.x calls ``orm(completions, **columns)`` with the dataset's columns
(``images`` among them) and ``trainer_state``, and reads ``None`` as "leave this
sample out". verm registers four names through a plugin file::

    swift rlhf --rlhf_type grpo ... \\
        --external_plugins "$(python -m verm.integrations.swift)" \\
        --reward_funcs verm_chart                # or verm (task from a 'task' column), verm_table, verm_svg

The judge and the shaping come from ``VERM_JUDGE`` and ``VERM_SHAPING`` in the
environment (swift builds an ORM from its name alone), or from a subclass in your
own plugin file::

    from swift.rewards import orms
    from verm.integrations.swift import VermORM

    class MyVerm(VermORM):
        task, judge, shaping = "chart", "pixel", "visual-erm"

    orms["my_verm"] = MyVerm

References and statuses follow `verm.integrations.trl.VermReward` (the same reward:
swift's GRPO trainer hands reward functions what TRL's does).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar

from verm.errors import MissingDependencyError
from verm.integrations.trl import VermReward

try:
    from swift.rewards import ORM
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError("the ms-swift plugin needs ms-swift: pip install 'verm[swift]'") from exc

__all__ = ["PLUGIN_FILE", "VermORM", "register"]

#: The file to pass to ``--external_plugins``.
PLUGIN_FILE = Path(__file__).with_name("swift_plugin.py")


class VermORM(ORM):
    """verm's reward as a swift ORM; set the class attributes in a subclass to configure it."""

    task: ClassVar[str | None] = None
    judge: ClassVar[str | None] = None
    shaping: ClassVar[str | None] = None
    judge_options: ClassVar[dict[str, Any]] = {}

    def __init__(self, args: Any = None, **kwargs: Any) -> None:
        super().__init__(args, **kwargs)
        self.reward = VermReward(
            self.task,
            judge=self.judge or os.environ.get("VERM_JUDGE") or "auto",
            shaping=self.shaping or os.environ.get("VERM_SHAPING") or None,
            judge_options=self.judge_options,
            name=type(self).__name__,
        )

    def __call__(self, completions: list[Any], **kwargs: Any) -> list[float | None]:  # type: ignore[override]
        return self.reward(completions=completions, **kwargs)


class VermChartORM(VermORM):
    task = "chart"


class VermTableORM(VermORM):
    task = "table"


class VermSvgORM(VermORM):
    task = "svg"


def register(orms: dict[str, Any]) -> None:
    """Add verm's ORMs to swift's registry (``swift.rewards.orms``)."""
    orms.update({"verm": VermORM, "verm_chart": VermChartORM, "verm_table": VermTableORM, "verm_svg": VermSvgORM})


if __name__ == "__main__":
    print(PLUGIN_FILE)
