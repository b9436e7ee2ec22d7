"""The pictures shown in the Dagster UI are real PNGs, also when there is nothing to draw."""
from orchestration.reports import markdown_image, meetings_network_png, places_map_png

PNG = b"\x89PNG\r\n\x1a\n"


def _pixel(png: bytes, x: int, y: int) -> tuple:
    import io

    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGB").getpixel((x, y))


def test_network_and_map_render():
    png = meetings_network_png([("Sergey Lavrov", "John Kerry", 2), ("Sergey Lavrov", "Walid Muallem", 1)], 3)
    assert png.startswith(PNG) and len(png) > 5000
    assert places_map_png([("Moscow", 55.75, 37.62, 4), ("Lima", -12.04, -77.03, 1)]).startswith(PNG)
    assert meetings_network_png([]).startswith(PNG) and places_map_png([]).startswith(PNG)
    assert markdown_image(PNG, "x").startswith("![x](data:image/png;base64,")


def test_the_map_puts_a_place_at_its_coordinates():
    """A place is a red mark where its longitude and latitude fall; the ocean stays white."""
    import io

    from PIL import Image

    png = places_map_png([("Lima", -12.04, -77.03, 30)])
    assert Image.open(io.BytesIO(png)).size == (900, 520)
    # the plot spans longitude -180..180 over x 60..880 and latitude 80..-60 over y 40..470
    lima = (round(60 + 820 * (-77.03 + 180) / 360), round(40 + 430 * (80 + 12.04) / 140))
    red, green, blue = _pixel(png, *lima)
    assert red > green + 40 and red > blue + 40  # half-transparent red on white
    assert _pixel(png, round(60 + 820 * (150 + 180) / 360), lima[1]) == (255, 255, 255)
    assert _pixel(places_map_png([]), *lima) == (255, 255, 255)


def test_a_picture_is_drawn_again_only_when_its_data_changed(tmp_path):
    from orchestration.reports import drawn_once

    calls = []

    def draw(data):
        calls.append(data)
        return places_map_png(data)

    moscow = [("Moscow", 55.75, 37.62, 4)]
    first = drawn_once(tmp_path, "places", draw, moscow)
    assert drawn_once(tmp_path, "places", draw, list(moscow)) == first and len(calls) == 1
    second = drawn_once(tmp_path, "places", draw, moscow + [("Lima", -12.04, -77.03, 1)])
    assert second.startswith(PNG) and len(calls) == 2
    assert len(list(tmp_path.glob("places-*.png"))) == 1  # only the latest picture is kept


def test_each_group_of_people_who_met_gets_its_own_cell():
    """The largest group takes the left block, the others share the rest without overlapping; each
    group's people are laid out inside its cell."""
    import networkx as nx

    from orchestration.reports import _cells, _group_layout

    box = (0, 0, 900, 600)
    assert _cells([5], box) == [box]
    cells = _cells([12, 3, 2, 2, 2], box)
    assert len(cells) == 5 and cells[0][:2] == (0, 0) and cells[0][3] == 600
    assert 450 <= cells[0][2] <= 675  # half to three quarters of the width, by its share of people
    for i, (x0, y0, x1, y1) in enumerate(cells):
        assert 0 <= x0 < x1 <= 900 and 0 <= y0 < y1 <= 600
        for a0, b0, a1, b1 in cells[i + 1:]:
            assert x1 <= a0 or a1 <= x0 or y1 <= b0 or b1 <= y0  # no two cells overlap
    group = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("a", "c")])
    inside = (100, 50, 300, 250)
    for x, y in _group_layout(group, inside).values():
        assert 100 - 1e-9 <= x <= 300 + 1e-9 and 50 - 1e-9 <= y <= 250 + 1e-9
    pair = _group_layout(nx.Graph([("a", "b")]), inside)
    assert pair["a"][0] == pair["b"][0] and pair["a"][1] != pair["b"][1]  # one above the other


def test_labels_are_placed_where_no_other_label_is():
    from orchestration.reports import _Canvas

    canvas, taken = _Canvas(400, 300), []
    for i, name in enumerate(["Donald Trump", "Kim Jong-un", "Moon Jae-in", "Mike Pompeo"]):
        canvas.label(200, 150 + 6 * i, name, 5, taken)  # four people almost on one spot
    for i, (x0, y0, x1, y1) in enumerate(taken):
        assert 0 <= x0 and x1 <= 400 and 0 <= y0 and y1 <= 300
        assert all(x1 <= a0 or a1 <= x0 or y1 <= b0 or b1 <= y0 for a0, b0, a1, b1 in taken[i + 1:])


def test_a_much_named_place_does_not_cover_its_region_and_labels_have_letters_the_font_has():
    from orchestration.reports import _drawable

    png = places_map_png([("Washington", 38.9, -77.04, 1000), ("Dūmā", 33.57, 36.4, 3)])
    washington = (round(60 + 820 * (-77.04 + 180) / 360), round(40 + 430 * (80 - 38.9) / 140))
    red, green, blue = _pixel(png, *washington)
    assert red > green + 40  # the place is marked ...
    assert _pixel(png, washington[0], washington[1] + 30) == (255, 255, 255)  # ... not its whole region
    assert [_drawable(t) for t in ("Dūmā", "Al Ḩudaydah", "ʿAfrīn", "Paris")] == ["Duma", "Al Hudaydah", "'Afrin", "Paris"]
