# Box plots drawn with Axes.bxp from published summary statistics (quartiles, whiskers, outliers) for four assay labs.
import matplotlib.pyplot as plt

plt.style.use("seaborn-v0_8-whitegrid")
stats = [
    dict(label="Lab A\n(n=48)", med=5.1, q1=4.6, q3=5.7, whislo=3.9, whishi=6.8, mean=5.2, fliers=[2.9, 8.1]),
    dict(label="Lab B\n(n=52)", med=5.6, q1=5.0, q3=6.3, whislo=4.1, whishi=7.6, mean=5.7, fliers=[9.0, 9.4]),
    dict(label="Lab C\n(n=31)", med=4.7, q1=4.0, q3=5.2, whislo=3.2, whishi=6.1, mean=4.6, fliers=[]),
    dict(label="Lab D\n(n=60)", med=6.2, q1=5.3, q3=7.4, whislo=4.0, whishi=9.5, mean=6.4, fliers=[2.7, 11.2, 11.9]),
]
fig, ax = plt.subplots(figsize=(7.5, 5))
out = ax.bxp(
    stats,
    showmeans=True,
    patch_artist=True,
    widths=0.55,
    meanprops=dict(marker="^", markerfacecolor="white", markeredgecolor="k"),
    medianprops=dict(color="k", lw=2),
    flierprops=dict(marker="x", markeredgecolor="crimson"),
)
for box, col in zip(out["boxes"], ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072"]):
    box.set_facecolor(col)
ax.axhspan(4.5, 6.0, color="green", alpha=0.07, zorder=0)
ax.text(4.45, 5.25, "reference\ninterval", fontsize=8, color="darkgreen", va="center", ha="right")
ax.set_ylabel("HbA1c (%)")
ax.set_title("Inter-laboratory comparison (summary statistics from Table 2)", fontsize=11)
fig.tight_layout()
