"""The Outreach page: what someone making, checking and printing leaflets and letters sees."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt

from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.services.demo_outreach import sample_items
from advocate_app.ui import prompts
from advocate_app.ui.dialogs import print_pack
from advocate_app.ui.dialogs.outreach_editor import OutreachEditor
from advocate_app.ui.pages import outreach, outreach_output
from advocate_app.ui.pages.outreach import OutreachPage

RENDER_TIMEOUT = 20_000


def _save_samples(services) -> dict[str, int]:
    return {item.title: services.outreach.save(item) for item in sample_items()}


def _leaflet(services) -> tuple[int, OutreachItem]:
    item = next(i for i in sample_items() if i.kind == ItemKind.LEAFLET and i.language == "en"
                and not i.easy_read)
    return services.outreach.save(item), item


@pytest.fixture
def page(qtbot, services):
    widget = OutreachPage(services)
    qtbot.addWidget(widget, before_close_func=lambda w: w.wait_for_work())
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def _editor(qtbot, services, item, item_id=None):
    dialog = OutreachEditor(services, item, item_id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.preview.wait())
    return dialog


def _shown(page, row, column):
    """The text of a cell of the list as shown (sorted, filtered)."""
    shown = page.table.model()
    return shown.data(shown.index(row, column))


def _titles(page):
    return [_shown(page, row, outreach.TITLE) for row in range(page.table.model().rowCount())]


def _select(page, title):
    row = _titles(page).index(title)
    page.table.selectRow(row)


def test_the_outreach_section_lists_the_saved_items(qtbot, main_window, services):
    saved = _save_samples(services)
    page = main_window.show_section("outreach")
    assert isinstance(page, OutreachPage)
    assert sorted(_titles(page)) == sorted(saved)
    assert page.count_label.text() == f"{len(saved)} items"
    qtbot.keyClicks(page.filter_field, "french")
    assert _titles(page) and all(
        _shown(page, r, outreach.LANGUAGE) == "French"
        for r in range(page.table.model().rowCount()))
    page.wait_for_work()


def test_the_list_sorts_titles_regardless_of_case_and_dates_by_time(qtbot, page, services):
    from dataclasses import replace

    _item_id, item = _leaflet(services)
    ids = {title: services.outreach.save(replace(item, title=title))
           for title in ("cherry", "apple", "Banana")}  # saved in this order
    page.refresh()
    assert _titles(page) == ["apple", "Banana", "cherry", item.title]
    page.table.sortByColumn(outreach.CHANGED, Qt.SortOrder.DescendingOrder)
    assert _titles(page)[:3] == ["Banana", "apple", "cherry"]
    _select(page, "apple")
    page.refresh()  # the chosen item stays chosen, wherever it sorts
    assert page.selected_id() == ids["apple"]
    assert _shown(page, page.table.currentIndex().row(), outreach.TITLE) == "apple"
    qtbot.keyClicks(page.filter_field, "cher")  # the chosen item is filtered out: let go
    assert _titles(page) == ["cherry"] and page.selected_id() is None
    assert not page.edit_button.isEnabled()
    assert page.count_label.text() == "1 of 4 items"
    page.select_item(ids["Banana"])  # choosing a hidden item clears the filter
    assert page.filter_field.text() == "" and page.selected_id() == ids["Banana"]


def test_an_empty_list_says_how_to_start(page):
    assert page.empty_label.isVisible()
    assert not page.edit_button.isEnabled() and not page.pdf_button.isEnabled()


def test_selecting_an_item_draws_its_preview(qtbot, page, services):
    item_id, item = _leaflet(services)
    page.refresh()
    _select(page, item.title)
    assert page.selected_id() == item_id
    qtbot.waitUntil(lambda: page.preview.document.pageCount() > 0, timeout=RENDER_TIMEOUT)
    assert "page" in page.preview.status.text()
    page.preview.set_profile(ProfileKey.LARGE)
    assert page.preview.status.text() == "Rendering…"
    qtbot.waitUntil(lambda: page.preview.status.text().startswith("Large print:"),
                    timeout=RENDER_TIMEOUT)
    # The drawing's background task ends just after its pages are shown; then Print opens.
    qtbot.waitUntil(lambda: not page.preview.is_busy(), timeout=RENDER_TIMEOUT)
    assert page.print_button.isEnabled()


def _count_drawings(services, monkeypatch) -> list[tuple[str, str]]:
    """(title, profile) of every preview the outreach service draws from now on."""
    drawn: list[tuple[str, str]] = []
    original = services.outreach.preview_pdf

    def preview_pdf(item, profile, **stored):
        drawn.append((item.title, profile.value))
        return original(item, profile, **stored)

    monkeypatch.setattr(services.outreach, "preview_pdf", preview_pdf)
    return drawn


def test_choosing_an_easy_read_item_draws_only_that_item(qtbot, page, services, monkeypatch):
    saved = _save_samples(services)
    easy = next(i for i in sample_items() if i.easy_read)
    plain = next(i for i in sample_items() if not i.easy_read and i.kind == ItemKind.LEAFLET)
    page.refresh()
    page.select_item(saved[plain.title])
    qtbot.waitUntil(lambda: not page.preview.is_busy()
                    and page.preview.document.pageCount() > 0, timeout=RENDER_TIMEOUT)
    drawn = _count_drawings(services, monkeypatch)
    page.select_item(saved[easy.title])
    qtbot.waitUntil(lambda: not page.preview.is_busy()
                    and page.preview.status.text().startswith("Easy Read:"),
                    timeout=RENDER_TIMEOUT)
    # Not the leaflet shown before in Easy Read first, then the Easy Read item.
    assert drawn == [(easy.title, "easy-read")]
    assert page.preview.profile() == ProfileKey.EASY_READ


def test_arrowing_through_the_list_draws_only_the_item_stopped_on(qtbot, page, services,
                                                                   monkeypatch):
    _save_samples(services)
    page.refresh()
    qtbot.waitUntil(lambda: not page.preview.is_busy(), timeout=RENDER_TIMEOUT)
    drawn = _count_drawings(services, monkeypatch)
    page.table.setFocus()
    for _step in range(3):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
        assert page.preview.status.text() == "Rendering…"  # said at once, for every step
    stopped_on = page.selected_id()
    qtbot.waitUntil(lambda: not page.preview.is_busy()
                    and page.preview.document.pageCount() > 0, timeout=RENDER_TIMEOUT)
    assert drawn == [(services.outreach.get(stopped_on).title, drawn[0][1])]


def test_the_editor_opens_on_the_drawing_the_page_already_shows(qtbot, page, services,
                                                                monkeypatch):
    """Editing the item in view does not draw it again: the editor opens with its pages."""
    _item_id, item = _leaflet(services)
    page.refresh()
    qtbot.waitUntil(lambda: not page.preview.is_busy()
                    and page.preview.document.pageCount() > 0, timeout=RENDER_TIMEOUT)
    pages = page.preview.document.pageCount()
    drawn = _count_drawings(services, monkeypatch)
    seen = []

    def opened(dialog):
        seen.append((dialog.preview.is_busy(), dialog.preview.document.pageCount(),
                     dialog.preview.status.text(), dialog.problem_texts()))
        return False

    monkeypatch.setattr(page, "_run_dialog", opened)
    page.edit_selected()
    assert seen == [(False, pages, page.preview.status.text(),
                     ["No problems for Standard print."])]
    assert drawn == []
    # Changed in the editor, the item is drawn again.
    dialog = OutreachEditor(services, item, None, page, ProfileKey.STANDARD,
                            drawing=page.preview.drawing())
    qtbot.addWidget(dialog, before_close_func=lambda d: d.preview.wait())
    dialog.title_edit.setText("Another title")
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: not dialog.preview.is_busy(), timeout=RENDER_TIMEOUT)
    assert drawn == [("Another title", "standard")]
    # In another profile than the page's drawing, the editor draws its own.
    other = OutreachEditor(services, item, None, page, ProfileKey.LARGE,
                           drawing=page.preview.drawing())
    qtbot.addWidget(other, before_close_func=lambda d: d.preview.wait())
    qtbot.waitUntil(lambda: not other.preview.is_busy(), timeout=RENDER_TIMEOUT)
    assert drawn[-1] == (item.title, "large")


def test_an_item_that_cannot_be_drawn_says_so(qtbot, page, services):
    item = OutreachItem(ItemKind.LEAFLET, "Unknown picture", "en", (
        Block("heading", {"level": 1, "text": "Unknown picture"}),
        Block("paragraph", {"text": "Beside a picture Advocate does not have",
                            "picture": "unicorn"})))
    services.outreach.save(item)
    page.refresh()
    qtbot.waitUntil(lambda: page.preview.failed, timeout=RENDER_TIMEOUT)
    assert page.preview.status.text().startswith("This item cannot be shown:")
    assert page.preview.document.pageCount() == 0


def test_the_editor_changes_a_heading_and_saving_keeps_it(qtbot, page, services, monkeypatch):
    item_id, item = _leaflet(services)
    page.refresh()
    _select(page, item.title)

    def change_heading(dialog):
        dialog.block_list.setCurrentRow(0)
        assert dialog.block_form.heading_text.text() == item.blocks[0].data["text"]
        dialog.block_form.heading_text.setText("Living well with a rare condition")
        assert dialog.block_list.item(0).text() == "Heading 1: Living well with a rare condition"
        dialog.save()
        return dialog.saved_id is not None

    monkeypatch.setattr(page, "_run_dialog", change_heading)
    seen = []
    page.status_message.connect(seen.append)
    page.edit_selected()
    stored = services.outreach.get(item_id)
    assert stored.blocks[0].data == {"level": 1, "text": "Living well with a rare condition"}
    assert stored.blocks[1:] == item.blocks[1:]
    assert page.selected_id() == item_id
    assert seen == [f"“{item.title}” saved."]


def test_a_closed_editor_is_not_kept(qtbot, page, services, monkeypatch):
    """Each closed editor left behind made the page's events, and the next editor, slower."""
    from PySide6.QtCore import QCoreApplication, QEvent

    _leaflet(services)
    page.refresh()
    page.table.selectRow(0)
    monkeypatch.setattr(page, "_run_dialog", lambda dialog: False)  # opened, then cancelled
    for _ in range(3):
        page.edit_selected()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert page.findChildren(OutreachEditor) == []


