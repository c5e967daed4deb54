# Economics textbook diagram of supply and demand with equilibrium, consumer and producer surplus and the deadweight loss of a tax
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Polygon

fig, ax = plt.subplots(figsize=(7, 6))
q = np.linspace(0, 10, 50)
demand = 10 - 0.8 * q
supply = 2 + 0.6 * q
qe = 8 / 1.4
pe = 10 - 0.8 * qe
tax = 1.6
qt = (8 - tax) / 1.4
pb = 10 - 0.8 * qt
ps = pb - tax

ax.add_patch(
    Polygon([(0, 10), (0, pb), (qt, pb)], closed=True, facecolor="#9ecae1", edgecolor="none", label="Consumer surplus")
)
ax.add_patch(
    Polygon([(0, 2), (0, ps), (qt, ps)], closed=True, facecolor="#fdd0a2", edgecolor="none", label="Producer surplus")
)
ax.add_patch(
    Polygon(
        [(0, ps), (0, pb), (qt, pb), (qt, ps)], closed=True, facecolor="#c7e9c0", edgecolor="none", label="Tax revenue"
    )
)
ax.add_patch(
    Polygon(
        [(qt, pb), (qe, pe), (qt, ps)],
        closed=True,
        facecolor="#fb6a4a",
        edgecolor="k",
        lw=0.6,
        hatch="xx",
        alpha=0.8,
        label="Deadweight loss",
    )
)
ax.plot(q, demand, color="#08519c", lw=2.2)
ax.plot(q, supply, color="#a63603", lw=2.2)
ax.plot(q, supply + tax, color="#a63603", lw=1.4, ls="--")
ax.text(9.3, 10 - 0.8 * 9.3 + 0.25, "D", fontsize=14, color="#08519c")
ax.text(9.3, 2 + 0.6 * 9.3 - 0.6, "S", fontsize=14, color="#a63603")
ax.text(5.6, 2 + 0.6 * 5.6 + tax + 0.45, "S + tax", fontsize=11, color="#a63603")
for x0, y0 in [(qe, pe), (qt, pb), (qt, ps)]:
    ax.plot([x0, x0], [0, y0], ":", color="0.4", lw=1)
    ax.plot([0, x0], [y0, y0], ":", color="0.4", lw=1)
ax.plot(qe, pe, "o", color="k", ms=6, zorder=5)
ax.annotate(
    "market equilibrium",
    xy=(qe, pe),
    xytext=(qe + 1.2, pe + 2.2),
    fontsize=10,
    arrowprops=dict(arrowstyle="->", connectionstyle="angle3,angleA=0,angleB=90"),
)
ax.set_xticks([qt, qe], ["$Q_t$", "$Q^*$"], fontsize=12)
ax.set_yticks([ps, pe, pb], ["$P_s$", "$P^*$", "$P_b$"], fontsize=12)
ax.set_xlim(0, 10.5)
ax.set_ylim(0, 11)
ax.spines[["top", "right"]].set_visible(False)
ax.plot(1, 0, ">k", transform=ax.get_yaxis_transform(), clip_on=False)
ax.plot(0, 1, "^k", transform=ax.get_xaxis_transform(), clip_on=False)
ax.set_xlabel("Quantity", loc="right", fontsize=12)
ax.set_ylabel("Price", loc="top", fontsize=12)
ax.legend(loc="upper right", frameon=False, fontsize=10)
ax.set_title("Incidence of a per-unit tax", fontsize=13)
fig.tight_layout()
