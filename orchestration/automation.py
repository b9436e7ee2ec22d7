"""Keeping the warehouse current: a job for everything, a daily schedule, a sensor on the input folder."""
from __future__ import annotations

import hashlib

from dagster import (
    AssetSelection, DefaultScheduleStatus, DefaultSensorStatus, RunRequest, ScheduleDefinition,
    SensorEvaluationContext, SkipReason, define_asset_job, multiprocess_executor, sensor,
)

from . import settings


def all_assets_graph():
    from .definitions import defs  # the graph of this code location, resolved lazily

    return defs.resolve_asset_graph()

# Steps run in their own processes (the scale-out path); forkserver with the code location
# preloaded makes each step start in milliseconds instead of re-importing dagster and dbt.
# Every step process also opens the Dagster instance (its run and event storage on SQLAlchemy
# and alembic, the compute logs, the default IO manager's paths): ~0.6-1 s of imports that each
# step paid again, now paid once in the forkserver. (The forkserver skips a name that does not
# import, so a Dagster upgrade that moves one costs time, not the run.)
# hazm is not preloaded: ~5 s that every run would pay; the tokenize step builds it when it has
# Persian articles to do, before forking its workers.
INSTANCE_MODULES = [
    "dagster._core.instance.factory", "dagster._core.storage.sqlite_storage", "dagster._core.storage.root",
    "dagster._core.storage.local_compute_log_manager", "dagster._core.run_coordinator.queued_run_coordinator",
    "dagster._core.launcher.default_run_launcher", "dagster._core.secrets.env_file", "upath.core",
    "upath.implementations.local",
]
# Every step that writes goes through Arrow (polars frames into DuckDB): pyarrow and NumPy, ~0.1 s
# a step process. Last, what the forkserver has imported is frozen out of the garbage collector's
# reach (``frozen_heap``).
PRELOAD_MODULES = ["orchestration.definitions", *INSTANCE_MODULES, "pyarrow", "orchestration.frozen_heap"]
khabar_executor = multiprocess_executor.configured(
    {"start_method": {"forkserver": {"preload_modules": PRELOAD_MODULES}}})

all_assets_job = define_asset_job(
    "materialize_all", selection=AssetSelection.all(), executor_def=khabar_executor,
    description="Ingest, tokenize, match and build every dbt model, with all checks.")

daily_schedule = ScheduleDefinition(
    name="daily_refresh", job=all_assets_job, cron_schedule="0 3 * * *",
    default_status=DefaultScheduleStatus.RUNNING)


# New articles change only what is downstream of the input folder: a run for them leaves the
# seeds, the gazetteer and the models built from them alone (dim_entities and the reference
# staging views, with their tests); the daily schedule refreshes everything.
NEW_INPUT_SELECTION = AssetSelection.groups("ingest").downstream()


def folder_fingerprint(folder, suffixes=(".txt",), names=("manifest.csv",)) -> str:
    """Names, sizes and mtimes of the files that matter: cheap, no file is opened."""
    h = hashlib.sha256()
    if folder.is_dir():
        for p in sorted(folder.iterdir()):
            if p.is_file() and (p.suffix in suffixes or p.name in names):
                st = p.stat()
                h.update(f"{p.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


@sensor(job=all_assets_job, minimum_interval_seconds=60, default_status=DefaultSensorStatus.RUNNING,
        description="Requests a run when files in KHABAR_SEEDS_DIR are added, changed or deleted.")
def input_folder_sensor(context: SensorEvaluationContext):
    inputs = folder_fingerprint(settings.seeds_dir())
    reference = folder_fingerprint(settings.DBT_PROJECT_DIR / "seeds", suffixes=(".csv", ".yml"))
    cursor = f"{inputs}:{reference}"
    if cursor == context.cursor:
        return SkipReason("input folder unchanged")
    previous_reference = (context.cursor or ":").split(":")[1]
    context.update_cursor(cursor)
    if previous_reference == reference:
        return RunRequest(run_key=cursor, asset_selection=list(NEW_INPUT_SELECTION.resolve(all_assets_graph())))
    return RunRequest(run_key=cursor)
