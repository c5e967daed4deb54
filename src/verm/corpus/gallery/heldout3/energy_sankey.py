# Sankey diagram of a building's energy balance (matplotlib.sankey): grid and solar inputs flowing to heating, lighting, equipment, losses and export, with two connected diagrams
import matplotlib.pyplot as plt
from matplotlib.sankey import Sankey

fig = plt.figure(figsize=(9, 6))
ax = fig.add_subplot(1, 1, 1, xticks=[], yticks=[])
ax.set_title("Office building energy flows, 2023 (MWh)")
ax.axis("off")

sankey = Sankey(ax=ax, unit=" MWh", format="%.0f", gap=0.4, scale=1 / 420, head_angle=120, margin=0.3)
# diagram 0: supply side
sankey.add(
    flows=[310, 110, -45, -375],
    labels=["Grid import", "Rooftop PV", "Export", ""],
    orientations=[0, 1, 1, 0],
    pathlengths=[0.4, 0.6, 0.5, 0.3],
    facecolor="#8fb8de",
    edgecolor="#35618f",
)
# diagram 1: where the delivered energy goes, attached to the outflow of diagram 0
sankey.add(
    flows=[375, -160, -70, -95, -50],
    labels=["Delivered", "HVAC", "Lighting", "Plug loads", "Losses"],
    orientations=[0, 0, 1, -1, -1],
    pathlengths=[0.3, 0.5, 0.5, 0.4, 0.6],
    prior=0,
    connect=(3, 0),
    facecolor="#f4b183",
    edgecolor="#9c5a1f",
)
diagrams = sankey.finish()
for d in diagrams:
    for t in d.texts:
        t.set_fontsize(9)
diagrams[1].texts[4].set_color("#b22222")
diagrams[0].texts[3].set_visible(False)  # the joint is labelled by diagram 1
ax.legend(
    [plt.Rectangle((0, 0), 1, 1, fc="#8fb8de"), plt.Rectangle((0, 0), 1, 1, fc="#f4b183")],
    ["supply", "end use"],
    loc="lower left",
    frameon=False,
)
