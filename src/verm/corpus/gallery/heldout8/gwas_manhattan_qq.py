# GWAS results: a Manhattan plot of -log10 p over 22 chromosomes with significance lines, and a QQ plot of the same p-values.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-ticks")
rng = np.random.default_rng(101)
chrom_len = np.linspace(250, 50, 22).astype(int) * 10
pos, chrom, p = [], [], []
offset = 0
centers = []
for c, n in enumerate(chrom_len, start=1):
    x = np.sort(rng.uniform(0, n, n))
    pv = rng.uniform(size=n)
    if c in (2, 6, 11, 19):
        peak = rng.uniform(0.2, 0.8) * n
        pv = np.minimum(pv, 10 ** (-rng.uniform(5, 11) * np.exp(-(((x - peak) / (n * 0.01)) ** 2))))
    pos.append(x + offset)
    chrom.append(np.full(n, c))
    p.append(pv)
    centers.append(offset + n / 2)
    offset += n + 150
pos, chrom, p = map(np.concatenate, (pos, chrom, p))
logp = -np.log10(p)

fig = plt.figure(figsize=(13, 4.2))
gs = fig.add_gridspec(1, 2, width_ratios=[4, 1], wspace=0.18)
ax = fig.add_subplot(gs[0])
cols = np.where(chrom % 2, "#1b4f72", "#5dade2")
ax.scatter(pos, logp, c=cols, s=4, lw=0)
hits = logp > -np.log10(5e-8)
ax.scatter(pos[hits], logp[hits], color="#e74c3c", s=8, lw=0)
ax.axhline(-np.log10(5e-8), color="#e74c3c", lw=1, ls="--")
ax.axhline(-np.log10(1e-5), color="0.5", lw=0.8, ls=":")
for c in (2, 6, 11, 19):
    sel = chrom == c
    k = np.argmax(np.where(sel, logp, 0))
    ax.annotate(
        f"rs{rng.integers(10**6, 10**7)}",
        (pos[k], logp[k]),
        xytext=(4, 4),
        textcoords="offset points",
        fontsize=7,
        fontstyle="italic",
    )
ax.set_xticks(centers)
ax.set_xticklabels([str(c) if c < 13 or c % 2 else "" for c in range(1, 23)], fontsize=8)
ax.set_xlim(pos.min() - 100, pos.max() + 100)
ax.set_ylim(0, logp.max() + 1.2)
ax.set_xlabel("Chromosome")
ax.set_ylabel(r"$-\log_{10}(p)$")
ax.set_title("Genome-wide association with resting heart rate", loc="left")

ax2 = fig.add_subplot(gs[1])
obs = np.sort(logp)[::-1]
exp = -np.log10(np.arange(1, obs.size + 1) / (obs.size + 1))
ax2.scatter(exp, obs, s=4, color="#1b4f72", lw=0)
m = max(exp.max(), 1)
ax2.plot([0, m], [0, m], color="#e74c3c", lw=1)
lam = np.median(np.log(p) * -2) / 1.386
ax2.text(0.05, 0.93, f"$\\lambda_{{GC}}$ = {lam:.3f}", transform=ax2.transAxes, fontsize=9)
ax2.set_xlabel(r"Expected $-\log_{10}(p)$")
ax2.set_ylabel(r"Observed $-\log_{10}(p)$")
ax2.set_title("QQ", loc="left")
fig.subplots_adjust(left=0.05, right=0.98, bottom=0.14)
