"""The pseudo-languages: selectable like real ones, every message visibly transformed, and
everything a translation must keep kept."""

from __future__ import annotations

import re

import pytest

from advocate_app.i18n import (
    _,
    current_language,
    install_language,
    is_right_to_left,
    ngettext,
    pgettext,
)
from advocate_app.i18n.catalogs import available_languages
from advocate_app.i18n.pseudo import CLOSE, OPEN, PDF, PROTECTED, RLO, accented, mirrored

KEPT = PROTECTED


@pytest.fixture(autouse=True)
def _back_to_english(tmp_path):
    yield
    install_language("en", tmp_path)


def test_the_accented_language_is_chosen_like_a_real_one(tmp_path):
    assert install_language("en-XA", tmp_path) == "en_XA"
    assert current_language() == "en_XA"
    shown = _("Members")
    assert shown.startswith(OPEN) and shown.endswith(CLOSE)
    assert "Members" not in shown and "Ṁéṁƀéŕš" in shown
    assert not is_right_to_left()


def test_the_mirrored_language_runs_right_to_left(tmp_path):
    assert install_language("ar_XB", tmp_path) == "ar_XB"
    assert is_right_to_left()
    assert is_right_to_left("ar_XB") and is_right_to_left("ur") and not is_right_to_left("en_XA")
    assert _("Members") == "\u200f" + RLO + "Members" + PDF + "\u200f"


def test_accented_messages_are_about_forty_percent_longer():
    source = "Send the minutes to every member of the board"
    shown = accented(source)
    assert 1.3 * len(source) <= len(shown) - 2 <= 1.5 * len(source)
    assert not re.search("[A-Za-z]{2,}", shown)  # no word left in plain English


@pytest.mark.parametrize("source", [
    "{n} members in the community.",
    "Saved {path:>10} for %(prog)s and %s, 100 %% done",
    "<b>Consent</b> &amp; <a href=\"https://example.org/x?a=1\">privacy</a>&nbsp;notice",
    "&Save as segment…",
    "Tom && Jerry {{not a field}}",
])
def test_placeholders_tags_entities_and_accelerators_are_kept(source):
    for shown in (accented(source), mirrored(source)):
        assert KEPT.findall(shown) == KEPT.findall(source)
    assert accented("&Save").count("&") == 1 and "&S" in accented("&Save")


def test_formatting_a_pseudo_message_still_works(tmp_path):
    install_language("en_XA", tmp_path)
    text = ngettext("{n} member in the community.", "{n} members in the community.", 3)
    assert text.format(n=3).startswith(OPEN + "3 ṁéṁƀéŕš")
    assert ngettext("{n} member in the community.", "{n} members in the community.",
                    1).format(n=1).startswith(OPEN + "1 ṁéṁƀéŕ ")
    assert pgettext("menu", "File") == accented("File")
    install_language("ar_XB", tmp_path)
    assert _("Saved {name}").format(name="x.pdf").endswith("x.pdf")


def test_pseudo_languages_are_not_offered_to_users():
    assert not {"en_XA", "ar_XB"} & set(available_languages())


def test_developers_can_have_them_listed(monkeypatch):
    from advocate_app.i18n.pseudo import offered_languages

    monkeypatch.delenv("ADVOCATE_PSEUDO_LANGUAGES", raising=False)
    assert offered_languages() == ()
    monkeypatch.setenv("ADVOCATE_PSEUDO_LANGUAGES", "0")
    assert offered_languages() == ()
    monkeypatch.setenv("ADVOCATE_PSEUDO_LANGUAGES", "1")
    assert offered_languages() == ("en_XA", "ar_XB")
