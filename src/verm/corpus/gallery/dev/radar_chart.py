"""A radar (spider) chart comparing three products on seven criteria, on polar axes with filled outlines."""

import matplotlib.pyplot as plt
import numpy as np

criteria = ["Price", "Battery", "Camera", "Screen", "Weight", "Support", "Storage"]
scores = {
    "Model X": [7, 8, 9, 6, 5, 7, 8],
    "Model Y": [9, 5, 6, 7, 8, 6, 5],
    "Model Z": [5, 9, 7, 9, 6, 8, 7],
}

angles = np.linspace(0, 2 * np.pi, len(criteria), endpoint=False).tolist()
angles += angles[:1]

fig, ax = plt.subplots(figsize=(6, 6), subplot_kw=dict(polar=True))
for (name, values), color in zip(scores.items(), ["#1f77b4", "#ff7f0e", "#2ca02c"]):
    values = values + values[:1]
    ax.plot(angles, values, color=color, linewidth=2, label=name)
    ax.fill(angles, values, color=color, alpha=0.2)

ax.set_theta_offset(np.pi / 2)
ax.set_theta_direction(-1)
ax.set_thetagrids(np.degrees(angles[:-1]), criteria)
ax.set_ylim(0, 10)
ax.set_rgrids([2, 4, 6, 8], angle=10, fontsize=8)
ax.set_title("Phone review scores", y=1.08)
ax.legend(loc="upper right", bbox_to_anchor=(1.12, 1.12))
plt.show()
