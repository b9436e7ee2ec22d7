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
