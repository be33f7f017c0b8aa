"""Accounts (File > Accounts…, for administrators): the list, adding one, its role, switching
it off and on, a new password, and the member it belongs to. Every rule (the first account is
an administrator, the last administrator stays, who may do this) is the service's; the dialog
shows its one sentence when it refuses."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.access import AccountRole
from advocate_app.domain.account_views import AccountView
from advocate_app.i18n import _
from advocate_app.i18n.formatting import format_datetime, format_relative
from advocate_app.services.errors import ServiceError, ValidationError
from advocate_app.ui import prompts
from advocate_app.ui.models.rows import Row, RowsModel, select_id, selected_id
from advocate_app.ui.widgets.tables import rows_table


class PasswordForm(QDialog):
    """A new account (name, shown name, role) or only a new password, typed twice."""

    def __init__(self, title: str, parent: QWidget | None = None, *, new_account: bool):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in AccountRole:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(self.role.findData(AccountRole.STAFF.value))
        self.password = QLineEdit()
        self.again = QLineEdit()
        rows = [(_("Account &name:"), self.name), (_("Name &shown:"), self.display_name),
                (_("&Role:"), self.role)] if new_account else []
        rows += [(_("&Password:"), self.password), (_("Password a&gain:"), self.again)]
        for text, field in rows:
            if isinstance(field, QLineEdit) and field in (self.password, self.again):
                field.setEchoMode(QLineEdit.EchoMode.Password)
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, field)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("accountProblem")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save = None  # set by the caller: the service call, given the form
        (self.name if new_account else self.password).setFocus()

    def _check(self) -> None:
        if self.password.text() != self.again.text():
            self.say(_("The two passwords are not the same."), self.again)
            return
        try:
            self.save(self)
        except ValidationError as exc:
            field = self.name if "username" in exc.errors else self.password
            self.say(str(exc), field)
            return
        except ServiceError as exc:
            self.say(str(exc), self.password)
            return
        self.accept()

    def say(self, sentence: str, field: QLineEdit) -> None:
        self.problem.setText(sentence)
        self.problem.show()
        field.setAccessibleDescription(sentence)
        field.selectAll()
        field.setFocus()


class AccountsDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Accounts"))
        self.setObjectName("accountsDialog")
        self._accounts: dict[int, AccountView] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(_("Once an account exists, Advocate asks who is signing in when it "
                         "starts. The first account is an administrator."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = rows_table(RowsModel([_("Account"), _("Name shown"), _("Role"),
                                           _("Member"), _("State"), _("Last signed in")]),
                                _("Accounts"), main=(1, 3))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("accountsMessage")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("add", _("&Add…"), self.add),
                                ("role", _("&Role…"), self.change_role),
                                ("active", _("&Deactivate"), self.toggle_active),
                                ("password", _("New &password…"), self.reset_password),
                                ("member", _("&Member…"), self.link_member)):
            widget = QPushButton(text)
            widget.setAccessibleName(text.replace("&", "").rstrip("…"))
            widget.setAutoDefault(False)
            widget.clicked.connect(slot)
            row.addWidget(widget)
            self.buttons[key] = widget
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(self.fontMetrics().averageCharWidth() * 100, 420)
        self.refresh()

    def refresh(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else selected_id(self.table)
        try:
            found = self._services.accounts.list()
        except ServiceError as exc:
            found = []
            self.message.setText(str(exc))
        self._accounts = {a.id: a for a in found}
        self.table.model().set_rows(Row(a.id, [
            a.username, a.display_name, a.role.label, a.member_name,
            _("Active") if a.active else _("Deactivated"),
            _("{date} ({ago})").format(date=format_datetime(a.last_signed_in_at),
                                       ago=format_relative(a.last_signed_in_at))
            if a.last_signed_in_at else _("Never")])
            for a in found)
        select_id(self.table, keep, or_first=True)
        self._update()

    def _chosen(self) -> AccountView | None:
        account_id = selected_id(self.table)
        return self._accounts.get(account_id) if account_id is not None else None

    def _update(self) -> None:
        chosen = self._chosen()
        for key in ("role", "active", "password", "member"):
            self.buttons[key].setEnabled(chosen is not None)
        self.buttons["active"].setText(_("Re&activate") if chosen is not None
                                       and not chosen.active else _("&Deactivate"))

    def _do(self, work, done: str) -> None:
        try:
            account = work()
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(done.format(name=account.username))
        self.refresh(account.id)

    def add(self) -> None:
        first = not self._services.accounts.needs_sign_in()
        form = PasswordForm(_("Add an account"), self, new_account=True)
        if first:  # the service makes it an administrator whatever is chosen: say so
            form.role.setCurrentIndex(form.role.findData(AccountRole.ADMIN.value))
            form.role.setEnabled(False)
            form.role.setToolTip(_("The first account is always an administrator."))
        added: list[AccountView] = []

        def save(f: PasswordForm) -> None:
            added.append(self._services.accounts.add(
                f.name.text(), f.password.text(), AccountRole(f.role.currentData()),
                f.display_name.text()))

        form.save = save
        if prompts.run_modal(form) and added:
            self.message.setText(
                _("{name} added. From the next start, Advocate asks who is signing in.").format(
                    name=added[0].username) if first
                else _("{name} added.").format(name=added[0].username))
            self.refresh(added[0].id)

    def change_role(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        roles = list(AccountRole)
        index = prompts.choose(self, _("Role"), _("Role of {name}:").format(
            name=chosen.username), [role.label for role in roles])
        if index is not None:
            self._do(lambda: self._services.accounts.change_role(chosen.id, roles[index]),
                     _("{name} has a new role."))

    def toggle_active(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        if chosen.active:
            self._do(lambda: self._services.accounts.deactivate(chosen.id),
                     _("{name} can no longer sign in."))
        else:
            self._do(lambda: self._services.accounts.reactivate(chosen.id),
                     _("{name} can sign in again."))

    def reset_password(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        form = PasswordForm(_("New password for {name}").format(name=chosen.username), self,
                            new_account=False)
        form.save = lambda f: self._services.accounts.reset_password(chosen.id,
                                                                     f.password.text())
        if prompts.run_modal(form):
            self.message.setText(_("{name} has a new password.").format(name=chosen.username))

    def link_member(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        text = prompts.ask_text(self, _("Member"), _(
            "Find the member {name} belongs to (a name, email or phone; leave empty for "
            "nobody):").format(name=chosen.username))
        if text is None:
            return
        if not text:
            self._do(lambda: self._services.accounts.link_member(chosen.id, None),
                     _("{name} is linked to no member."))
            return
        found = self._services.members.search(text, 20)
        if not found:
            self.message.setText(_("No member matches “{text}”.").format(text=text))
            return
        index = prompts.choose(self, _("Member"), _("{name} belongs to:").format(
            name=chosen.username), [_("{name} (member {id})").format(
                name=row.display_name, id=row.id) for row in found])
        if index is not None:
            self._do(lambda: self._services.accounts.link_member(chosen.id, found[index].id),
                     _("{name} is linked to its member."))
