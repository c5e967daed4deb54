"""ChartMimic's low-level scores (Yang et al., 2024), from the plotting-call trace
that verm's chart renderer records while each program runs in the sandbox
(``scene["trace"]``, see `verm.render._chart_trace`).

Each score is an F1 with P = matched / |generated| and R = matched / |reference|:

* **text** — the multiset of drawn texts (tick labels excluded), matched by
  exact string equality; 0 when either list is empty (the definition).
* **layout** — each axes' grid-spec position (nrows, ncols, row start/end,
  column start/end), matched as an exact multiset.
* **type** — calls per plotting function: P = Σ min(c_gen, c_ref) / Σ c_gen,
  R = Σ min(c_gen, c_ref) / Σ c_ref.
* **color** — the colours of each plotting function's artists, grouped by
  function; S(a, b) = max(0, 1 - CIEDE2000 ΔE(a, b) / 100) (two colormaps: 1
  when they are the same map, else 0), the best one-to-one assignment within
  each group, P = ΣS / |gen|, R = ΣS / |ref|.

The similarity is the mean of the four. Where ChartMimic's code goes wrong,
verm is defined instead (docs/benchmarks.md, "ChartMimic"):

* a program with no traced calls: ChartMimic's evaluator keeps the metrics of
  the *previous* sample; here layout, type and colour are 1 when both sides
  are empty (nothing to draw, nothing drawn) and 0 when only one is;
* colour assignment: ChartMimic tries every permutation (factorial in the
  number of colours); here it is scipy's Hungarian solver (`linear_sum_assignment`),
  polynomial and exact;
* CIEDE2000 is scikit-image's `deltaE_ciede2000` on sRGB -> CIELAB (D65).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from verm.errors import InputError
from verm.judge.baselines.image import SimilarityBaseline
from verm.types import Rendering, Task

CMAP_PREFIX = "cmap:"


def f1(matched: float, n_gen: float, n_ref: float) -> float:
    """F1 of P = matched / n_gen and R = matched / n_ref (0 when either is 0)."""
    if n_gen <= 0 or n_ref <= 0 or matched <= 0:
        return 0.0
    p, r = matched / n_gen, matched / n_ref
    return 2 * p * r / (p + r)


def _empty_rule(n_gen: int, n_ref: int) -> float | None:
    """Both empty: the programs agree (1). One empty: 0. Otherwise: None (compute the score)."""
    if n_gen == 0 and n_ref == 0:
        return 1.0
    if n_gen == 0 or n_ref == 0:
        return 0.0
    return None


def multiset_f1(generated: Iterable[Hashable], reference: Iterable[Hashable]) -> float:
    gen, ref = Counter(generated), Counter(reference)
    return f1(sum((gen & ref).values()), sum(gen.values()), sum(ref.values()))


def text_score(generated: Sequence[str], reference: Sequence[str]) -> float:
    """F1 of the drawn texts as multisets, exact strings; 0 when either list is empty."""
    return multiset_f1(generated, reference)


def layout_score(generated: Sequence[Sequence[int]], reference: Sequence[Sequence[int]]) -> float:
    """F1 of the axes' grid-spec positions as multisets."""
    rule = _empty_rule(len(generated), len(reference))
    if rule is not None:
        return rule
    return multiset_f1((tuple(x) for x in generated), (tuple(x) for x in reference))


def type_score(generated: Mapping[str, int], reference: Mapping[str, int]) -> float:
    """F1 of the calls per plotting function: matched = Σ min(c_gen, c_ref)."""
    n_gen, n_ref = sum(generated.values()), sum(reference.values())
    rule = _empty_rule(n_gen, n_ref)
    if rule is not None:
        return rule
    matched = sum(min(c, reference.get(name, 0)) for name, c in generated.items())
    return f1(matched, n_gen, n_ref)


def _lab(colors: Sequence[str]) -> np.ndarray:
    from matplotlib.colors import to_rgb
    from skimage.color import rgb2lab

    rgb = np.array([to_rgb(c) for c in colors], dtype=np.float64).reshape(-1, 1, 3)
    return rgb2lab(rgb).reshape(-1, 3)


