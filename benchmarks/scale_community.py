"""A large community with webinars and stories, shared by ``bench_webinars.py``,
``bench_stories.py`` and ``soak_events.py``.

Starts from the sample members ``startup.py`` builds (``benchmarks/.cache/startup-100k/``),
copies its database into a scratch folder, opens it with the app's own services (which brings
the schema up to date) and adds, through the same services a person's actions would call:

- ``add_webinars``: webinars over the last three years and the next months (most held, with
  registrations and attendance written straight into the table, as earlier imports would have
  left them), and one upcoming webinar with many registrations made one by one through
  ``WebinarService.register`` (timed: the organiser's "register" button);
- ``add_stories``: stories told by members (some anonymous), with themes, approved quotes,
  consent per channel (granted, some expired, some withdrawn) and uses by outreach items.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from startup import cache_folder, ensure_database, qt_environment  # noqa: E402

__all__ = ["add_stories", "add_webinars", "cache_folder", "ensure_database", "open_services_at",
           "prepare", "qt_environment", "rss_mb"]


def prepare(members: int, target: Path, env: dict[str, str]) -> Path:
    """A copy of the sample community of ``members`` members in ``target``."""
    source = cache_folder(members)
    ensure_database(source, members, env)
    target.mkdir(parents=True, exist_ok=True)
    for name in ("advocate.sqlite3", "settings.ini"):
        if (source / name).exists():
            shutil.copy2(source / name, target / name)
    return target


def open_services_at(data_dir: Path):
    from advocate_app.app import open_services
    from advocate_app.paths import AppPaths

    paths = AppPaths(data_dir)
    return open_services(paths.default_database_url(), paths)


def rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines()
                if line.startswith("VmRSS")) / 1024


def member_ids(data_dir: Path) -> list[int]:
    with sqlite3.connect(data_dir / "advocate.sqlite3") as db:
        return [r[0] for r in db.execute(
            "SELECT id FROM members WHERE erased_at IS NULL ORDER BY id")]


# --- webinars --------------------------------------------------------------------------------


def add_webinars(services, data_dir: Path, *, webinars: int = 200, big: int = 2000,
                 others_each: int = 60, seed: int = 11) -> dict:
    """Returns {"big": id, "held": [ids], "upcoming": [ids], "register_ms": [...]}."""
    from advocate_app.domain.webinar_views import RegistrationInput, WebinarInput
    from advocate_app.domain.webinars import WebinarAccess, WebinarStatus

    rng = random.Random(seed)
    now = datetime.now().replace(second=0, microsecond=0)
    held_count = webinars * 3 // 4
    held, upcoming = [], []
    for n in range(webinars):
        if n < held_count:
            starts = now - timedelta(days=3 + (held_count - n) * 5, hours=rng.randrange(6))
            status = WebinarStatus.HELD
        else:
            starts = now + timedelta(days=2 + (n - held_count) * 3, hours=rng.randrange(6))
            status = WebinarStatus.OPEN
        view = services.webinars.create(WebinarInput(
            title=f"Living well with a rare condition, part {n + 1}", starts_local=starts,
            duration_minutes=rng.choice((45, 60, 90)), timezone="Europe/London",
            join_link=f"https://zoom.us/j/{81234567890 + n}", capacity=0 if n % 5 else 500,
            access_offered=frozenset({WebinarAccess.CAPTIONS, WebinarAccess.SIGN_LANGUAGE}),
            sign_language="BSL", status=status))
        (held if status is WebinarStatus.HELD else upcoming).append(view.id)

    ids = member_ids(data_dir)
    # Registrations of the other webinars, as earlier registrations and imports left them.
    db = sqlite3.connect(data_dir / "advocate.sqlite3")
    sample = services.webinars.register(held[0], ids[0])  # the stored formats, from the app
    stamp_format = db.execute("SELECT registered_at FROM webinar_registrations WHERE id = ?",
                              (sample.id,)).fetchone()[0]
    rows = []
    for webinar_id in held[1:] + upcoming[1:]:  # the big one is registered below
        is_held = webinar_id in held
        for member_id in rng.sample(ids, others_each):
            came = is_held and rng.random() < 0.6
            rows.append((webinar_id, member_id, "registered",
                         rng.choice(("", "", "", "captions", "sign_language")), "", "",
                         "typed", "", stamp_format,
                         ("attended" if came else "no_show") if is_held else "unknown",
                         rng.randrange(5, 90) if came else 0, "report" if is_held else ""))
    db.executemany(
        "INSERT INTO webinar_registrations (webinar_id, member_id, status, needs, "
        "interpretation_language, needs_notes, source, ticket_type, registered_at, attendance, "
        "minutes_attended, attendance_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows)
    db.commit()
    db.close()

    # The big one: registered one by one, as the organiser's button does, past its capacity.
    big_id = upcoming[0]
    taken = set()
    register_ms = []
    needs = (frozenset(), frozenset(), frozenset({WebinarAccess.CAPTIONS}),
             frozenset({WebinarAccess.SIGN_LANGUAGE}), frozenset({WebinarAccess.LARGE_PRINT}))
    for member_id in rng.sample(ids, big + 200):
        if len(taken) >= big:
            break
        if member_id in taken:
            continue
        taken.add(member_id)
        started = time.perf_counter()
        services.webinars.register(big_id, member_id,
                                   RegistrationInput(needs=rng.choice(needs)))
        register_ms.append((time.perf_counter() - started) * 1000)
    return {"big": big_id, "held": held, "upcoming": upcoming, "register_ms": register_ms}


# --- stories ---------------------------------------------------------------------------------

STORY_WORDS = ("diagnosis took four years and three hospitals before anyone listened to us; "
               "the travel to the specialist centre is two trains and a bus, and every visit "
               "costs a day off work. Caring for my son means planning every week around "
               "appointments, and taking part in research gave us hope again.").split()


def add_stories(services, data_dir: Path, *, stories: int = 5000, seed: int = 5) -> list[int]:
    """``stories`` stories (one in ten anonymous) with quotes, consents and uses; returns
    their ids. Consents: most granted for some channels, one in twenty expired, one in
    twenty-five withdrawn; one in ten used by an outreach item."""
    from advocate_app.domain.story_rules import Identification, StoryChannel, StoryTheme
    from advocate_app.domain.story_views import ConsentGrantInput, StoryInput

    rng = random.Random(seed)
    ids = member_ids(data_dir)
    themes = list(StoryTheme)
    channels = list(StoryChannel)
    made = []
    today = date.today()
    for n in range(stories):
        anonymous = n % 10 == 0
        words = rng.sample(STORY_WORDS, len(STORY_WORDS))
        text = " ".join(words)
        story_id = services.stories.create(StoryInput(
            title=f"Story {n + 1}: {' '.join(words[:4])}", text=text,
            teller_id=None if anonymous else rng.choice(ids),
            themes=frozenset(rng.sample(themes, rng.randrange(1, 4))),
            told_on=today - timedelta(days=rng.randrange(1, 2000))))
        services.stories.add_quote(story_id, " ".join(words[3:12]))
        chosen = frozenset(rng.sample(channels, rng.randrange(1, 5)))
        expired = n % 20 == 7
        level = Identification.ANONYMOUS if anonymous else rng.choice(list(Identification))
        services.stories.grant(story_id, chosen, ConsentGrantInput(
            identification=level,
            effective_on=today - timedelta(days=400 if expired else 30),
            expires_on=(today - timedelta(days=10)) if expired else None))
        if n % 10 == 3:
            services.stories.record_use(story_id, sorted(chosen)[0], item_id=None,
                                        item_title=f"Newsletter {n}")
        if n % 25 == 11:
            services.stories.withdraw(story_id)
        made.append(story_id)
    return made
