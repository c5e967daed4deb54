# Mean-variance portfolio chart: 4,000 random long-only portfolios coloured by Sharpe ratio, the efficient frontier, the tangency portfolio, the capital market line and the single assets.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import PercentFormatter

plt.style.use("seaborn-v0_8-whitegrid")

rng = np.random.default_rng(1952)
names = ["US equity", "EM equity", "Govt bonds", "Corp bonds", "REITs", "Gold"]
mu = np.array([0.078, 0.092, 0.032, 0.045, 0.068, 0.04])
vol = np.array([0.16, 0.23, 0.055, 0.08, 0.2, 0.15])
corr = np.array(
    [
        [1, 0.75, -0.2, 0.3, 0.65, 0.05],
        [0.75, 1, -0.1, 0.35, 0.55, 0.15],
        [-0.2, -0.1, 1, 0.6, 0.1, 0.25],
        [0.3, 0.35, 0.6, 1, 0.35, 0.15],
        [0.65, 0.55, 0.1, 0.35, 1, 0.1],
        [0.05, 0.15, 0.25, 0.15, 0.1, 1],
    ]
)
cov = corr * np.outer(vol, vol)
rf = 0.02
W = rng.dirichlet(np.full(6, 0.6), 4000)
ret = W @ mu
risk = np.sqrt(np.einsum("ij,jk,ik->i", W, cov, W))
sharpe = (ret - rf) / risk

fig, ax = plt.subplots(figsize=(9.5, 6.2))
sc = ax.scatter(risk, ret, c=sharpe, cmap="viridis", s=6, alpha=0.7, lw=0)
fig.colorbar(sc, ax=ax, label="Sharpe ratio", pad=0.02)
edges = np.linspace(ret.min(), ret.max(), 40)
fr = [
    (risk[(ret >= lo) & (ret < hi)].min(), (lo + hi) / 2)
    for lo, hi in np.c_[edges[:-1], edges[1:]]
    if np.any((ret >= lo) & (ret < hi))
]
fr = np.array(fr)
gmv = np.argmin(fr[:, 0])
ax.plot(fr[gmv:, 0], fr[gmv:, 1], color="#d62728", lw=2.2, label="efficient frontier (sampled)")
ax.plot(fr[: gmv + 1, 0], fr[: gmv + 1, 1], color="#d62728", lw=1.2, ls="--")
t = np.argmax(sharpe)
x = np.linspace(0, 0.25, 10)
ax.plot(x, rf + sharpe[t] * x, color="0.2", lw=1.2, label=f"capital market line (Sharpe {sharpe[t]:.2f})")
ax.scatter(risk[t], ret[t], marker="*", s=320, color="gold", edgecolor="black", zorder=5, label="tangency portfolio")
ax.scatter(0, rf, marker="D", color="0.2", s=30, zorder=5)
ax.annotate("risk-free 2.0%", (0, rf), xytext=(8, -12), textcoords="offset points", fontsize=8)
ax.scatter(vol, mu, marker="o", s=55, facecolor="white", edgecolor="#1f77b4", lw=1.5, zorder=4)
for n, v, m in zip(names, vol, mu, strict=True):
    ax.annotate(n, (v, m), xytext=(6, 3), textcoords="offset points", fontsize=8, color="#1f4e79")
weights = ", ".join(f"{n} {w:.0%}" for n, w in zip(names, W[t], strict=True) if w > 0.05)
ax.text(
    0.985,
    0.03,
    "tangency mix: " + weights,
    transform=ax.transAxes,
    ha="right",
    fontsize=8,
    bbox=dict(boxstyle="round", fc="white", ec="0.7"),
)
ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
ax.set_xlim(0, 0.25)
ax.set_ylim(0.0, 0.1)
ax.set_xlabel("Annualised volatility")
ax.set_ylabel("Expected annual return")
ax.set_title("Six-asset opportunity set, long-only", loc="left", fontsize=12)
ax.legend(loc="upper left", fontsize=9, frameon=True)
fig.tight_layout()
