"""Report models: the rows and totals of each report, built once and written by every format."""
