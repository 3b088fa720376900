"""Record editors' use cases: load, validate, save and delete ALTs, schools, boards, day layers
and placements. Each save is one transaction; a form carries the version it loaded and a save
over a newer one raises StaleEdit; bad input raises InvalidInput naming the field."""

from altdesk.services.records.alts import (
    AltForm,
    alt_dependents,
    delete_alt,
    load_alt,
    save_alt,
    set_alt_status,
    validate_alt,
)
from altdesk.services.records.boards import (
    BoardForm,
    BoardRow,
    delete_board,
    list_boards,
    load_board,
    save_board,
)
from altdesk.services.records.calendar_layers import (
    DAY_OFF_KIND_LABELS,
    DayOffForm,
    DayOffRow,
    HolidayOverrideForm,
    HolidayRow,
    delete_day_off,
    delete_holiday_override,
    fiscal_year_holidays,
    list_day_offs,
    load_day_off,
    load_holiday_override,
    national_holiday,
    save_day_off,
    save_holiday_override,
    validate_day_off,
)
from altdesk.services.records.choices import Choice, alt_choices, board_choices, school_choices
from altdesk.services.records.common import InUse
from altdesk.services.records.pattern import (
    NTH_CHOICES,
    Pattern,
    PatternKind,
    build_rrule,
    describe,
    pattern_of,
    week_letter,
)
from altdesk.services.records.placements import (
    PlacementForm,
    PlacementRow,
    PlacementSaved,
    PreviewDate,
    PreviewReason,
    delete_placement,
    end_placement,
    list_placements,
    load_placement,
    normalise_periods,
    placement_history,
    preview_placement,
    save_placement,
)
from altdesk.services.records.schools import (
    BellPeriodForm,
    DemandForm,
    RemovedSchool,
    SchoolForm,
    delete_school,
    load_school,
    save_school,
    school_delete_refusal,
    school_dependents,
    validate_bell_schedule,
)

__all__ = [
    "NTH_CHOICES", "DAY_OFF_KIND_LABELS", "AltForm", "BellPeriodForm", "BoardForm", "BoardRow", "Choice",
    "DayOffForm", "DayOffRow", "DemandForm", "HolidayOverrideForm", "HolidayRow", "InUse", "Pattern", "PatternKind",
    "PlacementForm", "PlacementRow", "PlacementSaved", "PreviewDate", "PreviewReason", "RemovedSchool",
    "SchoolForm", "alt_choices", "alt_dependents", "board_choices", "build_rrule", "delete_alt", "delete_board",
    "delete_day_off", "delete_holiday_override", "delete_placement", "delete_school", "describe",
    "end_placement", "fiscal_year_holidays", "list_boards", "list_day_offs", "list_placements", "load_alt",
    "load_board", "load_day_off", "national_holiday", "load_holiday_override", "load_placement", "load_school", "normalise_periods",
    "pattern_of", "placement_history", "preview_placement", "save_alt", "save_board", "save_day_off",
    "save_holiday_override", "save_placement", "save_school", "school_choices", "school_delete_refusal", "school_dependents",
    "set_alt_status", "validate_alt", "validate_bell_schedule", "validate_day_off", "week_letter",
]
