# Football shot map on a half pitch: each shot sized by expected goals, goals starred, with a team xG summary.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Arc, Circle, Rectangle

rng = np.random.default_rng(2024)
n = 19
x = np.clip(rng.normal(104, 7, n), 84, 119)  # pitch 120 x 80, attacking to the right
y = np.clip(rng.normal(40, 11, n), 10, 70)
dist = np.hypot(120 - x, 40 - y)
xg = np.clip(0.9 * np.exp(-dist / 7.5) + rng.normal(0, 0.02, n), 0.02, 0.85)
is_goal = np.zeros(n, bool)
is_goal[np.argsort(xg)[[-1, -3, -7]]] = True
header = rng.random(n) < 0.2

fig, ax = plt.subplots(figsize=(8, 7.2), facecolor="#22312b")
ax.set_facecolor("#22312b")
line = dict(color="#c7d5cc", lw=1.6, fill=False)
ax.add_patch(Rectangle((60, 0), 60, 80, **line))
ax.add_patch(Rectangle((102, 18), 18, 44, **line))
ax.add_patch(Rectangle((114, 30), 6, 20, **line))
ax.add_patch(Rectangle((120, 36), 1.5, 8, **line))
ax.add_patch(Arc((108, 40), 20, 20, theta1=127, theta2=233, **line))
ax.add_patch(Arc((60, 40), 20, 20, theta1=-90, theta2=90, **line))
ax.add_patch(Circle((108, 40), 0.5, color="#c7d5cc"))

miss = ~is_goal
ax.scatter(
    x[miss & ~header],
    y[miss & ~header],
    s=xg[miss & ~header] * 1200,
    c="#ad993c",
    alpha=0.6,
    edgecolors="white",
    lw=0.8,
    label="shot (foot)",
)
ax.scatter(
    x[miss & header],
    y[miss & header],
    s=xg[miss & header] * 1200,
    marker="s",
    c="#6fa8dc",
    alpha=0.6,
    edgecolors="white",
    lw=0.8,
    label="shot (header)",
)
ax.scatter(
    x[is_goal],
    y[is_goal],
    s=xg[is_goal] * 1600 + 120,
    marker="*",
    c="#e63946",
    edgecolors="white",
    lw=1,
    zorder=4,
    label="goal",
)
for xi, yi, g in zip(x[is_goal], y[is_goal], xg[is_goal]):
    ax.annotate(f"{g:.2f}", (xi, yi), xytext=(-22, 10), textcoords="offset points", color="white", fontsize=9)

ax.text(62, 76, "Rovers FC vs. United", color="white", fontsize=15, weight="bold", va="top")
ax.text(62, 71.5, f"{n} shots  |  {xg.sum():.2f} xG  |  {is_goal.sum()} goals", color="#c7d5cc", fontsize=11, va="top")
for size, lab in [(0.05, "0.05"), (0.2, "0.2"), (0.5, "0.5 xG")]:
    ax.scatter([], [], s=size * 1200, c="none", edgecolors="#c7d5cc", label=lab)
leg = ax.legend(
    loc="lower left",
    facecolor="#22312b",
    edgecolor="none",
    labelcolor="#c7d5cc",
    ncol=2,
    fontsize=9,
    labelspacing=1.4,
    borderpad=1,
)
ax.set_xlim(58, 123)
ax.set_ylim(-2, 82)
ax.set_aspect("equal")
ax.axis("off")
fig.tight_layout()
