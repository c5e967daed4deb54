# Four-panel training report: loss curves on a log axis, per-class accuracy bars, a confusion matrix and the learning-rate schedule as a step plot.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(404)
steps = np.arange(0, 20000, 100)
train_loss = 2.3 * np.exp(-steps / 3500) + 0.08 + np.abs(rng.normal(0, 0.03, steps.size))
val_loss = (
    2.3 * np.exp(-steps / 4000)
    + 0.22
    + 0.000004 * np.clip(steps - 12000, 0, None)
    + np.abs(rng.normal(0, 0.02, steps.size))
)
classes = ["cat", "dog", "bird", "car", "ship", "truck"]
per_class = np.array([0.81, 0.77, 0.72, 0.93, 0.91, 0.89])
conf = rng.integers(0, 25, (6, 6))
np.fill_diagonal(conf, (per_class * 1000).astype(int))

plt.rcParams.update({"font.size": 9, "axes.titleweight": "bold"})
fig, axes = plt.subplots(2, 2, figsize=(10, 7.5))
ax = axes[0, 0]
ax.plot(steps, train_loss, label="train", lw=1.2)
ax.plot(steps, val_loss, label="validation", lw=1.2)
ax.axvline(12000, color="0.4", ls="--", lw=1)
ax.text(12200, 1.2, "early-stop\ncheckpoint", fontsize=8)
ax.set_yscale("log")
ax.set_xlabel("Step")
ax.set_ylabel("Cross-entropy")
ax.set_title("Loss")
ax.legend()

ax = axes[0, 1]
order = np.argsort(per_class)
bars = ax.bar(np.array(classes)[order], per_class[order] * 100, color=plt.cm.viridis(per_class[order] - 0.3))
ax.bar_label(bars, fmt="%.0f", fontsize=8)
ax.set_ylim(50, 100)
ax.set_ylabel("Accuracy (%)")
ax.set_title("Per-class validation accuracy")

ax = axes[1, 0]
im = ax.imshow(conf, cmap="Blues")
ax.set_xticks(range(6), classes, rotation=45)
ax.set_yticks(range(6), classes)
for i in range(6):
    for j in range(6):
        ax.text(j, i, conf[i, j], ha="center", va="center", fontsize=7, color="white" if conf[i, j] > 500 else "black")
ax.set_xlabel("Predicted")
ax.set_ylabel("True")
ax.set_title("Confusion matrix")
fig.colorbar(im, ax=ax, fraction=0.046)

ax = axes[1, 1]
boundaries = [0, 1000, 8000, 14000, 20000]
lrs = [1e-4, 1e-3, 3e-4, 1e-4, 1e-4]
ax.step(boundaries, lrs, where="post", color="#d62728", lw=1.8)
ax.fill_between(boundaries, lrs, step="post", color="#d62728", alpha=0.1)
ax.set_yscale("log")
ax.set_xlabel("Step")
ax.set_ylabel("Learning rate")
ax.set_title("Schedule (warm-up then step decay)")
fig.tight_layout()
plt.show()
