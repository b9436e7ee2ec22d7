"""Keeping the warehouse current: a job for everything, a daily schedule, a sensor on the input folder."""
from __future__ import annotations

import hashlib

from dagster import (
    AssetSelection, DefaultScheduleStatus, DefaultSensorStatus, RunRequest, ScheduleDefinition,
    SensorEvaluationContext, SkipReason, define_asset_job, multiprocess_executor, sensor,
)

from . import settings

# Steps run in their own processes (the scale-out path); forkserver with the code location
# preloaded makes each step start in milliseconds instead of re-importing dagster, dbt and hazm.
khabar_executor = multiprocess_executor.configured(
    {"start_method": {"forkserver": {"preload_modules": ["orchestration.definitions"]}}})

all_assets_job = define_asset_job(
    "materialize_all", selection=AssetSelection.all(), executor_def=khabar_executor,
    description="Ingest, tokenize, match and build every dbt model, with all checks.")

daily_schedule = ScheduleDefinition(
    name="daily_refresh", job=all_assets_job, cron_schedule="0 3 * * *",
    default_status=DefaultScheduleStatus.RUNNING)


def folder_fingerprint(folder) -> str:
    """Names, sizes and mtimes of the input files (and manifest): cheap, no file is opened."""
    h = hashlib.sha256()
    if folder.is_dir():
        for p in sorted(folder.iterdir()):
            if p.is_file() and (p.suffix == ".txt" or p.name == "manifest.csv"):
                st = p.stat()
                h.update(f"{p.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


@sensor(job=all_assets_job, minimum_interval_seconds=60, default_status=DefaultSensorStatus.RUNNING,
        description="Requests a run when files in KHABAR_SEEDS_DIR are added, changed or deleted.")
def input_folder_sensor(context: SensorEvaluationContext):
    fingerprint = folder_fingerprint(settings.seeds_dir())
    if fingerprint == context.cursor:
        return SkipReason("input folder unchanged")
    context.update_cursor(fingerprint)
    return RunRequest(run_key=fingerprint)
