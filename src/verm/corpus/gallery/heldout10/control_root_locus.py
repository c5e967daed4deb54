# Root locus of a unity-feedback loop with open-loop poles, zero, asymptotes, damping-ratio rays and the imaginary-axis crossing
import matplotlib.pyplot as plt
import numpy as np

# G(s) = K (s + 4) / (s (s + 1) (s + 2) (s + 6))
num = np.array([1.0, 4.0])
den = np.polymul(np.polymul([1.0, 0.0], [1.0, 1.0]), np.polymul([1.0, 2.0], [1.0, 6.0]))
gains = np.concatenate([np.linspace(0, 5, 400), np.linspace(5, 400, 1200)])
roots = np.array([np.sort_complex(np.roots(np.polyadd(den, K * np.pad(num, (len(den) - len(num), 0))))) for K in gains])
# keep branches continuous by greedy matching
for i in range(1, len(roots)):
    prev, cur = roots[i - 1], roots[i].copy()
    order = []
    for p in prev:
        j = int(np.argmin(np.abs(cur - p) + np.isin(np.arange(len(cur)), order) * 1e9))
        order.append(j)
    roots[i] = cur[order]

fig, ax = plt.subplots(figsize=(7.5, 6.5))
colors = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a"]
for b in range(roots.shape[1]):
    ax.plot(roots[:, b].real, roots[:, b].imag, color=colors[b], lw=1.8)
poles = np.roots(den)
ax.plot(poles.real, poles.imag, "x", color="k", ms=10, mew=2, label="open-loop poles")
ax.plot([-4], [0], "o", mfc="white", mec="k", ms=9, mew=2, label="open-loop zero")
centroid = (poles.sum().real - (-4)) / 3
for ang in (60, 180, 300):
    r = np.linspace(0, 12, 2)
    ax.plot(centroid + r * np.cos(np.radians(ang)), r * np.sin(np.radians(ang)), ls=":", color="0.4", lw=1)
ax.plot(centroid, 0, "+", color="0.3", ms=10)
ax.annotate(
    rf"centroid $\sigma_a={centroid:.2f}$",
    xy=(centroid, 0),
    xytext=(-6.5, -3.5),
    arrowprops=dict(arrowstyle="->", color="0.3"),
    fontsize=9,
)
for zeta in (0.3, 0.5, 0.7):
    th = np.arccos(zeta)
    r = np.linspace(0, 10, 2)
    ax.plot(-r * np.cos(th), r * np.sin(th), color="0.8", lw=0.8, zorder=0)
    ax.plot(-r * np.cos(th), -r * np.sin(th), color="0.8", lw=0.8, zorder=0)
    ax.text(-5.8 * np.cos(th), 5.8 * np.sin(th), rf"$\zeta={zeta}$", fontsize=8, color="0.45")
cross = np.argmin(np.abs(roots.real).min(axis=1) + (gains < 1) * 99)
wc = np.abs(roots[cross][np.argmin(np.abs(roots[cross].real))].imag)
ax.plot([0, 0], [wc, -wc], "D", color="firebrick", ms=6)
ax.annotate(
    f"K = {gains[cross]:.0f}\n$\\omega$ = {wc:.2f} rad/s",
    xy=(0, wc),
    xytext=(1.0, wc + 1.2),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
ax.axhline(0, color="k", lw=0.7)
ax.axvline(0, color="k", lw=0.7)
ax.set_xlim(-8, 3)
ax.set_ylim(-6, 6)
ax.set_aspect("equal")
ax.grid(True, ls="--", alpha=0.4)
ax.set_xlabel(r"Real axis $\sigma$ (s$^{-1}$)")
ax.set_ylabel(r"Imaginary axis $j\omega$ (s$^{-1}$)")
ax.set_title(r"Root locus of $G(s)=\dfrac{K(s+4)}{s(s+1)(s+2)(s+6)}$")
ax.legend(loc="lower left", fontsize=9)
fig.tight_layout()
