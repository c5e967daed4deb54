# Daily candlestick chart of a stock over 60 sessions built from bars and vlines, with 10- and 20-day moving averages and a volume panel below
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-muted")

rng = np.random.default_rng(4113)
n = 60
ret = rng.normal(0.001, 0.018, n)
ret[25:32] -= 0.02
ret[40:] += 0.006
close = 84 * np.exp(np.cumsum(ret))
open_ = np.r_[84.0, close[:-1]] * (1 + rng.normal(0, 0.004, n))
high = np.maximum(open_, close) * (1 + np.abs(rng.normal(0, 0.008, n)))
low = np.minimum(open_, close) * (1 - np.abs(rng.normal(0, 0.008, n)))
volume = rng.gamma(4, 0.6, n) * (1 + 3 * np.abs(ret) / 0.02)
dates = np.arange("2024-03-01", "2024-06-30", dtype="datetime64[D]")
dates = dates[np.is_busday(dates)][:n]
labels = [str(d)[5:] for d in dates]
x = np.arange(n)

fig, (ax, axv) = plt.subplots(
    2, 1, sharex=True, figsize=(11, 6.5), gridspec_kw={"height_ratios": [3, 1], "hspace": 0.05}
)
up = close >= open_
colors = np.where(up, "#2ca02c", "#d62728")
ax.vlines(x, low, high, color=colors, lw=1)
ax.bar(x, np.abs(close - open_), bottom=np.minimum(open_, close), width=0.65, color=colors, edgecolor=colors)
for w, c, ls in ((10, "#1f77b4", "-"), (20, "#ff7f0e", "--")):
    ma = np.convolve(close, np.ones(w) / w, mode="valid")
    ax.plot(x[w - 1 :], ma, color=c, lw=1.6, ls=ls, label=f"{w}-day MA")
lo_i = int(np.argmin(low))
ax.annotate(
    f"low {low[lo_i]:.2f}",
    xy=(lo_i, low[lo_i]),
    xytext=(lo_i - 16, low[lo_i] + 0.5),
    arrowprops=dict(arrowstyle="->", color="0.2"),
    fontsize=9,
)
ax.axhline(close[-1], color="0.4", lw=0.8, ls=":")
ax.text(
    n + 0.5,
    close[-1],
    f"{close[-1]:.2f}",
    va="center",
    fontsize=9,
    bbox=dict(boxstyle="square,pad=0.2", fc="#2ca02c" if close[-1] > close[0] else "#d62728", ec="none"),
    color="white",
)
ax.set_ylabel("Price (USD)")
ax.legend(loc="upper left")
ax.set_title("ACME Corp. daily OHLC, spring 2024", loc="left", fontweight="bold")

axv.bar(x, volume, color=colors, width=0.65, alpha=0.7)
axv.set_ylabel("Volume (M)")
axv.set_xticks(x[::5], labels[::5], rotation=45, ha="right")
axv.set_xlim(-1, n + 3)
fig.subplots_adjust(left=0.08, right=0.93, top=0.93, bottom=0.13)
