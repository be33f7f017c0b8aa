"""A realistic, repeatable sample community, for trying Advocate out and for benchmarks.

People come from many cultures and scripts (see ``demo_people``), weighted like the membership of
a UK-based European rare-disease charity; every role, access need and gap a real list has shows
up, even in a few hundred members.

The same seed always gives the same people: everything is drawn from one ``random.Random(seed)``
and dates count back from a fixed moment, never from the clock. Ids follow the highest one in the
database, so a second run adds people beside the first.

Rows are written with bulk inserts (``storage.member_bulk``) in batches of 5,000, all in ONE
transaction committed at the end: 100,000 members take seconds, and a cancelled or failed run
leaves nothing behind.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from advocate_app.domain.people import Actor, Role, member_search_text, member_sort_key
from advocate_app.domain.text import fold
from advocate_app.services import demo_people as people
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

BATCH = 5000
#: Sample dates lie in the three years before this moment.
BASE_TIME = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
_HISTORY_MINUTES = 3 * 365 * 24 * 60

#: Who people are to the charity, with how often each combination occurs.
ROLE_MIX: tuple[tuple[tuple[Role, ...], int], ...] = (
    ((Role.PATIENT,), 34), ((Role.CARER,), 22), ((Role.PATIENT, Role.VOLUNTEER), 6),
    ((Role.CARER, Role.VOLUNTEER), 4), ((Role.VOLUNTEER,), 8), ((Role.CLINICIAN,), 7),
    ((Role.RESEARCHER,), 5), ((Role.STAFF,), 3), ((Role.CARER, Role.BOARD_MEMBER), 2),
    ((Role.PATIENT, Role.BOARD_MEMBER), 2), ((Role.CLINICIAN, Role.BOARD_MEMBER), 1),
    ((Role.INDUSTRY,), 3), ((Role.REGULATOR,), 2), ((Role.RESEARCHER, Role.BOARD_MEMBER), 1),
)

#: E-mail address patterns: g given name, f family name, i initial, d two digits.
_EMAIL_PATTERNS = (("{g}.{f}", 40), ("{g}{f}", 8), ("{i}{f}", 9), ("{i}.{f}", 5),
                   ("{g}_{f}", 4), ("{f}.{g}", 4), ("{g}.{f}{d}", 12), ("{g}{d}", 7),
                   ("{f}{i}", 4), ("{g}-{f}", 3), ("{g}{f}{d}", 4))
_LETTERS = "ABDEFGHJLNPRSTUWXYZ"  # the letters used in postcodes almost everywhere
_EAST_ASIAN = frozenset({"zh", "ja", "ko", "vi"})

FEMALE_SHARE = 0.55
EMAIL_MISSING = 0.08
PHONE_MISSING = 0.15
ACCESS_NEED_SHARE = 0.13
NOTE_SHARE = 0.10
ARCHIVED_SHARE = 0.02


class DemoCancelled(Exception):
    """The sample community was cancelled; nothing was written."""


@dataclass(frozen=True)
class DemoSummary:
    members: int
    outreach_items: int = 0
    boards: int = 0
    meetings: int = 0


@dataclass
class _Batch:
    members: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    tags: list[dict[str, Any]] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)
    needs: list[dict[str, Any]] = field(default_factory=list)
    barriers: list[dict[str, Any]] = field(default_factory=list)


#: The sample access-need tags as the structured needs of the member record.
_NEED_OF_TAG = {"large print": "large_print", "Easy Read": "easy_read",
                "screen reader": "screen_reader", "BSL interpreter": "sign_language",
                "step-free access": "step_free", "captions": "captions",
                "quiet room": "quiet_room"}
#: Barriers to taking part, with the share of members who have each.
_BARRIERS = (("travel", 0.12), ("work_hours", 0.10), ("caring", 0.09), ("cost", 0.05),
             ("digital", 0.04))


#: Consent given when people joined: (purpose, share who agreed); a few later withdrew.
_CONSENTS = (("newsletter", 0.86), ("events", 0.72), ("research", 0.35), ("photos", 0.4))
_WITHDRAWN_SHARE = 0.04


def generate_demo(uow: UnitOfWorkFactory, actor: Actor, *, members: int, seed: int,
                  progress: Callable[[int, int], None] | None = None,
                  should_cancel: Callable[[], bool] | None = None) -> DemoSummary:
    """Add ``members`` sample people; the same seed gives the same people.

    ``progress(done, total)`` is called after each batch of 5,000. When ``should_cancel()``
    returns True, everything is rolled back and :class:`DemoCancelled` is raised.
    """
    from advocate_app.storage.member_bulk import (
        insert_members,
        insert_rows,
        next_member_id,
        reset_member_sequence,
    )

    community = _Community(random.Random(seed), actor)
    with uow() as work:
        _open_write_transaction(work.session)
        first_id = next_member_id(work.session)
        done = 0
        while done < members:
            _stop_if_cancelled(work, should_cancel)
            size = min(BATCH, members - done)
            batch = community.batch(first_id + done, done, size)
            insert_members(work.session, batch.members, batch.roles, batch.tags)
            insert_rows(work.session, "consent_records", batch.consents)
            insert_rows(work.session, "member_access_needs", batch.needs)
            insert_rows(work.session, "member_barriers", batch.barriers)
            done += size
            if progress is not None:
                progress(done, members)
        _stop_if_cancelled(work, should_cancel)
        reset_member_sequence(work.session)
        items = _add_outreach_items(work.session, actor)
        boards, meetings = _add_boards(work.session, actor, seed)
        work.commit()
    return DemoSummary(members=members, outreach_items=items, boards=boards,
                       meetings=meetings)


def _add_outreach_items(session, actor: Actor) -> int:
    """The sample leaflets, letters and invitations, once (not again on a second run)."""
    from sqlalchemy import func, select

    from advocate_app.domain.outreach import OutreachRecord
    from advocate_app.services.demo_outreach import sample_items

    if session.scalar(select(func.count()).select_from(OutreachRecord)):
        return 0
    items = sample_items()
    for item in items:
        session.add(OutreachRecord(
            kind=item.kind.value, title=item.title, language=item.language,
            group_name=item.group, content=item.to_json(), created_at=BASE_TIME,
            updated_at=BASE_TIME, created_by=actor.account_id, updated_by=actor.account_id))
    session.flush()
    return len(items)


#: The sample boards' meetings are held in this zone, at this local time.
_BOARD_ZONE = "Europe/London"
_BOARD_PLACE = "Community Hall, Room 2 (ground floor)"
_BOARD_LINK = "https://meet.example.org/patient-advisory-board"


def _add_boards(session, actor: Actor, rng_seed: int) -> tuple[int, int]:
    """A patient advisory board with two past meetings and one coming up, and a research
    steering committee, once (not when a board exists already).

    Members are picked with their own generator from the people in the database, so the same
    seed picks the same people. The past meetings have fixed dates (before ``BASE_TIME``); the
    next meeting is three weeks from today, so the sample always has one to come. Returns
    (boards, meetings) added.
    """
    import uuid
    from datetime import date, time
    from zoneinfo import ZoneInfo

    from sqlalchemy import func, select

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
    from advocate_app.domain.governance import DEFAULT_RACI_ACTIVITIES
    from advocate_app.domain.members import Member

    if session.scalar(select(func.count()).select_from(Board)):
        return 0, 0
    pool = list(session.scalars(select(Member.id).where(Member.archived_at.is_(None))
                                .order_by(Member.id)))
    if len(pool) < 8:
        return 0, 0  # too few people for a board with a chair, a secretary and members
    rng = random.Random(f"boards-{rng_seed}")
    picked = rng.sample(pool, min(len(pool), 13))
    chair, secretary, observer = picked[0], picked[1], picked[2]
    members = picked[3:8]
    past_member = picked[8] if len(picked) > 8 else None
    committee = picked[9:13] if len(picked) >= 13 else picked[3:7]
    zone = ZoneInfo(_BOARD_ZONE)

    def utc(day: date, hour: int = 18, minute: int = 30) -> datetime:
        return datetime.combine(day, time(hour, minute), zone).astimezone(UTC)

    def uid(number: int) -> str:
        return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'advocate-demo-{rng_seed}-{number}')}" \
               "@advocate.invalid"

    # -- the boards and who sits on them ------------------------------------------------------
    advisory = Board(
        name="Patient Advisory Board", kind="advisory_board", quorum_count=0,
        quorum_percent=50, timezone=_BOARD_ZONE, created_at=BASE_TIME,
        created_by=actor.account_id,
        terms_of_reference=(
            "The board brings the experience of patients and families to the charity's "
            "research work. It reviews study plans and patient-facing materials, advises trial "
            "sponsors, and reports back to the community. It meets four times a year; a "
            "meeting is quorate when more than half of the voting members are present, in "
            "person or online."))
    steering = Board(
        name="Research Steering Committee", kind="steering_committee", quorum_count=4,
        quorum_percent=50, timezone=_BOARD_ZONE, created_at=BASE_TIME,
        created_by=actor.account_id,
        terms_of_reference=(
            "The committee oversees the natural-history study and the patient registry: "
            "data access requests, publications and the annual report to funders."))
    session.add_all([advisory, steering])
    session.flush()
    term = date(2024, 1, 1)
    memberships = [(chair, "chair"), (secretary, "secretary"), (observer, "observer"),
                   *[(m, "member") for m in members]]
    for member_id, role in memberships:
        session.add(BoardMembership(board_id=advisory.id, member_id=member_id, role=role,
                                    term_start=term if role != "observer" else date(2025, 1, 1)))
    if past_member is not None:
        session.add(BoardMembership(board_id=advisory.id, member_id=past_member, role="member",
                                    term_start=date(2021, 1, 1), term_end=date(2024, 12, 31)))
    steering_roles = [(members[0], "chair"), (secretary, "secretary"),
                      *[(m, "member") for m in committee if m not in (members[0], secretary)]]
    for member_id, role in steering_roles:
        session.add(BoardMembership(board_id=steering.id, member_id=member_id, role=role,
                                    term_start=date(2025, 4, 1), term_end=date(2028, 3, 31)))

    # -- two past meetings -----------------------------------------------------------------------
    first_day, second_day = date(2025, 10, 14), date(2025, 12, 9)
    first = Meeting(board_id=advisory.id, title="Autumn meeting", starts_at=utc(first_day),
                    ends_at=utc(first_day, 20, 30), timezone=_BOARD_ZONE, place=_BOARD_PLACE,
                    online_link=_BOARD_LINK, arrangements="breaks,captions,step_free",
                    uid=uid(1), sequence=1, live_started_at=utc(first_day),
                    closed_at=utc(first_day, 20, 25), minutes_status="approved",
                    circulated_at=utc(date(2025, 10, 21), 10, 0),
                    approved_at=utc(second_day, 18, 40), approved_by=actor.account_id,
                    approval_note="Approved with one correction: the date of the sponsor's "
                                  "webinar is 3 November, not 3 October.",
                    created_at=utc(date(2025, 9, 1), 10, 0))
    second = Meeting(board_id=advisory.id, title="Winter meeting", starts_at=utc(second_day),
                     ends_at=utc(second_day, 20, 30), timezone=_BOARD_ZONE, place=_BOARD_PLACE,
                     online_link=_BOARD_LINK, arrangements="breaks,captions,large_print_papers",
                     arrangements_notes="Papers sent in large print to two members on request.",
                     uid=uid(2), live_started_at=utc(second_day),
                     closed_at=utc(second_day, 20, 20), minutes_status="circulated",
                     circulated_at=utc(date(2025, 12, 16), 10, 0),
                     created_at=utc(date(2025, 11, 1), 10, 0))
    session.add_all([first, second])
    session.flush()
    first.approved_at_meeting_id = second.id

    def attend(meeting: Meeting, member_id: int, status: str, mode: str = "in_person",
               role: str = "member") -> None:
        session.add(Attendance(meeting_id=meeting.id, member_id=member_id, status=status,
                               mode=mode, role=role))

    for meeting, absent_one in ((first, members[4]), (second, members[2])):
        attend(meeting, chair, "present", role="chair")
        attend(meeting, secretary, "present", role="secretary")
        attend(meeting, observer, "present", "remote", "observer")
        for index, member_id in enumerate(members):
            if member_id == absent_one:
                attend(meeting, member_id, "apologies")
            else:
                attend(meeting, member_id, "present", "remote" if index == 1 else "in_person")

    def agenda(meeting: Meeting, entries: list[tuple[str, str, int, str]],
               held: bool = True) -> list[AgendaItem]:
        items = [AgendaItem(meeting_id=meeting.id, position=position, title=title,
                            presenter=presenter, minutes_allotted=minutes, notes=notes,
                            notes_saved_at=meeting.closed_at if held else None,
                            started_at=meeting.starts_at if held else None,
                            seconds_spent=minutes * 60 if held else 0)
                 for position, (title, presenter, minutes, notes) in enumerate(entries)]
        session.add_all(items)
        session.flush()
        return items

    _welcome, study, leaflet = agenda(first, [
        ("Welcome and apologies", "Chair", 5,
         "The chair welcomed everyone, including the new observer from the trial sponsor's "
         "patient engagement team.\n\nApologies were received from one member."),
        ("Study visit schedule", "Trial sponsor's patient engagement lead", 40,
         "The sponsor presented the draft schedule of study visits. The first visit lasts "
         "about six hours, with blood tests, a walking test and questionnaires.\n\n"
         "Members said six hours is too long for children and for adults who tire quickly. "
         "Families travelling from far away would need to stay overnight.\n\n"
         "The sponsor said home visits for blood tests may be possible and will check."),
        ("Draft patient information sheet", "Secretary", 30,
         "Members read the draft sheet before the meeting. It is long (14 pages) and uses "
         "words such as “randomised” and “adverse event” without explaining them.\n\n"
         "Members suggested a one-page summary at the front and an Easy Read version."),
    ])
    _arising, walk_test, results = agenda(second, [
        ("Matters arising: comments on the patient information sheet", "Secretary", 10,
         "The comments were sent to the sponsor on 28 October. The sponsor accepted most of "
         "them; the new version has a one-page summary and a glossary."),
        ("Outcome measures: the six-minute walk test", "Chair", 45,
         "The sponsor proposes the six-minute walk test as the main outcome measure.\n\n"
         "Several members said it leaves out people who use wheelchairs or cannot walk for "
         "six minutes. A seated alternative (an arm-strength test) was discussed.\n\n"
         "After discussion the board voted on its advice to the sponsor."),
        ("Sharing results with the community", "Charity staff", 20,
         "People at the last webinar asked for the interim results in plain language. "
         "Members agreed the lay summary should say what the results mean for families, "
         "not only what was measured."),
    ])

    # -- decisions, actions and promises -------------------------------------------------------
    session.add_all([
        Decision(meeting_id=first.id, agenda_item_id=study.id,
                 text="Advise the sponsor to split the first study visit over two days and to "
                      "offer home visits for blood tests.",
                 decided_by="The board, by consensus", created_at=first.starts_at),
        Decision(meeting_id=first.id, agenda_item_id=leaflet.id,
                 text="Ask for a one-page summary and an Easy Read version of the patient "
                      "information sheet.",
                 decided_by="The board, by consensus", created_at=first.starts_at),
        Decision(meeting_id=second.id, agenda_item_id=walk_test.id,
                 text="Advise the sponsor to keep the six-minute walk test only with a seated "
                      "alternative for people who cannot walk for six minutes.",
                 decided_by="Vote: 5 for, 1 against",
                 dissent="One member felt any walking test excludes wheelchair users and "
                         "asked for this to be recorded.",
                 created_at=second.starts_at),
    ])
    done_action = ActionItem(
        meeting_id=first.id, board_id=advisory.id, agenda_item_id=leaflet.id,
        text="Send the board's comments on the patient information sheet to the sponsor",
        owner_member_id=secretary, due_on=date(2025, 10, 31), status="done",
        done_at=utc(date(2025, 10, 28), 11, 0), created_at=first.starts_at)
    open_action = ActionItem(
        meeting_id=second.id, board_id=advisory.id, agenda_item_id=walk_test.id,
        text="Ask the ethics committee whether carers' travel costs can be paid for study "
             "visits",
        owner_role="Charity staff", due_on=date(2026, 1, 31), status="open",
        created_at=second.starts_at)
    results_action = ActionItem(
        meeting_id=second.id, board_id=advisory.id, agenda_item_id=results.id,
        text="Draft the lay summary of the interim results for the board to review",
        owner_member_id=chair, owner_role="Chair", due_on=date(2026, 1, 15), status="done",
        done_at=utc(date(2026, 1, 12), 9, 0), created_at=second.starts_at)
    session.add_all([done_action, open_action, results_action])

    upcoming_day = date.today() + timedelta(days=21)
    session.add_all([
        Promise(source="meeting", meeting_id=first.id, board_id=advisory.id,
                you_said="Study visits are too long for children and for people who tire "
                         "quickly.",
                text="We will ask the sponsor to split the first visit over two days.",
                owner_role="Chair", audience="Families in the study", due_on=date(2025, 12, 31),
                status="kept", kept_on=date(2025, 12, 1), created_at=first.starts_at,
                evidence="The sponsor agreed: the first visit is now split over two days, and "
                         "blood tests can be done at home."),
        Promise(source="meeting", meeting_id=second.id, board_id=advisory.id,
                you_said="We want the study results in plain language.",
                text="We will publish a lay summary of the interim results.",
                owner_role="Patient Advisory Board", audience="Members and families",
                due_on=upcoming_day, status="open", created_at=second.starts_at),
    ])
    session.flush()

    # -- the next meeting, three weeks from today ----------------------------------------------
    upcoming = Meeting(board_id=advisory.id, title="Next quarterly meeting",
                       starts_at=utc(upcoming_day), ends_at=utc(upcoming_day, 20, 30),
                       timezone=_BOARD_ZONE, place=_BOARD_PLACE, online_link=_BOARD_LINK,
                       arrangements="bsl_interpreter,captions,step_free",
                       arrangements_notes="A quiet room is available next door.",
                       uid=uid(3), created_at=BASE_TIME)
    session.add(upcoming)
    session.flush()
    for member_id, role in memberships:
        session.add(Attendance(meeting_id=upcoming.id, member_id=member_id, role=role))
    arising_next = agenda(upcoming, [
        ("Matters arising: " + open_action.text, "", 5, ""),
        ("Approval of the minutes of the winter meeting", "Chair", 5, ""),
        ("Lay summary of the interim results", "Chair", 30, ""),
        ("Plans for the community day", "Charity staff", 25, ""),
    ], held=False)[0]
    arising_next.action_id = open_action.id

    # -- who does what ---------------------------------------------------------------------------
    parties = [RaciParty(board_id=advisory.id, position=position, name=name)
               for position, name in enumerate(("Advisory board", "Trial sponsor",
                                                "Ethics committee", "Charity staff"), start=1)]
    activities = [RaciActivity(board_id=advisory.id, position=position, name=name)
                  for position, name in enumerate(DEFAULT_RACI_ACTIVITIES, start=1)]
    session.add_all(parties + activities)
    session.flush()
    # One row per activity (in DEFAULT_RACI_ACTIVITIES order), one letter per party.
    matrix = ("CACI", "IAIC", "RIIA", "ACIR", "RACC", "IAIR", "IAIR")
    for activity, row in zip(activities, matrix, strict=True):
        for party, value in zip(parties, row, strict=True):
            session.add(RaciCell(activity_id=activity.id, party_id=party.id, value=value))
    session.flush()
    return 2, 3


def _open_write_transaction(session) -> None:
    """Start the transaction with a write that changes nothing.

    Python's sqlite3 opens a transaction only before INSERT, UPDATE or DELETE; schema statements
    run before that (the bulk insert drops and recreates SQLite's full-text trigger) would be
    committed at once and survive a cancel.
    """
    from sqlalchemy import text

    session.execute(text("UPDATE members SET version = version WHERE 1 = 0"))


def _stop_if_cancelled(work, should_cancel: Callable[[], bool] | None) -> None:
    if should_cancel is not None and should_cancel():
        work.rollback()
        raise DemoCancelled()


class _Weighted:
    """Picks from weighted choices with one random number."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]):
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.total)]


