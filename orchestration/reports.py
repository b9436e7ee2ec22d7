"""Pictures for the Dagster UI: who met whom, and where the news happens. Plain data in, PNG out.

Drawn with Pillow, at twice the size and scaled down for smooth edges: ~0.05 s a picture here. With
matplotlib a picture took ~0.2 s and importing it ~0.6 s, paid by every run that adds one article
and by every run's start (the code location imports this module).
"""
from __future__ import annotations

import base64
import hashlib
import io
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable

from PIL import Image, ImageDraw, ImageFont

_SCALE = 2  # drawing pixels per picture pixel
_INK = (40, 40, 40)
_GRID = (225, 225, 225)
_PLACE = (196, 78, 82, 128)
_PERSON = (76, 114, 176, 215)
_TIE = (60, 60, 60, 110)


def drawn_once(cache: Path, name: str, draw: Callable[[list], bytes], data: list) -> bytes:
    """``draw(data)``, redrawn only when the data or this module changed; the last picture of each
    name is kept in ``cache``."""
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


@lru_cache(maxsize=None)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size * _SCALE)  # Pillow's own scalable font: no font files needed


class _Canvas:
    """A white picture; coordinates and sizes in picture pixels."""

    def __init__(self, width: int, height: int):
        self.size = (width, height)
        self.image = Image.new("RGB", (width * _SCALE, height * _SCALE), "white")
        self.pen = ImageDraw.Draw(self.image, "RGBA")  # RGBA fills are blended: overlaps stay visible

    def line(self, points, width: float, fill) -> None:
        self.pen.line([(x * _SCALE, y * _SCALE) for x, y in points], fill=fill, width=max(1, round(width * _SCALE)))

    def dot(self, x: float, y: float, radius: float, fill) -> None:
        r = radius * _SCALE
        self.pen.ellipse((x * _SCALE - r, y * _SCALE - r, x * _SCALE + r, y * _SCALE + r), fill=fill)

    def text(self, x: float, y: float, text: str, size: int = 11, anchor: str = "la") -> None:
        self.pen.text((x * _SCALE, y * _SCALE), text, font=_font(size), fill=_INK, anchor=anchor)

    def png(self) -> bytes:
        buf = io.BytesIO()
        # each picture pixel the mean of its _SCALE x _SCALE drawing pixels: the smooth edges of
        # supersampling, at half the time of a Lanczos resize, and a PNG of half the bytes
        self.image.reduce(_SCALE).save(buf, format="PNG")
        return buf.getvalue()


def meetings_network_png(pairs: list[tuple[str, str, int]], pairings: int | None = None, top: int = 40) -> bytes:
    """Who met whom: one node per participant, edge width = number of meetings. ``pairs`` are
    (name, name, meetings), one per pair of people; ``pairings`` counts the meetings of all pairs
    (the title's figure) when ``pairs`` holds only the most frequent."""
    import networkx as nx

    weights = Counter()
    for a, b, n in pairs:
        if a != b:
            weights[tuple(sorted((a, b)))] += int(n)
    canvas = _Canvas(810, 630)
    canvas.text(405, 14, f"Who met whom ({sum(weights.values()) if pairings is None else pairings} pairings)",
                size=15, anchor="mt")
    graph = nx.Graph()
    for (a, b), n in weights.most_common(top):
        graph.add_edge(a, b, weight=n)
    if graph.number_of_nodes() == 0:
        canvas.text(405, 315, "no meetings between two participants yet", size=13, anchor="mm")
        return canvas.png()
    layout = nx.spring_layout(graph, seed=1, k=1.2 / max(1, graph.number_of_nodes()) ** 0.5)
    xs, ys = [p[0] for p in layout.values()], [p[1] for p in layout.values()]

    def place(node) -> tuple[float, float]:  # the layout's box into the picture, with room for labels
        x, y = layout[node]
        return (90 + 630 * (x - min(xs)) / ((max(xs) - min(xs)) or 1),
                70 + 500 * (max(ys) - y) / ((max(ys) - min(ys)) or 1))

    for a, b, data in graph.edges(data=True):
        canvas.line([place(a), place(b)], width=1 + 2 * data["weight"] ** 0.5, fill=_TIE)
    for node in graph.nodes:
        x, y = place(node)
        canvas.dot(x, y, radius=6 + 2.5 * math.sqrt(graph.degree(node, weight="weight")), fill=_PERSON)
    for node in graph.nodes:
        x, y = place(node)
        canvas.text(x, y, str(node), size=10, anchor="mm")
    return canvas.png()


def places_map_png(points: list[tuple[str | None, float, float, int]], labels: int = 15) -> bytes:
    """Places on a longitude/latitude plane, marker area = mentions; the most mentioned named
    places are labelled (a place may come without its name when it would not be labelled)."""
    canvas = _Canvas(900, 520)
    left, top, width, height = 60, 40, 820, 430
    west, east, south, north = -180, 180, -60, 80

    def place(lat: float, lon: float) -> tuple[float, float]:
        return left + width * (lon - west) / (east - west), top + height * (north - lat) / (north - south)

    canvas.text(left + width / 2, 12, f"Places named in the news ({len(points)} places)", size=15, anchor="mt")
    for lon in range(west, east + 1, 60):
        (x, _), bottom = place(north, lon), top + height
        canvas.line([(x, top), (x, bottom)], width=1, fill=_GRID)
        canvas.text(x, bottom + 6, str(lon), size=10, anchor="mt")
    for lat in range(south, north + 1, 20):
        _, y = place(lat, west)
        canvas.line([(left, y), (left + width, y)], width=1, fill=_GRID)
        canvas.text(left - 6, y, str(lat), size=10, anchor="rm")
    canvas.text(left + width / 2, top + height + 24, "longitude", size=11, anchor="mt")
    canvas.text(12, top + height / 2, "latitude", size=11, anchor="lm")
    for _, lat, lon, count in points:
        canvas.dot(*place(lat, lon), radius=math.sqrt((10 + 8 * count) / math.pi), fill=_PLACE)
    for name, lat, lon, _ in sorted((p for p in points if p[0]), key=lambda p: -p[3])[:labels]:
        x, y = place(lat, lon)
        canvas.text(x + 4, y - 4, name, size=10, anchor="ld")
    return canvas.png()
