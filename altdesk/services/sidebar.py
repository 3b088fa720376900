"""What the window's sidebar counts beside its sections: the errors in the schedule, the absences
that still need a substitute, the ALTs whose diet needs a review before they eat a school lunch,
and whether next month was sent and has changed since.

One call reads it all (a conflict check of this month and next, the absences from today, the
sent state of next month); the window runs it off its UI thread after every change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from altdesk.dates import month_bounds
from altdesk.scheduling.conflicts import ConflictKind, Severity, check_range
from altdesk.services.absences import list_absences
from altdesk.services.month_end import SentState, board_sent_state
from altdesk.services.workspace import Workspace


def _month_of(day: dt.date, ahead: int = 0) -> str:
    index = day.year * 12 + day.month - 1 + ahead
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True)
class SidebarCounts:
    first: dt.date  # the period counted: this month and next (the conflicts list's default)
    last: dt.date
    errors: int  # conflicts of severity error in the period
    absences_to_cover: int  # absences (from today on) with visits no substitute covers yet
    lunch_to_review: int  # ALTs whose free-text diet needs a review and who visit a school in the period
    next_month: str  # YYYY-MM
    next_month_state: SentState

    @property
    def next_month_changed(self) -> bool:
        """Next month was sent and something in it would now go out differently."""
        return self.next_month_state.changed_since_sent


def sidebar_counts(ws: Workspace, today: dt.date) -> SidebarCounts:
    first = month_bounds(_month_of(today))[0]
    next_month = _month_of(today, 1)
    last = month_bounds(next_month)[1]
    with ws.db.sessions() as session:
        conflicts = check_range(session, ws.branch_id, first, last)
    errors = sum(1 for c in conflicts if c.severity is Severity.ERROR)
    review = {c.alt_code for c in conflicts if c.kind is ConflictKind.DIET_TO_REVIEW}
    absences = sum(1 for a in list_absences(ws, today, last) if a.visits_uncovered > 0)
    return SidebarCounts(first, last, errors, absences, len(review), next_month, board_sent_state(ws, next_month))
