"""Data-quality checks on the Python assets (the marts are checked by dbt's tests).

The checks of the ingest assets run in the Python step (``assets/steps.py``), on its connection,
after ingesting and tokenizing, once it has reported those assets (a step is a process, opens the
warehouse and waits its turn for it); each is still its own check in the UI and can be run alone
(``can_subset``): the step then only reads. That every input file ends up accepted or refused is
the ingest check ``every_input_file_recorded`` (folder = ``raw.source_files``) together with the
dbt test ``every_file_accepted_or_rejected`` on ``marts.rejected_files`` (``raw.source_files`` =
accepted + refused): one query in the dbt build, not a step of its own after it."""
from typing import Callable, Iterator

import duckdb
from dagster import (
    AssetCheckKey, AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetExecutionContext, AssetKey,
)

from . import settings
from .assets.articles import ARTICLES
from .assets.ingest import SOURCE_FILES
from .text.tokenize import mismatched_spans

OFFSET_CHECK_BATCH = 500


def _sample(rows: list[tuple], limit: int = 20) -> str:
    return "\n".join(" | ".join(str(v) for v in row) for row in rows[:limit])


def _files_in_input_folder() -> set[str]:
    folder = settings.seeds_dir()
    return {p.name for p in settings.input_files(folder)}


def every_input_file_recorded(context: AssetExecutionContext, con: duckdb.DuckDBPyConnection) -> AssetCheckResult:
    on_disk = _files_in_input_folder()
    stored = {r[0] for r in con.execute("select file_name from raw.source_files").fetchall()}
    unexplained = con.execute(
        "select count(*) from raw.source_files where text is null and reject_reason is null").fetchall()[0][0]
    missing, extra = sorted(on_disk - stored), sorted(stored - on_disk)
    return AssetCheckResult(
        passed=not missing and not extra and not unexplained,
        metadata={"files_in_folder": len(on_disk), "missing": ", ".join(missing[:20]),
                  "not_in_folder": ", ".join(extra[:20]), "refused_without_reason": unexplained})


def manifest_is_clean(context: AssetExecutionContext, con: duckdb.DuckDBPyConnection) -> AssetCheckResult:
    rows = con.execute("select file_name, problem from raw.manifest_problems order by 1").fetchall()
    return AssetCheckResult(passed=not rows, severity=AssetCheckSeverity.WARN,
                            metadata={"problems": len(rows), "sample": _sample(rows)})


def articles_have_body_and_language(context: AssetExecutionContext,
                                    con: duckdb.DuckDBPyConnection) -> AssetCheckResult:
    # a body without a visible character is empty ('\S' stops at a body's first letter, where
    # trim() copied every body: ~0.1 s on the shared corpus)
    rows = con.execute(
        "select doc_id, language, length(body) from raw.articles"
        " where body is null or not regexp_matches(body, '\\S') or language not in ('fa', 'ar')").fetchall()
    return AssetCheckResult(passed=not rows, metadata={"bad_articles": len(rows), "sample": _sample(rows)})


