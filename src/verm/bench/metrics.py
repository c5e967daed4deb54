"""Corpus metrics for judges, from pooled counts and paired values.

Per-pair numbers (`PairCounts`) are kept apart from corpus numbers: precision,
recall and F1 come from counts summed over every pair, never from an average
of per-pair scores; correlations are computed over the pairs.

Definitions (the same as the paper's ``evaluation/evaluation.py``):

* A match is ``yes`` or ``partial``; each error is used at most once.
* hard TP = number of ``yes`` matches; soft TP = ``yes`` + 0.5 x ``partial``.
* FP = predicted errors left unmatched; FN = true errors left unmatched. A
  partial match is therefore neither a hard TP nor an FP/FN.
* P = TP / (TP + FP), R = TP / (TP + FN), F1 = 2PR / (P + R), each with the
  hard and the soft TP. Where there is nothing to count (TP + FP + FN = 0)
  verm reports ``None``; the official protocol (``empty_f1=1.0``) reports F1 = 1
  there, as VC-RewardBench defines it (the paper's script gives soft F1 = 0.0
  there; see `verm.bench.evaluate`).
* Per discrepancy category: a match's TP and an unmatched prediction's FP are
  counted under the *predicted* category, an unmatched truth's FN under the
  *true* category.
* Severity correlation: Pearson r between the predicted and the true total
  severity of each pair (``None`` when either side is constant or n < 2, where
  the paper's code returns NaN).

Reward-level figures (verm's additions; they let similarity-only baselines be
compared with judges that list discrepancies):

* Spearman rho between each pair's reward and its true total severity
  (average ranks for ties). A good judge has rho close to -1: more severe
  errors, lower reward.
* Ranking accuracy: over every two candidates of the same reference whose true
  total severities differ, the fraction where the less severe one gets the
  higher reward; a reward tie, or a missing reward (a failed judgment),
  counts 0.5 — chance, never a free win.
* Hacks ranked below honest candidates: over every (hack, honest candidate)
  of the same reference, the share where the hack's reward is strictly lower.
  A tie, or a missing reward on either side, is not "below": a reward that
  cannot tell a hack from an attempt has failed at exactly that.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from verm.bench.match import Match
from verm.types import Discrepancy


@dataclass
class Counts:
    """Pooled match counts."""

    tp_hard: int = 0
    tp_soft: float = 0.0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp_hard += other.tp_hard
        self.tp_soft += other.tp_soft
        self.fp += other.fp
        self.fn += other.fn
        return self

    def scores(self, empty_f1: float | None = None) -> dict[str, float | None]:
        """Precision, recall and F1, hard and soft (F1 = ``empty_f1`` where there is nothing to count)."""
        out: dict[str, float | None] = {}
        for kind, tp in (("hard", float(self.tp_hard)), ("soft", self.tp_soft)):
            p, r, f = prf(tp, self.fp, self.fn, empty_f1)
            out[f"precision_{kind}"], out[f"recall_{kind}"], out[f"f1_{kind}"] = p, r, f
        return out

    def to_dict(self, empty_f1: float | None = None) -> dict[str, float | int | None]:
        return {
            "tp_hard": self.tp_hard,
            "tp_soft": self.tp_soft,
            "fp": self.fp,
            "fn": self.fn,
            **self.scores(empty_f1),
        }


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def prf(
    tp: float, fp: float, fn: float, empty_f1: float | None = None
) -> tuple[float | None, float | None, float | None]:
    """(precision, recall, F1); with nothing to count, P and R are None and F1 is ``empty_f1``."""
    if tp == 0 and fp == 0 and fn == 0:
        return None, None, empty_f1
    p, r = _div(tp, tp + fp), _div(tp, tp + fn)
    return p, r, _div(2 * p * r, p + r)


@dataclass
class PairCounts:
    """One pair's match counts, overall and per discrepancy category, and its severity sums."""

    overall: Counts
    by_category: dict[str, Counts]
    severity_pred: dict[str, float]
    severity_true: dict[str, float]

    @property
    def total_pred(self) -> float:
        return sum(self.severity_pred.values())

    @property
    def total_true(self) -> float:
        return sum(self.severity_true.values())