def test_the_editor_moves_removes_and_adds_blocks(qtbot, services):
    item_id, item = _leaflet(services)
    dialog = _editor(qtbot, services, item, item_id)
    dialog.block_list.setCurrentRow(1)
    dialog.move_block(-1)
    assert dialog.current_item().blocks[0] == item.blocks[1]
    dialog.remove_block()
    assert dialog.current_item().blocks == item.blocks[:1] + item.blocks[2:]
    dialog.add_block("list")
    dialog.block_form.list_items.setPlainText("First\n\nSecond\n")
    dialog.block_form.list_ordered.setChecked(True)
    added = dialog.current_item().blocks[1]
    assert added == Block("list", {"ordered": True, "items": ["First", "Second"]})
    dialog.add_block("table")
    dialog.block_form.table_header.setText("When | Where")
    dialog.block_form.table_rows.setPlainText("Monday | Leeds\nTuesday|York")
    assert dialog.current_item().blocks[2].data == {
        "header": ["When", "Where"], "rows": [["Monday", "Leeds"], ["Tuesday", "York"]]}


def test_a_title_is_needed_and_cancel_asks_before_losing_changes(qtbot, services, monkeypatch):
    dialog = _editor(qtbot, services, OutreachItem(ItemKind.POSTER, "", "en"))
    dialog.save()
    assert dialog.saved_id is None and dialog.title_error.text() == (
        "An outreach item needs a title.")
    dialog.title_edit.setText("Clinic poster")
    asked, closed = [], []
    dialog.finished.connect(closed.append)
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: asked.append(1) or False)
    dialog.reject()
    assert asked and not closed
    assert services.outreach.list() == []


