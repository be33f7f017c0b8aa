"""Build hook: bundle the top-level ``translations/`` (compiled to .mo) and ``resources/``
into the package, so an installed wheel or a frozen build carries them.

A source checkout (including ``pip install -e .``) reads them from the top level instead and
compiles catalogs on first run; see ``advocate_app/i18n/catalogs.py``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent


class BuildWithTranslations(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "advocate_app" / "_bundled"
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po_path in (HERE / "translations").glob("*/LC_MESSAGES/*.po"):
            rel = po_path.relative_to(HERE / "translations")
            mo_path = target / "locale" / rel.with_suffix(".mo")
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file)
            with mo_path.open("wb") as mo_file:
                write_mo(mo_file, catalog)
        resources = HERE / "resources"
        if resources.is_dir():
            shutil.copytree(resources, target / "resources", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithTranslations})
