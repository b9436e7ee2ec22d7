"""Meetings and calls extracted from each article: ``raw.meetings`` and ``raw.meeting_participants``."""
import hashlib
import pickle
from pathlib import Path

import duckdb
import polars as pl
from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult

from ..incremental import batched, cached_pickle, code_version, forget, plan, store_batches
from ..text import dates as dates_module
from ..text import meetings as meetings_module
from ..parallel import map_batches
from ..text.dates import DateVocabulary
from ..text.matching import Mention
from ..text.meetings import MeetingRules, OfficeHolder, extract_meetings
from ..text.tokenize import split_sentences
from ..warehouse import in_transaction, prepare_tables, reference_fingerprint, reference_tables
from .entities import ENTITY_MENTIONS

MEETINGS = AssetKey(["raw", "meetings"])
MEETING_PARTICIPANTS = AssetKey(["raw", "meeting_participants"])
RULE_TABLES = ("meeting_triggers", "meeting_exclusions", "office_titles", "lexicon_person_offices",
               "calendar_month_names", "relative_date_words", "weekday_names", "common_words",
               "lexicon_organizations")
SEED_KEYS = [AssetKey(["reference", name]) for name in RULE_TABLES]
EXTRACTOR_VERSION = "1"
BATCH = 200
# Persian-language outlets without a known home are taken to be Iranian when they say "our country".
DEFAULT_OUTLET_COUNTRY = {"fa": "IR"}

MEETING_SCHEMA = {"doc_id": pl.Utf8, "meeting_index": pl.Int32, "sentence_index": pl.Int32, "modality": pl.Utf8,
                  "cameo_code": pl.Utf8, "location_entity_id": pl.Utf8, "date_text": pl.Utf8,
                  "event_date": pl.Date, "evidence": pl.Utf8, "trigger": pl.Utf8}
PARTICIPANT_SCHEMA = {"doc_id": pl.Utf8, "meeting_index": pl.Int32, "entity_id": pl.Utf8}

_worker_state: dict = {}


def build_rules(tables: dict[str, list[dict]]) -> dict:
    """What extraction needs besides the text, from the reference tables: built once per rules
    fingerprint and pickled (``cached_pickle``), loaded by each run and worker."""
    return {
        "rules": MeetingRules.from_rows(tables["meeting_triggers"], tables["meeting_exclusions"],
                                        tables["office_titles"], tables["common_words"],
                                        tables["lexicon_organizations"]),
        "dates": DateVocabulary.from_rows(tables["calendar_month_names"], tables["relative_date_words"],
                                          tables["weekday_names"]),
        "offices": OfficeHolder.from_rows(tables["lexicon_person_offices"]),
    }


def _init_extractor(rules_file: Path) -> None:
    _worker_state.update(pickle.loads(rules_file.read_bytes()))


def extract_batch(batch: list[tuple]) -> tuple[dict, dict]:
    """Meetings of a batch of (doc_id, body, language, published_at, outlet_country, mentions)."""
    meetings = {k: [] for k in MEETING_SCHEMA}
    participants = {k: [] for k in PARTICIPANT_SCHEMA}
    for doc_id, body, language, published, outlet_country, mention_rows in batch:
        mentions = [Mention(**m) for m in mention_rows]
        found = extract_meetings(body, language, split_sentences(body), mentions, published, outlet_country,
                                 _worker_state["rules"], _worker_state["offices"], _worker_state["dates"])
        for i, m in enumerate(found):
            for key, value in (("doc_id", doc_id), ("meeting_index", i), ("sentence_index", m.sentence_index),
                               ("modality", m.modality), ("cameo_code", m.cameo_code),
                               ("location_entity_id", m.location_entity_id), ("date_text", m.date_text),
                               ("event_date", m.event_date), ("evidence", m.evidence), ("trigger", m.trigger)):
                meetings[key].append(value)
            for entity_id in dict.fromkeys(m.participants):
                participants["doc_id"].append(doc_id)
                participants["meeting_index"].append(i)
                participants["entity_id"].append(entity_id)
    return meetings, participants


def _rules_fingerprint(con) -> str:
    version = code_version(meetings_module, dates_module)
    tables = reference_fingerprint(con, RULE_TABLES)
    return hashlib.sha256(f"{EXTRACTOR_VERSION}:{version}:{tables}".encode()).hexdigest()[:16]


