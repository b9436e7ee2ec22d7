"""The pictures shown in the Dagster UI are real PNGs, also when there is nothing to draw."""
from orchestration.reports import markdown_image, meetings_network_png, places_map_png

PNG = b"\x89PNG\r\n\x1a\n"


def test_network_and_map_render():
    png = meetings_network_png([("Sergey Lavrov", "John Kerry"), ("John Kerry", "Sergey Lavrov"),
                                ("Sergey Lavrov", "Walid Muallem")])
    assert png.startswith(PNG) and len(png) > 5000
    assert places_map_png([("Moscow", 55.75, 37.62, 4), ("Lima", -12.04, -77.03, 1)]).startswith(PNG)
    assert meetings_network_png([]).startswith(PNG) and places_map_png([]).startswith(PNG)
    assert markdown_image(PNG, "x").startswith("![x](data:image/png;base64,")
