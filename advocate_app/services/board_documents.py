"""What the boards give people to read or to put in their calendars, each one use case: a
meeting's calendar file, the minutes as PDF or Word, the lay summary of a meeting, the
"You said, we did" update and the roles sheet.

The window calls these through its background-task helper and the command line calls them
directly; neither renders nor writes the files itself. Files are written atomically (a temporary
name moved into place), so an interrupted save never leaves half a file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.audit_views import AuditAction, AuditSubject
from advocate_app.domain.board_views import BoardView, MeetingView
from advocate_app.domain.governance import BoardKind, PromiseStatus
from advocate_app.domain.people import Actor
from advocate_app.i18n import _, current_language
from advocate_app.services.access import require
from advocate_app.services.audit import record_alone
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from advocate_app.domain.outreach_content import OutreachItem
    from advocate_app.services.actions import ActionService
    from advocate_app.services.boards import BoardService
    from advocate_app.services.meetings import MeetingService
    from advocate_app.services.roles import RolesService


class BoardDocumentService:
    def __init__(self, uow: UnitOfWorkFactory, actor: Actor, *, boards: BoardService,
                 meetings: MeetingService, actions: ActionService, roles: RolesService):
        self._uow = uow
        self._actor = actor
        self._boards = boards
        self._meetings = meetings
        self._actions = actions
        self._roles = roles

    @staticmethod
    def file_name(title: str, extension: str) -> str:
        """A file name to suggest for a meeting's document: its title in plain letters and
        the extension ("spring-meeting.ics")."""
        from advocate_app.interchange.files import file_stem

        return f"{file_stem(title)}.{extension}"

    def write_calendar(self, path: Path | str, meeting_id: int | None = None) -> int:
        """Write an iCalendar (.ics) file: the meeting ``meeting_id``, or, without one, every
        upcoming meeting (soonest first). Returns how many meetings the file holds."""
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.interchange.calendar import meeting_ics, meetings_feed
        from advocate_app.interchange.files import write_atomically

        if meeting_id is not None:
            data = meeting_ics(self._meetings.get_meeting(meeting_id))
            count = 1
        else:
            summaries = sorted(self._meetings.list_meetings(upcoming_only=True),
                               key=lambda m: (m.starts_at, m.id))
            data = meetings_feed([self._meetings.get_meeting(m.id) for m in summaries],
                                 _("Advocate: upcoming meetings"))
            count = len(summaries)
        write_atomically(Path(path), data)
        record_alone(self._uow, self._actor, AuditAction.EXPORTED, AuditSubject.MEETING,
                     meeting_id, count=count, detail="ics")
        return count

    def export_minutes(self, meeting_id: int, fmt: str, path: Path | str) -> Path:
        """Write the minutes of a meeting as a tagged PDF (``fmt`` "pdf") or a Word document
        ("docx"), in the interface language; returns the path written."""
        require(self._actor, Permission.RUN_MEETINGS)
        path = Path(path)
        fmt = fmt.lower()
        if fmt not in ("pdf", "docx"):
            raise ValidationError({"format": _("Minutes are exported as pdf or docx, not "
                                               "“{format}”.").format(format=fmt)})
        meeting = self._meetings.get_meeting(meeting_id)
        board = self._board_of(meeting)
        approving = None
        if meeting.approved_at_meeting_id is not None:
            try:
                approving = self._meetings.get_meeting(meeting.approved_at_meeting_id)
            except NotFoundError:
                approving = None
        from advocate_app.interchange.files import write_atomically

        if fmt == "docx":
            from advocate_app.documents.minutes_docx import minutes_docx

            write_atomically(path, minutes_docx(meeting, board, approving_meeting=approving))
            self._exported(meeting_id, "minutes docx")
            return path
        from advocate_app.documents.pdf import RenderOptions, render
        from advocate_app.domain.print_profiles import ProfileKey
        from advocate_app.services.minutes import minutes_item

        data = render(minutes_item(meeting, board, approving_meeting=approving),
                      RenderOptions(ProfileKey.STANDARD))
        write_atomically(path, data)
        self._exported(meeting_id, "minutes pdf")
        return path

    def _exported(self, meeting_id: int, what: str) -> None:
        record_alone(self._uow, self._actor, AuditAction.EXPORTED, AuditSubject.MEETING,
                     meeting_id, count=1, detail=what)

    def lay_summary(self, meeting_id: int, language: str | None = None) -> OutreachItem:
        """The meeting in plain words for the community (no member named), as an outreach
        item to check and keep with ``services.outreach.save``; in ``language``, else the
        interface language."""
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.services.minutes import lay_summary_item

        meeting = self._meetings.get_meeting(meeting_id)
        board = self._boards.get_board(meeting.board_id)
        return lay_summary_item(meeting, board, language or current_language() or "en")

    def you_said_we_did(self) -> list[OutreachItem]:
        """The "You said, we did" update from the kept promises, one version for each language
        the members read that Advocate writes (most read first; English when none); empty when
        no promise has been kept yet. Nothing is saved."""
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.i18n.catalogs import available_languages
        from advocate_app.services.minutes import you_said_we_did_items

        kept = self._actions.promises(status=PromiseStatus.KEPT)
        # Versions only in the languages Advocate can write the framing words in; members who
        # read another get the first (most read) of these from a print pack.
        known = set(available_languages())
        languages = [code for code in self._boards.member_languages()
                     if code.split("-")[0].split("_")[0] in known] or ["en"]
        return you_said_we_did_items(kept, languages)

    def write_roles_sheet(self, board_id: int, path: Path | str) -> Path:
        """Write the board's roles matrix as a one-page PDF sheet; returns the path written."""
        require(self._actor, Permission.RUN_MEETINGS)
        from advocate_app.documents import pdf
        from advocate_app.interchange.files import write_atomically
        from advocate_app.services.minutes import raci_item

        item = raci_item(self._roles.raci(board_id), self._boards.get_board(board_id))
        path = Path(path)
        write_atomically(path, pdf.render(item))
        record_alone(self._uow, self._actor, AuditAction.EXPORTED, AuditSubject.BOARD,
                     board_id, count=1, detail="roles sheet")
        return path

    def _board_of(self, meeting: MeetingView) -> BoardView:
        """The meeting's board (an archived board is no longer listed: its name is enough)."""
        try:
            return self._boards.get_board(meeting.board_id)
        except NotFoundError:
            return BoardView(meeting.board_id, meeting.board_name, BoardKind.ADVISORY_BOARD, "",
                             0, 50, meeting.timezone)
