# Exoplanet transit photometry: detrended light curve with transits marked, phase-folded curve with binned means, model and residuals
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-deep")
rng = np.random.default_rng(1017)
P, t0, depth, dur = 3.524, 1.30, 0.0112, 0.12
t = np.sort(rng.uniform(0, 27, 5200))
t = t[~((t > 13.2) & (t < 14.4))]  # data gap at the orbit downlink


def model(tt):
    ph = ((tt - t0 + 0.5 * P) % P) - 0.5 * P
    x = np.abs(ph) / (dur / 2)
    shape = np.clip(1 - x**4, 0, 1) ** 0.5
    return 1 - depth * shape


flux = model(t) + rng.normal(0, 0.0022, t.size) + 0.0008 * np.sin(2 * np.pi * t / 11)

fig = plt.figure(figsize=(10, 7.2), layout="constrained")
gs = fig.add_gridspec(3, 1, height_ratios=[1.2, 1.6, 0.6])
ax0 = fig.add_subplot(gs[0])
ax0.plot(t, flux, ".", ms=1.5, color="0.3")
mids = t0 + P * np.arange(8)
ax0.vlines(mids[mids < 27], 0.982, 0.985, color="C3", lw=2)
ax0.text(0.99, 0.06, "data gap: downlink", transform=ax0.transAxes, ha="right", fontsize=8, color="0.4")
ax0.axvspan(13.2, 14.4, color="0.9")
ax0.set_xlim(0, 27)
ax0.set_ylim(0.980, 1.009)
ax0.set_xlabel("Time (BTJD - 2400)")
ax0.set_ylabel("Norm. flux")
ax0.set_title("TESS sector 42, 2-min cadence (transits marked in red)", loc="left", fontsize=10)

ax1 = fig.add_subplot(gs[1])
phase_h = (((t - t0 + 0.5 * P) % P) - 0.5 * P) * 24
sel = np.abs(phase_h) < 6
ax1.plot(phase_h[sel], flux[sel], ".", ms=2.5, alpha=0.35, color="C0", label="2-min data")
edges = np.linspace(-6, 6, 49)
idx = np.digitize(phase_h[sel], edges)
bc = 0.5 * (edges[1:] + edges[:-1])
bm = np.array([flux[sel][idx == i].mean() for i in range(1, len(edges))])
be = np.array([flux[sel][idx == i].std() / np.sqrt((idx == i).sum()) for i in range(1, len(edges))])
ax1.errorbar(bc, bm, yerr=be, fmt="o", color="k", ms=4, capsize=0, label="15-min bins")
ph_fine = np.linspace(-6, 6, 600)
ax1.plot(ph_fine, model(t0 + ph_fine / 24), color="C2", lw=2, label="transit model")
ax1.annotate("", xy=(0, 1 - depth), xytext=(0, 1.0), arrowprops=dict(arrowstyle="<->", color="C3"))
ax1.text(
    0.2, 1 - depth / 2, f"$\\delta$ = {depth * 1e6:.0f} ppm\n$R_p/R_*$ = {np.sqrt(depth):.3f}", fontsize=9, color="C3"
)
ax1.set_ylabel("Norm. flux")
ax1.set_xlim(-6, 6)
ax1.legend(loc="lower left", fontsize=8, markerscale=2)
ax1.set_title(f"Phase-folded on P = {P} d", loc="left", fontsize=10)
ax1.tick_params(labelbottom=False)

ax2 = fig.add_subplot(gs[2], sharex=ax1)
ax2.plot(phase_h[sel], (flux[sel] - model(t[sel])) * 1e3, ".", ms=2, alpha=0.35, color="0.4")
ax2.axhline(0, color="C2", lw=1.5)
ax2.set_ylabel("O-C (ppt)")
ax2.set_xlabel("Hours from mid-transit")
ax2.set_ylim(-9, 9)
