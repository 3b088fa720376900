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


def test_the_core_never_names_a_ui_module_even_as_a_string():
    """A module started by name (`python -m ui.x`, importlib) escapes the import contracts: the
    core must not name the desktop face at all; main.py is the one module that knows both."""
    import pkgutil
    import re

    import ui

    ui_modules = {info.name for info in pkgutil.walk_packages(ui.__path__, "ui.")} | {"ui"}
    pattern = re.compile(r"""(?<![\w.])(?:["']|\bimport\s+|\bfrom\s+)(ui(?:\.\w+)*)\b""")
    found = []
    for path in sorted((REPO / "altdesk").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found += [f"{path.relative_to(REPO)}:{number}: {name}" for name in pattern.findall(line)
                      if name in ui_modules and name != "ui"]
            if re.search(r"""\bimport\s+ui\b|\bfrom\s+ui\b|["']ui\.""", line):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == []
