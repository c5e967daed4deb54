# Flow cytometry fluorescence: stacked step histograms of three populations on a log axis, and cumulative histograms.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-ticks")
rng = np.random.default_rng(44)
neg = 10 ** rng.normal(2.0, 0.25, 6000)
dim = 10 ** rng.normal(2.9, 0.3, 2500)
bright = 10 ** rng.normal(3.9, 0.22, 1500)
data = [neg, dim, bright]
labels = ["CD4 negative", "CD4 dim", "CD4 bright"]
colors = ["#7f7f7f", "#1f77b4", "#d62728"]
bins = np.logspace(1, 5, 90)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.3))
ax1.hist(data, bins=bins, histtype="step", stacked=True, color=colors, label=labels, lw=1.4)
ax1.hist(np.concatenate(data), bins=bins, histtype="stepfilled", color="0.9", zorder=0)
ax1.set_xscale("log")
ax1.axvline(600, color="k", ls="--", lw=1)
ax1.text(640, ax1.get_ylim()[1] * 0.9, "gate", fontsize=9)
ax1.set_xlabel("FITC-A intensity (a.u.)")
ax1.set_ylabel("Events")
ax1.legend(frameon=False)
ax1.set_title("(a) stacked populations", loc="left")

for d, c, lab in zip(data, colors, labels):
    ax2.hist(d, bins=bins, histtype="step", cumulative=True, density=True, color=c, lw=1.6, label=lab)
ax2.hist(
    np.concatenate(data),
    bins=bins,
    histtype="step",
    cumulative=-1,
    density=True,
    color="k",
    ls=":",
    label="all, reverse cumulative",
)
ax2.set_xscale("log")
ax2.set_ylim(0, 1.02)
ax2.set_xlabel("FITC-A intensity (a.u.)")
ax2.set_ylabel("Cumulative fraction")
ax2.legend(frameon=False, fontsize=8, loc="center right")
ax2.set_title("(b) cumulative distributions", loc="left")
fig.tight_layout()
