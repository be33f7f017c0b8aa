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
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from advocate_app.domain.people import Actor, Role, member_search_text, member_sort_key
from advocate_app.domain.text import fold
from advocate_app.services import demo_cultures as cultures
from advocate_app.services import demo_people as people
from advocate_app.services import demo_places as places
from advocate_app.services.demo_boards import add_sample_boards
from advocate_app.services.demo_stories import add_sample_stories
from advocate_app.services.demo_time import BASE_TIME
from advocate_app.services.demo_webinars import add_sample_feedback, add_sample_webinars
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from advocate_app.storage.unit_of_work import UnitOfWork

BATCH = 5000
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
    story_sessions: int = 0
    stories: int = 0
    webinars: int = 0
    registrations: int = 0
    feedback: int = 0


@dataclass
class _Batch:
    members: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    tags: list[dict[str, Any]] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)
    needs: list[dict[str, Any]] = field(default_factory=list)
    barriers: list[dict[str, Any]] = field(default_factory=list)
    conditions: list[dict[str, Any]] = field(default_factory=list)
    relationships: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)


#: The sample access-need tags as the structured needs of the member record.
_NEED_OF_TAG = {"large print": "large_print", "Easy Read": "easy_read",
                "screen reader": "screen_reader", "BSL interpreter": "sign_language",
                "step-free access": "step_free", "captions": "captions",
                "quiet room": "quiet_room"}
#: Barriers to taking part, with the share of members who have each.
_BARRIERS = (("travel", 0.12), ("work_hours", 0.10), ("caring", 0.09), ("cost", 0.05),
             ("digital", 0.04))


#: Rare connective tissue conditions (ORPHAcode, name) with how often members have each.
_CONDITIONS = (
    (("558", "Marfan syndrome"), 30), (("285", "Hypermobile Ehlers-Danlos syndrome"), 24),
    (("287", "Classical Ehlers-Danlos syndrome"), 6),
    (("286", "Vascular Ehlers-Danlos syndrome"), 5), (("60030", "Loeys-Dietz syndrome"), 7),
    (("666", "Osteogenesis imperfecta"), 12), (("758", "Pseudoxanthoma elasticum"), 4),
    (("828", "Stickler syndrome"), 6), (("324", "Fabry disease"), 3),
)
#: Sample timeline entries (kind, what happened) and how many a member has.
_TIMELINE = (
    ("call", "Called the helpline about school support for her son."),
    ("call", "Asked how to find a specialist clinic nearby."),
    ("email", "Sent the newly diagnosed pack by email."),
    ("letter", "Sent by post: the welcome letter."),
    ("event", "Came to the members' day and joined the clinic workshop."),
    ("event", "Joined the online coffee morning."),
    ("meeting", "Met the research nurse about the MOVE-well study."),
    ("note", "Happy to share their story for the newsletter."),
    ("note", "Prefers calls after 4 pm."),
)
_TIMELINE_COUNTS = (0, 0, 0, 1, 1, 1, 2, 3)

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
    from advocate_app.domain.access import Permission
    from advocate_app.services.access import require

    require(actor, Permission.IMPORT_EXPORT)  # a sample community is an import
    from advocate_app.storage.member_bulk import (
        insert_members,
        insert_rows,
        lock_for_new_members,
        reserve_member_ids,
    )

    community = _Community(random.Random(seed), actor, seed)
    with uow() as work:
        lock_for_new_members(work.session)
        ids = reserve_member_ids(work.session, members)
        done = 0
        while done < members:
            _stop_if_cancelled(work, should_cancel)
            size = min(BATCH, members - done)
            batch = community.batch(ids[done:done + size], done)
            insert_members(work.session, batch.members, batch.roles, batch.tags)
            insert_rows(work.session, "consent_records", batch.consents)
            insert_rows(work.session, "member_access_needs", batch.needs)
            insert_rows(work.session, "member_barriers", batch.barriers)
            insert_rows(work.session, "member_conditions", batch.conditions)
            insert_rows(work.session, "member_relationships", batch.relationships)
            insert_rows(work.session, "engagements", batch.timeline)
            done += size
            if progress is not None:
                progress(done, members)
        _stop_if_cancelled(work, should_cancel)
        items = _add_outreach_items(work.session, actor)
        boards, meetings = add_sample_boards(work.session, actor, seed)
        story_sessions, stories = add_sample_stories(work.session, actor, seed)
        webinars, registrations = add_sample_webinars(work.session, actor, seed)
        feedback = add_sample_feedback(work.session, actor, seed)
        work.commit()
    return DemoSummary(members=members, outreach_items=items, boards=boards,
                       meetings=meetings, story_sessions=story_sessions, stories=stories,
                       webinars=webinars, registrations=registrations, feedback=feedback)


