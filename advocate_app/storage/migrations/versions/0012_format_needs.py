"""Members' "Printed material in" agrees with their large print and Easy Read access needs.

Data only: a member who needs large print (or Easy Read) with no printed format, or standard
print, gets that format (Easy Read first); one whose format is large print (or Easy Read) gets
the need. The rule is ``advocate_app.domain.community.reconcile_format_needs``; new records
follow it when they are saved.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

#: (access need, printed format), in the order a member with both needs is given a format.
_PAIRS = (("easy_read", "easy_read"), ("large_print", "large_print"))


def upgrade() -> None:
    for need, print_format in _PAIRS:
        op.execute(
            f"UPDATE members SET print_format = '{print_format}' "
            "WHERE print_format IN ('', 'standard') AND erased_at IS NULL AND EXISTS "
            "(SELECT 1 FROM member_access_needs n WHERE n.member_id = members.id "
            f"AND n.need = '{need}')")
    for need, print_format in _PAIRS:
        op.execute(
            "INSERT INTO member_access_needs (member_id, need) "
            f"SELECT m.id, '{need}' FROM members m WHERE m.print_format = '{print_format}' "
            "AND m.erased_at IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM member_access_needs n WHERE n.member_id = m.id "
            f"AND n.need = '{need}')")


def downgrade() -> None:
    pass  # the agreement is kept: nothing to undo
