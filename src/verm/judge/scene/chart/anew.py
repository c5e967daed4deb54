"""Charts: whether a series' changed values still show the reference's data.

A series scaled or shifted as a whole reads as that change (`uniform_change`).
One whose values, most of them changed, are flattened to one value, keep no
order of the reference's, or follow no rising affine map of it shows none of
its data (`lost_reason`): it is lost, for the pile-up of missing content. A
scatter drawn anew from its data's distribution (another sample: new values of
the same centre, spread and correlation, `resampled`) still shows its data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from verm.judge.scene.text import fmt_number


def uniform_change(ra: Sequence[float | None], ca: Sequence[float | None]) -> str | None:
    """'scaled by f' or 'shifted by d' when every value changed alike (a whole series edited at once)."""
    pairs = [(x, y) for x, y in zip(ra, ca, strict=True) if x is not None and y is not None]
    if len(pairs) < 3:
        return None
    scale = max(abs(x) for x, _ in pairs) or 1.0
    tol = 2e-6 * scale + 2e-6  # the scene's values are rounded to 6 places
    xx = sum(x * x for x, _ in pairs)
    f = sum(x * y for x, y in pairs) / xx if xx > 0 else 1.0
    if abs(f - 1) > 1e-3 and all(abs(y - f * x) <= tol + 1e-4 * abs(y) for x, y in pairs):
        return f"scaled by {f:.3g}"
    shifts = [y - x for x, y in pairs]
    if max(shifts) - min(shifts) <= 2 * tol and abs(shifts[0]) > tol:
        return f"shifted by {fmt_number(round(shifts[0], 6))}"
    return None


#: A series changed at this share of its values or more shows none of its data when its values are one
#: value (flattened: scaled by 0), keep under this much of the reference's order (Spearman), or follow no
#: rising affine map of the reference's values (`follows_affine`).
LOST_CHANGED, LOST_ORDER = 0.75, 0.3
#: A value lies on an affine map when within this share of the reference's span of it, or within half the last
#: digit the candidate's values are written to (a scaled list of numbers is rounded as it is written).
AFFINE_TOL = 0.01
#: Values compared by the affine test at most (evenly spaced): it tries the map through every two of them.
AFFINE_SAMPLE = 40


def values_lost(ra: Sequence[float | None], ca: Sequence[float | None], changed: int) -> bool:
    """The candidate's values show none of the reference's data (`lost_reason`)."""
    return lost_reason(ra, ca, changed) is not None


def lost_reason(ra: Sequence[float | None], ca: Sequence[float | None], changed: int) -> str | None:
    """Why the candidate's values show none of the reference's data, if they do not: most of them changed
    (``changed`` of them) and they are "flattened" to one value (two or more), keep no "order" of the
    reference's, or follow "no map": no rising affine map of it (drawn anew: three or more). A series scaled,
    shifted or normalised as a whole keeps its shape: a change of it, not its data gone."""
    pairs = [(x, y) for x, y in zip(ra, ca, strict=True) if isinstance(x, (int, float)) and isinstance(y, (int, float))]
    if len(pairs) < 2 or changed < LOST_CHANGED * len(ra) or len({x for x, _ in pairs}) < 2:
        return None
    if len({y for _, y in pairs}) == 1:
        return "flattened"  # two values made one (a slope chart's line level) show no change between them
    if len(pairs) < 3:
        return None  # two values in the other order are a slope reversed, not data drawn anew
    from scipy.stats import spearmanr

    if spearmanr([x for x, _ in pairs], [y for _, y in pairs]).statistic < LOST_ORDER:
        return "order"
    return None if follows_affine(pairs) else "no map"


def follows_affine(pairs: Sequence[tuple[float, float]]) -> bool:
    """Whether the candidate's values (``y``) follow one rising affine map of the reference's (``x``) but for
    under half of them (at least two: a few points edited beside a series scaled): an edit scales, shifts or
    normalises what it touches exactly, so the map through two untouched values holds the others to the last
    rounding. Made-up, shuffled or sorted values follow no map."""
    import numpy as np

    xy = np.asarray(pairs, dtype=float)
    if len(xy) > AFFINE_SAMPLE:
        xy = xy[np.linspace(0, len(xy) - 1, AFFINE_SAMPLE).round().astype(int)]
    x, y = xy[:, 0], xy[:, 1]
    i, j = np.triu_indices(len(x), 1)
    dx = x[j] - x[i]
    ok = dx != 0
    slope = (y[j] - y[i])[ok] / dx[ok]
    offset = y[i][ok] - slope * x[i][ok]
    rising = slope > 0  # an edit does not turn values upside down (an axis inverted is the axis' change)
    if not rising.any():
        return False
    slope, offset = slope[rising], offset[rising]
    tol = np.maximum(AFFINE_TOL * np.maximum(float(np.ptp(x)) * slope, float(np.ptp(y))), 0.51 * _quantum(y))
    tol += 2e-6 * float(np.max(np.abs(y)))  # the scene's values are rounded to 6 places
    on_map = np.abs(y[None, :] - (slope[:, None] * x[None, :] + offset[:, None])) <= tol[:, None]
    departs = len(x) - int(on_map.sum(axis=1).max())
    return departs < max(2, len(x) / 2)


def _quantum(values: Any) -> float:
    """The last digit the values are written to (0.1 for 17.7, 20.1, 19.6), 1e-6 at the finest."""
    import numpy as np

    for digits in range(7):
        scaled = np.asarray(values, dtype=float) * 10**digits
        if np.all(np.abs(scaled - np.round(scaled)) <= 1e-6 * np.maximum(1.0, np.abs(scaled))):
            return float(10.0**-digits)
    return 1e-6


#: A scatter drawn anew is another sample of its data when it has this many points or more, under this share
#: of its values are the reference's own (not a permutation of them), and its centre, spread and correlation lie
#: within what two samples of one distribution differ by, with a margin (`resampled`): on each axis the mean within
#: RESAMPLE_SIGMAS standard errors of a difference of means, the standard deviation within a ratio of
#: 1 + RESAMPLE_SPREAD / sqrt(n), and the x-y correlation within RESAMPLE_SIGMAS standard errors (at least
#: RESAMPLE_CORR).
RESAMPLE_MIN, RESAMPLE_OWN = 10, 0.5
RESAMPLE_SIGMAS, RESAMPLE_SPREAD, RESAMPLE_CORR = 3.0, 2.5, 0.2


def resampled(ref: dict[str, Any], cand: dict[str, Any]) -> bool:
    """Whether a scatter's points (``x``, ``y`` lists) are another sample of the reference's: a data set
    generated again (another seed, another parameter of its generator) shows the same data to a reader, its
    centre, spread and correlation; made-up values (uniform in the range), shuffled, sorted or reversed ones do
    not."""
    import numpy as np

    try:
        rx, ry = (np.asarray(ref.get(k) or [], dtype=float) for k in ("x", "y"))
        cx, cy = (np.asarray(cand.get(k) or [], dtype=float) for k in ("x", "y"))
    except (TypeError, ValueError):
        return False
    n = len(rx)
    if n < RESAMPLE_MIN or not (len(ry) == len(cx) == len(cy) == n):
        return False
    if not all(np.isfinite(v).all() for v in (rx, ry, cx, cy)):
        return False
    spread = 1 + RESAMPLE_SPREAD / n**0.5
    for r, c in ((rx, cx), (ry, cy)):
        sr, sc = float(r.std()), float(c.std())
        if sr <= 0 or sc <= 0 or np.isin(c, r).mean() >= RESAMPLE_OWN:
            return False
        centre = abs(float(c.mean() - r.mean())) <= RESAMPLE_SIGMAS * sr * (2 / n) ** 0.5
        if not centre or not 1 / spread <= sc / sr <= spread:
            return False
    corr_r, corr_c = float(np.corrcoef(rx, ry)[0, 1]), float(np.corrcoef(cx, cy)[0, 1])
    return abs(corr_c - corr_r) <= max(RESAMPLE_CORR, RESAMPLE_SIGMAS * (1 - corr_r**2) * (2 / n) ** 0.5)