def test_the_preflight_panel_lists_an_image_without_alt_text(qtbot, services):
    item_id, item = _leaflet(services)
    dialog = _editor(qtbot, services, item, item_id)
    assert dialog.problem_texts() == ["No problems for Standard print."]
    dialog.block_list.setCurrentRow(0)
    dialog.add_block("image")
    assert dialog.block_form.image_alt.text() == ""
    qtbot.waitUntil(lambda: any("no alt text" in text for text in dialog.problem_texts()),
                    timeout=5_000)
    problem = next(text for text in dialog.problem_texts() if "no alt text" in text)
    assert problem.startswith("Picture “Information”: ")  # named by what it shows
    dialog.block_form.image_alt.setText("A circle with the letter i")
    qtbot.waitUntil(lambda: dialog.problem_texts() == ["No problems for Standard print."],
                    timeout=5_000)
    qtbot.waitUntil(lambda: not dialog.preview.is_busy()
                    and dialog.preview.document.pageCount() > 0, timeout=RENDER_TIMEOUT)


def _item_with_a_problem(services) -> int:
    item = OutreachItem(ItemKind.LEAFLET, "Support group", "en", (
        Block("heading", {"level": 1, "text": "Support group"}),
        Block("image", {"pictogram": "people", "alt": ""}),
        Block("paragraph", {"text": "We meet every month."})))
    return services.outreach.save(item)


