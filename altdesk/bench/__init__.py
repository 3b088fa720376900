"""The `bench` command's machinery: build a demo branch, measure each budgeted figure beside
the same work done by the bare library, print a table, write JSON."""
