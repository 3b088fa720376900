"""Importing the spreadsheets branches keep: Schools, ALTs, Placements, Closures, Events,
as xlsx workbooks or CSV files.

reading (files -> parsed sheets) -> importer.plan_batch (create / update / unchanged by
code, with every problem) -> importer.write_plan (one transaction, all or nothing).
"""

from altdesk.io.importing.importer import plan_batch, write_plan
from altdesk.io.importing.plan import KIND_LABELS, KIND_ORDER, Plan, PlanItem
from altdesk.io.importing.problems import ImportCancelled, ImportFileError, ImportRejected, Problem
from altdesk.io.importing.reading import KINDS, SCHEMAS, ParsedBatch, SourceFile, read_sources
from altdesk.io.importing.safety import DEFAULT_LIMITS, Limits

__all__ = [
    "DEFAULT_LIMITS",
    "KINDS",
    "KIND_LABELS",
    "KIND_ORDER",
    "SCHEMAS",
    "ImportCancelled",
    "ImportFileError",
    "ImportRejected",
    "Limits",
    "ParsedBatch",
    "Plan",
    "PlanItem",
    "Problem",
    "SourceFile",
    "plan_batch",
    "read_sources",
    "write_plan",
]
