"""Qt models: thin adapters over rows returned by altdesk.services."""
