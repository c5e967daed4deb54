# SHAP-style summary of a loan-default model: per-feature beeswarm of attributions coloured by feature value, beside mean |SHAP| bars.
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {"font.family": "DejaVu Sans", "axes.spines.top": False, "axes.spines.right": False, "font.size": 9}
)

rng = np.random.default_rng(31337)
feats = [
    "debt-to-income",
    "credit score",
    "loan amount",
    "months employed",
    "open accounts",
    "age",
    "late payments (2y)",
    "home owner",
    "interest rate",
    "region",
]
effect = np.array([0.9, -1.1, 0.5, -0.35, 0.2, -0.15, 0.8, -0.25, 0.6, 0.05])
n = 600
vals = rng.uniform(0, 1, (n, len(feats)))
vals[:, 7] = (vals[:, 7] > 0.45).astype(float)
vals[:, 6] = rng.poisson(0.6, n) / 4
shap = (vals - vals.mean(0)) * effect * 2.2 + rng.normal(0, 0.06, (n, len(feats))) * np.abs(effect)
order = np.argsort(np.abs(shap).mean(0))

fig, (ax, bx) = plt.subplots(
    1, 2, figsize=(11, 5.8), sharey=True, gridspec_kw={"width_ratios": [2.4, 1], "wspace": 0.05}
)
for row, j in enumerate(order):
    s = shap[:, j]
    # bin along x and stack points symmetrically inside each bin: a cheap beeswarm
    bins = np.round(s / 0.03).astype(int)
    offs = np.zeros(n)
    for b in np.unique(bins):
        idx = np.where(bins == b)[0]
        k = np.arange(idx.size)
        offs[idx] = np.where(k % 2, -1, 1) * ((k + 1) // 2) * 0.035
    offs = np.clip(offs, -0.4, 0.4)
    sc = ax.scatter(s, row + offs, c=vals[:, j], cmap="coolwarm", s=6, vmin=0, vmax=1, lw=0, rasterized=False)
ax.axvline(0, color="0.4", lw=0.8)
ax.set_yticks(range(len(feats)), [feats[j] for j in order])
ax.set_xlabel("SHAP value (impact on log-odds of default)")
ax.set_title("Feature attributions, 600 test applicants", loc="left", fontsize=11)
ax.grid(axis="y", color="0.92", lw=6)
ax.set_axisbelow(True)
cb = fig.colorbar(sc, ax=bx, pad=0.04, fraction=0.08, aspect=30, ticks=[0, 1])
cb.ax.set_yticklabels(["low", "high"])
cb.set_label("feature value", labelpad=-4)
cb.outline.set_visible(False)

mean_abs = np.abs(shap).mean(0)[order]
bars = bx.barh(range(len(feats)), mean_abs, color="#008bfb", height=0.6)
bx.bar_label(bars, fmt="%.3f", fontsize=8, padding=2)
bx.set_xlabel("mean |SHAP|")
bx.set_xlim(0, mean_abs.max() * 1.35)
bx.tick_params(axis="y", length=0)
bx.set_title("Global importance", loc="left", fontsize=11)
fig.subplots_adjust(left=0.16, right=0.93, top=0.92, bottom=0.1)
