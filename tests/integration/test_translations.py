"""The language pipeline end to end: code -> template -> catalogs -> the running app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from advocate_app.domain.people import Role
from advocate_app.i18n import _, current_language, install_language, ngettext

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "translations" / "advocate_app.pot"
CATALOGS = sorted((ROOT / "translations").glob("*/LC_MESSAGES/advocate_app.po"))
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?::[^}]*)?\}")


def _key(message_id, context):
    singular = message_id[0] if isinstance(message_id, tuple | list) else message_id
    return (context or None, singular)


def _source_messages():
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            ROOT / "advocate_app", method_map=[("**.py", "python")], keywords=KEYWORDS):
        found.add(_key(message, context))
    return found


def _read(path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_the_template_is_up_to_date_with_the_code():
    template = {_key(m.id, m.context) for m in _read(TEMPLATE) if m.id}
    missing = _source_messages() - template
    assert not missing, f"run the extraction in translations/README.md; missing: {sorted(missing, key=str)[:10]}"


def test_there_is_a_complete_french_catalog():
    assert any(p.parent.parent.name == "fr" for p in CATALOGS)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_every_catalog_is_complete_and_keeps_placeholders(path):
    template = {_key(m.id, m.context) for m in _read(TEMPLATE) if m.id}
    catalog = _read(path)
    translated = {}
    problems = []
    for message in catalog:
        if not message.id:
            continue
        key = _key(message.id, message.context)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {key}")
            continue
        sources = message.id if isinstance(message.id, tuple | list) else (message.id,)
        wanted = set(PLACEHOLDER.findall("".join(sources)))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) - wanted or (
                    len(strings) == 1 and set(PLACEHOLDER.findall(text)) != wanted):
                problems.append(f"placeholders differ: {key} -> {text}")
        translated[key] = strings
    problems += [f"missing: {key}" for key in sorted(template - translated.keys(), key=str)]
    assert not problems, "\n".join(problems[:20])


def test_french_is_used_at_run_time_and_compiled_on_first_use(tmp_path):
    cache = tmp_path / "locale"
    assert install_language("fr_FR.UTF-8", cache) == "fr"
    assert current_language() == "fr"
    assert _("Members") == "Membres"
    assert Role.CARER.label == "Aidant ou parent"
    assert ngettext("{n} member in the community.", "{n} members in the community.", 2).format(
        n=2) == "2 membres dans la communauté."
    assert (cache / "fr" / "LC_MESSAGES" / "advocate_app.mo").is_file()


def test_a_language_without_a_catalog_falls_back_to_english(tmp_path):
    assert install_language("xx", tmp_path) == "en"
    assert _("Members") == "Members"


def test_dates_and_numbers_follow_the_ui_language(tmp_path):
    from datetime import date

    from advocate_app.i18n.formatting import format_date, format_number, language_name

    install_language("fr", tmp_path)
    assert format_number(100000) == "100\u202f000"
    assert format_date(date(2026, 3, 5)) == "5 mars 2026"
    assert language_name("de") == "allemand"
    install_language("en", tmp_path)
    assert format_number(100000) == "100,000"
    assert format_date(date(2026, 3, 5)) == "5 Mar 2026"  # English without a region: day, month, year


def test_no_translated_words_hide_inside_f_strings():
    """The extractor cannot see ``_()`` inside an f-string: such words would never reach the
    catalogs and would stay in English (the help window's "or" did)."""
    import ast

    hidden = []
    for path in sorted((ROOT / "advocate_app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "id", "") in KEYWORDS:
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert not hidden, f"translated words inside f-strings: {hidden}"
