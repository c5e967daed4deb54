# ECDF step curves of request latency for four API services on a log x axis with percent y ticks, p50/p99 markers and an inset zoom on the tail
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import LogLocator, NullFormatter, PercentFormatter

rng = np.random.default_rng(4107)
services = {
    "auth": rng.lognormal(np.log(18), 0.35, 1500),
    "search": rng.lognormal(np.log(65), 0.55, 1500),
    "checkout": np.concatenate([rng.lognormal(np.log(120), 0.3, 1400), rng.lognormal(np.log(900), 0.4, 100)]),
    "images": rng.lognormal(np.log(40), 0.9, 1500),
}

fig, ax = plt.subplots(figsize=(8.5, 5.5), dpi=100)
colors = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a"]
for (name, lat), color in zip(services.items(), colors):
    xs = np.sort(lat)
    ys = np.arange(1, xs.size + 1) / xs.size
    ax.step(xs, ys, where="post", color=color, lw=1.6, label=f"{name} (n={xs.size})")
    p50, p99 = np.percentile(lat, [50, 99])
    ax.plot(p50, 0.5, "o", color=color, ms=5)
    ax.plot(p99, 0.99, "D", color=color, ms=5, mec="black", mew=0.5)

ax.set_xscale("log")
ax.xaxis.set_major_locator(LogLocator(base=10))
ax.xaxis.set_minor_locator(LogLocator(base=10, subs=np.arange(2, 10)))
ax.xaxis.set_minor_formatter(NullFormatter())
ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
ax.set_ylim(0, 1.02)
ax.set_xlim(3, 5000)
ax.axhline(0.5, color="0.6", lw=0.8, ls="--")
ax.axhline(0.99, color="0.6", lw=0.8, ls="--")
ax.axvline(250, color="#a50f15", lw=1, ls=":")
ax.text(260, 0.05, "SLO 250 ms", color="#a50f15", fontsize=9, rotation=90, va="bottom")
ax.grid(True, which="major", alpha=0.4)
ax.grid(True, which="minor", alpha=0.15)
ax.set_xlabel("Latency (ms, log scale)")
ax.set_ylabel("Share of requests at or below")
ax.legend(loc="upper left", fontsize=9, title="service", title_fontsize=9)
ax.set_title("Request latency ECDF, one day of traffic (\u25cf p50, \u25c6 p99)")

inset = ax.inset_axes([0.6, 0.12, 0.36, 0.42])
for lat, color in zip(services.values(), colors):
    xs = np.sort(lat)
    inset.step(xs, np.arange(1, xs.size + 1) / xs.size, where="post", color=color, lw=1.3)
inset.set_xscale("log")
inset.set_xlim(150, 3000)
inset.set_ylim(0.9, 1.001)
inset.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
inset.tick_params(labelsize=7)
inset.xaxis.set_minor_formatter(NullFormatter())
inset.set_title("tail", fontsize=8)
ax.indicate_inset_zoom(inset, edgecolor="0.3")
fig.tight_layout()
