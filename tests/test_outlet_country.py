"""The outlet's country, which "our country" and a title alone ("الرئيس") refer to."""
from __future__ import annotations

import duckdb

from orchestration.assets.meetings import _outlet_countries


def _warehouse(outlets: dict[str, str | None], mentions: list[tuple[str, str, str]] = ()) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create schema raw; create schema reference")
    con.execute("create table raw.articles (doc_id varchar, language varchar, outlet_in_text varchar)")
    con.execute("create table raw.source_files (doc_id varchar, file_name varchar)")
    con.execute("create table raw.manifest (file_name varchar, outlet varchar)")
    con.execute("create table raw.entity_mentions (doc_id varchar, entity_id varchar, surface varchar)")
    con.execute("create table reference.lexicon_organizations"
                " (organization_id varchar, name_en varchar, organization_type varchar, country_code varchar)")
    con.execute("create table reference.lexicon_organization_aliases (entity_id varchar, language varchar, alias varchar)")
    con.execute("insert into reference.lexicon_organizations values"
                " ('org:mosaique_fm', 'Mosaique FM', 'news_outlet', 'TN'),"
                " ('org:sana', 'Syrian Arab News Agency', 'news_outlet', 'SY'),"
                " ('org:un', 'United Nations', 'international_organization', '')")
    con.execute("insert into reference.lexicon_organization_aliases values"
                " ('org:sana', 'ar', 'سانا'), ('org:sana', 'en', 'SANA')")
    for i, (doc, outlet) in enumerate(outlets.items()):
        language = "fa" if doc.startswith("fa") else "ar"
        con.execute("insert into raw.articles values (?, ?, null)", [doc, language])
        con.execute("insert into raw.source_files values (?, ?)", [doc, f"{i}.txt"])
        con.execute("insert into raw.manifest values (?, ?)", [f"{i}.txt", outlet])
    for row in mentions:
        con.execute("insert into raw.entity_mentions values (?, ?, ?)", list(row))
    return con


def test_the_manifest_outlet_by_the_lexicons_name_or_alias_without_case_or_spacing():
    con = _warehouse({"ar1": "Mosaique FM", "ar2": "mosaique-fm", "ar3": "سانا", "ar4": "sana",
                      "ar5": "An Unknown Outlet", "ar6": "!!", "ar7": None, "fa1": "An Unknown Outlet"})
    assert _outlet_countries(con) == {"ar1": "TN", "ar2": "TN", "ar3": "SY", "ar4": "SY", "ar5": None,
                                      "ar6": None, "ar7": None, "fa1": "IR"}


def test_the_outlet_named_in_the_text_comes_first():
    con = _warehouse({"ar1": "سانا"}, mentions=[("ar1", "org:mosaique_fm", "سانا")])
    assert _outlet_countries(con) == {"ar1": "TN"}
