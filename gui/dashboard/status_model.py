"""The per-region status table: a QAbstractTableModel over RegionStatus dataclasses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from aws.status import RegionStatus
from gui.dashboard.wording import Wording
from gui.tablemodel import RowsTableModel

REGION, TOPIC, SUBSCRIPTION, RULES, DELIVERIES, TRAIL, PROBLEMS = range(7)
_BAD, _WAIT, _GOOD = QColor("#b3261e"), QColor("#7a4f00"), QColor("#1e6b2f")
_ROOT = QModelIndex()


class RegionStatusModel(RowsTableModel):
    """`since(region)` gives when the subscription was (re)sent, for its age."""

    def __init__(self, since: Callable[[str], datetime | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._since = since
        self._rows: list[RegionStatus] = []
        self.words = Wording(self)
        self._headers: list[str] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._headers = [self.tr("Region"), self.tr("SNS topic"), self.tr("Email subscription"),
                         self.tr("Rules"), self.tr("Deliveries (24 h)"), self.tr("CloudTrail"),
                         self.tr("Problems")]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._headers) - 1))

    def set_rows(self, rows: Sequence[RegionStatus]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        status, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(status, column, role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self._color(status, column)
            return QBrush(color) if color is not None else None
        return None

    def _text(self, status: RegionStatus, column: int, tooltip: bool) -> str:
        words = self.words
        if column == REGION:
            return status.region
        if column == TOPIC:
            return words.topic(status, tooltip)
        if column == SUBSCRIPTION:
            text = words.subscription(status, self._since(status.region))
            emails = ", ".join(s.endpoint for s in status.subscriptions)
            return f"{text}: {emails}" if tooltip and emails else text
        if column == RULES:
            return words.rules(status)
        if column == DELIVERIES:
            return words.deliveries(status)
        if column == TRAIL:
            return words.trail_advice(status.trail) if tooltip and status.trail and \
                not status.trail.covered else words.trail(status.trail)
        if tooltip and status.drift:
            return "\n".join(words.drift(d) for d in status.drift)
        return words.problems(status)

    @staticmethod
    def _color(status: RegionStatus, column: int) -> QColor | None:
        if status.forwards_to and column in (TOPIC, SUBSCRIPTION):
            return None  # the home region's row says how the inbox is
        if column == SUBSCRIPTION:
            return _GOOD if status.confirmed else _WAIT
        if column == TRAIL and status.trail is not None:
            return _GOOD if status.trail.covered else _BAD
        if column == PROBLEMS:
            return _BAD if status.drift or status.error else _GOOD
        if column == DELIVERIES and any(r.metrics and r.metrics.failed for r in status.rules):
            return _BAD
        if column == TOPIC and not status.topic_arn:
            return _BAD
        return None
