"""One module per kind of sheet: its schema, how its records are planned and written,
and its rows for the filled template (the inverse of reading, kept side by side)."""
