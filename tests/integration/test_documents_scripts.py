"""Leaflets in every script a community writes: Arabic, Urdu, Hebrew, Hindi, Bengali, Punjabi,
Tamil, Chinese, Japanese, Korean, Polish and Greek.

Each renders with a glyph for every character (no "�"), its text read back from the structure
tree (with pikepdf, through the fonts' ToUnicode maps: no poppler needed) equals the text as
written, passage by passage, the document carries its language and every passage in another
language its own. Where poppler and the shared checker are installed they are asked too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from advocate_app.documents import fonts, shaping
from advocate_app.documents.pdf import render
from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.services.outreach import unprintable_characters
from tests import documents_checks as checks

#: language → (title, a paragraph with an English name inside it where the script is not Latin)
LEAFLETS = {
    "ar": ("مرحبا بكم في مجموعة الدعم",
           "نلتقي كل شهر في المركز. زوروا موقع Advocate للمزيد من المعلومات عن مجموعتنا "
           "ولقاءاتنا الشهرية مع الأطباء والعائلات."),
    "ur": ("ہماری سپورٹ گروپ میں خوش آمدید",
           "ہم ہر مہینے ملتے ہیں۔ مزید معلومات کے لیے Advocate سے بات کریں اور ٹیلیفون کریں۔"),
    "he": ("ברוכים הבאים לקבוצת התמיכה שלנו",
           "אנחנו נפגשים כל חודש במרכז Advocate בתל אביב עם רופאים ומשפחות."),
    "hi": ("हमारे सहायता समूह में आपका स्वागत है",
           "हम हर महीने मिलते हैं। अधिक जानकारी के लिए कृपया Advocate के क्षेत्रीय कार्यालय से "
           "संपर्क करें। परिवार के सदस्य भी आ सकते हैं।"),
    "bn": ("আমাদের সহায়তা গোষ্ঠীতে স্বাগতম",
           "আমরা প্রতি মাসে দেখা করি। আরও তথ্যের জন্য Advocate এর সাথে যোগাযোগ করুন। "
           "পরিবারের সদস্যরাও আসতে পারেন।"),
    "pa": ("ਸਾਡੇ ਸਹਾਇਤਾ ਸਮੂਹ ਵਿੱਚ ਜੀ ਆਇਆਂ ਨੂੰ",
           "ਅਸੀਂ ਹਰ ਮਹੀਨੇ ਮਿਲਦੇ ਹਾਂ। ਹੋਰ ਜਾਣਕਾਰੀ ਲਈ Advocate ਨਾਲ ਸੰਪਰਕ ਕਰੋ।"),
    "ta": ("எங்கள் ஆதரவு குழுவிற்கு வரவேற்கிறோம்",
           "நாங்கள் ஒவ்வொரு மாதமும் சந்திக்கிறோம். மேலும் தகவலுக்கு Advocate கொண்டு "
           "தொடர்பு கொள்ளவும்."),
    "zh": ("欢迎加入我们的支持小组",
           "我们每个月见面一次。欢迎您和家人一起参加。请联系Advocate了解更多信息。"
           "繁體中文：歡迎來到我們的支持小組。"),
    "ja": ("サポートグループへようこそ",
           "私たちは毎月一回集まります。ご家族の方もぜひご参加ください。詳しくはAdvocateまで"
           "お問い合わせください。"),
    "ko": ("지원 그룹에 오신 것을 환영합니다",
           "우리는 매달 만납니다. 가족과 함께 참여해 주세요. 자세한 내용은 Advocate에 "
           "문의해 주십시오."),
    "pl": ("Witamy w naszej grupie wsparcia",
           "Spotykamy się co miesiąc. Zapraszamy również rodziny — żółć, źdźbło, łąka."),
    "el": ("Καλώς ήρθατε στην ομάδα υποστήριξής μας",
           "Συναντιόμαστε κάθε μήνα στο κέντρο Advocate. Είναι ευπρόσδεκτες και οι οικογένειες."),
}
#: Languages written in Latin letters: the English name is not a passage in another script.
LATIN = {"pl"}
ENGLISH_BLOCK = "Advocate Support Group, 14 Example Street, Leeds"


def _leaflet(lang: str) -> OutreachItem:
    title, body = LEAFLETS[lang]
    return OutreachItem(ItemKind.LEAFLET, title, lang, (
        Block("heading", {"level": 1, "text": title}),
        Block("paragraph", {"text": body}),
        Block("paragraph", {"text": body + " " + body}),  # long enough to wrap
        Block("paragraph", {"text": ENGLISH_BLOCK}, "en"),
        Block("list", {"ordered": False, "items": [title, body]}),
        Block("contact", {"lines": ["0113 496 0000", "help@example.org"]}),
    ))


def _squash(text: str) -> str:
    return " ".join(text.split())


_rendered: dict[str, Path] = {}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("scripts")


def _file(lang: str, folder: Path) -> Path:
    if lang not in _rendered:
        path = folder / f"leaflet-{lang}.pdf"
        path.write_bytes(render(_leaflet(lang)))
        _rendered[lang] = path
    return _rendered[lang]


@pytest.mark.parametrize("lang", list(LEAFLETS))
def test_leaflet_reads_back_as_written_in_its_language(lang, folder):
    path = _file(lang, folder)
    title, body = LEAFLETS[lang]
    assert checks.problems(path) == []
    assert checks.language(path) == lang

    elements = checks.element_texts(path)
    everything = "".join(text for _tag, _lang, text in elements)
    assert "\ufffd" not in everything, "a character printed as the replacement mark"
    texts = [_squash(text) for tag, _lang, text in elements if tag in ("H1", "P", "LBody")]
    assert texts[0] == _squash(title)
    assert texts[1] == _squash(body)
    assert texts[2] == _squash(body + " " + body), "a wrapped paragraph reads back whole"
    assert (ENGLISH_BLOCK in texts), "the English block reads back"
    assert ("P", "en") in [(tag, element_lang) for tag, element_lang, text in elements
                           if text == ENGLISH_BLOCK]
    spans = [(element_lang, text) for tag, element_lang, text in elements if tag == "Span"]
    if lang in LATIN:
        assert ("en", "Advocate") not in spans
    else:
        assert ("en", "Advocate") in spans, "the English name inside carries /Lang en"


@pytest.mark.parametrize("lang", list(LEAFLETS))
def test_leaflet_passes_poppler_and_the_shared_checker(lang, folder):
    path = _file(lang, folder)
    title, body = LEAFLETS[lang]
    if shutil.which("pdfinfo"):
        structure = checks.struct_text(path)
        assert "\ufffd" not in structure
        read = "".join(re.findall(r'^\s*"(.*)"\s*$', structure, re.M)).replace(" ", "")
        for text in (title, body, ENGLISH_BLOCK):
            assert text.replace(" ", "") in read, text
    checks.assert_shared_checker_passes(path)


def test_right_to_left_paragraphs_stand_on_the_right_and_left_to_right_on_the_left(folder):
    """An Arabic paragraph ends at the right margin; the English block starts at the left."""
    import pikepdf

    path = _file("ar", folder)
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        starts = [float(i.operands[4]) for i in pikepdf.parse_content_stream(page)
                  if str(i.operator) == "Tm"]
    assert starts and max(starts) > 300, "no line starts right of the middle"
    assert min(starts) < 80, "the English block should start at the left margin"


def test_words_the_leaflet_prints_itself_are_tagged_english_without_a_catalog(folder):
    """Hindi and Korean have no catalog: "Contact us" is English and says so; French has
    one: "Contact us" is printed in French and takes the document's language."""
    for lang in ("hi", "ko"):
        elements = checks.element_texts(_file(lang, folder))
        assert ("H2", "en", "Contact us") in elements, lang
    item = OutreachItem(ItemKind.LEAFLET, "Bienvenue", "fr", (
        Block("heading", {"level": 1, "text": "Bienvenue"}),
        Block("contact", {"lines": ["01 23 45 67 89"]}),
        Block("formats_notice", {}),
    ))
    path = folder / "leaflet-fr.pdf"
    path.write_bytes(render(item))
    elements = checks.element_texts(path)
    headings = [(element_lang, text) for tag, element_lang, text in elements if tag == "H2"]
    assert headings == [("", "Nous contacter")]
    assert not any(element_lang == "en" for _tag, element_lang, _text in elements)


