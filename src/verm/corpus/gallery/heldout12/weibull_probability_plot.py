# Weibull probability plot of bearing failure times with median-rank points, fitted line, 90 % band and the B10 life marked.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1010)
beta_true, eta_true = 1.8, 4200.0
t_fail = np.sort(eta_true * rng.weibull(beta_true, 18))
n = t_fail.size
ranks = np.arange(1, n + 1)
F = (ranks - 0.3) / (n + 0.4)  # Bernard's median ranks


def fwd(p):
    return np.log(-np.log(1 - np.clip(p, 1e-6, 1 - 1e-6)))


def inv(y):
    return 1 - np.exp(-np.exp(y))


x, y = np.log(t_fail), fwd(F)
beta, intercept = np.polyfit(x, y, 1)
eta = np.exp(-intercept / beta)
b10 = eta * (-np.log(0.9)) ** (1 / beta)

with plt.style.context("classic"):
    fig, ax = plt.subplots(figsize=(8.5, 7))
    ax.set_xscale("log")
    ax.set_yscale("function", functions=(fwd, inv))
    tt = np.logspace(2, 4.3, 200)
    cdf = 1 - np.exp(-((tt / eta) ** beta))
    ax.plot(tt, cdf, "b-", lw=2, label=rf"fit: $\beta$ = {beta:.2f}, $\eta$ = {eta:.0f} h")
    se = 1.645 * np.sqrt(F * (1 - F) / n)
    ax.fill_between(
        t_fail,
        np.clip(F - se, 0.005, None),
        np.clip(F + se, None, 0.995),
        color="#9ecae1",
        alpha=0.5,
        label="90 % band (approx.)",
    )
    ax.plot(t_fail, F, "ro", ms=7, label=f"failures (n = {n}, median ranks)")
    ax.axhline(0.632, color="gray", ls="--")
    ax.text(120, 0.66, r"63.2 % → $\eta$", fontsize=10, color="gray")
    ax.plot([b10, b10], [0.001, 0.10], "g--")
    ax.plot([100, b10], [0.10, 0.10], "g--")
    ax.annotate(
        f"B10 life = {b10:.0f} h",
        (b10, 0.10),
        xytext=(b10 * 1.6, 0.035),
        fontsize=11,
        color="green",
        arrowprops=dict(arrowstyle="->", color="green"),
    )
    probs = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.632, 0.8, 0.9, 0.95, 0.99]
    ax.set_yticks(probs, [f"{p * 100:g}" for p in probs])
    ax.set_ylim(0.008, 0.995)
    ax.set_xlim(100, 2e4)
    ax.set_xlabel("Time to failure (hours)")
    ax.set_ylabel("Unreliability F(t) (%)")
    ax.set_title("Weibull probability plot - spindle bearings, rig test 7")
    ax.grid(True, which="both", ls=":", color="#999999")
    ax.legend(loc="upper left", fontsize=10, numpoints=1)
    fig.tight_layout()
