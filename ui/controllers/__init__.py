"""Behaviour behind pages and dialogs: what a click or a key does."""
