# Bode plot of a second-order low-pass filter for three damping ratios, magnitude and phase panels sharing a log frequency axis
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import EngFormatter, MultipleLocator

plt.style.use("classic")
plt.rcParams.update({"figure.facecolor": "white", "font.size": 10})

f0 = 1_000.0
freqs = np.logspace(1, 5, 600)
fig, (ax_mag, ax_ph) = plt.subplots(2, 1, sharex=True, figsize=(8, 6.5))
for zeta, color in [(0.1, "tab:red"), (0.5, "tab:blue"), (1 / np.sqrt(2), "tab:green")]:
    s = 1j * freqs / f0
    h = 1 / (s**2 + 2 * zeta * s + 1)
    ax_mag.semilogx(freqs, 20 * np.log10(np.abs(h)), color=color, lw=1.8, label=rf"$\zeta$ = {zeta:.3g}")
    ax_ph.semilogx(freqs, np.degrees(np.angle(h)), color=color, lw=1.8)

ax_mag.axhline(-3, color="0.4", ls=":", lw=1)
ax_mag.text(12, -5.5, "−3 dB", color="0.3", fontsize=9)
ax_mag.axvline(f0, color="0.4", ls="--", lw=1)
ax_ph.axvline(f0, color="0.4", ls="--", lw=1)
ax_mag.set_ylim(-80, 20)
ax_mag.yaxis.set_major_locator(MultipleLocator(20))
ax_mag.set_ylabel("Magnitude (dB)")
ax_mag.legend(loc="lower left", fontsize=9)
ax_mag.grid(True, which="both", alpha=0.4)
ax_mag.set_title(r"Second-order low-pass, $f_0$ = 1 kHz")
ax_ph.set_ylim(-190, 10)
ax_ph.yaxis.set_major_locator(MultipleLocator(45))
ax_ph.set_ylabel("Phase (deg)")
ax_ph.set_xlabel("Frequency")
ax_ph.xaxis.set_major_formatter(EngFormatter(unit="Hz"))
ax_ph.grid(True, which="both", alpha=0.4)
fig.tight_layout()
plt.show()
