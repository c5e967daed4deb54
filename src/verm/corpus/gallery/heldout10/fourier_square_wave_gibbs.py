# Fourier partial sums of a square wave showing the Gibbs overshoot, beside the odd-harmonic amplitude spectrum
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {"font.family": "DejaVu Serif", "mathtext.fontset": "dejavuserif", "xtick.direction": "in", "ytick.direction": "in"}
)
t = np.linspace(-np.pi, np.pi, 2000)
square = np.sign(np.sin(t))


def partial(n_terms):
    k = np.arange(1, 2 * n_terms, 2)[:, None]
    return (4 / np.pi) * np.sum(np.sin(k * t) / k, axis=0)


fig, (ax, axs) = plt.subplots(1, 2, figsize=(11, 4.4), gridspec_kw={"width_ratios": [2.2, 1]})
ax.plot(t, square, color="k", lw=1.2, label="$f(t)=\\mathrm{sgn}(\\sin t)$")
for n, c in zip([1, 3, 9, 40], ["#4575b4", "#91bfdb", "#fc8d59", "#d73027"]):
    ax.plot(t, partial(n), color=c, lw=1.3, label=f"$S_{{{2 * n - 1}}}(t)$")
ax.axhline(1.0 + 0.0895 * 2, color="0.5", ls=":", lw=0.9)
ax.annotate(
    r"overshoot $\approx 9\%$ of the jump",
    xy=(0.06, 1.18),
    xytext=(0.6, 1.42),
    arrowprops=dict(arrowstyle="->"),
    fontsize=10,
)
ax.set_xticks(np.arange(-np.pi, np.pi + 0.01, np.pi / 2), [r"$-\pi$", r"$-\pi/2$", r"$0$", r"$\pi/2$", r"$\pi$"])
ax.set_xlim(-np.pi, np.pi)
ax.set_ylim(-1.55, 1.6)
ax.set_xlabel("$t$")
ax.legend(loc="lower right", fontsize=9, ncols=2)
ax.set_title(r"$S_N(t)=\frac{4}{\pi}\sum_{k\ \mathrm{odd}}^{N}\frac{\sin kt}{k}$")

k = np.arange(1, 20)
b = np.where(k % 2 == 1, 4 / (np.pi * k), 0.0)
ml, sl, bl = axs.stem(k, b)
ml.set_color("#d73027")
sl.set_color("#d73027")
bl.set_color("k")
kk = np.linspace(1, 19, 100)
axs.plot(kk, 4 / (np.pi * kk), "--", color="0.5", lw=1, label=r"$4/(\pi k)$")
axs.set_xlabel("harmonic $k$")
axs.set_ylabel("$|b_k|$")
axs.set_xticks(range(1, 20, 2))
axs.legend()
axs.set_title("Amplitude spectrum")
fig.tight_layout()
