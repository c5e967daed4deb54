# Flowchart of a machine-learning training pipeline: rounded text boxes joined by arrows, with a decision diamond
import matplotlib.pyplot as plt

plt.rcParams["font.family"] = "DejaVu Sans"
fig, ax = plt.subplots(figsize=(8, 7))
ax.set_xlim(0, 10)
ax.set_ylim(0, 12)
ax.axis("off")

box = dict(boxstyle="round,pad=0.5", facecolor="#e8f1fb", edgecolor="#2b6cb0", linewidth=1.5)
store = dict(boxstyle="round4,pad=0.5", facecolor="#fdf2e3", edgecolor="#c05621", linewidth=1.5)
decision = dict(boxstyle="darrow,pad=0.4", facecolor="#fefcbf", edgecolor="#b7791f", linewidth=1.5)
done = dict(boxstyle="round,pad=0.5", facecolor="#e6fffa", edgecolor="#2c7a7b", linewidth=1.5)

nodes = {
    "raw": (2.5, 11, "Raw events\n(Kafka topic)", store),
    "etl": (2.5, 9.2, "Clean & join\n(Spark job)", box),
    "feat": (2.5, 7.4, "Feature store\nsnapshot", store),
    "split": (2.5, 5.6, "Train / valid / test\nsplit by user id", box),
    "train": (2.5, 3.8, "Train model\n(5-fold CV)", box),
    "eval": (6.8, 3.8, "AUC ≥ 0.85 and\nno fairness gap?", decision),
    "deploy": (6.8, 1.4, "Register & deploy\n(canary 5%)", done),
    "tune": (6.8, 7.4, "Tune hyper-\nparameters", box),
}
for x, y, label, style in nodes.values():
    ax.text(x, y, label, ha="center", va="center", fontsize=10, bbox=style)


def arrow(a, b, text=None, rad=0.0, offset=(0, 0), shrink=24):
    (x1, y1), (x2, y2) = nodes[a][:2], nodes[b][:2]
    ax.annotate(
        "",
        xy=(x2, y2),
        xytext=(x1, y1),
        arrowprops=dict(
            arrowstyle="-|>", color="0.25", lw=1.4, shrinkA=shrink, shrinkB=shrink, connectionstyle=f"arc3,rad={rad}"
        ),
    )
    if text:
        ax.text(
            (x1 + x2) / 2 + offset[0],
            (y1 + y2) / 2 + offset[1],
            text,
            fontsize=9,
            color="0.25",
            style="italic",
            ha="center",
        )


arrow("raw", "etl")
arrow("etl", "feat")
arrow("feat", "split")
arrow("split", "train")
arrow("train", "eval", shrink=62)
arrow("eval", "deploy", "yes", offset=(0.4, 0))
arrow("eval", "tune", "no", offset=(0.4, 0))
arrow("tune", "train", "retrain", rad=0.25, offset=(0.3, 0.3))

ax.text(0.2, 0.3, "Nightly at 02:00 UTC · owners: ml-platform", fontsize=8, color="0.45")
ax.set_title("Churn model: training pipeline", fontsize=14, fontweight="bold", loc="left")
fig.tight_layout()
