"""The compiled entity automaton is built once per lexicon fingerprint and reused from disk."""
import pickle

from orchestration.assets import entities
from orchestration.text.matching import Lexicon, LexiconEntry


def small_lexicon(_tables):
    return Lexicon([LexiconEntry("person:lavrov", "person", "لافروف", "ar", "name", False, None, None)])


def test_lexicon_is_built_once_per_fingerprint_and_old_files_go(tmp_path, monkeypatch):
    built = []
    monkeypatch.setattr(entities, "build_lexicon", lambda tables: built.append(1) or small_lexicon(tables))
    first = entities.cached_lexicon_file(tmp_path, "fp-1", dict)
    again = entities.cached_lexicon_file(tmp_path, "fp-1", dict)
    assert first == again and len(built) == 1

    lexicon = pickle.loads(first.read_bytes())
    assert [m.entity_id for m in lexicon.find("التقى لافروف نظيره", "ar")] == ["person:lavrov"]

    second = entities.cached_lexicon_file(tmp_path, "fp-2", dict)
    assert len(built) == 2 and second != first
    assert sorted(p.name for p in tmp_path.iterdir()) == [second.name]  # no stale or temporary files


def test_worker_initializer_loads_the_cached_automaton(tmp_path, monkeypatch):
    monkeypatch.setattr(entities, "build_lexicon", small_lexicon)
    path = entities.cached_lexicon_file(tmp_path, "fp", dict)
    entities._init_matcher(path)
    mentions, _ = entities.match_batch([("doc", "التقى لافروف نظيره", "ar")])
    assert mentions["entity_id"] == ["person:lavrov"] and mentions["char_start"] == [6]


def test_a_pickled_lexicon_holds_plain_rows_and_matches_like_the_original():
    lexicon = Lexicon([LexiconEntry("person:lavrov", "person", "لافروف", "ar", "name", False, "RU", 0),
                       LexiconEntry("place:tartus", "place", "طرطوس", "ar", "name", False, "SY", 115769)])
    text = "التقى لافروف في طرطوس"
    before = lexicon.find(text, "ar")  # entries made for the hits are not written to the pickle
    data = pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"LexiconEntry" not in data  # rows, not entry objects: loading does not re-create ~40,000 objects
    assert pickle.loads(data).find(text, "ar") == before
    assert [m.entity_id for m in before] == ["person:lavrov", "place:tartus"]


def test_the_lexicon_tables_are_read_only_to_build_the_automaton(tmp_path, monkeypatch):
    monkeypatch.setattr(entities, "build_lexicon", small_lexicon)
    reads = []

    def read_tables():
        reads.append(1)
        return {}

    entities.cached_lexicon_file(tmp_path, "fp", read_tables)
    entities.cached_lexicon_file(tmp_path, "fp", read_tables)
    assert reads == [1]


def test_the_reference_fingerprint_follows_every_row_and_its_place(tmp_path):
    import duckdb

    from orchestration.warehouse import reference_fingerprint

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema reference")
    con.execute("create table reference.a as select * from (values ('x', 1), ('y', 2)) t(k, v)")
    first = reference_fingerprint(con, ["a", "b"])
    assert reference_fingerprint(con, ["a", "b"]) == first and reference_fingerprint(con, ["a"]) != first
    seen = {first}
    for change in ("update reference.a set v = 3 where k = 'y'",
                   "insert into reference.a values ('z', 0)",
                   "delete from reference.a where k = 'z'",  # back to the rows of the update
                   "create or replace table reference.a as select * from (values ('y', 3), ('x', 1)) t(k, v)",
                   "create table reference.b (n int)"):  # a table that comes, empty
        con.execute(change)
        seen.add(reference_fingerprint(con, ["a", "b"]))
    assert len(seen) == 5  # the delete restored the rows of the update: same fingerprint
