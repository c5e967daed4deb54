# Periodic table of periods 1-6 as coloured tiles showing Pauling electronegativity, with noble gases and lanthanides greyed
import matplotlib.pyplot as plt
from matplotlib.colors import Normalize
from matplotlib.patches import FancyBboxPatch

table = {
    1: [("H", 1, 2.20), ("He", 18, None)],
    2: [
        ("Li", 1, 0.98),
        ("Be", 2, 1.57),
        ("B", 13, 2.04),
        ("C", 14, 2.55),
        ("N", 15, 3.04),
        ("O", 16, 3.44),
        ("F", 17, 3.98),
        ("Ne", 18, None),
    ],
    3: [
        ("Na", 1, 0.93),
        ("Mg", 2, 1.31),
        ("Al", 13, 1.61),
        ("Si", 14, 1.90),
        ("P", 15, 2.19),
        ("S", 16, 2.58),
        ("Cl", 17, 3.16),
        ("Ar", 18, None),
    ],
    4: list(
        zip(
            ["K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr"],
            range(1, 19),
            [
                0.82,
                1.00,
                1.36,
                1.54,
                1.63,
                1.66,
                1.55,
                1.83,
                1.88,
                1.91,
                1.90,
                1.65,
                1.81,
                2.01,
                2.18,
                2.55,
                2.96,
                3.00,
            ],
        )
    ),
    5: list(
        zip(
            ["Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe"],
            range(1, 19),
            [
                0.82,
                0.95,
                1.22,
                1.33,
                1.60,
                2.16,
                1.90,
                2.20,
                2.28,
                2.20,
                1.93,
                1.69,
                1.78,
                1.96,
                2.05,
                2.10,
                2.66,
                2.60,
            ],
        )
    ),
    6: list(
        zip(
            [
                "Cs",
                "Ba",
                "La-Lu",
                "Hf",
                "Ta",
                "W",
                "Re",
                "Os",
                "Ir",
                "Pt",
                "Au",
                "Hg",
                "Tl",
                "Pb",
                "Bi",
                "Po",
                "At",
                "Rn",
            ],
            range(1, 19),
            [
                0.79,
                0.89,
                None,
                1.30,
                1.50,
                2.36,
                1.90,
                2.20,
                2.20,
                2.28,
                2.54,
                2.00,
                1.62,
                2.33,
                2.02,
                2.00,
                2.20,
                None,
            ],
        )
    ),
}
cmap = plt.get_cmap("YlGnBu")
norm = Normalize(0.7, 4.0)
fig, ax = plt.subplots(figsize=(12, 5.9))
z = 0
for period, elements in table.items():
    for sym, group, en in elements:
        z += 1 if sym != "La-Lu" else 15
        x, y = group - 1, -period
        face = cmap(norm(en)) if en is not None else "0.88"
        box = FancyBboxPatch(
            (x + 0.05, y + 0.05),
            0.9,
            0.9,
            boxstyle="round,pad=0,rounding_size=0.08",
            facecolor=face,
            edgecolor="0.35",
            lw=0.6,
            hatch=None if en is not None or sym != "La-Lu" else "///",
        )
        ax.add_patch(box)
        dark = en is not None and norm(en) > 0.55
        tc = "white" if dark else "black"
        ax.text(
            x + 0.5,
            y + 0.52,
            sym,
            ha="center",
            va="center",
            fontsize=12 if len(sym) < 3 else 8,
            fontweight="bold",
            color=tc,
        )
        ax.text(x + 0.12, y + 0.83, str(z) if sym != "La-Lu" else "57-71", fontsize=6, color=tc, va="center")
        ax.text(x + 0.5, y + 0.2, f"{en:.2f}" if en is not None else "\u2014", ha="center", fontsize=7, color=tc)
for g in range(1, 19):
    top = 0.0 if g in (1, 18) else (-1.0 if g in (2, 13, 14, 15, 16, 17) else -3.0)
    ax.text(g - 0.5, top + 0.05, str(g), ha="center", va="bottom", fontsize=8, color="0.4")
for p in range(1, 7):
    ax.text(-0.3, -p + 0.5, str(p), ha="right", va="center", fontsize=9, color="0.4")
ax.annotate(
    "electronegativity increases \u2192",
    xy=(16.5, -1.6),
    xytext=(7.5, -1.6),
    fontsize=9,
    va="center",
    ha="center",
    color="0.3",
)
ax.set_xlim(-0.8, 18.2)
ax.set_ylim(-6.2, 0.4)
ax.set_aspect("equal")
ax.axis("off")
sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
cb = fig.colorbar(sm, ax=ax, orientation="horizontal", fraction=0.04, pad=0.02, aspect=50)
cb.set_label("Pauling electronegativity $\\chi$")
ax.set_title("Electronegativity across the periodic table (periods 1-6)", fontsize=14)
fig.subplots_adjust(left=0.03, right=0.98, top=0.93, bottom=0.09)
