"""Materialize every asset from the sample corpus into a temporary warehouse, then look inside."""
import shutil

import duckdb
import pytest
from dagster import AssetCheckSeverity, DagsterInstance

from orchestration.settings import dbt_target_path

from .conftest import SAMPLE_SEEDS


@pytest.fixture(scope="module")
def built(dbt_manifest, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    seeds = tmp / "seeds"
    shutil.copytree(SAMPLE_SEEDS, seeds)
    warehouse = tmp / "khabar.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv("KHABAR_SEEDS_DIR", str(seeds))
    mp.setenv("KHABAR_WAREHOUSE", str(warehouse))
    from orchestration.definitions import defs

    job = defs.resolve_job_def("materialize_all")
    result = job.execute_in_process(instance=DagsterInstance.ephemeral(), raise_on_error=False)
    yield result, warehouse, seeds, job
    mp.undo()


def query(warehouse, sql):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_run_succeeds(built):
    result, *_ = built
    assert result.success


def test_documents_mart(built):
    _, warehouse, *_ = built
    rows = query(warehouse, "select file_name, language, title, body from marts.dim_documents order by file_name")
    assert [r[1] for r in rows] == ["fa", "fa", "fa", "ar", "ar"]
    assert all(r[2] and r[3] for r in rows)
    assert query(warehouse, "select count(*) from marts.rejected_files") == [(0,)]
    outlets = dict(query(warehouse, "select file_name, outlet from marts.dim_documents"))
    assert outlets["000_d007b5dbbc9ab797.txt"] == "ایسنا"


def test_token_offsets_in_the_warehouse(built):
    _, warehouse, *_ = built
    assert query(warehouse, """
        select count(*) from raw.tokens t join raw.articles a using (doc_id)
        where substr(a.body, t.char_start + 1, t.char_end - t.char_start) <> t.token""") == [(0,)]
    assert query(warehouse, "select count(*) > 1500 from raw.tokens") == [(True,)]


def test_mentions_and_locations(built):
    _, warehouse, *_ = built
    assert query(warehouse, """
        select count(*) from marts.fct_mentions m join marts.dim_documents d using (doc_id)
        where substr(d.body, m.char_start + 1, m.char_end - m.char_start) <> m.surface""") == [(0,)]
    places = {r[0] for r in query(warehouse, "select geonames_id from marts.fct_locations where geonames_id is not null")}
    assert {524901, 170654, 1526273, 4140963} <= places  # Moscow, Damascus, Astana, Washington


def test_asset_checks(built):
    result, *_ = built
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert len(evaluations) >= 8
    python_checks = ["every_input_file_recorded", "articles_have_body_and_language",
                     "token_offsets_reproduce_text"]
    for name in [*python_checks, "every_file_accepted_or_rejected_rejected_files_"]:  # the last: a dbt test
        assert evaluations[name].passed, name
    odd = evaluations["unexpected_script_characters"]
    assert not odd.passed and odd.severity == AssetCheckSeverity.WARN
    assert "002_e3f128e356fc51d1.txt" in odd.metadata["sample"].value
    failed_dbt = [n for n, e in evaluations.items() if not e.passed and e.severity == AssetCheckSeverity.ERROR]
    assert failed_dbt == []


def test_dbt_loaded_seeds_on_one_thread_and_built_models_on_two_without_json_artifacts_or_sql(built):
    _, warehouse, *_ = built
    target = dbt_target_path(warehouse)
    log = (target / "dbt.log").read_text(encoding="utf-8")
    assert "Concurrency: 1 threads" in log and "Concurrency: 2 threads" in log
    assert log.index("Concurrency: 1 threads") < log.index("Concurrency: 2 threads")  # seeds, then models
    assert '"level": "info"' in log and '"level": "debug"' not in log
    assert not (target / "run_results.json").exists()


def test_second_run_changes_nothing(built):
    _, warehouse, _, job = built
    before = query(warehouse, "select count(*), sum(hash(doc_id, entity_id, char_start)) from marts.fct_mentions")
    docs = query(warehouse, "select count(*) from marts.dim_documents")
    parse_state = dbt_target_path(warehouse) / "partial_parse.msgpack"
    parsed_at = parse_state.stat().st_mtime_ns
    result = job.execute_in_process(instance=DagsterInstance.ephemeral())
    assert result.success
    assert query(warehouse, "select count(*), sum(hash(doc_id, entity_id, char_start)) from marts.fct_mentions") == before
    # nothing was tokenized again, so the offset check had nothing new to read
    offsets = next(e for e in result.get_asset_check_evaluations()
                   if e.check_name == "token_offsets_reproduce_text")
    assert offsets.passed and offsets.metadata["documents_checked"].value == 0
    assert query(warehouse, "select count(*) from marts.dim_documents") == docs
    # dbt reused its parse of the project (the stable target folder beside the warehouse):
    # it rewrites its parse state only when it had to parse again
    assert parse_state.stat().st_mtime_ns == parsed_at
    log = (dbt_target_path(warehouse) / "dbt.log").read_text(encoding="utf-8")
    assert "Unable to do partial parsing" not in log.split("Running with dbt=")[-1]


def test_marts_carry_counts_previews_and_pictures_and_precede_their_tests(built):
    """dbt's events reach Dagster as dbt reports them; a mart's materialization carries the row
    count, preview and picture its post-hook reported, and comes before its tests' results."""
    result, warehouse, *_ = built
    materialized, evaluated = {}, {}
    for i, event in enumerate(result.all_events):
        if event.event_type_value == "ASSET_MATERIALIZATION":
            materialized[event.asset_key.to_user_string()] = (i, event.step_materialization_data.materialization)
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluated.setdefault(event.event_specific_data.asset_key.to_user_string(), []).append(i)
    meetings_at, meetings = materialized["marts/fct_meetings"]
    assert meetings.metadata["dagster/row_count"].value == query(warehouse, "select count(*) from marts.fct_meetings")[0][0]
    assert "who met whom" in meetings.metadata["who_met_whom"].value and "meeting_id" in meetings.metadata["preview"].value
    assert "map" in materialized["marts/fct_locations"][1].metadata
    assert "preview" not in materialized["staging/stg_raw__articles"][1].metadata  # views: dbt's own metadata
    for key, (at, _) in materialized.items():
        assert all(at < check_at for check_at in evaluated.get(key, [])), key
        if key.startswith("marts/"):  # each mart's count is the table's, after its own post-hooks
            table = key.replace("/", ".")
            assert materialized[key][1].metadata["dagster/row_count"].value == query(warehouse, f"select count(*) from {table}")[0][0]
    assert len(evaluated["marts/fct_meetings"]) >= 5


def test_the_who_met_whom_report_counts_the_pairs_of_participants(built):
    """The data of the who-met-whom picture, as fct_meetings' post-hook logged it, is the pairs of
    participants that fct_meeting_participants holds, counted by name."""
    import json

    from orchestration.assets.dbt import REPORT_PREFIX
    from orchestration.settings import dbt_target_path

    result, warehouse, *_ = built
    log = (dbt_target_path(warehouse) / "dbt.log").read_text(encoding="utf-8")
    line = next(json.loads(line) for line in reversed(log.splitlines())
                if REPORT_PREFIX in line and "fct_meetings" in line and line.startswith("{"))
    picture = json.loads(line["info"]["msg"][len(REPORT_PREFIX):])["picture"]
    pairs = query(warehouse, """
        select least(x.name_en, y.name_en), greatest(x.name_en, y.name_en), count(*)
        from marts.fct_meeting_participants a
        join marts.fct_meeting_participants b on a.meeting_id = b.meeting_id and a.entity_id < b.entity_id
        join marts.dim_entities x on x.entity_id = a.entity_id
        join marts.dim_entities y on y.entity_id = b.entity_id
        where x.name_en <> y.name_en group by all""")
    assert pairs and picture["pairings"] == sum(n for *_, n in pairs)
    assert sorted((a, b, int(n)) for a, b, n in picture["pairs"]) == sorted(pairs)


def test_views_and_tables_are_replaced_in_one_statement_and_what_squats_their_name_gives_way(built, tmp_path):
    """Models are built by the project's own materializations (`create or replace view` and
    `create or replace table`, dbt_project/macros/materializations/): no temporary or backup
    relation is left, a table where a view belongs (or a view where a table belongs: a model whose
    materialization changed) is dropped for it, and a table with a key, which a foreign key may
    point at, is left to dbt-duckdb's own table materialization."""
    import json

    from orchestration.assets.dbt import dbt_project

    from .conftest import run_pipeline

    macros = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))["macros"]
    # dbt takes a project's own first
    assert {"macro.khabar.materialization_view_duckdb", "macro.khabar.materialization_table_duckdb"} <= set(macros)
    result, warehouse, seeds, _ = built
    views = {name for (name,) in query(warehouse, "select schema_name || '.' || view_name from duckdb_views()"
                                                  " where not internal")}
    assert {"staging.stg_raw__articles", "intermediate.int_source_files_classified"} <= views
    assert not query(warehouse, "select table_name from duckdb_tables() where table_name like '%__dbt_%'"
                                " union all select view_name from duckdb_views() where view_name like '%__dbt_%'")
    participants = query(warehouse, "select * from marts.fct_meeting_participants order by all")
    copy = tmp_path / "khabar.duckdb"
    shutil.copy(warehouse, copy)
    con = duckdb.connect(str(copy))
    con.execute("drop view staging.stg_raw__manifest")
    con.execute("create table staging.stg_raw__manifest as select 1 as squatter")
    con.execute("drop table marts.rejected_files")
    con.execute("create view marts.rejected_files as select 1 as squatter")
    con.execute("drop table marts.fct_meeting_participants")
    con.execute("create table marts.fct_meeting_participants (meeting_id varchar primary key, entity_id varchar)")
    con.close()
    assert run_pipeline(seeds, copy).success
    assert query(copy, "select count(*) from duckdb_views() where schema_name = 'staging'"
                       " and view_name = 'stg_raw__manifest'") == [(1,)]
    assert query(copy, "select count(*) from duckdb_tables() where schema_name = 'marts'"
                       " and table_name = 'rejected_files'") == [(1,)]
    for name in ("stg_raw__manifest", "rejected_files"):
        assert "squatter" not in {c for (c,) in query(copy, "select column_name from duckdb_columns()"
                                                            f" where table_name = '{name}'")}
    assert query(copy, "select * from marts.fct_meeting_participants order by all") == participants
    assert not query(copy, "select constraint_type from duckdb_constraints()"
                           " where table_name = 'fct_meeting_participants'")
    assert not query(copy, "select table_name from duckdb_tables() where table_name like '%__dbt_%'")


