"""Scheduling: recurrence to visits, conflicts, substitutes, loads, events, rollover."""
