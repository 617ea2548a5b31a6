"""The sandbox's own panel: a banner, “Simulate a change”, and the demo inbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from aws.messages import describe
from gui.context import AppContext
from gui.workers import Task

PREFERRED_WIDTH = 380  # px; the user can drag the dock wider
BANNER_STYLE = "background:#fff3c4; color:#5c4400; padding:6px; border-bottom:1px solid #e0c060;"


class SandboxLike(Protocol):
    """What the panel needs of sandbox.demo.Sandbox (gui/ does not import the sandbox)."""

    inbox: Any

    def simulate(self, simulation_id: str, region: str, caller: str = "user") -> list: ...

    def confirm(self, link: str) -> bool: ...


def sandbox_banner() -> QLabel:
    label = QLabel()
    label.setObjectName("sandboxBanner")
    label.setStyleSheet(BANNER_STYLE)
    label.setWordWrap(True)
    return label


class DemoPanel(QWidget):
    """Runs simulated changes on a worker and shows each notification as the email reads."""

    mail_received = Signal(object)  # from the sandbox's thread; queued to ours

    def __init__(self, context: AppContext, sandbox: SandboxLike, simulations,
                 regions: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context, self._sandbox, self._simulations = context, sandbox, tuple(simulations)
        self.banner = sandbox_banner()
        self.change = QComboBox()
        self.change.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.change.setMinimumContentsLength(14)
        self.region = QComboBox()
        self.region.addItems(regions)
        self.simulate_button = QPushButton()
        self.as_automation = QCheckBox()  # to try an exception: the change by a pipeline's role
        self.status = QLabel()
        self._status_words: Callable[[], str] | None = None
        self.status.setWordWrap(True)
        self.inbox_label = QLabel()
        self.inbox = QListWidget()
        # Long subjects are cut in the middle (region and resource stay), whole on hover.
        self.inbox.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.inbox.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.open_link = QPushButton()  # what clicking the link in a confirmation email does
        self.open_link.hide()
        row = QHBoxLayout()  # below the change, so its title has the panel's whole width
        row.addWidget(self.region, 1)
        row.addWidget(self.simulate_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.inbox)
        split.addWidget(self.body)
        split.setSizes([140, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.change)
        layout.addLayout(row)
        layout.addWidget(self.as_automation)
        layout.addWidget(self.status)
        layout.addWidget(self.inbox_label)
        layout.addWidget(split, 1)
        layout.addWidget(self.open_link)
        self._confirm_task = Task(context.pool, self)
        self._confirm_task.succeeded.connect(self._on_confirm_task_succeeded)
        self._confirm_task.failed.connect(self._on_worker_failed)
        self.open_link.clicked.connect(self._on_open_link_clicked)
        self._task = Task(context.pool, self)
        self._task.succeeded.connect(self._on_worker_succeeded)
        self._task.failed.connect(self._on_worker_failed)
        self._task.busy_changed.connect(self._on_task_busy_changed)
        self.simulate_button.clicked.connect(self._on_simulate_clicked)
        self.inbox.currentItemChanged.connect(self._on_inbox_current_changed)
        self.mail_received.connect(self._on_mail_received)
        listener = self.mail_received.emit
        sandbox.inbox.listeners.append(listener)
        self.destroyed.connect(lambda: sandbox.inbox.listeners.remove(listener))
        for mail in list(sandbox.inbox.mails):
            self._on_mail_received(mail)
        self.retranslate_ui()

    def sizeHint(self) -> QSize:
        """Narrow by default: the dashboard beside it needs the width more on a laptop."""
        hint = super().sizeHint()
        return QSize(max(PREFERRED_WIDTH, self.minimumSizeHint().width()), hint.height())

    def retranslate_ui(self) -> None:
        self.banner.setText(self.tr(
            "Sandbox: everything here runs against a local AWS on this computer. No AWS "
            "account is used and nothing is sent anywhere."))
        current = self.change.currentIndex()
        self.change.clear()
        for simulation in self._simulations:
            self.change.addItem(simulation.title.get(self._context.lang), simulation.id)
        self.change.setCurrentIndex(max(current, 0))
        self.simulate_button.setText(self.tr("Simulate a change"))
        self.as_automation.setText(self.tr("Made by a pipeline role (to try an exception)"))
        self.as_automation.setToolTip(self.tr(
            "The change is made by the role terraform-deployer, as a deployment pipeline "
            "would: add an exception for it to see that no email is sent."))
        self.open_link.setText(self.tr("Open the confirmation link"))
        self.inbox_label.setText(self.tr("Demo inbox (what the email says):"))
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(self.tr("Sandbox"))
        if self._status_words is not None:
            self.status.setText(self._status_words())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _say(self, words: Callable[[], str]) -> None:
        """Show a status; kept as words, so a language switch says it again in the new one."""
        self._status_words = words
        self.status.setText(words())

    @Slot()
    def _on_simulate_clicked(self) -> None:
        simulation_id, region = self.change.currentData(), self.region.currentText()
        self.simulate_button.setEnabled(False)
        self._say(lambda: self.tr("Making the change in the sandbox…"))
        caller = "automation" if self.as_automation.isChecked() else "user"
        self._task.start(self._sandbox.simulate, simulation_id, region, caller)

    @Slot(bool)
    def _on_task_busy_changed(self, busy: bool) -> None:
        self.simulate_button.setEnabled(not busy)

    @Slot(object)
    def _on_worker_succeeded(self, mails: list) -> None:
        automation = self.as_automation.isChecked()
        self._say(lambda: self._outcome(len(mails), automation))

    def _outcome(self, mails: int, automation: bool) -> str:
        if mails:
            return self.tr(
                "Done: {n} notification(s) arrived. CloudTrail lists the event a few seconds "
                "later, so it appears in Recent events after the next refresh.").format(n=mails)
        if automation:
            return self.tr(
                "Done, and no email was sent: an exception covers the pipeline role, or no "
                "rule watches this change. Recent events lists it, marked “excepted” if an "
                "exception covers it.")
        return self.tr(
            "Done, but no rule watches this change, so no email was sent. Add its group "
            "in Change setup… to be told next time.")

    @Slot(object)
    def _on_worker_failed(self, error) -> None:
        self._say(lambda: describe(error, self._context.lang))

    @Slot(object)
    def _on_mail_received(self, mail) -> None:
        item = QListWidgetItem(f"{mail.received.astimezone():%H:%M:%S}  {mail.subject}")
        item.setToolTip(f"{mail.subject}\n{mail.region}  {mail.rule}  → {', '.join(mail.to)}")
        item.setData(Qt.ItemDataRole.UserRole, mail)
        self.inbox.insertItem(0, item)
        self.inbox.setCurrentRow(0)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_inbox_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        mail = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.open_link.setVisible(bool(mail and mail.link))
        if mail is None:
            self.body.clear()
            return
        self.body.setPlainText(f"Subject: {mail.subject}\nTo: {', '.join(mail.to)}\n\n"
                               f"{mail.body}")


    @Slot()
    def _on_open_link_clicked(self) -> None:
        item = self.inbox.currentItem()
        mail = item.data(Qt.ItemDataRole.UserRole) if item else None
        if mail is not None and mail.link:
            self._confirm_task.start(self._sandbox.confirm, mail.link)

    @Slot(object)
    def _on_confirm_task_succeeded(self, confirmed: object) -> None:
        self._say(lambda: self.tr("Subscription confirmed: notifications now reach the inbox.")
                  if confirmed else self.tr("This link was used already or has expired."))
        self._context.signals.deployment_changed.emit()


def install(window: QMainWindow, context: AppContext, sandbox: SandboxLike, simulations,
            regions: tuple[str, ...]) -> DemoPanel:
    """Dock the panel on the right of a main window."""
    panel = DemoPanel(context, sandbox, simulations, regions)
    dock = QDockWidget(window)
    dock.setObjectName("demoDock")
    dock.setWidget(panel)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    panel.retranslate_ui()  # now in its dock: the dock's title too
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    bold = QFont(panel.banner.font())
    bold.setBold(True)
    panel.banner.setFont(bold)
    return panel
