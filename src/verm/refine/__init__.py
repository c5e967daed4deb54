"""Test-time scaling with the judge: the policy writes code, verm renders and judges it,
the discrepancies go back to the policy, which revises (`Refiner`); over many
references with resume and an HTML report (`refine_batch`).

>>> from verm import Scorer                                                    # doctest: +SKIP
>>> from verm.refine import PolicyClient, Refiner
>>> with Scorer("chart") as scorer, PolicyClient("http://gpu-0:8000/v1", model="policy") as policy:
...     result = Refiner(scorer, policy, rounds=3, samples=4).run("reference.png")
>>> result.scores(), result.best_round, result.stop_reason
"""

from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use: `verm refine --help` and the rest of the CLI must start without httpx.
_EXPORTS = {
    "RefineItem": "verm.refine.batch",
    "load_items": "verm.refine.batch",
    "refine_batch": "verm.refine.batch",
    "POLICY_ERROR": "verm.refine.loop",
    "Attempt": "verm.refine.loop",
    "RefineResult": "verm.refine.loop",
    "Refiner": "verm.refine.loop",
    "Round": "verm.refine.loop",
    "PolicyClient": "verm.refine.policy",
    "PolicyReply": "verm.refine.policy",
    "PolicyPrompts": "verm.refine.prompts",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'verm.refine' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
