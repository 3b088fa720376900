"""The fixed day the record-editor tests run on (the `ctx` fixture in conftest gives their editors it)."""

import datetime as dt

EDITORS_TODAY = dt.date(2026, 5, 11)  # a Monday
