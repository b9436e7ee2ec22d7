"""The schedule and the input-folder sensor, evaluated against a temporary folder."""
import os
import re
import subprocess
import sys
from pathlib import Path

from dagster import DagsterInstance, RunRequest, SkipReason, build_schedule_context, build_sensor_context

from orchestration.automation import daily_schedule, input_folder_sensor

ROOT = Path(__file__).resolve().parents[1]


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

    assert PRELOAD_MODULES[0] == "orchestration.definitions"
    assert not any(name.split(".")[0] in ("hazm", "nltk") for name in PRELOAD_MODULES)


def test_the_forkserver_freezes_what_it_preloaded_for_the_steps_it_forks():
    """After the preload, the garbage collector no longer walks the preloaded objects (a full
    collection of them took ~0.25 s), and it still collects what a step makes afterwards."""
    script = """
import gc, importlib
from orchestration.automation import PRELOAD_MODULES
for name in PRELOAD_MODULES:
    importlib.import_module(name)
frozen = gc.get_freeze_count()
class Cycle:
    pass
a, b = Cycle(), Cycle()
a.other, b.other = b, a
del a, b
print(frozen, gc.isenabled(), gc.collect())
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    frozen, enabled, collected = out.stdout.split()[-3:]
    assert int(frozen) > 100_000
    assert enabled == "True" and int(collected) >= 2


def test_a_step_opens_the_instance_without_importing_its_storage_again(tmp_path):
    """What a step process does first (``DagsterInstance.from_ref``), in a fresh Python that has
    imported what the forkserver preloads: the instance's storage must already be there."""
    import shutil

    shutil.copy(ROOT / "orchestration" / "instance" / "dagster.yaml", tmp_path / "dagster.yaml")
    script = f"""
import importlib, sys
from orchestration.automation import PRELOAD_MODULES
for name in PRELOAD_MODULES:
    importlib.import_module(name)
before = set(sys.modules)
from dagster import DagsterInstance
from dagster._core.instance.ref import InstanceRef
with DagsterInstance.from_ref(InstanceRef.from_dir({str(tmp_path)!r})) as instance:
    instance.get_runs(limit=1)
heavy = sorted(m for m in set(sys.modules) - before if m.split(".")[0] in ("sqlalchemy", "alembic", "upath"))
print(len(heavy), heavy[:5])
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.startswith("0 "), out.stdout


def test_the_persian_normalizer_is_built_only_for_persian_work(monkeypatch):
    from orchestration.text import normalize

    monkeypatch.setattr(normalize, "_normalizer", None)
    normalize.prepare_for(["ar", "ar"])
    assert normalize._normalizer is None  # Arabic articles only: hazm not loaded
    normalize.prepare_for(iter(["ar", "fa"]))
    built = normalize._normalizer
    assert built is not None  # built once, inherited by forked workers
    normalize.prepare_for(["fa"])
    assert normalize._normalizer is built


def test_the_persian_normalizer_is_built_once_then_loaded_from_the_cache(tmp_path, monkeypatch):
    from hazm import Normalizer

    from orchestration.text import normalize

    monkeypatch.setattr(normalize, "_normalizer", None)
    normalize.prepare_for(["fa"], tmp_path)
    built = normalize._normalizer
    assert [p.name.startswith("hazm-normalizer-") for p in tmp_path.iterdir()] == [True]

    monkeypatch.setattr(normalize, "_normalizer", None)
    monkeypatch.setattr(Normalizer, "__init__", lambda *a, **k: (_ for _ in ()).throw(AssertionError("built again")))
    normalize.prepare_for(["fa"], tmp_path)
    loaded = normalize._normalizer
    assert loaded is not built and isinstance(loaded, Normalizer)
    for line in ("وزیر امور خارجه ايران با همتاي روسی خود ديدار كرد .  او گفت : «ما ۱۲ توافق داریم» ... می شود",
                 "کتاب‌ها را میخوانم و نمیدانستم که سلاااام", "#خبر_فوری ۱۲۳۴ و ۳.۵ درصد",
                 # joined only where hazm counted the joined word: "آبله مرغان" yes, "آبله رو" no
                 "بیماری آبله مرغان و صورت آبله رو و آبزی پروری"):
        assert loaded.normalize(line) == built.normalize(line)
    assert loaded.tokenizer.number_int_repl(re.match(r"(\d+)", "123")) == " NUM3 "  # hazm's lambdas, back


def test_dbt_builds_skip_json_artifacts_and_keep_sql_out_of_the_file_log_unless_asked(monkeypatch):
    from orchestration.assets.dbt import _dbt_build_args

    monkeypatch.delenv("DBT_LOG_LEVEL_FILE", raising=False)
    assert _dbt_build_args(False) == ["build", "--no-write-json", "--log-level-file", "info"]
    assert _dbt_build_args(True)[-1] == "--full-refresh"
    monkeypatch.setenv("DBT_LOG_LEVEL_FILE", "debug")
    assert _dbt_build_args(False)[2:4] == ["--log-level-file", "debug"]


def test_dagster_definitions_validate_is_clean(tmp_path):
    """`dagster definitions validate` loads the code location as the webserver and daemon do."""
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path), "KHABAR_WAREHOUSE": str(tmp_path / "khabar.duckdb")}
    out = subprocess.run([str(Path(sys.executable).with_name("dagster")), "definitions", "validate",
                          "-m", "orchestration.definitions"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "Validation successful" in out.stdout + out.stderr
