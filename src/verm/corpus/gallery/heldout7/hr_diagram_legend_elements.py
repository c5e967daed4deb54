# Hertzsprung-Russell diagram of a synthetic star sample: inverted temperature axis, log luminosity, colour by temperature, size legend from legend_elements
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1910)
# main sequence
t_ms = 10 ** rng.uniform(np.log10(3000), np.log10(30000), 260)
l_ms = (t_ms / 5772) ** 5.6 * 10 ** rng.normal(0, 0.18, t_ms.size)
r_ms = np.sqrt(l_ms) / (t_ms / 5772) ** 2
# giants and supergiants
t_g = rng.uniform(3300, 5600, 60)
l_g = 10 ** rng.uniform(1.5, 3.2, 60)
t_sg = rng.uniform(3500, 20000, 14)
l_sg = 10 ** rng.uniform(4.2, 5.6, 14)
# white dwarfs
t_wd = rng.uniform(6000, 25000, 30)
l_wd = 10 ** rng.uniform(-3.8, -1.8, 30)

temp = np.r_[t_ms, t_g, t_sg, t_wd]
lum = np.r_[l_ms, l_g, l_sg, l_wd]
radius = np.sqrt(lum) / (temp / 5772) ** 2
size = np.clip(22 * (np.log10(radius) + 2.5), 4, 160)

plt.style.use("dark_background")
fig, ax = plt.subplots(figsize=(7.5, 7))
sc = ax.scatter(temp, lum, c=temp, s=size, cmap="RdYlBu", vmin=3000, vmax=20000, edgecolors="none", alpha=0.9)
ax.set_xscale("log")
ax.set_yscale("log")
ax.invert_xaxis()
ax.set_xlim(32000, 2500)
ax.set_ylim(1e-4, 1e6)
ax.set_xticks([30000, 20000, 10000, 6000, 4000, 3000])
ax.set_xticklabels(["30 000", "20 000", "10 000", "6 000", "4 000", "3 000"])
ax.minorticks_off()
ax.set_xlabel("Effective temperature (K)")
ax.set_ylabel(r"Luminosity ($L/L_\odot$)")

ax.text(26000, 6, "main sequence", rotation=-33, color="0.85", fontsize=10, style="italic")
ax.text(4600, 3e3, "giants", color="0.85", fontsize=10, style="italic")
ax.text(9000, 5e5, "supergiants", color="0.85", fontsize=10, style="italic")
ax.text(21000, 2e-4, "white dwarfs", color="0.85", fontsize=10, style="italic")
ax.scatter([5772], [1], marker="*", s=220, color="yellow", edgecolors="k", zorder=4)
ax.annotate("Sun", (5772, 1), xytext=(8, -14), textcoords="offset points", color="yellow")

handles, labels = sc.legend_elements(
    prop="sizes", num=[0.01, 0.1, 1, 10, 100], alpha=0.7, color="0.8", func=lambda s: 10 ** (s / 22 - 2.5), fmt="{x:g}"
)
ax.legend(handles, labels, title=r"Radius ($R_\odot$)", loc="lower right", frameon=False, labelspacing=1.1)
ax.set_title("Hertzsprung–Russell diagram (364 synthetic stars)")
ax.grid(alpha=0.15, which="major")
fig.tight_layout()
