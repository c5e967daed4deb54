# Lead-tin binary eutectic phase diagram with liquidus, solidus and solvus curves, labelled phase fields, a lever-rule tie line and a cooling-curve inset.
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "DejaVu Serif",
        "mathtext.fontset": "cm",
        "font.size": 10,
        "xtick.direction": "in",
        "ytick.direction": "in",
    }
)

TE, XE = 183.0, 61.9
xa, xb = 18.3, 97.8
liq_l = np.linspace(0, XE, 60)
liq_l_t = 327.5 - (327.5 - TE) * (liq_l / XE) ** 1.15
liq_r = np.linspace(XE, 100, 40)
liq_r_t = TE + (232.0 - TE) * ((liq_r - XE) / (100 - XE)) ** 0.9
sol_l_x = np.linspace(0, xa, 30)
sol_l_t = 327.5 - (327.5 - TE) * (sol_l_x / xa) ** 1.05
sol_r_x = np.linspace(xb, 100, 10)
sol_r_t = TE + (232.0 - TE) * (sol_r_x - xb) / (100 - xb)
tv = np.linspace(0, TE, 50)
solv_l = xa * (tv / TE) ** 2.2 + 1.5 * (1 - tv / TE)
solv_r = xb + (100 - xb) * (1 - tv / TE) ** 1.6 * 0.8

fig, ax = plt.subplots(figsize=(8.5, 6.2))
ax.fill(np.r_[0, sol_l_x, solv_l[::-1]], np.r_[0, sol_l_t, tv[::-1]], color="#bbdefb")
ax.fill_betweenx(tv, solv_r, 100, color="#c8e6c9")
ax.fill_between(np.r_[liq_l, liq_r], np.r_[liq_l_t, liq_r_t], 360, color="#ffe0b2")
for x, t in [(liq_l, liq_l_t), (liq_r, liq_r_t)]:
    ax.plot(x, t, color="#bf360c", lw=2)
for x, t in [(sol_l_x, sol_l_t), (sol_r_x, sol_r_t), (solv_l, tv), (solv_r, tv)]:
    ax.plot(x, t, color="#0d47a1", lw=1.6)
ax.hlines(TE, xa, xb, color="#0d47a1", lw=1.6)
ax.plot(XE, TE, "o", color="black", ms=6)
ax.annotate(
    f"eutectic  {XE} wt% Sn, {TE:.0f} °C", (XE, TE), xytext=(24, 135), arrowprops=dict(arrowstyle="->"), fontsize=9
)

labels = {
    (30, 300): "L",
    (4, 120): r"$\alpha$",
    (98.3, 120): r"$\beta$",
    (14, 255): r"$\alpha + L$",
    (80, 200): r"$\beta + L$",
    (38, 70): r"$\alpha + \beta$",
}
for (x, t), s in labels.items():
    ax.text(x, t, s, ha="center", va="center", fontsize=15)

x0, t0 = 40.0, 230.0
xl = np.interp(t0, liq_l_t[::-1], liq_l[::-1])
xs = np.interp(t0, sol_l_t[::-1], sol_l_x[::-1])
ax.plot([xs, xl], [t0, t0], color="#6a1b9a", lw=1.5, marker="|", ms=12)
ax.plot(x0, t0, "s", color="#6a1b9a", ms=6)
ax.axvline(x0, color="#6a1b9a", lw=0.8, ls=":")
ax.text(
    x0 + 1,
    t0 + 6,
    rf"$W_L = \frac{{{x0:.0f} - {xs:.0f}}}{{{xl:.0f} - {xs:.0f}}} = {(x0 - xs) / (xl - xs):.2f}$",
    fontsize=11,
    color="#4a148c",
)

ax.set_xlim(0, 100)
ax.set_ylim(0, 350)
ax.set_xlabel("Composition (wt% Sn)")
ax.set_ylabel("Temperature (°C)")
top = ax.secondary_xaxis("top")
top.set_xticks([0, 100], ["Pb", "Sn"])
ax.set_title("Pb–Sn equilibrium phase diagram", pad=22)

ins = ax.inset_axes([0.6, 0.1, 0.3, 0.3])
tt = np.linspace(0, 10, 200)
curve = np.piecewise(
    tt,
    [tt < 2.5, (tt >= 2.5) & (tt < 5), (tt >= 5) & (tt < 7.5), tt >= 7.5],
    [lambda s: 300 - 28 * s, lambda s: 230 - 18.8 * (s - 2.5), TE, lambda s: TE - 30 * (s - 7.5)],
)
ins.plot(tt, curve, color="#6a1b9a", lw=1.5)
ins.set_title("cooling curve, 40 wt% Sn", fontsize=8)
ins.set_xlabel("time", fontsize=8)
ins.set_ylabel("T (°C)", fontsize=8)
ins.tick_params(labelsize=7)
ins.text(6.2, TE + 8, "arrest", fontsize=7, ha="center")
fig.tight_layout()
