# Daily closing price with event annotations using several arrow styles and connection styles (fancy, wedge, simple, arc3 with bbox labels)
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1234)
days = np.arange(250)
returns = rng.normal(0.0006, 0.014, days.size)
returns[60] = -0.11  # guidance cut
returns[140] = 0.085  # earnings beat
returns[141:150] += 0.004
returns[205] = -0.06
price = 48 * np.exp(np.cumsum(returns))
ma = np.convolve(price, np.ones(20) / 20, mode="valid")

fig, ax = plt.subplots(figsize=(9, 5))
ax.plot(days, price, color="#1f3b73", lw=1.2, label="close")
ax.plot(days[19:], ma, color="#e07a1f", lw=1.5, label="20-day MA")
ax.set_xlim(0, 250)
ax.set_ylim(price.min() * 0.85, price.max() * 1.18)

ax.annotate(
    "Q1 guidance cut\n-11% in a day",
    xy=(60, price[60]),
    xytext=(15, price[60] * 0.87),
    arrowprops=dict(arrowstyle="fancy", fc="0.6", ec="none", connectionstyle="angle3,angleA=0,angleB=-90"),
    fontsize=9,
)
ax.annotate(
    "Earnings beat",
    xy=(140, price[140]),
    xytext=(95, price.max() * 1.1),
    arrowprops=dict(arrowstyle="wedge,tail_width=0.6", fc="#c8e6c9", ec="#2e7d32", alpha=0.9),
    bbox=dict(boxstyle="round,pad=0.3", fc="#c8e6c9", ec="#2e7d32"),
    fontsize=9,
)
k = int(np.argmax(price))
ax.annotate(
    f"52-wk high ${price[k]:.2f}",
    xy=(k, price[k]),
    xytext=(k - 70, price[k] * 1.12),
    arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=-0.3", color="k"),
    fontsize=9,
)
ax.annotate(
    "CFO departs",
    xy=(205, price[205]),
    xytext=(215, price[205] * 0.86),
    arrowprops=dict(arrowstyle="simple", fc="#b71c1c", ec="none", connectionstyle="arc3,rad=0.3"),
    bbox=dict(boxstyle="larrow,pad=0.3", fc="#ffcdd2", ec="#b71c1c"),
    fontsize=9,
)
ax.annotate(
    "",
    xy=(60, price.min() * 0.88),
    xytext=(140, price.min() * 0.88),
    arrowprops=dict(arrowstyle="<->", color="0.4"),
)
ax.text(100, price.min() * 0.895, "80 trading days", ha="center", va="bottom", fontsize=8, color="0.3")

ax.yaxis.set_major_formatter("${x:,.0f}")
ax.set_xlabel("Trading day")
ax.set_ylabel("Price")
ax.set_title("ACME Corp. (ACME) - last 250 sessions")
ax.legend(loc="upper left")
ax.grid(alpha=0.3)
fig.tight_layout()
