# Bar chart with a broken y-axis so one outlier category does not flatten the rest, with diagonal break marks.
import matplotlib.pyplot as plt
import numpy as np

cities = ["Lagos", "Accra", "Nairobi", "Kigali", "Dakar", "Cairo"]
downloads = np.array([412, 38, 55, 21, 33, 47])

fig, (top, bottom) = plt.subplots(
    2, 1, sharex=True, figsize=(6.5, 5), gridspec_kw=dict(height_ratios=[1, 2], hspace=0.06)
)
for ax in (top, bottom):
    bars = ax.bar(cities, downloads, color="#5e3c99")
    ax.grid(axis="y", alpha=0.3)
top.set_ylim(380, 430)
bottom.set_ylim(0, 65)
top.bar_label(top.containers[0], labels=[str(v) if v > 100 else "" for v in downloads], padding=2)
bottom.bar_label(bottom.containers[0], labels=[str(v) if v <= 100 else "" for v in downloads], padding=2)

top.spines["bottom"].set_visible(False)
bottom.spines["top"].set_visible(False)
top.tick_params(bottom=False)
d = 0.5
kw = dict(marker=[(-1, -d), (1, d)], markersize=12, linestyle="none", color="k", mec="k", mew=1, clip_on=False)
top.plot([0, 1], [0, 0], transform=top.transAxes, **kw)
bottom.plot([0, 1], [1, 1], transform=bottom.transAxes, **kw)

fig.supylabel("App downloads (thousands)", fontsize=10)
top.set_title("Downloads in the first month after launch")
fig.subplots_adjust(left=0.14, right=0.97, top=0.92, bottom=0.08)
plt.show()