def pair_counts(
    categories: Sequence[str], predicted: Sequence[Discrepancy], truth: Sequence[Discrepancy], matches: Iterable[Match]
) -> PairCounts:
    """Count one pair's matches the paper's way (TP and FP by predicted category, FN by true category)."""
    matches = list(matches)
    by_cat = {c: Counts() for c in categories}
    overall = Counts()
    matched_p = {m.pred for m in matches}
    matched_t = {m.true for m in matches}
    for m in matches:
        c = by_cat.setdefault(predicted[m.pred].category, Counts())
        if m.level == "yes":
            overall.tp_hard += 1
            c.tp_hard += 1
            overall.tp_soft += 1.0
            c.tp_soft += 1.0
        else:
            overall.tp_soft += 0.5
            c.tp_soft += 0.5
    for i, d in enumerate(predicted):
        if i not in matched_p:
            overall.fp += 1
            by_cat.setdefault(d.category, Counts()).fp += 1
    for j, d in enumerate(truth):
        if j not in matched_t:
            overall.fn += 1
            by_cat.setdefault(d.category, Counts()).fn += 1
    sev_p = dict.fromkeys(categories, 0.0)
    sev_t = dict.fromkeys(categories, 0.0)
    for d in predicted:
        sev_p[d.category] = sev_p.get(d.category, 0.0) + d.severity
    for d in truth:
        sev_t[d.category] = sev_t.get(d.category, 0.0) + d.severity
    return PairCounts(overall, by_cat, sev_p, sev_t)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson r; None when n < 2 or either side is constant."""
    if len(xs) != len(ys):
        raise ValueError(f"pearson: {len(xs)} xs but {len(ys)} ys")
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    vx = sum((x - mx) ** 2 for x in xs)
    vy = sum((y - my) ** 2 for y in ys)
    if vx == 0 or vy == 0:
        return None
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return cov / math.sqrt(vx * vy)


def _ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties get the average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        avg = (i + j) / 2.0 + 1.0
        for k in range(i, j + 1):
            ranks[order[k]] = avg
        i = j + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman rho: Pearson r of average ranks; None when undefined."""
    if len(xs) != len(ys):
        raise ValueError(f"spearman: {len(xs)} xs but {len(ys)} ys")
    return pearson(_ranks(xs), _ranks(ys))


@dataclass(frozen=True)
class Ranked:
    """One candidate for ranking: its reference group, its reward (None if judging failed), its true severity."""

    group: str
    reward: float | None
    severity: float


@dataclass
class RankingResult:
    accuracy: float | None
    n_pairs: int
    n_groups: int
    credit: float = field(default=0.0)


def ranking_accuracy(items: Iterable[Ranked]) -> RankingResult:
    """Accuracy at telling the less severe of two candidates of the same reference."""
    groups: dict[str, list[Ranked]] = {}
    for it in items:
        groups.setdefault(it.group, []).append(it)
    credit = 0.0
    n = 0
    used_groups = 0
    for members in groups.values():
        counted = False
        for a, b in itertools.combinations(members, 2):
            if a.severity == b.severity:
                continue  # no right answer
            n += 1
            counted = True
            better, worse = (a, b) if a.severity < b.severity else (b, a)
            if better.reward is None or worse.reward is None or better.reward == worse.reward:
                credit += 0.5
            elif better.reward > worse.reward:
                credit += 1.0
        used_groups += counted
    return RankingResult(accuracy=credit / n if n else None, n_pairs=n, n_groups=used_groups, credit=credit)


@dataclass(frozen=True)
class Hack:
    """A reward-hack candidate: its reference group, its kind (blank, title_only, ...) and its reward."""

    group: str
    kind: str
    reward: float | None


def hack_figures(hacks: Sequence[Hack], honest: Sequence[Ranked]) -> dict[str, object]:
    """The share of (hack, honest candidate) comparisons, same reference, where the hack gets less reward."""
    by_group: dict[str, list[Ranked]] = {}
    for it in honest:
        by_group.setdefault(it.group, []).append(it)
    below = total = 0
    kinds: dict[str, list[int]] = {}
    for h in hacks:
        for c in by_group.get(h.group, []):
            hit = int(h.reward is not None and c.reward is not None and h.reward < c.reward)
            below += hit
            total += 1
            k = kinds.setdefault(h.kind, [0, 0])
            k[0] += hit
            k[1] += 1
    return {
        "share_below": below / total if total else None,
        "n_hacks": len(hacks),
        "n_comparisons": total,
        "by_kind": {kind: {"share_below": b / n, "n_comparisons": n} for kind, (b, n) in sorted(kinds.items())},
    }


def reward_figures(items: Sequence[Ranked]) -> dict[str, float | int | None]:
    """Spearman(reward, true severity) over pairs with a reward, and ranking accuracy."""
    scored = [it for it in items if it.reward is not None]
    rho = spearman([it.reward for it in scored], [it.severity for it in scored]) if scored else None  # type: ignore[misc]
    rank = ranking_accuracy(items)
    return {
        "spearman_reward_severity": rho,
        "n_rewarded": len(scored),
        "ranking_accuracy": rank.accuracy,
        "ranking_pairs": rank.n_pairs,
        "ranking_groups": rank.n_groups,
    }


def severity_figures(rows: Sequence[PairCounts], categories: Sequence[str]) -> dict[str, object]:
    """Pearson r of total severity, and per category, over the pairs."""
    return {
        "pearson_total_severity": pearson([r.total_pred for r in rows], [r.total_true for r in rows]),
        "pearson_by_category": {
            c: pearson([r.severity_pred.get(c, 0.0) for r in rows], [r.severity_true.get(c, 0.0) for r in rows])
            for c in categories
        },
    }


def pooled(rows: Sequence[PairCounts], categories: Sequence[str], empty_f1: float | None = None) -> dict[str, object]:
    """Pooled P/R/F1 overall and per category (F1 = ``empty_f1`` where nothing was counted)."""
    total = Counts()
    by_cat: dict[str, Counts] = {c: Counts() for c in categories}
    for r in rows:
        total += r.overall
        for c, k in r.by_category.items():
            by_cat.setdefault(c, Counts())
            by_cat[c] += k
    return {
        "overall": total.to_dict(empty_f1),
        "by_category": {c: k.to_dict(empty_f1) for c, k in by_cat.items()},
    }