def test_save_as_pdf_with_a_problem_asks_and_records_the_override(qtbot, page, services,
                                                                  monkeypatch, tmp_path):
    item_id = _item_with_a_problem(services)
    page.refresh()
    target = tmp_path / "support-group.pdf"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    answers = iter([False, True])
    shown = []

    def ask(parent, title, problems):
        shown.append(problems)
        return next(answers)

    monkeypatch.setattr(outreach_output, "ask_save_anyway", ask)
    opened = []

    def fix(dialog):
        opened.append(dialog.block_list.currentRow())
        return False

    monkeypatch.setattr(page, "_run_dialog", fix)
    page.output.save_pdf()  # "go back and fix": the editor opens at the picture
    assert opened == [1]
    assert not target.exists() and services.outreach.renderings(item_id) == []
    page.output.save_pdf()  # "save anyway"
    qtbot.waitUntil(lambda: target.exists() and not page.output.pdf_task.is_running(),
                    timeout=RENDER_TIMEOUT)
    assert target.read_bytes().startswith(b"%PDF")
    assert shown[0] == ["Picture “A group of people”: This image has no alt text: describe "
                        "it, or mark it as decorative."]
    record = services.outreach.renderings(item_id)[0]
    assert record["output"] == "pdf" and record["profile"] == "standard"
    assert record["overridden"] == [
        "This image has no alt text: describe it, or mark it as decorative."]


def test_save_as_html(qtbot, page, services, monkeypatch, tmp_path):
    item_id, item = _leaflet(services)
    page.refresh()
    target = tmp_path / "leaflet.html"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    seen = []
    page.status_message.connect(seen.append)
    page.output.save_html()
    qtbot.waitUntil(lambda: seen[-1:] == ["Saved leaflet.html."], timeout=RENDER_TIMEOUT)
    assert item.title in target.read_text(encoding="utf-8")
    assert services.outreach.renderings(item_id)[0]["output"] == "html"


