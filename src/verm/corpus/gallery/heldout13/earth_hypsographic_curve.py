# Earth's hypsographic curve: cumulative share of surface area above each elevation, land and ocean filled, with named features, a sea-level line and an elevation histogram.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-muted")
plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})

rng = np.random.default_rng(510)
n = 200_000
land = rng.random(n) < 0.29
elev = np.where(land, rng.gamma(1.6, 520, n) - 150, -rng.normal(4000, 900, n))
shelf = (~land) & (rng.random(n) < 0.08)
elev[shelf] = -rng.uniform(0, 200, shelf.sum())
trench = (~land) & (rng.random(n) < 0.01)
elev[trench] = -rng.uniform(6000, 10900, trench.sum())
peaks = land & (rng.random(n) < 0.004)
elev[peaks] = rng.uniform(3000, 8850, peaks.sum())
srt = np.sort(elev)[::-1]
pct = np.linspace(0, 100, n)

fig, (ax, hx) = plt.subplots(1, 2, figsize=(11, 5.6), sharey=True, gridspec_kw={"width_ratios": [3, 1], "wspace": 0.04})
ax.fill_between(pct, srt, -11000, where=srt >= 0, color="#a1887f", interpolate=True)
ax.fill_between(pct, 0, srt, where=srt < 0, color="#4fc3f7", interpolate=True)
ax.fill_between(pct, srt, -11000, where=srt < 0, color="#8d6e63", alpha=0.6, interpolate=True)
ax.plot(pct, srt, color="#3e2723", lw=1.2)
ax.axhline(0, color="#01579b", lw=1)
ax.axhline(np.mean(elev), color="0.3", lw=0.8, ls="--")
ax.text(99, np.mean(elev) + 150, f"mean surface level {np.mean(elev):,.0f} m", ha="right", fontsize=8, color="0.25")
land_pct = np.mean(elev > 0) * 100
ax.axvline(land_pct, color="#01579b", lw=0.8, ls=":")
for x, y, txt in [
    (1.5, 6000, "high mountains\n& plateaus"),
    (land_pct + 2, 400, "continental shelf"),
    (55, -3300, "abyssal plains"),
    (99, -8500, "trenches"),
]:
    ax.text(x, y, txt, fontsize=8.5, ha="right" if x > 90 else "left", color="black")
ax.annotate(
    f"{land_pct:.0f}% of surface\nis above sea level",
    xy=(land_pct, 0),
    xytext=(12, -6500),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
ax.set_xlim(0, 100)
ax.set_ylim(-11000, 9000)
ax.set_xlabel("Cumulative share of Earth's surface (%)")
ax.set_ylabel("Elevation relative to sea level (m)")
ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}"))
ax.set_title("Hypsographic curve of the Earth", loc="left", fontsize=12)

bins = np.arange(-11000, 9001, 500)
hist, _ = np.histogram(elev, bins=bins)
hx.barh(
    bins[:-1] + 250,
    hist / n * 100,
    height=480,
    color=np.where(bins[:-1] >= 0, "#a1887f", "#4fc3f7"),
    edgecolor="white",
    lw=0.3,
)
hx.axhline(0, color="#01579b", lw=1)
hx.set_xlabel("% of area per 500 m")
hx.set_title("bimodal distribution", fontsize=9)
fig.subplots_adjust(left=0.09, right=0.98, top=0.92, bottom=0.1)
