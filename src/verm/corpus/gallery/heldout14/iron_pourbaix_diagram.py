# Simplified Pourbaix (E-pH) diagram of iron in water at 25 °C: stability fields of Fe, Fe2+, Fe3+, Fe2O3 and Fe(OH)2 with the water stability lines
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "STIXGeneral",
        "mathtext.fontset": "stix",
        "font.size": 12,
        "xtick.direction": "in",
        "ytick.direction": "in",
        "xtick.top": True,
        "ytick.right": True,
    }
)
rng = np.random.default_rng(1404)

pH = np.linspace(0, 14, 200)
pHmax = 14
# boundary lines (activity 1e-6)
E_fe2_fe = -0.62
E_fe3_fe2 = 0.77
pH_fe3_hem = 1.6
pH_fe2_hyd = 8.5


def E_hem_fe2(p):
    return 1.06 - 0.177 * p


def E_hyd_fe(p):
    return E_fe2_fe - 0.059 * (p - pH_fe2_hyd)


def E_hem_hyd(p):
    return E_hem_fe2(pH_fe2_hyd) - 0.059 * (p - pH_fe2_hyd)


p_a = (1.06 - E_fe3_fe2) / 0.177  # hem / fe2 / fe3 meet
p_b = pH_fe2_hyd

fig, ax = plt.subplots(figsize=(8, 6.5))
fe3 = [[0, 1.6], [0, E_fe3_fe2], [p_a, E_fe3_fe2], [pH_fe3_hem, 1.6]]
fe2 = [[0, E_fe3_fe2], [0, E_fe2_fe], [p_b, E_fe2_fe], [p_b, E_hem_fe2(p_b)], [p_a, E_fe3_fe2]]
hem = [[pH_fe3_hem, 1.6], [p_a, E_fe3_fe2], [p_b, E_hem_fe2(p_b)], [pHmax, E_hem_hyd(pHmax)], [pHmax, 1.6]]
hyd = [[p_b, E_fe2_fe], [pHmax, E_hyd_fe(pHmax)], [pHmax, E_hem_hyd(pHmax)], [p_b, E_hem_fe2(p_b)]]
fe = [[0, E_fe2_fe], [0, -1.2], [pHmax, -1.2], [pHmax, E_hyd_fe(pHmax)], [p_b, E_fe2_fe]]
fields = [
    (fe3, "#f4c29b", r"Fe$^{3+}$", (0.8, 0.95)),
    (fe2, "#bfe3c0", r"Fe$^{2+}$ (aq)", (3.8, 0.1)),
    (hem, "#e8a3a3", r"Fe$_2$O$_3$ (haematite)", (8.5, 0.75)),
    (hyd, "#c7c3e6", r"Fe(OH)$_2$", (12.0, -0.74)),
    (fe, "#d0d0d0", r"Fe (metal, immune)", (6.5, -0.95)),
]
for poly, col, label, (tx, ty) in fields:
    ax.fill(*zip(*poly), fc=col, ec="k", lw=1.3)
    ax.text(tx, ty, label, ha="center", va="center", fontsize=13, bbox=dict(fc=col, ec="none", pad=1))

ax.plot(pH, 1.23 - 0.059 * pH, "b--", lw=1.3)
ax.plot(pH, -0.059 * pH, "b--", lw=1.3)
ax.text(11.5, 1.23 - 0.059 * 11.5 + 0.05, r"O$_2$/H$_2$O", color="b", rotation=-12, fontsize=10)
ax.text(1.0, -0.059 * 1.0 - 0.1, r"H$^+$/H$_2$", color="b", rotation=-12, fontsize=10)
ax.annotate(
    "corrosion", xy=(3.8, -0.3), xytext=(2.0, -0.55), fontsize=10, style="italic", arrowprops=dict(arrowstyle="->")
)
ax.annotate(
    "passivation", xy=(10.5, -0.1), xytext=(11.2, 1.1), fontsize=10, style="italic", arrowprops=dict(arrowstyle="->")
)

samples_pH = rng.uniform(5.5, 8.5, 8)
samples_E = rng.uniform(-0.2, 0.45, 8)
ax.scatter(samples_pH, samples_E, marker="D", s=30, c="k", zorder=5, label="groundwater samples")
ax.legend(loc="lower left", fontsize=10)
ax.set_xlim(0, 14)
ax.set_ylim(-1.2, 1.6)
ax.set_xlabel("pH")
ax.set_ylabel(r"$E_h$ (V vs SHE)")
ax.set_title(r"Fe-H$_2$O system, 25 °C, $a_{\mathrm{Fe}} = 10^{-6}$")
fig.tight_layout()
