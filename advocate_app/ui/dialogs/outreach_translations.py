"""An item's translations: each language with its state (up to date, stale since a revision of
the source, or missing for a language members read), who translated and reviewed it; a new
translation, what changed, marking one reviewed or up to date, and files for translators out
and back (in the background)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.access import Permission
from advocate_app.domain.outreach_translation_views import (
    TranslationFormat,
    TranslationSet,
    TranslationState,
    TranslationView,
)
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, format_number, language_name
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.board_editor import name_buttons
from advocate_app.ui.help import install_help_key
from advocate_app.ui.models.rows import Cell, Row, RowsModel, select_id, selected_id
from advocate_app.ui.widgets.screen import fit_to_screen
from advocate_app.ui.widgets.tables import rows_table, select_row

LANGUAGE, STATE, TRANSLATED_BY, REVIEWED_BY, READERS = range(5)

_FILTERS = {TranslationFormat.XLIFF: "XLIFF 2.0 (*.xlf *.xliff)",
            TranslationFormat.PO: "PO (*.po)"}


def choose_translation_file(parent: QWidget | None, title: str) -> str | None:
    """A translator's file to read back; None if the person cancels (tests replace this)."""
    from advocate_app.ui import file_dialogs

    return file_dialogs.open_file(parent, "outreach-translation", title, _(
        "Translation files (*.xlf *.xliff *.po);;All files (*)"))


def state_text(view: TranslationView) -> str:
    if view.state is TranslationState.STALE:
        return _("Stale since revision {revision}").format(revision=view.stale_since)
    if view.state is TranslationState.MISSING:
        return _("Missing")
    return _("Up to date")


