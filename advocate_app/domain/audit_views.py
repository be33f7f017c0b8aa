"""The audit log's plain vocabulary: what was done, to what kind of thing, and a row as shown.

Plain (no database), so the window and the command line name actions without loading the
records. The log holds ids and counts only: never a member's name, never health data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from advocate_app.i18n import N_, _


class AuditAction(enum.StrEnum):
    """What an account did."""

    VIEWED_SENSITIVE = "viewed_sensitive"
    EXPORTED = "exported"
    IMPORTED = "imported"
    CHANGED = "changed"
    CONSENT_CHANGED = "consent_changed"
    MERGED = "merged"
    ERASED = "erased"
    PRINTED = "printed"
    RENDERED = "rendered"
    SUBJECT_ACCESS_REPORT = "subject_access_report"
    ACCOUNT_CHANGED = "account_changed"
    SIGNED_IN = "signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    BACKUP = "backup"
    RESTORE = "restore"
    ENCRYPTED = "encrypted"

    @property
    def label(self) -> str:
        return _(_ACTION_LABELS[self])


_ACTION_LABELS = {
    AuditAction.VIEWED_SENSITIVE: N_("Viewed sensitive details"),
    AuditAction.EXPORTED: N_("Exported"),
    AuditAction.IMPORTED: N_("Imported"),
    AuditAction.CHANGED: N_("Changed"),
    AuditAction.CONSENT_CHANGED: N_("Changed consent"),
    AuditAction.MERGED: N_("Merged"),
    AuditAction.ERASED: N_("Erased"),
    AuditAction.PRINTED: N_("Printed"),
    AuditAction.RENDERED: N_("Rendered"),
    AuditAction.SUBJECT_ACCESS_REPORT: N_("Subject access report"),
    AuditAction.ACCOUNT_CHANGED: N_("Changed an account"),
    AuditAction.SIGNED_IN: N_("Signed in"),
    AuditAction.SIGN_IN_FAILED: N_("Sign-in refused"),
    AuditAction.BACKUP: N_("Backed up"),
    AuditAction.RESTORE: N_("Restored"),
    AuditAction.ENCRYPTED: N_("Encryption changed"),
}


class AuditSubject(enum.StrEnum):
    """The kind of thing an action was done to (its id, when there is one, is beside it)."""

    MEMBER = "member"
    MEMBERS = "members"
    CONSENT = "consent"
    OUTREACH_ITEM = "outreach_item"
    MEETING = "meeting"
    BOARD = "board"
    WEBINAR = "webinar"
    STORY = "story"
    STORY_SESSION = "story_session"
    FEEDBACK = "feedback"
    REPORT = "report"
    ACCOUNT = "account"
    DATABASE = "database"
    AUDIT_LOG = "audit_log"

    @property
    def label(self) -> str:
        return _(_SUBJECT_LABELS[self])


_SUBJECT_LABELS = {
    AuditSubject.MEMBER: N_("Member"),
    AuditSubject.MEMBERS: N_("Members"),
    AuditSubject.CONSENT: N_("Consent"),
    AuditSubject.OUTREACH_ITEM: N_("Outreach item"),
    AuditSubject.MEETING: N_("Meeting"),
    AuditSubject.BOARD: N_("Board"),
    AuditSubject.WEBINAR: N_("Webinar"),
    AuditSubject.STORY: N_("Story"),
    AuditSubject.STORY_SESSION: N_("Story-sharing session"),
    AuditSubject.FEEDBACK: N_("Feedback"),
    AuditSubject.REPORT: N_("Report"),
    AuditSubject.ACCOUNT: N_("Account"),
    AuditSubject.DATABASE: N_("Database"),
    AuditSubject.AUDIT_LOG: N_("Audit log"),
}

#: The longest detail kept: a word or two of what (a format, a profile), never a person.
DETAIL_LIMIT = 200


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log as shown and exported."""

    id: int
    at: datetime
    account_id: int | None
    account_name: str
    action: AuditAction
    subject_kind: AuditSubject
    subject_id: int | None
    count: int | None
    detail: str

    def as_dict(self) -> dict[str, object]:
        """The line as plain JSON values (the time in ISO 8601, UTC)."""
        return {"id": self.id, "at": self.at.isoformat(), "account_id": self.account_id,
                "account_name": self.account_name, "action": str(self.action),
                "subject_kind": str(self.subject_kind), "subject_id": self.subject_id,
                "count": self.count, "detail": self.detail}


@dataclass(frozen=True)
class AuditQuery:
    """Which lines of the log to list: since a moment, one action, one page."""

    since: datetime | None = None
    action: AuditAction | None = None
    offset: int = 0
    limit: int = 200