def test_a_build_into_a_built_warehouse_creates_no_schema_again(built, tmp_path):
    """dbt lists the schemas a build needs and creates the missing ones; the project's
    `duckdb__list_schemas` (dbt_project/macros/list_schemas.sql) finds the existing ones, where
    dbt-duckdb's compared the quoted database name and re-created every schema every build."""
    import json
    import os
    import subprocess

    from .conftest import ROOT

    _, warehouse, _, _ = built
    copy = tmp_path / "khabar.duckdb"
    shutil.copy(warehouse, copy)
    env = {**os.environ, "KHABAR_WAREHOUSE": str(copy), "DBT_TARGET_PATH": str(tmp_path / "target"),
           "DBT_LOG_PATH": str(tmp_path / "target"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "dbt"), "--log-format", "json", "--debug", "build",
                          "--select", "stg_raw__manifest", "--profiles-dir", "."], cwd=ROOT / "dbt_project",
                         env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-2000:]
    statements = [json.loads(line)["data"].get("sql", "") for line in out.stdout.splitlines()
                  if line.startswith("{") and json.loads(line)["info"]["name"] == "SQLQuery"]
    assert any("information_schema.schemata" in s for s in statements)
    assert not [s for s in statements if "create schema" in s.lower()]


def test_data_tests_run_outside_a_transaction_fail_as_before_and_can_store_failures(built, tmp_path):
    """The project's test materialization (dbt_project/macros/materializations/test.sql) runs a data
    test as one query, without BEGIN and ROLLBACK around it; a failing test still fails the
    command, and a test that stores its failures (dbt's own materialization) leaves its table."""
    import json
    import os
    import subprocess

    from .conftest import ROOT

    _, warehouse, _, _ = built
    copy = tmp_path / "khabar.duckdb"
    shutil.copy(warehouse, copy)
    con = duckdb.connect(str(copy))
    con.execute("insert into raw.articles select * from raw.articles limit 1")  # a doc_id twice
    con.close()
    env = {**os.environ, "KHABAR_WAREHOUSE": str(copy), "DBT_TARGET_PATH": str(tmp_path / "target"),
           "DBT_LOG_PATH": str(tmp_path / "target"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}

    def dbt_test(*extra):
        out = subprocess.run([str(ROOT / ".venv" / "bin" / "dbt"), "--log-format", "json", "--debug", "test",
                              "--select", "stg_raw__articles", *extra, "--profiles-dir", "."],
                             cwd=ROOT / "dbt_project", env=env, capture_output=True, text=True, timeout=300)
        events = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
        return out.returncode, events

    code, events = dbt_test()
    tests = {e["data"]["node_info"]["node_name"]: e["data"]["status"] for e in events
             if e["info"]["name"] == "LogTestResult"}
    assert code == 1 and len(tests) >= 3
    assert {name for name, status in tests.items() if status == "fail"} == {"unique_stg_raw__articles_doc_id"}
    in_tests = [e for e in events if (e["data"].get("node_info") or {}).get("node_name") in tests]
    statements = [e["data"]["sql"].strip().lower() for e in in_tests if e["info"]["name"] == "SQLQuery"]
    assert len([s for s in statements if "dbt_internal_test" in s]) == len(tests)
    assert not [s for s in statements if s in ("begin", "begin transaction", "commit")]
    assert not [e for e in in_tests if e["info"]["name"] in ("Rollback", "SQLCommit")]

    code, _ = dbt_test("--store-failures")
    assert code == 1
    stored = query(copy, "select count(*) from duckdb_tables() where table_name = 'unique_stg_raw__articles_doc_id'")
    assert stored == [(1,)]


def test_a_file_neither_accepted_nor_rejected_or_both_fails_its_dbt_test(built, tmp_path):
    """``every_file_accepted_or_rejected`` (dbt_project/tests/generic/) names each input file that
    the marts lose or hold twice, and what is wrong with it."""
    import os
    import subprocess

    from .conftest import ROOT

    _, warehouse, _, _ = built
    copy = tmp_path / "khabar.duckdb"
    shutil.copy(warehouse, copy)
    con = duckdb.connect(str(copy))
    lost, twice = [r[0] for r in con.execute("select file_name from marts.dim_documents order by 1 limit 2").fetchall()]
    con.execute("delete from marts.dim_documents where file_name = ?", [lost])
    con.execute("insert into marts.rejected_files values (?, 'a reason')", [twice])
    con.close()
    env = {**os.environ, "KHABAR_WAREHOUSE": str(copy), "DBT_TARGET_PATH": str(tmp_path / "target"),
           "DBT_LOG_PATH": str(tmp_path / "target"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "dbt"), "test", "--select",
                          "test_name:every_file_accepted_or_rejected", "--store-failures", "--profiles-dir", "."],
                         cwd=ROOT / "dbt_project", env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 1, out.stdout[-2000:]
    stored = query(copy, "select table_schema || '.' || table_name from information_schema.tables"
                         " where table_name like 'every_file_accepted_or_rejected%'")[0][0]
    assert sorted(query(copy, f"select file_name, problem from {stored}")) == sorted(
        [(lost, "neither accepted nor rejected"), (twice, "accepted and rejected")])
