# Fagan nomogram for Bayes' theorem: pre-test probability, likelihood ratio and post-test probability scales with lines for a positive and a negative test
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 10})
rng = np.random.default_rng(1408)


def logit(p):
    return np.log10(p / (1 - p))


fig, ax = plt.subplots(figsize=(6.5, 8.5))
ax.set_xlim(-0.6, 2.6)
ax.set_ylim(-3.4, 3.75)
ax.axis("off")

probs = (
    np.array(
        [
            0.1,
            0.2,
            0.3,
            0.5,
            0.7,
            1,
            2,
            3,
            5,
            7,
            10,
            20,
            30,
            40,
            50,
            60,
            70,
            80,
            90,
            93,
            95,
            97,
            98,
            99,
            99.5,
            99.8,
            99.9,
        ]
    )
    / 100
)
lrs = np.array([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])

# left: pre-test probability drawn top-down (high at top), right: post-test drawn bottom-up mirrored
yl = -logit(probs)
yr = logit(probs)
ymid = np.log10(lrs) / 2
for x, ys, labels, side in ((0, yl, probs, -1), (2, yr, probs, 1)):
    ax.plot([x, x], [ys.min(), ys.max()], color="k", lw=1.5)
    for y, p in zip(ys, labels):
        ax.plot([x, x + 0.06 * side], [y, y], color="k", lw=1)
        pct = p * 100
        txt = f"{pct:g}"
        ax.text(x + 0.1 * side, y, txt, ha="left" if side > 0 else "right", va="center", fontsize=8.5)
ax.plot([1, 1], [ymid.min(), ymid.max()], color="k", lw=1.5)
for y, lr in zip(ymid, lrs):
    ax.plot([0.94, 1.06], [y, y], color="k", lw=1)
    ax.text(1.1, y, f"{lr:g}", va="center", fontsize=8.5)

pre = 0.25
lr_pos, lr_neg = 9.0, 0.12
for lr, col, lab in ((lr_pos, "firebrick", "positive test"), (lr_neg, "navy", "negative test")):
    y0 = -logit(pre)
    y2 = logit(1 / (1 + (1 - pre) / (pre * lr)))
    ax.plot([0, 2], [y0, y2], color=col, lw=2, label=f"{lab}: LR = {lr:g}")
    post = 1 / (1 + (1 - pre) / (pre * lr))
    ax.plot(2, y2, "o", color=col, ms=7)
    ax.annotate(
        f"{post:.0%}",
        xy=(2, y2),
        xytext=(2.35, y2),
        color=col,
        fontweight="bold",
        va="center",
        arrowprops=dict(arrowstyle="-", color=col, lw=0.8),
    )
ax.plot(0, -logit(pre), "ko", ms=7)
ax.annotate(
    f"{pre:.0%}",
    xy=(0, -logit(pre)),
    xytext=(-0.55, -logit(pre) + 0.35),
    fontweight="bold",
    arrowprops=dict(arrowstyle="->"),
)

for x, title in ((0, "Pre-test\nprobability (%)"), (1, "Likelihood\nratio"), (2, "Post-test\nprobability (%)")):
    ax.text(x, 3.72, title, ha="center", va="top", fontweight="bold", fontsize=11)
ax.legend(loc="lower center", ncol=2, frameon=False, bbox_to_anchor=(0.5, -0.02))
ax.set_title("D-dimer for deep-vein thrombosis, moderate clinical suspicion", fontsize=11, style="italic", pad=4)
fig.tight_layout()
