# Genome-browser view of a locus: read coverage, gene models with exons and strand arrows, and variant lollipops
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter

plt.rcParams.update(
    {"font.family": "DejaVu Sans", "font.size": 9, "axes.spines.top": False, "axes.spines.right": False}
)
rng = np.random.default_rng(8)

start, end = 55_180_000, 55_240_000
genes = [
    (
        "EGFRL1",
        "+",
        [(55_184_000, 55_185_200), (55_191_000, 55_191_600), (55_199_500, 55_200_300), (55_206_000, 55_208_500)],
    ),
    ("LINC0917", "-", [(55_212_000, 55_212_900), (55_218_400, 55_219_100)]),
    ("SEC61G2", "+", [(55_224_000, 55_224_700), (55_229_500, 55_230_100), (55_233_000, 55_236_500)]),
]

pos = np.arange(start, end, 100)
cov = rng.gamma(2, 2.0, pos.size)
for _, _, exons in genes:
    for a, b in exons:
        m = (pos >= a) & (pos <= b)
        cov[m] += 60 + 25 * np.sin(np.linspace(0, np.pi, m.sum())) + rng.normal(0, 6, m.sum())
cov = np.convolve(np.clip(cov, 0, None), np.ones(5) / 5, mode="same")

fig, (a_cov, a_gene, a_var) = plt.subplots(
    3, 1, figsize=(10, 5.6), sharex=True, gridspec_kw={"height_ratios": [2.2, 1.6, 1.4]}
)
a_cov.fill_between(pos, cov, step="mid", color="#5b7db1", lw=0)
a_cov.set_ylabel("RNA-seq\ncoverage")
a_cov.set_ylim(0, None)
a_cov.set_title("chr7:55,180,000-55,240,000 (hg38)", loc="left", family="DejaVu Sans Mono", fontsize=10)

for row, (name, strand, exons) in enumerate(genes):
    y = 1 - (row % 2) * 0.9
    g0, g1 = exons[0][0], exons[-1][1]
    a_gene.plot([g0, g1], [y, y], color="#222", lw=1)
    for x in np.arange(g0 + 1500, g1 - 800, 2500):
        a_gene.text(x, y, ">" if strand == "+" else "<", ha="center", va="center", fontsize=8, color="#222")
    for a, b in exons:
        a_gene.add_patch(Rectangle((a, y - 0.17), b - a, 0.34, color="#1b3a6b"))
    a_gene.text((g0 + g1) / 2, y + 0.28, name, ha="center", va="bottom", style="italic", fontsize=9)
a_gene.set_ylim(-0.3, 1.6)
a_gene.set_yticks([])
a_gene.spines["left"].set_visible(False)
a_gene.set_ylabel("Genes", rotation=0, ha="right", va="center")

vpos = np.sort(rng.choice(np.arange(start + 2000, end - 2000, 50), 14, replace=False))
vaf = rng.beta(2, 5, vpos.size)
kind = rng.choice(["missense", "synonymous", "intronic", "stop gained"], vpos.size, p=[0.35, 0.25, 0.3, 0.1])
kind_col = {"missense": "#e67e22", "synonymous": "#27ae60", "intronic": "#95a5a6", "stop gained": "#c0392b"}
a_var.vlines(vpos, 0, vaf, color="0.5", lw=0.9)
for k, c in kind_col.items():
    m = kind == k
    a_var.scatter(vpos[m], vaf[m], s=40, color=c, edgecolor="k", lw=0.5, zorder=3, label=k)
a_var.set_ylim(0, 1)
a_var.set_ylabel("Variant\nallele freq.")
a_var.legend(ncol=4, fontsize=8, loc="upper left", frameon=False)

a_var.set_xlim(start, end)
a_var.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x / 1e6:.2f} Mb"))
a_var.set_xlabel("Genomic position")
for ax in (a_cov, a_gene, a_var):
    ax.yaxis.set_label_coords(-0.06, 0.5)
fig.subplots_adjust(left=0.11, right=0.98, top=0.93, bottom=0.1, hspace=0.12)
