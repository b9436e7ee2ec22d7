"""Python asset checks against small hand-made warehouses: they must be able to fail."""
from datetime import datetime, timezone

import duckdb
from dagster import AssetCheckKey, AssetSelection, Definitions, build_asset_check_context, define_asset_job

from orchestration.assets.articles import ARTICLES
from orchestration.assets.ingest import SOURCE_FILES
from orchestration.assets.steps import process_articles
from orchestration.checks import token_offsets_reproduce_text
from orchestration.text.tokenize import mismatched_spans
from orchestration.warehouse import DuckDBWarehouse

BODY = "لافروف التقى عراقچی در مسکو."


def test_mismatched_spans_uses_character_offsets():
    bodies = {"d": BODY}
    good = [("d", 0, 0, 6, "لافروف"), ("d", 1, 7, 12, "التقى")]
    assert mismatched_spans(bodies, good) == []
    assert mismatched_spans(bodies, [("d", 2, 8, 13, "التقى")]) == [("d", 2, 8, 13, "التقى")]
    assert mismatched_spans(bodies, [("d", 3, 20, 99, "x")]) != []  # past the end
    assert mismatched_spans(bodies, [("missing", 0, 0, 1, "x")]) != []


def _warehouse(path, tokens):
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    con.execute("create table raw.articles (doc_id varchar, body varchar, tokenized_at timestamptz,"
                " tokenized_run_id varchar)")
    con.execute("insert into raw.articles values ('d', ?, ?, 'an-earlier-run')", [BODY, datetime.now(timezone.utc)])
    con.execute("create table raw.tokens (doc_id varchar, token_index int, sentence_index int,"
                " char_start int, char_end int, token varchar)")
    con.executemany("insert into raw.tokens values (?, ?, 0, ?, ?, ?)", tokens)
    con.execute("create table raw.sentences (doc_id varchar, sentence_index int, char_start int, char_end int)")
    con.execute("insert into raw.sentences values ('d', 0, 0, ?)", [len(BODY)])
    con.close()
    return DuckDBWarehouse(path=str(path))


def _token_offset_check(warehouse):
    with warehouse.connect(read_only=True) as con:
        return token_offsets_reproduce_text(build_asset_check_context(), con)


def test_token_offset_check_passes_and_fails(tmp_path):
    good = _warehouse(tmp_path / "good.duckdb", [("d", 0, 0, 6, "لافروف"), ("d", 1, 13, 19, "عراقچی")])
    result = _token_offset_check(good)
    assert result.passed and result.metadata["documents_checked"].value == 1

    shifted = _warehouse(tmp_path / "bad.duckdb", [("d", 0, 1, 7, "لافروف")])
    result = _token_offset_check(shifted)
    assert not result.passed and "لافروف" in result.metadata["bad_tokens_sample"].value


def test_one_check_of_an_asset_runs_alone_in_its_step(tmp_path):
    """The checks of the ingest assets run in the step that ingests and tokenizes; selecting one
    alone runs that one only, reading (nothing is ingested), and its result carries its own asset
    and name."""
    shifted = _warehouse(tmp_path / "bad.duckdb", [("d", 0, 1, 7, "لافروف")])
    only = AssetCheckKey(ARTICLES, "token_offsets_reproduce_text")
    defs = Definitions(assets=[process_articles], resources={"warehouse": shifted},
                       jobs=[define_asset_job("only_offsets", selection=AssetSelection.checks(only))])
    result = defs.resolve_job_def("only_offsets").execute_in_process(raise_on_error=False)
    evaluations = result.get_asset_check_evaluations()
    assert [(e.asset_key, e.check_name, e.passed) for e in evaluations] == [(ARTICLES, only.name, False)]
    assert not result.get_asset_materialization_events()
    con = duckdb.connect(str(tmp_path / "bad.duckdb"), read_only=True)
    assert con.execute("select count(*) from duckdb_tables() where table_name = 'source_files'").fetchall() == [(0,)]
    con.close()
    assert {(spec.asset_key, spec.name) for spec in process_articles.check_specs} == {
        (SOURCE_FILES, "every_input_file_recorded"), (SOURCE_FILES, "manifest_is_clean"),
        (ARTICLES, "articles_have_body_and_language"), (ARTICLES, "token_offsets_reproduce_text"),
        (ARTICLES, "unexpected_script_characters")}


