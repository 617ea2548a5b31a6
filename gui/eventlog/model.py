"""The recent-events table: EventRow dataclasses, newest first, appended page by page."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import UTC

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from aws.events import EventRow
from aws.exceptions import Excepted, excepted_row
from aws.settings import WatchException
from gui.language import current_lang
from gui.tablemodel import RowsTableModel

# API is last: hidden columns are remembered by number, and older choices must still hold.
TIME, REGION, EVENT, USER, SOURCE_IP, RESOURCE, ERROR, API = range(8)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_FAILED = QColor("#b3261e")
_SENSITIVE_BG = QColor("#fff4d6")
_ROOT = QModelIndex()


def local_time(row: EventRow) -> str:
    # isoformat is several times faster than strftime; it matters at 100 000 rows.
    return row.event_time.astimezone().replace(tzinfo=None).isoformat(" ", "seconds")


def utc_time(row: EventRow) -> str:
    return row.event_time.astimezone(UTC).replace(tzinfo=None).isoformat("T", "seconds") + "Z"


def haystack(row: EventRow) -> str:
    """Everything the filter box searches, lowercased once when the row arrives: the columns,
    the labels in both languages, the user's ARN and the request parameters ("0.0.0.0")."""
    request = row.record.get("requestParameters")
    return " ".join((local_time(row), utc_time(row), row.region, row.event_name,
                     row.label_in("en"), row.label_in("ja"), row.event_source, row.user,
                     row.user_arn, row.source_ip, row.resource, row.error_code, row.user_agent,
                     row.event_id, row.group_id,
                     json.dumps(request, ensure_ascii=False) if request else "")).lower()


class EventTableModel(RowsTableModel):
    """Rows kept sorted newest first; each arriving page is inserted with beginInsertRows."""

    def __init__(self, sensitive_groups: Iterable[str] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EventRow] = []
        self._keys: list[float] = []  # -timestamp, ascending, for bisect
        self.haystacks: list[str] = []
        self._ids: set[str] = set()  # a row read twice (a resumed scan's edge) is listed once
        self._sensitive = frozenset(sensitive_groups)
        self._headers: list[str] = []
        self._exceptions: tuple[WatchException, ...] = ()
        self._excepted: dict[str, Excepted | None] = {}  # by event id, worked out once
        self.lang = current_lang()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._headers = [self.tr("Time"), self.tr("Region"), self.tr("Event"), self.tr("User"),
                         self.tr("Source IP"), self.tr("Resource"), self.tr("Error"),
                         self.tr("API")]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
        lang = current_lang()
        if lang != self.lang and self._rows:  # the Event column's labels change language
            self.lang = lang
            self.dataChanged.emit(self.index(0, EVENT), self.index(len(self._rows) - 1, EVENT))
        self.lang = lang

    @property
    def rows(self) -> Sequence[EventRow]:
        return self._rows

    def is_sensitive(self, row: EventRow) -> bool:
        return row.group_id in self._sensitive

    def set_exceptions(self, exceptions: tuple[WatchException, ...]) -> None:
        """The settings' exceptions, to mark the rows they kept from sending an email."""
        self._exceptions, self._excepted = exceptions, {}

    def excepted(self, row: EventRow) -> Excepted | None:
        if row.event_id not in self._excepted:
            self._excepted[row.event_id] = excepted_row(self._exceptions, row)
        return self._excepted[row.event_id]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == EVENT and self.excepted(row):  # sent no email: say so on the row
                return self.tr("%1 (excepted)").replace("%1", self._text(row, column))
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == EVENT:
            return self._icon(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.error_code:
            return QBrush(_FAILED)
        if role == Qt.ItemDataRole.BackgroundRole and self.is_sensitive(row):
            return QBrush(_SENSITIVE_BG)
        if role == ROW_ROLE:
            return row
        return None

    def _text(self, row: EventRow, column: int) -> str:
        if column == EVENT:
            return row.label_in(self.lang)
        return (local_time(row), row.region, "", row.user, row.source_ip, row.resource,
                row.error_code, row.event_name)[column]

    def _tooltip(self, row: EventRow, column: int) -> str | None:
        if column == TIME:
            return self.tr("%1 UTC").replace("%1", utc_time(row))
        notes = []  # what the cell is about first, then the row's warnings
        if column == USER:
            notes.append(row.user_arn or row.user)
        if column in (EVENT, API):
            notes.append(f"{row.event_name} ({row.event_source})")
        if row.error_code:
            notes.append(self.tr("Failed call: %1").replace("%1", row.error_code))
        if self.is_sensitive(row):
            notes.append(self.tr("Sensitive change: review who made it and why."))
        if self.excepted(row):
            notes.append(self.tr("Excepted: no email was sent (exception for %1).")
                         .replace("%1", self.excepted(row).by))
        return "\n".join(notes) or None

    def _icon(self, row: EventRow):
        style = QApplication.style()
        if row.error_code:
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        if self.is_sensitive(row):
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def append_rows(self, new: Iterable[EventRow]) -> None:
        """Insert rows at their place by time; one beginInsertRows per contiguous block."""
        fresh = []
        for row in new:
            if row.event_id not in self._ids:
                self._ids.add(row.event_id)
                fresh.append(row)
        ordered = sorted(fresh, key=lambda r: r.event_time, reverse=True)
        if not ordered:
            return
        blocks: list[tuple[int, list[EventRow]]] = []
        for row in ordered:
            pos = bisect_right(self._keys, -row.event_time.timestamp())
            if blocks and blocks[-1][0] == pos:
                blocks[-1][1].append(row)
            else:
                blocks.append((pos, [row]))
        for pos, rows in reversed(blocks):  # from the end, so earlier positions stay valid
            self.beginInsertRows(QModelIndex(), pos, pos + len(rows) - 1)
            self._rows[pos:pos] = rows
            self._keys[pos:pos] = [-r.event_time.timestamp() for r in rows]
            self.haystacks[pos:pos] = [haystack(r) for r in rows]
            self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._keys, self.haystacks = [], [], []
        self._ids = set()
        self.endResetModel()
