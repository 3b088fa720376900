"""Writing many one-file-per-school PDFs on every core.

Embedding a font subset costs the same for every file, so a month's 800 school schedules
are CPU-bound; worker processes (spawned, so no thread or database connection is inherited)
each register the fonts once and write whole chunks of files. Used only for large folder
exports; main.py calls multiprocessing.freeze_support() so the frozen bundle can spawn them.
The workers end with the export's process, also when it is killed (altdesk.processes).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from altdesk.processes import die_with_parent

WORKERS_ENV = "ALTDESK_PDF_WORKERS"
MIN_FILES = 100  # below this, starting processes costs more than it saves
CHUNK = 20

Job = Callable[[Sequence[Any], Sequence[Path], str], None]
"""job(items, paths, font_config): write items[i] to paths[i]; module-level, so it pickles."""


def worker_count(files: int) -> int:
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured.isdigit():
        return max(1, int(configured))
    if files < MIN_FILES:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def run_chunks(
    job: Job,
    items: Sequence[Any],
    paths: Sequence[Path],
    font_config: str,
    workers: int,
    on_done: Callable[[list[int]], bool],
    weights: Sequence[int] | None = None,
) -> bool:
    """Run job over chunks of items in `workers` processes. on_done(indices) is called as each
    chunk finishes (also after a stop) and returns False to stop: chunks not yet started are
    dropped, running ones finish. Returns False when stopped.

    `weights` (files per item, 1 when not given) keep chunks about CHUNK files each: an item
    that writes many files runs in a chunk of its own."""
    chunks = _chunks(weights if weights is not None else [1] * len(items))
    context = multiprocessing.get_context("spawn")
    keep_going = True
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=die_with_parent) as pool:
        pending: dict[Future[None], list[int]] = {
            pool.submit(job, [items[i] for i in chunk], [paths[i] for i in chunk], font_config): chunk
            for chunk in chunks
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = pending.pop(future)
                future.result()  # a worker's error is the export's error
                if not on_done(chunk) and keep_going:
                    keep_going = False
                    for other in pending:
                        other.cancel()
            pending = {f: c for f, c in pending.items() if not f.cancelled()}
    return keep_going


def _chunks(weights: Sequence[int]) -> list[list[int]]:
    chunks: list[list[int]] = []
    current: list[int] = []
    load = 0
    for i, weight in enumerate(weights):
        if current and load + weight > CHUNK:
            chunks.append(current)
            current, load = [], 0
        current.append(i)
        load += weight
    if current:
        chunks.append(current)
    return chunks
