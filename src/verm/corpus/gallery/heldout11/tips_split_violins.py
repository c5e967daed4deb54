# Split violins of restaurant tip percentage by day, lunch vs dinner on each half, with quartile marks
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

plt.style.use("ggplot")
rng = np.random.default_rng(11)

days = ["Thu", "Fri", "Sat", "Sun"]
lunch = [rng.gamma(9, 1.7, n) for n in (62, 19, 12, 9)]
dinner = [rng.gamma(k, 1.9, n) for k, n in ((8, 18), (8.5, 40), (7.5, 87), (8.2, 76))]
c_lunch, c_dinner = "#e07b39", "#3a6ea5"

fig, ax = plt.subplots(figsize=(8, 5))
pos = np.arange(len(days))
for data, side, colour in ((lunch, "low", c_lunch), (dinner, "high", c_dinner)):
    parts = ax.violinplot(data, pos, widths=0.85, side=side, showextrema=False, bw_method=0.35)
    for body in parts["bodies"]:
        body.set_facecolor(colour)
        body.set_edgecolor("0.25")
        body.set_alpha(0.8)
    for x, d in zip(pos, data):
        q1, med, q3 = np.percentile(d, [25, 50, 75])
        sign = -1 if side == "low" else 1
        ax.hlines(med, x, x + sign * 0.3, color="white", lw=2.2)
        ax.hlines([q1, q3], x, x + sign * 0.18, color="white", lw=1, linestyles="--")

for x, a, b in zip(pos, lunch, dinner):
    ax.text(x, 1.5, f"n={len(a)} | {len(b)}", ha="center", fontsize=8, color="0.3")

ax.set_xticks(pos, days)
ax.set_ylim(0, 38)
ax.set_ylabel("Tip (% of bill)")
ax.set_xlabel("Day of week")
ax.set_title("Tips by day: lunch (left half) vs dinner (right half)")
ax.legend(
    handles=[Patch(facecolor=c_lunch, label="Lunch"), Patch(facecolor=c_dinner, label="Dinner")],
    loc="upper right",
    frameon=True,
)
fig.tight_layout()
