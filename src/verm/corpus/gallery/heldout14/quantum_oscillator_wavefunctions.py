# Quantum harmonic oscillator: the first five wavefunctions drawn at their energy levels inside the parabolic potential, beside the n = 10 probability density against the classical one
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-white")
plt.rcParams.update({"mathtext.fontset": "cm", "font.size": 11})
rng = np.random.default_rng(1417)

x = np.linspace(-5.5, 5.5, 800)


def hermite(n, x):
    h0, h1 = np.ones_like(x), 2 * x
    if n == 0:
        return h0
    for k in range(1, n):
        h0, h1 = h1, 2 * x * h1 - 2 * k * h0
    return h1


def psi(n, x):
    norm = 1 / np.sqrt(2.0**n * np.prod(np.arange(1, n + 1, dtype=float)) * np.sqrt(np.pi))
    return norm * hermite(n, x) * np.exp(-(x**2) / 2)


fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 5.8), gridspec_kw={"width_ratios": [1.25, 1]})
ax1.plot(x, x**2 / 2, color="k", lw=2, label=r"$V(x) = \frac{1}{2}m\omega^2x^2$")
colors = plt.cm.tab10(np.arange(5))
for n in range(5):
    E = n + 0.5
    xt = np.sqrt(2 * E)
    ax1.hlines(E, -xt, xt, color=colors[n], lw=0.9, ls="--")
    wf = psi(n, x) * 0.8 + E
    ax1.plot(x, wf, color=colors[n], lw=1.8)
    ax1.fill_between(x, E, wf, color=colors[n], alpha=0.25)
    ax1.text(5.65, E, rf"$n={n},\ E=\frac{{{2 * n + 1}}}{{2}}\hbar\omega$", va="center", fontsize=10, color=colors[n])
    ax1.plot([-xt, xt], [E, E], "|", color="k", ms=8)
ax1.annotate(
    "classical turning point", xy=(-np.sqrt(5), 2.5), xytext=(-5.3, 3.9), arrowprops=dict(arrowstyle="->"), fontsize=9
)
ax1.set_xlim(-5.5, 8.4)
ax1.set_ylim(0, 5.4)
ax1.set_xlabel(r"$x\ /\ \sqrt{\hbar/m\omega}$")
ax1.set_ylabel(r"$E\ /\ \hbar\omega$")
ax1.set_title(r"Wavefunctions $\psi_n(x)$ offset by $E_n$", loc="left")
ax1.legend(loc="upper left", frameon=True)
for s in ("top", "right"):
    ax1.spines[s].set_visible(False)

n = 10
E = n + 0.5
xt = np.sqrt(2 * E)
prob = psi(n, x) ** 2
xc = np.linspace(-xt + 1e-3, xt - 1e-3, 600)
classical = 1 / (np.pi * np.sqrt(xt**2 - xc**2))
ax2.fill_between(x, prob, color="tab:purple", alpha=0.35, label=rf"$|\psi_{{{n}}}(x)|^2$")
ax2.plot(x, prob, color="tab:purple", lw=1.2)
ax2.plot(xc, classical, color="k", lw=1.8, ls="--", label="classical $P(x)$")
samples = rng.choice(x, 400, p=prob / prob.sum())
ax2.plot(
    samples,
    np.full(samples.size, -0.012) + rng.uniform(-0.006, 0.006, samples.size),
    "|",
    color="tab:purple",
    alpha=0.5,
    ms=6,
    label="400 simulated detections",
)
ax2.axvline(-xt, color="0.5", lw=0.8)
ax2.axvline(xt, color="0.5", lw=0.8)
ax2.set_xlim(-5.5, 5.5)
ax2.set_ylim(-0.025, 0.42)
ax2.set_xlabel(r"$x\ /\ \sqrt{\hbar/m\omega}$")
ax2.set_ylabel("probability density")
ax2.set_title("Correspondence principle, n = 10", loc="left")
ax2.legend(loc="upper center", fontsize=9)
fig.tight_layout()
