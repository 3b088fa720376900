"""Where report files go: one file, a folder of one file per school or ALT, or one combined
file; each written under a temporary name and renamed when complete (altdesk.io.atomic)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from altdesk.errors import InvalidInput, UserError
from altdesk.io.atomic import atomic_path
from altdesk.io.export_request import ExportRequest
from altdesk.io.exporters import ProgressCallback
from altdesk.io.pdf.parallel import Job, run_chunks, worker_count
from altdesk.reports.month_common import safe_file_part


class ExportCancelled(UserError):
    """The person cancelled the export; files finished before that are kept."""

    def __init__(self, written: list[Path]) -> None:
        super().__init__(
            f"Export cancelled; {len(written)} file(s) had been written.",
            f"書き出しを中止しました（{len(written)} 件は書き出し済みです）。",
        )
        self.written = written


@dataclass(frozen=True)
class Subject:
    """One school or ALT a report is made for."""

    id: int
    code: str
    label: str  # for the file name


def is_many(request: ExportRequest, subjects: list[Subject], codes: list[str] | None) -> bool:
    return codes is None or len(subjects) > 1


def single_path(request: ExportRequest, default_name: str) -> Path:
    """The file for one document: --out itself, or a file inside --out when it is a folder."""
    out = request.out
    if request.out_is_folder and not out.exists():
        out.mkdir(parents=True)
    if out.is_dir():
        return out / default_name
    return out


def folder(request: ExportRequest) -> Path:
    out = request.out
    if out.exists() and not out.is_dir():
        raise InvalidInput(
            f"--out {out} is a file; with several schools or ALTs give a folder (or use --combined).",
            f"--out {out} はファイルです。複数の学校・ALTを書き出すときはフォルダーを指定してください"
            "（1つにまとめる場合は --combined）。",
            field="out",
        )
    out.mkdir(parents=True, exist_ok=True)
    return out


def file_name(month: str, subject: Subject, suffix: str) -> str:
    return f"{month}_{safe_file_part(subject.code)}_{safe_file_part(subject.label)}{suffix}"


def check_progress(progress: ProgressCallback, done: int, total: int, written: list[Path]) -> None:
    if progress(done, total) is False:
        raise ExportCancelled(written)


def option_date(request: ExportRequest, key: str) -> dt.date | None:
    value = request.options.get(key)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{key} {value!r} is not a date (YYYY-MM-DD).",
                           f"{key} {value!r} は日付ではありません（YYYY-MM-DD）。", field=key) from None


def records_issue(request: ExportRequest) -> bool:
    """Exports are issues unless asked not to be (previews)."""
    return request.options.get("record_issue", "yes") != "no"


Writer = Callable[[Path], None]


ItemWriter = Callable[[Path, list[int], Callable[[], None]], None]
"""write(path, indices of the subjects to put in this file, tick after each one)."""


def write_outputs(
    request: ExportRequest,
    month: str,
    subjects: list[Subject],
    many: bool,
    suffix: str,
    combined_name: str,
    write: ItemWriter,
    progress: ProgressCallback,
    completed: list[int] | None = None,
    parallel: tuple[Job, Sequence[Any], str] | None = None,
) -> list[Path]:
    """Write one file, one file per subject into a folder, or one combined file.

    `completed` receives the indices of the subjects whose file is finished, also when the
    export is cancelled part way (ExportCancelled is raised then)."""
    completed = completed if completed is not None else []
    written: list[Path] = []
    total = len(subjects)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        check_progress(progress, done, total, written)

    if not subjects:
        return written
    if not many:
        path = single_path(request, file_name(month, subjects[0], suffix))
        with atomic_path(path) as partial:
            write(partial, [0], tick)
        written.append(path)
        completed.append(0)
        return written
    if request.combined:
        path = single_path(request, combined_name)
        with atomic_path(path) as partial:
            write(partial, list(range(total)), tick)
        written.append(path)
        completed.extend(range(total))
        return written
    out = folder(request)
    paths = [out / file_name(month, subject, suffix) for subject in subjects]
    workers = worker_count(total) if parallel is not None else 1
    if parallel is not None and workers > 1:
        job, items, font_config = parallel

        def on_done(indices: list[int]) -> bool:
            completed.extend(indices)
            written.extend(paths[i] for i in indices)
            return progress(len(completed), total) is not False

        if not run_chunks(job, items, paths, font_config, workers, on_done):
            raise ExportCancelled(written)
        order = {path: i for i, path in enumerate(paths)}
        written.sort(key=order.__getitem__)
        return written
    for index, subject in enumerate(subjects):
        path = out / file_name(month, subject, suffix)
        with atomic_path(path) as partial:
            write(partial, [index], lambda: None)
        written.append(path)
        completed.append(index)
        tick()
    return written
