# Annotated confusion matrix of a 6-class land-cover classifier (row-normalised percentages with raw counts) with per-class recall and precision bars
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("classic")
plt.rcParams["font.family"] = "DejaVu Sans"

classes = ["Water", "Forest", "Crop", "Urban", "Bare", "Wetland"]
rng = np.random.default_rng(4106)
k = len(classes)
support = np.array([420, 910, 760, 380, 150, 210])
cm = np.zeros((k, k), dtype=int)
for i, n in enumerate(support):
    p = np.full(k, 0.01)
    p[i] = [0.93, 0.88, 0.81, 0.86, 0.62, 0.58][i]
    confusions = {0: 5, 1: 2, 2: 1, 3: 4, 4: 3, 5: 0}
    p[confusions[i]] += 1 - p.sum()
    cm[i] = rng.multinomial(n, p)
norm = cm / cm.sum(axis=1, keepdims=True)
recall = np.diag(cm) / cm.sum(axis=1)
precision = np.diag(cm) / cm.sum(axis=0)

fig = plt.figure(figsize=(9, 7), facecolor="white")
gs = fig.add_gridspec(2, 2, width_ratios=[4, 1], height_ratios=[1, 4], hspace=0.05, wspace=0.05)
ax = fig.add_subplot(gs[1, 0])
ax_top = fig.add_subplot(gs[0, 0], sharex=ax)
ax_right = fig.add_subplot(gs[1, 1], sharey=ax)

im = ax.imshow(norm, cmap="Blues", vmin=0, vmax=1, interpolation="nearest", aspect="auto")
for i in range(k):
    for j in range(k):
        v = norm[i, j]
        ax.text(
            j, i, f"{v:.0%}\n({cm[i, j]})", ha="center", va="center", fontsize=8, color="white" if v > 0.55 else "black"
        )
ax.set_xticks(range(k), classes, rotation=35, ha="right")
ax.set_yticks(range(k), classes)
ax.set_xlabel("Predicted class")
ax.set_ylabel("True class")

ax_top.bar(range(k), precision, color="#6a51a3", width=0.6)
ax_top.set_ylim(0, 1.1)
ax_top.set_ylabel("precision", fontsize=9)
ax_top.tick_params(labelbottom=False, labelsize=8)
ax_right.barh(range(k), recall, color="#d94801", height=0.6)
ax_right.set_xlim(0, 1.1)
ax_right.set_xlabel("recall", fontsize=9)
ax_right.tick_params(labelleft=False, labelsize=8)
fig.suptitle(f"Land-cover classifier, overall accuracy {np.trace(cm) / cm.sum():.1%}", fontsize=13)
fig.subplots_adjust(left=0.13, right=0.95, bottom=0.14, top=0.92)
