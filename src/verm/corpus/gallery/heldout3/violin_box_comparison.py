# Side-by-side distributions of response times for five API versions: violins with custom face colours and quartile marks, and notched boxplots with coloured boxes and fliers
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("fivethirtyeight")
plt.rcParams["font.size"] = 10
rng = np.random.default_rng(555)

versions = ["v1.8", "v1.9", "v2.0", "v2.1", "v2.2"]
data = [
    rng.lognormal(np.log(180), 0.35, 400),
    rng.lognormal(np.log(165), 0.30, 400),
    np.concatenate(
        [rng.lognormal(np.log(120), 0.25, 300), rng.lognormal(np.log(310), 0.15, 100)]
    ),  # bimodal: cache misses
    rng.lognormal(np.log(110), 0.28, 400),
    rng.lognormal(np.log(95), 0.22, 400),
]
palette = ["#6c8ebf", "#82b366", "#d6b656", "#b85450", "#9673a6"]

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.8), sharey=True)
parts = ax1.violinplot(data, showmeans=False, showmedians=False, showextrema=False, widths=0.8)
for body, c in zip(parts["bodies"], palette):
    body.set_facecolor(c)
    body.set_edgecolor("black")
    body.set_linewidth(0.8)
    body.set_alpha(0.8)
q1, med, q3 = np.array([np.percentile(d, [25, 50, 75]) for d in data]).T
pos = np.arange(1, len(data) + 1)
ax1.vlines(pos, q1, q3, color="k", lw=5)
ax1.scatter(pos, med, marker="o", color="white", s=22, zorder=3)
ax1.set_xticks(pos, versions)
ax1.set_title("Violin (IQR + median)")
ax1.set_ylabel("p50 latency per request (ms)")

bp = ax2.boxplot(
    data,
    notch=True,
    patch_artist=True,
    widths=0.55,
    flierprops=dict(marker="o", markersize=3, markerfacecolor="0.4", markeredgecolor="none", alpha=0.6),
    medianprops=dict(color="black", linewidth=1.5),
    tick_labels=versions,
)
for box, c in zip(bp["boxes"], palette):
    box.set_facecolor(c)
    box.set_alpha(0.85)
ax2.set_title("Notched boxplot (95% CI of median)")
ax2.axhline(200, color="#b22222", lw=1.2, ls="--")
ax2.text(5.45, 204, "SLO 200 ms", color="#b22222", ha="right", fontsize=9)
ax2.set_ylim(0, 600)
fig.suptitle("Checkout API response times by release", fontsize=14)
fig.tight_layout()
