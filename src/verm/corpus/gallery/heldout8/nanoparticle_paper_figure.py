# Three-panel paper figure on gold nanoparticles: absorbance spectra, a size histogram with a log-normal fit, and peak shift with an inset.
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "DejaVu Serif",
        "font.size": 9,
        "axes.linewidth": 0.8,
        "xtick.direction": "in",
        "ytick.direction": "in",
        "xtick.top": True,
        "ytick.right": True,
    }
)
rng = np.random.default_rng(12)
wl = np.linspace(400, 800, 300)
sizes = [10, 20, 40, 60, 80]
peak = 517 + 0.0018 * np.array(sizes) ** 2 + 0.05 * np.array(sizes)
cmap = plt.get_cmap("plasma")

fig, axes = plt.subplots(1, 3, figsize=(10, 3.3))
ax = axes[0]
for k, (d, p) in enumerate(zip(sizes, peak)):
    width = 40 + 0.5 * d
    spec = np.exp(-(((wl - p) / width) ** 2)) + 0.25 * np.exp(-(wl - 400) / 120) + 0.004 * rng.normal(size=wl.size)
    ax.plot(wl, spec / spec.max(), color=cmap(k / len(sizes)), lw=1.2, label=f"{d} nm")
ax.set_xlabel("Wavelength (nm)")
ax.set_ylabel("Norm. absorbance")
ax.legend(fontsize=7, frameon=False, title="$d$", title_fontsize=8)

ax = axes[1]
d = rng.lognormal(np.log(38), 0.18, 400)
counts, edges, _ = ax.hist(d, bins=25, color="#c9a227", edgecolor="k", lw=0.4)
xs = np.linspace(15, 75, 200)
mu, s = np.log(d).mean(), np.log(d).std()
pdf = np.exp(-((np.log(xs) - mu) ** 2) / (2 * s**2)) / (xs * s * np.sqrt(2 * np.pi))
ax.plot(xs, pdf * len(d) * (edges[1] - edges[0]), "k-", lw=1.2)
ax.text(
    0.97,
    0.95,
    f"$\\bar{{d}}$ = {d.mean():.1f} nm\n$\\sigma$ = {d.std():.1f} nm\n$n$ = {d.size}",
    transform=ax.transAxes,
    ha="right",
    va="top",
    fontsize=8,
)
ax.set_xlabel("Diameter (nm)")
ax.set_ylabel("Count")

ax = axes[2]
err = rng.uniform(0.8, 2.0, len(sizes))
ax.errorbar(sizes, peak, yerr=err, fmt="o", color="k", mfc="white", capsize=2, ms=5)
fit = np.polyfit(sizes, peak, 2)
xx = np.linspace(5, 85, 100)
ax.plot(xx, np.polyval(fit, xx), color="crimson", lw=1)
ax.set_xlabel("Diameter (nm)")
ax.set_ylabel(r"$\lambda_\mathrm{SPR}$ (nm)")
ins = ax.inset_axes([0.12, 0.55, 0.38, 0.38])
ins.plot(wl, np.exp(-(((wl - peak[-1]) / 80) ** 2)), color=cmap(0.8), lw=1)
ins.plot(wl, np.exp(-(((wl - peak[0]) / 45) ** 2)), color=cmap(0.0), lw=1)
ins.set_xlim(450, 650)
ins.set_xticks([500, 600])
ins.set_yticks([])
ins.tick_params(labelsize=6)
for letter, a in zip("abc", axes):
    a.text(-0.22, 1.02, f"({letter})", transform=a.transAxes, fontsize=11, fontweight="bold", va="bottom")
fig.tight_layout()
