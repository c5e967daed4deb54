# Daily closing price of a stock over one year with an inset zooming on the earnings-day gap and arrow annotations
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(2718)
days = np.arange(252)
returns = rng.normal(0.0004, 0.015, len(days))
returns[170] = -0.14  # earnings miss
price = 84 * np.exp(np.cumsum(returns))

fig, ax = plt.subplots(figsize=(10, 5))
ax.plot(days, price, color="#264653", linewidth=1.3)
ax.axvspan(160, 185, color="#e9c46a", alpha=0.3)
ax.set_xlim(0, 251)
ax.set_xticks([0, 21, 42, 63, 84, 105, 126, 147, 168, 189, 210, 231])
ax.set_xticklabels(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
ax.set_ylabel("Close (USD)")
ax.set_title("ACME Corp. (ACME) daily close, 2023")
ax.yaxis.set_major_formatter("${x:,.0f}")

hi = int(np.argmax(price))
ax.annotate(
    "52-week high\n$%.2f" % price[hi],
    xy=(hi, price[hi]),
    xytext=(hi - 60, price[hi] + 4),
    arrowprops=dict(arrowstyle="->", color="black"),
    fontsize=9,
)
ax.annotate(
    "Q3 earnings miss\n%.0f%% in a day" % (returns[170] * 100),
    xy=(170, price[170]),
    xytext=(200, price[170] - 28),
    arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=-0.3", color="#e76f51"),
    color="#e76f51",
    fontsize=9,
)

axins = ax.inset_axes([0.04, 0.06, 0.3, 0.35])
axins.plot(days, price, color="#264653", marker=".", markersize=3)
axins.set_xlim(160, 185)
lo, hi_y = price[160:186].min(), price[160:186].max()
axins.set_ylim(lo - 2, hi_y + 2)
axins.tick_params(labelsize=7)
ax.indicate_inset_zoom(axins, edgecolor="0.4")
ax.set_ylim(min(price.min(), 40) - 25, price.max() + 12)
fig.tight_layout()
plt.show()
