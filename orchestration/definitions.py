"""Khabar's code location: ``dagster dev -m orchestration.definitions``."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from dagster import Definitions, load_assets_from_modules

from .assets import dbt, entities, steps
from .automation import all_assets_job, daily_schedule, input_folder_sensor
from .warehouse import DuckDBWarehouse

# The dbt installed beside this Python (the project's venv), whether or not the venv is activated.
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt")) if Path(sys.executable).with_name("dbt").exists() \
    else (shutil.which("dbt") or "dbt")

defs = Definitions(
    assets=load_assets_from_modules([steps, entities, dbt]),
    jobs=[all_assets_job],
    schedules=[daily_schedule],
    sensors=[input_folder_sensor],
    resources={
        "warehouse": DuckDBWarehouse(),
        "dbt": dbt.KhabarDbtCliResource(project_dir=dbt.dbt_project, dbt_executable=DBT_EXECUTABLE),
    },
)
