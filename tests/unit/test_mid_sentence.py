"""Labels put inside a sentence: small letters where the language writes them so, German nouns
keep their capital, words in capitals stay."""

from advocate_app.i18n import mid_sentence


def test_a_label_inside_a_sentence_follows_the_language():
    assert mid_sentence("Email newsletter", "en") == "email newsletter"
    assert mid_sentence("Lettre d’information", "fr") == "lettre d’information"
    assert mid_sentence("Newsletter per E-Mail", "de") == "Newsletter per E-Mail"
    assert mid_sentence("Großdruck", "de_AT") == "Großdruck"
    assert mid_sentence("PDF", "en") == "PDF"
    assert mid_sentence("النشرة", "ar") == "النشرة"
