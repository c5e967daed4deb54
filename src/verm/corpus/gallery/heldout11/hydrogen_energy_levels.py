# Energy-level diagram of the hydrogen atom with Lyman, Balmer and Paschen transitions and their wavelengths
import matplotlib.pyplot as plt

plt.style.use("seaborn-v0_8-white")
plt.rcParams.update({"mathtext.fontset": "cm", "font.family": "DejaVu Serif"})

RY = 13.605693  # eV
levels = {n: -RY / n**2 for n in range(1, 7)}
HC = 1239.84198  # eV nm


def wavelength(n_up, n_lo):
    return HC / (levels[n_up] - levels[n_lo])


fig, ax = plt.subplots(figsize=(8.5, 7))
for n, e in levels.items():
    ax.hlines(e, 0, 10, color="k", lw=1.6 if n < 4 else 1.0)
    if n <= 4:
        ax.text(-0.2, e, f"$n={n}$", ha="right", va="center", fontsize=11)
        ax.text(10.2, e, f"{e:.2f} eV", ha="left", va="center", fontsize=9, color="0.3")
ax.text(-0.2, levels[5] - 0.03, r"$n=5, 6, \ldots$", ha="right", va="center", fontsize=9)
ax.hlines(0, 0, 10, color="k", lw=1, ls="--")
ax.text(-0.2, 0, r"$n=\infty$", ha="right", va="center", fontsize=11)
ax.text(10.2, 0, "0 (ionisation)", ha="left", va="center", fontsize=9, color="0.3")
ax.axhspan(0, 1.2, color="0.9", lw=0)
ax.text(5, 0.6, "continuum", ha="center", va="center", style="italic", fontsize=9, color="0.4")

series = [
    ("Lyman (UV)", 1, [2, 3, 4, 5, 6], 0.6, "#6a3d9a", (3.1, -10.5)),
    ("Balmer (visible)", 2, [3, 4, 5, 6], 4.2, None, (4.92, -5.0)),
    ("Paschen (IR)", 3, [4, 5, 6], 7.6, "#b15928", (8.08, -2.95)),
]
balmer_cols = {3: "#e31a1c", 4: "#1f9e89", 5: "#3b5bdb", 6: "#7b2cbf"}  # H-alpha .. H-delta
for name, lo, ups, x0, col, (tx, ty) in series:
    for k, up in enumerate(ups):
        x = x0 + 0.48 * k
        c = col or balmer_cols[up]
        ax.annotate(
            "",
            xy=(x, levels[lo]),
            xytext=(x, levels[up]),
            arrowprops={"arrowstyle": "-|>", "color": c, "lw": 1.5, "shrinkA": 0, "shrinkB": 0},
        )
        lam = wavelength(up, lo)
        ax.text(x, levels[lo] - 0.25, f"{lam:.0f}", rotation=90, ha="center", va="top", fontsize=7.5, color=c)
    ax.text(tx, ty, name + " series", ha="left" if lo == 1 else "center", fontsize=10, weight="bold")

ax.text(
    5.2,
    -7.2,
    r"$E_n = -\dfrac{13.6\,\mathrm{eV}}{n^2}$"
    "\n\n"
    r"$\dfrac{1}{\lambda} = R_\infty\left(\dfrac{1}{n_1^2}-\dfrac{1}{n_2^2}\right)$",
    fontsize=13,
    ha="left",
    va="center",
    bbox={"boxstyle": "round,pad=0.6", "fc": "white", "ec": "0.7"},
)
ax.text(10, -14.5, "arrow labels: wavelength in nm", fontsize=8, color="0.35", ha="right")

ax.set_xlim(-1.3, 12.3)
ax.set_ylim(-14.8, 1.2)
ax.set_xticks([])
ax.set_ylabel("Energy (eV)")
for s in ("top", "right", "bottom"):
    ax.spines[s].set_visible(False)
ax.set_title("Hydrogen atom: energy levels and spectral series", fontsize=13)
fig.tight_layout()
