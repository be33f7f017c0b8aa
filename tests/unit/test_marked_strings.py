"""No words reach the window without ``_()``: a text given to a Qt widget as a bare string
literal would stay English in every language.

``tests/ui/test_fit.py`` finds such words at run time in the accented pseudo-language, but only
in what its windows show when they open; this reads every module under ``advocate_app/ui`` for
the rest (messages, menus built later, texts set after a click).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "advocate_app" / "ui"

#: Qt calls that show their text argument, and where that argument is (0: the first).
TEXT_ARGUMENT = {
    **dict.fromkeys((
        "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton",
        "QAction", "QCommandLinkButton", "addAction", "addMenu", "addRow", "addItem", "setText",
        "setWindowTitle", "setTitle", "setToolTip", "setStatusTip", "setWhatsThis",
        "setPlaceholderText", "setAccessibleName", "setAccessibleDescription", "setSuffix",
        "setPrefix", "setSpecialValueText", "showMessage", "setLabelText", "setInformativeText",
        "setDetailedText", "setHtml", "setPlainText", "setButtonText", "setSubTitle"), 0),
    **dict.fromkeys(("addTab", "setTabText", "insertItem", "setItemText", "setTabToolTip"), 1),
    "insertTab": 2,
}
#: Calls whose first argument is a list of texts.
TEXT_LISTS = {"setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
              "addItems"}
#: Words that are the same in every language: formats, technical names, a URL's start.
TECHNICAL = {"CSV", "XLSX", "PDF", "DOCX", "HTML", "JSON", "XLIFF", "PO", "vCard", "iCalendar",
             "ICS", "UTF", "ISO", "Latin", "SQLite", "PostgreSQL", "URL", "https", "http",
             "Advocate", "px", "pt", "mm", "cp"}


def _words_to_translate(text: str) -> bool:
    return any(word not in TECHNICAL for word in re.findall("[A-Za-z]{2,}", text))


def _literal(node: ast.AST) -> str | None:
    """The text of a string literal or of an f-string's literal parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    return None


def unmarked_literals(source: str, filename: str = "<code>") -> list[str]:
    """``file:line: call('text')`` for each bare text given to a Qt call in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        arguments: list[ast.AST] = []
        if name in TEXT_ARGUMENT and len(node.args) > TEXT_ARGUMENT[name]:
            arguments = [node.args[TEXT_ARGUMENT[name]]]
        elif name in TEXT_LISTS and node.args and isinstance(node.args[0], ast.List | ast.Tuple):
            arguments = list(node.args[0].elts)
        for argument in arguments:
            text = _literal(argument)
            if text is not None and _words_to_translate(text):
                found.append(f"{filename}:{node.lineno}: {name}({text!r})")
    return found


def test_the_check_finds_a_bare_text():
    code = ('label = QLabel("Members")\nbox.setTitle(f"{n} members")\nlist.addItems(["Open", '
            '_("Closed")])\ntabs.addTab(page, "Details")\nlabel.setText(_("Members"))\n'
            'combo.addItem(_("A share"), "percent")\nedit.setPlaceholderText("https://")\n'
            'combo.addItem("CSV")\n')
    found = unmarked_literals(code)
    assert [line.split(": ", 1)[1] for line in found] == [
        "QLabel('Members')", "setTitle(' members')", "addItems('Open')", "addTab('Details')"]


def test_every_text_given_to_qt_is_marked_for_translation():
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += unmarked_literals(path.read_text(encoding="utf-8"),
                                   str(path.relative_to(UI.parents[1])))
    assert not found, "wrap these in _() or ngettext():\n" + "\n".join(found)
