"""The compiled entity automaton and the meeting rules are built once per fingerprint and reused
from disk."""
import pickle

import pytest

from orchestration.assets import entities
from orchestration.text.matching import Lexicon, LexiconEntry

from .conftest import DBT_SEEDS


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


def test_packed_rows_give_back_each_row_and_pickle_as_one_blob():
    from orchestration.text.matching import _PackedRows

    rows = [(("person:a", "person", "أ"),), (("place:b", "place", "ب"), ("place:c", "place", "ج")), ()]
    packed = _PackedRows(rows)
    assert len(packed) == 3 and [packed[i] for i in range(3)] == rows
    with pytest.raises(IndexError):
        packed[3]
    again = pickle.loads(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
    assert [again[i] for i in range(3)] == rows


def test_meeting_rules_are_built_once_per_fingerprint_and_serve_the_workers(tmp_path, lexicon):
    import csv

    from orchestration.assets import meetings
    from orchestration.incremental import cached_pickle

    seeds = DBT_SEEDS
    tables = {name: list(csv.DictReader((seeds / f"{name}.csv").open(encoding="utf-8")))
              for name in meetings.RULE_TABLES}
    builds = []

    def build():
        builds.append(1)
        return meetings.build_rules(tables)

    path = cached_pickle(tmp_path, "meeting-rules", "fp-1", build)
    assert cached_pickle(tmp_path, "meeting-rules", "fp-1", build) == path and builds == [1]

    meetings._init_extractor(path)
    text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي ريكس تيلرسون في موسكو يوم الأربعاء."
    mentions = [vars(m) for m in lexicon.find(text, "ar")]
    found, participants = meetings.extract_batch([("doc", text, "ar", None, None, mentions)])
    assert found["trigger"] == ["التقى"] and found["modality"] == ["in_person"]
    assert sorted(participants["entity_id"]) == ["person:rex_tillerson", "person:sergey_lavrov"]

    other = cached_pickle(tmp_path, "meeting-rules", "fp-2", build)
    assert builds == [1, 1] and sorted(p.name for p in tmp_path.iterdir()) == [other.name]


def test_an_automaton_value_gives_back_key_length_lam_form_and_row():
    from orchestration.text.matching import _automaton_fields, _automaton_value

    for key, lam, row in (("لافروف", False, 0), ("للرقة", True, 46_580), ("x" * 511, False, 2 ** 40)):
        assert _automaton_fields(_automaton_value(key, lam, row)) == (len(key), lam, row)
    with pytest.raises(ValueError):
        _automaton_value("x" * 512, False, 1)
