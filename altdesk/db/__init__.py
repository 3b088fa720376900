"""The database: models, opening, migrations, locking, backups and checks."""
