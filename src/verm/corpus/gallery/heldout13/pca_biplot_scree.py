# PCA of four flower measurements: a biplot of scores coloured by species with loading arrows, beside a scree plot with cumulative explained variance on a twin axis.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-deep")

rng = np.random.default_rng(936)
means = {"setosa": [5.0, 3.4, 1.5, 0.25], "versicolor": [5.9, 2.8, 4.3, 1.3], "virginica": [6.6, 3.0, 5.6, 2.0]}
sds = [0.4, 0.35, 0.35, 0.2]
feats = ["sepal length", "sepal width", "petal length", "petal width"]
X, y = [], []
for k, m in enumerate(means.values()):
    X.append(rng.normal(m, sds, (50, 4)) + rng.normal(0, 0.25, (50, 1)) * np.array([1, 0.3, 0.8, 0.4]))
    y += [k] * 50
X, y = np.vstack(X), np.array(y)
Z = (X - X.mean(0)) / X.std(0)
U, S, Vt = np.linalg.svd(Z, full_matrices=False)
scores = U * S
var = S**2 / np.sum(S**2)

fig, (ax, sx) = plt.subplots(1, 2, figsize=(11.5, 5), gridspec_kw={"width_ratios": [1.6, 1]})
colors = ["#4c72b0", "#dd8452", "#55a868"]
for k, name in enumerate(means):
    sel = y == k
    ax.scatter(scores[sel, 0], scores[sel, 1], s=22, color=colors[k], alpha=0.75, edgecolor="white", lw=0.4, label=name)
scale = 3.2
for j, f in enumerate(feats):
    vx, vy = Vt[0, j] * scale, Vt[1, j] * scale
    ax.annotate("", xy=(vx, vy), xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="#c44e52", lw=1.6))
    ax.text(vx * 1.12, vy * 1.12, f, color="#8c1c13", fontsize=9, ha="center", va="center", fontweight="bold")
ax.axhline(0, color="0.6", lw=0.6)
ax.axvline(0, color="0.6", lw=0.6)
ax.set_xlabel(f"PC1 ({var[0]:.1%} of variance)")
ax.set_ylabel(f"PC2 ({var[1]:.1%} of variance)")
ax.set_title("Biplot (standardised data)", loc="left")
ax.legend(title="species", loc="lower left", fontsize=9)
lim = max(np.abs(scores[:, :2]).max(), scale * 1.2) * 1.08
ax.set_xlim(-lim, lim)
ax.set_ylim(-lim, lim)
ax.set_aspect("equal")

pcs = np.arange(1, 5)
bars = sx.bar(pcs, var * 100, color="#8172b3", width=0.6)
sx.bar_label(bars, fmt="%.1f%%", fontsize=8, padding=2)
sx.set_xticks(pcs, [f"PC{i}" for i in pcs])
sx.set_ylabel("explained variance (%)")
sx.set_ylim(0, 100)
cum = sx.twinx()
cum.plot(pcs, np.cumsum(var) * 100, "o-", color="#937860", lw=1.8)
cum.axhline(95, color="#937860", ls=":", lw=1)
cum.text(4.3, 95.5, "95%", color="#937860", fontsize=8, va="bottom", ha="right")
cum.set_ylim(0, 105)
cum.set_ylabel("cumulative (%)", color="#937860")
cum.grid(False)
sx.set_title("Scree plot", loc="left")
fig.tight_layout()
