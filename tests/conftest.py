import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SEEDS = ROOT / "seeds"
DBT_SEEDS = ROOT / "dbt_project" / "seeds"


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """dbt's manifest, built explicitly: DbtProject.prepare_if_dev does nothing under pytest."""
    dbt = Path(sys.executable).with_name("dbt")
    subprocess.run([str(dbt), "parse", "--quiet", "--profiles-dir", "."], cwd=ROOT / "dbt_project", check=True)
    return ROOT / "dbt_project" / "target" / "manifest.json"


@pytest.fixture(scope="session")
def reference_tables():
    from orchestration.text.lexicon import read_seed_dir

    return read_seed_dir(DBT_SEEDS)


@pytest.fixture(scope="session")
def lexicon(reference_tables):
    from orchestration.text.lexicon import build_lexicon

    return build_lexicon(reference_tables)


def run_pipeline(seeds_dir: Path, warehouse: Path, raise_on_error: bool = True):
    """Run the whole graph in-process against an input folder and a warehouse file."""
    from dagster import DagsterInstance

    from orchestration.definitions import defs

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KHABAR_SEEDS_DIR", str(seeds_dir))
        mp.setenv("KHABAR_WAREHOUSE", str(warehouse))
        job = defs.resolve_job_def("materialize_all")
        return job.execute_in_process(instance=DagsterInstance.ephemeral(), raise_on_error=raise_on_error)


def query(warehouse: Path, sql: str, params=None):
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
