# Weekly website sessions by acquisition channel as a stacked area chart and, below, the same as shares of the total.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, PercentFormatter

rng = np.random.default_rng(19)
weeks = np.arange(1, 53)
channels = ["Organic search", "Direct", "Social", "Email", "Paid search"]
organic = 12000 + 80 * weeks + 900 * np.sin(weeks / 52 * 2 * np.pi) + rng.normal(0, 400, 52)
direct = 6000 + 20 * weeks + rng.normal(0, 300, 52)
social = 2500 + 2500 * np.exp(-((weeks - 30) ** 2) / 20) + rng.normal(0, 200, 52)
email = 1800 + 1500 * (weeks % 4 == 0) + rng.normal(0, 120, 52)
paid = np.where(weeks > 40, 5200, 2100) + rng.normal(0, 200, 52)
stack = np.vstack([organic, direct, social, email, paid]).clip(0)
colors = ["#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"]

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 6.5), sharex=True, height_ratios=[3, 2])
ax1.stackplot(weeks, stack, labels=channels, colors=colors, alpha=0.9)
ax1.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v / 1000:.0f}k"))
ax1.set_ylabel("Sessions per week")
ax1.set_title("Website sessions by channel, 2023")
handles, labels = ax1.get_legend_handles_labels()
ax1.legend(handles[::-1], labels[::-1], loc="upper left", fontsize=8, ncols=2)
ax1.annotate(
    "Black Friday campaign",
    xy=(47, stack[:, 46].sum()),
    xytext=(33, 37000),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
ax1.set_ylim(0, 42000)

shares = stack / stack.sum(axis=0)
ax2.stackplot(weeks, shares, colors=colors, alpha=0.9)
ax2.yaxis.set_major_formatter(PercentFormatter(1.0))
ax2.set_ylim(0, 1)
ax2.set_ylabel("Share")
ax2.set_xlabel("Week of year")
ax2.set_xlim(1, 52)
fig.tight_layout()
plt.show()
