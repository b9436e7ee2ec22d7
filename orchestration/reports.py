"""Pictures for the Dagster UI: who met whom, and where the news happens. Plain data in, PNG out."""
from __future__ import annotations

import base64
import hashlib
import io
from collections import Counter
from pathlib import Path
from typing import Callable

import matplotlib

matplotlib.use("Agg")  # no display on servers
import matplotlib.pyplot as plt  # noqa: E402


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def drawn_once(cache: Path, name: str, draw: Callable[[list], bytes], data: list) -> bytes:
    """``draw(data)``, redrawn only when the data or this module changed (~0.7 s a picture saved on
    runs that leave it as it was); the last picture of each name is kept in ``cache``."""
    digest = hashlib.sha256(repr(data).encode() + Path(__file__).read_bytes()).hexdigest()[:16]
    path = cache / f"{name}-{digest}.png"
    if path.exists():
        return path.read_bytes()
    png = draw(data)
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob(f"{name}-*.png"):
        old.unlink(missing_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(png)
    partial.replace(path)  # never a half-written picture under the final name
    return png


def markdown_image(png: bytes, alt: str) -> str:
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode()})"


def meetings_network_png(pairs: list[tuple[str, str]], top: int = 40) -> bytes:
    """Who met whom: one node per participant, edge width = number of meetings."""
    import networkx as nx

    weights = Counter(tuple(sorted(p)) for p in pairs if p[0] != p[1])
    graph = nx.Graph()
    for (a, b), n in weights.most_common(top):
        graph.add_edge(a, b, weight=n)
    fig, ax = plt.subplots(figsize=(9, 7))
    ax.set_axis_off()
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no meetings between two participants yet", ha="center", va="center")
        return _png(fig)
    pos = nx.spring_layout(graph, seed=1, k=1.2 / max(1, graph.number_of_nodes()) ** 0.5)
    widths = [1 + 2 * graph[u][v]["weight"] ** 0.5 for u, v in graph.edges]
    nx.draw_networkx_edges(graph, pos, width=widths, alpha=0.5, ax=ax)
    sizes = [300 + 120 * graph.degree(n, weight="weight") for n in graph.nodes]
    nx.draw_networkx_nodes(graph, pos, node_size=sizes, node_color="#4c72b0", alpha=0.85, ax=ax)
    nx.draw_networkx_labels(graph, pos, font_size=8, ax=ax)
    ax.set_title(f"Who met whom ({sum(weights.values())} pairings)")
    return _png(fig)


def places_map_png(points: list[tuple[str, float, float, int]], labels: int = 15) -> bytes:
    """Places on a longitude/latitude plane, marker area = mentions."""
    fig, ax = plt.subplots(figsize=(10, 5.5))
    ax.set_xlim(-180, 180)
    ax.set_ylim(-60, 80)
    ax.grid(alpha=0.3)
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    if points:
        names, lats, lons, counts = zip(*points)
        ax.scatter(lons, lats, s=[10 + 8 * c for c in counts], alpha=0.5, color="#c44e52")
        for name, lat, lon, _ in sorted(points, key=lambda p: -p[3])[:labels]:
            ax.annotate(name, (lon, lat), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_title(f"Places named in the news ({len(points)} places)")
    return _png(fig)
