"""Trust: accounts with roles and passwords, the audit log, pictures kept in the database,
and a version on every record people edit (so two people saving the same record never lose
an update silently).

Each part of this revision has its own section below; keep them apart.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    _upgrade_accounts()
    _upgrade_audit()
    _upgrade_pictures()
    _upgrade_versions()


def downgrade() -> None:
    _downgrade_versions()
    _downgrade_pictures()
    _downgrade_audit()
    _downgrade_accounts()


# --- accounts: role, password hash, the member an account belongs to -------------------------

def _upgrade_accounts() -> None:
    pass


def _downgrade_accounts() -> None:
    pass


# --- the audit log ----------------------------------------------------------------------------

def _upgrade_audit() -> None:
    pass


def _downgrade_audit() -> None:
    pass


# --- outreach pictures copied into the database -----------------------------------------------

def _upgrade_pictures() -> None:
    pass


def _downgrade_pictures() -> None:
    pass


# --- a version on every record people edit ----------------------------------------------------

def _upgrade_versions() -> None:
    pass


def _downgrade_versions() -> None:
    pass
