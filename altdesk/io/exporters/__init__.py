"""Exporters, discovered by module: each declares HANDLES, a set of (format, report) pairs
(report None for formats without reports, such as the import template), and
`export(ws, request, progress) -> ExportResult`."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from types import ModuleType

ProgressCallback = Callable[[int, int], bool]
"""progress(done, total) -> False to cancel."""


def exporter_modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]


def find_exporter(fmt: str, report: str | None) -> ModuleType | None:
    for module in exporter_modules():
        if (fmt, report) in module.HANDLES:
            return module
    return None


def supported() -> list[tuple[str, str | None]]:
    pairs = [pair for module in exporter_modules() for pair in module.HANDLES]
    return sorted(pairs, key=lambda p: (p[0], p[1] or ""))
