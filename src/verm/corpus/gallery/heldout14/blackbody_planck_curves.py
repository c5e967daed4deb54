# Planck black-body spectra for five stellar temperatures with Wien's displacement locus and the visible band drawn as a colour strip
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import LogLocator, NullFormatter

plt.style.use("dark_background")
rng = np.random.default_rng(1407)

h, c, kB = 6.626e-34, 2.998e8, 1.381e-23
lam_nm = np.logspace(np.log10(80), np.log10(5000), 600)
lam = lam_nm * 1e-9


def planck(lam, T):
    return 2 * h * c**2 / lam**5 / np.expm1(h * c / (lam * kB * T)) * 1e-9 * 1e-3  # kW m^-2 sr^-1 nm^-1


stars = [
    (3000, "M dwarf", "#ff6b3d"),
    (4500, "K star", "#ffa95c"),
    (5800, "Sun", "#fff1c1"),
    (9500, "A star", "#cfe0ff"),
    (20000, "B star", "#9bb8ff"),
]

fig, ax = plt.subplots(figsize=(9, 6))
for T, name, col in stars:
    B = planck(lam, T)
    ax.plot(lam_nm, B, color=col, lw=2, label=f"{name}, {T:,} K")
    peak = 2.898e6 / T
    ax.plot(peak, planck(peak * 1e-9, T), "o", color=col, mec="w", ms=6)

Ts = np.linspace(2500, 25000, 200)
peaks = 2.898e6 / Ts
ax.plot(
    peaks,
    planck(peaks * 1e-9, Ts),
    ls=":",
    color="0.75",
    lw=1.2,
    label=r"Wien: $\lambda_{max}T = 2.898\times10^{6}$ nm K",
)

# solar spectrum "measurement" with absorption dips
sun_lam = np.linspace(300, 2400, 140)
sun = planck(sun_lam * 1e-9, 5800) * (
    1 - 0.25 * np.exp(-(((sun_lam - 1400) / 60) ** 2)) - 0.3 * np.exp(-(((sun_lam - 1900) / 70) ** 2))
)
sun *= 1 + rng.normal(0, 0.04, sun.size)
ax.plot(sun_lam, sun, ".", color="gold", ms=3, alpha=0.7, label="solar spectrum (scaled)")

ax.set_xscale("log")
ax.set_yscale("log")
ax.set_ylim(1e-2, 2e5)
ax.set_xlim(80, 5000)
vis = np.linspace(380, 750, 256)[None, :]
ax.imshow(vis, extent=(380, 750, 1e-2, 3e-2), aspect="auto", cmap="nipy_spectral", alpha=0.9, zorder=3)
ax.text(530, 3.6e-2, "visible", ha="center", fontsize=9, color="w")
ax.axvspan(80, 380, color="violet", alpha=0.08)
ax.axvspan(750, 5000, color="red", alpha=0.06)
ax.text(110, 2e-2, "UV", fontsize=11, color="violet")
ax.text(1900, 2e-2, "infrared", fontsize=11, color="salmon")
ax.xaxis.set_minor_locator(LogLocator(subs=np.arange(2, 10)))
ax.xaxis.set_minor_formatter(NullFormatter())
ax.set_xticks([100, 200, 500, 1000, 2000, 5000], labels=["100", "200", "500", "1000", "2000", "5000"])
ax.set_xlabel("Wavelength (nm)")
ax.set_ylabel(r"Spectral radiance $B_\lambda$ (kW m$^{-2}$ sr$^{-1}$ nm$^{-1}$)")
ax.set_title("Black-body spectra of stars", fontsize=14, loc="left")
ax.legend(loc="upper right", fontsize=9, frameon=False)
ax.grid(which="major", alpha=0.2)
fig.tight_layout()
