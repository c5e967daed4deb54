# MCMC diagnostics for a hierarchical model: per-chain trace plots and rank histograms for three parameters, with R-hat and ESS in the titles and one poorly mixing chain
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-darkgrid")
plt.rcParams.update({"font.family": "DejaVu Sans", "axes.titlesize": 10})
rng = np.random.default_rng(1411)

n_draws, n_chains = 600, 4
params = [("mu", 1.2, 0.3, 0.6), ("tau", 0.8, 0.25, 0.85), ("sigma", 2.1, 0.15, 0.5)]
chain_cols = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"]

fig, axes = plt.subplots(3, 2, figsize=(11, 7.5), gridspec_kw={"width_ratios": [3, 1.4]})
for row, (name, mean, sd, phi) in enumerate(params):
    draws = np.empty((n_chains, n_draws))
    for c in range(n_chains):
        e = rng.normal(0, sd * np.sqrt(1 - phi**2), n_draws)
        x = np.empty(n_draws)
        x[0] = mean + rng.normal(0, sd)
        for t in range(1, n_draws):
            x[t] = mean + phi * (x[t - 1] - mean) + e[t]
        draws[c] = x
    if name == "tau":
        draws[3] = mean + 0.35 + 0.97 * (draws[3] - mean) * 0.5
    if name == "tau":
        draws = np.abs(draws)
    within = draws.var(axis=1, ddof=1).mean()
    between = n_draws * draws.mean(axis=1).var(ddof=1)
    rhat = np.sqrt(((n_draws - 1) / n_draws * within + between / n_draws) / within)
    ess = n_chains * n_draws * (1 - phi) / (1 + phi)
    ax_t, ax_r = axes[row]
    for c in range(n_chains):
        ax_t.plot(draws[c], color=chain_cols[c], lw=0.6, alpha=0.85, label=f"chain {c + 1}")
    ax_t.set_ylabel(rf"$\{name}$", fontsize=13)
    flag = "  ⚠" if rhat > 1.01 else ""
    ax_t.set_title(
        rf"$\{name}$: $\hat{{R}}$ = {rhat:.3f}, ESS ≈ {ess:.0f}{flag}",
        loc="left",
        color="firebrick" if rhat > 1.01 else "k",
    )
    ranks = draws.ravel().argsort().argsort().reshape(draws.shape)
    bins = np.linspace(0, n_chains * n_draws, 21)
    for c in range(n_chains):
        hist, _ = np.histogram(ranks[c], bins=bins)
        ax_r.stairs(hist + c * 60, bins, baseline=c * 60, fill=True, color=chain_cols[c], alpha=0.7)
        ax_r.axhline(c * 60 + n_draws / 20, color="k", ls=":", lw=0.8)
    ax_r.set_yticks([c * 60 + 15 for c in range(n_chains)], labels=[f"ch {c + 1}" for c in range(n_chains)])
    ax_r.set_xticks([0, 1200, 2400])
    if row == 0:
        ax_r.set_title("rank histograms", loc="left")
        ax_t.legend(ncol=4, fontsize=8, loc="upper right", frameon=True)
axes[-1, 0].set_xlabel("draw (after 1000 warm-up)")
axes[-1, 1].set_xlabel("pooled rank")
fig.suptitle("Eight-schools model, NUTS, 4 chains", fontweight="bold")
fig.tight_layout()
