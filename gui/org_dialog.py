"""Organization (StackSets): what the StackSet reaches, deploy, status per account and region,
remove. Every call runs on a worker through aws/org; this only shows what it answers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aws.errors import ChangeWatchError
from aws.messages import describe
from aws.org.service import OrgPlan, OrgService, OrgStatus
from aws.org.text import describe_plan, describe_status, words
from gui.wizard.common import text_box
from gui.workers import Task, WorkerPool


def _read(service: OrgService, prepare: Callable[[], None] | None) -> tuple[OrgPlan, OrgStatus]:
    if prepare is not None:  # in the sandbox: its demo organization, made on first use
        prepare()
    plan = service.plan()
    return plan, service.status(plan)


def _deploy(service: OrgService, plan: OrgPlan, on_progress: Callable[[object], None],
            cancelled: Callable[[], bool]) -> tuple[OrgPlan, OrgStatus]:
    service.deploy(plan, on_progress)
    return plan, service.status(plan)


def _remove(service: OrgService, plan: OrgPlan, on_progress: Callable[[object], None],
            cancelled: Callable[[], bool]) -> tuple[OrgPlan, OrgStatus]:
    service.remove(plan, on_progress)
    return plan, service.status(plan)


class OrgDialog(QDialog):
    def __init__(self, service: OrgService, pool: WorkerPool, lang: str,
                 parent: QWidget | None = None,
                 prepare: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self._service, self._lang, self._prepare = service, lang, prepare
        self._plan: OrgPlan | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.text = text_box(self)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.buttons = QDialogButtonBox(self)
        self.deploy_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        for button in (self.deploy_button, self.refresh_button, self.remove_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.text, self.buttons):
            layout.addWidget(widget)
        self.task = Task(pool, self)
        self.task.succeeded.connect(self._on_task_succeeded)
        self.task.failed.connect(self._on_task_failed)
        self.task.progressed.connect(self._on_task_progressed)
        self.task.busy_changed.connect(self._on_task_busy_changed)
        self.deploy_button.clicked.connect(self.deploy)
        self.refresh_button.clicked.connect(self.refresh)
        self.remove_button.clicked.connect(self.remove)
        self.close_button.clicked.connect(self.reject)
        self.retranslate_ui()
        self.resize(820, 480)
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Organization (StackSets)"))
        self.intro.setText(self.tr(
            "One inbox for every account of the organization: a central stack holds the "
            "notification and an event bus that accepts only this organization; a StackSet "
            "puts the forwarding rules into every account, new ones included. Here it targets "
            "the whole organization in the setup's regions; `changewatch org` with an "
            "[organization] table chooses OUs and pacing."))
        self.deploy_button.setText(self.tr("&Deploy to the organization"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.remove_button.setText(self.tr("&Remove from the organization…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def refresh(self) -> None:
        self.text.setPlainText(self.tr("Reading the organization…"))
        self.task.start(_read, self._service, self._prepare)

    @Slot()
    def deploy(self) -> None:
        if self._plan is not None:
            self.text.appendPlainText("")
            self.task.start(_deploy, self._service, self._plan)

    @Slot()
    def remove(self) -> None:
        if self._plan is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove from the organization"), self.tr(
            "Delete the stack instances in every account, the StackSet and the central "
            "stack? The organization's alerts stop."))
        if answer == QMessageBox.StandardButton.Yes:
            self.text.appendPlainText("")
            self.task.start(_remove, self._service, self._plan)

    @Slot(bool)
    def _on_task_busy_changed(self, busy: bool) -> None:
        ready = not busy and self._plan is not None
        for button in (self.deploy_button, self.remove_button):
            button.setEnabled(ready)
        self.refresh_button.setEnabled(not busy)

    @Slot(object)
    def _on_task_progressed(self, step: object) -> None:
        self.text.appendPlainText(words(self._lang).get(str(step), str(step)))

    @Slot(object)
    def _on_task_succeeded(self, answer: tuple[OrgPlan, OrgStatus]) -> None:
        self._plan, status = answer
        deployment = self._service.settings.deployment
        lines = [*describe_plan(self._plan, deployment, self._lang), "",
                 *describe_status(status, self._lang, self._plan.names)]
        self.text.setPlainText("\n".join(lines))
        self._on_task_busy_changed(False)

    @Slot(object)
    def _on_task_failed(self, error: ChangeWatchError) -> None:
        self.text.appendPlainText(describe(error, self._lang))
        self._on_task_busy_changed(False)
