# Radar chart comparing two midfielders on eight per-90 percentile ranks
import matplotlib.pyplot as plt
import numpy as np

metrics = [
    "Passes\ncompleted",
    "Progressive\npasses",
    "Key passes",
    "Dribbles",
    "Tackles",
    "Interceptions",
    "Shots",
    "xG + xA",
]
players = {
    "Player A": [88, 92, 75, 60, 45, 50, 35, 70],
    "Player B": [70, 65, 55, 82, 78, 85, 62, 58],
}
colors = {"Player A": "#1f77b4", "Player B": "#d62728"}

angles = np.linspace(0, 2 * np.pi, len(metrics), endpoint=False).tolist()
angles += angles[:1]

fig = plt.figure(figsize=(7, 7))
ax = fig.add_subplot(111, projection="polar")
ax.set_theta_offset(np.pi / 2)
ax.set_theta_direction(-1)

for name, values in players.items():
    values = values + values[:1]
    ax.plot(angles, values, color=colors[name], linewidth=2, label=name)
    ax.fill(angles, values, color=colors[name], alpha=0.2)

ax.set_xticks(angles[:-1])
ax.set_xticklabels(metrics, fontsize=9)
ax.set_ylim(0, 100)
ax.set_yticks([25, 50, 75, 100])
ax.set_yticklabels(["25", "50", "75", "100"], color="grey", fontsize=8)
ax.set_rlabel_position(180 / len(metrics))
ax.set_title("Percentile rank vs league midfielders, 2023/24", y=1.08)
fig.legend(loc="lower center", ncols=2, frameon=False)
fig.subplots_adjust(bottom=0.1, top=0.86)
plt.show()
