"""Installing Qt translators for the chosen language (ALTdesk's own and Qt's)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from altdesk.paths import resources_dir

_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install_translators(app: QApplication, lang: str) -> bool:
    """Switch the app's translators; returns False when ALTdesk's .qm was not found."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English))
    if lang != "ja":
        return True
    qt_translator = QTranslator(app)
    if qt_translator.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    own = QTranslator(app)
    if own.load("altdesk_ja", translations_dir()):
        app.installTranslator(own)
        _installed.append(own)
        return True
    return False
