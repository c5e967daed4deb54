# Centrifugal pump performance: head curves for three impeller diameters with efficiency iso-lines, the system curve and operating point, and NPSH-required and shaft-power panels below.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-notebook")
plt.rcParams.update({"font.size": 10})

Q = np.linspace(0, 260, 200)
diams = {"Ø 250": 1.0, "Ø 235": 0.94, "Ø 220": 0.88}
H0, a = 62.0, 4.2e-4


def head(q, s):
    return H0 * s**2 - a * q**2 - 0.018 * q * s


def eff(q, s):
    bep = 175 * s
    return 0.82 * (1 - ((q - bep) / (bep * 1.05)) ** 2)


static, k = 18.0, 4.3e-4
system = static + k * Q**2

fig = plt.figure(figsize=(9, 8.2), layout="constrained")
ax, nx, px = fig.subplot_mosaic([["H"], ["N"], ["P"]], height_ratios=[3, 1, 1.2], sharex=True).values()
qq, ss = np.meshgrid(Q, np.linspace(0.82, 1.04, 120))
hh, ee = head(qq, ss), eff(qq, ss)
cs = ax.contour(qq, hh, ee * 100, levels=[60, 70, 75, 78, 80], colors="#2e7d32", linewidths=0.9, linestyles="--")
ax.clabel(cs, fmt="%d%%", fontsize=8, inline_spacing=2)
for (name, s), c in zip(diams.items(), ["#0d47a1", "#1976d2", "#64b5f6"], strict=True):
    ax.plot(Q, head(Q, s), color=c, lw=2.2)
    ax.text(8, head(0, s) + 0.8, name, color=c, fontsize=9, fontweight="bold")
    px.plot(Q, 1000 * 9.81 * (Q / 3600) * head(Q, s) / np.clip(eff(Q, s), 0.2, None) / 1000, color=c, lw=1.6)
ax.plot(Q, system, color="#d84315", lw=2, label="system curve  $H = 18 + kQ^2$")
d = head(Q, 1.0) - system
i = np.where(np.diff(np.sign(d)))[0][0]
qop = Q[i]
ax.plot(qop, system[i], "o", ms=10, mfc="#ffca28", mec="black", zorder=5)
ax.annotate(
    f"duty point\nQ = {qop:.0f} m³/h, H = {system[i]:.1f} m\nη = {eff(qop, 1.0):.0%}",
    xy=(qop, system[i]),
    xytext=(qop - 115, system[i] - 22),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
    bbox=dict(boxstyle="round", fc="white", ec="0.6"),
)
ax.axvline(175, color="0.5", ls=":", lw=1)
ax.text(177, 5, "BEP Ø250", fontsize=8, color="0.35")
ax.set_ylim(0, 70)
ax.set_ylabel("Total head H (m)")
ax.set_title("Pump 125-250, 1450 rpm, water 20 °C", loc="left")
ax.legend(loc="upper right")

npsh = 1.6 + 6.5e-5 * Q**2
nx.plot(Q, npsh, color="#6a1b9a", lw=2)
nx.fill_between(Q, npsh, 8, where=Q > 0, color="#ede7f6")
nx.axhline(6.0, color="#c62828", lw=1, ls="--")
nx.text(5, 6.3, "NPSH available 6.0 m", fontsize=8, color="#c62828")
nx.set_ylim(0, 8)
nx.set_ylabel("NPSHr (m)")
px.set_ylabel("Shaft power (kW)")
px.set_xlabel("Flow rate Q (m³/h)")
px.set_ylim(0, 70)
px.set_xlim(0, 260)
