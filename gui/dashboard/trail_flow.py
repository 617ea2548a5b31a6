"""Offer a multi-region CloudTrail trail: plan it, show what it creates and costs, then create."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from aws.trail_setup import TrailPlan
from gui.context import AppContext
from gui.dashboard.dialogs import ConfirmDialog
from gui.workers import Task, WorkerPool


class TrailFlow(QObject):
    """`confirm(plan) -> bool` is an attribute so tests (and screenshots) can answer it."""

    finished = Signal(bool)  # ok; what happened is told through the app's messages

    def __init__(self, context: AppContext, pool: WorkerPool, parent: QWidget) -> None:
        super().__init__(parent)
        self._context, self._parent = context, parent
        self.confirm: Callable[[TrailPlan], bool] = lambda plan: (
            self.dialog(plan).exec() == QDialog.DialogCode.Accepted)
        self._plan, self._create = Task(pool, self), Task(pool, self)
        self._plan.succeeded.connect(self._on_plan_succeeded)
        self._create.succeeded.connect(self._on_create_succeeded)
        self._plan.failed.connect(self._on_task_failed)
        self._create.failed.connect(self._on_task_failed)

    @property
    def busy(self) -> bool:
        return self._plan.busy or self._create.busy

    def start(self, home_region: str) -> None:
        settings = self._context.settings
        if settings is None or self.busy:
            return
        self._plan.start(self._context.service().plan_trail, settings.deployment, home_region)

    def items(self, plan: TrailPlan) -> list[str]:
        encryption = (self.tr("SSE-KMS with key %1").replace("%1", plan.kms_key)
                      if plan.kms_key else self.tr("SSE-S3 (AES-256)"))
        return [
            self.tr("CloudTrail trail %1 in %2: multi-region (covers every region, new ones "
                    "too), global service events, log file validation, logging on").replace(
                "%1", plan.trail_name).replace("%2", plan.home_region),
            self.tr("S3 bucket %1 in %2 for the log files: private (all public access "
                    "blocked, ACLs disabled), encrypted with %3").replace(
                "%1", plan.bucket_name).replace("%2", plan.home_region).replace("%3", encryption),
            self.tr("A bucket policy that lets only this trail (aws:SourceArn) write under "
                    "AWSLogs/%1/, and refuses connections without TLS").replace(
                "%1", plan.account),
            self.tr("Tag changewatch:trail = %1 on the trail and the bucket (Remove "
                    "everything keeps both: they hold your logs)").replace(
                "%1", plan.deployment),
        ]

    def dialog(self, plan: TrailPlan) -> ConfirmDialog:
        note = self.tr(
            "Cost: the first copy of management events in each region is delivered free "
            "of charge by CloudTrail. You pay Amazon S3 for storing the log files (for a "
            "small account usually well under 1 USD a month) and S3 requests; with a KMS key, "
            "KMS request charges too. The trail and bucket stay when ChangeWatch is removed; "
            "delete them yourself if you no longer need the logs. "
            "https://aws.amazon.com/cloudtrail/pricing/")
        return ConfirmDialog(self.tr("Create a CloudTrail trail?"),
                             self.tr("ChangeWatch will create:"), self.items(plan), note,
                             self.tr("Create trail"), self._parent)

    @Slot(object)
    def _on_plan_succeeded(self, plan: TrailPlan) -> None:
        if not self.confirm(plan):
            return
        self._create.start(self._context.service().create_trail, plan)

    @Slot(object)
    def _on_create_succeeded(self, arn: str) -> None:
        self._context.messages.success(
            lambda: self.tr("Trail created and logging: %1").replace("%1", arn))
        self.finished.emit(True)

    @Slot(object)
    def _on_task_failed(self, error: object) -> None:
        self._context.messages.error(error)
        self.finished.emit(False)