def test_arabic_letters_are_joined_and_indic_vowel_signs_placed():
    fonts.ensure_registered()
    glyphs, _width = shaping.shape("NotoSansArabic", "بيت", 12, rtl=True)
    # Joined: the first two letters are drawn with their connecting forms (not the letters'
    # own glyphs), each still read as its letter; the word runs right to left.
    assert [shaping.unicode_of(ord(g.char)) or g.char for g in glyphs
            if g.shown] == ["ت", "ي", "ب"]
    assert shaping.unicode_of(ord(glyphs[-1].char)) == "ب"
    assert glyphs[0].x < glyphs[-1].x
    # Devanagari "कि": the vowel sign stands before the consonant it follows in the text.
    glyphs, _width = shaping.shape("NotoSansDevanagari", "कि", 12, rtl=False)
    by_text = {(shaping.unicode_of(ord(g.char)) or g.char): g.x for g in glyphs}
    assert by_text["ि"] < by_text["क"]


def test_bidirectional_lines_are_ordered_after_breaking():
    text = "אבג Advocate דהו"
    levels = shaping.levels(text, True)
    runs = [levels[0], levels[5], levels[-1]]
    assert runs == [1, 2, 1]
    # Three runs right to left, the English one keeping its own order.
    assert shaping.visual_order([1, 2, 1]) == [2, 1, 0]


