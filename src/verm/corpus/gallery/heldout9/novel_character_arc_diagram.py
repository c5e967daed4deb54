# Arc diagram of character co-appearances in a novel, arc width by number of shared chapters
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Arc

names = [
    "Elizabeth",
    "Jane",
    "Darcy",
    "Bingley",
    "Mr Bennet",
    "Mrs Bennet",
    "Lydia",
    "Wickham",
    "Collins",
    "Charlotte",
    "Lady C.",
]
groups = [0, 0, 1, 1, 0, 0, 0, 2, 2, 2, 1]
colors = ["#e76f51", "#2a9d8f", "#264653"]
links = [
    (0, 1, 24),
    (0, 2, 31),
    (1, 3, 18),
    (2, 3, 12),
    (0, 4, 15),
    (4, 5, 11),
    (5, 6, 8),
    (6, 7, 9),
    (0, 7, 10),
    (0, 8, 7),
    (8, 9, 6),
    (0, 9, 9),
    (2, 10, 5),
    (0, 10, 4),
    (2, 7, 6),
    (5, 8, 5),
    (1, 5, 7),
]

fig, ax = plt.subplots(figsize=(10, 5))
x = np.arange(len(names))
degree = np.zeros(len(names))
for a, b, w in links:
    degree[a] += w
    degree[b] += w
    centre = (x[a] + x[b]) / 2
    width = abs(x[b] - x[a])
    ax.add_patch(
        Arc((centre, 0), width, width, theta1=0, theta2=180, color=colors[groups[a]], lw=0.4 + w / 5, alpha=0.7)
    )
ax.scatter(x, np.zeros_like(x), s=degree * 6, c=[colors[g] for g in groups], zorder=3, edgecolor="white", lw=1.2)
for xi, name in zip(x, names):
    ax.text(xi, -0.35, name, rotation=45, ha="right", va="top", fontsize=9)
for label, c in zip(["Bennet household", "Netherfield / Pemberley", "Outsiders"], colors):
    ax.scatter([], [], s=60, color=c, label=label)
ax.legend(loc="upper right", frameon=False, fontsize=9, title="Circle: total co-appearances")
ax.set_xlim(-1, len(names))
ax.set_ylim(-2.6, 5.6)
ax.set_aspect("equal")
ax.axis("off")
ax.set_title("Who appears with whom in Pride and Prejudice (chapters shared)", fontsize=12, loc="left")
fig.tight_layout()
