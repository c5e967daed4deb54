# Half-court basketball shot chart: court lines drawn with Rectangle, Circle and Arc patches, made and missed shots as scatter
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Arc, Circle, Rectangle

rng = np.random.default_rng(23)
# shot locations in feet, hoop at (0, 0), baseline at y = -5.25
n = 260
zone = rng.choice(["rim", "paint", "mid", "corner3", "arc3"], n, p=[0.3, 0.15, 0.15, 0.12, 0.28])
angle = rng.uniform(0.45, np.pi - 0.45, n)
dist = np.select(
    [zone == "rim", zone == "paint", zone == "mid", zone == "arc3"],
    [rng.uniform(0, 4, n), rng.uniform(4, 12, n), rng.uniform(12, 21, n), rng.uniform(23.8, 27, n)],
    0,
)
x = dist * np.cos(angle)
y = dist * np.sin(angle)
corner = zone == "corner3"
x[corner] = rng.choice([-1, 1], corner.sum()) * rng.uniform(22.1, 23.5, corner.sum())
y[corner] = rng.uniform(-4.5, 8, corner.sum())
p_make = np.select([zone == "rim", zone == "paint", zone == "mid", zone == "corner3"], [0.66, 0.42, 0.40, 0.41], 0.36)
made = rng.uniform(0, 1, n) < p_make


def draw_court(ax, color="#333333", lw=1.6):
    ax.add_patch(Circle((0, 0), 0.75, fill=False, color=color, lw=lw))  # hoop
    ax.plot([-3, 3], [-1.25, -1.25], color=color, lw=lw)  # backboard
    ax.add_patch(Rectangle((-8, -5.25), 16, 19, fill=False, color=color, lw=lw))  # paint
    ax.add_patch(Rectangle((-6, -5.25), 12, 19, fill=False, color=color, lw=lw))
    ax.add_patch(Arc((0, 13.75), 12, 12, theta1=0, theta2=180, color=color, lw=lw))  # free-throw circle
    ax.add_patch(Arc((0, 13.75), 12, 12, theta1=180, theta2=360, color=color, lw=lw, ls="--"))
    ax.add_patch(Arc((0, 0), 8, 8, theta1=0, theta2=180, color=color, lw=lw))  # restricted area
    ax.plot([-22, -22], [-5.25, 8.95], color=color, lw=lw)  # corner threes
    ax.plot([22, 22], [-5.25, 8.95], color=color, lw=lw)
    ax.add_patch(Arc((0, 0), 47.5, 47.5, theta1=22, theta2=158, color=color, lw=lw))  # three-point arc
    ax.add_patch(Arc((0, 41.75), 12, 12, theta1=180, theta2=360, color=color, lw=lw))  # centre circle
    ax.add_patch(Rectangle((-25, -5.25), 50, 47, fill=False, color=color, lw=lw * 1.3))  # half-court outline


fig, ax = plt.subplots(figsize=(6.5, 6.5))
ax.set_facecolor("#f6e7cb")
draw_court(ax)
ax.scatter(x[~made], y[~made], marker="x", s=28, color="#c0392b", lw=1.3, label=f"Missed ({(~made).sum()})")
ax.scatter(
    x[made], y[made], marker="o", s=30, facecolors="none", edgecolors="#1e8449", lw=1.4, label=f"Made ({made.sum()})"
)
threes = (dist >= 23.75) | corner
ax.text(0, 33, f"3PT: {made[threes].sum()}/{threes.sum()}  ({made[threes].mean():.0%})", ha="center", fontsize=10)
ax.text(
    0, 30.5, f"2PT: {made[~threes].sum()}/{(~threes).sum()}  ({made[~threes].mean():.0%})", ha="center", fontsize=10
)
ax.set_xlim(-25.5, 25.5)
ax.set_ylim(-6, 42.5)
ax.set_aspect("equal")
ax.set_xticks([])
ax.set_yticks([])
ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.99), fontsize=9, framealpha=0.9)
ax.set_title("J. Okafor, 2023-24 regular season: field-goal attempts", fontsize=11)
fig.tight_layout()