@dataclass(frozen=True)
class _Person:
    given: str
    family: str
    given_slug: str
    family_slug: str
    female: bool


class _Community:
    """Makes people one batch at a time, drawing everything from one random generator."""

    def __init__(self, rng: random.Random, actor: Actor):
        self.rng = rng
        self.actor = actor
        self.cultures = _Weighted(people.CULTURES, [c.weight for c in people.CULTURES])
        self.homes = {c.key: _Weighted(c.homes, [h.weight for h in c.homes])
                      for c in people.CULTURES}
        self.role_mix = _Weighted([r for r, _w in ROLE_MIX], [w for _r, w in ROLE_MIX])
        self.email_patterns = _Weighted([p for p, _w in _EMAIL_PATTERNS],
                                        [w for _p, w in _EMAIL_PATTERNS])
        self.access_needs = _Weighted([t for t, _w in people.ACCESS_NEED_TAGS],
                                      [w for _t, w in people.ACCESS_NEED_TAGS])
        self.emails: set[str] = set()
        # Consent and print formats come from a generator of their own, so the people drawn
        # from ``rng`` stay the same as before these were added.
        self.extra = random.Random(rng.random())

    def batch(self, first_id: int, first_index: int, size: int) -> _Batch:
        batch = _Batch()
        for offset in range(size):
            member_id = first_id + offset
            row, roles, tags = self.member(member_id, first_index + offset)
            batch.members.append(row)
            batch.roles.extend({"member_id": member_id, "role": r.value} for r in roles)
            batch.tags.extend({"member_id": member_id, "tag": t} for t in tags)
            row["print_format"] = self.print_format(tags)
            batch.needs.extend({"member_id": member_id, "need": _NEED_OF_TAG[t]}
                               for t in tags if t in _NEED_OF_TAG)
            batch.barriers.extend({"member_id": member_id, "barrier": barrier}
                                  for barrier, share in _BARRIERS
                                  if self.extra.random() < share)
            batch.consents.extend(self.consents(member_id, row["created_at"]))
        return batch

    def print_format(self, tags: list[str]) -> str:
        if "Easy Read" in tags:
            return "easy_read"
        if "large print" in tags:
            return "large_print"
        roll = self.extra.random()
        return ("braille" if roll < 0.004 else "audio" if roll < 0.01
                else "digital" if roll < 0.12 else "standard")

    def consents(self, member_id: int, joined: datetime) -> list[dict[str, Any]]:
        rows = []
        for purpose, share in _CONSENTS:
            if self.extra.random() >= share:
                continue
            rows.append({"member_id": member_id, "purpose": purpose, "status": "granted",
                         "method": "online", "effective_on": joined.date(),
                         "expires_on": None, "evidence": "", "recorded_at": joined,
                         "recorded_by": self.actor.account_id})
            if self.extra.random() < _WITHDRAWN_SHARE:
                later = joined + timedelta(days=30 + int(self.extra.random() * 300))
                rows.append({**rows[-1], "status": "withdrawn", "method": "email",
                             "effective_on": later.date(), "recorded_at": later})
        return rows

    def member(self, member_id: int, index: int) -> tuple[dict[str, Any], tuple[Role, ...],
                                                          list[str]]:
        rng = self.rng
        # The first people go round every culture (in its own script, at home) and every
        # role, so even a small sample shows them all.
        forced = index < len(people.CULTURES)
        culture = people.CULTURES[index] if forced else self.cultures.pick(rng)
        home = culture.homes[0] if forced else self.homes[culture.key].pick(rng)
        country = people.COUNTRIES[home.country]
        roles = ROLE_MIX[index][0] if index < len(ROLE_MIX) else self.role_mix.pick(rng)
        native = forced or rng.random() < home.native_script
        person = self.person(culture, native)
        preferred, pronouns = self.preferred_and_pronouns(person, culture, home)
        email = "" if rng.random() < EMAIL_MISSING else self.email(person, roles)
        phone = "" if rng.random() < PHONE_MISSING else _fill(rng, rng.choice(country.phones))
        place = rng.choice(country.places)
        tags = self.tags(country.code)
        created, updated = self.dates()
        row = {
            "id": member_id, "given_name": person.given, "family_name": person.family,
            "preferred_name": preferred, "pronouns": pronouns, "email": email, "phone": phone,
            "address": self.address(country, place),
            "postcode": _fill(rng, place.postcode or country.postcode),
            "country": country.code, "preferred_language": self.language(home),
            "region": place.region,
            "notes": rng.choice(people.NOTES) if rng.random() < NOTE_SHARE else "",
            "sort_name": member_sort_key(person.given, person.family, preferred),
            "search_text": member_search_text(person.given, person.family, preferred, email,
                                              phone, tags),
            "archived_at": updated if rng.random() < ARCHIVED_SHARE else None,
            "created_at": created, "updated_at": updated,
            "created_by": self.actor.account_id, "updated_by": self.actor.account_id,
            "version": 1,
        }
        return row, roles, tags

    def person(self, culture: people.Culture, native: bool) -> _Person:
        rng = self.rng
        female = rng.random() < FEMALE_SHARE
        given = rng.choice(culture.female if female else culture.male)
        for _attempt in range(5):  # never someone famous
            first = rng.choice(culture.family)
            first = first.female if female else first.male
            if f"{_slug(given.latin)} {_slug(first.latin)}" not in people.FAMOUS:
                break
        family = [first]
        if culture.double_family and rng.random() < culture.double_family:
            second = rng.choice(culture.family)
            family.append(second.female if female else second.male)
        form = "native" if native else "latin"
        return _Person(getattr(given, form), " ".join(getattr(f, form) for f in family),
                       _slug(given.latin), _slug(first.latin), female)

    def preferred_and_pronouns(self, person: _Person, culture: people.Culture,
                               home: people.Home) -> tuple[str, str]:
        rng = self.rng
        chance = rng.random()
        if chance < 0.008:  # a chosen name and pronouns
            return rng.choice(people.NEUTRAL_NAMES), "they/them"
        preferred = ""
        nicknames = people.NICKNAMES.get(person.given)
        if nicknames and chance < 0.3:
            preferred = rng.choice(nicknames)
        elif culture.key in _EAST_ASIAN and home is not culture.homes[0] and chance < 0.25:
            preferred = rng.choice(people.ENGLISH_FEMALE if person.female
                                   else people.ENGLISH_MALE)
        if preferred and fold(f"{preferred} {person.family}") in people.FAMOUS:
            preferred = ""
        said = rng.random()
        if said < 0.10:
            return preferred, "she/her" if person.female else "he/him"
        if said < 0.115:
            return preferred, "they/them"
        return preferred, ""

    def email(self, person: _Person, roles: tuple[Role, ...]) -> str:
        rng = self.rng
        given, family = person.given_slug, person.family_slug
        local = self.email_patterns.pick(rng).format(
            g=given, f=family, i=given[:1], d=rng.randrange(10, 100))
        work = [d for r in roles for d in people.WORK_DOMAINS.get(r.value, ())]
        domains = work if work and rng.random() < 0.6 else people.EMAIL_DOMAINS
        domain = rng.choice(domains)
        address = f"{local}@{domain}"
        digits = 10
        while address in self.emails:  # unique within a run
            address = f"{local}{rng.randrange(digits)}@{domain}"
            digits *= 10
        self.emails.add(address)
        return address

    def address(self, country: people.Country, place: people.Place) -> str:
        rng = self.rng
        return rng.choice(country.addresses).format(
            street=rng.choice(country.streets), town=place.town, n=rng.randrange(1, 240),
            m=rng.randrange(1, 30), c=rng.randrange(1, 7), u=rng.randrange(1, 60))

    def language(self, home: people.Home) -> str:
        if len(home.languages) == 1 or self.rng.random() < 0.7:
            return home.languages[0]
        return self.rng.choice(home.languages)

    def tags(self, country_code: str) -> list[str]:
        rng = self.rng
        tags: list[str] = []
        if rng.random() < ACCESS_NEED_SHARE:
            for _need in range(2 if rng.random() < 0.25 else 1):
                need = self.access_needs.pick(rng)
                if need in people.UK_ONLY_TAGS and country_code != "GB":
                    continue
                if need not in tags:
                    tags.append(need)
        tags.extend(tag for tag, share in people.TOPIC_TAGS if rng.random() < share)
        return sorted(tags)  # in the order the member's record lists them

    def dates(self) -> tuple[datetime, datetime]:
        """When the record was created and last changed: both before BASE_TIME."""
        age = self.rng.randrange(1, _HISTORY_MINUTES)
        since_change = self.rng.randrange(0, age) if self.rng.random() < 0.4 else age
        return (BASE_TIME - timedelta(minutes=age),
                BASE_TIME - timedelta(minutes=since_change))


@lru_cache(maxsize=4096)
def _slug(name: str) -> str:
    """A name as an e-mail address would hold it: "O'Brien-Núñez" -> "obriennunez"."""
    return "".join(ch for ch in fold(name) if ch.isascii() and ch.isalnum())


def _fill(rng: random.Random, pattern: str) -> str:
    """A pattern with ``#`` (digit), ``%`` (digit 2-9) and ``@`` (letter) filled in."""
    if not pattern:
        return ""
    count = pattern.count("#")
    digits = iter(f"{rng.randrange(10 ** count):0{count}d}") if count else iter(())
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(next(digits))
        elif ch == "%":
            out.append(rng.choice("23456789"))
        elif ch == "@":
            out.append(rng.choice(_LETTERS))
        else:
            out.append(ch)
    return "".join(out)
