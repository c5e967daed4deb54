# A week of rooftop solar output as an area with a vertical gradient fill clipped to the curve and daylight labels
import matplotlib.pyplot as plt
import matplotlib.transforms as mtransforms
import numpy as np
from matplotlib.offsetbox import AnchoredText
from matplotlib.patches import Polygon

rng = np.random.default_rng(505)
hours = np.arange(0, 7 * 24, 0.25)
tod = hours % 24
sun = np.clip(np.sin((tod - 6) / 13.5 * np.pi), 0, None) ** 1.3
cloud = np.repeat(np.array([0.95, 0.9, 0.35, 0.6, 0.97, 0.8, 0.92]), 96)
cloud = cloud * (1 - 0.25 * rng.random(hours.size) * (cloud < 0.7))
power = 5.4 * sun * cloud

plt.style.use("dark_background")
plt.rcParams.update({"axes.facecolor": "#101820", "figure.facecolor": "#101820"})
fig, ax = plt.subplots(figsize=(11, 4.2))
(line,) = ax.plot(hours, power, color="#ffd166", lw=1.2)
verts = np.column_stack([np.r_[hours[0], hours, hours[-1]], np.r_[0, power, 0]])
clip = Polygon(verts, closed=True, facecolor="none", edgecolor="none")
ax.add_patch(clip)
gradient = np.linspace(1, 0, 256).reshape(-1, 1)
im = ax.imshow(
    gradient, extent=[0, 168, 0, 6], aspect="auto", cmap="YlOrRd_r", alpha=0.85, origin="upper", vmin=-0.2, vmax=1.2
)
im.set_clip_path(clip)

trans = mtransforms.blended_transform_factory(ax.transData, ax.transAxes)
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
for d in range(7):
    energy = power[d * 96 : (d + 1) * 96].sum() * 0.25
    ax.text(
        d * 24 + 12,
        0.95,
        f"{days[d]}\n{energy:.1f} kWh",
        transform=trans,
        ha="center",
        va="top",
        fontsize=8,
        color="0.85",
    )
    ax.axvspan(d * 24, d * 24 + 6, color="#0b1016", lw=0)
    ax.axvspan(d * 24 + 19.5, d * 24 + 24, color="#0b1016", lw=0)
ax.set_xlim(0, 168)
ax.set_ylim(0, 7.2)
ax.set_xticks(np.arange(0, 169, 12))
ax.set_xticklabels([f"{h % 24:02d}:00" for h in range(0, 169, 12)], fontsize=7)
ax.set_ylabel("AC output (kW)")
ax.grid(axis="y", color="0.25", lw=0.5)
ax.add_artist(
    AnchoredText(
        f"Week total {power.sum() * 0.25:.0f} kWh\nPeak {power.max():.2f} kW",
        loc="upper right",
        bbox_to_anchor=(1.0, 0.8),
        bbox_transform=ax.transAxes,
        prop={"size": 8, "color": "black"},
        frameon=True,
    )
)
ax.set_title("5.6 kWp rooftop array, week 24", loc="left", color="#ffd166")
fig.tight_layout()
