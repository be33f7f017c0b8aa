"""Values put into a right-to-left sentence keep their own direction and their place."""

from __future__ import annotations

import gettext

import pytest

from advocate_app.i18n import _, ngettext, set_translations
from advocate_app.i18n.bidi import FSI, PDI

ARABIC = {"Webinar: “{title}”, {when}": "ندوة: «{title}»، {when}",
          "{n} member": "{n:,} عضو", "{n} members": "{n:,} أعضاء",
          "{title}.ics": "{title}.ics"}
FRENCH = {"Webinar: “{title}”, {when}": "Webinaire : « {title} », {when}"}


class _Catalog(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]):
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.messages.get(singular if n == 1 else plural, plural)


@pytest.fixture
def speaking():
    def use(language: str, messages: dict[str, str]) -> None:
        set_translations(_Catalog(messages), language)
    yield use
    set_translations(gettext.NullTranslations(), "en")


def test_an_english_title_and_a_date_in_an_arabic_sentence_are_each_isolated(speaking):
    speaking("ar", ARABIC)
    shown = _("Webinar: “{title}”, {when}").format(title="Spring meeting", when="15/12/2026")
    # Without the isolates the date's digits would join the English title before them.
    assert shown == f"ندوة: «{FSI}Spring meeting{PDI}»، {FSI}15/12/2026{PDI}"
    assert ngettext("{n} member", "{n} members", 12345).format(n=12345) \
        == f"{FSI}12,345{PDI} أعضاء"  # formatted as the catalog asks, then isolated


def test_a_left_to_right_sentence_and_a_file_name_are_left_as_they_are(speaking):
    speaking("ar", ARABIC)
    assert _("{title}.ics").format(title="Spring") == "Spring.ics"  # no Arabic letter in it
    speaking("fr", FRENCH)
    assert _("Webinar: “{title}”, {when}").format(title="Réunion", when="demain") \
        == "Webinaire : « Réunion », demain"


def test_a_sentence_of_values_and_punctuation_reads_right_to_left_in_arabic(speaking):
    from advocate_app.i18n.bidi import RLM

    speaking("ar", {"{name} ({role}): {status}": "{name} ({role}): {status}"})
    shown = _("{name} ({role}): {status}").format(name="Hélène Vincent", role="الرئيس",
                                                  status="حاضر")
    # Its first letter is English: without the mark the whole line would read left to right.
    assert shown == f"{RLM}{FSI}Hélène Vincent{PDI} ({FSI}الرئيس{PDI}): {FSI}حاضر{PDI}"
    speaking("fr", {"{name} ({role}): {status}": "{name} ({role}) : {status}"})
    assert _("{name} ({role}): {status}").format(name="A", role="B", status="C") == "A (B) : C"
