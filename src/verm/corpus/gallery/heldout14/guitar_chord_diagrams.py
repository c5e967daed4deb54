# Guitar chord diagrams for eight open and barre chords: fretboard grids with finger dots and numbers, open and muted strings, barres and base-fret labels
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyBboxPatch

plt.rcParams.update({"font.family": "DejaVu Sans"})
rng = np.random.default_rng(1423)

# frets per string low E -> high e: -1 muted, 0 open; fingers; base fret; barre (fret, from string, to string)
chords = {
    "C": ([-1, 3, 2, 0, 1, 0], [0, 3, 2, 0, 1, 0], 1, None),
    "G": ([3, 2, 0, 0, 0, 3], [2, 1, 0, 0, 0, 3], 1, None),
    "D": ([-1, -1, 0, 2, 3, 2], [0, 0, 0, 1, 3, 2], 1, None),
    "Am": ([-1, 0, 2, 2, 1, 0], [0, 0, 2, 3, 1, 0], 1, None),
    "Em": ([0, 2, 2, 0, 0, 0], [0, 2, 3, 0, 0, 0], 1, None),
    "F": ([1, 3, 3, 2, 1, 1], [1, 3, 4, 2, 1, 1], 1, (1, 0, 5)),
    "Bm": ([-1, 2, 4, 4, 3, 2], [0, 1, 3, 4, 2, 1], 2, (2, 1, 5)),
    "C#m7": ([-1, 4, 6, 4, 5, 4], [0, 1, 3, 1, 2, 1], 4, (4, 1, 5)),
}
family = {
    "C": "major",
    "G": "major",
    "D": "major",
    "F": "major",
    "Am": "minor",
    "Em": "minor",
    "Bm": "minor",
    "C#m7": "minor 7th",
}
fam_col = {"major": "#2b6cb0", "minor": "#c05621", "minor 7th": "#6b46c1"}

fig, axes = plt.subplots(2, 4, figsize=(11, 7))
for ax, (name, (frets, fingers, base, barre)) in zip(axes.ravel(), chords.items()):
    col = fam_col[family[name]]
    n_frets = 5
    for s in range(6):
        ax.plot([s, s], [0, n_frets], color="0.25", lw=1 + (5 - s) * 0.25)
    for f in range(n_frets + 1):
        ax.plot([0, 5], [f, f], color="0.3", lw=4 if (f == 0 and base == 1) else 1)
    if barre:
        bf, s0, s1 = barre
        y = bf - base + 0.5
        ax.add_patch(
            FancyBboxPatch(
                (s0 - 0.25, y - 0.25),
                s1 - s0 + 0.5,
                0.5,
                boxstyle="round,pad=0,rounding_size=0.25",
                fc=col,
                ec="none",
                alpha=0.85,
            )
        )
    for s, (fr, fi) in enumerate(zip(frets, fingers)):
        if fr == -1:
            ax.text(s, -0.45, "×", ha="center", va="center", fontsize=14, color="0.3")
        elif fr == 0:
            ax.plot(s, -0.45, "o", mfc="white", mec="0.2", ms=9)
        else:
            y = fr - base + 0.5
            ax.plot(s, y, "o", color=col, ms=20)
            ax.text(s, y, str(fi), ha="center", va="center", color="white", fontsize=10, fontweight="bold")
    if base > 1:
        ax.text(-0.7, 0.5, f"{base}fr", ha="right", va="center", fontsize=10)
    ax.set_xlim(-1.2, 5.6)
    ax.set_ylim(n_frets + 0.3, -1.0)
    ax.set_aspect(0.9)
    ax.axis("off")
    ax.set_title(name, fontsize=18, fontweight="bold", color=col)
    notes = ["E", "A", "D", "G", "B", "E"]
    for s, nt in enumerate(notes):
        ax.text(s, n_frets + 0.55, nt, ha="center", va="top", fontsize=7, color="0.5")
handles = [plt.Line2D([], [], marker="o", ls="", color=c, ms=10, label=f) for f, c in fam_col.items()]
fig.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=10)
fig.suptitle("Beginner chord sheet — standard tuning (E A D G B E)", fontsize=14)
fig.subplots_adjust(left=0.03, right=0.98, top=0.9, bottom=0.08, hspace=0.25)
