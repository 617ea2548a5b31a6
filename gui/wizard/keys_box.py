"""Fields for typed access keys; where they are kept (OS keyring, or memory) is said below them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from aws.keys import keyring_unavailable
from aws.messages import describe
from aws.session import AccessKeys
from gui.context import AppContext
from gui.wizard.common import note_label, show_text


class KeysBox(QGroupBox):
    """Access key ID, secret and optional session token; `changed` on every edit."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._keyring: bool | None = None  # unknown until the store was asked (off-thread)
        self.key_id = QLineEdit(self)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = note_label(self)
        self._labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout(self)
        for label, field in zip(self._labels, (self.key_id, self.secret, self.token), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
            field.textChanged.connect(self.changed)
        form.addRow(self.note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Access keys"))
        for label, text in zip(self._labels, (self.tr("Access &key ID:"),
                                              self.tr("&Secret access key:"),
                                              self.tr("Session &token (optional):")),
                               strict=True):
            label.setText(text)
        self.key_id.setPlaceholderText("AKIA…")
        self.token.setPlaceholderText(self.tr("only for temporary credentials"))
        self._show_keyring_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_keyring_available(self, available: bool) -> None:
        self._keyring = available
        self._show_keyring_note()

    def _show_keyring_note(self) -> None:
        if self._keyring is None:
            text = ""
        elif self._keyring:
            text = self.tr("The keys are kept in your system keyring once checked; never in a "
                           "file, the settings or the logs.")
        else:
            text = describe(keyring_unavailable(), self._context.lang)
        show_text(self.note, text, "" if self._keyring else "warning")

    def keys(self) -> AccessKeys | None:
        """The typed keys, or None while the ID or the secret is empty."""
        key_id, secret = self.key_id.text().strip(), self.secret.text().strip()
        if not key_id or not secret:
            return None
        return AccessKeys(key_id, secret, self.token.text().strip() or None)

    def set_keys(self, keys: AccessKeys | None) -> None:
        if keys is None:
            return
        self.key_id.setText(keys.access_key_id)
        self.secret.setText(keys.secret_access_key)
        self.token.setText(keys.session_token or "")