def _outlet_countries(con) -> dict[str, str | None]:
    """doc_id -> country of the outlet: the outlet's organization mention, else the outlet the
    manifest names as the lexicon knows it, else the language's default."""
    rows = con.execute("""
        with docs as (
            select a.doc_id, a.language, coalesce(m.outlet, a.outlet_in_text) as outlet
            from raw.articles a
            left join (select doc_id, min(file_name) as file_name from raw.source_files group by doc_id) f using (doc_id)
            left join raw.manifest m on m.file_name = f.file_name
        ),
        outlet_orgs as (
            -- the outlet named in the text ("منبع: ایسنا") is also an organization mention
            select em.doc_id, any_value(o.country_code) as country_code
            from raw.entity_mentions em
            join reference.lexicon_organizations o on o.organization_id = em.entity_id
            join docs on docs.doc_id = em.doc_id and docs.outlet is not null and em.surface = docs.outlet
            where o.organization_type = 'news_outlet' and nullif(o.country_code, '') is not null
            group by em.doc_id
        ),
        outlet_names as (
            -- the outlet the manifest names, by the lexicon's name or an alias ("Mosaique FM",
            -- "france24"), compared without case, spaces or punctuation
            select o.country_code, name
            from reference.lexicon_organizations o,
                 unnest(list_concat([o.name_en], coalesce((
                     select list(a.alias) from reference.lexicon_organization_aliases a
                     where a.entity_id = o.organization_id), []))) as t(name)
            where o.organization_type = 'news_outlet' and nullif(o.country_code, '') is not null
        ),
        manifest_outlets as (
            select docs.doc_id, any_value(n.country_code) as country_code
            from docs join outlet_names n
              on regexp_replace(lower(n.name), '[\\s\\p{P}\\p{S}]', '', 'g')
               = regexp_replace(lower(docs.outlet), '[\\s\\p{P}\\p{S}]', '', 'g')
            where regexp_replace(docs.outlet, '[\\s\\p{P}\\p{S}]', '', 'g') <> ''
            group by docs.doc_id
        )
        select docs.doc_id, docs.language, coalesce(outlet_orgs.country_code, manifest_outlets.country_code)
        from docs left join outlet_orgs using (doc_id) left join manifest_outlets using (doc_id)""").fetchall()
    return {d: cc or DEFAULT_OUTLET_COUNTRY.get(lang) for d, lang, cc in rows}


MEETING_SPECS = [
    AssetSpec(MEETINGS, deps=[ENTITY_MENTIONS, *SEED_KEYS], group_name="meetings",
              description="Meetings, visits, talks and calls each article reports (not planned ones): "
                          "modality, CAMEO code, place, date words and resolved date, evidence sentence."),
    AssetSpec(MEETING_PARTICIPANTS, deps=[MEETINGS], group_name="meetings",
              description="Who took part in each meeting (persons, or countries when no person is named)."),
]


def extract_new_meetings(context: AssetExecutionContext, con: duckdb.DuckDBPyConnection,
                         cache_dir: Path) -> list[MaterializeResult]:
    """Meetings of the articles whose mentions, date, outlet or rules changed since they were last
    read; the step is ``process_articles``."""
    with in_transaction(con):
        prepare_tables(con, {"meetings": MEETING_SCHEMA, "meeting_participants": PARTICIPANT_SCHEMA},
                       "meetings_state")
        rules_fp = _rules_fingerprint(con)
        outlet_country = _outlet_countries(con)
        published = dict(con.execute("""
            select f.doc_id, max(m.published_at) from raw.source_files f
            join raw.manifest m using (file_name) group by f.doc_id""").fetchall())
        mention_fp = dict(con.execute("select doc_id, fingerprint from raw.entity_mentions_state").fetchall())
        wanted = {d: f"{rules_fp}:{mention_fp.get(d)}:{published.get(d)}:{outlet_country.get(d)}"
                  for (d,) in con.execute("select doc_id from raw.articles").fetchall()}
        todo, stale = plan(con, "meetings_state", wanted)
        forget(con, {"meetings": MEETING_SCHEMA, "meeting_participants": PARTICIPANT_SCHEMA},
               "meetings_state", stale)
    doc_batches = batched(todo, BATCH)
    # read and built only when there is work, and only when these rules were not built before
    rules_file = cached_pickle(cache_dir, "meeting-rules", rules_fp,
                               lambda: build_rules(reference_tables(con, RULE_TABLES))) if todo else None

    def batches():
        for ids in doc_batches:
            docs = con.execute("select doc_id, body, language from raw.articles where doc_id in (select unnest(?))",
                               [ids]).fetchall()
            mentions: dict[str, list[dict]] = {d: [] for d in ids}
            for row in con.sql(f"""
                    select doc_id, entity_id, entity_type, char_start as start, char_end as "end", surface,
                           alias_kind, country_code, is_ambiguous
                    from raw.entity_mentions where doc_id in (select unnest(?)) order by doc_id, char_start""",
                               params=[ids]).pl().iter_rows(named=True):
                mentions[row.pop("doc_id")].append(row)
            yield [(d, body, lang, published.get(d), outlet_country.get(d), mentions[d]) for d, body, lang in docs]

    store_batches(con, map_batches(extract_batch, batches(), len(todo), _init_extractor, (rules_file,)),
                  doc_batches, [("meetings", MEETING_SCHEMA), ("meeting_participants", PARTICIPANT_SCHEMA)],
                  "meetings_state", wanted, context.log.info, "extract meetings")
    n_meetings = con.execute("select count(*) from raw.meetings").fetchall()[0][0]
    n_participants = con.execute("select count(*) from raw.meeting_participants").fetchall()[0][0]
    return [MaterializeResult(asset_key=MEETINGS, metadata={"dagster/row_count": n_meetings, "documents": len(todo)}),
            MaterializeResult(asset_key=MEETING_PARTICIPANTS, metadata={"dagster/row_count": n_participants})]