def test_files_are_written_and_previews_drawn_by_the_service_off_the_window_thread(
        qtbot, page, services, monkeypatch, tmp_path):
    """The window never renders or writes a file itself: the outreach service does, in the
    background, so the window keeps answering while it works."""
    import threading

    _item_id, item = _leaflet(services)
    outreach_service = services.outreach
    threads: dict[str, str] = {}
    for name in ("preview_pdf", "render_pdf", "render_html", "write_json"):
        original = getattr(outreach_service, name)

        def spy(*args, _name=name, _original=original, **kwargs):
            threads[_name] = threading.current_thread().name
            return _original(*args, **kwargs)

        monkeypatch.setattr(outreach_service, name, spy)
    page.refresh()
    qtbot.waitUntil(lambda: page.preview.document.pageCount() > 0, timeout=RENDER_TIMEOUT)
    for method, extension in ((page.output.save_pdf, "pdf"), (page.output.save_html, "html"),
                              (page.output.export_json, "json")):
        target = tmp_path / f"item.{extension}"
        monkeypatch.setattr(prompts, "save_file", lambda *a, t=target, **k: str(t))
        method()
        qtbot.waitUntil(lambda t=target: t.exists(), timeout=RENDER_TIMEOUT)
    page.wait_for_work()
    assert set(threads) == {"preview_pdf", "render_pdf", "render_html", "write_json"}
    main = threading.main_thread().name
    assert all(thread != main for thread in threads.values()), threads
    assert (tmp_path / "item.json").read_text(encoding="utf-8") == item.to_json()


def test_importing_malformed_json_says_why_and_adds_nothing(qtbot, page, services, monkeypatch,
                                                            tmp_path):
    _leaflet(services)
    page.refresh()
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "advocate-outreach/1", "kind": ', encoding="utf-8")
    monkeypatch.setattr(outreach, "choose_open_file", lambda *args, **kwargs: str(broken))
    errors = []
    monkeypatch.setattr(prompts, "error", lambda parent, title, text: errors.append(text))
    page.import_json()
    assert len(errors) == 1
    assert errors[0].startswith("broken.json was not imported. This is not JSON (line 1)")
    assert len(services.outreach.list()) == 1 and page.model.rowCount() == 1


def test_export_then_import_makes_a_second_copy(qtbot, page, services, monkeypatch, tmp_path):
    item_id, item = _leaflet(services)
    page.refresh()
    target = tmp_path / "leaflet.json"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    page.output.export_json()
    qtbot.waitUntil(lambda: not page.output.json_task.is_running(), timeout=RENDER_TIMEOUT)
    monkeypatch.setattr(outreach, "choose_open_file", lambda *args, **kwargs: str(target))
    page.import_json()
    assert page.model.rowCount() == 2 and page.selected_id() != item_id
    assert services.outreach.get(page.selected_id()) == item


def test_duplicate_and_archive(qtbot, page, services, monkeypatch):
    _item_id, item = _leaflet(services)
    page.refresh()
    page.duplicate_selected()
    assert sorted(_titles(page)) == sorted([item.title, f"{item.title} (copy)"])
    assert _shown(page, page.table.currentIndex().row(), outreach.TITLE).endswith("(copy)")
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert _titles(page) == [item.title]


def _member(services, given, family, *, consent=True, address="1 High Street\nLeeds",
            postcode="LS1 1AA", print_format=None):
    from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
    from advocate_app.domain.member_views import MemberInput
    from advocate_app.services.consent import ConsentEntry

    member = services.members.create(MemberInput(
        given_name=given, family_name=family, address=address, postcode=postcode,
        country="GB", preferred_language="en", print_format=print_format))
    if consent:
        services.consent.record(member.id, ConsentEntry(
            ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.PAPER,
            date(2025, 1, 3)))
    return member


def test_a_print_pack_from_the_dialog_writes_the_summary(qtbot, services, monkeypatch,
                                                         tmp_path):
    item_id, item = _leaflet(services)
    _member(services, "Ama", "Boateng")
    _member(services, "Kwame", "Mensah")
    _member(services, "Ana", "Silva", consent=False)
    _member(services, "Bo", "Berg", address="", postcode="")
    dialog = print_pack.PrintPackDialog(services, item_id, item.title)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.count_label.text() == "4 members"
    assert not dialog.start_button.isEnabled()
    out = tmp_path / "pack"
    out.mkdir()
    monkeypatch.setattr(print_pack, "choose_folder", lambda *args, **kwargs: str(out))
    dialog.browse()
    assert dialog.start_button.isEnabled()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_pack is not None, timeout=60_000)
    assert (out / "summary.pdf").is_file() and (out / "labels.pdf").is_file()
    text = dialog.summary.text()
    assert text.startswith("2 copies to print and post.")
    assert "2 members left out:" in text
    assert "No valid consent for “Newsletter and updates”: 1" in text
    assert "No postal address: 1" in text
    assert dialog.open_button.isVisible()
    opened = []
    monkeypatch.setattr(print_pack, "open_folder", opened.append)
    dialog.open_button.click()
    assert opened == [out]


