"""`export ics --alt CODE|all`: one .ics calendar per ALT (a month with --month, a range with
--from/--to, else the fiscal year of today)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from altdesk import clock
from altdesk.dates import month_bounds
from altdesk.db.workspace import Workspace
from altdesk.errors import InvalidInput
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._output import Subject, write_outputs
from altdesk.io.ics import build_calendar, load_calendars
from altdesk.reports.alt_month import resolve_alts
from altdesk.reports.month_common import parse_codes, today_tokyo

HANDLES = {("ics", None)}


def date_range(request: ExportRequest) -> tuple[dt.date, dt.date]:
    if request.date_from and request.date_to:
        if request.date_to < request.date_from:
            raise InvalidInput(f"--to {request.date_to} is before --from {request.date_from}.",
                               f"--to {request.date_to} が --from {request.date_from} より前です。", field="--to")
        return request.date_from, request.date_to
    if request.month:
        return month_bounds(request.month)
    today = today_tokyo()
    start_year = today.year if today.month >= 4 else today.year - 1
    return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    if request.combined:
        raise InvalidInput("Calendars are written one file per ALT; --combined does not apply to ics.",
                           "カレンダーはALTごとに1ファイルです。ics に --combined は使えません。", field="combined")
    codes = parse_codes(request.alt, "--alt")
    first, last = date_range(request)
    with ws.db.sessions() as session:
        found = resolve_alts(session, ws.branch_id, codes)
        branch_code, calendars = load_calendars(session, ws.branch_id, [alt_id for alt_id, _ in found], first, last)
    if codes is None:
        calendars = [c for c in calendars if c.visits]
    stamp = clock.now(dt.UTC)

    def write(path: Path, indices: list[int], tick: Callable[[], None]) -> None:
        path.write_bytes(build_calendar(branch_code, calendars[indices[0]], first, last, stamp).to_ical())
        tick()

    subjects = [Subject(c.alt_id, c.code, c.name) for c in calendars]
    label = f"{first:%Y-%m}" if request.month else f"{first}_{last}"
    files = write_outputs(request, label, subjects, codes is None or len(codes) > 1, ".ics", "", write, progress)
    events = sum(len(c.visits) for c in calendars)
    return ExportResult(
        files,
        f"Wrote {len(files)} calendar(s) with {events} visits from {first} to {last}.",
        f"{first}〜{last} の訪問 {events} 件をカレンダー {len(files)} 件に書き出しました。",
    )
