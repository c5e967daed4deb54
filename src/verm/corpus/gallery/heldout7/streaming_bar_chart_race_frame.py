# One frame of a "bar chart race": top ten streaming artists of the year so far, rank 1 at the top, values on a top x axis, big date stamp
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

artists = [
    "Nova Lane",
    "The Paper Kites",
    "DJ Okra",
    "Mira Sol",
    "Quartz Lake",
    "Big Tundra",
    "Lila & the Owls",
    "Sundae Club",
    "Kofi Mensah",
    "Hollow Pines",
    "Aster",
    "Rune Valley",
]
genre = [
    "pop",
    "indie",
    "electronic",
    "pop",
    "indie",
    "hip-hop",
    "folk",
    "pop",
    "hip-hop",
    "folk",
    "electronic",
    "indie",
]
palette = {"pop": "#f4a261", "indie": "#2a9d8f", "electronic": "#8ab17d", "hip-hop": "#e76f51", "folk": "#457b9d"}
rng = np.random.default_rng(99)
streams = np.sort(rng.lognormal(6.2, 0.45, len(artists)))[::-1] * 1e6
streams[0], streams[1] = 1.412e9, 1.398e9

top = np.argsort(-streams)[:10]
ranks = np.arange(1, 11)

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 10})
fig, ax = plt.subplots(figsize=(9, 6))
bars = ax.barh(ranks, streams[top], color=[palette[genre[i]] for i in top], height=0.78)
for rank, i in zip(ranks, top):
    ax.text(
        streams[i] - 1.5e7, rank, artists[i], ha="right", va="center", fontsize=10, fontweight="bold", color="white"
    )
    ax.text(streams[i] + 1.5e7, rank, f"{streams[i] / 1e6:,.0f} M", ha="left", va="center", fontsize=9, color="0.3")

ax.set_ylim(10.6, 0.4)  # rank 1 on top
ax.set_yticks(ranks)
ax.set_yticklabels([f"#{r}" for r in ranks])
ax.xaxis.set_ticks_position("top")
ax.tick_params(axis="x", labeltop=True, labelbottom=False, colors="0.45", labelsize=9)
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1e9:.1f} B" if v else "0"))
ax.set_xlim(0, 1.65e9)
ax.grid(axis="x", color="0.88", lw=0.8)
ax.set_axisbelow(True)
for side in ("right", "bottom", "left", "top"):
    ax.spines[side].set_visible(False)
ax.tick_params(axis="y", length=0)
ax.text(0.98, 0.08, "24 Aug", transform=ax.transAxes, ha="right", fontsize=40, color="0.75", fontweight="bold")
ax.text(0.98, 0.03, "week 34 of 52", transform=ax.transAxes, ha="right", fontsize=10, color="0.6")
ax.set_title("Most-streamed artists this year", loc="left", fontsize=15, fontweight="bold", pad=28)
handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in palette.values()]
ax.legend(handles, list(palette), ncol=5, frameon=False, loc="lower left", bbox_to_anchor=(0.0, -0.08), fontsize=9)
fig.tight_layout()
