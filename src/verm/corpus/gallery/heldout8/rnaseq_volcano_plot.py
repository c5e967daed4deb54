# Volcano plot of differential expression: log2 fold change against -log10 adjusted p, thresholds and labelled top genes.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")
rng = np.random.default_rng(7)
n = 6000
lfc = rng.normal(0, 0.7, n)
de = rng.random(n) < 0.06
lfc[de] += rng.choice([-1, 1], de.sum()) * rng.uniform(1, 4, de.sum())
z = np.abs(lfc) / rng.uniform(0.35, 0.9, n)
nlp = np.clip(z**2 / (2 * np.log(10)) - np.log10(3), 0, None)
padj = 10**-nlp
up = (lfc > 1) & (padj < 0.05)
down = (lfc < -1) & (padj < 0.05)
other = ~(up | down)

fig, ax = plt.subplots(figsize=(8, 6.5))
ax.scatter(lfc[other], nlp[other], s=6, color="0.65", alpha=0.6, lw=0, label=f"n.s. ({other.sum()})")
ax.scatter(lfc[up], nlp[up], s=10, color="#c0392b", lw=0, label=f"up ({up.sum()})")
ax.scatter(lfc[down], nlp[down], s=10, color="#2471a3", lw=0, label=f"down ({down.sum()})")
ax.axhline(-np.log10(0.05), ls="--", color="k", lw=0.8)
for v in (-1, 1):
    ax.axvline(v, ls="--", color="k", lw=0.8)
genes = ["IL6", "CXCL8", "SOCS3", "FOS", "EGR1", "MT2A", "KLF2", "TXNIP", "PDK4", "SESN1", "HMOX1", "ATF3"]
top = np.argsort(-nlp * np.abs(lfc) * (up | down))[: len(genes)]
for g, k in zip(genes, top):
    ax.annotate(
        g,
        (lfc[k], nlp[k]),
        xytext=(5 if lfc[k] > 0 else -5, 3),
        textcoords="offset points",
        ha="left" if lfc[k] > 0 else "right",
        fontsize=8,
        fontstyle="italic",
        arrowprops=dict(arrowstyle="-", lw=0.5, color="0.3"),
    )
ax.set_xlabel(r"$\log_2$ fold change (LPS vs. control)")
ax.set_ylabel(r"$-\log_{10}$ adjusted $p$")
ax.legend(loc="upper left", markerscale=2, fontsize=9)
ax.set_title("Macrophage RNA-seq, 6 h LPS stimulation")
fig.tight_layout()
