"""Step 2: where notifications go (validated as typed) and in which language they are written."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from aws.settings import is_valid_email
from gui.wizard.common import Page, note_label, show_text
from gui.wizard.delivery_box import DeliveryBox
from gui.wizard.draft import Draft


class EmailPage(Page):
    """Complete when the address is valid; the `email*` field makes it mandatory."""

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.email = QLineEdit(self)
        self.email.setMaxLength(254)
        self.ja = QRadioButton(self)
        self.en = QRadioButton(self)
        self._languages = QButtonGroup(self)
        self._languages.addButton(self.ja)
        self._languages.addButton(self.en)
        self.validity = note_label(self)
        self.note = note_label(self)
        self.reason = note_label(self, "reason")
        self._email_label, self._language_label = QLabel(self), QLabel(self)
        self._email_label.setBuddy(self.email)
        languages = QHBoxLayout()
        languages.addWidget(self.ja)
        languages.addWidget(self.en)
        languages.addStretch(1)
        form = QFormLayout()
        form.addRow(self._email_label, self.email)
        form.addRow("", self.validity)
        form.addRow(self._language_label, languages)
        self.delivery = DeliveryBox(draft, self)
        self.delivery.changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.delivery)
        layout.addStretch(1)
        layout.addWidget(self.reason)

        self.registerField("email*", self.email)
        (self.ja if draft.language == "ja" else self.en).setChecked(True)
        self._prefill = draft.email
        self.email.textChanged.connect(self._on_email_text_changed)
        self._languages.buttonToggled.connect(self._on_languages_button_toggled)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Where to send notifications"))
        self.setSubTitle(self.tr("Every watched change is emailed to this address, in the "
                                 "language and time zone you choose."))
        self._email_label.setText(self.tr("&Email address:"))
        self._language_label.setText(self.tr("Notification language:"))
        self.email.setPlaceholderText(self.tr("ops@example.com"))
        self.ja.setText(self.tr("日本語"))
        self.en.setText(self.tr("English"))
        self.note.setText(self.tr(
            "AWS sends a confirmation email to this address. Notifications start only after "
            "you click the link in it; the link expires after 48 hours."))
        self._on_email_text_changed(self.email.text())

    def initializePage(self) -> None:
        self.delivery.refresh_regions()  # the account page may have changed them
        # A mandatory field counts as filled only once it differs from the value it had when
        # the page joined the wizard, so pre-fill here, not in __init__.
        if self._prefill:
            self.email.setText(self._prefill)
            self._prefill = ""

    def address(self) -> str:
        return self.email.text().strip()

    def language(self) -> str:
        return "ja" if self.ja.isChecked() else "en"

    def isComplete(self) -> bool:
        return (super().isComplete() and is_valid_email(self.address())
                and self.delivery.valid())

    def _on_languages_button_toggled(self, _button, _checked: bool) -> None:
        self.draft.language = self.language()

    def _on_email_text_changed(self, _text: str) -> None:
        address = self.address()
        if not self._prefill:  # not while the page waits to be pre-filled
            self.draft.email = address
        if not address:
            show_text(self.validity, "")
            show_text(self.reason, self.tr("Enter the email address that should receive the "
                                           "notifications."))
        elif is_valid_email(address):
            show_text(self.validity, self.tr("✓ Looks like a valid address."), "ok")
            show_text(self.reason, "")
        else:
            show_text(self.validity, self.tr("This is not a valid email address (expected "
                                             "something like name@example.com)."), "error")
            show_text(self.reason, self.tr("Fix the email address to go on."))
        self.completeChanged.emit()
