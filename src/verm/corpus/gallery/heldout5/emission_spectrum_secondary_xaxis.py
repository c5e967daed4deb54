# Hydrogen-lamp emission spectrum against wavelength with a secondary top axis in photon energy (eV)
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "serif",
        "font.size": 10,
        "axes.spines.top": False,
        "xtick.direction": "in",
        "ytick.direction": "in",
        "xtick.minor.visible": True,
        "ytick.right": True,
    }
)

HC = 1239.84  # eV nm


def nm_to_ev(x):
    x = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore"):
        return np.where(x != 0, HC / x, np.inf)


def ev_to_nm(e):
    return nm_to_ev(e)


wl = np.linspace(380, 700, 1601)
lines = {"H-delta": (410.2, 0.18), "H-gamma": (434.0, 0.32), "H-beta": (486.1, 0.55), "H-alpha": (656.3, 1.0)}
rng = np.random.default_rng(656)
spectrum = 0.015 + 0.01 * rng.standard_normal(wl.size)
for center, height in lines.values():
    spectrum += height * np.exp(-0.5 * ((wl - center) / 0.9) ** 2)

fig, ax = plt.subplots(figsize=(8, 4.2))
ax.plot(wl, spectrum, color="k", lw=0.9)
for name, (center, height) in lines.items():
    ax.annotate(
        name,
        xy=(center, height),
        xytext=(center, height + 0.12),
        ha="center",
        fontsize=9,
        arrowprops=dict(arrowstyle="-", color="0.5", lw=0.6),
    )
ax.set_xlim(380, 700)
ax.set_ylim(-0.03, 1.25)
ax.set_xlabel("Wavelength (nm)")
ax.set_ylabel("Normalised intensity")
top = ax.secondary_xaxis("top", functions=(nm_to_ev, ev_to_nm))
top.set_xlabel("Photon energy (eV)")
top.set_xticks([1.8, 2.0, 2.2, 2.4, 2.6, 2.8, 3.0, 3.2])
ax.text(0.02, 0.95, "Balmer series\nslit 20 µm, 0.2 s", transform=ax.transAxes, va="top", fontsize=9)
fig.tight_layout()
plt.show()
