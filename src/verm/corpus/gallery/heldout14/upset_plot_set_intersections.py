# UpSet plot of which adverse events co-occur in a trial: intersection-size bars over a dot matrix, with set sizes as horizontal bars on the left
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-white")
rng = np.random.default_rng(1409)

sets = ["Nausea", "Headache", "Fatigue", "Rash", "Insomnia"]
n = 900
p = np.array([0.35, 0.3, 0.4, 0.12, 0.18])
latent = rng.normal(size=(n, 1))
member = (rng.normal(size=(n, 5)) * 0.9 + latent * 0.6) < np.quantile(rng.normal(size=20000), p)
codes = member @ (1 << np.arange(5))
uniq, counts = np.unique(codes[codes > 0], return_counts=True)
order = np.argsort(counts)[::-1][:16]
uniq, counts = uniq[order], counts[order]
combos = ((uniq[:, None] >> np.arange(5)) & 1).astype(bool)
degree = combos.sum(1)

fig = plt.figure(figsize=(11, 6))
gs = fig.add_gridspec(2, 3, width_ratios=[1, 0.4, 4], height_ratios=[3, 2], wspace=0.0, hspace=0.04)
ax_bar = fig.add_subplot(gs[0, 2])
ax_mat = fig.add_subplot(gs[1, 2], sharex=ax_bar)
ax_set = fig.add_subplot(gs[1, 0], sharey=ax_mat)

x = np.arange(len(uniq))
deg_cols = {1: "#4c72b0", 2: "#dd8452", 3: "#55a868", 4: "#c44e52", 5: "#8172b3"}
bars = ax_bar.bar(x, counts, color=[deg_cols[d] for d in degree], width=0.65)
ax_bar.bar_label(bars, fontsize=8, padding=2)
ax_bar.set_ylabel("Intersection size")
ax_bar.spines[["top", "right", "bottom"]].set_visible(False)
ax_bar.tick_params(axis="x", bottom=False, labelbottom=False)
handles = [plt.Rectangle((0, 0), 1, 1, color=deg_cols[d]) for d in sorted(set(degree))]
ax_bar.legend(
    handles,
    [f"{d} event{'s' if d > 1 else ''}" for d in sorted(set(degree))],
    title="degree",
    loc="upper right",
    frameon=False,
)
ax_bar.set_title("Co-occurring adverse events (n = 900 participants)", loc="left", fontsize=13)

for i in range(5):
    if i % 2 == 0:
        ax_mat.axhspan(i - 0.5, i + 0.5, color="0.94", zorder=0)
for j, row in enumerate(combos):
    ys = np.flatnonzero(row)
    ax_mat.scatter(np.full(5, j), np.arange(5), s=70, color="0.85", zorder=1)
    ax_mat.scatter(np.full(ys.size, j), ys, s=70, color="0.15", zorder=3)
    if ys.size > 1:
        ax_mat.plot([j, j], [ys.min(), ys.max()], color="0.15", lw=2.5, zorder=2)
ax_mat.set_yticks(range(5), labels=sets)
ax_mat.tick_params(axis="y", left=False, labelleft=True, labelsize=10)
ax_mat.tick_params(axis="x", bottom=False, labelbottom=False)
ax_mat.set_ylim(-0.5, 4.5)
for s in ax_mat.spines.values():
    s.set_visible(False)

sizes = member.sum(0)
ax_set.barh(range(5), sizes, color="0.35", height=0.55)
ax_set.invert_xaxis()
for i, v in enumerate(sizes):
    ax_set.text(v + 8, i, str(v), va="center", ha="right", fontsize=8)
ax_set.tick_params(axis="y", left=False, labelleft=False)
ax_set.set_xlabel("Set size")
ax_set.spines[["top", "left", "right"]].set_visible(False)
fig.subplots_adjust(left=0.04, right=0.98, top=0.93, bottom=0.09)
