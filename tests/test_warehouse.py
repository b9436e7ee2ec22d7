"""The raw tables' bookkeeping in ``orchestration.warehouse``: created once, rebuilt when the
code's columns change, rows replaced by key."""
import duckdb
import polars as pl

from orchestration.warehouse import RAW_SCHEMA, STATE_SCHEMA, prepare_tables, raw_columns, replace_rows

SCHEMAS = {"things": {"doc_id": pl.Utf8, "n": pl.Int64}}


def _con():
    con = duckdb.connect()
    con.execute(f"create schema {RAW_SCHEMA}")
    return con


def test_prepare_tables_creates_missing_tables_and_keeps_rows_of_the_same_shape():
    con = _con()
    prepare_tables(con, SCHEMAS, "things_state")
    assert raw_columns(con) == {"things": ["doc_id", "n"]}
    replace_rows(con, "things", pl.DataFrame({"doc_id": ["a"], "n": [1]}, schema=SCHEMAS["things"]), "doc_id", [])
    replace_rows(con, "things_state", pl.DataFrame({"doc_id": ["a"], "fingerprint": ["f"], "processed_at": [None]},
                                                   schema=STATE_SCHEMA), "doc_id", [])
    prepare_tables(con, SCHEMAS, "things_state")
    assert con.execute("select * from raw.things").fetchall() == [("a", 1)]
    assert con.execute("select count(*) from raw.things_state").fetchall() == [(1,)]


def test_prepare_tables_rebuilds_a_table_whose_columns_changed_with_its_state():
    con = _con()
    con.execute("create table raw.things (doc_id varchar, old_column integer)")
    con.execute("insert into raw.things values ('a', 1)")
    con.execute("create table raw.things_state (doc_id varchar, fingerprint varchar, processed_at timestamptz)")
    con.execute("insert into raw.things_state values ('a', 'f', now())")
    prepare_tables(con, SCHEMAS, "things_state")
    assert raw_columns(con) == {"things": ["doc_id", "n"]}  # the state is gone: every document again
    assert con.execute("select count(*) from raw.things").fetchall() == [(0,)]


def test_replace_rows_deletes_the_stale_keys_and_appends_by_name():
    con = _con()
    frame = pl.DataFrame({"doc_id": ["a", "b"], "n": [1, 2]}, schema=SCHEMAS["things"])
    replace_rows(con, "things", frame, "doc_id", [])
    replace_rows(con, "things", pl.DataFrame({"n": [3], "doc_id": ["a"]}), "doc_id", ["a"])
    assert sorted(con.execute("select * from raw.things").fetchall()) == [("a", 3), ("b", 2)]
