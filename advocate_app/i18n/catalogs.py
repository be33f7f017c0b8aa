"""Finding, compiling and loading gettext catalogs.

Source catalogs (.po) live in the top-level ``translations/`` folder. An installed build carries
compiled .mo files; a source checkout compiles a catalog on first use into the data directory's
cache, and again whenever the .po file changes.
"""

from __future__ import annotations

import gettext
import locale
import os
from pathlib import Path

from advocate_app.i18n.source import DOMAIN, SOURCE_LANGUAGE
from advocate_app.paths import bundled_dir


def system_language() -> str:
    """The user's language from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).

    ``LANGUAGE`` is a list in order of preference (``ar:fr:en``), as gettext reads it: the
    first language in it that Advocate has wins; a list naming none of them is passed over."""
    preferences = [code for code in os.environ.get("LANGUAGE", "").split(":") if code]
    if preferences:
        shipped = available_languages()
        for code in preferences:
            if resolve_language(code, shipped) is not None:
                return code
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            code = value.split(":")[0].split(".")[0]
            if code and code not in ("C", "POSIX"):
                return code
    try:
        found = locale.getlocale()[0]
    except ValueError:
        found = None
    return found or SOURCE_LANGUAGE


def normalise(code: str) -> str:
    """``fr-FR`` / ``fr_FR.UTF-8`` -> ``fr_FR``."""
    return code.replace("-", "_").split(".")[0].split("@")[0]


def _candidates(code: str) -> list[str]:
    code = normalise(code)
    base = code.split("_")[0]
    return [code] if base == code else [code, base]


def resolve_language(code: str, shipped: list[str] | None = None) -> str | None:
    """The language Advocate has for ``code``: itself, else its base language (``de_AT`` ->
    ``de``, ``pt-BR`` -> ``pt``); None when it has neither."""
    shipped = available_languages() if shipped is None else shipped
    for candidate in _candidates(code):
        if candidate in shipped:
            return candidate
    return None


def available_languages() -> list[str]:
    """Languages with a catalog, plus the English source."""
    found = {SOURCE_LANGUAGE}
    for root, pattern in ((_source_dir(), "*.po"), (_compiled_dir(), "*.mo")):
        if root is not None:
            found.update(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}{pattern[1:]}"))
    return sorted(found)


def _source_dir() -> Path | None:
    return bundled_dir("translations")


def _compiled_dir() -> Path | None:
    directory = bundled_dir("locale")
    return directory


def compile_catalog(po_path: Path, mo_path: Path) -> None:
    """Compile one .po file into .mo, written atomically."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as po_file:
        catalog = read_po(po_file)
    mo_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = mo_path.with_suffix(".mo.tmp")
    with tmp.open("wb") as mo_file:
        write_mo(mo_file, catalog)
    os.replace(tmp, mo_path)


def find_mo(code: str, cache_dir: Path | None) -> tuple[Path, str] | None:
    """The compiled catalog for ``code`` (compiling a source catalog into ``cache_dir``)."""
    compiled = _compiled_dir()
    source = _source_dir()
    for candidate in _candidates(code):
        if compiled is not None:
            mo = compiled / candidate / "LC_MESSAGES" / f"{DOMAIN}.mo"
            if mo.is_file():
                return mo, candidate
        if source is not None:
            po = source / candidate / "LC_MESSAGES" / f"{DOMAIN}.po"
            if po.is_file():
                target_root = cache_dir or _default_cache()
                mo = Path(target_root) / candidate / "LC_MESSAGES" / f"{DOMAIN}.mo"
                if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
                    try:
                        compile_catalog(po, mo)
                    except OSError:
                        return None  # nowhere to write it: the interface stays in English
                return mo, candidate
    return None


def _default_cache() -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / "advocate-locale"


def load_translations(code: str, cache_dir: Path | None = None) -> tuple[gettext.NullTranslations, str]:
    """Translations for ``code`` (falling back to its base language, then English)."""
    from advocate_app.i18n.pseudo import PseudoTranslations, canonical, is_pseudo

    if is_pseudo(code):  # en_XA, ar_XB: made from the English text, for testing the layout
        return PseudoTranslations(code), canonical(code)
    if normalise(code).split("_")[0] == SOURCE_LANGUAGE:
        return gettext.NullTranslations(), SOURCE_LANGUAGE
    found = find_mo(code, cache_dir)
    if found is None:
        return gettext.NullTranslations(), SOURCE_LANGUAGE
    mo, used = found
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle), used
