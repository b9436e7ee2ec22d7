"""Ingest: raw files and manifest of the input folder into ``raw.source_files`` and ``raw.manifest``.

Incremental by content: a file whose name and sha256 are already stored is not
decoded again; a changed file replaces its row; a deleted file's row goes, and
every change is recorded in ``raw.file_events``.
"""

import hashlib
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import polars as pl
from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, MetadataValue

from .. import settings
from ..manifest import parse_manifest
from ..parallel import map_batches
from ..text.decode import MAX_FILE_BYTES, decode_bytes
from ..text.langid import detect_language
from ..warehouse import RAW_SCHEMA, in_transaction, replace_rows, table_exists

SOURCE_FILES_SCHEMA = {
    "file_name": pl.Utf8, "doc_id": pl.Utf8, "size_bytes": pl.Int64, "modified_at": pl.Datetime("us", "UTC"),
    "sha256": pl.Utf8, "encoding": pl.Utf8, "language": pl.Utf8, "text": pl.Utf8,
    "reject_reason": pl.Utf8, "ingested_at": pl.Datetime("us", "UTC"),
}
MANIFEST_SCHEMA = {"file_name": pl.Utf8, "published_at": pl.Date, "url": pl.Utf8, "outlet": pl.Utf8}
PROBLEMS_SCHEMA = {"file_name": pl.Utf8, "problem": pl.Utf8}
BATCH = 200
EVENTS_SCHEMA = {"file_name": pl.Utf8, "event": pl.Utf8, "sha256": pl.Utf8, "at": pl.Datetime("us", "UTC")}


def doc_id_for(sha256: str) -> str:
    """Documents are named by their content: the same bytes are always the same document."""
    return sha256[:16]


def file_digest(path) -> tuple[str, bytes | None]:
    """sha256 of a file's bytes, and the bytes; a file over the size limit is not read
    (its name, size and mtime stand in for the content)."""
    stat = path.stat()
    if stat.st_size > MAX_FILE_BYTES:
        return hashlib.sha256(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest(), None
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), data


def source_file_row(path, digest: str, data: bytes | None, now: datetime) -> dict:
    """One row of ``raw.source_files``: decoded text, or the reason the file was refused."""
    stat = path.stat()
    row = {"file_name": path.name, "size_bytes": stat.st_size, "sha256": digest, "doc_id": doc_id_for(digest),
           "modified_at": datetime.fromtimestamp(stat.st_mtime, timezone.utc), "ingested_at": now,
           "encoding": None, "language": None, "text": None, "reject_reason": None}
    if data is None:
        return {**row, "reject_reason": f"file larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit"}
    decoded = decode_bytes(data)
    row["encoding"] = decoded.encoding
    if decoded.text is None:
        return {**row, "reject_reason": decoded.reason}
    language = detect_language(decoded.text)
    if language not in ("fa", "ar"):
        return {**row, "language": language, "reject_reason": "not Persian or Arabic text"}
    return {**row, "language": language, "text": decoded.text}


SOURCE_FILES = AssetKey(["raw", "source_files"])
MANIFEST = AssetKey(["raw", "manifest"])
MANIFEST_PROBLEMS = AssetKey(["raw", "manifest_problems"])
FILE_EVENTS = AssetKey(["raw", "file_events"])


def source_file_rows(batch: list[tuple[str, str, datetime]]) -> list[dict]:
    """Rows for a batch of (path, sha256, ingest time); runs in worker processes."""
    rows = []
    for path_str, digest, now in batch:
        path = Path(path_str)
        data = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else None
        rows.append(source_file_row(path, digest, data, now))
    return rows


INGEST_SPECS = [
    AssetSpec(SOURCE_FILES, group_name="ingest",
              description="Every *.txt of the input folder (KHABAR_SEEDS_DIR): sha256, decoded text and "
                          "language, or the reason it was refused. Incremental by content hash."),
    AssetSpec(MANIFEST, group_name="ingest", description="manifest.csv rows naming files of the folder."),
    AssetSpec(MANIFEST_PROBLEMS, group_name="ingest", description="What was wrong with manifest.csv."),
    AssetSpec(FILE_EVENTS, group_name="ingest", description="Files added, changed or deleted, per run."),
]


