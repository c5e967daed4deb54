# Pareto chart of manufacturing defects: sorted count bars with a cumulative-percentage line on a twin axis and an 80% reference.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import PercentFormatter

plt.style.use("classic")
defects = {
    "Scratches": 142,
    "Misalignment": 97,
    "Solder bridge": 64,
    "Missing screw": 38,
    "Discolouration": 25,
    "Cracked housing": 17,
    "Label error": 11,
    "Other": 9,
}
names = sorted(defects, key=defects.get, reverse=True)
counts = np.array([defects[n] for n in names])
cum = np.cumsum(counts) / counts.sum()

fig, ax = plt.subplots(figsize=(9, 5), facecolor="white")
x = np.arange(len(names))
ax.bar(x, counts, color="#4682b4", width=0.7, align="center")
ax.set_xticks(x)
ax.set_xticklabels(names, rotation=30, ha="right", fontsize=10)
ax.set_xlim(-0.6, len(names) - 0.4)
ax.set_ylabel("Defect count (March)")
for xi, c in zip(x, counts, strict=True):
    ax.text(xi, c + 2, str(c), ha="center", fontsize=9)

ax2 = ax.twinx()
ax2.plot(x, cum, color="#b22222", marker="o", lw=2)
ax2.axhline(0.8, color="#b22222", ls="--", lw=1)
ax2.yaxis.set_major_formatter(PercentFormatter(1.0))
ax2.set_ylim(0, 1.05)
ax2.set_ylabel("Cumulative share", color="#b22222")
ax2.text(len(names) - 0.5, 0.82, "80%", color="#b22222", ha="right", fontsize=9)
ax.set_title("Line 3 final inspection: Pareto of defect types")
fig.tight_layout()
plt.show()
