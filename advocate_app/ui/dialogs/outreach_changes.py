"""What changed in a source item since a translation was made: text by text, added, removed or
changed, the words that changed marked (struck through before, underlined now)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from advocate_app.domain.outreach_diff import Change, ChangeKind, PieceKind
from advocate_app.domain.outreach_translation_views import TranslationSet, TranslationView
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import language_name
from advocate_app.ui.dialogs.board_editor import name_buttons
from advocate_app.ui.help import install_help_key
from advocate_app.ui.widgets.screen import fit_to_screen


def changes_html(changes: list[Change]) -> str:
    """The changes as a page a person reads (and a screen reader reads in order)."""
    parts = []
    # Translated outside the templates: message extraction does not look inside f-strings.
    before_label, now_label = escape(_("Before:")), escape(_("Now:"))
    for change in changes:
        if change.kind is ChangeKind.ADDED:
            heading = escape(_("{place}: added").format(place=change.where))
            parts.append(f"<h3>{heading}</h3><p>{escape(change.new)}</p>")
        elif change.kind is ChangeKind.REMOVED:
            heading = escape(_("{place}: removed").format(place=change.where))
            parts.append(f"<h3>{heading}</h3><p><s>{escape(change.old)}</s></p>")
        else:
            before = "".join(
                f"<s><b>{escape(text)}</b></s>" if kind is PieceKind.REMOVED else escape(text)
                for kind, text in change.pieces if kind is not PieceKind.ADDED)
            now = "".join(
                f"<u><b>{escape(text)}</b></u>" if kind is PieceKind.ADDED else escape(text)
                for kind, text in change.pieces if kind is not PieceKind.REMOVED)
            heading = escape(_("{place}: changed").format(place=change.where))
            parts.append(f"<h3>{heading}</h3>"
                         f"<p>{before_label} {before}</p><p>{now_label} {now}</p>")
    return "".join(parts)


class ChangesDialog(QDialog):
    """The source's changes since ``view`` (a stale translation of ``translation_set``) was
    made."""

    def __init__(self, translation_set: TranslationSet, view: TranslationView,
                 changes: list[Change], parent: QWidget | None = None):
        super().__init__(parent)
        install_help_key(self)
        language = language_name(view.language)
        self.setWindowTitle(_("What changed since the {language} translation").format(
            language=language))
        self.summary = QLabel(ngettext(
            "“{title}” has {n} change since revision {made} (the {language} translation was "
            "made from it); the source is now at revision {current}.",
            "“{title}” has {n} changes since revision {made} (the {language} translation was "
            "made from it); the source is now at revision {current}.", len(changes)).format(
            title=translation_set.source_title, n=len(changes), made=view.source_revision,
            language=language, current=translation_set.revision))
        self.summary.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(_("Changes in the source"))
        self.browser.setOpenLinks(False)
        self.browser.setHtml(changes_html(changes) or escape(_(
            "Only the arrangement changed, not the words.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 520)
