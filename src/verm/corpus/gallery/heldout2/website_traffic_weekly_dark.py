# Weekly website sessions and conversion rate for Q1 with ISO-week labels, a target line and a campaign span
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import PercentFormatter

plt.style.use("dark_background")

rng = np.random.default_rng(404)
weeks = ["2024-W%02d" % w for w in range(1, 14)]
sessions = np.array([41, 43, 40, 45, 47, 52, 71, 76, 68, 55, 53, 56, 58]) * 1000 + rng.integers(-1500, 1500, 13)
conversion = np.array([2.1, 2.2, 2.0, 2.3, 2.4, 2.3, 3.1, 3.4, 2.9, 2.5, 2.4, 2.6, 2.7]) / 100

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 6.5), sharex=True)
ax1.bar(weeks, sessions / 1000, color="#00b4d8")
ax1.set_ylabel("Sessions (thousands)")
ax1.set_title("Website traffic, Q1 2024", loc="left", fontsize=13)
ax1.axvspan(5.5, 8.5, color="#ffd166", alpha=0.15)
ax1.text(7, 78, "Spring campaign", ha="center", color="#ffd166", fontsize=9)
ax1.set_ylim(0, 85)

ax2.plot(weeks, conversion, color="#06d6a0", marker="o", linewidth=2)
ax2.axhline(0.025, color="#ef476f", linestyle="--", linewidth=1.2)
ax2.text(-0.4, 0.0253, "target 2.5%", color="#ef476f", ha="left", va="bottom", fontsize=9)
ax2.axvspan(5.5, 8.5, color="#ffd166", alpha=0.15)
ax2.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=1))
ax2.set_ylabel("Conversion rate")
ax2.set_ylim(0.015, 0.037)
ax2.set_yticks(np.arange(0.015, 0.0376, 0.005))
ax2.tick_params(axis="x", rotation=45)
for lbl in ax2.get_xticklabels():
    lbl.set_ha("right")

for ax in (ax1, ax2):
    ax.grid(axis="y", color="0.3", linewidth=0.6)
fig.tight_layout()
plt.show()
