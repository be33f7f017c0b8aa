"""What a translated catalog must be before it ships, checked the way a translator's tool would.

``problems(po_path, template_keys)`` lists, in plain English for the people who maintain the
catalogs, everything wrong with one ``.po`` file: it does not parse or compile, its header is not
what Poedit and Weblate expect, its plural rule is not the language's (CLDR, through Babel), an
entry is missing, untranslated or fuzzy, a plural entry has the wrong number of forms, or a
translation lost or added a placeholder, an HTML tag, an accelerator or a line end.

Used by ``tests/integration/test_translations.py`` and ``tools/check_translations.py``.
"""

from __future__ import annotations

import gettext
import io
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from babel.messages.catalog import Catalog

#: ``{name}``, ``{n:>3}``, ``%(name)s``, ``%s``, ``%d`` (``{{`` and ``%%`` are literal text).
PLACEHOLDER = re.compile(r"\{\{|\}\}|(\{[^{}]*\}|%\([^)]+\)[#0+-]?\d*(?:\.\d+)?[a-zA-Z]"
                         r"|%[#0+-]?\d*(?:\.\d+)?[sdifr])")
TAG = re.compile(r"<[^<>]+>")
#: An accelerator: ``&`` before a letter, not ``&&`` and not an entity such as ``&amp;``.
ACCELERATOR = re.compile(r"&&|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|(&)(?=\w)")
#: The counts a plural rule is tried on: every ordinary count, and some millions (where CLDR
#: gives French, Spanish, Italian and Portuguese a form of their own).
ORDINARY = range(0, 1001)
LARGE = (10**6, 2 * 10**6, 10**9)

Key = tuple[str | None, str]


def key_of(message_id: Any, context: str | None) -> Key:
    singular = message_id[0] if isinstance(message_id, tuple | list) else message_id
    return (context or None, singular)


def read_catalog(path: Path) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def template_keys(template: Path) -> set[Key]:
    return {key_of(m.id, m.context) for m in read_catalog(template) if m.id}


def placeholders(text: str) -> Counter[str]:
    return Counter(found for found in PLACEHOLDER.findall(text) if found)


def accelerators(text: str) -> int:
    return sum(1 for found in ACCELERATOR.finditer(text) if found.group(1))


def problems(path: Path, template: set[Key] | None = None) -> list[str]:
    """Everything wrong with the catalog at ``path`` (empty when it is ready to ship)."""
    from babel.messages.pofile import PoFileError

    language = path.parent.parent.name
    try:
        catalog = read_catalog(path)
    except (PoFileError, UnicodeDecodeError, ValueError) as error:
        return [f"{language}: the file cannot be read: {error}"]
    found = _header_problems(catalog, language, path)
    found += _plural_rule_problems(catalog, language)
    found += _compile_problems(catalog, language)
    translated: set[Key] = set()
    for message in catalog:
        if not message.id:
            continue
        key = key_of(message.id, message.context)
        wrong = _message_problems(message, catalog, language)
        if not wrong:
            translated.add(key)
        found += [f"{language}: {key[1]!r}: {what}" for what in wrong]
    found += _raw_plural_counts(path, catalog.num_plurals, language)
    found += _duplicates(path, language)
    found += _syntax(path, language)
    if template is not None:
        found += [f"{language}: {key[1]!r}: missing (run pybabel update)"
                  for key in sorted(template - {key_of(m.id, m.context) for m in catalog
                                                if m.id}, key=str)]
    return found


def _header_problems(catalog: Catalog, language: str, path: Path) -> list[str]:
    found = []
    text = path.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    for field in ("Language", "Plural-Forms", "Content-Type", "MIME-Version",
                  "Content-Transfer-Encoding", "Project-Id-Version"):
        if f'"{field}: ' not in header:
            found.append(f"{language}: the header has no {field}")
    if str(catalog.locale or "") != language:
        found.append(f"{language}: the header's Language is {catalog.locale}, not {language}")
    if "charset=utf-8" not in header.lower():
        found.append(f"{language}: the header's Content-Type is not charset=UTF-8")
    return found


def _plural_rule_problems(catalog: Catalog, language: str) -> list[str]:
    """The header's rule must give one form to each CLDR category of ordinary counts, never
    two categories one form; the form CLDR gives millions may be its own or the plain
    plural's (French's traditional ``n > 1``, which Weblate also uses)."""
    from babel import Locale

    cldr = Locale.parse(language).plural_form
    try:
        form = gettext.c2py(catalog.plural_expr)
    except ValueError as error:
        return [f"{language}: the header's plural rule cannot be read: {error}"]
    nplurals = catalog.num_plurals
    category_form: dict[str, set[int]] = {}
    form_category: dict[int, set[str]] = {}
    for n in (*ORDINARY, *LARGE):
        index, category = form(n), cldr(n)
        category_form.setdefault(category, set()).add(index)
        if n in ORDINARY:
            form_category.setdefault(index, set()).add(category)
    found = []
    if any(not 0 <= index < nplurals for forms in category_form.values() for index in forms):
        found.append(f"{language}: the plural rule gives a form beyond nplurals={nplurals}")
    found += [f"{language}: the plural rule splits CLDR's {category!r} over forms "
              f"{sorted(forms)}" for category, forms in category_form.items() if len(forms) > 1]
    found += [f"{language}: the plural rule gives {sorted(categories)} one form ({index}); "
              f"CLDR's rule for {language} tells them apart"
              for index, categories in form_category.items() if len(categories) > 1]
    used = {index for forms in category_form.values() for index in forms}
    if len(used) != nplurals:
        found.append(f"{language}: nplurals={nplurals} but the rule uses {len(used)} forms "
                     f"(CLDR has {len(category_form)} categories)")
    return found


