# Exchange order-book depth chart: cumulative bid and ask volume as filled steps around the mid price, with the spread, a sell wall call-out and a per-level size panel.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("dark_background")
plt.rcParams.update({"font.family": "DejaVu Sans Mono", "font.size": 9, "axes.edgecolor": "#555555"})

rng = np.random.default_rng(8848)
mid = 43_215.0
tick = 2.5
levels = 160
bid_px = mid - tick * 0.5 - tick * np.arange(levels)
ask_px = mid + tick * 0.5 + tick * np.arange(levels)
bid_sz = rng.gamma(1.4, 0.35, levels) * (1 + np.arange(levels) / 60)
ask_sz = rng.gamma(1.4, 0.35, levels) * (1 + np.arange(levels) / 70)
ask_sz[58] += 38.0
bid_sz[95] += 22.0
bid_cum, ask_cum = np.cumsum(bid_sz), np.cumsum(ask_sz)

fig, (ax, lv) = plt.subplots(
    2, 1, figsize=(10, 6.6), sharex=True, gridspec_kw={"height_ratios": [3, 1], "hspace": 0.08}
)
green, red = "#26a69a", "#ef5350"
ax.fill_between(bid_px, bid_cum, step="post", color=green, alpha=0.35)
ax.step(bid_px, bid_cum, where="post", color=green, lw=1.5, label=f"bids  {bid_cum[-1]:7.1f} BTC")
ax.fill_between(ask_px, ask_cum, step="pre", color=red, alpha=0.35)
ax.step(ask_px, ask_cum, where="pre", color=red, lw=1.5, label=f"asks  {ask_cum[-1]:7.1f} BTC")
ax.axvline(mid, color="#bdbdbd", lw=0.8, ls="--")
ax.text(
    mid,
    ask_cum[-1] * 0.55,
    f"mid {mid:,.1f}\nspread {tick:.1f} ({tick / mid * 1e4:.2f} bp)",
    ha="center",
    va="center",
    color="#e0e0e0",
    bbox=dict(boxstyle="round", fc="black", ec="#757575"),
)
ax.annotate(
    f"sell wall {ask_sz[58]:.0f} BTC @ {ask_px[58]:,.1f}",
    (ask_px[58], ask_cum[58]),
    xytext=(ask_px[58] + 40, ask_cum[58] - 30),
    color=red,
    arrowprops=dict(arrowstyle="->", color=red),
)
ax.annotate(
    f"bid wall {bid_sz[95]:.0f} BTC",
    (bid_px[95], bid_cum[95]),
    xytext=(bid_px[95] + 40, bid_cum[95] + 20),
    color=green,
    arrowprops=dict(arrowstyle="->", color=green),
)
ax.set_ylim(0, ask_cum[-1] * 1.2)
ax.set_ylabel("cumulative size (BTC)")
ax.set_title("BTC-USD order book, ±0.9% of mid", loc="left", fontsize=12, color="white")
ax.legend(loc="upper center", frameon=False, prop={"family": "DejaVu Sans Mono"})
ax.grid(color="#333333", lw=0.6)

lv.bar(bid_px, bid_sz, width=tick * 0.9, color=green)
lv.bar(ask_px, ask_sz, width=tick * 0.9, color=red)
lv.set_yscale("log")
lv.set_ylabel("size / level")
lv.set_xlabel("price (USD)")
lv.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
lv.grid(color="#333333", lw=0.6, axis="y")
fig.subplots_adjust(left=0.09, right=0.97, top=0.93, bottom=0.09)
