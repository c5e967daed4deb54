# Learning curve and validation curve of a gradient-boosted classifier with mean +/- 1 std bands across 5 folds
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-notebook")
rng = np.random.default_rng(23)

sizes = np.array([100, 200, 400, 700, 1000, 1500, 2200, 3000, 4000])
folds = 5
train_mean = 0.995 - 0.05 * (1 - np.exp(-sizes / 1500))
val_mean = 0.92 - 0.27 * np.exp(-sizes / 650)
train = train_mean[:, None] + rng.normal(0, 0.004, (len(sizes), folds))
val = val_mean[:, None] + rng.normal(0, 1, (len(sizes), folds)) * (0.045 * np.exp(-sizes / 1500) + 0.008)[:, None]

depth = np.arange(1, 13)
tr_d = 1 - 0.25 * np.exp(-depth / 2.5)
va_d = 0.87 + 0.04 * np.exp(-((depth - 5) ** 2) / 8) - 0.012 * np.maximum(depth - 5, 0) - 0.14 * np.exp(-depth / 1.2)
tr_dd = tr_d[:, None] + rng.normal(0, 0.005, (len(depth), folds))
va_dd = va_d[:, None] + rng.normal(0, 0.015, (len(depth), folds))

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.4), layout="constrained")

for ax, x, tr, va in ((ax1, sizes, train, val), (ax2, depth, tr_dd, va_dd)):
    for scores, colour, label in ((tr, "#c44e52", "Training score"), (va, "#4c72b0", "Cross-validation score")):
        m, s = scores.mean(axis=1), scores.std(axis=1)
        ax.fill_between(x, m - s, m + s, color=colour, alpha=0.18, lw=0)
        ax.plot(x, m, "o-", color=colour, ms=5, label=label)
    ax.set_ylabel("ROC AUC")
    ax.legend(loc="lower right", fontsize=9)

ax1.set_title("Learning curve (max_depth=5)")
ax1.set_xlabel("Number of training examples")
ax1.set_ylim(0.6, 1.02)

best = np.argmax(va_dd.mean(axis=1))
ax2.axvline(depth[best], color="0.4", ls="--", lw=1)
ax2.annotate(
    f"best depth = {depth[best]}\nAUC = {va_dd.mean(axis=1)[best]:.3f}",
    xy=(depth[best], va_dd.mean(axis=1)[best]),
    xytext=(depth[best] + 2.2, 0.76),
    arrowprops={"arrowstyle": "->", "color": "0.3"},
    fontsize=9,
)
ax2.set_title("Validation curve")
ax2.set_xlabel("max_depth")
ax2.set_xticks(depth)
ax2.set_ylim(0.6, 1.02)
fig.suptitle("Model selection diagnostics - churn classifier", fontsize=13)
