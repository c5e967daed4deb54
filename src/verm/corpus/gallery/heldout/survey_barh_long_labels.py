# Sorted horizontal bars of survey responses with long category labels, percent axis and the top answer highlighted.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import PercentFormatter

answers = {
    "Lack of clean, labelled training data": 0.46,
    "Difficulty deploying models to production": 0.39,
    "Not enough people with the right skills": 0.35,
    "Unclear return on investment for leadership": 0.31,
    "Data privacy and regulatory constraints": 0.28,
    "Legacy infrastructure that does not scale": 0.22,
    "Model monitoring and drift after launch": 0.17,
    "Compute costs (GPUs, cloud spend)": 0.15,
    "Other": 0.04,
}
items = sorted(answers.items(), key=lambda kv: kv[1])
labels = [k for k, _ in items]
values = np.array([v for _, v in items])
colors = ["#bdbdbd"] * len(values)
colors[-1] = "#2c7fb8"

plt.rcParams["font.size"] = 10
fig, ax = plt.subplots(figsize=(9, 5.2))
bars = ax.barh(labels, values, color=colors, height=0.65)
ax.bar_label(bars, labels=[f"{v:.0%}" for v in values], padding=3, fontsize=9)
ax.xaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
ax.set_xlim(0, 0.55)
ax.set_xlabel("Share of respondents (multiple answers allowed)")
ax.set_title("What is the biggest obstacle to using ML in your organisation?", loc="left", fontsize=12)
ax.spines[["top", "right", "left"]].set_visible(False)
ax.tick_params(axis="y", length=0)
ax.grid(axis="x", alpha=0.3)
ax.set_axisbelow(True)
fig.text(0.01, 0.01, "Survey of 1,214 practitioners, 2023", fontsize=8, color="0.4")
fig.tight_layout(rect=(0, 0.03, 1, 1))
plt.show()
