"""Tables read: the text column takes the room left and wraps; titles are never cut."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QHeaderView

from advocate_app.i18n import install_language
from advocate_app.ui.dialogs.member_editor import MemberEditorDialog
from advocate_app.ui.widgets.tables import fill, header_text_width, read_only_table


@pytest.fixture
def large_text():
    app = QApplication.instance()
    font = app.font()
    normal = font.pointSizeF()
    font.setPointSizeF(normal * 1.5)
    app.setFont(font)
    yield
    font.setPointSizeF(normal)
    app.setFont(font)


def assert_titles_whole(table) -> None:
    header = table.horizontalHeader()
    for column in range(header.count()):
        title = table.model().headerData(column, header.orientation())
        assert header.sectionSize(column) >= header_text_width(header, column), title


@pytest.mark.parametrize("language", ["en", "fr"])
def test_health_conditions_titles_are_whole_in_a_small_editor(qtbot, services, large_text,
                                                              language):
    install_language(language)
    dialog = MemberEditorDialog(services, None)
    qtbot.addWidget(dialog)
    dialog.resize(700, 600)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.tabs.widget(2))
    qtbot.waitExposed(dialog)
    table = dialog.health_tab.conditions
    qtbot.waitUntil(table.isVisible)
    assert_titles_whole(table)
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch


def test_the_text_column_stretches_and_long_text_wraps(qtbot, large_text):
    table = read_only_table(["Date", "What", "Summary"], "Timeline", main=2)
    qtbot.addWidget(table)
    table.resize(420, 300)
    table.show()
    qtbot.waitExposed(table)
    fill(table, [("3 Dec 2026", "Call", "A long conversation about travel to the clinic, "
                  "the cost of the train and who can come along next time")])
    assert table.wordWrap()
    header = table.horizontalHeader()
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch
    qtbot.waitUntil(lambda: table.rowHeight(0) > 2 * table.fontMetrics().height())
    assert_titles_whole(table)


def test_titles_grow_with_the_text_size(qtbot):
    table = read_only_table(["Diagnosis confirmed", "Condition"], "Conditions", main=1)
    qtbot.addWidget(table)
    table.resize(200, 200)
    table.show()
    qtbot.waitExposed(table)
    assert_titles_whole(table)
    app = QApplication.instance()
    font = app.font()
    normal = font.pointSizeF()
    font.setPointSizeF(normal * 2)
    app.setFont(font)
    try:
        qtbot.wait(50)
        assert_titles_whole(table)
    finally:
        font.setPointSizeF(normal)
        app.setFont(font)


def test_the_duplicates_list_wraps_its_reasons(qtbot, services):
    from advocate_app.ui.dialogs.duplicates import DuplicatesDialog

    dialog = DuplicatesDialog(services)
    qtbot.addWidget(dialog)
    header = dialog.table.horizontalHeader()
    assert dialog.table.wordWrap()
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(0) != QHeaderView.ResizeMode.Stretch
    if dialog.task is not None:
        qtbot.waitUntil(lambda: not dialog.task.is_running(), timeout=10_000)


def test_a_narrow_table_keeps_its_text_readable_and_scrolls(qtbot):
    table = read_only_table(["Purpose", "Answer", "Date", "How", "Evidence", "Recorded by"],
                            "Consent history", main=4)
    qtbot.addWidget(table)
    fill(table, [("Photos", "Granted", "2 Oct 2025", "Online form", "Ticked the box on the "
                  "sign-up form at the family day", "Local user")])
    table.resize(250, 200)
    table.show()
    qtbot.waitExposed(table)
    average = table.horizontalHeader().fontMetrics().averageCharWidth()
    qtbot.waitUntil(lambda: table.columnWidth(4) >= 12 * average)
    assert table.columnWidth(1) < 12 * average  # "Answer" takes only what it needs
    assert table.horizontalHeader().length() > table.viewport().width()  # a scroll away
    assert_titles_whole(table)


def test_a_narrow_report_never_cuts_a_word_of_its_text_column(qtbot, large_text):
    """A report with a column a region leaves its condition column little room: it keeps at
    least its longest word whole (the table scrolls sideways instead)."""
    regions = [f"Region {n}" for n in range(30)]
    table = read_only_table(["Condition", *regions], "Research contacts", main=0)
    qtbot.addWidget(table)
    table.resize(700, 300)
    table.show()
    qtbot.waitExposed(table)
    fill(table, [("ORPHA:60030 Loeys-Dietz syndrome", *["<5"] * 30),
                 ("ORPHA:285 Hypermobile Ehlers-Danlos syndrome", *["<5"] * 30)])
    word = table.fontMetrics().horizontalAdvance("Ehlers-Danlos")
    qtbot.waitUntil(lambda: table.columnWidth(0) > word)


def test_text_columns_sharing_a_narrow_table_each_keep_their_words_whole(qtbot, large_text):
    """Two text columns, one with long words: neither is squeezed below its longest word
    (an equal share would cut one; a stretched one would be left the crumbs)."""
    table = read_only_table(["You said", "We promised", "Owner", "Due"], "Promises",
                            main=(0, 1))
    qtbot.addWidget(table)
    table.resize(520, 300)
    table.show()
    qtbot.waitExposed(table)
    fill(table, [("Study visits are too long for children",
                  "Pseudoxanthoma-elasticum screening", "Chair", "3 Dec 2026")])
    metrics = table.fontMetrics()
    qtbot.waitUntil(lambda: table.columnWidth(1)
                    > metrics.horizontalAdvance("Pseudoxanthoma-elasticum"))
    # The other keeps a readable width (about twelve characters), not what is left over.
    assert table.columnWidth(0) >= 12 * metrics.averageCharWidth()


def test_a_long_list_that_wraps_fits_only_the_rows_in_view_and_the_others_as_they_come(qtbot):
    """2,000 registrations: the list shows at once (the rows in view are fitted to their
    wrapped text; fitting every row took seconds each time the list was filled), and rows
    further down are fitted as they are scrolled into view."""
    from PySide6.QtCore import Qt

    from advocate_app.ui.models.rows import Row, RowsModel
    from advocate_app.ui.widgets.tables import rows_table

    asked: list[int] = []

    class Counting(RowsModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                asked.append(index.row())
            return super().data(index, role)

    model = Counting(["Name", "Status", "Access asked for"])
    table = rows_table(model, "Registrations", main=(0, 2))
    qtbot.addWidget(table)
    table.resize(600, 400)
    table.show()
    qtbot.waitExposed(table)
    rows = 2000
    model.set_rows(Row(n, (f"Person {n}", "On the\nwaitlist",
                           "Live captions, sign-language interpretation and large-print "
                           "papers, please")) for n in range(rows))
    one_line = table.fontMetrics().height()
    qtbot.waitUntil(lambda: table.rowHeight(0) > 2 * one_line)  # wrapped text shows whole
    QApplication.processEvents()
    assert max(asked) < rows - 1  # the last rows were never read to lay the list out
    assert len(asked) < rows  # fewer reads than rows: not each row's cells, let alone again
    table.scrollToBottom()
    qtbot.waitUntil(lambda: table.rowHeight(rows - 1) > 2 * one_line)
