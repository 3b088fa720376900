"""The main window's sections: a key and an English title marked for translation.

The titles are translated at display time with QCoreApplication.translate("MainWindow", title);
QT_TRANSLATE_NOOP lets lupdate see them, so the Japanese sidebar and View menu are complete.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

SECTION_TITLES: dict[str, str] = {
    "calendar": QT_TRANSLATE_NOOP("MainWindow", "Calendar"),
    "alts": QT_TRANSLATE_NOOP("MainWindow", "ALTs"),
    "schools": QT_TRANSLATE_NOOP("MainWindow", "Schools"),
    "placements": QT_TRANSLATE_NOOP("MainWindow", "Placements"),
    "planner": QT_TRANSLATE_NOOP("MainWindow", "Planner"),
    "lunch": QT_TRANSLATE_NOOP("MainWindow", "Lunch"),
    "reports": QT_TRANSLATE_NOOP("MainWindow", "Reports"),
    "absences": QT_TRANSLATE_NOOP("MainWindow", "Absences"),
    "conflicts": QT_TRANSLATE_NOOP("MainWindow", "Conflicts"),
    "days_off": QT_TRANSLATE_NOOP("MainWindow", "Days off"),
    "overview": QT_TRANSLATE_NOOP("MainWindow", "Overview"),
    "audit": QT_TRANSLATE_NOOP("MainWindow", "Audit log"),  # the audit page, not in the sidebar yet
}

# The day's sections keep their places and their Ctrl+1 … Ctrl+9; the Overview is Ctrl+0, and the
# Planner (April and the odd replacement) comes last, without a shortcut.
SECTIONS: list[tuple[str, str]] = [
    (key, SECTION_TITLES[key])
    for key in ("calendar", "alts", "schools", "placements", "days_off", "lunch", "reports", "absences", "conflicts",
                "overview", "planner")
]
