"""The core (altdesk/) is the whole program without a screen: importing it never loads Qt."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO


def test_importing_every_core_module_loads_no_qt_and_no_ui():
    code = (
        "import importlib, pkgutil, sys, altdesk\n"
        "for info in pkgutil.walk_packages(altdesk.__path__, 'altdesk.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
