# Flame graph of sampled CPU stacks for a web request handler, width proportional to samples, coloured by module
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

plt.rcParams["font.family"] = "DejaVu Sans Mono"

# (name, depth, start, width) in samples; children sit within their parent
frames = [
    ("main", 0, 0, 1000),
    ("serve_forever", 1, 0, 1000),
    ("handle_request", 2, 0, 930),
    ("gc.collect", 2, 930, 70),
    ("parse_headers", 3, 0, 80),
    ("route", 3, 80, 850),
    ("dict.get", 4, 10, 40),
    ("view_orders", 4, 80, 610),
    ("render_json", 4, 690, 240),
    ("db.query", 5, 90, 380),
    ("filter_rows", 5, 470, 150),
    ("auth.check", 5, 620, 60),
    ("json.dumps", 5, 700, 210),
    ("cursor.execute", 6, 95, 300),
    ("fetchall", 6, 395, 70),
    ("<lambda>", 6, 480, 130),
    ("hmac.compare", 6, 625, 45),
    ("encode", 6, 710, 180),
    ("socket.recv", 7, 100, 260),
    ("row_factory", 7, 400, 60),
    ("datetime.isoformat", 7, 490, 90),
    ("_iterencode", 7, 720, 150),
    ("select", 8, 105, 240),
    ("str.format", 8, 500, 50),
    ("float.__repr__", 8, 730, 60),
    ("_iterencode_dict", 8, 800, 60),
]
module = {
    "main": "app",
    "serve_forever": "stdlib",
    "handle_request": "app",
    "gc.collect": "runtime",
    "parse_headers": "app",
    "route": "app",
    "dict.get": "runtime",
    "view_orders": "app",
    "render_json": "app",
    "db.query": "db",
    "filter_rows": "app",
    "auth.check": "app",
    "json.dumps": "stdlib",
    "cursor.execute": "db",
    "fetchall": "db",
    "<lambda>": "app",
    "hmac.compare": "stdlib",
    "encode": "stdlib",
    "socket.recv": "io",
    "row_factory": "db",
    "datetime.isoformat": "stdlib",
    "_iterencode": "stdlib",
    "select": "io",
    "str.format": "runtime",
    "float.__repr__": "runtime",
    "_iterencode_dict": "stdlib",
}
palette = {"app": "#e8743b", "stdlib": "#f2b447", "db": "#d94f3d", "io": "#f7dc6f", "runtime": "#c9a86a"}
rng = np.random.default_rng(5)

fig, ax = plt.subplots(figsize=(11, 4.8))
for name, depth, start, width in frames:
    base = np.array(plt.matplotlib.colors.to_rgb(palette[module[name]]))
    col = np.clip(base + rng.uniform(-0.06, 0.06, 3), 0, 1)
    r = Rectangle((start, depth), width, 0.92, facecolor=col, edgecolor="white", linewidth=0.6)
    ax.add_patch(r)
    if width >= 45:
        label = name if width > 9 * len(name) else name[: max(int(width / 9) - 2, 1)] + ".."
        t = ax.text(start + 4, depth + 0.46, label, va="center", ha="left", fontsize=8)
        t.set_clip_path(r)
ax.set_xlim(0, 1000)
ax.set_ylim(0, 9.2)
ax.set_yticks(np.arange(9) + 0.46, [str(d) for d in range(9)])
ax.set_ylabel("stack depth")
ax.set_xlabel("samples (1000 total @ 99 Hz)")
for s in ("top", "right", "left"):
    ax.spines[s].set_visible(False)
ax.set_title("CPU flame graph: POST /api/orders", loc="left", fontsize=12)
handles = [Rectangle((0, 0), 1, 1, color=c) for c in palette.values()]
ax.legend(handles, list(palette), ncols=5, loc="upper right", frameon=False, fontsize=8, bbox_to_anchor=(1, 1.1))
fig.tight_layout()
