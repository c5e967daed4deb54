"""Inject known errors into reference sources (charts, tables, SVG) and measure
them on the renderings: training pairs and benchmarks with exact ground truth.

>>> import random
>>> from verm.perturb import perturb, ground_truth           # doctest: +SKIP
>>> result = perturb("chart", code, random.Random(0), n_edits=2)
>>> truth = ground_truth("chart", code, result, renderer)     # list[Discrepancy]
"""

from verm.perturb.base import BasePerturber, Edit, NotApplicable, OpSpec, Perturber, PerturbResult
from verm.perturb.compose import perturb
from verm.perturb.registry import PERTURBERS, get_perturber
from verm.perturb.truth import MeasuredEdit, ground_truth, ground_truth_many, measure_edits, measure_many

__all__ = [
    "PERTURBERS",
    "BasePerturber",
    "Edit",
    "MeasuredEdit",
    "NotApplicable",
    "OpSpec",
    "PerturbResult",
    "Perturber",
    "get_perturber",
    "ground_truth",
    "ground_truth_many",
    "measure_edits",
    "measure_many",
    "perturb",
]
