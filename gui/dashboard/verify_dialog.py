"""Verify end to end: says what it will change and where, asks, then lists each hop as it
passes (or why it stopped). The work runs on workers through the deployment service."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aws.errors import ChangeWatchError, is_cancelled
from aws.messages import describe as describe_error
from aws.settings import Settings
from aws.timezone import zone_name
from aws.verify import HopResult, HopState, VerifyPlan, describe, hop_text, passed
from gui.context import AppContext
from gui.workers import Task


class VerifyDialog(QDialog):
    def __init__(self, context: AppContext, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context, self._settings = context, settings
        self._plan: VerifyPlan | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.hops = QListWidget(self)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.hops, self.outcome, self.buttons):
            layout.addWidget(widget)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self._reading, self._running = Task(context.pool, self), Task(context.pool, self)
        self._reading.succeeded.connect(self._on_plan)
        self._running.progressed.connect(self._on_hop)
        self._running.succeeded.connect(self._on_done)
        for task in (self._reading, self._running):
            task.failed.connect(self._on_failed)
        self.retranslate_ui()
        self.resize(720, 420)
        self.start_button.setEnabled(False)
        self.intro.setText(self.tr("Reading what the check needs…"))
        self._reading.start(context.service().plan_verify, settings)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Verify end to end"))
        self.start_button.setText(self.tr("Make the change and follow it"))
        if self._plan is not None:
            self.intro.setText(describe(self._plan, self._context.lang))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(object)
    def _on_plan(self, plan: VerifyPlan) -> None:
        self._plan = plan
        self.intro.setText(describe(plan, self._context.lang))
        self.start_button.setEnabled(True)

    @Slot()
    def start(self) -> None:
        if self._plan is None or self._running.busy:
            return
        self.start_button.setEnabled(False)
        self.hops.clear()
        self.outcome.setText(self.tr("Following the alert; this takes a few minutes…"))
        witness = self._context.sandbox.witness if self._context.sandbox else None
        self._running.start(self._context.service().verify, self._plan, witness)

    @Slot(object)
    def _on_hop(self, result: object) -> None:
        if isinstance(result, HopResult) and self._plan is not None:
            zone = ZoneInfo(zone_name(self._settings.timezone))
            self.hops.addItem(hop_text(result, self._plan, self._context.lang, zone=zone))

    @Slot(object)
    def _on_done(self, results: tuple[HopResult, ...]) -> None:
        if passed(results):
            self.outcome.setText(self.tr("Every step passed: the alert reached the inbox."))
        else:
            failed = [r for r in results if r.state != HopState.PASSED]
            self.outcome.setText(self.tr(
                "%n step(s) did not pass; the lines above say where and why.", "",
                len(failed)))
        self.start_button.setEnabled(True)

    @Slot(object)
    def _on_failed(self, error: ChangeWatchError) -> None:
        if is_cancelled(error):
            return
        self.outcome.setText(describe_error(error, self._context.lang))
        self.start_button.setEnabled(self._plan is not None)

    def reject(self) -> None:
        self._running.cancel()
        self._reading.cancel()
        super().reject()
