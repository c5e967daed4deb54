# Bump chart of six football clubs' league positions over ten matchdays, rank 1 at the top, names at both ends
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-whitegrid")

clubs = ["Rovers", "Athletic", "United", "Wanderers", "City", "Albion"]
colors = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"]
rng = np.random.default_rng(7)
strength = np.array([2.1, 1.9, 1.6, 1.2, 1.0, 0.7])
points = np.zeros((len(clubs), 10))
total = np.zeros(len(clubs))
for md in range(10):
    total = total + rng.poisson(strength) + rng.integers(0, 2, len(clubs))
    points[:, md] = total + np.arange(len(clubs))[::-1] * 0.01
ranks = np.argsort(np.argsort(-points, axis=0), axis=0) + 1
matchdays = np.arange(1, 11)

fig, ax = plt.subplots(figsize=(9, 5))
for i, club in enumerate(clubs):
    ax.plot(matchdays, ranks[i], "-o", color=colors[i], lw=3, ms=9, mec="white", mew=1.5, solid_capstyle="round")
    ax.text(0.75, ranks[i, 0], club, ha="right", va="center", color=colors[i], fontsize=10, fontweight="bold")
    ax.text(10.25, ranks[i, -1], f"{ranks[i, -1]}. {club}", ha="left", va="center", color=colors[i], fontsize=10)
ax.invert_yaxis()
ax.set_yticks(range(1, 7))
ax.set_xticks(matchdays, [f"MD{m}" for m in matchdays])
ax.set_xlim(-0.6, 11.6)
ax.set_ylabel("League position")
ax.grid(axis="x", visible=False)
ax.set_title("Who's on top? League table after each matchday", loc="left", fontsize=13)
for side in ("top", "right", "left"):
    ax.spines[side].set_visible(False)
fig.tight_layout()
plt.show()
