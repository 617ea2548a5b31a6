"""What CloudTrail's Event history offers beyond the table: choosable columns and comparing up
to five events side by side."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from aws.events import EventRow
from gui.language import current_lang

MAX_COMPARED = 5  # as in the CloudTrail console


def columns_menu(header: QHeaderView, hidden_changed) -> QMenu:
    """The header's context menu: one checkable entry per column; at least one stays."""
    menu = QMenu(header)
    model = header.model()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    for column in range(header.count()):
        action = QAction(str(model.headerData(column, Qt.Orientation.Horizontal)), menu)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.setEnabled(not (column in shown and len(shown) == 1))
        action.toggled.connect(lambda on, c=column: (header.setSectionHidden(c, not on),
                                                     hidden_changed()))
        menu.addAction(action)
    return menu


def differing_fields(records: Sequence[dict]) -> list[str]:
    """Top-level CloudTrail fields whose values are not the same in every record."""
    keys = sorted({k for r in records for k in r})
    return [k for k in keys if len({json.dumps(r.get(k), sort_keys=True) for r in records}) > 1]


class CompareDialog(QDialog):
    """The chosen events' JSON side by side, with the fields that differ named on top."""

    def __init__(self, rows: Sequence[EventRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)[:MAX_COMPARED]
        self.setWindowTitle(self.tr("Compare events"))
        records = [r.record for r in self.rows]
        self.summary = QLabel(self.tr("Fields that differ: %1").replace(
            "%1", ", ".join(differing_fields(records)) or self.tr("none")), self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.panes: list[QPlainTextEdit] = []
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for row in self.rows:
            box = QWidget(split)
            title = QLabel(f"<b>{escape(row.label_in(current_lang()))}</b> ({row.event_name})"
                           f"<br>{row.event_time:%Y-%m-%d %H:%M:%S} UTC"
                           f" · {row.region}<br>{row.user}", box)
            title.setWordWrap(True)
            text = QPlainTextEdit(box)
            text.setReadOnly(True)
            text.setFont(fixed)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            text.setPlainText(json.dumps(row.record, indent=2, ensure_ascii=False,
                                         sort_keys=True))
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(title)
            layout.addWidget(text, 1)
            self.panes.append(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(min(1400, 340 * len(self.rows) + 60), 720)