def ingest_files(context: AssetExecutionContext, con: duckdb.DuckDBPyConnection) -> list[MaterializeResult]:
    """The input folder into the raw tables (see the module's doc); the step is ``process_articles``."""
    folder = settings.seeds_dir()
    paths = settings.input_files(folder)
    if not folder.is_dir():
        context.log.warning(f"input folder {folder} does not exist: nothing to ingest")
    now = datetime.now(timezone.utc)
    manifest_path = folder / "manifest.csv"
    manifest_rows, problems = ([], [])
    if manifest_path.is_file():
        manifest_text = decode_bytes(manifest_path.read_bytes()).text or ""
        manifest_rows, problems = parse_manifest(manifest_text, {p.name for p in paths})
    for name, problem in problems:
        context.log.warning(f"manifest.csv: {name}: {problem}")

    stored: dict[str, str] = {}
    if table_exists(con, RAW_SCHEMA, "source_files"):
        stored = dict(con.execute("select file_name, sha256 from raw.source_files").fetchall())
    changed_files, events = [], {}
    on_disk = set()
    for i, path in enumerate(paths, 1):
        on_disk.add(path.name)
        digest, _ = file_digest(path)
        if i % 1000 == 0:
            context.log.info(f"ingest: {i} / {len(paths)} files hashed")
        if path.name in stored and stored[path.name] == digest:
            continue
        changed_files.append((str(path), digest, now))
        events[path.name] = {"file_name": path.name, "event": "changed" if path.name in stored else "added",
                             "sha256": digest, "at": now}
    deleted = sorted(set(stored) - on_disk)
    # decoding and language id of the new files, on every core; each batch is stored with its
    # file events in its own transaction (the corpus's text never sits in memory at once, and
    # a killed run keeps the batches it finished: the next one goes on from there)
    batches = (changed_files[i:i + BATCH] for i in range(0, len(changed_files), BATCH))
    decoded = 0
    for rows in map_batches(source_file_rows, batches, len(changed_files)):
        names = [r["file_name"] for r in rows]
        with in_transaction(con):
            replace_rows(con, "source_files", pl.DataFrame(rows, schema=SOURCE_FILES_SCHEMA), "file_name", names)
            replace_rows(con, "file_events", pl.DataFrame([events[n] for n in names], schema=EVENTS_SCHEMA),
                         "file_name", [])
        decoded += len(rows)
        context.log.info(f"ingest: {decoded} / {len(changed_files)} files decoded")
    with in_transaction(con):
        replace_rows(con, "source_files", pl.DataFrame(schema=SOURCE_FILES_SCHEMA), "file_name", deleted)
        replace_rows(con, "file_events", pl.DataFrame(
            [{"file_name": n, "event": "deleted", "sha256": stored[n], "at": now} for n in deleted],
            schema=EVENTS_SCHEMA), "file_name", [])
        con.execute("drop table if exists raw.manifest")
        replace_rows(con, "manifest", pl.DataFrame(manifest_rows, schema=MANIFEST_SCHEMA), "file_name", [])
        con.execute("drop table if exists raw.manifest_problems")
        replace_rows(con, "manifest_problems",
                     pl.DataFrame([{"file_name": n, "problem": p} for n, p in problems], schema=PROBLEMS_SCHEMA),
                     "file_name", [])
    accepted, rejected = con.execute(
        "select count(*) filter (where reject_reason is null), count(*) filter (where reject_reason is not null)"
        " from raw.source_files").fetchall()[0]
    context.log.info(f"ingest: {len(paths)} files, {len(changed_files)} new or changed, {len(deleted)} deleted")
    return [
        MaterializeResult(asset_key=SOURCE_FILES, metadata={
            "files_in_folder": len(paths), "new_or_changed": len(changed_files), "deleted": len(deleted),
            "decoded": accepted, "refused": rejected, "input_folder": MetadataValue.path(str(folder)),
            "dagster/row_count": accepted + rejected}),
        MaterializeResult(asset_key=MANIFEST, metadata={"dagster/row_count": len(manifest_rows)}),
        MaterializeResult(asset_key=MANIFEST_PROBLEMS, metadata={"dagster/row_count": len(problems)}),
        MaterializeResult(asset_key=FILE_EVENTS, metadata={"this_run": len(events) + len(deleted)}),
    ]
