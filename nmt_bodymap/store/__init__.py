"""Client chart store (SQLAlchemy). Imports no Qt."""
