# Reaction times under four sleep conditions shown as box plots and violin plots side by side, shared y axis
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-paper")

rng = np.random.default_rng(77)
conditions = ["8 h sleep", "6 h sleep", "4 h sleep", "24 h awake"]
data = [
    rng.lognormal(np.log(280), 0.12, 40),
    rng.lognormal(np.log(300), 0.15, 40),
    rng.lognormal(np.log(335), 0.2, 40),
    rng.lognormal(np.log(390), 0.25, 40),
]

fig, (ax_box, ax_vio) = plt.subplots(1, 2, figsize=(10, 4.5), sharey=True)

bp = ax_box.boxplot(data, patch_artist=True, widths=0.55, medianprops=dict(color="black"))
ax_box.set_xticks(range(1, 5), conditions)
palette = ["#a6cee3", "#b2df8a", "#fdbf6f", "#fb9a99"]
for patch, color in zip(bp["boxes"], palette):
    patch.set_facecolor(color)
ax_box.set_title("Box plot")
ax_box.set_ylabel("Reaction time (ms)")

parts = ax_vio.violinplot(data, showmeans=False, showmedians=True)
for body, color in zip(parts["bodies"], palette):
    body.set_facecolor(color)
    body.set_edgecolor("0.3")
    body.set_alpha(0.8)
ax_vio.set_xticks(range(1, 5), conditions)
ax_vio.set_title("Violin plot")

for ax in (ax_box, ax_vio):
    ax.tick_params(axis="x", labelrotation=15)
    ax.grid(axis="y", alpha=0.3)

fig.suptitle("Psychomotor vigilance task, n = 40 per condition")
fig.tight_layout()
plt.show()
