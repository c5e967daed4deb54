# Dumbbell chart of female vs male median hourly pay by occupation beside a lollipop chart of the percentage pay gap
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-talk")

jobs = [
    "Nurses",
    "Teachers",
    "Software devs",
    "Lawyers",
    "Pharmacists",
    "Accountants",
    "Sales reps",
    "Chefs",
    "Electricians",
    "Physicians",
]
female = np.array([31.2, 28.9, 45.6, 52.3, 55.1, 33.0, 24.8, 17.9, 27.5, 88.0])
male = np.array([32.0, 31.4, 51.2, 63.9, 58.0, 39.6, 31.5, 19.4, 28.9, 109.5])
gap = (male - female) / male * 100
order = np.argsort(gap)
y = np.arange(len(jobs))

fig = plt.figure(figsize=(12, 6.5))
gs = fig.add_gridspec(1, 2, width_ratios=[2.2, 1], wspace=0.05)
ax1 = fig.add_subplot(gs[0])
ax2 = fig.add_subplot(gs[1], sharey=ax1)

ax1.hlines(y, female[order], male[order], color="0.75", lw=4, zorder=1)
ax1.scatter(female[order], y, s=110, color="#cc79a7", label="Women", zorder=2)
ax1.scatter(male[order], y, s=110, color="#0072b2", label="Men", zorder=2)
ax1.set_yticks(y, [jobs[i] for i in order])
ax1.set_xlabel("Median hourly pay (USD)")
ax1.legend(loc="lower right", frameon=True)
ax1.set_xlim(10, 118)
ax1.grid(axis="y", visible=False)

ax2.hlines(y, 0, gap[order], color="#d55e00", lw=2)
ax2.plot(gap[order], y, "o", color="#d55e00", ms=9)
for yi, g in zip(y, gap[order]):
    ax2.text(g + 0.8, yi, f"{g:.1f}%", va="center", fontsize=11)
ax2.axvline(gap.mean(), color="0.3", ls=":", lw=1.5)
ax2.text(gap.mean() + 0.3, len(jobs) - 0.4, "mean", fontsize=11, color="0.3")
ax2.set_xlim(0, 28)
ax2.set_xlabel("Pay gap (% of men's pay)")
ax2.tick_params(axis="y", labelleft=False)
ax2.grid(axis="y", visible=False)

fig.suptitle("Gender pay gap by occupation", x=0.06, ha="left", fontweight="bold")
fig.subplots_adjust(left=0.16, right=0.97, bottom=0.12, top=0.9)
