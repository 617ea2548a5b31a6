"""Exceptions for known automation: callers (wildcards allowed) or exact IPs, per group or all,
with the risk said where they are set."""

from __future__ import annotations

import ipaddress

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from aws.catalog import Catalog
from aws.errors import SettingsError
from aws.exception_check import check_one
from aws.messages import describe
from aws.settings import WatchException
from gui.exception_words import exception_line
from gui.wizard.common import note_label, show_text


def parse_entry(text: str, group_id: str | None) -> WatchException:
    """What the user typed as one exception: an address (or range) is a source IP, anything
    else a caller; the engine's check says what is wrong with either."""
    text = text.strip()
    groups = (group_id,) if group_id else ()
    try:
        ipaddress.ip_network(text, strict=False)
    except ValueError:
        return WatchException(groups=groups, callers=(text,))
    return WatchException(groups=groups, source_ips=(text,))


class ExceptionsBox(QGroupBox):
    """The list of exceptions, a field and a scope to add one; `changed` after each edit."""

    changed = Signal()

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog, self._lang = catalog, lang
        self._exceptions: list[WatchException] = []
        self.entry = QLineEdit(self)
        self.entry.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(90)
        self.error = note_label(self, "error")
        self.risk = note_label(self, "warning")
        grid = QGridLayout(self)
        grid.addWidget(self.entry, 0, 0)
        grid.addWidget(self.scope, 0, 1)
        grid.addWidget(self.add_button, 0, 2)
        grid.addWidget(self.list, 1, 0, 1, 2)
        grid.addWidget(self.remove_button, 1, 2)
        grid.addWidget(self.error, 2, 0, 1, 3)
        grid.addWidget(self.risk, 3, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.entry.returnPressed.connect(self._on_add_button_clicked)
        self.entry.textChanged.connect(self._on_entry_text_changed)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Exceptions: known automation that sends no email"))
        self.entry.setPlaceholderText(self.tr(
            "Caller ARN (* for any characters) or exact source IP, e.g. "
            "arn:aws:sts::*:assumed-role/terraform-*/*"))
        self.entry.setAccessibleName(self.tr("Caller or source IP to except"))
        current = self.scope.currentData()
        self.scope.clear()
        self.scope.addItem(self.tr("All groups"), None)
        for group in self._catalog.groups:
            if group.exceptable:
                self.scope.addItem(group.title.get(self._lang), group.id)
        self.scope.setCurrentIndex(max(self.scope.findData(current), 0))
        self.scope.setAccessibleName(self.tr("Groups the exception applies to"))
        self.add_button.setText(self.tr("&Add exception"))
        self.remove_button.setText(self.tr("Re&move"))
        self._fill_list()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def exceptions(self) -> tuple[WatchException, ...]:
        return tuple(self._exceptions)

    def set_exceptions(self, exceptions: tuple[WatchException, ...]) -> None:
        self._exceptions = list(exceptions)
        self._fill_list()

    def _fill_list(self) -> None:
        self.list.clear()
        for exception in self._exceptions:
            item = QListWidgetItem(exception_line(exception, self._catalog, self._lang),
                                   self.list)
            item.setToolTip(item.text())
        # The risk, where exceptions are set (issue: a stolen excepted role goes unnoticed).
        show_text(self.risk, self.tr(
            "An excepted role or user that is stolen changes things silently: no email is "
            "sent for it. Except only automation you trust, as narrowly as you can; the "
            "event log still lists its changes, marked “excepted”.") if self._exceptions
            else self.tr("Changes by an excepted caller send no email; the root user's sign-in "
                         "and activity can never be excepted."),
            "warning" if self._exceptions else "reason")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.entry.text().strip()))
        self.remove_button.setEnabled(bool(self.list.selectedItems()))

    def _on_entry_text_changed(self, _text: str) -> None:
        show_text(self.error, "")
        self._update_buttons()

    def _on_add_button_clicked(self) -> None:
        if not self.entry.text().strip():
            return
        exception = parse_entry(self.entry.text(), self.scope.currentData())
        try:
            check_one(exception, self._catalog)
        except SettingsError as exc:
            show_text(self.error, describe(exc, self._lang))
            return
        if exception not in self._exceptions:
            self._exceptions.append(exception)
        self.entry.clear()
        self._fill_list()
        self.changed.emit()

    def _on_remove_button_clicked(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            del self._exceptions[row]
        self._fill_list()
        self.changed.emit()
