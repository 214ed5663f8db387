"""Backups of Tafel's database: one tar archive per backup (`archive`), per-table row checksums
(`checksums`), and the SQLite backup API or pg_dump/pg_restore behind one class (`database`)."""