def color_similarity_matrix(generated: Sequence[str], reference: Sequence[str]) -> np.ndarray:
    """S[i, j] = max(0, 1 - ΔE00 / 100) for two colours; 1 / 0 for the same / another colormap."""
    from skimage.color import deltaE_ciede2000

    sim = np.zeros((len(generated), len(reference)), dtype=np.float64)
    gi = [i for i, c in enumerate(generated) if not c.startswith(CMAP_PREFIX)]
    ri = [j for j, c in enumerate(reference) if not c.startswith(CMAP_PREFIX)]
    if gi and ri:
        a = _lab([generated[i] for i in gi])
        b = _lab([reference[j] for j in ri])
        de = deltaE_ciede2000(a[:, None, :], b[None, :, :])
        sim[np.ix_(gi, ri)] = np.clip(1.0 - de / 100.0, 0.0, 1.0)
    for i, c in enumerate(generated):
        if c.startswith(CMAP_PREFIX):
            for j, d in enumerate(reference):
                sim[i, j] = 1.0 if c == d else 0.0
    return sim


def best_assignment(sim: np.ndarray) -> float:
    """The largest total similarity of a one-to-one assignment (Hungarian algorithm)."""
    from scipy.optimize import linear_sum_assignment

    if sim.size == 0:
        return 0.0
    rows, cols = linear_sum_assignment(sim, maximize=True)
    return float(sim[rows, cols].sum())


def color_score(generated: Mapping[str, Sequence[str]], reference: Mapping[str, Sequence[str]]) -> float:
    """F1 of the colours, grouped by plotting function, best one-to-one within each group."""
    n_gen = sum(len(v) for v in generated.values())
    n_ref = sum(len(v) for v in reference.values())
    rule = _empty_rule(n_gen, n_ref)
    if rule is not None:
        return rule
    total = 0.0
    for name in set(generated) & set(reference):
        g, r = list(generated[name]), list(reference[name])
        if g and r:
            total += best_assignment(color_similarity_matrix(g, r))
    return f1(total, n_gen, n_ref)


@dataclass(frozen=True)
class ChartMimicScores:
    text: float
    layout: float
    type: float
    color: float

    @property
    def mean(self) -> float:
        return (self.text + self.layout + self.type + self.color) / 4.0

    def describe(self) -> str:
        return (
            f"chartmimic={self.mean:.4f} text={self.text:.4f} layout={self.layout:.4f} "
            f"type={self.type:.4f} color={self.color:.4f}"
        )


def chartmimic_scores(generated: Mapping[str, Any], reference: Mapping[str, Any]) -> ChartMimicScores:
    """The four scores from two traces (``scene["trace"]`` of the candidate and the reference)."""
    return ChartMimicScores(
        text=text_score(list(generated.get("texts") or []), list(reference.get("texts") or [])),
        layout=layout_score(list(generated.get("layout") or []), list(reference.get("layout") or [])),
        type=type_score(dict(generated.get("calls") or {}), dict(reference.get("calls") or {})),
        color=color_score(dict(generated.get("colors") or {}), dict(reference.get("colors") or {})),
    )


def _trace(r: Rendering) -> dict[str, Any] | str:
    """The rendering's trace, or why there is none."""
    if not isinstance(r.scene, dict):
        return "no scene (render the program with verm's chart renderer; an image alone has no trace)"
    trace = r.scene.get("trace")
    if not isinstance(trace, dict):
        return (
            "its scene has no plotting-call trace (rendered with trace=False, or cached by a verm "
            "before the trace existed: delete the bench's scenes/ folder to render them again)"
        )
    if trace.get("error"):
        return f"the trace failed while rendering: {trace['error']}"
    return trace


class ChartMimicJudge(SimilarityBaseline):
    """ChartMimic's text, layout, type and colour F1 from the two programs' traces; similarity = their mean."""

    name: ClassVar[str] = "chartmimic"
    needs_sources: ClassVar[bool] = True
    only_task: ClassVar[Task | None] = Task.CHART
    what: ClassVar[str] = "traces matplotlib programs"
    needs_images: ClassVar[bool] = False

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        traces = []
        for side, r in (("reference", reference), ("candidate", candidate)):
            t = _trace(r)
            if isinstance(t, str):
                raise InputError(f"chartmimic needs the {side} program's trace: {t}")
            traces.append(t)
        scores = chartmimic_scores(traces[1], traces[0])
        return scores.mean, scores.describe()
