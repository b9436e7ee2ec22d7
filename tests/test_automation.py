"""The schedule and the input-folder sensor, evaluated against a temporary folder."""
import os

from dagster import DagsterInstance, RunRequest, SkipReason, build_schedule_context, build_sensor_context

from orchestration.automation import daily_schedule, input_folder_sensor


def evaluate(cursor, instance):
    context = build_sensor_context(cursor=cursor, instance=instance)
    result = input_folder_sensor(context)
    return result, context.cursor


def test_sensor_requests_a_run_on_new_changed_and_deleted_files(tmp_path, monkeypatch):
    monkeypatch.setenv("KHABAR_SEEDS_DIR", str(tmp_path))
    instance = DagsterInstance.ephemeral()
    (tmp_path / "a.txt").write_text("خبر اول", encoding="utf-8")
    first, cursor = evaluate(None, instance)
    assert isinstance(first, RunRequest)

    again, same_cursor = evaluate(cursor, instance)
    assert isinstance(again, SkipReason) and same_cursor == cursor

    (tmp_path / "b.txt").write_text("خبر دوم", encoding="utf-8")
    added, cursor2 = evaluate(cursor, instance)
    assert isinstance(added, RunRequest) and cursor2 != cursor
    # only the input changed: the run leaves reference data alone but rebuilds the marts
    selected = {k.to_user_string() for k in added.asset_selection}
    assert "marts/fct_meetings" in selected and "raw/source_files" in selected
    assert not any(k.startswith("reference/") for k in selected) and "raw/places" not in selected
    assert first.asset_selection is None  # the first run takes everything

    (tmp_path / "a.txt").write_text("خبر اول، ویرایش شده", encoding="utf-8")
    changed, cursor3 = evaluate(cursor2, instance)
    assert isinstance(changed, RunRequest) and cursor3 != cursor2

    os.remove(tmp_path / "b.txt")
    deleted, cursor4 = evaluate(cursor3, instance)
    assert isinstance(deleted, RunRequest) and cursor4 != cursor3

    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    ignored, _ = evaluate(cursor4, instance)
    assert isinstance(ignored, SkipReason)


def test_sensor_does_not_open_the_warehouse(tmp_path, monkeypatch):
    monkeypatch.setenv("KHABAR_SEEDS_DIR", str(tmp_path))
    monkeypatch.setenv("KHABAR_WAREHOUSE", str(tmp_path / "missing" / "khabar.duckdb"))
    (tmp_path / "a.txt").write_text("خبر", encoding="utf-8")
    evaluate(None, DagsterInstance.ephemeral())
    assert not (tmp_path / "missing").exists()


def test_daily_schedule_requests_the_whole_graph():
    context = build_schedule_context(instance=DagsterInstance.ephemeral())
    requests = list(daily_schedule.evaluate_tick(context).run_requests or [])
    assert len(requests) == 1
    assert daily_schedule.cron_schedule == "0 3 * * *"
    assert daily_schedule.job_name == "materialize_all"


def test_dbt_resource_skips_unused_adapter_and_version_subprocess():
    from functools import cached_property
    from importlib import metadata

    from dagster_dbt import DbtCliResource

    from orchestration.assets.dbt import KhabarDbtCliResource
    from orchestration.definitions import DBT_EXECUTABLE

    # the hooks overridden must still exist upstream, or the overrides would silently do nothing
    assert callable(DbtCliResource.__dict__["_initialize_dbt_core_adapter"])
    assert isinstance(DbtCliResource.__dict__["_cli_version"], cached_property)
    resource = KhabarDbtCliResource(project_dir="dbt_project", dbt_executable=DBT_EXECUTABLE)
    assert resource._initialize_dbt_core_adapter(["build"]) is None
    assert str(resource._cli_version) == metadata.version("dbt-core")


def test_dbt_target_path_is_stable_per_warehouse(tmp_path):
    from orchestration.settings import dbt_target_path

    first = dbt_target_path(tmp_path / "a" / "khabar.duckdb")
    assert first == dbt_target_path(tmp_path / "a" / "khabar.duckdb")
    assert first.parent == tmp_path / "a"
    assert first != dbt_target_path(tmp_path / "b" / "khabar.duckdb")


def test_forkserver_preloads_the_code_location_and_not_hazm():
    from orchestration.automation import PRELOAD_MODULES

    assert PRELOAD_MODULES == ["orchestration.definitions"]


def test_the_persian_normalizer_is_built_only_for_persian_work():
    from orchestration.text.normalize import _persian_normalizer, prepare_for

    _persian_normalizer.cache_clear()
    prepare_for(["ar", "ar"])
    assert _persian_normalizer.cache_info().currsize == 0  # Arabic articles only: hazm not loaded
    prepare_for(iter(["ar", "fa"]))
    assert _persian_normalizer.cache_info().currsize == 1  # built once, inherited by forked workers


def test_dbt_builds_skip_json_artifacts_and_keep_sql_out_of_the_file_log_unless_asked(monkeypatch):
    from orchestration.assets.dbt import _dbt_build_args

    monkeypatch.delenv("DBT_LOG_LEVEL_FILE", raising=False)
    assert _dbt_build_args(False) == ["build", "--no-write-json", "--log-level-file", "info"]
    assert _dbt_build_args(True)[-1] == "--full-refresh"
    monkeypatch.setenv("DBT_LOG_LEVEL_FILE", "debug")
    assert _dbt_build_args(False)[2:4] == ["--log-level-file", "debug"]
