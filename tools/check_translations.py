"""Check the catalogs as the test suite does, and say what is left to do, per language.

    .venv/bin/python tools/check_translations.py            # every catalog
    .venv/bin/python tools/check_translations.py de pl      # some
    .venv/bin/python tools/check_translations.py --summary  # counts only

For each catalog: how many entries are translated, and every problem
(``advocate_app/i18n/catalog_check.py``: compiles, header, plural rule, untranslated or fuzzy,
placeholders, HTML tags, accelerators, line ends, entries written twice). With GNU gettext
installed (``apt-get install gettext``) it also runs ``msgfmt --check``, as Poedit does when it
saves. Exits 1 when any catalog has a problem.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advocate_app.i18n.catalog_check import problems, read_catalog, template_keys  # noqa: E402

TRANSLATIONS = ROOT / "translations"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", nargs="*", help="language codes (default: all)")
    parser.add_argument("--summary", action="store_true", help="counts only")
    args = parser.parse_args(argv)
    template = template_keys(TRANSLATIONS / "advocate_app.pot")
    catalogs = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/advocate_app.po"))
    if args.languages:
        catalogs = [p for p in catalogs if p.parent.parent.name in args.languages]
        missing = set(args.languages) - {p.parent.parent.name for p in catalogs}
        if missing:
            print(f"no catalog for {', '.join(sorted(missing))} (pybabel init makes one)")
            return 1
    failed = False
    for path in catalogs:
        language = path.parent.parent.name
        found = problems(path, template)
        found += _msgfmt(path)
        catalog = read_catalog(path)
        done = sum(1 for m in catalog if m.id and not m.fuzzy and all(
            m.string if isinstance(m.string, tuple | list) else (m.string,)))
        print(f"{language}: {done} of {len(template)} translated, {len(found)} problems")
        if not args.summary:
            for problem in found:
                print(f"  {problem}")
        failed = failed or bool(found)
    return 1 if failed else 0


def _msgfmt(path: Path) -> list[str]:
    if shutil.which("msgfmt") is None:
        return []
    with tempfile.TemporaryDirectory() as scratch:
        finished = subprocess.run(["msgfmt", "--check", "-o", str(Path(scratch) / "x.mo"),
                                   str(path)], capture_output=True, text=True, check=False)
    if finished.returncode == 0:
        return []
    return [f"msgfmt: {line}" for line in finished.stderr.splitlines()
            if line.strip() and "fatal error" not in line][:20]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
