# Lexis diagram of age against calendar year: individual life lines, deaths, a highlighted birth cohort and a period
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Polygon

plt.style.use("classic")
rng = np.random.default_rng(31)

fig, ax = plt.subplots(figsize=(7.5, 6.5))
fig.patch.set_facecolor("white")

y0, y1, a1 = 1990, 2025, 35
# Grid of one-year squares (every 5 years drawn darker) and diagonal cohort lines
for v in range(y0, y1 + 1):
    ax.axvline(v, color="0.85" if v % 5 else "0.6", lw=0.5, zorder=0)
for a in range(0, a1 + 1):
    ax.axhline(a, color="0.85" if a % 5 else "0.6", lw=0.5, zorder=0)

# Cohort born 2000 (between the diagonals from 2000 and 2001) and period 2015
cohort = [(2000, 0), (2001, 0), (y1, y1 - 2001), (y1, y1 - 2000)]
ax.add_patch(Polygon(cohort, closed=True, facecolor="#fdd49e", edgecolor="#d7301f", lw=1))
ax.axvspan(2015, 2016, color="#9ecae1", alpha=0.6, lw=0)
ax.axhspan(20, 21, xmin=0, xmax=1, color="#c7e9c0", alpha=0.6, lw=0)

# Life lines: entry at birth (or at study start for those already alive), exit at death or censoring
n = 26
birth = np.sort(rng.uniform(y0 - 12, y1 - 3, n))
death_age = rng.weibull(1.4, n) * 32
for b, d in zip(birth, death_age):
    if b + d < y0:
        continue  # died before follow-up began
    enter = max(b, y0)
    exit_ = min(b + d, y1)
    died = b + d <= y1
    ax.plot([enter, exit_], [enter - b, exit_ - b], color="#08306b", lw=1.1)
    if died:
        ax.plot(exit_, exit_ - b, "x", color="#cb181d", ms=7, mew=1.8)
    else:
        ax.plot(exit_, exit_ - b, ">", color="#08306b", ms=5)
    if b >= y0:
        ax.plot(b, 0, "o", color="#08306b", ms=4)

ax.text(2013.3, 12, "cohort born 2000", rotation=45, ha="center", va="center", fontsize=9, color="#b30000")
ax.text(2015.5, a1 - 0.6, "period 2015", ha="center", va="top", fontsize=9, color="#08519c", rotation=90)
ax.text(y0 + 0.4, 20.5, "age 20", va="center", fontsize=9, color="#238b45")
ax.plot([], [], "x", color="#cb181d", mew=1.8, label="death")
ax.plot([], [], ">", color="#08306b", label="alive at end of follow-up")
ax.plot([], [], "o", color="#08306b", ms=4, label="birth")
ax.legend(loc="upper left", fontsize=9, numpoints=1, framealpha=0.95)

ax.set_xlim(y0, y1)
ax.set_ylim(0, a1)
ax.set_aspect("equal")
ax.set_xticks(range(y0, y1 + 1, 5), [str(v) for v in range(y0, y1 + 1, 5)])
ax.set_yticks(range(0, a1 + 1, 5))
ax.set_xlabel("Calendar year")
ax.set_ylabel("Age (years)")
ax.set_title("Lexis diagram of a registry follow-up, 1990-2025")
fig.tight_layout()
