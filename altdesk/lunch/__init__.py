"""Lunch: the mode of each visit and why, order sheets, fees, notice deadlines."""
