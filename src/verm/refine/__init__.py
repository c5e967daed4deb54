"""Test-time scaling with the judge: the policy writes code, verm renders and judges it,
the discrepancies go back to the policy, which revises (`Refiner`); over many
references with resume and an HTML report (`refine_batch`).

>>> from verm import Scorer                                                    # doctest: +SKIP
>>> from verm.refine import PolicyClient, Refiner
>>> with Scorer("chart") as scorer, PolicyClient("http://gpu-0:8000/v1", model="policy") as policy:
...     result = Refiner(scorer, policy, rounds=3, samples=4).run("reference.png")
>>> result.scores(), result.best_round, result.stop_reason
"""

from verm.refine.batch import RefineItem, load_items, refine_batch
from verm.refine.loop import POLICY_ERROR, Attempt, Refiner, RefineResult, Round
from verm.refine.policy import PolicyClient, PolicyReply
from verm.refine.prompts import PolicyPrompts

__all__ = [
    "POLICY_ERROR",
    "Attempt",
    "PolicyClient",
    "PolicyPrompts",
    "PolicyReply",
    "RefineItem",
    "RefineResult",
    "Refiner",
    "Round",
    "load_items",
    "refine_batch",
]
