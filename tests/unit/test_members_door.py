"""The members area's window goes through services only: it names no file reader, writer or
renderer itself (issue 10, "services are the only door")."""

from __future__ import annotations

from tests.unit.test_import_contract import internal_imports

#: The members area's modules in ui/ (the page, its parts, the editor, its tabs, the wizard).
MEMBER_UI = ("advocate_app.ui.pages.member", "advocate_app.ui.dialogs.member",
             "advocate_app.ui.dialogs.import_wizard", "advocate_app.ui.models.member")


def test_the_members_window_reads_and_writes_files_only_through_services():
    reaching = [f"{imp.importer} imports {imp.imported} (line {imp.line})"
                for imp in internal_imports() if imp.importer.startswith(MEMBER_UI)
                and imp.imported.startswith(("advocate_app.interchange",
                                             "advocate_app.documents",
                                             "advocate_app.storage"))]
    assert not reaching, "\n".join(reaching)


def test_the_check_sees_the_members_modules():
    importers = {imp.importer for imp in internal_imports()}
    assert "advocate_app.ui.pages.members" in importers
    assert "advocate_app.ui.dialogs.import_wizard" in importers
