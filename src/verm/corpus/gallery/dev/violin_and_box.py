"""Violin and box plots of four groups side by side, with medians, quartiles and notches."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(10)
groups = [np.sort(rng.normal(0, std, 100)) for std in range(1, 5)]
labels = ["cohort A", "cohort B", "cohort C", "cohort D"]

fig, (ax1, ax2) = plt.subplots(nrows=1, ncols=2, figsize=(9, 4), sharey=True)

parts = ax1.violinplot(groups, showmeans=False, showmedians=True, showextrema=True)
for pc in parts["bodies"]:
    pc.set_facecolor("#D43F3A")
    pc.set_edgecolor("black")
    pc.set_alpha(0.6)
parts["cmedians"].set_color("black")
ax1.set_title("Violin plot")
ax1.set_ylabel("observed change")

bplot = ax2.boxplot(groups, notch=True, patch_artist=True, widths=0.5)
for patch, color in zip(bplot["boxes"], ["pink", "lightblue", "lightgreen", "wheat"]):
    patch.set_facecolor(color)
ax2.set_title("Box plot (notched)")

for ax in (ax1, ax2):
    ax.yaxis.grid(True)
    ax.set_xticks([y + 1 for y in range(len(groups))], labels=labels)
    ax.set_xlabel("four separate samples")
plt.show()
