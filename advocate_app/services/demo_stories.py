"""Sample story-sharing for the demo: a session held last autumn (some came, one did not) and
one coming up online, and the stories told, with approved quotes and a mix of consents: one
granted for the newsletter and website, one whose website consent has expired, one withdrawn
from leaflets after a leaflet used it (so it is marked "do not reprint"), a child's story
co-signed by a parent, and one told anonymously. Written with the models in the demo's own
transaction, once."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from advocate_app.domain.people import Actor
from advocate_app.domain.story_rules import (
    Identification,
    SessionAttendance,
    SessionMode,
    SessionSupport,
    StoryChannel,
    StoryConsentState,
    StoryTheme,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_ZONE = "Europe/London"
_HELD_ON = date(2025, 10, 14)
_EXPIRED_FROM = date(2023, 9, 1)

#: (title, text, themes, the approved quote, child, anonymous)
_STORIES = (
    ("Seven years to a name",
     "For seven years every doctor told me I was just flexible. I kept a notebook of every "
     "dislocation. When the geneticist finally read it, she said the notebook was the "
     "diagnosis. I cried in the car park, not from sadness but because someone believed me.",
     (StoryTheme.DIAGNOSIS, StoryTheme.MENTAL_HEALTH),
     "When the geneticist finally read it, she said the notebook was the diagnosis.",
     False, False),
    ("Three trains to the clinic",
     "The specialist clinic is three trains away. A ten-minute appointment costs me a whole "
     "day and a day's pay. Video appointments would change everything for people like me.",
     (StoryTheme.TRAVEL, StoryTheme.COST, StoryTheme.WORK),
     "A ten-minute appointment costs me a whole day and a day's pay.", False, False),
    ("Caring for two",
     "Both my children have the condition. I gave up my job to get them to appointments and "
     "to school meetings. The group's helpline was the first place I did not have to explain "
     "everything from the beginning.",
     (StoryTheme.CARING, StoryTheme.SCHOOL, StoryTheme.WORK),
     "The group's helpline was the first place I did not have to explain everything from "
     "the beginning.", False, False),
    ("My brace is purple",
     "I wear a brace on my knee and I chose purple. At school some people asked about it and "
     "now my friends want purple ones too. I want other children to know it is fine.",
     (StoryTheme.SCHOOL, StoryTheme.TREATMENT),
     "I want other children to know it is fine.", True, False),
    ("Why I joined the study",
     "I joined the study because nobody should wait as long as I did. The visits were "
     "tiring, but the research nurse always asked what would make it easier.",
     (StoryTheme.RESEARCH,),
     "the research nurse always asked what would make it easier.", False, True),
)


def add_sample_stories(session: Session, actor: Actor, rng_seed: int) -> tuple[int, int]:
    """Two story-sharing sessions and five stories, once (not when a story exists already).
    People are picked with their own generator, so the same seed picks the same people.
    Returns (sessions, stories) added."""
    import uuid
    from zoneinfo import ZoneInfo

    from sqlalchemy import func, select

    from advocate_app.domain.community import AgeBand, EngagementKind
    from advocate_app.domain.members import Member
    from advocate_app.domain.outreach import OutreachRecord
    from advocate_app.domain.stories import (
        Story,
        StoryConsent,
        StoryQuote,
        StorySession,
        StorySessionParticipant,
        StoryUse,
    )
    from advocate_app.services import timeline
    from advocate_app.services.stories import consent_text, shared_text
    from advocate_app.services.story_sessions import participation_texts

    if session.scalar(select(func.count()).select_from(Story)) or session.scalar(
            select(func.count()).select_from(StorySession)):
        return 0, 0
    pool = list(session.scalars(select(Member.id).where(Member.archived_at.is_(None))
                                .order_by(Member.id)))
    if len(pool) < 8:
        return 0, 0
    rng = random.Random(f"stories-{rng_seed}")
    picked = rng.sample(pool, 8)
    facilitator, tellers, absent = picked[0], picked[1:5], picked[5]
    children = list(session.scalars(select(Member.id).where(
        Member.archived_at.is_(None), Member.age_band == AgeBand.CHILD.value,
        Member.id.not_in(picked)).order_by(Member.id).limit(50)))
    if children:  # the child's story is told by a child of the sample community
        tellers[3] = rng.choice(children)
    zone = ZoneInfo(_ZONE)
    by = actor.account_id

    def uid(number: int) -> str:
        return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'advocate-demo-story-{rng_seed}-{number}')}" \
               "@advocate.invalid"

    held = StorySession(
        title="Sharing our stories: the road to diagnosis", facilitator_id=facilitator,
        starts_at=datetime.combine(_HELD_ON, time(14, 0), zone).astimezone(UTC),
        duration_minutes=120, timezone=_ZONE, mode=SessionMode.IN_PERSON.value,
        place="Community Hall, Garden Room (ground floor)",
        support=",".join(sorted((SessionSupport.QUIET_ROOM.value, SessionSupport.BREAKS.value,
                                 SessionSupport.SUPPORT_PERSON.value))),
        notes="Tissues and water on every table. A quiet room across the corridor.",
        uid=uid(1), created_by=by)
    soon = datetime.now(UTC).date() + timedelta(days=24)
    upcoming = StorySession(
        title="Stories of caring", facilitator_id=facilitator,
        starts_at=datetime.combine(soon, time(18, 30), zone).astimezone(UTC),
        duration_minutes=90, timezone=_ZONE, mode=SessionMode.ONLINE.value,
        online_link="https://meet.example.org/stories-of-caring",
        support=SessionSupport.BREAKS.value, uid=uid(2), created_by=by)
    session.add_all([held, upcoming])
    session.flush()
    came = tellers[:4]
    for member_id in came:
        session.add(StorySessionParticipant(session_id=held.id, member_id=member_id,
                                            attendance=SessionAttendance.ATTENDED.value))
    session.add(StorySessionParticipant(session_id=held.id, member_id=absent,
                                        attendance=SessionAttendance.NO_SHOW.value))
    for member_id in tellers[:2]:
        session.add(StorySessionParticipant(session_id=upcoming.id, member_id=member_id))
    texts, later = participation_texts(held), participation_texts(upcoming)
    timeline.write(session, EngagementKind.EVENT, [
        *((m, texts[SessionAttendance.ATTENDED]) for m in came),
        (absent, texts[SessionAttendance.NO_SHOW])], recorded_by=by, occurred_on=_HELD_ON)
    timeline.write(session, EngagementKind.EVENT, [
        (m, later[SessionAttendance.UNKNOWN]) for m in tellers[:2]], recorded_by=by)

    stories = []
    for number, (title, text, themes, quote, is_child, anonymous) in enumerate(_STORIES):
        teller = None if anonymous else tellers[number]
        story = Story(teller_id=teller, session_id=held.id, title=title, text=text,
                      themes=",".join(sorted(t.value for t in themes)), language="en",
                      teller_is_child=is_child, told_on=_HELD_ON, created_by=by)
        session.add(story)
        session.flush()
        session.add(StoryQuote(story_id=story.id, text=quote, approved_on=_HELD_ON))
        if teller is not None:
            timeline.write(session, EngagementKind.EVENT, [(teller, shared_text(title))],
                           recorded_by=by, occurred_on=_HELD_ON)
        stories.append(story)

    def grant(story: Story, channels: set[StoryChannel], level: Identification,
              effective: date = _HELD_ON, expires: date | None = None,
              guardian: str = "") -> None:
        for channel in sorted(channels):
            session.add(StoryConsent(
                story_id=story.id, channel=channel.value,
                status=StoryConsentState.GRANTED.value, identification=level.value,
                effective_on=effective, expires_on=expires, guardian_name=guardian,
                evidence="Signed consent form, kept in the stories folder", recorded_by=by))
        if story.teller_id is not None:
            timeline.write(session, EngagementKind.EVENT, [(story.teller_id, consent_text(
                story.title, frozenset(channels), withdrawn=False))], recorded_by=by,
                occurred_on=effective)

    diagnosis, travel, caring, child, research = stories
    grant(diagnosis, {StoryChannel.NEWSLETTER, StoryChannel.WEBSITE},
          Identification.FIRST_NAME_TOWN)
    # Consent given two years earlier, for a year: the website may no longer use it.
    grant(travel, {StoryChannel.WEBSITE}, Identification.FIRST_NAME, _EXPIRED_FROM,
          _EXPIRED_FROM + timedelta(days=365))
    grant(travel, {StoryChannel.REGULATOR}, Identification.ANONYMOUS)
    grant(caring, {StoryChannel.LEAFLET, StoryChannel.NEWSLETTER}, Identification.FIRST_NAME)
    grant(child, {StoryChannel.NEWSLETTER}, Identification.FIRST_NAME,
          guardian="Parent (co-signed on the day)")
    grant(research, {StoryChannel.INDUSTRY_TALK, StoryChannel.PRESS}, Identification.ANONYMOUS)
    # A leaflet used the caring story; then its teller withdrew consent for leaflets.
    leaflet = session.scalars(select(OutreachRecord).order_by(OutreachRecord.id)).first()
    withdrawn_on = _HELD_ON + timedelta(days=60)
    if leaflet is not None:
        session.add(StoryUse(
            story_id=caring.id, item_id=leaflet.id, item_title=leaflet.title,
            channel=StoryChannel.LEAFLET.value, identification=Identification.FIRST_NAME.value,
            used_at=datetime.combine(_HELD_ON + timedelta(days=20), time(10), UTC),
            do_not_reprint_at=datetime.combine(withdrawn_on, time(11), UTC)))
    session.add(StoryConsent(
        story_id=caring.id, channel=StoryChannel.LEAFLET.value,
        status=StoryConsentState.WITHDRAWN.value, effective_on=withdrawn_on,
        evidence="Asked by phone", method="verbal", recorded_by=by))
    if caring.teller_id is not None:
        timeline.write(session, EngagementKind.EVENT, [(caring.teller_id, consent_text(
            caring.title, frozenset({StoryChannel.LEAFLET}), withdrawn=True))],
            recorded_by=by, occurred_on=withdrawn_on)
    session.flush()
    return 2, len(stories)
