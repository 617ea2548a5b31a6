"""Resend the confirmation email, or confirm with the link pasted from it (on workers)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from aws.errors import SettingsError
from aws.messages import describe
from aws.status import confirm_subscription, parse_confirmation, resend_confirmation
from gui.context import AppContext
from gui.dashboard.actions import run
from gui.workers import Worker, WorkerPool


class SubscriptionFlow(QObject):
    """Says what happened through `message`; `changed` asks the status to be read again."""

    message = Signal(str)
    changed = Signal()

    def __init__(self, context: AppContext, pool: WorkerPool, parent: QObject) -> None:
        super().__init__(parent)
        self._context, self._pool = context, pool

    def _start(self, worker: Worker, done) -> None:
        worker.signals.succeeded.connect(done)
        worker.signals.failed.connect(self._on_worker_failed)
        self._pool.start(worker)

    def resend(self, topic_arn: str, region: str) -> None:
        settings = self._context.local.load_settings()
        if settings is None:
            return
        worker = Worker(run, resend_confirmation, self._context.access, topic_arn,
                        settings.email, pass_control=False)
        self._start(worker, lambda _arn, r=region: self._on_resent(r))

    def _on_resent(self, region: str) -> None:
        settings = self._context.local.load_settings()
        self._context.local.remember_subscription(settings.deployment, region)
        self.message.emit(self.tr("A new confirmation email is on its way to %1. The link "
                                  "in it is valid for 48 hours.").replace("%1", settings.email))
        self.changed.emit()

    def confirm(self, topic_arn: str, link: str) -> None:
        try:
            parse_confirmation(link)
        except SettingsError:
            self.message.emit(self.tr("That is not a confirmation link. Copy the whole "
                                      "“Confirm subscription” link from the email."))
            return
        worker = Worker(run, confirm_subscription, self._context.access, topic_arn, link,
                        pass_control=False)
        self._start(worker, lambda _arn: self._on_confirmed())

    def _on_confirmed(self) -> None:
        self.message.emit(self.tr("Subscription confirmed. Only the topic owner can "
                                  "unsubscribe it now, so a forwarded email cannot."))
        self.changed.emit()

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        self.message.emit(describe(error, self._context.lang))  # type: ignore[arg-type]
