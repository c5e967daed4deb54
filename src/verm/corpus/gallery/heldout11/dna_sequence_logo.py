# Sequence logo of a transcription-factor binding motif: letter heights scaled by information content at each position
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.font_manager import FontProperties
from matplotlib.patches import PathPatch
from matplotlib.text import TextPath
from matplotlib.transforms import Affine2D

plt.style.use("seaborn-v0_8-ticks")
rng = np.random.default_rng(42)

# Position frequency matrix from 60 aligned sites of a TGA(C/G)TCA-like motif with flanks
consensus = "NNTGASTCANN"
letters = "ACGT"
colours = {"A": "#2ca02c", "C": "#1f77b4", "G": "#ff9f1c", "T": "#d62728"}
counts = []
for c in consensus:
    if c == "N":
        p = rng.dirichlet([6, 6, 6, 6])
    elif c == "S":
        p = rng.dirichlet([1, 20, 22, 1])
    else:
        alpha = np.full(4, 0.8)
        alpha[letters.index(c)] = 40
        p = rng.dirichlet(alpha)
    counts.append(rng.multinomial(60, p))
counts = np.array(counts, dtype=float) + 0.25  # pseudocounts
freq = counts / counts.sum(axis=1, keepdims=True)
ic = 2 + (freq * np.log2(freq)).sum(axis=1)  # bits
heights = freq * ic[:, None]

prop = FontProperties(family="DejaVu Sans", weight="bold")
glyphs = {b: TextPath((0, 0), b, size=1, prop=prop) for b in letters}

fig, (ax, axb) = plt.subplots(
    2, 1, figsize=(9, 4.6), sharex=True, gridspec_kw={"height_ratios": [4, 1], "hspace": 0.08}
)
for i, row in enumerate(heights):
    y = 0.0
    for j in np.argsort(row):  # smallest at the bottom
        b, h = letters[j], row[j]
        if h < 0.01:
            continue
        path = glyphs[b]
        ext = path.get_extents()
        tr = Affine2D().translate(-ext.x0, -ext.y0).scale(0.9 / ext.width, h / ext.height).translate(i + 1 - 0.45, y)
        ax.add_patch(PathPatch(tr.transform_path(path), facecolor=colours[b], edgecolor="none"))
        y += h

ax.set_xlim(0.4, len(consensus) + 0.6)
ax.set_ylim(0, 2)
ax.set_ylabel("Information (bits)")
ax.set_yticks([0, 0.5, 1, 1.5, 2])
ax.set_title("AP-1 binding motif (n = 60 sites, ChIP-seq peak summits)", loc="left")
ax.spines[["top", "right"]].set_visible(False)

axb.bar(np.arange(1, len(consensus) + 1), ic, color="0.55", width=0.7)
axb.set_ylabel("IC", rotation=0, ha="right", va="center")
axb.set_ylim(0, 2.1)
axb.set_yticks([0, 2])
axb.set_xticks(np.arange(1, len(consensus) + 1))
axb.set_xlabel("Position")
axb.spines[["top", "right"]].set_visible(False)
for i, c in enumerate(consensus, start=1):
    axb.text(i, 1.95, c, ha="center", va="top", family="DejaVu Sans Mono", fontsize=9)
fig.subplots_adjust(left=0.1, right=0.97, top=0.91, bottom=0.12)
