# Population pyramid of a country in 2024 by five-year age group, men left and women right, with the 1994 profile overlaid as step outlines
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("classic")

ages = [f"{a}-{a + 4}" for a in range(0, 90, 5)] + ["90+"]
n = len(ages)
idx = np.arange(n)
base = 3.6 * np.exp(-0.5 * ((idx - 7) / 6.0) ** 2) + 1.2 - 0.06 * idx
base[-4:] *= np.array([0.8, 0.55, 0.3, 0.15])
rng = np.random.default_rng(4112)
men = np.clip(base * (1.02 - 0.012 * np.maximum(idx - 12, 0)) + rng.normal(0, 0.05, n), 0.05, None)
women = np.clip(base * (0.99 + 0.02 * np.maximum(idx - 12, 0)) + rng.normal(0, 0.05, n), 0.05, None)
old_men = np.clip(np.roll(men, -2) * 1.1, 0.05, None)
old_men[-2:] = [0.12, 0.04]
old_women = np.clip(np.roll(women, -2) * 1.1, 0.05, None)
old_women[-2:] = [0.25, 0.09]
total, old_total = (men.sum() + women.sum()) / 100, (old_men.sum() + old_women.sum()) / 100
men, women, old_men, old_women = men / total, women / total, old_men / old_total, old_women / old_total

fig, (axl, axr) = plt.subplots(1, 2, sharey=True, figsize=(9, 7), facecolor="white")
axl.barh(idx, men, height=0.85, color="#3182bd", edgecolor="white", label="Men 2024")
axr.barh(idx, women, height=0.85, color="#e6550d", edgecolor="white", label="Women 2024")
axl.step(old_men, idx, where="mid", color="black", lw=1.4, label="1994")
axr.step(old_women, idx, where="mid", color="black", lw=1.4, label="1994")

top = 5.0
axl.set_xlim(top, 0)
axr.set_xlim(0, top)
axl.set_yticks(idx)
axl.set_yticklabels(ages, fontsize=9)
axl.set_ylim(-0.6, n - 0.4)
for ax, values in ((axl, men), (axr, women)):
    ax.set_xlabel("share of population (%)")
    ax.grid(axis="x", ls=":", color="0.7")
    for i in (4, 13):
        ax.text(values[i] + 0.08, i, f"{values[i]:.1f}", va="center", ha="left" if ax is axr else "right", fontsize=8)
axl.legend(loc="upper left", fontsize=9, frameon=False)
axr.legend(loc="upper right", fontsize=9, frameon=False)
axl.set_title("Men", fontsize=12)
axr.set_title("Women", fontsize=12)
fig.suptitle("Age structure 2024 (bars) vs 1994 (outline), % of total population", fontsize=13)
fig.subplots_adjust(wspace=0.0, left=0.11, right=0.97, top=0.88)
