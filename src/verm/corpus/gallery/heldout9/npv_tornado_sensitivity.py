# Tornado chart of project NPV sensitivity to each input swung between its low and high case
import matplotlib.pyplot as plt
import numpy as np

base_npv = 42.0
inputs = {
    "Electricity price (±20%)": (27.5, 58.9),
    "Capacity factor (28-36%)": (31.2, 53.1),
    "Capex (±15%)": (51.4, 33.0),
    "Discount rate (6-9%)": (49.8, 35.6),
    "Opex (±25%)": (46.9, 37.2),
    "Degradation (0.3-0.8%/yr)": (45.1, 39.4),
    "Construction delay (0-12 mo)": (42.0, 37.8),
    "Tax credit (24-30%)": (40.3, 44.2),
}
swing = {k: abs(h - lo) for k, (lo, h) in inputs.items()}
order = sorted(inputs, key=swing.get)

with plt.style.context("seaborn-v0_8-whitegrid"):
    fig, ax = plt.subplots(figsize=(8.5, 5))
    y = np.arange(len(order))
    for i, name in enumerate(order):
        lo, hi = inputs[name]
        down, up = min(lo, hi), max(lo, hi)
        ax.barh(i, base_npv - down, left=down, color="#c0392b", height=0.6)
        ax.barh(i, up - base_npv, left=base_npv, color="#2471a3", height=0.6)
        ax.text(down - 0.6, i, f"{down:.1f}", va="center", ha="right", fontsize=8)
        ax.text(up + 0.6, i, f"{up:.1f}", va="center", ha="left", fontsize=8)
    ax.axvline(base_npv, color="black", lw=1.2)
    ax.set_yticks(y)
    ax.set_yticklabels(order)
    ax.set_xlim(22, 64)
    ax.set_xlabel("Net present value ($ million)")
    ax.set_title("Solar farm NPV sensitivity (base case $42.0 M)", loc="left", fontsize=12, fontweight="bold")
    ax.text(base_npv, len(order) - 0.35, "base case", ha="center", fontsize=8)
    ax.barh([], [], color="#c0392b", label="Unfavourable case")
    ax.barh([], [], color="#2471a3", label="Favourable case")
    ax.legend(loc="lower right", frameon=True)
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
