"""Screenshots for the README: the main views and the ALT editor, in English and Japanese.

Usage: python tools/screenshots.py OUT_DIR  (run by `make screenshots`). Builds the small demo
branch in a temporary database, opens the real window offscreen at 1366x768 and saves PNGs.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ALTDESK_DATA_DIR", tempfile.mkdtemp(prefix="altdesk-shots-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from altdesk.db.database import open_database  # noqa: E402
from altdesk.db.engine import DatabaseTarget  # noqa: E402
from altdesk.demo import create_demo_branch  # noqa: E402
from altdesk.demo_schedule import schedule_demo_branch  # noqa: E402
from altdesk.services import records  # noqa: E402
from altdesk.services.workspace import open_workspace  # noqa: E402
from ui.controllers.record_editing import RecordEditing  # noqa: E402
from ui.dialogs.alt_dialog import AltDialog  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import set_current_language  # noqa: E402

DAY = dt.date(2026, 6, 8)


def _first_restricted_alt(ws) -> int:  # type: ignore[no-untyped-def]
    """An ALT with a diet restriction, so the editor shows the diet profile filled in."""
    from sqlalchemy import select

    from altdesk.db.models import Alt

    with ws.db.sessions() as session:
        for alt in session.scalars(select(Alt).order_by(Alt.code)):
            if alt.has_diet_restriction:
                return alt.id
        return session.scalar(select(Alt.id).order_by(Alt.code))


def _settle(app: QApplication, window: MainWindow) -> None:
    window.calendar_page.wait_for_background()
    for _ in range(5):
        app.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("ALTdesk-screenshots")
    app.setApplicationName("ALTdesk-screenshots")
    app.setStyle("Fusion")
    path = Path(tempfile.mkdtemp(prefix="altdesk-shots-db-")) / "demo.sqlite3"
    db = open_database(DatabaseTarget.parse(str(path)))
    ws = open_workspace(db, actor="screenshots")
    create_demo_branch(ws, "small", 2026, seed=1)
    schedule_demo_branch(ws, 2026, seed=1)
    for lang in ("en", "ja"):
        set_current_language(lang)
        install_translators(app, lang)
        window = MainWindow(ws, today=DAY)
        window.resize(1366, 768)
        window.show()
        window.show_section("calendar")
        page = window.calendar_page
        for view in ("board", "month", "week"):
            page.set_view(view)
            page.go_to(DAY)
            _settle(app, window)
            window.grab().save(str(out / f"{view}-{lang}.png"))
        window.show_section("alts")
        _settle(app, window)
        window.grab().save(str(out / f"alts-{lang}.png"))
        editing = RecordEditing.of(window.ctx)
        form = records.load_alt(ws, _first_restricted_alt(ws))
        dialog = AltDialog(form, editing._saver("alt"), parent=window)
        dialog.show()
        _settle(app, window)
        dialog.grab().save(str(out / f"alt-editor-{lang}.png"))
        dialog.reject()
        window.close()
    db.close()
    print(f"Screenshots written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
