# Average-linkage dendrogram of twelve tissue samples drawn from line segments, coloured below a cut height
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(31)
names = [
    "liver_1",
    "liver_2",
    "liver_3",
    "kidney_1",
    "kidney_2",
    "kidney_3",
    "brain_1",
    "brain_2",
    "brain_3",
    "brain_4",
    "muscle_1",
    "muscle_2",
]
centres = {
    "liver": rng.normal(0, 3, 20),
    "kidney": rng.normal(0, 3, 20),
    "brain": rng.normal(0, 3, 20),
    "muscle": rng.normal(0, 3, 20),
}
centres["kidney"] = 0.55 * centres["kidney"] + 0.45 * centres["liver"]
data = np.array([centres[n.split("_")[0]] + rng.normal(0, 1.0, 20) for n in names])

# naive agglomerative clustering with average linkage
dist = np.sqrt(((data[:, None, :] - data[None, :, :]) ** 2).sum(-1))
clusters = {i: [i] for i in range(len(names))}
merges = []
next_id = len(names)
while len(clusters) > 1:
    keys = sorted(clusters)
    best = None
    for ia, a in enumerate(keys):
        for b in keys[ia + 1 :]:
            d = dist[np.ix_(clusters[a], clusters[b])].mean()
            if best is None or d < best[0]:
                best = (d, a, b)
    d, a, b = best
    merges.append((a, b, d))
    clusters[next_id] = clusters.pop(a) + clusters.pop(b)
    next_id += 1


# leaf order from the tree, then x positions of every node
def leaves(node):
    if node < len(names):
        return [node]
    a, b, _ = merges[node - len(names)]
    return leaves(a) + leaves(b)


order = leaves(next_id - 1)
xpos = {leaf: 5 + 10 * k for k, leaf in enumerate(order)}
height = {i: 0.0 for i in range(len(names))}
cut = 0.5 * merges[-1][2]
palette = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00"]
colour_of = {}
n_groups = 0

fig, ax = plt.subplots(figsize=(9, 5))
for k, (a, b, d) in enumerate(merges):
    node = len(names) + k
    xa, xb = xpos[a], xpos[b]
    if d < cut:
        ca, cb = colour_of.get(a), colour_of.get(b)
        colour = ca or cb
        if colour is None:
            colour = palette[n_groups % len(palette)]
            n_groups += 1
        for child in (a, b):
            if colour_of.get(child) is None:
                colour_of[child] = colour
        colour_of[node] = colour
    else:
        colour = "0.35"
    ax.plot([xa, xa, xb, xb], [height[a], d, d, height[b]], color=colour, lw=1.6)
    xpos[node] = (xa + xb) / 2
    height[node] = d

ax.axhline(cut, color="0.5", ls="--", lw=1)
ax.text(xpos[order[-1]] + 4, cut, "cut", va="bottom", ha="right", color="0.4", fontsize=9)
ax.set_xticks([xpos[i] for i in order])
ax.set_xticklabels([names[i] for i in order], rotation=55, ha="right")
ax.set_xlim(0, 10 * len(names))
ax.set_ylim(0, merges[-1][2] * 1.08)
ax.set_ylabel("Average Euclidean distance")
ax.set_title("Hierarchical clustering of tissue expression profiles (20 genes)", loc="left")
for side in ("top", "right", "bottom"):
    ax.spines[side].set_visible(False)
ax.tick_params(axis="x", length=0)
fig.tight_layout()
