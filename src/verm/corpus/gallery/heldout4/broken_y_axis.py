# Bar chart with a broken y axis and diagonal cut marks: GitHub stars of twelve plotting libraries where one outlier dwarfs the rest
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-colorblind")
plt.rcParams["font.family"] = "DejaVu Sans"

libs = [
    "plotzilla",
    "chartkit",
    "figly",
    "graphix",
    "vizmo",
    "pltr",
    "canvasx",
    "drawpy",
    "axiom",
    "scopeviz",
    "tinyplot",
    "glyphs",
]
stars = np.array([61200, 9800, 8700, 7400, 6900, 5200, 4800, 3900, 3100, 2500, 1800, 950])
growth = np.array([8, 22, 15, 3, 31, -2, 12, 9, 40, 5, 18, 60])

fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(10, 6), gridspec_kw={"height_ratios": [1, 2.5]})
fig.subplots_adjust(hspace=0.06, left=0.1, right=0.97, top=0.9, bottom=0.16)
colors = np.where(growth >= 20, "#0072B2", "#999999")
for ax in (top, bottom):
    bars = ax.bar(libs, stars, color=colors, edgecolor="black", linewidth=0.5)
top.set_ylim(56000, 64000)
bottom.set_ylim(0, 11500)
top.spines["bottom"].set_visible(False)
bottom.spines["top"].set_visible(False)
top.tick_params(axis="x", bottom=False)
top.set_yticks([58000, 62000])

d = 0.6
marks = dict(marker=[(-1, -d), (1, d)], markersize=12, linestyle="none", color="k", mec="k", mew=1, clip_on=False)
top.plot([0, 1], [0, 0], transform=top.transAxes, **marks)
bottom.plot([0, 1], [1, 1], transform=bottom.transAxes, **marks)

for i, (s, g) in enumerate(zip(stars, growth)):
    ax = top if s > 11500 else bottom
    ax.text(i, s + (400 if ax is top else 200), f"{s / 1000:.1f}k\n{g:+d}%", ha="center", va="bottom", fontsize=8)
bottom.set_ylabel("GitHub stars")
bottom.yaxis.set_label_coords(-0.07, 0.7)
plt.setp(bottom.get_xticklabels(), rotation=40, ha="right")
top.set_title("Stars per library (label: stars, 12-month growth; blue: growth \u2265 20%)", fontsize=11)
