"""Asymmetric error bars on a log y-axis, with a marker per series and capped bars, two panels."""

import matplotlib.pyplot as plt
import numpy as np

x = np.arange(0.1, 4, 0.5)
y = np.exp(-x)
error = 0.1 + 0.2 * x
lower_error = 0.4 * error
upper_error = error
asymmetric_error = [lower_error, upper_error]

fig, (ax0, ax1) = plt.subplots(nrows=2, sharex=True, figsize=(6.5, 6))
ax0.errorbar(x, y, yerr=error, fmt="-o", capsize=4, color="tab:blue", ecolor="lightsteelblue")
ax0.set_title("variable, symmetric error")

ax1.errorbar(x, y, xerr=asymmetric_error, fmt="s", color="darkred", markersize=5, capsize=2, elinewidth=1)
ax1.errorbar(x, y * 3, yerr=asymmetric_error, fmt="^", color="darkgreen", markersize=5, lolims=True)
ax1.set_title("variable, asymmetric error")
ax1.set_yscale("log")
ax1.set_xlabel("dose (mg)")
ax1.set_ylabel("response (log)")
ax0.set_ylabel("response")
plt.show()
