# Engineering stress-strain curve of mild steel and an aluminium alloy with the 0.2% offset yield, UTS and fracture marked
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "DejaVu Serif",
        "xtick.direction": "in",
        "ytick.direction": "in",
        "xtick.top": True,
        "ytick.right": True,
        "axes.linewidth": 1.0,
    }
)
E_st, E_al = 200e3, 70e3  # MPa
eps = np.linspace(0, 0.30, 3000)
# steel: linear, upper/lower yield, plateau, hardening, necking
st = np.minimum(E_st * eps, 275.0)
plateau = (eps > 275 / E_st) & (eps < 0.02)
st[plateau] = 262 + 4 * np.sin(eps[plateau] * 900)
hard = eps >= 0.02
e = eps[hard] - 0.02
st[hard] = 262 + 178 * (1 - np.exp(-e / 0.06)) - 900 * np.clip(e - 0.16, 0, None) ** 2
st[(eps > 0.2762)] = np.nan
# aluminium: Ramberg-Osgood-like, no yield point
sig = np.linspace(0, 310, 600)
al_eps = sig / E_al + 0.002 * (sig / 255) ** 14
al_eps_drop = np.linspace(al_eps[-1], 0.17, 60)
al_sig_drop = 310 - 400 * (al_eps_drop - al_eps[-1]) ** 2

fig, ax = plt.subplots(figsize=(8.5, 5.4))
ax.plot(eps * 100, st, color="#2b2b2b", lw=2, label="S275 structural steel")
ax.plot(np.r_[al_eps, al_eps_drop] * 100, np.r_[sig, al_sig_drop], color="#b03a2e", lw=2, label="6061-T6 aluminium")
off = np.linspace(0.002, 0.0062, 20)
ax.plot(off * 100, E_al * (off - 0.002), "--", color="#b03a2e", lw=1)
ys = 255 * (0.002 * 0 + 1) ** (1 / 14)
ax.plot(0.2 + ys / E_al * 100, ys, "o", mfc="white", mec="#b03a2e", ms=7)
ax.annotate(
    "0.2% offset yield\n$R_{p0.2}$ = 255 MPa",
    xy=(0.2 + ys / E_al * 100, ys),
    xytext=(3, 150),
    arrowprops=dict(arrowstyle="->", color="#b03a2e"),
    color="#b03a2e",
    fontsize=9,
)
ax.annotate(
    "upper yield point", xy=(275 / E_st * 100, 275), xytext=(2.5, 330), arrowprops=dict(arrowstyle="->"), fontsize=9
)
i_uts = np.nanargmax(st)
ax.plot(eps[i_uts] * 100, st[i_uts], "s", color="k", ms=6)
ax.annotate(
    f"UTS {st[i_uts]:.0f} MPa",
    xy=(eps[i_uts] * 100, st[i_uts]),
    xytext=(eps[i_uts] * 100 - 6, 470),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
last = np.where(~np.isnan(st))[0][-1]
ax.plot(eps[last] * 100, st[last], "x", color="k", ms=10, mew=2)
ax.text(eps[last] * 100 + 0.4, st[last] - 12, "fracture", fontsize=9)
ax.plot(17, al_sig_drop[-1], "x", color="#b03a2e", ms=10, mew=2)
ax.axvspan(0, 2.0, color="#d6eaf8", alpha=0.6, lw=0)
ax.text(1.0, 20, "Lüders\nplateau", ha="center", fontsize=8, color="#1f618d")
ax.text(10, 20, "strain hardening", ha="center", fontsize=8, color="0.3")
ax.text(24, 20, "necking", ha="center", fontsize=8, color="0.3")
ax.set_xlim(0, 30)
ax.set_ylim(0, 520)
ax.set_xlabel(r"Engineering strain $\varepsilon$ (%)")
ax.set_ylabel(r"Engineering stress $\sigma$ (MPa)")
ax.set_title("Tensile tests, ISO 6892-1, room temperature")
ax.legend(loc="upper right", frameon=False)
fig.tight_layout()
