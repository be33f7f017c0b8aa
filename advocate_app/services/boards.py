"""Boards and meetings: one method per thing a secretary or staff member does.

Writes go through the unit of work; the lists the window shows often are plain SQL through the
reader. Saving the notes of an agenda item is the hot path of live minute-taking (every second
while someone types), so it is one small UPDATE in its own transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advocate_app.domain.community import AccessNeed, Barrier, EngagementKind
from advocate_app.domain.governance import (
    AccessArrangement,
    ActionStatus,
    AttendanceMode,
    AttendanceStatus,
    BoardKind,
    BoardRole,
    MinutesStatus,
    PromiseStatus,
    RaciValue,
    quorum_needed,
)
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.i18n import _, ngettext
from advocate_app.services import timeline
from advocate_app.services.board_data import (
    ActionView,
    AgendaInput,
    AgendaItemView,
    AttendeeView,
    BoardInput,
    BoardMemberView,
    BoardView,
    DecisionView,
    MeetingInput,
    MeetingSummary,
    MeetingView,
    PromiseView,
    Quorum,
    RaciMatrix,
    zone,
)
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

# -- the service -----------------------------------------------------------------------------------

def valid_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


class BoardService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    # -- boards ------------------------------------------------------------------------------
    def create_board(self, data: BoardInput) -> int:
        from advocate_app.domain.boards import Board

        self._check_board(data)
        with self._uow() as uow:
            from sqlalchemy import select

            if uow.session.scalar(select(Board.id).where(Board.name == data.name.strip())):
                raise ValidationError({"name": _("There is already a board called “{name}”.")
                                       .format(name=data.name.strip())})
            board = Board(name=data.name.strip(), kind=data.kind.value,
                          terms_of_reference=data.terms_of_reference,
                          quorum_count=data.quorum_count, quorum_percent=data.quorum_percent,
                          timezone=data.timezone, created_by=self._actor.account_id)
            uow.session.add(board)
            uow.commit()
            return board.id

    def update_board(self, board_id: int, data: BoardInput) -> None:
        self._check_board(data)
        with self._uow() as uow:
            board = self._board(uow, board_id)
            board.name = data.name.strip()
            board.kind = data.kind.value
            board.terms_of_reference = data.terms_of_reference
            board.quorum_count = data.quorum_count
            board.quorum_percent = data.quorum_percent
            board.timezone = data.timezone
            uow.commit()

    @staticmethod
    def _check_board(data: BoardInput) -> None:
        errors = {}
        if not data.name.strip():
            errors["name"] = _("Give the board a name.")
        if data.quorum_count < 0 or not 0 < data.quorum_percent <= 100:
            errors["quorum"] = _("The quorum is a number of members, or a share between 1 and "
                                 "100 per cent.")
        if not valid_timezone(data.timezone):
            errors["timezone"] = _("“{zone}” is not a time zone (for example Europe/London)."
                                   ).format(zone=data.timezone)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _board(uow, board_id: int):
        from advocate_app.domain.boards import Board

        board = uow.session.get(Board, board_id)
        if board is None:
            raise NotFoundError(_("There is no board {id}.").format(id=board_id))
        return board

    def list_boards(self) -> list[BoardView]:
        rows = self._reader.rows(
            "SELECT id, name, kind, terms_of_reference, quorum_count, quorum_percent, timezone "
            "FROM boards WHERE archived_at IS NULL ORDER BY lower(name)")
        members = self._board_members([row[0] for row in rows])
        return [BoardView(r[0], r[1], BoardKind(r[2]), r[3], r[4], r[5], r[6],
                          tuple(members.get(r[0], []))) for r in rows]

    def get_board(self, board_id: int) -> BoardView:
        for board in self.list_boards():
            if board.id == board_id:
                return board
        raise NotFoundError(_("There is no board {id}.").format(id=board_id))

    def _board_members(self, board_ids: Sequence[int]) -> dict[int, list[BoardMemberView]]:
        if not board_ids:
            return {}
        names = {f"b{i}": value for i, value in enumerate(board_ids)}
        rows = self._reader.rows(
            "SELECT bm.board_id, bm.member_id, m.given_name, m.family_name, m.preferred_name, "
            "bm.role, bm.term_start, bm.term_end FROM board_memberships bm "
            "JOIN members m ON m.id = bm.member_id "
            f"WHERE bm.board_id IN ({', '.join(':' + k for k in names)}) "
            "ORDER BY bm.board_id, CASE bm.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 "
            "WHEN 'member' THEN 2 ELSE 3 END, m.sort_name", names)
        out: dict[int, list[BoardMemberView]] = {}
        for r in rows:
            out.setdefault(r[0], []).append(BoardMemberView(
                r[1], member_display_name(r[2], r[3], r[4]), BoardRole(r[5]), _date(r[6]),
                _date(r[7])))
        return out

    def set_membership(self, board_id: int, member_id: int, role: BoardRole,
                       term_start: date | None = None, term_end: date | None = None) -> None:
        from sqlalchemy import select

        from advocate_app.domain.boards import BoardMembership
        from advocate_app.domain.members import Member

        if term_start and term_end and term_end < term_start:
            raise ValidationError({"term": _("The term ends before it starts.")})
        with self._uow() as uow:
            self._board(uow, board_id)
            if uow.session.get(Member, member_id) is None:
                raise NotFoundError(_("There is no member {id}.").format(id=member_id))
            found = uow.session.scalar(select(BoardMembership).where(
                BoardMembership.board_id == board_id, BoardMembership.member_id == member_id))
            if found is None:
                found = BoardMembership(board_id=board_id, member_id=member_id)
                uow.session.add(found)
            found.role, found.term_start, found.term_end = role.value, term_start, term_end
            uow.commit()

    def remove_membership(self, board_id: int, member_id: int) -> None:
        from sqlalchemy import delete

        from advocate_app.domain.boards import BoardMembership

        with self._uow() as uow:
            uow.session.execute(delete(BoardMembership).where(
                BoardMembership.board_id == board_id, BoardMembership.member_id == member_id))
            uow.commit()

    # -- meetings ----------------------------------------------------------------------------
    def schedule_meeting(self, data: MeetingInput, agenda: Sequence[AgendaInput] = ()) -> int:
        """A new meeting: board members (in their term) are invited, open action items of
        the board's earlier meetings come first on the agenda as matters arising."""
        from sqlalchemy import select

        from advocate_app.domain.boards import ActionItem, AgendaItem, Attendance, Meeting

        starts, ends = self._check_meeting(data)
        board = self.get_board(data.board_id)
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
                (member.member_id, _invitation_text(meeting, board.name))
                for member in invited), recorded_by=self._actor.account_id)
            position = 0
            arising = uow.session.scalars(select(ActionItem).where(
                ActionItem.board_id == data.board_id,
                ActionItem.status == ActionStatus.OPEN.value).order_by(ActionItem.id)).all()
            for action in arising:
                uow.session.add(AgendaItem(
                    meeting_id=meeting.id, position=position, action_id=action.id,
                    title=_whole_title(_("Matters arising: {action}").format(
                        action=" ".join(action.text.split())),
                        AgendaItem.__table__.c.title.type.length),
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

    def update_meeting(self, meeting_id: int, data: MeetingInput) -> None:
        starts, ends = self._check_meeting(data)
        with self._uow() as uow:
            meeting = self._editable(uow, meeting_id)
            meeting.title = data.title.strip()
            meeting.starts_at, meeting.ends_at, meeting.timezone = starts, ends, data.timezone
            meeting.place, meeting.online_link = data.place, data.online_link.strip()
            meeting.arrangements = ",".join(sorted(a.value for a in data.arrangements))
            meeting.arrangements_notes = data.arrangements_notes
            meeting.sequence += 1  # calendars replace the old invitation
            meeting.updated_at = datetime.now(UTC)
            uow.commit()

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
        link = data.online_link.strip()
        if link and not link.lower().startswith(("https://", "http://")):
            errors["online_link"] = _("The online link should start with https://.")
        if errors:
            raise ValidationError(errors)
        starts = data.starts_local.replace(tzinfo=zone(data.timezone)).astimezone(UTC)
        return starts, starts + timedelta(minutes=data.duration_minutes)

    @staticmethod
    def _meeting(uow, meeting_id: int):
        from advocate_app.domain.boards import Meeting

        meeting = uow.session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(_("There is no meeting {id}.").format(id=meeting_id))
        return meeting

    def _editable(self, uow, meeting_id: int):
        """The meeting, to change: every call that changes a meeting, its agenda, attendance,
        notes, or the decisions, action items and promises recorded at it comes through here,
        and is refused once its minutes are approved (see ``MinutesStatus.locked``). Following
        up later (an action item done, a promise kept) is not a change to the minutes."""
        meeting = self._meeting(uow, meeting_id)
        if MinutesStatus(meeting.minutes_status).locked:
            raise ValidationError({"minutes": _(
                "These minutes are approved and can no longer be changed.")})
        return meeting

    def list_meetings(self, board_id: int | None = None, *, upcoming_only: bool = False,
                      now: datetime | None = None) -> list[MeetingSummary]:
        moment = now or datetime.now(UTC)
        if self._reader.dialect != "postgresql":
            moment = _db_time(moment)
        where, params = _where(("mt.board_id = :board", "board", board_id),
                               ("mt.ends_at >= :now", "now", moment if upcoming_only else None))
        rows = self._reader.rows(
            "SELECT mt.id, mt.board_id, b.name, mt.title, mt.starts_at, mt.timezone, "
            "mt.minutes_status, mt.closed_at FROM meetings mt JOIN boards b ON b.id = mt.board_id"
            f"{where} ORDER BY mt.starts_at DESC, mt.id DESC", params)
        return [MeetingSummary(r[0], r[1], r[2], r[3], as_utc(r[4]), r[5],
                               MinutesStatus(r[6]), r[7] is not None) for r in rows]

    def next_meeting(self, now: datetime | None = None) -> MeetingSummary | None:
        """The next meeting still to happen: not over by its planned end and not ended early
        with End the meeting (one under way now counts)."""
        moment = now or datetime.now(UTC)
        if self._reader.dialect != "postgresql":
            moment = _db_time(moment)
        rows = self._reader.rows(
            "SELECT mt.id, mt.board_id, b.name, mt.title, mt.starts_at, mt.timezone, "
            "mt.minutes_status, mt.closed_at FROM meetings mt JOIN boards b ON b.id = mt.board_id"
            " WHERE mt.ends_at >= :now AND mt.closed_at IS NULL "
            "ORDER BY mt.starts_at, mt.id LIMIT 1", {"now": moment})
        return next((MeetingSummary(r[0], r[1], r[2], r[3], as_utc(r[4]), r[5],
                                    MinutesStatus(r[6]), r[7] is not None) for r in rows), None)

    def get_meeting(self, meeting_id: int) -> MeetingView:
        rows = self._reader.rows(
            "SELECT mt.id, mt.board_id, b.name, mt.title, mt.starts_at, mt.ends_at, mt.timezone, "
            "mt.place, mt.online_link, mt.arrangements, mt.arrangements_notes, mt.uid, "
            "mt.sequence, mt.minutes_status, mt.live_started_at, mt.closed_at, "
            "mt.current_item_id, mt.circulated_at, mt.approved_at, coalesce(a.display_name, ''), "
            "mt.approved_at_meeting_id, mt.approval_note FROM meetings mt "
            "JOIN boards b ON b.id = mt.board_id LEFT JOIN accounts a ON a.id = mt.approved_by "
            "WHERE mt.id = :id", {"id": meeting_id})
        if not rows:
            raise NotFoundError(_("There is no meeting {id}.").format(id=meeting_id))
        r = rows[0]
        arrangements = frozenset(AccessArrangement(v) for v in (r[9] or "").split(",")
                                 if v in AccessArrangement._value2member_map_)
        agenda = tuple(AgendaItemView(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8],
                                      as_utc(a[9])) for a in self._reader.rows(
            "SELECT id, position, title, presenter, minutes_allotted, papers, action_id, notes, "
            "seconds_spent, started_at FROM agenda_items WHERE meeting_id = :id "
            "ORDER BY position, id", {"id": meeting_id}))
        attendees = tuple(AttendeeView(a[0], member_display_name(a[1], a[2], a[3]),
                                       BoardRole(a[4]), AttendanceStatus(a[5]),
                                       AttendanceMode(a[6])) for a in self._reader.rows(
            "SELECT at.member_id, m.given_name, m.family_name, m.preferred_name, at.role, "
            "at.status, at.mode FROM attendance at JOIN members m ON m.id = at.member_id "
            "WHERE at.meeting_id = :id ORDER BY CASE at.role WHEN 'chair' THEN 0 "
            "WHEN 'secretary' THEN 1 WHEN 'member' THEN 2 ELSE 3 END, m.sort_name",
            {"id": meeting_id}))
        return MeetingView(
            r[0], r[1], r[2], r[3], as_utc(r[4]), as_utc(r[5]), r[6], r[7], r[8], arrangements,
            r[10], r[11], r[12], MinutesStatus(r[13]), as_utc(r[14]), as_utc(r[15]), r[16],
            as_utc(r[17]), as_utc(r[18]), r[19], r[20], r[21], agenda, attendees,
            tuple(self.decisions(meeting_id=meeting_id)),
            tuple(self.actions(meeting_id=meeting_id, status=None)),
            tuple(self.promises(meeting_id=meeting_id, status=None)))

    # -- agenda ------------------------------------------------------------------------------
    def add_agenda_item(self, meeting_id: int, entry: AgendaInput) -> int:
        from sqlalchemy import func, select

        from advocate_app.domain.boards import AgendaItem

        if not entry.title.strip():
            raise ValidationError({"title": _("Give the agenda item a title.")})
        with self._uow() as uow:
            self._editable(uow, meeting_id)
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
        with self._uow() as uow:
            item = self._agenda_item(uow, item_id)
            self._editable(uow, item.meeting_id)
            item.title, item.presenter = entry.title.strip() or item.title, entry.presenter
            item.minutes_allotted = max(1, entry.minutes_allotted)
            item.papers = entry.papers
            uow.commit()

    def move_agenda_item(self, item_id: int, offset: int) -> None:
        from sqlalchemy import select

        from advocate_app.domain.boards import AgendaItem

        with self._uow() as uow:
            item = self._agenda_item(uow, item_id)
            self._editable(uow, item.meeting_id)
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
        with self._uow() as uow:
            item = self._agenda_item(uow, item_id)
            self._editable(uow, item.meeting_id)
            uow.session.delete(item)
            uow.commit()

    @staticmethod
    def _agenda_item(uow, item_id: int):
        from advocate_app.domain.boards import AgendaItem

        item = uow.session.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError(_("There is no agenda item {id}.").format(id=item_id))
        return item

    # -- attendance and quorum -------------------------------------------------------------
    def invite(self, meeting_id: int, member_id: int, role: BoardRole = BoardRole.OBSERVER
               ) -> None:
        from advocate_app.domain.boards import Attendance

        with self._uow() as uow:
            meeting = self._editable(uow, meeting_id)
            if uow.session.get(Attendance, (meeting_id, member_id)) is None:
                uow.session.add(Attendance(meeting_id=meeting_id, member_id=member_id,
                                           role=role.value))
                board = self._board(uow, meeting.board_id)
                timeline.write(uow.session, EngagementKind.MEETING, [
                    (member_id, _invitation_text(meeting, board.name))],
                    recorded_by=self._actor.account_id)
            uow.commit()

    def set_attendance(self, meeting_id: int, member_id: int, status: AttendanceStatus,
                       mode: AttendanceMode | None = None) -> None:
        from advocate_app.domain.boards import Attendance

        with self._uow() as uow:
            meeting = self._editable(uow, meeting_id)
            found = uow.session.get(Attendance, (meeting_id, member_id))
            if found is None:
                raise NotFoundError(_("This person was not invited to the meeting."))
            found.status = status.value
            if mode is not None:
                found.mode = mode.value
            # The member's timeline says how they took part; a change replaces what it said.
            texts = _attendance_texts(meeting, self._board(uow, meeting.board_id).name)
            timeline.forget(uow.session, member_id, EngagementKind.MEETING, texts.values())
            now = texts.get((found.status, found.mode))
            if now:
                timeline.write(uow.session, EngagementKind.MEETING, [(member_id, now)],
                               recorded_by=self._actor.account_id,
                               occurred_on=_local_day(meeting))
            uow.commit()

    def quorum(self, meeting_id: int) -> Quorum:
        meeting = self.get_meeting(meeting_id)
        board = self.get_board(meeting.board_id)
        voting = [a for a in meeting.attendees if a.role.votes]
        present = sum(1 for a in voting if a.status is AttendanceStatus.PRESENT)
        return Quorum(present, quorum_needed(len(voting), board.quorum_count,
                                             board.quorum_percent), len(voting))

    def invitee_needs(self, meeting_id: int) -> list[tuple[str, int]]:
        """What the invited people need, totalled from their records, in plain words:
        ("3 need large print papers", 3), ("2 cannot travel far", 2) …"""
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
                    n=count, need=AccessNeed(need).label.lower()), count))
        for barrier, count in sorted(barriers, key=lambda r: (-r[1], r[0])):
            if barrier in Barrier._value2member_map_:
                out.append((ngettext("{n} has a barrier: {barrier}",
                                     "{n} have a barrier: {barrier}", count).format(
                    n=count, barrier=Barrier(barrier).label.lower()), count))
        return out

    # -- live minute-taking ----------------------------------------------------------------
    def start_minutes(self, meeting_id: int) -> None:
        with self._uow() as uow:
            meeting = self._editable(uow, meeting_id)
            if meeting.live_started_at is None:
                meeting.live_started_at = datetime.now(UTC)
            meeting.closed_at = None
            uow.commit()

    def set_current_item(self, meeting_id: int, item_id: int | None,
                         seconds_on_previous: int = 0) -> None:
        """Move to another agenda item, adding the time spent on the one left."""
        with self._uow() as uow:
            meeting = self._editable(uow, meeting_id)
            if meeting.current_item_id and seconds_on_previous > 0:
                previous = self._agenda_item(uow, meeting.current_item_id)
                previous.seconds_spent += seconds_on_previous
            meeting.current_item_id = item_id
            if item_id is not None:
                item = self._agenda_item(uow, item_id)
                if item.started_at is None:
                    item.started_at = datetime.now(UTC)
            uow.commit()

    def save_notes(self, item_id: int, text: str) -> None:
        """The notes of one agenda item, saved as they are typed (the autosave)."""
        from sqlalchemy import select, update

        from advocate_app.domain.boards import AgendaItem

        with self._uow() as uow:
            meeting_id = uow.session.scalar(select(AgendaItem.meeting_id).where(
                AgendaItem.id == item_id))
            if meeting_id is None:
                raise NotFoundError(_("There is no agenda item {id}.").format(id=item_id))
            self._editable(uow, meeting_id)
            uow.session.execute(update(AgendaItem).where(AgendaItem.id == item_id).values(
                notes=text, notes_saved_at=datetime.now(UTC)))
            uow.commit()

    def close_meeting(self, meeting_id: int, seconds_on_current: int = 0) -> None:
        with self._uow() as uow:
            meeting = self._editable(uow, meeting_id)
            if meeting.current_item_id and seconds_on_current > 0:
                self._agenda_item(uow, meeting.current_item_id).seconds_spent += \
                    seconds_on_current
            meeting.closed_at = datetime.now(UTC)
            meeting.current_item_id = None
            uow.commit()

    def meeting_in_progress(self) -> int | None:
        """A meeting whose minutes were being taken and that was not closed (to resume after
        the app or the computer stopped)."""
        rows = self._reader.rows(
            "SELECT id FROM meetings WHERE live_started_at IS NOT NULL AND closed_at IS NULL "
            "AND minutes_status = 'draft' ORDER BY live_started_at DESC LIMIT 1")
        return rows[0][0] if rows else None

    # -- decisions, actions, promises ------------------------------------------------------
    def record_decision(self, meeting_id: int, text: str, *, agenda_item_id: int | None = None,
                        decided_by: str = "", dissent: str = "") -> int:
        from advocate_app.domain.boards import Decision

        if not text.strip():
            raise ValidationError({"text": _("Write down what was decided.")})
        with self._uow() as uow:
            self._editable(uow, meeting_id)
            decision = Decision(meeting_id=meeting_id, agenda_item_id=agenda_item_id,
                                text=text.strip(), decided_by=decided_by.strip(),
                                dissent=dissent.strip())
            uow.session.add(decision)
            uow.commit()
            return decision.id

    def add_action(self, text: str, *, meeting_id: int | None = None,
                   board_id: int | None = None, agenda_item_id: int | None = None,
                   owner_member_id: int | None = None, owner_role: str = "",
                   due_on: date | None = None) -> int:
        from advocate_app.domain.boards import ActionItem

        if not text.strip():
            raise ValidationError({"text": _("Write down what is to be done.")})
        if owner_member_id is None and not owner_role.strip():
            raise ValidationError({"owner": _("Say who will do it: a person or a role.")})
        with self._uow() as uow:
            if meeting_id is not None:
                meeting = self._editable(uow, meeting_id)
                board_id = board_id or meeting.board_id
            action = ActionItem(text=text.strip(), meeting_id=meeting_id, board_id=board_id,
                                agenda_item_id=agenda_item_id, owner_member_id=owner_member_id,
                                owner_role=owner_role.strip(), due_on=due_on)
            uow.session.add(action)
            uow.commit()
            return action.id

    def set_action_status(self, action_id: int, status: ActionStatus) -> None:
        from advocate_app.domain.boards import ActionItem

        with self._uow() as uow:
            action = uow.session.get(ActionItem, action_id)
            if action is None:
                raise NotFoundError(_("There is no action item {id}.").format(id=action_id))
            action.status = status.value
            action.done_at = datetime.now(UTC) if status is not ActionStatus.OPEN else None
            uow.commit()

    def add_promise(self, text: str, *, you_said: str = "", source: str = "meeting",
                    meeting_id: int | None = None, board_id: int | None = None,
                    owner_member_id: int | None = None, owner_role: str = "",
                    audience: str = "", due_on: date | None = None) -> int:
        from advocate_app.domain.boards import Promise

        if not text.strip():
            raise ValidationError({"text": _("Write down what was promised.")})
        if owner_member_id is None and not owner_role.strip():
            raise ValidationError({"owner": _("Say who will keep the promise: a person or a "
                                              "role.")})
        with self._uow() as uow:
            if meeting_id is not None:
                meeting = self._editable(uow, meeting_id)
                board_id = board_id or meeting.board_id
            promise = Promise(text=text.strip(), you_said=you_said.strip(), source=source,
                              meeting_id=meeting_id, board_id=board_id,
                              owner_member_id=owner_member_id, owner_role=owner_role.strip(),
                              audience=audience.strip(), due_on=due_on)
            uow.session.add(promise)
            uow.commit()
            return promise.id

    def update_promise(self, promise_id: int, status: PromiseStatus, evidence: str = "",
                       kept_on: date | None = None) -> None:
        from advocate_app.domain.boards import Promise

        if status is PromiseStatus.KEPT and not evidence.strip():
            raise ValidationError({"evidence": _(
                "Say what was done (the evidence): it is what the community will read.")})
        with self._uow() as uow:
            promise = uow.session.get(Promise, promise_id)
            if promise is None:
                raise NotFoundError(_("There is no promise {id}.").format(id=promise_id))
            promise.status = status.value
            promise.evidence = evidence.strip()
            promise.kept_on = (kept_on or date.today()) if status is PromiseStatus.KEPT \
                else None
            uow.commit()

    def decisions(self, *, meeting_id: int | None = None, board_id: int | None = None,
                  text: str = "") -> list[DecisionView]:
        words = [(f"(lower(d.text) LIKE :w{i} OR lower(d.dissent) LIKE :w{i} "
                  f"OR lower(mt.title) LIKE :w{i})", f"w{i}", f"%{word.lower()}%")
                 for i, word in enumerate(text.split())]
        where, params = _where(("d.meeting_id = :meeting", "meeting", meeting_id),
                               ("mt.board_id = :board", "board", board_id), *words)
        rows = self._reader.rows(
            "SELECT d.id, d.meeting_id, d.agenda_item_id, d.text, d.decided_by, d.dissent, "
            "d.created_at, mt.title, b.name, mt.starts_at FROM decisions d "
            "JOIN meetings mt ON mt.id = d.meeting_id JOIN boards b ON b.id = mt.board_id"
            f"{where} ORDER BY mt.starts_at DESC, d.id", params)
        return [DecisionView(r[0], r[1], r[2], r[3], r[4], r[5], as_utc(r[6]), r[7], r[8],
                             as_utc(r[9])) for r in rows]

    def actions(self, *, meeting_id: int | None = None, board_id: int | None = None,
                owner_member_id: int | None = None, owner: str = "",
                status: ActionStatus | None = ActionStatus.OPEN, overdue_on: date | None = None
                ) -> list[ActionView]:
        where, params = _where(
            ("a.meeting_id = :meeting", "meeting", meeting_id),
            ("a.board_id = :board", "board", board_id),
            ("a.owner_member_id = :owner_id", "owner_id", owner_member_id),
            ("lower(a.owner_role) = :owner_role", "owner_role", owner.lower() or None),
            ("a.status = :status", "status", status.value if status else None),
            ("a.status = 'open' AND a.due_on < :today", "today",
             overdue_on.isoformat() if overdue_on else None))
        rows = self._reader.rows(
            "SELECT a.id, a.meeting_id, a.board_id, a.agenda_item_id, a.text, a.owner_member_id,"
            " m.given_name, m.family_name, m.preferred_name, a.owner_role, a.due_on, a.status, "
            "coalesce(b.name, ''), coalesce(mt.title, '') FROM action_items a "
            "LEFT JOIN members m ON m.id = a.owner_member_id "
            "LEFT JOIN boards b ON b.id = a.board_id "
            "LEFT JOIN meetings mt ON mt.id = a.meeting_id"
            f"{where} ORDER BY CASE WHEN a.due_on IS NULL THEN 1 ELSE 0 END, a.due_on, a.id",
            params)
        return [ActionView(r[0], r[1], r[2], r[3], r[4], r[5],
                           member_display_name(r[6] or "", r[7] or "", r[8] or ""), r[9],
                           _date(r[10]), ActionStatus(r[11]), r[12], r[13]) for r in rows]

    def promises(self, *, meeting_id: int | None = None, board_id: int | None = None,
                 status: PromiseStatus | None = PromiseStatus.OPEN,
                 overdue_on: date | None = None) -> list[PromiseView]:
        where, params = _where(
            ("p.meeting_id = :meeting", "meeting", meeting_id),
            ("p.board_id = :board", "board", board_id),
            ("p.status = :status", "status", status.value if status else None),
            ("p.status = 'open' AND p.due_on < :today", "today",
             overdue_on.isoformat() if overdue_on else None))
        rows = self._reader.rows(
            "SELECT p.id, p.source, p.meeting_id, p.board_id, p.you_said, p.text, "
            "p.owner_member_id, m.given_name, m.family_name, m.preferred_name, p.owner_role, "
            "p.audience, p.due_on, p.status, p.evidence, p.kept_on FROM promises p "
            "LEFT JOIN members m ON m.id = p.owner_member_id"
            f"{where} ORDER BY CASE WHEN p.due_on IS NULL THEN 1 ELSE 0 END, p.due_on, p.id",
            params)
        return [PromiseView(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                            member_display_name(r[7] or "", r[8] or "", r[9] or ""), r[10],
                            r[11], _date(r[12]), PromiseStatus(r[13]), r[14], _date(r[15]))
                for r in rows]

    # -- minutes lifecycle -------------------------------------------------------------------
    def circulate(self, meeting_id: int) -> None:
        """Send the minutes round; refused while there are none (no notes, no decisions,
        action items or promises recorded at the meeting)."""
        from sqlalchemy import exists, func, or_, select

        from advocate_app.domain.boards import ActionItem, AgendaItem, Decision, Promise

        with self._uow() as uow:
            meeting = self._editable(uow, meeting_id)
            written = uow.session.scalar(select(or_(
                exists().where(AgendaItem.meeting_id == meeting_id,
                               func.length(func.trim(AgendaItem.notes)) > 0),
                *(exists().where(model.meeting_id == meeting_id)
                  for model in (Decision, ActionItem, Promise)))))
            if not written:
                raise ValidationError({"minutes": _(
                    "There are no minutes to circulate yet: no notes, decisions, action items "
                    "or promises have been recorded for this meeting.")})
            if meeting.closed_at is None and meeting.live_started_at is not None:
                meeting.closed_at = datetime.now(UTC)
            meeting.minutes_status = MinutesStatus.CIRCULATED.value
            meeting.circulated_at = datetime.now(UTC)
            uow.commit()

    def approve(self, meeting_id: int, *, at_meeting_id: int | None = None,
                note: str = "") -> None:
        """Approve circulated minutes (normally at the next meeting); they become read-only."""
        with self._uow() as uow:
            meeting = self._meeting(uow, meeting_id)
            if meeting.minutes_status != MinutesStatus.CIRCULATED.value:
                raise ValidationError({"minutes": _(
                    "Minutes are approved after they have been circulated.")})
            if at_meeting_id is not None:
                self._meeting(uow, at_meeting_id)
            meeting.minutes_status = MinutesStatus.APPROVED.value
            meeting.approved_at = datetime.now(UTC)
            meeting.approved_by = self._actor.account_id
            meeting.approved_at_meeting_id = at_meeting_id
            meeting.approval_note = note.strip()
            uow.commit()

    # -- roles matrix ----------------------------------------------------------------------
    def raci(self, board_id: int) -> RaciMatrix:
        activities = tuple((r[0], r[1]) for r in self._reader.rows(
            "SELECT id, name FROM raci_activities WHERE board_id = :b ORDER BY position, id",
            {"b": board_id}))
        parties = tuple((r[0], r[1]) for r in self._reader.rows(
            "SELECT id, name FROM raci_parties WHERE board_id = :b ORDER BY position, id",
            {"b": board_id}))
        cells = {(r[0], r[1]): RaciValue(r[2]) for r in self._reader.rows(
            "SELECT c.activity_id, c.party_id, c.value FROM raci_cells c "
            "JOIN raci_activities a ON a.id = c.activity_id WHERE a.board_id = :b",
            {"b": board_id})}
        return RaciMatrix(board_id, activities, parties, cells)

    def add_raci_activity(self, board_id: int, name: str) -> int:
        from advocate_app.domain.boards import RaciActivity

        return self._add_raci_row(RaciActivity, board_id, name)

    def add_raci_party(self, board_id: int, name: str, member_id: int | None = None) -> int:
        from advocate_app.domain.boards import RaciParty

        return self._add_raci_row(RaciParty, board_id, name, member_id=member_id)

    def _add_raci_row(self, model, board_id: int, name: str, **extra) -> int:
        from sqlalchemy import func, select

        if not name.strip():
            raise ValidationError({"name": _("Give it a name.")})
        with self._uow() as uow:
            self._board(uow, board_id)
            last = uow.session.scalar(select(func.max(model.position)).where(
                model.board_id == board_id))
            row = model(board_id=board_id, name=name.strip(), position=(last or 0) + 1,
                        **extra)
            uow.session.add(row)
            uow.commit()
            return row.id

    def remove_raci_activity(self, activity_id: int) -> None:
        from advocate_app.domain.boards import RaciActivity

        self._remove(RaciActivity, activity_id)

    def remove_raci_party(self, party_id: int) -> None:
        from advocate_app.domain.boards import RaciParty

        self._remove(RaciParty, party_id)

    def _remove(self, model, row_id: int) -> None:
        from sqlalchemy import delete

        with self._uow() as uow:
            uow.session.execute(delete(model).where(model.id == row_id))
            uow.commit()

    def set_raci(self, activity_id: int, party_id: int, value: RaciValue | None) -> None:
        """One cell of the matrix; an activity has one accountable party at most."""
        from sqlalchemy import delete, select

        from advocate_app.domain.boards import RaciCell

        with self._uow() as uow:
            if value is RaciValue.ACCOUNTABLE:
                other = uow.session.scalar(select(RaciCell.party_id).where(
                    RaciCell.activity_id == activity_id, RaciCell.value == "A",
                    RaciCell.party_id != party_id))
                if other is not None:
                    raise ValidationError({"value": _(
                        "Someone else is already accountable for this activity: one "
                        "accountable party each, so that decisions have an owner.")})
            uow.session.execute(delete(RaciCell).where(RaciCell.activity_id == activity_id,
                                                       RaciCell.party_id == party_id))
            if value is not None:
                uow.session.add(RaciCell(activity_id=activity_id, party_id=party_id,
                                         value=value.value))
            uow.commit()

    def member_languages(self) -> list[str]:
        """The languages members read (their preferred language, English when none), most
        readers first: the versions a community-wide update needs."""
        rows = self._reader.rows(
            "SELECT coalesce(nullif(preferred_language, ''), 'en') AS language, count(*) "
            "FROM members WHERE archived_at IS NULL AND erased_at IS NULL "
            "GROUP BY coalesce(nullif(preferred_language, ''), 'en') ORDER BY 2 DESC, 1")
        return [row[0] for row in rows] or ["en"]

    # -- reminders ---------------------------------------------------------------------------
    def reminders(self, today: date | None = None) -> tuple[list[ActionView], list[PromiseView]]:
        """Overdue action items and overdue promises, for the dashboard."""
        today = today or date.today()
        return self.actions(overdue_on=today), self.promises(overdue_on=today)


