# Electronic band structure of a cubic semiconductor along Γ-X-W-L-Γ-K with the band gap shaded, beside its density of states on a shared energy axis
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "mathtext.fontset": "cm",
        "font.family": "DejaVu Serif",
        "xtick.direction": "in",
        "ytick.direction": "in",
        "ytick.right": True,
    }
)
rng = np.random.default_rng(1416)

points = ["Γ", "X", "W", "L", "Γ", "K"]
seg_len = np.array([1.0, 0.5, 0.707, 0.866, 1.06])
nodes = np.concatenate([[0], np.cumsum(seg_len)])
k = np.linspace(0, nodes[-1], 500)

# crude tight-binding-like bands from cosine mixtures
phase = np.interp(k, nodes, [0, 1, 0.8, 0.6, 0, 0.9])
valence = [
    -0.0 - 3.2 * phase**2,
    -0.0 - 2.0 * phase**1.5 * (1 + 0.2 * np.sin(3 * k)),
    -0.25 * np.sin(np.pi * phase) - 1.1 * phase,
    -7.5 + 5.2 * phase**1.2,
]
conduction = [
    1.12 + 2.5 * phase**2 - 0.9 * np.sin(np.pi * phase) ** 2,
    3.4 + 1.5 * np.cos(np.pi * phase) + 0.4 * np.sin(5 * k),
    4.2 + 1.2 * phase + 0.3 * np.cos(4 * k),
]

fig, (ax, axd) = plt.subplots(1, 2, figsize=(9, 6), sharey=True, gridspec_kw={"width_ratios": [3.2, 1], "wspace": 0.04})
for b in valence:
    ax.plot(k, b, color="#1f4e99", lw=1.6)
for b in conduction:
    ax.plot(k, b, color="#c0392b", lw=1.6)
vbm = max(b.max() for b in valence)
cbm = min(b.min() for b in conduction)
ax.axhspan(vbm, cbm, color="gold", alpha=0.25)
ax.axhline(0, color="k", ls="--", lw=0.8)
ax.text(1.15, 0.5 * (vbm + cbm), f"$E_g$ = {cbm - vbm:.2f} eV", va="center", fontsize=11)
icbm = np.argmin(conduction[0])
ax.annotate(
    "",
    xy=(k[icbm], cbm),
    xytext=(0, vbm),
    arrowprops=dict(arrowstyle="-|>", color="green", lw=1.5, connectionstyle="arc3,rad=-0.2"),
)
ax.text(k[icbm] * 0.55, 0.9, "indirect", color="green", fontsize=9, rotation=12)
for xn in nodes:
    ax.axvline(xn, color="0.6", lw=0.8)
ax.set_xticks(
    nodes,
    labels=[rf"$\mathrm{{{p}}}$" if p not in "ΓK" else (r"$\Gamma$" if p == "Γ" else "$K$") for p in points],
    fontsize=13,
)
ax.set_xlim(0, nodes[-1])
ax.set_ylim(-8, 6)
ax.set_ylabel(r"$E - E_{\mathrm{VBM}}$ (eV)")
ax.set_title("Band structure (tight-binding toy model)", fontsize=11)

E = np.linspace(-8, 6, 700)
dos = np.zeros_like(E)
for b in valence + conduction:
    dos += np.histogram(b, bins=np.append(E, 6.02))[0]
dos = np.convolve(dos, np.exp(-(np.linspace(-3, 3, 31) ** 2)), mode="same")
dos = dos / dos.max()
axd.fill_betweenx(E, 0, dos, where=vbm >= E, color="#1f4e99", alpha=0.45, label="occupied")
axd.fill_betweenx(E, 0, dos, where=cbm <= E, color="#c0392b", alpha=0.35, label="empty")
axd.plot(dos, E, color="k", lw=0.9)
axd.axhspan(vbm, cbm, color="gold", alpha=0.25)
axd.axhline(0, color="k", ls="--", lw=0.8)
axd.set_xlim(0, 1.1)
axd.set_xticks([])
axd.set_xlabel("DOS (arb.)")
axd.legend(loc="upper right", fontsize=8)
fig.subplots_adjust(left=0.1, right=0.97, top=0.93, bottom=0.1)
