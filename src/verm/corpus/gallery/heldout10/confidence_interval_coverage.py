# Simulation of 50 repeated 95% confidence intervals for a mean, with the intervals that miss the true mean highlighted
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("tableau-colorblind10")
rng = np.random.default_rng(95)
mu, sigma, n, reps = 100.0, 15.0, 25, 50
samples = rng.normal(mu, sigma, (reps, n))
means = samples.mean(axis=1)
se = samples.std(axis=1, ddof=1) / np.sqrt(n)
t = 2.064
lo, hi = means - t * se, means + t * se
miss = (lo > mu) | (hi < mu)

fig, (ax, axh) = plt.subplots(1, 2, figsize=(9.5, 6.8), sharey=False, gridspec_kw={"width_ratios": [3, 1]})
idx = np.arange(1, reps + 1)
ax.hlines(idx[~miss], lo[~miss], hi[~miss], color="C0", lw=2, label="covers $\\mu$")
ax.hlines(idx[miss], lo[miss], hi[miss], color="C1", lw=2.6, label="misses $\\mu$")
ax.plot(means, idx, "|", color="k", ms=7, mew=1.5, label="sample mean")
ax.axvline(mu, color="k", ls="--", lw=1.2)
ax.text(mu, reps + 2.2, "true mean $\\mu = 100$", ha="center", fontsize=10)
ax.set_ylim(0, reps + 4)
ax.invert_yaxis()
ax.set_xlabel("IQ score")
ax.set_ylabel("Replication")
ax.set_title(f"{(~miss).sum()} of {reps} intervals ({(~miss).mean():.0%}) contain $\\mu$", loc="left")
ax.legend(loc="lower left", fontsize=9)

axh.hist(means, bins=np.arange(88, 113, 2), orientation="horizontal", color="C2", edgecolor="white")
axh.axhline(mu, color="k", ls="--", lw=1.2)
axh.set_ylabel("Sample mean")
axh.set_xlabel("Count")
axh.set_title("Sampling distribution", fontsize=10)
axh.yaxis.set_label_position("right")
axh.yaxis.tick_right()
fig.suptitle(f"Coverage of t intervals, n = {n} per sample, $\\sigma$ = {sigma:.0f}", fontsize=13)
fig.tight_layout()