class TranslationsDialog(QDialog):
    def __init__(self, services, item_id: int, parent: QWidget | None = None, *,
                 open_editor: Callable[[int], None] | None = None):
        super().__init__(parent)
        install_help_key(self)
        self._services = services
        self._item_id = item_id
        self._open_editor = open_editor
        self._views: dict[int, TranslationView] = {}
        self.translation_set: TranslationSet | None = None
        self.task = None
        self.setWindowTitle(_("Translations"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = RowsModel([_("Language"), _("State"), _("Translated by"),
                                _("Reviewed by"), _("Members who read it")], self,
                               alignment=None, tooltip_after=None)
        self.table = rows_table(self.model, _("Translations"), main=(STATE, TRANSLATED_BY, REVIEWED_BY))
        self.model.keep_selection_of(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self.table.doubleClicked.connect(lambda _index: self._double_clicked())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(_("What was done"))

        self.new_button = QPushButton(_("&New translation…"))
        self.new_button.clicked.connect(self.new_translation)
        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.changes_button = QPushButton(_("Show &changes…"))
        self.changes_button.clicked.connect(self.show_changes)
        self.up_to_date_button = QPushButton(_("Mark &up to date"))
        self.up_to_date_button.clicked.connect(self.mark_up_to_date)
        self.reviewed_button = QPushButton(_("Mark &reviewed…"))
        self.reviewed_button.clicked.connect(self.mark_reviewed)
        self.export_button = QPushButton(_("E&xport for translator…"))
        export_menu = QMenu(self.export_button)
        export_menu.addAction(_("XLIFF 2.0 (most translation tools)…"),
                              lambda: self.export(TranslationFormat.XLIFF))
        export_menu.addAction(_("PO (Poedit, Weblate)…"),
                              lambda: self.export(TranslationFormat.PO))
        self.export_button.setMenu(export_menu)
        self.import_button = QPushButton(_("&Import translation…"))
        self.import_button.clicked.connect(self.import_file)
        may_edit = services.actor.may(Permission.EDIT_OUTREACH)
        self._editing = (self.new_button, self.edit_button, self.up_to_date_button,
                         self.reviewed_button, self.export_button, self.import_button)
        for button in self._editing:
            button.setVisible(may_edit)
        # What is done to one translation, then the files that go to a translator and back.
        actions = QVBoxLayout()
        for group in ((self.new_button, self.edit_button, self.changes_button,
                       self.up_to_date_button, self.reviewed_button),
                      (self.export_button, self.import_button)):
            row = QHBoxLayout()
            for button in group:
                button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
                row.addWidget(button)
            row.addStretch(1)
            actions.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()
        fit_to_screen(self, 820, 480)

    # --- the list ------------------------------------------------------------------------

    def refresh(self) -> None:
        found = self._services.outreach_translations.translation_set(self._item_id)
        self.translation_set = found
        self.summary.setText(_(
            "“{title}” is written in {language}; its words are at revision {revision}. Each "
            "translation is stale from the moment the source's words change, until it is "
            "updated or marked up to date after a review.").format(
            title=found.source_title, language=language_name(found.source_language),
            revision=found.revision))
        self._views = {}
        rows = []
        for number, view in enumerate(found.translations, start=1):
            key = view.item_id if view.item_id is not None else -number
            self._views[key] = view
            reviewed = (_("{name}, {date}").format(name=view.reviewed_by,
                                                   date=format_date(view.reviewed_on))
                        if view.reviewed_by and view.reviewed_on else view.reviewed_by)
            readers = ngettext("{n} member", "{n} members", view.readers).format(
                n=format_number(view.readers)) if view.readers else ""
            rows.append(Row(key, [Cell(language_name(view.language)),
                                  Cell(state_text(view)), Cell(view.translated_by),
                                  Cell(reviewed), Cell(readers, view.readers)]))
        self.model.set_rows(rows)
        if self.table.currentIndex().row() < 0 and rows:
            select_row(self.table, 0)
        self._update()

    def chosen(self) -> TranslationView | None:
        key = selected_id(self.table)
        return self._views.get(key) if key is not None else None

    def _update(self) -> None:
        view = self.chosen()
        exists = view is not None and view.item_id is not None
        stale = view is not None and view.state is TranslationState.STALE
        self.edit_button.setEnabled(exists and self._open_editor is not None)
        self.changes_button.setEnabled(stale)
        self.up_to_date_button.setEnabled(stale)
        self.reviewed_button.setEnabled(exists)
        self.export_button.setEnabled(view is not None)

    def _double_clicked(self) -> None:
        view = self.chosen()
        if view is not None and view.state is TranslationState.STALE:
            self.show_changes()
        elif view is not None and view.item_id is not None and self.edit_button.isVisible():
            self.edit()

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- commands ------------------------------------------------------------------------

    def new_translation(self) -> None:
        from advocate_app.ui.dialogs.member_editor import language_choices

        title = _("New translation")
        found = self.translation_set
        view = self.chosen()
        if view is not None and view.state is TranslationState.MISSING:
            language = view.language
        else:
            taken = {found.source_language.split("-")[0]} | {
                v.language.split("-")[0] for v in found.translations
                if v.item_id is not None} if found else set()
            choices = [(name, code) for name, code in language_choices() if code not in taken]
            picked = prompts.choose(self, title, _("Translate into:"),
                                    [name for name, _code in choices])
            if picked is None:
                return
            language = choices[picked][1]
        try:
            new_id = self._services.outreach_translations.create(
                found.source_id if found else self._item_id, language)
        except ServiceError as exc:
            prompts.error(self, title, str(exc))
            return
        self.refresh()
        select_id(self.table, new_id)
        self._say(_("Made a {language} copy of the source to translate.").format(
            language=language_name(language)))

    def edit(self) -> None:
        view = self.chosen()
        if view is None or view.item_id is None or self._open_editor is None:
            return
        self._open_editor(view.item_id)
        self.refresh()

    def show_changes(self) -> None:
        from advocate_app.ui.dialogs.outreach_changes import ChangesDialog

        view = self.chosen()
        if view is None or view.item_id is None or self.translation_set is None:
            return
        try:
            changes = self._services.outreach_translations.changes(view.item_id)
        except ServiceError as exc:
            prompts.error(self, _("What changed"), str(exc))
            return
        dialog = ChangesDialog(self.translation_set, view, changes, self)
        prompts.run_modal(dialog)
        dialog.deleteLater()

    def mark_up_to_date(self) -> None:
        view = self.chosen()
        if view is None or view.item_id is None:
            return
        self._act(lambda: self._services.outreach_translations.mark_up_to_date(view.item_id),
                  _("The {language} translation is marked up to date.").format(
                      language=language_name(view.language)))

    def mark_reviewed(self) -> None:
        from advocate_app.ui.dialogs.board_editor import pick_member

        view = self.chosen()
        if view is None or view.item_id is None:
            return
        language = language_name(view.language)
        picked = pick_member(self._services, self, _(
            "Who reviewed the {language} translation?").format(language=language))
        if picked is None:
            return
        member_id, name = picked
        self._act(lambda: self._services.outreach_translations.mark_reviewed(
            view.item_id, member_id), _(
            "The {language} translation is marked reviewed by {name}, today, and up to "
            "date.").format(language=language, name=name))

    def _act(self, change: Callable[[], None], said: str) -> None:
        try:
            change()
        except ServiceError as exc:
            prompts.error(self, _("Translations"), str(exc))
            self.refresh()
            return
        self.refresh()
        self._say(said)

    def export(self, fmt: TranslationFormat) -> None:
        from advocate_app.ui.tasks import run_in_background

        view = self.chosen()
        if view is None:
            return
        service = self._services.outreach_translations
        title = _("Export for a translator")
        chosen = prompts.save_file(self, title, service.file_name(
            self._item_id, view.language, fmt), _FILTERS[fmt], "outreach-translation")
        if not chosen:
            return
        path = Path(chosen)
        self._say(_("Saving {file}…").format(file=path.name))
        self.task = run_in_background(
            self, lambda _p, _c: service.export_file(self._item_id, view.language, fmt, path),
            on_done=lambda _r: self._say(_("Saved {file}: send it to the translator, and "
                                           "import it back when it is done.").format(
                file=path.name)),
            on_error=lambda error: self._failed(title, error))

    def import_file(self) -> None:
        from advocate_app.ui.tasks import run_in_background

        title = _("Import a translation")
        chosen = choose_translation_file(self, title)
        if not chosen:
            return
        path = Path(chosen)
        service = self._services.outreach_translations
        source_id = self.translation_set.source_id if self.translation_set else self._item_id
        self._say(_("Reading {file}…").format(file=path.name))

        def done(result) -> None:
            self.refresh()
            select_id(self.table, result.item_id)
            self._say(ngettext(
                "Imported the {language} translation ({n} text); it is up to date.",
                "Imported the {language} translation ({n} texts); it is up to date.",
                result.texts).format(language=language_name(result.language),
                                     n=format_number(result.texts)))

        self.task = run_in_background(
            self, lambda _p, _c: service.import_file(path, item_id=source_id), on_done=done,
            on_error=lambda error: self._failed(title, error, path.name))

    def _failed(self, title: str, error: Exception, file: str = "") -> None:
        self._say("")
        text = str(error) if not file else _("{file} was not imported. {reason}").format(
            file=file, reason=str(error))
        prompts.error(self, title, text)

    def wait(self) -> None:
        """Let a file being written or read end (closing, tests)."""
        if self.task is not None:
            self.task.wait()
