"""Who may do what: the four account roles and what each is allowed.

Plain vocabulary (no database, no I/O): the services check every call against it
(``services/access.py``) and the window asks it what to show, so the two cannot disagree.
"""

from __future__ import annotations

import enum

from advocate_app.i18n import N_, _


class AccountRole(enum.StrEnum):
    """An account's role. The first account made is an admin."""

    ADMIN = "admin"
    STAFF = "staff"
    SECRETARY = "secretary"
    VOLUNTEER = "volunteer"

    @property
    def label(self) -> str:
        return _(_ROLE_LABELS[self])


_ROLE_LABELS = {
    AccountRole.ADMIN: N_("Administrator"),
    AccountRole.STAFF: N_("Staff"),
    AccountRole.SECRETARY: N_("Board secretary"),
    AccountRole.VOLUNTEER: N_("Volunteer"),
}


class Permission(enum.StrEnum):
    """One kind of thing a person may see or do. Each service method needs one of them."""

    #: Names, addresses, languages, formats and access needs: what printing and mailing need.
    VIEW_CONTACTS = "view_contacts"
    #: Health notes, conditions, free-text notes, barriers, engagement timeline.
    VIEW_SENSITIVE = "view_sensitive"
    #: Add, change and merge members; record consent.
    EDIT_MEMBERS = "edit_members"
    #: Consent evidence (who said yes, when, how) and the consent history.
    VIEW_CONSENT = "view_consent"
    #: Import and export members and other records as files.
    IMPORT_EXPORT = "import_export"
    #: Boards, meetings, agendas, attendance, live minutes, decisions, actions, promises, roles.
    RUN_MEETINGS = "run_meetings"
    #: Webinars: plan, register, check in, import reports, follow up; feedback.
    RUN_EVENTS = "run_events"
    #: Stories, their quotes, attachments, consent ledger and uses; story-sharing sessions.
    STORIES = "stories"
    #: Outreach items: write, edit, translate.
    EDIT_OUTREACH = "edit_outreach"
    #: Preview, print and save outreach items and print packs.
    PRINT = "print"
    #: Everything we hold, erasure, retention, purging backups.
    PRIVACY = "privacy"
    #: Accounts and their roles.
    MANAGE_ACCOUNTS = "manage_accounts"
    #: Read and export the audit log.
    VIEW_AUDIT = "view_audit"
    #: Back up and restore the database; encryption and its passphrase.
    BACKUP = "backup"


_EVERYTHING = frozenset(Permission)

ROLE_PERMISSIONS: dict[AccountRole, frozenset[Permission]] = {
    AccountRole.ADMIN: _EVERYTHING,
    AccountRole.STAFF: _EVERYTHING - {Permission.PRIVACY, Permission.MANAGE_ACCOUNTS,
                                      Permission.VIEW_AUDIT, Permission.BACKUP},
    AccountRole.SECRETARY: frozenset({Permission.VIEW_CONTACTS, Permission.RUN_MEETINGS,
                                      Permission.PRINT}),
    AccountRole.VOLUNTEER: frozenset({Permission.VIEW_CONTACTS, Permission.PRINT}),
}


def allowed(role: AccountRole, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


_REFUSALS = {
    Permission.VIEW_CONTACTS: N_("Your account cannot see members' details."),
    Permission.VIEW_SENSITIVE: N_("Your account cannot see health information, notes or a "
                                  "member's history."),
    Permission.EDIT_MEMBERS: N_("Your account cannot change members."),
    Permission.VIEW_CONSENT: N_("Your account cannot see consent records."),
    Permission.IMPORT_EXPORT: N_("Your account cannot import or export records."),
    Permission.RUN_MEETINGS: N_("Your account cannot run board meetings."),
    Permission.RUN_EVENTS: N_("Your account cannot manage webinars or feedback."),
    Permission.STORIES: N_("Your account cannot see or change stories."),
    Permission.EDIT_OUTREACH: N_("Your account cannot change outreach items."),
    Permission.PRINT: N_("Your account cannot print."),
    Permission.PRIVACY: N_("Only an administrator can take privacy actions."),
    Permission.MANAGE_ACCOUNTS: N_("Only an administrator can manage accounts."),
    Permission.VIEW_AUDIT: N_("Only an administrator can read the audit log."),
    Permission.BACKUP: N_("Only an administrator can back up, restore or encrypt the "
                          "database."),
}


def refusal(role: AccountRole, permission: Permission) -> str | None:
    """None when ``role`` may; otherwise the one translated sentence that says it may not."""
    return None if allowed(role, permission) else _(_REFUSALS[permission])
