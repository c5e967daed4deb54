# River valley cross-section with hatched fills for bedrock, gravel and flood levels, drawn with fill and fill_between edge styles
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("grayscale")
plt.rcParams.update({"hatch.linewidth": 0.8, "font.size": 10})

x = np.linspace(0, 400, 401)
ground = 12 - 9 * np.exp(-(((x - 200) / 45) ** 2)) + 0.012 * np.abs(x - 200) + 1.2 * np.sin(x / 30)
bedrock = ground - 4 - 2 * np.cos(x / 80)

fig, ax = plt.subplots(figsize=(10, 4.8))
ax.fill_between(x, -3, bedrock, facecolor="0.75", edgecolor="black", hatch="xx", lw=0.8, label="bedrock")
ax.fill_between(x, bedrock, ground, facecolor="white", edgecolor="0.3", hatch="..", lw=0.8, label="alluvial gravel")
for level, name, hatch, style in [(8.2, "100-year flood", "///", "--"), (6.0, "10-year flood", "\\\\", "-.")]:
    ax.fill_between(
        x, ground, level, where=ground < level, facecolor="none", edgecolor="0.35", hatch=hatch, lw=0, interpolate=True
    )
    ax.plot(x[ground < level], np.full((ground < level).sum(), level), color="black", ls=style, lw=1.2, label=name)
wet = ground < 4.4
ax.fill(
    np.r_[x[wet], x[wet][::-1]],
    np.r_[ground[wet], np.full(wet.sum(), 4.4)],
    facecolor="0.55",
    edgecolor="black",
    lw=1.5,
    label="normal flow",
)
ax.plot(x, ground, color="black", lw=2)
for xm, label in [(90, "levee\nproposed"), (320, "houses")]:
    ax.annotate(
        label,
        xy=(xm, np.interp(xm, x, ground)),
        xytext=(xm, 16),
        ha="center",
        fontsize=9,
        arrowprops={"arrowstyle": "-[", "lw": 1},
    )
ax.set_xlim(0, 400)
ax.set_ylim(-3, 18)
ax.set_xlabel("Distance across valley (m)")
ax.set_ylabel("Elevation above datum (m)")
ax.legend(loc="upper center", ncols=5, fontsize=8, bbox_to_anchor=(0.5, -0.16), frameon=False)
ax.set_title("Section B–B′, Mill Brook at the village bridge")
fig.tight_layout()
plt.show()
