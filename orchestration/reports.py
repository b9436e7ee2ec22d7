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
import unicodedata
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


def _drawable(text: str) -> str:
    """``text`` in letters Pillow's own font has: GeoNames' English names carry marks it lacks
    ("Dūmā", "Al Ḩudaydah", drawn with empty boxes), so marks are dropped ("Duma") and the ʿayn
    and hamza signs become apostrophes."""
    if text.isascii():
        return text
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.translate({0x02BF: "'", 0x02BE: "'", 0x2018: "'", 0x2019: "'"})


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

    def text(self, x: float, y: float, text: str, size: int = 11, anchor: str = "la", halo: bool = False) -> None:
        self.pen.text((x * _SCALE, y * _SCALE), _drawable(text), font=_font(size), fill=_INK, anchor=anchor,
                      **({"stroke_width": 2 * _SCALE, "stroke_fill": "white"} if halo else {}))

    def label(self, x: float, y: float, text: str, gap: float, taken: list, size: int = 10) -> None:
        """``text`` beside the point (x, y), ``gap`` away: right, left, above or below, then right or
        left a line higher or lower, and so on, the first place inside the picture that overlaps no
        box in ``taken`` (else right), whose box it adds there. A label moved off its point's line
        gets a thin line to it."""
        left, top, right, bottom = self.pen.textbbox((0, 0), _drawable(text), font=_font(size), anchor="lt")
        w, h = (right - left) / _SCALE + 4, (bottom - top) / _SCALE + 4
        tries = [(x + gap + 2, y - h / 2), (x - gap - 2 - w, y - h / 2), (x - w / 2, y - gap - 2 - h),
                 (x - w / 2, y + gap + 2)]
        for lines in (1, 2, 3):
            for dy in (-lines * h, lines * h):
                tries += [(x + gap + 2, y - h / 2 + dy), (x - gap - 2 - w, y - h / 2 + dy)]
        for bx, by in tries:
            box = (bx, by, bx + w, by + h)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= self.size[0] and box[3] <= self.size[1]
            if inside and not any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken):
                break
        else:
            bx, by = tries[0]
            box = (bx, by, bx + w, by + h)
        taken.append(box)
        if not (by <= y <= by + h or bx <= x <= bx + w):  # moved off the point's line: a leader
            self.line([(x, y), (bx if bx > x else bx + w, by + h / 2)], width=0.5, fill=_TIE)
        self.text(bx + 2, by + 2, text, size=size, anchor="lt", halo=True)

    def png(self) -> bytes:
        buf = io.BytesIO()
        # each picture pixel the mean of its _SCALE x _SCALE drawing pixels: the smooth edges of
        # supersampling, at half the time of a Lanczos resize, and a PNG of half the bytes
        self.image.reduce(_SCALE).save(buf, format="PNG")
        return buf.getvalue()


def meetings_network_png(pairs: list[tuple[str, str, int]], pairings: int | None = None, top: int = 40) -> bytes:
    """Who met whom: one node per participant, edge width = number of meetings. ``pairs`` are
    (name, name, meetings), one per pair of people; ``pairings`` counts the meetings of all pairs
    (the title's figure) when ``pairs`` holds only the most frequent.

    Each group of people who met one another (a connected part of the graph) is laid out on its
    own, in a cell sized by its people: laid out together, small groups drifted to the corners and
    squeezed the largest into a knot of unreadable labels. Labels get a white halo and go beside
    their node where they overlap no label already placed, the most-met people first."""
    import networkx as nx

    weights = Counter()
    for a, b, n in pairs:
        if a != b:
            weights[tuple(sorted((a, b)))] += int(n)
    width, height = 900, 660
    canvas = _Canvas(width, height)
    canvas.text(width / 2, 14, f"Who met whom ({sum(weights.values()) if pairings is None else pairings} pairings;"
                f" the {min(top, len(weights))} most frequent pairs)", size=15, anchor="mt")
    graph = nx.Graph()
    for (a, b), n in weights.most_common(top):
        graph.add_edge(a, b, weight=n)
    if graph.number_of_nodes() == 0:
        canvas.text(width / 2, height / 2, "no meetings between two participants yet", size=13, anchor="mm")
        return canvas.png()
    groups = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    position: dict[str, tuple[float, float]] = {}
    for group, (x0, y0, x1, y1) in zip(groups, _cells([len(g) for g in groups], (20, 40, width - 20, height - 10))):
        # room for the labels, which go right of a node when they can
        position.update(_group_layout(graph.subgraph(group), (x0 + 30, y0 + 24, x1 - 130, y1 - 24)))
    strongest = max(data["weight"] for _, _, data in graph.edges(data=True)) or 1
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: e[2]["weight"]):
        canvas.line([position[a], position[b]], width=1 + 5 * data["weight"] / strongest, fill=_TIE)
    met = {node: graph.degree(node, weight="weight") for node in graph.nodes}
    most = max(met.values()) or 1
    radius = {node: 4 + 10 * math.sqrt(n / most) for node, n in met.items()}
    for node in sorted(graph.nodes, key=met.get):
        canvas.dot(*position[node], radius=radius[node], fill=_PERSON)
    taken: list[tuple[float, float, float, float]] = []
    for node in sorted(graph.nodes, key=lambda n: (-met[n], n)):
        canvas.label(*position[node], str(node), radius[node], taken)
    return canvas.png()


