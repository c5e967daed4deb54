# Punchcard of commits to a repository by weekday and hour of day, marker area proportional to commit count, with marginal totals
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("fivethirtyeight")
rng = np.random.default_rng(7)
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
hours = np.arange(24)
work = np.exp(-0.5 * ((hours - 11) / 2.5) ** 2) + 0.9 * np.exp(-0.5 * ((hours - 15.5) / 2.0) ** 2)
night = 0.35 * np.exp(-0.5 * ((hours - 22) / 1.5) ** 2)
weights = np.array([1.0, 1.1, 1.05, 1.0, 0.75, 0.18, 0.22])
lam = 18 * np.outer(weights, work) + 9 * np.outer(np.r_[0.6, 0.6, 0.7, 0.8, 0.5, 1.0, 1.1], night) + 0.3
counts = rng.poisson(lam)

fig = plt.figure(figsize=(11, 5.2))
gs = fig.add_gridspec(2, 2, width_ratios=[6, 1], height_ratios=[1, 3.2], wspace=0.03, hspace=0.05)
ax = fig.add_subplot(gs[1, 0])
H, D = np.meshgrid(hours, np.arange(7))
sc = ax.scatter(H, D, s=counts * 9, c=counts, cmap="magma_r", edgecolor="0.2", linewidth=0.4)
ax.set_yticks(range(7), days)
ax.set_ylim(6.6, -0.6)
ax.set_xticks(range(0, 24, 2), [f"{h:02d}:00" for h in range(0, 24, 2)], fontsize=9, rotation=45)
ax.set_xlim(-0.7, 23.7)
ax.grid(True, lw=0.6)
for k in (5, 20, 40):
    ax.scatter([], [], s=k * 9, color="0.6", edgecolor="0.2", label=str(k))
fig.legend(
    title="commits per slot",
    loc="upper right",
    bbox_to_anchor=(0.98, 0.99),
    ncols=3,
    frameon=False,
    fontsize=9,
    title_fontsize=9,
)

axt = fig.add_subplot(gs[0, 0], sharex=ax)
axt.bar(hours, counts.sum(axis=0), color="#e5ae38", width=0.8)
axt.tick_params(labelbottom=False, labelsize=8)
axt.set_ylabel("per hour", fontsize=9)
axr = fig.add_subplot(gs[1, 1], sharey=ax)
axr.barh(range(7), counts.sum(axis=1), color="#6d904f", height=0.7)
axr.tick_params(labelleft=False, labelsize=8)
axr.set_xlabel("per day", fontsize=9)
for i, v in enumerate(counts.sum(axis=1)):
    axr.text(v, i, f" {v}", va="center", fontsize=8)
fig.suptitle(f"When does the team commit? {counts.sum():,} commits, Jan-Jun", x=0.06, ha="left", fontsize=14)
fig.subplots_adjust(left=0.07, right=0.97, bottom=0.17, top=0.9)
