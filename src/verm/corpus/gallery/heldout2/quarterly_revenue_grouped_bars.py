# Quarterly revenue by product line for FY2023, grouped bars with dollar value labels
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

plt.style.use("ggplot")

quarters = ["Q1", "Q2", "Q3", "Q4"]
revenue = {
    "Hardware": [4.2, 4.8, 5.1, 6.3],
    "Software": [2.9, 3.4, 3.8, 4.1],
    "Services": [1.6, 1.7, 2.2, 2.6],
}

x = np.arange(len(quarters))
width = 0.26

fig, ax = plt.subplots(figsize=(8, 5))
for i, (product, values) in enumerate(revenue.items()):
    bars = ax.bar(x + (i - 1) * width, values, width, label=product)
    ax.bar_label(bars, labels=["$%.1fM" % v for v in values], padding=2, fontsize=8)

ax.set_xticks(x)
ax.set_xticklabels(quarters)
ax.set_ylabel("Revenue")
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, pos: f"${v:.0f}M"))
ax.set_ylim(0, 7.2)
ax.set_title("FY2023 revenue by product line")
ax.legend(loc="upper left", ncols=3)
fig.tight_layout()
plt.show()
