# Transfer time against file size for three links on a base-2 log x axis, with FuncFormatter byte and mm:ss ticks and MultipleLocator
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import AutoMinorLocator, FuncFormatter, LogLocator, MultipleLocator


def human_bytes(value, _pos):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024:
            return f"{value:g} {unit}"
        value /= 1024
    return f"{value:g} TiB"


def mmss(seconds, _pos):
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


plt.style.use("fast")
plt.rcParams.update({"axes.grid": True, "grid.alpha": 0.35, "font.size": 10})

sizes = 2.0 ** np.arange(20, 34)  # 1 MiB .. 8 GiB
links = {"Wi-Fi 5 (~220 Mbit/s)": (220e6, 0.35), "Gigabit LAN": (940e6, 0.05), "USB 3.0 stick": (1.3e9, 1.2)}

fig, (ax, ax_r) = plt.subplots(1, 2, figsize=(11, 4.8), width_ratios=[1.6, 1])
for name, (rate, overhead) in links.items():
    seconds = overhead + sizes * 8 / rate
    ax.plot(sizes, seconds, marker="o", ms=4, label=name)
ax.set_xscale("log", base=2)
ax.xaxis.set_major_locator(LogLocator(base=2, numticks=20))
ax.xaxis.set_major_formatter(FuncFormatter(human_bytes))
ax.tick_params(axis="x", rotation=45)
ax.set_xlim(2**20, 2**33)
ax.set_ylim(0, 330)
ax.yaxis.set_major_locator(MultipleLocator(60))
ax.yaxis.set_minor_locator(AutoMinorLocator(4))
ax.yaxis.set_major_formatter(FuncFormatter(mmss))
ax.set_xlabel("File size")
ax.set_ylabel("Transfer time (m:ss)")
ax.legend(loc="upper left")
ax.set_title("Copy time by link")

throughput = np.array([27.5, 117.5, 162.5]) * 2**20
ax_r.bar(range(3), throughput, color=["C0", "C1", "C2"], width=0.6)
ax_r.set_xticks(range(3), ["Wi-Fi 5", "LAN", "USB 3.0"])
ax_r.yaxis.set_major_locator(MultipleLocator(32 * 2**20))
ax_r.yaxis.set_major_formatter(FuncFormatter(lambda v, _: human_bytes(v, _) + "/s"))
ax_r.set_title("Sustained throughput")
fig.tight_layout()
plt.show()
