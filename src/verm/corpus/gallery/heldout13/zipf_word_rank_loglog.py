# Zipf's law on a novel's word counts: rank-frequency on log-log axes with labelled top words, a fitted power law and a residual panel.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-whitegrid")
plt.rcParams.update({"font.family": "DejaVu Serif", "mathtext.fontset": "dejavuserif"})

rng = np.random.default_rng(1851)
vocab = 12000
ranks = np.arange(1, vocab + 1)
p = 1.0 / (ranks + 2.7) ** 1.04
p /= p.sum()
counts = np.sort(rng.multinomial(210_000, p))[::-1]
keep = counts > 0
ranks, counts = ranks[keep], counts[keep]
words = ["the", "of", "and", "a", "to", "in", "his", "he", "that", "it", "was", "with", "whale", "is", "but", "as"]

fit = (ranks >= 10) & (ranks <= 3000)
slope, icpt = np.polyfit(np.log10(ranks[fit]), np.log10(counts[fit]), 1)
model = 10**icpt * ranks**slope

fig, (ax, res) = plt.subplots(2, 1, figsize=(8, 7), sharex=True, gridspec_kw={"height_ratios": [3, 1], "hspace": 0.06})
ax.loglog(ranks, counts, ".", ms=3, color="#3949ab", alpha=0.5, label="word types")
ax.loglog(ranks, model, color="#e53935", lw=1.6, label=rf"fit $f \propto r^{{{slope:.2f}}}$ (ranks 10–3000)")
ax.loglog(ranks, counts[0] / ranks, color="0.4", lw=1, ls="--", label=r"ideal Zipf $f = f_1 / r$")
for i, w in enumerate(words):
    ax.annotate(
        w,
        (ranks[i], counts[i]),
        xytext=(4, 6 + 9 * (i % 2)),
        textcoords="offset points",
        fontsize=8,
        rotation=35,
        color="#1a237e",
    )
hapax = np.sum(counts == 1)
ax.axhline(1, color="#8d6e63", lw=0.8, ls=":")
ax.text(12, 1.35, f"{hapax:,} hapax legomena (words used once)", fontsize=8, color="#5d4037")
ax.set_ylabel("Frequency $f$")
ax.set_title("Rank-frequency distribution, 210,000 tokens", loc="left", fontsize=12)
ax.legend(loc="upper right", fontsize=9, frameon=True)
ax.set_ylim(0.7, counts[0] * 2.5)

res.semilogx(ranks, np.log10(counts / model), ".", ms=2, color="#3949ab", alpha=0.4)
res.axhline(0, color="#e53935", lw=1)
res.axvspan(10, 3000, color="#ffecb3", alpha=0.6, lw=0)
res.set_ylim(-1.2, 0.6)
res.set_ylabel(r"$\log_{10}(f/\hat f)$")
res.set_xlabel("Rank $r$")
fig.subplots_adjust(left=0.11, right=0.97, top=0.94, bottom=0.09)
