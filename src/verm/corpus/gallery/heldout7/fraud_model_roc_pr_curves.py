# ROC and precision-recall curves of three fraud classifiers on a held-out set, with AUC / AP in the legends
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(7)
n_pos, n_neg = 180, 1620
y_true = np.r_[np.ones(n_pos), np.zeros(n_neg)]


def roc_pr(scores, labels):
    order = np.argsort(-scores, kind="stable")
    labels = labels[order]
    tp = np.cumsum(labels)
    fp = np.cumsum(1 - labels)
    tpr = np.r_[0, tp / labels.sum()]
    fpr = np.r_[0, fp / (1 - labels).sum()]
    precision = tp / np.arange(1, len(labels) + 1)
    recall = tp / labels.sum()
    auc = np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)
    ap = np.sum(np.diff(np.r_[0, recall]) * precision)
    return fpr, tpr, recall, precision, auc, ap


models = {
    "Gradient boosting": 1.9,
    "Logistic regression": 1.25,
    "Random forest": 1.6,
}
colors = ["#1b9e77", "#d95f02", "#7570b3"]

with plt.style.context("seaborn-v0_8-whitegrid"):
    fig, (ax_roc, ax_pr) = plt.subplots(1, 2, figsize=(10, 4.6))
    for (name, sep), color in zip(models.items(), colors):
        scores = np.r_[rng.normal(sep, 1.0, n_pos), rng.normal(0.0, 1.0, n_neg)]
        fpr, tpr, rec, prec, auc, ap = roc_pr(scores, y_true)
        ax_roc.plot(fpr, tpr, color=color, lw=2, label=f"{name} (AUC = {auc:.3f})")
        ax_pr.plot(rec, prec, color=color, lw=2, label=f"{name} (AP = {ap:.3f})")

    ax_roc.plot([0, 1], [0, 1], ls="--", color="grey", lw=1, label="Chance (AUC = 0.500)")
    ax_roc.set_xlim(-0.01, 1.0)
    ax_roc.set_ylim(0.0, 1.01)
    ax_roc.set_xlabel("False positive rate")
    ax_roc.set_ylabel("True positive rate")
    ax_roc.set_title("Receiver operating characteristic")
    ax_roc.legend(loc="lower right", fontsize=9, frameon=True)

    base_rate = n_pos / (n_pos + n_neg)
    ax_pr.axhline(base_rate, ls="--", color="grey", lw=1, label=f"No skill ({base_rate:.2f})")
    ax_pr.set_xlim(0.0, 1.0)
    ax_pr.set_ylim(0.0, 1.02)
    ax_pr.set_xlabel("Recall")
    ax_pr.set_ylabel("Precision")
    ax_pr.set_title("Precision-recall")
    ax_pr.legend(loc="upper right", fontsize=9, frameon=True)

    fig.suptitle("Fraud detection, validation fold (n = 1,800, 10% positive)", fontsize=12)
    fig.tight_layout()
