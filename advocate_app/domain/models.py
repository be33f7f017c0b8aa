"""All mapped classes, so that ``Base.metadata`` is complete (migrations and tests use it)."""

from advocate_app.domain.accounts import Account
from advocate_app.domain.audit import AuditEvent
from advocate_app.domain.base import Base
from advocate_app.domain.boards import (
    ActionItem,
    AgendaItem,
    Attendance,
    Board,
    BoardMembership,
    Decision,
    Meeting,
    Promise,
    RaciActivity,
    RaciCell,
    RaciParty,
)
from advocate_app.domain.consent import ConsentRecord
from advocate_app.domain.engagement import Engagement, MemberRelationship
from advocate_app.domain.feedback import FeedbackResponse
from advocate_app.domain.members import (
    Member,
    MemberAccessNeed,
    MemberBarrier,
    MemberChannel,
    MemberCondition,
    MemberRole,
    MemberTag,
)
from advocate_app.domain.merges import MemberMerge
from advocate_app.domain.outreach import (
    OutreachPicture,
    OutreachRecord,
    OutreachRendering,
    OutreachRevision,
    OutreachTranslation,
)
from advocate_app.domain.segments import Segment
from advocate_app.domain.stories import (
    Story,
    StoryAttachment,
    StoryAttachmentData,
    StoryConsent,
    StoryQuote,
    StorySession,
    StorySessionParticipant,
    StoryUse,
)
from advocate_app.domain.webinars import (
    Webinar,
    WebinarPresenter,
    WebinarRegistration,
    WebinarReportImport,
    WebinarReviewItem,
)

__all__ = ["Account", "ActionItem", "AuditEvent", "AgendaItem", "Attendance", "Base", "Board",
           "BoardMembership", "Decision", "Meeting", "Promise", "RaciActivity", "RaciCell",
           "RaciParty", "ConsentRecord", "Engagement", "MemberRelationship", "Member", "MemberAccessNeed", "MemberBarrier",
           "MemberChannel", "MemberCondition", "MemberMerge", "MemberRole", "MemberTag",
           "OutreachPicture", "OutreachRecord", "OutreachRendering", "OutreachRevision",
           "OutreachTranslation", "Segment", "FeedbackResponse", "Story",
           "StoryAttachment", "StoryAttachmentData", "StoryConsent", "StoryQuote", "StorySession",
           "StorySessionParticipant", "StoryUse", "Webinar", "WebinarPresenter",
           "WebinarRegistration", "WebinarReportImport", "WebinarReviewItem"]