def _cells(sizes: list[int], box: tuple[float, float, float, float]) -> list[tuple[float, float, float, float]]:
    """A rectangle for each group, largest first: the largest group takes a share of the width
    that follows its share of the people (between half and all of it), the others share the
    rest in a grid."""
    x0, y0, x1, y1 = box
    if len(sizes) == 1:
        return [box]
    share = min(0.75, max(0.5, sizes[0] / sum(sizes)))
    split = x0 + (x1 - x0) * share
    rest = sizes[1:]
    columns = 1 if len(rest) <= 3 else 2
    rows = math.ceil(len(rest) / columns)
    cell_w, cell_h = (x1 - split) / columns, (y1 - y0) / rows
    return [(x0, y0, split, y1)] + [(split + (i % columns) * cell_w, y0 + (i // columns) * cell_h,
                                     split + (i % columns + 1) * cell_w, y0 + (i // columns + 1) * cell_h)
                                    for i in range(len(rest))]


def _group_layout(group, box: tuple[float, float, float, float]) -> dict[str, tuple[float, float]]:
    """Positions of one group's people inside ``box``: two one above the other (their labels side
    by side would not fit a small cell), more by a spring layout scaled to the box (a fixed seed:
    the same data gives the same picture)."""
    import networkx as nx

    nodes = list(group.nodes)
    # a few people are not stretched over a large cell: at most ~70 x 55 picture pixels a person
    (x0, y0, x1, y1), cx, cy = box, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    half_w, half_h = min((x1 - x0) / 2, 35 * (len(nodes) + 1)), min((y1 - y0) / 2, 28 * (len(nodes) + 1))
    x0, y0, x1, y1 = cx - half_w, cy - half_h, cx + half_w, cy + half_h
    if len(nodes) == 1:
        return {nodes[0]: ((x0 + x1) / 2, (y0 + y1) / 2)}
    if len(nodes) == 2:
        x = x0 + (x1 - x0) * 0.3
        return {nodes[0]: (x, y0 + (y1 - y0) * 0.25), nodes[1]: (x, y0 + (y1 - y0) * 0.75)}
    layout = nx.spring_layout(group, weight=None, seed=1, k=2 / math.sqrt(len(nodes)))
    xs, ys = [p[0] for p in layout.values()], [p[1] for p in layout.values()]
    return {node: (x0 + (x1 - x0) * (x - min(xs)) / ((max(xs) - min(xs)) or 1),
                   y0 + (y1 - y0) * (max(ys) - y) / ((max(ys) - min(ys)) or 1)) for node, (x, y) in layout.items()}


def places_map_png(points: list[tuple[str | None, float, float, int]], labels: int = 15) -> bytes:
    """Places on a longitude/latitude plane, marker area by mentions; the most mentioned named
    places are labelled where their labels do not overlap (a place may come without its name when
    it would not be labelled)."""
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
    # marker area by mentions, the most mentioned place's radius 18 pixels: in proportion to the
    # count alone, a capital named hundreds of times covered the region around it
    most = max((count for *_, count in points), default=1) or 1
    radius = [2 + 16 * math.sqrt(count / most) for *_, count in points]
    for i, (_, lat, lon, _) in sorted(enumerate(points), key=lambda p: -radius[p[0]]):
        canvas.dot(*place(lat, lon), radius=radius[i], fill=_PLACE)
    taken: list[tuple[float, float, float, float]] = []
    for i, (name, lat, lon, _) in sorted((p for p in enumerate(points) if p[1][0]), key=lambda p: -p[1][3])[:labels]:
        canvas.label(*place(lat, lon), name, radius[i], taken)
    return canvas.png()
