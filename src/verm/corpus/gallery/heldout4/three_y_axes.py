# Three y axes on one plot (twinx with an offset third spine): battery voltage, discharge current and cell temperature over a discharge test, with engineering-unit tick labels
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import EngFormatter

rng = np.random.default_rng(4114)
t = np.linspace(0, 5400, 400)
current = np.where(t < 600, 2.0, np.where(t < 3600, 5.0, 10.0)) + rng.normal(0, 0.05, t.size)
voltage = 4.18 - 0.00008 * t - 0.02 * current - 0.5 * np.exp((t - 5600) / 350) + rng.normal(0, 0.004, t.size)
temperature = 24 + 8e-5 * np.cumsum(current**2) * (t[1] - t[0])

fig, ax = plt.subplots(figsize=(10, 5.5))
fig.subplots_adjust(right=0.75, left=0.08, bottom=0.12)
ax2 = ax.twinx()
ax3 = ax.twinx()
ax3.spines["right"].set_position(("axes", 1.14))

(l1,) = ax.plot(t, voltage, color="#1f4e79", lw=1.8, label="voltage")
(l2,) = ax2.plot(t, current, color="#c55a11", lw=1.2, drawstyle="steps-post", label="current")
(l3,) = ax3.plot(t, temperature, color="#548235", lw=1.8, ls="--", label="temperature")

ax.set_xlim(0, 5400)
ax.set_ylim(3.2, 4.3)
ax2.set_ylim(0, 14)
ax3.set_ylim(20, 50)
ax.xaxis.set_major_formatter(EngFormatter(unit="s"))
ax.yaxis.set_major_formatter(EngFormatter(unit="V", places=2))
ax2.yaxis.set_major_formatter(EngFormatter(unit="A"))
ax3.yaxis.set_major_formatter(EngFormatter(unit="\u00b0C", sep=""))
ax.set_xlabel("elapsed time")
for axis, line in ((ax, l1), (ax2, l2), (ax3, l3)):
    axis.set_ylabel(line.get_label(), color=line.get_color())
    axis.tick_params(axis="y", colors=line.get_color())
ax2.spines["right"].set_color(l2.get_color())
ax3.spines["right"].set_color(l3.get_color())
ax.spines["left"].set_color(l1.get_color())

for edge, name in ((600, "2 A \u2192 5 A"), (3600, "5 A \u2192 10 A")):
    ax.axvline(edge, color="0.5", lw=0.8, ls=":")
    ax.text(edge + 40, 4.24, name, fontsize=8, color="0.3")
ax.annotate(
    "cut-off 3.3 V",
    xy=(t[np.argmax(voltage < 3.3)], 3.3),
    xytext=(3900, 3.42),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
ax.legend(handles=[l1, l2, l3], loc="lower left", bbox_to_anchor=(0, 1.0), ncols=3, fontsize=9, frameon=False)
ax.set_title("18650 cell discharge test", loc="right")
