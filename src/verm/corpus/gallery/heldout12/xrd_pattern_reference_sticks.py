# X-ray powder diffraction pattern of a synthesised sample over reference stick patterns of rutile and anatase, with Miller indices.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(77)
two_theta = np.linspace(20, 80, 3000)
anatase = [
    (25.28, 100, "101"),
    (37.80, 20, "004"),
    (48.05, 35, "200"),
    (53.89, 20, "105"),
    (55.06, 20, "211"),
    (62.69, 14, "204"),
    (68.76, 6, "116"),
    (70.31, 7, "220"),
    (75.03, 10, "215"),
]
rutile = [
    (27.45, 100, "110"),
    (36.09, 50, "101"),
    (41.23, 25, "111"),
    (54.32, 60, "211"),
    (56.64, 20, "220"),
    (62.74, 10, "002"),
    (64.04, 10, "310"),
    (69.01, 20, "301"),
]


def pseudo_voigt(x, x0, fwhm, eta=0.4):
    g = np.exp(-4 * np.log(2) * ((x - x0) / fwhm) ** 2)
    lor = 1 / (1 + 4 * ((x - x0) / fwhm) ** 2)
    return eta * lor + (1 - eta) * g


counts = 180 + 60 * np.exp(-(two_theta - 20) / 15)
for pos, rel, _ in anatase:
    counts += 0.78 * 3200 * rel / 100 * pseudo_voigt(two_theta, pos, 0.35)
for pos, rel, _ in rutile:
    counts += 0.22 * 3200 * rel / 100 * pseudo_voigt(two_theta, pos, 0.25)
counts = rng.poisson(counts).astype(float)

with plt.style.context("bmh"):
    fig, (ax, ax_a, ax_r) = plt.subplots(
        3, 1, figsize=(9, 7), sharex=True, gridspec_kw={"height_ratios": [3.2, 1, 1], "hspace": 0.05}
    )
    ax.plot(two_theta, counts, color="#222222", lw=0.8, label="TiO$_2$ sample (calcined 550 °C)")
    for pos, rel, hkl in anatase:
        if rel >= 30 or hkl == "004":
            y = counts[np.abs(two_theta - pos).argmin()]
            ax.annotate(
                f"A({hkl})",
                (pos, y),
                xytext=(0, 6),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                color="#1565c0",
            )
    for pos, _rel, hkl in rutile[:2]:
        y = counts[np.abs(two_theta - pos).argmin()]
        ax.annotate(
            f"R({hkl})", (pos, y), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=8, color="#c62828"
        )
    ax.set_ylabel("Intensity (counts)")
    ax.set_ylim(0, counts.max() * 1.15)
    ax.legend(loc="upper right", fontsize=9)
    ax.text(0.3, 0.9, "Rietveld: 78 % anatase / 22 % rutile", transform=ax.transAxes, fontsize=9)

    for axis, ref, colour, name in [
        (ax_a, anatase, "#1565c0", "anatase\nICDD 21-1272"),
        (ax_r, rutile, "#c62828", "rutile\nICDD 21-1276"),
    ]:
        pos = [p for p, _, _ in ref]
        axis.vlines(pos, 0, [r for _, r, _ in ref], color=colour, lw=2)
        axis.set_ylim(0, 115)
        axis.set_yticks([0, 50, 100])
        axis.text(0.995, 0.85, name, transform=axis.transAxes, ha="right", va="top", fontsize=8, color=colour)
        axis.set_ylabel("I/I$_0$", fontsize=9)
    ax_r.set_xlabel(r"2$\theta$ (degrees, Cu K$\alpha$)")
    ax_r.set_xlim(20, 80)
