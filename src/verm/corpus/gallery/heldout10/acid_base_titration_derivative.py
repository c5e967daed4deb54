# Titration of phosphoric acid with NaOH: pH curve, its first derivative on a twin axis, equivalence points and indicator ranges
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("Solarize_Light2")
Ka = 10.0 ** -np.array([2.15, 7.20, 12.35])
Ca, Va, Cb = 0.10, 25.0, 0.10
pH = np.linspace(0.5, 13.5, 4000)
h = 10.0**-pH
oh = 1e-14 / h
d = h**3 + Ka[0] * h**2 + Ka[0] * Ka[1] * h + Ka[0] * Ka[1] * Ka[2]
nbar = (Ka[0] * h**2 + 2 * Ka[0] * Ka[1] * h + 3 * Ka[0] * Ka[1] * Ka[2]) / d
# charge balance solved for base volume
Vb = Va * (Ca * nbar - h + oh) / (Cb + h - oh)
ok = (Vb > 0) & (Vb < 70)
Vb, pH = Vb[ok], pH[ok]
order = np.argsort(Vb)
Vb, pH = Vb[order], pH[order]
grid = np.linspace(0.2, 65, 700)
pHg = np.interp(grid, Vb, pH)
deriv = np.gradient(pHg, grid)

rng = np.random.default_rng(3)
v_meas = np.arange(1, 65, 2.0)
p_meas = np.interp(v_meas, grid, pHg) + rng.normal(0, 0.05, v_meas.size)

fig, ax = plt.subplots(figsize=(9, 5.4))
ax.plot(grid, pHg, color="#268bd2", lw=2, label="model")
ax.plot(v_meas, p_meas, "o", color="#073642", ms=4, label="measured")
ax2 = ax.twinx()
ax2.plot(grid, deriv, color="#d33682", lw=1.2, alpha=0.8, label="dpH/dV")
ax2.set_ylabel("dpH/dV (mL$^{-1}$)", color="#d33682")
ax2.tick_params(axis="y", colors="#d33682")
ax2.grid(False)
ax2.set_ylim(0, deriv.max() * 1.6)
for v_eq in (25.0, 50.0):
    ax.axvline(v_eq, color="#859900", ls="--", lw=1)
    ax.annotate(
        f"equivalence\n{v_eq:.1f} mL, pH {np.interp(v_eq, grid, pHg):.1f}",
        xy=(v_eq, np.interp(v_eq, grid, pHg)),
        xytext=(v_eq + 2.5, np.interp(v_eq, grid, pHg) - 2.6),
        fontsize=8,
        arrowprops=dict(arrowstyle="->", color="#586e75"),
    )
ax.axhspan(8.2, 10.0, color="#d33682", alpha=0.12)
ax.text(63.5, 9.1, "phenolphthalein", ha="right", va="center", fontsize=8)
ax.axhspan(3.1, 4.4, color="#cb4b16", alpha=0.12)
ax.text(63.5, 3.75, "methyl orange", ha="right", va="center", fontsize=8)
for i, pk in enumerate([2.15, 7.20]):
    v_half = 12.5 + 25 * i
    ax.plot(v_half, pk, "D", color="#b58900", ms=6)
    ax.text(v_half, pk + 0.5, f"p$K_{{a{i + 1}}}$ = {pk}", ha="center", fontsize=8)
ax.set_xlim(0, 65)
ax.set_ylim(0, 14)
ax.set_xlabel("Volume of 0.100 M NaOH added (mL)")
ax.set_ylabel("pH")
ax.set_title("25.0 mL of 0.100 M H$_3$PO$_4$")
h1, l1 = ax.get_legend_handles_labels()
h2, l2 = ax2.get_legend_handles_labels()
ax.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=9)
fig.tight_layout()
