# Simulated agarose gel image of PCR products in eight lanes beside a DNA size ladder, with lane and band-size labels.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(5)
ladder = [3000, 2000, 1500, 1000, 700, 500, 400, 300, 200, 100]
samples = {"1": [850], "2": [850], "3": [], "4": [850, 420], "5": [1200], "6": [850], "7": [850, 150], "NTC": []}
H, lane_w, gap = 640, 46, 18
n_lanes = 1 + len(samples)
W = n_lanes * (lane_w + gap) + gap
img = rng.normal(0.05, 0.01, (H, W))


def migration(bp):
    return 40 + 130 * (np.log10(4000) - np.log10(bp)) / 0.4


yy = np.arange(H)[:, None]
for li, bands in enumerate([ladder] + list(samples.values())):
    x0 = gap + li * (lane_w + gap)
    xx = np.arange(W)[None, :]
    lane_mask = np.exp(-(((xx - x0 - lane_w / 2) / (lane_w / 2.2)) ** 8))
    for bp in bands:
        bright = 0.9 if li else (1.2 if bp in (1000, 500) else 0.6)
        band = np.exp(-0.5 * ((yy - migration(bp)) / 3.2) ** 2)
        img += bright * band * lane_mask
    img += 0.12 * np.exp(-0.5 * ((yy - 30) / 4) ** 2) * lane_mask  # wells
    if li in (2, 4, 7):  # primer dimer smear
        img += 0.18 * np.exp(-0.5 * ((yy - migration(60)) / 8) ** 2) * lane_mask

fig, ax = plt.subplots(figsize=(7, 7.5), facecolor="#111111")
ax.imshow(img, cmap="gray", vmin=0, vmax=1.0, interpolation="bilinear")
labels = ["L"] + list(samples)
ax.set_xticks([gap + i * (lane_w + gap) + lane_w / 2 for i in range(n_lanes)], labels, color="white")
ax.xaxis.tick_top()
ax.set_yticks([migration(bp) for bp in ladder], [f"{bp} bp" for bp in ladder], color="white", fontsize=8)
ax.tick_params(colors="white", length=3)
ax.annotate(
    "850 bp target",
    (gap + 6 * (lane_w + gap) + lane_w, migration(850)),
    xytext=(15, 35),
    textcoords="offset points",
    color="#ffeb3b",
    fontsize=9,
    arrowprops=dict(arrowstyle="->", color="#ffeb3b"),
)
ax.text(
    gap + 4 * (lane_w + gap) + lane_w / 2, migration(420) + 18, "non-specific", color="#ff8a80", fontsize=8, ha="center"
)
ax.set_title("1.5 % agarose, 100 V 45 min, SYBR Safe", color="white", fontsize=11, pad=24)
for s in ax.spines.values():
    s.set_color("#444444")
ax.set_ylim(H - 10, 0)
fig.tight_layout()