def test_an_article_without_a_visible_character_fails_the_body_check(tmp_path):
    from orchestration.checks import articles_have_body_and_language

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema raw")
    con.execute("create table raw.articles (doc_id varchar, body varchar, language varchar)")
    con.executemany("insert into raw.articles values (?, ?, ?)",
                    [("ok", BODY, "fa"), ("blank", " \n\t ", "ar"), ("none", None, "fa"), ("lang", BODY, "en")])
    result = articles_have_body_and_language(build_asset_check_context(), con)
    assert not result.passed and result.metadata["bad_articles"].value == 3
    con.execute("delete from raw.articles where doc_id <> 'ok'")
    assert articles_have_body_and_language(build_asset_check_context(), con).passed
    con.close()


def test_the_input_files_are_the_folders_txt_files_by_name(tmp_path):
    from orchestration.settings import input_files

    for name in ("b.txt", "a.txt", "notes.md", "x.TXT"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    assert [p.name for p in input_files(tmp_path)] == ["a.txt", "b.txt"]
    assert input_files(tmp_path / "missing") == []


def test_the_python_step_runs_only_the_units_whose_assets_are_selected(tmp_path, monkeypatch):
    """Reading (ingest, tokenize) and matching (entities, meetings) share a step: selecting assets
    of one runs that unit only, and reports only what was selected."""
    import shutil

    from dagster import DagsterInstance

    from orchestration.assets.entities import ENTITY_MENTIONS
    from orchestration.assets.meetings import MEETINGS
    from orchestration.assets.steps import MATCH_KEYS, READ_KEYS

    from .conftest import DBT_SEEDS, SAMPLE_SEEDS, query

    warehouse = tmp_path / "w.duckdb"
    con = duckdb.connect(str(warehouse))  # the reference tables dbt's seeds step loads, as text
    con.execute("create schema reference")
    for csv in DBT_SEEDS.glob("*.csv"):
        con.execute(f"create table reference.{csv.stem} as select * from read_csv(?, all_varchar = true)", [str(csv)])
    con.close()
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sorted(SAMPLE_SEEDS.glob("*.txt"))[0], folder)
    monkeypatch.setenv("KHABAR_SEEDS_DIR", str(folder))
    defs = Definitions(assets=[process_articles], resources={"warehouse": DuckDBWarehouse(path=str(warehouse))},
                       jobs=[define_asset_job("read", selection=AssetSelection.assets(SOURCE_FILES)),
                             define_asset_job("match", selection=AssetSelection.assets(MEETINGS))])

    def tables():
        return {name for (name,) in query(warehouse, "select table_name from duckdb_tables() where schema_name = 'raw'")}

    read = defs.resolve_job_def("read").execute_in_process(instance=DagsterInstance.ephemeral())
    assert [e.asset_key for e in read.get_asset_materialization_events()] == [SOURCE_FILES]
    assert {"source_files", "articles", "tokens"} <= tables() and "entity_mentions" not in tables()
    assert len(read.get_asset_check_evaluations()) == 2  # the checks of raw/source_files

    match = defs.resolve_job_def("match").execute_in_process(instance=DagsterInstance.ephemeral())
    assert [e.asset_key for e in match.get_asset_materialization_events()] == [MEETINGS]
    assert {"entity_mentions", "meetings"} <= tables()
    assert query(warehouse, "select count(*) from raw.file_events") == [(1,)]  # nothing was read again
    assert READ_KEYS.isdisjoint(MATCH_KEYS) and ENTITY_MENTIONS in MATCH_KEYS and ARTICLES in READ_KEYS
