"""The services the application uses, built once at start-up by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from advocate_app.domain.people import Actor
from advocate_app.services.consent import ConsentService
from advocate_app.services.duplicates import DuplicateService
from advocate_app.services.members import MemberService
from advocate_app.services.privacy import PrivacyService
from advocate_app.services.segments import SegmentService
from advocate_app.services.timeline import TimelineService
from advocate_app.storage.database import Database
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:  # the boards' services are made on first use (start-up stays quick)
    from advocate_app.services.actions import ActionService
    from advocate_app.services.boards import BoardService
    from advocate_app.services.meetings import MeetingService
    from advocate_app.services.minute_taking import MinutesService
    from advocate_app.services.roles import RolesService


@dataclass(frozen=True)
class Services:
    database: Database
    uow: UnitOfWorkFactory
    actor: Actor
    members: MemberService
    consent: ConsentService
    segments: SegmentService
    privacy: PrivacyService
    duplicates: DuplicateService
    timeline: TimelineService
    #: Services the first screen does not need, made on first use (start-up stays quick).
    _later: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, database: Database, actor: Actor) -> Services:
        uow = UnitOfWorkFactory(database)
        members = MemberService(uow, database.reader, actor)
        consent = ConsentService(uow, actor)
        timeline = TimelineService(uow, database.reader, actor)
        privacy = PrivacyService(uow, actor, members, consent, timeline)
        return cls(database=database, uow=uow, actor=actor, members=members, consent=consent,
                   segments=SegmentService(uow, database.reader, actor), privacy=privacy,
                   duplicates=DuplicateService(uow, actor, members, privacy),
                   timeline=timeline)

    @property
    def outreach(self):
        if "outreach" not in self._later:
            from advocate_app.services.outreach import OutreachService

            self._later["outreach"] = OutreachService(self.uow, self.database.reader,
                                                      self.actor)
        return self._later["outreach"]

    @property
    def boards(self) -> BoardService:
        if "boards" not in self._later:
            from advocate_app.services.boards import BoardService

            self._later["boards"] = BoardService(self.uow, self.database.reader, self.actor)
        return self._later["boards"]

    @property
    def meetings(self) -> MeetingService:
        if "meetings" not in self._later:
            from advocate_app.services.meetings import MeetingService

            self._later["meetings"] = MeetingService(
                self.uow, self.database.reader, self.actor, boards=self.boards,
                minutes=self.minutes, actions=self.actions)
        return self._later["meetings"]

    @property
    def minutes(self) -> MinutesService:
        if "minutes" not in self._later:
            from advocate_app.services.minute_taking import MinutesService

            self._later["minutes"] = MinutesService(self.uow, self.database.reader, self.actor)
        return self._later["minutes"]

    @property
    def actions(self) -> ActionService:
        if "actions" not in self._later:
            from advocate_app.services.actions import ActionService

            self._later["actions"] = ActionService(self.uow, self.database.reader, self.actor)
        return self._later["actions"]

    @property
    def roles(self) -> RolesService:
        if "roles" not in self._later:
            from advocate_app.services.roles import RolesService

            self._later["roles"] = RolesService(self.uow, self.database.reader, self.actor)
        return self._later["roles"]

    def warm_up(self) -> None:
        """Load what saving needs (SQLAlchemy's ORM), so the first save is as quick as the rest."""
        from advocate_app.services import member_changes  # noqa: F401

        with self.uow():
            pass

    def close(self) -> None:
        self.database.dispose()
