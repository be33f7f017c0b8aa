"""The words a document prints itself, in the document's language, with the language they
really came out in (English, tagged so, where that language has no translation)."""

from __future__ import annotations

from advocate_app.i18n.document_words import document_ngettext, document_words


def test_words_come_from_the_documents_catalog_or_say_they_are_english():
    assert document_words("fr")("Contact us") == ("Nous contacter", "fr")
    assert document_words("hi")("Contact us") == ("Contact us", "en")
    assert document_words("ko")("Contact us") == ("Contact us", "en")
    assert document_words("en")("Contact us") == ("Contact us", "en")
    # A message a catalog does not translate (yet) is English, whatever the language.
    assert document_words("fr")("No such message in any catalog") == (
        "No such message in any catalog", "en")


def test_plural_words_follow_the_number_in_the_documents_language():
    words = document_ngettext("fr")
    one, lang = words("{n} action item", "{n} action items", 1)
    many, _lang = words("{n} action item", "{n} action items", 3)
    assert lang == "fr" and one != many and "{n}" in many
    assert one != "{n} action item"
    assert document_ngettext("hi")("{n} action item", "{n} action items", 3) == (
        "{n} action items", "en")
