# Paper-style grouped bar chart in the grayscale style: accuracy of four methods on five benchmarks, distinguished by hatch patterns, with error bars and a legend on top
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("grayscale")
plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 9, "hatch.linewidth": 0.6})

benchmarks = ["MNIST-C", "CIFAR-10-C", "ImageNet-R", "ObjectNet", "WILDS-Cam"]
methods = ["ERM", "Mixup", "AugMix", "Ours"]
acc = np.array(
    [
        [91.2, 64.5, 36.2, 28.4, 61.0],
        [92.0, 67.9, 38.0, 29.1, 62.4],
        [93.4, 72.1, 41.3, 30.5, 64.8],
        [94.1, 75.6, 44.9, 33.0, 67.3],
    ]
)
std = np.array(
    [[0.3, 0.8, 0.6, 0.5, 1.4], [0.4, 0.7, 0.5, 0.6, 1.2], [0.2, 0.6, 0.7, 0.4, 1.1], [0.2, 0.5, 0.4, 0.5, 0.9]]
)
hatches = ["", "//", "xx", ".."]
faces = ["white", "0.85", "0.65", "0.35"]

x = np.arange(len(benchmarks))
w = 0.2
fig, ax = plt.subplots(figsize=(7.0, 3.2))
for i, (m, h, fc) in enumerate(zip(methods, hatches, faces)):
    ax.bar(
        x + (i - 1.5) * w,
        acc[i],
        w,
        yerr=std[i],
        capsize=2,
        hatch=h,
        facecolor=fc,
        edgecolor="black",
        linewidth=0.6,
        label=m,
        error_kw={"elinewidth": 0.7},
    )
best = acc.argmax(0)
for j, i in enumerate(best):
    ax.text(x[j] + (i - 1.5) * w, acc[i, j] + std[i, j] + 1.2, "*", ha="center", fontsize=10)
ax.set_xticks(x, benchmarks)
ax.set_ylabel("Top-1 accuracy (%)")
ax.set_ylim(0, 105)
ax.yaxis.grid(True, ls=":", lw=0.5)
ax.set_axisbelow(True)
ax.legend(ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, handlelength=1.6)
fig.tight_layout()
