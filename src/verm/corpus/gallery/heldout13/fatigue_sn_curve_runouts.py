# S-N fatigue curves of two steels on log-log axes: test points, runouts as arrows, Basquin fits with a scatter band and the endurance limits.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("classic")
plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 10, "figure.facecolor": "white"})

rng = np.random.default_rng(4140)
mats = {
    "AISI 4140 Q&T": (1650, -0.085, 480, "#b71c1c", "o"),
    "AISI 1045 normalised": (1150, -0.095, 290, "#1a237e", "s"),
}

fig, ax = plt.subplots(figsize=(8.6, 6))
Nf = np.logspace(3, 8, 200)
for name, (sf, b, se, c, m) in mats.items():
    S = np.repeat(np.linspace(se * 1.05, sf * 0.55, 7), 3)
    N = (S / sf) ** (1 / b) / 2 * np.exp(rng.normal(0, 0.35, S.size))
    fail = N < 1e7
    ax.loglog(N[fail], S[fail], m, color=c, ms=7, mec="k", label=f"{name} (failures)")
    run_S = np.array([se * 0.98, se * 0.95, se * 1.0])
    ax.plot(np.full(3, 1e7), run_S, ">", color=c, ms=10, mec="k", ls="none", label=f"{name} runouts")
    curve = np.maximum(sf * (2 * Nf) ** b, se)
    ax.loglog(Nf, curve, color=c, lw=2)
    ax.fill_between(Nf, curve * 0.88, curve * 1.12, color=c, alpha=0.12, lw=0)
    ax.axhline(se, color=c, ls=":", lw=1)
    ax.text(2.2e7, se * 1.03, f"$S_e$ = {se} MPa", color=c, fontsize=9)
    ax.text(1.4e3, sf * (2 * 1.4e3) ** b * 1.07, rf"$\sigma_a = {sf}\,(2N_f)^{{{b}}}$", color=c, fontsize=10)
ax.axvline(1e7, color="0.4", lw=0.8, ls="--")
ax.text(1.1e7, 1250, "runout\n$10^7$ cycles", fontsize=8, va="top")
ax.set_xlim(1e3, 1e8)
ax.set_ylim(200, 1400)
ax.set_yticks([200, 300, 400, 600, 800, 1000])
ax.yaxis.set_major_formatter(plt.ScalarFormatter())
ax.yaxis.set_minor_formatter(plt.NullFormatter())
ax.set_xlabel("Cycles to failure, $N_f$")
ax.set_ylabel("Stress amplitude, $\\sigma_a$ (MPa)")
ax.set_title("Rotating-beam fatigue, R = −1, polished specimens")
ax.grid(True, which="both", color="0.85", ls="-")
ax.legend(loc="upper right", fontsize=8, numpoints=1)
fig.tight_layout()