def _add_outreach_items(session: Session, actor: Actor) -> int:
    """The sample leaflets, letters and invitations, once (not again on a second run)."""
    from sqlalchemy import func, select

    from advocate_app.domain.outreach import OutreachRecord
    from advocate_app.services.demo_outreach import sample_items

    if session.scalar(select(func.count()).select_from(OutreachRecord)):
        return 0
    from advocate_app.services.outreach_revisions import link_group

    items = sample_items()
    records = [OutreachRecord(
        kind=item.kind.value, title=item.title, language=item.language,
        group_name=item.group, content=item.to_json(), created_at=BASE_TIME,
        updated_at=BASE_TIME, created_by=actor.account_id, updated_by=actor.account_id)
        for item in items]
    session.add_all(records)
    link_group(session, records)  # the versions of one piece: a translation set
    session.flush()
    return len(items)


def _stop_if_cancelled(work: UnitOfWork, should_cancel: Callable[[], bool] | None) -> None:
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

    def __init__(self, rng: random.Random, actor: Actor, seed: int = 0):
        self.rng = rng
        self.actor = actor
        self.cultures = _Weighted(cultures.CULTURES, [c.weight for c in cultures.CULTURES])
        self.homes = {c.key: _Weighted(c.homes, [h.weight for h in c.homes])
                      for c in cultures.CULTURES}
        self.role_mix = _Weighted([r for r, _w in ROLE_MIX], [w for _r, w in ROLE_MIX])
        self.email_patterns = _Weighted([p for p, _w in _EMAIL_PATTERNS],
                                        [w for _p, w in _EMAIL_PATTERNS])
        self.access_needs = _Weighted([t for t, _w in people.ACCESS_NEED_TAGS],
                                      [w for _t, w in people.ACCESS_NEED_TAGS])
        self.emails: set[str] = set()
        self.recent_patients: list[int] = []
        # Consent and print formats come from a generator of their own, so the people drawn
        # from ``rng`` stay the same as before these were added.
        self.extra = random.Random(rng.random())
        # Health, relationships and timelines likewise, seeded without drawing from ``rng``.
        self.health = random.Random(f"health-{seed}")
        self.conditions = _Weighted([c for c, _w in _CONDITIONS], [w for _c, w in _CONDITIONS])

    def batch(self, ids: list[int], first_index: int) -> _Batch:
        batch = _Batch()
        for offset, member_id in enumerate(ids):
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
            self.health_and_history(batch, member_id, roles, row["created_at"])
        return batch

    def health_and_history(self, batch: _Batch, member_id: int, roles: tuple[Role, ...],
                           joined: datetime) -> None:
        """Conditions (patients live with one, carers care for someone with one), who they
        care for or treat among the members just made, and a few timeline entries."""
        rng = self.health
        if Role.PATIENT in roles or Role.CARER in roles:
            names = {self.conditions.pick(rng)}
            if rng.random() < 0.06:
                names.add(self.conditions.pick(rng))
            for name in sorted(names):
                confirmed = rng.random() < 0.8
                batch.conditions.append({
                    "member_id": member_id, "name": name[1], "orpha_code": name[0],
                    "diagnosis_confirmed": confirmed,
                    "genetic_test_done": confirmed and rng.random() < 0.55})
        patients = self.recent_patients
        if patients and Role.CARER in roles and rng.random() < 0.7:
            kind = "parent_of" if rng.random() < 0.45 else "carer_of"
            batch.relationships.append({"member_id": member_id,
                                        "related_id": rng.choice(patients), "kind": kind})
        if patients and Role.CLINICIAN in roles:
            for patient in rng.sample(patients, min(len(patients), rng.randrange(1, 4))):
                batch.relationships.append({"member_id": member_id, "related_id": patient,
                                            "kind": "clinician_of"})
        if Role.PATIENT in roles:
            patients.append(member_id)
            if len(patients) > 40:
                del patients[0]
        days = max(1, (BASE_TIME - joined).days)
        for _entry in range(_TIMELINE_COUNTS[int(rng.random() * len(_TIMELINE_COUNTS))]):
            kind, summary = _TIMELINE[int(rng.random() * len(_TIMELINE))]
            when = (joined + timedelta(days=int(rng.random() * days))).date()
            batch.timeline.append({"member_id": member_id, "kind": kind, "occurred_on": when,
                                   "summary": summary, "recorded_at": BASE_TIME,
                                   "recorded_by": self.actor.account_id})

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
        forced = index < len(cultures.CULTURES)
        culture = cultures.CULTURES[index] if forced else self.cultures.pick(rng)
        home = culture.homes[0] if forced else self.homes[culture.key].pick(rng)
        country = places.COUNTRIES[home.country]
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
            surname = rng.choice(culture.family)
            first = surname.female if female else surname.male
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
