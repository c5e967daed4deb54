# Pareto chart of assembly-line defect causes: sorted bars with a cumulative-percent line on a twin axis and an 80% cut.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import PercentFormatter

plt.style.use("ggplot")
causes = [
    "Solder bridge",
    "Missing part",
    "Misaligned",
    "Cold joint",
    "Wrong polarity",
    "Scratched",
    "Lifted pad",
    "Contamination",
    "Other",
]
counts = np.array([212, 148, 97, 61, 38, 24, 17, 11, 9])
order = np.argsort(counts)[::-1]
counts = counts[order]
causes = [causes[i] for i in order]
cum = np.cumsum(counts) / counts.sum() * 100

fig, ax = plt.subplots(figsize=(10, 5.2))
colors = ["#c0392b" if c <= 80 or i == 0 else "#7f8c8d" for i, c in enumerate(np.concatenate([[0], cum[:-1]]))]
bars = ax.bar(causes, counts, color=colors)
ax.bar_label(bars, padding=2, fontsize=9)
ax.set_ylabel("Defects (week 14)")
ax.tick_params(axis="x", rotation=30)
for lab in ax.get_xticklabels():
    lab.set_ha("right")
ax2 = ax.twinx()
ax2.plot(causes, cum, color="#2c3e50", marker="D", ms=5, lw=1.8)
ax2.axhline(80, color="#2c3e50", ls="--", lw=1)
ax2.text(len(causes) - 0.6, 81, "80%", ha="right", va="bottom", fontsize=9)
ax2.set_ylim(0, 105)
ax2.yaxis.set_major_formatter(PercentFormatter())
ax2.grid(False)
ax2.set_ylabel("Cumulative share")
ax.set_title(f"SMT line 2 defect Pareto, {counts.sum()} defects", loc="left")
fig.tight_layout()
