# Streamgraph of weekly music streams by genre over two years, a wiggle-baseline stackplot with labels inside the streams
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("dark_background")

rng = np.random.default_rng(2024)
weeks = np.arange(104)
genres = ["Pop", "Hip-hop", "Rock", "Electronic", "Latin", "K-pop", "Country"]


def bump(center, width, height):
    return height * np.exp(-0.5 * ((weeks - center) / width) ** 2)


series = []
for k in range(len(genres)):
    base = 4 + 2 * np.sin(2 * np.pi * (weeks + 9 * k) / 52)
    wave = base + bump(rng.uniform(10, 95), rng.uniform(5, 14), rng.uniform(3, 9))
    series.append(np.convolve(wave + rng.normal(0, 0.4, weeks.size), np.ones(5) / 5, mode="same").clip(0.3))
series = np.array(series)

fig, ax = plt.subplots(figsize=(11, 5))
colors = plt.cm.magma(np.linspace(0.2, 0.92, len(genres)))
polys = ax.stackplot(weeks, series, baseline="wiggle", colors=colors, edgecolor="black", linewidth=0.4)
offset = -series.sum(axis=0) / 2  # labels go roughly at each stream's thickest point
lower = np.vstack([np.zeros(weeks.size), np.cumsum(series, axis=0)[:-1]])
for k, (name, poly) in enumerate(zip(genres, polys)):
    i = int(np.argmax(series[k, 5:-5])) + 5
    verts = poly.get_paths()[0].vertices
    inside = verts[np.abs(verts[:, 0] - weeks[i]) < 0.5, 1]
    yc = inside.mean() if inside.size else offset[i] + lower[k, i] + series[k, i] / 2
    ax.text(weeks[i], yc, name, ha="center", va="center", fontsize=9, color="white" if k < 4 else "black")
ax.set_xticks(np.arange(0, 105, 13), [f"Q{(q % 4) + 1}\n{2022 + q // 4}" for q in range(9)])
ax.set_yticks([])
ax.set_xlim(0, 103)
for side in ("left", "right", "top"):
    ax.spines[side].set_visible(False)
ax.set_title("Weekly streams by genre (stream thickness = millions of plays)", loc="left", fontsize=12)
fig.tight_layout()
plt.show()
