"""The Recent events tab: window, filter, auto-refresh, the table, the detail pane, export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aws.catalog import load_catalog
from aws.events import EventPage, EventReader, EventRow, watched_rules
from aws.messages import describe
from gui.context import AppContext
from gui.eventlog.compare import MAX_COMPARED, CompareDialog, columns_menu
from gui.eventlog.detail import DetailPane
from gui.eventlog.export import write_csv, write_json
from gui.eventlog.model import EventTableModel
from gui.eventlog.poller import EventPoller
from gui.eventlog.proxy import EventFilterProxy
from gui.eventlog.tray import TrayNotifier
from gui.language import current_lang
from gui.workers import WorkerPool

WINDOWS = (timedelta(hours=1), timedelta(hours=24), timedelta(days=7), timedelta(days=90))
INTERVALS_MS = (0, 60_000, 300_000, 900_000)
_WIDTHS = (145, 110, 255, 160, 115, 150, 130)


def _short_time(moment: datetime) -> str:
    """HH:MM in local time; with the date when it is not today."""
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


class EventLogTab(QWidget):
    """Rows appear as each page arrives; `ask_save_path` is replaceable in tests."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 reader_factory: Callable[[], EventReader] | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._pool = WorkerPool(self)
        self.model = EventTableModel(g.id for g in load_catalog().groups if g.sensitive)
        self.proxy = EventFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.poller = EventPoller(self._pool, reader_factory or self._make_reader, self)
        self.tray = TrayNotifier(self)
        self.ask_save_path: Callable[[], tuple[str, str]] = self._ask_save_path
        self._error = ""
        self._busy = False
        self._kind = ""
        self._reached: dict[str, datetime] = {}  # region → how far back this round has read
        self._build()
        self._connect()
        self.retranslate_ui()

    def _build(self) -> None:
        self.window_label, self.window_combo = QLabel(self), QComboBox(self)
        self.window_combo.addItems([""] * len(WINDOWS))
        self.window_combo.setCurrentIndex(1)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.refresh_label, self.refresh_combo = QLabel(self), QComboBox(self)
        self.refresh_combo.addItems([""] * len(INTERVALS_MS))
        self.refresh_combo.setCurrentIndex(1)
        self.refresh_button, self.export_button = QPushButton(self), QPushButton(self)
        self.compare_button = QPushButton(self)
        self.compare_button.setEnabled(False)
        # A scan of every event of a busy region takes minutes: it can be stopped, and a
        # window it did not finish is said plainly and can be read further.
        self.scan_label = QLabel(self)
        self.scan_label.setWordWrap(True)
        self.stop_button, self.more_button = QPushButton(self), QPushButton(self)
        self.stop_button.setEnabled(False)
        self.more_button.hide()
        self.status_label, self.error_label = QLabel(self), QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows can be chosen to compare (up to five, as in CloudTrail's console).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # ARNs end with the name
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for column in self._context.local.get("hidden_columns", []):
            header.setSectionHidden(column, True)
        self.detail = DetailPane(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([400, 260])
        bar = QHBoxLayout()
        for widget in (self.window_label, self.window_combo):
            bar.addWidget(widget)
        bar.addWidget(self.filter_edit, 1)
        for widget in (self.refresh_label, self.refresh_combo, self.refresh_button,
                       self.compare_button, self.export_button):
            bar.addWidget(widget)
        scan = QHBoxLayout()
        scan.addWidget(self.scan_label, 1)
        scan.addWidget(self.stop_button)
        scan.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status_label)
        layout.addLayout(scan)
        layout.addWidget(self.error_label)
        layout.addWidget(self.splitter, 1)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self._filter_timer.timeout.connect(self._on_filter_timer_timeout)
        self.window_combo.currentIndexChanged.connect(self._on_window_combo_changed)
        self.refresh_combo.currentIndexChanged.connect(self._on_refresh_combo_changed)
        self.refresh_button.clicked.connect(self.poller.poll)
        self.export_button.clicked.connect(self.export)
        self.compare_button.clicked.connect(self.compare)
        self.stop_button.clicked.connect(self.poller.stop)
        self.more_button.clicked.connect(self.poller.load_more)
        self.poller.page_read.connect(self._on_poller_page_read)
        self.table.horizontalHeader().customContextMenuRequested.connect(
            self._on_header_context_menu_requested)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.poller.rows_arrived.connect(self._on_poller_rows_arrived)
        self.poller.round_started.connect(self._on_poller_round_started)
        self.poller.round_finished.connect(self._on_poller_round_finished)
        self.poller.new_events.connect(self.tray.notify)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.proxy.rowsInserted.connect(self._update_status)
        self.proxy.layoutChanged.connect(self._update_status)
        self.proxy.modelReset.connect(self._update_status)

    def retranslate_ui(self) -> None:
        self.window_label.setText(self.tr("Window:"))
        for i, text in enumerate((self.tr("Last hour"), self.tr("Last 24 hours"),
                                  self.tr("Last 7 days"), self.tr("Last 90 days"))):
            self.window_combo.setItemText(i, text)
        self.filter_edit.setPlaceholderText(
            self.tr("Filter: event, user, IP address, resource, region, error…"))
        self.refresh_label.setText(self.tr("Auto-refresh:"))
        for i, text in enumerate((self.tr("Off"), self.tr("Every minute"),
                                  self.tr("Every 5 minutes"), self.tr("Every 15 minutes"))):
            self.refresh_combo.setItemText(i, text)
        self.refresh_button.setText(self.tr("Refresh now"))
        self.export_button.setText(self.tr("Export…"))
        self.compare_button.setText(self.tr("Compare…"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop reading CloudTrail; the events found so far "
                                            "stay listed."))
        self.more_button.setText(self.tr("Load more"))
        self.more_button.setToolTip(self.tr("Continue reading older events of the window from "
                                            "where the scan stopped."))
        self.model.retranslate_ui()
        self.detail.window_text = self.window_combo.currentText().lower()
        self.detail.retranslate_ui()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _make_reader(self) -> EventReader:
        context = self._context
        settings = context.settings
        rules = watched_rules(settings, context.catalog) if settings else []
        self.model.set_exceptions(settings.exceptions if settings else ())
        # The client factory runs on the reader's worker threads only.
        return EventReader(lambda region: context.access().client("cloudtrail", region), rules,
                           account=context.credentials.profile or "default",
                           catalog=context.catalog)

    def start(self) -> None:
        """Load the chosen window and start auto-refresh."""
        self.model.clear()
        self.detail.clear()
        self.poller.set_interval(INTERVALS_MS[self.refresh_combo.currentIndex()])
        self.poller.load(WINDOWS[self.window_combo.currentIndex()])

    def restart(self) -> None:
        """The deployment changed: new watched rules, new reader."""
        self.poller.reset()
        self.start()

    def shutdown(self) -> None:
        self.poller.stop()
        self.tray.hide()
        self._pool.wait(5_000)

    @Slot()
    def _on_filter_timer_timeout(self) -> None:
        self.proxy.set_text(self.filter_edit.text())
        self._update_status()

    @Slot(int)
    def _on_window_combo_changed(self, _index: int) -> None:
        self.detail.window_text = self.window_combo.currentText().lower()
        self.start()

    @Slot(int)
    def _on_refresh_combo_changed(self, index: int) -> None:
        self.poller.set_interval(INTERVALS_MS[index])
        self._update_status()

    @Slot(object)
    def _on_poller_rows_arrived(self, rows: list[EventRow]) -> None:
        self.model.append_rows(rows)

    @Slot(object)
    def _on_poller_page_read(self, page: EventPage) -> None:
        if page.reached is not None and not page.done:
            self._reached[page.region] = page.reached
        elif page.done:
            self._reached.pop(page.region, None)
        self._update_scan()

    @Slot(str)
    def _on_poller_round_started(self, kind: str) -> None:
        self._busy, self._kind = True, kind
        self._reached.clear()
        self._update_status()

    @Slot(str, object)
    def _on_poller_round_finished(self, _kind: str, error: object) -> None:
        self._busy = False
        self._reached.clear()
        cancelled = getattr(error, "kind", "") == "cancelled"
        self._error = describe(error, self._context.lang) if error and not cancelled else ""
        self._update_status()

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
        self.detail.show_row(row, self.model.rows)

    def select_row(self, proxy_row: int) -> None:
        index = self.proxy.index(proxy_row, 0)
        self.table.scrollTo(index)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def visible_rows(self) -> list[EventRow]:
        return [self.model.row_at(self.proxy.mapToSource(self.proxy.index(i, 0)).row())
                for i in range(self.proxy.rowCount())]

    def _update_status(self, *_args: object) -> None:
        parts = []
        if self.poller.last_updated is not None:
            parts.append(self.tr("Last updated %1").replace(
                "%1", self.poller.last_updated.strftime("%H:%M:%S")))
        parts.append(self.tr("%1 events, %2 shown").replace(
            "%1", str(self.model.rowCount())).replace("%2", str(self.proxy.rowCount())))
        interval = self.poller.interval_ms // 60_000
        parts.append(self.tr("refreshing every %n minute(s)", "", interval) if interval
                     else self.tr("auto-refresh off"))
        if self._busy:
            parts.append(self.tr("reading CloudTrail…"))
        self.status_label.setText(" · ".join(parts))
        self.error_label.setText(self._error)
        self.error_label.setVisible(bool(self._error))
        self._update_scan()

    def _update_scan(self) -> None:
        """While a load reads far back: how far it got. After: where it stopped, if early."""
        self.stop_button.setEnabled(self._busy)
        if self._busy:
            self.more_button.hide()
            if self._reached and self._kind != "poll":
                self.scan_label.setText(self.tr("Reading every event back from now: %1").replace(
                    "%1", self._regions_text(self._reached)))
            else:
                self.scan_label.setText("")
            return
        stopped = self.poller.scanned_back_to()
        self.more_button.setVisible(bool(stopped))
        self.scan_label.setText(self.tr(
            "Scanned back to %1; older events of the window are not read yet.").replace(
            "%1", self._regions_text(stopped)) if stopped else "")

    def _regions_text(self, reached: dict[str, datetime]) -> str:
        return ", ".join(self.tr("%1 (%2)").replace("%1", _short_time(when)).replace(
            "%2", region) for region, when in sorted(reached.items()))

    def _export_filters(self) -> tuple[str, str, str]:
        return (self.tr("CSV for Excel, UTF-8 with BOM (*.csv)"),
                self.tr("CSV, UTF-8 without BOM (*.csv)"), self.tr("JSON (*.json)"))

    def _ask_save_path(self) -> tuple[str, str]:
        return QFileDialog.getSaveFileName(self, self.tr("Export events"),
                                           "changewatch-events.csv",
                                           ";;".join(self._export_filters()))

    def selected_rows(self) -> list[EventRow]:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.row_at(self.proxy.mapToSource(i).row())
                for i in sorted(rows, key=lambda i: i.row())]

    @Slot()
    def _on_selection_changed(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.compare_button.setEnabled(2 <= count <= MAX_COMPARED)
        self.compare_button.setToolTip(self.tr("Select 2 to %1 events (Ctrl+click) to compare "
                                               "them side by side.").replace(
            "%1", str(MAX_COMPARED)))

    @Slot()
    def compare(self) -> None:
        rows = self.selected_rows()
        if 2 <= len(rows) <= MAX_COMPARED:
            self.compare_dialog = CompareDialog(rows, self)
            self.compare_dialog.show()

    def columns_menu(self) -> QMenu:
        """Which columns to show; the choice is remembered."""
        header = self.table.horizontalHeader()

        def remember() -> None:
            hidden = [c for c in range(header.count()) if header.isSectionHidden(c)]
            self._context.local.set("hidden_columns", hidden)

        return columns_menu(header, remember)

    @Slot(QPoint)
    def _on_header_context_menu_requested(self, at: QPoint) -> None:
        self.columns_menu().exec(self.table.horizontalHeader().mapToGlobal(at))

    @Slot()
    def export(self) -> None:
        """Write the rows shown (filter applied) to a CSV or JSON file."""
        path, chosen = self.ask_save_path()
        if not path:
            return
        rows = self.visible_rows()
        as_json = path.lower().endswith(".json") or ("json" in chosen.lower()
                                                      and not path.lower().endswith(".csv"))
        plain = chosen == self._export_filters()[1]
        try:
            count = (write_json(path, rows) if as_json else
                     write_csv(path, rows, bom=not plain, lang=current_lang()))
        except OSError as exc:
            self.error_label.setText(self.tr(
                "Could not write %1 (%2). Choose another folder or free some space, then "
                "export again.").replace("%1", path).replace("%2", exc.strerror or str(exc)))
            self.error_label.show()
            return
        self.status_label.setText(self.tr("Exported %1 events to %2").replace(
            "%1", str(count)).replace("%2", path))
