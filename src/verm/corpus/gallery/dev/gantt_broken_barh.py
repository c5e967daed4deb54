"""A project Gantt chart with broken_barh: tasks as rows, phases as coloured segments, a today marker."""

import matplotlib.pyplot as plt

tasks = ["Requirements", "Design", "Backend", "Frontend", "Testing", "Release"]
schedule = [
    [(0, 10)],
    [(8, 12), (24, 4)],
    [(18, 25), (46, 6)],
    [(22, 20), (45, 8)],
    [(40, 12), (55, 8)],
    [(62, 5)],
]
phase_colors = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"]

fig, ax = plt.subplots(figsize=(9, 4))
for row, (segments, color) in enumerate(zip(schedule, phase_colors)):
    ax.broken_barh(segments, (row * 10 + 2, 6), facecolors=color, edgecolor="black", linewidth=0.6)

ax.set_yticks([row * 10 + 5 for row in range(len(tasks))], labels=tasks)
ax.invert_yaxis()
ax.set_xlim(0, 70)
ax.set_xlabel("working days since kick-off")
ax.axvline(37, color="red", linestyle="--", linewidth=1.2)
ax.text(37.5, 59, "today", color="red", fontsize=9, va="top")
ax.grid(axis="x", linestyle=":", alpha=0.6)
ax.set_title("Release plan")
plt.show()
