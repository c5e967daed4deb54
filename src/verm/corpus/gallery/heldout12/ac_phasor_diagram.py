# Phasor diagram of a series RLC circuit (voltage and current phasors, impedance triangle) beside the matching time-domain waveforms.
import matplotlib.pyplot as plt
import numpy as np

R, L, C, f, V = 40.0, 0.18, 60e-6, 50.0, 230.0
w = 2 * np.pi * f
XL, XC = w * L, 1 / (w * C)
Z = complex(R, XL - XC)
Irms = V / abs(Z)
phi = np.angle(Z)
VR, VL, VC = Irms * R, Irms * XL, Irms * XC

plt.rcParams.update({"font.family": "DejaVu Serif", "mathtext.fontset": "cm", "font.size": 11})
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 5.8), gridspec_kw={"width_ratios": [1, 1.4]})
arrow = dict(angles="xy", scale_units="xy", scale=1, width=0.008)
ax.quiver(0, 0, VR, 0, color="#1f77b4", **arrow)
ax.quiver(0, 0, 0, VL, color="#2ca02c", **arrow)
ax.quiver(0, 0, 0, -VC, color="#d62728", **arrow)
ax.plot([VR, VR], [0, VL - VC], ":", color="gray")
ax.quiver(0, 0, VR, VL - VC, color="black", **arrow)
ax.quiver(0, 0, Irms * 60, 0, color="#ff7f0e", width=0.012, angles="xy", scale_units="xy", scale=1)
ax.text(VR / 2, -14, r"$V_R$", color="#1f77b4", ha="center")
ax.text(8, VL / 2, r"$V_L$", color="#2ca02c")
ax.text(8, -VC / 2, r"$V_C$", color="#d62728")
ax.text(VR / 2 - 30, (VL - VC) / 2 + 8, r"$V_s$ = 230 V", rotation=np.degrees(phi), fontsize=11)
ax.text(Irms * 60 + 4, 6, r"$I$ (×60)", color="#ff7f0e")
th = np.linspace(0, phi, 40)
ax.plot(45 * np.cos(th), 45 * np.sin(th), color="gray")
ax.text(50, 10, rf"$\varphi$ = {np.degrees(phi):.1f}°", fontsize=10)
ax.axhline(0, color="gray", lw=0.6)
ax.axvline(0, color="gray", lw=0.6)
ax.set_aspect("equal")
ax.set_xlim(-60, Irms * 60 * 1.15)
ax.set_ylim(-VC * 1.12, VL * 1.12)
ax.set_xlabel("Real (V)")
ax.set_ylabel("Imaginary (V)")
ax.set_title("Phasors, series RLC at 50 Hz")

t = np.linspace(0, 2 / f, 600) * 1000
ax2.plot(t, V * np.sqrt(2) * np.sin(w * t / 1000), color="black", lw=2, label=r"$v_s(t)$")
ax2.plot(t, VR * np.sqrt(2) * np.sin(w * t / 1000 - phi), color="#1f77b4", label=r"$v_R(t)$ (in phase with $i$)")
ax2.plot(t, VL * np.sqrt(2) * np.sin(w * t / 1000 - phi + np.pi / 2), color="#2ca02c", ls="--", label=r"$v_L(t)$")
ax2.plot(t, VC * np.sqrt(2) * np.sin(w * t / 1000 - phi - np.pi / 2), color="#d62728", ls="--", label=r"$v_C(t)$")
lag = phi / w * 1000
ax2.annotate("", xy=(5 + lag, 0), xytext=(5, 0), arrowprops=dict(arrowstyle="<->", color="#ff7f0e"))
ax2.text(5 + lag / 2, 25, f"current lags {lag:.2f} ms", ha="center", color="#ff7f0e", fontsize=10)
ax2.axhline(0, color="gray", lw=0.6)
ax2.set_xlim(0, t[-1])
ax2.set_xlabel("Time (ms)")
ax2.set_ylabel("Voltage (V)")
ax2.legend(loc="lower left", fontsize=9, ncol=2)
ax2.set_title(rf"$R$={R:.0f} Ω, $X_L$={XL:.1f} Ω, $X_C$={XC:.1f} Ω, $|Z|$={abs(Z):.1f} Ω")
fig.tight_layout()