def test_a_print_pack_for_a_saved_segment(qtbot, services, monkeypatch, tmp_path):
    from advocate_app.domain.member_views import MemberQuery

    item_id, item = _leaflet(services)
    _member(services, "Ama", "Boateng")
    _member(services, "Kwame", "Mensah")
    services.segments.save("Boateng family", MemberQuery(text="Boateng"))
    dialog = print_pack.PrintPackDialog(services, item_id, item.title)
    qtbot.addWidget(dialog)
    dialog.who.setCurrentIndex(dialog.who.findText("Segment: Boateng family"))
    assert dialog.count_label.text() == "1 member"
    dialog.folder.setText(str(tmp_path))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_pack is not None, timeout=60_000)
    assert dialog.result_pack.copies == 1
    assert "Nobody was left out." in dialog.summary.text()


def test_printing_draws_every_page_at_its_own_size(qtbot, page, services, tmp_path):
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    _leaflet(services)
    page.refresh()
    qtbot.waitUntil(lambda: page.preview.document.pageCount() > 0 and not page.preview.is_busy(),
                    timeout=RENDER_TIMEOUT)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = outreach_output.print_document(page.preview.document, printer)
    assert pages == page.preview.document.pageCount()
    printed = QPdfDocument()
    printed.load(str(tmp_path / "printed.pdf"))
    assert printed.pageCount() == pages
    size = printed.pagePointSize(0)
    assert abs(size.width() - 595.3) < 2 and abs(size.height() - 841.9) < 2


def test_every_control_has_a_label_or_accessible_name(qtbot, page, services):
    from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QWidget

    item_id, item = _leaflet(services)
    page.refresh()
    dialog = _editor(qtbot, services, item, item_id)
    dialog.show()
    for row in range(len(item.blocks)):
        dialog.block_list.setCurrentRow(row)
        for owner in (page, dialog):
            labelled = {label.buddy() for label in owner.findChildren(QLabel) if label.buddy()}
            for widget in owner.findChildren(QWidget):
                if isinstance(widget.parent(), QAbstractSpinBox):
                    continue  # the spin box's own text field; the spin box is named
                if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
                    assert widget.accessibleName() or widget in labelled, widget


def test_a_print_pack_for_the_members_selected_on_the_members_page(qtbot, main_window, services,
                                                                  monkeypatch, tmp_path):
    item_id, item = _leaflet(services)
    chosen = [_member(services, "Ama", "Boateng"), _member(services, "Kwame", "Mensah")]
    _member(services, "Ana", "Silva")  # not selected: gets nothing
    page = main_window.show_section("members")
    page.refresh()
    from PySide6.QtCore import QItemSelectionModel

    rows = {page.model.member_id(r): r for r in range(page.model.rowCount())}
    page.table.clearSelection()
    flags = (QItemSelectionModel.SelectionFlag.Select
             | QItemSelectionModel.SelectionFlag.Rows)
    for member in chosen:  # as Ctrl+click does
        page.table.selectionModel().select(page.model.index(rows[member.id], 0), flags)
    assert sorted(page.selected_ids()) == sorted(m.id for m in chosen)
    assert page.print_pack_action.isEnabled()

    offered = []
    monkeypatch.setattr(prompts, "choose", lambda parent, title, label, options:
                        offered.extend(options) or next(
                            i for i, text in enumerate(options) if text.startswith(item.title)))
    out = tmp_path / "pack"
    out.mkdir()
    monkeypatch.setattr(print_pack, "choose_folder", lambda *args, **kwargs: str(out))
    dialogs = []

    def run(dialog):
        dialogs.append(dialog)
        assert dialog.count_label.text() == "2 members"
        dialog.browse()
        dialog.start()
        qtbot.waitUntil(lambda: dialog.result_pack is not None, timeout=60_000)
        return 0

    monkeypatch.setattr(print_pack.PrintPackDialog, "exec", run)
    page.print_pack_selected()
    assert any(text.startswith(item.title) for text in offered)
    assert dialogs[0].result_pack.copies == 2
    assert (out / "labels.pdf").is_file()


