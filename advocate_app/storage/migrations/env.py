"""Alembic environment: always run from ``advocate_app.storage.migrate`` with a live connection."""

from alembic import context

from advocate_app.domain.models import Base
from advocate_app.storage.member_search import not_search_index

config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=not_search_index,
)

with context.begin_transaction():
    context.run_migrations()
