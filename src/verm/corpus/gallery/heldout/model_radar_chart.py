# Radar chart comparing three language models across seven benchmark categories.
import matplotlib.pyplot as plt
import numpy as np

categories = ["Reasoning", "Coding", "Math", "Knowledge", "Safety", "Multilingual", "Long context"]
scores = {
    "Model A": [78, 65, 71, 82, 90, 60, 55],
    "Model B": [70, 81, 66, 74, 76, 72, 80],
    "Model C": [62, 58, 52, 88, 84, 85, 62],
}
angles = np.linspace(0, 2 * np.pi, len(categories), endpoint=False)
angles_closed = np.concatenate([angles, angles[:1]])

fig = plt.figure(figsize=(6.5, 6.5))
ax = fig.add_subplot(projection="polar")
ax.set_theta_offset(np.pi / 2)
ax.set_theta_direction(-1)
for (name, vals), color in zip(scores.items(), ["#e41a1c", "#377eb8", "#4daf4a"], strict=True):
    closed = np.concatenate([vals, vals[:1]])
    ax.plot(angles_closed, closed, color=color, lw=2, label=name, marker="o", ms=4)
    ax.fill(angles_closed, closed, color=color, alpha=0.12)

ax.set_xticks(angles, categories, fontsize=10)
ax.set_ylim(0, 100)
ax.set_yticks([20, 40, 60, 80, 100])
ax.set_yticklabels(["20", "40", "60", "80", "100"], fontsize=8, color="0.4")
ax.set_rlabel_position(180 / len(categories))
ax.set_title("Benchmark profile (normalised score)", pad=22, fontsize=13)
ax.legend(loc="upper right", bbox_to_anchor=(1.18, 1.08))
fig.tight_layout()
plt.show()
