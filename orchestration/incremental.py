"""Which documents a step must (re)process, from a fingerprint per document."""
from __future__ import annotations

import hashlib
import os
import pickle
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import duckdb

import polars as pl

from .warehouse import RAW_SCHEMA, STATE_SCHEMA, in_transaction, replace_rows, table_exists


def plan(con: duckdb.DuckDBPyConnection, state_table: str, wanted: dict[str, str]) -> tuple[list[str], list[str]]:
    """(doc_ids to process, doc_ids whose stored rows are stale).

    ``wanted`` maps each current doc_id to the fingerprint of its inputs; the state
    table holds the fingerprint each stored document was built from.
    """
    done: dict[str, str] = {}
    if table_exists(con, RAW_SCHEMA, state_table):
        done = dict(con.execute(f"select doc_id, fingerprint from {RAW_SCHEMA}.{state_table}").fetchall())
    todo = sorted(d for d, fp in wanted.items() if done.get(d) != fp)
    stale = sorted((set(done) - set(wanted)) | {d for d in todo if d in done})
    return todo, stale


def code_version(*modules: ModuleType) -> str:
    """A fingerprint of the code that produces a step's rows: editing it reprocesses everything."""
    h = hashlib.sha256()
    for module in modules:
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:12]


def cached_pickle(cache: Path, kind: str, fingerprint: str, build: Callable[[], Any]) -> Path:
    """``build()`` pickled under ``cache``, once per fingerprint of what it is built from.

    A step's worker processes load the file rather than each building the object again, and a run
    that adds one article loads it rather than reading reference tables and building it. The file
    is Khabar's own derived data beside the warehouse; a kind's other fingerprints are removed.
    """
    path = cache / f"{kind}-{hashlib.sha256(fingerprint.encode()).hexdigest()[:16]}.pickle"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(pickle.dumps(build(), protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)  # atomic: a killed run never leaves half a file under the real name
        for old in cache.glob(f"{kind}-*"):
            if old != path:
                old.unlink(missing_ok=True)
    return path


def store_batches(con: duckdb.DuckDBPyConnection, results, doc_batches: list[list[str]],
                  targets: list[tuple[str, dict]], state_table: str, fingerprints: dict[str, str],
                  log, label: str) -> None:
    """Store each worker result (one column dict per target table) with the state of its
    documents, one transaction per batch: a document's rows and its state land together."""
    done, total = 0, sum(len(ids) for ids in doc_batches)
    for ids, parts in zip(doc_batches, results):
        with in_transaction(con):
            for (table, schema), columns in zip(targets, parts):
                replace_rows(con, table, pl.DataFrame(columns, schema=schema), "doc_id", [])
            record_state(con, state_table, {d: fingerprints[d] for d in ids})
        done += len(ids)
        log(f"{label}: {done} / {total} documents")


def batched(doc_ids: list[str], size: int) -> list[list[str]]:
    return [doc_ids[i:i + size] for i in range(0, len(doc_ids), size)]


def record_state(con: duckdb.DuckDBPyConnection, state_table: str, fingerprints: dict[str, str]) -> None:
    """Remember the fingerprint each processed document was built from, and when."""
    now = datetime.now(timezone.utc)
    frame = pl.DataFrame({"doc_id": list(fingerprints), "fingerprint": list(fingerprints.values()),
                          "processed_at": [now] * len(fingerprints)}, schema=STATE_SCHEMA)
    replace_rows(con, state_table, frame, "doc_id", [])


def forget(con: duckdb.DuckDBPyConnection, schemas: dict[str, dict], state_table: str, doc_ids: list[str]) -> None:
    """Delete the stale documents' rows from a step's tables and from its state table."""
    if not doc_ids:
        return
    for table, schema in {**schemas, state_table: STATE_SCHEMA}.items():
        replace_rows(con, table, pl.DataFrame(schema=schema), "doc_id", doc_ids)
