"""The language pipeline end to end: code -> template -> catalogs -> the running app."""

from __future__ import annotations

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from advocate_app.domain.people import Role
from advocate_app.i18n import _, current_language, install_language, ngettext
from advocate_app.i18n.catalog_check import problems, template_keys
from advocate_app.i18n.catalogs import load_translations

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "translations" / "advocate_app.pot"
CATALOGS = sorted((ROOT / "translations").glob("*/LC_MESSAGES/advocate_app.po"))
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


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
def test_every_catalog_compiles_is_complete_and_keeps_what_it_must(path):
    """Compiles and loads; header as Poedit and Weblate expect; the language's CLDR plural
    rule; every entry translated, not fuzzy, with every plural form; placeholders, HTML tags,
    accelerators and line ends kept (``advocate_app/i18n/catalog_check.py`` says how)."""
    found = problems(path, template_keys(TEMPLATE))
    assert not found, f"{len(found)} problems, the first:\n" + "\n".join(found[:25])


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_every_catalog_speaks_its_language_at_run_time(path, tmp_path):
    """The compiled catalog is the one gettext finds for the language, plural forms included."""
    language = path.parent.parent.name
    catalog = _read(path)
    translations, used = load_translations(language, tmp_path)
    assert used == language
    singular = next((m for m in catalog if m.id and not m.pluralizable and m.string), None)
    assert singular is not None, f"nothing is translated in {language} yet"
    assert translations.gettext(singular.id) == singular.string
    plural = next((m for m in catalog if m.pluralizable and all(m.string)), None)
    if plural is not None:
        form = gettext.c2py(catalog.plural_expr)
        for n in (0, 1, 2, 3, 5, 11, 22, 101):
            assert translations.ngettext(plural.id[0], plural.id[1], n) == plural.string[form(n)]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_gnu_msgfmt_accepts_every_catalog(path, tmp_path):
    """What Poedit runs when it saves: ``msgfmt --check`` (header, formats, plural forms)."""
    finished = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(path)],
                              capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr[-3000:]


# --- the check itself finds what it must --------------------------------------------------


FRENCH = ROOT / "translations" / "fr" / "LC_MESSAGES" / "advocate_app.po"


def _first_entry(text, wanted):
    """(start, end) of the first entry (a block between blank lines) ``wanted`` accepts."""
    position = 0
    for block in text.split("\n\n"):
        if wanted(block):
            return position, position + len(block)
        position += len(block) + 2
    raise AssertionError("no such entry in the French catalog")


def _change_entry(text, wanted, change):
    start, end = _first_entry(text, wanted)
    return text[:start] + change(text[start:end]) + text[end:]


def _singular_with_placeholder(block):
    return "msgid_plural" not in block and "msgstr" in block and "{name}" in block.split(
        "msgstr", 1)[1]


def _plural(block):
    return "msgid_plural" in block and "{n}" in block


BROKEN = {
    "a lost placeholder": lambda text: _change_entry(
        text, _singular_with_placeholder,
        lambda block: block.split("msgstr", 1)[0] + "msgstr" + block.split("msgstr", 1)[1]
        .replace("{name}", "nom")),
    "a translated placeholder": lambda text: _change_entry(
        text, _singular_with_placeholder,
        lambda block: block.split("msgstr", 1)[0] + "msgstr" + block.split("msgstr", 1)[1]
        .replace("{name}", "{nom}")),
    "a missing plural form": lambda text: _change_entry(
        text, _plural, lambda block: block.split("msgstr[1]")[0].rstrip()),
    "an extra plural form": lambda text: _change_entry(
        text, _plural, lambda block: block + '\nmsgstr[2] "{n} de plus"'),
    "a plural form without its number": lambda text: _change_entry(
        text, _plural, lambda block: block.split("msgstr[1]")[0] + 'msgstr[1] "plusieurs"'),
    "a fuzzy entry": lambda text: _change_entry(
        text, _singular_with_placeholder, lambda block: "#, fuzzy\n" + block),
    "an untranslated entry": lambda text: _change_entry(
        text, _singular_with_placeholder,
        lambda block: block.split("msgstr", 1)[0] + 'msgstr ""'),
    "a lost accelerator": lambda text: text.replace('msgstr "&Accessibilité',
                                                    'msgstr "Accessibilité', 1),
    "an added HTML tag": lambda text: text.replace('msgstr "&Accessibilité',
                                                   'msgstr "<b>&Accessibilité</b>', 1),
    "an added line end": lambda text: _change_entry(
        text, lambda block: block.startswith("msgid ") and "\nmsgstr \"" in block
        and "msgid_plural" not in block and len(block.split("\n")) == 2,
        lambda block: block.rstrip()[:-1] + '\\n"'),
    "another language's plural rule": lambda text: text.replace(
        "Plural-Forms: nplurals=2; plural=(n > 1);", "Plural-Forms: nplurals=2; plural=(n != 1);"),
    "a plural rule with a form too many": lambda text: text.replace(
        "Plural-Forms: nplurals=2; plural=(n > 1);", "Plural-Forms: nplurals=3; plural=(n > 1);"),
    "no Language in the header": lambda text: text.replace('"Language: fr\\n"\n', "", 1),
    "another charset": lambda text: text.replace("charset=utf-8", "charset=ISO-8859-1", 1),
    "a syntax error": lambda text: text.replace('msgstr "&Accessibilité', 'msgstr &Accessibilité',
                                                1).replace('msgid "&Access and', 'msgid &Access', 1),
    "an entry of the template missing": lambda text: _change_entry(
        text, _singular_with_placeholder, lambda block: ""),
}


@pytest.mark.parametrize("breakage", sorted(BROKEN))
def test_a_broken_catalog_fails_the_check(breakage, tmp_path):
    """Each breakage of the French catalog is found (beyond what the catalog itself has)."""
    text = FRENCH.read_text(encoding="utf-8")
    broken = BROKEN[breakage](text)
    assert broken != text, "the breakage did not change the catalog"
    template = template_keys(TEMPLATE)
    found = {}
    for name, content in (("as it is", text), ("broken", broken)):
        copy = tmp_path / name / "fr" / "LC_MESSAGES" / "advocate_app.po"
        copy.parent.mkdir(parents=True)
        copy.write_text(content, encoding="utf-8")
        found[name] = set(problems(copy, template))
    assert found["broken"] - found["as it is"], f"{breakage} went unnoticed"


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
