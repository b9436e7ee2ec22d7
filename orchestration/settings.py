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


def duckdb_memory_limit() -> str:
    """DuckDB's buffer limit (default 80% of RAM otherwise); it spills to disk beyond it."""
    return os.environ.get("KHABAR_DUCKDB_MEMORY_LIMIT", "512MB")


def dbt_in_subprocess() -> bool:
    """Run dbt as a new Python (dagster-dbt's default) rather than a fork of the step process."""
    return os.environ.get("KHABAR_DBT_SUBPROCESS", "").strip().lower() in ("1", "true", "yes")


def dbt_target_path(warehouse: Path | None = None) -> Path:
    """dbt's artifacts (logs, run results, parse cache) for one warehouse, in a folder beside it.

    A stable folder lets dbt's partial parse survive between runs (dbt drops its parse cache
    when the profile, which holds the database path, changes), and it goes with the warehouse.
    """
    warehouse = warehouse or warehouse_path()
    return warehouse.parent / f"{warehouse.stem}.dbt-target"


def cache_dir(warehouse: Path | None = None) -> Path:
    """Derived, rebuildable files for one warehouse (e.g. the compiled entity automaton)."""
    warehouse = warehouse or warehouse_path()
    return warehouse.parent / f"{warehouse.stem}.cache"