def token_offsets_reproduce_text(context: AssetExecutionContext,
                                 con: duckdb.DuckDBPyConnection) -> AssetCheckResult:
    # the articles this run wrote; a check run on its own looks at the latest run that wrote any
    materialization = context.instance.get_latest_materialization_event(ARTICLES)
    if materialization is not None and materialization.run_id == context.run.run_id:
        latest = f"(select doc_id, body from raw.articles where tokenized_run_id = '{context.run.run_id}')"
    else:
        latest = ("(select doc_id, body from raw.articles"
                  " where tokenized_at = (select max(tokenized_at) from raw.articles))")
    bad_tokens: list[tuple] = []
    doc_ids = [r[0] for r in con.execute(f"select doc_id from {latest} order by doc_id").fetchall()]
    # offsets are compared in Python, where slicing a str is O(1); DuckDB's substr walks UTF-8
    # from the start of the body for each token, quadratic on long Arabic-script articles
    for i in range(0, len(doc_ids), OFFSET_CHECK_BATCH):
        ids = doc_ids[i:i + OFFSET_CHECK_BATCH]
        bodies = dict(con.execute("select doc_id, body from raw.articles where doc_id in (select unnest(?))",
                                  [ids]).fetchall())
        tokens = con.sql("select doc_id, token_index, char_start, char_end, token from raw.tokens"
                         " where doc_id in (select unnest(?))", params=[ids]).pl()  # columnar: cheap to fetch
        bad_tokens += mismatched_spans(bodies, zip(*(tokens[c].to_list() for c in tokens.columns)))[
            :20 - len(bad_tokens)]
    bad_sentences = con.execute(
        f"select count(*) from raw.sentences s join {latest} a using (doc_id)"
        " where s.char_start < 0 or s.char_end > length(a.body) or s.char_end <= s.char_start").fetchall()[0][0]
    return AssetCheckResult(passed=not bad_tokens and not bad_sentences,
                            metadata={"documents_checked": len(doc_ids), "bad_tokens_sample": _sample(bad_tokens),
                                      "bad_sentences": bad_sentences})


def unexpected_script_characters(context: AssetExecutionContext,
                                 con: duckdb.DuckDBPyConnection) -> AssetCheckResult:
    rows = con.execute(
        "select f.file_name, u.doc_id, u.word, u.scripts, u.char_start"
        " from raw.unexpected_script_words u"
        " join (select doc_id, min(file_name) as file_name from raw.source_files group by doc_id) f using (doc_id)"
        " order by f.file_name, u.char_start").fetchall()
    for file_name, doc_id, word, scripts, start in rows[:50]:
        context.log.warning(f"unexpected {scripts} letters in {file_name} (doc {doc_id}) at {start}: {word}")
    return AssetCheckResult(
        passed=not rows, severity=AssetCheckSeverity.WARN,
        metadata={"words": len(rows), "documents": len({r[1] for r in rows}), "sample": _sample(rows)})


CheckFunction = Callable[[AssetExecutionContext, duckdb.DuckDBPyConnection], AssetCheckResult]

# The checks of the ingest assets: (asset, check, description). They run in the Python step after
# ingesting and tokenizing (``orchestration.assets.steps``), or alone when only they are selected.
INGEST_CHECKS: list[tuple[AssetKey, CheckFunction, str]] = [
    (SOURCE_FILES, every_input_file_recorded,
     "Every *.txt of the input folder has a row, decoded or refused with a reason."),
    (SOURCE_FILES, manifest_is_clean, "manifest.csv is clean (warning)."),
    (ARTICLES, articles_have_body_and_language, "Every article has a non-empty body and a known language."),
    (ARTICLES, token_offsets_reproduce_text,
     "body[start:end] reproduces every token and sentence written by this run (or, for a check run alone, "
     "by the latest run that wrote any); earlier ones were checked then."),
    (ARTICLES, unexpected_script_characters,
     "Words holding letters of an unexpected script (e.g. Hebrew inside Persian): a warning."),
]


def check_specs(checks: list[tuple[AssetKey, CheckFunction, str]]) -> list[AssetCheckSpec]:
    return [AssetCheckSpec(fn.__name__, asset=asset, description=description) for asset, fn, description in checks]


def run_selected_checks(context: AssetExecutionContext, con: duckdb.DuckDBPyConnection,
                        checks: list[tuple[AssetKey, CheckFunction, str]]) -> Iterator[AssetCheckResult]:
    """The selected ``checks``, in order, on ``con``; each result names its asset and check."""
    for asset, fn, _ in checks:
        key = AssetCheckKey(asset, fn.__name__)
        if key in context.selected_asset_check_keys:
            result = fn(context, con)
            yield AssetCheckResult(asset_key=asset, check_name=key.name, passed=result.passed,
                                   severity=result.severity, metadata=result.metadata,
                                   description=result.description)
