"""Run a pure batch function over chunks of work on every core, streaming results back."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

SMALL_JOB = 64  # below this many items, process start-up costs more than it saves


def worker_count() -> int:
    return max(1, int(os.environ.get("KHABAR_WORKERS", os.cpu_count() or 1)))


def map_batches(fn: Callable[[list[T]], R], batches: Iterable[list[T]], total: int,
                initializer: Callable | None = None, initargs: tuple = ()) -> Iterator[R]:
    """``fn(batch)`` for each batch, in order; in worker processes when the job is big enough."""
    workers = worker_count()
    if total == 0:
        return  # no work: do not pay for the initializer (e.g. building the entity automaton)
    if total < SMALL_JOB or workers == 1:
        if initializer:
            initializer(*initargs)
        yield from map(fn, batches)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=initializer, initargs=initargs) as pool:
        pending = []
        for batch in batches:
            pending.append(pool.submit(fn, batch))
            if len(pending) >= workers * 2:  # bounded look-ahead keeps memory flat
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()
