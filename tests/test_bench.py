"""The benchmark's definition of a build from nothing."""
from benchmarks.run import fresh_location
from orchestration import settings


def test_a_fresh_location_has_no_warehouse_and_nothing_an_earlier_build_left_beside_it(tmp_path):
    warehouse = tmp_path / "corpus.duckdb"
    warehouse.write_bytes(b"db")
    tmp_path.joinpath("corpus.duckdb.wal").write_bytes(b"wal")
    for folder in (settings.cache_dir(warehouse), settings.dbt_target_path(warehouse)):
        folder.mkdir(parents=True)
        (folder / "kept.pickle").write_bytes(b"x")
    other = tmp_path / "other.duckdb"
    other.write_bytes(b"another warehouse")
    settings.cache_dir(other).mkdir()

    fresh_location(warehouse)
    fresh_location(warehouse)  # nothing there: no error

    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.cache", "other.duckdb"]


def test_the_bench_records_runs_in_memory_or_in_a_dagster_home_like_the_deployments(tmp_path, monkeypatch):
    from benchmarks.run import bench_instance

    monkeypatch.delenv("KHABAR_BENCH_DAGSTER_HOME", raising=False)
    assert not bench_instance().is_persistent

    home = tmp_path / "dagster_home"
    monkeypatch.setenv("KHABAR_BENCH_DAGSTER_HOME", str(home))
    instance = bench_instance()
    assert instance.is_persistent and instance.root_directory == str(home)
    assert (home / "dagster.yaml").read_text() == (settings.PROJECT_ROOT / "orchestration" / "instance" /
                                                    "dagster.yaml").read_text()
