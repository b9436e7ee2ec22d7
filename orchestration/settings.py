"""Where things are: every path comes from the environment, resolved to an absolute path."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
WRITER_POOL = "duckdb_writer"  # one DuckDB writer at a time, across runs and processes


def seeds_dir() -> Path:
    return Path(os.environ.get("KHABAR_SEEDS_DIR", PROJECT_ROOT / "seeds")).expanduser().resolve()


def warehouse_path() -> Path:
    return Path(os.environ.get("KHABAR_WAREHOUSE", PROJECT_ROOT / "warehouse" / "khabar.duckdb")).expanduser().resolve()
