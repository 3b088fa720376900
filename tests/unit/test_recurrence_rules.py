"""A placement's repeat rule: a visit is a whole day, so the core refuses rules that repeat within one."""

from __future__ import annotations

import pytest

from altdesk.errors import InvalidInput
from altdesk.scheduling.recurrence import validate_rrule


@pytest.mark.parametrize("rule", ["FREQ=HOURLY", "FREQ=MINUTELY;INTERVAL=5", "FREQ=SECONDLY",
                                  "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9", "BYDAY=MO", "FREQ=DAILY;BYMINUTE=0"])
def test_rules_that_repeat_within_a_day_are_refused(rule):
    with pytest.raises(InvalidInput) as refused:
        validate_rrule(rule)
    assert refused.value.field == "rrule" and "whole day" in refused.value.message_en
    assert "1 日単位" in refused.value.message_ja


@pytest.mark.parametrize("rule", ["FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
                                  "FREQ=MONTHLY;BYDAY=1FR", "FREQ=DAILY"])
def test_day_rules_pass(rule):
    validate_rrule(rule)
