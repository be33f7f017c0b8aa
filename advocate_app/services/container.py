"""The services the application uses, built once at start-up by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.people import Actor
from advocate_app.paths import AppPaths
from advocate_app.services.consent import ConsentService
from advocate_app.services.duplicates import DuplicateService
from advocate_app.services.members import MemberService
from advocate_app.services.privacy import PrivacyService
from advocate_app.services.segments import SegmentService
from advocate_app.services.timeline import TimelineService
from advocate_app.storage.database import Database
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:  # made on first use (start-up stays quick)
    from advocate_app.services.accounts import AccountService
    from advocate_app.services.actions import ActionService
    from advocate_app.services.audit import AuditService
    from advocate_app.services.backups import BackupService
    from advocate_app.services.board_documents import BoardDocumentService
    from advocate_app.services.boards import BoardService
    from advocate_app.services.dashboard import DashboardService
    from advocate_app.services.encryption import EncryptionService
    from advocate_app.services.feedback import FeedbackService
    from advocate_app.services.meetings import MeetingService
    from advocate_app.services.minute_taking import MinutesService
    from advocate_app.services.outreach import OutreachService
    from advocate_app.services.outreach_translations import OutreachTranslationService
    from advocate_app.services.roles import RolesService
    from advocate_app.services.stories import StoryService
    from advocate_app.services.story_sessions import StorySessionService
    from advocate_app.services.webinar_followup import WebinarFollowUpService
    from advocate_app.services.webinar_reports import WebinarReportService
    from advocate_app.services.webinars import WebinarService


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
    #: Where the data folder is (stories' recordings and photos are copied into it).
    paths: AppPaths | None = None

    @classmethod
    def build(cls, database: Database, actor: Actor, paths: AppPaths | None = None
              ) -> Services:
        uow = UnitOfWorkFactory(database)
        members = MemberService(uow, database.reader, actor)
        consent = ConsentService(uow, actor)
        timeline = TimelineService(uow, database.reader, actor)
        privacy = PrivacyService(uow, actor, members, consent, timeline,
                                 paths.story_files_dir if paths is not None else None,
                                 paths.backup_dir if paths is not None else None)
        return cls(database=database, uow=uow, actor=actor, members=members, consent=consent,
                   segments=SegmentService(uow, database.reader, actor), privacy=privacy,
                   duplicates=DuplicateService(uow, actor, members, privacy),
                   timeline=timeline, paths=paths)

    def as_actor(self, actor: Actor) -> Services:
        """The same database and data folder, every service acting as ``actor`` (the account
        signed in)."""
        return Services.build(self.database, actor, self.paths)

    # Services the first screen does not need are made on first use (start-up stays quick),
    # once: a cached property keeps each on the instance.

    @cached_property
    def accounts(self) -> AccountService:
        from advocate_app.services.accounts import AccountService

        return AccountService(self.uow, self.database.reader, self.actor)

    @cached_property
    def outreach(self) -> OutreachService:
        from advocate_app.services.outreach import OutreachService

        return OutreachService(self.uow, self.database.reader, self.actor)

    @cached_property
    def outreach_translations(self) -> OutreachTranslationService:
        from advocate_app.services.outreach_translations import OutreachTranslationService

        return OutreachTranslationService(self.uow, self.database.reader, self.actor)

    @cached_property
    def boards(self) -> BoardService:
        from advocate_app.services.boards import BoardService

        return BoardService(self.uow, self.database.reader, self.actor)

    @cached_property
    def meetings(self) -> MeetingService:
        from advocate_app.services.meetings import MeetingService

        return MeetingService(self.uow, self.database.reader, self.actor, boards=self.boards,
                              minutes=self.minutes, actions=self.actions)

    @cached_property
    def minutes(self) -> MinutesService:
        from advocate_app.services.minute_taking import MinutesService

        return MinutesService(self.uow, self.database.reader, self.actor)

    @cached_property
    def actions(self) -> ActionService:
        from advocate_app.services.actions import ActionService

        return ActionService(self.uow, self.database.reader, self.actor)

    @cached_property
    def roles(self) -> RolesService:
        from advocate_app.services.roles import RolesService

        return RolesService(self.uow, self.database.reader, self.actor)

    @cached_property
    def board_documents(self) -> BoardDocumentService:
        from advocate_app.services.board_documents import BoardDocumentService

        return BoardDocumentService(self.uow, self.actor, boards=self.boards,
                                    meetings=self.meetings,
                                    actions=self.actions, roles=self.roles)

    @cached_property
    def stories(self) -> StoryService:
        from advocate_app.services.stories import StoryService

        if self.paths is None:
            raise RuntimeError("stories need the data folder: build the services with paths")
        return StoryService(self.uow, self.database.reader, self.actor,
                            self.paths.story_files_dir)

    @cached_property
    def story_sessions(self) -> StorySessionService:
        from advocate_app.services.story_sessions import StorySessionService

        return StorySessionService(self.uow, self.database.reader, self.actor)

    @cached_property
    def webinars(self) -> WebinarService:
        from advocate_app.services.webinars import WebinarService

        return WebinarService(self.uow, self.database.reader, self.actor)

    @cached_property
    def webinar_followup(self) -> WebinarFollowUpService:
        from advocate_app.services.webinar_followup import WebinarFollowUpService

        return WebinarFollowUpService(self.uow, self.database.reader, self.actor,
                                      lambda: self.outreach, lambda: self.feedback)

    @cached_property
    def webinar_reports(self) -> WebinarReportService:
        from advocate_app.services.webinar_reports import WebinarReportService

        return WebinarReportService(self.uow, self.database.reader, self.actor)

    @cached_property
    def feedback(self) -> FeedbackService:
        from advocate_app.services.feedback import FeedbackService

        return FeedbackService(self.uow, self.database.reader, self.actor)

    @cached_property
    def audit(self) -> AuditService:
        from advocate_app.services.audit import AuditService

        return AuditService(self.uow, self.database.reader, self.actor)

    @cached_property
    def backups(self) -> BackupService:
        from advocate_app.services.backups import BackupService

        if self.paths is None:
            raise RuntimeError("backups need the data folder: build the services with paths")
        return BackupService(self.database, self.uow, self.actor, self.paths, self.privacy)

    @cached_property
    def encryption(self) -> EncryptionService:
        from advocate_app.services.encryption import EncryptionService

        return EncryptionService(self.database, self.actor,
                                 self.paths.backup_dir if self.paths is not None else None)

    @cached_property
    def dashboard(self) -> DashboardService:
        from advocate_app.services.dashboard import DashboardService

        return DashboardService(self.database.reader, lambda: self.story_sessions,
                                lambda: self.webinar_followup)

    def output_refusal(self, path: Path | str) -> str | None:
        """One sentence when ``path``, chosen to write a file or a folder of files into, is
        inside the data folder or is the database (``services/own_files.py``); else None."""
        from advocate_app.services.own_files import own_files_refusal

        if self.paths is None:
            return None
        return own_files_refusal(path, self.paths.data_dir, self.database.sqlite_file)

    def warm_up(self) -> None:
        """Load what saving needs (SQLAlchemy's ORM), so the first save is as quick as the rest."""
        from advocate_app.services import member_changes  # noqa: F401

        with self.uow():
            pass

    def changes(self) -> tuple[int, int]:
        """Moves whenever stored data may have changed (a save through these services, or by
        another client: another program on SQLite, another Advocate on PostgreSQL): a page
        that read at the same marker may keep its rows."""
        return self.uow.changes()

    def close(self) -> None:
        self.uow.close()
        self.database.dispose()
