# Overlapping Allan deviation of three frequency references on log-log axes, computed from simulated phase noise, with slope guides for each noise type.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("tableau-colorblind10")
plt.rcParams.update({"font.family": "DejaVu Sans", "mathtext.fontset": "dejavusans", "font.size": 10})

rng = np.random.default_rng(9192)
n, tau0 = 2**15, 1.0


def adev(y, taus):
    x = np.cumsum(y) * tau0
    out, err = [], []
    for m in taus:
        d = x[2 * m :] - 2 * x[m:-m] + x[: -2 * m]
        a = np.sqrt(np.mean(d**2) / (2 * (m * tau0) ** 2))
        out.append(a)
        err.append(a / np.sqrt(d.size / m))
    return np.array(out), np.array(err)


clocks = {
    "OCXO": 3e-12 * rng.normal(size=n) + 2e-14 * np.cumsum(rng.normal(size=n)) + 8e-13 * np.sin(np.arange(n) / 900),
    "Rb standard": 1.5e-11 * rng.normal(size=n) + 4e-16 * np.cumsum(rng.normal(size=n)),
    "GPS-disciplined": 8e-11 * rng.normal(size=n) + 2e-17 * np.cumsum(rng.normal(size=n)),
}
taus = np.unique(np.logspace(0, np.log10(n // 4), 28).astype(int))

fig, ax = plt.subplots(figsize=(8.5, 6))
for (name, y), m in zip(clocks.items(), "osD", strict=True):
    a, e = adev(y, taus)
    ax.errorbar(taus * tau0, a, yerr=e, fmt=m + "-", ms=5, capsize=2, lw=1.3, label=name)
for slope, x0, y0, lab in [
    (-0.5, 3, 3e-12, r"white FM $\tau^{-1/2}$"),
    (0.5, 800, 1.2e-12, r"random walk FM $\tau^{+1/2}$"),
    (0, 20, 1.4e-10, r"flicker FM $\tau^{0}$"),
]:
    xs = np.array([x0, x0 * 10])
    ax.plot(xs, y0 * (xs / x0) ** slope, color="0.3", lw=1.2, ls="--")
    ax.text(xs[1] * 1.15, y0 * 10**slope, lab, fontsize=9, color="0.25", va="center")
ax.set_xscale("log")
ax.set_xlim(0.7, 1.5e5)
ax.set_yscale("log")
ax.set_xlabel(r"averaging time $\tau$ (s)")
ax.set_ylabel(r"Allan deviation $\sigma_y(\tau)$")
ax.set_title("Frequency stability, 9.1 h record at 1 s gate", loc="left")
ax.grid(True, which="major", color="0.8")
ax.grid(True, which="minor", color="0.93", lw=0.5)
ax.axhline(1e-11, color="#c85200", lw=0.8, ls=":")
ax.text(1.2, 1.1e-11, "spec limit at 1 s: 1e-11", fontsize=8, color="#c85200")
ax.legend(loc="lower left", title="reference")
fig.tight_layout()
