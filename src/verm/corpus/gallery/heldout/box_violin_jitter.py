# Tumour volume by treatment arm: a box plot with jittered points beside a violin plot of the same data.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(42)
arms = ["Vehicle", "Low dose", "High dose", "Combo"]
data = [
    rng.normal(820, 160, 24),
    rng.normal(610, 140, 22),
    rng.normal(430, 120, 25),
    np.concatenate([rng.normal(260, 70, 20), rng.normal(600, 60, 4)]),
]
colors = ["#8da0cb", "#66c2a5", "#fc8d62", "#e78ac3"]

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4.5), sharey=True)
bp = ax1.boxplot(data, patch_artist=True, widths=0.55, showfliers=False, medianprops=dict(color="black", lw=1.5))
for patch, c in zip(bp["boxes"], colors, strict=True):
    patch.set_facecolor(c)
    patch.set_alpha(0.6)
for i, d in enumerate(data, start=1):
    ax1.scatter(i + rng.uniform(-0.15, 0.15, d.size), d, s=12, color="0.25", alpha=0.7, zorder=3)
ax1.set_xticks(range(1, 5), arms)
ax1.set_ylabel("Tumour volume at day 21 (mm³)")
ax1.set_title("Box plot + individual animals")

vp = ax2.violinplot(data, showmeans=False, showmedians=True, showextrema=False)
for body, c in zip(vp["bodies"], colors, strict=True):
    body.set_facecolor(c)
    body.set_edgecolor("black")
    body.set_alpha(0.7)
vp["cmedians"].set_color("black")
ax2.set_xticks(range(1, 5), arms)
ax2.set_title("Violin plot")
for ax in (ax1, ax2):
    ax.yaxis.grid(True, ls=":", alpha=0.7)
fig.suptitle("Xenograft study, day 21", fontsize=13)
fig.tight_layout()
plt.show()
