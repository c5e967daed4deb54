# Piano roll of a short MIDI phrase: note bars on a pitch axis coloured by velocity, a keyboard strip and a velocity lane
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.patches import Rectangle

plt.style.use("Solarize_Light2")
rng = np.random.default_rng(17)

# Four bars of 4/4: a C - Am - F - G progression (half-note chords) under a melody in eighths
notes = []  # (start beat, length, midi pitch, velocity)
chords = [[48, 52, 55], [45, 48, 52], [41, 45, 48], [43, 47, 50]]
for bar, chord in enumerate(chords):
    for half in range(2):
        for p in chord:
            notes.append((bar * 4 + half * 2, 1.9, p, int(rng.integers(55, 75))))
scale = [60, 62, 64, 65, 67, 69, 71, 72, 74, 76]
idx = 4
for k in range(32):
    idx = int(np.clip(idx + rng.choice([-2, -1, 1, 1, 2]), 0, len(scale) - 1))
    if k % 8 == 7:
        continue  # a rest at the end of every bar
    length = 0.45 if k % 4 else 0.9
    notes.append((k * 0.5, length, scale[idx], int(rng.integers(80, 118))))
notes = np.array(notes, dtype=float)

norm = Normalize(40, 127)
cmap = plt.get_cmap("plasma")
fig = plt.figure(figsize=(10, 5.4))
gs = fig.add_gridspec(2, 3, width_ratios=[0.6, 12, 0.3], height_ratios=[4, 1], wspace=0.02, hspace=0.08)
ax_keys = fig.add_subplot(gs[0, 0])
ax = fig.add_subplot(gs[0, 1], sharey=ax_keys)
ax_vel = fig.add_subplot(gs[1, 1], sharex=ax)
cax = fig.add_subplot(gs[0, 2])

lo, hi = 39, 79
black = {1, 3, 6, 8, 10}
for p in range(lo, hi + 1):
    is_black = p % 12 in black
    ax.axhspan(p - 0.5, p + 0.5, color="#e4dcc4" if is_black else "#fdf6e3", lw=0, zorder=0)
    ax_keys.add_patch(
        Rectangle(
            (0, p - 0.5),
            1 if not is_black else 0.62,
            1,
            facecolor="#222" if is_black else "white",
            edgecolor="#999",
            lw=0.5,
        )
    )
    if p % 12 == 0:
        ax_keys.text(0.95, p, f"C{p // 12 - 1}", ha="right", va="center", fontsize=7)

for beat in range(17):
    ax.axvline(beat, color="#93a1a1", lw=1.2 if beat % 4 == 0 else 0.4, zorder=1)
for start, length, pitch, vel in notes:
    ax.add_patch(
        Rectangle((start, pitch - 0.42), length, 0.84, facecolor=cmap(norm(vel)), edgecolor="#073642", lw=0.6, zorder=3)
    )

ax.set_xlim(0, 16)
ax.set_ylim(lo - 0.5, hi + 0.5)
ax.tick_params(labelleft=False, labelbottom=False)
ax.grid(False)
ax.set_title("Verse sketch - 4 bars at 96 bpm", loc="left", fontsize=11)

ax_keys.set_xlim(0, 1)
ax_keys.set_xticks([])
ax_keys.set_yticks([])
ax_keys.grid(False)

ax_vel.vlines(notes[:, 0], 0, notes[:, 3], color=cmap(norm(notes[:, 3])), lw=2)
ax_vel.plot(notes[:, 0], notes[:, 3], "o", ms=3, color="#073642")
ax_vel.set_ylim(0, 130)
ax_vel.set_yticks([0, 64, 127])
ax_vel.set_ylabel("vel")
ax_vel.set_xticks(np.arange(0, 17, 4), [f"bar {b + 1}" if b < 4 else "" for b in range(5)], ha="left")
ax_vel.set_xlabel("Beat")

fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), cax=cax, label="Velocity")
fig.subplots_adjust(left=0.04, right=0.93, top=0.93, bottom=0.1)