def _local_day(meeting) -> date:
    return as_utc(meeting.starts_at).astimezone(zone(meeting.timezone)).date()


def _meeting_text(meeting, board_name: str) -> dict[str, str]:
    from advocate_app.i18n.formatting import format_date

    return {"title": meeting.title, "board": board_name,
            "date": format_date(_local_day(meeting), "long")}


def _invitation_text(meeting, board_name: str) -> str:
    return _("Invited to “{title}” ({board}) on {date}.").format(
        **_meeting_text(meeting, board_name))


def _attendance_texts(meeting, board_name: str) -> dict[tuple[str, str], str]:
    """What a member's timeline says of their attendance, by (status, mode)."""
    names = _meeting_text(meeting, board_name)
    present = _("Present at “{title}” ({board}) on {date}.").format(**names)
    return {
        (AttendanceStatus.PRESENT.value, AttendanceMode.IN_PERSON.value): present,
        (AttendanceStatus.PRESENT.value, AttendanceMode.REMOTE.value): _(
            "Present online at “{title}” ({board}) on {date}.").format(**names),
        **{(status.value, mode.value): text for mode in AttendanceMode for status, text in (
            (AttendanceStatus.APOLOGIES, _("Sent apologies for “{title}” ({board}) on {date}."
                                           ).format(**names)),
            (AttendanceStatus.ABSENT, _("Absent from “{title}” ({board}) on {date}.").format(
                **names)))}}


def _where(*filters: tuple[str, str, object]) -> tuple[str, dict]:
    """A WHERE clause from the filters that are set: each is (condition, the name of its
    parameter, value); a None value leaves its condition out."""
    chosen = [(condition, name, value) for condition, name, value in filters
              if value is not None]
    where = " WHERE " + " AND ".join(c for c, _n, _v in chosen) if chosen else ""
    return where, {name: value for _c, name, value in chosen}


def _whole_title(text: str, limit: int) -> str:
    """A title as written: only one longer than the database keeps (a whole paragraph) ends at
    the last word that fits, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip() + "…"


def _date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _db_time(moment: datetime) -> str | datetime:
    """A UTC moment as the reader compares it (SQLite stores naive UTC text)."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
