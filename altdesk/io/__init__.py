"""File formats in and out: one module per format."""
