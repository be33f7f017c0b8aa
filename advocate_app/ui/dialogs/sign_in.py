"""Signing in, once accounts exist: asked when the window starts and by "Switch account".

Two labelled fields (Enter signs in), the problem said in the dialog (and read out by screen
readers) with the focus back on the password, and Cancel. The password is checked in the
background (Argon2 takes a moment on purpose).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.people import DEFAULT_ACCOUNT_ID, Actor
from advocate_app.i18n import _
from advocate_app.services.errors import ServiceError
from advocate_app.ui import prompts


class SignInDialog(QDialog):
    """Asks for an account name and password until they match an active account (``actor``)
    or the person cancels."""

    def __init__(self, services, parent: QWidget | None = None, *, cancel_text: str = ""):
        super().__init__(parent)
        self._services = services
        self.actor: Actor | None = None
        self.task = None
        self.setWindowTitle(_("Sign in to Advocate"))
        self.setObjectName("signInDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(_("Type your account name and password."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Account name"))
        self.name.setMaxLength(80)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(_("Password"))
        self.password.setMinimumWidth(self.fontMetrics().averageCharWidth() * 32)
        for text, field in ((_("Account &name:"), self.name), (_("&Password:"), self.password)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("signInProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(_("&Sign in"))
        self.sign_in_button.setDefault(True)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(cancel_text or _("Cancel"))
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def sign_in(self) -> None:
        from advocate_app.ui.tasks import run_in_background

        name, password = self.name.text().strip(), self.password.text()
        if not name:
            self._say(_("Type your account name."), self.name)
            return
        if not password:
            self._say(_("Type your password."), self.password)
            return
        if not self.sign_in_button.isEnabled():
            return  # a check is under way (Enter pressed twice)
        self.sign_in_button.setEnabled(False)
        self.problem.setText(_("Signing in…"))
        self.problem.show()
        accounts = self._services.accounts
        self.task = run_in_background(
            self, lambda _progress, _cancelled: accounts.authenticate(name, password),
            on_done=self._signed_in, on_error=self._refused)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.sign_in_button.setEnabled(True)
        sentence = str(exc) if isinstance(exc, ServiceError) else _(
            "Signing in did not work; try again.")
        self._say(sentence, self.password)

    def _say(self, sentence: str, field: QLineEdit) -> None:
        """The problem under the fields, and given to the field as its description so a
        screen reader says it when the focus comes back there."""
        self.problem.setText(sentence)
        self.problem.show()
        field.setAccessibleDescription(sentence)
        field.selectAll()
        field.setFocus(Qt.FocusReason.OtherFocusReason)


def signed_in(services, parent: QWidget | None = None, *, cancel_text: str = ""):
    """``services`` acting as the account that signs in; ``services`` themselves when no
    sign-in is needed (no named account yet, or already signed in: ``--user``); None when
    the person cancels."""
    if services.actor.account_id != DEFAULT_ACCOUNT_ID or not services.accounts.needs_sign_in():
        return services
    return ask_to_sign_in(services, parent, cancel_text=cancel_text)


def ask_to_sign_in(services, parent: QWidget | None = None, *, cancel_text: str = ""):
    """The dialog, whoever is signed in now; services acting as the new account, or None."""
    dialog = SignInDialog(services, parent, cancel_text=cancel_text)
    if not prompts.run_modal(dialog) or dialog.actor is None:
        return None
    return services.as_actor(dialog.actor)
