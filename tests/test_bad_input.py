"""Messy input: every file ends up accepted or refused with a reason, nothing is lost."""
import os
import shutil

import pytest

from .conftest import SAMPLE_SEEDS, query, run_pipeline

ARABIC = ("ناقش وزير الخارجية الروسي سيرغي لافروف مع نظيره الأمريكي جون كيري خلال اتصال هاتفي أمس "
          "تعزيز وقف الأعمال القتالية في سورية.\n")
PERSIAN_ARABIC_LETTERS = "سرگئي لاوروف وزير امور خارجه روسيه با همتاي آمريكايي خود در ژنو ديدار كرد و گفت كه اين مذاكرات مفيد بود.\n"


@pytest.fixture(scope="module")
def messy(dbt_manifest, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("messy")
    seeds = tmp / "seeds"
    seeds.mkdir()
    for p in SAMPLE_SEEDS.glob("*.txt"):
        shutil.copy(p, seeds / p.name)
    good = {
        "cp1256.txt": ("عنوان الخبر\n" + ARABIC * 3).encode("cp1256"),
        "bom_crlf.txt": ("\ufeffعنوان\r\n" + ARABIC.replace("\n", "\r\n") * 2).encode("utf-8"),
        "cr_only.txt": ("عنوان آخر\r" + ARABIC.replace("\n", "\r") * 2).encode("utf-8"),
        "nul_bytes.txt": ("عنوان\n" + ARABIC * 2).encode("utf-8").replace(b" ", b" \x00", 3),
        "controls.txt": ("\u200fعنوان\u200b\n\u202b" + ARABIC * 2 + "\u202c").encode("utf-8"),
        "persian_arabic_letters.txt": ("تيتر خبر\n" + PERSIAN_ARABIC_LETTERS * 2).encode("utf-8"),
        "same_bytes_copy.txt": (SAMPLE_SEEDS / "003_12df90e24488c351.txt").read_bytes(),
    }
    bad = {
        "empty.txt": b"",
        "blank.txt": b"   \n\t\n  ",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
        "mojibake.txt": bytes(range(0x80, 0x100)) * 30,
        "english.txt": b"This is an English text about nothing in particular, long enough to be judged.",
    }
    for name, data in {**good, **bad}.items():
        (seeds / name).write_bytes(data)
    with open(seeds / "huge.txt", "wb") as fh:  # sparse: 100 MB on paper, nothing on disk
        fh.truncate(100 * 1024 * 1024)
    (seeds / "manifest.csv").write_text(
        "file_name,published_at,url\n"
        "cp1256.txt,2016-04-14,http://example.org/a\n"
        "nowhere.txt,2016-04-14,\n"
        "bom_crlf.txt,not a date,\n"
        "../../etc/passwd,2016-01-01,\n", encoding="utf-8")
    warehouse = tmp / "khabar.duckdb"
    result = run_pipeline(seeds, warehouse)
    return result, seeds, warehouse, set(good), set(bad) | {"huge.txt"}


def test_every_file_accounted_for(messy):
    result, seeds, warehouse, good, bad = messy
    assert result.success
    files = {p.name for p in seeds.glob("*.txt")}
    accepted = {r[0] for r in query(warehouse, "select file_name from marts.dim_documents")}
    rejected = dict(query(warehouse, "select file_name, reason from marts.rejected_files"))
    assert len(accepted) + len(rejected) == len(files)
    assert accepted | set(rejected) == files
    assert good - {"same_bytes_copy.txt"} <= accepted
    assert bad <= set(rejected)
    assert all(reason for reason in rejected.values())


def test_reasons_are_clear(messy):
    _, _, warehouse, _, _ = messy
    rejected = dict(query(warehouse, "select file_name, reason from marts.rejected_files"))
    assert rejected["empty.txt"] == "empty file"
    assert "whitespace" in rejected["blank.txt"]
    assert "binary" in rejected["image.txt"]
    assert "undecodable" in rejected["mojibake.txt"]
    assert "limit" in rejected["huge.txt"]
    assert "not Persian or Arabic" in rejected["english.txt"]
    assert rejected["same_bytes_copy.txt"] == "duplicate of 003_12df90e24488c351.txt"


def test_encodings_and_cleaning(messy):
    _, _, warehouse, _, _ = messy
    enc = dict(query(warehouse, "select file_name, encoding from raw.source_files"))
    assert enc["cp1256.txt"] == "cp1256" and enc["bom_crlf.txt"] == "utf-8-sig"
    bodies = dict(query(warehouse, "select file_name, body from marts.dim_documents"))
    for name in ("bom_crlf.txt", "cr_only.txt", "nul_bytes.txt", "controls.txt"):
        body = bodies[name]
        assert not any(c in body for c in "\r\x00\ufeff\u200b\u200f\u202b\u202c"), name
        assert "لافروف" in body
    assert "ي" not in bodies["persian_arabic_letters.txt"] and "ك" not in bodies["persian_arabic_letters.txt"]
    people = {r[0] for r in query(warehouse, """
        select m.entity_id from marts.fct_mentions m join marts.dim_documents d using (doc_id)
        where d.file_name = 'persian_arabic_letters.txt'""")}
    assert "person:sergey_lavrov" in people


def test_manifest_problems_are_reported_not_fatal(messy):
    result, _, warehouse, _, _ = messy
    problems = dict(query(warehouse, "select file_name, problem from raw.manifest_problems"))
    assert "no such file" in problems["nowhere.txt"]
    assert "bad published_at" in problems["bom_crlf.txt"]
    assert "path" in problems["../../etc/passwd"]
    assert "missing columns: outlet" in problems["manifest.csv"]
    assert query(warehouse, "select published_at::varchar from marts.dim_documents where file_name = 'cp1256.txt'") \
        == [("2016-04-14",)]
    check = {e.check_name: e for e in result.get_asset_check_evaluations()}["manifest_is_clean"]
    assert not check.passed


def test_changed_and_deleted_files_replace_their_facts(messy, tmp_path):
    _, seeds, warehouse, _, _ = messy
    work = tmp_path / "seeds"
    shutil.copytree(seeds, work)
    db = tmp_path / "k.duckdb"
    shutil.copy(warehouse, db)
    (work / "cp1256.txt").write_bytes(("عنوان جديد\n" + ARABIC).encode("utf-8"))
    os.remove(work / "blank.txt")
    assert run_pipeline(work, db).success
    docs = query(db, "select file_name, title from marts.dim_documents where file_name = 'cp1256.txt'")
    assert docs == [("cp1256.txt", "عنوان جديد")]
    assert query(db, "select count(*) from raw.source_files where file_name = 'cp1256.txt'") == [(1,)]
    stale = query(db, """select count(*) from raw.articles a
                         where a.doc_id not in (select doc_id from raw.source_files)""")
    assert stale == [(0,)]
    assert query(db, "select count(*) from marts.rejected_files where file_name = 'blank.txt'") == [(0,)]
    events = set(query(db, "select file_name, event from raw.file_events"))
    assert {("cp1256.txt", "changed"), ("blank.txt", "deleted")} <= events


def test_manifest_dates_in_every_accepted_form():
    from datetime import date

    from orchestration.manifest import parse_manifest

    text = ("file_name,published_at,url,outlet\n"
            "a.txt,2019-06-12,,\nb.txt,2019-06-12T23:30:00+04:30,,\nc.txt,2019-06-12 10:00:00,,\n"
            "d.txt,2019/06/12,,\ne.txt,12/06/2019,,\nf.txt,20190612,,\ng.txt,June 12,,\n")
    rows, problems = parse_manifest(text, {f"{c}.txt" for c in "abcdefg"})
    published = {r["file_name"]: r["published_at"] for r in rows}
    assert {published[f"{c}.txt"] for c in "abcdef"} == {date(2019, 6, 12)}
    assert published["g.txt"] is None and problems == [("g.txt", "bad published_at 'June 12': left empty")]
