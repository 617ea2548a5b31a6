"""Offer a multi-region CloudTrail trail: plan it, show what it creates and costs, then create."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from aws.messages import describe
from aws.trail_setup import TrailPlan, create_trail, plan_trail
from gui.context import AppContext
from gui.dashboard.dialogs import ConfirmDialog
from gui.workers import Worker, WorkerPool


def _plan(access_fn, deployment: str, region: str, on_progress, cancelled) -> TrailPlan:
    return plan_trail(access_fn(), deployment, region)


def _create(access_fn, plan: TrailPlan, on_progress, cancelled) -> str:
    return create_trail(access_fn(), plan, on_progress, cancelled)


class TrailFlow(QObject):
    """`confirm(plan) -> bool` is an attribute so tests (and screenshots) can answer it."""

    finished = Signal(bool, str)  # ok, what to tell the user

    def __init__(self, context: AppContext, pool: WorkerPool, parent: QWidget) -> None:
        super().__init__(parent)
        self._context, self._pool, self._parent = context, pool, parent
        self.confirm: Callable[[TrailPlan], bool] = lambda plan: (
            self.dialog(plan).exec() == QDialog.DialogCode.Accepted)
        self._workers: set[Worker] = set()

    @property
    def busy(self) -> bool:
        return bool(self._workers)

    def start(self, home_region: str) -> None:
        settings = self._context.local.load_settings()
        if settings is None or self.busy:
            return
        worker = Worker(_plan, self._context.access, settings.deployment, home_region)
        worker.signals.succeeded.connect(self._on_plan_succeeded)
        self._run(worker)

    def _run(self, worker: Worker) -> None:
        self._workers.add(worker)
        worker.signals.failed.connect(self._on_worker_failed)
        worker.signals.finished.connect(lambda w=worker: self._workers.discard(w))
        self._pool.start(worker)

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
        worker = Worker(_create, self._context.access, plan)
        worker.signals.succeeded.connect(self._on_create_succeeded)
        self._run(worker)

    @Slot(object)
    def _on_create_succeeded(self, arn: str) -> None:
        self.finished.emit(True, self.tr("Trail created and logging: %1").replace("%1", arn))

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        self.finished.emit(False, describe(error, self._context.lang))  # type: ignore[arg-type]
