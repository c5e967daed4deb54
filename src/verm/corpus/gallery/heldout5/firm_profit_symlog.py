# Firm net income against revenue on log-x/symlog-y axes beside a symlog daily net fund flow series
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("fivethirtyeight")

rng = np.random.default_rng(3301)
revenue = 10 ** rng.uniform(0, 5, 260)  # USD millions
margin = rng.normal(0.04, 0.12, 260)
income = revenue * margin
sectors = np.array(["Tech", "Retail", "Energy"])[rng.integers(0, 3, 260)]

days = np.arange(120)
flows = np.concatenate([rng.normal(0, 4, 60), rng.normal(0, 4, 60)]) * np.exp(rng.normal(0, 1.3, 120))
flows[[18, 61, 62, 97]] = [-850.0, 1200.0, 430.0, -2600.0]

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 5), width_ratios=[1, 1.3])
for sector, color in zip(["Tech", "Retail", "Energy"], ["#30a2da", "#fc4f30", "#e5ae38"]):
    m = sectors == sector
    ax1.scatter(revenue[m], income[m], s=22, alpha=0.75, color=color, label=sector)
ax1.set_xscale("log")
ax1.set_yscale("symlog", linthresh=1.0)
ax1.axhline(0, color="0.3", lw=1)
ax1.set_xlabel("Revenue (USD m, log)")
ax1.set_ylabel("Net income (USD m, symlog)")
ax1.set_title("Profit vs size, 260 listed firms", fontsize=13)
ax1.legend(loc="lower left", fontsize=10)

colors = np.where(flows >= 0, "#6d904f", "#fc4f30")
ax2.bar(days, flows, color=colors, width=0.9)
ax2.set_yscale("symlog", linthresh=10, linscale=0.8)
ax2.set_ylim(-5000, 5000)
ax2.axhspan(-10, 10, color="0.5", alpha=0.12)
ax2.text(2, 6, "linear region |x| < 10", fontsize=9, color="0.35")
ax2.annotate(
    "index rebalancing",
    xy=(61, 1200),
    xytext=(70, 250),
    arrowprops=dict(arrowstyle="->", color="0.25", lw=1.2),
    fontsize=10,
)
ax2.annotate(
    "redemption wave",
    xy=(97, -2600),
    xytext=(62, -400),
    arrowprops=dict(arrowstyle="->", color="0.25", lw=1.2),
    fontsize=10,
)
ax2.set_xlabel("Trading day")
ax2.set_ylabel("Net flow (USD m)")
ax2.set_title("Daily net ETF flows", fontsize=13)
fig.tight_layout()
plt.show()
