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
