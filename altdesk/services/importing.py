"""Importing spreadsheets: preview what a file would change, then apply it all or nothing.

Both faces call these: the CLI `import` command and the desktop import wizard (on a worker
thread). Results are plain dataclasses; nothing here holds a session past the call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm.exc import StaleDataError

from altdesk.db.engine import transaction
from altdesk.errors import UserError
from altdesk.io.importing import (
    DEFAULT_LIMITS,
    SCHEMAS,
    ImportRejected,
    Limits,
    ParsedBatch,
    Plan,
    Problem,
    SourceFile,
    plan_batch,
    read_sources,
    write_plan,
)
from altdesk.io.importing.table import cell_text
from altdesk.services.workspace import Workspace

Progress = Callable[[int, int], bool]
"""progress(done, total) -> False to cancel (the import then rolls back)."""


class ImportConflict(UserError):
    """Someone else changed the same records while the import was being written."""

    def __init__(self) -> None:
        super().__init__(
            "Someone else changed the same records while the import was running; nothing was imported. "
            "Check the preview again and import once more.",
            "取り込み中に他の人が同じデータを変更したため、何も取り込んでいません。プレビューを確認してもう一度取り込んでください。",
        )


@dataclass(frozen=True)
class SheetView:
    """A sheet as read, for a preview table: header and rows as text, with row numbers."""

    file: str
    sheet: str | None
    kind: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    fields: tuple[str | None, ...] = ()  # per column: the template header it was read as; None: ignored

    @property
    def title(self) -> str:
        name = self.sheet or Path(self.file).name
        return f"{name} ({self.kind})"


@dataclass(frozen=True)
class Change:
    kind: str  # boards, schools, alts, placements, closures, events
    action: str  # create, update, unchanged
    key: str
    label: str
    fields: tuple[str, ...]  # for an update: what changes (attribute names)
    file: str
    sheet: str | None
    row: int | None
    labels: tuple[str, ...] = ()  # the same, as the template's column headers
    key_ja: str = ""  # the key as Japanese messages write it
    labels_ja: tuple[str, ...] = ()  # the changed fields' Japanese headers

    def shown_key(self, lang: str) -> str:
        return (self.key_ja or self.key) if lang == "ja" else self.key

    def shown_labels(self, lang: str) -> tuple[str, ...]:
        return (self.labels_ja or self.labels) if lang == "ja" else self.labels


@dataclass(frozen=True)
class ImportPreview:
    files: tuple[SourceFile, ...]
    sheets: tuple[SheetView, ...]
    problems: tuple[Problem, ...]
    changes: tuple[Change, ...]
    counts: dict[str, dict[str, int]]
    batch: ParsedBatch = field(repr=False, compare=False)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def has_work(self) -> bool:
        return any(c.action != "unchanged" for c in self.changes)


@dataclass(frozen=True)
class ImportOutcome:
    files: tuple[SourceFile, ...]
    counts: dict[str, dict[str, int]]
    changes: tuple[Change, ...]  # what was created or updated
    warnings: tuple[Problem, ...]
    audit_id: int | None
    visits: dict[str, int] = field(default_factory=dict)  # generated visits: created, updated, deleted


# Attributes whose template column has another name.
_COLUMN_OF = {
    "boards": {"name_ja": "board_name_ja", "name_en": "board_name_en", "contract_days_per_year": "board_contract_days",
               "contract_hours_per_day": "board_contract_hours", "lunch_notice_rule": "board_lunch_notice"},
    "schools": {"board": "board_code", "lunch_notice_rule": "lunch_notice", "periods": "period_1"},
    "events": {"school_day_off": "compensatory_date"},
    "branch": {"lunch_notice_rule": "lunch_notice"},
}


def field_label(kind: str, attribute: str, lang: str = "en") -> str:
    """The template header for a changed attribute ('name_ja' -> 'Name (ja)', or 学校名 in Japanese)."""
    schema = SCHEMAS["schools" if kind == "boards" else kind]
    key = _COLUMN_OF.get(kind, {}).get(attribute, attribute)
    if attribute == "periods" and kind == "schools":
        return "校時" if lang == "ja" else "Periods"
    try:
        spec = schema.field(key)
    except KeyError:
        return attribute
    return spec.header_ja if lang == "ja" else spec.header


def _changes(plan: Plan) -> tuple[Change, ...]:
    return tuple(
        Change(i.kind, i.action, i.key, i.label, i.changes, i.file, i.sheet, i.row,
               tuple(field_label(i.kind, name) for name in i.changes), i.key_ja or i.key,
               tuple(field_label(i.kind, name, "ja") for name in i.changes))
        for i in plan.items
    )


def _sheet_views(batch: ParsedBatch) -> tuple[SheetView, ...]:
    views = []
    for sheet in batch.sheets:
        rows = tuple(
            (row.number, tuple(cell_text(c) for c in row.cells))
            for row in sheet.table.rows
            if row.number > sheet.header_row and not row.is_blank()
        )
        by_column = {column: sheet.schema.field(key).header for key, column in sheet.columns.items()}
        fields = tuple(by_column.get(column) for column in range(len(sheet.headers)))
        views.append(SheetView(sheet.table.file, sheet.table.sheet, sheet.schema.kind, sheet.header_row,
                               tuple(sheet.headers), rows, fields))
    return tuple(views)


def preview(ws: Workspace, paths: Sequence[str | Path], kind: str | None = None,
            progress: Progress | None = None, limits: Limits = DEFAULT_LIMITS,
            today: dt.date | None = None) -> ImportPreview:
    """Read and check the files and plan the import, writing nothing.

    Raises ImportFileError (a UserError naming the file) for a file that cannot be read."""
    batch = read_sources(paths, kind, limits, progress)
    with ws.db.sessions() as session:
        plan, _ctx = plan_batch(session, ws.branch_id, batch, today, limits, progress)
        session.rollback()
    return ImportPreview(tuple(batch.files), _sheet_views(batch), tuple(plan.problems), _changes(plan),
                         plan.counts(), batch)


def apply(ws: Workspace, source: ImportPreview | Sequence[str | Path], kind: str | None = None,
          progress: Progress | None = None, limits: Limits = DEFAULT_LIMITS,
          today: dt.date | None = None) -> ImportOutcome:
    """Import everything in one transaction, or nothing.

    `source` is a preview (what the person saw and confirmed) or paths to read afresh.
    The plan is made again inside the transaction, against the database as it is now.
    New and changed placements get their generated visits as when saved in the app (a
    change applies from `today`). Raises ImportRejected (with every problem) when anything
    is wrong: nothing is written."""
    batch = source.batch if isinstance(source, ImportPreview) else read_sources(source, kind, limits)
    files = [f.path for f in batch.files]
    try:
        with transaction(ws.db.sessions) as session:
            plan, ctx = plan_batch(session, ws.branch_id, batch, today, limits)
            if not plan.ok:
                raise ImportRejected(list(plan.problems))
            written = write_plan(session, ctx, plan, ws.actor, files, progress, today)
            audit_id = written.audit.id
            visits = {"created": written.visits.created, "updated": written.visits.updated,
                      "deleted": written.visits.deleted}
    except StaleDataError:
        raise ImportConflict() from None
    changes = tuple(c for c in _changes(plan) if c.action != "unchanged")
    warnings = tuple(p for p in plan.problems if not p.is_error)
    return ImportOutcome(tuple(batch.files), plan.counts(), changes, warnings, audit_id, visits)
