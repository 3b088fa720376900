"""The sidebar's counts: errors, absences to cover, lunch to review, read off the UI thread and
refreshed after a change; "changed since sent" on Reports once next month was sent and changed.
In English and in Japanese."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from altdesk.db.engine import transaction
from altdesk.db.enums import VisitStatus
from altdesk.db.models import Visit
from altdesk.services import month_end
from altdesk.services.sidebar import sidebar_counts
from tests.integration.test_send_month import DAY, MONTH, double_book
from tests.ui.test_send_wizard import lang  # noqa: F401  # the language fixture (en, ja)
from ui.main_window import SECTIONS, MainWindow

TODAY = dt.date(2026, 5, 20)  # next month is MONTH (June)
WORDS = {
    "en": {"errors": "Conflicts: {n} errors", "error": "Conflicts: 1 error", "absences": "substitute", "lunch": "to review",
           "changed": "Reports: changed since sent"},
    "ja": {"errors": "問題一覧：エラー {n} 件", "error": "問題一覧：エラー 1 件", "absences": "代替ALT未手配", "lunch": "要確認",
           "changed": "帳票：送付後に変更あり"},
}


def item_text(window: MainWindow, key: str) -> str:
    return window.sidebar.item([k for k, _ in SECTIONS].index(key)).text()


def refreshed(qtbot, window: MainWindow, change: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    keeper = window.sidebar_counts
    with qtbot.waitSignal(keeper.updated, timeout=60000) as blocker:
        if change:
            window.ctx.changed(*change)  # as every edit announces itself
        else:
            keeper.refresh()
    return blocker.args[0]


def test_counts_shown_and_updated_after_an_edit_then_changed_since_sent(qtbot, scheduled_ws, tmp_path, lang,  # noqa: F811
                                                                         monkeypatch):
    monkeypatch.setenv("ALTDESK_PDF_WORKERS", "1")
    ws = scheduled_ws
    words = WORDS[lang]
    window = MainWindow(ws, today=TODAY)
    qtbot.addWidget(window)
    window.show()

    counts = refreshed(qtbot, window)
    assert counts == sidebar_counts(ws, TODAY)  # what the core counts, read on the runner
    before = counts.errors
    if counts.absences_to_cover:
        assert words["absences"] in item_text(window, "absences")
        assert str(counts.absences_to_cover) in item_text(window, "absences")
    if counts.lunch_to_review:
        assert words["lunch"] in item_text(window, "lunch")

    # An edit that adds an error: the count follows, with no reload asked for.
    double_book(ws, DAY)
    counts = refreshed(qtbot, window, ("visits",))
    assert counts.errors == before + 1
    assert item_text(window, "conflicts") == (words["errors"].format(n=before + 1) if before else words["error"])
    assert not counts.next_month_changed
    reports_before = item_text(window, "reports")
    assert "changed" not in reports_before and "変更" not in reports_before

    # Next month sent: no mark while nothing changed ...
    month_end.send_month(ws, MONTH, tmp_path / "sent", force=True)
    counts = refreshed(qtbot, window, ("visits",))
    assert counts.next_month_state.was_sent and not counts.next_month_changed
    assert item_text(window, "reports") == reports_before

    # ... and the mark (words and an icon) once a visit of the sent month is cancelled.
    with transaction(ws.db.sessions) as session:
        visit = session.scalars(select(Visit).where(Visit.branch_id == ws.branch_id, Visit.date == DAY,
                                                    Visit.status == VisitStatus.PLANNED).order_by(Visit.id)).first()
        visit.status = VisitStatus.CANCELLED
    counts = refreshed(qtbot, window, ("visits",))
    assert counts.next_month_changed
    row = [k for k, _ in SECTIONS].index("reports")
    assert item_text(window, "reports") == words["changed"]
    assert not window.sidebar.item(row).icon().isNull()
    assert MONTH in window.sidebar.item(row).toolTip()
    # The sidebar is wide enough for its longest entry.
    assert window.sidebar.width() >= window.sidebar.sizeHintForColumn(0)
