# Log-binned histograms of file sizes for three storage tiers, drawn as step outlines with ax.stairs on log-log axes
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("tableau-colorblind10")

rng = np.random.default_rng(11)
tiers = {
    "hot (SSD)": rng.lognormal(mean=9.5, sigma=1.6, size=40_000),
    "warm (HDD)": rng.lognormal(mean=12.0, sigma=2.0, size=25_000),
    "archive (tape)": (rng.pareto(1.2, size=8_000) + 1) * 2e5,
}
bins = np.logspace(1, 11, 51)  # 10 B .. 100 GB

fig, (ax, ax2) = plt.subplots(1, 2, figsize=(11, 4.4), gridspec_kw={"width_ratios": [2, 1]})
for name, sizes in tiers.items():
    counts, edges = np.histogram(sizes, bins=bins)
    ax.stairs(counts, edges, lw=1.8, label=f"{name}  (n={sizes.size:,})")
    ax2.stairs(np.cumsum(counts[::-1])[::-1] / sizes.size, edges, lw=1.5, baseline=None)

# the whole population as a filled background
allsizes = np.concatenate(list(tiers.values()))
counts, edges = np.histogram(allsizes, bins=bins)
ax.stairs(counts, edges, fill=True, color="0.88", zorder=0, label="all tiers")

ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("file size (bytes)")
ax.set_ylabel("files per bin")
ax.set_title("File size distribution by tier")
ax.set_ylim(0.8, None)
ax.legend(loc="upper right", fontsize=8.5)
for x, lab in [(1e3, "1 kB"), (1e6, "1 MB"), (1e9, "1 GB")]:
    ax.axvline(x, color="0.5", lw=0.7, ls=":")
    ax.text(x * 1.15, 1.2, lab, fontsize=8, color="0.35")

ax2.set_xscale("log")
ax2.set_yscale("log")
ax2.set_xlabel("file size (bytes)")
ax2.set_ylabel("fraction of files larger")
ax2.set_title("Complementary CDF")
ax2.grid(True, which="major", lw=0.5, alpha=0.5)
fig.tight_layout()
