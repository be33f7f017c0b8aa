"""Meetings, their agenda, who is invited and who came, and whether there is a quorum.

Writes go through the unit of work; the lists the window shows often are plain SQL through the
reader."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.board_views import (
    AgendaInput,
    AgendaItemView,
    AttendeeView,
    MeetingInput,
    MeetingSummary,
    MeetingView,
    Quorum,
    zone,
)
from advocate_app.domain.community import AccessNeed, Barrier, EngagementKind
from advocate_app.domain.governance import (
    AccessArrangement,
    ActionStatus,
    AttendanceMode,
    AttendanceStatus,
    BoardRole,
    MinutesStatus,
)
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.i18n import _, mid_sentence, ngettext
from advocate_app.services import timeline, versions
from advocate_app.services.access import require
from advocate_app.services.board_common import (
    agenda_item_row,
    attendance_texts,
    board_row,
    db_time,
    editable_meeting,
    invitation_text,
    link_refusal,
    local_day,
    sql_where,
    utc_moment,
    valid_timezone,
    whole_title,
)
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.services.name_order import name_order
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from advocate_app.services.actions import ActionService
    from advocate_app.services.boards import BoardService
    from advocate_app.services.minute_taking import MinutesService


class MeetingService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor, *,
                 boards: BoardService, minutes: MinutesService, actions: ActionService):
        self._uow = uow
        self._reader = reader
        self._actor = actor
        self._boards = boards
        self._minutes = minutes
        self._actions = actions

    def schedule_meeting(self, data: MeetingInput, agenda: Sequence[AgendaInput] = ()) -> int:
        """A new meeting: board members (in their term) are invited, open action items of
        the board's earlier meetings come first on the agenda as matters arising."""
        require(self._actor, Permission.RUN_MEETINGS)
        from sqlalchemy import select

        from advocate_app.domain.boards import (
            AGENDA_TITLE_LENGTH,
            ActionItem,
            AgendaItem,
            Attendance,
            Meeting,
        )

        starts, ends = self._check_meeting(data)
        board = self._boards.get_board(data.board_id)
        with self._uow() as uow:
            meeting = Meeting(board_id=data.board_id, title=data.title.strip(),
                              starts_at=starts, ends_at=ends, timezone=data.timezone,
                              place=data.place, online_link=data.online_link.strip(),
                              arrangements=",".join(sorted(a.value for a in data.arrangements)),
                              arrangements_notes=data.arrangements_notes,
                              uid=f"{uuid.uuid4()}@advocate.invalid")
            uow.session.add(meeting)
            uow.session.flush()
            local_day = data.starts_local.date()
            invited = [member for member in board.members if member.current(local_day)]
            for member in invited:
                uow.session.add(Attendance(meeting_id=meeting.id, member_id=member.member_id,
                                           role=member.role.value))
            timeline.write(uow.session, EngagementKind.MEETING, (
                (member.member_id, invitation_text(meeting, board.name))
                for member in invited), recorded_by=self._actor.account_id)
            position = 0
            arising = uow.session.scalars(select(ActionItem).where(
                ActionItem.board_id == data.board_id,
                ActionItem.status == ActionStatus.OPEN.value).order_by(ActionItem.id)).all()
            for action in arising:
                uow.session.add(AgendaItem(
                    meeting_id=meeting.id, position=position, action_id=action.id,
                    title=whole_title(_("Matters arising: {action}").format(
                        action=" ".join(action.text.split())),
                        AGENDA_TITLE_LENGTH),
                    minutes_allotted=5))
                position += 1
            for entry in agenda:
                uow.session.add(AgendaItem(meeting_id=meeting.id, position=position,
                                           title=entry.title.strip(), presenter=entry.presenter,
                                           minutes_allotted=entry.minutes_allotted,
                                           papers=entry.papers))
                position += 1
            uow.commit()
            return meeting.id

    def update_meeting(self, meeting_id: int, data: MeetingInput,
                       expected_version: int | None = None) -> None:
        """``expected_version``: the meeting's version the person started from; when someone
        saved it since, ConcurrentEditError carries theirs (see services/versions.py)."""
        require(self._actor, Permission.RUN_MEETINGS)
        starts, ends = self._check_meeting(data)
        with self._uow() as uow:
            meeting = editable_meeting(uow, meeting_id)
            versions.expect_version(meeting, expected_version,
                                    lambda: self.get_meeting(meeting_id))
            meeting.title = data.title.strip()
            meeting.starts_at, meeting.ends_at, meeting.timezone = starts, ends, data.timezone
            meeting.place, meeting.online_link = data.place, data.online_link.strip()
            meeting.arrangements = ",".join(sorted(a.value for a in data.arrangements))
            meeting.arrangements_notes = data.arrangements_notes
            meeting.sequence += 1  # calendars replace the old invitation
            meeting.updated_at = datetime.now(UTC)
            versions.commit(uow, lambda: self.get_meeting(meeting_id))

    @staticmethod
    def _check_meeting(data: MeetingInput) -> tuple[datetime, datetime]:
        errors = {}
        if not data.title.strip():
            errors["title"] = _("Give the meeting a title.")
        if not valid_timezone(data.timezone):
            errors["timezone"] = _("“{zone}” is not a time zone (for example Europe/London)."
                                   ).format(zone=data.timezone)
        if data.duration_minutes <= 0:
            errors["duration"] = _("A meeting lasts at least a minute.")
        refused = link_refusal(data.online_link)
        if refused:
            errors["online_link"] = refused
        if errors:
            raise ValidationError(errors)
        starts = data.starts_local.replace(tzinfo=zone(data.timezone)).astimezone(UTC)
        return starts, starts + timedelta(minutes=data.duration_minutes)

    def list_meetings(self, board_id: int | None = None, *, upcoming_only: bool = False,
                      now: datetime | None = None) -> list[MeetingSummary]:
        require(self._actor, Permission.RUN_MEETINGS)
        moment = _as_compared(self._reader, now or datetime.now(UTC))
        where, params = sql_where(
            ("mt.board_id = :board", "board", board_id),
            ("mt.ends_at >= :now", "now", moment if upcoming_only else None))
        rows = self._reader.rows(
            "SELECT mt.id, mt.board_id, b.name, mt.title, mt.starts_at, mt.timezone, "
            "mt.minutes_status, mt.closed_at FROM meetings mt JOIN boards b ON b.id = mt.board_id"
            f"{where} ORDER BY mt.starts_at DESC, mt.id DESC", params)
        return [MeetingSummary(r[0], r[1], r[2], r[3], utc_moment(r[4]), r[5],
                               MinutesStatus(r[6]), r[7] is not None) for r in rows]

    def next_meeting(self, now: datetime | None = None) -> MeetingSummary | None:
        """The next meeting still to happen: not over by its planned end and not ended early
        with End the meeting (one under way now counts)."""
        require(self._actor, Permission.RUN_MEETINGS)
        moment = _as_compared(self._reader, now or datetime.now(UTC))
        rows = self._reader.rows(
            "SELECT mt.id, mt.board_id, b.name, mt.title, mt.starts_at, mt.timezone, "
            "mt.minutes_status, mt.closed_at FROM meetings mt JOIN boards b ON b.id = mt.board_id"
            " WHERE mt.ends_at >= :now AND mt.closed_at IS NULL "
            "ORDER BY mt.starts_at, mt.id LIMIT 1", {"now": moment})
        return next((MeetingSummary(r[0], r[1], r[2], r[3], utc_moment(r[4]), r[5],
                                    MinutesStatus(r[6]), r[7] is not None) for r in rows), None)

    def get_meeting(self, meeting_id: int) -> MeetingView:
        require(self._actor, Permission.RUN_MEETINGS)
        rows = self._reader.rows(
            "SELECT mt.id, mt.board_id, b.name, mt.title, mt.starts_at, mt.ends_at, mt.timezone, "
            "mt.place, mt.online_link, mt.arrangements, mt.arrangements_notes, mt.uid, "
            "mt.sequence, mt.minutes_status, mt.live_started_at, mt.closed_at, "
            "mt.current_item_id, mt.circulated_at, mt.approved_at, coalesce(a.display_name, ''), "
            "mt.approved_at_meeting_id, mt.approval_note, mt.version FROM meetings mt "
            "JOIN boards b ON b.id = mt.board_id LEFT JOIN accounts a ON a.id = mt.approved_by "
            "WHERE mt.id = :id", {"id": meeting_id})
        if not rows:
            raise NotFoundError(_("There is no meeting {id}.").format(id=meeting_id))
        r = rows[0]
        arrangements = frozenset(AccessArrangement(v) for v in (r[9] or "").split(",")
                                 if v in AccessArrangement._value2member_map_)
        agenda = tuple(AgendaItemView(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8],
                                      as_utc(a[9]), a[10]) for a in self._reader.rows(
            "SELECT id, position, title, presenter, minutes_allotted, papers, action_id, notes, "
            "seconds_spent, started_at, version FROM agenda_items WHERE meeting_id = :id "
            "ORDER BY position, id", {"id": meeting_id}))
        attendees = tuple(AttendeeView(a[0], member_display_name(a[1], a[2], a[3]),
                                       BoardRole(a[4]), AttendanceStatus(a[5]),
                                       AttendanceMode(a[6])) for a in self._reader.rows(
            "SELECT at.member_id, m.given_name, m.family_name, m.preferred_name, at.role, "
            "at.status, at.mode FROM attendance at JOIN members m ON m.id = at.member_id "
            "WHERE at.meeting_id = :id ORDER BY CASE at.role WHEN 'chair' THEN 0 "
            "WHEN 'secretary' THEN 1 WHEN 'member' THEN 2 ELSE 3 END, "
            f"{name_order(self._reader)}",
            {"id": meeting_id}))
        return MeetingView(
            r[0], r[1], r[2], r[3], utc_moment(r[4]), utc_moment(r[5]), r[6], r[7], r[8],
            arrangements,
            r[10], r[11], r[12], MinutesStatus(r[13]), as_utc(r[14]), as_utc(r[15]), r[16],
            as_utc(r[17]), as_utc(r[18]), r[19], r[20], r[21], agenda, attendees,
            tuple(self._minutes.decisions(meeting_id=meeting_id)),
            tuple(self._actions.actions(meeting_id=meeting_id, status=None)),
            tuple(self._actions.promises(meeting_id=meeting_id, status=None)), version=r[22])

    def add_agenda_item(self, meeting_id: int, entry: AgendaInput) -> int:
        require(self._actor, Permission.RUN_MEETINGS)
        from sqlalchemy import func, select

        from advocate_app.domain.boards import AgendaItem

        if not entry.title.strip():
            raise ValidationError({"title": _("Give the agenda item a title.")})
        with self._uow() as uow:
            versions.lock_row(uow.session, "meetings", meeting_id)  # one place per item added
            editable_meeting(uow, meeting_id)
            last = uow.session.scalar(select(func.max(AgendaItem.position)).where(
                AgendaItem.meeting_id == meeting_id))
            item = AgendaItem(meeting_id=meeting_id, position=(last or 0) + 1,
                              title=entry.title.strip(), presenter=entry.presenter,
                              minutes_allotted=max(1, entry.minutes_allotted),
                              papers=entry.papers)
            uow.session.add(item)
            uow.commit()
            return item.id

    def update_agenda_item(self, item_id: int, entry: AgendaInput) -> None:
        require(self._actor, Permission.RUN_MEETINGS)
        with self._uow() as uow:
            item = agenda_item_row(uow, item_id)
            editable_meeting(uow, item.meeting_id)
            item.title, item.presenter = entry.title.strip() or item.title, entry.presenter
            item.minutes_allotted = max(1, entry.minutes_allotted)
            item.papers = entry.papers
            uow.commit()

    def move_agenda_item(self, item_id: int, offset: int) -> None:
        require(self._actor, Permission.RUN_MEETINGS)
        from sqlalchemy import select

        from advocate_app.domain.boards import AgendaItem

        with self._uow() as uow:
            item = agenda_item_row(uow, item_id)
            editable_meeting(uow, item.meeting_id)
            items = list(uow.session.scalars(select(AgendaItem).where(
                AgendaItem.meeting_id == item.meeting_id).order_by(AgendaItem.position,
                                                                   AgendaItem.id)))
            index = items.index(item)
            target = max(0, min(len(items) - 1, index + offset))
            items.insert(target, items.pop(index))
            for position, each in enumerate(items):
                each.position = position
            uow.commit()

    def remove_agenda_item(self, item_id: int) -> None:
        require(self._actor, Permission.RUN_MEETINGS)
        with self._uow() as uow:
            item = agenda_item_row(uow, item_id)
            editable_meeting(uow, item.meeting_id)
            uow.session.delete(item)
            uow.commit()

    def invite(self, meeting_id: int, member_id: int, role: BoardRole = BoardRole.OBSERVER
               ) -> None:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import Attendance

        with self._uow() as uow:
            meeting = editable_meeting(uow, meeting_id)
            if uow.session.get(Attendance, (meeting_id, member_id)) is None:
                uow.session.add(Attendance(meeting_id=meeting_id, member_id=member_id,
                                           role=role.value))
                board = board_row(uow, meeting.board_id)
                timeline.write(uow.session, EngagementKind.MEETING, [
                    (member_id, invitation_text(meeting, board.name))],
                    recorded_by=self._actor.account_id)
            uow.commit()

    def set_attendance(self, meeting_id: int, member_id: int, status: AttendanceStatus,
                       mode: AttendanceMode | None = None) -> None:
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.domain.boards import Attendance

        with self._uow() as uow:
            meeting = editable_meeting(uow, meeting_id)
            found = uow.session.get(Attendance, (meeting_id, member_id))
            if found is None:
                raise NotFoundError(_("This person was not invited to the meeting."))
            found.status = status.value
            if mode is not None:
                found.mode = mode.value
            # The member's timeline says how they took part; a change replaces what it said.
            texts = attendance_texts(meeting, board_row(uow, meeting.board_id).name)
            timeline.forget(uow.session, member_id, EngagementKind.MEETING, texts.values())
            now = texts.get((found.status, found.mode))
            if now:
                timeline.write(uow.session, EngagementKind.MEETING, [(member_id, now)],
                               recorded_by=self._actor.account_id,
                               occurred_on=local_day(meeting))
            uow.commit()

    def quorum(self, meeting_id: int) -> Quorum:
        require(self._actor, Permission.RUN_MEETINGS)
        meeting = self.get_meeting(meeting_id)
        board = self._boards.get_board(meeting.board_id)
        return Quorum.of(meeting.attendees, board.quorum_count, board.quorum_percent)

    def invitee_needs(self, meeting_id: int) -> list[tuple[str, int]]:
        """What the invited people need, totalled from their records, in plain words:
        ("3 need large print papers", 3), ("2 cannot travel far", 2) …"""
        require(self._actor, Permission.RUN_MEETINGS)
        rows = self._reader.rows(
            "SELECT n.need, count(DISTINCT n.member_id) FROM attendance at "
            "JOIN member_access_needs n ON n.member_id = at.member_id "
            "WHERE at.meeting_id = :id AND at.status != 'apologies' GROUP BY n.need",
            {"id": meeting_id})
        barriers = self._reader.rows(
            "SELECT b.barrier, count(DISTINCT b.member_id) FROM attendance at "
            "JOIN member_barriers b ON b.member_id = at.member_id "
            "WHERE at.meeting_id = :id AND at.status != 'apologies' GROUP BY b.barrier",
            {"id": meeting_id})
        out = []
        for need, count in sorted(rows, key=lambda r: (-r[1], r[0])):
            if need in AccessNeed._value2member_map_:
                out.append((ngettext("{n} needs: {need}", "{n} need: {need}", count).format(
                    n=count, need=mid_sentence(AccessNeed(need).label)), count))
        for barrier, count in sorted(barriers, key=lambda r: (-r[1], r[0])):
            if barrier in Barrier._value2member_map_:
                out.append((ngettext("{n} has a barrier: {barrier}",
                                     "{n} have a barrier: {barrier}", count).format(
                    n=count, barrier=mid_sentence(Barrier(barrier).label)), count))
        return out


def _as_compared(reader: Reader, moment: datetime) -> datetime | str:
    """A moment as the reader compares it with a timestamp column."""
    return moment if reader.dialect == "postgresql" else db_time(moment)
