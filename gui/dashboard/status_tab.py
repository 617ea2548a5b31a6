"""The Status tab: per-region state from AWS, drift in plain words, and what to do about it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from aws.messages import describe
from aws.status import (
    DeploymentStatus,
    RegionStatus,
    read_status,
    repair,
    send_test_notification,
)
from gui.context import AppContext
from gui.dashboard import actions
from gui.dashboard.remove_flow import RemoveFlow
from gui.dashboard.status_model import RegionStatusModel
from gui.dashboard.subscription import SubscriptionFlow
from gui.dashboard.trail_flow import TrailFlow
from gui.workers import Worker, WorkerPool

_WIDTHS = (120, 150, 300, 110, 130, 220)


def _read(access_fn, settings, regions, on_progress, cancelled) -> DeploymentStatus:
    return read_status(access_fn(), settings, regions, cancelled)


class StatusTab(QWidget):
    """`ask_link()` returns the pasted confirmation link (None: cancelled); tests replace it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.pool = WorkerPool(self)
        self.status: DeploymentStatus | None = None
        self._reading = self._again = False
        self._message = ""
        self.ask_link: Callable[[], str | None] = self._ask_link
        self._subscribed: dict = {}
        self.model = RegionStatusModel(self._since, self)
        self.remove_flow = RemoveFlow(context, self.pool, self)
        self.remove_flow.inform = self.show_message
        self.trail_flow = TrailFlow(context, self.pool, self)
        self.trail_flow.finished.connect(self._on_trail_flow_finished)
        self.subscription = SubscriptionFlow(context, self.pool, self)
        self.subscription.message.connect(self.show_message)
        self.subscription.changed.connect(self.refresh)
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        self.title_label, self.state_label = QLabel(self), QLabel(self)
        self.state_label.setWordWrap(True)
        self.refresh_button, self.repair_button = QPushButton(self), QPushButton(self)
        self.test_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.resend_button, self.link_button = QPushButton(self), QPushButton(self)
        self.trail_button = QPushButton(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        # The subscription column takes what is left, so a narrower window (the sandbox panel
        # beside it) still shows every column.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.detail = QTextBrowser(self)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        top = QHBoxLayout()
        for button in (self.refresh_button, self.repair_button, self.test_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        region_bar = QHBoxLayout()
        for button in (self.resend_button, self.link_button, self.trail_button):
            region_bar.addWidget(button)
        region_bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.state_label)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addLayout(region_bar)
        layout.addWidget(self.detail, 3)
        layout.addWidget(self.message_label)
        self.refresh_button.clicked.connect(self.refresh)
        self.repair_button.clicked.connect(self.repair)
        self.test_button.clicked.connect(self.send_test)
        self.remove_button.clicked.connect(self.remove_flow.start)
        self.resend_button.clicked.connect(self.resend)
        self.link_button.clicked.connect(self.paste_link)
        self.trail_button.clicked.connect(self.create_trail)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.repair_button.setText(self.tr("Repair"))
        self.test_button.setText(self.tr("Send test notification"))
        self.remove_button.setText(self.tr("Remove everything…"))
        self.resend_button.setText(self.tr("Resend confirmation"))
        self.link_button.setText(self.tr("I have the confirmation link…"))
        self.trail_button.setText(self.tr("Create a CloudTrail trail…"))
        self.model.retranslate_ui()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- state ---------------------------------------------------------------------------

    @property
    def reading(self) -> bool:
        return self._reading

    def _since(self, region: str):
        """When the confirmation email went out; read once per status, not per paint."""
        return self._subscribed.get(region)

    def _deployed(self, settings) -> tuple[str, ...]:
        return self._context.local.deployed_regions(settings.deployment)

    def selected(self) -> RegionStatus | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_region(self, region: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).region == region:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)

    def show_message(self, text: str) -> None:
        self._message = text
        self.message_label.setText(text)

    def show_status(self, status: DeploymentStatus) -> None:
        keep = self.selected().region if self.selected() else None
        self.status = status
        local = self._context.local
        self._subscribed = {r.region: local.subscribed_at(status.deployment, r.region)
                            for r in status.regions}
        self.model.set_rows(status.regions)
        if status.regions:
            self.select_region(keep if keep and status.region(keep) else
                               status.regions[0].region)
        self._update()

    def _update(self) -> None:
        settings = self._context.local.load_settings()
        status, words = self.status, self.model.words
        if settings is None:
            self.title_label.setText(self.tr("No ChangeWatch settings yet. Use Change setup… "
                                             "to create a deployment."))
        else:
            self.title_label.setText(self.tr("<b>Deployment %1</b> — notifications to %2")
                                     .replace("%1", escape(settings.deployment))
                                     .replace("%2", escape(settings.email)))
        self.state_label.setText(words.summary(status, self._reading))
        region = self.selected()
        has_status = status is not None and not self._reading
        self.repair_button.setEnabled(has_status and bool(status.drift or not status.deployed))
        self.test_button.setEnabled(bool(region and region.topic_arn))
        self.resend_button.setEnabled(bool(region and region.topic_arn and settings))
        self.link_button.setEnabled(bool(region and region.topic_arn))
        self.trail_button.setEnabled(bool(region and region.trail and not region.trail.covered
                                          and not self.trail_flow.busy))
        self.detail.setHtml(words.region_html(region, self._context.lang) if region else "")

    # -- actions -------------------------------------------------------------------------

    def _start(self, worker: Worker, done: Callable[[object], None]) -> None:
        worker.signals.succeeded.connect(done)
        worker.signals.failed.connect(self._on_worker_failed)
        self.pool.start(worker)

    @Slot()
    def refresh(self) -> None:
        settings = self._context.local.load_settings()
        if self._reading:
            self._again = True  # read again when this one ends: it may predate a change
            return
        if settings is None:
            self._update()
            return
        self._reading, self._again = True, False
        self._update()
        worker = Worker(_read, self._context.access, settings, self._deployed(settings))
        # Not `finished`: a previous read's late `finished` must not end this read.
        worker.signals.succeeded.connect(self._on_read_succeeded)
        worker.signals.failed.connect(self._on_read_failed)
        self.pool.start(worker)

    @Slot(object)
    def _on_read_succeeded(self, status: DeploymentStatus) -> None:
        self._reading = False
        self.show_status(status)
        if self._again:
            self.refresh()

    @Slot(object)
    def _on_read_failed(self, error: object) -> None:
        self._reading = False
        self._update()
        self._on_worker_failed(error)
        if self._again:
            self.refresh()

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        self.show_message(describe(error, self._context.lang))  # type: ignore[arg-type]

    @Slot()
    def repair(self) -> None:
        settings = self._context.local.load_settings()
        if settings is None:
            return
        self.repair_button.setEnabled(False)
        self.show_message(self.tr("Repairing…"))
        worker = Worker(actions.run, repair, self._context.access, settings,
                        self._deployed(settings))
        self._start(worker, self._on_repair_succeeded)

    @Slot(object)
    def _on_repair_succeeded(self, result) -> None:
        settings = self._context.local.load_settings()
        actions.remember(self._context.local, settings, result)
        self.show_message(self.model.words.repair_text(result, self._context.lang))
        self._context.signals.deployment_changed.emit()
        self.refresh()

    @Slot()
    def send_test(self) -> None:
        settings, region = self._context.local.load_settings(), self.selected()
        if settings is None or region is None:
            return
        worker = Worker(actions.run, send_test_notification, self._context.access, settings,
                        region.region, pass_control=False)
        self._start(worker, lambda message_id, r=region.region, e=settings.email:
                    self.show_message(self.tr(
                        "Test notification published to the topic in %1 (message %2). It "
                        "reaches %3 once the subscription is confirmed.").replace("%1", r)
                        .replace("%2", str(message_id)).replace("%3", e)))

    @Slot()
    def resend(self) -> None:
        region = self.selected()
        if region is not None:
            self.subscription.resend(region.topic_arn, region.region)

    def _ask_link(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Confirm the subscription"),
            self.tr("Paste the “Confirm subscription” link from the email:"))
        return text if ok else None

    @Slot()
    def paste_link(self) -> None:
        region = self.selected()
        link = self.ask_link() if region else None
        if link and region is not None:
            self.subscription.confirm(region.topic_arn, link)

    @Slot()
    def create_trail(self) -> None:
        settings = self._context.local.load_settings()
        region = self.selected()
        if settings is None or region is None:
            return
        home = settings.regions[0] if settings.regions else region.region
        self.trail_flow.start(home)

    @Slot(bool, str)
    def _on_trail_flow_finished(self, _ok: bool, text: str) -> None:
        self.show_message(text)
        self.refresh()

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update()
