# Amplitude and phase response of a driven damped oscillator for several damping ratios, with mathtext equations, labels and annotations
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "mathtext.fontset": "cm",
        "font.family": "serif",
        "font.serif": ["DejaVu Serif"],
        "font.size": 10,
        "axes.labelsize": 11,
        "legend.fontsize": 9,
    }
)

r = np.linspace(0.01, 3, 600)  # omega / omega_0
zetas = [0.05, 0.1, 0.25, 0.5, 1.0]
colors = plt.cm.plasma(np.linspace(0.05, 0.85, len(zetas)))

fig, (ax_a, ax_p) = plt.subplots(2, 1, figsize=(7, 7.5), sharex=True)
for zeta, c in zip(zetas, colors):
    amp = 1 / np.sqrt((1 - r**2) ** 2 + (2 * zeta * r) ** 2)
    phase = np.arctan2(2 * zeta * r, 1 - r**2)
    ax_a.plot(r, amp, color=c, lw=1.6, label=rf"$\zeta = {zeta:g}$")
    ax_p.plot(r, np.degrees(phase), color=c, lw=1.6)
    if zeta < 1 / np.sqrt(2):
        r_peak = np.sqrt(1 - 2 * zeta**2)
        a_peak = 1 / (2 * zeta * np.sqrt(1 - zeta**2))
        ax_a.plot(r_peak, a_peak, "o", color=c, ms=4)

ax_a.set_yscale("log")
ax_a.set_ylim(0.1, 20)
ax_a.set_ylabel(r"$|X(\omega)|\,k / F_0$")
ax_a.legend(loc="upper right", title="damping ratio", ncol=1)
ax_a.text(0.03, 0.17, r"$m\ddot{x} + c\dot{x} + kx = F_0\cos\omega t$", transform=ax_a.transAxes, fontsize=12)
ax_a.text(
    0.03,
    0.04,
    r"$\frac{|X|k}{F_0} = \frac{1}{\sqrt{(1-r^2)^2 + (2\zeta r)^2}},\quad r = \omega/\omega_0$",
    transform=ax_a.transAxes,
    fontsize=12,
)
ax_a.annotate(
    r"$r_\mathrm{peak} = \sqrt{1 - 2\zeta^2}$",
    xy=(np.sqrt(1 - 2 * 0.1**2), 5.02),
    xytext=(1.55, 1.3),
    arrowprops=dict(arrowstyle="->", lw=0.8),
    fontsize=10,
)
ax_a.axvline(1, color="0.5", lw=0.8, ls="--")
ax_a.set_title(r"Driven damped oscillator, $\omega_0 = \sqrt{k/m}$, $\zeta = c / 2\sqrt{km}$")

ax_p.axhline(90, color="0.5", lw=0.8, ls=":")
ax_p.axvline(1, color="0.5", lw=0.8, ls="--")
ax_p.set_yticks([0, 45, 90, 135, 180])
ax_p.set_yticklabels([r"$0$", r"$\pi/4$", r"$\pi/2$", r"$3\pi/4$", r"$\pi$"])
ax_p.set_ylabel(r"phase lag $\phi$")
ax_p.set_xlabel(r"frequency ratio $\omega / \omega_0$")
ax_p.text(1.05, 20, r"$\phi = \arctan\frac{2\zeta r}{1 - r^2}$", fontsize=12)
ax_p.set_xlim(0, 3)
fig.tight_layout()
