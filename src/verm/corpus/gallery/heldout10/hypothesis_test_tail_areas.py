# Textbook figure of a two-sided z test: null and alternative densities with rejection regions, alpha, beta and power shaded
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-white")
plt.rcParams["mathtext.fontset"] = "cm"


def pdf(x, mu):
    return np.exp(-0.5 * (x - mu) ** 2) / np.sqrt(2 * np.pi)


x = np.linspace(-4, 6.5, 800)
mu1 = 2.5
zc = 1.96
fig, ax = plt.subplots(figsize=(9, 4.6))
ax.plot(x, pdf(x, 0), color="#2c3e50", lw=2, label=r"$H_0:\ \mu=0$")
ax.plot(x, pdf(x, mu1), color="#8e44ad", lw=2, ls="--", label=rf"$H_1:\ \mu={mu1}$")
ax.fill_between(x, pdf(x, 0), where=x >= zc, color="#e74c3c", alpha=0.6, label=r"$\alpha/2$ each tail")
ax.fill_between(x, pdf(x, 0), where=x <= -zc, color="#e74c3c", alpha=0.6)
ax.fill_between(x, pdf(x, mu1), where=x <= zc, color="#95a5a6", alpha=0.45, hatch="///", label=r"$\beta$ (type II)")
ax.fill_between(x, pdf(x, mu1), where=x >= zc, color="#8e44ad", alpha=0.18, label=r"power $1-\beta$")
ax.axvline(zc, color="k", lw=1)
ax.axvline(-zc, color="k", lw=1)
ax.annotate(r"$z_{1-\alpha/2}=1.96$", xy=(zc, 0.33), xytext=(2.6, 0.43), arrowprops=dict(arrowstyle="->"), fontsize=12)
ax.annotate(
    r"$\alpha/2 = 0.025$",
    xy=(-2.3, 0.012),
    xytext=(-3.9, 0.12),
    arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=0.3"),
    fontsize=12,
)
beta = 0.295
ax.text(1.25, 0.06, rf"$\beta \approx {beta:.2f}$", fontsize=12, ha="center")
ax.text(3.2, 0.2, rf"$1-\beta \approx {1 - beta:.2f}$", fontsize=12)
ax.set_xlim(-4, 6.5)
ax.set_ylim(0, 0.48)
ax.set_xlabel(r"test statistic $z = \frac{\bar{x}-\mu_0}{\sigma/\sqrt{n}}$", fontsize=12)
ax.set_ylabel("density")
ax.set_yticks([0, 0.1, 0.2, 0.3, 0.4])
ax.legend(loc="upper left", frameon=True, fontsize=10)
ax.set_title("Two-sided test at $\\alpha = 0.05$ with effect size $\\delta = 2.5$", fontsize=13)
for sp in ("top", "right"):
    ax.spines[sp].set_visible(False)
fig.tight_layout()
