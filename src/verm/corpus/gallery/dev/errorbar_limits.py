"""Errorbars with upper and lower limits (caret markers), in both x and y, as in the matplotlib gallery."""

import matplotlib.pyplot as plt
import numpy as np

x = np.arange(10)
y = 2.5 * np.sin(x / 20 * np.pi)
yerr = np.linspace(0.05, 0.2, 10)

fig, ax = plt.subplots(figsize=(7, 4))
ax.errorbar(x, y + 3, yerr=yerr, label="both limits (default)")
ax.errorbar(x, y + 2, yerr=yerr, uplims=True, label="uplims=True")
ax.errorbar(x, y + 1, yerr=yerr, uplims=True, lolims=True, label="uplims=True, lolims=True")

upperlimits = [True, False] * 5
lowerlimits = [False, True] * 5
ax.errorbar(x, y, yerr=yerr, uplims=upperlimits, lolims=lowerlimits, label="subsets of uplims and lolims")

xerr = 0.1
ax.errorbar(
    x,
    y - 1.5,
    xerr=xerr,
    yerr=yerr,
    xlolims=True,
    xuplims=False,
    fmt="o",
    markersize=4,
    capsize=3,
    label="xlolims with caps",
)
ax.set_title("Error bar limit selection", fontsize=13)
ax.set_xlabel("sample")
ax.set_ylabel("reading (a.u.)")
ax.legend(loc="lower right", fontsize=8)
plt.show()
