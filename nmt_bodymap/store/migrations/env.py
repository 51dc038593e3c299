"""Alembic environment of the chart store, driven from code (see ``store/migrations.py``).

No alembic.ini: the runner passes an open connection in ``config.attributes``. SQLite
needs batch mode (copy-and-move) to alter tables.
"""

from __future__ import annotations

from alembic import context

from nmt_bodymap.store.models import Base, postgresql_options

connection = context.config.attributes["connection"]
postgres = connection.dialect.name == "postgresql"
context.configure(
    connection=connection,
    target_metadata=postgresql_options(Base.metadata) if postgres else Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
