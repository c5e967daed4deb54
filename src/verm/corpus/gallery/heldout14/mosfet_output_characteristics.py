# MOSFET output characteristics: drain current against drain-source voltage for six gate voltages, the saturation boundary, a load line and the Q point, with a transfer-curve inset
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")
rng = np.random.default_rng(1403)

Vt, k, lam = 1.2, 1.6e-3, 0.03
vds = np.linspace(0, 12, 400)
vgs_list = [2.0, 2.5, 3.0, 3.5, 4.0, 4.5]


def drain_current(vgs, vds):
    vov = max(vgs - Vt, 0)
    tri = k * (vov * vds - vds**2 / 2)
    sat = 0.5 * k * vov**2
    return np.where(vds < vov, tri, sat) * (1 + lam * vds)


fig, ax = plt.subplots(figsize=(8, 6))
cmap = plt.get_cmap("plasma")
for i, vgs in enumerate(vgs_list):
    idr = drain_current(vgs, vds) * 1e3
    ax.plot(vds, idr, color=cmap(i / len(vgs_list)), lw=2)
    ax.text(12.15, idr[-1], f"$V_{{GS}}$ = {vgs:.1f} V", va="center", fontsize=9, color=cmap(i / len(vgs_list)))

vov = np.linspace(0, 4.6, 100)
ax.plot(
    vov, 0.5 * k * vov**2 * 1e3 * (1 + lam * vov), "k--", lw=1.2, label="$V_{DS} = V_{GS} - V_t$ (edge of saturation)"
)
ax.fill_between(vov, 0.5 * k * vov**2 * 1e3 * (1 + lam * vov), 18, color="0.5", alpha=0.12, label="triode region")

VDD, RD = 12.0, 1.0e3
ax.plot([0, VDD], [VDD / RD * 1e3, 0], color="tab:green", lw=1.8, label="load line, $V_{DD}$ = 12 V, $R_D$ = 1 kΩ")
idq = drain_current(3.5, vds) * 1e3
line = (VDD - vds) / RD * 1e3
iq = np.argmin(np.abs(idq - line))
ax.plot(vds[iq], idq[iq], "o", ms=10, mfc="gold", mec="k", zorder=5)
ax.annotate(
    f"Q point\n({vds[iq]:.1f} V, {idq[iq]:.2f} mA)",
    xy=(vds[iq], idq[iq]),
    xytext=(vds[iq] + 1.0, idq[iq] + 1.2),
    arrowprops=dict(arrowstyle="->", color="k"),
    fontsize=9,
    bbox=dict(boxstyle="round4", fc="lightyellow", ec="0.5"),
)
meas = drain_current(4.0, np.linspace(0.5, 11.5, 12)) * 1e3 * (1 + rng.normal(0, 0.015, 12))
ax.plot(np.linspace(0.5, 11.5, 12), meas, "s", ms=5, mfc="none", mec="k", label="measured, $V_{GS}$ = 4.0 V")

ax.set_xlim(0, 12)
ax.set_ylim(0, 18)
ax.set_xlabel("Drain-source voltage $V_{DS}$ (V)")
ax.set_ylabel("Drain current $I_D$ (mA)")
ax.set_title("n-channel enhancement MOSFET, $V_t$ = 1.2 V", loc="left")
ax.legend(loc="upper left", fontsize=8.5, framealpha=0.9)

ins = ax.inset_axes([0.47, 0.72, 0.22, 0.21])
vg = np.linspace(0, 5, 200)
ins.plot(vg, 0.5 * k * np.clip(vg - Vt, 0, None) ** 2 * 1e3, color="tab:red")
ins.axvline(Vt, color="0.4", ls=":", lw=1)
ins.set_title("transfer, saturation", fontsize=8)
ins.set_xlabel("$V_{GS}$ (V)", fontsize=8)
ins.set_ylabel("$I_D$ (mA)", fontsize=8)
ins.tick_params(labelsize=7)
fig.subplots_adjust(left=0.09, right=0.84, top=0.93, bottom=0.09)
