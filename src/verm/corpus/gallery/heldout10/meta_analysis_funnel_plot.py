# Funnel plot of 30 trial effect sizes (log odds ratio) against standard error with pseudo 95% confidence limits
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("classic")
rng = np.random.default_rng(8)
k = 30
se = rng.uniform(0.06, 0.55, k)
true = -0.25
lor = true + rng.normal(0, se)
# small-study effect: drop some small null studies to make the funnel asymmetric
keep = ~((se > 0.35) & (lor > true + 0.1) & (rng.random(k) < 0.7))
se, lor = se[keep], lor[keep]
w = 1 / se**2
pooled = np.sum(w * lor) / np.sum(w)

fig, ax = plt.subplots(figsize=(6.4, 5.6))
fig.patch.set_facecolor("white")
s = np.linspace(0, 0.6, 50)
ax.fill_betweenx(s, pooled - 1.96 * s, pooled + 1.96 * s, color="0.92", zorder=0)
ax.plot(pooled - 1.96 * s, s, "k--", lw=1)
ax.plot(pooled + 1.96 * s, s, "k--", lw=1, label="Pseudo 95% CI")
ax.plot(pooled - 2.58 * s, s, "k:", lw=1)
ax.plot(pooled + 2.58 * s, s, "k:", lw=1, label="Pseudo 99% CI")
ax.axvline(pooled, color="firebrick", lw=1.5, label=f"Pooled log OR = {pooled:.2f}")
ax.axvline(0, color="0.4", lw=1)
ax.scatter(lor, se, s=40 + 0.3 * w.clip(0, 200), facecolor="steelblue", edgecolor="k", zorder=3, label="Trial")
ax.set_ylim(0.6, 0)
ax.set_xlim(-1.6, 1.1)
ax.set_xlabel("Log odds ratio")
ax.set_ylabel("Standard error")
ax.set_title("Funnel plot: statins and 1-year mortality")
ax.legend(loc="lower left", fontsize=9, numpoints=1, scatterpoints=1)
ax.text(
    0.98, 0.02, f"k = {keep.sum()} trials\nEgger p = 0.04", transform=ax.transAxes, ha="right", va="bottom", fontsize=9
)
fig.tight_layout()
