"""Planning a parsed batch against the database, and writing the plan all or nothing.

The caller owns the transaction: `plan_batch` only reads; `write_plan` writes into the
session it is given, and an exception anywhere rolls the whole import back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy.orm import Session

from altdesk import clock
from altdesk.db.enums import AuditAction
from altdesk.db.models import AuditEntry
from altdesk.io.importing.kinds import schools
from altdesk.io.importing.plan import KIND_ORDER, Plan, PlanContext, PlanItem
from altdesk.io.importing.problems import ImportCancelled, Problem
from altdesk.io.importing.reading import KIND_MODULES, KINDS, ParsedBatch
from altdesk.io.importing.safety import DEFAULT_LIMITS, Deadline, Limits
from altdesk.io.importing.window import DATED_FIELDS, check_dates, date_window
from altdesk.io.importing.writing import WriteContext
from altdesk.scheduling.generate import GenerateResult, generate

Progress = Callable[[int, int], bool]
WRITERS: dict[str, Callable[[WriteContext, PlanItem], None]] = {
    "boards": schools.write_board,
    "schools": schools.write_school,
    **{kind: KIND_MODULES[kind].write for kind in KINDS if kind != "schools"},
}


def _problem_order(problem: Problem) -> tuple:
    return (problem.file, problem.sheet or "", problem.row or 0, problem.column_index or -1, problem.severity)


def plan_batch(session: Session, branch_id: int, batch: ParsedBatch, today: dt.date | None = None,
               limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None) -> tuple[Plan, PlanContext]:
    """What the batch would do to the branch, with every problem found, without writing."""
    deadline = Deadline(limits, progress)
    ctx = PlanContext(session, branch_id, deadline)
    window = date_window(session, branch_id, today or clock.today())
    # The date check marks records bad: on copies, so a batch plans alike twice.
    planning = [dataclasses.replace(sheet, problems=[], records=[dataclasses.replace(r, bad=set(r.bad))
                                                                 for r in sheet.records])
                if sheet.schema.kind in DATED_FIELDS else dataclasses.replace(sheet, problems=[])
                for sheet in batch.sheets]
    for sheet in planning:
        check_dates(window, sheet)
    for kind in KINDS:  # schools (and boards) first: later kinds refer to them by code
        for sheet in planning:
            if sheet.schema.kind == kind:
                KIND_MODULES[kind].plan(ctx, sheet)
                deadline.check(sheet.table.file, sheet.table.sheet)
    problems = list(batch.problems)
    problems += [p for sheet in batch.sheets for p in sheet.problems]
    problems += [p for sheet in planning for p in sheet.problems]
    problems += ctx.problems
    problems.sort(key=_problem_order)
    items = sorted(ctx.items, key=lambda item: KIND_ORDER.index(item.kind))
    return Plan(items, problems), ctx


@dataclass
class Written:
    audit: AuditEntry
    visits: GenerateResult  # generated visits brought in line with new or changed placements


def _regenerate(session: Session, branch_id: int, wctx: WriteContext, today: dt.date) -> GenerateResult:
    """As saving a placement in the app does: a new placement gets its visits from its start;
    a changed one from today (or its start, if later); visits edited by hand are kept."""
    total = GenerateResult()
    created = [p for p, old_end in wctx.placements_written if old_end is None]
    changed = [(p, old_end) for p, old_end in wctx.placements_written if old_end is not None]
    runs = []
    if created:
        runs.append((min(p.start_date for p in created), max(p.end_date for p in created), [p.id for p in created]))
    if changed:
        first = max(today, min(p.start_date for p, _ in changed))
        last = max(max(p.end_date, old_end) for p, old_end in changed)
        runs.append((first, last, [p.id for p, _ in changed]))
    for first, last, ids in runs:
        if last >= first:
            result = generate(session, branch_id, first, last, ids)
            total.created += result.created
            total.updated += result.updated
            total.deleted += result.deleted
    return total


def write_plan(session: Session, ctx: PlanContext, plan: Plan, actor: str, files: list[str],
               progress: Progress | None = None, today: dt.date | None = None) -> Written:
    """Write every create and update of the plan, bring the visits of new and changed
    placements in line, and leave one audit entry; raise to roll back."""
    wctx = WriteContext.start(session, ctx)
    work = [item for item in plan.items if item.action != "unchanged"]
    done = 0
    for kind in KIND_ORDER:  # boards, schools and ALTs get their ids before the kinds that refer to them
        for item in (i for i in work if i.kind == kind):
            WRITERS[kind](wctx, item)
            done += 1
            if progress is not None and done % 50 == 0 and not progress(done, len(work)):
                raise ImportCancelled()
        wctx.flush_kind(kind)
    if progress is not None and not progress(len(work), len(work)):
        raise ImportCancelled()
    visits = _regenerate(session, ctx.branch_id, wctx, today or clock.today())
    names = [PurePath(f).name for f in files]  # not the folders: they may name a person
    counts = plan.counts()
    created = {k: [i.key for i in plan.items if i.kind == k and i.action == "create"] for k in counts}
    updated = {k: [i.key for i in plan.items if i.kind == k and i.action == "update"] for k in counts}
    summary = "; ".join(
        f"{kind}: {c['create']} created, {c['update']} updated, {c['unchanged']} unchanged" for kind, c in counts.items()
    )
    entry = AuditEntry(
        branch_id=ctx.branch_id,
        at=dt.datetime.now(dt.UTC),
        actor=actor,
        action=AuditAction.IMPORT,
        entity="import",
        entity_id=None,
        summary=f"Imported {', '.join(names)}: {summary or 'nothing to change'}",
        before=None,
        after={"files": names, "counts": counts, "created": created, "updated": updated,
               "visits": {"created": visits.created, "updated": visits.updated, "deleted": visits.deleted}},
    )
    session.add(entry)
    session.flush()
    return Written(entry, visits)
