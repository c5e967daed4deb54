# Corner plot of MCMC posterior samples for three model parameters: marginal histograms with quantiles and 2D density contours
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(77)
cov = np.array([[0.04, 0.03, -0.01], [0.03, 0.09, -0.02], [-0.01, -0.02, 0.25]])
truth = np.array([1.2, 0.7, 3.0])
samples = rng.multivariate_normal(truth + [0.05, -0.04, 0.1], cov, size=8000)
samples[:, 2] = np.abs(samples[:, 2])
names = [r"$\log_{10} M$", r"$\Omega_m$", r"$\tau$ [Gyr]"]
k = len(names)

fig, axes = plt.subplots(k, k, figsize=(7.4, 7.4))
for i in range(k):
    for j in range(k):
        ax = axes[i, j]
        if j > i:
            ax.set_visible(False)
            continue
        if i == j:
            q16, q50, q84 = np.percentile(samples[:, i], [16, 50, 84])
            ax.hist(samples[:, i], bins=40, histtype="step", color="k", lw=1.1)
            for q in (q16, q50, q84):
                ax.axvline(q, color="k", ls="--", lw=0.8)
            ax.axvline(truth[i], color="#4682b4", lw=1.5)
            ax.set_title(rf"{names[i]} $= {q50:.2f}^{{+{q84 - q50:.2f}}}_{{-{q50 - q16:.2f}}}$", fontsize=10)
            ax.set_yticks([])
        else:
            h, xe, ye = np.histogram2d(samples[:, j], samples[:, i], bins=30)
            hs = np.sort(h.ravel())[::-1]
            cum = np.cumsum(hs) / hs.sum()
            levels = sorted({hs[np.searchsorted(cum, p)] for p in (0.86, 0.39)})
            xc, yc = 0.5 * (xe[1:] + xe[:-1]), 0.5 * (ye[1:] + ye[:-1])
            ax.plot(samples[::20, j], samples[::20, i], ".", color="0.6", ms=1.5, alpha=0.5)
            ax.contourf(xc, yc, h.T, levels=[levels[0], levels[1], h.max()], colors=["#bdbdbd", "#636363"], alpha=0.7)
            ax.contour(xc, yc, h.T, levels=levels, colors="k", linewidths=0.8)
            ax.axvline(truth[j], color="#4682b4", lw=1.2)
            ax.axhline(truth[i], color="#4682b4", lw=1.2)
            ax.plot(truth[j], truth[i], "s", color="#4682b4", ms=4)
        if i < k - 1:
            ax.set_xticklabels([])
        else:
            ax.set_xlabel(names[j])
        if j > 0 and i != j:
            ax.set_yticklabels([])
        elif j == 0 and i > 0:
            ax.set_ylabel(names[i])
        ax.tick_params(labelsize=8, direction="in", top=True, right=i != j)
        for lab in ax.get_xticklabels():
            lab.set_rotation(45)
fig.subplots_adjust(left=0.12, bottom=0.12, right=0.97, top=0.93, wspace=0.06, hspace=0.06)
