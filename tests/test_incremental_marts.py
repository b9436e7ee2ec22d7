"""fct_mentions is incremental on doc_id: added, changed and deleted files, then a full refresh."""
import shutil

import duckdb
import pytest

from .conftest import SAMPLE_SEEDS, query, run_pipeline

COLUMNS = "mention_id, doc_id, entity_id, entity_type, sentence_index, char_start, char_end, surface, alias_kind"


def mentions(warehouse):
    return sorted(query(warehouse, f"select {COLUMNS} from marts.fct_mentions"))


def stamps(warehouse):
    return dict(query(warehouse, "select doc_id, max(processed_at) from marts.fct_mentions group by doc_id"))


@pytest.fixture(scope="module")
def folders(dbt_manifest, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incremental")
    seeds = tmp / "seeds"
    seeds.mkdir()
    files = sorted(SAMPLE_SEEDS.glob("*.txt"))
    for path in files[:3]:
        shutil.copy(path, seeds / path.name)
    return tmp, seeds, files


def test_added_changed_and_deleted_files_match_a_fresh_build(folders):
    tmp, seeds, files = folders
    warehouse = tmp / "incremental.duckdb"
    assert run_pipeline(seeds, warehouse).success
    first = stamps(warehouse)
    assert len(first) == 3

    # add one article: only its rows are loaded, the others keep their load time
    shutil.copy(files[3], seeds / files[3].name)
    assert run_pipeline(seeds, warehouse).success
    second = stamps(warehouse)
    assert len(second) == 4 and {d: second[d] for d in first} == first

    # change one file (new bytes, new doc_id) and delete another
    changed = seeds / files[0].name
    old_doc = query(warehouse, "select doc_id from marts.dim_documents where file_name = ?", [changed.name])[0][0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nخبر اضافه شد.\n", encoding="utf-8")
    deleted_doc = query(warehouse, "select doc_id from marts.dim_documents where file_name = ?", [files[1].name])[0][0]
    (seeds / files[1].name).unlink()
    assert run_pipeline(seeds, warehouse).success
    docs = {d for (d,) in query(warehouse, "select distinct doc_id from marts.fct_mentions")}
    assert old_doc not in docs and deleted_doc not in docs

    fresh = tmp / "fresh.duckdb"
    assert run_pipeline(seeds, fresh).success
    assert mentions(warehouse) == mentions(fresh) and mentions(fresh)


def test_full_refresh_rebuilds_the_incremental_mart(folders):
    from dagster import DagsterInstance

    from orchestration.definitions import defs

    tmp, seeds, _ = folders
    warehouse = tmp / "incremental.duckdb"
    before = mentions(warehouse)
    # a row an incremental build would keep (its document and load time are current)
    con = duckdb.connect(str(warehouse))
    con.execute(f"insert into marts.fct_mentions select mention_id || 'x', {COLUMNS.split(', ', 1)[1]}, processed_at,"
                " loaded_at from marts.fct_mentions limit 1")
    con.close()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KHABAR_SEEDS_DIR", str(seeds))
        mp.setenv("KHABAR_WAREHOUSE", str(warehouse))
        result = defs.resolve_job_def("materialize_all").execute_in_process(
            instance=DagsterInstance.ephemeral(),
            run_config={"ops": {"dbt_models": {"config": {"full_refresh": True}}}})
    assert result.success
    assert mentions(warehouse) == before


def test_articles_cleaned_by_new_code_are_matched_again(folders, monkeypatch):
    from orchestration.assets import articles

    tmp, seeds, _ = folders
    warehouse = tmp / "recleaned.duckdb"
    assert run_pipeline(seeds, warehouse).success
    before = dict(query(warehouse, "select doc_id, fingerprint from raw.entity_mentions_state"))
    monkeypatch.setattr(articles, "TOKENIZER_VERSION", articles.TOKENIZER_VERSION + "-next")
    assert run_pipeline(seeds, warehouse).success
    after = dict(query(warehouse, "select doc_id, fingerprint from raw.entity_mentions_state"))
    assert after.keys() == before.keys() and all(after[d] != before[d] for d in before)


def test_a_table_built_before_the_watermark_column_is_reloaded(folders):
    tmp, seeds, _ = folders
    warehouse = tmp / "incremental.duckdb"
    before = mentions(warehouse)
    con = duckdb.connect(str(warehouse))  # the shape an older Khabar built: no processed_at
    con.execute("alter table marts.fct_mentions drop column processed_at")
    con.close()
    assert run_pipeline(seeds, warehouse).success
    assert mentions(warehouse) == before
    assert query(warehouse, "select count(*) from marts.fct_mentions where processed_at is null") == [(0,)]


def test_a_seed_table_built_before_the_seed_gained_a_column_is_reloaded(folders):
    tmp, seeds, _ = folders
    warehouse = tmp / "incremental.duckdb"
    before = mentions(warehouse)
    con = duckdb.connect(str(warehouse))  # the shape an older Khabar built: common_words without is_place_name
    con.execute("alter table reference.common_words drop column is_place_name")
    con.close()
    assert run_pipeline(seeds, warehouse).success
    assert query(warehouse, "select count(*) from reference.common_words where is_place_name") != [(0,)]
    assert mentions(warehouse) == before


def test_the_surface_test_reads_the_latest_load_of_the_mentions(folders, tmp_path):
    """surface_matches_body tests the rows fct_mentions loaded last (earlier loads were tested
    then): a wrong offset there fails it, one in an earlier load is not read again."""
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    _, _, files = folders
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    warehouse = tmp_path / "surface.duckdb"
    for path in files[:2]:
        shutil.copy(path, seeds / path.name)
    assert run_pipeline(seeds, warehouse).success
    con = duckdb.connect(str(warehouse))  # one document's rows as an earlier build loaded them
    con.execute("update marts.fct_mentions set loaded_at = loaded_at - interval 1 day"
                " where doc_id = (select min(doc_id) from marts.fct_mentions)")
    con.close()
    latest = query(warehouse, "select max(loaded_at) from marts.fct_mentions")[0][0]
    assert query(warehouse, "select count(*) from marts.fct_mentions where loaded_at < ?", [latest])[0][0] > 0

    def surface_test_passes() -> bool:
        dbt = os.path.join(os.path.dirname(sys.executable), "dbt")
        return subprocess.run(
            [dbt, "test", "--select", "fct_mentions,test_name:surface_matches_body", "--profiles-dir", ".",
             "--target-path", str(tmp_path / "target")], cwd=ROOT / "dbt_project",
            env={**os.environ, "KHABAR_WAREHOUSE": str(warehouse)}, capture_output=True).returncode == 0

    def shift_one_mention(loaded: str) -> None:
        con = duckdb.connect(str(warehouse))
        con.execute(f"update marts.fct_mentions set char_start = char_start + 1 where mention_id = "
                    f"(select min(mention_id) from marts.fct_mentions where loaded_at {loaded} ?)", [latest])
        con.close()

    assert surface_test_passes()
    shift_one_mention("<")  # an earlier load: tested when it was loaded
    assert surface_test_passes()
    shift_one_mention("=")
    assert not surface_test_passes()
