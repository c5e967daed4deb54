# Arrhenius plot of rate constants for three catalysts: ln k against 1000/T with linear fits, activation energies in the legend and a secondary temperature axis in Celsius.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")
plt.rcParams["mathtext.fontset"] = "stix"
plt.rcParams["font.family"] = "STIXGeneral"

R = 8.314
rng = np.random.default_rng(6021)
T = np.array([298, 313, 328, 343, 358, 373, 393, 413], dtype=float)
cats = {"Pt/Al$_2$O$_3$": (48e3, 1.2e7, "o"), "Pd/C": (62e3, 4.0e8, "s"), "Ni-Mo sulfide": (85e3, 2.5e11, "^")}

fig, ax = plt.subplots(figsize=(7.8, 5.6))
xfine = np.linspace(1000 / 420, 1000 / 292, 50)
for name, (ea, A, m) in cats.items():
    k = A * np.exp(-ea / (R * T)) * np.exp(rng.normal(0, 0.08, T.size))
    x, y = 1000 / T, np.log(k)
    slope, icpt = np.polyfit(x, y, 1)
    ea_fit = -slope * R
    resid = y - (slope * x + icpt)
    se = np.sqrt(np.sum(resid**2) / (x.size - 2) / np.sum((x - x.mean()) ** 2)) * R
    (ln,) = ax.plot(x, y, m, ms=7, mec="white", label=rf"{name}: $E_a = {ea_fit:.1f} \pm {se:.1f}$ kJ mol$^{{-1}}$")
    ax.plot(xfine, slope * xfine + icpt, color=ln.get_color(), lw=1.3)
    ax.errorbar(x, y, yerr=0.16, fmt="none", ecolor=ln.get_color(), capsize=2, lw=0.8)

ax.annotate(
    r"slope $= -E_a / R$",
    xy=(3.0, -2.3),
    xytext=(3.1, 0.9),
    arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=-0.25"),
    fontsize=12,
)
ax.set_xlabel(r"$1000 / T$ (K$^{-1}$)")
ax.set_ylabel(r"$\ln k$  ($k$ in s$^{-1}$)")
fig.suptitle("Hydrogenation of crotonaldehyde, 5 bar H$_2$", x=0.02, ha="left", fontsize=14)
top = ax.secondary_xaxis("top", functions=(lambda x: 1000 / x - 273.15, lambda c: 1000 / (c + 273.15)))
top.set_xticks([20, 40, 60, 80, 100, 120, 140])
top.set_xlabel("Temperature (°C)")
ax.legend(loc="lower left", fontsize=10)
fig.tight_layout()
