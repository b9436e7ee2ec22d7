"""A run killed mid-way (SIGKILL) leaves the marts as they were; the next run equals a clean build."""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.corpus import SHARED_CORPUS, real_corpus

from .conftest import ROOT, SAMPLE_SEEDS, query, run_pipeline

MART_QUERIES = {
    "dim_documents": "select doc_id, file_name, language, title, outlet, published_at, body from marts.dim_documents",
    "rejected_files": "select file_name, reason from marts.rejected_files",
    "fct_mentions": "select mention_id, doc_id, entity_id, char_start, char_end, surface from marts.fct_mentions",
    "fct_locations": "select doc_id, entity_id, mention_count from marts.fct_locations",
    "fct_meetings": "select meeting_id, doc_id, sentence_index, modality, cameo_code, location_entity_id, date_text,"
                    " event_date, evidence from marts.fct_meetings",
    "fct_meeting_participants": "select meeting_id, entity_id from marts.fct_meeting_participants",
}


def descendants(pid: int) -> list[int]:
    """All processes below ``pid`` (step processes, the forkserver and its children, worker pools)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def kill_tree(pid: int) -> None:
    """SIGKILL a run and everything it started, as a power cut or the OOM killer would."""
    for p in [pid, *descendants(pid)]:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def run_processes(warehouse: Path) -> list[int]:
    """Processes started with this warehouse in their environment (the killed run's)."""
    marker = f"KHABAR_WAREHOUSE={warehouse}".encode() + b"\0"
    pids = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker in environ.read_bytes():
                pids.append(int(environ.parent.name))
        except OSError:
            continue
    return [p for p in pids if p != os.getpid()]


def holders(path: Path) -> list[int]:
    """Processes with ``path`` open (a step process orphaned by the kill still holds the lock)."""
    pids = []
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            if any(os.readlink(fd) == str(path) for fd in fd_dir.iterdir()):
                pids.append(int(fd_dir.parent.name))
        except OSError:
            continue
    return [p for p in pids if p != os.getpid()]


def snapshot(warehouse: Path) -> dict[str, list]:
    return {name: sorted(query(warehouse, sql), key=repr) for name, sql in MART_QUERIES.items()}


@pytest.mark.skipif(not (SHARED_CORPUS / "ant").is_dir(), reason="needs ../shared/corpus")
def test_sigkill_mid_run_then_rerun(dbt_manifest, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SAMPLE_SEEDS, seeds)
    warehouse = tmp_path / "khabar.duckdb"
    assert run_pipeline(seeds, warehouse).success
    before = snapshot(warehouse)

    # a bigger delivery arrives; the run that takes it in is killed while tokenizing
    extra = real_corpus(tmp_path / "extra", limit=600, sources=("ant",))
    for path in extra.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "orchestration" / "instance" / "dagster.yaml", home / "dagster.yaml")
    env = {**os.environ, "DAGSTER_HOME": str(home), "KHABAR_SEEDS_DIR": str(seeds),
           "KHABAR_WAREHOUSE": str(warehouse), "KHABAR_WORKERS": "1"}
    log_path = tmp_path / "run.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [str(Path(sys.executable).with_name("dagster")), "job", "execute", "-m", "orchestration.definitions",
             "-j", "materialize_all"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.time() + 300
        while time.time() < deadline and "tokenize: 200 /" not in log_path.read_text(errors="replace"):
            assert proc.poll() is None, log_path.read_text(errors="replace")[-3000:]
            time.sleep(0.1)
        stragglers = descendants(proc.pid)
        kill_tree(proc.pid)
        proc.wait()
        for pid in stragglers:  # children forked while we were killing
            kill_tree(pid)
        # whatever of that run is still alive dies too: processes holding the file, and processes
        # of the run that have not opened it yet (a step forked while the tree was being killed is
        # re-parented to init, so it is found by its environment), until none shows up for a second
        deadline, quiet_since = time.time() + 30, time.time()
        while time.time() < deadline and time.time() - quiet_since < 1.0:
            left = set(holders(warehouse)) | set(run_processes(warehouse))
            for pid in left:
                kill_tree(pid)
            if left:
                quiet_since = time.time()
            time.sleep(0.1)
    assert "tokenize: 200 /" in log_path.read_text(errors="replace"), "the run was not caught mid-tokenize"

    # the marts are untouched; the killed step kept whole batches only: every stored article has
    # its tokens and its state, and no tokens or state belong to an article that is not stored
    assert snapshot(warehouse) == before
    articles = query(warehouse, "select count(*) from raw.articles")[0][0]
    assert 5 < articles < 605, "the kill should land after the first committed batch, before the end"
    assert query(warehouse, "select count(*) from raw.tokens where doc_id not in (select doc_id from raw.articles)"
                 ) == [(0,)]
    assert query(warehouse, "select count(*) from raw.articles where doc_id not in"
                 " (select doc_id from raw.tokens)") == [(0,)]
    assert query(warehouse, "select count(*) from raw.tokenized_state") == [(articles,)]
    assert query(warehouse, "select count(*) from raw.tokenized_state where doc_id not in"
                 " (select doc_id from raw.articles)") == [(0,)]

    # the next run completes with exactly the rows of a clean build
    assert run_pipeline(seeds, warehouse).success
    clean = tmp_path / "clean.duckdb"
    assert run_pipeline(seeds, clean).success
    assert snapshot(warehouse) == snapshot(clean)
    assert query(warehouse, "select count(*) from marts.dim_documents")[0][0] > 500