def test_a_print_pack_lists_what_the_pre_flight_check_refused(qtbot, services, monkeypatch,
                                                              tmp_path):
    from advocate_app.domain.community import PrintFormat

    item = next(i for i in sample_items() if i.group == "spring-newsletter")
    item_id = services.outreach.save(item)
    _member(services, "Ama", "Boateng")
    _member(services, "Kwame", "Mensah", print_format=PrintFormat.EASY_READ)
    dialog = print_pack.PrintPackDialog(services, item_id, item.title)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "pack"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_pack is not None, timeout=60_000)
    text = dialog.summary.text()
    assert text.startswith("1 copy to print and post.")
    assert f"Not printed: “{item.title}” in Easy Read (English) for 1 member" in text
    assert "… and 3 more (the summary sheet lists them)" in text
    assert "words" in text and "tick “Print anyway”" in text
    dialog.result_pack = None
    dialog.print_anyway.setChecked(True)
    dialog.folder.setText(str(tmp_path / "again"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_pack is not None, timeout=60_000)
    text = dialog.summary.text()
    assert text.startswith("2 copies to print and post.") and "Not printed" not in text
    assert "printed anyway despite" in text
    logged = services.outreach.renderings(item_id)
    assert [r["profile"] for r in logged if r["overridden"]] == ["easy-read"]


def test_a_print_pack_reads_its_members_off_the_window_thread(qtbot, services, monkeypatch,
                                                              tmp_path):
    """All members (or a segment) can be many: the window keeps answering while they are read."""
    import threading

    item_id, item = _leaflet(services)
    _member(services, "Ama", "Boateng")
    threads = []
    original = services.members.list

    def listing(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    dialog = print_pack.PrintPackDialog(services, item_id, item.title)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(services.members, "list", listing)
    dialog.folder.setText(str(tmp_path / "pack"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_pack is not None, timeout=60_000)
    assert dialog.result_pack.copies == 1
    assert threads and not any(threads)


def test_a_picture_chosen_in_the_editor_is_kept_in_advocate(qtbot, services, monkeypatch,
                                                            tmp_path):
    """Saving copies the chosen picture in; opened again, the block says the picture is kept
    in Advocate (no path), and a FIFO chosen instead is refused in one sentence."""
    from PIL import Image

    picture = tmp_path / "walk.png"
    Image.new("RGB", (30, 20), (10, 120, 40)).save(picture, "PNG")
    item_id, item = _leaflet(services)
    dialog = _editor(qtbot, services, item, item_id)
    dialog.add_block("image")
    form = dialog.block_form
    form.image_pictogram.setCurrentIndex(form.image_pictogram.findData(""))
    form.image_path.setText(str(picture))
    form.image_alt.setText("Members on the walk")
    dialog.save()
    stored = services.outreach.get(dialog.saved_id)
    block = next(b for b in stored.blocks if b.type == "image" and "digest" in b.data)
    picture.unlink()
    again = _editor(qtbot, services, stored, dialog.saved_id)
    again.block_list.setCurrentRow(list(stored.blocks).index(block))
    assert again.block_form.image_path.text() == ""
    assert "kept in Advocate" in again.block_form.image_path.placeholderText()
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    again.block_form.image_path.setText(str(fifo))
    errors = []
    monkeypatch.setattr(prompts, "error", lambda parent, title, text: errors.append(text))
    again.save()
    assert len(errors) == 1 and "not a file Advocate can read" in errors[0]
