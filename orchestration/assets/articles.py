"""Clean and tokenize: ``raw.articles``, ``raw.sentences``, ``raw.tokens`` from ``raw.source_files``."""

from datetime import datetime, timezone
from pathlib import Path

import duckdb

import polars as pl
from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult

from ..incremental import batched, code_version, forget, plan, store_batches
from ..text import article, normalize, pipeline, scripts, tokenize
from ..parallel import map_batches
from ..text.pipeline import TOKENIZER_VERSION, prepare_articles
from ..warehouse import in_transaction, prepare_tables
from .ingest import SOURCE_FILES

BATCH = 200
TABLE_SCHEMAS = {
    "articles": {"doc_id": pl.Utf8, "language": pl.Utf8, "title": pl.Utf8, "body": pl.Utf8,
                 "outlet_in_text": pl.Utf8, "sentence_count": pl.Int32, "token_count": pl.Int32,
                 "tokenizer_version": pl.Utf8, "tokenized_at": pl.Datetime("us", "UTC"),
                 "tokenized_run_id": pl.Utf8},
    "sentences": {"doc_id": pl.Utf8, "sentence_index": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32},
    "tokens": {"doc_id": pl.Utf8, "token_index": pl.Int32, "sentence_index": pl.Int32,
               "char_start": pl.Int32, "char_end": pl.Int32, "token": pl.Utf8},
    "unexpected_script_words": {"doc_id": pl.Utf8, "char_start": pl.Int32, "char_end": pl.Int32,
                                "word": pl.Utf8, "scripts": pl.Utf8},
}


ARTICLES = AssetKey(["raw", "articles"])
SENTENCES = AssetKey(["raw", "sentences"])
TOKENS = AssetKey(["raw", "tokens"])
UNEXPECTED_SCRIPT_WORDS = AssetKey(["raw", "unexpected_script_words"])


TOKENIZE_SPECS = [
    AssetSpec(ARTICLES, deps=[SOURCE_FILES], group_name="ingest",
              description="Cleaned articles: per-language normalization (hazm for Persian), title, "
                          "repeated headlines and trailers dropped, the outlet the text names."),
    AssetSpec(SENTENCES, deps=[ARTICLES], group_name="ingest", description="Sentence offsets into body."),
    AssetSpec(TOKENS, deps=[ARTICLES], group_name="ingest", description="Word tokens with offsets into body."),
    AssetSpec(UNEXPECTED_SCRIPT_WORDS, deps=[ARTICLES], group_name="ingest",
              description="Words holding letters of an unexpected script (Hebrew in Persian...)."),
]


def tokenize_articles(context: AssetExecutionContext, con: duckdb.DuckDBPyConnection,
                      cache_dir: Path) -> list[MaterializeResult]:
    """Clean, split and tokenize the articles not tokenized by this code yet; drop the rows of
    articles gone from ``raw.source_files``."""
    with in_transaction(con):
        prepare_tables(con, TABLE_SCHEMAS, "tokenized_state")
        version = code_version(article, normalize, pipeline, scripts, tokenize)
        language = dict(con.execute(
            "select distinct doc_id, language from raw.source_files where reject_reason is null").fetchall())
        wanted = {d: f"{TOKENIZER_VERSION}:{version}:{lang}" for d, lang in language.items()}
        todo, stale = plan(con, "tokenized_state", wanted)
        forget(con, TABLE_SCHEMAS, "tokenized_state", stale)
    # once here, inherited by the workers; hazm's normalizer kept beside the warehouse
    normalize.prepare_for((language[d] for d in todo), cache_dir)
    doc_batches = batched(todo, BATCH)
    batches = (con.execute(
        "select distinct on (doc_id) doc_id, text, language from raw.source_files"
        " where doc_id in (select unnest(?)) and reject_reason is null order by doc_id", [ids]).fetchall()
        for ids in doc_batches)
    now = datetime.now(timezone.utc)

    def stamped(result: dict) -> list[dict]:
        """Mark this run's articles (the checks look at what it wrote), in the tables' order."""
        n = len(result["articles"]["doc_id"])
        result["articles"]["tokenized_at"] = [now] * n
        result["articles"]["tokenized_run_id"] = [context.run_id] * n
        return [result[table] for table in TABLE_SCHEMAS]

    store_batches(con, map(stamped, map_batches(prepare_articles, batches, len(todo))), doc_batches,
                  list(TABLE_SCHEMAS.items()), "tokenized_state", wanted, context.log.info, "tokenize")
    counts = {key: con.execute(f"select count(*) from raw.{key.path[-1]}").fetchall()[0][0]
              for key in (ARTICLES, SENTENCES, TOKENS, UNEXPECTED_SCRIPT_WORDS)}
    return [MaterializeResult(asset_key=key, metadata={
        "dagster/row_count": rows, **({"processed": len(todo), "removed": len(stale)} if key == ARTICLES else {})})
        for key, rows in counts.items()]
