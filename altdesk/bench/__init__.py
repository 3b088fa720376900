"""The `bench` command's machinery: build a demo branch, measure each budgeted figure beside
the same work done by the bare library, print a table, write JSON.

Only names live here: the command line imports this package on every start (the app's too),
so the measures themselves are imported when a bench runs.
"""

# The measures a bench can run (`bench --only`), in the order they run.
GROUP_NAMES = ("query", "conflicts", "generate", "pdf", "xlsx", "send", "import", "cli", "planning", "ui", "move", "bundle")
