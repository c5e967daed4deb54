# Quarterly revenue by region as grouped bars with dollar value labels on each bar (ggplot style).
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

plt.style.use("ggplot")

quarters = ["Q1", "Q2", "Q3", "Q4"]
revenue = {
    "North America": [4.2, 4.8, 5.1, 6.3],
    "Europe": [3.1, 3.4, 3.2, 3.9],
    "Asia-Pacific": [2.4, 2.9, 3.6, 4.4],
}

x = np.arange(len(quarters))
width = 0.26

fig, ax = plt.subplots(figsize=(8, 4.8))
for i, (region, values) in enumerate(revenue.items()):
    offset = (i - 1) * width
    bars = ax.bar(x + offset, values, width, label=region)
    ax.bar_label(bars, labels=[f"${v:.1f}M" for v in values], padding=2, fontsize=8)

ax.set_xticks(x)
ax.set_xticklabels(quarters)
ax.set_ylabel("Revenue (USD millions)")
ax.set_title("FY2023 revenue by region")
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"${v:.0f}M"))
ax.set_ylim(0, 7.2)
ax.legend(loc="upper left", ncols=3, fontsize=9)
fig.tight_layout()
plt.show()
