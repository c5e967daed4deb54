# FTIR transmittance spectrum of ethyl acetate on a reversed wavenumber axis, with functional-group bands labelled and the fingerprint region shaded
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-paper")
plt.rcParams.update({"font.size": 10})
rng = np.random.default_rng(1415)

wn = np.linspace(400, 4000, 3600)
bands = [
    (2983, 18, 0.45, ("C-H stretch\n(sp$^3$)", 2983, 24)),
    (2940, 14, 0.25, None),
    (1742, 14, 0.92, ("C=O stretch\n(ester)", 1742, 6)),
    (1447, 10, 0.35, ("CH$_2$ bend", 1600, 60)),
    (1373, 9, 0.5, ("CH$_3$ umbrella", 1430, 14)),
    (1240, 18, 0.88, ("C-O-C asym.\nstretch", 1195, 4)),
    (1047, 12, 0.65, ("C-O stretch", 1000, 14)),
    (938, 8, 0.25, None),
    (848, 9, 0.3, None),
    (634, 10, 0.32, None),
]
absorb = np.zeros_like(wn)
for c, w, a, _ in bands:
    absorb += a * w**2 / ((wn - c) ** 2 + w**2)
absorb += 0.03 * np.exp(-(((wn - 3450) / 120) ** 2))  # trace water
T = 100 * 10 ** (-absorb * 1.1)
T += rng.normal(0, 0.25, wn.size)
T = np.convolve(T, np.ones(5) / 5, mode="same")
T[:3] = T[3]
T[-3:] = T[-4]

fig, ax = plt.subplots(figsize=(11, 5))
ax.plot(wn, T, color="#08306b", lw=1)
ax.axvspan(400, 1500, color="#fdd49e", alpha=0.4, lw=0)
ax.text(950, 103, "fingerprint region", ha="center", fontsize=10, style="italic", color="#b35806")
ax.axvspan(2500, 2000, color="0.9", alpha=0.6, lw=0)
ax.text(2250, 103, "triple-bond region (empty)", ha="center", fontsize=9, color="0.4")
for c, _w, _a, spec in bands:
    if spec is None:
        continue
    label, tx, ty = spec
    i = np.argmin(np.abs(wn - c))
    ymin = T[max(i - 20, 0) : i + 20].min()
    ax.annotate(
        f"{label}\n{c} cm$^{{-1}}$",
        xy=(c, ymin),
        xytext=(tx, ty),
        textcoords="data",
        ha="center",
        va="top",
        fontsize=8,
        arrowprops=dict(arrowstyle="-", color="0.5", lw=0.6, shrinkA=1, shrinkB=2),
    )
ax.annotate(
    "broad O-H (trace water)",
    xy=(3450, 92),
    xytext=(3600, 70),
    fontsize=8,
    ha="center",
    arrowprops=dict(arrowstyle="->", color="0.4"),
)
ax.set_xlim(4000, 400)
ax.set_ylim(-20, 108)
ax.set_yticks(range(0, 101, 20))
ax.set_xlabel("Wavenumber (cm$^{-1}$)")
ax.set_ylabel("Transmittance (%)")
ax.set_title("Ethyl acetate, neat film, ATR-FTIR, 4 cm$^{-1}$ resolution, 32 scans", loc="left")
secax = ax.secondary_xaxis("top", functions=(lambda k: 1e4 / np.maximum(k, 1), lambda um: 1e4 / np.maximum(um, 1e-3)))
secax.set_xticks([2.5, 3, 4, 5, 6, 8, 10, 15, 25])
secax.set_xlabel("Wavelength (µm)")
fig.tight_layout()