def test_pre_flight_names_only_characters_no_face_has():
    every_script = "".join(title + body for title, body in LEAFLETS.values())
    assert fonts.missing(every_script) == set()
    item = OutreachItem(ItemKind.LEAFLET, "Tibetan", "en", (
        Block("paragraph", {"text": every_script + " བོད"}),))
    problems = unprintable_characters(item)
    assert len(problems) == 1
    assert "བ" in problems[0].message and "ད" in problems[0].message
    assert "中" not in problems[0].message and "क" not in problems[0].message


def test_address_labels_in_any_script_read_back_with_their_language(folder):
    from advocate_app.documents.pdf import Recipient, RenderOptions, render_many

    addresses = [["سميرة حداد", "١٢ شارع المثال", "Leeds LS1 4AB"],
                 ["王小明", "北京市朝阳区", "China"],
                 ["प्रिया शर्मा", "12 Example Street", "Leicester"]]
    item = OutreachItem(ItemKind.LABELS, "Labels", "en", ())
    path = folder / "labels.pdf"
    path.write_bytes(render_many(item, [Recipient(address_lines=lines) for lines in addresses],
                                 RenderOptions()))
    assert checks.problems(path) == []
    elements = checks.element_texts(path)
    labels = [text for tag, _lang, text in elements if tag == "P"]
    assert labels == [" ".join(lines) for lines in addresses]
    spans = {(element_lang, text) for tag, element_lang, text in elements if tag == "Span"}
    assert {("ar", "سميرة حداد"), ("zh", "王小明"), ("hi", "प्रिया शर्मा")} <= spans


def test_links_in_shaped_text_stay_links_named_by_their_words(folder):
    import pikepdf

    item = OutreachItem(ItemKind.LEAFLET, "مرحبا", "ar", (
        Block("heading", {"level": 1, "text": "مرحبا"}),
        Block("paragraph", {"text": "زوروا [موقعنا](https://example.org) للمزيد."}),
        Block("paragraph", {"text": "हिन्दी [पृष्ठ](https://example.org/hi)"}, "hi")))
    path = folder / "links.pdf"
    path.write_bytes(render(item))
    assert checks.problems(path) == []
    with pikepdf.open(path) as pdf:
        links = {str(a.A.URI): checks._text(a.Contents) for a in pdf.pages[0].Annots}
    assert links == {"https://example.org": "موقعنا", "https://example.org/hi": "पृष्ठ"}
    texts = [text for tag, _lang, text in checks.element_texts(path) if tag == "P"]
    assert texts == ["زوروا موقعنا للمزيد.", "हिन्दी पृष्ठ"]


def test_urdu_is_printed_in_nastaliq_and_arabic_in_naskh_style_sans(folder):
    import pikepdf

    def faces(lang: str) -> set[str]:
        with pikepdf.open(_file(lang, folder)) as pdf:
            return {str(font.BaseFont).split("+")[-1] for page in pdf.pages
                    for font in page.obj.Resources.Font.values()}
    assert any(face.startswith("NotoNastaliqUrdu") for face in faces("ur"))
    assert not any(face.startswith("NotoNastaliqUrdu") for face in faces("ar"))
