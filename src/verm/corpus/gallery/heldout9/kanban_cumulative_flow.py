# Cumulative flow diagram of a software team's Kanban board over a quarter, with lead time and WIP callouts
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(58)
days = np.arange(0, 91)
arrivals = np.cumsum(rng.poisson(3.2, days.size))
rates = [0.93, 0.86, 0.80, 0.74]
stages = [arrivals]
for r in rates:
    prev = stages[-1]
    lagged = np.concatenate([np.zeros(4), prev[:-4]])
    stages.append(np.floor(np.minimum(prev, lagged * r + rng.normal(0, 1.5, days.size).cumsum() * 0.1)))
stages = [np.maximum.accumulate(np.clip(s, 0, None)) for s in stages]
for k in range(1, len(stages)):
    stages[k] = np.minimum(stages[k], stages[k - 1])
names = ["Backlog", "Analysis", "In progress", "Review", "Done"]
colors = ["#d9d9d9", "#9ecae1", "#4292c6", "#fdae6b", "#31a354"]

plt.style.use("seaborn-v0_8-ticks")
fig, ax = plt.subplots(figsize=(9, 5.2))
for k in range(len(stages)):
    lower = stages[k + 1] if k + 1 < len(stages) else np.zeros_like(days)
    ax.fill_between(days, lower, stages[k], step="post", color=colors[k], label=names[k], lw=0)
    ax.step(days, stages[k], where="post", color="white", lw=0.6)
d = 60
ax.annotate("", xy=(d, stages[1][d]), xytext=(d, stages[4][d]), arrowprops={"arrowstyle": "<->", "lw": 1.2})
ax.text(d + 1, (stages[1][d] + stages[4][d]) / 2, f"WIP ≈ {stages[1][d] - stages[4][d]:.0f}", va="center", fontsize=9)
start = 30
target = stages[1][start]
done_day = int(np.argmax(stages[4] >= target))
ax.annotate("", xy=(start, target), xytext=(done_day, target), arrowprops={"arrowstyle": "<->", "lw": 1.2})
ax.text((start + done_day) / 2, target + 6, f"lead time ≈ {done_day - start} days", ha="center", fontsize=9)
ax.set_xlim(0, 90)
ax.set_ylim(0, None)
ax.set_xlabel("Day of quarter")
ax.set_ylabel("Cumulative work items")
ax.set_title("Cumulative flow, Payments team, Q3", loc="left", fontweight="bold")
handles, labels = ax.get_legend_handles_labels()
ax.legend(handles[::-1], labels[::-1], loc="upper left", frameon=False)
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
