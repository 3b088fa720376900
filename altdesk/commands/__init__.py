"""One module per CLI command; altdesk.cli discovers them."""
