"""Advisory boards, their meetings and what comes out of them.

A board (advisory board, patient council, steering committee …) has members with roles and
terms, terms of reference and a quorum rule. A meeting has a time in a named time zone, a place
and/or an online link, access arrangements, an agenda, attendance, and minutes that move from
draft to circulated to approved. Decisions, action items and promises to the community are
recorded against the meeting (and the agenda item) they came from; action items and promises
point to a person or to a role. The roles matrix says who decides, does, is consulted and is
informed for each activity of a board.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from advocate_app.domain.base import Base, utcnow


class Board(Base):
    __tablename__ = "boards"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(30), default="advisory_board")
    terms_of_reference: Mapped[str] = mapped_column(Text, default="")
    #: Quorum: at least ``quorum_count`` voting members present, or when 0, more than
    #: ``quorum_percent`` per cent of the voting members.
    quorum_count: Mapped[int] = mapped_column(default=0)
    quorum_percent: Mapped[int] = mapped_column(default=50)
    timezone: Mapped[str] = mapped_column(String(60), default="Europe/London")
    archived_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class BoardMembership(Base):
    __tablename__ = "board_memberships"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20), default="member")  # chair, secretary …
    term_start: Mapped[date | None] = mapped_column(Date, default=None)
    term_end: Mapped[date | None] = mapped_column(Date, default=None)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (Index("ix_board_memberships_board", "board_id", "member_id"),)
    __mapper_args__ = {"version_id_col": version}


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime]  # UTC; shown in ``timezone``
    ends_at: Mapped[datetime]
    timezone: Mapped[str] = mapped_column(String(60), default="Europe/London")
    place: Mapped[str] = mapped_column(Text, default="")
    online_link: Mapped[str] = mapped_column(String(500), default="")
    #: Access arrangements offered (comma-separated keys of ``AccessArrangement``).
    arrangements: Mapped[str] = mapped_column(String(300), default="")
    arrangements_notes: Mapped[str] = mapped_column(Text, default="")
    uid: Mapped[str] = mapped_column(String(100), unique=True)  # iCalendar UID
    sequence: Mapped[int] = mapped_column(default=0)  # iCalendar SEQUENCE, up on each change
    #: Minute-taking: when it started and ended, and the agenda item being minuted.
    live_started_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    current_item_id: Mapped[int | None] = mapped_column(default=None)
    minutes_status: Mapped[str] = mapped_column(String(20), default="draft")
    circulated_at: Mapped[datetime | None] = mapped_column(default=None)
    approved_at: Mapped[datetime | None] = mapped_column(default=None)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), default=None)
    #: The meeting at which these minutes were approved (normally the next one).
    approved_at_meeting_id: Mapped[int | None] = mapped_column(default=None)
    approval_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (Index("ix_meetings_board_start", "board_id", "starts_at"),)
    __mapper_args__ = {"version_id_col": version}


#: The longest agenda item title kept; a longer one (a whole action as matters arising) is cut
#: at the last word that fits.
AGENDA_TITLE_LENGTH = 300


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(AGENDA_TITLE_LENGTH))
    presenter: Mapped[str] = mapped_column(String(200), default="")
    minutes_allotted: Mapped[int] = mapped_column(default=10)
    papers: Mapped[str] = mapped_column(Text, default="")  # one paper (title or path) a line
    #: Set for "matters arising": the open action item this agenda item follows up.
    action_id: Mapped[int | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")  # the minutes for this item
    notes_saved_at: Mapped[datetime | None] = mapped_column(default=None)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    seconds_spent: Mapped[int] = mapped_column(default=0)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (Index("ix_agenda_items_meeting", "meeting_id", "position"),)
    __mapper_args__ = {"version_id_col": version}


class Attendance(Base):
    __tablename__ = "attendance"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"),
                                            primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"),
                                           primary_key=True)
    status: Mapped[str] = mapped_column(String(20), default="invited")
    mode: Mapped[str] = mapped_column(String(20), default="in_person")  # or remote
    role: Mapped[str] = mapped_column(String(20), default="member")  # role at this meeting


class Decision(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), default=None)
    text: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(300), default="")
    dissent: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (Index("ix_decisions_meeting", "meeting_id"),)
    __mapper_args__ = {"version_id_col": version}


class ActionItem(Base):
    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), default=None)
    board_id: Mapped[int | None] = mapped_column(
        ForeignKey("boards.id", ondelete="CASCADE"), default=None)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), default=None)
    text: Mapped[str] = mapped_column(Text)
    owner_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
    owner_role: Mapped[str] = mapped_column(String(100), default="")
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, done, dropped
    done_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (Index("ix_action_items_status_due", "status", "due_on"),)
    __mapper_args__ = {"version_id_col": version}


class Promise(Base):
    __tablename__ = "promises"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(20), default="meeting")  # webinar, story …
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), default=None)
    board_id: Mapped[int | None] = mapped_column(
        ForeignKey("boards.id", ondelete="SET NULL"), default=None)
    #: What the community said, and what was promised in answer.
    you_said: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    owner_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
    owner_role: Mapped[str] = mapped_column(String(100), default="")
    audience: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, kept, dropped
    evidence: Mapped[str] = mapped_column(Text, default="")  # what was done, with links
    kept_on: Mapped[date | None] = mapped_column(Date, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __table_args__ = (Index("ix_promises_status_due", "status", "due_on"),)
    __mapper_args__ = {"version_id_col": version}


class RaciActivity(Base):
    __tablename__ = "raci_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(300))
    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class RaciParty(Base):
    """A column of the roles matrix: a person, or a role ("Trial sponsor", "Ethics committee")."""

    __tablename__ = "raci_parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None)
    #: Counts the saves; a save made from an older version is refused (no silent overwrite).
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class RaciCell(Base):
    __tablename__ = "raci_cells"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("raci_activities.id", ondelete="CASCADE"), primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("raci_parties.id", ondelete="CASCADE"),
                                          primary_key=True)
    value: Mapped[str] = mapped_column(String(4))  # R, A, C, I (A at most once a row)
