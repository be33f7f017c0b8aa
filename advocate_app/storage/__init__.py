"""Storage: engines, the unit of work, migrations and backups."""
