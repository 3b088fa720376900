"""Operations: every edit a person makes, journalled, with undo, redo and history shared by every
face (the window, the command line). A layer above services, below the faces."""

from altdesk.operations.journal import (
    OperationInfo,
    ReplayRefused,
    history,
    operation,
    perform,
    redo,
    undo,
)
from altdesk.operations.record import ChangeRecord, RowChange

__all__ = ["ChangeRecord", "OperationInfo", "ReplayRefused", "RowChange", "history", "operation", "perform",
           "redo", "undo"]
