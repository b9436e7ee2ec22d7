"""Where the time and memory go: one run of ``materialize_all``, step by step.

    .venv/bin/python -m benchmarks.steps FOLDER [WAREHOUSE]     (make profile FOLDER=...)

Runs the whole job in-process on an input folder (a fresh warehouse unless one is given)
and prints, per step, its wall time and the largest resident memory seen in this process
and in its child processes (worker pool, dbt) while it ran. For a function-level view of one
step, run the same command under ``pyinstrument`` (in the dev dependencies).
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path


def _rss_mb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def main() -> None:
    from dagster import DagsterEventType, DagsterInstance

    folder = Path(sys.argv[1]).resolve()
    warehouse = Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else \
        Path(tempfile.mkdtemp(prefix="khabar-steps-")) / "khabar.duckdb"
    os.environ["KHABAR_SEEDS_DIR"] = str(folder)
    os.environ["KHABAR_WAREHOUSE"] = str(warehouse)
    samples: list[tuple[float, int, int]] = []  # (time, this process MB, largest child MB)
    done = threading.Event()

    def sample() -> None:
        me = os.getpid()
        while not done.is_set():
            samples.append((time.time(), _rss_mb(me), max((_rss_mb(c) for c in _children(me)), default=0)))
            time.sleep(0.25)

    threading.Thread(target=sample, daemon=True).start()
    from orchestration.definitions import defs

    instance = DagsterInstance.ephemeral()
    start = time.perf_counter()
    result = defs.resolve_job_def("materialize_all").execute_in_process(instance=instance, raise_on_error=False)
    total = time.perf_counter() - start
    done.set()
    started: dict[str, float] = {}
    print(f"{folder} -> {warehouse}: {'succeeded' if result.success else 'FAILED'} in {total:.1f} s")
    print(f"| step | seconds | share | process MB | largest child MB |\n|---|---|---|---|---|")
    for record in instance.all_logs(result.run_id):
        event = record.dagster_event
        if event is None:
            continue
        if event.event_type == DagsterEventType.STEP_START:
            started[event.step_key] = record.timestamp
        elif event.event_type in (DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE):
            t0, t1 = started[event.step_key], record.timestamp
            window = [s for s in samples if t0 <= s[0] <= t1] or [(0, 0, 0)]
            print(f"| {event.step_key} | {t1 - t0:.1f} | {(t1 - t0) / total:.0%} | "
                  f"{max(s[1] for s in window)} | {max(s[2] for s in window)} |")


if __name__ == "__main__":
    main()
