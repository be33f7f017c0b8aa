"""The paper feedback form as a tagged PDF in every print profile and in English and French:
the project's own structural check, the reading order a screen reader follows (title, event,
each question with its tick boxes described), sizes the profile promises and, when ``../shared``
is there, the outside PDF/UA checker."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pikepdf
import pytest

from advocate_app.domain.feedback_views import EventChoice, EventKind
from advocate_app.domain.print_profiles import PROFILES, ProfileKey
from advocate_app.services.feedback_paper import write_form
from tests import documents_checks as checks

EVENT = EventChoice(EventKind.WEBINAR, 1, "Living with the condition: questions & answers",
                    date(2026, 3, 12))
PROFILE_KEYS = list(ProfileKey)


def _figure_alts(path) -> list[tuple[str, str]]:
    """(parent's type, /Alt) of every Figure, in reading order."""
    out: list[tuple[str, str]] = []

    def walk(elem, parent_tag):
        tag = str(elem.get("/S", ""))[1:]
        if tag == "Figure":
            out.append((parent_tag, str(elem.get("/Alt", ""))))
        kids = elem.get("/K")
        if kids is None:
            return
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR" \
                    and "/S" in kid:
                walk(kid, tag)

    with pikepdf.open(path) as pdf:
        for top in pdf.Root.StructTreeRoot.K:
            walk(top, "")
    return out


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("profile", PROFILE_KEYS, ids=[p.value for p in PROFILE_KEYS])
def test_paper_form_is_a_tagged_accessible_pdf(profile, language, tmp_path):
    path = write_form(EVENT, tmp_path / f"form-{profile.value}-{language}.pdf",
                      language=language, profile=profile)

    assert checks.problems(path) == []
    assert checks.language(path) == language
    tags = checks.structure_tags(path)
    assert tags[:2] == ["Document", "H1"]
    assert tags.count("L") == 2 and tags.count("LI") == 7  # 5 ratings, yes and no
    assert tags.count("LI") == tags.count("Lbl") == tags.count("LBody")

    figures = _figure_alts(path)
    boxes = [alt for parent, alt in figures if parent == "Lbl"]
    spaces = [alt for parent, alt in figures if parent == "Document"]
    assert len(boxes) == 7 and all(alt.strip() for alt in boxes)
    assert len(spaces) == 4 and all(alt.strip() for alt in spaces)  # 3 questions and a name

    structure = checks.struct_text(path)
    order = [EVENT.title, "5 – ", "1 – ", "?", "How to send it back" if language == "en"
             else ""]
    at = 0
    for text in order:
        found = structure.find(text, at)
        assert found >= at, f"{text!r} out of reading order"
        at = found
    minimum = PROFILES[profile].min_body_pt
    assert min(checks.content_font_sizes(path)) >= minimum - 0.01

    if checks.shared_checker() is not None:
        result = subprocess.run([sys.executable, str(checks.shared_checker()), str(path),
                                 "--json"], capture_output=True, text=True, timeout=120)
        report = json.loads(result.stdout)
        assert result.returncode == 0, report["failed_checks"]
        assert report["info"]["font_sizes"]["real_content_only"]["min_pt"] >= minimum - 0.05


def test_tick_boxes_are_large_in_every_profile(tmp_path):
    """The boxes to tick are at least 9 mm wide: room for an unsteady hand."""
    for profile in PROFILE_KEYS:
        path = write_form(EVENT, tmp_path / f"{profile.value}.pdf", language="en",
                          profile=profile)
        with pikepdf.open(path) as pdf:
            content = pdf.pages[0].Contents.read_bytes() if not isinstance(
                pdf.pages[0].Contents, pikepdf.Array) else b"".join(
                    c.read_bytes() for c in pdf.pages[0].Contents)
        boxes = [line.split() for line in content.decode("latin-1").splitlines()
                 if line.endswith(" re S")]
        assert len(boxes) >= 5, profile
        assert all(float(parts[-4]) >= 9 * 72 / 25.4 - 2.01 for parts in boxes), profile


@pytest.mark.parametrize(("language", "title"), [
    ("ar", "العيش مع المرض: أسئلة وأجوبة"), ("hi", "बीमारी के साथ जीना: प्रश्न और उत्तर"),
    ("zh", "与疾病共同生活：问答")])
def test_paper_form_in_another_script_reads_back_as_written(language, title, tmp_path):
    """A form for an event named in Arabic, Hindi or Chinese: every word shaped and read back
    as written, with no replacement marks, and the tick boxes beside the words."""
    event = EventChoice(EventKind.WEBINAR, 1, title, date(2026, 3, 12))
    path = write_form(event, tmp_path / f"form-{language}.pdf", language=language,
                      profile=ProfileKey.STANDARD)
    assert checks.problems(path) == []
    assert checks.language(path) == language
    elements = checks.element_texts(path)
    text = "".join(words for _tag, _lang, words in elements)
    assert "\ufffd" not in text
    assert any(title in words for tag, _lang, words in elements if tag == "P"), elements[:4]
    checks.assert_shared_checker_passes(path)
