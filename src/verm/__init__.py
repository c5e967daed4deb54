"""verm: visual-equivalence reward modeling for vision-to-code outputs.

>>> import verm                                                             # doctest: +SKIP
>>> reward = verm.score("chart", "reference.png", completion_text)
>>> reward.score, reward.status, reward.judgment.discrepancies
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from verm.errors import ContractError, InputError, SandboxError, VermError
from verm.types import CATEGORIES, Candidate, Discrepancy, Judgment, Rendering, Reward, Status, Task

if TYPE_CHECKING:
    from verm.extract import extract_code
    from verm.pipeline import Scorer, score
    from verm.reward import RewardShaping

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"

_LAZY = {
    "score": "verm.pipeline",
    "Scorer": "verm.pipeline",
    "RewardShaping": "verm.reward",
    "extract_code": "verm.extract",
}


def __getattr__(name: str) -> Any:  # heavy modules load on first use
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'verm' has no attribute {name!r}")


__all__ = [
    "CATEGORIES",
    "Candidate",
    "ContractError",
    "Discrepancy",
    "InputError",
    "Judgment",
    "Rendering",
    "Reward",
    "RewardShaping",
    "SandboxError",
    "Scorer",
    "Status",
    "Task",
    "VermError",
    "__version__",
    "extract_code",
    "score",
]
