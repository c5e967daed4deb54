"""A release timeline: dates on a horizontal axis, vertical stems of alternating height carrying version labels."""

import matplotlib.pyplot as plt
import numpy as np

names = ["v2.2.4", "v3.0.3", "v3.0.2", "v3.0.1", "v3.0.0", "v2.2.3", "v2.2.2", "v2.2.1", "v2.2.0", "v2.1.2", "v2.1.1"]
years = [2019.10, 2019.05, 2018.90, 2018.85, 2018.70, 2018.60, 2018.25, 2018.20, 2018.10, 2017.90, 2017.80]

levels = np.tile([-5, 5, -3, 3, -1, 1], int(np.ceil(len(years) / 6)))[: len(years)]

fig, ax = plt.subplots(figsize=(8.8, 4), layout="constrained")
ax.set(title="Matplotlib release dates")
ax.vlines(years, 0, levels, color="tab:red")
ax.plot(years, np.zeros_like(years), "-o", color="k", markerfacecolor="w")

for d, lv, r in zip(years, levels, names):
    ax.annotate(
        r,
        xy=(d, lv),
        xytext=(-3, np.sign(lv) * 3),
        textcoords="offset points",
        horizontalalignment="right",
        verticalalignment="bottom" if lv > 0 else "top",
        fontsize=8,
    )

ax.yaxis.set_visible(False)
ax.spines[["left", "top", "right"]].set_visible(False)
ax.margins(y=0.1)
ax.set_xlabel("year")
plt.show()
