"""The services the application uses, built once at start-up by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field

from advocate_app.domain.people import Actor
from advocate_app.services.consent import ConsentService
from advocate_app.services.duplicates import DuplicateService
from advocate_app.services.members import MemberService
from advocate_app.services.privacy import PrivacyService
from advocate_app.services.segments import SegmentService
from advocate_app.services.timeline import TimelineService
from advocate_app.storage.database import Database
from advocate_app.storage.unit_of_work import UnitOfWorkFactory


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
    def boards(self):
        if "boards" not in self._later:
            from advocate_app.services.boards import BoardService

            self._later["boards"] = BoardService(self.uow, self.database.reader, self.actor)
        return self._later["boards"]

    def warm_up(self) -> None:
        """Load what saving needs (SQLAlchemy's ORM), so the first save is as quick as the rest."""
        from advocate_app.services import member_changes  # noqa: F401

        with self.uow():
            pass

    def close(self) -> None:
        self.database.dispose()
