"""Row classes of every bounded context; importing this package registers all tables."""
