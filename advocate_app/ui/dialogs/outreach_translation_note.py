"""What the outreach editor says about the item's translation set: for a translation, whether
it is up to date with its source (and, when stale, what changed); for a source, that changing
its words makes its translations stale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from advocate_app.domain.outreach_content import OutreachItem
from advocate_app.domain.outreach_translation_views import TranslationSet, TranslationState
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import language_name
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts


def editor_title(item: OutreachItem, item_id: int | None) -> str:
    return (_("New outreach item") if item_id is None
            else _("Edit “{title}”").format(title=item.title))


class TranslationNote(QWidget):
    """One line above the editor (hidden for an item outside any translation set)."""

    def __init__(self, services, item_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._item_id = item_id
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_button = QPushButton(_("Show c&hanges…"))
        self.changes_button.setAccessibleName(_("Show changes"))
        self.changes_button.clicked.connect(self.show_changes)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.changes_button)
        self.translation_set: TranslationSet | None = None
        text = ""
        try:
            if item_id is not None:
                self.translation_set = services.outreach_translations.translation_set(item_id)
                text = self._text(self.translation_set)
        except ServiceError:
            text = ""
        self.label.setText(text)
        self.setVisible(bool(text))

    def _text(self, found: TranslationSet) -> str:
        view = next((v for v in found.translations if v.item_id == self._item_id), None)
        stale = sum(v.state is TranslationState.STALE for v in found.translations)
        made = sum(v.item_id is not None for v in found.translations)
        self.changes_button.setVisible(view is not None
                                       and view.state is TranslationState.STALE)
        if view is None:
            if not made:
                return ""
            return ngettext(
                "This item has {n} translation ({stale} stale). A change to its words makes "
                "every translation stale until it is updated.",
                "This item has {n} translations ({stale} stale). A change to its words makes "
                "every translation stale until it is updated.", made).format(
                n=made, stale=stale)
        language = language_name(view.language)
        if view.state is TranslationState.STALE:
            return _("The {language} translation of “{title}”: stale since revision {revision} "
                     "of the source. Saving new words here records it as up to date.").format(
                language=language, title=found.source_title, revision=view.stale_since)
        return _("The {language} translation of “{title}”, up to date with revision "
                 "{revision} of the source.").format(
            language=language, title=found.source_title, revision=found.revision)

    def show_changes(self) -> None:
        from advocate_app.ui.dialogs.outreach_changes import ChangesDialog

        found = self.translation_set
        view = next((v for v in found.translations if v.item_id == self._item_id), None) \
            if found is not None else None
        if found is None or view is None or self._item_id is None:
            return
        try:
            changes = self._services.outreach_translations.changes(self._item_id)
        except ServiceError as exc:
            prompts.error(self, _("What changed"), str(exc))
            return
        dialog = ChangesDialog(found, view, changes, self)
        prompts.run_modal(dialog)
        dialog.deleteLater()
