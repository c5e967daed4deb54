# Service latency by percentile (HDR-histogram style) for three releases on a "nines" x axis and log latency axis, with the p99 SLO and its violation marked
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FixedLocator, FuncFormatter, LogLocator

plt.style.use("petroff8")
plt.rcParams.update({"font.family": "DejaVu Sans", "axes.spines.top": False, "axes.spines.right": False})
rng = np.random.default_rng(1422)

n = 200_000
releases = {
    "v2.3 (baseline)": np.exp(rng.normal(np.log(18), 0.45, n)) + rng.pareto(3.2, n) * 6,
    "v2.4 (connection pool)": np.exp(rng.normal(np.log(14), 0.4, n)) + rng.pareto(3.6, n) * 4,
    "v2.5-rc1 (new GC)": np.exp(rng.normal(np.log(13), 0.38, n)) + rng.pareto(1.7, n) * 9,
}
pct = 1 - np.logspace(0, -5, 400)  # 0 .. 0.99999
xpos = -np.log10(1 - pct)

fig, ax = plt.subplots(figsize=(10, 6))
for name, lat in releases.items():
    q = np.quantile(lat, pct)
    (line,) = ax.plot(xpos, q, lw=2, label=name)
    for p in (0.5, 0.99, 0.999):
        v = np.quantile(lat, p)
        ax.plot(-np.log10(1 - p), v, "o", color=line.get_color(), ms=5)
slo = 120
ax.axhline(slo, color="crimson", ls="--", lw=1.2)
ax.text(0.05, slo * 1.06, "SLO: p99 < 120 ms", color="crimson", fontsize=9)
ax.axvline(2, color="0.6", lw=0.8, ls=":")
bad = np.quantile(releases["v2.5-rc1 (new GC)"], 0.99)
ax.annotate(
    f"v2.5-rc1 p99 = {bad:.0f} ms\n(tail regression under GC pauses)",
    xy=(2, bad),
    xytext=(2.9, 22),
    arrowprops=dict(arrowstyle="-|>", color="0.2"),
    fontsize=9,
    bbox=dict(boxstyle="round", fc="white", ec="0.7"),
)
labels = {0: "0%", 1: "90%", 2: "99%", 3: "99.9%", 4: "99.99%", 5: "99.999%"}
ax.xaxis.set_major_locator(FixedLocator(list(labels)))
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: labels.get(round(v), "")))
ax.set_yscale("log")
ax.yaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g} ms" if v < 1000 else f"{v / 1000:g} s"))
ax.set_xlim(0, 5)
ax.set_ylim(5, 8000)
ax.grid(True, which="major", alpha=0.3)
ax.set_xlabel("percentile")
ax.set_ylabel("request latency")
ax.set_title("checkout-api, GET /cart, 200k requests per release (load test)", loc="left", fontsize=12)
ax.legend(loc="upper left", frameon=False)
fig.tight_layout()