def _compile_problems(catalog: Catalog, language: str) -> list[str]:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    try:
        write_mo(buffer, catalog)
        buffer.seek(0)
        gettext.GNUTranslations(buffer)
    except Exception as error:  # anything here means gettext cannot use the catalog
        return [f"{language}: the catalog does not compile or load: {error!r}"]
    return []


def _single_counts(catalog: Catalog) -> set[int]:
    """The plural forms that only ever stand for one number (English "one": n = 1): such a
    form may leave out the count's placeholder ("Un membre", "عضو واحد")."""
    form = gettext.c2py(catalog.plural_expr)
    numbers: dict[int, set[int]] = {}
    for n in (*ORDINARY, *LARGE):
        numbers.setdefault(form(n), set()).add(n)
    return {index for index, found in numbers.items() if len(found) == 1}


def _message_problems(message: Any, catalog: Catalog, language: str) -> list[str]:
    plural = isinstance(message.id, tuple | list)
    sources = tuple(message.id) if plural else (message.id,)
    strings = tuple(message.string) if plural else (message.string,)
    if message.fuzzy:
        return ["fuzzy (check the translation, then remove the fuzzy flag)"]
    if not all(strings):
        return ["untranslated" if not any(strings) else "a plural form is empty"]
    if plural and len(strings) != catalog.num_plurals:
        return [f"{len(strings)} plural forms, the language has {catalog.num_plurals}"]
    found = []
    source_text = sources[-1]
    wanted = placeholders(sources[-1]) | placeholders(sources[0])
    single = _single_counts(catalog) if plural else set()
    form_of_one = gettext.c2py(catalog.plural_expr)(1) if plural else 0
    for index, text in enumerate(strings):
        have = placeholders(text)
        # Each placeholder at least once: a language may name a thing once where English
        # repeats it ("no {language} translation" -> "no translation into this language").
        added = Counter(dict.fromkeys(have.keys() - wanted.keys(), 1))
        lost = Counter(dict.fromkeys(wanted.keys() - have.keys(), 1))
        if added:
            found.append(f"placeholder {sorted(added)} added in {text!r}")
        may_drop = (  # "every day" / "every {n} days": the form for one may say it in words
            index in single and sum(lost.values()) == 1
            or index == form_of_one and not lost - (wanted - placeholders(sources[0])))
        if lost and not may_drop:
            found.append(f"placeholder {sorted(lost)} lost in {text!r}")
        if sorted(TAG.findall(text)) != sorted(TAG.findall(source_text)):
            found.append(f"HTML tags differ in {text!r}")
        if accelerators(text) != accelerators(source_text):
            found.append(f"the accelerator & is lost or doubled in {text!r}")
        for end, name in (("\n", "line end"),):
            if text.endswith(end) != source_text.endswith(end) or (
                    text.startswith(end) != source_text.startswith(end)):
                found.append(f"a leading or trailing {name} differs in {text!r}")
    return found


def _raw_plural_counts(path: Path, nplurals: int, language: str) -> list[str]:
    """Babel quietly drops a ``msgstr[n]`` beyond nplurals; read the file for them."""
    found = []
    for block in _blocks(path.read_text(encoding="utf-8")):
        if not any(line.startswith("msgid_plural") for line in block):
            continue
        indices = [int(m.group(1)) for line in block
                   if (m := re.match(r"msgstr\[(\d+)\]", line))]
        if sorted(indices) != list(range(nplurals)):
            found.append(f"{language}: {_fields(block).get('msgid', '?')!r}: forms "
                         f"{sorted(indices)}, the header says nplurals={nplurals}")
    return found


def _duplicates(path: Path, language: str) -> list[str]:
    """An entry written twice, an obsolete ``#~`` copy of a current entry included: Babel keeps
    one quietly, but GNU ``msgfmt`` (which Poedit runs when it saves) refuses the file. The
    cure is ``pybabel update --ignore-obsolete``."""
    seen: set[tuple[str, str]] = set()
    found = []
    for block in _blocks(path.read_text(encoding="utf-8"), obsolete=True):
        fields = _fields(block)
        if "msgid" not in fields or not fields["msgid"]:
            continue
        key = (fields.get("msgctxt", ""), fields["msgid"])
        if key in seen:
            found.append(f"{language}: {key[1]!r} is written twice (an obsolete #~ copy? run "
                         "pybabel update with --ignore-obsolete)")
        seen.add(key)
    return found


_LINE = re.compile(r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*')


def _syntax(path: Path, language: str) -> list[str]:
    """Lines GNU gettext would refuse and Babel may read past (an unclosed quote …)."""
    return [f"{language}: line {number} is not a .po line: {line[:60]!r}"
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.strip() and not line.startswith("#") and not _LINE.fullmatch(line)]


def _fields(block: list[str]) -> dict[str, str]:
    """An entry's keywords and their (still escaped) strings."""
    fields: dict[str, str] = {}
    current = ""
    for line in block:
        word, _space, rest = line.partition(" ")
        if word in ("msgctxt", "msgid", "msgid_plural") or word.startswith("msgstr"):
            current = word
            line = rest
        if line.startswith('"') and current:
            fields[current] = fields.get(current, "") + line.strip()[1:-1]
    return fields


def _blocks(text: str, *, obsolete: bool = False) -> Iterable[list[str]]:
    """The entries of a .po file as lists of lines, comments left out (obsolete entries'
    ``#~`` lines kept, unprefixed, when ``obsolete``)."""
    block: list[str] = []
    for line in text.splitlines():
        if obsolete and line.startswith("#~ "):
            line = line[3:]
        if not line.strip():
            if block:
                yield block
            block = []
        elif not line.startswith("#"):
            block.append(line)
    if block:
        yield block
