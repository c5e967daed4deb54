# Product roadmap as a Gantt chart with broken_barh task bars per team, milestones as diamonds and a "today" line; week numbers on the axis.
import matplotlib.pyplot as plt

tasks = [
    ("Research", "User interviews", 0, 4),
    ("Research", "Competitive audit", 2, 3),
    ("Design", "Wireframes", 4, 3),
    ("Design", "Visual design", 6, 4),
    ("Backend", "API schema", 5, 2),
    ("Backend", "Payments service", 7, 6),
    ("Frontend", "Component library", 8, 4),
    ("Frontend", "Checkout flow", 11, 5),
    ("QA", "Test plan", 10, 2),
    ("QA", "Regression + load tests", 15, 3),
]
team_colors = {"Research": "#8dd3c7", "Design": "#fb8072", "Backend": "#80b1d3", "Frontend": "#fdb462", "QA": "#b3de69"}
milestones = {"Design sign-off": 10, "Beta": 16, "Launch": 18}

fig, ax = plt.subplots(figsize=(10, 5))
for row, (team, name, start, length) in enumerate(tasks):
    ax.broken_barh([(start, length)], (row - 0.35, 0.7), facecolors=team_colors[team], edgecolor="0.3", linewidth=0.6)
    ax.text(start + 0.15, row, name, va="center", fontsize=8)
for label, week in milestones.items():
    ax.plot(week, -0.9, marker="D", color="black", ms=7, clip_on=False)
    ax.text(week, -1.5, label, ha="center", fontsize=8, fontweight="bold")
ax.axvline(9.5, color="red", lw=1.2, ls="--")
ax.text(9.6, len(tasks) - 0.4, "today", color="red", fontsize=9)

ax.set_yticks(range(len(tasks)), [t[0] for t in tasks], fontsize=9)
ax.set_ylim(len(tasks) - 0.4, -1.9)
ax.set_xlim(0, 19)
ax.set_xticks(range(0, 20, 2), [f"W{w + 1}" for w in range(0, 20, 2)])
ax.grid(axis="x", ls=":", alpha=0.6)
handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in team_colors.values()]
ax.legend(
    handles, team_colors.keys(), ncols=5, loc="upper center", bbox_to_anchor=(0.5, -0.07), frameon=False, fontsize=9
)
ax.set_title("Checkout redesign — project plan (weeks)", loc="left")
fig.tight_layout()
plt.show()
