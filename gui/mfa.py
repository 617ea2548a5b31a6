"""The MFA code for an assume-role profile, asked in a dialog on the GUI thread.

botocore asks for the code from whatever thread first needs the credentials — in the app, a
worker. Its own getpass would wait for a terminal that is not there; MfaPrompter shows a dialog
on the GUI thread instead and lets the worker wait for the answer.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRegularExpression, Qt, QThread, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from aws.errors import Cancelled

ANSWER_WITHIN = 600.0  # seconds; a worker never waits forever for a dialog nobody answers


class MfaDialog(QDialog):
    """“Enter the 6-digit code …” with OK enabled once six digits are typed."""

    def __init__(self, profile: str, serial: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile, self.serial = profile or "default", serial
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.code_edit = QLineEdit(self)
        self.code_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"),
                                                                self.code_edit))
        self.code_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.code_edit.textChanged.connect(self._on_code_edit_text_changed)
        layout = QVBoxLayout(self)
        for widget in (self.text, self.code_edit, self.buttons):
            layout.addWidget(widget)
        self._on_code_edit_text_changed("")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("MFA code"))
        self.text.setText(self.tr(
            "The AWS profile {profile} signs in with a role that needs a code from your MFA "
            "device ({serial}). Enter the 6-digit code it shows now.").format(
                profile=self.profile, serial=self.serial))
        self.code_edit.setPlaceholderText(self.tr("6-digit code"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def code(self) -> str:
        return self.code_edit.text()

    def _on_code_edit_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(len(text) == 6)


class _Reply:
    """Where the GUI thread leaves the answer for the waiting worker."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.code: str | None = None

    def answer(self, code: str | None) -> None:
        if not self.done.is_set():
            self.code = code
            self.done.set()


class MfaPrompter(QObject):
    """A callable for aws.session.use_mfa_prompt; create it on the GUI thread."""

    asked = Signal(str, str, object)  # profile, serial, _Reply: crosses to the GUI thread
    shown = Signal(object)            # the dialog, once it is on screen (tests wait for it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._one_at_a_time = threading.Lock()  # parallel regions share the first answer
        self.asked.connect(self._on_asked, Qt.ConnectionType.QueuedConnection)

    def __call__(self, profile: str, serial: str) -> str:
        if QThread.currentThread() is self.thread():  # asked on the GUI thread itself
            dialog = MfaDialog(profile, serial, QApplication.activeWindow())
            accepted = dialog.exec() == QDialog.DialogCode.Accepted.value
            return self._code_or_cancel(dialog.code() if accepted else None)
        reply = _Reply()
        with self._one_at_a_time:
            self.asked.emit(profile, serial, reply)
            reply.done.wait(ANSWER_WITHIN)
        return self._code_or_cancel(reply.code)

    @staticmethod
    def _code_or_cancel(code: str | None) -> str:
        if not code:
            raise Cancelled()  # the worker's task ends as cancelled; nothing was signed in
        return code

    @Slot(str, str, object)
    def _on_asked(self, profile: str, serial: str, reply: _Reply) -> None:
        dialog = MfaDialog(profile, serial, QApplication.activeWindow())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: reply.answer(
            dialog.code() if result == QDialog.DialogCode.Accepted.value else None))
        dialog.destroyed.connect(lambda *_: reply.answer(None))
        dialog.open()
        self.shown.emit(dialog)
