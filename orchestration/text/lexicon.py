"""Assemble the matcher's lexicon from reference rows (dbt seeds) and the packaged gazetteer.

The Dagster asset reads the rows from the warehouse (``reference`` schema, loaded
by ``dbt seed``); tests read the same CSV files straight from ``dbt_project/seeds``.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from .gazetteer import load_places, place_name_entries
from .matching import Lexicon, LexiconEntry
from .normalize import fold_phrase

ENTITY_TYPES = {"person": "person", "org": "organization", "country": "country", "place": "place"}
ALIAS_TABLES = ("lexicon_person_aliases", "lexicon_organization_aliases",
                "lexicon_country_aliases", "lexicon_place_aliases")
ENTITY_TABLES = ("lexicon_persons", "lexicon_organizations", "lexicon_places_extra")
LEXICON_TABLES = ALIAS_TABLES + ENTITY_TABLES + ("common_words",)
# common_words holds the news' most frequent words; the first WORD_RANK_LIMIT are words, never towns,
# and decide what a name of another language means; the rest only make a small town need a cue
WORD_RANK_LIMIT = 3000


def entity_type_of(entity_id: str) -> str:
    return ENTITY_TYPES[entity_id.split(":", 1)[0]]


def _truthy(value) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes", "t")


def read_seed_dir(seed_dir: Path) -> dict[str, list[dict]]:
    """The lexicon tables as lists of dicts, straight from the CSV seeds."""
    tables = {}
    for name in LEXICON_TABLES:
        path = Path(seed_dir) / f"{name}.csv"
        tables[name] = list(csv.DictReader(path.open(encoding="utf-8"))) if path.exists() else []
    return tables


def entity_countries(tables: dict[str, list[dict]]) -> dict[str, str | None]:
    """entity_id -> ISO country code, for every entity the lexicon knows."""
    countries: dict[str, str | None] = {}
    for row in tables.get("lexicon_persons", []):
        countries[row["person_id"]] = row.get("country_code") or None
    for row in tables.get("lexicon_organizations", []):
        countries[row["organization_id"]] = row.get("country_code") or None
    for row in tables.get("lexicon_places_extra", []):
        countries[row["place_id"]] = row.get("country_code") or None
    return countries


def build_entries(tables: dict[str, list[dict]]) -> list[LexiconEntry]:
    """Lexicon entries from the curated alias tables plus GeoNames' Arabic-script city names."""
    countries = entity_countries(tables)
    cities = {p.entity_id: p for p in load_places()}
    entries = []
    for table in ALIAS_TABLES:
        for row in tables.get(table, []):
            entity_id = row["entity_id"].strip()
            kind = entity_type_of(entity_id)
            city = cities.get(entity_id)
            if kind == "country":
                country = entity_id.split(":", 1)[1]
            else:
                country = countries.get(entity_id) or (city.country_code if city else None)
            entries.append(LexiconEntry(
                entity_id=entity_id, entity_type=kind, alias=row["alias"], language=row["language"],
                alias_kind=row.get("alias_kind") or "name", is_ambiguous=_truthy(row.get("is_ambiguous")),
                country_code=country, population=city.population if city else 0))
    # a frequent word is not a town, unless the news writes it as a place (سمنان, درعا); and a name
    # the curated tables give one firm meaning keeps it (قدس is Jerusalem, not Qods; an ambiguous
    # curated name, like a city's namesakes, stays open to the document's context)
    words: dict[str, int] = {}
    for r in tables.get("common_words", []):
        if not _truthy(r.get("is_place_name")):
            rank = int(r["frequency_rank"])
            words[r["word"]] = min(rank, words.get(r["word"], rank))
    entries += derived_surnames(entries, {(r["language"], fold_phrase(r["word"])) for r in tables.get("common_words", [])})
    curated = {fold_phrase(e.alias) for e in entries if not e.is_ambiguous}
    entries += [e for e in place_name_entries(words, WORD_RANK_LIMIT) if fold_phrase(e.alias) not in curated]
    return entries


# A name after these is a father's or a family's, not how the person is called alone
_GENERATIONS = frozenset(fold_phrase(w) for w in ("الابن", "الأب", "جونيور", "جونیور", "پسر", "پدر"))  # "ترامب الابن"
_NAME_LINKS = frozenset(fold_phrase(w) for w in ("بن", "بنت", "ابن", "آل", "ال", "أبو", "ابو", "عبد", "ولد"))


def derived_surnames(entries: list[LexiconEntry], common: set[tuple[str, str]]) -> list[LexiconEntry]:
    """The last word of a person's full name, for a person the curated table gives no surname in
    that language: "جيله" after "إسماعيل عمر جيله". Kind ``derived_surname``: matching keeps it only
    where the document also names the person in full (never on a title alone: "آقای حسینی" is not
    every Hosseini). Left out: words of the news, short words, and a word two people would share
    or that names another entity in either language ("طاهر المصری" gives no "المصری": Arabic
    "المصري" is Egypt's)."""
    with_surname = {(e.entity_id, e.language) for e in entries if e.alias_kind == "surname"}
    named = defaultdict(set)  # in either language: matching reads the folded text of both
    for e in entries:
        named[fold_phrase(e.alias)].add(e.entity_id)
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    source: dict[tuple[str, str], LexiconEntry] = {}
    for e in entries:
        if e.entity_type != "person" or e.alias_kind != "full_name" or e.language not in ("fa", "ar") \
                or (e.entity_id, e.language) in with_surname:
            continue
        words = e.alias.split()
        if len(words) < 2 or fold_phrase(words[-2]) in _NAME_LINKS:
            continue
        key = (e.language, fold_phrase(words[-1]))
        if len(key[1].replace(" ", "")) < 4 or key in common or key[1] in _GENERATIONS:
            continue
        found[key].add(e.entity_id)
        source.setdefault(key, e)
    return [replace(source[key], alias=source[key].alias.split()[-1], alias_kind="derived_surname", is_ambiguous=True)
            for key, ids in found.items() if len(ids) == 1 and not (named.get(key[1], set()) - ids)]


def build_lexicon(tables: dict[str, list[dict]]) -> Lexicon:
    common = tables.get("common_words", [])
    ranks = {r["word"]: int(r["frequency_rank"]) for r in common}
    by_language: dict[str, set[str]] = {}
    for r in common:
        if not _truthy(r.get("is_place_name")) and int(r["frequency_rank"]) <= WORD_RANK_LIMIT:
            by_language.setdefault(r["language"], set()).add(r["word"])
    outlets = frozenset(r["organization_id"] for r in tables.get("lexicon_organizations", [])
                        if r.get("organization_type") == "news_outlet")
    return Lexicon(build_entries(tables), common_words=ranks,
                   words_by_language={language: frozenset(words) for language, words in by_language.items()},
                   news_outlets=outlets)
