"""The one place the core reads the time, so a test can move "now" forward.

Lunch notice deadlines, the conflict check and report issue dates all depend on what time it
is. They read it here rather than from `datetime`, and a test fixes it with `frozen(...)`
instead of patching each module. Imports nothing of the program: every layer may use it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_fixed: dt.datetime | None = None  # aware; None: the real time


def now(tz: dt.tzinfo | None = None) -> dt.datetime:
    """As `datetime.now(tz)`: aware in `tz`, or naive local time when tz is None."""
    fixed = _fixed
    if fixed is None:
        return dt.datetime.now(tz)
    if tz is None:
        return fixed.astimezone().replace(tzinfo=None)
    return fixed.astimezone(tz)


def today() -> dt.date:
    """As `date.today()`: the local date."""
    return now().date()


class FrozenClock:
    """The handle `frozen` gives: move the fixed time on (never needed to go back, but allowed)."""

    def set(self, moment: dt.datetime) -> None:
        global _fixed
        with _lock:
            _fixed = _aware(moment)

    def advance(self, delta: dt.timedelta) -> dt.datetime:
        global _fixed
        with _lock:
            assert _fixed is not None
            _fixed = _fixed + delta
            return _fixed

    @property
    def moment(self) -> dt.datetime:
        assert _fixed is not None
        return _fixed


def _aware(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("The clock needs an aware datetime (with its time zone).")
    return moment


@contextmanager
def frozen(moment: dt.datetime) -> Iterator[FrozenClock]:
    """Fix "now" at `moment` (aware) inside the block; the previous setting comes back after."""
    global _fixed
    with _lock:
        previous, _fixed = _fixed, _aware(moment)
    try:
        yield FrozenClock()
    finally:
        with _lock:
            _fixed = previous
