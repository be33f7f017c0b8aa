"""``advocate-app stories list`` and ``stories uses`` as a script meets them."""

from __future__ import annotations

import json
from datetime import date, timedelta

from advocate_app.app import main
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.story_rules import Identification, StoryChannel
from advocate_app.domain.story_views import ConsentGrantInput, StoryInput
from tests.integration.test_stories import _uses


def _stories(services):
    teller = services.members.create(MemberInput(given_name="Amina", family_name="Haddad")).id
    named = services.stories.create(StoryInput(title="Seven years", text="I waited.",
                                               teller_id=teller))
    anonymous = services.stories.create(StoryInput(title="Unnamed", text="Nobody listened."))
    past = date.today() - timedelta(days=400)
    stories = services.stories
    stories.grant(named, frozenset({StoryChannel.NEWSLETTER, StoryChannel.LEAFLET}),
                  ConsentGrantInput(Identification.FIRST_NAME))
    stories.grant(named, frozenset({StoryChannel.WEBSITE}), ConsentGrantInput(
        effective_on=past, expires_on=past + timedelta(days=365)))
    items = _uses(services, named, ("Spring newsletter", StoryChannel.NEWSLETTER),
                  ("Clinic leaflet", StoryChannel.LEAFLET))
    stories.withdraw(named, frozenset({StoryChannel.LEAFLET}))
    return named, anonymous, items


def test_stories_list_shows_each_channels_consent(services, app_paths, capsys):
    named, anonymous, _items = _stories(services)
    assert main(["--data-dir", str(app_paths.data_dir), "stories", "list", "--json"]) == 0
    listed = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert set(listed) == {named, anonymous}
    assert (listed[named]["title"], listed[named]["teller"]) == ("Seven years", "Amina Haddad")
    assert listed[anonymous]["teller"] == "anonymous"
    states = {channel: value["state"] for channel, value in listed[named]["consent"].items()}
    assert states == {"newsletter": "granted", "leaflet": "withdrawn", "website": "expired",
                      "social_media": "none", "press": "none", "industry_talk": "none",
                      "regulator": "none"}
    assert listed[named]["consent"]["newsletter"]["identification"] == "first_name"
    assert all(value["state"] == "none" for value in listed[anonymous]["consent"].values())

    assert main(["--data-dir", str(app_paths.data_dir), "stories", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"{anonymous}\tUnnamed\tanonymous\tno consent recorded" in lines
    [row] = [line for line in lines if line.startswith(f"{named}\t")]
    assert "Newsletter: granted" in row and "Leaflets: withdrawn" in row
    assert "Website: expired" in row


def test_stories_uses_lists_each_item_and_rendering(services, app_paths, capsys):
    named, anonymous, items = _stories(services)
    assert main(["--data-dir", str(app_paths.data_dir), "stories", "uses", str(named),
                 "--json"]) == 0
    uses = json.loads(capsys.readouterr().out)
    assert [(u["item_id"], u["item_title"], u["channel"], u["do_not_reprint"]) for u in uses] == [
        (items["Spring newsletter"], "Spring newsletter", "newsletter", False),
        (items["Clinic leaflet"], "Clinic leaflet", "leaflet", True)]
    assert all(u["rendering_id"] for u in uses)

    assert main(["--data-dir", str(app_paths.data_dir), "stories", "uses", str(named)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[1].endswith("\tdo not reprint") and "Clinic leaflet" in lines[1]
    assert not lines[0].endswith("do not reprint")

    assert main(["--data-dir", str(app_paths.data_dir), "stories", "uses",
                 str(anonymous)]) == 0
    assert "No outreach item has used" in capsys.readouterr().out


def test_an_unknown_story_is_one_line_and_status_1(services, app_paths, capsys):
    assert main(["--data-dir", str(app_paths.data_dir), "stories", "uses", "999"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "advocate-app: There is no story 999."
