"""A realistic, repeatable sample community, for trying Advocate out and for benchmarks.

The same seed always gives the same people. Rows are written with bulk inserts in one
transaction: 100,000 members take seconds, and a cancelled run leaves nothing behind.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from advocate_app.domain.people import Actor, Role, member_search_text, member_sort_key
from advocate_app.domain.text import fold
from advocate_app.services.demo_people import (
    ACCESS_NEED_TAGS,
    CULTURES,
    EMAIL_DOMAINS,
    NORDIC_LANGUAGES,
    NOTES,
    PHONE_PREFIXES,
    TOPIC_TAGS,
    Culture,
)
from advocate_app.storage.unit_of_work import UnitOfWorkFactory

BATCH = 5000
#: Sample timestamps are spread over the three years before this moment, never the clock.
BASE_TIME = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)

_ROLE_WEIGHTS = (
    ((Role.PATIENT,), 34), ((Role.CARER,), 22), ((Role.PATIENT, Role.VOLUNTEER), 6),
    ((Role.CARER, Role.VOLUNTEER), 4), ((Role.VOLUNTEER,), 8), ((Role.CLINICIAN,), 7),
    ((Role.RESEARCHER,), 5), ((Role.STAFF,), 3), ((Role.CARER, Role.BOARD_MEMBER), 2),
    ((Role.PATIENT, Role.BOARD_MEMBER), 2), ((Role.CLINICIAN, Role.BOARD_MEMBER), 1),
    ((Role.INDUSTRY,), 3), ((Role.REGULATOR,), 2), ((Role.RESEARCHER, Role.BOARD_MEMBER), 1),
)
_PRONOUNS = ("", "", "", "", "", "", "", "she/her", "he/him", "they/them")


class DemoCancelled(Exception):
    """The sample community was cancelled; nothing was written."""


@dataclass(frozen=True)
class DemoSummary:
    members: int


def generate_demo(uow: UnitOfWorkFactory, actor: Actor, *, members: int, seed: int,
                  progress: Callable[[int, int], None] | None = None,
                  should_cancel: Callable[[], bool] | None = None) -> DemoSummary:
    from advocate_app.storage.member_bulk import (
        insert_members,
        next_member_id,
        reset_member_sequence,
    )

    rng = random.Random(seed)
    cultures = list(CULTURES)
    weights = [c.weight for c in CULTURES]
    role_sets = [r for r, _w in _ROLE_WEIGHTS]
    role_weights = [w for _r, w in _ROLE_WEIGHTS]
    with uow() as work:
        session = work.session
        first_id = next_member_id(session)
        done = 0
        while done < members:
            if should_cancel is not None and should_cancel():
                work.rollback()
                raise DemoCancelled()
            size = min(BATCH, members - done)
            rows, roles, tags = [], [], []
            for offset in range(size):
                member_id = first_id + done + offset
                # The first people cycle through every culture, so even a small sample shows all.
                culture = cultures[done + offset] if done + offset < len(cultures) else (
                    rng.choices(cultures, weights)[0])
                row, member_tags = _person(rng, culture, member_id, actor)
                rows.append(row)
                chosen = role_sets[(done + offset) % len(role_sets)] if (
                    done + offset < len(role_sets)) else rng.choices(role_sets, role_weights)[0]
                roles.extend({"member_id": member_id, "role": r.value} for r in chosen)
                tags.extend({"member_id": member_id, "tag": t} for t in member_tags)
            insert_members(session, rows, roles, tags)
            done += size
            if progress is not None:
                progress(done, members)
        if should_cancel is not None and should_cancel():
            work.rollback()
            raise DemoCancelled()
        reset_member_sequence(session)
        work.commit()
    return DemoSummary(members=members)


def _person(rng: random.Random, culture: Culture, member_id: int, actor: Actor):
    given = rng.choice(culture.given).replace("_", " ")
    family = rng.choice(culture.family).replace("_", " ")
    country = rng.choice(culture.countries)
    language = NORDIC_LANGUAGES.get(country, culture.language) if culture.key == "nordic" else (
        culture.language)
    if country in ("GB", "US", "IE", "CA") and culture.key not in ("en-gb", "en-us") and (
            rng.random() < 0.5):
        language = "en"
    preferred = ""
    if rng.random() < 0.06:
        preferred = given[:3] if len(given) > 4 else ""
    email = "" if rng.random() < 0.08 else _email(rng, given, family, member_id)
    phone = "" if rng.random() < 0.15 else _phone(rng, country)
    member_tags: list[str] = []
    if rng.random() < 0.13:
        member_tags.append(rng.choice(ACCESS_NEED_TAGS))
        if rng.random() < 0.25:
            second = rng.choice(ACCESS_NEED_TAGS)
            if second not in member_tags:
                member_tags.append(second)
    if rng.random() < 0.2:
        member_tags.append(rng.choice(TOPIC_TAGS))
    created = BASE_TIME - timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60))
    updated = created + timedelta(minutes=rng.randrange(0, 200 * 24 * 60))
    archived = updated if rng.random() < 0.02 else None
    row = {
        "id": member_id, "given_name": given, "family_name": family,
        "preferred_name": preferred, "pronouns": rng.choice(_PRONOUNS), "email": email,
        "phone": phone, "address": _address(rng, culture, country),
        "postcode": _postcode(rng, culture.postcode), "country": country,
        "preferred_language": language,
        "notes": rng.choice(NOTES) if rng.random() < 0.1 else "",
        "sort_name": member_sort_key(given, family, preferred),
        "search_text": member_search_text(given, family, preferred, email, phone, member_tags),
        "archived_at": archived, "created_at": created, "updated_at": updated,
        "created_by": actor.account_id, "updated_by": actor.account_id, "version": 1,
    }
    return row, member_tags


def _ascii(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isascii() and ch.isalnum())


def _email(rng: random.Random, given: str, family: str, member_id: int) -> str:
    local = ".".join(part for part in (_ascii(given), _ascii(family)) if part)
    if not local:  # names in scripts without an ASCII form
        local = "member"
    return f"{local}{member_id}@{rng.choice(EMAIL_DOMAINS)}"


def _phone(rng: random.Random, country: str) -> str:
    prefix = PHONE_PREFIXES.get(country, "+44")
    digits = "".join(str(rng.randrange(10)) for _ in range(9))
    return f"{prefix} {digits[:3]} {digits[3:6]} {digits[6:]}"


def _postcode(rng: random.Random, pattern: str) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXY"
    return "".join(str(rng.randrange(10)) if ch == "9" else rng.choice(letters) if ch == "A"
                   else ch for ch in pattern)


def _address(rng: random.Random, culture: Culture, country: str) -> str:
    street = rng.choice(culture.streets).replace("_", " ")
    town = rng.choice(culture.towns).replace("_", " ")
    number = rng.randrange(1, 240)
    if culture.key in ("en-gb", "en-us", "fr", "yo", "hi", "ta"):
        return f"{number} {street}\n{town}"
    return f"{street} {number}\n{town}"
