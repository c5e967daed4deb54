# Monthly customer cohort retention triangle: share of each sign-up cohort still active N months later, annotated.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(31)
cohorts = ["Jan 24", "Feb 24", "Mar 24", "Apr 24", "May 24", "Jun 24", "Jul 24", "Aug 24", "Sep 24", "Oct 24"]
sizes = rng.integers(800, 2400, len(cohorts))
n = len(cohorts)
ret = np.full((n, n), np.nan)
for i in range(n):
    base = 0.42 + 0.015 * i  # onboarding improved over time
    for k in range(n - i):
        ret[i, k] = 1.0 if k == 0 else base * np.exp(-0.11 * (k - 1)) + rng.normal(0, 0.012)
masked = np.ma.masked_invalid(ret)

with plt.style.context("seaborn-v0_8-white"):
    fig, ax = plt.subplots(figsize=(11, 6.5))
    cmap = plt.get_cmap("YlGnBu").with_extremes(bad="white")
    im = ax.imshow(masked, cmap=cmap, vmin=0, vmax=0.6, aspect="auto")
    for i in range(n):
        for k in range(n - i):
            v = ret[i, k]
            ax.text(k, i, f"{v:.0%}", ha="center", va="center", fontsize=8.5, color="white" if v > 0.42 else "#1b1b1b")
    ax.set_xticks(range(n), [f"M{k}" for k in range(n)])
    ax.set_yticks(range(n), [f"{c}  (n={s:,})" for c, s in zip(cohorts, sizes)])
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel("Months since sign-up")
    ax.set_ylabel("Sign-up cohort")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    cbar = fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02, format=plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    cbar.set_label("Active share of cohort")
    ax.text(
        n - 1,
        n - 1.2,
        "M1 retention up from\n42 % to 55 % after the\nnew onboarding flow",
        ha="right",
        va="center",
        fontsize=10,
        style="italic",
        color="#444444",
    )
    fig.suptitle("Subscription app - monthly cohort retention", x=0.02, ha="left", fontsize=14, weight="bold")
    fig.tight_layout()
