# Correlogram of eight clinical variables drawn with an EllipseCollection, ellipse shape and colour by correlation
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import EllipseCollection

rng = np.random.default_rng(808)
names = ["Age", "BMI", "SBP", "DBP", "LDL", "HDL", "HbA1c", "eGFR"]
n = 400
latent = rng.normal(size=(n, 3))
load = np.array(
    [
        [0.7, 0.1, 0.0],
        [0.2, 0.8, 0.1],
        [0.6, 0.4, 0.0],
        [0.4, 0.5, 0.1],
        [0.2, 0.3, 0.6],
        [-0.1, -0.5, -0.3],
        [0.3, 0.6, 0.3],
        [-0.8, 0.0, 0.1],
    ]
)
data = latent @ load.T + rng.normal(0, 0.6, (n, len(names)))
corr = np.corrcoef(data, rowvar=False)
k = len(names)

xx, yy = np.meshgrid(np.arange(k), np.arange(k))
offsets = np.column_stack([xx.ravel(), yy.ravel()])
r = corr.ravel()
widths = np.ones_like(r) * 0.9
heights = 0.9 * (1 - np.abs(r)) + 0.02
angles = np.where(r >= 0, 45, -45)

plt.rcParams["font.family"] = "DejaVu Sans"
fig, ax = plt.subplots(figsize=(7, 6.2))
ec = EllipseCollection(
    widths,
    heights,
    angles,
    units="x",
    offsets=offsets,
    offset_transform=ax.transData,
    cmap="RdBu_r",
    clim=(-1, 1),
    edgecolors="0.3",
    linewidths=0.4,
)
ec.set_array(r)
ax.add_collection(ec)
for i in range(k):
    for j in range(k):
        if i < j:
            ax.text(
                j,
                i,
                f"{corr[i, j]:.2f}".replace("0.", "."),
                ha="center",
                va="center",
                fontsize=7,
                color="white" if abs(corr[i, j]) > 0.6 else "black",
            )
ax.set_xlim(-0.6, k - 0.4)
ax.set_ylim(k - 0.4, -0.6)
ax.set_xticks(range(k))
ax.set_xticklabels(names, rotation=40, ha="right")
ax.set_yticks(range(k))
ax.set_yticklabels(names)
ax.set_aspect("equal")
ax.tick_params(length=0)
cb = fig.colorbar(ec, ax=ax, shrink=0.8)
cb.set_label("Pearson r")
ax.set_title("Cardiometabolic panel, n = 400 (narrow ellipse = strong correlation)", fontsize=10)
fig.tight_layout()
