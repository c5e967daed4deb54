# Lorenz curves of household income for four countries with the line of equality and Gini coefficients in the legend
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import PercentFormatter

plt.style.use("seaborn-v0_8-colorblind")
rng = np.random.default_rng(31)
countries = {"Denmark": 0.45, "Germany": 0.58, "United States": 0.78, "South Africa": 1.15}
fig, (ax, axb) = plt.subplots(1, 2, figsize=(11, 5.4), gridspec_kw={"width_ratios": [1.15, 1]})
ax.plot([0, 1], [0, 1], color="k", lw=1, label="Perfect equality")
ginis = {}
for i, (name, s) in enumerate(countries.items()):
    inc = np.sort(rng.lognormal(10, s, 20000))
    p = np.r_[0, np.arange(1, inc.size + 1) / inc.size]
    L = np.r_[0, np.cumsum(inc) / inc.sum()]
    gini = 1 - 2 * np.trapezoid(L, p)
    ginis[name] = gini
    ax.plot(p, L, lw=2, color=f"C{i}", label=f"{name} (Gini {gini:.2f})")
    if name == "South Africa":
        ax.fill_between(p, L, p, color=f"C{i}", alpha=0.12)
    deciles = np.array([L[int(k * inc.size / 10)] for k in range(11)])
    axb.bar(np.arange(10) + (i - 1.5) * 0.2, np.diff(deciles), width=0.2, color=f"C{i}", label=name)
ax.annotate(
    "A (shaded):\nGini = A / (A + B)", xy=(0.62, 0.3), xytext=(0.12, 0.62), fontsize=9, arrowprops=dict(arrowstyle="->")
)
ax.set_xlim(0, 1)
ax.set_ylim(0, 1)
ax.set_aspect("equal")
ax.xaxis.set_major_formatter(PercentFormatter(1.0))
ax.yaxis.set_major_formatter(PercentFormatter(1.0))
ax.set_xlabel("Cumulative share of households (poorest first)")
ax.set_ylabel("Cumulative share of income")
ax.legend(loc="upper left", fontsize=9)
ax.set_title("Lorenz curves")
axb.set_xticks(range(10), [f"D{k}" for k in range(1, 11)])
axb.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
axb.axhline(0.1, color="k", ls="--", lw=0.8)
axb.text(0, 0.11, "equal share", fontsize=8)
axb.set_ylabel("Share of total income")
axb.set_xlabel("Income decile")
axb.set_title("Income share by decile")
axb.legend(fontsize=8, loc="upper left")
fig.suptitle("Household income inequality (synthetic log-normal incomes)", fontsize=13)
fig.tight_layout()
