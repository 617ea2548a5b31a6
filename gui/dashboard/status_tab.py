"""The Status tab: per-region state from AWS, drift in plain words, and what to do about it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aws.deployment import Applied
from aws.status import DeploymentStatus, RegionStatus
from gui.column_fit import ColumnFitter
from gui.context import AppContext
from gui.dashboard.remove_flow import RemoveFlow
from gui.dashboard.status_model import RegionStatusModel
from gui.dashboard.subscription import SubscriptionFlow
from gui.dashboard.trail_flow import TrailFlow
from gui.exception_words import in_force_text
from gui.messages import MessageBar
from gui.workers import Task, WorkerPool

_WIDTHS = (120, 190, 260, 90, 130, 220)


class StatusTab(QWidget):
    """`ask_link()` returns the pasted confirmation link (None: cancelled); tests replace it.
    Two faces: the deployment's regions, or a calm "nothing deployed" with what was removed."""

    setup_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.pool = WorkerPool(self)
        self.status: DeploymentStatus | None = None
        self._again = False
        self.ask_link: Callable[[], str | None] = self._ask_link
        self._subscribed: dict = {}
        self.model = RegionStatusModel(self._since, self)
        self._read_task, self._repair_task, self._test_task = (
            Task(self.pool, self), Task(self.pool, self), Task(self.pool, self))
        self._read_task.succeeded.connect(self._on_read_succeeded)
        self._read_task.failed.connect(self._on_read_failed)
        self._repair_task.succeeded.connect(self._on_repair_succeeded)
        self._repair_task.failed.connect(context.messages.error)
        self._repair_task.busy_changed.connect(self._on_task_busy_changed)
        self._test_task.succeeded.connect(self._on_test_succeeded)
        self._test_task.failed.connect(context.messages.error)
        self._test_task.busy_changed.connect(self._on_task_busy_changed)
        self.remove_flow = RemoveFlow(context, self.pool, self)
        self.trail_flow = TrailFlow(context, self.pool, self)
        self.trail_flow.finished.connect(self.refresh)
        self.subscription = SubscriptionFlow(context, self.pool, self)
        self.subscription.changed.connect(self.refresh)
        self.remove_flow.removed.connect(self._on_remove_flow_removed)
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        self.title_label, self.state_label = QLabel(self), QLabel(self)
        self.state_label.setWordWrap(True)
        self.exceptions_label = QLabel(self)  # the exceptions in force, with their risk
        self.exceptions_label.setWordWrap(True)
        self.exceptions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.refresh_button, self.repair_button = QPushButton(self), QPushButton(self)
        self.test_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.resend_button, self.link_button = QPushButton(self), QPushButton(self)
        self.trail_button = QPushButton(self)
        self.message_label = MessageBar(self._context.messages, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._deployed_page())
        self.pages.addWidget(self._empty_page())
        top = QHBoxLayout()
        for button in (self.refresh_button, self.repair_button, self.test_button,
                       self.resend_button, self.link_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.exceptions_label)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message_label)
        self.refresh_button.clicked.connect(self.refresh)
        self.repair_button.clicked.connect(self.repair)
        self.test_button.clicked.connect(self.send_test)
        self.remove_button.clicked.connect(self.remove_flow.start)
        self.resend_button.clicked.connect(self.resend)
        self.link_button.clicked.connect(self.paste_link)
        self.trail_button.clicked.connect(self.create_trail)

    def _deployed_page(self) -> QWidget:
        page = QWidget(self)
        self.table = QTableView(page)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        # The subscription column takes what is left, so a narrower window (the sandbox panel
        # beside it) still shows every column.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # Then fitted to the words shown: subscription and CloudTrail wrap when room is short.
        self.column_fitter = ColumnFitter(self.table, wrap_columns=(2, 5))
        self.table.setMinimumHeight(140)
        self.detail = QTextBrowser(page)
        region_bar = QHBoxLayout()
        region_bar.addWidget(self.trail_button)
        region_bar.addStretch(1)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 2)
        column.addLayout(region_bar)
        column.addWidget(self.detail, 3)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        return page

    def _empty_page(self) -> QWidget:
        page = QWidget(self)
        self.empty_label = QLabel(page)
        self.empty_label.setWordWrap(True)
        self.setup_button = QPushButton(page)
        self.removed_toggle = QToolButton(page)
        self.removed_toggle.setCheckable(True)
        self.removed_toggle.setToolButtonStyle(
            self.removed_toggle.toolButtonStyle().ToolButtonTextBesideIcon)
        self.removed_list = QListWidget(page)
        self.removed_list.hide()
        self.removed_toggle.hide()
        self.removed_toggle.toggled.connect(self.removed_list.setVisible)
        self.setup_button.clicked.connect(self.setup_requested)
        row = QHBoxLayout()
        row.addWidget(self.setup_button)
        row.addStretch(1)
        column = QVBoxLayout(page)
        column.addWidget(self.empty_label)
        column.addLayout(row)
        column.addWidget(self.removed_toggle)
        column.addWidget(self.removed_list, 1)
        column.addStretch(0)
        return page

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.repair_button.setText(self.tr("Repair"))
        self.test_button.setText(self.tr("Send test notification"))
        self.remove_button.setText(self.tr("Remove everything…"))
        self.resend_button.setText(self.tr("Resend confirmation"))
        self.link_button.setText(self.tr("I have the confirmation link…"))
        self.trail_button.setText(self.tr("Create a CloudTrail trail…"))
        self.setup_button.setText(self.tr("Set up again…"))
        self.empty_label.setText(self.tr(
            "ChangeWatch has nothing deployed in this account: no rules watch, no email is "
            "sent. Your settings are kept, so setting up again starts from them."))
        self.removed_toggle.setText(self.tr("What was removed (%n)", "",
                                            self.removed_list.count()))
        self.model.retranslate_ui()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- state ---------------------------------------------------------------------------

    @property
    def reading(self) -> bool:
        return self._read_task.busy

    def _since(self, region: str):
        """When the confirmation email went out; read once per status, not per paint."""
        return self._subscribed.get(region)

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
        self._context.messages.info(text)

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
        settings = self._context.settings
        status, words = self.status, self.model.words
        # Unreadable regions may hold something: never call that "nothing deployed".
        deployed = status is None or status.deployed or any(r.error for r in status.regions)
        self.pages.setCurrentIndex(0 if deployed else 1)
        if settings is None:
            self.title_label.setText(self.tr("No ChangeWatch settings yet. Use Change setup… "
                                             "to create a deployment."))
        elif not deployed:
            self.title_label.setText("<b>" + escape(self.tr("Nothing deployed")) + "</b>")
        else:
            self.title_label.setText(self.tr("<b>Deployment %1</b> — notifications to %2")
                                     .replace("%1", escape(settings.deployment))
                                     .replace("%2", escape(settings.email)))
        self.state_label.setText(words.summary(status, self.reading))
        excepted = in_force_text(settings.exceptions, self._context.catalog,
                                 self._context.lang) if settings and deployed else ""
        self.exceptions_label.setText(excepted)
        self.exceptions_label.setVisible(bool(excepted))
        self._update_buttons(settings, deployed)
        region = self.selected()
        self.detail.setHtml(words.region_html(region, self._context.lang) if region else "")

    def _update_buttons(self, settings, deployed: bool) -> None:
        status = self.status
        has_status = status is not None and not self.reading and deployed
        topics = status.topics if has_status else ()
        self.repair_button.setEnabled(has_status and not self._repair_task.busy
                                      and bool(status.drift))
        for button in (self.repair_button, self.test_button, self.resend_button,
                       self.link_button, self.remove_button):
            button.setVisible(deployed)
        self.test_button.setEnabled(bool(topics) and not self._test_task.busy)
        self.resend_button.setEnabled(bool(settings) and any(t.pending and not t.confirmed
                                                             for t in topics))
        self.link_button.setEnabled(any(t.pending for t in topics))
        bare = has_status and any(r.trail and not r.trail.covered and r.trail.error is None
                                  for r in status.regions)
        self.trail_button.setEnabled(bool(bare) and not self.trail_flow.busy)

    # -- actions -------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        settings = self._context.settings
        if self.reading:
            self._again = True  # read again when this one ends: it may predate a change
            return
        if settings is None:
            self._update()
            return
        self._again = False
        self._read_task.start(self._context.service().status, settings)
        self._update()

    @Slot(object)
    def _on_read_succeeded(self, status: DeploymentStatus) -> None:
        self.show_status(status)
        if self._again:
            self.refresh()

    @Slot(object)
    def _on_read_failed(self, error: object) -> None:
        self._update()
        self._context.messages.error(error)
        if self._again:
            self.refresh()

    @Slot()
    def repair(self) -> None:
        settings = self._context.settings
        if settings is None:
            return
        self.show_message(self.tr("Repairing…"))
        self._repair_task.start(self._context.service().apply, settings)
        self._update()

    @Slot(object)
    def _on_repair_succeeded(self, applied: Applied) -> None:
        words, result = self.model.words, applied.result
        if result.ok:
            self._context.messages.success(lambda: words.repair_text(result, self._context.lang))
        else:
            self._context.messages.error(lambda: words.repair_text(result, self._context.lang))
        self._context.signals.deployment_changed.emit()

    @Slot()
    def send_test(self) -> None:
        settings, status = self._context.settings, self.status
        if settings is None or status is None or not status.topics:
            return
        self._test_target = settings.email
        self._test_task.start(self._send_tests, self._context.service(), settings,
                              tuple(t.region for t in status.topics))

    @staticmethod
    def _send_tests(service, settings, regions: tuple[str, ...]) -> list[str]:
        """On the worker: one test email per topic (one in one-inbox delivery)."""
        return [service.send_test(settings, region) for region in regions]

    @Slot(object)
    def _on_test_succeeded(self, message_ids: object) -> None:
        email, count = self._test_target, len(message_ids)  # type: ignore[arg-type]
        self._context.messages.success(lambda: self.tr(
            "%n test notification(s) published. They reach %1 once the subscription is "
            "confirmed, and read exactly like a real alert.", "", count).replace("%1", email))

    @Slot()
    def resend(self) -> None:
        for topic in self.status.topics if self.status else ():
            if topic.pending and not topic.confirmed:
                self.subscription.resend(topic.topic_arn, topic.region)

    def _ask_link(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Confirm the subscription"),
            self.tr("Paste the “Confirm subscription” link from the email:"))
        return text if ok else None

    @Slot()
    def paste_link(self) -> None:
        pending = [t for t in (self.status.topics if self.status else ()) if t.pending]
        link = self.ask_link() if pending else None
        if not link:
            return
        # The link names its topic; a bare token goes to the (first) one waiting.
        named = next((t for t in pending if t.topic_arn in link), pending[0])
        self.subscription.confirm(named.topic_arn, link)

    @Slot()
    def create_trail(self) -> None:
        settings = self._context.settings
        region = self.selected()
        if settings is None or region is None:
            return
        self.trail_flow.start(settings.home or region.region)

    @Slot(bool)
    def _on_task_busy_changed(self, _busy: bool) -> None:
        self._update()

    @Slot(object)
    def _on_remove_flow_removed(self, items: list[str]) -> None:
        self.removed_list.clear()
        self.removed_list.addItems(items)
        self.removed_toggle.setVisible(bool(items))
        self.removed_toggle.setChecked(False)
        self.retranslate_ui()

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update()
