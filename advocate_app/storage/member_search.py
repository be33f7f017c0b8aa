"""Keeping the folded sort and search columns of members right, and SQLite's full-text index.

Migrations call :func:`refill_member_search` whenever the way these columns are computed changes.
On SQLite, ``member_search`` is an FTS5 index over ``members.search_text``, kept in step by
triggers, so every way of writing members (the ORM, bulk inserts, migrations) updates it.
A later migration that rebuilds the members table (Alembic's batch mode on SQLite does) drops
those triggers: run ``DROP_FTS`` then ``CREATE_FTS`` and a 'rebuild' after it.
"""

from __future__ import annotations

import sqlalchemy as sa

from advocate_app.domain.people import member_search_text, member_sort_key

BATCH = 2000

FTS_TABLE = "member_search"

INSERT_TRIGGER = "members_search_insert"
CREATE_INSERT_TRIGGER = (
    f"CREATE TRIGGER {INSERT_TRIGGER} AFTER INSERT ON members BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END")

CREATE_FTS = [
    # External-content FTS5: the text lives in members.search_text, the index here.
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_text, content='members', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', "
    "prefix='1 2 3')",
    CREATE_INSERT_TRIGGER,
    f"CREATE TRIGGER members_search_delete AFTER DELETE ON members BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    f"CREATE TRIGGER members_search_update AFTER UPDATE OF search_text ON members BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
]

DROP_FTS = [
    "DROP TRIGGER IF EXISTS members_search_update",
    "DROP TRIGGER IF EXISTS members_search_delete",
    "DROP TRIGGER IF EXISTS members_search_insert",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def not_search_index(name, type_, parent_names) -> bool:
    """For Alembic's comparisons: search indexes (FTS5 tables on SQLite, the trigram index on
    PostgreSQL) are not part of the ORM models."""
    if type_ == "table" and name and name.startswith(FTS_TABLE):
        return False
    return not (type_ == "index" and name == "ix_members_search_trgm")


def refill_member_search(connection: sa.Connection) -> None:
    """Recompute every member's sort and search columns from their fields and tags."""
    members = sa.table(
        "members",
        sa.column("id", sa.Integer), sa.column("given_name"), sa.column("family_name"),
        sa.column("preferred_name"), sa.column("email"), sa.column("phone"),
        sa.column("sort_name"), sa.column("search_text"),
    )
    tags = sa.table("member_tags", sa.column("member_id", sa.Integer), sa.column("tag"))
    tags_by_member: dict[int, list[str]] = {}
    for member_id, tag in connection.execute(sa.select(tags.c.member_id, tags.c.tag)):
        tags_by_member.setdefault(member_id, []).append(tag)
    others: dict[tuple[int, str], list[str]] = {}  # (member, kind) -> non-primary values
    if sa.inspect(connection).has_table("member_contacts"):
        contacts = sa.table("member_contacts", sa.column("member_id", sa.Integer),
                            sa.column("kind"), sa.column("value"), sa.column("is_primary"),
                            sa.column("position", sa.Integer))
        for member_id, kind, value in connection.execute(
                sa.select(contacts.c.member_id, contacts.c.kind, contacts.c.value)
                .where(contacts.c.is_primary == sa.false())
                .order_by(contacts.c.member_id, contacts.c.position)):
            others.setdefault((member_id, kind), []).append(value)
    rows = connection.execute(
        sa.select(members.c.id, members.c.given_name, members.c.family_name,
                  members.c.preferred_name, members.c.email, members.c.phone)
    ).all()
    update = (
        sa.update(members)
        .where(members.c.id == sa.bindparam("member_id"))
        .values(sort_name=sa.bindparam("sort"), search_text=sa.bindparam("search"))
    )
    for start in range(0, len(rows), BATCH):
        connection.execute(update, [
            {"member_id": r.id,
             "sort": member_sort_key(r.given_name, r.family_name, r.preferred_name),
             "search": member_search_text(r.given_name, r.family_name, r.preferred_name,
                                          r.email, r.phone, tags_by_member.get(r.id, []),
                                          others.get((r.id, "email"), ()),
                                          others.get((r.id, "phone"), ()))}
            for r in rows[start:start + BATCH]
        ])
