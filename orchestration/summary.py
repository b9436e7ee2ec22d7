"""Print what is in the warehouse: ``python -m orchestration.summary`` (read-only)."""
from __future__ import annotations

import duckdb

from . import settings

TABLES = ("dim_documents", "rejected_files", "dim_entities", "fct_mentions", "fct_locations",
          "fct_meetings", "fct_meeting_participants")


def main() -> None:
    path = settings.warehouse_path()
    con = duckdb.connect(str(path), read_only=True)
    try:
        print(f"warehouse: {path}")
        present = {r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
        for table in TABLES:
            if table in present:
                print(f"  marts.{table:<26} {con.execute(f'select count(*) from marts.{table}').fetchall()[0][0]:>8} rows")
        if "dim_documents" in present:
            langs = con.execute("select language, count(*) from marts.dim_documents group by 1 order by 1").fetchall()
            print("  documents by language: " + ", ".join(f"{lang}={n}" for lang, n in langs))
        if "fct_meetings" in present:
            for row in con.execute(
                    "select d.file_name, m.modality, m.event_date, string_agg(e.name_en, ' + ' order by e.name_en),"
                    " m.meeting_id"
                    " from marts.fct_meetings m join marts.dim_documents d using (doc_id)"
                    " join marts.fct_meeting_participants p using (meeting_id)"
                    " join marts.dim_entities e using (entity_id)"
                    " group by d.file_name, m.modality, m.event_date, m.meeting_id order by 1, 5 limit 10").fetchall():
                print(f"  meeting in {row[0]}: {row[3]} ({row[1]}, {row[2]})")
    finally:
        con.close()


if __name__ == "__main__":
    main()
