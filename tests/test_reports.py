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
