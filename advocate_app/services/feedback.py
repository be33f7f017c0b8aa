"""Feedback on webinars, board meetings and story-sharing sessions: answers typed in, imported
from an online form's export (``feedback_import.py``) or returned on the paper form
(``feedback_paper.py``); each event's summary, the trend across events, and a comment turned
into a promise ("You said, we did") in one step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.board_views import zone
from advocate_app.domain.community import EngagementKind
from advocate_app.domain.feedback_views import (
    RATING_MAX,
    TEXT_LIMIT,
    EventChoice,
    EventKind,
    FeedbackImportReport,
    FeedbackInput,
    FeedbackSource,
    FeedbackSummary,
    FeedbackTrendPoint,
    FeedbackView,
)
from advocate_app.domain.people import Actor, member_display_name
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import _, mid_sentence
from advocate_app.services import timeline, versions
from advocate_app.services.access import require
from advocate_app.services.board_common import as_date
from advocate_app.services.errors import NotFoundError, ValidationError
from advocate_app.services.feedback_import import timeline_summary
from advocate_app.storage.reader import Reader, as_utc
from advocate_app.storage.unit_of_work import UnitOfWork, UnitOfWorkFactory

if TYPE_CHECKING:
    from advocate_app.domain.feedback import FeedbackResponse

#: The table holding each kind of event (all three have a title, a start and a time zone).
EVENT_TABLES = {EventKind.WEBINAR: "webinars", EventKind.MEETING: "meetings",
                EventKind.STORY_SESSION: "story_sessions"}
#: What a promise made from feedback names as its source.
PROMISE_SOURCES = {EventKind.WEBINAR: "webinar", EventKind.MEETING: "meeting",
                   EventKind.STORY_SESSION: "story"}

_COLUMNS = ("f.id, f.event_kind, f.event_id, f.member_id, m.given_name, m.family_name, "
            "m.preferred_name, f.rating, f.worked, f.change, f.comments, f.may_contact, "
            "f.source, f.received_on, f.promise_id, f.version")


class FeedbackService:
    def __init__(self, uow: UnitOfWorkFactory, reader: Reader, actor: Actor):
        self._uow = uow
        self._reader = reader
        self._actor = actor

    # -- events ---------------------------------------------------------------------------------
    def event(self, event_kind: EventKind, event_id: int) -> EventChoice:
        require(self._actor, Permission.RUN_EVENTS)
        kind = EventKind(event_kind)
        rows = self._reader.rows(
            f"SELECT id, title, starts_at, timezone FROM {EVENT_TABLES[kind]} WHERE id = :id",
            {"id": event_id})
        if not rows:
            raise NotFoundError(_("There is no {kind} {id}.").format(kind=mid_sentence(kind.label),
                                                                     id=event_id))
        return self._choice(kind, rows[0])

    @staticmethod
    def _choice(kind: EventKind, row: tuple, responses: int = 0) -> EventChoice:
        starts = as_utc(row[2])
        held = starts.astimezone(zone(row[3] or "UTC")).date() if starts else date.today()
        return EventChoice(kind, row[0], row[1], held, responses)

    def events(self, event_kind: EventKind) -> list[EventChoice]:
        """Every event of a kind, newest first, with how many answers each has."""
        require(self._actor, Permission.RUN_EVENTS)
        kind = EventKind(event_kind)
        rows = self._reader.rows(
            f"SELECT e.id, e.title, e.starts_at, e.timezone, (SELECT count(*) FROM "
            f"feedback_responses f WHERE f.event_kind = :kind AND f.event_id = e.id) "
            f"FROM {EVENT_TABLES[kind]} e ORDER BY e.starts_at DESC, e.id DESC",
            {"kind": kind.value})
        return [self._choice(kind, r[:4], r[4]) for r in rows]

    def events_with_feedback(self, event_kind: EventKind | None = None) -> list[EventChoice]:
        require(self._actor, Permission.RUN_EVENTS)
        kinds = [EventKind(event_kind)] if event_kind else list(EventKind)
        found = [e for kind in kinds for e in self.events(kind) if e.responses]
        return sorted(found, key=lambda e: (e.held_on, e.event_kind.value, e.event_id),
                      reverse=True)

    # -- answers --------------------------------------------------------------------------------
    def add(self, event_kind: EventKind, event_id: int, data: FeedbackInput) -> int:
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.domain.feedback import FeedbackResponse

        event = self.event(event_kind, event_id)
        received = self._validated(data)
        with self._uow() as uow:
            self._check_member(uow, data.member_id)
            response = FeedbackResponse(
                event_kind=event.event_kind.value, event_id=event.event_id,
                member_id=data.member_id, rating=data.rating, worked=data.worked.strip(),
                change=data.change.strip(), comments=data.comments.strip(),
                may_contact=data.may_contact, source=FeedbackSource(data.source).value,
                received_on=received, recorded_by=self._actor.account_id)
            uow.session.add(response)
            if data.member_id is not None:
                timeline.write(uow.session, EngagementKind.EVENT,
                               [(data.member_id, timeline_summary(event, data.rating))],
                               recorded_by=self._actor.account_id, occurred_on=received)
            uow.commit()
            return response.id

    def update(self, response_id: int, data: FeedbackInput,
               expected_version: int | None = None) -> None:
        """``expected_version``: the answer's version the person started from (see
        services/versions.py)."""
        require(self._actor, Permission.RUN_EVENTS)
        received = self._validated(data)
        with self._uow() as uow:
            response = self._response(uow, response_id)
            versions.expect_version(response, expected_version, lambda: self.get(response_id))
            self._check_member(uow, data.member_id)
            event = self.event(EventKind(response.event_kind), response.event_id)
            if (data.member_id, data.rating) != (response.member_id, response.rating):
                # The timeline says who answered and the rating given: it follows the answer.
                if response.member_id is not None:
                    timeline.forget_one(uow.session, response.member_id, EngagementKind.EVENT,
                                        timeline_summary(event, response.rating))
                if data.member_id is not None:
                    timeline.write(uow.session, EngagementKind.EVENT,
                                   [(data.member_id, timeline_summary(event, data.rating))],
                                   recorded_by=self._actor.account_id, occurred_on=received)
            response.member_id = data.member_id
            response.rating = data.rating
            response.worked, response.change = data.worked.strip(), data.change.strip()
            response.comments = data.comments.strip()
            response.may_contact = data.may_contact
            response.source = FeedbackSource(data.source).value
            response.received_on = received
            versions.commit(uow, lambda: self.get(response_id))

    def delete(self, response_id: int) -> None:
        """Delete an answer, and the entry it put on the member's timeline."""
        require(self._actor, Permission.RUN_EVENTS)
        with self._uow() as uow:
            response = self._response(uow, response_id)
            try:
                event = self.event(EventKind(response.event_kind), response.event_id)
            except NotFoundError:
                event = None  # the event itself is gone: so is what the entry named
            if response.member_id is not None and event is not None:
                timeline.forget_one(uow.session, response.member_id, EngagementKind.EVENT,
                                    timeline_summary(event, response.rating))
            uow.session.delete(response)
            uow.commit()

    def get(self, response_id: int) -> FeedbackView:
        require(self._actor, Permission.RUN_EVENTS)
        rows = self._reader.rows(
            f"SELECT {_COLUMNS} FROM feedback_responses f LEFT JOIN members m ON "
            "m.id = f.member_id WHERE f.id = :id", {"id": response_id})
        if not rows:
            raise NotFoundError(_("This answer no longer exists."))
        return _view(rows[0])

    def responses(self, event_kind: EventKind, event_id: int) -> list[FeedbackView]:
        require(self._actor, Permission.RUN_EVENTS)
        rows = self._reader.rows(
            f"SELECT {_COLUMNS} FROM feedback_responses f LEFT JOIN members m ON "
            "m.id = f.member_id WHERE f.event_kind = :kind AND f.event_id = :event "
            "ORDER BY f.received_on DESC, f.id DESC",
            {"kind": EventKind(event_kind).value, "event": event_id})
        return [_view(r) for r in rows]

    def summary(self, event_kind: EventKind, event_id: int) -> FeedbackSummary:
        require(self._actor, Permission.RUN_EVENTS)
        return summarise(self.responses(event_kind, event_id))

    def trend(self, event_kind: EventKind | None = None) -> list[FeedbackTrendPoint]:
        """Each event with feedback, oldest first: how many answered and the average rating
        (one reading per kind of event, however many events)."""
        require(self._actor, Permission.RUN_EVENTS)
        kinds = [EventKind(event_kind)] if event_kind else list(EventKind)
        points = []
        for kind in kinds:
            rows = self._reader.rows(
                f"SELECT e.id, e.title, e.starts_at, e.timezone, count(f.id), "
                f"sum(CASE WHEN f.rating > 0 THEN f.rating ELSE 0 END), "
                f"sum(CASE WHEN f.rating > 0 THEN 1 ELSE 0 END) "
                f"FROM feedback_responses f JOIN {EVENT_TABLES[kind]} e ON e.id = f.event_id "
                f"WHERE f.event_kind = :kind GROUP BY e.id, e.title, e.starts_at, e.timezone",
                {"kind": kind.value})
            for row in rows:
                event = self._choice(kind, row[:4], int(row[4]))
                rated = int(row[6] or 0)
                average = round(int(row[5] or 0) / rated, 2) if rated else None
                points.append(FeedbackTrendPoint(kind, event.event_id, event.title,
                                                 event.held_on, event.responses, average))
        return sorted(points, key=lambda p: (p.held_on, p.event_kind.value, p.event_id))

    # -- a comment becomes a promise ------------------------------------------------------------
    def make_promise(self, response_id: int, text: str, *, owner_member_id: int | None = None,
                     owner_role: str = "", due_on: date | None = None, audience: str = "",
                     you_said: str | None = None) -> int:
        """Turn an answer's comment into a promise ("You said" is the comment unless
        ``you_said`` is given), in the same transaction as linking the answer to it; returns
        the promise's id. A board meeting's promise belongs to its board."""
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.domain.boards import Meeting, Promise

        if not text.strip():
            raise ValidationError({"text": _("Write down what was promised.")})
        if owner_member_id is None and not owner_role.strip():
            raise ValidationError({"owner": _("Say who will keep the promise: a person or a "
                                              "role.")})
        view = self.get(response_id)
        said = (view.comment if you_said is None else you_said).strip()
        if not said:
            raise ValidationError({"you_said": _("This answer has no comment for a promise to "
                                                 "answer.")})
        with self._uow() as uow:
            response = self._response(uow, response_id)
            if response.promise_id is not None:
                raise ValidationError({"promise": _("This answer has already become a "
                                                    "promise.")})
            self._check_member(uow, owner_member_id)
            meeting_id = board_id = None
            if view.event_kind is EventKind.MEETING:
                meeting = uow.session.get(Meeting, view.event_id)
                if meeting is not None:
                    meeting_id, board_id = meeting.id, meeting.board_id
            promise = Promise(text=text.strip(), you_said=said[:TEXT_LIMIT],
                              source=PROMISE_SOURCES[view.event_kind], meeting_id=meeting_id,
                              board_id=board_id, owner_member_id=owner_member_id,
                              owner_role=owner_role.strip(), audience=audience.strip(),
                              due_on=due_on)
            uow.session.add(promise)
            uow.session.flush()
            response.promise_id = promise.id
            uow.commit()
            return promise.id

    # -- files ----------------------------------------------------------------------------------
    def import_csv(self, event_kind: EventKind, event_id: int, path: Path | str, *,
                   dry_run: bool = False, progress: Callable[[int, int], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> FeedbackImportReport:
        """Import the answers of an online form's export (Google Forms, Microsoft Forms or a
        CSV with recognisable headers) in one transaction; answers imported before are not
        added again. ``dry_run`` says what would happen and changes nothing."""
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.services.feedback_import import import_answers

        event = self.event(event_kind, event_id)
        return import_answers(self._uow, self._reader, self._actor, event, Path(path),
                              dry_run=dry_run, progress=progress, should_cancel=should_cancel)

    def write_paper_form(self, event_kind: EventKind, event_id: int, path: Path | str, *,
                         language: str = "en", profile: ProfileKey = ProfileKey.STANDARD,
                         member_name: str = "", page_size: str = "A4") -> Path:
        """Write the event's printable feedback form as a tagged PDF; returns the path."""
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.services.feedback_paper import write_form

        return write_form(self.event(event_kind, event_id), Path(path), language=language,
                          profile=ProfileKey(profile), member_name=member_name,
                          page_size=page_size)

    def write_paper_form_for(self, member_id: int, event_kind: EventKind, event_id: int,
                             path: Path | str) -> Path:
        """The paper form for one member: in their language and print format, their name on
        it."""
        require(self._actor, Permission.RUN_EVENTS)
        from advocate_app.services.feedback_paper import member_preferences

        name, language, profile = member_preferences(self._reader, member_id)
        return self.write_paper_form(event_kind, event_id, path, language=language,
                                     profile=profile, member_name=name)

    # -- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _validated(data: FeedbackInput) -> date:
        errors = {}
        if data.rating not in range(0, RATING_MAX + 1):
            errors["rating"] = _("A rating is from 1 to {most}, or none.").format(most=RATING_MAX)
        if not (data.rating or data.worked.strip() or data.change.strip()
                or data.comments.strip()):
            errors["comments"] = _("Give a rating or write what the person said.")
        for name, text in (("worked", data.worked), ("change", data.change),
                           ("comments", data.comments)):
            if len(text) > TEXT_LIMIT:
                errors[name] = _("This is too long: at most {limit} characters.").format(
                    limit=TEXT_LIMIT)
        received = data.received_on or date.today()
        if received > date.today():
            errors["received_on"] = _("Feedback cannot be received in the future.")
        try:
            FeedbackSource(data.source)
        except ValueError:
            errors["source"] = _("“{source}” is not a way feedback arrives.").format(
                source=data.source)
        if errors:
            raise ValidationError(errors)
        return received

    @staticmethod
    def _check_member(uow: UnitOfWork, member_id: int | None) -> None:
        from advocate_app.domain.members import Member

        if member_id is not None and uow.session.get(Member, member_id) is None:
            raise NotFoundError(_("This member no longer exists."))

    @staticmethod
    def _response(uow: UnitOfWork, response_id: int) -> FeedbackResponse:
        from advocate_app.domain.feedback import FeedbackResponse

        response = uow.session.get(FeedbackResponse, response_id)
        if response is None:
            raise NotFoundError(_("This answer no longer exists."))
        return response


def _view(r: tuple) -> FeedbackView:
    return FeedbackView(r[0], EventKind(r[1]), r[2], r[3],
                        member_display_name(r[4] or "", r[5] or "", r[6] or ""), int(r[7] or 0),
                        r[8] or "", r[9] or "", r[10] or "", bool(r[11]), FeedbackSource(r[12]),
                        as_date(r[13]) or date.today(), r[14], r[15])


def summarise(responses: list[FeedbackView]) -> FeedbackSummary:
    rated = [r.rating for r in responses if r.rating]
    distribution = {value: rated.count(value) for value in range(1, RATING_MAX + 1)}
    average = round(sum(rated) / len(rated), 2) if rated else None
    return FeedbackSummary(len(responses), len(rated), average, distribution,
                           sum(1 for r in responses if r.may_contact))
