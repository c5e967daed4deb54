# Archery target face from Annulus rings with two archers' arrow hits, group centres and total scores in the legend
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Annulus, Circle

rng = np.random.default_rng(70)
ring_colours = ["white", "white", "black", "black", "#3aa0e6", "#3aa0e6", "#e8262b", "#e8262b", "#fcd116", "#fcd116"]
radius = 61.0  # cm, 122 cm face
width = radius / 10

hits_a = rng.normal([2, -3], 6.5, (36, 2))
hits_b = rng.normal([-9, 7], 11.0, (36, 2))


def score(h):
    d = np.hypot(h[:, 0], h[:, 1])
    return np.clip(10 - np.floor(d / width), 0, 10).astype(int)


fig, ax = plt.subplots(figsize=(7, 7))
fig.patch.set_facecolor("#f1ede4")
for i, col in enumerate(ring_colours):
    r_out = radius - i * width
    if r_out - width > 0:
        ax.add_patch(
            Annulus((0, 0), r_out, width, facecolor=col, edgecolor="0.4" if col != "black" else "white", lw=0.6)
        )
    else:
        ax.add_patch(Circle((0, 0), r_out, facecolor=col, edgecolor="0.4", lw=0.6))
ax.add_patch(Circle((0, 0), width / 2, fill=False, edgecolor="0.3", lw=0.5))
ax.plot(*hits_a.T, "o", ms=5, mfc="#2d2d2d", mec="white", label=f"Archer A: {score(hits_a).sum()} pts")
ax.plot(*hits_b.T, "^", ms=6, mfc="#7b2cbf", mec="white", label=f"Archer B: {score(hits_b).sum()} pts")
for h, c in ((hits_a, "#2d2d2d"), (hits_b, "#7b2cbf")):
    m = h.mean(axis=0)
    ax.plot(*m, "P", ms=13, color=c, mec="white", mew=1.5)
for i in range(10):
    ax.text(
        0,
        -(radius - (i + 0.5) * width),
        str(i + 1),
        ha="center",
        va="center",
        fontsize=6,
        color="white" if ring_colours[i] == "black" else "black",
    )
ax.set_xlim(-66, 66)
ax.set_ylim(-66, 66)
ax.set_aspect("equal")
ax.axis("off")
ax.legend(loc="lower left", bbox_to_anchor=(0.0, -0.04), frameon=False, fontsize=9)
ax.set_title("70 m recurve round: 36 arrows each, plus = group centre", fontsize=12)
fig.tight_layout()
